//! Comparisons of the loaded versions, one per (base, ignore options), computed on demand and
//! kept: switching back to a base or an ignore setting seen before is instant.
//!
//! With more than two versions loaded, the panes read each pair's own comparison (one per base,
//! compared version and ignore options, kept the same way): the comparison of all versions
//! shares one passage table among them, coarser for a pair than the pair's own alignment, and
//! the pair view is to show what comparing the two files alone shows. The views about all
//! versions (presence, facts panel, version bar) read the comparison of all. With two versions
//! the two are one comparison, computed once.
//!
//! Each comparison is an [`Analysis`] whose facts (about as costly as the comparison itself on
//! big inputs) are found right after it on the same thread, so that drawing never analyses.
//!
//! In the running program the work happens on a background thread ([`super::worker`]) so the
//! screen stays responsive and `q` works during a long alignment: the comparison arrives first,
//! without its word diffs, and is shown at once; then with them; its presence and facts tables
//! and its facts follow. Tests compute
//! inline, facts included.

use std::collections::HashMap;
use std::sync::Arc;

use super::layout::{Ids, LayoutFacts, PairRows, PairRowsKey};
use super::worker::{Job, Outcome, Poll, Worker};
pub use crate::Analysis;
use crate::model::{Version, VersionId};
use crate::options::{CompareOptions, IgnoreOptions};
use crate::present::facts::FactsTable;
use crate::present::labels::Labels;
use crate::present::outline::{Scope, Tally};
use crate::present::presence::PresenceTable;
use crate::{compare_pair, compare_versions};

/// What a comparison depends on besides the versions themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CompareKey {
    /// The base version.
    pub base: VersionId,
    /// What counts as different.
    pub ignore: IgnoreOptions,
}

/// What the panes' comparison depends on besides the versions themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PairKey {
    /// The left pane's version.
    pub base: VersionId,
    /// The right pane's version.
    pub compared: VersionId,
    /// What counts as different.
    pub ignore: IgnoreOptions,
}

impl PairKey {
    /// The pair a layout shows.
    #[must_use]
    pub fn of(layout: &PairRowsKey) -> Self {
        Self {
            base: layout.base,
            compared: layout.compared,
            ignore: layout.ignore,
        }
    }

    /// The comparison of all versions with the pair's base.
    #[must_use]
    pub fn all(self) -> CompareKey {
        CompareKey {
            base: self.base,
            ignore: self.ignore,
        }
    }
}

/// Where comparisons are computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// On the caller's thread, at once (tests).
    Inline,
    /// On a background thread; results are taken in by `Store::collect`.
    Background,
}

#[derive(Debug)]
enum Compute {
    Inline,
    Background(Worker),
}

/// Whether a comparison has its word diffs yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Words {
    /// Being computed in the background: every passage and status is final, but the passages
    /// that differ have no word ops (so no highlights) and no similarity yet.
    Pending,
    /// Computed.
    Diffed,
}

/// The answer to a request for a comparison.
#[derive(Debug, Clone)]
pub enum Lookup {
    /// Computed.
    Ready(Analysis),
    /// Aligned, its word diffs still being computed (it becomes `Ready` when they arrive).
    Aligned(Analysis),
    /// Being computed.
    Pending,
    /// The comparison failed; the message says why.
    Failed(String),
}

/// The loaded versions and every comparison made of them.
#[derive(Debug)]
pub struct Store {
    versions: Arc<Vec<Version>>,
    options: CompareOptions,
    compute: Compute,
    done: HashMap<CompareKey, Lookup>,
    /// The pairs' own comparisons (none when the panes read the comparison of all versions).
    pairs: HashMap<PairKey, Lookup>,
    /// How each pair's own comparison counts its passages, for the version bar: counted once,
    /// when the comparison arrives.
    pair_tallies: HashMap<PairKey, Tally>,
    /// Whether the panes read each pair's own comparison: more than two versions, compared here.
    own_pairs: bool,
    tables: HashMap<CompareKey, Tables>,
    /// Layouts the background thread made with a comparison, until the viewer takes them.
    layouts: HashMap<PairKey, PairRows>,
    /// The facts of a pair's layout (underlines, classes) the background thread found.
    underlines: HashMap<PairKey, LayoutFacts>,
    labels: Labels,
    total_bytes: usize,
}

/// The tables of a comparison that the background thread prepared (none when computing inline:
/// the views build their own the first time they open).
#[derive(Debug, Clone, Default)]
pub struct Tables {
    /// The presence table.
    pub presence: Option<Arc<PresenceTable>>,
    /// The facts panel's table (the facts are found when it arrives).
    pub facts: Option<Arc<FactsTable>>,
    /// How each version differs from the base.
    pub summaries: Option<Vec<Tally>>,
}

impl Store {
    /// A store over loaded versions; `options` supplies everything but the base and ignore
    /// options, which each request names.
    #[must_use]
    pub fn new(versions: Vec<Version>, options: CompareOptions, place: Place) -> Self {
        let total_bytes = versions.iter().map(|v| v.text.len()).sum();
        let labels = Labels::of(&versions);
        let own_pairs = versions.len() > 2;
        let versions = Arc::new(versions);
        let compute = match place {
            Place::Inline => Compute::Inline,
            // Without a thread (the system refused one) the work is simply done inline.
            Place::Background => Worker::spawn(Arc::clone(&versions), labels.clone())
                .map_or(Compute::Inline, Compute::Background),
        };
        Self {
            versions,
            options,
            compute,
            done: HashMap::new(),
            pairs: HashMap::new(),
            pair_tallies: HashMap::new(),
            own_pairs,
            tables: HashMap::new(),
            layouts: HashMap::new(),
            underlines: HashMap::new(),
            labels,
            total_bytes,
        }
    }

    /// The same store, its panes reading the comparison of all versions whatever their number
    /// (a comparison made elsewhere, whose passages are what is to be shown).
    #[must_use]
    pub fn shared_pairs(mut self) -> Self {
        self.own_pairs = false;
        self
    }

    /// The versions' labels.
    #[must_use]
    pub fn labels(&self) -> &Labels {
        &self.labels
    }

    /// Which loaded versions the versions of a pair's panes comparison are.
    #[must_use]
    pub fn pair_ids(&self, key: PairKey) -> Ids {
        if self.own_pairs {
            Ids::pair(key.base, key.compared)
        } else {
            Ids::all(self.versions.len())
        }
    }

    /// The comparison the panes read for a pair: its own with more than two versions, else the
    /// comparison of all (the same as [`Store::request`]). Ask for it before the comparison of
    /// all, so that the background thread does it first.
    pub fn request_pair(&mut self, key: PairKey, layout: Option<PairRowsKey>) -> Lookup {
        if !self.own_pairs {
            return self.request(key.all(), layout);
        }
        if let Compute::Background(worker) = &self.compute {
            worker.want(layout);
        }
        if let Some(found) = self.pairs.get(&key) {
            return found.clone();
        }
        let options = CompareOptions {
            ignore: key.ignore,
            ..self.options.clone()
        };
        let lookup = match &self.compute {
            Compute::Inline => match compare_pair(&self.versions, key.base, key.compared, &options)
            {
                Ok(c) => {
                    let analysis = Analysis::with_facts(c);
                    self.pair_tallies.insert(key, pair_tally(key, &analysis));
                    Lookup::Ready(analysis)
                }
                Err(e) => Lookup::Failed(e.to_string()),
            },
            Compute::Background(worker) => {
                worker.submit(Job::Pair { key, options });
                Lookup::Pending
            }
        };
        self.pairs.insert(key, lookup.clone());
        lookup
    }

    /// How a pair's own comparison counts its passages, once it is computed (`None` before, or
    /// when the panes read the comparison of all versions).
    #[must_use]
    pub fn pair_tally(&self, key: PairKey) -> Option<&Tally> {
        self.pair_tallies.get(&key)
    }

    /// The facts of a pair's layout the background thread found, if it did (cheap to clone).
    #[must_use]
    pub fn underlines(&self, key: PairKey) -> Option<LayoutFacts> {
        self.underlines.get(&key).cloned()
    }

    /// The versions, in input order.
    #[must_use]
    pub fn versions(&self) -> &[Version] {
        &self.versions
    }

    /// Total size of the versions' texts in bytes.
    #[must_use]
    pub fn total_bytes(&self) -> usize {
        self.total_bytes
    }

    /// The comparison for a key: cached, computed now (inline), or requested (background).
    /// `layout` is what the screen shows now: the background thread lays a new comparison out
    /// for it.
    pub fn request(&mut self, key: CompareKey, layout: Option<PairRowsKey>) -> Lookup {
        if let Compute::Background(worker) = &self.compute {
            worker.want(layout);
        }
        if let Some(found) = self.done.get(&key) {
            return found.clone();
        }
        let options = CompareOptions {
            base: key.base.0,
            ignore: key.ignore,
            ..self.options.clone()
        };
        let lookup = match &self.compute {
            Compute::Inline => match compare_versions(self.versions.to_vec(), &options) {
                Ok(c) => Lookup::Ready(Analysis::with_facts(c)),
                Err(e) => Lookup::Failed(e.to_string()),
            },
            Compute::Background(worker) => {
                worker.submit(Job::All {
                    key,
                    options,
                    panes: !self.own_pairs,
                });
                Lookup::Pending
            }
        };
        self.done.insert(key, lookup.clone());
        lookup
    }

    /// The tables prepared for a comparison so far.
    #[must_use]
    pub fn tables(&self, key: CompareKey) -> Tables {
        self.tables.get(&key).cloned().unwrap_or_default()
    }

    /// Keeps a layout as if the background thread had made it.
    #[cfg(test)]
    pub fn insert_layout(&mut self, layout: PairRows) {
        self.layouts.insert(PairKey::of(&layout.key), layout);
    }

    /// Whether the background thread laid out a pair that nobody has taken yet.
    #[must_use]
    pub fn has_layout(&self, key: PairKey) -> bool {
        self.layouts.contains_key(&key)
    }

    /// The layout the background thread made for a pair, if it made one and nobody took it yet.
    pub fn take_layout(&mut self, key: PairKey) -> Option<PairRows> {
        self.layouts.remove(&key)
    }

    /// Adds a comparison made elsewhere (and analysed).
    pub fn insert(&mut self, key: CompareKey, analysis: Analysis) {
        self.done.insert(key, Lookup::Ready(analysis));
    }

    /// Adds a comparison made elsewhere whose word diffs are still to come, as the background
    /// thread sends it first.
    #[cfg(test)]
    pub fn insert_aligned(&mut self, key: CompareKey, analysis: Analysis) {
        self.done.insert(key, Lookup::Aligned(analysis));
    }

    /// Takes in what the background thread finished; says whether anything arrived.
    pub fn collect(&mut self) -> Collected {
        let Compute::Background(worker) = &self.compute else {
            return Collected::Nothing;
        };
        let mut collected = Collected::Nothing;
        loop {
            match worker.poll() {
                Poll::Idle => return collected,
                Poll::Crashed => return Collected::Crashed,
                Poll::Done(Outcome::Compared(key, result)) => {
                    let lookup = match result {
                        Ok(new) => {
                            let new = *new;
                            if let Some(layout) = new.layout {
                                self.layouts.insert(PairKey::of(&layout.key), layout);
                            }
                            self.tables.entry(key).or_default().summaries = Some(new.summaries);
                            match new.words {
                                Words::Pending => Lookup::Aligned(new.analysis),
                                Words::Diffed => Lookup::Ready(new.analysis),
                            }
                        }
                        Err(message) => Lookup::Failed(message),
                    };
                    self.done.insert(key, lookup);
                    collected = Collected::Something;
                }
                Poll::Done(Outcome::Presence(key, table)) => {
                    self.tables.entry(key).or_default().presence = Some(table);
                    collected = Collected::Something;
                }
                Poll::Done(Outcome::Facts(key, table, underlines)) => {
                    self.tables.entry(key).or_default().facts = Some(table);
                    if let Some(found) = underlines {
                        let (pair, marks) = *found;
                        self.underlines.insert(pair, marks);
                    }
                    collected = Collected::Something;
                }
                Poll::Done(Outcome::PairCompared(key, result)) => {
                    let lookup = match result {
                        Ok(new) => {
                            let (analysis, layout) = *new;
                            if let Some(layout) = layout {
                                self.layouts.insert(key, layout);
                            }
                            self.pair_tallies.insert(key, pair_tally(key, &analysis));
                            Lookup::Ready(analysis)
                        }
                        Err(message) => Lookup::Failed(message),
                    };
                    self.pairs.insert(key, lookup);
                    collected = Collected::Something;
                }
                Poll::Done(Outcome::PairFacts(key, marks)) => {
                    self.underlines.insert(key, *marks);
                    collected = Collected::Something;
                }
            }
        }
    }
}

/// How a pair's own comparison counts its passages (its compared version is 0 or 1 there).
fn pair_tally(key: PairKey, analysis: &Analysis) -> Tally {
    let compared = Ids::pair(key.base, key.compared)
        .local(key.compared)
        .unwrap_or(key.compared);
    Tally::of(&analysis.comparison, Scope::Pair(compared))
}

/// What [`Store::collect`] took in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Collected {
    /// No new comparison.
    Nothing,
    /// At least one comparison finished (or failed).
    Something,
    /// The background thread died (the aligner panicked).
    Crashed,
}

#[cfg(test)]
mod tests;
