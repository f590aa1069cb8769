//! Passage text as the printers write it: styled words, with wdiff brackets when there is no
//! colour and the input's line ends kept.
//!
//! A printer turns a passage (and its word ops, from the model) into a [`StyledText`]: words
//! made of styled pieces, separated by spaces and line breaks. Input text goes through
//! [`visible`] on the way in, so nothing from a file reaches the terminal raw. Wrapping and
//! measuring are the presentation layer's ([`crate::present::wrap`]), the same as the viewer's.

use std::ops::Range;

use super::style::{Painter, Style};
use crate::model::{Comparison, Passage, Reading, VersionId, WordOp};
use crate::present::wrap;
pub use crate::present::wrap::{truncate, width};
use crate::visible::visible;

mod unwrapped;

pub use unwrapped::UnwrappedWriter;

/// A run of text in one style, free of whitespace breaks (within a word) or a single space.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// How it looks.
    pub style: Style,
    /// The text, already made visible.
    pub text: String,
}

/// One word of a [`StyledText`]: the pieces between two whitespace breaks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Word {
    pieces: Vec<Piece>,
}

impl Word {
    fn push(&mut self, style: Style, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.pieces.last_mut() {
            Some(last) if last.style == style => last.text.push_str(text),
            _ => self.pieces.push(Piece {
                style,
                text: text.to_string(),
            }),
        }
    }
}

/// What separates two words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Break {
    /// Spaces (shown as one space, in the style of the change run it stands in).
    Space(Style),
    /// A line end in the input: the passage continues on a new line.
    Line,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Word(Word),
    Break(Break),
}

/// Text made of styled words, built from input text and word ops, ready to wrap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StyledText {
    painter: Painter,
    tokens: Vec<Token>,
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
    pub fn write(&self, out: &mut dyn std::io::Write, painter: Painter) -> std::io::Result<()> {
        self.pieces
            .iter()
            .try_for_each(|p| painter.write(out, p.style, &p.text))
    }
}

impl StyledText {
    /// An empty text.
    #[must_use]
    pub fn new(painter: Painter) -> Self {
        Self {
            painter,
            tokens: Vec::new(),
        }
    }

    /// Whether no word has been added.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        !self.tokens.iter().any(|t| matches!(t, Token::Word(_)))
    }

    /// Adds input text in one style (the spaces in it too, so a styled line is one piece).
    pub fn push(&mut self, style: Style, text: &str) {
        push_piece(self, style, text, style);
    }

    /// Adds a change run (deleted or inserted words) whose `accents` (byte ranges relative to
    /// `text`) get the accent style; without colour the run is bracketed `[-…-]` / `{+…+}`.
    pub fn push_run(&mut self, style: Style, text: &str, accents: &[Range<usize>]) {
        let painter = self.painter;
        push_run(self, painter, style, text, accents);
    }

    fn word_mut(&mut self) -> &mut Word {
        if !matches!(self.tokens.last(), Some(Token::Word(_))) {
            self.tokens.push(Token::Word(Word::default()));
        }
        match self.tokens.last_mut() {
            Some(Token::Word(word)) => word,
            _ => unreachable!("a word was just pushed"),
        }
    }

    /// Adds a break; a line break wins over spaces next to it, and breaks never pile up.
    fn push_break(&mut self, new: Break) {
        match self.tokens.last_mut() {
            Some(Token::Break(old)) if new == Break::Line => *old = Break::Line,
            Some(Token::Word(_)) => self.tokens.push(Token::Break(new)),
            None | Some(Token::Break(_)) => {}
        }
    }

    /// Wraps the text into lines of at most `width` columns with the one wrapper every front end
    /// uses ([`crate::present::wrap`]: at spaces, between CJK characters but never before their
    /// closing punctuation, a word wider than a line between grapheme clusters). Line ends in the
    /// input start new lines.
    #[must_use]
    pub fn wrap(&self, width: usize) -> Vec<Line> {
        let mut lines = Vec::new();
        let mut flat = Flat::default();
        let mut space: Option<Style> = None;
        for token in &self.tokens {
            match token {
                Token::Break(Break::Line) => {
                    let before = lines.len();
                    flat.wrap_into(width, &mut lines);
                    if lines.len() == before {
                        lines.push(Line::default());
                    }
                    flat = Flat::default();
                    space = None;
                }
                Token::Break(Break::Space(style)) => space = Some(*style),
                Token::Word(word) => {
                    // As when writing unwrapped: no space after nothing visible.
                    if let Some(style) = space.take().filter(|_| flat.visible) {
                        flat.push(style, " ");
                    }
                    for piece in &word.pieces {
                        flat.push(piece.style, &piece.text);
                    }
                }
            }
        }
        // A last line with nothing visible is dropped unless it is the only one.
        if flat.visible || lines.is_empty() {
            flat.wrap_into(width, &mut lines);
        }
        if lines.is_empty() {
            lines.push(Line::default());
        }
        lines
    }

    /// Writes the text unwrapped (what `wrap(usize::MAX)` gives, line ends in the input kept),
    /// each line ended by a newline, for printers that let the terminal wrap. The lines are not
    /// built: printing a book-length diff this way saves a copy of every word.
    pub fn write_unwrapped(
        &self,
        out: &mut dyn std::io::Write,
        painter: Painter,
    ) -> std::io::Result<()> {
        if self.tokens.is_empty() {
            // As `wrap` gives: one empty line.
            return writeln!(out);
        }
        let mut writer = UnwrappedWriter::new(out, painter);
        for token in &self.tokens {
            match token {
                Token::Word(word) => {
                    for piece in &word.pieces {
                        writer.word(piece.style, &piece.text);
                    }
                }
                Token::Break(b) => writer.brk(*b),
            }
        }
        writer.finish()
    }
}

/// Where the words of a passage's text go: into a [`StyledText`] (to wrap) or straight out
/// through an [`UnwrappedWriter`].
trait Sink {
    /// Appends a piece of the current word (never empty, no whitespace).
    fn word(&mut self, style: Style, text: &str);
    /// Ends the current word with a break.
    fn brk(&mut self, new: Break);
}

impl Sink for StyledText {
    fn word(&mut self, style: Style, text: &str) {
        self.word_mut().push(style, text);
    }

    fn brk(&mut self, new: Break) {
        self.push_break(new);
    }
}

/// Adds one piece of input text: made visible, split at whitespace into words; `space_style`
/// styles the spaces between them.
fn push_piece(sink: &mut impl Sink, style: Style, raw: &str, space_style: Style) {
    let text = visible(raw, true);
    let mut rest: &str = &text;
    while !rest.is_empty() {
        let word_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
        if word_len > 0 {
            sink.word(style, &rest[..word_len]);
            rest = &rest[word_len..];
        }
        let space_len = rest
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(rest.len());
        if space_len > 0 {
            let space = &rest[..space_len];
            sink.brk(if space.contains('\n') {
                Break::Line
            } else {
                Break::Space(space_style)
            });
            rest = &rest[space_len..];
        }
    }
}

/// Adds a change run (see [`StyledText::push_run`]).
fn push_run(
    sink: &mut impl Sink,
    painter: Painter,
    style: Style,
    text: &str,
    accents: &[Range<usize>],
) {
    let content_start = text.len() - text.trim_start().len();
    let content_end = text.trim_end().len().max(content_start);
    if content_start == content_end {
        push_piece(sink, Style::Plain, text, Style::Plain);
        return;
    }
    push_piece(sink, Style::Plain, &text[..content_start], Style::Plain);
    let open_close = painter.brackets(style);
    if let Some((open, _)) = open_close {
        push_piece(sink, style, open, style);
    }
    let accent = match style {
        Style::Deleted => Style::DeletedAccent,
        Style::Inserted => Style::InsertedAccent,
        other => other,
    };
    let mut at = content_start;
    for range in accents {
        let range = range.start.clamp(at, content_end)..range.end.clamp(at, content_end);
        push_piece(sink, style, &text[at..range.start], style);
        push_piece(sink, accent, &text[range.clone()], style);
        at = range.end;
    }
    push_piece(sink, style, &text[at..content_end], style);
    if let Some((_, close)) = open_close {
        push_piece(sink, style, close, style);
    }
    push_piece(sink, Style::Plain, &text[content_end..], Style::Plain);
}

/// One input line of a [`StyledText`] as plain text with the style of each stretch, to wrap.
#[derive(Default)]
struct Flat {
    text: String,
    styles: Vec<(Range<usize>, Style)>,
    /// Whether anything so far takes a column.
    visible: bool,
}

impl Flat {
    fn push(&mut self, style: Style, text: &str) {
        self.visible = self.visible || wrap::width(text) > 0;
        let start = self.text.len();
        self.text.push_str(text);
        match self.styles.last_mut() {
            Some((range, last)) if *last == style => range.end = self.text.len(),
            _ => self.styles.push((start..self.text.len(), style)),
        }
    }

    /// Wraps the line and appends the wrapped lines, styled.
    fn wrap_into(&self, width: usize, lines: &mut Vec<Line>) {
        for range in wrap::wrap(&self.text, width) {
            let mut line = Line::default();
            let first = self.styles.partition_point(|(r, _)| r.end <= range.start);
            for (styled, style) in self.styles[first..]
                .iter()
                .take_while(|(r, _)| r.start < range.end)
            {
                let cut = styled.start.max(range.start)..styled.end.min(range.end);
                line.push(*style, &self.text[cut]);
            }
            lines.push(line);
        }
    }
}

/// Which text of a passage a printer shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marking {
    /// The base's text, deleted words marked (the left column).
    Base,
    /// The compared version's text, inserted words marked (the right column).
    Other,
    /// The base's text with deleted and inserted words marked in place (inline).
    Both,
}

/// The text of a passage as one compared version reads it, marked for one side.
#[must_use]
pub fn reading_text(
    comparison: &Comparison,
    passage: &Passage,
    reading: &Reading,
    marking: Marking,
    painter: Painter,
) -> StyledText {
    let mut out = StyledText::new(painter);
    push_reading(&mut out, painter, comparison, passage, reading, marking);
    out
}

/// Writes [`reading_text`] unwrapped, as [`StyledText::write_unwrapped`] would (nothing for a
/// text without words), without building it.
pub fn write_reading(
    out: &mut dyn std::io::Write,
    comparison: &Comparison,
    passage: &Passage,
    reading: &Reading,
    marking: Marking,
    painter: Painter,
) -> std::io::Result<()> {
    let mut writer = UnwrappedWriter::new(out, painter);
    push_reading(&mut writer, painter, comparison, passage, reading, marking);
    writer.finish()
}

fn push_reading(
    out: &mut impl Sink,
    painter: Painter,
    comparison: &Comparison,
    passage: &Passage,
    reading: &Reading,
    marking: Marking,
) {
    let base = comparison.base_version();
    let other = comparison.version(reading.version);
    let base_text = comparison.passage_text(passage, comparison.base);
    let other_text = comparison.passage_text(passage, reading.version);
    let shows_base = marking != Marking::Other;
    let shows_other = marking != Marking::Base;
    let plain = |out: &mut _, text| push_piece(out, Style::Plain, text, Style::Plain);
    if reading.ops.is_empty() {
        // No word diff: one side is absent (added or removed) or the texts are the same.
        match (base_text, other_text) {
            (Some(b), None) if shows_base => push_run(out, painter, Style::Deleted, b, &[]),
            (None, Some(o)) if shows_other => push_run(out, painter, Style::Inserted, o, &[]),
            (Some(b), Some(_)) if shows_base => plain(out, b),
            (Some(_), Some(o)) => plain(out, o),
            _ => {}
        }
        return;
    }
    for op in &reading.ops {
        match op {
            WordOp::Equal { base: b, .. } if shows_base => plain(out, &base.text[b.clone()]),
            WordOp::Equal { other: o, .. } => plain(out, &other.text[o.clone()]),
            WordOp::Delete { base: b, accents } if shows_base => push_run(
                out,
                painter,
                Style::Deleted,
                &base.text[b.clone()],
                &relative(accents, b.start),
            ),
            WordOp::Insert { other: o, accents } if shows_other => push_run(
                out,
                painter,
                Style::Inserted,
                &other.text[o.clone()],
                &relative(accents, o.start),
            ),
            WordOp::Delete { .. } | WordOp::Insert { .. } => {}
        }
    }
}

/// The plain text of a passage in one version (empty if the version lacks it).
#[must_use]
pub fn version_text(
    comparison: &Comparison,
    passage: &Passage,
    version: VersionId,
    style: Style,
    painter: Painter,
) -> StyledText {
    let mut out = StyledText::new(painter);
    if let Some(text) = comparison.passage_text(passage, version) {
        out.push(style, text);
    }
    out
}

fn relative(ranges: &[Range<usize>], start: usize) -> Vec<Range<usize>> {
    ranges
        .iter()
        .map(|r| r.start.saturating_sub(start)..r.end.saturating_sub(start))
        .collect()
}

#[cfg(test)]
mod tests;
