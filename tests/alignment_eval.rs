//! Measures the alignment on real rewritten text with known correspondences, and keeps it from
//! getting worse.
//!
//! Each pair in `tests/eval/` is the same Bible chapters in two public-domain translations, the
//! King James Version (base) and the World English Bible, paragraphed differently and without
//! verse numbers; `*.verses.tsv` gives the byte range of every verse in both files (see
//! `tests/eval/README.md`). A verse belongs to the passage whose span in that version holds the
//! larger part of its bytes (at least half). Every passage then links each base verse in it to
//! each compared verse in it; a link is right when both are the same verse. Precision is the
//! share of predicted links that are right, recall the share of verses whose two translations
//! end up in one passage. Lax recall also counts a verse whose translations land (mostly) in
//! adjacent passages, the near-misses of a boundary drawn one sentence off. Soft recall does not
//! punish passages finer than a verse: it averages, over verses, the share of the verse that
//! both translations put in the same passages.
//!
//! `cargo test --test alignment_eval -- --nocapture` prints the table.

#[path = "alignment_eval/gold.rs"]
mod gold;
#[path = "alignment_eval/score.rs"]
mod score;

use std::time::Instant;

use storydiff::{CompareOptions, Input, compare};

use gold::{VERSIONS, load_pairs};
use score::{Score, score};

// Floors on the figures summed over all pairs (micro-averaged), and on each pair's F1. They are
// set to the measured values minus a small margin, so that a change which makes the alignment
// worse fails here while noise from small tuning does not.
const MIN_PRECISION: f64 = 0.75;
const MIN_RECALL: f64 = 0.90;
const MIN_F1: f64 = 0.82;
const MIN_LAX_RECALL: f64 = 0.96;
const MIN_SOFT_RECALL: f64 = 0.91;
const MIN_PAIR_F1: f64 = 0.66;

const HEADER: [&str; 10] = [
    "pair",
    "verses",
    "passages",
    "predicted",
    "P",
    "R",
    "F1",
    "lax R",
    "soft R",
    "unplaced",
];

/// One line of the table.
fn row(name: &str, s: &Score) -> String {
    format!(
        "{name:<18} {:>6} {:>8} {:>9} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>8}",
        s.gold,
        s.passages,
        s.predicted,
        s.precision(),
        s.recall(),
        s.f1(),
        s.lax_recall(),
        s.soft_recall(),
        s.unplaced
    )
}

#[test]
fn alignment_of_retranslated_chapters_stays_above_the_floors() {
    let pairs = load_pairs();
    assert!(
        pairs.len() >= 10,
        "the evaluation set is in tests/eval ({} found)",
        pairs.len()
    );
    let show_detail = std::env::var("STORYDIFF_EVAL_DETAIL").ok();
    let mut total = Score::default();
    let mut weak = Vec::new();
    let [first, rest @ ..] = HEADER;
    let rest: Vec<String> = rest.iter().map(|h| format!("{h:>6}")).collect();
    println!("{first:<18} {} {:>6}", rest.join(" "), "ms");
    for pair in &pairs {
        let inputs = VERSIONS
            .iter()
            .zip(&pair.texts)
            .map(|(v, text)| Input::from_bytes(format!("{}.{v}.txt", pair.name), text.clone()))
            .collect();
        let started = Instant::now();
        let comparison = compare(inputs, &CompareOptions::default()).expect("compares");
        let ms = started.elapsed().as_millis();
        let mut detail = String::new();
        let s = score(&comparison, pair, &mut detail);
        println!("{} {ms:>6}", row(&pair.name, &s));
        if show_detail
            .as_deref()
            .is_some_and(|d| d == pair.name || d == "all")
        {
            print!("{detail}");
        }
        if s.f1() < MIN_PAIR_F1 {
            weak.push(format!("{} (F1 {:.3})", pair.name, s.f1()));
        }
        total.add(s);
    }
    println!("{}", row("all (micro)", &total));
    assert!(
        weak.is_empty(),
        "pairs below F1 {MIN_PAIR_F1}: {}",
        weak.join(", ")
    );
    for (what, value, floor) in [
        ("precision", total.precision(), MIN_PRECISION),
        ("recall", total.recall(), MIN_RECALL),
        ("F1", total.f1(), MIN_F1),
        ("lax recall", total.lax_recall(), MIN_LAX_RECALL),
        ("soft recall", total.soft_recall(), MIN_SOFT_RECALL),
    ] {
        assert!(
            value >= floor,
            "{what} {value:.3} fell below its floor {floor}"
        );
    }
}
