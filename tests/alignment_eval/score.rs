//! Scoring an alignment against the verse map: verses placed in passages, links counted.

use std::fmt::Write as _;
use std::ops::Range;

use storydiff::{
    CompareOptions, Comparison, Input, Passage, PassageKind, PassageStatus, Span, VersionId,
    compare,
};

use super::gold::{GoldVerse, Pair, VERSIONS, eval_dir, load_pair};

/// Link counts for one pair (or a sum of pairs).
#[derive(Default, Clone, Copy)]
pub struct Score {
    /// Verses present in both versions: the gold links.
    pub gold: usize,
    /// Links the passages imply: base verses × compared verses of each passage.
    pub predicted: usize,
    /// Predicted links that join a verse to itself.
    pub correct: usize,
    /// Gold links whose two verses fall in the same or adjacent passages.
    pub lax_found: usize,
    /// Verse copies (of either version) that no passage holds at least half of.
    pub unplaced: usize,
    pub passages: usize,
}

impl Score {
    pub fn add(&mut self, other: Score) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.correct += other.correct;
        self.lax_found += other.lax_found;
        self.unplaced += other.unplaced;
        self.passages += other.passages;
    }

    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    pub fn lax_recall(&self) -> f64 {
        ratio(self.lax_found, self.gold)
    }
}

/// `num / den`, with nothing predicted or nothing to find counting as 0.
fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

/// For one version: the index of the passage that holds at least half of each verse's bytes.
/// Spans index the repaired text; gold ranges index the file, so spans are mapped back first.
fn place_verses(
    comparison: &Comparison,
    version: VersionId,
    verses: &[GoldVerse],
) -> Vec<Option<usize>> {
    let v = comparison.version(version);
    let mut spans: Vec<(Range<usize>, usize)> = comparison
        .passages
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.span(version).map(|s| (s.range.clone(), i)))
        .map(|(r, i)| (v.original_offset(r.start)..v.original_offset(r.end), i))
        .collect();
    spans.sort_by_key(|(r, _)| r.start);
    verses
        .iter()
        .map(|verse| {
            let range = verse.ranges[version.0].as_ref()?;
            let first = spans.partition_point(|(r, _)| r.end <= range.start);
            let (best, overlap) = spans[first..]
                .iter()
                .take_while(|(r, _)| r.start < range.end)
                .map(|(r, i)| {
                    (
                        *i,
                        r.end
                            .min(range.end)
                            .saturating_sub(r.start.max(range.start)),
                    )
                })
                .max_by_key(|&(i, overlap)| (overlap, std::cmp::Reverse(i)))?;
            (2 * overlap >= range.len()).then_some(best)
        })
        .collect()
}

pub fn score(comparison: &Comparison, pair: &Pair, detail: &mut String) -> Score {
    let base = place_verses(comparison, VersionId(0), &pair.verses);
    let other = place_verses(comparison, VersionId(1), &pair.verses);
    let passages = comparison.passages.len();
    let mut per_passage = vec![[0usize; 2]; passages];
    let mut s = Score {
        passages,
        ..Score::default()
    };
    for (i, verse) in pair.verses.iter().enumerate() {
        for (side, placed) in [&base, &other].into_iter().enumerate() {
            match (placed[i], &verse.ranges[side]) {
                (Some(p), _) => per_passage[p][side] += 1,
                (None, Some(_)) => s.unplaced += 1,
                (None, None) => {}
            }
        }
        if verse.ranges.iter().all(Option::is_some) {
            s.gold += 1;
            match (base[i], other[i]) {
                (Some(b), Some(o)) if b == o => {
                    s.correct += 1;
                    s.lax_found += 1;
                }
                (Some(b), Some(o)) if b.abs_diff(o) == 1 => s.lax_found += 1,
                (b, o) => {
                    let _ = writeln!(
                        detail,
                        "  {}: kjv in passage {b:?}, web in {o:?}",
                        verse.name
                    );
                }
            }
        }
    }
    s.predicted = per_passage.iter().map(|[b, o]| b * o).sum();
    s
}

/// Compares a pair and then replaces the aligner's passages with hand-made ones, one per group
/// of verses, so the scoring itself can be checked whatever the aligner does.
fn with_passages(pair: &Pair, groups: &[Range<usize>]) -> Comparison {
    let inputs = VERSIONS
        .iter()
        .zip(&pair.texts)
        .map(|(v, text)| Input::from_bytes(*v, text.clone()))
        .collect();
    let mut comparison = compare(inputs, &CompareOptions::default()).expect("compares");
    let span = |side: usize, group: &Range<usize>| {
        let ranges = pair.verses[group.clone()]
            .iter()
            .filter_map(|v| v.ranges[side].clone());
        let (start, end) = ranges.fold((usize::MAX, 0), |(s, e), r| (s.min(r.start), e.max(r.end)));
        Span {
            version: VersionId(side),
            range: start..end,
        }
    };
    comparison.passages = groups
        .iter()
        .enumerate()
        .map(|(index, group)| Passage {
            index,
            kind: PassageKind::Text,
            status: PassageStatus::Changed,
            similarity: 0.5,
            spans: vec![span(0, group), span(1, group)],
            readings: Vec::new(),
        })
        .collect();
    comparison
}

fn first_pair() -> Pair {
    load_pair(&eval_dir().join("jonah.verses.tsv"))
}

#[test]
fn scoring_one_passage_per_verse_gives_perfect_marks() {
    let pair = first_pair();
    let groups: Vec<_> = (0..pair.verses.len()).map(|i| i..i + 1).collect();
    let s = score(&with_passages(&pair, &groups), &pair, &mut String::new());
    assert_eq!(
        (s.precision(), s.recall(), s.lax_recall(), s.unplaced),
        (1.0, 1.0, 1.0, 0)
    );
}

#[test]
fn scoring_one_passage_for_everything_has_full_recall_and_tiny_precision() {
    let pair = first_pair();
    let n = pair.verses.len();
    let everything = 0..n;
    let comparison = with_passages(&pair, std::slice::from_ref(&everything));
    let s = score(&comparison, &pair, &mut String::new());
    assert_eq!((s.recall(), s.predicted), (1.0, n * n));
    assert!((s.precision() - 1.0 / n as f64).abs() < 1e-9);
}

#[test]
fn scoring_counts_a_boundary_one_verse_off_as_a_lax_hit_only() {
    let pair = first_pair();
    let mut comparison = with_passages(&pair, &[0..2, 2..4]);
    // The compared version's first passage loses its second verse to the next passage.
    let verse_1 = pair.verses[1].ranges[1].clone().unwrap();
    comparison.passages[0].spans[1].range.end = verse_1.start;
    comparison.passages[1].spans[1].range.start = verse_1.start;
    let s = score(&comparison, &pair, &mut String::new());
    assert_eq!(
        (s.gold, s.correct, s.lax_found, s.predicted),
        (pair.verses.len(), 3, 4, 2 + 6)
    );
    assert_eq!(s.unplaced, 2 * (pair.verses.len() - 4));
}
