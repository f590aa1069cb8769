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
    /// Gold links whose two verses fall (mostly) in the same or adjacent passages.
    pub lax_found: usize,
    /// Sum over gold links of the share of the verse that both copies put in the same passages.
    pub soft_found: f64,
    /// Verse copies (of either version) that no passage holds at least half of.
    pub unplaced: usize,
    /// Passages in the comparison.
    pub passages: usize,
}

impl Score {
    pub fn add(&mut self, other: Score) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.correct += other.correct;
        self.lax_found += other.lax_found;
        self.soft_found += other.soft_found;
        self.unplaced += other.unplaced;
        self.passages += other.passages;
    }

    pub fn precision(&self) -> f64 {
        ratio(self.correct as f64, self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.correct as f64, self.gold)
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
        ratio(self.lax_found as f64, self.gold)
    }

    /// Recall that does not punish passages finer than a verse: for each verse, the share of its
    /// bytes both copies place in the same passages (the sum over passages of the smaller of
    /// the two shares), averaged over verses.
    pub fn soft_recall(&self) -> f64 {
        ratio(self.soft_found, self.gold)
    }
}

/// `num / den`, with nothing predicted or nothing to find counting as 0.
fn ratio(num: f64, den: usize) -> f64 {
    if den == 0 { 0.0 } else { num / den as f64 }
}

/// How one copy of a verse is spread over passages.
#[derive(Default)]
struct Placement {
    /// (passage index, bytes of the verse in its span), in text order.
    shares: Vec<(usize, usize)>,
    /// The verse's length in bytes.
    len: usize,
}

impl Placement {
    /// The passage holding the largest part of the verse (the earlier one on a tie).
    fn largest(&self) -> Option<usize> {
        let best = self
            .shares
            .iter()
            .max_by_key(|&&(i, n)| (n, std::cmp::Reverse(i)))?;
        Some(best.0)
    }

    /// The passage holding at least half of the verse, if one does.
    fn majority(&self) -> Option<usize> {
        let best = self.largest()?;
        let held: usize = self
            .shares
            .iter()
            .filter(|s| s.0 == best)
            .map(|s| s.1)
            .sum();
        (2 * held >= self.len).then_some(best)
    }

    fn share(&self, passage: usize) -> f64 {
        let held: usize = self
            .shares
            .iter()
            .filter(|s| s.0 == passage)
            .map(|s| s.1)
            .sum();
        held as f64 / self.len.max(1) as f64
    }

    /// Share of the verse that this copy and the other put in the same passages.
    fn agreement(&self, other: &Placement) -> f64 {
        self.shares
            .iter()
            .map(|&(p, _)| p)
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .map(|p| self.share(p).min(other.share(p)))
            .sum()
    }
}

/// For one version: how each verse is spread over the passages' spans in it (`None` when the
/// version lacks the verse). Spans index the repaired text; gold ranges index the file, so the
/// spans are mapped back first.
fn place_verses(
    comparison: &Comparison,
    version: VersionId,
    verses: &[GoldVerse],
) -> Vec<Option<Placement>> {
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
            let shares = spans[first..]
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
                .filter(|&(_, n)| n > 0)
                .collect();
            Some(Placement {
                shares,
                len: range.len(),
            })
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
            match placed[i].as_ref().map(Placement::majority) {
                Some(Some(p)) => per_passage[p][side] += 1,
                Some(None) => s.unplaced += 1,
                None => {}
            }
        }
        let (Some(kjv), Some(web)) = (&base[i], &other[i]) else {
            continue;
        };
        s.gold += 1;
        s.soft_found += kjv.agreement(web);
        match (kjv.majority(), web.majority()) {
            (Some(k), Some(w)) if k == w => s.correct += 1,
            (k, w) => {
                let name = &verse.name;
                let _ = writeln!(detail, "  {name}: kjv in passage {k:?}, web in {w:?}");
            }
        }
        if let (Some(k), Some(w)) = (kjv.largest(), web.largest())
            && k.abs_diff(w) <= 1
        {
            s.lax_found += 1;
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
    assert!((s.soft_found - 3.0).abs() < 1e-9);
}

#[test]
fn soft_recall_does_not_punish_passages_finer_than_a_verse() {
    let pair = first_pair();
    let first_verse = 0..1;
    let mut comparison = with_passages(&pair, std::slice::from_ref(&first_verse));
    // Split the first verse's passage in two in both versions: 40% / 60% of the KJV bytes, but
    // 60% / 40% of the WEB bytes, so strict placement sends the two copies to different passages.
    let mut second = comparison.passages[0].clone();
    second.index = 1;
    for (side, share) in [(0, 0.4), (1, 0.6)] {
        let range = comparison.passages[0].spans[side].range.clone();
        let cut = range.start + (range.len() as f64 * share) as usize;
        comparison.passages[0].spans[side].range.end = cut;
        second.spans[side].range.start = cut;
    }
    comparison.passages.push(second);
    let s = score(&comparison, &pair, &mut String::new());
    assert_eq!((s.correct, s.lax_found), (0, 1));
    assert!((s.soft_found - 0.8).abs() < 0.01, "{}", s.soft_found);
}
