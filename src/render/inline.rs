//! The inline format: passage by passage, the base text with word changes marked in place, like
//! `git diff --color-words` (deleted red, inserted green, the differing letters of a word changed
//! by a letter or two bold and underlined) or, without colour, like wdiff (`[-old-]{+new+}`).
//!
//! Layout:
//! - a legend names each version's short label (`000 = 000_cda5….txt (base)`) and its notes;
//! - each divergent passage gets a header, `── passage 4/31 · changed · 72% · 000 ¶3 ↔ 002 ¶2`,
//!   then its text; runs of same passages fold to `… 5 same passages …` (`--context N` shows N
//!   of them around each change); a moved passage's header says where it went, and a
//!   `↳ passage 4 stands here in 002 (moved)` line marks the place it went to; boilerplate is one
//!   faint line, `· boilerplate: "Table of Contents" (003)`;
//! - with three or more versions the header names the base's place only; versions that read the
//!   passage as the base does, or lack it, are listed on one line (`same in 001, 003 · removed in
//!   004`), and every version that reads it differently gets a sub-header (`▸ 002 ¶2 · changed ·
//!   72%`) followed by the base text marked against that version;
//! - a summary line counts passages by status, boilerplate apart.
//!
//! With three or more versions the passage headers are those of the table all versions share
//! (its numbers are the ones the facts table, the JSON and the presence view use): putting
//! every version's reading of a passage under one header needs one grouping of the base for all
//! of them, which can be coarser than a pair's own. Under a header, each version that reads the
//! passage differently is shown as its own comparison with the base has it
//! ([`crate::present::pairs`]): one sub-header per passage of `storydiff BASE VERSION` that
//! stands there, so a version is paired and marked exactly as when the two are compared alone.
//!
//! Lines are not wrapped: the terminal or pager does that.

use std::fmt::Write as _;
use std::io::{self, Write};

use rayon::prelude::*;

use super::PrintOptions;
use super::style::{Painter, Style};
use super::text::{self, Line, Printed};
use crate::Analysis;
use crate::model::{Comparison, Passage, PassageStatus, Reading, VersionId};
use crate::present::outline::{self, Item, Labels, Scope, Tally};
use crate::present::pairs::{PairView, Placement, pairs, shows_reading};
use crate::present::text::{Ink, Lines, Shown, Side, Texts, reading_text};
use crate::visible::visible;

/// What every part of the printer reads.
struct Ctx<'a> {
    comparison: &'a Comparison,
    labels: Labels,
    painter: Painter,
    /// With three or more versions, by loaded version number: the compared version's own
    /// comparison with the base and where its passages stand in the table.
    pairs: Vec<Option<(PairView<'a>, Placement)>>,
}

/// Prints the inline format.
pub fn print(out: &mut impl Write, analysis: &Analysis, options: &PrintOptions) -> io::Result<()> {
    let comparison = &analysis.comparison;
    let mut own: Vec<Option<(PairView, Placement)>> = vec![None; comparison.versions.len()];
    if comparison.versions.len() > 2 {
        for view in pairs(analysis) {
            let loaded = view.loaded.0;
            let placement = view.placement(comparison);
            own[loaded] = Some((view, placement));
        }
    }
    let ctx = Ctx {
        comparison,
        labels: Labels::new(comparison),
        painter: Painter::new(options.styling),
        pairs: own,
    };
    let out: &mut dyn Write = out;
    write_legend(out, &ctx)?;
    let items = outline::outline(comparison, Scope::All, options.context);
    // Items print independently: a window of them is formatted on all cores, a chunk per
    // buffer, and written in order (a book's diff is tens of thousands of passages).
    for (w, window) in items.chunks(WINDOW).enumerate() {
        let buffers: Vec<Vec<u8>> = window
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(c, chunk)| {
                let first = w * WINDOW + c * CHUNK;
                let mut buffer = Vec::with_capacity(chunk.len() * 256);
                for (k, &item) in chunk.iter().enumerate() {
                    let previous = (first + k).checked_sub(1).map(|p| items[p]);
                    write_item(&mut buffer, &ctx, previous, item)?;
                }
                Ok(buffer)
            })
            .collect::<io::Result<_>>()?;
        for buffer in buffers {
            out.write_all(&buffer)?;
        }
    }
    writeln!(out)?;
    write_line(
        out,
        ctx.painter,
        Style::Faint,
        &Tally::of(comparison, Scope::All).summary(),
    )
}

/// Outline items formatted on all cores before a write.
const WINDOW: usize = 4096;
/// Outline items formatted into one buffer.
const CHUNK: usize = 64;

/// One outline item, after a blank line if it or the one before is a passage.
fn write_item(
    out: &mut dyn Write,
    ctx: &Ctx,
    previous: Option<Item>,
    item: Item,
) -> io::Result<()> {
    let comparison = ctx.comparison;
    // Passages are separated by a blank line; one-line items stack.
    let block = |i: Option<Item>| matches!(i, Some(Item::Passage(_)));
    if previous.is_none() || block(previous) || block(Some(item)) {
        writeln!(out)?;
    }
    match item {
        Item::Passage(index) => write_passage(out, ctx, &comparison.passages[index]),
        Item::Folded { count } => write_folded(out, ctx.painter, count),
        Item::Boilerplate(index) => {
            let line = boilerplate_line(comparison, &ctx.labels, &comparison.passages[index]);
            write_line(out, ctx.painter, Style::Faint, &line)
        }
        Item::MovedHere(moved) => {
            write_line(out, ctx.painter, Style::Note, &moved.line(&ctx.labels))
        }
    }
}

/// `000 = 000_cda5….txt (base)` for each version, then its notes.
fn write_legend(out: &mut dyn Write, ctx: &Ctx) -> io::Result<()> {
    for version in &ctx.comparison.versions {
        let base = if version.id == ctx.comparison.base {
            " (base)"
        } else {
            ""
        };
        let name = visible(&version.name, false);
        write_line(
            out,
            ctx.painter,
            Style::Plain,
            &format!("{} = {name}{base}", ctx.labels.get(version.id)),
        )?;
    }
    write_notes(out, ctx.comparison, &ctx.labels, ctx.painter)
}

/// `001: repaired 14 mojibake sequences`, one faint line per note.
pub fn write_notes(
    out: &mut dyn Write,
    comparison: &Comparison,
    labels: &Labels,
    painter: Painter,
) -> io::Result<()> {
    for version in &comparison.versions {
        for note in &version.notes {
            let line = format!("{}: {}", labels.get(version.id), visible(note, false));
            write_line(out, painter, Style::Faint, &line)?;
        }
    }
    Ok(())
}

fn write_passage(out: &mut dyn Write, ctx: &Ctx, passage: &Passage) -> io::Result<()> {
    let comparison = ctx.comparison;
    let header = outline::header(comparison, &ctx.labels, passage, Scope::All);
    let style = if passage.status.is_divergent() {
        Style::Header
    } else {
        Style::Faint
    };
    write_line(out, ctx.painter, style, &header)?;
    if let [reading] = passage.readings.as_slice() {
        let body = reading_text(comparison, passage, reading, Shown::Both);
        return write_text(out, ctx.painter, &Printed::from_text(&body, ctx.painter));
    }
    write_readings(out, ctx, passage)
}

/// The readings of three or more versions: the agreeing and missing ones on one line, then each
/// differing one with its own sub-header and marked text.
fn write_readings(out: &mut dyn Write, ctx: &Ctx, passage: &Passage) -> io::Result<()> {
    let comparison = ctx.comparison;
    let carries = |v: VersionId| passage.span(v).is_some();
    let with = |status: PassageStatus| -> Vec<VersionId> {
        passage
            .readings
            .iter()
            .filter(|r| {
                r.status == status && (carries(r.version) || status == PassageStatus::Removed)
            })
            .map(|r| r.version)
            .collect()
    };
    let groups: Vec<String> = [
        ("same in", with(PassageStatus::Same)),
        ("removed in", with(PassageStatus::Removed)),
    ]
    .into_iter()
    .filter(|(_, versions)| !versions.is_empty())
    .map(|(what, versions)| format!("{what} {}", ctx.labels.list(versions)))
    .collect();
    let differing: Vec<_> = passage
        .readings
        .iter()
        .filter(|r| shows_reading(passage, r.version))
        .collect();
    if differing.is_empty() {
        // Nobody rewrote it: show the base text once, struck out if every version dropped it.
        let ink = if with(PassageStatus::Same).is_empty() {
            Ink::Removed
        } else {
            Ink::Same
        };
        if let Some(span) = passage.span(comparison.base) {
            let base = comparison.base_version();
            let body = Texts::new(base, base).with_lines(Lines::Kept).plain(
                Side::Base,
                span.range.clone(),
                ink,
            );
            write_text(out, ctx.painter, &Printed::from_text(&body, ctx.painter))?;
        }
    }
    if !groups.is_empty() {
        write_line(
            out,
            ctx.painter,
            Style::Faint,
            &format!("  {}", groups.join(" · ")),
        )?;
    }
    for reading in differing {
        let Some((view, placement)) = &ctx.pairs[reading.version.0] else {
            write_table_reading(out, ctx, passage, reading)?;
            continue;
        };
        let within = placement.within(passage.index);
        for &index in within {
            write_pair_reading(out, ctx, view, index, reading)?;
        }
        if within.is_empty() {
            write_shown_elsewhere(out, ctx, passage, reading, placement)?;
        }
    }
    Ok(())
}

/// A version's reading whose text its own comparison with the base pairs elsewhere: where it
/// is shown (`  ▸ 001 ¶5 · with passage 7`), or the table's reading if it is shown nowhere.
fn write_shown_elsewhere(
    out: &mut dyn Write,
    ctx: &Ctx,
    passage: &Passage,
    reading: &Reading,
    placement: &Placement,
) -> io::Result<()> {
    let comparison = ctx.comparison;
    let Some(span) = passage.span(reading.version) else {
        return Ok(());
    };
    let homes = placement.shown_elsewhere(&span.range, passage.index);
    if homes.is_empty() {
        return write_table_reading(out, ctx, passage, reading);
    }
    let place =
        outline::location(comparison, &ctx.labels, passage, reading.version).unwrap_or_default();
    let list: Vec<String> = homes
        .iter()
        .map(|&h| outline::ordinal(h).to_string())
        .collect();
    let passages = if list.len() == 1 {
        "passage"
    } else {
        "passages"
    };
    let line = format!("  ▸ {place} · with {passages} {}", list.join(", "));
    write_line(out, ctx.painter, Style::Faint, &line)
}

/// A version's reading as the table has it (two versions, or a reading the pair's own
/// comparison places nowhere in this passage).
fn write_table_reading(
    out: &mut dyn Write,
    ctx: &Ctx,
    passage: &Passage,
    reading: &Reading,
) -> io::Result<()> {
    let comparison = ctx.comparison;
    {
        let mut sub = format!(
            "  ▸ {}",
            outline::location(comparison, &ctx.labels, passage, reading.version)
                .unwrap_or_default()
        );
        let _ = write!(sub, " · {}", reading.status.name());
        if let Some(figures) = outline::figures(reading) {
            let _ = write!(sub, " · {figures}");
        }
        if let Some(moved) = outline::moved_to(&ctx.labels, reading.version, reading.placement) {
            let _ = write!(sub, " · {moved}");
        }
        write_line(out, ctx.painter, Style::Header, &sub)?;
        let body = reading_text(comparison, passage, reading, Shown::Both);
        write_text(out, ctx.painter, &Printed::from_text(&body, ctx.painter))?;
    }
    Ok(())
}

/// One passage of a version's own comparison with the base (`view`), standing in a passage of
/// the table where `table` is the version's reading: its own sub-header and marked text.
fn write_pair_reading(
    out: &mut dyn Write,
    ctx: &Ctx,
    view: &PairView,
    index: usize,
    table: &Reading,
) -> io::Result<()> {
    let pair = view.comparison();
    let passage = &pair.passages[index];
    let Some(reading) = passage.reading(view.compared) else {
        return Ok(());
    };
    let place = outline::location(pair, &view.labels, passage, view.compared)
        .unwrap_or_else(|| view.labels.get(view.compared).to_string());
    let mut sub = format!("  ▸ {place} · {}", reading.status.name());
    if let Some(figures) = outline::figures(reading) {
        let _ = write!(sub, " · {figures}");
    }
    // Where a moved reading went is told in the table's numbers, as the `↳` lines are.
    if reading.status == PassageStatus::Moved
        && let Some(moved) = outline::moved_to(&ctx.labels, table.version, table.placement)
    {
        let _ = write!(sub, " · {moved}");
    }
    write_line(out, ctx.painter, Style::Header, &sub)?;
    let body = reading_text(pair, passage, reading, Shown::Both);
    write_text(out, ctx.painter, &Printed::from_text(&body, ctx.painter))
}

/// `… 5 same passages …`.
#[must_use]
pub fn folded_line(count: usize) -> String {
    format!("… {} …", outline::same_passages(count))
}

fn write_folded(out: &mut dyn Write, painter: Painter, count: usize) -> io::Result<()> {
    write_line(out, painter, Style::Faint, &folded_line(count))
}

/// `· boilerplate: "Table of Contents" (003)`: the text (cut to 60 columns) and who carries it.
#[must_use]
pub fn boilerplate_line(comparison: &Comparison, labels: &Labels, passage: &Passage) -> String {
    let text = passage
        .spans
        .first()
        .map(|s| comparison.version(s.version).slice(s.range.clone()))
        .unwrap_or_default();
    let text = visible(text, false)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let carriers = labels.list(passage.spans.iter().map(|s| s.version));
    format!(
        "· boilerplate: \"{}\" ({carriers})",
        text::truncate(&text, 60)
    )
}

fn write_text(out: &mut dyn Write, painter: Painter, text: &Printed) -> io::Result<()> {
    if text.is_empty() {
        return Ok(());
    }
    text.write_unwrapped(out, painter)
}

fn write_line(out: &mut dyn Write, painter: Painter, style: Style, text: &str) -> io::Result<()> {
    Line::styled(style, text).write(out, painter)?;
    writeln!(out)
}

#[cfg(test)]
mod tests;
