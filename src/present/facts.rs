//! The facts table every front end shows: the facts the versions disagree on, in sections
//! (drifted, misquoted, left out, extra, missing weekdays and months, and with `--all` the
//! agreeing ones), one row per fact with a cell per version, the deviating readings, the
//! word diff of each misquote and a detail of every version's reading. The facts printer lays
//! it out as columns, the viewer's facts panel as a list with a detail, the HTML report as a
//! table; none of them sorts or classifies facts itself.

mod detail;
mod row;

use std::fmt::Write as _;

use super::labels::Labels;
use super::text::StyledText;
use crate::facts::{Fact, FactKind, FactReport, FactStatus};
use crate::model::{Comparison, VersionId};
use crate::visible::visible;

/// What a piece of table text is; each front end turns it into a style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Ordinary text.
    Plain,
    /// Labels and explanations.
    Quiet,
    /// A reading that strays from the consensus.
    Strays,
    /// Words of the consensus quotation that a misquote lacks.
    Deleted,
    /// Words a misquote has that the consensus lacks.
    Inserted,
    /// The changed letters of a deleted word respelt by a letter or two.
    DeletedAccent,
    /// The changed letters of an inserted word respelt by a letter or two.
    InsertedAccent,
}

/// A piece of text with its tone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The text, terminal-safe, on one line.
    pub text: String,
    /// How it is drawn.
    pub tone: Tone,
}

fn piece(text: impl Into<String>, tone: Tone) -> Piece {
    Piece {
        text: text.into(),
        tone,
    }
}

/// A line of pieces.
pub type PanelLine = Vec<Piece>;

/// Which facts the table lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FactRows {
    /// The facts the versions disagree on.
    #[default]
    Divergent,
    /// Every fact, the agreeing ones in a section of their own.
    All,
}

/// A part of the table, in the order they are shown: what matters most first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// The versions give different values.
    Drifted,
    /// A quotation is worded differently.
    Misquoted,
    /// The consensus states the fact, some versions do not.
    LeftOut,
    /// Only some versions state the fact, the consensus does not.
    Extra,
    /// A weekday or a month left out: often dropped in a rewrite, rarely a change of substance.
    Calendar,
    /// Every version that states the fact gives the same value.
    Agreeing,
}

impl Section {
    /// The section a fact falls in.
    #[must_use]
    pub fn of(fact: &Fact) -> Self {
        match fact.status {
            FactStatus::Drift => Self::Drifted,
            FactStatus::Misquote => Self::Misquoted,
            FactStatus::Agree => Self::Agreeing,
            FactStatus::Missing if is_calendar_only(fact) => Self::Calendar,
            FactStatus::Missing if fact.consensus.is_some() => Self::LeftOut,
            FactStatus::Missing => Self::Extra,
        }
    }

    /// Its name: `drifted`, `left out`, ….
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Drifted => "drifted",
            Self::Misquoted => "misquoted",
            Self::LeftOut => "left out",
            Self::Extra => "extra",
            Self::Calendar => "missing weekdays and months",
            Self::Agreeing => "agreeing",
        }
    }

    /// What it means, for a title.
    #[must_use]
    pub fn meaning(self) -> &'static str {
        match self {
            Self::Drifted => "the versions give different values",
            Self::Misquoted => "a quotation is worded differently",
            Self::LeftOut => "the consensus states the fact, some versions do not",
            Self::Extra => "only some versions state the fact, the consensus does not",
            Self::Calendar => "often dropped in a rewrite, rarely a change of substance",
            Self::Agreeing => "every version that states the fact gives the same value",
        }
    }

    /// Low-stakes rows, shown faint: missing weekdays and months, agreeing facts.
    #[must_use]
    pub fn is_quiet(self) -> bool {
        matches!(self, Self::Calendar | Self::Agreeing)
    }
}

/// A date that is only a weekday or a month ("Wednesday", "January"): date values with a day
/// or a year hold digits ("November 25", "2024").
fn is_calendar_only(fact: &Fact) -> bool {
    fact.kind == FactKind::Date
        && fact
            .readings
            .iter()
            .all(|r| !r.value.chars().any(|c| c.is_ascii_digit()))
}

/// Where a version stands on a fact, as its cell shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stance {
    /// It states the fact in the fact's passage.
    Reads,
    /// It states the fact, matched by value in another passage where the alignment paired
    /// neither sentence (`⇄`).
    Rescued,
    /// It carries the passage but leaves the fact out (`—`).
    LeftOut,
    /// It lacks the passage (`·`): nothing to blame it for here.
    Lacks,
}

/// A version's cell of a fact's row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The reading as the version writes it, on one line (`⇄ ` before a rescued one), or `—`,
    /// or `·`.
    pub text: String,
    /// Where the version stands.
    pub stance: Stance,
    /// Whether the version strays from the consensus on this fact.
    pub strays: bool,
}

/// Versions that share a reading of a fact of many versions, or that leave it out (`—`), or
/// lack its passage (`·`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadingGroup {
    /// The reading on one line, or `—`, or `·`.
    pub text: String,
    /// The versions, in version order.
    pub versions: Vec<VersionId>,
    /// Whether to name the versions (not those that lack the passage).
    pub named: bool,
    /// Whether any of them strays from the consensus.
    pub strays: bool,
}

/// A misquote's wording marked against the consensus wording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MisquoteDiff {
    /// `001 vs 000`: the version, and the version whose wording is the consensus.
    pub lead: String,
    /// The consensus wording with the misquote's changes in place, on one line.
    pub text: StyledText,
}

/// One fact's row.
#[derive(Debug, Clone, PartialEq)]
pub struct FactRow {
    /// Index into [`FactReport::facts`].
    pub fact: usize,
    /// The passage the fact belongs to (index into the comparison's passages).
    pub passage: usize,
    /// The passage's number, as every front end numbers it ([`crate::present::outline::ordinal`]).
    pub number: usize,
    /// Number, money, date, duration, name, quote.
    pub kind: FactKind,
    /// Drift, misquote, missing or agree.
    pub status: FactStatus,
    /// The status in words, as precise as the row's section: `spelling` for a name respelt by
    /// a letter or two, `left out` or `extra` for a missing fact the consensus states or does
    /// not, else the status's name.
    pub status_name: &'static str,
    /// The section the row is in.
    pub section: Section,
    /// The consensus as written by a version that gives it; `None` when most versions do not
    /// state the fact.
    pub consensus: Option<String>,
    /// One cell per version, in version order.
    pub cells: Vec<Cell>,
    /// The readings grouped by value, the largest group first, then the versions that leave
    /// the fact out and those that lack the passage: how a fact of many versions is shown.
    pub groups: Vec<ReadingGroup>,
    /// The deviating versions and what they read ("004 Donohue", "003 leaves it out").
    pub deviating: PanelLine,
    /// Each misquote's wording against the consensus.
    pub misquotes: Vec<MisquoteDiff>,
    /// The detail of the fact: a heading, then one line per version (or per reading, with many
    /// versions), then the word diff of each misquote.
    pub detail: Vec<PanelLine>,
}

/// How many facts fall in each section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FactTally {
    /// Every fact found.
    pub total: usize,
    /// Facts per section, indexed as [`Section`] is ordered.
    pub sections: [usize; 6],
}

impl FactTally {
    /// The facts in a section.
    #[must_use]
    pub fn of(&self, section: Section) -> usize {
        self.sections[section as usize]
    }

    /// `4 drifted · 4 misquoted · 38 missing · 110 agree`: the same counts in a line short
    /// enough for the viewer's panel title.
    #[must_use]
    pub fn brief(&self) -> String {
        let missing: usize = [Section::LeftOut, Section::Extra, Section::Calendar]
            .iter()
            .map(|s| self.of(*s))
            .sum();
        format!(
            "{} drifted · {} misquoted · {missing} missing · {} agree",
            self.of(Section::Drifted),
            self.of(Section::Misquoted),
            self.of(Section::Agreeing)
        )
    }

    /// `156 facts: 4 drifted, 4 misquoted, 38 missing (10 left out, 17 extra, 11 only a weekday
    /// or month), 110 agree`.
    #[must_use]
    pub fn summary(&self) -> String {
        let missing = [Section::LeftOut, Section::Extra, Section::Calendar];
        let plural = if self.total == 1 { "" } else { "s" };
        let mut out = format!(
            "{} fact{plural}: {} drifted, {} misquoted, {} missing",
            self.total,
            self.of(Section::Drifted),
            self.of(Section::Misquoted),
            missing.iter().map(|s| self.of(*s)).sum::<usize>()
        );
        let parts: Vec<String> = missing
            .iter()
            .filter(|s| self.of(**s) > 0)
            .map(|s| match s {
                Section::Calendar => format!("{} only a weekday or month", self.of(*s)),
                _ => format!("{} {}", self.of(*s), s.name()),
            })
            .collect();
        if !parts.is_empty() {
            let _ = write!(out, " ({})", parts.join(", "));
        }
        let _ = write!(out, ", {} agree", self.of(Section::Agreeing));
        out
    }
}

/// The facts table.
#[derive(Debug, Clone, PartialEq)]
pub struct FactsTable {
    /// The rows, section by section, each section in passage order.
    pub rows: Vec<FactRow>,
    /// The versions' labels, as every front end names them.
    pub labels: Labels,
    /// How many facts fall in each section.
    pub tally: FactTally,
    /// How many versions the consensus is taken over.
    pub versions: usize,
    /// Two versions: there is no consensus, only a difference from the base.
    pub pair: bool,
    /// Many versions (a dozen and more): facts are shown as distributions of their readings
    /// ([`FactRow::groups`]) rather than one cell per version.
    pub many: bool,
    /// Whether some reading was matched from another passage (`⇄`).
    pub rescued: bool,
    /// Lines of the longest detail: the viewer keeps its detail area this high so that the
    /// list does not jump as the selection moves.
    pub detail_height: usize,
}

/// From this many versions on, a fact's readings are shown as a distribution (issue 8).
pub const MANY_VERSIONS: usize = 12;

impl FactsTable {
    /// The table of a comparison's facts.
    #[must_use]
    pub fn build(comparison: &Comparison, report: &FactReport, which: FactRows) -> Self {
        let labels = Labels::new(comparison);
        let mut tally = FactTally {
            total: report.facts.len(),
            ..FactTally::default()
        };
        for fact in &report.facts {
            tally.sections[Section::of(fact) as usize] += 1;
        }
        let mut rows: Vec<FactRow> = report
            .facts
            .iter()
            .enumerate()
            .filter(|(_, f)| f.status.is_divergent() || which == FactRows::All)
            .map(|(i, f)| row::row(comparison, &labels, i, f))
            .collect();
        rows.sort_by_key(|r| (r.section, r.passage, r.fact));
        let rescued = rows
            .iter()
            .any(|r| r.cells.iter().any(|c| c.stance == Stance::Rescued));
        let detail_height = rows.iter().map(|r| r.detail.len()).max().unwrap_or(0);
        Self {
            rows,
            labels,
            tally,
            versions: comparison.versions.len(),
            pair: comparison.versions.len() == 2,
            many: comparison.versions.len() >= MANY_VERSIONS,
            rescued,
            detail_height,
        }
    }

    /// The sections that have rows, each with its rows.
    pub fn sections(&self) -> impl Iterator<Item = (Section, &[FactRow])> {
        self.rows
            .chunk_by(|a, b| a.section == b.section)
            .map(|rows| (rows[0].section, rows))
    }
}

/// Longest reading kept in a row or detail line; front ends cut to their width.
const READING_CHARS: usize = 160;

/// Terminal-safe text on one line, at most `READING_CHARS` characters.
fn one_line(text: &str) -> String {
    let mut out: String = visible(text, false)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if let Some((cut, _)) = out.char_indices().nth(READING_CHARS) {
        out.truncate(cut);
        out.push('…');
    }
    out
}

/// The consensus as a version writes it (the base's spelling if it gives the consensus).
fn consensus_text(comparison: &Comparison, fact: &Fact) -> Option<String> {
    let value = fact.consensus.as_deref()?;
    let mut readings: Vec<_> = fact.readings.iter().filter(|r| r.value == value).collect();
    readings.sort_by_key(|r| r.version != comparison.base);
    Some(one_line(
        readings.first().map_or(value, |r| r.text.as_str()),
    ))
}

/// Versions named after a reading before the rest are counted.
pub const NAMED: usize = 8;

/// "017 088", the first [`NAMED`] versions' labels, then "+N".
#[must_use]
pub fn version_list(labels: &Labels, versions: &[VersionId]) -> String {
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

#[cfg(test)]
mod tests;
