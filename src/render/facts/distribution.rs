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

use super::{Tone, write_hanging};
use crate::facts::{Fact, FactStatus};
use crate::model::{Comparison, VersionId};
use crate::present::outline::Labels;
use crate::render::style::{Painter, Style};
use crate::render::text::{self, Printed};
use crate::visible::visible;

/// From this many versions on, facts print as distributions.
pub(super) const MIN_VERSIONS: usize = 12;

/// Versions named after a reading before the rest are counted.
const NAMED: usize = 8;

/// Widest a reading is shown, in columns.
const READING_WIDTH: usize = 48;

/// The header line above the rows.
pub(super) fn write_header(out: &mut dyn Write, painter: Painter, width: usize) -> io::Result<()> {
    let line = "   #  kind      status    readings: value ×versions, then the versions that depart";
    let line = text::truncate(line, width);
    crate::render::text::Line::styled(Style::Header, &line).write(out, painter)?;
    writeln!(out)
}

/// What the lines are written for.
pub(super) struct View<'a> {
    pub comparison: &'a Comparison,
    pub labels: &'a Labels,
    pub painter: Painter,
    pub width: usize,
    /// Without colour: departures are bracketed `‹…›`.
    pub bracket: bool,
}

/// One fact as a line (wrapped to the width): passage, kind, status, then its readings.
pub(super) fn write_fact(
    out: &mut dyn Write,
    view: &View<'_>,
    fact: &Fact,
    tone: Tone,
) -> io::Result<()> {
    let View {
        comparison,
        labels,
        painter,
        width,
        bracket,
    } = *view;
    let status = if fact.status == FactStatus::Drift && fact.spelling_change {
        "spelling"
    } else {
        fact.status.name()
    };
    let lead = format!(
        "{:>4}  {:<8}  {:<8}  ",
        fact.passage + 1,
        fact.kind.name(),
        status
    );
    let plain = if tone == Tone::Quiet {
        Style::Faint
    } else {
        Style::Plain
    };
    let mut body = Printed::default();
    let groups = groups(comparison, fact);
    for (i, group) in groups.iter().enumerate() {
        if i > 0 {
            body.push(Style::Faint, " · ");
        }
        let outlier = group.versions.iter().any(|v| fact.is_outlier(*v));
        let style = if outlier { Style::Outlier } else { plain };
        // Without colour, a departure is bracketed as in the table: ‹27 ×2: v017 v088›.
        let (open, close) = if outlier && bracket {
            ("‹", "›")
        } else {
            ("", "")
        };
        let count = format!("{open}{} ×{}", group.text, group.versions.len());
        // The largest group is the norm; the others are the departures, named.
        if i > 0 && group.name {
            body.push(style, &count);
            body.push(Style::Faint, ": ");
            body.push(style, &format!("{}{close}", names(labels, &group.versions)));
        } else {
            body.push(style, &format!("{count}{close}"));
        }
    }
    write_hanging(out, painter, &lead, &body, width)
}

/// Readings that share a value, or the versions that leave the fact out or lack the passage.
struct Group {
    text: String,
    versions: Vec<VersionId>,
    /// Whether to name the versions (not for those that lack the passage).
    name: bool,
}

fn groups(comparison: &Comparison, fact: &Fact) -> Vec<Group> {
    let mut groups: Vec<Group> = fact
        .distribution()
        .into_iter()
        .map(|g| Group {
            text: shorten(&g.text),
            versions: g.versions,
            name: true,
        })
        .collect();
    if !fact.missing_from.is_empty() {
        groups.push(Group {
            text: "—".to_string(),
            versions: fact.missing_from.clone(),
            name: true,
        });
    }
    groups.sort_by_key(|g| std::cmp::Reverse(g.versions.len()));
    let passage = &comparison.passages[fact.passage];
    let lacking: Vec<VersionId> = comparison
        .versions
        .iter()
        .map(|v| v.id)
        .filter(|v| passage.span(*v).is_none() && fact.reading(*v).is_none())
        .filter(|v| !fact.missing_from.contains(v))
        .collect();
    if !lacking.is_empty() {
        groups.push(Group {
            text: "·".to_string(),
            versions: lacking,
            name: false,
        });
    }
    groups
}

/// A reading on one line, cut to [`READING_WIDTH`] columns.
fn shorten(reading: &str) -> String {
    let joined = reading.split_whitespace().collect::<Vec<_>>().join(" ");
    let one_line = visible(&joined, false);
    text::truncate(&one_line, READING_WIDTH)
}

/// "v017 v088", the first [`NAMED`], then "+N".
fn names(labels: &Labels, versions: &[VersionId]) -> String {
    let mut out: Vec<String> = versions
        .iter()
        .take(NAMED)
        .map(|v| labels.get(*v).to_string())
        .collect();
    if versions.len() > NAMED {
        out.push(format!("+{}", versions.len() - NAMED));
    }
    out.join(" ")
}
