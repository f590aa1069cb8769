//! The facts of many versions (a dozen and up): one line per fact giving the distribution of
//! its readings, with the versions that depart named, instead of one column per version.
//!
//! ```text
//!   #  kind     status    readings (× versions; the versions that depart)
//!  12  number   drift     26 ×198 · 27 ×2: v017 v088
//!  31  name     missing   Col. David Butler ×180 · — ×12: v003 v009 … +4 · · ×8
//! ```
//!
//! The most common reading comes first, unnamed; every other reading lists its versions (eight
//! at most, then a count). `—` counts versions that carry the passage and leave the fact out,
//! `·` versions that lack the passage. A wire story republished by 200 outlets prints as many
//! lines as it has facts that differ, however many versions there are.

use std::io::{self, Write};

use super::write_hanging;
use crate::present::facts::{FactRow, version_list};
use crate::present::outline::Labels;
use crate::render::style::{Painter, Style};
use crate::render::text::{self, Line, Printed};

/// Widest a reading is shown, in columns.
const READING_WIDTH: usize = 48;

/// The header line above the rows.
pub(super) fn write_header(out: &mut dyn Write, painter: Painter, width: usize) -> io::Result<()> {
    let line = "   #  kind      status    readings: value ×versions, then the versions that depart";
    let line = text::truncate(line, width);
    Line::styled(Style::Header, &line).write(out, painter)?;
    writeln!(out)
}

/// What the lines are written for.
pub(super) struct View<'a> {
    pub labels: &'a Labels,
    pub painter: Painter,
    pub width: usize,
    /// Without colour: departures are bracketed `‹…›`.
    pub bracket: bool,
}

/// One fact as a line (wrapped to the width): passage, kind, status, then its readings.
pub(super) fn write_fact(out: &mut dyn Write, view: &View<'_>, row: &FactRow) -> io::Result<()> {
    let View {
        labels,
        painter,
        width,
        bracket,
    } = *view;
    let lead = format!(
        "{:>4}  {:<8}  {:<8}  ",
        row.number,
        row.kind.name(),
        row.status_name
    );
    let plain = if row.section.is_quiet() {
        Style::Faint
    } else {
        Style::Plain
    };
    let mut body = Printed::default();
    for (i, group) in row.groups.iter().enumerate() {
        if i > 0 {
            body.push(Style::Faint, " · ");
        }
        let style = if group.strays { Style::Outlier } else { plain };
        // Without colour, a departure is bracketed as in the table: ‹27 ×2: 017 088›.
        let (open, close) = if group.strays && bracket {
            ("‹", "›")
        } else {
            ("", "")
        };
        let reading = text::truncate(&group.text, READING_WIDTH);
        let count = format!("{open}{reading} ×{}", group.versions.len());
        // The largest group is the norm; the others are the departures, named.
        if i > 0 && group.named {
            body.push(style, &count);
            body.push(Style::Faint, ": ");
            body.push(
                style,
                &format!("{}{close}", version_list(labels, &group.versions)),
            );
        } else {
            body.push(style, &format!("{count}{close}"));
        }
    }
    write_hanging(out, painter, &lead, &body, width)
}
