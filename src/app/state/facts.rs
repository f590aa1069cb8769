//! What actions do in the facts panel, and the jump from a fact to its passage.

use std::sync::Arc;

use super::{App, Mode, Notice, Underlay};
use crate::app::keymap::Action;
use crate::app::layout::PairFacts;
use crate::app::list::ListState;
use crate::app::widgets::{FACTS_LIST_HEADER, facts_panel_shape};
use crate::present::facts::{FactRows, FactsTable};

impl App {
    /// Opens the facts panel, on the first fact of the current passage if it has one. While
    /// the facts are still being found, the panel opens saying so, and fills when they arrive.
    pub(super) fn open_facts(&mut self) {
        let height = self.panel_height();
        let passage = self.shared_passage();
        let Some(shown) = &mut self.shown else { return };
        let Some(facts) = &shown.facts else {
            self.mode = Mode::Facts(ListState::default());
            return;
        };
        let table = shown.facts_table.get_or_insert_with(|| {
            Arc::new(FactsTable::build(
                &shown.comparison,
                facts,
                FactRows::Divergent,
            ))
        });
        if table.rows.is_empty() {
            self.notice = Some(Notice::NoFacts);
            return;
        }
        let selected = table
            .rows
            .iter()
            .position(|r| Some(r.passage) == passage)
            .unwrap_or(0);
        let mut state = ListState { selected, top: 0 };
        let list = facts_panel_shape(table, height).list;
        state.top = selected.saturating_sub(list / 3);
        self.mode = Mode::Facts(state);
    }

    /// Rows the facts panel has: the screen less the status and hint lines.
    fn panel_height(&self) -> usize {
        self.screen
            .areas()
            .map_or(1, |a| usize::from(a.status.y))
            .max(1)
    }

    /// An action in the facts panel.
    pub(super) fn facts_panel(&mut self, action: Action, mut state: ListState) {
        let Some(table) = self.shown.as_ref().and_then(|s| s.facts_table.clone()) else {
            // Waiting for the facts: only closing the panel and the help do anything.
            match action {
                Action::ToggleFacts => self.mode = Mode::Browse,
                Action::ToggleHelp => {
                    self.mode = Mode::Help {
                        scroll: 0,
                        under: Underlay::Facts(state),
                    };
                }
                _ => {}
            }
            return;
        };
        let len = table.rows.len();
        let rows = facts_panel_shape(&table, self.panel_height()).list;
        let page = rows.saturating_sub(1).max(1);
        if state.step(&action, len, page) {
            state.keep_in_view(rows);
            self.mode = Mode::Facts(state);
            return;
        }
        match action {
            Action::Click { row, .. } => {
                let offset = usize::from(row).checked_sub(FACTS_LIST_HEADER);
                if let Some(offset) = offset.filter(|o| *o < rows) {
                    state.click(offset, len);
                }
            }
            Action::Jump => {
                let fact = table.rows.get(state.selected).map(|r| r.fact);
                self.mode = Mode::Browse;
                if let Some(fact) = fact {
                    self.jump_to_fact(fact);
                }
                return;
            }
            Action::ToggleFacts => {
                self.mode = Mode::Browse;
                return;
            }
            Action::ToggleHelp => {
                self.mode = Mode::Help {
                    scroll: 0,
                    under: Underlay::Facts(state),
                };
                return;
            }
            _ => {}
        }
        state.keep_in_view(rows);
        self.mode = Mode::Facts(state);
    }

    /// Shows a fact's passage in the panes. If the pair on screen agrees on the fact, compares
    /// with a version that deviates from the base on it (an outlier first), so that the
    /// difference is underlined.
    pub(super) fn jump_to_fact(&mut self, index: usize) {
        let Some(shown) = &self.shown else { return };
        let Some(fact) = shown.facts.as_ref().and_then(|f| f.facts.get(index)) else {
            return;
        };
        let base = self.pair.base;
        let mut compared = self.pair.compared;
        let c = &shown.comparison;
        if !PairFacts::disagree(c, fact, base, compared) {
            let others = shown.comparison.versions.iter().map(|v| v.id);
            let pick = fact
                .outliers
                .iter()
                .copied()
                .chain(others)
                .find(|v| *v != base && PairFacts::disagree(c, fact, base, *v))
                // The base does not carry the fact's passage, so no version disagrees with it:
                // show the fact itself, in a version that states it.
                .or_else(|| {
                    (fact.reading(base).is_none() && fact.reading(compared).is_none())
                        .then(|| fact.readings.iter().map(|r| r.version).find(|v| *v != base))
                        .flatten()
                });
            if let Some(version) = pick {
                compared = version;
            }
        }
        // Where the fact stands: the panes may read the pair's own comparison, whose passages
        // are found by the fact's place in the text.
        let reading = fact.reading(compared).or_else(|| fact.reading(base));
        let passage = reading.map_or(fact.passage, |r| r.passage);
        let at = reading.map(|r| (r.version, r.span.start));
        if compared != self.pair.compared {
            self.pick_version(compared);
            self.notice = Some(Notice::ComparingOutlier(compared));
        }
        let notice = self.notice.take();
        self.go_to_shared(passage, at);
        // A switch of version says more than the unfolding that may follow it.
        if notice.is_some() {
            self.notice = notice;
        }
    }
}

#[cfg(test)]
mod tests;
