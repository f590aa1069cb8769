//! The one result every front end reads: a [`Comparison`], the facts found in it, and each
//! compared version's own comparison with the base, together.
//!
//! The fact analysis costs about as much as the comparison on big inputs, and only some views
//! show facts (the JSON, the facts table, the viewer, the HTML report), so it runs the first
//! time something asks for it and is kept: whoever asks, it runs once. The viewer asks on its
//! background thread, so drawing never waits for it. The facts each version's text states are
//! extracted once for the analysis and its pairs' analyses, which read the same texts.
//!
//! With more than two versions the passage table is shared by all of them: a passage is the
//! smallest group every version's pairing against the base respects, so for one pair it can be
//! coarser than that pair's own alignment and hold sentences of the pair that do not correspond
//! (issue 7). The outputs that show one compared version against the base read the pair's own
//! comparison instead ([`Analysis::pair`]), so that pairing two versions does not depend on which
//! other versions are loaded. Those are found the same way as the facts: all of them, in
//! parallel, the first time one is asked for, and kept. With two versions the table *is* the
//! pair's comparison and nothing more is computed. An analysis made by [`crate::analyze`] keeps
//! each pair's own alignment, which the table's alignment found anyway (each pair is aligned on
//! its own), and assembles the pairs' comparisons from it; others compare each pair alone
//! ([`compare_pair`]), which gives the same comparisons.

use std::sync::{Arc, Mutex, OnceLock};

use rayon::prelude::*;

use crate::align::PairAlignments;
use crate::facts::extract::{self, Extraction};
use crate::facts::{self, FactReport};
use crate::model::{Comparison, VersionId};
use crate::{assemble_pair, compare_pair, pair_order};

/// A comparison, its fact analysis and its pairs' own comparisons. Cheap to clone (all are
/// shared).
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The aligned passages.
    pub comparison: Arc<Comparison>,
    /// Facts compared across the versions, outlier scores, significance of each change;
    /// computed on first use.
    facts: Arc<OnceLock<Arc<FactReport>>>,
    /// Each compared version's own comparison with the base, by version (`None` for the
    /// base); computed on first use, and never with two versions.
    pairs: Arc<OnceLock<Vec<Option<Analysis>>>>,
    /// Each pair's own alignment as the comparison found it, if it was kept: what `pairs` are
    /// assembled from, taken (and freed) when they are.
    pair_alignments: Arc<Mutex<Option<PairAlignments>>>,
    /// The facts extracted from each loaded version's text, shared with the pairs' analyses.
    extractions: Arc<Extractions>,
    /// Which loaded version each version of this comparison is (where its extraction is kept):
    /// itself, or in a pair's analysis the two of [`Analysis::pair_ids`].
    loaded: Arc<[VersionId]>,
}

/// The facts each loaded version's text states ([`extract::extract`], the part of the fact
/// analysis that reads the text), found the first time a version's facts are analysed and kept
/// for the other analyses that read the same text: a pair's versions are two of the loaded ones.
///
/// Each version has its own cell, filled by one extraction that runs nothing in parallel: a
/// thread that waits inside an initialisation for work it shared out may take up other work
/// meanwhile, and that work must not wait for the same initialisation.
#[derive(Debug)]
struct Extractions(Vec<OnceLock<Extraction>>);

impl Extractions {
    fn new(versions: usize) -> Self {
        Self((0..versions).map(|_| OnceLock::new()).collect())
    }

    /// The extraction of loaded version `id`, whose text is `text`.
    fn of(&self, id: VersionId, text: &str) -> &Extraction {
        self.0[id.0].get_or_init(|| extract::extract(text))
    }
}

impl Analysis {
    /// The analysis of a comparison; the facts are found when first asked for.
    #[must_use]
    pub fn new(comparison: Comparison) -> Self {
        Self::with_kept(comparison, None)
    }

    /// The analysis of a comparison of three or more versions whose run kept each pair's own
    /// alignment ([`crate::align::align_with_pairs`]), so that [`Analysis::pair`] needs no
    /// alignment of its own.
    pub(crate) fn with_pair_alignments(comparison: Comparison, pairs: PairAlignments) -> Self {
        Self::with_kept(comparison, Some(pairs))
    }

    fn with_kept(comparison: Comparison, pair_alignments: Option<PairAlignments>) -> Self {
        let versions = comparison.versions.len();
        Self {
            comparison: Arc::new(comparison),
            facts: Arc::default(),
            pairs: Arc::default(),
            pair_alignments: Arc::new(Mutex::new(pair_alignments)),
            extractions: Arc::new(Extractions::new(versions)),
            loaded: (0..versions).map(VersionId).collect(),
        }
    }

    /// The analysis of a comparison with its facts found now.
    #[must_use]
    pub fn with_facts(comparison: Comparison) -> Self {
        let analysis = Self::new(comparison);
        let _ = analysis.facts();
        analysis
    }

    /// The facts if they have been found, without finding them or waiting while another thread
    /// does (the viewer's drawing thread asks this way).
    #[must_use]
    pub fn facts_if_found(&self) -> Option<&Arc<FactReport>> {
        self.facts.get()
    }

    /// The facts of the comparison (found on the first call, by whichever front end asks).
    #[must_use]
    pub fn facts(&self) -> &Arc<FactReport> {
        self.facts.get_or_init(|| {
            // Each version is read on its own, in parallel (in version order), or found read
            // already by another analysis of the same text. The analysis takes them as one
            // slice: copying a version's facts costs little beside finding them.
            let extractions: Vec<Extraction> = self
                .comparison
                .versions
                .par_iter()
                .zip(self.loaded.par_iter())
                .map(|(version, &id)| self.extractions.of(id, &version.text).clone())
                .collect();
            Arc::new(facts::analyze_extracted(&self.comparison, &extractions))
        })
    }

    /// The base and `compared` compared alone, as `storydiff BASE COMPARED` (in input order)
    /// compares them: the analysis itself with two versions; with more, the pair's own
    /// comparison ([`compare_pair`]), whose versions are numbered 0 and 1 (see
    /// [`Analysis::pair_ids`]) and whose facts are its own. The first call compares every
    /// compared version with the base, in parallel; later calls return what it found.
    ///
    /// # Panics
    ///
    /// If `compared` is the base or not one of the versions.
    #[must_use]
    pub fn pair(&self, compared: VersionId) -> &Analysis {
        let comparison = &self.comparison;
        assert!(
            compared != comparison.base && compared.0 < comparison.versions.len(),
            "version {} is no compared version",
            compared.0
        );
        if comparison.versions.len() == 2 {
            return self;
        }
        let pairs = self.pairs.get_or_init(|| {
            let alignments = self
                .pair_alignments
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .take();
            comparison
                .versions
                .par_iter()
                .map(|v| {
                    (v.id != comparison.base).then(|| self.compare_alone(v.id, alignments.as_ref()))
                })
                .collect()
        });
        pairs[compared.0]
            .as_ref()
            .expect("every compared version has its pair")
    }

    /// Which versions of this analysis the versions of [`Analysis::pair`]`(compared)` are: its
    /// version `i` is `pair_ids(compared)[i]` (with two versions, each is itself).
    #[must_use]
    pub fn pair_ids(&self, compared: VersionId) -> [VersionId; 2] {
        pair_order(self.comparison.base, compared)
    }

    /// One pair, compared alone: assembled from its own alignment if it was kept, else aligned
    /// again.
    fn compare_alone(&self, compared: VersionId, kept: Option<&PairAlignments>) -> Analysis {
        let c = &self.comparison;
        let pair = match kept {
            Some(kept) => assemble_pair(c, compared, kept),
            None => compare_pair(&c.versions, c.base, compared, &c.options),
        }
        // Two distinct versions of a valid comparison: nothing can fail.
        .expect("a pair of a comparison's versions compares");
        let loaded = self.pair_ids(compared).map(|id| self.loaded[id.0]);
        Analysis {
            loaded: loaded.into(),
            extractions: Arc::clone(&self.extractions),
            ..Analysis::new(pair)
        }
    }
}

#[cfg(test)]
mod tests;
