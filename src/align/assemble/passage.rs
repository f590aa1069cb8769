//! One passage from its draft: spans, each compared version's reading (status, similarity,
//! word ops) and the overall status; then where moved readings stand.

use std::ops::Range;

use super::{Draft, Segmented};
use crate::model::{
    Passage, PassageKind, PassageStatus, Placement, Reading, Span, Version, VersionId,
};
use crate::options::CompareOptions;
use crate::{diff, tokens};

/// Builds a passage: spans from sentence ranges, and each compared version's reading.
pub(super) fn build_passage(
    index: usize,
    draft: &Draft,
    versions: &[Version],
    segmented: &[Segmented],
    options: &CompareOptions,
) -> Passage {
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
    let readings: Vec<Reading> = (0..versions.len())
        .filter(|&v| v != base)
        .map(|v| {
            let other = draft.parts[v]
                .as_ref()
                .map(|(r, moved, confidence)| (span_of(v, r), *moved, *confidence));
            reading(
                v,
                base_range.clone(),
                other,
                boilerplate,
                versions,
                segmented,
                options,
            )
        })
        .collect();
    let (status, similarity) = overall(&readings, base_range.is_some(), boilerplate);
    Passage {
        index,
        kind: draft.kind,
        status,
        similarity,
        spans,
        readings,
    }
}

fn reading(
    v: usize,
    base_range: Option<Range<usize>>,
    other: Option<(Range<usize>, bool, f32)>,
    boilerplate: bool,
    versions: &[Version],
    segmented: &[Segmented],
    options: &CompareOptions,
) -> Reading {
    let base = options.base;
    let passage = |v: usize, range: Range<usize>| {
        let at = tokens::positions_within(&segmented[v].tokens, range.clone());
        diff::PassageText {
            text: &versions[v].text,
            tokens: &segmented[v].tokens[at.clone()],
            keys: segmented[v].keys.get(at),
            range,
        }
    };
    let version = VersionId(v);
    let confidence = other.as_ref().map_or(1.0, |o| o.2);
    let (status, similarity, ops, placement) = match (base_range, other) {
        (Some(b), Some((o, moved, _))) => {
            let d = diff::diff_tokens(&passage(base, b), &passage(v, o), options.ignore);
            let status = if boilerplate {
                PassageStatus::Boilerplate
            } else if moved {
                PassageStatus::Moved
            } else if d.is_same() {
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
    Reading {
        version,
        status,
        similarity,
        placement,
        confidence,
        ops,
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
