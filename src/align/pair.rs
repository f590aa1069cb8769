//! Alignment of two sentence sequences, for news rewrites that reorder, merge, split and spin.
//!
//! Order is evidence, not a constraint:
//!
//! 1. `candidates`: every sentence's best counterparts anywhere in the other version (all pairs
//!    for an article, through an inverted index of rare terms for a book). Pairs that are each
//!    other's best by a clear margin are *seeds*.
//! 2. The heaviest chain of seeds in order on both sides is the *frame*: the reading order the
//!    two versions share. Strong seeds off the frame are moves, taken out before step 3.
//! 3. `dp`: a Gale–Church style bead DP over the remaining sentences, anchored on the frame,
//!    finds in-order 1–1, 1–n and n–1 groups.
//! 4. `evidence`: every group must earn its pairing (similarity, shared names and numbers); a
//!    sentence that contributes nothing, or has a much better counterpart elsewhere, is detached,
//!    a group whose sentences correspond one to one is split into its pairs, and a pairing
//!    without evidence is undone. Each pairing gets a confidence.
//! 5. `moves`: a second look at the sentences left unpaired on both sides, with a lower bar when
//!    they share the story's names and numbers; a pair in the same gap is an in-order match the
//!    DP missed, any other is a move (one sentence with one: the printers show consecutive
//!    moves to consecutive places as one moved block).
//! 6. `sandwich`: the one sentence left unpaired on each side between two in-order pairings is
//!    paired on its position when the words allow it (a heavily spun sentence), shown weak; in
//!    a gap of a few sentences a side, uneven, the in-order pairs whose words point the same
//!    way, on a higher bar; and the same beside a move, between two pairings that follow each
//!    other on both sides (a moved block's spun middle sentence).
//! 7. `headings`: two headings left unpaired pair when the sections they open begin with the
//!    same statement (retitled sections share their place, often not a word).
//!
//! Every step is symmetric in the two sides, so aligning B to A mirrors aligning A to B.

use std::ops::Range;

use super::features::SentenceVec;

mod assignment;
pub(crate) mod candidates;
mod dp;
mod evidence;
mod headings;
mod moves;
mod sandwich;

/// One step of a pairwise alignment, in sentence indices of the two sequences.
#[derive(Debug, Clone, PartialEq)]
pub enum Bead {
    /// `a` and `b` correspond, in order.
    Match {
        /// Base sentences.
        a: Range<usize>,
        /// Other sentences.
        b: Range<usize>,
        /// How strongly the evidence supports the pairing, 0..=1.
        confidence: f32,
    },
    /// `a` and `b` correspond, but `b` stands out of the base's order.
    Moved {
        /// Base sentences.
        a: Range<usize>,
        /// Other sentences, elsewhere.
        b: Range<usize>,
        /// How strongly the evidence supports the pairing, 0..=1.
        confidence: f32,
    },
    /// Only the base has these sentences (here).
    OnlyA(Range<usize>),
    /// Only the other version has these sentences (here).
    OnlyB(Range<usize>),
}

/// One version's sentences as the pair aligner sees them: their vectors, which are headings,
/// and where a quotation runs on (one of the pair's two sides; `present::text::Side` names the
/// side itself).
pub struct Sentences<'a> {
    /// Vectors of the sentences.
    pub vecs: &'a [SentenceVec],
    /// Whether each sentence is a heading (headings pair with headings only).
    pub heading: &'a [bool],
    /// Whether each sentence's quotation runs on into the next sentence (the two are not
    /// separated when a group is trimmed).
    pub quote_continues: &'a [bool],
    /// Whether each sentence and the next belong to one list (an introduction and its items):
    /// a list's unpaired items join a group that holds part of it.
    pub list_continues: &'a [bool],
    /// Whether each sentence opens by referring back to the one before ("He has been…"): an
    /// unpaired one joins its predecessor's group more readily.
    pub refers_back: &'a [bool],
}

impl Sentences<'_> {
    /// The sentences of `range`, renumbered from 0.
    fn slice(&self, range: Range<usize>) -> Sentences<'_> {
        Sentences {
            vecs: &self.vecs[range.clone()],
            heading: &self.heading[range.clone()],
            quote_continues: &self.quote_continues[range.clone()],
            list_continues: &self.list_continues[range.clone()],
            refers_back: &self.refers_back[range],
        }
    }
}

impl Bead {
    /// The two ranges of a pairing (base side first); `None` for a one-sided bead.
    pub(crate) fn ranges(&self) -> Option<(Range<usize>, Range<usize>)> {
        match self {
            Bead::Match { a, b, .. } | Bead::Moved { a, b, .. } => Some((a.clone(), b.clone())),
            Bead::OnlyA(_) | Bead::OnlyB(_) => None,
        }
    }

    /// The bead with its base sentences moved on by `a` and the other side's by `b`.
    fn shifted(self, a: usize, b: usize) -> Self {
        let by = |r: Range<usize>, d: usize| r.start + d..r.end + d;
        match self {
            Bead::Match {
                a: ra,
                b: rb,
                confidence,
            } => Bead::Match {
                a: by(ra, a),
                b: by(rb, b),
                confidence,
            },
            Bead::Moved {
                a: ra,
                b: rb,
                confidence,
            } => Bead::Moved {
                a: by(ra, a),
                b: by(rb, b),
                confidence,
            },
            Bead::OnlyA(r) => Bead::OnlyA(by(r, a)),
            Bead::OnlyB(r) => Bead::OnlyB(by(r, b)),
        }
    }
}

/// Aligns two sentence sequences.
#[must_use]
pub fn align_pair(a: &Sentences<'_>, b: &Sentences<'_>) -> Vec<Bead> {
    let scored = candidates::Scored::new(a, b);
    let seeds = scored.seeds();
    let frame = heaviest_chain(&seeds, |l| (a.vecs[l.a].chars + b.vecs[l.b].chars) as u32);
    let early = moves::off_frame(a, b, &seeds, &frame);
    let beads = dp::in_order(a, b, &frame, &early);
    let beads = evidence::prune(&beads, a, b, &scored);
    let beads = moves::second_look(beads, &early, a, b, &scored);
    let beads = sandwich::pair_sandwiched(beads, a, b, &scored);
    headings::pair_section_headings(beads, a, b)
}

/// A candidate pairing of sentence `a` with sentence `b`, with its similarity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Link {
    pub a: usize,
    pub b: usize,
    pub sim: f32,
}

/// The chain of links, increasing on both sides, with the largest total similarity; between
/// chains of equal similarity, the one over more text (`size` of a link: its sentences'
/// lengths), so the choice depends on the texts and not on which is the base (two identical
/// sentences swapped make two chains of equal similarity). `links` need not be sorted.
/// O(k log k) with a Fenwick tree of prefix maxima over `b`.
pub(crate) fn heaviest_chain(links: &[Link], size: impl Fn(&Link) -> u32) -> Vec<Link> {
    /// Total similarity, then total size.
    type Weight = (f32, u32);
    let heavier = |x: Weight, y: Weight| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)).is_gt();
    let mut order: Vec<usize> = (0..links.len()).collect();
    // Sorted by `a`, and by `b` descending within one `a`, so two links of one `a` never chain.
    order.sort_by(|&x, &y| {
        (links[x].a, std::cmp::Reverse(links[x].b))
            .cmp(&(links[y].a, std::cmp::Reverse(links[y].b)))
    });
    let width = links.iter().map(|l| l.b + 1).max().unwrap_or(0);
    // tree[k] = (best total, link index) over b in the node's range.
    let mut tree: Vec<(Weight, usize)> = vec![((0.0, 0), usize::MAX); width + 1];
    let mut total: Vec<Weight> = vec![(0.0, 0); links.len()];
    let mut prev = vec![usize::MAX; links.len()];
    for &k in &order {
        let (mut best, mut from): (Weight, usize) = ((0.0, 0), usize::MAX);
        let mut i = links[k].b; // prefix over b' < b: indices 1..=b
        while i > 0 {
            if heavier(tree[i].0, best) {
                (best, from) = tree[i];
            }
            i &= i - 1;
        }
        total[k] = (best.0 + links[k].sim, best.1 + size(&links[k]));
        prev[k] = from;
        let mut i = links[k].b + 1;
        while i <= width {
            if heavier(total[k], tree[i].0) {
                tree[i] = (total[k], k);
            }
            i += i & i.wrapping_neg();
        }
    }
    let mut out = Vec::new();
    let mut cur = (0..links.len()).max_by(|&x, &y| {
        total[x]
            .0
            .total_cmp(&total[y].0)
            .then(total[x].1.cmp(&total[y].1))
            .then(y.cmp(&x))
    });
    while let Some(k) = cur {
        out.push(links[k]);
        cur = (prev[k] != usize::MAX).then_some(prev[k]);
    }
    out.reverse();
    out
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

/// A pairing of two sentences that an earlier step left unpaired, found by a later one.
#[derive(Debug, Clone, Copy)]
pub(super) struct Found {
    /// The base sentence.
    pub(super) a: usize,
    /// The other version's sentence.
    pub(super) b: usize,
    pub(super) confidence: f32,
    /// Out of the base's order (a move) rather than in it.
    pub(super) moved: bool,
}

/// Puts found pairings into the beads: each base sentence leaves its `OnlyA` run and stands
/// there paired (the base's place, as every bead), each other sentence leaves its `OnlyB` run.
///
/// An in-order pairing also keeps the other version's order: the unpaired sentences of its
/// `OnlyB` run that come before it stand before it, those after it after it. Left where their
/// run stood, they would cross the pairing (a run of unpaired sentences on both sides, the
/// second of each paired, came out as `OnlyA(0) Match(1, 1) OnlyB(0)`), and a later step that
/// reads runs of one-sided beads as the gaps between pairings would misread them.
pub(super) fn place_found(beads: Vec<Bead>, found: &[Found]) -> Vec<Bead> {
    use std::collections::{HashMap, HashSet};
    if found.is_empty() {
        return beads;
    }
    let by_a: HashMap<usize, Found> = found.iter().map(|f| (f.a, *f)).collect();
    let b_taken: HashSet<usize> = found.iter().map(|f| f.b).collect();
    // The base sentence of each in-order pairing, by its other sentence.
    let in_order: HashMap<usize, usize> = found
        .iter()
        .filter(|f| !f.moved)
        .map(|f| (f.b, f.a))
        .collect();
    // Where each other sentence's `OnlyB` run starts.
    let mut run_start: HashMap<usize, usize> = HashMap::new();
    for bead in &beads {
        if let Bead::OnlyB(rb) = bead {
            run_start.extend(rb.clone().map(|j| (j, rb.start)));
        }
    }
    let mut placed: HashSet<usize> = HashSet::new();
    let mut written: HashSet<usize> = HashSet::new();
    // Unpaired other sentences to write right after the pairing of a base sentence.
    let mut after: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut out = Vec::with_capacity(beads.len() + found.len());
    for bead in beads {
        match bead {
            Bead::OnlyA(ra) if ra.clone().any(|i| by_a.contains_key(&i)) => {
                for i in ra {
                    let Some(f) = by_a.get(&i) else {
                        out.push(Bead::OnlyA(i..i + 1));
                        continue;
                    };
                    let one = (i..i + 1, f.b..f.b + 1, f.confidence);
                    if f.moved {
                        out.push(Bead::Moved {
                            a: one.0,
                            b: one.1,
                            confidence: one.2,
                        });
                        continue;
                    }
                    let first = run_start.get(&f.b).copied().unwrap_or(f.b);
                    for j in first..f.b {
                        if !b_taken.contains(&j) && written.insert(j) {
                            out.push(Bead::OnlyB(j..j + 1));
                        }
                    }
                    out.push(Bead::Match {
                        a: one.0,
                        b: one.1,
                        confidence: one.2,
                    });
                    placed.insert(i);
                    for j in after.remove(&i).unwrap_or_default() {
                        out.push(Bead::OnlyB(j..j + 1));
                    }
                }
            }
            Bead::OnlyB(rb) if rb.clone().any(|j| b_taken.contains(&j)) => {
                // The base sentence of a pairing not yet written whose other sentence is here.
                let mut waiting = None;
                for j in rb {
                    if let Some(&i) = in_order.get(&j) {
                        waiting = (!placed.contains(&i)).then_some(i);
                        continue;
                    }
                    if b_taken.contains(&j) || !written.insert(j) {
                        continue;
                    }
                    match waiting {
                        Some(i) => after.entry(i).or_default().push(j),
                        None => out.push(Bead::OnlyB(j..j + 1)),
                    }
                }
            }
            other => out.push(other),
        }
    }
    // Every found base sentence stood in an `OnlyA` run, so nothing waits here; if a caller
    // ever broke that, its sentences still come out unpaired rather than lost.
    let mut left: Vec<usize> = after.into_values().flatten().collect();
    left.sort_unstable();
    out.extend(left.into_iter().map(|j| Bead::OnlyB(j..j + 1)));
    merge_runs(out)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn link(a: usize, b: usize, sim: f32) -> Link {
        Link { a, b, sim }
    }

    #[test]
    fn the_heaviest_chain_prefers_total_similarity_over_length() {
        // Two weak links in order against one strong crossing link.
        let links = [link(0, 2, 0.9), link(1, 0, 0.3), link(2, 1, 0.3)];
        let chain = heaviest_chain(&links, |_| 0);
        assert_eq!(chain, vec![link(0, 2, 0.9)]);
    }

    #[test]
    fn the_heaviest_chain_keeps_an_in_order_run_and_drops_the_crossing_one() {
        let links = [
            link(0, 0, 0.8),
            link(1, 4, 0.7),
            link(2, 1, 0.8),
            link(3, 2, 0.8),
        ];
        let chain = heaviest_chain(&links, |_| 0);
        assert_eq!(
            chain,
            vec![link(0, 0, 0.8), link(2, 1, 0.8), link(3, 2, 0.8)]
        );
    }

    #[test]
    fn a_found_in_order_pairing_keeps_the_other_side_in_order() {
        let found = |a, b| Found {
            a,
            b,
            confidence: 0.5,
            moved: false,
        };
        let matched = |a: usize, b: usize| Bead::Match {
            a: a..a + 1,
            b: b..b + 1,
            confidence: 0.5,
        };
        // The other side's run after the base's, and before it.
        for beads in [
            vec![Bead::OnlyA(0..3), Bead::OnlyB(0..3)],
            vec![Bead::OnlyB(0..3), Bead::OnlyA(0..3)],
        ] {
            let placed = place_found(beads, &[found(1, 1)]);
            let b_order: Vec<usize> = placed
                .iter()
                .flat_map(|bead| match bead {
                    Bead::OnlyB(b) | Bead::Match { b, .. } => b.clone(),
                    _ => 0..0,
                })
                .collect();
            assert_eq!(b_order, [0, 1, 2], "{placed:?}");
            assert!(placed.contains(&matched(1, 1)));
            assert!(placed.contains(&Bead::OnlyA(0..1)) && placed.contains(&Bead::OnlyA(2..3)));
        }
    }

    #[test]
    fn the_heaviest_chain_never_uses_one_side_twice() {
        let links = [link(0, 0, 0.5), link(0, 1, 0.5), link(1, 1, 0.5)];
        let chain = heaviest_chain(&links, |_| 0);
        assert_eq!(chain.len(), 2);
        assert!(chain.windows(2).all(|w| w[0].a < w[1].a && w[0].b < w[1].b));
    }
}
