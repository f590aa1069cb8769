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
    let classes: Option<Vec<(usize, Class)>> = text
        .char_indices()
        .map(|(i, c)| Some((i, class(c)?)))
        .collect();
    let Some(s) = classes else {
        return text
            .split_sentence_bound_indices()
            .map(|(offset, piece)| offset..offset + piece.len())
            .collect();
    };
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < s.len() {
        if !matches!(s[i].1, Class::ATerm | Class::STerm) {
            i += 1;
            continue;
        }
        let mut k = i + 1;
        while k < s.len() && s[k].1 == Class::Close {
            k += 1;
        }
        while k < s.len() && s[k].1 == Class::Sp {
            k += 1;
        }
        if k == s.len() {
            break;
        }
        if !continues(&s, i, k) {
            pieces.push(start..s[k].0);
            start = s[k].0;
        }
        i = k;
    }
    if start < text.len() {
        pieces.push(start..text.len());
    }
    pieces
}

/// Whether the sentence goes on at character `k`, after the terminator at `t` and the closing
/// marks and spaces between them.
fn continues(s: &[(usize, Class)], t: usize, k: usize) -> bool {
    let point = s[t].1 == Class::ATerm;
    let next = s[k].1;
    let right_after = k == t + 1;
    let after_letter = t > 0 && matches!(s[t - 1].1, Class::Upper | Class::Lower);
    (point && right_after && next == Class::Numeric)
        || (point && right_after && next == Class::Upper && after_letter)
        || (point && lower_follows(&s[k..]))
        || matches!(next, Class::SContinue | Class::ATerm | Class::STerm)
}

/// SB8: a lower-case letter comes before any other letter or terminator.
fn lower_follows(s: &[(usize, Class)]) -> bool {
    for &(_, class) in s {
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
