//! Words of a text and their comparison keys — the one tokenizer that alignment, word diff and
//! facts share.
//!
//! A token is a UAX#29 word or a single punctuation mark; whitespace is never a token. Keys say
//! when two tokens count as equal: the exact text, or a folded form under the ignore options.
//! Stems (Snowball, lower-case) are what alignment weighs, so "spending" meets "spent".

use std::borrow::Cow;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::options::IgnoreOptions;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenClass {
    /// Contains a letter.
    Word,
    /// Digits (possibly with separators): "26", "3.5", "2,000".
    Number,
    /// Anything else that is not whitespace: punctuation, symbols, emoji.
    Punct,
}

/// One token with its byte range in the text it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range into the full text.
    pub range: Range<usize>,
    /// Word, number or punctuation.
    pub class: TokenClass,
}

/// Tokens of `text[range]`, with ranges into `text`.
///
/// The tokens are the UAX#29 words that are not whitespace. ASCII stretches take a fast path
/// (`ascii`) that gives the same tokens; the stretches around non-ASCII characters go through
/// unicode-segmentation, cut where UAX#29 always has a boundary (issue 12).
#[must_use]
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let base = range.start;
    let slice = &text[range];
    let bytes = slice.as_bytes();
    let mut out = Vec::with_capacity(slice.len() / 5);
    let mut pos = 0;
    while pos < bytes.len() {
        let Some(k) = bytes[pos..].iter().position(|b| !b.is_ascii()) else {
            ascii::tokens(&bytes[pos..], base + pos, &mut out);
            break;
        };
        let first = pos + k;
        let start = (pos + 1..=first)
            .rev()
            .find(|&p| ascii::is_cut(bytes, p))
            .unwrap_or(pos);
        let end = (first + 1..bytes.len())
            .find(|&p| ascii::is_cut(bytes, p))
            .unwrap_or(bytes.len());
        ascii::tokens(&bytes[pos..start], base + pos, &mut out);
        uax29_tokens(&slice[start..end], base + start, &mut out);
        pos = end;
    }
    out
}

/// The UAX#29 words of `piece` (at byte `base` of the full text) that are not whitespace.
fn uax29_tokens(piece: &str, base: usize, out: &mut Vec<Token>) {
    out.extend(
        piece
            .split_word_bound_indices()
            .filter(|(_, word)| !word.chars().all(char::is_whitespace))
            .map(|(offset, word)| Token {
                range: base + offset..base + offset + word.len(),
                class: classify(word),
            }),
    );
}

/// The tokens of a sorted token list that lie within `range` (for a sentence or passage of a text
/// tokenized once as a whole).
#[must_use]
pub fn within(tokens: &[Token], range: Range<usize>) -> &[Token] {
    &tokens[positions_within(tokens, range)]
}

/// The positions in a sorted token list of the tokens that lie within `range` (to pick what
/// goes with them from lists kept beside the tokens, such as their key ids).
#[must_use]
pub fn positions_within(tokens: &[Token], range: Range<usize>) -> Range<usize> {
    let start = tokens.partition_point(|t| t.range.start < range.start);
    let end = tokens.partition_point(|t| t.range.end <= range.end);
    start..end.max(start)
}

mod ascii;

fn classify(piece: &str) -> TokenClass {
    if piece.chars().any(char::is_alphabetic) {
        TokenClass::Word
    } else if piece.chars().any(|c| c.is_ascii_digit()) {
        TokenClass::Number
    } else {
        TokenClass::Punct
    }
}

/// Folds typographic variants: curly quotes to straight, dashes to a hyphen, NBSP to space.
#[must_use]
pub fn fold_typography(c: char) -> char {
    match c {
        '‘' | '’' | '‚' | '‛' | '`' | '´' | '′' => '\'',
        '“' | '”' | '„' | '‟' | '«' | '»' | '″' => '"',
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => '-',
        '\u{a0}' | '\u{202f}' => ' ',
        other => other,
    }
}

/// The key under which a token compares equal to another, per the ignore options.
/// Returns an empty key for a token that does not count at all (punctuation when ignored).
#[must_use]
pub fn key(token: &str, class: TokenClass, ignore: IgnoreOptions) -> Cow<'_, str> {
    if ignore.punctuation && class == TokenClass::Punct {
        return Cow::Borrowed("");
    }
    let mut key = Cow::Borrowed(token);
    if ignore.quotes && token.chars().any(|c| fold_typography(c) != c) {
        key = Cow::Owned(token.chars().map(fold_typography).collect());
    }
    if ignore.punctuation && key.chars().any(|c| !c.is_alphanumeric()) {
        key = Cow::Owned(key.chars().filter(|c| c.is_alphanumeric()).collect());
    }
    if ignore.case && key.chars().any(char::is_uppercase) {
        key = Cow::Owned(key.to_lowercase());
    }
    key
}

/// Spellings up to this many bytes can be packed into a number ([`pack_short`]).
pub const SHORT: usize = 15;

/// A spelling of up to [`SHORT`] bytes as one number: its bytes, and its length in the top
/// byte (so "a" and "a\0" differ). Maps keyed by it hash and compare a number, without a
/// string compare or a pointer to follow: a book looks a spelling up for each of its million
/// words.
#[must_use]
pub fn pack_short(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.len() > SHORT {
        return None;
    }
    let mut packed = [0u8; 16];
    packed[..bytes.len()].copy_from_slice(bytes);
    packed[15] = bytes.len() as u8;
    Some(u128::from_le_bytes(packed))
}

/// Common English words that carry little of a sentence's identity.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "being", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have",
    "he", "her", "his", "i", "if", "in", "into", "is", "it", "its", "may", "more", "most", "no",
    "not", "of", "on", "one", "or", "other", "our", "out", "over", "said", "she", "so", "some",
    "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "to", "up", "was", "we", "were", "what", "when", "which", "while", "who", "will",
    "with", "would", "you",
];

/// Whether a lower-case word is a stop word.
#[must_use]
pub fn is_stop_word(lower: &str) -> bool {
    STOP_WORDS.binary_search(&lower).is_ok()
}

/// Whether a token is a common word or punctuation that may be folded into a neighbouring
/// change when it stands alone between two changes.
#[must_use]
pub fn is_filler(token: &str, class: TokenClass) -> bool {
    match class {
        TokenClass::Punct => true,
        TokenClass::Number => false,
        TokenClass::Word => is_stop_word(&token.to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text, 0..text.len())
            .iter()
            .map(|t| &text[t.range.clone()])
            .collect()
    }

    #[test]
    fn tokens_split_punctuation_but_keep_numbers_and_contractions_whole() {
        assert_eq!(
            texts("The U.S. Army's $105 million (3.5%) can't wait."),
            [
                "The", "U.S", ".", "Army's", "$", "105", "million", "(", "3.5", "%", ")", "can't",
                "wait", "."
            ]
        );
    }

    #[test]
    fn within_picks_the_tokens_of_a_sub_range() {
        let text = "One two. Three four.";
        let all = tokenize(text, 0..text.len());
        let picked: Vec<&str> = within(&all, 9..text.len())
            .iter()
            .map(|t| &text[t.range.clone()])
            .collect();
        assert_eq!(picked, ["Three", "four", "."]);
    }

    #[test]
    fn token_ranges_index_the_full_text() {
        let text = "xx Kyiv talks";
        let toks = tokenize(text, 3..text.len());
        assert_eq!(&text[toks[0].range.clone()], "Kyiv");
    }

    #[test]
    fn keys_fold_only_what_the_options_say() {
        let quotes = IgnoreOptions {
            quotes: true,
            ..IgnoreOptions::default()
        };
        assert_eq!(key("Trump’s", TokenClass::Word, quotes), "Trump's");
        assert_eq!(
            key("Trump’s", TokenClass::Word, IgnoreOptions::default()),
            "Trump’s"
        );
        let case = IgnoreOptions {
            case: true,
            ..IgnoreOptions::default()
        };
        assert_eq!(key("Army", TokenClass::Word, case), "army");
        let punct = IgnoreOptions {
            punctuation: true,
            ..IgnoreOptions::default()
        };
        assert_eq!(key(",", TokenClass::Punct, punct), "");
        assert_eq!(key("U.S", TokenClass::Word, punct), "US");
    }

    #[test]
    fn stop_word_list_is_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stop_word("the") && !is_stop_word("kyiv"));
    }
}
