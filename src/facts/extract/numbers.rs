//! Numbers, money, percentages, durations and years, written in digits or in words.
//!
//! Values are normalised so that spellings compare equal: "twenty-six" and "26" are `26`,
//! "28-point" and "28 point" are `28 point`, "$105m" and "$105 million" are `$105 million`,
//! "three days" and "3-day" are `3 days`, "2,000" is `2000`, "3.5 per cent" is `3.5%`.
//!
//! `read` reads the number itself (digits or words), `money` amounts of money; this module
//! decides what the number counts (a percentage, a duration, a measure, a year).

mod money;
mod read;

use crate::facts::model::FactKind;
use crate::tokens::TokenClass;

use super::{Matched, Tok};
use money::{currency_word, money_at};
use read::number_at;

/// Matches a number-based fact starting at token `i`.
pub(super) fn match_at(toks: &[Tok<'_>], i: usize) -> Option<Matched> {
    if let Some(m) = money_at(toks, i) {
        return Some(m);
    }
    if is_identifier_part(toks, i) {
        return None;
    }
    let num = number_at(toks, i)?;
    if num.glued_scale {
        return None;
    }
    let j = num.end;
    let next = toks.get(j);
    let word = |k: usize| toks.get(k).map(|t| t.text.to_lowercase());
    // Percentages.
    if next.is_some_and(|t| t.is("%") && !t.gap) {
        return Some(matched(
            j + 1,
            FactKind::Number,
            format!("{}%", format_number(num.value)),
        ));
    }
    match word(j).as_deref() {
        Some("percent" | "pct") => {
            return Some(matched(
                j + 1,
                FactKind::Number,
                format!("{}%", format_number(num.value)),
            ));
        }
        Some("per") if word(j + 1).as_deref() == Some("cent") => {
            return Some(matched(
                j + 2,
                FactKind::Number,
                format!("{}%", format_number(num.value)),
            ));
        }
        _ => {}
    }
    // A trailing currency word: "105 million dollars".
    if let Some(currency) = word(j).as_deref().and_then(currency_word) {
        return Some(matched(
            j + 1,
            FactKind::Money,
            format!("{currency}{}", format_amount(num.value)),
        ));
    }
    // A unit, glued with a hyphen ("28-point", "360-day") or after a space ("360 days").
    let hyphen = next.is_some_and(|t| t.is_glue_hyphen(toks.get(j + 1)));
    let unit_at = if hyphen { j + 1 } else { j };
    if let Some(unit_tok) = toks
        .get(unit_at)
        .filter(|t| t.is_word() && (hyphen || t.gap))
    {
        let unit = unit_tok.text.to_lowercase();
        if let Some(base) = duration_unit(&unit) {
            let old = toks
                .get(unit_at + 1)
                .is_some_and(|t| t.is_glue_hyphen(toks.get(unit_at + 2)))
                && word(unit_at + 2).as_deref() == Some("old");
            if old {
                let value = format!("{} {base} old", format_number(num.value));
                return Some(matched(unit_at + 3, FactKind::Number, value));
            }
            return Some(matched(
                unit_at + 1,
                FactKind::Duration,
                duration_value(num.value, base),
            ));
        }
        // A number word glued to another word is part of that word: "one-sided",
        // "three-way" are no counts (digits are: "28-point", "34-year-old").
        let compound = if num.spelled {
            None
        } else {
            hyphen.then(|| singular(&unit))
        };
        if let Some(base) = measure_unit(&unit).or(compound) {
            let value = format!("{} {base}", format_number(num.value));
            return Some(matched(unit_at + 1, FactKind::Number, value));
        }
        if num.spelled && hyphen {
            return None;
        }
    }
    if num.plain4 && (1800.0..=2100.0).contains(&num.value) {
        return Some(matched(j, FactKind::Date, format_number(num.value)));
    }
    // "one" alone is a pronoun or an article far more often than a count.
    if num.spelled && (num.value - 1.0).abs() < f64::EPSILON {
        return None;
    }
    Some(matched(j, FactKind::Number, format_number(num.value)))
}

pub(super) fn matched(end: usize, kind: FactKind, value: String) -> Matched {
    Matched { end, kind, value }
}

/// "F-16", "COVID-19": digits glued by a hyphen to letters are part of a name, not a count;
/// "10:30" is a clock time; "2025-11-19" and "19/11/2025" are date stamps of the page.
fn is_identifier_part(toks: &[Tok<'_>], i: usize) -> bool {
    if in_date_stamp(toks, i) {
        return true;
    }
    let glued = |k: usize| toks.get(k).is_some_and(|t| !t.gap);
    let number = |k: usize| toks.get(k).is_some_and(|t| t.class == TokenClass::Number);
    let code = i >= 2
        && number(i)
        && glued(i)
        && toks[i - 1].is("-")
        && glued(i - 1)
        && toks[i - 2].is_word();
    let time_start = number(i)
        && toks.get(i + 1).is_some_and(|t| t.is(":"))
        && glued(i + 1)
        && glued(i + 2)
        && number(i + 2);
    let time_end =
        i >= 2 && number(i) && glued(i) && toks[i - 1].is(":") && glued(i - 1) && number(i - 2);
    code || time_start || time_end
}

/// Whether token `i` is one of three or more numbers glued by `-`, `/` or `.`: a date stamp
/// ("2025-11-19", "19/11/2025", "19.11.2025"), which dates the page, not the story.
pub(super) fn in_date_stamp(toks: &[Tok<'_>], i: usize) -> bool {
    let number = |k: usize| toks.get(k).is_some_and(|t| t.class == TokenClass::Number);
    let separator = |k: usize| {
        toks.get(k)
            .is_some_and(|t| !t.gap && matches!(t.text, "-" | "/" | "." | "‐" | "‑"))
            && toks.get(k + 1).is_some_and(|t| !t.gap)
    };
    if !number(i) {
        return false;
    }
    // Walk back to the first number of the run, then count the run.
    let mut first = i;
    while first >= 2 && separator(first - 1) && number(first - 2) {
        first -= 2;
    }
    let mut count = 1;
    let mut k = first;
    while separator(k + 1) && number(k + 2) {
        count += 1;
        k += 2;
    }
    count >= 3
}

/// The plural form a duration is normalised to, for each way of writing the unit.
fn duration_unit(word: &str) -> Option<&'static str> {
    Some(match word {
        "second" | "seconds" => "second",
        "minute" | "minutes" => "minute",
        "hour" | "hours" => "hour",
        "day" | "days" => "day",
        "week" | "weeks" => "week",
        "fortnight" | "fortnights" => "fortnight",
        "month" | "months" => "month",
        "year" | "years" => "year",
        "decade" | "decades" => "decade",
        "century" | "centuries" => "century",
        _ => return None,
    })
}

fn duration_value(n: f64, unit: &str) -> String {
    let plural = match ((n - 1.0).abs() < f64::EPSILON, unit) {
        (true, _) => unit.to_string(),
        (false, "century") => "centuries".to_string(),
        (false, _) => format!("{unit}s"),
    };
    format!("{} {plural}", format_number(n))
}

/// Units that make a number a measure even after a space ("28 point plan", "5 km").
fn measure_unit(word: &str) -> Option<String> {
    let base = match word {
        "point" | "points" => "point",
        "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => "kilometre",
        "mile" | "miles" => "mile",
        "metre" | "metres" | "meter" | "meters" => "metre",
        "kg" | "kilogram" | "kilograms" => "kilogram",
        "tonne" | "tonnes" | "ton" | "tons" => "tonne",
        "acre" | "acres" => "acre",
        "hectare" | "hectares" => "hectare",
        "degree" | "degrees" => "degree",
        "mph" => "mph",
        _ => return None,
    };
    Some(base.to_string())
}

/// A crude singular for hyphen compounds ("28-points" = "28-point").
fn singular(word: &str) -> String {
    match word.strip_suffix('s') {
        Some(stem) if stem.len() > 2 && !stem.ends_with('s') => stem.to_string(),
        _ => word.to_string(),
    }
}

/// Normalised text of a plain number: "2000", "3.5", "26 million".
pub(super) fn format_number(v: f64) -> String {
    if v >= 1e6 && (v / 1e3).fract() == 0.0 {
        return format_amount(v);
    }
    trim_decimal(v)
}

/// Normalised text of an amount: scale words from a million up ("105 million", "1.5 billion").
pub(super) fn format_amount(v: f64) -> String {
    let (div, word) = if v >= 1e12 {
        (1e12, " trillion")
    } else if v >= 1e9 {
        (1e9, " billion")
    } else if v >= 1e6 {
        (1e6, " million")
    } else {
        (1.0, "")
    };
    format!("{}{word}", trim_decimal(v / div))
}

fn trim_decimal(v: f64) -> String {
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests;
