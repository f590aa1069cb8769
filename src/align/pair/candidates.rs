//! Candidate counterparts: for every sentence, its best matches anywhere in the other version.
//!
//! An article's sentence pairs are cheap to score, so below [`ALL_PAIRS`] cells every pair gets
//! its cosine. Above it (books), candidates come from an inverted index of the rarer terms and
//! only the top few get their full cosine, so cost stays near-linear. Headings are scored only
//! against headings.

use rayon::prelude::*;

use super::super::features::{SentenceVec, cosine};
use super::{Link, Sentences};

/// Up to this many sentence pairs, every pair is scored.
const ALL_PAIRS: usize = 250_000;
/// Terms whose postings list is longer than this are too common to propose candidates.
const MAX_POSTINGS: usize = 64;
/// How many candidates per sentence are kept (and, through the index, rescored).
const KEPT: usize = 4;
/// Similarity a seed needs: below it, a best match is as likely chance as correspondence.
pub(super) const SEED_MIN: f32 = 0.3;
/// A seed's runner-up (on either side) must score below this share of the seed.
pub(super) const SEED_MARGIN: f32 = 0.8;

/// Each sentence's best counterparts on the other side, best first.
pub(crate) struct Scored {
    /// `a_top[i]`: up to [`KEPT`] (similarity, index in `b`), best first.
    pub a_top: Vec<Top>,
    /// `b_top[j]`: up to [`KEPT`] (similarity, index in `a`), best first.
    pub b_top: Vec<Top>,
}

/// Up to [`KEPT`] (similarity, index) candidates, best first, kept inline: a book has tens of
/// thousands of sentences, and a small vector each would be as many allocations.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Top {
    items: [(f32, usize); KEPT],
    len: usize,
}

impl std::ops::Deref for Top {
    type Target = [(f32, usize)];
    fn deref(&self) -> &[(f32, usize)] {
        &self.items[..self.len]
    }
}

impl Top {
    /// Inserts a candidate in order, dropping the worst when full. Ties go to the lower index,
    /// so the order does not depend on which side is scored first.
    fn offer(&mut self, item: (f32, usize)) {
        let pos = self.partition_point(|x| x.0.total_cmp(&item.0).then(item.1.cmp(&x.1)).is_gt());
        if pos >= KEPT {
            return;
        }
        let end = self.len.min(KEPT - 1);
        self.items.copy_within(pos..end, pos + 1);
        self.items[pos] = item;
        self.len = (self.len + 1).min(KEPT);
    }
}

impl Scored {
    pub(crate) fn new(a: &Sentences<'_>, b: &Sentences<'_>) -> Self {
        let (n, m) = (a.vecs.len(), b.vecs.len());
        let mut scored = Self {
            a_top: vec![Top::default(); n],
            b_top: vec![Top::default(); m],
        };
        if n.saturating_mul(m) <= ALL_PAIRS {
            for i in 0..n {
                for j in 0..m {
                    scored.offer(i, j, score(a, b, i, j));
                }
            }
        } else {
            scored.score_indexed(a, b);
        }
        scored
    }

    fn offer(&mut self, i: usize, j: usize, sim: f32) {
        if sim <= 0.0 {
            return;
        }
        self.a_top[i].offer((sim, j));
        self.b_top[j].offer((sim, i));
    }

    /// Candidates through shared rare terms: a partial dot product over them ranks the
    /// candidates of each sentence, and the top few (from either side) get their full cosine.
    fn score_indexed(&mut self, a: &Sentences<'_>, b: &Sentences<'_>) {
        let mut proposed: Vec<(u32, u32)> = propose(a.vecs, b.vecs);
        proposed.extend(propose(b.vecs, a.vecs).into_iter().map(|(j, i)| (i, j)));
        proposed.par_sort_unstable();
        proposed.dedup();
        // Scoring is independent per pair; offering stays in order, so ties resolve as before.
        let sims: Vec<f32> = proposed
            .par_iter()
            .map(|&(i, j)| score(a, b, i as usize, j as usize))
            .collect();
        for (&(i, j), sim) in proposed.iter().zip(sims) {
            self.offer(i as usize, j as usize, sim);
        }
    }

    /// Pairs that are each other's best match, similar enough, with a clear margin over the
    /// runner-up on both sides.
    pub(crate) fn seeds(&self) -> Vec<Link> {
        self.a_top
            .iter()
            .enumerate()
            .filter_map(|(i, top)| {
                let &(sim, j) = top.first()?;
                let mutual = self.b_top[j].first().is_some_and(|&(_, k)| k == i);
                // A neighbour of the best match is no rival: a sentence split in two has two
                // good counterparts side by side, which the DP groups.
                let clear = |list: &Top| {
                    let at = list[0].1;
                    list[1..]
                        .iter()
                        .find(|s| s.1.abs_diff(at) > 1)
                        .is_none_or(|s| s.0 <= sim * SEED_MARGIN)
                };
                (mutual && sim >= SEED_MIN && clear(top) && clear(&self.b_top[j])).then_some(Link {
                    a: i,
                    b: j,
                    sim,
                })
            })
            .collect()
    }

    /// The best similarity sentence `i` of `a` has with any sentence of `b` outside `except`.
    pub(crate) fn best_a_outside(&self, i: usize, except: &std::ops::Range<usize>) -> f32 {
        best_outside(&self.a_top[i], except)
    }

    /// The best similarity sentence `j` of `b` has with any sentence of `a` outside `except`.
    pub(crate) fn best_b_outside(&self, j: usize, except: &std::ops::Range<usize>) -> f32 {
        best_outside(&self.b_top[j], except)
    }
}

fn best_outside(top: &[(f32, usize)], except: &std::ops::Range<usize>) -> f32 {
    top.iter()
        .find(|(_, k)| !except.contains(k))
        .map_or(0.0, |&(sim, _)| sim)
}

/// Similarity of two sentences; zero between a heading and story text.
pub(crate) fn score(a: &Sentences<'_>, b: &Sentences<'_>, i: usize, j: usize) -> f32 {
    if a.heading[i] == b.heading[j] {
        cosine(&a.vecs[i], &b.vecs[j])
    } else {
        0.0
    }
}

/// Sentences of `from` a rayon task proposes candidates for: each task has its own accumulator
/// over `to`, so tasks must be long enough to repay it.
const PROPOSE_CHUNK: usize = 1024;

/// For each sentence of `from`, the sentences of `to` that share the most rare-term weight:
/// (index in `from`, index in `to`) pairs, in order of `from`.
fn propose(from: &[SentenceVec], to: &[SentenceVec]) -> Vec<(u32, u32)> {
    let postings = Postings::new(to);
    let chunks: Vec<Vec<(u32, u32)>> = from
        .par_chunks(PROPOSE_CHUNK)
        .enumerate()
        .map(|(chunk, vecs)| {
            let mut out = Vec::with_capacity(vecs.len() * KEPT);
            let mut acc = vec![0.0f32; to.len()];
            let mut touched: Vec<usize> = Vec::new();
            for (k, v) in vecs.iter().enumerate() {
                let i = (chunk * PROPOSE_CHUNK + k) as u32;
                for &(term, weight) in &v.terms {
                    let list = postings.of(term);
                    if list.len() > MAX_POSTINGS {
                        continue;
                    }
                    for &(j, other) in list {
                        let j = j as usize;
                        if acc[j] == 0.0 {
                            touched.push(j);
                        }
                        acc[j] += weight * other;
                    }
                }
                if touched.len() > KEPT {
                    touched.select_nth_unstable_by(KEPT, |x, y| acc[*y].total_cmp(&acc[*x]));
                }
                out.extend(touched.iter().take(KEPT).map(|&j| (i, j as u32)));
                for &j in &touched {
                    acc[j] = 0.0;
                }
                touched.clear();
            }
            out
        })
        .collect();
    chunks.concat()
}

/// An inverted index of one side's terms in two flat arrays (term ids are dense), so a book's
/// index is two allocations rather than one list per term.
struct Postings {
    /// `entries[start[t]..start[t + 1]]`: the sentences holding term `t`, with its weight there.
    start: Vec<u32>,
    entries: Vec<(u32, f32)>,
}

impl Postings {
    fn new(sentences: &[SentenceVec]) -> Self {
        let terms = sentences
            .iter()
            .filter_map(|v| v.terms.last())
            .map(|t| t.0 as usize + 1)
            .max()
            .unwrap_or(0);
        let mut start = vec![0u32; terms + 1];
        for v in sentences {
            for &(term, _) in &v.terms {
                start[term as usize + 1] += 1;
            }
        }
        for t in 0..terms {
            start[t + 1] += start[t];
        }
        let mut fill = start.clone();
        let mut entries = vec![(0u32, 0.0f32); start[terms] as usize];
        for (j, v) in sentences.iter().enumerate() {
            for &(term, weight) in &v.terms {
                let at = &mut fill[term as usize];
                entries[*at as usize] = (j as u32, weight);
                *at += 1;
            }
        }
        Self { start, entries }
    }

    fn of(&self, term: u32) -> &[(u32, f32)] {
        let t = term as usize;
        if t + 1 >= self.start.len() {
            return &[];
        }
        &self.entries[self.start[t] as usize..self.start[t + 1] as usize]
    }
}
