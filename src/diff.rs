//! Word diff of one aligned pair of passage texts, with `similar` doing the sequence diff.
//!
//! Tokens (see [`crate::tokens`]) are diffed by key with Patience, then cleaned up so a reader
//! sees whole changed phrases rather than confetti: an equal run of one or two common words or
//! punctuation marks between two changes is folded into the change. A word changed by a letter or
//! two ("Donahue"/"Donohue") also gets character accents.
//!
//! Keys go into the sequence diff as numbers. [`key_ids`] numbers every token of a set of
//! versions once, so each passage's diff reads its keys instead of computing and hashing them
//! again (a book has tens of thousands of passages); equal numbers are exactly equal keys, so
//! the ops are the same either way.

use std::borrow::Cow;
use std::ops::Range;
use std::time::{Duration, Instant};

use rustc_hash::FxHashMap;
use similar::{Algorithm, DiffOp, DiffTag, TextDiff};

use crate::model::WordOp;
use crate::options::IgnoreOptions;
use crate::tokens::{self, Token, TokenClass};

/// How long one passage's word diff may take before `similar` settles for a coarser answer.
const DIFF_TIMEOUT: Duration = Duration::from_millis(200);
/// Passages with more tokens than this get the deadline.
const LONG_PASSAGE_TOKENS: usize = 2_000;

/// The word diff of one passage pair.
#[derive(Debug, Clone, PartialEq)]
pub struct WordDiff {
    /// The ops, covering both passage texts from start to end.
    pub ops: Vec<WordOp>,
    /// Share of tokens kept, `2·equal / (base + other)`, in 0..=1.
    pub similarity: f32,
}

impl WordDiff {
    /// Whether the two texts are equal under the ignore options.
    #[must_use]
    pub fn is_same(&self) -> bool {
        self.ops.iter().all(|op| matches!(op, WordOp::Equal { .. }))
    }
}

/// A token, or a word with the punctuation that was folded into it when punctuation is ignored.
#[derive(Debug, Clone)]
struct Unit {
    range: Range<usize>,
    class: TokenClass,
}

pub use keys::{NO_KEY, key_ids};

/// The units of a passage's tokens and their keys; `key` gives a token's key (by its index in
/// `tokens`), `None` when the key is empty, and `empty` is the key of a passage of nothing but
/// tokens that do not count.
fn units<K>(
    tokens: &[Token],
    mut key: impl FnMut(usize) -> Option<K>,
    empty: K,
) -> (Vec<Unit>, Vec<K>) {
    let mut out: Vec<Unit> = Vec::with_capacity(tokens.len());
    let mut keys: Vec<K> = Vec::with_capacity(tokens.len());
    let mut pending: Option<Range<usize>> = None;
    for (i, &Token { ref range, class }) in tokens.iter().enumerate() {
        let range = range.clone();
        let Some(k) = key(i) else {
            // A token that does not count rides along with its neighbour.
            match (out.last_mut(), pending.as_mut()) {
                (Some(prev), _) => prev.range.end = range.end,
                (None, Some(p)) => p.end = range.end,
                (None, None) => pending = Some(range),
            }
            continue;
        };
        let start = pending.take().map_or(range.start, |p| p.start);
        out.push(Unit {
            range: start..range.end,
            class,
        });
        keys.push(k);
    }
    if let Some(range) = pending {
        // Only ignorable tokens: keep them as one unit with an empty key so the text is covered.
        out.push(Unit {
            range,
            class: TokenClass::Punct,
        });
        keys.push(empty);
    }
    (out, keys)
}

/// What making the units cover their passage did to the keys.
enum Cover<'t> {
    /// Nothing: the units' ranges at most grew.
    Kept,
    /// The first unit took in this text before it, which its key must include.
    Prefix(&'t str),
    /// The passage had no unit; one was added for this text, with the text as its key.
    Whole(&'t str),
}

/// Makes the units cover the whole passage. Text at its start can belong to a token that began
/// before it (UAX#29 glues a format character such as U+00AD or U+202E, or a combining mark, to
/// the space before it), and a passage can be nothing but such a piece; that text must still
/// be in the ops (issue 9).
fn cover<'t>(units: &mut Vec<Unit>, passage: &PassageText<'t>) -> Cover<'t> {
    let range = passage.range.clone();
    match units.first_mut() {
        Some(first) if range.start < first.range.start => {
            // The text taken in is compared too: invisible format characters are a difference.
            let prefix = passage.text[range.start..first.range.start].trim();
            first.range.start = range.start;
            if prefix.is_empty() {
                Cover::Kept
            } else {
                Cover::Prefix(prefix)
            }
        }
        None if !passage.text[range.clone()].trim().is_empty() => {
            units.push(Unit {
                range: range.clone(),
                class: TokenClass::Punct,
            });
            Cover::Whole(passage.text[range].trim())
        }
        // The first word starts the passage, or the passage is blank.
        Some(_) | None => Cover::Kept,
    }
}

/// A passage's units with the key ids it was given, unless it has none or covering it changes
/// a key (then both passages of the diff are keyed by [`computed_units`]).
fn given_units(passage: &PassageText<'_>) -> Option<(Vec<Unit>, Vec<u32>)> {
    let numbers = passage.keys?;
    let (mut units, keys) = units(
        passage.tokens,
        |i| Some(numbers[i]).filter(|&n| n != NO_KEY),
        NO_KEY,
    );
    matches!(cover(&mut units, passage), Cover::Kept).then_some((units, keys))
}

/// A passage's units with keys computed from its text and numbered in `ids`, which the two
/// passages of a diff share.
fn computed_units<'t>(
    passage: &PassageText<'t>,
    ignore: IgnoreOptions,
    ids: &mut FxHashMap<Cow<'t, str>, u32>,
) -> (Vec<Unit>, Vec<u32>) {
    let text = passage.text;
    let (mut units, mut keys) = units(
        passage.tokens,
        |i| {
            let token = &passage.tokens[i];
            Some(tokens::key(&text[token.range.clone()], token.class, ignore))
                .filter(|key| !key.is_empty())
        },
        Cow::Borrowed(""),
    );
    match cover(&mut units, passage) {
        Cover::Kept => {}
        Cover::Prefix(prefix) => keys[0] = Cow::Owned(format!("{prefix}{}", keys[0])),
        Cover::Whole(whole) => keys.push(Cow::Borrowed(whole)),
    }
    let keys = keys
        .into_iter()
        .map(|key| {
            let next = ids.len() as u32;
            *ids.entry(key).or_insert(next)
        })
        .collect();
    (units, keys)
}

/// One stretch of the cleaned-up diff, in unit indices.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Equal {
        base: Range<usize>,
        other: Range<usize>,
    },
    Change {
        base: Range<usize>,
        other: Range<usize>,
    },
}

/// Diffs the base's passage text `base_text[base]` against `other_text[other]`.
#[must_use]
pub fn diff_words(
    base_text: &str,
    base: Range<usize>,
    other_text: &str,
    other: Range<usize>,
    ignore: IgnoreOptions,
) -> WordDiff {
    let base_tokens = tokens::tokenize(base_text, base.clone());
    let other_tokens = tokens::tokenize(other_text, other.clone());
    diff_tokens(
        &PassageText {
            text: base_text,
            range: base,
            tokens: &base_tokens,
            keys: None,
        },
        &PassageText {
            text: other_text,
            range: other,
            tokens: &other_tokens,
            keys: None,
        },
        ignore,
    )
}

/// A passage's text: the version's whole text, the passage's range in it, and its tokens.
#[derive(Debug, Clone)]
pub struct PassageText<'a> {
    /// The whole text of the version.
    pub text: &'a str,
    /// The passage's byte range in `text`.
    pub range: Range<usize>,
    /// The tokens of `text[range]` (see [`tokens::within`]).
    pub tokens: &'a [Token],
    /// The tokens' key ids from [`key_ids`] (one per token), or `None` to key them here.
    pub keys: Option<&'a [u32]>,
}

/// [`diff_words`] on already tokenized passages (the aligner tokenizes each version once).
#[must_use]
pub fn diff_tokens(
    base: &PassageText<'_>,
    other: &PassageText<'_>,
    ignore: IgnoreOptions,
) -> WordDiff {
    Keyed::new(base, other, ignore).diff()
}

/// Two passages cut into units and keyed: what their word diff compares. Keying is cheap and
/// says at once whether the two are the same ([`Keyed::is_same`]); the sequence diff that
/// follows ([`Keyed::diff`]) is the costly part, which the viewer leaves for later.
#[derive(Debug)]
pub struct Keyed<'t> {
    texts: [&'t str; 2],
    ends: [usize; 2],
    units: [Vec<Unit>; 2],
    keys: [Vec<u32>; 2],
}

impl<'t> Keyed<'t> {
    /// Keys both passages.
    #[must_use]
    pub fn new(base: &PassageText<'t>, other: &PassageText<'t>, ignore: IgnoreOptions) -> Self {
        let ((base_units, base_keys), (other_units, other_keys)) =
            if let (Some(b), Some(o)) = (given_units(base), given_units(other)) {
                (b, o)
            } else {
                // Keys are interned as numbers for the sequence diff: it hashes and compares them
                // many times over, and equal numbers are exactly equal keys, so the diff is the
                // same.
                let mut ids = FxHashMap::default();
                ids.reserve(base.tokens.len() + other.tokens.len());
                let b = computed_units(base, ignore, &mut ids);
                (b, computed_units(other, ignore, &mut ids))
            };
        Self {
            texts: [base.text, other.text],
            ends: [base.range.end, other.range.end],
            units: [base_units, other_units],
            keys: [base_keys, other_keys],
        }
    }

    /// Whether the two passages are equal under the ignore options: exactly when their
    /// [`WordDiff::is_same`] (equal keys are one equal op, or none; any other diff of the keys
    /// has a change, which stays a change through the clean-up).
    #[must_use]
    pub fn is_same(&self) -> bool {
        self.keys[0] == self.keys[1]
    }

    /// The word diff.
    #[must_use]
    pub fn diff(self) -> WordDiff {
        let [base_keys, other_keys] = &self.keys;
        let [base_units, other_units] = &self.units;
        let [base_text, other_text] = self.texts;
        // A deadline costs a clock read per step; only long passages can need one.
        let deadline = (base_keys.len() + other_keys.len() > LONG_PASSAGE_TOKENS)
            .then(|| Instant::now() + DIFF_TIMEOUT);
        let diff_ops = key_diff(base_keys, other_keys, deadline);
        let mut equal = 0;
        let mut segments: Vec<Segment> = Vec::new();
        for op in &diff_ops {
            let (tag, b, o) = op.as_tag_tuple();
            if tag == DiffTag::Equal {
                equal += b.len();
                segments.push(Segment::Equal { base: b, other: o });
            } else {
                push_change(&mut segments, b, o);
            }
        }
        let total = base_units.len() + other_units.len();
        let similarity = if total == 0 {
            1.0
        } else {
            (2 * equal) as f32 / total as f32
        };
        fold_fillers(&mut segments, base_units, base_text);
        let ops = to_ops(
            &segments,
            base_units,
            other_units,
            self.ends[0],
            self.ends[1],
            base_text,
            other_text,
        );
        WordDiff { ops, similarity }
    }
}

/// The sequence diff of two passages' keys: what
/// `similar::capture_diff_slices_deadline(Algorithm::Patience, base, other, deadline)` returns.
///
/// Passages whose keys are all equal (a verse two translations word for word agree on, or an
/// untouched paragraph) skip `similar`, which would build its compaction and capture for them
/// and answer one equal op (none for two empty slices).
///
/// Cutting off the common prefix and suffix before Patience is *not* the same diff: Patience's
/// anchors are keys unique within the whole slices, so a word of the cut ends ("the", "and")
/// can become an anchor in the middle alone. Tried on the 1 MB pair even with a guard against
/// that, 19 passages printed differently; and the cut ends held only 87k of the 4 MB pair's
/// 1.7M diffed keys, so it would not have paid much either.
fn key_diff(base: &[u32], other: &[u32], deadline: Option<Instant>) -> Vec<DiffOp> {
    if base == other {
        return if base.is_empty() {
            Vec::new()
        } else {
            vec![DiffOp::Equal {
                old_index: 0,
                new_index: 0,
                len: base.len(),
            }]
        };
    }
    similar::capture_diff_slices_deadline(Algorithm::Patience, base, other, deadline)
}

/// Appends a change, merging it with a change right before it.
fn push_change(segments: &mut Vec<Segment>, base: Range<usize>, other: Range<usize>) {
    if let Some(Segment::Change {
        base: pb,
        other: po,
    }) = segments.last_mut()
    {
        pb.end = base.end.max(pb.end);
        po.end = other.end.max(po.end);
        return;
    }
    segments.push(Segment::Change { base, other });
}

/// Folds short equal runs of fillers that stand between two changes into one change.
fn fold_fillers(segments: &mut Vec<Segment>, base_units: &[Unit], base_text: &str) {
    let mut i = 1;
    while i + 1 < segments.len() {
        let fold = match (&segments[i - 1], &segments[i], &segments[i + 1]) {
            (Segment::Change { .. }, Segment::Equal { base, .. }, Segment::Change { .. }) => {
                base.len() <= 2
                    && base_units[base.clone()]
                        .iter()
                        .all(|u| tokens::is_filler(&base_text[u.range.clone()], u.class))
            }
            _ => false,
        };
        if fold {
            let Segment::Change {
                base: next_b,
                other: next_o,
            } = segments.remove(i + 1)
            else {
                unreachable!("checked above")
            };
            segments.remove(i);
            if let Segment::Change { base, other } = &mut segments[i - 1] {
                base.end = next_b.end;
                other.end = next_o.end;
            }
        } else {
            i += 1;
        }
    }
}

/// Byte range of units `units[range]`, extended to the start of the next unit (or `end`) so
/// that whitespace after the last word belongs to the op.
fn byte_range(units: &[Unit], range: &Range<usize>, end: usize) -> Range<usize> {
    let start = units[range.start].range.start;
    let stop = units.get(range.end).map_or(end, |u| u.range.start);
    start..stop
}

fn to_ops(
    segments: &[Segment],
    base_units: &[Unit],
    other_units: &[Unit],
    base_end: usize,
    other_end: usize,
    base_text: &str,
    other_text: &str,
) -> Vec<WordOp> {
    let mut ops = Vec::with_capacity(segments.len() + 1);
    for segment in segments {
        match segment {
            Segment::Equal { base, other } => ops.push(WordOp::Equal {
                base: byte_range(base_units, base, base_end),
                other: byte_range(other_units, other, other_end),
            }),
            Segment::Change { base, other } => {
                let (base_accents, other_accents) =
                    accents(base_units, base, other_units, other, base_text, other_text);
                if !base.is_empty() {
                    ops.push(WordOp::Delete {
                        base: byte_range(base_units, base, base_end),
                        accents: base_accents,
                    });
                }
                if !other.is_empty() {
                    ops.push(WordOp::Insert {
                        other: byte_range(other_units, other, other_end),
                        accents: other_accents,
                    });
                }
            }
        }
    }
    ops
}

/// Character accents for a one-word change of one or two letters ("Donahue" → "Donohue").
fn accents(
    base_units: &[Unit],
    base: &Range<usize>,
    other_units: &[Unit],
    other: &Range<usize>,
    base_text: &str,
    other_text: &str,
) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    if base.len() != 1 || other.len() != 1 {
        return (Vec::new(), Vec::new());
    }
    let (b, o) = (
        &base_units[base.start].range,
        &other_units[other.start].range,
    );
    let (bw, ow) = (&base_text[b.clone()], &other_text[o.clone()]);
    let letters = bw.chars().count().max(ow.chars().count());
    if letters < 4 || !bw.chars().any(char::is_alphanumeric) {
        return (Vec::new(), Vec::new());
    }
    // Only now the character diff: most one-word changes are short words or punctuation.
    let (base_accents, other_accents, changed) = char_changes(bw, ow);
    if changed == 0 || changed > 4 || changed * 3 > letters {
        return (Vec::new(), Vec::new());
    }
    let shift = |ranges: Vec<Range<usize>>, by: usize| {
        ranges
            .into_iter()
            .map(|r| r.start + by..r.end + by)
            .collect()
    };
    (shift(base_accents, b.start), shift(other_accents, o.start))
}

/// Words longer than this go through `TextDiff`, which numbers the characters of inputs this
/// long before diffing them; [`char_changes`] only matches it below.
const CHAR_DIFF_DIRECT_MAX: usize = 100;

/// The character diff of two words with Myers: the byte ranges (within each word) it deletes
/// and inserts, adjacent ones merged, and how many characters it changes.
///
/// Exactly what `TextDiff::configure().algorithm(Myers).diff_chars(a, b)` gives, for words of
/// up to [`CHAR_DIFF_DIRECT_MAX`] characters: there `TextDiff` runs the same
/// `capture_diff_deadline(Myers, ..)` on the words' characters as one-character strings, and
/// two of those are equal exactly when the characters are. Diffing the characters themselves
/// saves slicing and hashing a string per character (accents are tried for every one-word
/// change, a few thousand a book).
fn char_changes(a: &str, b: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>, usize) {
    let (a_chars, a_at) = chars(a);
    let (b_chars, b_at) = chars(b);
    if a_chars.len() > CHAR_DIFF_DIRECT_MAX || b_chars.len() > CHAR_DIFF_DIRECT_MAX {
        return char_changes_by_text_diff(a, b);
    }
    let (mut deleted, mut inserted, mut changed) = (Vec::new(), Vec::new(), 0);
    for op in similar::capture_diff_slices(Algorithm::Myers, &a_chars, &b_chars) {
        let (tag, old, new) = op.as_tag_tuple();
        if matches!(tag, DiffTag::Delete | DiffTag::Replace) {
            changed += old.len();
            extend_or_push(&mut deleted, a_at[old.start]..a_at[old.end]);
        }
        if matches!(tag, DiffTag::Insert | DiffTag::Replace) {
            changed += new.len();
            extend_or_push(&mut inserted, b_at[new.start]..b_at[new.end]);
        }
    }
    (deleted, inserted, changed)
}

/// [`char_changes`] through `TextDiff` (for long words, and as its reference in tests).
fn char_changes_by_text_diff(a: &str, b: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>, usize) {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .diff_chars(a, b);
    let (mut deleted, mut inserted, mut changed) = (Vec::new(), Vec::new(), 0);
    let (mut apos, mut bpos) = (0, 0);
    for change in diff.iter_all_changes() {
        let len = change.value().len();
        match change.tag() {
            similar::ChangeTag::Equal => {
                apos += len;
                bpos += len;
            }
            similar::ChangeTag::Delete => {
                changed += 1;
                extend_or_push(&mut deleted, apos..apos + len);
                apos += len;
            }
            similar::ChangeTag::Insert => {
                changed += 1;
                extend_or_push(&mut inserted, bpos..bpos + len);
                bpos += len;
            }
        }
    }
    (deleted, inserted, changed)
}

/// A word's characters and their byte offsets, with the word's length last.
fn chars(word: &str) -> (Vec<char>, Vec<usize>) {
    let mut chars = Vec::with_capacity(word.len());
    let mut at = Vec::with_capacity(word.len() + 1);
    for (i, c) in word.char_indices() {
        chars.push(c);
        at.push(i);
    }
    at.push(word.len());
    (chars, at)
}

fn extend_or_push(ranges: &mut Vec<Range<usize>>, next: Range<usize>) {
    match ranges.last_mut() {
        Some(last) if last.end == next.start => last.end = next.end,
        _ => ranges.push(next),
    }
}

mod keys;
#[cfg(test)]
mod tests;
