//! The facts format (`--format facts`): the facts that drift, go missing or are misquoted
//! between versions, one row per fact and one column per version — what a fact-checker reads
//! first. The table, its sections, rows and cells come from [`crate::present::facts`] (the viewer's
//! facts panel and the report show the same one); this module only lays it out.
//!
//! ```text
//!  #  kind      status    000                 001                 002                 003                004
//! ── drifted (4): the versions give different values
//! 32  date      drift     January             January             January             ‹January 2017›     January
//! 33  name      spelling  Gen. Chris Donahue  Gen Chris Donahue   Europe Gen. Chris   General Chris      ‹Europe Gen Chris
//!                                                                 Donahue             Donahue            Donohue›
//! 50  date      drift     —                   —                   ‹2024›              ‹2020›             —
//! ── misquoted (4): a quotation is worded differently
//! 21  quote     misquote  “does not need any  ‹“the Ukrainians    ‹"capitulation."›   ·                  ‹—›
//!                         kind of…            categorically…›
//!     001 vs 000: [-does not need any kind-] {+the Ukrainians categorically reject any form+} of capitulation.
//!     002 vs 000: [-does not need any kind of-] capitulation.
//! ── left out (10): the consensus states the fact, some versions do not
//! 23  number    left out  22                  22                  22                  ‹—›                22
//! ```
//!
//! - A legend names each version's short label, as in the other printers, and a key says what
//!   the marks mean.
//! - `#` is the passage, numbered as in the other formats' headers (`── passage 33/67`).
//! - Rows come in sections, the ones that matter most first: drifted values (`spelling` when a
//!   name is spelt a letter or two differently), misquotes, facts the consensus states and some
//!   versions leave out, extra facts only some versions state, then missing weekdays and months
//!   on their own, faint — a rewrite that drops "on Wednesday" rarely changes the story, and
//!   there are many. `--all` adds the agreeing facts. Within a section, rows follow the story.
//! - A cell is the fact as that version writes it; `—`: the version carries the passage but
//!   does not state the fact; `·`: the version lacks the passage. A cell that strays from the
//!   consensus is bold yellow, or without colour bracketed `‹…›`. Quotations are cut to two
//!   lines with `…`; under a misquote, each deviating wording is word-diffed against the
//!   consensus wording.
//! - A summary line counts the facts by status, then each version's outlier score (facts that
//!   drift, are misquoted, left out or extra; passages added or removed, all against the
//!   consensus) says which copy strays from the story.
//!
//! The table fits `--width` (display width, so CJK and emoji count two columns): the version
//! columns share what the leading columns leave, the widest narrowed first, and cells wrap at
//! word boundaries. When a version column would get fewer than 8 columns,
//! each fact is printed as a block, one line per version, instead.

mod cell;
mod distribution;
mod misquote;
mod summary;
mod table;

use std::io::{self, Write};

use super::style::{Painter, Style, Styling};
use super::text::{self, Line, Printed};
use super::{FactRows, PrintOptions};
use crate::facts::FactReport;
use crate::model::Comparison;
use crate::present::facts::{FactsTable, Section};
use crate::present::outline::Labels;
use crate::visible::visible;
use table::{Row, Table};

/// Prints the facts format.
pub fn print(
    out: &mut impl Write,
    comparison: &Comparison,
    report: &FactReport,
    options: &PrintOptions,
) -> io::Result<()> {
    let out: &mut dyn Write = out;
    let table = FactsTable::build(comparison, report, options.facts);
    let painter = Painter::new(options.styling);
    let width = options.width;
    write_legend(out, comparison, &table.labels, painter, width)?;
    if !table.rows.is_empty() {
        writeln!(out)?;
        write_key(out, painter, options.styling, width, &table)?;
    }
    if table.many {
        // Many versions: one line per fact, its readings as a distribution.
        let view = distribution::View {
            labels: &table.labels,
            painter,
            width,
            bracket: options.styling == Styling::Plain,
        };
        if !table.rows.is_empty() {
            distribution::write_header(out, painter, width)?;
        }
        for (section, rows) in table.sections() {
            write_title(out, painter, width, section, rows.len())?;
            for row in rows {
                distribution::write_fact(out, &view, row)?;
            }
        }
    } else {
        write_table(out, &table, options)?;
    }
    writeln!(out)?;
    let mut summary = table.tally.summary();
    if options.facts == FactRows::Divergent && table.tally.of(Section::Agreeing) > 0 {
        summary.push_str(" (--all lists them)");
    }
    write_wrapped(out, painter, Style::Faint, &summary, width, 2)?;
    summary::write_scores(
        out,
        comparison,
        &table.labels,
        painter,
        width,
        &report.outliers,
    )
}

/// `── left out (10): the consensus states the fact, some versions do not`.
fn write_title(
    out: &mut dyn Write,
    painter: Painter,
    width: usize,
    section: Section,
    rows: usize,
) -> io::Result<()> {
    let title = format!("── {} ({rows}): {}", section.name(), section.meaning());
    write_wrapped(out, painter, Style::Header, &title, width, 3)
}

/// One row per fact and one column per version, each misquote's word diffs under its row.
fn write_table(out: &mut dyn Write, table: &FactsTable, options: &PrintOptions) -> io::Result<()> {
    let painter = Painter::new(options.styling);
    let width = options.width;
    let rows: Vec<Row> = table
        .rows
        .iter()
        .map(|r| Row::of(r, options.styling))
        .collect();
    let fitted = Table::fit(&rows, &table.labels, table.versions, width, painter);
    if !rows.is_empty() {
        fitted.write_header(out)?;
    }
    let mut at = 0;
    for (section, facts) in table.sections() {
        write_title(out, painter, width, section, facts.len())?;
        for fact in facts {
            fitted.write_row(out, &rows[at])?;
            at += 1;
            for misquote in &fact.misquotes {
                misquote::write_misquote(out, painter, width, misquote)?;
            }
        }
    }
    Ok(())
}

/// `000 = 000_cda5….txt (base)` for each version, then its notes; cut to the width.
fn write_legend(
    out: &mut dyn Write,
    comparison: &Comparison,
    labels: &Labels,
    painter: Painter,
    width: usize,
) -> io::Result<()> {
    for version in &comparison.versions {
        let base = if version.id == comparison.base {
            " (base)"
        } else {
            ""
        };
        let name = visible(&version.name, false);
        let line = format!("{} = {name}{base}", labels.get(version.id));
        write_line(out, painter, Style::Plain, &text::truncate(&line, width))?;
    }
    for version in &comparison.versions {
        for note in &version.notes {
            let line = format!("{}: {}", labels.get(version.id), visible(note, false));
            write_line(out, painter, Style::Faint, &text::truncate(&line, width))?;
        }
    }
    Ok(())
}

/// What the marks in the cells mean.
fn write_key(
    out: &mut dyn Write,
    painter: Painter,
    styling: Styling,
    width: usize,
    table: &FactsTable,
) -> io::Result<()> {
    let mut key = Printed::default();
    match styling {
        Styling::Plain => key.push(Style::Faint, "‹…›"),
        Styling::Color => key.push(Style::Outlier, "yellow"),
    }
    key.push(
        Style::Faint,
        if table.pair {
            " differs from the base"
        } else {
            " strays from the consensus"
        },
    );
    key.push(
        Style::Faint,
        "; — the version leaves the fact out; · it lacks the passage; # is the passage, \
         numbered as in the other formats",
    );
    if table.rescued {
        key.push(
            Style::Faint,
            "; ⇄ matched by value in another passage, where the alignment paired neither \
             sentence",
        );
    }
    for line in key.wrap(width) {
        line.write(out, painter)?;
        writeln!(out)?;
    }
    Ok(())
}

/// Writes `lead` then `body` wrapped beside it, continuation lines indented to the lead's width;
/// when that leaves too little room, the lead gets a line of its own and the body is indented
/// by two.
fn write_hanging(
    out: &mut dyn Write,
    painter: Painter,
    lead: &str,
    body: &Printed,
    width: usize,
) -> io::Result<()> {
    let mut lead = lead.to_string();
    let mut indent = text::width(&lead);
    if width < indent + table::MIN_CELL {
        let own_line = text::truncate(lead.trim_end(), width);
        write_line(out, painter, Style::Plain, &own_line)?;
        lead = "  ".to_string();
        indent = 2;
    }
    for (i, line) in body
        .wrap(width.saturating_sub(indent).max(1))
        .iter()
        .enumerate()
    {
        if i == 0 {
            out.write_all(lead.as_bytes())?;
        } else {
            write!(out, "{:indent$}", "")?;
        }
        line.write(out, painter)?;
        writeln!(out)?;
    }
    Ok(())
}

/// Writes text in one style, as it is when it fits `width`, else wrapped with continuation lines
/// indented by `indent` (every line is wrapped to `width - indent`, so the indented ones fit).
fn write_wrapped(
    out: &mut dyn Write,
    painter: Painter,
    style: Style,
    text: &str,
    width: usize,
    indent: usize,
) -> io::Result<()> {
    if text::width(text) <= width {
        return write_line(out, painter, style, text);
    }
    for (i, line) in Printed::styled(style, text)
        .wrap(width.saturating_sub(indent).max(1))
        .iter()
        .enumerate()
    {
        if i > 0 {
            write!(out, "{:indent$}", "")?;
        }
        line.write(out, painter)?;
        writeln!(out)?;
    }
    Ok(())
}

fn write_line(out: &mut dyn Write, painter: Painter, style: Style, text: &str) -> io::Result<()> {
    Line::styled(style, text).write(out, painter)?;
    writeln!(out)
}

#[cfg(test)]
mod tests;
