//! The text of a fact's row beyond its cells: the deviating readings, the word diff of each
//! misquote, and the detail of every version's reading.

use super::{MisquoteDiff, PanelLine, Tone, consensus_text, one_line, piece, version_list};
use crate::facts::{Fact, Misquote};
use crate::model::{Comparison, VersionId};
use crate::present::labels::Labels;
use crate::present::marks::carries;
use crate::present::text::{Ink, Shown, StyledText, Texts};

/// The outliers and what they read: `004 Gen Chris Donohue · 003 leaves it out`.
pub(super) fn deviating(labels: &Labels, fact: &Fact) -> PanelLine {
    let mut line = Vec::new();
    for (n, v) in fact.outliers.iter().enumerate() {
        if n > 0 {
            line.push(piece(" · ", Tone::Quiet));
        }
        line.push(piece(format!("{} ", labels.get(*v)), Tone::Quiet));
        match fact.reading(*v) {
            Some(r) => line.push(piece(one_line(&r.text), Tone::Strays)),
            None => line.push(piece("leaves it out", Tone::Quiet)),
        }
    }
    line
}

/// The departures of a fact of many versions: each reading other than the most common, and the
/// versions that leave it out, with their versions ("27 ×2: 017 088 · left out ×3: 004 009 011").
pub(super) fn departures(labels: &Labels, fact: &Fact) -> PanelLine {
    let mut line = Vec::new();
    let mut parts: Vec<(String, Vec<VersionId>, Tone)> = fact
        .distribution()
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
        line.push(piece(
            format!(": {}", version_list(labels, &versions)),
            Tone::Quiet,
        ));
    }
    line
}

/// A misquote's wording against the consensus wording, from the one styled text.
pub(super) fn misquote(comparison: &Comparison, labels: &Labels, m: &Misquote) -> MisquoteDiff {
    let texts = Texts::new(comparison.version(m.against), comparison.version(m.version));
    MisquoteDiff {
        lead: format!("{} vs {}", labels.get(m.version), labels.get(m.against)),
        text: texts.from_ops(&m.ops, Shown::Both, Ink::Text),
    }
}

/// A styled text as pieces: kept words plain, the consensus's words struck, the version's own
/// words marked.
pub(super) fn pieces(styled: &StyledText) -> PanelLine {
    styled
        .runs
        .iter()
        .map(|run| {
            let tone = match run.ink {
                Ink::Deleted | Ink::Removed => Tone::Deleted,
                Ink::Inserted | Ink::Added => Tone::Inserted,
                Ink::DeletedAccent => Tone::DeletedAccent,
                Ink::InsertedAccent => Tone::InsertedAccent,
                _ => Tone::Plain,
            };
            piece(&styled.text[run.range.clone()], tone)
        })
        .collect()
}

/// The heading of the detail: what the fact is and how the versions stand on it.
fn heading(comparison: &Comparison, fact: &Fact) -> PanelLine {
    let mut line = vec![piece(
        format!(
            "{} · {} · passage {}",
            fact.kind.name(),
            fact.status.name(),
            crate::present::outline::ordinal(fact.passage)
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
fn distribution_detail(comparison: &Comparison, labels: &Labels, fact: &Fact) -> Vec<PanelLine> {
    let mut lines = vec![heading(comparison, fact)];
    for group in fact.distribution() {
        let strays = group.versions.iter().any(|v| fact.is_outlier(*v));
        let tone = if strays { Tone::Strays } else { Tone::Plain };
        lines.push(vec![
            piece(if strays { " ✗ " } else { "   " }, Tone::Strays),
            piece(format!("×{:<4} ", group.versions.len()), Tone::Quiet),
            piece(one_line(&group.text), tone),
            piece(
                format!("  {}", version_list(labels, &group.versions)),
                Tone::Quiet,
            ),
        ]);
    }
    if !fact.missing_from.is_empty() {
        lines.push(vec![
            piece("   ", Tone::Quiet),
            piece(format!("×{:<4} ", fact.missing_from.len()), Tone::Quiet),
            piece("— leaves it out", Tone::Quiet),
            piece(
                format!("  {}", version_list(labels, &fact.missing_from)),
                Tone::Quiet,
            ),
        ]);
    }
    lines
}

/// The detail of a fact: heading, every version's reading, misquote diffs.
pub(super) fn detail(
    comparison: &Comparison,
    labels: &Labels,
    fact: &Fact,
    misquotes: &[MisquoteDiff],
) -> Vec<PanelLine> {
    if comparison.versions.len() >= super::MANY_VERSIONS {
        return distribution_detail(comparison, labels, fact);
    }
    let mut lines = vec![heading(comparison, fact)];
    let width = comparison
        .versions
        .iter()
        .map(|v| labels.get(v.id).chars().count())
        .max()
        .unwrap_or(0);
    for version in &comparison.versions {
        let v = version.id;
        let strays = fact.is_outlier(v);
        let role = if v == comparison.base { " base" } else { "" };
        let label = format!("{}{role}", labels.get(v));
        let mut line = vec![
            piece(if strays { " ✗ " } else { "   " }, Tone::Strays),
            piece(format!("{label:<w$} ", w = width + 6), Tone::Quiet),
        ];
        match fact.reading(v) {
            Some(r) => {
                let tone = if strays { Tone::Strays } else { Tone::Plain };
                line.push(piece(one_line(&r.text), tone));
                if let Some(speaker) = &r.speaker {
                    line.push(piece(format!(" — {}", one_line(speaker)), Tone::Quiet));
                }
                if r.passage != fact.passage {
                    line.push(piece(
                        format!(
                            "  (passage {})",
                            crate::present::outline::ordinal(r.passage)
                        ),
                        Tone::Quiet,
                    ));
                }
            }
            None if carries(comparison, fact, v) => {
                line.push(piece("— leaves it out", Tone::Quiet));
            }
            None => line.push(piece("— does not carry the passage", Tone::Quiet)),
        }
        lines.push(line);
    }
    for misquote in misquotes {
        let mut line = vec![piece(format!("   {}: ", misquote.lead), Tone::Quiet)];
        line.extend(pieces(&misquote.text));
        lines.push(line);
    }
    lines
}
