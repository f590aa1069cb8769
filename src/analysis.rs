//! The one result every front end reads: a [`Comparison`] and the facts found in it, together.
//!
//! The fact analysis costs about as much as the comparison on big inputs, and only some views
//! show facts (the JSON, the facts table, the viewer, the HTML report), so it runs the first
//! time something asks for it and is kept: whoever asks, it runs once. The viewer asks on its
//! background thread, so drawing never waits for it.

use std::sync::{Arc, OnceLock};

use crate::facts::{self, FactReport};
use crate::model::Comparison;

/// A comparison and its fact analysis. Cheap to clone (both are shared).
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The aligned passages.
    pub comparison: Arc<Comparison>,
    /// Facts compared across the versions, outlier scores, significance of each change;
    /// computed on first use.
    facts: Arc<OnceLock<Arc<FactReport>>>,
}

impl Analysis {
    /// The analysis of a comparison; the facts are found when first asked for.
    #[must_use]
    pub fn new(comparison: Comparison) -> Self {
        Self {
            comparison: Arc::new(comparison),
            facts: Arc::default(),
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
}
