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
//!
//! A block moved together is read the same way: two pairings, one of them a move, that follow
//! each other in both versions bound a gap of their own; and the unpaired sentences right
//! before or right after a move, on both sides, may have moved with it (on the higher bar).

use std::ops::Range;

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

/// The least similarity a pair of an uneven gap needs when it shares a key term (name, number).
/// On the labelled seed pairs, 0.05 to 0.08 found one full link (001's "According to reporting
/// from Axios … Donbas" / 004's "The draft peace framework is said to call for Russia …
/// Donbas", 10% similar) and nothing wrong, 0.03 paired one passage wrongly; this is the middle
/// of that range. The held-out rewrites gain a partial link below 0.07.
const UNEVEN_MIN_WITH_KEY: f32 = 0.065;

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
    Moved(usize),
    Alone,
}

/// Each sentence's [`State`], for one side (`of_a`: the base side of the beads).
fn states(beads: &[Bead], len: usize, of_a: bool) -> Vec<State> {
    let mut out = vec![State::Alone; len];
    for (k, bead) in beads.iter().enumerate() {
        let (range, state) = match bead {
            Bead::Match { a, b, .. } => (if of_a { a } else { b }, State::Match(k)),
            Bead::Moved { a, b, .. } => (if of_a { a } else { b }, State::Moved(k)),
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
            State::Moved(_) => {}
            State::Alone => alone_a.push(i),
            State::Match(k) if before == Some(k) => {}
            State::Match(after) => {
                if let Some(before) = before
                    && let Some(alone_b) = alone_between(&beads, before, after, &b_state)
                {
                    found.extend(pair_gap(a, &alone_a, b, &alone_b, scored));
                }
                before = Some(after);
                alone_a.clear();
            }
        }
    }
    let beads = super::place_found(beads, &found);
    pair_beside_moves(beads, a, b, scored)
}

/// The most sentences, paired elsewhere or not, between the two pairings around a gap next to
/// a move, on each side: beyond that the two pairings no longer say where a sentence's
/// counterpart is.
const BESIDE_SPAN: usize = 2 * UNEVEN_MAX;

/// Pairs the unpaired sentences of gaps next to a move: two pairings, one of them moved, that
/// stand in the same order on both sides with only unpaired sentences, or sentences paired
/// elsewhere, between them ([`between_neighbours`]); and the unpaired sentences right before or
/// right after a move on both sides ([`at_move_edges`]). A moved block whose middle sentence was
/// spun beyond recognition leaves such a gap ("… drafted a 28-point peace proposal" / "This
/// plan reportedly involves Ukraine relinquishing …", moved together with their neighbours),
/// and the pairings around it say where its counterpart is, as they do around an in-order gap.
///
/// The gaps are those between neighbouring pairings of either side, so the pass is symmetric;
/// a sentence that two gaps would pair differently stays unpaired.
fn pair_beside_moves(
    beads: Vec<Bead>,
    a: &Sentences<'_>,
    b: &Sentences<'_>,
    scored: &Scored,
) -> Vec<Bead> {
    let states = [
        states(&beads, a.vecs.len(), true),
        states(&beads, b.vecs.len(), false),
    ];
    let mut found = between_neighbours(&beads, &states, a, b, scored);
    found.extend(at_move_edges(&beads, &states, a, b, scored));
    // Two gaps that share a sentence may pair it differently: it stays unpaired.
    found.sort_unstable_by_key(|f| (f.a, f.b));
    found.dedup_by_key(|f| (f.a, f.b));
    let mut uses: rustc_hash::FxHashMap<(bool, usize), usize> = rustc_hash::FxHashMap::default();
    for f in &found {
        *uses.entry((true, f.a)).or_default() += 1;
        *uses.entry((false, f.b)).or_default() += 1;
    }
    let mut kept: Vec<Found> = found
        .into_iter()
        .filter(|f| uses[&(true, f.a)] == 1 && uses[&(false, f.b)] == 1)
        .collect();
    // A pair stands in order when no in-order pairing separates its two sentences.
    let (a_gap, b_gap) = super::moves::in_order_gaps(&beads, a.vecs.len(), b.vecs.len());
    for f in &mut kept {
        f.moved = a_gap[f.a] != b_gap[f.b];
    }
    super::place_found(beads, &kept)
}

/// The pairs found in the gaps between two neighbouring pairings (on either side), one of them
/// moved, that stand in the same order on both sides; the bars of an in-order gap apply.
fn between_neighbours(
    beads: &[Bead],
    [a_state, b_state]: &[Vec<State>; 2],
    a: &Sentences<'_>,
    b: &Sentences<'_>,
    scored: &Scored,
) -> Vec<Found> {
    let mut neighbours: Vec<(usize, usize)> = Vec::new();
    for side in [a_state, b_state] {
        let mut last: Option<usize> = None;
        for k in side.iter().filter_map(|&s| owner(s)) {
            if let Some(prev) = last
                && prev != k
            {
                neighbours.push((prev, k));
            }
            last = Some(k);
        }
    }
    neighbours.sort_unstable();
    neighbours.dedup();
    let alone = |r: Range<usize>, state: &[State]| -> Vec<usize> {
        r.filter(|&x| state[x] == State::Alone).collect()
    };
    let moved = |k: usize| matches!(beads[k], Bead::Moved { .. });
    let mut found: Vec<Found> = Vec::new();
    for (p, q) in neighbours {
        let (Some((pa, pb)), Some((qa, qb))) = (beads[p].ranges(), beads[q].ranges()) else {
            continue;
        };
        if !(moved(p) || moved(q)) || pa.end > qa.start || pb.end > qb.start {
            continue;
        }
        let (between_a, between_b) = (pa.end..qa.start, pb.end..qb.start);
        if between_a.len() > BESIDE_SPAN || between_b.len() > BESIDE_SPAN {
            continue;
        }
        // A pairing inside the gap on both sides stands between the two: they are not
        // neighbours there.
        let inside = between_a
            .clone()
            .filter_map(|i| owner(a_state[i]))
            .any(|k| {
                beads[k]
                    .ranges()
                    .is_some_and(|(_, rb)| rb.start >= between_b.start && rb.end <= between_b.end)
            });
        if !inside {
            let (alone_a, alone_b) = (alone(between_a, a_state), alone(between_b, b_state));
            found.extend(pair_gap(a, &alone_a, b, &alone_b, scored));
        }
    }
    found
}

/// The pairs of one gap's unpaired sentences: the lone sentence of each side on its position
/// ([`MAX_GAP`]), or in a gap of up to [`UNEVEN_MAX`] a side, the in-order pairs whose words
/// point the same way.
fn pair_gap(
    a: &Sentences<'_>,
    alone_a: &[usize],
    b: &Sentences<'_>,
    alone_b: &[usize],
    scored: &Scored,
) -> Vec<Found> {
    if (1..=MAX_GAP).contains(&alone_a.len()) && alone_b.len() == alone_a.len() {
        alone_a
            .iter()
            .zip(alone_b)
            .filter_map(|(&i, &j)| {
                sandwich_confidence(a, i, b, j, scored).map(|confidence| Found {
                    a: i,
                    b: j,
                    confidence,
                    moved: false,
                })
            })
            .collect()
    } else if (1..=UNEVEN_MAX).contains(&alone_a.len()) && (1..=UNEVEN_MAX).contains(&alone_b.len())
    {
        pair_in_order(a, alone_a, b, alone_b, scored)
    } else {
        Vec::new()
    }
}

/// The pairs found among the unpaired sentences right before and right after a move, on both
/// sides: they may have moved with it. One pairing says less than two, so only the higher bar
/// of an uneven gap applies. On the labelled pairs: one partial link on the seeds, two full
/// links on the held-out rewrites ("He also warned that the closure …" / "Price also cautioned
/// that shops …"), nothing wrong.
fn at_move_edges(
    beads: &[Bead],
    [a_state, b_state]: &[Vec<State>; 2],
    a: &Sentences<'_>,
    b: &Sentences<'_>,
    scored: &Scored,
) -> Vec<Found> {
    // Headings are left out: a retitled heading pairs only on what its section pairs.
    let run = |side: &[State], heading: &[bool], from: &Range<usize>, before: bool| {
        let mut out: Vec<usize> = if before {
            (0..from.start)
                .rev()
                .take_while(|&x| side[x] == State::Alone)
                .take(UNEVEN_MAX)
                .collect()
        } else {
            (from.end..side.len())
                .take_while(|&x| side[x] == State::Alone)
                .take(UNEVEN_MAX)
                .collect()
        };
        out.retain(|&x| !heading[x]);
        out.sort_unstable();
        out
    };
    let mut found = Vec::new();
    for bead in beads {
        let Bead::Moved { a: ra, b: rb, .. } = bead else {
            continue;
        };
        for before in [true, false] {
            let alone_a = run(a_state, a.heading, ra, before);
            let alone_b = run(b_state, b.heading, rb, before);
            if !alone_a.is_empty() && !alone_b.is_empty() {
                found.extend(pair_in_order(a, &alone_a, b, &alone_b, scored));
            }
        }
    }
    found
}

/// The bead a sentence belongs to, when it is paired.
fn owner(state: State) -> Option<usize> {
    match state {
        State::Match(k) | State::Moved(k) => Some(k),
        State::Alone => None,
    }
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
            State::Moved(_) => {}
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
        let Evidence { sim, keys } = Evidence::of(a, &(i..i + 1), b, &(j..j + 1));
        (sim >= UNEVEN_MIN || (keys >= 1 && sim >= UNEVEN_MIN_WITH_KEY))
            .then_some((sim, confidence))
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
