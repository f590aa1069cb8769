//! UAX#29 word boundaries for ASCII text, without the Unicode tables (issue 12: segmentation
//! was a fifth of a book's run).
//!
//! In ASCII only these rules of UAX#29 can join two characters: letters with letters, digits and
//! `_` (WB5, WB8–WB10, WB13a/b), a letter `:`, `.` or `'` letter (WB6/7), and a digit `,`, `;`,
//! `.` or `'` digit (WB11/12). Whitespace never joins anything but whitespace, which is not a
//! token. `tests.rs` checks these tokens against unicode-segmentation's on random text.

use super::{Token, TokenClass};

/// A character's part in the word rules.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    /// `_` (ExtendNumLet).
    Connector,
    /// `:` (MidLetter).
    MidLetter,
    /// `.` and `'` (MidNumLet, Single_Quote).
    MidBoth,
    /// `,` and `;` (MidNum).
    MidNum,
    Other,
}

/// Each byte's class, looked up rather than matched: a book is millions of bytes.
static CLASSES: [Class; 256] = {
    let mut table = [Class::Other; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            b'0'..=b'9' => Class::Digit,
            b'_' => Class::Connector,
            b':' => Class::MidLetter,
            b'.' | b'\'' => Class::MidBoth,
            b',' | b';' => Class::MidNum,
            _ => Class::Other,
        };
        b += 1;
    }
    table
};

fn class(b: u8) -> Class {
    CLASSES[usize::from(b)]
}

/// `char::is_whitespace` for an ASCII byte.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// Whether UAX#29 keeps `s[i - 1]` and `s[i]` in one word (`s` is ASCII, `i ≥ 1`).
fn joins(s: &[u8], i: usize) -> bool {
    use Class::{Connector, Digit, Letter, MidBoth, MidLetter, MidNum};
    // The characters two back and one ahead are read only by the rules that need them.
    let at = |k: Option<usize>| k.and_then(|k| s.get(k)).map_or(Class::Other, |&b| class(b));
    match (class(s[i - 1]), class(s[i])) {
        (Letter | Digit | Connector, Letter | Digit | Connector) => true,
        (Letter, MidLetter | MidBoth) => at(Some(i + 1)) == Letter,
        (MidLetter | MidBoth, Letter) => at(i.checked_sub(2)) == Letter,
        (Digit, MidNum | MidBoth) => at(Some(i + 1)) == Digit,
        (MidNum | MidBoth, Digit) => at(i.checked_sub(2)) == Digit,
        _ => false,
    }
}

/// Appends the tokens of the ASCII bytes `s`, which start at byte `base` of the full text.
pub(super) fn tokens(s: &[u8], base: usize, out: &mut Vec<Token>) {
    let mut i = 0;
    while i < s.len() {
        if is_space(s[i]) {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < s.len() && joins(s, i) {
            i += 1;
        }
        // `classify` for ASCII, without decoding characters.
        let word = &s[start..i];
        let class = if word.iter().any(u8::is_ascii_alphabetic) {
            TokenClass::Word
        } else if word.iter().any(u8::is_ascii_digit) {
            TokenClass::Number
        } else {
            TokenClass::Punct
        };
        out.push(Token {
            range: base + start..base + i,
            class,
        });
    }
}

/// Whether UAX#29 always has a word boundary before byte `p` of `s`, whatever follows, and
/// nothing after `p` looks back across it: after a line feed (WB3a), or between an ASCII
/// character other than a space and a space (no rule joins anything else to a space, and a
/// space is no letter, digit or joiner that a later rule could look back at).
pub(super) fn is_cut(s: &[u8], p: usize) -> bool {
    p > 0
        && p < s.len()
        && (s[p - 1] == b'\n' || (s[p] == b' ' && s[p - 1].is_ascii() && s[p - 1] != b' '))
}

#[cfg(test)]
mod tests;
