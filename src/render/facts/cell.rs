//! One cell of the facts table: a version's reading of a fact (or a mark for its absence),
//! its style, and its text wrapped to a column.

use crate::facts::FactKind;
use crate::present::facts::{self, Stance};
use crate::render::style::{Style, Styling};
use crate::render::text::{self, Printed};

/// Lines a quotation may fill in a cell; the rest is cut with `…` (a misquote's word diff,
/// printed under its row, shows the whole wording).
const QUOTE_LINES: usize = 2;

/// A version's cell as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The text on one line, made visible, without brackets.
    text: String,
    /// How it is painted.
    pub(super) style: Style,
    /// Lines it may wrap onto.
    max_lines: usize,
    /// Whether the text is bracketed `‹…›` (an outlier without colour).
    bracketed: bool,
}

impl Cell {
    /// The printed cell of a facts-table cell; `quiet`: the row is a low-stakes one.
    pub(super) fn of(cell: &facts::Cell, kind: FactKind, styling: Styling, quiet: bool) -> Self {
        let style = if cell.strays {
            Style::Outlier
        } else if quiet || matches!(cell.stance, Stance::LeftOut | Stance::Lacks) {
            Style::Faint
        } else {
            Style::Plain
        };
        Self {
            text: cell.text.clone(),
            style,
            max_lines: if kind == FactKind::Quote {
                QUOTE_LINES
            } else {
                usize::MAX
            },
            bracketed: cell.strays && styling == Styling::Plain,
        }
    }

    /// Display width on one line, brackets included.
    pub(super) fn width(&self) -> usize {
        text::width(&self.text) + if self.bracketed { 2 } else { 0 }
    }

    /// The text wrapped at word boundaries into lines of at most `width` columns. Brackets go
    /// around the whole text (before the first line, after the last), so the text is wrapped
    /// two columns narrower and a bracket never stands on a line of its own.
    pub(super) fn lines(&self, width: usize) -> Vec<String> {
        let inner = if self.bracketed {
            width.saturating_sub(2).max(1)
        } else {
            width
        };
        let mut lines: Vec<String> = Printed::styled(Style::Plain, &self.text)
            .wrap(inner)
            .into_iter()
            .map(|line| line.pieces.into_iter().map(|p| p.text).collect())
            .collect();
        if lines.len() > self.max_lines {
            lines.truncate(self.max_lines);
            if let Some(last) = lines.last_mut() {
                *last = cut(last, inner);
            }
        }
        if self.bracketed {
            if let Some(first) = lines.first_mut() {
                first.insert(0, '‹');
            }
            if let Some(last) = lines.last_mut() {
                last.push('›');
            }
        }
        lines
    }
}

/// A line ending in `…` within `width`: whole words dropped from its end when there are
/// several, else cut between characters.
fn cut(line: &str, width: usize) -> String {
    let mut kept = line;
    while text::width(kept) + 1 > width {
        match kept.rsplit_once(' ') {
            Some((head, _)) if !head.is_empty() => kept = head,
            _ => return text::truncate(&format!("{kept}…"), width),
        }
    }
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_drops_whole_words_when_it_can() {
        assert_eq!(cut("and Europeans on", 16), "and Europeans…");
        assert_eq!(cut("short", 10), "short…");
        assert_eq!(cut("Unbreakable", 6), "Unbre…");
    }

    #[test]
    fn a_long_quotation_is_cut_to_two_lines_inside_its_brackets() {
        let cell = Cell {
            text: "“one two three four five six seven eight nine ten”".to_string(),
            style: Style::Outlier,
            max_lines: QUOTE_LINES,
            bracketed: true,
        };
        let lines = cell.lines(12);
        assert_eq!(lines.len(), 2);
        assert!(
            lines[0].starts_with('‹') && lines[1].ends_with("…›"),
            "{lines:?}"
        );
        assert!(lines.iter().all(|l| text::width(l) <= 12), "{lines:?}");
    }
}
