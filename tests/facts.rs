//! Fact drift through the whole pipeline (load → align → facts): planted changes that must be
//! found, harmless rewording that must flag nothing, and the findings on the bundled seeds.

use storydiff::facts::{ChangeClass, Fact, FactKind, FactReport, FactStatus, analyze};
use storydiff::{CompareOptions, Comparison, Input, VersionId, compare};

const BASE: &str = "\
Senior US military leaders arrived in Kyiv on Wednesday for talks about ending the war.

Russia launched its full-scale invasion of Ukraine in 2022. A missile strike on Ternopil killed \
at least 26 people, officials said, and 22 more remain missing.

The delegation includes Gen. Chris Donahue, the top US Army commander in Europe, and Col. David \
Butler, an army spokesman.

Secretary of State Marco Rubio said peace would need “difficult but necessary concessions from \
both sides.”

The 28-point plan was drafted over three days in Miami, and a $105m (£80m) aid package was \
approved. Keith Kellogg will leave his post in January, after 360 days.
";

fn compare_texts(texts: &[&str]) -> Comparison {
    let inputs = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Input::from_bytes(format!("v{i}"), *t))
        .collect();
    compare(inputs, &CompareOptions::default()).expect("texts compare")
}

/// (kind, status, values in version order) of every divergent fact, for readable failures.
fn divergent(report: &FactReport) -> Vec<(FactKind, FactStatus, Vec<String>)> {
    report
        .divergent()
        .map(|f| {
            (
                f.kind,
                f.status,
                f.readings.iter().map(|r| r.value.clone()).collect(),
            )
        })
        .collect()
}

fn find<'a>(report: &'a FactReport, kind: FactKind, value: &str) -> Option<&'a Fact> {
    report
        .facts
        .iter()
        .find(|f| f.kind == kind && f.readings.iter().any(|r| r.value == value))
}

#[test]
fn planted_changes_are_all_found() {
    let planted = BASE
        .replace("in 2022", "in 2020")
        .replace("Chris Donahue", "Chris Donohue")
        .replace("difficult but necessary", "difficult but essential")
        .replace("at least 26 people", "at least twenty-eight people");
    let c = compare_texts(&[BASE, &planted]);
    let report = analyze(&c);
    let found = divergent(&report);

    let year = find(&report, FactKind::Date, "2020").expect("the year is found");
    assert_eq!(
        (year.status, year.consensus.as_deref()),
        (FactStatus::Drift, Some("2022")),
        "{found:?}"
    );

    let name = find(&report, FactKind::Name, "General Chris Donohue").expect("the name is found");
    assert_eq!(
        (name.status, name.spelling_change),
        (FactStatus::Drift, true),
        "{found:?}"
    );

    let quote = report
        .facts
        .iter()
        .find(|f| f.kind == FactKind::Quote)
        .expect("the quote is found");
    assert_eq!(quote.status, FactStatus::Misquote, "{found:?}");
    assert!(!quote.misquotes.is_empty());

    let toll = find(&report, FactKind::Number, "28").expect("the toll is found");
    assert_eq!(
        (toll.status, toll.consensus.as_deref()),
        (FactStatus::Drift, Some("26")),
        "{found:?}"
    );
    assert_eq!(toll.readings[1].text, "twenty-eight");

    assert_eq!(found.len(), 4, "nothing else is flagged: {found:?}");
    assert_eq!(
        report.score(VersionId(1)).map(|s| (s.drifted, s.misquoted)),
        Some((3, 1))
    );
}

#[test]
fn planted_readings_point_into_each_versions_text() {
    let planted = BASE.replace("in 2022", "in 2020");
    let c = compare_texts(&[BASE, &planted]);
    let report = analyze(&c);
    let year = find(&report, FactKind::Date, "2020").expect("the year is found");
    for reading in &year.readings {
        assert_eq!(
            c.version(reading.version).slice(reading.span.clone()),
            reading.text
        );
    }
}

#[test]
fn harmless_rewording_flags_nothing() {
    let reworded = BASE
        .replace("at least 26 people", "at least twenty-six people")
        .replace("Gen. Chris Donahue", "General Chris Donahue")
        .replace("Col. David", "Colonel David")
        .replace(
            "“difficult but necessary concessions from both sides.”",
            "\"difficult but necessary concessions from both sides\".",
        )
        .replace("The 28-point plan", "The 28 point plan")
        .replace("$105m (£80m)", "$105 million (£80m)")
        .replace("after 360 days", "after a 360-day term")
        .replace("arrived in Kyiv", "landed in Kyiv")
        .replace("officials said, and", "according to officials, while");
    let c = compare_texts(&[BASE, &reworded]);
    let report = analyze(&c);
    assert_eq!(divergent(&report), [], "no fact may drift");
    assert!(
        report.agreeing() >= 12,
        "the facts are still paired: {}",
        report.agreeing()
    );
    assert!(
        report
            .significance
            .iter()
            .all(|s| s.class != ChangeClass::Substantive),
        "{:?}",
        report.significance
    );
    assert_eq!(
        report
            .score(VersionId(1))
            .map(storydiff::facts::VersionScore::total),
        Some(0)
    );
}

#[test]
fn typography_only_changes_are_typography() {
    let retyped = BASE
        .replace(['“', '”'], "\"")
        .replace("Senior US", "Senior US ");
    let c = compare_texts(&[BASE, &retyped]);
    let report = analyze(&c);
    assert_eq!(divergent(&report), []);
    assert!(
        report
            .significance
            .iter()
            .all(|s| s.class == ChangeClass::Typography),
        "{:?}",
        report.significance
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Any Unicode at all: fact spans stay on character boundaries inside the text.
    #[test]
    fn any_unicode_extracts_without_panic(text in "\\PC{0,300}") {
        for fact in storydiff::facts::extract::extract(&text).facts {
            proptest::prop_assert!(text.get(fact.range.clone()).is_some());
        }
    }

    /// Whatever the input, extraction and comparison do not panic and every reading's span
    /// holds its text.
    #[test]
    fn any_text_yields_readings_that_point_into_it(
        a in "[A-Za-z0-9 .,'\"“”‘’$%£-]{0,120}( [A-Z][a-z]+){0,4}",
        b in "[A-Za-z0-9 .,'\"“”‘’$%£-]{0,120}( [A-Z][a-z]+){0,4}",
    ) {
        let c = compare_texts(&[&a, &b]);
        let report = analyze(&c);
        for fact in &report.facts {
            for reading in &fact.readings {
                proptest::prop_assert_eq!(c.version(reading.version).slice(reading.span.clone()), reading.text.as_str());
            }
        }
    }
}

/// The five bundled seeds: real rewrites of one story. Version 0 is the base.
mod seeds {
    use super::*;

    fn report() -> (Comparison, FactReport) {
        let c = compare(storydiff::load::bundled_seeds(), &CompareOptions::default())
            .expect("seeds compare");
        let report = analyze(&c);
        (c, report)
    }

    fn values(fact: &Fact) -> Vec<(usize, &str)> {
        fact.readings
            .iter()
            .map(|r| (r.version.0, r.value.as_str()))
            .collect()
    }

    #[test]
    fn the_drifted_facts_are_found() {
        let (_, report) = report();
        // 004 spells the commander "Donohue" and the minister "Sergey".
        let donahue = find(&report, FactKind::Name, "General Chris Donohue").expect("Donohue");
        assert_eq!(
            (
                donahue.status,
                donahue.spelling_change,
                donahue.outliers.as_slice()
            ),
            (FactStatus::Drift, true, &[VersionId(4)][..])
        );
        let lavrov = find(&report, FactKind::Name, "Minister Sergey Lavrov").expect("Sergey");
        assert_eq!(
            (lavrov.status, lavrov.spelling_change),
            (FactStatus::Drift, true)
        );
        // The Anchorage summit: 002 dates it 2024, 003 2020.
        let summit = find(&report, FactKind::Date, "2020").expect("the summit year");
        assert_eq!(summit.status, FactStatus::Drift);
        assert!(
            values(summit).contains(&(2, "2024")),
            "{:?}",
            values(summit)
        );
        // Trump took office "in January"; 003 says "January 2017".
        let office = find(&report, FactKind::Date, "January 2017").expect("January 2017");
        assert_eq!(
            (office.status, office.consensus.as_deref()),
            (FactStatus::Drift, Some("January"))
        );
        // Rubio's and Barrot's words differ between versions.
        let rubio = find(
            &report,
            FactKind::Quote,
            "difficult but necessary concessions from both sides",
        )
        .expect("Rubio");
        assert_eq!(rubio.status, FactStatus::Misquote);
        let barrot = find(
            &report,
            FactKind::Quote,
            "does not need any kind of capitulation",
        )
        .expect("Barrot");
        assert_eq!(barrot.status, FactStatus::Misquote);
    }

    #[test]
    fn facts_some_versions_leave_out_are_missing() {
        let (_, report) = report();
        // 003 drops the 22 missing people; 002 the 360 days; only 003 has the $105 million.
        let missing = find(&report, FactKind::Number, "22").expect("22 missing people");
        assert_eq!(
            (missing.status, missing.missing_from.as_slice()),
            (FactStatus::Missing, &[VersionId(3)][..])
        );
        let term = find(&report, FactKind::Duration, "360 days").expect("360 days");
        assert_eq!(
            (term.status, term.missing_from.as_slice()),
            (FactStatus::Missing, &[VersionId(2)][..])
        );
        let aid = find(&report, FactKind::Money, "$105 million").expect("$105 million");
        assert_eq!(
            (
                aid.status,
                aid.consensus.as_deref(),
                aid.outliers.as_slice()
            ),
            (FactStatus::Missing, None, &[VersionId(3)][..])
        );
        // 002 closes with a quotation no other version has.
        let supplies = find(
            &report,
            FactKind::Quote,
            "supplies have stabilized but conservation remains essential",
        );
        assert_eq!(supplies.map(|f| f.status), Some(FactStatus::Missing));
    }

    #[test]
    fn agreeing_facts_are_not_flagged() {
        let (_, report) = report();
        // The death toll and the plan's point count agree in all five versions.
        for (kind, value) in [(FactKind::Number, "26"), (FactKind::Number, "28 point")] {
            let facts: Vec<&Fact> = report
                .facts
                .iter()
                .filter(|f| f.kind == kind && f.readings.iter().any(|r| r.value == value))
                .collect();
            assert_eq!(
                facts.len(),
                1,
                "{value} is one fact: {:?}",
                facts.iter().map(|f| values(f)).collect::<Vec<_>>()
            );
            assert_eq!(
                (facts[0].status, facts[0].readings.len()),
                (FactStatus::Agree, 5),
                "{value}"
            );
        }
        let butler = find(&report, FactKind::Name, "Colonel David Butler").expect("Butler");
        assert_ne!(butler.status, FactStatus::Drift, "Col. = Col = Colonel");
    }

    #[test]
    fn false_alarms_stay_few() {
        let (_, report) = report();
        let drifts: Vec<Vec<(usize, &str)>> = report
            .facts
            .iter()
            .filter(|f| f.status == FactStatus::Drift && f.kind != FactKind::Role)
            .map(values)
            .collect();
        // Donohue, Sergey, 2020/2024/August and January 2017 — and at most one other.
        assert!(drifts.len() <= 5, "{drifts:#?}");
        // Roles: the Donbas swap (and 003's "reportedly" on it), 002's "allegedly".
        let roles = report
            .facts
            .iter()
            .filter(|f| f.kind == FactKind::Role && f.status == FactStatus::Drift)
            .count();
        assert!(roles <= 3, "{roles} role drifts");
        // Most divergent facts are facts some rewrites leave out; their number is guarded so
        // that noise (names, weekdays) cannot creep back in unnoticed. Since facts are compared
        // only between corresponding sentences (issue 8), a fact a rewrite moved into another,
        // paired sentence is left out there and extra here: 62 on the seeds.
        let divergent = report.divergent().count();
        assert!(divergent <= 65, "{divergent} divergent facts");
        assert!(
            report.agreeing() >= 90,
            "{} agreeing facts",
            report.agreeing()
        );
    }

    #[test]
    fn misquotes_gather_every_wording_of_a_statement() {
        let (_, report) = report();
        let rubio = find(
            &report,
            FactKind::Quote,
            "difficult but necessary concessions from both sides",
        )
        .expect("Rubio");
        let versions: Vec<usize> = rubio.readings.iter().map(|r| r.version.0).collect();
        assert_eq!(
            versions,
            [0, 1, 2],
            "004 paraphrases Rubio without quotation marks; 003 leaves him out"
        );
        assert!(
            rubio
                .readings
                .iter()
                .all(|r| r.speaker.as_deref() == Some("Marco Rubio"))
        );
        let barrot = find(
            &report,
            FactKind::Quote,
            "does not need any kind of capitulation",
        )
        .expect("Barrot");
        let versions: Vec<usize> = barrot.readings.iter().map(|r| r.version.0).collect();
        assert_eq!(versions, [0, 1, 2]);
        assert_eq!(
            barrot.misquotes.len(),
            2,
            "each deviating wording has its word diff"
        );
    }

    #[test]
    fn every_version_gets_a_score() {
        let (c, report) = report();
        assert_eq!(report.outliers.len(), c.versions.len());
        assert!(
            report.outliers.iter().all(|s| s.total() > 0),
            "every rewrite strays somewhere"
        );
        assert!(!report.ranking.is_empty());
        assert_eq!(report.ranking.len(), report.significance.len());
    }
}
