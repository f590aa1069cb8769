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

mod assemble;
mod clauses;
pub mod features;
mod identical;
pub mod pair;

pub use assemble::PendingWords;
use assemble::WordDiffs;
#[cfg(test)]
pub(crate) use assemble::overall;

use rayon::prelude::*;

use crate::diff;
use crate::model::{Passage, PassageKind, Version};
use crate::options::CompareOptions;
use crate::segment::{self, Sentence};
use crate::tokens::{self, Token};

/// One version's sentences, with the positions of the ones that take part in alignment.
pub(crate) struct Segmented {
    /// All sentences, in reading order.
    pub sentences: Vec<Sentence>,
    /// Indices into `sentences` of the non-boilerplate ones, in order.
    pub aligned: Vec<usize>,
    /// Every token of the text, in order (tokenized once, shared by similarity and word diff).
    pub tokens: Vec<Token>,
    /// Each token's comparison key as a number, the same across versions ([`diff::key_ids`]),
    /// for the word diffs.
    pub keys: Vec<u32>,
}

/// Aligns every version to the base and returns the passages in the base's reading order.
#[must_use]
pub fn align(versions: &[Version], options: &CompareOptions) -> Vec<Passage> {
    align_with(versions, options, WordDiffs::Now).0
}

/// [`align`] with the word diffs of the readings whose texts differ left out (every status is
/// final), and what [`PendingWords::fill`] needs to compute them: so that the viewer can show
/// the passages before the word diffs, which cost about a quarter of the comparison.
#[must_use]
pub fn align_deferred(
    versions: &[Version],
    options: &CompareOptions,
) -> (Vec<Passage>, PendingWords) {
    align_with(versions, options, WordDiffs::Later)
}

fn align_with(
    versions: &[Version],
    options: &CompareOptions,
    words: WordDiffs,
) -> (Vec<Passage>, PendingWords) {
    let segmented = segment_versions(versions, options);
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
    // Vectors over every version, for merging similar additions of several versions; where
    // quotations run on is read meanwhile (the vectors' merge of the versions' vocabularies
    // leaves a core idle).
    let (vectors, in_quote) = rayon::join(
        || features::vectors(&texts, &all_tokens, &ranges),
        || -> Vec<Vec<bool>> {
            segmented
                .par_iter()
                .zip(versions)
                .map(|(s, v)| quotation_continues(&v.text, &s.sentences, &s.aligned))
                .collect()
        },
    );
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
                let shared = (versions.len() == 2).then(|| [&vectors[base][..], &vectors[v][..]]);
                let texts = [&sentence_texts[base][..], &sentence_texts[v][..]];
                align_one([&clause_sides[base], &clause_sides[v]], texts, shared)
            })
            .collect()
    };
    let (aligned, keys) = rayon::join(align_pairs, || {
        diff::key_ids(&texts, &all_tokens, options.ignore)
    });
    let mut pairs: Vec<Option<Vec<pair::Bead>>> = vec![None; versions.len()];
    let (cuts, vectors) = place_cuts(aligned, &others, base, &clause_sides, &mut pairs, vectors);
    let mut segmented = segmented;
    for ((s, keys), (cuts, text)) in segmented.iter_mut().zip(keys).zip(cuts.iter().zip(&texts)) {
        s.keys = keys;
        clauses::cut_sentences(s, text, cuts);
    }
    let (passages, pending) =
        assemble::assemble(versions, &segmented, &vectors, &pairs, options, words);
    (passages, PendingWords::new(segmented, pending))
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
                tokens,
                keys: Vec::new(),
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

/// Puts each pair's beads in `pairs` and returns where each version's aligned sentences are cut
/// into clauses (none for most), with the vectors of all versions over the cut units (what the
/// assembly merges similar additions on). The base's units are its sentences cut wherever any pair cut
/// them; each pair's beads are renumbered onto them (a pair that did not cut a sentence pairs
/// all its parts). A compared version takes part in one pair only, so its cuts are that pair's.
fn place_cuts(
    aligned: Vec<(Vec<pair::Bead>, [Vec<usize>; 2])>,
    others: &[usize],
    base: usize,
    sides: &[clauses::Side<'_>],
    pairs: &mut [Option<Vec<pair::Bead>>],
    vectors: Vec<Vec<features::SentenceVec>>,
) -> (Vec<Vec<usize>>, Vec<Vec<features::SentenceVec>>) {
    let mut cuts: Vec<Vec<usize>> = vec![Vec::new(); sides.len()];
    let mut base_cuts: Vec<usize> = aligned.iter().flat_map(|(_, c)| c[0].clone()).collect();
    base_cuts.sort_unstable();
    base_cuts.dedup();
    let (text, sentences) = (sides[base].text, sides[base].sentences);
    let base_units = clauses::cut_units(text, sentences, &base_cuts);
    for (&v, (beads, [own_cuts, other_cuts])) in others.iter().zip(aligned) {
        let own = clauses::cut_units(text, sentences, &own_cuts);
        pairs[v] = Some(clauses::renumber_base(beads, &own, &base_units));
        cuts[v] = other_cuts;
    }
    cuts[base] = base_cuts;
    if cuts.iter().all(Vec::is_empty) {
        return (cuts, vectors);
    }
    let texts: Vec<&str> = sides.iter().map(|s| s.text).collect();
    let tokens: Vec<&[Token]> = sides.iter().map(|s| s.tokens).collect();
    let units: Vec<Vec<std::ops::Range<usize>>> = sides
        .iter()
        .zip(&cuts)
        .map(|(s, c)| clauses::cut_units(s.text, s.sentences, c))
        .collect();
    let vectors = features::vectors(&texts, &tokens, &units);
    (cuts, vectors)
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
