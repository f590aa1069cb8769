//! `--format json` as a contract: the output is read into structs that mirror the contract in
//! issues 2 and 4 (and the rustdoc of `storydiff::render::json`), not into the library's own
//! types, and checked against the input files' bytes. The fact parts live in `json_facts.rs`.

use std::collections::BTreeSet;
use std::path::Path;

use serde::Deserialize;

use super::json_facts::{self, Fact, OutlierCounts};
use super::{case, scratch, stdout_of};

#[derive(Debug, Deserialize)]
pub struct Document {
    pub versions: Vec<Version>,
    pub base: usize,
    pub passages: Vec<Passage>,
    pub facts: Vec<Fact>,
    pub ranking: Vec<usize>,
    /// With three or more versions, each compared version against the base as the two alone.
    #[serde(default)]
    pub pairs: Vec<Pair>,
}

#[derive(Debug, Deserialize)]
pub struct Pair {
    pub compared: usize,
    pub passages: Vec<Passage>,
    pub ranking: Vec<usize>,
}

#[derive(Debug, Deserialize)]
pub struct Version {
    pub index: usize,
    pub name: String,
    pub path: Option<String>,
    pub bytes: usize,
    pub encoding: String,
    pub notes: Vec<String>,
    pub outlier_score: usize,
    pub outlier_counts: OutlierCounts,
}

#[derive(Debug, Deserialize)]
pub struct Passage {
    pub index: usize,
    pub status: String,
    pub similarity: f64,
    pub spans: Vec<Span>,
    pub words: Vec<Words>,
    pub significance: Option<Significance>,
}

#[derive(Debug, Deserialize)]
pub struct Significance {
    pub class: String,
    pub reasons: Vec<String>,
    pub score: f64,
}

#[derive(Debug, Deserialize)]
pub struct Span {
    pub version: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Deserialize)]
pub struct Words {
    pub version: usize,
    pub confidence: f64,
    pub class: Option<String>,
    pub ops: Vec<Op>,
}

#[derive(Debug, Deserialize)]
pub struct Op {
    pub op: String,
    pub text: String,
}

const STATUSES: [&str; 6] = [
    "same",
    "changed",
    "added",
    "removed",
    "moved",
    "boilerplate",
];

impl Document {
    /// The JSON of comparing these files (no files: the bundled story).
    pub fn of(files: &[String]) -> Self {
        serde_json::from_str(&stdout_of(&["--format", "json"], files)).unwrap()
    }

    /// A version's passage file as `--format unified` defines it: its passages one per line, in
    /// its reading order, sliced from the file's bytes with whitespace runs as one space.
    pub fn passage_file(&self, version: usize, path: &str) -> String {
        let bytes = read(path);
        let mut spans: Vec<(usize, usize)> = self
            .passages
            .iter()
            .filter_map(|p| span(p, version))
            .collect();
        spans.sort_unstable();
        spans
            .iter()
            .map(|&(start, end)| {
                normalized(std::str::from_utf8(&bytes[start..end]).unwrap()) + "\n"
            })
            .collect()
    }
}

/// A passage's span in a version, as `(start, end)`.
pub fn span(passage: &Passage, version: usize) -> Option<(usize, usize)> {
    passage
        .spans
        .iter()
        .find(|s| s.version == version)
        .map(|s| (s.start, s.end))
}

pub fn read(path: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

fn normalized(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text without whitespace: an `equal` op carries the base's spacing, so op texts rebuild the
/// other version's passage modulo whitespace.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The texts of some kinds of op, concatenated: `equal` + `delete` is the base's passage text.
fn ops_text(words: &Words, kinds: [&str; 2]) -> String {
    words
        .ops
        .iter()
        .filter(|o| kinds.contains(&o.op.as_str()))
        .map(|o| o.text.as_str())
        .collect()
}

/// Checks every rule of the contract that can be checked from the outside.
pub fn check_contract(doc: &Document, files: &[Vec<u8>]) {
    assert_eq!(doc.versions.len(), files.len());
    for (i, version) in doc.versions.iter().enumerate() {
        assert_eq!(version.index, i);
        assert_eq!(version.bytes, files[i].len(), "{}", version.name);
        assert!(!version.encoding.is_empty() && !version.name.is_empty());
    }
    assert!(doc.base < doc.versions.len());
    check_passages(doc, &doc.passages, files);
    if doc.versions.len() > 2 {
        let compared: Vec<usize> = doc.pairs.iter().map(|p| p.compared).collect();
        let expected: Vec<usize> = (0..files.len()).filter(|v| *v != doc.base).collect();
        assert_eq!(
            compared, expected,
            "one pair per compared version, in order"
        );
        for pair in &doc.pairs {
            for passage in &pair.passages {
                assert!(
                    passage
                        .spans
                        .iter()
                        .all(|s| s.version == doc.base || s.version == pair.compared),
                    "a pair's passage holds only the pair's versions"
                );
            }
            check_passages(doc, &pair.passages, files);
            assert!(pair.ranking.iter().all(|&i| i < pair.passages.len()));
        }
    } else {
        assert!(
            doc.pairs.is_empty(),
            "two versions: the passages are the pair's"
        );
    }
    json_facts::check(doc, files);
}

/// Checks one passage table (the shared one, or a pair's): indices, statuses, spans within the
/// files and not overlapping, and word ops that rebuild both texts.
fn check_passages(doc: &Document, passages: &[Passage], files: &[Vec<u8>]) {
    let mut taken: Vec<Vec<(usize, usize)>> = vec![Vec::new(); files.len()];
    for (i, passage) in passages.iter().enumerate() {
        assert_eq!(passage.index, i);
        assert!(
            STATUSES.contains(&passage.status.as_str()),
            "status {}",
            passage.status
        );
        assert!((0.0..=1.0).contains(&passage.similarity));
        let versions: Vec<usize> = passage.spans.iter().map(|s| s.version).collect();
        assert!(
            versions.windows(2).all(|w| w[0] < w[1]),
            "one span per version, in order"
        );
        for span in &passage.spans {
            let bytes = &files[span.version];
            assert!(
                span.start <= span.end && span.end <= bytes.len(),
                "span out of range: {span:?}"
            );
            let text =
                std::str::from_utf8(&bytes[span.start..span.end]).expect("span on char boundaries");
            assert!(
                !text.trim().is_empty(),
                "empty span {span:?} in passage {i}"
            );
            taken[span.version].push((span.start, span.end));
        }
        let base_span = span(passage, doc.base);
        match passage.status.as_str() {
            "added" => assert!(base_span.is_none(), "added passage {i} has a base span"),
            "removed" => assert!(base_span.is_some(), "removed passage {i} lacks a base span"),
            _ => {}
        }
        for words in &passage.words {
            assert_ne!(words.version, doc.base);
            let own = span(passage, words.version).expect("words only for versions present");
            assert!(
                (0.0..=1.0).contains(&words.confidence),
                "confidence {} in passage {i}",
                words.confidence
            );
            assert!(
                words
                    .ops
                    .iter()
                    .all(|o| ["equal", "delete", "insert"].contains(&o.op.as_str()))
            );
            let slice = |(start, end): (usize, usize), v: usize| {
                squeezed(std::str::from_utf8(&files[v][start..end]).unwrap())
            };
            if let Some(base_span) = base_span {
                assert_eq!(
                    squeezed(&ops_text(words, ["equal", "delete"])),
                    slice(base_span, doc.base),
                    "passage {i}"
                );
            }
            // A repaired version's text differs from its bytes; the others must match.
            if doc.versions[words.version]
                .notes
                .iter()
                .all(|n| !n.contains("repaired"))
            {
                assert_eq!(
                    squeezed(&ops_text(words, ["equal", "insert"])),
                    slice(own, words.version),
                    "passage {i}"
                );
            }
        }
    }
    for (v, spans) in taken.iter_mut().enumerate() {
        spans.sort_unstable();
        assert!(
            spans.windows(2).all(|w| w[0].1 <= w[1].0),
            "overlapping spans in version {v}"
        );
    }
}

#[test]
fn json_for_the_five_seeds_meets_the_contract() {
    let doc = Document::of(&[]);
    let files: Vec<Vec<u8>> = doc
        .versions
        .iter()
        .map(|v| read(v.path.as_deref().unwrap()))
        .collect();
    assert_eq!(doc.base, 0);
    assert!(doc.passages.len() > 20);
    let statuses: BTreeSet<&str> = doc.passages.iter().map(|p| p.status.as_str()).collect();
    assert!(
        statuses.contains("changed") && statuses.contains("boilerplate"),
        "{statuses:?}"
    );
    check_contract(&doc, &files);
}

#[test]
fn json_for_each_fixture_meets_the_contract() {
    for name in [
        "case01", "case02", "case03", "case04", "case05", "case06", "case07", "case08", "case09",
        "case11",
    ] {
        let files = case(name);
        let doc = Document::of(&files);
        check_contract(&doc, &files.iter().map(|f| read(f)).collect::<Vec<_>>());
    }
}

#[test]
fn json_follows_the_base_option() {
    let doc: Document = serde_json::from_str(&stdout_of(
        &["--format", "json", "--base", "2"],
        &case("case11"),
    ))
    .unwrap();
    assert_eq!(doc.base, 2);
    assert!(
        doc.passages
            .iter()
            .flat_map(|p| &p.words)
            .all(|w| w.version != 2)
    );
}

#[test]
fn spans_count_a_byte_order_mark_and_crlf_line_ends() {
    let path = scratch(
        "bom.txt",
        "\u{feff}First line.\r\nSecond line.\r\n".as_bytes(),
    );
    let files = vec![path.display().to_string(), "-".to_string()];
    let out = super::storydiff()
        .args(["--format", "json"])
        .args(&files)
        .write_stdin("First line.\nSecond line!\n")
        .output()
        .unwrap();
    let doc: Document = serde_json::from_slice(&out.stdout).unwrap();
    let spans: Vec<(usize, usize)> = doc.passages.iter().filter_map(|p| span(p, 0)).collect();
    assert_eq!(spans, [(3, 14), (16, 28)]);
}

#[test]
fn mojibake_spans_point_into_the_bytes_as_read() {
    let files = case("case05");
    let doc = Document::of(&files);
    let bytes = read(&files[1]);
    let (start, end) = span(&doc.passages[0], 1).unwrap();
    assert_eq!(
        std::str::from_utf8(&bytes[start..end]).unwrap(),
        "Franceâ€™s foreign minister, Jean-NoÃ«l Barrot, met his counterpart in Berlin."
    );
}
