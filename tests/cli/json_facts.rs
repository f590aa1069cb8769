//! The fact parts of the JSON contract (issue 4): the top-level `facts` and `ranking`, each
//! version's `outlier_score`, each passage's `significance`, read into test-local structs and
//! checked against the input files' bytes and against what the seeds are known to say.

use std::collections::BTreeSet;

use serde::Deserialize;

use super::case;
use super::json_contract::{Document, read, span};

#[derive(Debug, Deserialize)]
pub struct Fact {
    pub kind: String,
    pub passage: usize,
    pub status: String,
    pub consensus: Option<String>,
    pub spelling_change: bool,
    pub readings: Vec<FactReading>,
    pub missing_from: Vec<usize>,
    pub outliers: Vec<usize>,
    pub misquotes: Vec<Misquote>,
}

#[derive(Debug, Deserialize)]
pub struct FactReading {
    pub version: usize,
    pub text: String,
    pub value: String,
    pub start: usize,
    pub end: usize,
    pub passage: usize,
    pub speaker: Option<String>,
    pub rescued: bool,
}

#[derive(Debug, Deserialize)]
pub struct Misquote {
    pub version: usize,
    pub against: usize,
    pub ops: Vec<super::json_contract::Op>,
}

#[derive(Debug, Deserialize)]
pub struct OutlierCounts {
    pub drifted: usize,
    pub misquoted: usize,
    pub missing: usize,
    pub extra: usize,
    pub added: usize,
    pub removed: usize,
}

const KINDS: [&str; 7] = [
    "number", "money", "date", "duration", "name", "quote", "role",
];
const STATUSES: [&str; 4] = ["agree", "drift", "missing", "misquote"];
const CLASSES: [&str; 3] = ["typography", "rewording", "substantive"];
const REASONS: [&str; 6] = [
    "fact_drift",
    "fact_missing",
    "quote_changed",
    "text_added",
    "text_removed",
    "moved",
];

impl Fact {
    fn reading(&self, version: usize) -> Option<&FactReading> {
        self.readings.iter().find(|r| r.version == version)
    }

    fn values(&self) -> BTreeSet<&str> {
        self.readings.iter().map(|r| r.value.as_str()).collect()
    }
}

/// Checks the fact parts of a document against the files it was made from.
pub fn check(doc: &Document, files: &[Vec<u8>]) {
    let versions = doc.versions.len();
    for version in &doc.versions {
        let c = &version.outlier_counts;
        assert_eq!(
            version.outlier_score,
            c.drifted + c.misquoted + c.missing + c.extra + c.added + c.removed,
            "outlier score of {}",
            version.name
        );
    }
    let mut previous = 0;
    for fact in &doc.facts {
        assert!(KINDS.contains(&fact.kind.as_str()), "kind {}", fact.kind);
        assert!(STATUSES.contains(&fact.status.as_str()), "{fact:?}");
        assert!(fact.passage < doc.passages.len() && fact.passage >= previous);
        previous = fact.passage;
        assert!(!fact.readings.is_empty(), "a fact somebody states");
        assert!(
            fact.readings
                .windows(2)
                .all(|w| w[0].version < w[1].version),
            "one reading per version, in order: {fact:?}"
        );
        for reading in &fact.readings {
            check_reading(doc, files, reading);
            if reading.rescued {
                assert_ne!(
                    reading.passage, fact.passage,
                    "a rescued reading stands elsewhere"
                );
            }
            if reading.speaker.is_some() {
                assert_eq!(fact.kind, "quote", "only quotations have speakers");
            }
            assert!(!fact.missing_from.contains(&reading.version), "{fact:?}");
        }
        assert!(fact.missing_from.iter().all(|&v| v < versions));
        assert!(fact.outliers.iter().all(|&v| v < versions));
        match fact.status.as_str() {
            "agree" => {
                // A name may agree with a fuller form of itself ("Trump", "President Donald
                // Trump"); other values agree only when equal.
                if fact.kind != "name" {
                    assert_eq!(fact.values().len(), 1, "{fact:?}");
                }
                assert!(fact.outliers.is_empty() && fact.missing_from.is_empty());
            }
            "drift" => assert!(fact.values().len() > 1, "{fact:?}"),
            "missing" => assert!(!fact.missing_from.is_empty(), "{fact:?}"),
            _ => assert_eq!(fact.kind, "quote", "{fact:?}"),
        }
        if let Some(consensus) = &fact.consensus {
            assert!(fact.values().contains(consensus.as_str()), "{fact:?}");
        }
        assert_eq!(
            fact.spelling_change,
            fact.spelling_change && fact.status == "drift"
        );
        for misquote in &fact.misquotes {
            assert_ne!(misquote.version, misquote.against);
            assert!(
                fact.reading(misquote.version).is_some()
                    && fact.reading(misquote.against).is_some()
            );
            assert!(misquote.ops.iter().any(|o| o.op != "equal"), "{fact:?}");
        }
    }
    for passage in &doc.passages {
        match &passage.significance {
            Some(s) => {
                assert!(CLASSES.contains(&s.class.as_str()), "{s:?}");
                assert!(
                    s.reasons.iter().all(|r| REASONS.contains(&r.as_str())),
                    "{s:?}"
                );
                assert!(s.score >= 0.0);
                assert!(doc.ranking.contains(&passage.index));
            }
            None => assert!(!doc.ranking.contains(&passage.index)),
        }
        for words in &passage.words {
            if let Some(class) = &words.class {
                assert!(CLASSES.contains(&class.as_str()) && passage.significance.is_some());
            }
        }
    }
}

/// A reading's span lies inside its passage's span and, unless the version was repaired,
/// holds exactly the reading's text.
fn check_reading(doc: &Document, files: &[Vec<u8>], reading: &FactReading) {
    let bytes = &files[reading.version];
    assert!(
        reading.start < reading.end && reading.end <= bytes.len(),
        "{reading:?}"
    );
    let (start, end) = span(&doc.passages[reading.passage], reading.version)
        .unwrap_or_else(|| panic!("the reading's passage is in its version: {reading:?}"));
    assert!(start <= reading.start && reading.end <= end, "{reading:?}");
    let repaired = doc.versions[reading.version]
        .notes
        .iter()
        .any(|n| n.contains("repaired"));
    if !repaired {
        assert_eq!(
            std::str::from_utf8(&bytes[reading.start..reading.end]).unwrap(),
            reading.text
        );
    }
}

fn seeds() -> Document {
    Document::of(&[])
}

#[test]
fn seeds_have_the_donahue_spelling_drift() {
    let doc = seeds();
    let fact = doc
        .facts
        .iter()
        .find(|f| f.kind == "name" && f.readings.iter().any(|r| r.text.contains("Donohue")))
        .expect("a name fact reading Donohue");
    assert_eq!(
        (fact.status.as_str(), fact.spelling_change),
        ("drift", true)
    );
    assert!(fact.readings.iter().any(|r| r.text.contains("Donahue")));
    assert!(
        fact.consensus
            .as_deref()
            .unwrap()
            .ends_with("Chris Donahue")
    );
    let donohue = fact
        .readings
        .iter()
        .find(|r| r.text.contains("Donohue"))
        .unwrap();
    assert_eq!(fact.outliers, [donohue.version]);
}

#[test]
fn seeds_agree_on_the_death_toll() {
    let doc = seeds();
    let tolls: Vec<&Fact> = doc
        .facts
        .iter()
        .filter(|f| f.kind == "number" && f.values().contains("26"))
        .collect();
    assert!(!tolls.is_empty());
    assert!(tolls.iter().all(|f| f.status == "agree"), "{tolls:?}");
    assert!(tolls.iter().any(|f| f.readings.len() == doc.versions.len()));
}

#[test]
fn seeds_rank_a_passage_with_drifted_facts_among_the_first() {
    let doc = seeds();
    let drifted: BTreeSet<usize> = doc
        .facts
        .iter()
        .filter(|f| f.status == "drift")
        .map(|f| f.passage)
        .collect();
    assert!(
        doc.ranking[..10].iter().any(|p| drifted.contains(p)),
        "{:?}",
        doc.ranking
    );
    let top = doc.passages[doc.ranking[0]].significance.as_ref().unwrap();
    assert_eq!(top.class, "substantive");
}

#[test]
fn a_changed_year_is_a_drift_pointing_at_both_years() {
    let files = case("case12");
    let doc = Document::of(&files);
    let drift: Vec<&Fact> = doc.facts.iter().filter(|f| f.status != "agree").collect();
    assert_eq!(drift.len(), 1, "{drift:?}");
    let year = drift[0];
    assert_eq!(
        (year.kind.as_str(), year.consensus.as_deref()),
        ("date", Some("1994"))
    );
    assert_eq!(year.outliers, [1]);
    for (v, expected) in [(0, "1994"), (1, "1984")] {
        let r = year.reading(v).unwrap();
        assert_eq!(&read(&files[v])[r.start..r.end], expected.as_bytes());
    }
}

#[test]
fn a_changed_quotation_word_is_a_misquote_with_its_word_diff() {
    let doc = Document::of(&case("case14"));
    let quote = doc
        .facts
        .iter()
        .find(|f| f.status == "misquote")
        .expect("a misquote");
    let [misquote] = quote.misquotes.as_slice() else {
        panic!("{quote:?}");
    };
    assert_eq!((misquote.version, misquote.against), (1, 0));
    let changed: Vec<(&str, &str)> = misquote
        .ops
        .iter()
        .filter(|o| o.op != "equal")
        .map(|o| (o.op.as_str(), o.text.trim()))
        .collect();
    assert_eq!(changed, [("delete", "careful"), ("insert", "cautious")]);
    assert_eq!(doc.versions[1].outlier_score, 1);
}
