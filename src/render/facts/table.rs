//! The facts table itself: a row of cells per fact, column widths fitted to the output width,
//! and the block layout that takes over when the version columns would be too narrow.

use std::io::{self, Write};

use super::cell::Cell;
use crate::model::VersionId;
use crate::present::facts::FactRow;
use crate::present::outline::Labels;
use crate::render::style::{Painter, Style, Styling};
use crate::render::text;

/// The narrowest a version column may get before the table turns into blocks.
pub const MIN_CELL: usize = 8;

/// Spaces between two columns.
const GAP: usize = 2;

/// One fact's row as printed: the leading columns and one cell per version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    passage: String,
    kind: &'static str,
    status: &'static str,
    cells: Vec<Cell>,
    /// A low-stakes row (missing weekdays and months, agreeing facts), printed faint.
    quiet: bool,
}

impl Row {
    /// The printed row of a row of the facts table.
    pub fn of(row: &FactRow, styling: Styling) -> Self {
        let quiet = row.section.is_quiet();
        Self {
            passage: row.number.to_string(),
            kind: row.kind.name(),
            status: row.status_name,
            cells: row
                .cells
                .iter()
                .map(|c| Cell::of(c, row.kind, styling, quiet))
                .collect(),
            quiet,
        }
    }

    fn lead_style(&self) -> Style {
        if self.quiet {
            Style::Faint
        } else {
            Style::Plain
        }
    }
}

/// How rows are laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Arrangement {
    /// A table: widths of the passage, kind and status columns, then of each version's.
    Columns {
        lead: [usize; 3],
        versions: Vec<usize>,
    },
    /// One block per fact: a line naming it, then a line per version.
    Blocks,
}

/// The fitted table, ready to write rows.
pub struct Table<'a> {
    labels: &'a Labels,
    versions: usize,
    painter: Painter,
    width: usize,
    arrangement: Arrangement,
}

impl<'a> Table<'a> {
    /// Fits the columns of these rows into `width` columns.
    pub fn fit(
        rows: &[Row],
        labels: &'a Labels,
        versions: usize,
        width: usize,
        painter: Painter,
    ) -> Self {
        let widest = |w: &dyn Fn(&Row) -> usize, header: &str| {
            rows.iter()
                .map(w)
                .max()
                .unwrap_or(0)
                .max(text::width(header))
        };
        let lead = [
            widest(&|r| text::width(&r.passage), "#"),
            widest(&|r| text::width(r.kind), "kind"),
            widest(&|r| text::width(r.status), "status"),
        ];
        let natural: Vec<usize> = (0..versions)
            .map(|v| widest(&|r| r.cells[v].width(), labels.get(VersionId(v))))
            .collect();
        let fixed = lead.iter().sum::<usize>() + GAP * (lead.len() + versions - 1);
        let arrangement = match width
            .checked_sub(fixed)
            .and_then(|room| share(&natural, room))
        {
            Some(versions) => Arrangement::Columns { lead, versions },
            None => Arrangement::Blocks,
        };
        Self {
            labels,
            versions,
            painter,
            width,
            arrangement,
        }
    }

    /// The column header (`#  kind  status  000  001 …`); nothing in the block layout.
    pub fn write_header(&self, out: &mut dyn Write) -> io::Result<()> {
        let Arrangement::Columns { lead, versions } = &self.arrangement else {
            return Ok(());
        };
        let mut columns = vec![
            Column::right("#", Style::Plain, lead[0]),
            Column::left(vec!["kind".into()], Style::Plain, lead[1]),
            Column::left(vec!["status".into()], Style::Plain, lead[2]),
        ];
        for (v, &w) in versions.iter().enumerate() {
            let label = self.labels.get(VersionId(v)).to_string();
            columns.push(Column::left(vec![label], Style::Plain, w));
        }
        write_columns(out, self.painter, &columns)
    }

    /// Writes one fact's row (or block).
    pub fn write_row(&self, out: &mut dyn Write, row: &Row) -> io::Result<()> {
        match &self.arrangement {
            Arrangement::Columns { lead, versions } => {
                let style = row.lead_style();
                let mut columns = vec![
                    Column::right(&row.passage, style, lead[0]),
                    Column::left(vec![row.kind.into()], style, lead[1]),
                    Column::left(vec![row.status.into()], style, lead[2]),
                ];
                for (cell, &w) in row.cells.iter().zip(versions) {
                    columns.push(Column::left(cell.lines(w), cell.style, w));
                }
                write_columns(out, self.painter, &columns)
            }
            Arrangement::Blocks => self.write_block(out, row),
        }
    }

    /// `33  name  spelling`, then `  000  Gen. Chris Donahue` for each version.
    fn write_block(&self, out: &mut dyn Write, row: &Row) -> io::Result<()> {
        let title = format!("passage {} · {} · {}", row.passage, row.kind, row.status);
        let title = text::truncate(&title, self.width);
        self.painter.write(out, row.lead_style(), &title)?;
        writeln!(out)?;
        let label_width = (0..self.versions)
            .map(|v| text::width(self.labels.get(VersionId(v))))
            .max()
            .unwrap_or(0);
        let indent = 2 + label_width + GAP;
        for (v, cell) in row.cells.iter().enumerate() {
            let label = Column::left(
                vec![self.labels.get(VersionId(v)).into()],
                Style::Plain,
                label_width,
            );
            let lines = cell.lines(self.width.saturating_sub(indent).max(1));
            let columns = [
                Column::left(vec![String::new()], Style::Plain, 0),
                label,
                Column::left(lines, cell.style, self.width.saturating_sub(indent)),
            ];
            write_columns(out, self.painter, &columns)?;
        }
        Ok(())
    }
}

/// Widths for columns that would like `natural` widths and must share `room` columns: all
/// natural when they fit; else the widest are narrowed to a common cap, and any columns left
/// over go to them. `None` when the cap would fall below [`MIN_CELL`].
fn share(natural: &[usize], room: usize) -> Option<Vec<usize>> {
    if natural.iter().sum::<usize>() <= room {
        return Some(natural.to_vec());
    }
    let used = |cap: usize| natural.iter().map(|&w| w.min(cap)).sum::<usize>();
    let mut cap = natural.iter().copied().max().unwrap_or(0);
    while cap > 0 && used(cap) > room {
        cap -= 1;
    }
    if cap < MIN_CELL {
        return None;
    }
    let mut spare = room - used(cap);
    Some(
        natural
            .iter()
            .map(|&w| {
                if w > cap && spare > 0 {
                    spare -= 1;
                    cap + 1
                } else {
                    w.min(cap)
                }
            })
            .collect(),
    )
}

/// One column of one row: its lines, style, width and alignment.
struct Column {
    lines: Vec<String>,
    style: Style,
    width: usize,
    right: bool,
}

impl Column {
    fn left(lines: Vec<String>, style: Style, width: usize) -> Self {
        Self {
            lines,
            style,
            width,
            right: false,
        }
    }

    fn right(text: &str, style: Style, width: usize) -> Self {
        Self {
            lines: vec![text.to_string()],
            style,
            width,
            right: true,
        }
    }
}

/// Writes columns side by side, as many lines as the tallest; no trailing spaces.
fn write_columns<'c>(
    out: &mut dyn Write,
    painter: Painter,
    columns: &'c [Column],
) -> io::Result<()> {
    let height = columns.iter().map(|c| c.lines.len()).max().unwrap_or(0);
    for i in 0..height {
        let line = |c: &'c Column| -> &'c str { c.lines.get(i).map_or("", String::as_str) };
        let Some(last) = columns.iter().rposition(|c| !line(c).is_empty()) else {
            writeln!(out)?;
            continue;
        };
        for (j, column) in columns[..=last].iter().enumerate() {
            let text = line(column);
            let pad = column.width.saturating_sub(text::width(text));
            if j > 0 {
                write!(out, "{:GAP$}", "")?;
            }
            if column.right {
                write!(out, "{:pad$}", "")?;
            }
            painter.write(out, column.style, text)?;
            if !column.right && j < last {
                write!(out, "{:pad$}", "")?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_that_fit_keep_their_natural_widths() {
        assert_eq!(share(&[10, 20, 5], 40), Some(vec![10, 20, 5]));
    }

    #[test]
    fn the_widest_columns_are_narrowed_first_and_get_the_spare_columns() {
        assert_eq!(share(&[10, 40, 30], 50), Some(vec![10, 20, 20]));
        assert_eq!(share(&[10, 40, 30], 51), Some(vec![10, 21, 20]));
    }

    #[test]
    fn columns_narrower_than_the_minimum_mean_blocks() {
        assert_eq!(share(&[30, 30, 30], 3 * MIN_CELL - 1), None);
        assert!(share(&[30, 30, 30], 3 * MIN_CELL).is_some());
    }
}
