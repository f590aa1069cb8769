//! Keeping what is shown in step with what is asked for: the comparison for the pair's base
//! and ignore options, the comparison the panes read (the pair's own), a layout for the pair,
//! width and fold state, and the reader's place carried across a new layout.
//!
//! Places cross between comparisons by text offset: a passage of the comparison of all versions
//! (a jump from the presence view or the facts panel) is shown as the panes' entry that holds
//! the same text, and the current entry is found in the presence and facts tables the same way.

use std::sync::Arc;
use std::time::Instant;

use super::{App, Busy, Mode, Notice, Pair, Panes, SPARE_LAYOUTS, Shown, Underlay};
use crate::app::layout::{self, EntryIx, LayoutFacts, PairRows, PairRowsKey};
use crate::app::nav::Nav;
use crate::app::overview::Overview;
use crate::app::presence::{self, PresenceTable};
use crate::app::store::{Lookup, PairKey, Tables, Words};
use crate::facts::FactReport;
use crate::model::{Comparison, VersionId};
use crate::present::facts::{FactRows, FactsTable};

impl App {
    /// Brings what is shown up to date with the wanted pair and the screen: asks the store for
    /// the comparison, takes in facts and tables that arrived, and lays the pair out again only
    /// as far as its key changed, keeping the reader's place.
    pub(super) fn refresh(&mut self) {
        let pair = PairKey {
            base: self.pair.base,
            compared: self.pair.compared,
            ignore: self.pair.ignore,
        };
        let key = pair.all();
        let layout_key = self.screen.areas().map(|areas| PairRowsKey {
            base: self.pair.base,
            compared: self.pair.compared,
            ignore: self.pair.ignore,
            width: areas.text_width(),
            fold: self.pair.fold,
        });
        // Asked first, so that a background comparison starts before the screen size is known;
        // the pair on screen before the comparison of all versions.
        let panes = self.store.request_pair(pair, layout_key);
        let all = self.store.request(key, layout_key);
        let (analysis, panes, words) = match (all, panes) {
            (Lookup::Ready(all), Lookup::Ready(panes)) => (all, panes, Words::Diffed),
            // Shown at once; the word diffs follow.
            (
                Lookup::Aligned(all) | Lookup::Ready(all),
                Lookup::Aligned(panes) | Lookup::Ready(panes),
            ) => (all, panes, Words::Pending),
            (Lookup::Failed(message), _) | (_, Lookup::Failed(message)) => {
                self.busy = None;
                self.notice = Some(Notice::Failed(message));
                self.fall_back();
                return;
            }
            _ => {
                self.busy.get_or_insert(Busy {
                    since: Instant::now(),
                    ticks: 0,
                });
                return;
            }
        };
        self.busy = None;
        let comparison = Arc::clone(&analysis.comparison);
        // Never waits: in the background the facts come later, and the panes do not wait.
        let facts = analysis.facts_if_found().cloned();
        let pane_facts = panes.facts_if_found().cloned();
        let panes = Panes {
            comparison: Arc::clone(&panes.comparison),
            facts: None,
            ids: self.store.pair_ids(pair),
        };
        if facts.is_some() {
            self.request_bar_pairs(pair, layout_key);
        }
        let arrived = Arrived {
            facts,
            pane_facts,
            tables: self.store.tables(key),
            underlines: self.store.underlines(pair),
        };
        let Some(layout_key) = layout_key else {
            return;
        };
        let height = self.height();
        let same_comparison = self.shown.as_ref().is_some_and(|s| {
            Arc::ptr_eq(&s.comparison, &comparison)
                && Arc::ptr_eq(&s.panes.comparison, &panes.comparison)
        });
        // The first screens of a book give way to its whole layout once that has arrived.
        let whole_arrived = |shown: &Shown| {
            shown.layout.is_partial() && self.store.has_layout(PairKey::of(&layout_key))
        };
        if let Some(shown) = &mut self.shown
            && same_comparison
            && shown.layout.key == layout_key
            && !whole_arrived(shown)
        {
            take_in(shown, arrived);
            if shown.overview.height() != height {
                shown.overview = Overview::build(&shown.layout, height);
            }
            self.nav.clamp(&shown.layout, height);
            self.reopen_view();
            return;
        }
        let anchor = self.anchor();
        let old = self.shown.take();
        let (mut shown, same_entries) = self.shown_for(
            old,
            comparison,
            panes,
            arrived.pane_facts.as_deref(),
            layout_key,
            height,
        );
        shown.words = words;
        take_in(&mut shown, arrived);
        self.shown = Some(shown);
        self.restore(anchor);
        if !same_entries && let (Some(search), Some(shown)) = (&self.search, &self.shown) {
            self.search = Some(search.rerun(&shown.layout));
        }
        self.reopen_view();
    }

    /// Asks for every compared version's own comparison with the pair's base, so that the
    /// version bar counts each version as its pair view shows it. Asked only once the screen
    /// has what it waits for (the facts of all versions come last), so nothing on it waits for
    /// these; the bar shows the counts of all versions' passage table until they arrive.
    fn request_bar_pairs(&mut self, pair: PairKey, layout: Option<PairRowsKey>) {
        for compared in (0..self.store.versions().len()).map(VersionId) {
            if compared != pair.base {
                let _ = self
                    .store
                    .request_pair(PairKey { compared, ..pair }, layout);
            }
        }
    }

    /// What to show for `key`: what is shown, laid out again (the same pair: the entries, and so
    /// the search hits, stay; says so); a spare of the pair, laid out again; or a new layout.
    /// What was shown becomes a spare.
    fn shown_for(
        &mut self,
        old: Option<Shown>,
        comparison: Arc<Comparison>,
        panes: Panes,
        facts: Option<&FactReport>,
        key: PairRowsKey,
        height: usize,
    ) -> (Shown, bool) {
        let mut same_entries = false;
        let same = |s: &Shown| {
            Arc::ptr_eq(&s.comparison, &comparison)
                && Arc::ptr_eq(&s.panes.comparison, &panes.comparison)
                && s.layout.same_pair(&key)
                && !s.layout.is_partial()
        };
        let mut shown = match old {
            Some(old) if same(&old) => {
                same_entries = true;
                old
            }
            old => {
                match old {
                    // A comparison still without its word diffs is never shown again.
                    Some(old) if old.words == Words::Pending => drop_apart(old),
                    old => self.spare.extend(old),
                }
                let found = self.spare.iter().position(same);
                if let Some(i) = found {
                    self.spare.remove(i)
                } else {
                    self.new_shown(comparison, panes, facts, key, height)
                }
            }
        };
        if shown.layout.key != key {
            shown.layout.reflow(key);
            shown.overview = Overview::build(&shown.layout, height);
        } else if shown.overview.height() != height {
            shown.overview = Overview::build(&shown.layout, height);
        }
        while self.spare.len() > SPARE_LAYOUTS {
            drop_apart(self.spare.remove(0));
        }
        (shown, same_entries)
    }

    /// A new layout of the panes' comparison, with the parts of the comparison of all versions
    /// that a spare of another pair already has. `facts` are the panes' comparison's.
    fn new_shown(
        &mut self,
        comparison: Arc<Comparison>,
        panes: Panes,
        facts: Option<&FactReport>,
        key: PairRowsKey,
        height: usize,
    ) -> Shown {
        let pair = PairKey::of(&key);
        let kin = self
            .spare
            .iter()
            .rev()
            .find(|s| Arc::ptr_eq(&s.comparison, &comparison));
        let (summaries, presence, facts_table) = kin.map_or_else(
            || {
                // Counted in the background with the comparison, or now.
                let summaries = self.store.tables(pair.all()).summaries;
                let summaries = summaries.unwrap_or_else(|| presence::summaries(&comparison));
                (summaries, None, None)
            },
            |s| {
                (
                    s.summaries.clone(),
                    s.presence.clone(),
                    s.facts_table.clone(),
                )
            },
        );
        // Laid out in the background with the comparison, if the pair is still the one asked.
        let layout = match self.store.take_layout(pair) {
            Some(layout) if layout.same_pair(&key) => layout,
            _ => {
                let mut layout = PairRows::build_in(
                    &panes.comparison,
                    facts,
                    key,
                    &panes.ids,
                    self.labels.clone(),
                );
                layout.index_for_switches(&panes.comparison);
                layout
            }
        };
        Shown {
            overview: Overview::build(&layout, height),
            comparison,
            facts: None,
            panes,
            layout,
            summaries,
            presence,
            facts_table,
            words: Words::Diffed,
        }
    }

    /// Inks the fact underlines into the entries on screen and a screen above and below, if
    /// the facts arrived after the layout; called after every change, before drawing.
    pub(super) fn prepare_screen(&mut self) {
        let height = self.height();
        let top = self.nav.top;
        if let Some(shown) = &mut self.shown {
            let rows = top.saturating_sub(height)..top.saturating_add(2 * height);
            shown.layout.prepare(&shown.panes.comparison, rows);
        }
    }

    /// A view left open while a new comparison arrived from the background gets its table
    /// again, with the selection kept in range.
    fn reopen_view(&mut self) {
        let Some(shown) = &mut self.shown else { return };
        let mut nothing_to_list = false;
        let mut waits = false;
        match &mut self.mode {
            Mode::Presence(_)
            | Mode::Help {
                under: Underlay::Presence(_),
                ..
            } if shown.words == Words::Pending => {
                // Its similarities come with the word diffs.
                waits = true;
            }
            Mode::Presence(state)
            | Mode::Help {
                under: Underlay::Presence(state),
                ..
            } => {
                let table = shown
                    .presence
                    .get_or_insert_with(|| Arc::new(PresenceTable::build(&shown.comparison)));
                state.selected = state.selected.min(table.rows.len().saturating_sub(1));
                state.top = state.top.min(state.selected);
            }
            Mode::Facts(state)
            | Mode::Help {
                under: Underlay::Facts(state),
                ..
            } => {
                // The panel waits, saying so, while the facts are being found.
                if let Some(facts) = &shown.facts {
                    let table = shown.facts_table.get_or_insert_with(|| {
                        Arc::new(FactsTable::build(
                            &shown.comparison,
                            facts,
                            FactRows::Divergent,
                        ))
                    });
                    nothing_to_list = table.rows.is_empty();
                    state.selected = state.selected.min(table.rows.len().saturating_sub(1));
                    state.top = state.top.min(state.selected);
                }
            }
            Mode::Browse | Mode::Search { .. } | Mode::Goto { .. } | Mode::Help { .. } => {}
        }
        if nothing_to_list || waits {
            self.mode = Mode::Browse;
        }
        if waits {
            self.notice = Some(Notice::WordsComing);
        }
    }

    /// After a failed comparison, goes back to the pair that is shown.
    fn fall_back(&mut self) {
        if let Some(shown) = &self.shown {
            let key = shown.layout.key;
            self.pair = Pair {
                base: key.base,
                compared: key.compared,
                ignore: key.ignore,
                fold: key.fold,
            };
        }
    }

    /// Where the reader is, in terms that survive a new layout: a text offset of the current
    /// passage and its row on screen.
    fn anchor(&self) -> Option<Anchor> {
        let shown = self.shown.as_ref()?;
        let entry = shown.layout.entries.get(self.nav.current.0)?;
        let rows = shown.layout.rows_of(self.nav.current);
        let (version, offset) = place_of(shown, entry.passage)?;
        Some(Anchor {
            version,
            offset,
            screen_row: rows.start.saturating_sub(self.nav.top),
        })
    }

    /// Finds the anchor's passage in the new layout and puts it back on the same screen row.
    fn restore(&mut self, anchor: Option<Anchor>) {
        let height = self.height();
        let Some(shown) = &self.shown else { return };
        let layout = &shown.layout;
        let Some(anchor) = anchor else {
            self.nav = Nav::default();
            self.nav.clamp(layout, height);
            return;
        };
        let current = entry_at(shown, anchor.version, anchor.offset).unwrap_or_default();
        self.nav.current = current;
        if current.0 < layout.entries.len() {
            self.nav.top = layout
                .rows_of(current)
                .start
                .saturating_sub(anchor.screen_row);
        }
        self.nav.clamp(layout, height);
    }

    /// The passage of the comparison of all versions that holds the current entry's text (the
    /// same passage when the panes read that comparison).
    pub(super) fn shared_passage(&self) -> Option<usize> {
        let shown = self.shown.as_ref()?;
        let entry = shown.layout.entries.get(self.nav.current.0)?;
        if shown.panes.is_all(&shown.comparison) {
            return Some(entry.passage);
        }
        let (version, offset) = place_of(shown, entry.passage)?;
        layout::nearest(
            shown.comparison.passages.iter().enumerate(),
            |p| p.span(version).map(|s| s.range.clone()),
            offset,
        )
    }

    /// Makes the panes' entry current that holds a passage of the comparison of all versions:
    /// where `at` (a loaded version and a text offset) falls, if the pair shows that version,
    /// else where the passage starts in the compared version or the base. A passage the pair
    /// lacks is shown with a version that carries it.
    pub(in crate::app) fn go_to_shared(&mut self, passage: usize, at: Option<(VersionId, usize)>) {
        let Some(shown) = &self.shown else { return };
        if shown.panes.is_all(&shown.comparison) {
            self.go_to_passage(passage);
            return;
        }
        let Some(p) = shown.comparison.passages.get(passage) else {
            return;
        };
        if p.span(self.pair.base).is_none() && p.span(self.pair.compared).is_none() {
            let carrier = p
                .spans
                .iter()
                .map(|s| s.version)
                .find(|v| *v != self.pair.base);
            if let Some(version) = carrier {
                self.pick_version(version);
            }
        }
        let Some(shown) = &self.shown else { return };
        let p = &shown.comparison.passages[passage];
        let key = shown.layout.key;
        let at = at
            .filter(|(v, _)| *v == key.base || *v == key.compared)
            .or_else(|| {
                p.span(key.compared)
                    .or_else(|| p.span(key.base))
                    .map(|s| (s.version, s.range.start))
            });
        let Some((version, offset)) = at else { return };
        if let Some(ix) = entry_at(shown, version, offset) {
            let local = shown.layout.entry(ix).passage;
            self.go_to_passage(local);
        }
    }
}

/// Frees what was shown for a pair on another thread: a book's layout takes tens of
/// milliseconds to free, which the frame need not wait for.
fn drop_apart(old: Shown) {
    let _ = std::thread::Builder::new().spawn(move || drop(old));
}

/// Where a passage of the panes' comparison starts: in the base if it carries it, else in the
/// compared version, as a loaded version and a text offset.
fn place_of(shown: &Shown, passage: usize) -> Option<(VersionId, usize)> {
    let passage = shown.panes.comparison.passages.get(passage)?;
    let [base, compared] = shown.layout.local();
    let span = passage.span(base).or_else(|| passage.span(compared))?;
    Some((shown.panes.ids.loaded(span.version), span.range.start))
}

/// The panes' entry that holds a text offset of a loaded version (or starts nearest it).
fn entry_at(shown: &Shown, version: VersionId, offset: usize) -> Option<EntryIx> {
    let local = shown.panes.ids.local(version);
    shown
        .layout
        .entry_holding(&shown.panes.comparison, local, offset)
}

/// A place in the text that survives re-layout.
#[derive(Debug, Clone, Copy)]
struct Anchor {
    version: VersionId,
    offset: usize,
    screen_row: usize,
}

/// What arrived for what is shown: the facts of the comparison of all versions and of the
/// panes' comparison, the tables, the facts of the pair's layout (underlines, classes).
struct Arrived {
    facts: Option<Arc<FactReport>>,
    pane_facts: Option<Arc<FactReport>>,
    tables: Tables,
    underlines: Option<LayoutFacts>,
}

/// Takes facts and tables that arrived into what is shown: the panes' facts into the layout
/// (classes, fact counts, underlines), the rest for the views.
fn take_in(shown: &mut Shown, arrived: Arrived) {
    if shown.panes.facts.is_none()
        && let Some(facts) = arrived.pane_facts
    {
        if !shown.layout.has_facts() {
            // Found in the background with the facts, if the pair is still the one on screen.
            shown
                .layout
                .add_facts(&shown.panes.comparison, &facts, arrived.underlines);
        }
        shown.panes.facts = Some(facts);
    }
    if shown.facts.is_none() {
        shown.facts = arrived.facts;
    }
    if shown.presence.is_none() {
        shown.presence = arrived.tables.presence;
    }
    if shown.facts_table.is_none() && shown.facts.is_some() {
        shown.facts_table = arrived.tables.facts;
    }
}

#[cfg(test)]
mod tests;
