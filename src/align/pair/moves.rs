//! Moves: sentences the DP left unpaired on both sides that match each other well.

use super::{ANCHOR_MARGIN, Bead, Side, best_matches_among, longest_increasing, merge_runs};

/// Similarity a pair of leftover sentences needs to count as moved (with the anchors' margin
/// over the runner-up, so a topically close sentence elsewhere is not taken for a move). A
/// sentence whose only edit is a number already falls near 0.4, numbers weighing much.
const MOVE_MIN: f32 = 0.35;

/// Moved text must be long enough to be told apart from chance (git uses 20 alphanumerics).
const MOVE_MIN_CHARS: usize = 20;

/// Pairs sentences the DP left unpaired on both sides when they match well: each such pair
/// either fits in order (the DP missed it; it becomes a match) or is a move.
pub(super) fn detect_moves(beads: Vec<Bead>, a: &Side<'_>, b: &Side<'_>) -> Vec<Bead> {
    let mut a_open = vec![false; a.vecs.len()];
    let mut b_open = vec![false; b.vecs.len()];
    for bead in &beads {
        match bead {
            Bead::OnlyA(r) => r
                .clone()
                .for_each(|i| a_open[i] = a.vecs[i].chars >= MOVE_MIN_CHARS),
            Bead::OnlyB(r) => r
                .clone()
                .for_each(|j| b_open[j] = b.vecs[j].chars >= MOVE_MIN_CHARS),
            _ => {}
        }
    }
    if !a_open.contains(&true) || !b_open.contains(&true) {
        return beads;
    }
    let c = best_matches_among(a.vecs, b.vecs, &a_open, &b_open);
    let mut a_partner: Vec<Option<usize>> = vec![None; a.vecs.len()];
    let mut b_partner: Vec<Option<usize>> = vec![None; b.vecs.len()];
    for (i, &(sim, j, second)) in c.a_best.iter().enumerate() {
        if let Some(j) = j
            && sim >= MOVE_MIN
            && second <= sim * ANCHOR_MARGIN
            && c.b_best[j].1 == Some(i)
        {
            a_partner[i] = Some(j);
            b_partner[j] = Some(i);
        }
    }
    rebuild_with_moves(beads, &a_partner, &b_partner)
}

/// Rebuilds the bead list with the pairs found among leftovers. A pair whose two sentences lie
/// in the same gap between two matches (and in order with the other pairs there) is a match the
/// DP missed; any other pair is a move, emitted at the base sentence's place.
fn rebuild_with_moves(
    beads: Vec<Bead>,
    a_partner: &[Option<usize>],
    b_partner: &[Option<usize>],
) -> Vec<Bead> {
    // Which gap (number of matches before it) each leftover sentence sits in.
    let mut a_gap = vec![usize::MAX; a_partner.len()];
    let mut b_gap = vec![usize::MAX; b_partner.len()];
    let mut gap = 0;
    for bead in &beads {
        match bead {
            Bead::Match { .. } | Bead::Moved { .. } => gap += 1,
            Bead::OnlyA(r) => r.clone().for_each(|i| a_gap[i] = gap),
            Bead::OnlyB(r) => r.clone().for_each(|j| b_gap[j] = gap),
        }
    }
    let in_gap_pairs: Vec<(usize, usize)> = a_partner
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.map(|j| (i, j)))
        .filter(|&(i, j)| a_gap[i] == b_gap[j])
        .collect();
    let mut in_order = vec![false; a_partner.len()];
    for (i, _) in longest_increasing(&in_gap_pairs) {
        in_order[i] = true;
    }

    let mut out: Vec<Bead> = Vec::with_capacity(beads.len());
    let mut gap_a: Vec<usize> = Vec::new();
    let mut gap_b: Vec<usize> = Vec::new();
    let flush = |out: &mut Vec<Bead>, gap_a: &mut Vec<usize>, gap_b: &mut Vec<usize>| {
        let (mut ia, mut ib) = (0, 0);
        while ia < gap_a.len() || ib < gap_b.len() {
            let i = gap_a.get(ia).copied();
            let j = gap_b.get(ib).copied();
            match (i, j) {
                (Some(i), _) if a_partner[i].is_some() && !in_order[i] => {
                    let j = a_partner[i].expect("checked");
                    out.push(Bead::Moved {
                        a: i..i + 1,
                        b: j..j + 1,
                    });
                    ia += 1;
                }
                (_, Some(j)) if b_partner[j].is_some_and(|i| !in_order[i]) => ib += 1,
                (Some(i), Some(j)) if in_order[i] && a_partner[i] == Some(j) => {
                    out.push(Bead::Match {
                        a: i..i + 1,
                        b: j..j + 1,
                    });
                    ia += 1;
                    ib += 1;
                }
                // Emit the side whose next sentence is not waiting for its partner.
                (Some(i), _) if !in_order[i] => {
                    out.push(Bead::OnlyA(i..i + 1));
                    ia += 1;
                }
                (_, Some(j)) if b_partner[j].is_none() => {
                    out.push(Bead::OnlyB(j..j + 1));
                    ib += 1;
                }
                (Some(i), None) => {
                    out.push(Bead::OnlyA(i..i + 1));
                    ia += 1;
                }
                (None, Some(j)) => {
                    out.push(Bead::OnlyB(j..j + 1));
                    ib += 1;
                }
                (Some(_), Some(j)) => {
                    // `i` waits for a later partner; `j` pairs with a later base sentence.
                    out.push(Bead::OnlyB(j..j + 1));
                    ib += 1;
                }
                (None, None) => unreachable!("loop condition"),
            }
        }
        gap_a.clear();
        gap_b.clear();
    };
    for bead in beads {
        match bead {
            Bead::OnlyA(r) => gap_a.extend(r),
            Bead::OnlyB(r) => gap_b.extend(r),
            other => {
                flush(&mut out, &mut gap_a, &mut gap_b);
                out.push(other);
            }
        }
    }
    flush(&mut out, &mut gap_a, &mut gap_b);
    merge_runs(merge_moves(out))
}

/// Joins moves of consecutive sentences to consecutive places into one moved group.
fn merge_moves(beads: Vec<Bead>) -> Vec<Bead> {
    let mut out: Vec<Bead> = Vec::with_capacity(beads.len());
    for bead in beads {
        match (out.last_mut(), &bead) {
            (Some(Bead::Moved { a: pa, b: pb }), Bead::Moved { a, b })
                if pa.end == a.start && pb.end == b.start =>
            {
                pa.end = a.end;
                pb.end = b.end;
            }
            _ => out.push(bead),
        }
    }
    out
}
