//! Sentence vectors for similarity: stemmed content words weighted by rarity (TF-IDF).
//!
//! Rewrites keep names, numbers and rare words and swap the common ones, so a sentence is
//! represented by its stems weighted by inverse document frequency over all sentences of all
//! versions; stop words are dropped. Vectors are sparse and sorted by term id so a dot product
//! is a merge. Summing vectors gives the vector of a sentence group, which is how the aligner
//! scores 2-1 and 1-2 groupings without building new vectors.

use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;

use crate::tokens::{self, TokenClass};

/// A sparse TF-IDF vector of one sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SentenceVec {
    /// (term id, weight), sorted by term id.
    pub terms: Vec<(u32, f32)>,
    /// Squared Euclidean norm.
    pub norm2: f32,
    /// Number of alphanumeric characters (a length for the length tie-breaker).
    pub chars: usize,
}

/// Dot product of two sparse vectors.
#[must_use]
pub fn dot(a: &SentenceVec, b: &SentenceVec) -> f32 {
    let (mut ia, mut ib, mut sum) = (0, 0, 0.0);
    let (left, right) = (&a.terms, &b.terms);
    while ia < left.len() && ib < right.len() {
        match left[ia].0.cmp(&right[ib].0) {
            std::cmp::Ordering::Less => ia += 1,
            std::cmp::Ordering::Greater => ib += 1,
            std::cmp::Ordering::Equal => {
                sum += left[ia].1 * right[ib].1;
                ia += 1;
                ib += 1;
            }
        }
    }
    sum
}

/// Cosine similarity of two sparse vectors (0 when either is empty).
#[must_use]
pub fn cosine(a: &SentenceVec, b: &SentenceVec) -> f32 {
    let denom = (a.norm2 * b.norm2).sqrt();
    if denom > 0.0 {
        (dot(a, b) / denom).min(1.0)
    } else {
        0.0
    }
}

/// Turns words into term ids, remembering each spelling so it is folded and stemmed once.
pub struct Vocabulary {
    stemmer: Stemmer,
    /// Spelling → (term id, is a stop word).
    by_word: FxHashMap<String, (u32, bool)>,
    by_stem: FxHashMap<String, u32>,
    /// Scratch buffer for number keys, so the common case allocates nothing.
    scratch: String,
}

impl Default for Vocabulary {
    fn default() -> Self {
        Self {
            stemmer: Stemmer::create(Algorithm::English),
            by_word: FxHashMap::default(),
            by_stem: FxHashMap::default(),
            scratch: String::new(),
        }
    }
}

/// How much more a number or a capitalised word (a likely name) weighs than another rare word:
/// rewrites keep them, so they identify a sentence.
const NUMBER_BOOST: f32 = 1.5;
const NAME_BOOST: f32 = 1.3;

impl Vocabulary {
    /// Term id of a spelling, and whether it is a stop word. Words are folded to lower case
    /// (typographic apostrophes straightened, so "Trump’s" meets "Trump's") and stemmed.
    fn term(&mut self, word: &str) -> (u32, bool) {
        if let Some(&entry) = self.by_word.get(word) {
            return entry;
        }
        let folded: String = word
            .chars()
            .map(tokens::fold_typography)
            .flat_map(char::to_lowercase)
            .collect();
        let stop = tokens::is_stop_word(&folded);
        let stem = self.stemmer.stem(&folded).into_owned();
        let next = self.by_stem.len() as u32;
        let id = *self.by_stem.entry(stem).or_insert(next);
        self.by_word.insert(word.to_string(), (id, stop));
        (id, stop)
    }

    /// Term ids with boosts of the content words of `text[range]`, and its count of
    /// alphanumeric characters.
    pub fn sentence_terms(&mut self, text: &str, range: Range<usize>) -> (Vec<(u32, f32)>, usize) {
        let mut terms = Vec::new();
        let mut chars = 0;
        let mut first_word = true;
        for token in tokens::tokenize(text, range) {
            let word = &text[token.range.clone()];
            chars += word.chars().filter(|c| c.is_alphanumeric()).count();
            match token.class {
                TokenClass::Punct => continue,
                TokenClass::Number => {
                    let mut key = std::mem::take(&mut self.scratch);
                    key.clear();
                    key.push('#');
                    key.extend(word.chars().filter(char::is_ascii_digit));
                    terms.push((self.term(&key).0, NUMBER_BOOST));
                    self.scratch = key;
                }
                TokenClass::Word => {
                    let (id, stop) = self.term(word);
                    if !stop {
                        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
                        let boost = if capitalised && !first_word {
                            NAME_BOOST
                        } else {
                            1.0
                        };
                        terms.push((id, boost));
                    }
                }
            }
            first_word = false;
        }
        (terms, chars)
    }
}

/// Term ids with boosts, and the alphanumeric length, of one sentence before weighting.
type RawSentence = (Vec<(u32, f32)>, usize);

/// Builds TF-IDF vectors for every sentence of every version.
///
/// `sentences[v]` lists the sentence ranges of version `v` in `texts[v]`. Document frequency is
/// counted over all sentences of all versions, so a word every version repeats weighs little.
#[must_use]
pub fn vectors(texts: &[&str], sentences: &[Vec<Range<usize>>]) -> Vec<Vec<SentenceVec>> {
    let mut vocab = Vocabulary::default();
    let raw: Vec<Vec<RawSentence>> = texts
        .iter()
        .zip(sentences)
        .map(|(text, ranges)| {
            ranges
                .iter()
                .map(|r| vocab.sentence_terms(text, r.clone()))
                .collect()
        })
        .collect();
    let mut df = vec![0u32; vocab.by_stem.len()];
    let mut total = 0usize;
    for (terms, _) in raw.iter().flatten() {
        total += 1;
        let mut ids: Vec<u32> = terms.iter().map(|t| t.0).collect();
        ids.sort_unstable();
        ids.dedup();
        for id in ids {
            df[id as usize] += 1;
        }
    }
    let idf: Vec<f32> = df
        .iter()
        .map(|&d| (1.0 + total as f32 / d.max(1) as f32).ln())
        .collect();
    raw.into_iter()
        .map(|sents| {
            sents
                .into_iter()
                .map(|(mut terms, chars)| {
                    terms.sort_unstable_by_key(|t| t.0);
                    let mut merged: Vec<(u32, f32, u32)> = Vec::with_capacity(terms.len());
                    for (id, boost) in terms {
                        match merged.last_mut() {
                            Some(last) if last.0 == id => {
                                last.1 = last.1.max(boost);
                                last.2 += 1;
                            }
                            _ => merged.push((id, boost, 1)),
                        }
                    }
                    let terms: Vec<(u32, f32)> = merged
                        .into_iter()
                        .map(|(id, boost, tf)| {
                            (id, (1.0 + (tf as f32).ln()) * idf[id as usize] * boost)
                        })
                        .collect();
                    let norm2 = terms.iter().map(|t| t.1 * t.1).sum();
                    SentenceVec {
                        terms,
                        norm2,
                        chars,
                    }
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vecs(a: &str, b: &str, filler: &[&str]) -> (SentenceVec, SentenceVec) {
        let mut texts = vec![a, b];
        texts.extend_from_slice(filler);
        let sentences: Vec<Vec<Range<usize>>> = texts
            .iter()
            .map(|t| std::iter::once(0..t.len()).collect())
            .collect();
        let mut v = vectors(&texts, &sentences);
        let b = v[1].remove(0);
        let a = v[0].remove(0);
        (a, b)
    }

    #[test]
    fn word_forms_meet_through_stems() {
        let (a, b) = vecs(
            "The army spends millions on drones",
            "Army spending on a drone",
            &[],
        );
        assert!(cosine(&a, &b) > 0.6, "{}", cosine(&a, &b));
    }

    #[test]
    fn shared_rare_names_outweigh_shared_common_words() {
        let filler = [
            "The report said that the war goes on.",
            "The report was read in the city.",
        ];
        let (names, other) = vecs(
            "Kallas met Barrot in Brussels",
            "Barrot and Kallas talked",
            &filler,
        );
        let (common, other2) = vecs(
            "The report said the war",
            "The report said the city",
            &filler,
        );
        assert!(cosine(&names, &other) > cosine(&common, &other2));
    }

    #[test]
    fn stop_words_alone_give_an_empty_vector() {
        let (a, b) = vecs("and the of", "Kyiv", &[]);
        assert!(a.terms.is_empty());
        assert!(cosine(&a, &b).abs() < f32::EPSILON);
    }
}
