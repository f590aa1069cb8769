//! What actions do while reading the panes.

use std::sync::Arc;

use super::{App, Mode, Notice, Stepping, Underlay};
use crate::app::keymap::Action;
use crate::app::layout::{Cell, EntryIx, Fold};
use crate::app::list::ListState;
use crate::app::nav::Direction;
use crate::app::presence::{self, PresenceTable};
use crate::app::search::Search;
use crate::app::store::Words;
use crate::model::{PassageStatus, VersionId};
use crate::present::outline;

/// Rows the mouse wheel scrolls per notch.
const WHEEL_ROWS: isize = 3;

impl App {
    /// An action while browsing.
    pub(super) fn browse(&mut self, action: Action) {
        match action {
            Action::NextChange => self.step_change(Direction::Forward),
            Action::PrevChange => self.step_change(Direction::Backward),
            Action::NextFact => self.step_fact(Direction::Forward),
            Action::PrevFact => self.step_fact(Direction::Backward),
            Action::ToggleStepping => {
                self.stepping = self.stepping.toggled();
                self.notice = Some(Notice::Stepping(self.stepping));
            }
            Action::ToggleFacts => self.open_facts(),
            Action::Down => self.scroll(1),
            Action::Up => self.scroll(-1),
            Action::PageDown => self.scroll(self.page()),
            Action::PageUp => self.scroll(-self.page()),
            Action::HalfPageDown => self.scroll((self.page() / 2).max(1)),
            Action::HalfPageUp => self.scroll(-(self.page() / 2).max(1)),
            Action::StartGoto => {
                self.mode = Mode::Goto {
                    typed: String::new(),
                }
            }
            Action::Copy => self.copy(),
            Action::Wheel(Direction::Forward) => self.scroll(WHEEL_ROWS),
            Action::Wheel(Direction::Backward) => self.scroll(-WHEEL_ROWS),
            Action::Top => self.select_edge(Direction::Backward),
            Action::Bottom => self.select_edge(Direction::Forward),
            Action::Click { column, row } => self.click(column, row),
            Action::FollowMove => self.follow_move(),
            Action::ToggleFold => {
                self.pair.fold = self.pair.fold.toggled();
                self.notice = Some(Notice::Folding(self.pair.fold));
                self.refresh();
            }
            Action::CycleIgnore => {
                self.pair.ignore = Self::next_ignore(self.pair.ignore);
                self.notice = Some(Notice::Ignoring(self.pair.ignore));
                self.refresh();
            }
            Action::NextVersion => self.cycle_version(Direction::Forward),
            Action::PrevVersion => self.cycle_version(Direction::Backward),
            Action::PickVersion(id) => self.pick_version(id),
            Action::MakeBase => {
                std::mem::swap(&mut self.pair.base, &mut self.pair.compared);
                self.notice = Some(Notice::NewBase(self.pair.base));
                self.refresh();
            }
            Action::TogglePresence => self.open_presence(),
            Action::ToggleHelp => {
                self.mode = Mode::Help {
                    scroll: 0,
                    under: Underlay::Browse,
                }
            }
            Action::StartSearch => {
                self.mode = Mode::Search {
                    origin: self.nav,
                    previous: self.search.take(),
                };
                self.search = Some(Search::default());
            }
            Action::NextHit => self.step_hit(Direction::Forward),
            Action::PrevHit => self.step_hit(Direction::Backward),
            Action::Back if self.search.is_some() => self.search = None,
            Action::Back => self.notice = Some(Notice::EscapeDoesNotQuit),
            _ => {}
        }
    }

    /// Rows a page scrolls: the screen less two rows of overlap.
    fn page(&self) -> isize {
        self.height().saturating_sub(2).max(1).cast_signed()
    }

    fn scroll(&mut self, delta: isize) {
        let height = self.height();
        if let Some(shown) = &self.shown {
            self.nav.scroll(&shown.layout, height, delta);
        }
    }

    /// To the next or previous divergent passage, or substantive change (see [`Stepping`]).
    /// Inside a passage taller than the screen, its word changes come first.
    fn step_change(&mut self, direction: Direction) {
        if self.step_within(direction) {
            return;
        }
        let height = self.height();
        let stepping = self.stepping;
        let Some(shown) = &self.shown else { return };
        let found = self
            .nav
            .step(&shown.layout, height, direction, |ix| match stepping {
                Stepping::Divergent => shown.layout.entry(ix).status.is_divergent(),
                Stepping::Substantive => shown.layout.is_substantive(ix),
            });
        if found && direction == Direction::Backward {
            self.enter_from_below();
        }
        if !found {
            self.notice = Some(match (stepping, direction) {
                (Stepping::Divergent, Direction::Forward) => Notice::NoChangeBelow,
                (Stepping::Divergent, Direction::Backward) => Notice::NoChangeAbove,
                (Stepping::Substantive, Direction::Forward) => Notice::NoSubstantiveBelow,
                (Stepping::Substantive, Direction::Backward) => Notice::NoSubstantiveAbove,
            });
        }
    }

    /// To the next or previous passage with an underlined fact.
    fn step_fact(&mut self, direction: Direction) {
        let Some(shown) = &self.shown else { return };
        let layout = &shown.layout;
        let entries = &layout.entries;
        let current = self.nav.current.0;
        let has_fact = |i: &usize| layout.fact_count(EntryIx(*i)) > 0;
        let found = match direction {
            Direction::Forward => (current + 1..entries.len()).find(has_fact),
            Direction::Backward => (0..current).rev().find(has_fact),
        };
        match found {
            Some(i) => self.go_to_passage(entries[i].passage),
            None => {
                self.notice = Some(match direction {
                    Direction::Forward => Notice::NoFactBelow,
                    Direction::Backward => Notice::NoFactAbove,
                });
            }
        }
    }

    /// Makes a passage of the panes' comparison current and shows it: if the pair on screen
    /// does not show it, compares with the first version that carries it; if it is folded away,
    /// unfolds.
    pub(in crate::app) fn go_to_passage(&mut self, passage: usize) {
        let Some(shown) = &self.shown else { return };
        if shown.layout.entry_of_passage(passage).is_none() {
            let carrier = shown.panes.comparison.passages[passage]
                .spans
                .iter()
                .map(|s| shown.panes.ids.loaded(s.version))
                .find(|v| *v != self.pair.base);
            if let Some(version) = carrier {
                self.pick_version(version);
            }
        }
        let Some(shown) = &self.shown else { return };
        let Some(ix) = shown.layout.entry_of_passage(passage) else {
            return;
        };
        if self.is_folded(ix) {
            self.pair.fold = Fold::Open;
            self.notice = Some(Notice::Unfolded);
            self.refresh();
        }
        let height = self.height();
        let Some(shown) = &self.shown else { return };
        if let Some(ix) = shown.layout.entry_of_passage(passage) {
            self.nav.select(&shown.layout, height, ix);
        }
    }

    /// Whether an entry is folded away into a run of same passages.
    fn is_folded(&self, entry: EntryIx) -> bool {
        self.shown.as_ref().is_some_and(|s| {
            s.layout.key.fold == Fold::Folded
                && matches!(
                    s.layout.entry(entry).status,
                    PassageStatus::Same | PassageStatus::Boilerplate
                )
        })
    }

    fn select_edge(&mut self, direction: Direction) {
        let height = self.height();
        let Some(shown) = &self.shown else { return };
        let count = shown.layout.entries.len();
        if count == 0 {
            return;
        }
        match direction {
            Direction::Backward => {
                self.nav.current = EntryIx(0);
                self.nav.top = 0;
            }
            Direction::Forward => {
                self.nav.current = EntryIx(count - 1);
                self.nav.top = usize::MAX;
                self.nav.clamp(&shown.layout, height);
            }
        }
    }

    /// A click in a pane selects the passage under the pointer; a click on the overview strip
    /// scrolls there.
    fn click(&mut self, column: u16, row: u16) {
        let height = self.height();
        let (Some(areas), Some(shown)) = (self.screen.areas(), &self.shown) else {
            return;
        };
        if let Some(body_row) = areas.pane_row(column, row) {
            let at = self.nav.top + body_row;
            if let Some(ix) = shown.layout.row_entry(at) {
                self.nav.current = ix;
            }
        } else if let Some(cell) = areas.overview_cell(column, row) {
            let target = shown.overview.row_of_cell(cell).saturating_sub(height / 2);
            self.nav.scroll_to(&shown.layout, height, target);
            if let Some(ix) = shown.layout.entry_at_row(shown.overview.row_of_cell(cell)) {
                self.nav.current = ix;
            }
        }
    }

    /// From a moved passage to the place it went (the "moved here" row), and back.
    fn follow_move(&mut self) {
        let height = self.height();
        let Some(shown) = &self.shown else { return };
        let layout = &shown.layout;
        let Some(current) = layout.entries.get(self.nav.current.0) else {
            return;
        };
        let Some(target) = current.jump else {
            self.notice = Some(Notice::NotAMove);
            return;
        };
        if current.status == PassageStatus::Moved {
            // Show the marker row that names this passage, inside the target's rows.
            let marker = format!("passage {} here", outline::ordinal(current.passage));
            let rows = layout.rows_of(target);
            let row = rows.clone().find(|&r| {
                layout.row(r).is_some_and(
                    |row| matches!(&row.cells[1], Cell::Note(n) if n.contains(&marker)),
                )
            });
            self.nav.current = target;
            self.nav
                .reveal_rows(layout, height, row.map_or(rows, |r| r..r + 1));
        } else {
            self.nav.select(layout, height, target);
        }
    }

    fn cycle_version(&mut self, direction: Direction) {
        let count = self.store.versions().len();
        let next = presence::cycle(count, self.pair.base, self.pair.compared, direction);
        if next != self.pair.compared {
            self.pair.compared = next;
            self.refresh();
        }
    }

    pub(super) fn pick_version(&mut self, id: VersionId) {
        if id.0 >= self.store.versions().len() {
            self.notice = Some(Notice::NoSuchVersion(id));
        } else if id == self.pair.base {
            self.notice = Some(Notice::IsBase(id));
        } else if id != self.pair.compared {
            self.pair.compared = id;
            self.refresh();
        }
    }

    fn open_presence(&mut self) {
        let current = self.shared_passage();
        let Some(shown) = &mut self.shown else { return };
        if shown.words == Words::Pending {
            self.notice = Some(Notice::WordsComing);
            return;
        }
        let table = shown
            .presence
            .get_or_insert_with(|| Arc::new(PresenceTable::build(&shown.comparison)));
        let selected = current.unwrap_or(0).min(table.rows.len().saturating_sub(1));
        let mut state = ListState { selected, top: 0 };
        state.top = selected.saturating_sub(self.height() / 3);
        self.mode = Mode::Presence(state);
    }

    /// Goes to the next or previous search hit; without a current hit, to the first one from
    /// the current passage.
    pub(super) fn step_hit(&mut self, direction: Direction) {
        let Some(search) = &mut self.search else {
            return;
        };
        let count = search.hits.len();
        if count == 0 {
            self.notice = Some(Notice::NoHits);
            return;
        }
        let next = match (search.current, direction) {
            (Some(i), Direction::Forward) => (i + 1) % count,
            (Some(i), Direction::Backward) => (i + count - 1) % count,
            (None, Direction::Forward) => search.first_from(self.nav.current).unwrap_or(0),
            (None, Direction::Backward) => search
                .first_from(EntryIx(self.nav.current.0 + 1))
                .map_or(count - 1, |i| (i + count - 1) % count),
        };
        let wrapped = match (search.current, direction) {
            (Some(i), Direction::Forward) => next <= i,
            (Some(i), Direction::Backward) => next >= i,
            (None, _) => false,
        };
        search.current = Some(next);
        if wrapped {
            self.notice = Some(Notice::Wrapped);
        }
        self.show_hit(next);
    }

    /// Shows a hit: makes its passage current and scrolls its row into view, unfolding same
    /// passages if the hit is inside a fold.
    pub(super) fn show_hit(&mut self, index: usize) {
        let Some(hit) = self
            .search
            .as_ref()
            .and_then(|s| s.hits.get(index))
            .cloned()
        else {
            return;
        };
        if self.is_folded(hit.entry) {
            self.pair.fold = Fold::Open;
            self.notice = Some(Notice::Unfolded);
            self.refresh();
        }
        let height = self.height();
        let Some(shown) = &self.shown else { return };
        let layout = &shown.layout;
        let rows = layout.rows_of(hit.entry);
        let row = rows.clone().find(|&r| {
            layout
                .row(r)
                .is_some_and(|row| match &row.cells[hit.side.index()] {
                    Cell::Text(runs) => {
                        runs.first()
                            .is_some_and(|first| first.range.start <= hit.range.start)
                            && runs
                                .last()
                                .is_some_and(|last| hit.range.start < last.range.end)
                    }
                    _ => false,
                })
        });
        self.nav.current = hit.entry;
        self.nav
            .reveal_rows(layout, height, row.map_or(rows, |r| r..r + 1));
    }
}
