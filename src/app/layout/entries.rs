//! The entries of a pair: which passages the pair shows, their status and class for the pair,
//! and their styled text on each side (with the pair's fact underlines cut in, if the facts are
//! known). Inking a book's passages is most of a layout's cost, so it runs on all cores.

use rayon::prelude::*;

use super::Entry;
use crate::facts::{ChangeClass, FactReport};
use crate::model::{Comparison, Passage, PassageStatus, VersionId};
use crate::present::marks::PairFacts;
use crate::present::outline::{self, Scope};
use crate::present::text;

/// The passages that the base or the compared version carries, with their status for the pair.
pub(super) fn entries(
    comparison: &Comparison,
    underlines: &PairFacts,
    compared: VersionId,
    passages: usize,
) -> Vec<Entry> {
    let base = comparison.base;
    comparison.passages[..passages.min(comparison.passages.len())]
        .par_iter()
        .filter(|p| shows(comparison, p, compared))
        .map(|p| {
            let (status, similarity) = outline::pair_status(p, base, compared);
            Entry {
                passage: p.index,
                kind: p.kind,
                status,
                similarity,
                weak: p
                    .reading(compared)
                    .is_some_and(crate::model::Reading::is_weak),
                jump: None,
                text: text::pair_texts(comparison, p, compared, status, underlines),
            }
        })
        .collect()
}

/// Whether the pair shows a passage: as the printers' outline of the pair has it.
fn shows(comparison: &Comparison, passage: &Passage, compared: VersionId) -> bool {
    outline::status(comparison, passage, Scope::Pair(compared)).is_some()
}

/// A passage's status for the pair, if the pair shows it (as [`entries`] has it).
pub(super) fn shown_status(
    comparison: &Comparison,
    passage: &Passage,
    compared: VersionId,
) -> Option<PassageStatus> {
    shows(comparison, passage, compared)
        .then(|| outline::pair_status(passage, comparison.base, compared).0)
}

/// How much the compared version's change to a passage matters, for the pair: its own class
/// where the analysis has one, else the passage's; unknown for a changed passage until the facts
/// are found.
pub(super) fn pair_class(
    facts: Option<&FactReport>,
    passage: usize,
    compared: VersionId,
    status: PassageStatus,
) -> Option<ChangeClass> {
    match status {
        PassageStatus::Same | PassageStatus::Boilerplate => None,
        PassageStatus::Added | PassageStatus::Removed => Some(ChangeClass::Substantive),
        PassageStatus::Changed | PassageStatus::Moved => {
            let significance = facts?.significance_of(passage)?;
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
