//! Makes text from the input safe to show on a terminal.
//!
//! An article can contain control characters and escape sequences; written raw they would drive
//! the terminal (move the cursor, change colours, set the window title). Every front end passes
//! input text through [`visible`] before it reaches a terminal, which swaps each control
//! character for a visible symbol from the Unicode "Control Pictures" block (`ESC` → `␛`).
//!
//! Invisible characters are shown too, since they are how copied text gets disguised and a diff
//! that counts them as a change must also let the reader see it (issue 9): zero-width spaces,
//! non-joiners, word joiners and a byte-order mark inside text become `␣`; direction marks
//! (LRM, RLM, ALM) become `⇄`. A zero-width joiner after an emoji or symbol stays: it binds
//! emoji sequences (👩‍👧) and hides nothing.

use std::borrow::Cow;

/// Replaces control characters (C0, DEL, C1) with visible symbols; tabs become spaces and line
/// ends are kept only if `keep_newlines`. Other text is returned unchanged (and unallocated).
#[must_use]
pub fn visible(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    // Printable ASCII (most text) needs nothing: a cheap byte check first.
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return Cow::Borrowed(text);
    }
    let needs = |c: char| c.is_control() || is_bidi_control(c) || is_invisible(c);
    if !text.chars().any(needs) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut prev = ' ';
    for c in text.chars() {
        let before = std::mem::replace(&mut prev, c);
        match c {
            '\u{200d}' if is_symbol(before) => out.push(c),
            '\u{200e}' | '\u{200f}' | '\u{061c}' => out.push('⇄'),
            c if is_invisible(c) => out.push('␣'),
            '\n' if keep_newlines => out.push('\n'),
            '\r' if keep_newlines => {}
            '\t' => out.push_str("    "),
            '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('�')),
            '\u{7f}' => out.push('␡'),
            c if c.is_control() || is_bidi_control(c) => out.push('�'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Characters that take no room on screen: zero-width spaces and joiners, the word joiner and
/// invisible operators, a byte-order mark, and the direction marks.
#[must_use]
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{061c}' | '\u{180e}'
    )
}

/// An emoji or other symbol, after which a zero-width joiner builds a sequence.
fn is_symbol(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace() && u32::from(c) >= 0x2000
}

/// Bidirectional overrides can reorder what the terminal shows ("Trojan Source").
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_untouched() {
        assert!(matches!(visible("Kyiv — “talks”", false), Cow::Borrowed(_)));
    }

    #[test]
    fn escape_sequences_become_visible_symbols() {
        assert_eq!(visible("a\u{1b}[31mred\u{7}", false), "a␛[31mred␇");
    }

    #[test]
    fn c1_controls_and_bidi_overrides_are_replaced() {
        assert_eq!(visible("x\u{9b}y\u{202e}z", false), "x�y�z");
    }

    #[test]
    fn invisible_characters_are_shown() {
        assert_eq!(
            visible(
                "a\u{200b}b\u{200c}c\u{2060}d\u{feff}e\u{200e}f\u{200f}g\u{61c}h",
                false
            ),
            "a␣b␣c␣d␣e⇄f⇄g⇄h"
        );
        // A joiner between letters hides something; inside an emoji sequence it does not.
        assert_eq!(visible("x\u{200d}y", false), "x␣y");
        assert_eq!(visible("👩\u{200d}👧", false), "👩\u{200d}👧");
    }

    #[test]
    fn shown_symbols_take_one_column() {
        use unicode_width::UnicodeWidthChar;
        for c in ['␣', '⇄', '␛', '�'] {
            assert_eq!(c.width(), Some(1), "{c}");
        }
    }

    #[test]
    fn newlines_are_kept_only_when_asked() {
        assert_eq!(visible("a\r\nb\tc", true), "a\nb    c");
        assert_eq!(visible("a\nb", false), "a b");
    }
}
