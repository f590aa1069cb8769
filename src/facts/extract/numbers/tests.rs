//! Number, money, percentage, duration and year extraction on tricky strings.

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
    // A conversion is a fact of its own: a copy may convert otherwise or drop it.
    let got = found("it cost $105m (£80m) in all");
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!((got[0].1, got[0].2.as_str()), ("$105m", "$105 million"));
    assert_eq!((got[1].1, got[1].2.as_str()), ("£80m", "£80 million"));
    assert_eq!(
        one("€140bn euros"),
        (FactKind::Money, "€140 billion".into())
    );
    assert_eq!(
        one("140 billion euros"),
        (FactKind::Money, "€140 billion".into())
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

#[test]
fn hyphenated_words_are_not_numbers() {
    assert_eq!(found("a one-sided deal, a three-way split"), []);
    assert_eq!(
        one("a 34-year-old man"),
        (FactKind::Number, "34 year old".into())
    );
    assert_eq!(
        one("a one-day summit"),
        (FactKind::Duration, "1 day".into())
    );
}

#[test]
fn date_stamps_and_clock_times_are_not_facts() {
    assert_eq!(found("date 2025-11-19 14:32 GMT"), []);
    assert_eq!(found("Updated: 19/11/2025 15:05"), []);
    assert_eq!(found("on 19.11.2025"), []);
}
