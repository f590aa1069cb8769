//! One passage from its draft: spans, each compared version's reading (status, similarity,
//! word ops) and the overall status; then where moved readings stand.
//!
//! The word diffs of readings whose texts differ can be left for later ([`WordDiffs::Later`]):
//! whether two texts differ is known from their keys alone, so every status is final without
//! them; [`PendingWords::fill`] computes them afterwards, the same as they would have been.

use std::ops::Range;

use super::{Draft, Segmented};
use crate::model::{
    Passage, PassageKind, PassageStatus, Placement, Reading, Span, Version, VersionId,
};
use crate::options::CompareOptions;
use crate::{diff, tokens};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// When the word diffs of readings whose texts differ are computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordDiffs {
    /// With the passages.
    Now,
    /// Afterwards, by [`PendingWords::fill`] (the viewer shows the passages before).
    Later,
}

/// A reading whose word diff was left for later.
#[derive(Debug, Clone)]
pub(crate) struct Pending {
    /// The reading's position in [`Passage::readings`].
    reading: usize,
    /// The base's text of the passage.
    base: Range<usize>,
    /// The compared version's text of the passage.
    other: Range<usize>,
}

/// Builds a passage: spans from sentence ranges, and each compared version's reading (its word
/// diff taken from `known` if it is there); with [`WordDiffs::Later`], also the readings whose
/// word diffs are still to compute.
pub(super) fn build_passage(
    index: usize,
    draft: &Draft,
    versions: &[Version],
    segmented: &[Segmented],
    options: &CompareOptions,
    words: WordDiffs,
    known: Option<&KnownDiffs<'_>>,
) -> (Passage, Vec<Pending>) {
    let base = options.base;
    let span_of = |v: usize, r: &Range<usize>| {
        let s = &segmented[v].sentences;
        s[r.start].range.start..s[r.end - 1].range.end
    };
    let spans: Vec<Span> = draft
        .parts
        .iter()
        .enumerate()
        .filter_map(|(v, p)| {
            p.as_ref().map(|(r, _, _)| Span {
                version: VersionId(v),
                range: span_of(v, r),
            })
        })
        .collect();
    let base_range = draft.parts[base].as_ref().map(|(r, _, _)| span_of(base, r));
    let boilerplate = draft.kind == PassageKind::Boilerplate;
    let mut pending = Vec::new();
    let readings: Vec<Reading> = (0..versions.len())
        .filter(|&v| v != base)
        .enumerate()
        .map(|(k, v)| {
            let other = draft.parts[v]
                .as_ref()
                .map(|(r, moved, confidence)| (span_of(v, r), *moved, *confidence));
            let (reading, later) = reading(
                v,
                base_range.clone(),
                other,
                boilerplate,
                &Sources {
                    versions,
                    segmented,
                    options,
                    words,
                    known,
                },
            );
            pending.extend(later.map(|(base, other)| Pending {
                reading: k,
                base,
                other,
            }));
            reading
        })
        .collect();
    let (status, similarity) = overall(&readings, base_range.is_some(), boilerplate);
    let passage = Passage {
        index,
        kind: draft.kind,
        status,
        similarity,
        spans,
        readings,
    };
    (passage, pending)
}

/// What a reading's word diff reads: the versions, and each version's tokens and their keys;
/// or the diff itself, if it is known.
struct Sources<'a> {
    versions: &'a [Version],
    segmented: &'a [Segmented],
    options: &'a CompareOptions,
    words: WordDiffs,
    known: Option<&'a KnownDiffs<'a>>,
}

/// Word diffs computed already, by the two texts they compare (the base's byte range and the
/// compared version's): a word diff depends on its two texts alone, so a passage of a pair's own
/// comparison whose texts are those of a reading of the passage table of all versions takes
/// that reading's diff instead of diffing them again.
pub(crate) struct KnownDiffs<'a>(FxHashMap<(Range<usize>, Range<usize>), &'a Reading>);

impl<'a> KnownDiffs<'a> {
    /// The word diffs of version `compared`'s readings against `base` among `passages` (whose
    /// word diffs are all computed, under the options the diffs are wanted under).
    pub(crate) fn of(passages: &'a [Passage], base: VersionId, compared: VersionId) -> Self {
        Self(
            passages
                .iter()
                .filter_map(|p| {
                    let reading = p.readings.iter().find(|r| r.version == compared)?;
                    let texts = (p.span(base)?.range.clone(), p.span(compared)?.range.clone());
                    Some((texts, reading))
                })
                .collect(),
        )
    }

    /// The word diff of the base's text in `base` against the compared version's in `other`.
    fn get(&self, base: &Range<usize>, other: &Range<usize>) -> Option<diff::WordDiff> {
        let reading = self.0.get(&(base.clone(), other.clone()))?;
        Some(diff::WordDiff {
            ops: reading.ops.clone(),
            similarity: reading.similarity,
        })
    }
}

impl Sources<'_> {
    /// The text of version `v` in `range`, with its tokens.
    fn passage(&self, v: usize, range: Range<usize>) -> diff::PassageText<'_> {
        let segmented = &self.segmented[v];
        let at = tokens::positions_within(&segmented.tokens, range.clone());
        diff::PassageText {
            text: &self.versions[v].text,
            tokens: &segmented.tokens[at.clone()],
            keys: segmented.keys.get(at),
            range,
        }
    }

    /// The keyed texts of a reading: the base's passage against version `v`'s.
    fn keyed(&self, v: usize, base: Range<usize>, other: Range<usize>) -> diff::Keyed<'_> {
        diff::Keyed::new(
            &self.passage(self.options.base, base),
            &self.passage(v, other),
            self.options.ignore,
        )
    }
}

/// A compared version's reading of a passage, and the base's and its text if the word diff is
/// left for later.
#[allow(clippy::type_complexity)] // a reading and, if pending, its two ranges: read once
fn reading(
    v: usize,
    base_range: Option<Range<usize>>,
    other: Option<(Range<usize>, bool, f32)>,
    boilerplate: bool,
    sources: &Sources<'_>,
) -> (Reading, Option<(Range<usize>, Range<usize>)>) {
    let version = VersionId(v);
    let confidence = other.as_ref().map_or(1.0, |o| o.2);
    let mut later = None;
    let (status, similarity, ops, placement) = match (base_range, other) {
        (Some(b), Some((o, moved, _))) => {
            let (same, d) = if let Some(d) = sources.known.and_then(|k| k.get(&b, &o)) {
                (d.is_same(), d)
            } else {
                let keyed = sources.keyed(v, b.clone(), o.clone());
                let same = keyed.is_same();
                let d = if same || sources.words == WordDiffs::Now {
                    keyed.diff()
                } else {
                    // Known to differ; the similarity and ops come with the diff.
                    later = Some((b, o));
                    diff::WordDiff {
                        ops: Vec::new(),
                        similarity: 0.0,
                    }
                };
                (same, d)
            };
            let status = if boilerplate {
                PassageStatus::Boilerplate
            } else if moved {
                PassageStatus::Moved
            } else if same {
                PassageStatus::Same
            } else {
                PassageStatus::Changed
            };
            // Placement is filled in once every passage has its index.
            let placement = if moved {
                Placement::MovedAfter { after: None }
            } else {
                Placement::InOrder
            };
            (status, d.similarity, d.ops, placement)
        }
        (Some(_), None) if !boilerplate => {
            (PassageStatus::Removed, 0.0, Vec::new(), Placement::InOrder)
        }
        (None, Some(_)) if !boilerplate => {
            (PassageStatus::Added, 0.0, Vec::new(), Placement::InOrder)
        }
        (None, None) if !boilerplate => (PassageStatus::Same, 1.0, Vec::new(), Placement::InOrder),
        _ => (
            PassageStatus::Boilerplate,
            1.0,
            Vec::new(),
            Placement::InOrder,
        ),
    };
    // Identical text needs no evidence; a one-sided reading has no pairing to doubt.
    let confidence = if matches!(status, PassageStatus::Changed | PassageStatus::Moved) {
        confidence
    } else {
        1.0
    };
    let reading = Reading {
        version,
        status,
        similarity,
        placement,
        confidence,
        ops,
    };
    (reading, later)
}

impl std::fmt::Debug for PendingWords {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PendingWords")
            .field("passages", &self.passages.len())
            .finish_non_exhaustive()
    }
}

/// The word diffs left for later (by [`crate::align_versions`]): which readings lack them, and each
/// version's tokens and keys to compute them from.
#[derive(Default)]
pub struct PendingWords {
    segmented: Vec<Segmented>,
    /// Per passage (by index), its readings still to diff; passages without any left out.
    passages: Vec<(usize, Vec<Pending>)>,
}

impl PendingWords {
    /// The pending readings of the passages, and the versions' tokens and keys (kept only if
    /// a reading is pending).
    pub(crate) fn new(segmented: Vec<Segmented>, passages: Vec<(usize, Vec<Pending>)>) -> Self {
        if passages.is_empty() {
            return Self::default();
        }
        Self {
            segmented,
            passages,
        }
    }

    /// Whether no word diff is left to compute.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.passages.is_empty()
    }

    /// Computes the word diffs left out into `passages` (the comparison's, of `versions`
    /// compared with `options`) and the similarities that follow from them: the passages
    /// are then exactly what [`crate::compare_versions`] builds. The diffs run on rayon's pool.
    pub fn fill(self, passages: &mut [Passage], versions: &[Version], options: &CompareOptions) {
        let sources = Sources {
            versions,
            segmented: &self.segmented,
            options,
            words: WordDiffs::Now,
            known: None,
        };
        let diffs: Vec<(usize, Vec<(usize, diff::WordDiff)>)> = self
            .passages
            .par_iter()
            .map(|(index, pending)| {
                let version = |k: usize| passages[*index].readings[k].version.0;
                let diffs = pending
                    .iter()
                    .map(|p| {
                        let d = sources
                            .keyed(version(p.reading), p.base.clone(), p.other.clone())
                            .diff();
                        (p.reading, d)
                    })
                    .collect();
                (*index, diffs)
            })
            .collect();
        for (index, diffs) in diffs {
            let passage = &mut passages[index];
            for (k, d) in diffs {
                let reading = &mut passage.readings[k];
                reading.similarity = d.similarity;
                reading.ops = d.ops;
            }
            let in_base = passage.span(VersionId(options.base)).is_some();
            let boilerplate = passage.kind == PassageKind::Boilerplate;
            (passage.status, passage.similarity) = overall(&passage.readings, in_base, boilerplate);
        }
    }
}

/// The passage's status across versions, most telling first, and its lowest similarity.
/// (Test builders of comparisons use it too, so that they follow the same rule.)
pub(crate) fn overall(
    readings: &[Reading],
    in_base: bool,
    boilerplate: bool,
) -> (PassageStatus, f32) {
    if boilerplate {
        return (PassageStatus::Boilerplate, 1.0);
    }
    let similarity = readings
        .iter()
        .filter(|r| r.status != PassageStatus::Same || in_base)
        .map(|r| r.similarity)
        .fold(1.0f32, f32::min);
    let has = |s: PassageStatus| readings.iter().any(|r| r.status == s);
    let status = if !in_base {
        PassageStatus::Added
    } else if has(PassageStatus::Moved) {
        PassageStatus::Moved
    } else if has(PassageStatus::Removed) {
        PassageStatus::Removed
    } else if has(PassageStatus::Changed) {
        PassageStatus::Changed
    } else {
        PassageStatus::Same
    };
    (status, similarity)
}

/// For each moved reading, which passage it follows in its own version's reading order.
pub(super) fn place_moves(passages: &mut [Passage], n_versions: usize) {
    for v in 0..n_versions {
        let version = VersionId(v);
        let mut order: Vec<(usize, usize)> = passages
            .iter()
            .filter_map(|p| p.span(version).map(|s| (s.range.start, p.index)))
            .collect();
        order.sort_unstable();
        for (k, &(_, index)) in order.iter().enumerate() {
            let after = k.checked_sub(1).map(|prev| order[prev].1);
            if let Some(reading) = passages[index]
                .readings
                .iter_mut()
                .find(|r| r.version == version)
                && let Placement::MovedAfter { after: slot } = &mut reading.placement
            {
                *slot = after;
            }
        }
    }
}
