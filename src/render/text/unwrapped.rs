//! Writing a passage's words as they come, unwrapped, for the printers that let the terminal
//! wrap (issue 12: no string per word on a book-length diff).

use std::ops::Range;

use super::{Break, Painter, Sink, Style, push_piece, push_run, wrap};

/// A stretch of one style waiting to be written, so a change run is written (and marked) once.
#[derive(Default)]
struct Run {
    style: Option<Style>,
    text: String,
}

impl Run {
    fn push(
        &mut self,
        out: &mut dyn std::io::Write,
        painter: Painter,
        style: Style,
        text: &str,
    ) -> std::io::Result<()> {
        if self.style != Some(style) {
            self.flush(out, painter)?;
            self.style = Some(style);
        }
        self.text.push_str(text);
        Ok(())
    }

    fn flush(&mut self, out: &mut dyn std::io::Write, painter: Painter) -> std::io::Result<()> {
        if let Some(style) = self.style.take() {
            painter.write(out, style, &self.text)?;
        }
        self.text.clear();
        Ok(())
    }
}

/// What an [`UnwrappedWriter`] saw last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    Nothing,
    Word,
    Break(Break),
}

/// Writes styled words as they come, unwrapped: exactly what [`StyledText::write_unwrapped`](super::StyledText::write_unwrapped)
/// writes for a text that has a word, and nothing for one without, but without building the
/// words first, so that printing a book-length diff allocates nothing per word (issue 12).
/// Write errors are kept and returned by [`UnwrappedWriter::finish`].
pub struct UnwrappedWriter<'o> {
    out: &'o mut dyn std::io::Write,
    painter: Painter,
    run: Run,
    last: Last,
    /// Whether the current line has something that takes a column.
    line_has_width: bool,
    lines_written: usize,
    error: Option<std::io::Error>,
}

impl<'o> UnwrappedWriter<'o> {
    /// A writer of unwrapped text to `out`.
    pub fn new(out: &'o mut dyn std::io::Write, painter: Painter) -> Self {
        Self {
            out,
            painter,
            run: Run::default(),
            last: Last::Nothing,
            line_has_width: false,
            lines_written: 0,
            error: None,
        }
    }

    /// Adds input text in one style, like [`StyledText::push`](super::StyledText::push).
    pub fn push(&mut self, style: Style, text: &str) {
        push_piece(self, style, text, style);
    }

    /// Adds a change run, like [`StyledText::push_run`](super::StyledText::push_run).
    pub fn push_run(&mut self, style: Style, text: &str, accents: &[Range<usize>]) {
        let painter = self.painter;
        push_run(self, painter, style, text, accents);
    }

    fn keep(&mut self, result: std::io::Result<()>) {
        if let Err(e) = result {
            self.error.get_or_insert(e);
        }
    }

    fn end_line(&mut self) {
        let result = self
            .run
            .flush(self.out, self.painter)
            .and_then(|()| writeln!(self.out));
        self.keep(result);
    }

    /// Ends the text: its last line is written unless it has nothing visible (and is not the
    /// only one); a text without words writes nothing.
    pub fn finish(mut self) -> std::io::Result<()> {
        if self.last == Last::Break(Break::Line) {
            self.end_line();
            self.lines_written += 1;
            self.line_has_width = false;
        }
        if self.last != Last::Nothing && (self.line_has_width || self.lines_written == 0) {
            self.end_line();
        }
        self.error.map_or(Ok(()), Err)
    }
}

impl Sink for UnwrappedWriter<'_> {
    fn word(&mut self, style: Style, text: &str) {
        match self.last {
            Last::Break(Break::Line) => {
                self.end_line();
                self.lines_written += 1;
                self.line_has_width = false;
            }
            // No space after nothing visible, as when wrapping.
            Last::Break(Break::Space(space)) if self.line_has_width => {
                let result = self.run.push(self.out, self.painter, space, " ");
                self.keep(result);
            }
            Last::Break(Break::Space(_)) | Last::Word | Last::Nothing => {}
        }
        self.last = Last::Word;
        let result = self.run.push(self.out, self.painter, style, text);
        self.keep(result);
        // A word's piece of printable ASCII takes columns; anything else is measured.
        self.line_has_width = self.line_has_width
            || text.bytes().all(|b| b.is_ascii_graphic())
            || wrap::width(text) > 0;
    }

    fn brk(&mut self, new: Break) {
        // As `StyledText::push_break`: a line break wins, breaks never pile up.
        match self.last {
            Last::Break(_) if new == Break::Line => self.last = Last::Break(Break::Line),
            Last::Word => self.last = Last::Break(new),
            Last::Nothing | Last::Break(_) => {}
        }
    }
}
