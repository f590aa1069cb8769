//! Keeping what is shown in step with what is asked for: the comparison for the pair's base
//! and ignore options, a layout for the pair, width and fold state, and the reader's place
//! carried across a new layout.

use std::sync::Arc;
use std::time::Instant;

use super::{App, Busy, Mode, Notice, Pair, Shown, Underlay};
use crate::app::layout::{Entry, EntryIx, PairRows, PairRowsKey};
use crate::app::nav::Nav;
use crate::app::overview::Overview;
use crate::app::presence::{self, PresenceTable};
use crate::app::store::{CompareKey, Lookup};
use crate::model::VersionId;
use crate::present::facts::{FactRows, FactsTable};

impl App {
    /// Brings what is shown up to date with the wanted pair and the screen: asks the store for
    /// the comparison and rebuilds the layout if its key changed, keeping the reader's place.
    pub(super) fn refresh(&mut self) {
        let key = CompareKey {
            base: self.pair.base,
            ignore: self.pair.ignore,
        };
        // Asked first, so that a background comparison starts before the screen size is known.
        let (comparison, facts) = match self.store.request(key) {
            Lookup::Ready(analysis) => (
                Arc::clone(&analysis.comparison),
                Arc::clone(analysis.facts()),
            ),
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
        let Some(areas) = self.screen.areas().copied() else {
            return;
        };
        let layout_key = PairRowsKey {
            base: self.pair.base,
            compared: self.pair.compared,
            ignore: self.pair.ignore,
            width: areas.text_width(),
            fold: self.pair.fold,
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
            if shown.overview.height() != height {
                shown.overview = Overview::build(&shown.layout, height);
            }
            self.nav.clamp(&shown.layout, height);
            return;
        }
        let anchor = self.anchor();
        let (layout, summaries, presence, facts_table, reflowed) = match self.shown.take() {
            // Same pair, new width or fold: the entries (and so the search hits) stay.
            Some(old) if same_comparison && old.layout.same_pair(&layout_key) => (
                old.layout.reflow(&comparison, layout_key),
                old.summaries,
                old.presence,
                old.facts_table,
                true,
            ),
            Some(old) if same_comparison => (
                PairRows::build(&comparison, &facts, layout_key),
                old.summaries,
                old.presence,
                old.facts_table,
                false,
            ),
            _ => (
                PairRows::build(&comparison, &facts, layout_key),
                presence::summaries(&comparison),
                None,
                None,
                false,
            ),
        };
        let overview = Overview::build(&layout, height);
        self.shown = Some(Shown {
            comparison,
            facts,
            layout,
            overview,
            summaries,
            presence,
            facts_table,
        });
        self.restore(anchor);
        if !reflowed && let (Some(search), Some(shown)) = (&self.search, &self.shown) {
            self.search = Some(search.rerun(&shown.layout));
        }
        self.reopen_view();
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
                    .get_or_insert_with(|| PresenceTable::build(&shown.comparison));
                state.selected = state.selected.min(table.rows.len().saturating_sub(1));
                state.top = state.top.min(state.selected);
            }
            Mode::Facts(state)
            | Mode::Help {
                under: Underlay::Facts(state),
                ..
            } => {
                let table = shown.facts_table.get_or_insert_with(|| {
                    FactsTable::build(&shown.comparison, &shown.facts, FactRows::Divergent)
                });
                nothing_to_list = table.rows.is_empty();
                state.selected = state.selected.min(table.rows.len().saturating_sub(1));
                state.top = state.top.min(state.selected);
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
        let passage = &shown.comparison.passages[entry.passage];
        let key = shown.layout.key;
        let span = passage
            .span(key.base)
            .or_else(|| passage.span(key.compared))?;
        Some(Anchor {
            version: span.version,
            offset: span.range.start,
            screen_row: entry.rows.start.saturating_sub(self.nav.top),
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
        if let Some(entry) = layout.entries.get(current.0) {
            self.nav.top = entry.rows.start.saturating_sub(anchor.screen_row);
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
