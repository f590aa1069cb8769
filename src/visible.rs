//! Makes text from the input safe to show on a terminal.
//!
//! An article can contain control characters and escape sequences; written raw they would drive
//! the terminal (move the cursor, change colours, set the window title). Every front end passes
//! input text through [`visible`] before it reaches a terminal, which swaps each control
//! character for a visible symbol from the Unicode "Control Pictures" block (`ESC` → `␛`).

use std::borrow::Cow;

/// Replaces control characters (C0, DEL, C1) with visible symbols; tabs become spaces and line
/// ends are kept only if `keep_newlines`. Other text is returned unchanged (and unallocated).
#[must_use]
pub fn visible(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let needs = |c: char| c.is_control() || is_bidi_control(c);
    if !text.chars().any(needs) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
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
    fn newlines_are_kept_only_when_asked() {
        assert_eq!(visible("a\r\nb\tc", true), "a\nb    c");
        assert_eq!(visible("a\nb", false), "a b");
    }
}
