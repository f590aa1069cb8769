//! The presence table: every passage × every version, whether the version carries the passage
//! and how similar its text is to the base's, so the version that deviates stands out (the
//! viewer's presence view, the HTML report's table for three or more versions). Also how each
//! version differs from the base, in counts of passages and of words. Prepared once per
//! comparison.

use super::outline::{Scope, Tally};
use crate::model::{Comparison, PassageKind, PassageStatus, VersionId, WordOp};
use crate::visible::visible;

/// How one version reads one passage.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Presence {
    /// The base version, which carries the passage.
    Base,
    /// The version lacks the passage.
    Absent,
    /// The version carries it, with this status and similarity to the base.
    Present {
        /// Same, changed, added, moved.
        status: PassageStatus,
        /// 0..=1.
        similarity: f32,
    },
}

/// One passage's row.
#[derive(Debug, Clone, PartialEq)]
pub struct PresenceRow {
    /// Index of the passage in the comparison.
    pub passage: usize,
    /// Status across all versions.
    pub status: PassageStatus,
    /// One cell per version, in version order.
    pub cells: Vec<Presence>,
    /// The beginning of the passage's text (the base's, else the first version's that has it).
    pub excerpt: String,
}

/// The table.
#[derive(Debug, Clone, PartialEq)]
pub struct PresenceTable {
    /// One row per passage.
    pub rows: Vec<PresenceRow>,
}

/// Longest excerpt kept; the view cuts it to the column width.
const EXCERPT_CHARS: usize = 240;

impl PresenceTable {
    /// The table of a comparison.
    #[must_use]
    pub fn build(comparison: &Comparison) -> Self {
        let rows = comparison
            .passages
            .iter()
            .map(|p| {
                let cells = comparison
                    .versions
                    .iter()
                    .map(
                        |v| match (v.id == comparison.base, p.span(v.id), p.reading(v.id)) {
                            (_, None, _) => Presence::Absent,
                            (true, Some(_), _) => Presence::Base,
                            (false, Some(_), reading) => Presence::Present {
                                status: reading.map_or(PassageStatus::Added, |r| r.status),
                                similarity: reading.map_or(0.0, |r| r.similarity),
                            },
                        },
                    )
                    .collect();
                let text = p
                    .span(comparison.base)
                    .or_else(|| p.spans.first())
                    .map(|s| comparison.version(s.version).slice(s.range.clone()))
                    .unwrap_or_default();
                let mut excerpt: String = visible(text, false)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                if let Some((cut, _)) = excerpt.char_indices().nth(EXCERPT_CHARS) {
                    excerpt.truncate(cut);
                }
                let status = if p.kind == PassageKind::Boilerplate {
                    PassageStatus::Boilerplate
                } else {
                    p.status
                };
                PresenceRow {
                    passage: p.index,
                    status,
                    cells,
                    excerpt,
                }
            })
            .collect();
        Self { rows }
    }
}

/// How each version differs from the base, passage by passage: the tally of its pair with the
/// base, as the side-by-side printer and the report count it (the base's own is empty).
#[must_use]
pub fn summaries(comparison: &Comparison) -> Vec<Tally> {
    comparison
        .versions
        .iter()
        .map(|v| {
            if v.id == comparison.base {
                Tally::default()
            } else {
                Tally::of(comparison, Scope::Pair(v.id))
            }
        })
        .collect()
}
/// Words of one compared version against the base, counted in the word ops of the model
/// (whitespace-separated words of each op's text), boilerplate left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordCounts {
    /// Words both versions share.
    pub kept: usize,
    /// Base words the version lacks.
    pub deleted: usize,
    /// Words the version adds.
    pub inserted: usize,
}

impl WordCounts {
    /// The counts of `version` against the base.
    #[must_use]
    pub fn of(comparison: &Comparison, version: VersionId) -> Self {
        let base = comparison.base_version();
        let other = comparison.version(version);
        let count = |text: &str| text.split_whitespace().count();
        let mut words = Self::default();
        for passage in comparison
            .passages
            .iter()
            .filter(|p| p.kind != PassageKind::Boilerplate)
        {
            let Some(reading) = passage.reading(version) else {
                continue;
            };
            if reading.ops.is_empty() {
                match (
                    comparison.passage_text(passage, base.id),
                    comparison.passage_text(passage, version),
                ) {
                    (Some(b), None) => words.deleted += count(b),
                    (None, Some(o)) => words.inserted += count(o),
                    (Some(b), Some(_)) => words.kept += count(b),
                    (None, None) => {}
                }
                continue;
            }
            for op in &reading.ops {
                match op {
                    WordOp::Equal { base: r, .. } => words.kept += count(&base.text[r.clone()]),
                    WordOp::Delete { base: r, .. } => words.deleted += count(&base.text[r.clone()]),
                    WordOp::Insert { other: r, .. } => {
                        words.inserted += count(&other.text[r.clone()]);
                    }
                }
            }
        }
        words
    }

    /// `2·kept / (base words + compared words)`; 1 when neither has a word.
    #[must_use]
    pub fn similarity(self) -> f32 {
        let total = 2 * self.kept + self.deleted + self.inserted;
        if total == 0 {
            1.0
        } else {
            (2 * self.kept) as f32 / total as f32
        }
    }
}
