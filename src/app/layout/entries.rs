//! The entries of a pair: which passages the pair shows, their status and class for the pair,
//! and their styled text on each side (with the pair's fact underlines cut in).

use super::Entry;
use crate::facts::{ChangeClass, FactReport};
use crate::model::{Comparison, Passage, PassageKind, PassageStatus, VersionId};
use crate::present::marks::PairFacts;
use crate::present::text::{self as styled, Ink, Side, StyledText};

/// The passages that the base or the compared version carries, with their status for the pair.
pub(super) fn entries(
    comparison: &Comparison,
    facts: &FactReport,
    underlines: &PairFacts,
    compared: VersionId,
) -> Vec<Entry> {
    let base = comparison.base;
    comparison
        .passages
        .iter()
        .filter(|p| p.span(base).is_some() || p.span(compared).is_some())
        .map(|p| {
            let (status, similarity) = pair_status(p, base, compared);
            Entry {
                passage: p.index,
                kind: p.kind,
                status,
                similarity,
                weak: p
                    .reading(compared)
                    .is_some_and(crate::model::Reading::is_weak),
                class: pair_class(facts, p.index, compared, status),
                facts: underlines.count(p.index),
                rows: 0..0,
                jump: None,
                text: texts(comparison, p, compared, status, underlines),
            }
        })
        .collect()
}

/// How much the compared version's change to a passage matters, for the pair: its own class
/// where the analysis has one, else the passage's.
fn pair_class(
    facts: &FactReport,
    passage: usize,
    compared: VersionId,
    status: PassageStatus,
) -> Option<ChangeClass> {
    match status {
        PassageStatus::Same | PassageStatus::Boilerplate => None,
        PassageStatus::Added | PassageStatus::Removed => Some(ChangeClass::Substantive),
        PassageStatus::Changed | PassageStatus::Moved => {
            let significance = facts.significance_of(passage)?;
            Some(
                significance
                    .versions
                    .iter()
                    .find(|v| v.version == compared)
                    .map_or(significance.class, |v| v.class),
            )
        }
    }
}

/// A passage's status and similarity for one pair of versions.
fn pair_status(p: &Passage, base: VersionId, compared: VersionId) -> (PassageStatus, f32) {
    let reading = p.reading(compared);
    let similarity = reading.map_or(0.0, |r| r.similarity);
    let status = match (p.span(base).is_some(), p.span(compared).is_some()) {
        _ if p.kind == PassageKind::Boilerplate => PassageStatus::Boilerplate,
        (false, _) => PassageStatus::Added,
        (_, false) => PassageStatus::Removed,
        (true, true) => match reading.map(|r| r.status) {
            Some(s @ (PassageStatus::Changed | PassageStatus::Moved)) => s,
            _ => PassageStatus::Same,
        },
    };
    let similarity = match status {
        PassageStatus::Same => 1.0,
        PassageStatus::Added | PassageStatus::Removed => 0.0,
        _ => similarity,
    };
    (status, similarity)
}

/// The styled text of a passage on both sides.
fn texts(
    comparison: &Comparison,
    p: &Passage,
    compared: VersionId,
    status: PassageStatus,
    underlines: &PairFacts,
) -> [Option<StyledText>; 2] {
    let shared = match (status, p.kind) {
        (PassageStatus::Boilerplate, _) => Ink::Boilerplate,
        (PassageStatus::Same, _) => Ink::Same,
        (PassageStatus::Added, _) => Ink::Added,
        (PassageStatus::Removed, _) => Ink::Removed,
        (_, PassageKind::Heading) => Ink::Heading,
        _ => Ink::Text,
    };
    let ops = p
        .reading(compared)
        .map(|r| r.ops.as_slice())
        .unwrap_or_default();
    let ids = [comparison.base, compared];
    Side::BOTH.map(|side| {
        let id = ids[side.index()];
        let span = p.span(id)?;
        let version = comparison.version(id);
        let both = p.span(ids[0]).is_some() && p.span(ids[1]).is_some();
        let marks = underlines.marks(side.index());
        Some(if both && !ops.is_empty() {
            styled::from_ops(version, ops, side, shared, marks)
        } else {
            styled::plain(version, span.range.clone(), shared, marks)
        })
    })
}
