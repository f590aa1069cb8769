//! Keeping what is shown in step with what is asked for: the comparison for the pair's base
//! and ignore options, a layout for the pair, width and fold state, and the reader's place
//! carried across a new layout.

use std::sync::Arc;
use std::time::Instant;

use super::{App, Busy, Mode, Notice, Pair, SPARE_LAYOUTS, Shown, Underlay};
use crate::app::layout::{Entry, EntryIx, PairRows, PairRowsKey};
use crate::app::nav::Nav;
use crate::app::overview::Overview;
use crate::app::presence::{self, PresenceTable};
use crate::app::store::{CompareKey, Lookup, Tables};
use crate::facts::FactReport;
use crate::model::{Comparison, VersionId};
use crate::present::facts::{FactRows, FactsTable};

impl App {
    /// Brings what is shown up to date with the wanted pair and the screen: asks the store for
    /// the comparison, takes in facts and tables that arrived, and lays the pair out again only
    /// as far as its key changed, keeping the reader's place.
    pub(super) fn refresh(&mut self) {
        let key = CompareKey {
            base: self.pair.base,
            ignore: self.pair.ignore,
        };
        let layout_key = self.screen.areas().map(|areas| PairRowsKey {
            base: self.pair.base,
            compared: self.pair.compared,
            ignore: self.pair.ignore,
            width: areas.text_width(),
            fold: self.pair.fold,
        });
        // Asked first, so that a background comparison starts before the screen size is known.
        let analysis = match self.store.request(key, layout_key) {
            Lookup::Ready(analysis) => analysis,
            Lookup::Pending => {
                self.busy.get_or_insert(Busy {
                    since: Instant::now(),
                    ticks: 0,
                });
                return;
            }
            Lookup::Failed(message) => {
                self.busy = None;
                self.notice = Some(Notice::Failed(message));
                self.fall_back();
                return;
            }
        };
        self.busy = None;
        let comparison = Arc::clone(&analysis.comparison);
        // Never waits: in the background the facts come later, and the panes do not wait.
        let facts = analysis.facts_if_found().cloned();
        let tables = self.store.tables(key);
        let Some(layout_key) = layout_key else {
            return;
        };
        let height = self.height();
        let same_comparison = self
            .shown
            .as_ref()
            .is_some_and(|s| Arc::ptr_eq(&s.comparison, &comparison));
        if let Some(shown) = &mut self.shown
            && same_comparison
            && shown.layout.key == layout_key
        {
            take_in(shown, facts, tables);
            if shown.overview.height() != height {
                shown.overview = Overview::build(&shown.layout, height);
            }
            self.nav.clamp(&shown.layout, height);
            self.reopen_view();
            return;
        }
        let anchor = self.anchor();
        let old = self.shown.take();
        let (mut shown, same_entries) =
            self.shown_for(old, comparison, facts.as_deref(), layout_key, height);
        take_in(&mut shown, facts, tables);
        self.shown = Some(shown);
        self.restore(anchor);
        if !same_entries && let (Some(search), Some(shown)) = (&self.search, &self.shown) {
            self.search = Some(search.rerun(&shown.layout));
        }
        self.reopen_view();
    }

    /// What to show for `key`: what is shown, laid out again (the same pair: the entries, and so
    /// the search hits, stay; says so); a spare of the pair, laid out again; or a new layout.
    /// What was shown becomes a spare.
    fn shown_for(
        &mut self,
        old: Option<Shown>,
        comparison: Arc<Comparison>,
        facts: Option<&FactReport>,
        key: PairRowsKey,
        height: usize,
    ) -> (Shown, bool) {
        let mut same_entries = false;
        let mut shown = match old {
            Some(old)
                if Arc::ptr_eq(&old.comparison, &comparison) && old.layout.same_pair(&key) =>
            {
                same_entries = true;
                old
            }
            old => {
                self.spare.extend(old);
                let found = self.spare.iter().position(|s| {
                    Arc::ptr_eq(&s.comparison, &comparison) && s.layout.same_pair(&key)
                });
                if let Some(i) = found {
                    self.spare.remove(i)
                } else {
                    self.new_shown(comparison, facts, key, height)
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
            self.spare.remove(0);
        }
        (shown, same_entries)
    }

    /// A new layout of a comparison, with the parts of the comparison that a spare of another
    /// pair already has.
    fn new_shown(
        &mut self,
        comparison: Arc<Comparison>,
        facts: Option<&FactReport>,
        key: PairRowsKey,
        height: usize,
    ) -> Shown {
        let made = CompareKey {
            base: key.base,
            ignore: key.ignore,
        };
        let kin = self
            .spare
            .iter()
            .rev()
            .find(|s| Arc::ptr_eq(&s.comparison, &comparison));
        let (summaries, presence, facts_table) = kin.map_or_else(
            || {
                // Counted in the background with the comparison, or now.
                let summaries = self.store.tables(made).summaries;
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
        let layout = match self.store.take_layout(made) {
            Some(layout) if layout.same_pair(&key) => layout,
            _ => PairRows::build(&comparison, facts, key),
        };
        Shown {
            overview: Overview::build(&layout, height),
            comparison,
            facts: None,
            layout,
            summaries,
            presence,
            facts_table,
        }
    }

    /// Inks the fact underlines into the entries on screen and a screen above and below, if
    /// the facts arrived after the layout; called after every change, before drawing.
    pub(super) fn prepare_screen(&mut self) {
        let height = self.height();
        let top = self.nav.top;
        if let Some(shown) = &mut self.shown {
            let rows = top.saturating_sub(height)..top.saturating_add(2 * height);
            shown.layout.prepare(&shown.comparison, rows);
        }
    }

    /// A view left open while a new comparison arrived from the background gets its table
    /// again, with the selection kept in range.
    fn reopen_view(&mut self) {
        let Some(shown) = &mut self.shown else { return };
        let mut nothing_to_list = false;
        match &mut self.mode {
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
        if nothing_to_list {
            self.mode = Mode::Browse;
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
        let passage = &shown.comparison.passages[entry.passage];
        let key = shown.layout.key;
        let span = passage
            .span(key.base)
            .or_else(|| passage.span(key.compared))?;
        Some(Anchor {
            version: span.version,
            offset: span.range.start,
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
        let distance = |e: &Entry| -> usize {
            shown.comparison.passages[e.passage]
                .span(anchor.version)
                .map_or(usize::MAX, |s| {
                    if s.range.contains(&anchor.offset) {
                        0
                    } else {
                        s.range.start.abs_diff(anchor.offset) + 1
                    }
                })
        };
        let best = layout
            .entries
            .iter()
            .enumerate()
            .min_by_key(|(_, e)| distance(e))
            .map(|(i, _)| i);
        let current = EntryIx(best.unwrap_or(0));
        self.nav.current = current;
        if current.0 < layout.entries.len() {
            self.nav.top = layout
                .rows_of(current)
                .start
                .saturating_sub(anchor.screen_row);
        }
        self.nav.clamp(layout, height);
    }
}

/// A place in the text that survives re-layout.
#[derive(Debug, Clone, Copy)]
struct Anchor {
    version: VersionId,
    offset: usize,
    screen_row: usize,
}

/// Takes facts and tables that arrived into what is shown: the facts into the layout (classes,
/// fact counts, underlines), the tables for the views.
fn take_in(shown: &mut Shown, facts: Option<Arc<FactReport>>, tables: Tables) {
    if shown.facts.is_none()
        && let Some(facts) = facts
    {
        if !shown.layout.has_facts() {
            // Found in the background with the facts, if the pair is still the one on screen.
            let underlines = tables
                .underlines
                .as_ref()
                .filter(|u| u.compared == shown.layout.key.compared)
                .map(|u| u.marks.clone());
            shown
                .layout
                .add_facts(&shown.comparison, &facts, underlines);
        }
        shown.facts = Some(facts);
    }
    if shown.presence.is_none() {
        shown.presence = tables.presence;
    }
    if shown.facts_table.is_none() && shown.facts.is_some() {
        shown.facts_table = tables.facts;
    }
}
