//! storydiff compares versions of the same article — rewrites, re-paragraphed copies, spun
//! copies — and shows what changed, passage by passage and word by word.
//!
//! ```text
//! bytes ──load──▶ Version ──segment──▶ sentences ──align──▶ passages ──diff──▶ word ops
//!                 (decode, repair)     (abbrev-aware)       (anchors + DP,     (similar,
//!                                                            moves)             cleanup)
//!                                              │
//!                                              ▼
//!             Analysis { Comparison, facts } ──present──┬─▶ render (inline, side-by-side, json, …)
//!             (facts: numbers, names, quotes)  (outline, ├─▶ app (the TUI)
//!                                              text,     └─▶ html (the report)
//!                                              tables)
//! ```
//!
//! The core (`load`, `segment`, `align`, `diff`, `facts`, `model`) and [`present`] know nothing
//! of terminals or HTML; the printers in [`render`], the viewer in `app` and the report in
//! [`html`] only read the [`Analysis`] it returns, through [`present`].
//!
//! ```
//! use storydiff::{compare, CompareOptions, Input, PassageStatus, VersionId};
//!
//! let old = Input::from_bytes("old", "Rescue work goes on in Ternopil. The army said 26 people died.");
//! let new = Input::from_bytes("new", "The army said 28 people died.\n\nRescue work goes on in Ternopil.");
//! let comparison = compare(vec![old, new], &CompareOptions::default()).unwrap();
//! assert!(comparison.differs());
//! // The sentence moved and its number changed: one passage holds both places.
//! let moved: Vec<&str> = comparison
//!     .passages
//!     .iter()
//!     .filter(|p| p.status == PassageStatus::Moved)
//!     .filter_map(|p| comparison.passage_text(p, VersionId(1)))
//!     .collect();
//! assert_eq!(moved, ["The army said 28 people died."]);
//! ```

pub mod align;
mod analysis;
pub mod app;
pub mod diff;
pub mod error;
pub mod facts;
pub mod html;
pub mod load;
pub mod model;
pub mod options;
pub mod present;
pub mod render;
pub mod segment;
#[cfg(test)]
mod testing;
pub mod tokens;
pub mod visible;

use rayon::prelude::*;

pub use analysis::Analysis;
pub use error::{Error, Result};
pub use load::Input;
pub use model::{
    Comparison, Passage, PassageKind, PassageStatus, Placement, Reading, Span, Version, VersionId,
    WordOp,
};
pub use options::{CompareOptions, IgnoreOptions};

/// Loads the inputs and compares them: the one result the printers, the viewer and the HTML
/// report read (facts are found the first time one of them asks). With three or more versions
/// the analysis keeps each pair's own alignment, which the comparison found anyway, so that
/// [`Analysis::pair`] assembles the pair's comparison without aligning the two again.
pub fn analyze(inputs: Vec<Input>, options: &CompareOptions) -> Result<Analysis> {
    analyze_versions(load_versions(inputs, options)?, options)
}

/// [`analyze`] for versions that are already loaded.
pub fn analyze_versions(versions: Vec<Version>, options: &CompareOptions) -> Result<Analysis> {
    let versions = segmented(versions, options)?;
    let (passages, pairs) = align::align_with_pairs(&versions, options);
    let comparison = comparison_of(versions, passages, options.clone());
    Ok(match pairs {
        Some(pairs) => Analysis::with_pair_alignments(comparison, pairs),
        None => Analysis::new(comparison),
    })
}

/// Loads the inputs and compares them. The first input is version 0.
pub fn compare(inputs: Vec<Input>, options: &CompareOptions) -> Result<Comparison> {
    compare_versions(load_versions(inputs, options)?, options)
}

/// Loads the inputs, in parallel. The first input is version 0.
fn load_versions(inputs: Vec<Input>, options: &CompareOptions) -> Result<Vec<Version>> {
    // Versions decode independently; the first failing input (in the order given) is the one
    // reported, whichever thread finished first.
    let loaded: Vec<Result<Version>> = inputs
        .into_par_iter()
        .enumerate()
        .map(|(i, input)| load::load_version(VersionId(i), input, options))
        .collect();
    loaded.into_iter().collect()
}

/// Compares versions that are already loaded (for example to switch the base or the ignore
/// options without reading the inputs again).
pub fn compare_versions(versions: Vec<Version>, options: &CompareOptions) -> Result<Comparison> {
    let versions = segmented(versions, options)?;
    let passages = align::align(&versions, options);
    Ok(comparison_of(versions, passages, options.clone()))
}

/// [`compare_versions`] in two steps, for a viewer that shows the passages before their word
/// diffs: the comparison without the word diffs of readings whose texts differ (every status
/// and every placement is final, the similarities of those readings are not), then
/// [`Aligned::with_word_diffs`].
pub fn align_versions(versions: Vec<Version>, options: &CompareOptions) -> Result<Aligned> {
    let versions = segmented(versions, options)?;
    let (passages, words) = align::align_deferred(&versions, options);
    let comparison = comparison_of(versions, passages, options.clone());
    Ok(Aligned { comparison, words })
}

/// A comparison whose word diffs are not all computed yet (see [`align_versions`]).
#[derive(Debug)]
pub struct Aligned {
    /// The comparison so far: readings whose texts differ have no word ops yet, and a
    /// similarity of 0 until they have.
    pub comparison: Comparison,
    words: align::PendingWords,
}

impl Aligned {
    /// Whether word diffs are still to be computed.
    #[must_use]
    pub fn words_pending(&self) -> bool {
        !self.words.is_empty()
    }

    /// Computes the word diffs left out: the comparison [`compare_versions`] returns.
    #[must_use]
    pub fn with_word_diffs(self) -> Comparison {
        let (mut comparison, words) = self.into_parts();
        words.fill(
            &mut comparison.passages,
            &comparison.versions,
            &comparison.options,
        );
        comparison
    }

    /// The comparison so far and what computes the rest into it (or into a copy of it, while
    /// the comparison itself is being shown).
    #[must_use]
    pub fn into_parts(self) -> (Comparison, align::PendingWords) {
        (self.comparison, self.words)
    }
}

/// The versions checked for a comparison and cut into paragraphs.
fn segmented(mut versions: Vec<Version>, options: &CompareOptions) -> Result<Vec<Version>> {
    if versions.len() < 2 {
        return Err(Error::TooFewVersions {
            count: versions.len(),
        });
    }
    if options.base >= versions.len() {
        return Err(Error::BaseOutOfRange {
            base: options.base,
            count: versions.len(),
        });
    }
    versions
        .par_iter_mut()
        .for_each(|version| version.paragraphs = segment::paragraphs(&version.text));
    Ok(versions)
}

/// The two versions of a pair in the order [`compare_pair`] puts them: input order, so that a
/// pair of a larger set is compared exactly as `storydiff A B` would compare the two files.
/// Version `i` of the pair's comparison is loaded version `pair_order(..)[i]`.
#[must_use]
pub fn pair_order(base: VersionId, compared: VersionId) -> [VersionId; 2] {
    [base.min(compared), base.max(compared)]
}

/// Compares two of a set of loaded versions on their own, as if only they had been loaded.
///
/// Among many versions the passage table is shared by all of them (a passage is closed under
/// every version's alignment), so a pair's passages can be coarser there than the pair's own
/// alignment; this is the pair's own. The result holds the two versions renumbered 0 and 1 in
/// the order of [`pair_order`], with `base` as its base; `options.base` is not read.
pub fn compare_pair(
    versions: &[Version],
    base: VersionId,
    compared: VersionId,
    options: &CompareOptions,
) -> Result<Comparison> {
    let (pair, options) = pair_versions(versions, base, compared, options)?;
    compare_versions(pair, &options)
}

/// The comparison of `versions` aligned into `passages` with `options` (the base is the
/// options' base).
fn comparison_of(
    versions: Vec<Version>,
    passages: Vec<Passage>,
    options: CompareOptions,
) -> Comparison {
    Comparison {
        versions,
        base: VersionId(options.base),
        passages,
        options,
    }
}

/// [`compare_pair`] assembled from `alignments`, the pairs' own alignments that the comparison
/// `all` kept ([`align::align_with_pairs`]): the same comparison, without segmenting or
/// aligning the two versions again, nor word-diffing texts `all` diffed already.
pub(crate) fn assemble_pair(
    all: &Comparison,
    compared: VersionId,
    alignments: &align::PairAlignments,
) -> Result<Comparison> {
    let (pair, options) = pair_versions(&all.versions, all.base, compared, &all.options)?;
    let passages = alignments.passages(compared.0, &pair, &options, &all.passages);
    Ok(comparison_of(pair, passages, options))
}

/// The two versions [`compare_pair`] compares, renumbered 0 and 1 in the order of
/// [`pair_order`], and the options it compares them with (`base` being the base's number
/// among them).
fn pair_versions(
    versions: &[Version],
    base: VersionId,
    compared: VersionId,
    options: &CompareOptions,
) -> Result<(Vec<Version>, CompareOptions)> {
    let count = versions.len();
    for id in [base, compared] {
        if id.0 >= count {
            return Err(Error::BaseOutOfRange { base: id.0, count });
        }
    }
    if base == compared {
        return Err(Error::TooFewVersions { count: 1 });
    }
    let order = pair_order(base, compared);
    let pair = order
        .iter()
        .enumerate()
        .map(|(local, id)| Version {
            // The core reads a version's id as its position.
            id: VersionId(local),
            ..versions[id.0].clone()
        })
        .collect();
    let options = CompareOptions {
        base: usize::from(order[1] == base),
        ..options.clone()
    };
    Ok((pair, options))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loaded(texts: &[&str]) -> Vec<Version> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let input = Input::from_bytes(format!("{i:03}_v.txt"), *t);
                load::load_version(VersionId(i), input, &CompareOptions::default()).unwrap()
            })
            .collect()
    }

    #[test]
    fn a_pair_of_many_versions_is_compared_as_the_two_alone() {
        let texts = [
            "The mayor opened the bridge. Crowds cheered. Rain fell later.",
            "Rain fell later. The mayor opened the new bridge. Crowds cheered loudly.",
            "Crowds cheered. The mayor, smiling, opened the bridge on Monday.",
        ];
        let all = loaded(&texts);
        for (base, compared) in [(0, 2), (2, 0), (1, 2)] {
            let (base, compared) = (VersionId(base), VersionId(compared));
            let pair = compare_pair(&all, base, compared, &CompareOptions::default()).unwrap();
            let order = pair_order(base, compared);
            let alone = compare(
                order
                    .iter()
                    .map(|id| Input::from_bytes(format!("{:03}_v.txt", id.0), texts[id.0]))
                    .collect(),
                &CompareOptions {
                    base: usize::from(order[1] == base),
                    ..CompareOptions::default()
                },
            )
            .unwrap();
            assert_eq!(pair.versions.len(), 2);
            assert_eq!(pair.version(pair.base).text, texts[base.0]);
            assert_eq!(pair.passages, alone.passages);
            assert_eq!(pair.base, alone.base);
        }
    }

    /// Every status, placement and span is final after the first step; the second gives
    /// exactly the one-step comparison, passage for passage.
    fn assert_two_steps_make_the_one_step_comparison(
        versions: &[Version],
        options: &CompareOptions,
    ) {
        let aligned = align_versions(versions.to_vec(), options).unwrap();
        let interim = aligned.comparison.clone();
        let full = aligned.with_word_diffs();
        let once = compare_versions(versions.to_vec(), options).unwrap();
        assert_eq!(full.passages.len(), once.passages.len());
        for ((two, one), first) in full
            .passages
            .iter()
            .zip(&once.passages)
            .zip(&interim.passages)
        {
            assert_eq!(two, one);
            assert_eq!((first.status, &first.spans), (one.status, &one.spans));
            for (early, late) in first.readings.iter().zip(&one.readings) {
                assert_eq!(
                    (early.status, &early.placement, early.confidence),
                    (late.status, &late.placement, late.confidence)
                );
                // Left out only where the texts differ.
                assert!(early.ops.is_empty() || early.ops == late.ops);
            }
        }
        assert_eq!(full.versions.len(), once.versions.len());
    }

    #[test]
    fn word_diffs_computed_afterwards_give_the_comparison_computed_at_once() {
        let options = CompareOptions::default();
        let seeds: Vec<Version> = load::bundled_seeds()
            .into_iter()
            .enumerate()
            .map(|(i, input)| load::load_version(VersionId(i), input, &options).unwrap())
            .collect();
        for base in [0, 2] {
            let ignore = IgnoreOptions {
                case: base == 2,
                punctuation: base == 2,
                quotes: false,
            };
            let options = CompareOptions {
                base,
                ignore,
                ..CompareOptions::default()
            };
            assert_two_steps_make_the_one_step_comparison(&seeds, &options);
        }
        let pair = loaded(&[
            "The mayor opened the bridge. Crowds cheered. Rain fell later.",
            "Rain fell later. The mayor opened the new bridge. Crowds cheered.",
        ]);
        assert_two_steps_make_the_one_step_comparison(&pair, &options);
    }

    #[test]
    fn only_readings_whose_texts_differ_wait_for_their_word_diffs() {
        let same = loaded(&["One. Two.", "One. Two."]);
        let aligned = align_versions(same, &CompareOptions::default()).unwrap();
        assert!(!aligned.words_pending());
        let changed = loaded(&[
            "The mayor opened the bridge on Monday. Crowds cheered.",
            "The mayor opened the new bridge on Monday. Crowds cheered.",
        ]);
        let aligned = align_versions(changed, &CompareOptions::default()).unwrap();
        assert!(aligned.words_pending());
        let statuses: Vec<PassageStatus> = aligned
            .comparison
            .passages
            .iter()
            .map(|p| p.status)
            .collect();
        assert!(statuses.contains(&PassageStatus::Changed));
    }

    #[test]
    fn a_pair_needs_two_distinct_loaded_versions() {
        let all = loaded(&["a.", "b.", "c."]);
        let options = CompareOptions::default();
        assert!(compare_pair(&all, VersionId(1), VersionId(1), &options).is_err());
        assert!(compare_pair(&all, VersionId(0), VersionId(3), &options).is_err());
    }
}
