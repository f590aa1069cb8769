//! Alignment of two sentence sequences: anchors, a banded bead DP between them, then moves.
//!
//! 1. Anchors: sentence pairs that are each other's best match by a clear margin, found through
//!    an inverted index of rare terms (no all-pairs step); a longest increasing subsequence keeps
//!    the ones in order.
//! 2. A Gale–Church style DP over beads {1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1, 1-3}, with cost
//!    `1 − cosine` of the groups' summed vectors, searched only in a band around the line
//!    through the anchors — near-linear in the number of sentences.
//! 3. Moves: sentences the DP left unpaired on both sides that match each other well.

use std::ops::Range;

use super::features::{SentenceVec, cosine};

mod dp;
mod moves;

use dp::{Band, Dp};
use moves::detect_moves;

/// One step of a pairwise alignment, in sentence indices of the two sequences.
#[derive(Debug, Clone, PartialEq)]
pub enum Bead {
    /// `a` and `b` correspond, in order.
    Match {
        /// Base sentences.
        a: Range<usize>,
        /// Other sentences.
        b: Range<usize>,
    },
    /// `a` and `b` correspond, but `b` stands out of the base's order.
    Moved {
        /// Base sentences.
        a: Range<usize>,
        /// Other sentences, elsewhere.
        b: Range<usize>,
    },
    /// Only the base has these sentences (here).
    OnlyA(Range<usize>),
    /// Only the other version has these sentences (here).
    OnlyB(Range<usize>),
}

/// One side of a pair: sentence vectors and whether each sentence is a heading.
pub struct Side<'a> {
    /// Vectors of the sentences.
    pub vecs: &'a [SentenceVec],
    /// Whether each sentence is a heading (headings pair with headings).
    pub heading: &'a [bool],
}

/// Terms whose postings list is longer than this are too common to propose candidates.
const MAX_POSTINGS: usize = 64;
/// How many candidates per sentence get their full cosine computed.
const RESCORED_CANDIDATES: usize = 4;
/// Similarity and margin an anchor needs.
const ANCHOR_MIN: f32 = 0.5;
const ANCHOR_MARGIN: f32 = 0.8;

/// Aligns two sentence sequences.
#[must_use]
pub fn align_pair(a: &Side<'_>, b: &Side<'_>) -> Vec<Bead> {
    let (n, m) = (a.vecs.len(), b.vecs.len());
    let candidates = best_matches(a.vecs, b.vecs);
    let anchors = anchors(&candidates);
    let band = Band::new(n, m, &anchors);
    let beads = Dp::new(a, b, &band).run();
    detect_moves(beads, a, b)
}

/// For each sentence of `a`, its best and second-best match in `b` (similarity, index), and the
/// best for each sentence of `b` — found through shared rare terms only.
struct Candidates {
    a_best: Vec<(f32, Option<usize>, f32)>,
    b_best: Vec<(f32, Option<usize>)>,
}

fn best_matches(a: &[SentenceVec], b: &[SentenceVec]) -> Candidates {
    best_matches_among(a, b, &vec![true; a.len()], &vec![true; b.len()])
}

fn best_matches_among(
    a: &[SentenceVec],
    b: &[SentenceVec],
    a_open: &[bool],
    b_open: &[bool],
) -> Candidates {
    let mut postings: rustc_hash::FxHashMap<u32, Vec<(usize, f32)>> =
        rustc_hash::FxHashMap::default();
    for (j, v) in b.iter().enumerate().filter(|(j, _)| b_open[*j]) {
        for &(term, weight) in &v.terms {
            postings.entry(term).or_default().push((j, weight));
        }
    }
    let mut acc = vec![0.0f32; b.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut a_best = vec![(0.0, None, 0.0); a.len()];
    let mut b_best = vec![(0.0, None); b.len()];
    for (i, v) in a.iter().enumerate().filter(|(i, _)| a_open[*i]) {
        for &(term, weight) in &v.terms {
            let Some(list) = postings.get(&term) else {
                continue;
            };
            if list.len() > MAX_POSTINGS {
                continue;
            }
            for &(j, other) in list {
                if acc[j] == 0.0 {
                    touched.push(j);
                }
                acc[j] += weight * other;
            }
        }
        // The partial dot over rare terms ranks candidates; only the top few get the real
        // cosine, which also counts the common terms the partial dot skipped.
        if touched.len() > RESCORED_CANDIDATES {
            touched.select_nth_unstable_by(RESCORED_CANDIDATES, |x, y| acc[*y].total_cmp(&acc[*x]));
        }
        let mut best = (0.0f32, None, 0.0f32);
        for &j in touched.iter().take(RESCORED_CANDIDATES) {
            let sim = cosine(v, &b[j]);
            if sim > best.0 {
                best = (sim, Some(j), best.0);
            } else if sim > best.2 {
                best.2 = sim;
            }
            if sim > b_best[j].0 {
                b_best[j] = (sim, Some(i));
            }
        }
        for &j in &touched {
            acc[j] = 0.0;
        }
        touched.clear();
        a_best[i] = best;
    }
    Candidates { a_best, b_best }
}

/// Mutual best matches with a clear margin, kept in increasing order on both sides.
fn anchors(c: &Candidates) -> Vec<(usize, usize)> {
    let pairs: Vec<(usize, usize)> = c
        .a_best
        .iter()
        .enumerate()
        .filter_map(|(i, &(sim, j, second))| {
            let j = j?;
            let mutual = c.b_best[j].1 == Some(i);
            (mutual && sim >= ANCHOR_MIN && second <= sim * ANCHOR_MARGIN).then_some((i, j))
        })
        .collect();
    longest_increasing(&pairs)
}

/// Longest subsequence of `pairs` (sorted by first) whose second components increase.
fn longest_increasing(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; pairs.len()];
    for (k, &(_, j)) in pairs.iter().enumerate() {
        let pos = tails.partition_point(|&t| pairs[t].1 < j);
        prev[k] = pos.checked_sub(1).map(|p| tails[p]);
        if pos == tails.len() {
            tails.push(k);
        } else {
            tails[pos] = k;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut cur = tails.last().copied();
    while let Some(k) = cur {
        out.push(pairs[k]);
        cur = prev[k];
    }
    out.reverse();
    out
}

/// Joins neighbouring one-sided beads so a run of skipped sentences is one bead.
fn merge_runs(beads: Vec<Bead>) -> Vec<Bead> {
    let mut out: Vec<Bead> = Vec::with_capacity(beads.len());
    for bead in beads {
        match (out.last_mut(), &bead) {
            (Some(Bead::OnlyA(prev)), Bead::OnlyA(next))
            | (Some(Bead::OnlyB(prev)), Bead::OnlyB(next))
                if prev.end == next.start =>
            {
                prev.end = next.end;
            }
            _ => out.push(bead),
        }
    }
    out
}
