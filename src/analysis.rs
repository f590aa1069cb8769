//! The one result every front end reads: a [`Comparison`], the facts found in it, and each
//! compared version's own comparison with the base, together.
//!
//! The fact analysis costs about as much as the comparison on big inputs, and only some views
//! show facts (the JSON, the facts table, the viewer, the HTML report), so it runs the first
//! time something asks for it and is kept: whoever asks, it runs once. The viewer asks on its
//! background thread, so drawing never waits for it.
//!
//! With more than two versions the passage table is shared by all of them: a passage is the
//! smallest group every version's pairing against the base respects, so for one pair it can be
//! coarser than that pair's own alignment and hold sentences of the pair that do not correspond
//! (issue 7). The outputs that show one compared version against the base read the pair's own
//! comparison instead ([`Analysis::pair`]), so that pairing two versions does not depend on which
//! other versions are loaded. Those are found the same way as the facts: all of them, in
//! parallel, the first time one is asked for, and kept. With two versions the table *is* the
//! pair's comparison and nothing more is computed.

use std::sync::{Arc, OnceLock};

use rayon::prelude::*;

use crate::facts::{self, FactReport};
use crate::model::{Comparison, VersionId};
use crate::{compare_pair, pair_order};

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
}

impl Analysis {
    /// The analysis of a comparison; the facts are found when first asked for.
    #[must_use]
    pub fn new(comparison: Comparison) -> Self {
        Self {
            comparison: Arc::new(comparison),
            facts: Arc::default(),
            pairs: Arc::default(),
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
        self.facts
            .get_or_init(|| Arc::new(facts::analyze(&self.comparison)))
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
            comparison
                .versions
                .par_iter()
                .map(|v| (v.id != comparison.base).then(|| self.compare_alone(v.id)))
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

    /// One pair, compared alone.
    fn compare_alone(&self, compared: VersionId) -> Analysis {
        let comparison = &self.comparison;
        let pair = compare_pair(
            &comparison.versions,
            comparison.base,
            compared,
            &comparison.options,
        )
        // Two distinct versions of a valid comparison: nothing can fail.
        .expect("a pair of a comparison's versions compares");
        Analysis::new(pair)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Input;
    use crate::{CompareOptions, compare};

    fn analysis(texts: &[&str], base: usize) -> Analysis {
        let inputs = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Input::from_bytes(format!("{i:03}_v.txt"), *t))
            .collect();
        let options = CompareOptions {
            base,
            ..CompareOptions::default()
        };
        Analysis::new(compare(inputs, &options).unwrap())
    }

    const TEXTS: [&str; 3] = [
        "The mayor opened the bridge. Crowds cheered. Rain fell later.",
        "Rain fell later. The mayor opened the new bridge. Crowds cheered loudly.",
        "Crowds cheered. The mayor, smiling, opened the bridge on Monday.",
    ];

    #[test]
    fn with_two_versions_the_pair_is_the_analysis_itself() {
        let two = analysis(&TEXTS[..2], 0);
        assert!(Arc::ptr_eq(
            &two.pair(VersionId(1)).comparison,
            &two.comparison
        ));
        assert_eq!(two.pair_ids(VersionId(1)), [VersionId(0), VersionId(1)]);
    }

    #[test]
    fn with_more_versions_each_pair_reads_as_the_two_compared_alone() {
        for base in [0, 2] {
            let all = analysis(&TEXTS, base);
            for compared in all.comparison.compared() {
                let ids = all.pair_ids(compared);
                let alone = analysis(
                    &ids.map(|id| TEXTS[id.0]),
                    usize::from(ids[1] == all.comparison.base),
                );
                let pair = &all.pair(compared).comparison;
                assert_eq!(pair.passages, alone.comparison.passages);
                assert_eq!(pair.base, alone.comparison.base);
                assert_eq!(pair.version(pair.base).text, TEXTS[base]);
            }
        }
    }

    #[test]
    fn pairs_are_compared_once_and_shared_by_clones() {
        let all = analysis(&TEXTS, 0);
        let clone = all.clone();
        let first = all.pair(VersionId(2));
        assert!(std::ptr::eq(first, all.pair(VersionId(2))));
        assert!(Arc::ptr_eq(
            &first.comparison,
            &clone.pair(VersionId(2)).comparison
        ));
        // A pair's facts are its own, found when asked for.
        assert!(first.facts_if_found().is_none());
        assert!(all.facts_if_found().is_none());
    }

    #[test]
    #[should_panic(expected = "no compared version")]
    fn the_base_has_no_pair() {
        let _ = analysis(&TEXTS, 1).pair(VersionId(1));
    }
}
