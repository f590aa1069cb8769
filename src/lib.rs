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
/// report read (facts are found the first time one of them asks).
pub fn analyze(inputs: Vec<Input>, options: &CompareOptions) -> Result<Analysis> {
    compare(inputs, options).map(Analysis::new)
}

/// Loads the inputs and compares them. The first input is version 0.
pub fn compare(inputs: Vec<Input>, options: &CompareOptions) -> Result<Comparison> {
    // Versions decode independently, in parallel; the first failing input (in the order given)
    // is the one reported, whichever thread finished first.
    let loaded: Vec<Result<Version>> = inputs
        .into_par_iter()
        .enumerate()
        .map(|(i, input)| load::load_version(VersionId(i), input, options))
        .collect();
    let versions = loaded.into_iter().collect::<Result<Vec<_>>>()?;
    compare_versions(versions, options)
}

/// Compares versions that are already loaded (for example to switch the base or the ignore
/// options without reading the inputs again).
pub fn compare_versions(
    mut versions: Vec<Version>,
    options: &CompareOptions,
) -> Result<Comparison> {
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
    let passages = align::align(&versions, options);
    Ok(Comparison {
        versions,
        base: VersionId(options.base),
        passages,
        options: options.clone(),
    })
}
