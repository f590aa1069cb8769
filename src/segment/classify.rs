//! What a paragraph is: web-page debris (boilerplate), a heading, a list item, or story text.

use std::borrow::Cow;
use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::debris;
use crate::model::PassageKind;

/// Phrases that mark web-page debris when they make up a short line.
const BOILERPLATE_LINES: &[&str] = &[
    "table of contents",
    "featured-image",
    "featured image",
    "ask onix",
    "advertisement",
    "advertisements",
    "sponsored",
    "sponsored content",
    "share",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "subscribe",
    "subscribe now",
    "sign up",
    "sign up for our newsletter",
    "read more",
    "related",
    "related articles",
    "recommended",
    "click here",
    "follow us",
    "skip to content",
    "comments",
    "print",
    "email",
    "all rights reserved",
    "listen to this article",
    "copy link",
    "show comments",
    "view comments",
    "continue reading",
    "story continues below advertisement",
    "sign up here",
    "most popular",
    "most read",
    "trending",
    "trending now",
    "top stories",
    "related stories",
    "more stories",
    "you may also like",
    "you might also like",
    "recommended for you",
];

/// Line starts that mark debris whatever follows ("Also Read: <another headline>").
const BOILERPLATE_PREFIXES: &[&str] = &[
    "also read:",
    "read also:",
    "read more:",
    "related:",
    "see also:",
    "advertisement",
    "subscribe to",
    "sign up for",
    "follow us on",
    "share this",
    "click here",
    "tap here",
    "reporting by",
    "editing by",
    "additional reporting by",
    "writing by",
    "our standards:",
    "photo:",
    "photos:",
    "file photo",
    "credit:",
    "image:",
    "image source:",
    "copyright ©",
    "©",
];

/// The searcher for a copyright line's tail, built once: every short line is searched.
static RESERVED: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("all rights reserved"));

/// Decides what a paragraph is: boilerplate, a heading, or story text.
pub(super) fn classify(paragraph: &str, keep_boilerplate: bool) -> PassageKind {
    if !keep_boilerplate && is_boilerplate(paragraph) {
        return PassageKind::Boilerplate;
    }
    if is_heading(paragraph) {
        PassageKind::Heading
    } else {
        PassageKind::Text
    }
}

pub(super) fn is_boilerplate(paragraph: &str) -> bool {
    // Every rule below is for short lines; a paragraph of more words is story text (counted
    // before lowercasing, since a book is tens of thousands of paragraphs). Lowercasing keeps
    // the words as they are.
    let words = count_words(paragraph, 41);
    if words == 0 || words > 40 {
        return false;
    }
    let trimmed = paragraph.trim();
    // An ASCII line (most lines of a book) is lowercased on the stack.
    let mut buffer = [0u8; 256];
    let lower: Cow<str> = match buffer.get_mut(..trimmed.len()) {
        Some(bytes) if trimmed.is_ascii() => {
            bytes.copy_from_slice(trimmed.as_bytes());
            bytes.make_ascii_lowercase();
            Cow::Borrowed(std::str::from_utf8(bytes).unwrap_or_default())
        }
        _ => Cow::Owned(trimmed.to_lowercase()),
    };
    let bare = lower
        .trim_end_matches([':', '.', '!', '›', '»', '>'])
        .trim();
    if words <= 6 && BOILERPLATE_LINES.contains(&bare) {
        return true;
    }
    // The first byte is compared before the rest: most lines share it with no prefix.
    let first = lower.as_bytes().first();
    if words <= 25
        && BOILERPLATE_PREFIXES
            .iter()
            .any(|p| p.as_bytes().first() == first && lower.starts_with(p))
    {
        return true;
    }
    if words <= 25 && RESERVED.find(lower.as_bytes()).is_some() {
        return true;
    }
    // A credit has at most 40 words, as every line here.
    is_byline(trimmed) || debris::is_date_stamp(&lower) || debris::has_credit_mark(&lower)
}

/// The number of whitespace-separated words in `text`, counting no further than `limit`: the
/// count of `split_whitespace`, on bytes when the text is ASCII (most lines of a book).
fn count_words(text: &str, limit: usize) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().take(limit).count();
    }
    // The ASCII characters `char::is_whitespace` takes (U+000B too, unlike
    // `u8::is_ascii_whitespace`).
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    let mut words = 0;
    let mut in_word = false;
    for &b in text.as_bytes() {
        let starts = !space(b) && !in_word;
        in_word = !space(b);
        if starts {
            words += 1;
            if words == limit {
                break;
            }
        }
    }
    words
}

/// "By Benjamin D Applebaum", "By Jane Doe and John Roe": a short line of capitalised names.
fn is_byline(line: &str) -> bool {
    let Some(rest) = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))
    else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    (1..=8).contains(&words.len())
        && !ends_sentence(line)
        && words.iter().all(|w| {
            matches!(*w, "and" | "&" | "of" | "de" | "van" | "von")
                || w.chars().next().is_some_and(char::is_uppercase)
                || w.ends_with(',')
        })
}

/// A heading: one short line that does not read as a sentence.
fn is_heading(paragraph: &str) -> bool {
    let line = paragraph.trim();
    if line.contains('\n') || is_list_item(line) {
        return false;
    }
    // Counted no further than one past the limit: a paragraph of a book can be long.
    let words = line.split_whitespace().take(17).count();
    let first_upper = line
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    (1..=16).contains(&words) && first_upper && !ends_sentence(line) && !line.ends_with(',')
}

pub(super) fn ends_sentence(line: &str) -> bool {
    line.chars()
        .rev()
        .find(|c| !matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»'))
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | ':' | '…'))
}

/// Whether a line opens a list item: a bullet, or a number followed by a point or parenthesis.
pub(crate) fn is_list_item(line: &str) -> bool {
    let line = line.trim_start();
    // "12. " or "3) ": one to three digits before the line's first point or parenthesis, so
    // only its first four bytes are read.
    let head = &line.as_bytes()[..line.len().min(4)];
    line.starts_with(['-', '*', '•', '–', '·'])
        || head
            .iter()
            .position(|&b| b == b'.' || b == b')')
            .is_some_and(|at| at > 0 && head[..at].iter().all(u8::is_ascii_digit))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{count_words, is_list_item};

    /// Words, every ASCII character `char::is_whitespace` takes and some it does not (U+001C to
    /// U+001F are whitespace to `u8::is_ascii_whitespace`'s neighbours but not to `char`), and
    /// non-ASCII spaces that send a line down the general path.
    const PIECES: &[&str] = &[
        "By", "Getty", "a", "26", ".", " ", "  ", "\t", "\n", "\r", "\u{b}", "\u{c}", "\u{1c}",
        "\u{1f}", "\u{0}", "\u{a0}", "\u{85}", "\u{3000}", "é",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn words_counted_on_bytes_are_split_whitespace_words(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..60),
            limit in 1..45usize,
        ) {
            let text = pieces.concat();
            prop_assert_eq!(
                count_words(&text, limit),
                text.split_whitespace().take(limit).count()
            );
        }

        /// The list-item test reads only a line's first bytes, and says what the definition
        /// on the whole line says: one to three digits before its first point or parenthesis.
        #[test]
        fn list_items_read_on_the_first_bytes_are_list_items_by_definition(
            pieces in proptest::collection::vec(proptest::sample::select(LIST_PIECES), 0..8),
        ) {
            let line = pieces.concat();
            let trimmed = line.trim_start();
            let by_definition = trimmed.starts_with(['-', '*', '•', '–', '·'])
                || trimmed.split_once(['.', ')']).is_some_and(|(num, _)| {
                    !num.is_empty() && num.len() <= 3 && num.chars().all(|c| c.is_ascii_digit())
                });
            prop_assert_eq!(is_list_item(&line), by_definition);
        }
    }

    /// Pieces of list-like and ordinary lines.
    const LIST_PIECES: &[&str] = &[
        "1", "12", "7", "0", ".", ")", " ", "a", "Word", "-", "•", "é", "(", "2024", "\t",
    ];
}
