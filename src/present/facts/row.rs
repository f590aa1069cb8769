//! One fact's row of the table: its status in words, a cell per version, and the groups of
//! readings a fact of many versions is shown by.

use super::{
    Cell, FactRow, MANY_VERSIONS, MisquoteDiff, ReadingGroup, Section, Stance, consensus_text,
    detail, one_line,
};
use crate::facts::{Fact, FactStatus};
use crate::model::{Comparison, VersionId};
use crate::present::labels::Labels;
use crate::present::outline;

pub(super) fn row(comparison: &Comparison, labels: &Labels, index: usize, fact: &Fact) -> FactRow {
    let many = comparison.versions.len() >= MANY_VERSIONS;
    let passage = &comparison.passages[fact.passage];
    let misquotes: Vec<MisquoteDiff> = fact
        .misquotes
        .iter()
        .map(|m| detail::misquote(comparison, labels, m))
        .collect();
    FactRow {
        fact: index,
        passage: fact.passage,
        number: outline::ordinal(fact.passage),
        kind: fact.kind,
        status: fact.status,
        status_name: status_name(fact),
        section: Section::of(fact),
        consensus: consensus_text(comparison, fact),
        cells: comparison
            .versions
            .iter()
            .map(|v| cell(fact, v.id, passage.span(v.id).is_some()))
            .collect(),
        groups: if many {
            groups(comparison, fact)
        } else {
            Vec::new()
        },
        deviating: if many {
            detail::departures(labels, fact)
        } else {
            detail::deviating(labels, fact)
        },
        detail: detail::detail(comparison, labels, fact, &misquotes),
        misquotes,
    }
}

/// The status in words (see [`FactRow::status_name`]).
fn status_name(fact: &Fact) -> &'static str {
    match (fact.status, Section::of(fact)) {
        (FactStatus::Drift, _) if fact.spelling_change => "spelling",
        (_, section @ (Section::LeftOut | Section::Extra)) => section.name(),
        (status, _) => status.name(),
    }
}

/// A version's cell. `carries`: whether the version has the fact's passage at all.
fn cell(fact: &Fact, version: VersionId, carries: bool) -> Cell {
    let strays = fact.is_outlier(version);
    match fact.reading(version) {
        Some(reading) if reading.rescued => Cell {
            text: format!("⇄ {}", one_line(&reading.text)),
            stance: Stance::Rescued,
            strays,
        },
        Some(reading) => Cell {
            text: one_line(&reading.text),
            stance: Stance::Reads,
            strays,
        },
        None if carries && fact.missing_from.contains(&version) => Cell {
            text: "—".to_string(),
            stance: Stance::LeftOut,
            strays,
        },
        None => Cell {
            text: "·".to_string(),
            stance: Stance::Lacks,
            strays: false,
        },
    }
}

/// The readings grouped by value (largest first), then the versions that leave the fact out,
/// then those that lack the passage.
fn groups(comparison: &Comparison, fact: &Fact) -> Vec<ReadingGroup> {
    let strays = |versions: &[VersionId]| versions.iter().any(|v| fact.is_outlier(*v));
    let mut groups: Vec<ReadingGroup> = fact
        .distribution()
        .into_iter()
        .map(|g| ReadingGroup {
            text: one_line(&g.text),
            strays: strays(&g.versions),
            versions: g.versions,
            named: true,
        })
        .collect();
    if !fact.missing_from.is_empty() {
        groups.push(ReadingGroup {
            text: "—".to_string(),
            strays: strays(&fact.missing_from),
            versions: fact.missing_from.clone(),
            named: true,
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
        groups.push(ReadingGroup {
            text: "·".to_string(),
            versions: lacking,
            named: false,
            strays: false,
        });
    }
    groups
}
