//! The side-by-side format: the base in the left column, a compared version in the right.
//!
//! Both columns are fitted to `--width` (divider ` │ ` between them), wrapped at word
//! boundaries by display width (CJK and emoji take two columns), and each passage starts on the
//! same row in both: the shorter side is padded. Deleted words are marked in the left column,
//! inserted words in the right (colour, or `[-…-]` / `{+…+}` without it). A passage one side
//! lacks shows a faint `(not in 002)` in that column. Same passages fold as in the inline
//! format; boilerplate is one faint line. With three or more versions there is one section per
//! compared version, each with its own title row and summary, and each section is that pair's
//! own comparison ([`crate::present::pairs`]): what `storydiff BASE VERSION` prints, its
//! passages numbered among its own.

use std::io::{self, Write};

use super::inline::{boilerplate_line, folded_line, write_notes};
use super::style::{Painter, Style};
use super::text::{self, Line, Printed};
use super::{MIN_WIDTH, PrintOptions};
use crate::Analysis;
use crate::model::{Comparison, Passage, PassageStatus, VersionId};
use crate::present::outline::{self, Item, Labels, Scope, Tally};
use crate::present::pairs;
use crate::present::text::{Shown, Side, reading_text};
use crate::visible::visible;

/// The divider between the columns.
const DIVIDER: &str = " │ ";

/// Geometry and what every part of the printer reads.
struct Ctx<'a> {
    comparison: &'a Comparison,
    labels: Labels,
    painter: Painter,
    /// Total width.
    width: usize,
    /// Width of each column.
    column: usize,
}

/// Prints the side-by-side format: the notes of every version, then one section per compared
/// version.
pub fn print(out: &mut impl Write, analysis: &Analysis, options: &PrintOptions) -> io::Result<()> {
    let width = options.width.max(MIN_WIDTH);
    let painter = Painter::new(options.styling);
    let out: &mut dyn Write = out;
    let comparison = &analysis.comparison;
    write_notes(out, comparison, &Labels::new(comparison), painter)?;
    for (n, pair) in pairs::pairs(analysis).into_iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        let ctx = Ctx {
            comparison: &pair.analysis.comparison,
            labels: pair.labels,
            painter,
            width,
            column: (width - text::width(DIVIDER)) / 2,
        };
        write_section(out, &ctx, pair.compared, options.context)?;
    }
    Ok(())
}

fn write_section(
    out: &mut dyn Write,
    ctx: &Ctx,
    version: VersionId,
    context: usize,
) -> io::Result<()> {
    let comparison = ctx.comparison;
    let title = |v: VersionId, suffix: &str| {
        let file = outline::file_name(&comparison.version(v).name);
        let name = format!("{} {}{suffix}", ctx.labels.get(v), visible(file, false));
        vec![Line::styled(
            Style::Header,
            &text::truncate(&name, ctx.column),
        )]
    };
    write_rows(
        out,
        ctx,
        &title(comparison.base, " (base)"),
        &title(version, ""),
    )?;
    let rule = "─".repeat(ctx.column);
    write_full(out, ctx, Style::Faint, &format!("{rule}─┼─{rule}"))?;
    for item in outline::outline(comparison, Scope::Pair(version), context) {
        match item {
            Item::Passage(index) => write_passage(out, ctx, &comparison.passages[index], version)?,
            Item::Folded { count } => write_full(out, ctx, Style::Faint, &folded_line(count))?,
            Item::Boilerplate(index) => {
                let line = boilerplate_line(comparison, &ctx.labels, &comparison.passages[index]);
                write_full(out, ctx, Style::Faint, &line)?;
            }
            Item::MovedHere(moved) => {
                let note = Printed::styled(Style::Note, &moved.line(&ctx.labels));
                write_rows(out, ctx, &[], &note.wrap(ctx.column))?;
            }
        }
    }
    write_full(
        out,
        ctx,
        Style::Faint,
        &Tally::of(comparison, Scope::Pair(version)).summary(),
    )
}

fn write_passage(
    out: &mut dyn Write,
    ctx: &Ctx,
    passage: &Passage,
    version: VersionId,
) -> io::Result<()> {
    let comparison = ctx.comparison;
    let Some(reading) = passage.reading(version) else {
        return Ok(());
    };
    let scope = Scope::Pair(version);
    let header = outline::header(comparison, &ctx.labels, passage, scope);
    let divergent =
        outline::status(comparison, passage, scope).is_some_and(PassageStatus::is_divergent);
    let style = if divergent {
        Style::Header
    } else {
        Style::Faint
    };
    write_full(out, ctx, style, &header)?;
    let side = |side: Side, v: VersionId| {
        let body = reading_text(comparison, passage, reading, Shown::Side(side));
        if body.is_empty() {
            let gap = format!("(not in {})", ctx.labels.get(v));
            vec![Line::styled(
                Style::Faint,
                &text::truncate(&gap, ctx.column),
            )]
        } else {
            Printed::from_text(&body, ctx.painter).wrap(ctx.column)
        }
    };
    write_rows(
        out,
        ctx,
        &side(Side::Base, comparison.base),
        &side(Side::Compared, version),
    )
}

/// Writes two columns row by row; the shorter one is padded so both end on the same row.
fn write_rows(out: &mut dyn Write, ctx: &Ctx, left: &[Line], right: &[Line]) -> io::Result<()> {
    let empty = Line::default();
    for row in 0..left.len().max(right.len()) {
        let l = left.get(row).unwrap_or(&empty);
        let r = right.get(row).unwrap_or(&empty);
        l.write(out, ctx.painter)?;
        write!(out, "{}", " ".repeat(ctx.column.saturating_sub(l.width)))?;
        ctx.painter.write(out, Style::Faint, DIVIDER.trim_end())?;
        if r.width > 0 {
            write!(out, " ")?;
            r.write(out, ctx.painter)?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Writes a line across both columns, wrapped to the full width.
fn write_full(out: &mut dyn Write, ctx: &Ctx, style: Style, line: &str) -> io::Result<()> {
    for line in Printed::styled(style, line).wrap(ctx.width) {
        line.write(out, ctx.painter)?;
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
