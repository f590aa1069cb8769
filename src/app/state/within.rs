//! Stepping between the word changes of a passage taller than the screen, so that `n`/`p`
//! always have somewhere to go: a file without sentence punctuation is one passage, and a
//! rewritten story can be one long changed passage.
//!
//! A change is a run of rows with deleted or inserted words on either side; `n` brings the
//! next one below the top quarter of the screen there, `p` the previous one above the screen.
//! Only when the passage has no more does `n`/`p` go on to the next passage.

use std::ops::Range;

use super::{App, Notice};
use crate::app::layout::{Cell, Ink, PairRows};
use crate::app::nav::Direction;

impl App {
    /// Steps to the next or previous word change inside the current passage if it is taller
    /// than the screen; says whether it did.
    pub(super) fn step_within(&mut self, direction: Direction) -> bool {
        let height = self.height();
        let Some(shown) = &self.shown else {
            return false;
        };
        let layout = &shown.layout;
        if self.nav.current.0 >= layout.entries.len() {
            return false;
        }
        let rows = layout.rows_of(self.nav.current);
        if rows.len() <= height {
            return false;
        }
        let starts = change_starts(layout, rows);
        let context = height / 4;
        let top = self.nav.top;
        let max_top = layout.row_count().saturating_sub(height);
        // Where the screen would start for each change; a step must move the screen.
        let found = match direction {
            Direction::Forward => starts
                .iter()
                .position(|&r| r.saturating_sub(context).min(max_top) > top),
            Direction::Backward => starts.iter().rposition(|&r| r < top),
        };
        let Some(at) = found else {
            return false;
        };
        self.nav.top = starts[at].saturating_sub(context).min(max_top);
        self.notice = Some(Notice::ChangeWithin {
            at: at + 1,
            of: starts.len(),
        });
        true
    }
}

impl App {
    /// After stepping back into a passage taller than the screen: show its last word change,
    /// so that `p` then walks its changes backwards.
    pub(super) fn enter_from_below(&mut self) {
        let height = self.height();
        let Some(shown) = &self.shown else { return };
        let layout = &shown.layout;
        if self.nav.current.0 >= layout.entries.len() {
            return;
        }
        let rows = layout.rows_of(self.nav.current);
        if rows.len() <= height {
            return;
        }
        let starts = change_starts(layout, rows);
        if let Some(&last) = starts.last() {
            let max_top = layout.row_count().saturating_sub(height);
            self.nav.top = last
                .saturating_sub(height / 4)
                .min(max_top)
                .max(self.nav.top);
        }
    }
}

/// The first row of each run of rows that carry a word change on either side.
fn change_starts(layout: &PairRows, rows: Range<usize>) -> Vec<usize> {
    let changed = |r: usize| {
        layout.row(r).is_some_and(|row| {
            row.cells.iter().any(|cell| match cell {
                Cell::Text(runs) => runs.iter().any(|run| {
                    matches!(
                        run.ink,
                        Ink::Deleted | Ink::Inserted | Ink::DeletedAccent | Ink::InsertedAccent
                    )
                }),
                _ => false,
            })
        })
    };
    let mut starts = Vec::new();
    let mut before = false;
    for r in rows {
        let now = changed(r);
        if now && !before {
            starts.push(r);
        }
        before = now;
    }
    starts
}

#[cfg(test)]
mod tests;
