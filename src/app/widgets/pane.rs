//! One pane: a slice of the prepared rows, drawn with the gutter (current-passage bar and
//! status symbol), inked text with facts underlined, gaps and notes, and search hits laid over
//! the text.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use crate::app::layout::{Cell, EntryIx, PairRows, Row, Run, Side};
use crate::app::screen::GUTTER;
use crate::app::search::{Hit, Search};
use crate::app::theme::Theme;
use crate::model::PassageStatus;

/// A pane: one side of the layout from row `top`.
#[derive(Debug, Clone, Copy)]
pub struct Pane<'a> {
    /// The prepared rows.
    pub layout: &'a PairRows,
    /// Which side to draw.
    pub side: Side,
    /// First row on screen.
    pub top: usize,
    /// The current passage.
    pub current: EntryIx,
    /// The search whose hits are highlighted.
    pub search: Option<&'a Search>,
    /// Styles.
    pub theme: &'a Theme,
}

/// The gutter symbol of a status (on the first row of a passage); a changed passage whose two
/// texts the aligner paired on thin evidence (`weak`) shows `≈`, so a reader scanning the
/// panes sees which pairings to judge without stepping to each.
#[must_use]
pub fn status_symbol(status: PassageStatus, weak: bool) -> &'static str {
    match status {
        PassageStatus::Same | PassageStatus::Boilerplate => " ",
        PassageStatus::Changed if weak => "≈",
        PassageStatus::Changed => "~",
        PassageStatus::Added => "+",
        PassageStatus::Removed => "−",
        PassageStatus::Moved => "↷",
    }
}

impl Widget for &Pane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let current_rows =
            (self.current.0 < self.layout.entries.len()).then(|| self.layout.rows_of(self.current));
        for y in 0..area.height {
            let index = self.top + usize::from(y);
            let line = Rect {
                y: area.y + y,
                height: 1,
                ..area
            };
            let Some(row) = self.layout.row(index) else {
                break;
            };
            let is_current = current_rows.as_ref().is_some_and(|r| r.contains(&index));
            if is_current {
                buf.set_style(line, self.theme.current_row);
                buf.set_string(line.x, line.y, "▌", self.theme.current_bar);
            }
            if let Some(ix) = row.entry {
                let entry = self.layout.entry(ix);
                if self.layout.rows_of(ix).start == index {
                    let style = Style::new().fg(self.theme.status(entry.status));
                    buf.set_string(
                        line.x + 1,
                        line.y,
                        status_symbol(entry.status, entry.weak),
                        style,
                    );
                }
            }
            let text = Rect {
                x: line.x + GUTTER,
                width: line.width.saturating_sub(GUTTER + 1),
                ..line
            };
            self.cell(&row, text, buf);
        }
    }
}

impl Pane<'_> {
    fn cell(&self, row: &Row, area: Rect, buf: &mut Buffer) {
        let width = usize::from(area.width);
        match &row.cells[self.side.index()] {
            Cell::Blank => {}
            Cell::Text(runs) => {
                let Some(ix) = row.entry else { return };
                let Some(text) = self.layout.text(ix, self.side) else {
                    return;
                };
                let hits = self.search.map_or(&[][..], |s| s.hits_in(ix, self.side));
                let mut x = area.x;
                for run in runs {
                    for (piece, style) in self.pieces(run, &text.text, hits) {
                        let left = width.saturating_sub(usize::from(x - area.x));
                        x = buf.set_stringn(x, area.y, piece, left, style).0;
                    }
                }
            }
            Cell::Gap(label) => {
                buf.set_style(area, self.theme.gap);
                buf.set_string(area.x, area.y, "╎", self.theme.gap);
                if let Some(label) = label {
                    buf.set_stringn(
                        area.x + 2,
                        area.y,
                        label,
                        width.saturating_sub(2),
                        self.theme.gap,
                    );
                }
            }
            Cell::Note(note) => {
                buf.set_stringn(
                    area.x,
                    area.y,
                    fit_note(note, width),
                    width,
                    self.theme.note,
                );
            }
            Cell::Fold(label) => {
                buf.set_stringn(area.x, area.y, label, width, self.theme.fold);
            }
        }
    }

    /// A run cut at search-hit boundaries, each piece with its style.
    fn pieces<'t>(&self, run: &Run, text: &'t str, hits: &[Hit]) -> Vec<(&'t str, Style)> {
        let base = self.theme.paint(run.ink, run.fact);
        let current = self
            .search
            .and_then(|s| s.current.and_then(|c| s.hits.get(c)));
        let mut out = Vec::new();
        let mut at = run.range.start;
        for hit in hits
            .iter()
            .filter(|h| h.range.start < run.range.end && h.range.end > run.range.start)
        {
            let start = hit.range.start.max(at);
            let end = hit.range.end.min(run.range.end);
            if start > at {
                out.push((&text[at..start], base));
            }
            let style = if current == Some(hit) {
                self.theme.current_hit
            } else {
                self.theme.hit
            };
            out.push((&text[start..end], base.patch(style)));
            at = end;
        }
        if at < run.range.end {
            out.push((&text[at..run.range.end], base));
        }
        out
    }
}

/// What a note's keys say, kept whole when the note is cut to its column.
const NOTE_KEYS: &str = " · Enter: go";

/// A note cut to `width` columns: its quoted excerpt gives way first (ending in "…" inside the
/// quotation marks), so the key that acts on it stays readable; a column too narrow even for
/// that cuts the note's end.
fn fit_note(note: &str, width: usize) -> String {
    use crate::present::wrap::{truncate, width as columns};
    if columns(note) <= width {
        return note.to_string();
    }
    let keys = columns(NOTE_KEYS);
    if let Some(body) = note.strip_suffix(NOTE_KEYS)
        && width > keys + 12
    {
        let room = width - keys;
        return match body.strip_suffix('”') {
            Some(open) => format!("{}”{NOTE_KEYS}", truncate(open, room - 1)),
            None => format!("{}{NOTE_KEYS}", truncate(body, room)),
        };
    }
    truncate(note, width)
}

#[cfg(test)]
mod tests {
    use super::fit_note;
    use crate::present::wrap::width;

    #[test]
    fn a_note_too_wide_cuts_its_excerpt_and_keeps_its_key() {
        let note = "↳ 004 has passage 23 here: “Despite ongoing diplomatic efforts, President…” · Enter: go";
        assert_eq!(fit_note(note, 200), note);
        let cut = fit_note(note, 50);
        assert_eq!(width(&cut), 50, "{cut}");
        assert!(cut.ends_with("…” · Enter: go"), "{cut}");
        assert!(cut.starts_with("↳ 004 has passage 23 here: “"), "{cut}");
        // Too narrow for the key: the note's end goes.
        let narrow = fit_note(note, 16);
        assert!(width(&narrow) <= 16 && narrow.ends_with('…'), "{narrow}");
    }
}
