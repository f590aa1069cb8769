//! The bead DP: Gale–Church style dynamic programming over sentence groups, searched in a band
//! around the anchor line, with costs from cosine similarity of summed vectors.

use rayon::prelude::*;

use super::super::features::dot;
use super::{Bead, Link, Sentences, merge_runs};

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
/// Relative difference under which two paths' costs count as equal.
const TIE: f32 = 1e-6;

/// Below this many cells the DP searches the whole matrix.
const FULL_DP_CELLS: usize = 1_500_000;

/// Half-width of the band around the anchor line, in sentences.
const BAND: usize = 20;

/// The cells, back from the current one, whose pair dots some bead sums: (rows, columns) back.
const WINDOW: [(usize, usize); 6] = [(0, 0), (1, 0), (2, 0), (0, 1), (0, 2), (1, 1)];

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

/// Aligns in order the sentences that no early move took, anchored on the frame. The sentences
/// of early moves are skipped at no cost and never grouped, so they come back as one-sided
/// beads at their places, for the second look to pair. Match confidences are set later, by
/// `evidence::prune`.
///
/// A book's DP is cut at strong anchors into segments aligned in parallel (see [`cuts`]).
pub(super) fn in_order(
    a: &Sentences<'_>,
    b: &Sentences<'_>,
    frame: &[Link],
    early: &[Link],
) -> Vec<Bead> {
    let mut a_moved = vec![false; a.vecs.len()];
    let mut b_moved = vec![false; b.vecs.len()];
    for link in early {
        a_moved[link.a] = true;
        b_moved[link.b] = true;
    }
    let (n, m) = (a.vecs.len(), b.vecs.len());
    let mut bounds = vec![(0, 0)];
    let book = (n + 1) * (m + 1) > FULL_DP_CELLS;
    if book {
        bounds.extend(cuts(frame));
    }
    bounds.push((n, m));
    segmented(a, b, frame, (&a_moved, &b_moved), &bounds, book)
}

/// The DP run separately between consecutive `bounds` (cells where the path is made to pass),
/// in parallel, and joined; `book`: each segment searches the band only.
fn segmented(
    a: &Sentences<'_>,
    b: &Sentences<'_>,
    frame: &[Link],
    (a_moved, b_moved): (&[bool], &[bool]),
    bounds: &[(usize, usize)],
    book: bool,
) -> Vec<Bead> {
    let segments: Vec<Vec<Bead>> = bounds
        .par_windows(2)
        .map(|w| {
            let ((r0, c0), (r1, c1)) = (w[0], w[1]);
            let anchors: Vec<(usize, usize)> = frame
                .iter()
                .filter(|l| (r0..r1).contains(&l.a) && (c0..c1).contains(&l.b))
                .map(|l| (l.a - r0, l.b - c0))
                .collect();
            let (sa, sb) = (a.slice(r0..r1), b.slice(c0..c1));
            // A segment of a book keeps the band even when it is small enough for the whole
            // matrix: the whole matrix of a short last segment would cost more than the rest.
            let band = if book {
                Band::around(r1 - r0, c1 - c0, &anchors)
            } else {
                Band::new(r1 - r0, c1 - c0, &anchors)
            };
            let beads = Dp::new(&sa, &sb, &band, &a_moved[r0..r1], &b_moved[c0..c1]).run();
            beads.into_iter().map(|bead| bead.shifted(r0, c0)).collect()
        })
        .collect();
    merge_runs(segments.into_iter().flatten().collect())
}

/// Rows between two cuts of a book's DP, at least: enough segments for the cores to share,
/// few enough that the cuts barely constrain the alignment.
const SEGMENT_ROWS: usize = 2048;
/// Similarity of a frame link that may cut the DP: near-identical sentences, which the DP pairs
/// one to one anyway.
const CUT_MIN: f32 = 0.8;

/// Where to cut a book's DP: cells `(i, j)` (sentences of each side before the cut) just before
/// a strong frame link whose neighbours on both sides are frame links too, so the path passes
/// there in all but the most contrived alignments, and cutting changes nothing. Costs add up
/// along the path, so the segments' best paths joined are the best path through the cuts.
fn cuts(frame: &[Link]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut last = 0;
    for w in frame.windows(3) {
        let [prev, link, next] = [w[0], w[1], w[2]];
        let tight = prev.a + 1 == link.a
            && prev.b + 1 == link.b
            && link.a + 1 == next.a
            && link.b + 1 == next.b;
        if tight && prev.sim >= CUT_MIN && link.sim >= CUT_MIN && link.a >= last + SEGMENT_ROWS {
            out.push((link.a, link.b));
            last = link.a;
        }
    }
    out
}

/// The cells the DP visits: for each row `r` (base sentences consumed), columns `lo[r]..=hi[r]`.
pub(super) struct Band {
    lo: Vec<usize>,
    hi: Vec<usize>,
    offset: Vec<usize>,
}

impl Band {
    /// The whole matrix when it is small enough, else the band around the anchors.
    pub(super) fn new(n: usize, m: usize, anchors: &[(usize, usize)]) -> Self {
        if (n + 1) * (m + 1) <= FULL_DP_CELLS {
            return Self::from_bounds(vec![0; n + 1], vec![m; n + 1]);
        }
        Self::around(n, m, anchors)
    }

    /// The cells within [`BAND`] sentences of the line through the anchors.
    fn around(n: usize, m: usize, anchors: &[(usize, usize)]) -> Self {
        // The anchor line: through (0,0), each anchor's cell before and after, and (n,m).
        let mut points = vec![(0usize, 0usize)];
        for &(i, j) in anchors {
            points.push((i, j));
            points.push((i + 1, j + 1));
        }
        points.push((n, m));
        // The line's lowest and highest column on each row: a row where the line jumps (an
        // anchor on the first row, two anchors on one row) spans both ends of the jump, so the
        // band always holds (0, 0) and (n, m) and stays connected.
        let (mut low, mut high) = (vec![usize::MAX; n + 1], vec![0usize; n + 1]);
        for w in points.windows(2) {
            let ((r0, c0), (r1, c1)) = (w[0], w[1]);
            for r in r0..=r1 {
                let (from, to) = if r1 == r0 {
                    (c0.min(c1), c0.max(c1))
                } else {
                    let c = c0 + (r - r0) * c1.saturating_sub(c0) / (r1 - r0);
                    (c, c)
                };
                low[r] = low[r].min(from);
                high[r] = high[r].max(to);
            }
        }
        let lo = (0..=n)
            .map(|r| low[r.saturating_sub(1)].min(low[r]).saturating_sub(BAND))
            .collect();
        let hi = (0..=n)
            .map(|r| (high[r].max(high[(r + 1).min(n)]) + BAND).min(m))
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
pub(super) struct Dp<'a> {
    a: &'a Sentences<'a>,
    b: &'a Sentences<'a>,
    band: &'a Band,
    /// `pair_dot[cell(r, j)]` = dot(a[r-1], b[j-1]).
    pair_dot: Vec<f32>,
    cost: Vec<f32>,
    /// Characters paired along each cell's best path: between two paths of equal cost, the one
    /// pairing more text wins, a choice that does not depend on which side is the base.
    paired: Vec<u32>,
    back: Vec<u8>,
    a_stats: GroupStats,
    b_stats: GroupStats,
    /// Sentences taken by early moves: skipped for free, never grouped.
    a_moved: &'a [bool],
    b_moved: &'a [bool],
    /// Whether any sentence was taken (most pairs of a book have none; the check is skipped).
    any_moved: bool,
}

/// Norm, length and heading count of a group of 1–3 consecutive sentences of one side.
#[derive(Debug, Clone, Copy)]
struct Group {
    /// Squared norm of the group's summed vectors.
    norm2: f32,
    /// Alphanumeric characters in the group (at least 1).
    chars: f32,
    /// How many of the group's sentences are headings.
    headings: u8,
}

/// Every group of 1–3 consecutive sentences of one side, by end position and size, so a
/// bead's cost is a few lookups; the groups ending at one position lie together, and a cell
/// of the DP reads the groups ending at its row and at its column once for all its beads.
struct GroupStats {
    /// `ends[end][len - 1]`: the group `end - len..end` (a group reaching before the first
    /// sentence is empty, never read).
    ends: Vec<[Group; 3]>,
}

impl GroupStats {
    fn new(side: &Sentences<'_>) -> Self {
        let n = side.vecs.len();
        let next = |d: usize| -> Vec<f32> {
            (0..n)
                .map(|k| side.vecs.get(k + d).map_or(0.0, |v| dot(&side.vecs[k], v)))
                .collect()
        };
        let (d1, d2) = (next(1), next(2));
        let empty = Group {
            norm2: 0.0,
            chars: 1.0,
            headings: 0,
        };
        let mut ends = vec![[empty; 3]; n + 1];
        for (end, groups) in ends.iter_mut().enumerate().skip(1) {
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
                groups[len - 1] = Group {
                    norm2: norm,
                    chars: chars.max(1) as f32,
                    headings: side.heading[start..end].iter().filter(|&&h| h).count() as u8,
                };
            }
        }
        Self { ends }
    }
}

impl<'a> Dp<'a> {
    pub(super) fn new(
        a: &'a Sentences<'a>,
        b: &'a Sentences<'a>,
        band: &'a Band,
        a_moved: &'a [bool],
        b_moved: &'a [bool],
    ) -> Self {
        let cells = band.cells();
        Self {
            a,
            b,
            band,
            pair_dot: vec![0.0; cells],
            cost: vec![f32::INFINITY; cells],
            paired: vec![0; cells],
            back: vec![u8::MAX; cells],
            any_moved: a_moved.contains(&true) || b_moved.contains(&true),
            a_moved,
            b_moved,
            a_stats: GroupStats::new(a),
            b_stats: GroupStats::new(b),
        }
    }

    pub(super) fn run(mut self) -> Vec<Bead> {
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
        // The pair dots the beads ending here sum: `window[x][y]` = dot(a[r-1-x], b[j-1-y]),
        // `None` outside the band. Looked up once per cell rather than once per bead, as are
        // the groups ending at this row and column.
        let mut window = [[None::<f32>; 3]; 3];
        for (x, y) in WINDOW {
            if x < r && y < j {
                window[x][y] = self.band.index(r - x, j - y).map(|c| self.pair_dot[c]);
            }
        }
        let (a_groups, b_groups) = (&self.a_stats.ends[r], &self.b_stats.ends[j]);
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
            let moved = self.any_moved
                && (self.a_moved[r - da..r].contains(&true)
                    || self.b_moved[j - db..j].contains(&true));
            let Some(step) = bead_cost((da, db), (a_groups, b_groups), &window, moved) else {
                continue;
            };
            let cost = base + step;
            // Equal within rounding: the sums of a group's dot products are taken in a
            // different order when the sides swap.
            let tied = (cost - self.cost[cell]).abs() <= TIE * cost.abs().max(1.0);
            if !tied && cost >= self.cost[cell] {
                continue;
            }
            let paired = self.paired[prev]
                + if da > 0 && db > 0 {
                    (a_groups[da - 1].chars + b_groups[db - 1].chars) as u32
                } else {
                    0
                };
            if !tied || paired > self.paired[cell] {
                self.cost[cell] = cost;
                self.paired[cell] = paired;
                self.back[cell] = k as u8;
            }
        }
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
                _ => Bead::Match {
                    a: ra,
                    b: rb,
                    confidence: 1.0,
                },
            });
            r -= da;
            j -= db;
        }
        beads.reverse();
        merge_runs(beads)
    }
}

/// The cost of a bead of `da` sentences of one side and `db` of the other, ending at a cell
/// whose groups are `groups` and whose pair dots are `window`; `None` where the bead may not
/// be used (a moved sentence in a group, a heading in a group of three or more, a pair dot
/// outside the band). `moved`: whether a sentence of the bead was taken by an early move.
fn bead_cost(
    (da, db): (usize, usize),
    (a_groups, b_groups): (&[Group; 3], &[Group; 3]),
    window: &[[Option<f32>; 3]; 3],
    moved: bool,
) -> Option<f32> {
    if da == 0 || db == 0 {
        if moved {
            // A moved sentence is skipped alone, and for free: it is paired elsewhere.
            return (da + db == 1).then_some(0.0);
        }
        let (count, headings) = if da == 0 {
            (db, b_groups[db - 1].headings)
        } else {
            (da, a_groups[da - 1].headings)
        };
        // Headings are rewritten freely; dropping one costs less.
        return Some(SKIP * (count as f32 - 0.2 * f32::from(headings)));
    }
    if moved {
        return None;
    }
    let (ga, gb) = (a_groups[da - 1], b_groups[db - 1]);
    let headings = ga.headings + gb.headings;
    let size = da + db;
    if headings > 0 && size > 2 {
        return None;
    }
    // In reading order (the sum's rounding does not depend on the window).
    let mut dot_sum = 0.0;
    for x in (0..da).rev() {
        for y in (0..db).rev() {
            dot_sum += window[x][y]?;
        }
    }
    let (na, nb) = (ga.norm2, gb.norm2);
    let sim = if na > 0.0 && nb > 0.0 {
        (dot_sum / (na * nb).sqrt()).min(1.0)
    } else {
        0.0
    };
    // |ln(x/y)| without a logarithm: (max/min − 1) is close to it where it matters (near 1)
    // and, capped, still orders far-apart lengths.
    let (ca, cb) = (ga.chars, gb.chars);
    let length = (ca.max(cb) / ca.min(cb) - 1.0).min(2.0);
    let mismatch = if headings == 1 { HEADING_MISMATCH } else { 0.0 };
    // Dissimilarity is paid per sentence, as skipping is, so a group of unrelated sentences
    // never beats skipping them.
    Some((1.0 - sim) * size as f32 / 2.0 + MERGE * (size - 2) as f32 + LENGTH * length + mismatch)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_band_holds_both_corners_and_every_row_reaches_the_next() {
        // An anchor on the first row far to the right (a short text against a long one whose
        // first sentence matches late) once left (0, 0) outside the band: no path, a panic.
        for anchors in [
            vec![(0, 968)],
            vec![(5, 10), (6, 400)],
            vec![],
            vec![(99, 2999)],
        ] {
            let band = Band::around(100, 3000, &anchors);
            assert!(band.index(0, 0).is_some(), "{anchors:?}");
            assert!(band.index(100, 3000).is_some(), "{anchors:?}");
            for r in 0..100 {
                assert!(
                    band.lo[r] <= band.hi[r] && band.lo[r + 1] <= band.hi[r],
                    "{anchors:?} row {r}"
                );
            }
        }
    }
    use crate::align::features::SentenceVec;

    /// A sentence whose only term is `term`, so two sentences match exactly when terms agree.
    fn sentence(terms: &[u32]) -> SentenceVec {
        let terms: Vec<(u32, f32)> = terms.iter().map(|&t| (t, 1.0)).collect();
        SentenceVec {
            norm2: terms.len() as f32,
            chars: 40 * terms.len(),
            keys: Vec::new(),
            terms,
        }
    }

    /// A long pair (beyond the full-matrix DP): `b` is `a` with, every 97 sentences, two
    /// sentences merged into one, and every 131, one sentence of its own.
    fn long_pair(n: u32) -> (Vec<SentenceVec>, Vec<SentenceVec>) {
        let a: Vec<SentenceVec> = (0..n).map(|t| sentence(&[t])).collect();
        let mut b = Vec::new();
        let mut t = 0;
        while t < n {
            if t % 97 == 0 && t + 1 < n {
                b.push(sentence(&[t, t + 1]));
                t += 2;
            } else {
                b.push(sentence(&[t]));
                t += 1;
            }
            if t % 131 == 0 {
                b.push(sentence(&[n + t]));
            }
        }
        (a, b)
    }

    fn sides(vecs: &[SentenceVec]) -> (Vec<bool>, Vec<bool>) {
        (vec![false; vecs.len()], vec![false; vecs.len()])
    }

    #[test]
    fn cutting_a_book_at_strong_anchors_changes_nothing() {
        let (va, vb) = long_pair(7000);
        let ((ha, qa), (hb, qb)) = (sides(&va), sides(&vb));
        let a = Sentences {
            vecs: &va,
            heading: &ha,
            quote_continues: &qa,
            list_continues: &qa,
            refers_back: &qa,
        };
        let b = Sentences {
            vecs: &vb,
            heading: &hb,
            quote_continues: &qb,
            list_continues: &qb,
            refers_back: &qb,
        };
        let scored = super::super::candidates::Scored::new(&a, &b);
        let frame = super::super::heaviest_chain(&scored.seeds(), |_| 1);
        let cut = cuts(&frame);
        assert!(cut.len() >= 2, "a 7000-sentence pair is cut: {cut:?}");
        let (am, bm) = (vec![false; va.len()], vec![false; vb.len()]);
        let whole = segmented(
            &a,
            &b,
            &frame,
            (&am, &bm),
            &[(0, 0), (va.len(), vb.len())],
            true,
        );
        assert_eq!(in_order(&a, &b, &frame, &[]), whole);
        // The merges are found as 2-1 groups, cut or not.
        let merges = whole
            .iter()
            .filter(|bead| matches!(bead, Bead::Match { a, b, .. } if a.len() == 2 && b.len() == 1))
            .count();
        assert_eq!(merges, 7000 / 97 + 1);
    }

    #[test]
    fn cuts_fall_only_inside_runs_of_strong_in_order_links() {
        let link = |a, b, sim| Link { a, b, sim };
        let mut frame: Vec<Link> = (0..5000).map(|k| link(k, k + 3, 0.9)).collect();
        // A weak link, and a jump in the other side, where no cut may fall.
        frame[2100].sim = 0.5;
        for l in &mut frame[4200..] {
            l.b += 5;
        }
        let cut = cuts(&frame);
        assert!(!cut.is_empty());
        for &(i, j) in &cut {
            assert!(![2099, 2100, 2101, 4199, 4200].contains(&i), "cut at {i}");
            assert_eq!(frame[i].b, j);
        }
        assert!(cut.windows(2).all(|w| w[1].0 >= w[0].0 + SEGMENT_ROWS));
    }
}
