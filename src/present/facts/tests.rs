use super::*;
use crate::app::fixture;
use crate::facts::analyze;
use crate::model::WordOp;
use crate::present::text::{Ink, Shown, Texts};

#[test]
fn a_misquotes_word_diff_keeps_the_accents_of_a_respelt_word_without_splitting_it() {
    let c = crate::testing::Builder::new(&[("a", "Donahue said no"), ("b", "Donohue said no")])
        .passage(&[Some(0), Some(0)])
        .build();
    let ops = [
        WordOp::Delete {
            base: 0..8,
            accents: std::iter::once(3..4).collect(),
        },
        WordOp::Insert {
            other: 0..8,
            accents: std::iter::once(3..4).collect(),
        },
        WordOp::Equal {
            base: 8..15,
            other: 8..15,
        },
    ];
    let texts = Texts::new(c.version(VersionId(0)), c.version(VersionId(1)));
    let line = detail::pieces(&texts.from_ops(&ops, Shown::Both, Ink::Text));
    let pieces: Vec<(&str, Tone)> = line.iter().map(|p| (p.text.as_str(), p.tone)).collect();
    assert_eq!(
        pieces,
        [
            ("Don", Tone::Deleted),
            ("a", Tone::DeletedAccent),
            ("hue ", Tone::Deleted),
            ("Don", Tone::Inserted),
            ("o", Tone::InsertedAccent),
            ("hue ", Tone::Inserted),
            ("said no", Tone::Plain),
        ]
    );
}

fn text(line: &PanelLine) -> String {
    line.iter().map(|p| p.text.as_str()).collect()
}

#[test]
fn drifted_facts_come_first_with_their_outliers_and_readings() {
    let c = fixture::story();
    let report = analyze(&c);
    let table = FactsTable::build(&c, &report, FactRows::Divergent);
    let first = &table.rows[0];
    assert_eq!(first.status, FactStatus::Drift, "{table:#?}");
    assert!(
        table
            .rows
            .windows(2)
            .all(|w| (w[0].section, w[0].passage) <= (w[1].section, w[1].passage))
    );
    let name = table
        .rows
        .iter()
        .find(|r| r.kind == FactKind::Name)
        .expect("the name drift");
    assert_eq!(name.consensus.as_deref(), Some("Gen Chris Donahue"));
    assert_eq!(text(&name.deviating), "001 Gen Chris Donohue");
    let detail: Vec<String> = name.detail.iter().map(text).collect();
    assert!(detail[0].contains("spelling change"), "{detail:#?}");
    assert!(
        detail[0].contains("(2 of 3 versions with the passage)"),
        "{detail:#?}"
    );
    assert_eq!(detail[2], " ✗ 001       Gen Chris Donohue");
    assert!(table.tally.summary().contains("2 drifted"), "{table:#?}");
}

#[test]
fn many_versions_show_the_departures_as_a_distribution() {
    let texts: Vec<Option<&str>> = (0..14)
        .map(|i| {
            Some(if i == 5 || i == 9 {
                "The strike killed 27 people in Ternopil."
            } else {
                "The strike killed 26 people in Ternopil."
            })
        })
        .collect();
    let c = fixture::comparison(&[fixture::text(&texts)], 0);
    let panel = FactsTable::build(&c, &analyze(&c), FactRows::Divergent);
    let row = panel
        .rows
        .iter()
        .find(|r| r.kind == FactKind::Number)
        .expect("the count drifts");
    assert_eq!(text(&row.deviating), "27 ×2: 005 009");
    let detail: Vec<String> = row.detail.iter().map(text).collect();
    assert_eq!(
        detail.len(),
        3,
        "heading and one line per reading: {detail:?}"
    );
    assert!(
        detail[1].contains("×12") && detail[2].contains("×2"),
        "{detail:?}"
    );
}

#[test]
fn a_calendar_word_alone_is_calendar_only_but_a_dated_day_is_not() {
    let c = crate::testing::story();
    let report = analyze(&c);
    let weekday = report
        .facts
        .iter()
        .find(|f| f.readings.iter().any(|r| r.value == "Monday"))
        .expect("the weekday is a fact");
    assert!(is_calendar_only(weekday));
    let c = crate::testing::Builder::new(&[
        ("a.txt", "It opened on Nov. 25."),
        ("b.txt", "It opened on Nov. 26."),
    ])
    .passage(&[Some(0), Some(0)])
    .build();
    assert!(!analyze(&c).facts.iter().any(is_calendar_only));
}

#[test]
fn rows_come_section_by_section_and_a_missing_fact_is_named_by_its_section() {
    let c = fixture::story();
    let report = analyze(&c);
    let table = FactsTable::build(&c, &report, FactRows::All);
    let order: Vec<Section> = table.sections().map(|(section, _)| section).collect();
    let mut sorted = order.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(order, sorted, "each section once, in order");
    for row in &table.rows {
        match row.section {
            Section::LeftOut | Section::Extra => assert_eq!(row.status_name, row.section.name()),
            Section::Calendar => assert_eq!(row.status_name, "missing"),
            _ => assert_ne!(row.status, FactStatus::Missing),
        }
        assert_eq!(row.cells.len(), c.versions.len());
    }
    let divergent = FactsTable::build(&c, &report, FactRows::Divergent);
    assert!(
        divergent
            .rows
            .iter()
            .all(|r| r.section != Section::Agreeing)
    );
    assert_eq!(
        divergent.tally, table.tally,
        "the tally counts every fact either way"
    );
}
