//! Text as the printers write it: the presentation layer's inked text
//! ([`crate::present::text::StyledText`]) mapped to printer styles, with wdiff's brackets
//! (`[-…-]`, `{+…+}`) around change runs when there is no colour, then wrapped or written as
//! it is.
//!
//! Nothing here reads word ops: which words are deleted, inserted or accented, and what the text
//! shows (control characters made visible, whitespace collapsed, line ends kept), is decided in
//! [`crate::present::text`], the same as for the viewer and the report. Wrapping and measuring
//! are the presentation layer's too ([`crate::present::wrap`]).

use std::io;
use std::ops::Range;

use super::style::{Painter, Style};
use crate::present::text::{Ink, Lines, StyledText, push_shown};
use crate::present::wrap;
pub use crate::present::wrap::{truncate, width};

/// A run of text in one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// How it looks.
    pub style: Style,
    /// The text, already made visible.
    pub text: String,
}

/// One output line of wrapped text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    /// The pieces, in order.
    pub pieces: Vec<Piece>,
    /// Display width in terminal columns.
    pub width: usize,
}

impl Line {
    /// A line of one piece.
    #[must_use]
    pub fn styled(style: Style, text: &str) -> Self {
        let mut line = Self::default();
        line.push(style, text);
        line
    }

    fn push(&mut self, style: Style, text: &str) {
        self.width += wrap::width(text);
        match self.pieces.last_mut() {
            Some(last) if last.style == style => last.text.push_str(text),
            _ => self.pieces.push(Piece {
                style,
                text: text.to_string(),
            }),
        }
    }

    /// Writes the line (no line end) with a painter.
    pub fn write(&self, out: &mut dyn io::Write, painter: Painter) -> io::Result<()> {
        self.pieces
            .iter()
            .try_for_each(|p| painter.write(out, p.style, &p.text))
    }
}

/// Text in printer styles, line ends kept as `\n`, ready to wrap or write.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Printed {
    text: String,
    /// Consecutive ranges of `text` with their styles.
    styles: Vec<(Range<usize>, Style)>,
}

/// The printer style of an ink, and the change run it belongs to (`Deleted` or `Inserted`:
/// bracketed when there is no colour).
fn style_of(ink: Ink) -> (Style, Option<Style>) {
    match ink {
        Ink::Text | Ink::Same | Ink::Heading => (Style::Plain, None),
        Ink::Boilerplate => (Style::Faint, None),
        Ink::Note => (Style::Note, None),
        Ink::Removed | Ink::Deleted => (Style::Deleted, Some(Style::Deleted)),
        Ink::Added | Ink::Inserted => (Style::Inserted, Some(Style::Inserted)),
        Ink::DeletedAccent => (Style::DeletedAccent, Some(Style::Deleted)),
        Ink::InsertedAccent => (Style::InsertedAccent, Some(Style::Inserted)),
    }
}

impl Printed {
    /// Text in one style (made visible, whitespace collapsed, line ends kept).
    #[must_use]
    pub fn styled(style: Style, text: &str) -> Self {
        let mut out = Self::default();
        out.push(style, text);
        out
    }

    /// Appends text in one style (made visible, whitespace collapsed, line ends kept).
    pub fn push(&mut self, style: Style, text: &str) {
        let start = self.text.len();
        push_shown(&mut self.text, text, Lines::Kept);
        self.styled_since(start, style);
    }

    /// Appends text as it is (already shown text, or a bracket).
    fn push_raw(&mut self, style: Style, text: &str) {
        let start = self.text.len();
        self.text.push_str(text);
        self.styled_since(start, style);
    }

    fn styled_since(&mut self, start: usize, style: Style) {
        let end = self.text.len();
        if end == start {
            return;
        }
        match self.styles.last_mut() {
            Some((range, last)) if *last == style && range.end == start => range.end = end,
            _ => self.styles.push((start..end, style)),
        }
    }

    /// A passage's inked text in printer styles. Each change run (deleted words with their
    /// accents, or inserted ones) is bracketed as a whole when the painter has no colour; the
    /// spaces at its edges stay outside, plain.
    #[must_use]
    pub fn from_text(styled: &StyledText, painter: Painter) -> Self {
        // The text plus a pair of brackets for each change run at most: sized once, not grown
        // word by word (a book prints tens of thousands of passages).
        let mut out = Self {
            text: String::with_capacity(styled.text.len() + 4 * styled.runs.len()),
            styles: Vec::with_capacity(styled.runs.len() + 2),
        };
        let runs = &styled.runs;
        let mut i = 0;
        while i < runs.len() {
            let (style, change) = style_of(runs[i].ink);
            let Some(change) = change else {
                out.push_raw(style, &styled.text[runs[i].range.clone()]);
                i += 1;
                continue;
            };
            let end = i + runs[i..]
                .iter()
                .take_while(|r| style_of(r.ink).1 == Some(change))
                .count();
            out.push_change(styled, &runs[i..end], change, painter);
            i = end;
        }
        out
    }

    /// One change run: the runs of one change style, bracketed when there is no colour.
    fn push_change(
        &mut self,
        styled: &StyledText,
        runs: &[crate::present::text::Run],
        change: Style,
        painter: Painter,
    ) {
        let whole = runs[0].range.start..runs[runs.len() - 1].range.end;
        let text = &styled.text[whole.clone()];
        let content = whole.start + (text.len() - text.trim_start().len())
            ..whole.start + text.trim_end().len();
        if content.is_empty() {
            self.push_raw(Style::Plain, text);
            return;
        }
        let brackets = painter.brackets(change);
        self.push_raw(Style::Plain, &styled.text[whole.start..content.start]);
        if let Some((open, _)) = brackets {
            self.push_raw(change, open);
        }
        for run in runs {
            let cut = run.range.start.max(content.start)..run.range.end.min(content.end);
            if !cut.is_empty() {
                self.push_raw(style_of(run.ink).0, &styled.text[cut]);
            }
        }
        if let Some((_, close)) = brackets {
            self.push_raw(change, close);
        }
        self.push_raw(Style::Plain, &styled.text[content.end..whole.end]);
    }

    /// Whether there is no text.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The styled pieces of a range of the text.
    fn pieces(&self, range: Range<usize>) -> impl Iterator<Item = (Style, &str)> {
        let first = self.styles.partition_point(|(r, _)| r.end <= range.start);
        self.styles[first..]
            .iter()
            .take_while(move |(r, _)| r.start < range.end)
            .map(move |(r, style)| {
                let cut = r.start.max(range.start)..r.end.min(range.end);
                (*style, &self.text[cut])
            })
    }

    /// The input lines (between kept line ends) as byte ranges, without a trailing space.
    fn input_lines(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        let mut at = 0;
        self.text.split('\n').map(move |line| {
            let range = at..at + line.trim_end_matches(' ').len();
            at += line.len() + 1;
            range
        })
    }

    /// Wraps the text into lines of at most `width` columns with the one wrapper every front end
    /// uses ([`crate::present::wrap`]: at spaces, between CJK characters but never before their
    /// closing punctuation, a word wider than a line between grapheme clusters). Line ends in the
    /// input start new lines; there is always at least one line.
    #[must_use]
    pub fn wrap(&self, width: usize) -> Vec<Line> {
        let mut lines = Vec::new();
        for input in self.input_lines() {
            let before = lines.len();
            for range in wrap::wrap(&self.text[input.clone()], width) {
                let range = input.start + range.start..input.start + range.end;
                let mut line = Line::default();
                for (style, text) in self.pieces(range) {
                    line.push(style, text);
                }
                lines.push(line);
            }
            if lines.len() == before {
                lines.push(Line::default());
            }
        }
        lines
    }

    /// Writes the text unwrapped, each input line ended by a newline, for printers that let the
    /// terminal wrap. Styles are closed at each line end, so pagers and `head` never leave a
    /// colour switched on.
    pub fn write_unwrapped(&self, out: &mut dyn io::Write, painter: Painter) -> io::Result<()> {
        for input in self.input_lines() {
            for (style, text) in self.pieces(input) {
                painter.write(out, style, text)?;
            }
            writeln!(out)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
