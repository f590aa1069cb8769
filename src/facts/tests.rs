//! Fact comparison on hand-built comparisons, so the pairing, consensus and significance rules
//! are tested apart from the aligner.

use std::ops::Range;

use super::*;
use crate::diff::diff_words;
use crate::model::{
    OffsetMap, Passage, PassageKind, PassageStatus, Placement, Reading, Span, Version, VersionId,
};
use crate::options::{CompareOptions, IgnoreOptions};

/// A comparison of versions given as passage texts: `rows[p][v]` is version `v`'s text of
/// passage `p` (`None`: the version lacks it). Version 0 is the base.
fn build(rows: &[&[Option<&str>]]) -> Comparison {
    let n = rows[0].len();
    let mut texts = vec![String::new(); n];
    let mut ranges: Vec<Vec<Option<Range<usize>>>> = Vec::new();
    for row in rows {
        let mut spans = Vec::new();
        for (v, piece) in row.iter().enumerate() {
            spans.push(piece.map(|p| {
                if !texts[v].is_empty() {
                    texts[v].push_str("\n\n");
                }
                let start = texts[v].len();
                texts[v].push_str(p);
                start..texts[v].len()
            }));
        }
        ranges.push(spans);
    }
    let versions: Vec<Version> = texts
        .into_iter()
        .enumerate()
        .map(|(i, text)| Version {
            id: VersionId(i),
            name: format!("v{i}"),
            path: None,
            bytes: text.len(),
            encoding: "utf-8".into(),
            notes: Vec::new(),
            offsets: OffsetMap::default(),
            paragraphs: crate::segment::paragraphs(&text),
            text,
        })
        .collect();
    let passages = ranges
        .iter()
        .enumerate()
        .map(|(index, spans)| passage(&versions, index, spans))
        .collect();
    Comparison {
        versions,
        base: VersionId(0),
        passages,
        options: CompareOptions::default(),
    }
}

fn passage(versions: &[Version], index: usize, ranges: &[Option<Range<usize>>]) -> Passage {
    let spans: Vec<Span> = ranges
        .iter()
        .enumerate()
        .filter_map(|(v, r)| {
            r.clone().map(|range| Span {
                version: VersionId(v),
                range,
            })
        })
        .collect();
    let readings: Vec<Reading> = (1..versions.len())
        .map(|v| {
            let (status, similarity, ops) = match (&ranges[0], &ranges[v]) {
                (Some(b), Some(o)) => {
                    let d = diff_words(
                        &versions[0].text,
                        b.clone(),
                        &versions[v].text,
                        o.clone(),
                        IgnoreOptions::default(),
                    );
                    let status = if d.is_same() {
                        PassageStatus::Same
                    } else {
                        PassageStatus::Changed
                    };
                    (status, d.similarity, d.ops)
                }
                (Some(_), None) => (PassageStatus::Removed, 0.0, Vec::new()),
                (None, _) => (PassageStatus::Added, 0.0, Vec::new()),
            };
            Reading {
                version: VersionId(v),
                status,
                similarity,
                placement: Placement::InOrder,
                confidence: 1.0,
                ops,
            }
        })
        .collect();
    let status = if ranges[0].is_none() {
        PassageStatus::Added
    } else if readings.iter().any(|r| r.status == PassageStatus::Removed) {
        PassageStatus::Removed
    } else if readings.iter().all(|r| r.status == PassageStatus::Same) {
        PassageStatus::Same
    } else {
        PassageStatus::Changed
    };
    let similarity = readings.iter().map(|r| r.similarity).fold(1.0, f32::min);
    Passage {
        index,
        kind: PassageKind::Text,
        status,
        similarity,
        spans,
        readings,
    }
}

/// (kind, status, consensus) of every divergent fact.
fn divergent(report: &FactReport) -> Vec<(FactKind, FactStatus, Option<String>)> {
    report
        .divergent()
        .map(|f| (f.kind, f.status, f.consensus.clone()))
        .collect()
}

#[test]
fn equal_facts_written_differently_agree() {
    let c = build(&[&[
        Some("Gen. Chris Donahue said twenty-six people died in 2022, after 360 days."),
        Some("General Chris Donahue said 26 people died in 2022, after a 360-day wait."),
    ]]);
    let report = analyze(&c);
    assert_eq!(divergent(&report), []);
    assert_eq!(report.agreeing(), 4);
}

#[test]
fn a_changed_year_is_drift_with_the_base_as_consensus() {
    let c = build(&[&[
        Some("Russia invaded in 2022."),
        Some("Russia invaded in 2020."),
    ]]);
    let report = analyze(&c);
    assert_eq!(
        divergent(&report),
        [(FactKind::Date, FactStatus::Drift, Some("2022".into()))]
    );
    let fact = &report.facts[0];
    assert_eq!(fact.outliers, [VersionId(1)]);
    assert_eq!(
        fact.reading(VersionId(1))
            .map(|r| c.version(VersionId(1)).slice(r.span.clone())),
        Some("2020")
    );
    assert_eq!(report.score(VersionId(1)).map(VersionScore::total), Some(1));
}

#[test]
fn the_majority_sets_the_consensus_and_the_outlier() {
    let c = build(&[&[
        Some("Russia invaded in 2022."),
        Some("Russia invaded in 2020."),
        Some("Russia invaded early in 2020."),
    ]]);
    let report = analyze(&c);
    let fact = report.divergent().next().expect("a drifted year");
    assert_eq!(fact.consensus.as_deref(), Some("2020"));
    assert_eq!(fact.outliers, [VersionId(0)]);
    let totals: Vec<usize> = report.outliers.iter().map(VersionScore::total).collect();
    assert_eq!(totals, [1, 0, 0]);
}

#[test]
fn a_slightly_misspelt_name_is_a_spelling_change() {
    let c = build(&[&[
        Some("The visit included Gen. Chris Donahue and others."),
        Some("The visit included Gen Chris Donohue and others."),
    ]]);
    let report = analyze(&c);
    let fact = report.divergent().next().expect("a drifted name");
    assert_eq!(
        (fact.kind, fact.status, fact.spelling_change),
        (FactKind::Name, FactStatus::Drift, true)
    );
}

#[test]
fn a_swapped_person_is_drift_but_not_a_spelling_change() {
    let c = build(&[&[
        Some("The talks were led by Kaja Kallas on Monday."),
        Some("The talks were led by Josep Borrell on Monday."),
    ]]);
    let report = analyze(&c);
    let fact = report.divergent().next().expect("a swapped name");
    assert_eq!(
        (fact.status, fact.spelling_change),
        (FactStatus::Drift, false)
    );
    assert_eq!(fact.readings.len(), 2);
}

#[test]
fn a_reworded_quotation_is_a_misquote_with_its_word_diff() {
    let c = build(&[&[
        Some("Rubio said peace needs “difficult but necessary concessions from both sides.”"),
        Some("Rubio said peace needs “difficult but essential concessions from both sides.”"),
    ]]);
    let report = analyze(&c);
    let fact = report
        .facts
        .iter()
        .find(|f| f.kind == FactKind::Quote)
        .expect("a quote");
    assert_eq!(fact.status, FactStatus::Misquote);
    let misquote = &fact.misquotes[0];
    assert_eq!(
        (misquote.version, misquote.against),
        (VersionId(1), VersionId(0))
    );
    let changed: Vec<&str> = misquote
        .ops
        .iter()
        .filter_map(|op| match op {
            crate::model::WordOp::Insert { other, .. } => {
                Some(c.version(VersionId(1)).slice(other.clone()).trim())
            }
            _ => None,
        })
        .collect();
    assert_eq!(changed, ["essential"]);
}

#[test]
fn a_fact_left_out_by_a_version_that_carries_the_passage_is_missing() {
    let c = build(&[&[
        Some("The strike killed 26 people, and 22 remain missing."),
        Some("The strike killed 26 people."),
    ]]);
    let report = analyze(&c);
    assert_eq!(
        divergent(&report),
        [(FactKind::Number, FactStatus::Missing, Some("22".into()))]
    );
    assert_eq!(
        report
            .facts
            .iter()
            .find(|f| f.status == FactStatus::Missing)
            .map(|f| f.missing_from.clone()),
        Some(vec![VersionId(1)])
    );
}

#[test]
fn a_fact_the_aligner_put_in_another_passage_is_rescued_by_its_context() {
    // Version 1's sentence about the strike was not aligned with the base's.
    let c = build(&[
        &[
            Some("A missile strike on Ternopil killed 26 residents overnight."),
            None,
        ],
        &[
            Some("Officials met in Kyiv."),
            Some("Officials met in Kyiv."),
        ],
        &[
            None,
            Some("Overnight, a missile strike killed 26 residents of Ternopil."),
        ],
    ]);
    let report = analyze(&c);
    let toll = report
        .facts
        .iter()
        .find(|f| f.kind == FactKind::Number)
        .expect("the toll");
    assert_eq!((toll.status, toll.readings.len()), (FactStatus::Agree, 2));
    assert_eq!(toll.readings[1].passage, 2);
}

#[test]
fn significance_tells_typography_rewording_and_substance_apart() {
    use ChangeClass::*;
    let c = build(&[
        &[
            Some("Trump’s envoy — Steve Witkoff — met them."),
            Some("Trump's envoy - Steve Witkoff - met them."),
        ],
        &[
            Some("The envoy met the officials in Kyiv."),
            Some("The envoy held talks with officials in Kyiv."),
        ],
        &[
            Some("The strike killed 26 people."),
            Some("The strike killed 28 people."),
        ],
        &[Some("The talks went on."), None],
    ]);
    let report = analyze(&c);
    let classes: Vec<(usize, ChangeClass)> = report
        .significance
        .iter()
        .map(|s| (s.passage, s.class))
        .collect();
    assert_eq!(
        classes,
        [
            (0, Typography),
            (1, Rewording),
            (2, Substantive),
            (3, Substantive)
        ]
    );
    assert_eq!(report.significance[2].reasons, [Reason::FactDrift]);
    assert_eq!(report.significance[3].reasons, [Reason::TextRemoved]);
    assert_eq!(
        report.ranking,
        [2, 3, 1, 0],
        "facts first, then removed text, then dissimilarity"
    );
    assert!(report.is_substantive(2) && !report.is_substantive(1));
}

#[test]
fn passages_most_versions_lack_count_as_added_for_the_outlier() {
    let c = build(&[
        &[
            Some("Talks began."),
            Some("Talks began."),
            Some("Talks began."),
        ],
        &[None, None, Some("A third version adds this.")],
    ]);
    let report = analyze(&c);
    let added: Vec<usize> = report.outliers.iter().map(|s| s.added).collect();
    assert_eq!(added, [0, 0, 1]);
}

#[test]
fn divergent_passages_list_each_passage_once() {
    let c = build(&[
        &[
            Some("Russia invaded in 2022 and 2014."),
            Some("Russia invaded in 2020 and 2015."),
        ],
        &[Some("Talks began."), Some("Talks began.")],
    ]);
    assert_eq!(analyze(&c).divergent_passages(), [0]);
}

#[test]
fn divergent_spans_index_each_versions_text() {
    let c = build(&[&[
        Some("Russia invaded in 2022."),
        Some("Russia invaded in 2020."),
    ]]);
    let report = analyze(&c);
    let spans = report.divergent_spans(VersionId(1));
    assert_eq!(
        spans
            .iter()
            .map(|r| c.version(VersionId(1)).slice(r.clone()))
            .collect::<Vec<_>>(),
        ["2020"]
    );
}
