//! Sentence vectors for similarity: stemmed content words weighted by rarity (TF-IDF).
//!
//! Rewrites keep names, numbers and rare words and swap the common ones, so a sentence is
//! represented by its stems weighted by inverse document frequency over all sentences of all
//! versions; stop words are dropped. Vectors are sparse and sorted by term id so a dot product
//! is a merge. Summing vectors gives the vector of a sentence group, which is how the aligner
//! scores 2-1 and 1-2 groupings without building new vectors.

use std::ops::Range;
use std::sync::{LazyLock, RwLock};

use rayon::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;

use crate::tokens::{self, Token, TokenClass};

/// A sparse TF-IDF vector of one sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SentenceVec {
    /// (term id, weight), sorted by term id.
    pub terms: Vec<(u32, f32)>,
    /// Squared Euclidean norm.
    pub norm2: f32,
    /// Number of alphanumeric characters (a length for the length tie-breaker).
    pub chars: usize,
    /// Term ids of the sentence's numbers and likely names, sorted: the words a rewrite keeps,
    /// and so the strongest evidence that two sentences tell the same thing.
    pub keys: Vec<u32>,
}

/// How many key terms (numbers, names) two sentences or groups share.
#[must_use]
pub fn shared_keys(a: &[u32], b: &[u32]) -> usize {
    let (mut ia, mut ib, mut count) = (0, 0, 0);
    while ia < a.len() && ib < b.len() {
        match a[ia].cmp(&b[ib]) {
            std::cmp::Ordering::Less => ia += 1,
            std::cmp::Ordering::Greater => ib += 1,
            std::cmp::Ordering::Equal => {
                count += 1;
                ia += 1;
                ib += 1;
            }
        }
    }
    count
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

/// The vector of a group of sentences: the sum of their vectors (keys and lengths combined).
#[must_use]
pub fn sum<'a>(vecs: impl Iterator<Item = &'a SentenceVec>) -> SentenceVec {
    let mut terms: Vec<(u32, f32)> = Vec::new();
    let mut keys: Vec<u32> = Vec::new();
    let mut chars = 0;
    for v in vecs {
        terms.extend_from_slice(&v.terms);
        keys.extend_from_slice(&v.keys);
        chars += v.chars;
    }
    terms.sort_unstable_by_key(|t| t.0);
    let mut merged: Vec<(u32, f32)> = Vec::with_capacity(terms.len());
    for (id, w) in terms {
        match merged.last_mut() {
            Some(last) if last.0 == id => last.1 += w,
            _ => merged.push((id, w)),
        }
    }
    keys.sort_unstable();
    keys.dedup();
    let norm2 = merged.iter().map(|t| t.1 * t.1).sum();
    SentenceVec {
        terms: merged,
        norm2,
        chars,
        keys,
    }
}

/// Stems of folded words, shared by every vocabulary of the process: a comparison of several
/// versions builds one vocabulary per version and per pair (and the viewer one per comparison),
/// and stemming every distinct word again in each was a sixth of a run of the five seeds. A
/// stem depends on the word alone, so sharing changes no result.
static STEMS: LazyLock<RwLock<FxHashMap<String, String>>> = LazyLock::new(Default::default);

/// The stem of a folded word, from [`STEMS`] or stemmed now and kept there.
fn stem_of(stemmer: &Stemmer, folded: &str) -> String {
    if let Some(stem) = STEMS
        .read()
        .ok()
        .and_then(|stems| stems.get(folded).cloned())
    {
        return stem;
    }
    let stem = stemmer.stem(folded).into_owned();
    if let Ok(mut stems) = STEMS.write() {
        stems.insert(folded.to_string(), stem.clone());
    }
    stem
}

/// Turns words into term ids, remembering each spelling so it is folded and stemmed once.
pub struct Vocabulary {
    stemmer: Stemmer,
    /// Spelling → (term id, is a stop word), for spellings of up to
    /// [`tokens::SHORT`] bytes, packed into a number ([`tokens::pack_short`]).
    by_short_word: FxHashMap<u128, (u32, bool)>,
    /// The same for longer spellings.
    by_word: FxHashMap<String, (u32, bool)>,
    by_stem: FxHashMap<String, u32>,
    /// Scratch buffer for number keys, so the common case allocates nothing.
    scratch: String,
}

impl Default for Vocabulary {
    fn default() -> Self {
        Self {
            stemmer: Stemmer::create(Algorithm::English),
            by_short_word: FxHashMap::default(),
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
    /// The stems, indexed by term id.
    fn into_stems(self) -> Vec<String> {
        let mut stems = vec![String::new(); self.by_stem.len()];
        for (stem, id) in self.by_stem {
            stems[id as usize] = stem;
        }
        stems
    }

    /// Term id of a spelling, and whether it is a stop word. Words are folded to lower case
    /// (typographic apostrophes straightened, so "Trump’s" meets "Trump's") and stemmed.
    fn term(&mut self, word: &str) -> (u32, bool) {
        let short = tokens::pack_short(word);
        let known = match short {
            Some(key) => self.by_short_word.get(&key),
            None => self.by_word.get(word),
        };
        if let Some(&entry) = known {
            return entry;
        }
        let folded: String = word
            .chars()
            .map(tokens::fold_typography)
            .flat_map(char::to_lowercase)
            .collect();
        let stop = tokens::is_stop_word(&folded);
        let stem = stem_of(&self.stemmer, &folded);
        let next = self.by_stem.len() as u32;
        let id = *self.by_stem.entry(stem).or_insert(next);
        match short {
            Some(key) => self.by_short_word.insert(key, (id, stop)),
            None => self.by_word.insert(word.to_string(), (id, stop)),
        };
        (id, stop)
    }

    /// Appends the term ids with boosts of the content words of `tokens` to `terms`, and
    /// returns their count of alphanumeric characters.
    fn sentence_terms(
        &mut self,
        text: &str,
        tokens: &[Token],
        terms: &mut Vec<(u32, f32)>,
    ) -> usize {
        let mut chars = 0;
        let mut first_word = true;
        for token in tokens {
            let word = &text[token.range.clone()];
            // ASCII words (most of them) are counted on bytes: the same count, no decoding.
            chars += if word.is_ascii() {
                word.bytes().filter(u8::is_ascii_alphanumeric).count()
            } else {
                word.chars().filter(|c| c.is_alphanumeric()).count()
            };
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
                        let boost = match (capitalised, first_word) {
                            (true, false) => NAME_BOOST,
                            (true, true) => INITIAL_CAPITAL,
                            (false, _) => 1.0,
                        };
                        terms.push((id, boost));
                    }
                }
            }
            first_word = false;
        }
        chars
    }
}

/// Marks a capitalised word that opens a sentence: a name if the same word stands capitalised
/// inside a sentence anywhere in the texts ("Zelensky has ruled out…"), else an ordinary word
/// ("Meanwhile, …"). Resolved in [`vectors`] once every sentence has been read.
const INITIAL_CAPITAL: f32 = -1.0;

/// The term ids with boosts of every sentence of one version before weighting, in one buffer
/// (a book has tens of thousands of sentences: one allocation, not one each), with each
/// sentence's end in it and alphanumeric length.
#[derive(Default)]
struct RawSentences {
    terms: Vec<(u32, f32)>,
    ends: Vec<usize>,
    chars: Vec<usize>,
}

impl RawSentences {
    fn len(&self) -> usize {
        self.ends.len()
    }

    /// Each sentence's terms.
    fn each(&self) -> impl Iterator<Item = &[(u32, f32)]> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(&self.ends)
            .map(|(start, &end)| &self.terms[start..end])
    }
}

/// Gives a sentence-opening capitalised word the name boost when the word is a name elsewhere.
fn resolve_initial_capitals(raw: &mut [RawSentences], term_count: usize) {
    let mut known_name = vec![false; term_count];
    for version in raw.iter() {
        for &(id, boost) in &version.terms {
            if boost == NAME_BOOST {
                known_name[id as usize] = true;
            }
        }
    }
    for version in raw.iter_mut() {
        for term in version.terms.iter_mut().filter(|t| t.1 == INITIAL_CAPITAL) {
            term.1 = if known_name[term.0 as usize] {
                NAME_BOOST
            } else {
                1.0
            };
        }
    }
}

/// How many sentences each term occurs in, over all versions, and the number of sentences.
fn document_frequencies(raw: &[RawSentences], term_count: usize) -> (Vec<u32>, usize) {
    // Document frequencies are counts, so each version counts its own and the sums agree
    // whatever the order.
    let counts: Vec<Vec<u32>> = raw
        .par_iter()
        .map(|sents| {
            let mut df = vec![0u32; term_count];
            let mut ids: Vec<u32> = Vec::new();
            for terms in sents.each() {
                ids.clear();
                ids.extend(terms.iter().map(|t| t.0));
                ids.sort_unstable();
                ids.dedup();
                for &id in &ids {
                    df[id as usize] += 1;
                }
            }
            df
        })
        .collect();
    let mut df = vec![0u32; term_count];
    for counted in counts {
        for (total, count) in df.iter_mut().zip(counted) {
            *total += count;
        }
    }
    (df, raw.iter().map(RawSentences::len).sum())
}

/// Builds TF-IDF vectors for every sentence of every version.
///
/// `sentences[v]` lists the sentence ranges of version `v` in `texts[v]`, and `tokens[v]` that
/// text's tokens. Document frequency is counted over all sentences of all versions, so a word
/// every version repeats weighs little.
#[must_use]
pub fn vectors(
    texts: &[&str],
    tokens: &[&[Token]],
    sentences: &[Vec<Range<usize>>],
) -> Vec<Vec<SentenceVec>> {
    // Each version builds its own vocabulary on its own thread; the local term ids are then
    // mapped onto one shared numbering, so ids agree across versions.
    let jobs: Vec<usize> = (0..texts.len()).collect();
    let local: Vec<(Vec<String>, RawSentences)> = jobs
        .par_iter()
        .map(|&v| {
            let mut vocab = Vocabulary::default();
            let mut raw = RawSentences::default();
            for r in &sentences[v] {
                let tokens = tokens::within(tokens[v], r.clone());
                let chars = vocab.sentence_terms(texts[v], tokens, &mut raw.terms);
                raw.ends.push(raw.terms.len());
                raw.chars.push(chars);
            }
            (vocab.into_stems(), raw)
        })
        .collect();
    // Ids follow the stems' sort order, so they (and float sums over them) do not depend on
    // the order the versions came in.
    let mut all: Vec<&str> = local
        .iter()
        .flat_map(|(stems, _)| stems.iter().map(String::as_str))
        .collect();
    all.sort_unstable();
    all.dedup();
    let global: FxHashMap<&str, u32> = all
        .iter()
        .enumerate()
        .map(|(i, s)| (*s, i as u32))
        .collect();
    let remaps: Vec<Vec<u32>> = local
        .iter()
        .map(|(stems, _)| stems.iter().map(|s| global[s.as_str()]).collect())
        .collect();
    let term_count = global.len();
    drop(global);
    let raw: Vec<RawSentences> = local
        .into_par_iter()
        .zip(remaps)
        .map(|((_, mut sents), remap)| {
            for term in &mut sents.terms {
                term.0 = remap[term.0 as usize];
            }
            sents
        })
        .collect();
    let mut raw = raw;
    resolve_initial_capitals(&mut raw, term_count);
    let (df, total) = document_frequencies(&raw, term_count);
    let idf: Vec<f32> = df
        .iter()
        .map(|&d| (1.0 + total as f32 / d.max(1) as f32).ln())
        .collect();
    raw.into_par_iter()
        .map(|mut sents| {
            let mut merged: Vec<(u32, f32, u32)> = Vec::new();
            let mut start = 0;
            let mut out = Vec::with_capacity(sents.len());
            for (&end, &chars) in sents.ends.iter().zip(&sents.chars) {
                let terms = &mut sents.terms[start..end];
                start = end;
                terms.sort_unstable_by_key(|t| t.0);
                merged.clear();
                for &mut (id, boost) in terms {
                    match merged.last_mut() {
                        Some(last) if last.0 == id => {
                            last.1 = last.1.max(boost);
                            last.2 += 1;
                        }
                        _ => merged.push((id, boost, 1)),
                    }
                }
                let keys: Vec<u32> = merged.iter().filter(|t| t.1 > 1.0).map(|t| t.0).collect();
                let terms: Vec<(u32, f32)> = merged
                    .iter()
                    .map(|&(id, boost, tf)| {
                        (id, (1.0 + (tf as f32).ln()) * idf[id as usize] * boost)
                    })
                    .collect();
                let norm2 = terms.iter().map(|t| t.1 * t.1).sum();
                out.push(SentenceVec {
                    terms,
                    norm2,
                    chars,
                    keys,
                });
            }
            out
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
        let toks: Vec<Vec<Token>> = texts
            .iter()
            .map(|t| tokens::tokenize(t, 0..t.len()))
            .collect();
        let toks: Vec<&[Token]> = toks.iter().map(Vec::as_slice).collect();
        let mut v = vectors(&texts, &toks, &sentences);
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
