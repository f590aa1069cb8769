//! UAX#29 sentence pieces, with a fast path for text of ASCII (no line ends), curly quotes,
//! dashes and Latin-1 letters (issue 12: the sentence boundaries of a book were a tenth of its
//! run).
//!
//! In such text a piece can only end after a terminator (`.`, `!`, `?`), the closing marks and
//! spaces after it (SB9, SB10), and only where no rule keeps it going: a digit right after a
//! point (SB6), a capital right after a point that follows a letter (SB7), a lower-case letter
//! coming after a point before any other letter or terminator (SB8), a comma, dash, colon,
//! semicolon or terminator (SB8a). `tests.rs` checks the pieces against unicode-segmentation's.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// A character's part in the sentence rules.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// `.`
    ATerm,
    /// `!` and `?`
    STerm,
    /// Quotation marks (curly ones too) and brackets.
    Close,
    /// Spaces, tabs, vertical tab and form feed.
    Sp,
    /// `,`, `-`, `:`, `;`, en and em dashes.
    SContinue,
    Upper,
    Lower,
    Numeric,
    Other,
}

/// A character's class, for ASCII other than line ends and the few other characters books and
/// news use most (curly quotes, dashes, Latin-1 letters); `None` sends the text to
/// unicode-segmentation.
fn class(c: char) -> Option<Class> {
    Some(match c {
        '.' => Class::ATerm,
        '!' | '?' => Class::STerm,
        '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | '\u{2018}'..='\u{201f}' => Class::Close,
        ' ' | '\t' | '\u{b}' | '\u{c}' => Class::Sp,
        ',' | '-' | ':' | ';' | '\u{2013}' | '\u{2014}' => Class::SContinue,
        'A'..='Z' | '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{de}' => Class::Upper,
        'a'..='z' | '\u{df}'..='\u{f6}' | '\u{f8}'..='\u{ff}' => Class::Lower,
        '0'..='9' => Class::Numeric,
        '\n' | '\r' => return None,
        c if c.is_ascii() => Class::Other,
        _ => return None,
    })
}

/// The UAX#29 sentences of `text` as byte ranges, in order, covering it.
pub(super) fn sentence_pieces(text: &str) -> Vec<Range<usize>> {
    if !fast_path(text) {
        return text
            .split_sentence_bound_indices()
            .map(|(offset, piece)| offset..offset + piece.len())
            .collect();
    }
    let class_at = |at: usize| text[at..].chars().next().and_then(class);
    let mut pieces = Vec::new();
    let mut start = 0;
    // Only terminators can end a piece, and they are ASCII: found on bytes, and the rules read
    // the few characters around each (a book's text is millions of characters).
    for t in memchr::memchr3_iter(b'.', b'!', b'?', text.as_bytes()) {
        let mut k = t + 1;
        while class_at(k) == Some(Class::Close) {
            k += text[k..].chars().next().map_or(1, char::len_utf8);
        }
        while class_at(k) == Some(Class::Sp) {
            k += 1;
        }
        if k == text.len() {
            break;
        }
        if !continues(text, t, k) {
            pieces.push(start..k);
            start = k;
        }
    }
    if start < text.len() {
        pieces.push(start..text.len());
    }
    pieces
}

/// Whether every character of `text` has a class here (otherwise unicode-segmentation splits
/// it): for ASCII, whether it has no line end.
fn fast_path(text: &str) -> bool {
    if text.is_ascii() {
        memchr::memchr2(b'\n', b'\r', text.as_bytes()).is_none()
    } else {
        text.chars().all(|c| class(c).is_some())
    }
}

/// Whether the sentence goes on at byte `k`, after the terminator at byte `t` and the closing
/// marks and spaces between them (`k` is inside `text`).
fn continues(text: &str, t: usize, k: usize) -> bool {
    let class_at = |at: usize| text[at..].chars().next().and_then(class);
    let point = text.as_bytes()[t] == b'.';
    let next = class_at(k);
    let right_after = k == t + 1;
    let after_letter = text[..t]
        .chars()
        .next_back()
        .and_then(class)
        .is_some_and(|c| matches!(c, Class::Upper | Class::Lower));
    (point && right_after && next == Some(Class::Numeric))
        || (point && right_after && next == Some(Class::Upper) && after_letter)
        || (point && lower_follows(&text[k..]))
        || matches!(next, Some(Class::SContinue | Class::ATerm | Class::STerm))
}

/// SB8: a lower-case letter comes before any other letter or terminator.
fn lower_follows(text: &str) -> bool {
    for class in text.chars().filter_map(class) {
        match class {
            Class::Lower => return true,
            Class::Upper | Class::ATerm | Class::STerm => return false,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests;
