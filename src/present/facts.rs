//! The facts panel's data: every fact the versions disagree on (drifted, misquoted, missing),
//! across all versions, each with its consensus, the deviating readings and a detail of every
//! version's reading. Prepared from a [`FactReport`] the first time the panel opens; the widget
//! only lays it out.

use super::marks::carries;
use super::text::{Ink, Shown, Texts};
use crate::facts::{Fact, FactKind, FactReport, FactStatus};
use crate::model::{Comparison, VersionId, WordOp};
use crate::visible::visible;

/// What a piece of panel text is; the widget turns it into a style.
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

/// One fact's row.
#[derive(Debug, Clone, PartialEq)]
pub struct FactRow {
    /// Index into [`FactReport::facts`].
    pub fact: usize,
    /// The passage the fact belongs to (index into the comparison's passages).
    pub passage: usize,
    /// Number, money, date, duration, name, quote.
    pub kind: FactKind,
    /// Drift, misquote or missing.
    pub status: FactStatus,
    /// The consensus as written by a version that gives it; `None` when most versions do not
    /// state the fact.
    pub consensus: Option<String>,
    /// The deviating versions and what they read ("v4 Donohue", "v3 left out").
    pub deviating: PanelLine,
    /// The detail shown for the selected fact: a heading, then one line per version, then the
    /// word diff of each misquote.
    pub detail: Vec<PanelLine>,
}

/// The panel's rows and its summary.
#[derive(Debug, Clone, PartialEq)]
pub struct FactsTable {
    /// Drifted and misquoted facts first, then missing ones, each group in passage order.
    pub rows: Vec<FactRow>,
    /// "2 drifted · 1 misquoted · 22 missing · 89 agree".
    pub summary: String,
    /// How many versions the consensus is taken over.
    pub versions: usize,
    /// Lines of the longest detail: the detail area keeps this height so that the list does
    /// not jump as the selection moves.
    pub detail_height: usize,
}

/// Lines above the list: the title and the column header.
pub const LIST_HEADER: usize = 2;

/// How the panel shares an area of `height` rows: list rows, then a rule and the detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PanelShape {
    /// Rows of the fact list.
    pub list: usize,
    /// Rows of the detail (after one rule line).
    pub detail: usize,
}

impl FactsTable {
    /// How an area of `height` rows is shared: the detail gets what it needs up to half the
    /// area, the list the rest (at least one row).
    #[must_use]
    pub fn shape(&self, height: usize) -> PanelShape {
        let room = height.saturating_sub(LIST_HEADER + 1);
        let detail = self.detail_height.min(room / 2);
        PanelShape {
            list: room.saturating_sub(detail).max(1),
            detail,
        }
    }
}

/// Where the facts panel is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FactsState {
    /// The selected row.
    pub selected: usize,
    /// The first row on screen.
    pub top: usize,
}

/// Longest reading kept in a row or detail line; the widget cuts to the width.
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

impl FactsTable {
    /// The panel of a comparison's facts.
    #[must_use]
    pub fn build(comparison: &Comparison, report: &FactReport) -> Self {
        let mut rows: Vec<FactRow> = report
            .facts
            .iter()
            .enumerate()
            .filter(|(_, f)| f.status.is_divergent())
            .map(|(i, f)| row(comparison, i, f))
            .collect();
        rows.sort_by_key(|r| (r.status == FactStatus::Missing, r.passage, r.fact));
        let count = |status| report.facts.iter().filter(|f| f.status == status).count();
        let summary = format!(
            "{} drifted · {} misquoted · {} missing · {} agree",
            count(FactStatus::Drift),
            count(FactStatus::Misquote),
            count(FactStatus::Missing),
            report.agreeing()
        );
        let detail_height = rows.iter().map(|r| r.detail.len()).max().unwrap_or(0);
        Self {
            rows,
            summary,
            versions: comparison.versions.len(),
            detail_height,
        }
    }
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

/// From this many versions on, a fact's readings are shown as a distribution (issue 8).
const MANY_VERSIONS: usize = 12;

/// Versions named after a reading in a distribution before the rest are counted.
const NAMED: usize = 8;

/// "v17 v88", the first [`NAMED`] versions, then "+N".
fn version_list(versions: &[VersionId]) -> String {
    let mut out: Vec<String> = versions
        .iter()
        .take(NAMED)
        .map(|v| format!("v{}", v.0))
        .collect();
    if versions.len() > NAMED {
        out.push(format!("+{}", versions.len() - NAMED));
    }
    out.join(" ")
}

/// The departures of a fact of many versions: each reading other than the most common, and the
/// versions that leave it out, with their versions ("27 ×2: v17 v88 · left out ×3: v4 v9 v11").
fn departures(fact: &Fact) -> PanelLine {
    let mut line = Vec::new();
    let groups = fact.distribution();
    let mut parts: Vec<(String, Vec<VersionId>, Tone)> = groups
        .into_iter()
        .filter(|g| g.versions.iter().any(|v| fact.is_outlier(*v)))
        .map(|g| (one_line(&g.text), g.versions, Tone::Strays))
        .collect();
    let left_out: Vec<VersionId> = fact
        .missing_from
        .iter()
        .copied()
        .filter(|v| fact.is_outlier(*v))
        .collect();
    if !left_out.is_empty() {
        parts.push(("left out".to_string(), left_out, Tone::Quiet));
    }
    for (n, (text, versions, tone)) in parts.into_iter().enumerate() {
        if n > 0 {
            line.push(piece(" · ", Tone::Quiet));
        }
        line.push(piece(format!("{text} ×{}", versions.len()), tone));
        line.push(piece(format!(": {}", version_list(&versions)), Tone::Quiet));
    }
    line
}

fn row(comparison: &Comparison, index: usize, fact: &Fact) -> FactRow {
    if comparison.versions.len() >= MANY_VERSIONS {
        return FactRow {
            fact: index,
            passage: fact.passage,
            kind: fact.kind,
            status: fact.status,
            consensus: consensus_text(comparison, fact),
            deviating: departures(fact),
            detail: detail(comparison, fact),
        };
    }
    let mut deviating = Vec::new();
    for (n, v) in fact.outliers.iter().enumerate() {
        if n > 0 {
            deviating.push(piece(" · ", Tone::Quiet));
        }
        deviating.push(piece(format!("v{} ", v.0), Tone::Quiet));
        match fact.reading(*v) {
            Some(r) => deviating.push(piece(one_line(&r.text), Tone::Strays)),
            None => deviating.push(piece("leaves it out", Tone::Quiet)),
        }
    }
    FactRow {
        fact: index,
        passage: fact.passage,
        kind: fact.kind,
        status: fact.status,
        consensus: consensus_text(comparison, fact),
        deviating,
        detail: detail(comparison, fact),
    }
}

/// The heading of the detail: what the fact is and how the versions stand on it.
fn heading(comparison: &Comparison, fact: &Fact) -> PanelLine {
    let mut line = vec![piece(
        format!(
            "{} · {} · passage {}",
            fact.kind.name(),
            fact.status.name(),
            fact.passage + 1
        ),
        Tone::Plain,
    )];
    if fact.spelling_change {
        line.push(piece(" · spelling change", Tone::Strays));
    }
    match consensus_text(comparison, fact) {
        Some(text) => {
            let value = fact.consensus.as_deref().unwrap_or_default();
            let agreeing = fact.readings.iter().filter(|r| r.value == value).count();
            let carrying = comparison
                .versions
                .iter()
                .filter(|v| carries(comparison, fact, v.id))
                .count();
            // Two versions have no consensus, only the base and a difference from it.
            if comparison.versions.len() == 2 {
                line.push(piece(" · base: ", Tone::Quiet));
                line.push(piece(text, Tone::Plain));
            } else {
                line.push(piece(" · consensus: ", Tone::Quiet));
                line.push(piece(text, Tone::Plain));
                line.push(piece(
                    format!(" ({agreeing} of {carrying} versions with the passage)"),
                    Tone::Quiet,
                ));
            }
        }
        None => line.push(piece(" · most versions do not state it", Tone::Quiet)),
    }
    line
}

/// The detail of a fact of many versions: heading, then one line per reading with its count
/// and versions, the departing ones marked.
fn distribution_detail(comparison: &Comparison, fact: &Fact) -> Vec<PanelLine> {
    let mut lines = vec![heading(comparison, fact)];
    for group in fact.distribution() {
        let strays = group.versions.iter().any(|v| fact.is_outlier(*v));
        let tone = if strays { Tone::Strays } else { Tone::Plain };
        lines.push(vec![
            piece(if strays { " ✗ " } else { "   " }, Tone::Strays),
            piece(format!("×{:<4} ", group.versions.len()), Tone::Quiet),
            piece(one_line(&group.text), tone),
            piece(format!("  {}", version_list(&group.versions)), Tone::Quiet),
        ]);
    }
    if !fact.missing_from.is_empty() {
        lines.push(vec![
            piece("   ", Tone::Quiet),
            piece(format!("×{:<4} ", fact.missing_from.len()), Tone::Quiet),
            piece("— leaves it out", Tone::Quiet),
            piece(
                format!("  {}", version_list(&fact.missing_from)),
                Tone::Quiet,
            ),
        ]);
    }
    lines
}

/// The detail of a fact: heading, every version's reading, misquote diffs.
fn detail(comparison: &Comparison, fact: &Fact) -> Vec<PanelLine> {
    if comparison.versions.len() >= MANY_VERSIONS {
        return distribution_detail(comparison, fact);
    }
    let mut lines = vec![heading(comparison, fact)];
    for version in &comparison.versions {
        let v = version.id;
        let strays = fact.is_outlier(v);
        let role = if v == comparison.base { " base" } else { "" };
        let mut line = vec![
            piece(if strays { " ✗ " } else { "   " }, Tone::Strays),
            piece(format!("v{}{role:<6} ", v.0), Tone::Quiet),
        ];
        match fact.reading(v) {
            Some(r) => {
                let tone = if strays { Tone::Strays } else { Tone::Plain };
                line.push(piece(one_line(&r.text), tone));
                if let Some(speaker) = &r.speaker {
                    line.push(piece(format!(" — {}", one_line(speaker)), Tone::Quiet));
                }
                if r.passage != fact.passage {
                    line.push(piece(format!("  (passage {})", r.passage + 1), Tone::Quiet));
                }
            }
            None if carries(comparison, fact, v) => {
                line.push(piece("— leaves it out", Tone::Quiet));
            }
            None => line.push(piece("— does not carry the passage", Tone::Quiet)),
        }
        lines.push(line);
    }
    for misquote in &fact.misquotes {
        let mut line = vec![piece(
            format!(
                "   v{} against v{}: ",
                misquote.version.0, misquote.against.0
            ),
            Tone::Quiet,
        )];
        line.extend(word_diff(
            comparison,
            misquote.against,
            misquote.version,
            &misquote.ops,
        ));
        lines.push(line);
    }
    lines
}

/// A misquote's word diff as pieces, from the one styled text ([`super::text`]): kept words
/// plain, the consensus's words struck, the version's own words marked.
fn word_diff(
    comparison: &Comparison,
    against: VersionId,
    version: VersionId,
    ops: &[WordOp],
) -> PanelLine {
    let styled = Texts::new(comparison.version(against), comparison.version(version)).from_ops(
        ops,
        Shown::Both,
        Ink::Text,
    );
    styled
        .runs
        .iter()
        .map(|run| {
            let tone = match run.ink {
                Ink::Deleted => Tone::Deleted,
                Ink::Inserted => Tone::Inserted,
                Ink::DeletedAccent => Tone::DeletedAccent,
                Ink::InsertedAccent => Tone::InsertedAccent,
                _ => Tone::Plain,
            };
            piece(&styled.text[run.range.clone()], tone)
        })
        .collect()
}

#[cfg(test)]
mod tests;
