//! What actions do while typing a search, in the presence view and in the help overlay.

use super::{App, Mode, Notice, Stepping, Underlay};
use crate::app::keymap::Action;
use crate::app::list::ListState;
use crate::app::nav::Direction;
use crate::app::presence::PresenceRow;
use crate::app::search::Search;

/// Rows above the presence table's first passage row: its title and the column header.
pub(in crate::app) const PRESENCE_HEADER: usize = 2;
/// Rows below the presence table's passage rows: the per-version counts and outlier scores.
pub(in crate::app) const PRESENCE_FOOTER: usize = 2;

impl App {
    /// An action while typing a search: the hits follow every keystroke.
    pub(super) fn searching(&mut self, action: Action) {
        let Mode::Search { origin, previous } = self.mode.clone() else {
            return;
        };
        match action {
            // A full query ignores further keys without searching again, so a pasted book
            // costs one cheap check per character, not one search each (issue 9).
            Action::SearchType(_) if self.search.as_ref().is_some_and(Search::is_full) => {}
            Action::SearchType(c) => self.edit_query(origin, |q| q.push(c)),
            Action::SearchErase => self.edit_query(origin, |q| {
                q.pop();
            }),
            Action::NextHit => self.step_hit(Direction::Forward),
            Action::PrevHit => self.step_hit(Direction::Backward),
            // The panes stay live under the search prompt.
            Action::Wheel(_) | Action::Click { .. } => self.browse(action),
            Action::SearchAccept => {
                self.mode = Mode::Browse;
                let empty = self.search.as_ref().is_none_or(|s| s.query.is_empty());
                if empty {
                    // Enter on an empty query repeats the previous search.
                    self.search = previous;
                    self.step_hit(Direction::Forward);
                } else if self.search.as_ref().is_some_and(|s| s.hits.is_empty()) {
                    self.notice = Some(Notice::NoHits);
                }
            }
            Action::SearchCancel => {
                self.mode = Mode::Browse;
                self.search = previous;
                self.nav = origin;
            }
            _ => {}
        }
    }

    /// Changes the query, finds its hits and goes to the first one from where the search began.
    fn edit_query(&mut self, origin: crate::app::nav::Nav, edit: impl FnOnce(&mut String)) {
        let Some(shown) = &self.shown else { return };
        let mut query = self.search.take().map(|s| s.query).unwrap_or_default();
        edit(&mut query);
        let search = Search::new(query, &shown.layout);
        let first = search.first_from(origin.current);
        self.search = Some(search);
        self.nav = origin;
        match first {
            Some(index) => {
                if let Some(s) = &mut self.search {
                    s.current = Some(index);
                }
                self.show_hit(index);
            }
            None if self.search.as_ref().is_some_and(|s| !s.query.is_empty()) => {
                self.notice = Some(Notice::NoHits);
            }
            None => {}
        }
    }

    /// Passage rows the presence table shows at once: the screen less the status and hint
    /// lines, the table's header and its summary lines.
    fn presence_height(&self) -> usize {
        self.screen
            .areas()
            .map_or(1, |a| {
                usize::from(a.full.height).saturating_sub(2 + PRESENCE_HEADER + PRESENCE_FOOTER)
            })
            .max(1)
    }

    /// An action in the presence view.
    pub(super) fn presence(&mut self, action: Action, mut state: ListState) {
        let Some(shown) = &self.shown else {
            self.mode = Mode::Browse;
            return;
        };
        let Some(table) = &shown.presence else {
            self.mode = Mode::Browse;
            return;
        };
        // `n`/`p` honour the stepping mode here too.
        let stepping = self.stepping;
        let stop = |row: &PresenceRow| match stepping {
            Stepping::Divergent => row.status.is_divergent(),
            Stepping::Substantive => shown
                .facts
                .as_ref()
                .is_some_and(|f| f.is_substantive(row.passage)),
        };
        let len = table.rows.len();
        let page = self.presence_height().saturating_sub(1).max(1);
        if state.step(&action, len, page) {
            state.keep_in_view(self.presence_height());
            self.mode = Mode::Presence(state);
            return;
        }
        match action {
            Action::NextChange => {
                state.selected = table
                    .step(state.selected, Direction::Forward, stop)
                    .unwrap_or(state.selected);
            }
            Action::PrevChange => {
                state.selected = table
                    .step(state.selected, Direction::Backward, stop)
                    .unwrap_or(state.selected);
            }
            Action::Click { row, .. } => {
                let offset = usize::from(row).checked_sub(PRESENCE_HEADER);
                if let Some(offset) = offset {
                    state.click(offset, len);
                }
            }
            Action::Jump => {
                self.jump_to_passage(table.rows[state.selected].passage);
                return;
            }
            Action::TogglePresence => {
                self.mode = Mode::Browse;
                return;
            }
            Action::ToggleHelp => {
                self.mode = Mode::Help {
                    scroll: 0,
                    under: Underlay::Presence(state),
                };
                return;
            }
            _ => {}
        }
        state.keep_in_view(self.presence_height());
        self.mode = Mode::Presence(state);
    }

    /// Leaves the presence view for the panes, on a passage of the comparison of all versions.
    fn jump_to_passage(&mut self, passage: usize) {
        self.mode = Mode::Browse;
        self.go_to_shared(passage, None);
    }

    /// An action in the help overlay.
    pub(super) fn help(&mut self, action: Action, scroll: u16, under: Underlay) {
        let scroll = match action {
            Action::Down | Action::Wheel(Direction::Forward) => {
                let max = self
                    .screen
                    .areas()
                    .map_or(0, crate::app::view::help_max_scroll);
                scroll.saturating_add(1).min(max)
            }
            Action::Up | Action::Wheel(Direction::Backward) => scroll.saturating_sub(1),
            Action::ToggleHelp => {
                self.mode = match under {
                    Underlay::Browse => Mode::Browse,
                    Underlay::Presence(state) => Mode::Presence(state),
                    Underlay::Facts(state) => Mode::Facts(state),
                };
                return;
            }
            _ => scroll,
        };
        self.mode = Mode::Help { scroll, under };
    }
}
