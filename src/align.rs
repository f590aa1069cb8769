//! Passages across versions: every version is aligned to the base sentence by sentence, then
//! the pairwise alignments are merged into one passage table.
//!
//! - [`features`] turns sentences into rarity-weighted stem vectors;
//! - [`pair`] aligns the base with one other version (anchors, banded bead DP, moves);
//! - `identical` pairs what the pair aligner left unpaired but is word for word the same (a
//!   sentence without content words has no vector to pair on);
//! - `assemble` merges the pairwise results into passages shared by all versions, places
//!   added and boilerplate passages where they fall, and word-diffs each reading.
//!
//! Boilerplate lines take no part in the pairwise alignment: they are placed, never paired.
//!
//! Each pair is aligned on its own (on that pair's vocabulary, with its own clause cuts), so
//! with three or more versions the run already holds every pair's own alignment: what
//! `storydiff BASE VERSION` computes. [`align_with_pairs`] keeps it ([`PairAlignments`]), and a
//! pair's own passages are assembled from it without segmenting, weighting or aligning the two
//! versions again.

mod assemble;
mod clauses;
pub mod features;
mod identical;
pub mod pair;

pub use assemble::PendingWords;
use assemble::WordDiffs;
#[cfg(test)]
pub(crate) use assemble::overall;

use std::sync::Arc;

use rayon::prelude::*;

use crate::diff;
use crate::model::{Passage, PassageKind, Version, VersionId};
use crate::options::CompareOptions;
use crate::segment::{self, Sentence};
use crate::tokens::{self, Token};

/// One version's sentences, with the positions of the ones that take part in alignment.
#[derive(Clone)]
pub(crate) struct Segmented {
    /// All sentences, in reading order.
    pub sentences: Vec<Sentence>,
    /// Indices into `sentences` of the non-boilerplate ones, in order.
    pub aligned: Vec<usize>,
    /// Every token of the text, in order (tokenized once, shared by similarity and word diff,
    /// and by the pairs' own comparisons, whose sentences are cut differently: shared, not
    /// copied).
    pub tokens: Arc<Vec<Token>>,
    /// Each token's comparison key as a number, the same across versions ([`diff::key_ids`]),
    /// for the word diffs (shared like the tokens).
    pub keys: Arc<Vec<u32>>,
}

/// Aligns every version to the base and returns the passages in the base's reading order.
#[must_use]
pub fn align(versions: &[Version], options: &CompareOptions) -> Vec<Passage> {
    align_with(versions, options, WordDiffs::Now).passages
}

/// [`align`], and with three or more versions each pair's own alignment, which
/// [`PairAlignments::passages`] assembles into the passages of the base and one compared version
/// aligned alone (with two versions the passages are those already: `None`).
#[must_use]
pub fn align_with_pairs(
    versions: &[Version],
    options: &CompareOptions,
) -> (Vec<Passage>, Option<PairAlignments>) {
    let aligned = align_with(versions, options, WordDiffs::Now);
    (aligned.passages, aligned.pairs)
}

/// [`align`] with the word diffs of the readings whose texts differ left out (every status is
/// final), and what [`PendingWords::fill`] needs to compute them: so that the viewer can show
/// the passages before the word diffs, which cost about a quarter of the comparison.
#[must_use]
pub fn align_deferred(
    versions: &[Version],
    options: &CompareOptions,
) -> (Vec<Passage>, PendingWords) {
    let aligned = align_with(versions, options, WordDiffs::Later);
    (aligned.passages, aligned.words)
}

/// What [`align_with`] finds: the passage table, the word diffs left for later, and (three or
/// more versions) each pair's own alignment.
struct Aligned {
    passages: Vec<Passage>,
    words: PendingWords,
    pairs: Option<PairAlignments>,
}

fn align_with(versions: &[Version], options: &CompareOptions, words: WordDiffs) -> Aligned {
    let base = options.base;
    let mut segmented = segment_versions(versions, options);
    let found = align_each(versions, options, &segmented);
    for (s, keys) in segmented.iter_mut().zip(found.keys) {
        s.keys = Arc::new(keys);
    }
    // The base's sentences before the cuts: each pair cuts them at its own cuts alone.
    let uncut_base = found.own.is_some().then(|| segmented[base].clone());
    for ((s, cuts), v) in segmented.iter_mut().zip(&found.cuts).zip(versions) {
        clauses::cut_sentences(s, &v.text, cuts);
    }
    let (passages, pending) = assemble::assemble(
        versions,
        &segmented,
        found.vectors.as_deref(),
        &found.pairs,
        options,
        words,
        None,
    );
    let pairs = found.own.zip(uncut_base).map(|(pairs, uncut_base)| {
        let mut segmented = segmented.clone();
        segmented[base] = uncut_base;
        PairAlignments {
            base,
            segmented,
            pairs,
        }
    });
    Aligned {
        passages,
        words: PendingWords::new(segmented, pending),
        pairs,
    }
}

/// What aligning each compared version with the base finds.
struct Found {
    /// Each pair's beads over the passage table's units, by version (`None` for the base).
    pairs: Vec<Option<Vec<pair::Bead>>>,
    /// Where each version's aligned sentences are cut into the table's units.
    cuts: Vec<Vec<usize>>,
    /// With three or more versions, each pair's own alignment, by version (`None` for the
    /// base).
    own: Option<Vec<Option<OwnAlignment>>>,
    /// With three or more versions, the vectors of all versions over the table's units (what
    /// similar additions of several versions are merged on).
    vectors: Option<Vec<Vec<features::SentenceVec>>>,
    /// Each version's tokens' key ids ([`diff::key_ids`]).
    keys: Vec<Vec<u32>>,
}

/// One pair's alignment as the two versions alone give it.
struct OwnAlignment {
    /// The beads over the pair's own units.
    beads: Vec<pair::Bead>,
    /// Where the pair cuts the base's sentences (the compared version's cuts are its cuts in
    /// the passage table too).
    base_cuts: Vec<usize>,
}

/// Aligns each compared version with the base (on the versions' sentences, before any cut).
fn align_each(versions: &[Version], options: &CompareOptions, segmented: &[Segmented]) -> Found {
    let texts: Vec<&str> = versions.iter().map(|v| v.text.as_str()).collect();
    let ranges: Vec<Vec<std::ops::Range<usize>>> = segmented
        .iter()
        .map(|s| {
            s.aligned
                .iter()
                .map(|&i| s.sentences[i].range.clone())
                .collect()
        })
        .collect();
    let all_tokens: Vec<&[Token]> = segmented.iter().map(|s| s.tokens.as_slice()).collect();
    let several = versions.len() > 2;
    let vectors_of_all = || features::vectors(&texts, &all_tokens, &ranges);
    let quotes = || -> Vec<Vec<bool>> {
        segmented
            .par_iter()
            .zip(versions)
            .map(|(s, v)| quotation_continues(&v.text, &s.sentences, &s.aligned))
            .collect()
    };
    // The vectors over every version are the pair's own with two versions, which it aligns
    // on: found first, with where quotations run on read meanwhile (the vectors' merge of the
    // versions' vocabularies leaves a core idle). With more they are only for merging similar
    // additions of several versions, and are found while the pairs align.
    let (pair_vectors, in_quote) = if several {
        (None, quotes())
    } else {
        let (vectors, in_quote) = rayon::join(vectors_of_all, quotes);
        (Some(vectors), in_quote)
    };
    let headings: Vec<Vec<bool>> = segmented
        .iter()
        .map(|s| {
            s.aligned
                .iter()
                .map(|&i| s.sentences[i].kind == PassageKind::Heading)
                .collect()
        })
        .collect();
    let sentence_texts: Vec<Vec<&str>> = texts
        .iter()
        .zip(&ranges)
        .map(|(text, ranges)| ranges.iter().map(|r| &text[r.clone()]).collect())
        .collect();
    let base = options.base;
    let clause_sides: Vec<clauses::Side> = (0..versions.len())
        .map(|v| clauses::Side {
            text: texts[v],
            tokens: all_tokens[v],
            sentences: &ranges[v],
            heading: &headings[v],
            quote: &in_quote[v],
            cuttable: clauses::cuttable(texts[v], &segmented[v], &in_quote[v]),
            list: clauses::list_continues(texts[v], &segmented[v]),
            refers_back: clauses::refers_back(texts[v], &segmented[v]),
        })
        .collect();
    // Each pair is aligned on vectors weighted by that pair's own vocabulary, so how two
    // versions pair never depends on which other versions were loaded. With two versions those
    // are the vectors above.
    let others: Vec<usize> = (0..versions.len()).filter(|&v| v != base).collect();
    // The word diffs' key ids need no alignment: they are numbered while the pairs align (with
    // two versions the one pair leaves a core idle).
    let align_pairs = || -> Vec<(Vec<pair::Bead>, [Vec<usize>; 2])> {
        others
            .par_iter()
            .map(|&v| {
                let shared = pair_vectors
                    .as_ref()
                    .map(|vectors| [&vectors[base][..], &vectors[v][..]]);
                let texts = [&sentence_texts[base][..], &sentence_texts[v][..]];
                align_one([&clause_sides[base], &clause_sides[v]], texts, shared)
            })
            .collect()
    };
    let (aligned, (keys, vectors)) = rayon::join(align_pairs, || {
        rayon::join(
            || diff::key_ids(&texts, &all_tokens, options.ignore),
            || several.then(vectors_of_all),
        )
    });
    let (pairs, cuts) = place_cuts(&aligned, &others, base, &clause_sides);
    let own = several.then(|| pairs_own(&aligned, &others, base, &clause_sides));
    // The vectors over the cut units are for merging similar additions of several compared
    // versions; with two, added text comes from one version only and nothing merges.
    let vectors = vectors.map(|vectors| unit_vectors(&clause_sides, &cuts, vectors));
    Found {
        pairs,
        cuts,
        own,
        vectors,
        keys,
    }
}

/// Each pair on its own, as the two versions alone place it ([`place_cuts`] on that one pair,
/// so that its passages are the ones the two alone give).
fn pairs_own(
    aligned: &[(Vec<pair::Bead>, [Vec<usize>; 2])],
    others: &[usize],
    base: usize,
    sides: &[clauses::Side<'_>],
) -> Vec<Option<OwnAlignment>> {
    let mut own: Vec<Option<OwnAlignment>> = (0..sides.len()).map(|_| None).collect();
    for (&v, one) in others.iter().zip(aligned) {
        let (mut beads, mut cuts) = place_cuts(std::slice::from_ref(one), &[v], base, sides);
        own[v] = Some(OwnAlignment {
            beads: beads[v].take().expect("the pair's beads"),
            base_cuts: std::mem::take(&mut cuts[base]),
        });
    }
    own
}

/// Each compared version's own alignment with the base, as the run of all versions found it (a
/// pair is aligned on its own vocabulary and cut at its own clauses, whichever other versions
/// are loaded): what the passages of the base and one compared version aligned alone are
/// assembled from, without segmenting, weighting or aligning them again.
pub struct PairAlignments {
    /// The base's number among all versions.
    base: usize,
    /// Each version's sentences, tokens and keys: a compared version's cut at its pair's clause
    /// cuts (the same in the passage table as in its pair); the base's not cut, since each of
    /// its pairs cuts it differently.
    segmented: Vec<Segmented>,
    /// Each pair's own alignment, by version (`None` for the base).
    pairs: Vec<Option<OwnAlignment>>,
}

impl std::fmt::Debug for PairAlignments {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PairAlignments")
            .field("base", &self.base)
            .field("versions", &self.segmented.len())
            .finish_non_exhaustive()
    }
}

impl PairAlignments {
    /// The passages of the base and version `compared` (numbered among all versions) aligned
    /// alone: exactly what [`align`] gives for `pair`, those two versions in their order there
    /// (numbered 0 and 1; `options.base` is the base's number among them, the other options
    /// those of the run of all versions). `table` is the passage table that run gave: where a
    /// passage has the same two texts as a reading there, it takes that reading's word diff.
    ///
    /// # Panics
    ///
    /// If `compared` is the base or not a version, or `pair` does not hold two versions.
    #[must_use]
    pub fn passages(
        &self,
        compared: usize,
        pair: &[Version],
        options: &CompareOptions,
        table: &[Passage],
    ) -> Vec<Passage> {
        assert_eq!(pair.len(), 2, "a pair is two versions");
        let own = self.pairs[compared]
            .as_ref()
            .expect("a compared version has its pair");
        let local_base = options.base;
        let mut base = self.segmented[self.base].clone();
        clauses::cut_sentences(&mut base, &pair[local_base].text, &own.base_cuts);
        let mut segmented = vec![base, self.segmented[compared].clone()];
        let mut pairs = vec![None, Some(own.beads.clone())];
        if local_base == 1 {
            segmented.swap(0, 1);
            pairs.swap(0, 1);
        }
        let known = assemble::KnownDiffs::of(table, VersionId(self.base), VersionId(compared));
        let words = WordDiffs::Now;
        assemble::assemble(pair, &segmented, None, &pairs, options, words, Some(&known)).0
    }
}

/// Each version's sentences and tokens (the tokens' keys are numbered later, with the
/// alignment).
fn segment_versions(versions: &[Version], options: &CompareOptions) -> Vec<Segmented> {
    versions
        .par_iter()
        .map(|v| {
            let paragraphs = if v.paragraphs.is_empty() {
                segment::paragraphs(&v.text)
            } else {
                v.paragraphs.clone()
            };
            // Sentences and tokens of a version are independent: two more tasks for the pool.
            let (sentences, tokens) = rayon::join(
                || segment::sentences(&v.text, &paragraphs, options.keep_boilerplate),
                || tokens::tokenize(&v.text, 0..v.text.len()),
            );
            let aligned = sentences
                .iter()
                .enumerate()
                .filter(|(_, s)| s.kind != PassageKind::Boilerplate)
                .map(|(i, _)| i)
                .collect();
            Segmented {
                sentences,
                aligned,
                tokens: Arc::new(tokens),
                keys: Arc::default(),
            }
        })
        .collect()
}

/// Aligns the base (`sides[0]`) with one other version: sentence by sentence, then the guard
/// for identical sentences, then the clause pass. `shared` are the pair's vectors when they were
/// computed already (two versions); otherwise the pair gets vectors of its own vocabulary.
fn align_one(
    sides: [&clauses::Side<'_>; 2],
    texts: [&[&str]; 2],
    shared: Option<[&[features::SentenceVec]; 2]>,
) -> (Vec<pair::Bead>, [Vec<usize>; 2]) {
    let own;
    let vecs = if let Some(vecs) = shared {
        vecs
    } else {
        own = features::vectors(
            &[sides[0].text, sides[1].text],
            &[sides[0].tokens, sides[1].tokens],
            &[sides[0].sentences.to_vec(), sides[1].sentences.to_vec()],
        );
        [&own[0][..], &own[1][..]]
    };
    let side = |k: usize| pair::Sentences {
        vecs: vecs[k],
        heading: sides[k].heading,
        quote_continues: sides[k].quote,
        list_continues: &sides[k].list,
        refers_back: &sides[k].refers_back,
    };
    let beads = pair::align_pair(&side(0), &side(1));
    let beads = identical::pair_identical(beads, texts[0], texts[1]);
    clauses::refine(sides, beads)
}

/// Each pair's beads (by version, `None` for the base and the versions not in `others`) and
/// where each version's aligned sentences are cut into clauses (none for most). The base's
/// units are its sentences cut wherever any of these pairs cut them; each pair's beads are
/// renumbered onto them (a pair that did not cut a sentence pairs all its parts). A compared
/// version takes part in one pair only, so its cuts are that pair's.
#[allow(clippy::type_complexity)] // beads by version, cuts by version: read once
fn place_cuts(
    aligned: &[(Vec<pair::Bead>, [Vec<usize>; 2])],
    others: &[usize],
    base: usize,
    sides: &[clauses::Side<'_>],
) -> (Vec<Option<Vec<pair::Bead>>>, Vec<Vec<usize>>) {
    let mut pairs: Vec<Option<Vec<pair::Bead>>> = vec![None; sides.len()];
    let mut cuts: Vec<Vec<usize>> = vec![Vec::new(); sides.len()];
    let mut base_cuts: Vec<usize> = aligned.iter().flat_map(|(_, c)| c[0].clone()).collect();
    base_cuts.sort_unstable();
    base_cuts.dedup();
    let (text, sentences) = (sides[base].text, sides[base].sentences);
    let base_units = clauses::cut_units(text, sentences, &base_cuts);
    for (&v, (beads, [own_cuts, other_cuts])) in others.iter().zip(aligned) {
        let own = clauses::cut_units(text, sentences, own_cuts);
        pairs[v] = Some(clauses::renumber_base(beads.clone(), &own, &base_units));
        cuts[v].clone_from(other_cuts);
    }
    cuts[base] = base_cuts;
    (pairs, cuts)
}

/// The vectors of all versions over their units cut at `cuts` (`vectors`, over the sentences,
/// when nothing is cut): what the assembly merges similar additions on.
fn unit_vectors(
    sides: &[clauses::Side<'_>],
    cuts: &[Vec<usize>],
    vectors: Vec<Vec<features::SentenceVec>>,
) -> Vec<Vec<features::SentenceVec>> {
    if cuts.iter().all(Vec::is_empty) {
        return vectors;
    }
    let texts: Vec<&str> = sides.iter().map(|s| s.text).collect();
    let tokens: Vec<&[Token]> = sides.iter().map(|s| s.tokens).collect();
    let units: Vec<Vec<std::ops::Range<usize>>> = sides
        .iter()
        .zip(cuts)
        .map(|(s, c)| clauses::cut_units(s.text, s.sentences, c))
        .collect();
    features::vectors(&texts, &tokens, &units)
}

/// For each aligned sentence, whether a quotation it opens runs on into the next sentence of
/// its paragraph ("… from both sides. For that reason, we are working …”"): a quotation is
/// one statement, which the aligner keeps in one group.
#[must_use]
pub fn quotation_continues(text: &str, sentences: &[Sentence], aligned: &[usize]) -> Vec<bool> {
    let mut out = vec![false; aligned.len()];
    let mut depth = 0usize;
    let mut straight_open = false;
    for (k, &i) in aligned.iter().enumerate() {
        let sentence = &sentences[i];
        let starts_paragraph = k == 0 || sentences[aligned[k - 1]].paragraph != sentence.paragraph;
        if starts_paragraph {
            (depth, straight_open) = (0, false);
        }
        for c in text[sentence.range.clone()].chars() {
            match c {
                '“' | '«' | '„' => depth += 1,
                '”' | '»' => depth = depth.saturating_sub(1),
                '"' => straight_open = !straight_open,
                _ => {}
            }
        }
        let next_same_paragraph = aligned
            .get(k + 1)
            .is_some_and(|&n| sentences[n].paragraph == sentence.paragraph);
        out[k] = next_same_paragraph && (depth > 0 || straight_open);
    }
    out
}

#[cfg(test)]
mod tests;
