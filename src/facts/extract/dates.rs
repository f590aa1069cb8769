//! Dates: month names with an optional day and year ("Nov. 25", "20th of November",
//! "January 2017"), and weekdays. Values read month first: "November 20", "November 20, 2024",
//! "January 2017". Bare years are found with the numbers (see `numbers.rs`).

use crate::facts::model::FactKind;
use crate::tokens::TokenClass;

use super::{Matched, Tok, first_word};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Abbreviated months; they count only next to a day or a year ("Jan" is also a name).
const MONTH_ABBREVIATIONS: [(&str, usize); 12] = [
    ("Jan", 0),
    ("Feb", 1),
    ("Mar", 2),
    ("Apr", 3),
    ("Jun", 5),
    ("Jul", 6),
    ("Aug", 7),
    ("Sep", 8),
    ("Sept", 8),
    ("Oct", 9),
    ("Nov", 10),
    ("Dec", 11),
];

/// Whether a word is a month or weekday name (names do not take these).
pub(super) fn is_calendar_word(word: &str) -> bool {
    MONTHS.contains(&word) || WEEKDAYS.contains(&word)
}

/// Matches a date starting at token `i`.
pub(super) fn match_at(toks: &[Tok<'_>], i: usize) -> Option<Matched> {
    let t = toks.get(i)?;
    if let Some(day) = WEEKDAYS.iter().find(|d| t.is(d)) {
        return Some(Matched {
            end: i + 1,
            kind: FactKind::Date,
            value: (*day).to_string(),
        });
    }
    if let Some((month, after)) = month_at(toks, i) {
        let (day, after_day) = match day_at(toks, after) {
            Some(day) => (Some(day), after + 1),
            None => (None, after),
        };
        let (year, end) =
            year_after(toks, after_day).map_or((None, after_day), |(y, e)| (Some(y), e));
        let abbreviated = toks[i].text.len() < MONTHS[month].len();
        let may = month == 4 && !abbreviated;
        if (abbreviated || may && Some(i) == first_word(toks)) && day.is_none() && year.is_none() {
            // "Jan" and a sentence-initial "May" are a name and a verb more often than months.
            return None;
        }
        return Some(Matched {
            end,
            kind: FactKind::Date,
            value: date_value(month, day, year),
        });
    }
    // Day first: "20 November", "20th of November 2024".
    let day = day_at(toks, i)?;
    let of = toks.get(i + 1).is_some_and(|t| t.is("of"));
    let month_start = if of { i + 2 } else { i + 1 };
    let (month, after) = month_at(toks, month_start)?;
    let (year, end) = year_after(toks, after).map_or((None, after), |(y, e)| (Some(y), e));
    Some(Matched {
        end,
        kind: FactKind::Date,
        value: date_value(month, Some(day), year),
    })
}

fn date_value(month: usize, day: Option<u32>, year: Option<u32>) -> String {
    let name = MONTHS[month];
    match (day, year) {
        (Some(d), Some(y)) => format!("{name} {d}, {y}"),
        (Some(d), None) => format!("{name} {d}"),
        (None, Some(y)) => format!("{name} {y}"),
        (None, None) => name.to_string(),
    }
}

/// A month name at token `i`: the month index and the token after it (past an abbreviation's
/// full stop).
fn month_at(toks: &[Tok<'_>], i: usize) -> Option<(usize, usize)> {
    let t = toks.get(i)?;
    if let Some(m) = MONTHS.iter().position(|m| t.is(m)) {
        return Some((m, i + 1));
    }
    let (_, m) = MONTH_ABBREVIATIONS.iter().find(|(a, _)| t.is(a))?;
    let dot = toks.get(i + 1).is_some_and(|d| d.is(".") && !d.gap);
    Some((*m, if dot { i + 2 } else { i + 1 }))
}

/// A day of the month at token `i`: "25" or "25th", 1 to 31.
fn day_at(toks: &[Tok<'_>], i: usize) -> Option<u32> {
    let t = toks.get(i)?;
    let digits = match t.class {
        TokenClass::Number => t.text,
        TokenClass::Word => ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|s| t.text.strip_suffix(s))?,
        TokenClass::Punct => return None,
    };
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let day: u32 = digits.parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

/// A year after a month or day, with an optional comma: "November 20, 2024".
fn year_after(toks: &[Tok<'_>], i: usize) -> Option<(u32, usize)> {
    let comma = toks.get(i).is_some_and(|t| t.is(","));
    let at = if comma { i + 1 } else { i };
    let t = toks.get(at)?;
    if t.class != TokenClass::Number
        || t.text.len() != 4
        || !t.text.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let year: u32 = t.text.parse().ok()?;
    (1800..=2100).contains(&year).then_some((year, at + 1))
}

#[cfg(test)]
mod tests {
    use crate::facts::extract::extract;
    use crate::facts::model::FactKind;

    fn dates(text: &str) -> Vec<(String, String)> {
        extract(text)
            .facts
            .into_iter()
            .filter(|f| f.kind == FactKind::Date)
            .map(|f| (text[f.range].to_string(), f.value))
            .collect()
    }

    fn values(text: &str) -> Vec<String> {
        dates(text).into_iter().map(|d| d.1).collect()
    }

    #[test]
    fn month_day_and_day_month_read_the_same() {
        assert_eq!(values("Talks resume Nov. 25 in Kyiv."), ["November 25"]);
        assert_eq!(values("Talks resume November 25 in Kyiv."), ["November 25"]);
        assert_eq!(
            values("Talks resume on the 25th of November."),
            ["November 25"]
        );
        assert_eq!(
            values("Talks resume on 25 November 2025."),
            ["November 25, 2025"]
        );
        assert_eq!(
            values("Talks resume November 25, 2025, in Kyiv."),
            ["November 25, 2025"]
        );
    }

    #[test]
    fn a_month_with_a_year_is_one_fact() {
        assert_eq!(
            dates("took office in January 2017."),
            [("January 2017".into(), "January 2017".into())]
        );
        assert_eq!(values("took office in January."), ["January"]);
        assert_eq!(values("the August meeting"), ["August"]);
    }

    #[test]
    fn weekdays_and_years_are_dates() {
        assert_eq!(
            values("arrived late Wednesday and left in 2024"),
            ["Wednesday", "2024"]
        );
    }

    #[test]
    fn ambiguous_month_words_need_a_day_or_year() {
        assert!(values("Jan Smith may come. May we go?").is_empty());
        assert_eq!(values("They met in May."), ["May"]);
        assert_eq!(values("Jan. 5 was cold"), ["January 5"]);
    }
}
