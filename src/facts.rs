//! Facts that drift between versions, the consensus of many versions, and how much each change
//! matters (issue 4).
//!
//! ```text
//! Version::text ──extract──▶ fact tokens ──pair (per passage)──▶ groups ──rescue──▶ groups
//!  (numbers, money, dates,    (span + normalised   (same kind, related   (join what the
//!   durations, names, quotes)  value)               value, near position)  aligner split)
//!                                                          │
//!                        judge: readings, status, consensus, outliers ◀──┘
//!                              │
//!                              ├─▶ VersionScore per version (outlier score)
//!                              └─▶ Significance per divergent passage + ranking
//! ```
//!
//! [`analyze`] reads a [`Comparison`] and returns a [`FactReport`]; printers and the TUI only
//! read the report. All byte ranges index [`crate::Version::text`]; JSON output maps them with
//! [`crate::Version::original_offset`].
//!
//! The JSON contract of issue 4 maps onto the report directly: each [`Fact`] gives `kind`
//! ([`FactKind::name`]), `passage`, `status` ([`FactStatus::name`]), `consensus` (`null` when
//! most versions do not state the fact) and `readings` (`version`, `text`, `start`/`end` from
//! [`FactReading::span`]); each [`VersionScore::total`] is a version's `outlier_score`.
//!
//! ```
//! use storydiff::facts::{extract, FactKind};
//!
//! let text = "Gen. Chris Donahue said twenty-six people died on Nov. 25.";
//! let facts = extract::extract(text).facts;
//! let values: Vec<(FactKind, &str)> = facts.iter().map(|f| (f.kind, f.value.as_str())).collect();
//! assert_eq!(values, [
//!     (FactKind::Name, "General Chris Donahue"),
//!     (FactKind::Role, "donahue say"),
//!     (FactKind::Number, "26"),
//!     (FactKind::Date, "November 25"),
//! ]);
//! ```

pub mod extract;
mod judge;
mod model;
mod pair;
mod relate;
mod rescue;
mod significance;

pub use model::{
    ChangeClass, Fact, FactKind, FactReading, FactReport, FactStatus, Misquote, ReadingGroup,
    Reason, Significance, VersionClass, VersionScore,
};

use rayon::prelude::*;

use crate::model::Comparison;
use extract::Extraction;
use model::FactKind as Kind;

/// Extracts the facts of every version and compares them through the passage alignment.
#[must_use]
pub fn analyze(c: &Comparison) -> FactReport {
    // Each version is read on its own, in parallel (in version order).
    let extractions: Vec<Extraction> = c
        .versions
        .par_iter()
        .map(|v| extract::extract(&v.text))
        .collect();
    analyze_extracted(c, &extractions)
}

/// Compares facts already extracted (one [`Extraction`] per version, in version order), e.g. to
/// re-run the comparison with another base without extracting again.
///
/// # Panics
///
/// When `extractions` does not hold exactly one extraction per version.
#[must_use]
pub fn analyze_extracted(c: &Comparison, extractions: &[Extraction]) -> FactReport {
    assert_eq!(
        c.versions.len(),
        extractions.len(),
        "one extraction per version"
    );
    let located = pair::locate(c, extractions);
    let mut groups = pair::pair(c, extractions, &located);
    rescue::rescue(c, extractions, &mut groups);
    // A role only one version states compares with nothing.
    groups.retain(|g| {
        let m = g.members[0];
        g.members.len() > 1 || extractions[m.version.0].facts[m.fact].kind != Kind::Role
    });
    let mut judged = judge::judge(c, extractions, &groups);
    // Roles are reported where corresponding sentences disagree on them; agreement on who
    // did what is what a reader assumes.
    judged.retain(|j| j.fact.kind != Kind::Role || j.fact.status != FactStatus::Agree);
    let outliers = judge::scores(c, &judged);
    let (significance, ranking) = significance::assess(c, &judged);
    FactReport {
        facts: judged.into_iter().map(|j| j.fact).collect(),
        outliers,
        significance,
        ranking,
    }
}

#[cfg(test)]
mod tests;
