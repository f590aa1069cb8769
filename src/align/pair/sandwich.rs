//! Position as evidence: the one sentence left on each side between two in-order pairings.
//!
//! A rewriter who spins a sentence beyond lexical recognition ("Moscow has rejected this,
//! repeating requests that Kyiv says amount to capitulation" / "Moscow has dismissed these
//! calls, reiterating demands that Ukraine views as tantamount to surrender") usually leaves it
//! where it was. When the pairings before and after it agree on the order, and exactly one
//! sentence is left unpaired on each side between them, the two are most likely one sentence
//! rewritten — provided they share something (a key name or number, or some similarity) and
//! neither has a better counterpart elsewhere. Such a pairing rests mostly on its position, so
//! it keeps the low confidence its words give it and is shown weak.

use super::candidates::Scored;
use super::evidence::Evidence;
use super::{Bead, Sentences};

/// The most sentences on each side of a gap paired by position. Gaps of two and three were
/// tried on the labelled seed pairs and added no correct link.
const MAX_GAP: usize = 1;
/// The least similarity a sandwiched pair needs when it shares no key term.
const SIM_MIN: f32 = 0.1;
/// The least similarity a sandwiched pair needs when it shares a key term (name, number).
const SIM_MIN_WITH_KEY: f32 = 0.03;
/// A counterpart elsewhere at least this similar (and better than the sandwiched one) means the
/// sentence is not a rewrite of its neighbour across the gap.
const ELSEWHERE: f32 = 0.22;

/// Pairs the lone unpaired sentences of gaps between two in-order pairings. The gap is found by
/// sentence indices, not by neighbouring beads (moved blocks stand at the base's place, which
/// would make the result depend on which version is the base).
pub(super) fn pair_sandwiched(
    beads: Vec<Bead>,
    a: &Sentences<'_>,
    b: &Sentences<'_>,
    scored: &Scored,
) -> Vec<Bead> {
    // For each sentence, the in-order pairing it belongs to, if any.
    let mut a_match: Vec<Option<usize>> = vec![None; a.vecs.len()];
    let mut b_match: Vec<Option<usize>> = vec![None; b.vecs.len()];
    let mut b_alone = vec![false; b.vecs.len()];
    for (k, bead) in beads.iter().enumerate() {
        match bead {
            Bead::Match { a: ra, b: rb, .. } => {
                ra.clone().for_each(|i| a_match[i] = Some(k));
                rb.clone().for_each(|j| b_match[j] = Some(k));
            }
            Bead::OnlyB(rb) => rb.clone().for_each(|j| b_alone[j] = true),
            Bead::OnlyA(_) | Bead::Moved { .. } => {}
        }
    }
    let ends_at = |k: usize, i: usize, j: usize| matches!(&beads[k], Bead::Match { a: ra, b: rb, .. } if ra.end == i && rb.end == j);
    let starts_at = |k: usize, i: usize, j: usize| matches!(&beads[k], Bead::Match { a: ra, b: rb, .. } if ra.start == i && rb.start == j);
    // (a sentence, b sentence, confidence) of each sandwiched pair.
    let mut found: Vec<(usize, usize, f32)> = Vec::new();
    for bead in &beads {
        let Bead::OnlyA(ra) = bead else { continue };
        if ra.len() > MAX_GAP || ra.start == 0 {
            continue;
        }
        let (first, n) = (ra.start, ra.len());
        let (Some(before), Some(after)) =
            (a_match[first - 1], a_match.get(ra.end).copied().flatten())
        else {
            continue;
        };
        let Bead::Match { b: rb, .. } = &beads[before] else {
            continue;
        };
        let j0 = rb.end;
        if j0 + n > b.vecs.len()
            || !(j0..j0 + n).all(|j| b_alone[j] && b_match[j].is_none())
            || !ends_at(before, first, j0)
            || !starts_at(after, ra.end, j0 + n)
        {
            continue;
        }
        for k in 0..n {
            if let Some(confidence) = sandwich_confidence(a, first + k, b, j0 + k, scored) {
                found.push((first + k, j0 + k, confidence));
            }
        }
    }
    if found.is_empty() {
        return beads;
    }
    let a_pair: std::collections::HashMap<usize, (usize, f32)> =
        found.iter().map(|&(i, j, c)| (i, (j, c))).collect();
    let b_taken: std::collections::HashSet<usize> = found.iter().map(|&(_, j, _)| j).collect();
    let mut out = Vec::with_capacity(beads.len() + found.len());
    for bead in beads {
        match bead {
            Bead::OnlyA(ra) if ra.clone().any(|i| a_pair.contains_key(&i)) => {
                for i in ra {
                    out.push(match a_pair.get(&i) {
                        Some(&(j, confidence)) => Bead::Match {
                            a: i..i + 1,
                            b: j..j + 1,
                            confidence,
                        },
                        None => Bead::OnlyA(i..i + 1),
                    });
                }
            }
            Bead::OnlyB(rb) if rb.clone().any(|j| b_taken.contains(&j)) => {
                out.extend(
                    rb.filter(|j| !b_taken.contains(j))
                        .map(|j| Bead::OnlyB(j..j + 1)),
                );
            }
            other => out.push(other),
        }
    }
    super::merge_runs(out)
}

/// The confidence of pairing the sandwiched sentences `i` and `j`, or `None` when they should
/// stay unpaired.
fn sandwich_confidence(
    a: &Sentences<'_>,
    i: usize,
    b: &Sentences<'_>,
    j: usize,
    scored: &Scored,
) -> Option<f32> {
    if a.heading[i] != b.heading[j] {
        return None;
    }
    let evidence = Evidence::of(a, &(i..i + 1), b, &(j..j + 1));
    let enough =
        evidence.sim >= SIM_MIN || (evidence.keys >= 1 && evidence.sim >= SIM_MIN_WITH_KEY);
    let elsewhere = scored
        .best_a_outside(i, &(j..j + 1))
        .max(scored.best_b_outside(j, &(i..i + 1)));
    let better_elsewhere = elsewhere >= ELSEWHERE && elsewhere > evidence.sim;
    (enough && !better_elsewhere).then(|| evidence.confidence())
}
