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

use super::features::{SentenceVec, cosine, dot};

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

/// Cost of leaving one sentence unpaired. Pairing two sentences costs `1 − similarity`, so a
/// 1-1 bead wins over two skips when similarity exceeds `1 − 2·SKIP`.
const SKIP: f32 = 0.42;
/// Extra cost per sentence beyond one on each side of a bead: cosine over summed vectors
/// favours merging, so a merge must earn its place.
const MERGE: f32 = 0.1;
/// Extra cost for pairing a heading with story text.
const HEADING_MISMATCH: f32 = 0.3;
/// Weight of the length-ratio tie-breaker.
const LENGTH: f32 = 0.03;
/// Below this many cells the DP searches the whole matrix.
const FULL_DP_CELLS: usize = 1_500_000;
/// Half-width of the band around the anchor line, in sentences.
const BAND: usize = 20;
/// Terms whose postings list is longer than this are too common to propose candidates.
const MAX_POSTINGS: usize = 64;
/// How many candidates per sentence get their full cosine computed.
const RESCORED_CANDIDATES: usize = 4;
/// Similarity and margin an anchor needs.
const ANCHOR_MIN: f32 = 0.5;
const ANCHOR_MARGIN: f32 = 0.8;
/// Similarity a pair of leftover sentences needs to count as moved (with the anchors' margin
/// over the runner-up, so a topically close sentence elsewhere is not taken for a move). A
/// sentence whose only edit is a number already falls near 0.4, numbers weighing much.
const MOVE_MIN: f32 = 0.35;
/// Moved text must be long enough to be told apart from chance (git uses 20 alphanumerics).
const MOVE_MIN_CHARS: usize = 20;

const BEADS: [(usize, usize); 8] = [
    (1, 1),
    (1, 0),
    (0, 1),
    (2, 1),
    (1, 2),
    (2, 2),
    (3, 1),
    (1, 3),
];

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

/// The cells the DP visits: for each row `r` (base sentences consumed), columns `lo[r]..=hi[r]`.
struct Band {
    lo: Vec<usize>,
    hi: Vec<usize>,
    offset: Vec<usize>,
}

impl Band {
    fn new(n: usize, m: usize, anchors: &[(usize, usize)]) -> Self {
        if (n + 1) * (m + 1) <= FULL_DP_CELLS {
            return Self::from_bounds(vec![0; n + 1], vec![m; n + 1]);
        }
        // The anchor line: through (0,0), each anchor's cell before and after, and (n,m).
        let mut points = vec![(0usize, 0usize)];
        for &(i, j) in anchors {
            points.push((i, j));
            points.push((i + 1, j + 1));
        }
        points.push((n, m));
        let mut center = vec![0usize; n + 1];
        for w in points.windows(2) {
            let ((r0, c0), (r1, c1)) = (w[0], w[1]);
            for (r, slot) in center.iter_mut().enumerate().take(r1 + 1).skip(r0) {
                *slot = if r1 == r0 {
                    c1
                } else {
                    c0 + (r - r0) * (c1 - c0) / (r1 - r0)
                };
            }
        }
        let lo = (0..=n)
            .map(|r| {
                center[r.saturating_sub(1)]
                    .min(center[r])
                    .saturating_sub(BAND)
            })
            .collect();
        let hi = (0..=n)
            .map(|r| (center[r].max(center[(r + 1).min(n)]) + BAND).min(m))
            .collect();
        Self::from_bounds(lo, hi)
    }

    fn from_bounds(lo: Vec<usize>, hi: Vec<usize>) -> Self {
        let mut offset = Vec::with_capacity(lo.len() + 1);
        let mut total = 0;
        for (l, h) in lo.iter().zip(&hi) {
            offset.push(total);
            total += h - l + 1;
        }
        offset.push(total);
        Self { lo, hi, offset }
    }

    fn cells(&self) -> usize {
        *self.offset.last().unwrap_or(&0)
    }

    fn index(&self, r: usize, j: usize) -> Option<usize> {
        (j >= self.lo[r] && j <= self.hi[r]).then(|| self.offset[r] + j - self.lo[r])
    }
}

/// The bead DP over a band.
struct Dp<'a> {
    a: &'a Side<'a>,
    b: &'a Side<'a>,
    band: &'a Band,
    /// `pair_dot[cell(r, j)]` = dot(a[r-1], b[j-1]).
    pair_dot: Vec<f32>,
    cost: Vec<f32>,
    back: Vec<u8>,
    a_stats: GroupStats,
    b_stats: GroupStats,
}

/// Norms, lengths and heading counts of every group of 1–3 consecutive sentences of one side,
/// indexed by group size and end position, so a bead's cost is a few lookups.
struct GroupStats {
    /// `norm2[len - 1][end]`: squared norm of the summed vectors of `end - len..end`.
    norm2: [Vec<f32>; 3],
    /// `chars[len - 1][end]`: alphanumeric characters in the group (at least 1).
    chars: [Vec<f32>; 3],
    /// `headings[len - 1][end]`: how many of the group's sentences are headings.
    headings: [Vec<u8>; 3],
}

impl GroupStats {
    fn new(side: &Side<'_>) -> Self {
        let n = side.vecs.len();
        let next = |d: usize| -> Vec<f32> {
            (0..n)
                .map(|k| side.vecs.get(k + d).map_or(0.0, |v| dot(&side.vecs[k], v)))
                .collect()
        };
        let (d1, d2) = (next(1), next(2));
        let mut stats = Self {
            norm2: std::array::from_fn(|_| vec![0.0; n + 1]),
            chars: std::array::from_fn(|_| vec![1.0; n + 1]),
            headings: std::array::from_fn(|_| vec![0; n + 1]),
        };
        for end in 1..=n {
            for len in 1..=3.min(end) {
                let start = end - len;
                let mut norm: f32 = side.vecs[start..end].iter().map(|v| v.norm2).sum();
                for k in start..end {
                    if k + 1 < end {
                        norm += 2.0 * d1[k];
                    }
                    if k + 2 < end {
                        norm += 2.0 * d2[k];
                    }
                }
                let chars: usize = side.vecs[start..end].iter().map(|v| v.chars).sum();
                stats.norm2[len - 1][end] = norm;
                stats.chars[len - 1][end] = chars.max(1) as f32;
                stats.headings[len - 1][end] =
                    side.heading[start..end].iter().filter(|&&h| h).count() as u8;
            }
        }
        stats
    }
}

impl<'a> Dp<'a> {
    fn new(a: &'a Side<'a>, b: &'a Side<'a>, band: &'a Band) -> Self {
        let cells = band.cells();
        Self {
            a,
            b,
            band,
            pair_dot: vec![0.0; cells],
            cost: vec![f32::INFINITY; cells],
            back: vec![u8::MAX; cells],
            a_stats: GroupStats::new(a),
            b_stats: GroupStats::new(b),
        }
    }

    fn run(mut self) -> Vec<Bead> {
        let n = self.a.vecs.len();
        // The base sentence of a row is scattered into a dense array, so each cell's dot
        // product is a run of lookups instead of a merge of two sparse lists.
        let terms = self
            .a
            .vecs
            .iter()
            .chain(self.b.vecs)
            .filter_map(|v| v.terms.last())
            .map(|t| t.0 as usize + 1)
            .max()
            .unwrap_or(0);
        let mut dense = vec![0.0f32; terms];
        for r in 0..=n {
            if r > 0 {
                for &(t, w) in &self.a.vecs[r - 1].terms {
                    dense[t as usize] = w;
                }
            }
            for j in self.band.lo[r]..=self.band.hi[r] {
                let cell = self.band.index(r, j).expect("in band");
                if r > 0 && j > 0 {
                    self.pair_dot[cell] = self.b.vecs[j - 1]
                        .terms
                        .iter()
                        .map(|&(t, w)| dense[t as usize] * w)
                        .sum();
                }
                if r == 0 && j == 0 {
                    self.cost[cell] = 0.0;
                    continue;
                }
                self.relax(r, j, cell);
            }
            if r > 0 {
                for &(t, _) in &self.a.vecs[r - 1].terms {
                    dense[t as usize] = 0.0;
                }
            }
        }
        self.trace()
    }

    fn relax(&mut self, r: usize, j: usize, cell: usize) {
        for (k, &(da, db)) in BEADS.iter().enumerate() {
            if da > r || db > j {
                continue;
            }
            let Some(prev) = self.band.index(r - da, j - db) else {
                continue;
            };
            let base = self.cost[prev];
            if !base.is_finite() {
                continue;
            }
            let Some(step) = self.bead_cost(r - da..r, j - db..j) else {
                continue;
            };
            if base + step < self.cost[cell] {
                self.cost[cell] = base + step;
                self.back[cell] = k as u8;
            }
        }
    }

    fn bead_cost(&self, ra: Range<usize>, rb: Range<usize>) -> Option<f32> {
        let (la, lb) = (ra.len(), rb.len());
        if la == 0 || lb == 0 {
            let (count, headings) = if la == 0 {
                (lb, self.b_stats.headings[lb - 1][rb.end])
            } else {
                (la, self.a_stats.headings[la - 1][ra.end])
            };
            // Headings are rewritten freely; dropping one costs less.
            return Some(SKIP * (count as f32 - 0.2 * f32::from(headings)));
        }
        let headings =
            self.a_stats.headings[la - 1][ra.end] + self.b_stats.headings[lb - 1][rb.end];
        let size = la + lb;
        if headings > 0 && size > 2 {
            return None;
        }
        let mut dot_sum = 0.0;
        for p in ra.clone() {
            for q in rb.clone() {
                dot_sum += self.pair_dot[self.band.index(p + 1, q + 1)?];
            }
        }
        let na = self.a_stats.norm2[la - 1][ra.end];
        let nb = self.b_stats.norm2[lb - 1][rb.end];
        let sim = if na > 0.0 && nb > 0.0 {
            (dot_sum / (na * nb).sqrt()).min(1.0)
        } else {
            0.0
        };
        // |ln(x/y)| without a logarithm: (max/min − 1) is close to it where it matters (near 1)
        // and, capped, still orders far-apart lengths.
        let (ca, cb) = (
            self.a_stats.chars[la - 1][ra.end],
            self.b_stats.chars[lb - 1][rb.end],
        );
        let length = (ca.max(cb) / ca.min(cb) - 1.0).min(2.0);
        let mismatch = if headings == 1 { HEADING_MISMATCH } else { 0.0 };
        // Dissimilarity is paid per sentence, as skipping is, so a group of unrelated
        // sentences never beats skipping them.
        Some(
            (1.0 - sim) * size as f32 / 2.0
                + MERGE * (size - 2) as f32
                + LENGTH * length
                + mismatch,
        )
    }

    fn trace(&self) -> Vec<Bead> {
        let (mut r, mut j) = (self.a.vecs.len(), self.b.vecs.len());
        let mut beads = Vec::new();
        while r > 0 || j > 0 {
            let cell = self.band.index(r, j).expect("path stays in band");
            let (da, db) = BEADS[self.back[cell] as usize];
            let (ra, rb) = (r - da..r, j - db..j);
            beads.push(match (da, db) {
                (_, 0) => Bead::OnlyA(ra),
                (0, _) => Bead::OnlyB(rb),
                _ => Bead::Match { a: ra, b: rb },
            });
            r -= da;
            j -= db;
        }
        beads.reverse();
        merge_runs(beads)
    }
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

/// Pairs sentences the DP left unpaired on both sides when they match well: each such pair
/// either fits in order (the DP missed it; it becomes a match) or is a move.
fn detect_moves(beads: Vec<Bead>, a: &Side<'_>, b: &Side<'_>) -> Vec<Bead> {
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
