//! Evidence for a pairing: better unpaired than wrong.
//!
//! The in-order DP pairs whatever is cheapest, and a monotone alignment will pair two unrelated
//! sentences that happen to stand between the same anchors. Each group it formed is checked:
//! a sentence at the edge of a group that shares (almost) nothing with the other side, or has a
//! much better counterpart elsewhere, is detached; a group whose two sides are neither similar
//! enough nor share the story's names and numbers is undone. Thresholds are calibrated on the
//! labelled seed pairs (`tests/eval/news/`): see [`supported`].

use std::ops::Range;

use rayon::prelude::*;

use super::super::features::{SentenceVec, cosine, shared_keys, sum};
use super::candidates::Scored;
use super::{Bead, Sentences, merge_runs};

/// A sentence that adds less than this similarity to its group's other side is not part of it.
/// Calibrated on the labelled seed pairs (`tests/news_eval.rs`): from 0.08 to 0.15, 0.2 and
/// 0.25, the passages holding a sentence without counterpart went from 8 to 4, 2 and 1 while
/// full-link recall stayed at 0.890 and the Bible kit's F1 at 0.853–0.857.
const CONTRIBUTION_MIN: f32 = 0.25;
/// A sentence whose best counterpart elsewhere beats its share in the group by this much is
/// detached (the second look may pair it there).
const BETTER_ELSEWHERE: f32 = 0.2;

/// Similarity of two groups, and how many key terms (names, numbers) they share.
pub(super) struct Evidence {
    pub sim: f32,
    pub keys: usize,
}

impl Evidence {
    pub(super) fn of(
        a: &Sentences<'_>,
        ra: &Range<usize>,
        b: &Sentences<'_>,
        rb: &Range<usize>,
    ) -> Self {
        if ra.len() == 1 && rb.len() == 1 {
            let (va, vb) = (&a.vecs[ra.start], &b.vecs[rb.start]);
            return Self {
                sim: cosine(va, vb),
                keys: shared_keys(&va.keys, &vb.keys),
            };
        }
        let (va, vb) = (group(a, ra), group(b, rb));
        Self {
            sim: cosine(&va, &vb),
            keys: shared_keys(&va.keys, &vb.keys),
        }
    }

    /// Whether the evidence is enough to pair: high similarity, or moderate similarity backed
    /// by shared names and numbers.
    pub(super) fn supported(&self) -> bool {
        supported(self.sim, self.keys)
    }

    /// How sure the pairing is, 0..=1; below [`crate::model::WEAK_CONFIDENCE`] it is shown weak.
    pub(super) fn confidence(&self) -> f32 {
        let lexical = (self.sim - 0.1) / 0.4;
        let keys = 0.12 * self.keys.min(4) as f32;
        (lexical + keys).clamp(0.0, 1.0)
    }
}

/// The similarity that is evidence enough on its own, without shared key terms.
pub(super) const SIM_ALONE: f32 = 0.22;

/// The pairing threshold: similarity alone, or less similarity with shared key terms.
pub(super) fn supported(sim: f32, keys: usize) -> bool {
    sim >= SIM_ALONE || (sim >= 0.14 && keys >= 1) || (sim >= 0.08 && keys >= 3)
}

/// The summed vector of a group of consecutive sentences.
fn group(side: &Sentences<'_>, r: &Range<usize>) -> SentenceVec {
    if r.len() == 1 {
        return side.vecs[r.start].clone();
    }
    sum(side.vecs[r.clone()].iter())
}

/// Beads a rayon task checks: enough to repay the task, few enough to share a book's beads
/// between the cores.
const PRUNE_CHUNK: usize = 1024;

/// Checks every in-order group: detaches sentences that do not belong, undoes pairings without
/// evidence, and sets each remaining group's confidence. Groups are checked independently, in
/// parallel.
pub(super) fn prune(
    beads: &[Bead],
    a: &Sentences<'_>,
    b: &Sentences<'_>,
    scored: &Scored,
) -> Vec<Bead> {
    let checked: Vec<Vec<Bead>> = beads
        .par_chunks(PRUNE_CHUNK)
        .map(|chunk| {
            let mut out = Vec::with_capacity(chunk.len());
            for bead in chunk {
                check(bead.clone(), a, b, scored, &mut out);
            }
            out
        })
        .collect();
    merge_runs(checked.concat())
}

/// Checks one bead (see [`prune`]), pushing what it becomes onto `out`.
fn check(bead: Bead, a: &Sentences<'_>, b: &Sentences<'_>, scored: &Scored, out: &mut Vec<Bead>) {
    let Bead::Match { a: ra, b: rb, .. } = bead else {
        out.push(bead);
        return;
    };
    let (ra, rb, before, after) = trim(ra, rb, a, b, scored);
    out.extend(before);
    if let Some(pairs) = diagonal(a, &ra, b, &rb) {
        out.extend(pairs);
        out.extend(after);
        return;
    }
    let evidence = Evidence::of(a, &ra, b, &rb);
    if evidence.supported() {
        out.push(Bead::Match {
            a: ra,
            b: rb,
            confidence: evidence.confidence(),
        });
    } else {
        out.push(Bead::OnlyA(ra));
        out.push(Bead::OnlyB(rb));
    }
    out.extend(after);
}

/// A group of as many sentences on each side whose sentences correspond one to one, in order
/// (two sentences rewritten one by one, which the DP may take together as a 2–2 bead): the
/// pairs, when every sentence is supported with its counterpart on the diagonal and shares
/// less than [`CONTRIBUTION_MIN`] with every other sentence of the group. On the labelled seed
/// pairs the one such group held two links between sentences that do not correspond.
fn diagonal(
    a: &Sentences<'_>,
    ra: &Range<usize>,
    b: &Sentences<'_>,
    rb: &Range<usize>,
) -> Option<Vec<Bead>> {
    if ra.len() != rb.len() || ra.len() < 2 {
        return None;
    }
    let mut pairs = Vec::with_capacity(ra.len());
    for (x, i) in ra.clone().enumerate() {
        for (y, j) in rb.clone().enumerate() {
            let e = Evidence::of(a, &(i..i + 1), b, &(j..j + 1));
            if x == y {
                if !e.supported() {
                    return None;
                }
                pairs.push(Bead::Match {
                    a: i..i + 1,
                    b: j..j + 1,
                    confidence: e.confidence(),
                });
            } else if e.sim >= CONTRIBUTION_MIN {
                return None;
            }
        }
    }
    Some(pairs)
}

/// Whether the edge sentence `edge` of group `r` is tied to the rest of it by a quotation that
/// runs across their boundary.
fn quoted_with_rest(side: &Sentences<'_>, r: &Range<usize>, edge: usize) -> bool {
    if edge == r.start {
        side.quote_continues[edge]
    } else {
        side.quote_continues[edge - 1]
    }
}

/// Detaches edge sentences of a group that do not belong to it; returns the group left and the
/// one-sided beads to put before and after it.
fn trim(
    mut ra: Range<usize>,
    mut rb: Range<usize>,
    a: &Sentences<'_>,
    b: &Sentences<'_>,
    scored: &Scored,
) -> (Range<usize>, Range<usize>, Vec<Bead>, Vec<Bead>) {
    let (mut before, mut after) = (Vec::new(), Vec::new());
    loop {
        // Both sides are judged against the groups as they stand before this round, and what
        // each gives up is taken away together: judging one side after the other has given
        // up a sentence would make the result depend on which version is the base.
        let a_edge = weak_edge(a, &ra, &group(b, &rb), |i| scored.best_a_outside(i, &rb));
        let b_edge = weak_edge(b, &rb, &group(a, &ra), |j| scored.best_b_outside(j, &ra));
        if a_edge.is_none() && b_edge.is_none() {
            break;
        }
        if let Some(edge) = a_edge {
            let bead = Bead::OnlyA(edge..edge + 1);
            detach(&mut ra, edge, bead, (&mut before, &mut after));
        }
        if let Some(edge) = b_edge {
            let bead = Bead::OnlyB(edge..edge + 1);
            detach(&mut rb, edge, bead, (&mut before, &mut after));
        }
    }
    after.reverse();
    (ra, rb, before, after)
}

/// Takes edge sentence `edge` off group `r`: its one-sided `bead` goes before the group if it
/// was the first sentence, after it if the last.
fn detach(
    r: &mut Range<usize>,
    edge: usize,
    bead: Bead,
    (before, after): (&mut Vec<Bead>, &mut Vec<Bead>),
) {
    if edge == r.start {
        before.push(bead);
        r.start += 1;
    } else {
        after.push(bead);
        r.end -= 1;
    }
}

/// The edge sentence of one side's group (first, else last) that shares too little with the
/// other side's group `other`, or has a much better counterpart outside the group, if any; a
/// group of one sentence keeps it.
fn weak_edge(
    side: &Sentences<'_>,
    r: &Range<usize>,
    other: &SentenceVec,
    best_outside: impl Fn(usize) -> f32,
) -> Option<usize> {
    if r.len() < 2 {
        return None;
    }
    [r.start, r.end - 1].into_iter().find(|&edge| {
        // A sentence with no content words ("A.", "…", a lone symbol) says nothing the group
        // needs: it leaves the group even inside a quotation, so the guard for identical text
        // can pair it with its copy (a text with a stray quotation mark compared with itself
        // had kept it in its neighbour's group and shown it removed).
        if quoted_with_rest(side, r, edge) && !side.vecs[edge].terms.is_empty() {
            return false;
        }
        let share = cosine(&side.vecs[edge], other);
        share < CONTRIBUTION_MIN || best_outside(edge) > share + BETTER_ELSEWHERE
    })
}
