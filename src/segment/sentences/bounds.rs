//! UAX#29 sentence pieces, with a fast path for ASCII text without line ends (issue 12: the
//! sentence boundaries of a book were a tenth of its run).
//!
//! In such text a piece can only end after a terminator (`.`, `!`, `?`), the closing marks and
//! spaces after it (SB9, SB10), and only where no rule keeps it going: a digit right after a
//! point (SB6), a capital right after a point that follows a letter (SB7), a lower-case letter
//! coming after a point before any other letter or terminator (SB8), a comma, dash, colon,
//! semicolon or terminator (SB8a). `tests.rs` checks the pieces against unicode-segmentation's.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// A character's part in the sentence rules (ASCII only).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// `.`
    ATerm,
    /// `!` and `?`
    STerm,
    /// Quotation marks and brackets.
    Close,
    /// Spaces, tabs, vertical tab and form feed.
    Sp,
    /// `,`, `-`, `:` and `;`.
    SContinue,
    Upper,
    Lower,
    Numeric,
    Other,
}

fn class(b: u8) -> Class {
    match b {
        b'.' => Class::ATerm,
        b'!' | b'?' => Class::STerm,
        b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Class::Close,
        b' ' | b'\t' | 0x0b | 0x0c => Class::Sp,
        b',' | b'-' | b':' | b';' => Class::SContinue,
        b'A'..=b'Z' => Class::Upper,
        b'a'..=b'z' => Class::Lower,
        b'0'..=b'9' => Class::Numeric,
        _ => Class::Other,
    }
}

/// The UAX#29 sentences of `text` as byte ranges, in order, covering it.
pub(super) fn sentence_pieces(text: &str) -> Vec<Range<usize>> {
    if !text.is_ascii() || text.contains(['\n', '\r']) {
        return text
            .split_sentence_bound_indices()
            .map(|(offset, piece)| offset..offset + piece.len())
            .collect();
    }
    let s = text.as_bytes();
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < s.len() {
        let term = class(s[i]);
        if !matches!(term, Class::ATerm | Class::STerm) {
            i += 1;
            continue;
        }
        let mut k = i + 1;
        while k < s.len() && class(s[k]) == Class::Close {
            k += 1;
        }
        while k < s.len() && class(s[k]) == Class::Sp {
            k += 1;
        }
        if k == s.len() {
            break;
        }
        if !continues(s, i, k) {
            pieces.push(start..k);
            start = k;
        }
        i = k;
    }
    if start < s.len() {
        pieces.push(start..s.len());
    }
    pieces
}

/// Whether the sentence goes on at `k`, after the terminator at `t` and the closing marks and
/// spaces between them.
fn continues(s: &[u8], t: usize, k: usize) -> bool {
    let point = class(s[t]) == Class::ATerm;
    let next = class(s[k]);
    let right_after = k == t + 1;
    let after_letter = t > 0 && matches!(class(s[t - 1]), Class::Upper | Class::Lower);
    (point && right_after && next == Class::Numeric)
        || (point && right_after && next == Class::Upper && after_letter)
        || (point && lower_follows(&s[k..]))
        || matches!(next, Class::SContinue | Class::ATerm | Class::STerm)
}

/// SB8: a lower-case letter comes before any other letter or terminator.
fn lower_follows(s: &[u8]) -> bool {
    for &b in s {
        match class(b) {
            Class::Lower => return true,
            Class::Upper | Class::ATerm | Class::STerm => return false,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests;
