//! Numbers, money, percentages, durations and years, written in digits or in words.
//!
//! Values are normalised so that spellings compare equal: "twenty-six" and "26" are `26`,
//! "28-point" and "28 point" are `28 point`, "$105m" and "$105 million" are `$105 million`,
//! "three days" and "3-day" are `3 days`, "2,000" is `2000`, "3.5 per cent" is `3.5%`.

use crate::facts::model::FactKind;

use super::{Matched, Tok};
use crate::tokens::TokenClass;

/// A number read from tokens `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Num {
    value: f64,
    end: usize,
    /// Written in words ("three").
    spelled: bool,
    /// Four plain digits, no separators: may be a year.
    plain4: bool,
    /// Written with a scale suffix glued on ("105m", "2bn"): money only.
    glued_scale: bool,
}

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
        if let Some(base) = measure_unit(&unit).or_else(|| hyphen.then(|| singular(&unit))) {
            let value = format!("{} {base}", format_number(num.value));
            return Some(matched(unit_at + 1, FactKind::Number, value));
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

fn matched(end: usize, kind: FactKind, value: String) -> Matched {
    Matched { end, kind, value }
}

/// "F-16", "COVID-19": digits glued by a hyphen to letters are part of a name, not a count;
/// "10:30" is a clock time.
fn is_identifier_part(toks: &[Tok<'_>], i: usize) -> bool {
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

/// Money: a currency sign or code, an amount, an optional scale, an optional "(£80m)" after.
fn money_at(toks: &[Tok<'_>], i: usize) -> Option<Matched> {
    let t = toks.get(i)?;
    let (currency, mut j) = if let Some(sign) = currency_sign(t.text) {
        // "US$", "A$": a country prefix glued to the sign.
        (sign.to_string(), i + 1)
    } else if let Some(prefix) =
        dollar_prefix(t.text).filter(|_| toks.get(i + 1).is_some_and(|n| n.is("$") && !n.gap))
    {
        (format!("{prefix}$"), i + 2)
    } else if let Some(code) = currency_code(t.text) {
        (code.to_string(), i + 1)
    } else {
        return None;
    };
    let num = number_at(toks, j).filter(|n| !n.spelled)?;
    j = num.end;
    let end = conversion_end(toks, j).unwrap_or(j);
    Some(matched(
        end,
        FactKind::Money,
        format!("{currency}{}", format_amount(num.value)),
    ))
}

/// The end of a parenthesised conversion right after an amount: "$105m (£80m)".
fn conversion_end(toks: &[Tok<'_>], j: usize) -> Option<usize> {
    if !toks.get(j)?.is("(") {
        return None;
    }
    let close = (j + 1..toks.len().min(j + 8)).find(|&k| toks[k].is(")"))?;
    let inner = &toks[j + 1..close];
    let has_sign = inner
        .iter()
        .any(|t| currency_sign(t.text).is_some() || currency_code(t.text).is_some());
    let has_digit = inner
        .iter()
        .any(|t| t.text.starts_with(|c: char| c.is_ascii_digit()));
    (has_sign && has_digit).then_some(close + 1)
}

fn currency_sign(s: &str) -> Option<&'static str> {
    Some(match s {
        "$" | "US$" => "$",
        "£" => "£",
        "€" => "€",
        "¥" => "¥",
        "₹" => "₹",
        "₽" => "₽",
        "₴" => "₴",
        _ => return None,
    })
}

fn dollar_prefix(s: &str) -> Option<&'static str> {
    Some(match s {
        "US" => "",
        "A" => "A",
        "C" => "C",
        "NZ" => "NZ",
        "HK" => "HK",
        _ => return None,
    })
}

fn currency_code(s: &str) -> Option<&'static str> {
    Some(match s {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        "JPY" => "¥",
        "UAH" => "₴",
        "RUB" => "₽",
        "INR" => "₹",
        _ => return None,
    })
}

fn currency_word(s: &str) -> Option<&'static str> {
    Some(match s {
        "dollar" | "dollars" => "$",
        "euro" | "euros" => "€",
        "pound" | "pounds" | "sterling" => "£",
        "yen" => "¥",
        "rupee" | "rupees" => "₹",
        "rouble" | "roubles" | "ruble" | "rubles" => "₽",
        "hryvnia" | "hryvnias" | "hryvnas" => "₴",
        _ => return None,
    })
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

/// Reads a number at token `i`: digits ("2,000", "3.5"), digits with a glued suffix ("20th",
/// "105m"), or words ("twenty-six", "one hundred and five"), then a scale word ("million").
fn number_at(toks: &[Tok<'_>], i: usize) -> Option<Num> {
    let t = toks.get(i)?;
    let mut num = if t.class == TokenClass::Number {
        let value = parse_digits(t.text)?;
        let plain4 = t.text.len() == 4 && t.text.bytes().all(|b| b.is_ascii_digit());
        Num {
            value,
            end: i + 1,
            spelled: false,
            plain4,
            glued_scale: false,
        }
    } else if t.text.starts_with(|c: char| c.is_ascii_digit()) {
        glued(t.text, i)?
    } else {
        spelled_at(toks, i)?
    };
    if num.glued_scale {
        return Some(num);
    }
    if let Some(scale) = toks
        .get(num.end)
        .filter(|t| t.gap)
        .and_then(|t| scale_word(&t.text.to_lowercase()))
    {
        num.value *= scale;
        num.end += 1;
        num.plain4 = false;
    }
    Some(num)
}

/// Digits with separators: "2,000" → 2000, "3.5" → 3.5. Clock times ("10:30") are not counts.
fn parse_digits(s: &str) -> Option<f64> {
    if s.contains(':') {
        return None;
    }
    let clean: String = s.chars().filter(|&c| c != ',' && c != '\u{202f}').collect();
    clean.parse::<f64>().ok()
}

/// A digit token with letters glued on: ordinals ("20th") and money scales ("105m", "1.5bn").
fn glued(s: &str, i: usize) -> Option<Num> {
    let split = s.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))?;
    let (digits, suffix) = s.split_at(split);
    let value = parse_digits(digits)?;
    let num = |glued_scale| Num {
        value,
        end: i + 1,
        spelled: false,
        plain4: false,
        glued_scale,
    };
    match suffix.to_lowercase().as_str() {
        "st" | "nd" | "rd" | "th" => Some(num(false)),
        "m" | "mn" | "mln" => Some(Num {
            value: value * 1e6,
            ..num(true)
        }),
        "bn" | "b" | "bln" => Some(Num {
            value: value * 1e9,
            ..num(true)
        }),
        "k" => Some(Num {
            value: value * 1e3,
            ..num(true)
        }),
        "tn" | "trn" => Some(Num {
            value: value * 1e12,
            ..num(true)
        }),
        _ => None,
    }
}

fn scale_word(word: &str) -> Option<f64> {
    Some(match word {
        "thousand" => 1e3,
        "million" | "millions" => 1e6,
        "billion" | "billions" => 1e9,
        "trillion" | "trillions" => 1e12,
        _ => return None,
    })
}

fn unit_word(word: &str) -> Option<u64> {
    const WORDS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    WORDS
        .iter()
        .position(|w| w.eq_ignore_ascii_case(word))
        .map(|p| p as u64)
}

fn tens_word(word: &str) -> Option<u64> {
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    TENS.iter()
        .position(|w| w.eq_ignore_ascii_case(word))
        .map(|p| (p as u64 + 2) * 10)
}

/// One word of a spelled-out number (any case: "Twenty-six").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NumberWord {
    /// zero to nineteen, or a multiple of ten up to ninety.
    Small(u64),
    Hundred,
    /// thousand, million, billion.
    Scale(u64),
}

fn number_word(word: &str) -> Option<NumberWord> {
    if let Some(n) = unit_word(word).or_else(|| tens_word(word)) {
        return Some(NumberWord::Small(n));
    }
    let is = |w: &str| word.eq_ignore_ascii_case(w);
    if is("hundred") {
        Some(NumberWord::Hundred)
    } else if is("thousand") {
        Some(NumberWord::Scale(1_000))
    } else if is("million") {
        Some(NumberWord::Scale(1_000_000))
    } else if is("billion") {
        Some(NumberWord::Scale(1_000_000_000))
    } else {
        None
    }
}

/// Spelled-out numbers: "three", "twenty-six", "one hundred and five", "two thousand".
fn spelled_at(toks: &[Tok<'_>], i: usize) -> Option<Num> {
    let word_at = |k: usize| {
        toks.get(k)
            .filter(|t| t.text.len() <= 9)
            .and_then(|t| number_word(t.text))
    };
    let (mut total, mut current) = (0_u64, 0_u64);
    let mut k = i;
    let mut end = None;
    while let Some(word) = word_at(k) {
        let fits = match word {
            NumberWord::Small(n) => {
                let group = current % 100;
                end.is_none() || group == 0 || (group >= 20 && group % 10 == 0 && n < 10)
            }
            NumberWord::Hundred => (1..100).contains(&current),
            NumberWord::Scale(_) => current > 0,
        };
        if !fits {
            break;
        }
        match word {
            NumberWord::Small(n) => current += n,
            NumberWord::Hundred => current *= 100,
            NumberWord::Scale(scale) => {
                total += current * scale;
                current = 0;
            }
        }
        end = Some(k + 1);
        // The next word may follow a space, a glued hyphen ("twenty-six"), or "and" after a
        // hundred or a scale ("one hundred and five").
        let next = k + 1;
        let joined_by = |joiner: usize| word_at(joiner + 1).is_some().then_some(joiner + 1);
        k = match toks.get(next) {
            Some(t) if t.is_glue_hyphen(toks.get(next + 1)) => joined_by(next),
            Some(t) if t.text.eq_ignore_ascii_case("and") && current % 100 == 0 => joined_by(next),
            Some(t) if t.gap && word_at(next).is_some() => Some(next),
            _ => None,
        }
        .unwrap_or(usize::MAX);
    }
    let end = end?;
    Some(Num {
        value: (total + current) as f64,
        end,
        spelled: true,
        plain4: false,
        glued_scale: false,
    })
}

/// Normalised text of a plain number: "2000", "3.5", "26 million".
pub(super) fn format_number(v: f64) -> String {
    if v >= 1e6 && (v / 1e3).fract() == 0.0 {
        return format_amount(v);
    }
    trim_decimal(v)
}

/// Normalised text of an amount: scale words from a million up ("105 million", "1.5 billion").
fn format_amount(v: f64) -> String {
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
mod tests {
    use crate::facts::extract::extract;
    use crate::facts::model::FactKind;

    /// Every number-based fact of a text as (kind, text, value).
    fn found(text: &str) -> Vec<(FactKind, &str, String)> {
        extract(text)
            .facts
            .into_iter()
            .filter(|f| f.kind != FactKind::Name && f.kind != FactKind::Quote)
            .map(|f| (f.kind, &text[f.range], f.value))
            .collect()
    }

    fn one(text: &str) -> (FactKind, String) {
        let got = found(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        (got[0].0, got[0].2.clone())
    }

    #[test]
    fn digits_and_words_normalise_to_the_same_number() {
        assert_eq!(
            one("killed at least 26 people"),
            (FactKind::Number, "26".into())
        );
        assert_eq!(
            one("killed at least twenty-six people"),
            (FactKind::Number, "26".into())
        );
        assert_eq!(
            one("some one hundred and five people"),
            (FactKind::Number, "105".into())
        );
        assert_eq!(one("over 2,000 people"), (FactKind::Number, "2000".into()));
        assert_eq!(
            one("about two thousand people"),
            (FactKind::Number, "2000".into())
        );
        assert_eq!(
            one("26 million people"),
            (FactKind::Number, "26 million".into())
        );
    }

    #[test]
    fn hyphenated_and_spaced_measures_are_equal() {
        assert_eq!(
            one("the 28-point plan"),
            (FactKind::Number, "28 point".into())
        );
        assert_eq!(
            one("a 28 point plan"),
            (FactKind::Number, "28 point".into())
        );
        assert_eq!(
            one("a 28-Point Proposal"),
            (FactKind::Number, "28 point".into())
        );
    }

    #[test]
    fn money_scales_and_conversions_normalise() {
        assert_eq!(
            one("a $105 million package"),
            (FactKind::Money, "$105 million".into())
        );
        assert_eq!(
            one("a $105m package"),
            (FactKind::Money, "$105 million".into())
        );
        let got = found("it cost $105m (£80m) in all");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            (got[0].1, got[0].2.as_str()),
            ("$105m (£80m)", "$105 million")
        );
        assert_eq!(
            one("US$1.5bn in aid"),
            (FactKind::Money, "$1.5 billion".into())
        );
        assert_eq!(
            one("105 million dollars"),
            (FactKind::Money, "$105 million".into())
        );
        assert_eq!(one("€500,000 fine"), (FactKind::Money, "€500000".into()));
    }

    #[test]
    fn percentages_in_signs_and_words_are_equal() {
        assert_eq!(one("up 3.5% on"), (FactKind::Number, "3.5%".into()));
        assert_eq!(one("up 3.5 per cent on"), (FactKind::Number, "3.5%".into()));
        assert_eq!(one("up 3.5 percent on"), (FactKind::Number, "3.5%".into()));
    }

    #[test]
    fn durations_in_digits_words_and_compounds() {
        assert_eq!(
            one("after 360 days"),
            (FactKind::Duration, "360 days".into())
        );
        assert_eq!(
            one("after a 360-day term"),
            (FactKind::Duration, "360 days".into())
        );
        assert_eq!(
            one("after no more than a 360-days"),
            (FactKind::Duration, "360 days".into())
        );
        assert_eq!(
            one("three days of meetings"),
            (FactKind::Duration, "3 days".into())
        );
        assert_eq!(
            one("more than three weeks after"),
            (FactKind::Duration, "3 weeks".into())
        );
        assert_eq!(
            one("that one-day summit"),
            (FactKind::Duration, "1 day".into())
        );
        assert_eq!(
            one("a 26-year-old man"),
            (FactKind::Number, "26 year old".into())
        );
    }

    #[test]
    fn four_digit_years_are_dates_but_separated_thousands_are_not() {
        assert_eq!(one("invaded in 2022."), (FactKind::Date, "2022".into()));
        assert_eq!(
            one("Moscow's 2024 position"),
            (FactKind::Date, "2024".into())
        );
        assert_eq!(
            one("some 2,022 soldiers"),
            (FactKind::Number, "2022".into())
        );
    }

    #[test]
    fn pronoun_one_identifiers_and_times_are_not_counts() {
        assert!(found("one of Kyiv's strongest supporters").is_empty());
        assert!(found("no one came").is_empty());
        assert!(found("an F-16 jet and COVID-19 rules").is_empty());
        assert!(found("at 10:30 sharp").is_empty());
    }

    #[test]
    fn adjacent_number_words_do_not_merge_wrongly() {
        let got: Vec<String> = found("two three-day visits")
            .into_iter()
            .map(|f| f.2)
            .collect();
        assert_eq!(got, ["2", "3 days"]);
    }
}
