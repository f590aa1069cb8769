//! A JSON formatter whose output is safe on a terminal: serde_json escapes only C0 controls,
//! so DEL, C1 controls (U+009B is a one-byte CSI), bidi overrides and invisible direction and
//! zero-width characters are escaped here as `\uXXXX` too (issue 9). The JSON stays the same
//! document: a `\u` escape decodes to the very character.

use std::io::{self, Write};

use serde_json::ser::{CharEscape, CompactFormatter, Formatter};

/// Pretty-printing formatter (two spaces per level, as serde_json's `PrettyFormatter`) that
/// escapes every character [`needs_escape`] names.
///
/// The layout is serde_json's own, written here so that a new line and its indentation go out
/// in one write (the seeds' JSON has some 30,000 lines; writing each level's two spaces on their
/// own was a sixth of printing it).
#[derive(Default)]
pub(super) struct SafeFormatter {
    /// Levels of nesting open.
    level: usize,
    /// Whether the array or object just closed had a value (its closing bracket then goes on a
    /// line of its own).
    has_value: bool,
}

/// Characters JSON output never carries raw: DEL, C1 controls, bidi embeddings, overrides and
/// isolates, direction marks, zero-width characters (the joiner stays: it binds emoji
/// sequences and moves no text), line and paragraph separators, a BOM.
pub(crate) fn needs_escape(c: char) -> bool {
    matches!(c,
        '\u{7f}'..='\u{9f}'
        | '\u{061c}'
        | '\u{200b}' | '\u{200c}' | '\u{200e}' | '\u{200f}'
        | '\u{2028}'..='\u{202e}'
        | '\u{2060}'..='\u{2069}'
        | '\u{feff}'
    )
}

/// Whether a byte can begin the UTF-8 of a character [`needs_escape`] names: most text has none
/// of these bytes, and is written without decoding a character.
fn may_need_escape(byte: u8) -> bool {
    matches!(byte, 0x7f | 0xc2 | 0xd8 | 0xe2 | 0xef)
}

/// A new line and the indentation of up to 32 levels.
const INDENT: &[u8] = b"\n                                                                ";

impl SafeFormatter {
    /// A new line indented to the current level.
    fn new_line<W: ?Sized + Write>(&self, writer: &mut W) -> io::Result<()> {
        let width = 1 + 2 * self.level;
        if width <= INDENT.len() {
            return writer.write_all(&INDENT[..width]);
        }
        writer.write_all(INDENT)?;
        for _ in (INDENT.len() - 1) / 2..self.level {
            writer.write_all(b"  ")?;
        }
        Ok(())
    }
}

impl Formatter for SafeFormatter {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let bytes = fragment.as_bytes();
        let (mut start, mut at) = (0, 0);
        while let Some(found) = bytes[at..].iter().position(|&b| may_need_escape(b)) {
            at += found;
            let c = fragment[at..].chars().next().unwrap_or_default();
            if needs_escape(c) {
                writer.write_all(&bytes[start..at])?;
                write!(writer, "\\u{:04x}", u32::from(c))?;
                start = at + c.len_utf8();
            }
            at += c.len_utf8();
        }
        writer.write_all(&bytes[start..])
    }

    fn write_char_escape<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        escape: CharEscape,
    ) -> io::Result<()> {
        CompactFormatter.write_char_escape(writer, escape)
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        writer.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.new_line(writer)?;
        }
        writer.write_all(b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        if !first {
            writer.write_all(b",")?;
        }
        self.new_line(writer)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        writer.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.new_line(writer)?;
        }
        writer.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        if !first {
            writer.write_all(b",")?;
        }
        self.new_line(writer)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn to_json(value: &str) -> String {
        let mut out = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(&mut out, SafeFormatter::default());
        serde::Serialize::serialize(value, &mut ser).expect("serialises");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn c1_controls_del_bidi_and_invisible_marks_are_escaped() {
        let raw = "a\u{9b}31m\u{7f}b\u{202e}c\u{200b}d\u{200f}e\u{feff}f\u{1b}g";
        let json = to_json(raw);
        assert_eq!(
            json,
            r#""a\u009b31m\u007fb\u202ec\u200bd\u200fe\ufefff\u001bg""#
        );
        assert_eq!(serde_json::from_str::<String>(&json).expect("valid"), raw);
    }

    #[test]
    fn every_character_to_escape_begins_with_a_byte_the_scan_stops_at() {
        let mut utf8 = [0; 4];
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            if needs_escape(c) {
                let first = c.encode_utf8(&mut utf8).as_bytes()[0];
                assert!(may_need_escape(first), "{c:?}");
            }
        }
    }

    /// The layout is serde_json's pretty one, byte for byte, at any depth.
    #[test]
    fn the_layout_is_serde_jsons_pretty_printing() {
        let mut deep = serde_json::json!({"leaf": [1, "x\u{9b}y", {}, []], "empty": {}});
        for level in 0..40 {
            deep = serde_json::json!({"level": level, "inner": [deep, "“quoted”", null, 0.5]});
        }
        let mut ours = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(&mut ours, SafeFormatter::default());
        serde::Serialize::serialize(&deep, &mut ser).expect("serialises");
        let theirs = serde_json::to_string_pretty(&deep).expect("serialises");
        assert_eq!(
            String::from_utf8(ours).expect("utf-8"),
            theirs.replace("\u{9b}", "\\u009b")
        );
    }

    #[test]
    fn ordinary_text_and_emoji_joiners_stay_raw() {
        let raw = "Kyiv “talks” 👩\u{200d}👩\u{200d}👧 中文";
        assert_eq!(to_json(raw), format!("\"{raw}\""));
    }
}
