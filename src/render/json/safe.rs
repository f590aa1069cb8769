//! A JSON formatter whose output is safe on a terminal: serde_json escapes only C0 controls,
//! so DEL, C1 controls (U+009B is a one-byte CSI), bidi overrides and invisible direction and
//! zero-width characters are escaped here as `\uXXXX` too (issue 9). The JSON stays the same
//! document: a `\u` escape decodes to the very character.

use std::io::{self, Write};

use serde_json::ser::{CharEscape, Formatter, PrettyFormatter};

/// Pretty-printing formatter that escapes every character [`needs_escape`] names.
#[derive(Default)]
pub(super) struct SafeFormatter(PrettyFormatter<'static>);

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

impl Formatter for SafeFormatter {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices().filter(|(_, c)| needs_escape(*c)) {
            writer.write_all(&fragment.as_bytes()[start..i])?;
            write!(writer, "\\u{:04x}", u32::from(c))?;
            start = i + c.len_utf8();
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn write_char_escape<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        escape: CharEscape,
    ) -> io::Result<()> {
        self.0.write_char_escape(writer, escape)
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
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
    fn ordinary_text_and_emoji_joiners_stay_raw() {
        let raw = "Kyiv “talks” 👩\u{200d}👩\u{200d}👧 中文";
        assert_eq!(to_json(raw), format!("\"{raw}\""));
    }
}
