//! Position as evidence: the sentences left unpaired on each side between two in-order
//! pairings.
//!
//! A rewriter who spins a sentence beyond lexical recognition ("Moscow has rejected this,
//! repeating requests that Kyiv says amount to capitulation" / "Moscow has dismissed these
//! calls, reiterating demands that Ukraine views as tantamount to surrender") usually leaves it
//! where it was. When the pairings before and after it agree on the order, and exactly one
//! sentence is left unpaired on each side between them, the two are most likely one sentence
//! rewritten — provided they share something (a key name or number, or some similarity) and
//! neither has a better counterpart elsewhere. Such a pairing rests mostly on its position, so
//! it keeps the low confidence its words give it and is shown weak.
//!
//! A gap with a different number of unpaired sentences on each side (a rewriter who dropped or
//! added a sentence next to the spun one) pairs in order the sentences whose words point the
//! same way, on a higher similarity bar than the lone pair's, since position says less there.

use super::candidates::Scored;
use super::evidence::Evidence;
use super::{Bead, Found, Sentences};

/// The most sentences on each side of a gap paired by position. Gaps of two and three were
/// tried on the labelled seed pairs and added no correct link.
const MAX_GAP: usize = 1;
/// The most sentences on each side of a gap whose sides differ in number (or hold more than
/// [`MAX_GAP`]), paired in order where the words point the same way.
const UNEVEN_MAX: usize = 4;
/// The least similarity a pair of an uneven gap needs. On the labelled seed pairs, 0.08 to 0.12
/// found two full links ("An anonymous Ukrainian official speaking to CBS News … would center"
/// / "A Ukrainian official said that the discussions would centre", between three and one
/// unpaired sentences) and nothing wrong; 0.15 found one. Gaps of up to eight sentences a side
/// put two passages together that do not correspond.
const UNEVEN_MIN: f32 = 0.12;

/// The least similarity a sandwiched pair needs when it shares no key term.
const SIM_MIN: f32 = 0.1;
/// The least similarity a sandwiched pair needs when it shares a key term (name, number).
const SIM_MIN_WITH_KEY: f32 = 0.03;
/// A counterpart elsewhere at least this similar (and better than the sandwiched one) means the
/// sentence is not a rewrite of its neighbour across the gap.
const ELSEWHERE: f32 = 0.22;

/// What a sentence is at this point: part of an in-order pairing (bead index), part of a move,
/// or unpaired.
#[derive(Clone, Copy, PartialEq)]
enum State {
    Match(usize),
    Moved,
    Alone,
}

/// Each sentence's [`State`], for one side (`of_a`: the base side of the beads).
fn states(beads: &[Bead], len: usize, of_a: bool) -> Vec<State> {
    let mut out = vec![State::Alone; len];
    for (k, bead) in beads.iter().enumerate() {
        let (range, state) = match bead {
            Bead::Match { a, b, .. } => (if of_a { a } else { b }, State::Match(k)),
            Bead::Moved { a, b, .. } => (if of_a { a } else { b }, State::Moved),
            Bead::OnlyA(_) | Bead::OnlyB(_) => continue,
        };
        range.clone().for_each(|i| out[i] = state);
    }
    out
}

/// Pairs the lone unpaired sentences of gaps between two in-order pairings. A sentence paired
/// as a move stands elsewhere in the other version, so it does not break the gap it sits in. The
/// gap is found by sentence indices, not by neighbouring beads (moved blocks stand at the base's
/// place, which would make the result depend on which version is the base).
pub(super) fn pair_sandwiched(
    beads: Vec<Bead>,
    a: &Sentences<'_>,
    b: &Sentences<'_>,
    scored: &Scored,
) -> Vec<Bead> {
    let a_state = states(&beads, a.vecs.len(), true);
    let b_state = states(&beads, b.vecs.len(), false);
    let mut found = Vec::new();
    let mut before: Option<usize> = None;
    let mut alone_a: Vec<usize> = Vec::new();
    for (i, state) in a_state.iter().enumerate() {
        match *state {
            State::Moved => {}
            State::Alone => alone_a.push(i),
            State::Match(k) if before == Some(k) => {}
            State::Match(after) => {
                if let Some(before) = before
                    && (1..=MAX_GAP).contains(&alone_a.len())
                    && let Some(alone_b) = alone_between(&beads, before, after, &b_state)
                    && alone_b.len() == alone_a.len()
                {
                    for (&i, &j) in alone_a.iter().zip(&alone_b) {
                        if let Some(confidence) = sandwich_confidence(a, i, b, j, scored) {
                            found.push(Found {
                                a: i,
                                b: j,
                                confidence,
                                moved: false,
                            });
                        }
                    }
                } else if let Some(before) = before
                    && (1..=UNEVEN_MAX).contains(&alone_a.len())
                    && let Some(alone_b) = alone_between(&beads, before, after, &b_state)
                    && (1..=UNEVEN_MAX).contains(&alone_b.len())
                {
                    found.extend(pair_in_order(a, &alone_a, b, &alone_b, scored));
                }
                before = Some(after);
                alone_a.clear();
            }
        }
    }
    super::place_found(beads, &found)
}

/// The unpaired sentences of the other version between in-order pairings `before` and `after`,
/// when every sentence there is unpaired or moved (`None` when the two are not in order there).
fn alone_between(
    beads: &[Bead],
    before: usize,
    after: usize,
    b_state: &[State],
) -> Option<Vec<usize>> {
    let (Bead::Match { b: first, .. }, Bead::Match { b: next, .. }) =
        (&beads[before], &beads[after])
    else {
        return None;
    };
    if first.end > next.start {
        return None;
    }
    let mut alone = Vec::new();
    for (j, state) in b_state.iter().enumerate().take(next.start).skip(first.end) {
        match state {
            State::Alone => alone.push(j),
            State::Moved => {}
            State::Match(_) => return None,
        }
    }
    Some(alone)
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

/// How the best in-order total over the first sentences of an uneven gap ends.
#[derive(Clone, Copy)]
enum Step {
    SkipRow,
    SkipCol,
    /// The pair is taken, with its confidence.
    Take(f32),
}

/// In a gap with unpaired sentences on both sides, the in-order pairs with the largest total
/// similarity among those that clear [`UNEVEN_MIN`] and have no better counterpart elsewhere.
fn pair_in_order(
    a: &Sentences<'_>,
    alone_a: &[usize],
    b: &Sentences<'_>,
    alone_b: &[usize],
    scored: &Scored,
) -> Vec<Found> {
    let weight = |row: usize, col: usize| -> Option<(f32, f32)> {
        let (i, j) = (alone_a[row], alone_b[col]);
        let confidence = sandwich_confidence(a, i, b, j, scored)?;
        let sim = Evidence::of(a, &(i..i + 1), b, &(j..j + 1)).sim;
        (sim >= UNEVEN_MIN).then_some((sim, confidence))
    };
    let (rows, cols) = (alone_a.len(), alone_b.len());
    // total[r][c]: the largest total over the first r sentences of `a` and c of `b`.
    let mut total = vec![vec![0.0f32; cols + 1]; rows + 1];
    let mut step = vec![vec![Step::SkipRow; cols + 1]; rows + 1];
    for row in 1..=rows {
        for col in 1..=cols {
            let (mut best, mut how) = (total[row - 1][col], Step::SkipRow);
            if total[row][col - 1] > best {
                (best, how) = (total[row][col - 1], Step::SkipCol);
            }
            if let Some((sim, confidence)) = weight(row - 1, col - 1)
                && total[row - 1][col - 1] + sim > best
            {
                (best, how) = (total[row - 1][col - 1] + sim, Step::Take(confidence));
            }
            total[row][col] = best;
            step[row][col] = how;
        }
    }
    let mut out = Vec::new();
    let (mut row, mut col) = (rows, cols);
    while row > 0 && col > 0 {
        match step[row][col] {
            Step::SkipRow => row -= 1,
            Step::SkipCol => col -= 1,
            Step::Take(confidence) => {
                out.push(Found {
                    a: alone_a[row - 1],
                    b: alone_b[col - 1],
                    confidence,
                    moved: false,
                });
                row -= 1;
                col -= 1;
            }
        }
    }
    out
}
