//! Where the reader is: the current passage and the first row on screen, and how they move.
//!
//! Scrolling moves the viewport and drags the current passage along when it leaves the screen;
//! selecting a passage moves the viewport to show it. Both panes share one viewport.

use super::layout::{EntryIx, PairRows};

/// The current passage and the scroll position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Nav {
    /// The current passage (marked in both panes).
    pub current: EntryIx,
    /// The first row on screen.
    pub top: usize,
}

/// A direction through the passages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Towards the end.
    Forward,
    /// Towards the start.
    Backward,
}

impl Nav {
    /// The largest useful `top`: the last row at the bottom of the screen.
    fn max_top(layout: &PairRows, height: usize) -> usize {
        layout.row_count().saturating_sub(height)
    }

    /// Scrolls by `delta` rows; the current passage follows if it left the screen.
    pub fn scroll(&mut self, layout: &PairRows, height: usize, delta: isize) {
        self.top = self
            .top
            .saturating_add_signed(delta)
            .min(Self::max_top(layout, height));
        self.follow(
            layout,
            height,
            if delta >= 0 {
                Direction::Forward
            } else {
                Direction::Backward
            },
        );
    }

    /// Scrolls to a row (clamped); the current passage follows.
    pub fn scroll_to(&mut self, layout: &PairRows, height: usize, top: usize) {
        let direction = if top >= self.top {
            Direction::Forward
        } else {
            Direction::Backward
        };
        self.top = top.min(Self::max_top(layout, height));
        self.follow(layout, height, direction);
    }

    /// Makes the current passage one that is on screen, if it is not: the first one coming into
    /// view from the direction of scrolling.
    fn follow(&mut self, layout: &PairRows, height: usize, direction: Direction) {
        if self.current.0 >= layout.entries.len() {
            return;
        }
        let rows = layout.rows_of(self.current);
        let bottom = self.top + height;
        if rows.start < bottom && rows.end > self.top {
            return;
        }
        let found = match direction {
            Direction::Forward => layout.entry_at_row(self.top).map(|ix| {
                let e = layout.rows_of(ix);
                // A passage cut off at the top: prefer the next one if it starts on screen.
                if e.start < self.top && e.end < bottom {
                    next_below(layout, ix).unwrap_or(ix)
                } else {
                    ix
                }
            }),
            Direction::Backward => layout.entry_at_row(bottom.saturating_sub(1)),
        };
        if let Some(ix) = found {
            self.current = ix;
        }
    }

    /// Makes a passage current and scrolls to show it, with some context above.
    pub fn select(&mut self, layout: &PairRows, height: usize, ix: EntryIx) {
        self.current = ix;
        self.reveal_rows(layout, height, layout.rows_of(ix));
    }

    /// Scrolls so that a range of rows is on screen: unchanged if it already is, else a quarter
    /// of the screen down from the top.
    pub fn reveal_rows(&mut self, layout: &PairRows, height: usize, rows: std::ops::Range<usize>) {
        if rows.start >= self.top && rows.end <= self.top + height {
            return;
        }
        let context = height / 4;
        let top = if rows.len() + context > height {
            rows.start
        } else {
            rows.start.saturating_sub(context)
        };
        self.top = top.min(Self::max_top(layout, height));
    }

    /// The next (or previous) entry from the current one that `stop` accepts; makes it current
    /// and shows it. Returns whether there was one.
    pub fn step(
        &mut self,
        layout: &PairRows,
        height: usize,
        direction: Direction,
        stop: impl Fn(EntryIx) -> bool,
    ) -> bool {
        let current = self.current.0;
        let found = match direction {
            Direction::Forward => (current + 1..layout.entries.len()).find(|&i| stop(EntryIx(i))),
            Direction::Backward => (0..current).rev().find(|&i| stop(EntryIx(i))),
        };
        match found {
            Some(i) => {
                self.select(layout, height, EntryIx(i));
                true
            }
            None => false,
        }
    }

    /// Keeps the position valid after the layout or the screen height changed.
    pub fn clamp(&mut self, layout: &PairRows, height: usize) {
        self.current = EntryIx(self.current.0.min(layout.entries.len().saturating_sub(1)));
        self.top = self.top.min(Self::max_top(layout, height));
    }
}

/// The entry after `ix` that starts below its rows.
fn next_below(layout: &PairRows, ix: EntryIx) -> Option<EntryIx> {
    let end = layout.rows_of(ix).end;
    (ix.0 + 1..layout.entries.len())
        .map(EntryIx)
        .find(|&i| layout.rows_of(i).start >= end)
}
