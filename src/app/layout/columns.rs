//! What the facts add to a pair's layout besides underlining its text: each entry's class and
//! fact count, and how many divergent and substantive entries follow each entry.
//!
//! These are kept beside the entries, one small vector each, rather than in them: when the
//! facts arrive after the layout (they are found in the background), the background thread
//! works them out for the pair on screen ([`LayoutFacts::find`]) and the layout takes them in
//! whole, so that the frame that shows the facts does not walk a book's entries.

use std::sync::Arc;

use rayon::prelude::*;

use super::entries::{self, pair_class};
use crate::facts::{ChangeClass, FactReport};
use crate::model::{Comparison, PassageStatus, VersionId};
use crate::present::marks::PairFacts;

/// How many entries of a kind follow an entry.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Below {
    pub(super) divergent: usize,
    pub(super) substantive: usize,
}

/// Per entry of a layout: its class, its fact count and what follows it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Columns {
    class: Vec<Option<ChangeClass>>,
    facts: Vec<usize>,
    after: Vec<Below>,
}

impl Columns {
    /// The columns of the entries shown for a pair, given as (passage, status for the pair) in
    /// reading order; `compared` as the comparison numbers it. Without facts, a changed
    /// passage's class is unknown and no fact is counted.
    pub(super) fn of(
        shown: &[(usize, PassageStatus)],
        facts: Option<&FactReport>,
        underlines: Option<&PairFacts>,
        compared: VersionId,
    ) -> Self {
        let class: Vec<Option<ChangeClass>> = shown
            .iter()
            .map(|&(passage, status)| pair_class(facts, passage, compared, status))
            .collect();
        let facts = shown
            .iter()
            .map(|&(passage, _)| underlines.map_or(0, |u| u.count(passage)))
            .collect();
        let mut after = vec![Below::default(); shown.len()];
        let mut count = Below::default();
        for (i, &(_, status)) in shown.iter().enumerate().rev() {
            after[i] = count;
            count.divergent += usize::from(status.is_divergent());
            count.substantive += usize::from(class[i] == Some(ChangeClass::Substantive));
        }
        Self {
            class,
            facts,
            after,
        }
    }

    /// Entries covered.
    pub(super) fn len(&self) -> usize {
        self.class.len()
    }

    /// How much an entry's change matters (`None` where the pair does not differ, and for a
    /// changed passage while the facts are being found).
    pub(super) fn class(&self, entry: usize) -> Option<ChangeClass> {
        self.class.get(entry).copied().flatten()
    }

    /// How many facts the pair disagrees on in an entry.
    pub(super) fn facts(&self, entry: usize) -> usize {
        self.facts.get(entry).copied().unwrap_or(0)
    }

    /// What follows an entry.
    pub(super) fn after(&self, entry: usize) -> Below {
        self.after.get(entry).copied().unwrap_or_default()
    }
}

/// The facts of one pair's layout, found apart from the layout: the underlines and the
/// [`Columns`]. Cheap to clone.
#[derive(Debug, Clone)]
pub struct LayoutFacts {
    pub(super) underlines: Arc<PairFacts>,
    pub(super) columns: Arc<Columns>,
}

impl LayoutFacts {
    /// The facts of the pair `local` (base and compared version, as the comparison numbers
    /// them) of a comparison whose facts are `facts`: what [`super::PairRows::add_facts`]
    /// would otherwise work out over the whole layout.
    #[must_use]
    pub fn find(comparison: &Comparison, facts: &FactReport, local: [VersionId; 2]) -> Self {
        let underlines = PairFacts::build(comparison, facts, local);
        let shown: Vec<(usize, PassageStatus)> = comparison
            .passages
            .par_iter()
            .filter_map(|p| entries::shown_status(comparison, p, local[1]).map(|s| (p.index, s)))
            .collect();
        let columns = Columns::of(&shown, Some(facts), Some(&underlines), local[1]);
        Self {
            underlines: Arc::new(underlines),
            columns: Arc::new(columns),
        }
    }

    /// The underlines.
    #[must_use]
    pub fn underlines(&self) -> &PairFacts {
        &self.underlines
    }
}
