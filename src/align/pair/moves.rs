//! Moves, and a second look at the sentences left unpaired.
//!
//! Moves are found twice. Before the in-order DP, strong seeds off the frame are taken out
//! ([`off_frame`]), so the DP cannot pair a moved sentence with a weak neighbour in its old
//! place. After it, [`second_look`] pairs sentences left unpaired on both sides: with a lower bar
//! when they share the story's names and numbers (a sentence whose actors or figures changed
//! still says the same thing), in order when both stand in the same gap between pairings, as a
//! move otherwise. Each move pairs one sentence with one: a block of consecutive sentences moved
//! to consecutive places stays a run of 1–1 moves (merged into one group, every sentence of it
//! stood with every other: 12 links between sentences that do not correspond on the labelled
//! seeds, the held-out rewrites' precision 0.86 against 0.98 without), and the
//! printers show such a run as one moved block.

use std::ops::Range;

use super::super::features::{SentenceVec, cosine, shared_keys, sum};
use super::candidates::{SEED_MARGIN, Scored, Top};
use super::evidence::{Evidence, SIM_ALONE};
use super::{Bead, Link, Sentences, longest_increasing, merge_runs};

/// Up to this many leftover pairs, leftovers are paired by an optimal assignment.
const ASSIGNMENT_CELLS: usize = 40_000;

/// Similarity a seed off the frame needs to be taken as a move before the DP.
const EARLY_MOVE_MIN: f32 = 0.4;
/// Moved text must be long enough to be told apart from chance (git uses 20 alphanumerics).
const MOVE_MIN_CHARS: usize = 20;
/// Similarity at which two sentences count as copies of one (same content words, same
/// weights).
const IDENTICAL_SIM: f32 = 0.999;
/// A leftover pair that would be a move needs this similarity, or shared key terms.
const LEFTOVER_MOVE_MIN: f32 = 0.3;

/// Seeds off the frame that are strong enough to be moves.
pub(super) fn off_frame(
    a: &Sentences<'_>,
    b: &Sentences<'_>,
    seeds: &[Link],
    frame: &[Link],
) -> Vec<Link> {
    let mut in_frame = vec![false; a.vecs.len()];
    for link in frame {
        in_frame[link.a] = true;
    }
    seeds
        .iter()
        .filter(|l| {
            !in_frame[l.a]
                && l.sim >= EARLY_MOVE_MIN
                && a.vecs[l.a].chars >= MOVE_MIN_CHARS
                && b.vecs[l.b].chars >= MOVE_MIN_CHARS
        })
        .copied()
        .collect()
}

/// Whether a leftover pair may become a move: moves are the costliest mistake to show, so they
/// need more than an in-order pairing does.
fn move_supported(e: &Evidence) -> bool {
    e.sim >= LEFTOVER_MOVE_MIN
        || (e.sim >= 0.18 && e.keys >= 1)
        || (e.sim >= 0.16 && e.keys >= 2)
        || (e.sim >= 0.1 && e.keys >= 3)
}

/// Pairs sentences left unpaired on both sides (including those of early moves) and rebuilds the
/// bead list with them: in the same gap, in order, they are matches; otherwise moves.
pub(super) fn second_look(
    beads: Vec<Bead>,
    early: &[Link],
    a: &Sentences<'_>,
    b: &Sentences<'_>,
    scored: &Scored,
) -> Vec<Bead> {
    let mut left = Leftovers::new(&beads, a.vecs.len(), b.vecs.len());
    for link in early {
        let e = Evidence::of(a, &(link.a..link.a + 1), b, &(link.b..link.b + 1));
        left.pair(link.a, link.b, e.confidence());
    }
    // The runner-up that counts against a best match is one that is not its neighbour: a
    // sentence split in two has two good counterparts side by side, and `extend` joins them.
    let best_open = |top: &[(f32, usize)], open: &dyn Fn(usize) -> bool| {
        let mut found = top.iter().filter(|(_, k)| open(*k));
        let best = found.next().copied();
        let second = best.map_or(0.0, |(_, at)| {
            found.find(|(_, k)| k.abs_diff(at) > 1).map_or(0.0, |s| s.0)
        });
        (best, second)
    };
    if let Some((i, j, confidence)) = leads(a, b, &left) {
        left.pair(i, j, confidence);
    }
    let a_open = |i: usize| left.a_open(i);
    let b_open = |j: usize| left.b_open(j);
    let qualifies = |i: usize, j: usize| {
        let e = Evidence::of(a, &(i..i + 1), b, &(j..j + 1));
        // A heading is a few words, so one shared name is a large part of it and says little
        // ("US Army Delegation Focused on 'Ending the War'" / "US delegation's agenda remains
        // unclear"): headings pair here on similarity alone. On the labelled pairs this left
        // no passage holding sentences that do not correspond, at the cost of three partial links.
        if (a.heading[i] || b.heading[j]) && e.sim < SIM_ALONE {
            return None;
        }
        let same_gap = left.a_gap[i] == left.b_gap[j];
        // Two sentences swapped around one pairing ("A B C" / "B C' A'" at the scale of one
        // step) are barely out of order: the bar of an in-order pairing applies. On the
        // labelled pairs this found three full links and paired nothing wrongly.
        let swapped =
            matches!((left.a_gap[i], left.b_gap[j]), (Some(ga), Some(gb)) if ga.abs_diff(gb) == 1);
        // A short sentence could match by chance, but not word for word: two copies of one
        // sentence may move however short (the DP, between two equally good readings, can
        // leave either copy out of order, depending on which version is the base).
        let long = (a.vecs[i].chars >= MOVE_MIN_CHARS && b.vecs[j].chars >= MOVE_MIN_CHARS)
            || e.sim >= IDENTICAL_SIM;
        let in_order_bar = same_gap || (long && swapped);
        ((in_order_bar && e.supported()) || (long && move_supported(&e))).then(|| e.confidence())
    };
    let open_a: Vec<usize> = (0..a.vecs.len()).filter(|&i| a_open(i)).collect();
    let open_b: Vec<usize> = (0..b.vecs.len()).filter(|&j| b_open(j)).collect();
    let mut found: Vec<(usize, usize, f32)> = Vec::new();
    if open_a.len().saturating_mul(open_b.len()) <= ASSIGNMENT_CELLS {
        // Few leftovers (an article): the pairing with the largest total similarity, so two
        // sentences that compete for one counterpart are settled by what else each could pair.
        let mut weight = vec![vec![0.0f32; open_b.len()]; open_a.len()];
        for (x, &i) in open_a.iter().enumerate() {
            for &(sim, j) in scored.a_top[i].iter() {
                if let Ok(y) = open_b.binary_search(&j)
                    && qualifies(i, j).is_some()
                {
                    weight[x][y] = sim;
                }
            }
            for (y, &j) in open_b.iter().enumerate() {
                if weight[x][y] == 0.0
                    && scored.b_top[j].iter().any(|c| c.1 == i)
                    && qualifies(i, j).is_some()
                {
                    weight[x][y] = crate::align::pair::candidates::score(a, b, i, j);
                }
            }
        }
        for (x, y) in super::assignment::max_weight(&weight) {
            let (i, j) = (open_a[x], open_b[y]);
            if let Some(confidence) = qualifies(i, j) {
                found.push((i, j, confidence));
            }
        }
    } else {
        for &i in &open_a {
            let (Some((sim, j)), second) = best_open(&scored.a_top[i], &b_open) else {
                continue;
            };
            let (Some((_, back)), b_second) = best_open(&scored.b_top[j], &a_open) else {
                continue;
            };
            if back != i || second > sim * SEED_MARGIN || b_second > sim * SEED_MARGIN {
                continue;
            }
            if let Some(confidence) = qualifies(i, j) {
                found.push((i, j, confidence));
            }
        }
    }
    for (i, j, confidence) in found {
        left.pair(i, j, confidence);
    }
    for (i, j, confidence) in section_headings(a, b, &left) {
        left.pair(i, j, confidence);
    }
    let beads = rebuild(beads, &left);
    let beads = extend(beads, a, b, scored);
    let beads = group_leftovers(beads, a, b, scored, false);
    let beads = group_leftovers(beads, a, b, scored, true);
    extend(beads, a, b, scored)
}

/// Headings left unpaired whose sections moved: a heading is too short to be told apart from
/// chance as a move on its own ([`MOVE_MIN_CHARS`]), but when the sentences right after two
/// similar headings pair with each other, the section moved with its heading.
fn section_headings(
    a: &Sentences<'_>,
    b: &Sentences<'_>,
    left: &Leftovers,
) -> Vec<(usize, usize, f32)> {
    (0..a.vecs.len())
        .filter(|&i| a.heading[i] && left.a_open(i))
        .filter_map(|i| {
            let (next, _) = left.a_partner.get(i + 1).copied().flatten()?;
            let j = next.checked_sub(1)?;
            if !(b.heading[j] && left.b_open(j)) {
                return None;
            }
            let e = Evidence::of(a, &(i..i + 1), b, &(j..j + 1));
            (e.sim >= SIM_ALONE).then(|| (i, j, e.confidence()))
        })
        .collect()
}

/// The second look's view of the sentences: the gap between pairings each unpaired one sits in
/// (`None` when the DP paired it), and the partner found for it so far, with its confidence.
struct Leftovers {
    a_gap: Vec<Option<usize>>,
    b_gap: Vec<Option<usize>>,
    a_partner: Vec<Option<(usize, f32)>>,
    b_partner: Vec<Option<(usize, f32)>>,
}

impl Leftovers {
    fn new(beads: &[Bead], a_len: usize, b_len: usize) -> Self {
        let (mut a_gap, mut b_gap) = (vec![None; a_len], vec![None; b_len]);
        let mut gap = 0usize;
        for bead in beads {
            match bead {
                Bead::Match { .. } | Bead::Moved { .. } => gap += 1,
                Bead::OnlyA(r) => r.clone().for_each(|i| a_gap[i] = Some(gap)),
                Bead::OnlyB(r) => r.clone().for_each(|j| b_gap[j] = Some(gap)),
            }
        }
        Self {
            a_gap,
            b_gap,
            a_partner: vec![None; a_len],
            b_partner: vec![None; b_len],
        }
    }

    /// Whether base sentence `i` is unpaired and has no partner yet.
    fn a_open(&self, i: usize) -> bool {
        self.a_gap[i].is_some() && self.a_partner[i].is_none()
    }

    /// Whether sentence `j` of the other version is unpaired and has no partner yet.
    fn b_open(&self, j: usize) -> bool {
        self.b_gap[j].is_some() && self.b_partner[j].is_none()
    }

    fn pair(&mut self, i: usize, j: usize, confidence: f32) {
        self.a_partner[i] = Some((j, confidence));
        self.b_partner[j] = Some((i, confidence));
    }
}

/// The most sentences a leftover group may hold.
const GROUP_MAX: usize = 4;

/// Pairs one unpaired sentence of one side with a run of unpaired sentences of the other that
/// together tell what it tells (a list and the sentence that sums it up, a paragraph condensed
/// into one sentence), when the run matches it better than any one sentence did. `flip` swaps
/// the roles of the two sides, so the pass is symmetric.
fn group_leftovers(
    beads: Vec<Bead>,
    a: &Sentences<'_>,
    b: &Sentences<'_>,
    scored: &Scored,
    flip: bool,
) -> Vec<Bead> {
    let (one, many) = if flip { (a, b) } else { (b, a) };
    let top = if flip { &scored.a_top } else { &scored.b_top };
    let (mut a_free, mut b_free) = (vec![false; a.vecs.len()], vec![false; b.vecs.len()]);
    for bead in &beads {
        match bead {
            Bead::OnlyA(r) => r.clone().for_each(|i| a_free[i] = true),
            Bead::OnlyB(r) => r.clone().for_each(|j| b_free[j] = true),
            _ => {}
        }
    }
    let (a_gap, b_gap) = in_order_gaps(&beads, a.vecs.len(), b.vecs.len());
    let mut found: Vec<(Range<usize>, usize, f32)> = Vec::new();
    for k in 0..one.vecs.len() {
        let (one_free, many_free) = if flip {
            (&a_free, &b_free)
        } else {
            (&b_free, &a_free)
        };
        // Headings pair one to one; groups are story text only.
        if !one_free[k] || one.heading[k] || one.vecs[k].chars < MOVE_MIN_CHARS {
            continue;
        }
        let single = top[k].first().map_or(0.0, |c| c.0);
        let free = |x: usize| many_free[x] && !many.heading[x];
        if let Some((run, e)) = best_window(one, k, many, &top[k], &free)
            && e.sim > single + GROUP_GAIN
            && move_supported(&e)
        {
            let (one_free, many_free) = if flip {
                (&mut a_free, &mut b_free)
            } else {
                (&mut b_free, &mut a_free)
            };
            run.clone().for_each(|x| many_free[x] = false);
            one_free[k] = false;
            found.push((run, k, e.confidence()));
        }
    }
    if found.is_empty() {
        return beads;
    }
    let mut out = Vec::with_capacity(beads.len() + found.len());
    for bead in beads {
        match bead {
            Bead::OnlyA(r) => {
                // A group is emitted at the place of its base sentences.
                for (run, k, confidence) in &found {
                    let (ra, rb) = if flip {
                        (*k..*k + 1, run.clone())
                    } else {
                        (run.clone(), *k..*k + 1)
                    };
                    if r.contains(&ra.start) {
                        let confidence = *confidence;
                        out.push(if a_gap[ra.start] == b_gap[rb.start] {
                            Bead::Match {
                                a: ra,
                                b: rb,
                                confidence,
                            }
                        } else {
                            Bead::Moved {
                                a: ra,
                                b: rb,
                                confidence,
                            }
                        });
                    }
                }
                out.extend(split_out(r, &a_free).into_iter().map(Bead::OnlyA));
            }
            Bead::OnlyB(r) => out.extend(split_out(r, &b_free).into_iter().map(Bead::OnlyB)),
            other => out.push(other),
        }
    }
    out
}

/// How much better than its best single counterpart a run must match a sentence.
const GROUP_GAIN: f32 = 0.05;

/// The gap (number of in-order pairings before it) of every one-sided sentence, to tell a pair
/// that stands in order from a moved one.
pub(super) fn in_order_gaps(
    beads: &[Bead],
    a_len: usize,
    b_len: usize,
) -> (Vec<usize>, Vec<usize>) {
    let (mut a_gap, mut b_gap) = (vec![0; a_len], vec![0; b_len]);
    let mut gap = 0;
    for bead in beads {
        match bead {
            Bead::Match { .. } => gap += 1,
            Bead::OnlyA(r) => r.clone().for_each(|i| a_gap[i] = gap),
            Bead::OnlyB(r) => r.clone().for_each(|j| b_gap[j] = gap),
            Bead::Moved { .. } => {}
        }
    }
    (a_gap, b_gap)
}

/// The run of free sentences of `many` (2 to [`GROUP_MAX`] long, around one of sentence `k`'s
/// candidates) that matches sentence `k` of `one` best.
fn best_window(
    one: &Sentences<'_>,
    k: usize,
    many: &Sentences<'_>,
    candidates: &[(f32, usize)],
    free: &dyn Fn(usize) -> bool,
) -> Option<(Range<usize>, Evidence)> {
    let mut best: Option<(Range<usize>, Evidence)> = None;
    for &(_, at) in candidates {
        if !free(at) {
            continue;
        }
        let lo = (at.saturating_sub(GROUP_MAX - 1)..=at)
            .rev()
            .take_while(|&x| free(x))
            .last()
            .unwrap_or(at);
        let hi = (at..(at + GROUP_MAX).min(many.vecs.len()))
            .take_while(|&x| free(x))
            .last()
            .unwrap_or(at);
        for start in lo..=at {
            for end in at + 1..=hi + 1 {
                if !(2..=GROUP_MAX).contains(&(end - start)) {
                    continue;
                }
                let e = Evidence::of(many, &(start..end), one, &(k..k + 1));
                if best.as_ref().is_none_or(|b| e.sim > b.1.sim) {
                    best = Some((start..end, e));
                }
            }
        }
    }
    best
}

/// Similarity two leads need to pair: a news story opens with its summary, so the first
/// sentences of two versions of one story tell the same event even when spun beyond lexical
/// recognition. Position is the evidence here; the pairing is shown weak.
const LEAD_MIN: f32 = 0.05;
/// Leads paired on position alone are shown weak at most.
const LEAD_CONFIDENCE: f32 = 0.4;

/// The two versions' leads (first story sentences, not headings), when both are still unpaired
/// and share something.
fn leads(a: &Sentences<'_>, b: &Sentences<'_>, left: &Leftovers) -> Option<(usize, usize, f32)> {
    let lead = |side: &Sentences<'_>| {
        (0..side.vecs.len()).find(|&k| !side.heading[k] && side.vecs[k].chars >= MOVE_MIN_CHARS)
    };
    let (lead_a, lead_b) = (lead(a)?, lead(b)?);
    let open = left.a_open(lead_a) && left.b_open(lead_b);
    let evidence = Evidence::of(a, &(lead_a..lead_a + 1), b, &(lead_b..lead_b + 1));
    (open && evidence.sim >= LEAD_MIN)
        .then(|| (lead_a, lead_b, evidence.confidence().min(LEAD_CONFIDENCE)))
}

/// A sentence left unpaired next to a group joins it when it shares enough with the group's
/// other side (a list's introduction, the second half of a sentence split in two), or when it
/// belongs to a list whose items the group holds and the other side has no list: a list
/// rewritten as one sentence (on the labelled pairs, 12 partial links found and none wrong), or
/// when it refers back to the group ([`REFERS_BACK_MIN`]).
const EXTEND_MIN: f32 = 0.18;
/// A sentence that opens by referring back to the one before ("He has been viewed as…", "These
/// conditions mirror…") goes on with its statement, which a rewrite often folds into one
/// sentence: unpaired after a group, it joins it when it shares at least this much with the
/// group's other side and has no better counterpart elsewhere. On the labelled pairs, 4 partial
/// links found; without the second condition one sentence was taken from its own counterpart.
const REFERS_BACK_MIN: f32 = 0.05;

/// Grows paired groups by unpaired neighbours that belong to them. Each round weighs every free
/// sentence against the groups beside it as they stood before the round, and a sentence between
/// two groups joins the one it shares more with: nothing depends on the order of the beads or on
/// which side is the base.
fn extend(
    mut beads: Vec<Bead>,
    a: &Sentences<'_>,
    b: &Sentences<'_>,
    scored: &Scored,
) -> Vec<Bead> {
    let mut a_free = vec![false; a.vecs.len()];
    let mut b_free = vec![false; b.vecs.len()];
    for bead in &beads {
        match bead {
            Bead::OnlyA(r) => r.clone().for_each(|i| a_free[i] = true),
            Bead::OnlyB(r) => r.clone().for_each(|j| b_free[j] = true),
            _ => {}
        }
    }
    let (mut taken_a, mut taken_b) = (Vec::new(), Vec::new());
    // Groups that grew in the last round (at first, all): a sentence whose neighbours did not
    // grow would be weighed exactly as in the round before, where it did not join.
    let mut grew = vec![true; beads.len()];
    loop {
        let a_joins = joins(&beads, &grew, (a, &scored.a_top), &a_free, b, Bead::ranges);
        let b_joins = joins(&beads, &grew, (b, &scored.b_top), &b_free, a, |bead| {
            bead.ranges().map(|(ra, rb)| (rb, ra))
        });
        if a_joins.is_empty() && b_joins.is_empty() {
            break;
        }
        grew.fill(false);
        for &(_, k) in a_joins.iter().chain(&b_joins) {
            grew[k] = true;
        }
        for (i, k) in a_joins {
            if let Bead::Match { a: ra, .. } | Bead::Moved { a: ra, .. } = &mut beads[k] {
                *ra = ra.start.min(i)..ra.end.max(i + 1);
            }
            a_free[i] = false;
            taken_a.push(i);
        }
        for (j, k) in b_joins {
            if let Bead::Match { b: rb, .. } | Bead::Moved { b: rb, .. } = &mut beads[k] {
                *rb = rb.start.min(j)..rb.end.max(j + 1);
            }
            b_free[j] = false;
            taken_b.push(j);
        }
    }
    if taken_a.is_empty() && taken_b.is_empty() {
        return beads;
    }
    // Take the absorbed sentences out of their one-sided runs (they stand at a run's edge).
    let mut out = Vec::with_capacity(beads.len());
    for bead in beads {
        match bead {
            Bead::OnlyA(r) => out.extend(split_out(r, &a_free).into_iter().map(Bead::OnlyA)),
            Bead::OnlyB(r) => out.extend(split_out(r, &b_free).into_iter().map(Bead::OnlyB)),
            other => out.push(other),
        }
    }
    out
}

/// For one side (`own`), the free sentences that join a paired group beside them this round:
/// (sentence, bead index). Only sentences beside a group that `grew` are weighed. `ranges`
/// gives a bead's ranges with this side's first.
fn joins(
    beads: &[Bead],
    grew: &[bool],
    (own, own_top): (&Sentences<'_>, &[Top]),
    free: &[bool],
    other: &Sentences<'_>,
    ranges: impl Fn(&Bead) -> Option<(Range<usize>, Range<usize>)>,
) -> Vec<(usize, usize)> {
    let mut group_of: Vec<Option<usize>> = vec![None; own.vecs.len()];
    for (k, bead) in beads.iter().enumerate() {
        if let Some((r, _)) = ranges(bead) {
            r.for_each(|i| group_of[i] = Some(k));
        }
    }
    // The other side's summed vector of a group, computed only for groups with a free neighbour.
    let mut other_sums: rustc_hash::FxHashMap<usize, SentenceVec> =
        rustc_hash::FxHashMap::default();
    let mut out = Vec::new();
    for i in (0..own.vecs.len()).filter(|&i| free[i] && !own.heading[i]) {
        let beside = [
            i.checked_sub(1).and_then(|p| group_of[p]),
            group_of.get(i + 1).copied().flatten(),
        ];
        if !beside.iter().flatten().any(|&k| grew[k]) {
            continue;
        }
        let mut best: Option<(f32, usize)> = None;
        for k in beside.into_iter().flatten() {
            let Some((r, o)) = ranges(&beads[k]) else {
                continue;
            };
            if own.heading[r.start] {
                continue;
            }
            let sum = other_sums
                .entry(k)
                .or_insert_with(|| sum(other.vecs[o.clone()].iter()));
            let mut sim = cosine(&own.vecs[i], sum);
            let same_list = if r.end == i {
                own.list_continues[i - 1]
            } else {
                own.list_continues[i]
            };
            if same_list && holds_item(own, &r) && !o.clone().any(|j| in_list(other, j)) {
                sim = sim.max(EXTEND_MIN);
            }
            let elsewhere = own_top[i]
                .iter()
                .find(|(_, j)| !o.contains(j))
                .map_or(0.0, |c| c.0);
            if r.end == i && own.refers_back[i] && sim >= REFERS_BACK_MIN && elsewhere <= sim {
                sim = sim.max(EXTEND_MIN);
            }
            // A sentence that shares enough of the story's names and numbers with the group's
            // other side ([`joins_on_keys`]) joins it, when nothing elsewhere matches it better.
            if elsewhere <= sim && joins_on_keys(sim, shared_keys(&own.vecs[i].keys, &sum.keys)) {
                sim = sim.max(EXTEND_MIN);
            }
            // On a tie the group before the sentence wins (it is looked at first).
            if sim >= EXTEND_MIN && best.is_none_or(|(s, _)| sim > s) {
                best = Some((sim, k));
            }
        }
        if let Some((_, k)) = best {
            out.push((i, k));
        }
    }
    out
}

/// Whether a free sentence shares enough names and numbers with a group's other side to join
/// it: on the labelled seed pairs, three shared key terms at similarity 0.10–0.15 found one
/// partial link and nothing wrong; two shared key terms at 0.14–0.16 put two passages together
/// that do not correspond.
fn joins_on_keys(sim: f32, keys: usize) -> bool {
    keys >= 3 && sim >= 0.12
}

/// Whether sentence `j` belongs to a list (an introduction or an item).
fn in_list(side: &Sentences<'_>, j: usize) -> bool {
    side.list_continues[j] || j > 0 && side.list_continues[j - 1]
}

/// Whether a group holds one of a list's items (a sentence the one before continues into), not
/// only its introduction: an introduction paired alone may stand for a rewrite that dropped
/// the list.
fn holds_item(side: &Sentences<'_>, r: &Range<usize>) -> bool {
    r.clone().any(|j| j > 0 && side.list_continues[j - 1])
}

/// The runs of `r` whose sentences are still free.
fn split_out(r: Range<usize>, free: &[bool]) -> Vec<Range<usize>> {
    let mut runs: Vec<Range<usize>> = Vec::new();
    for k in r.filter(|&k| free[k]) {
        match runs.last_mut() {
            Some(last) if last.end == k => last.end = k + 1,
            _ => runs.push(k..k + 1),
        }
    }
    runs
}

/// Rebuilds the bead list with the pairs found among leftovers. A pair whose two sentences lie
/// in the same gap between two pairings (and in order with the other pairs there) is a match the
/// DP missed; any other pair is a move, emitted at the base sentence's place.
fn rebuild(beads: Vec<Bead>, left: &Leftovers) -> Vec<Bead> {
    let Leftovers {
        a_gap,
        b_gap,
        a_partner,
        b_partner,
    } = left;
    let in_gap_pairs: Vec<(usize, usize)> = a_partner
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.map(|(j, _)| (i, j)))
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
                    let (j, confidence) = a_partner[i].expect("checked");
                    out.push(Bead::Moved {
                        a: i..i + 1,
                        b: j..j + 1,
                        confidence,
                    });
                    ia += 1;
                }
                (_, Some(j)) if b_partner[j].is_some_and(|(i, _)| !in_order[i]) => ib += 1,
                (Some(i), Some(j)) if in_order[i] && a_partner[i].is_some_and(|p| p.0 == j) => {
                    let confidence = a_partner[i].map_or(1.0, |p| p.1);
                    out.push(Bead::Match {
                        a: i..i + 1,
                        b: j..j + 1,
                        confidence,
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
    merge_runs(out)
}
