//! The presence table: every passage × every version, whether the version carries the passage
//! and how similar its text is to the base's, so the version that deviates stands out (the
//! viewer's presence view, the HTML report's table for three or more versions). Also how each
//! version differs from the base, in counts. Prepared once per comparison.

use crate::model::{Comparison, PassageKind, PassageStatus};
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

/// How one compared version differs from the base, passage by passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct VersionSummary {
    /// Passages with changed words.
    pub changed: usize,
    /// Passages only this version has.
    pub added: usize,
    /// Base passages this version lacks.
    pub removed: usize,
    /// Passages it has out of order.
    pub moved: usize,
}

impl VersionSummary {
    /// All divergent passages.
    #[must_use]
    pub fn divergent(&self) -> usize {
        self.changed + self.added + self.removed + self.moved
    }
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

/// Per-version summaries against the base (the base's own is empty).
#[must_use]
pub fn summaries(comparison: &Comparison) -> Vec<VersionSummary> {
    let mut out = vec![VersionSummary::default(); comparison.versions.len()];
    for p in comparison
        .passages
        .iter()
        .filter(|p| p.kind != PassageKind::Boilerplate)
    {
        for r in &p.readings {
            let s = &mut out[r.version.0];
            let present = p.span(r.version).is_some();
            let in_base = p.span(comparison.base).is_some();
            match (in_base, present, r.status) {
                (false, true, _) => s.added += 1,
                (true, false, _) => s.removed += 1,
                (true, true, PassageStatus::Changed) => s.changed += 1,
                (true, true, PassageStatus::Moved) => s.moved += 1,
                _ => {}
            }
        }
    }
    out
}
