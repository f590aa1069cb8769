//! Each entry's text wrapped to the pane width, and so how many rows the entry takes when it is
//! shown in full. Wrapping a book is the costly part of a layout; it is done once per pair and
//! width, on all cores, and a fold or the rows on screen only read it.

use std::ops::Range;

use rayon::prelude::*;

use super::{Destination, Entry, EntryIx, Moves, Side};
use crate::present::wrap::wrap;

/// The wrapped lines of every entry at one width.
#[derive(Debug, Default)]
pub(super) struct Shapes {
    /// Per entry, the byte ranges of each side's text on each line (none for a missing side).
    lines: Vec<[Vec<Range<usize>>; 2]>,
    /// Per entry, its rows when shown in full: the taller side, notes included, and for the
    /// first entry the notes of passages moved before everything.
    heights: Vec<usize>,
}

impl Shapes {
    /// Wraps every entry's text at `width`.
    pub(super) fn wrap(entries: &[Entry], moves: &Moves, width: u16) -> Self {
        let width = usize::from(width);
        let lines: Vec<[Vec<Range<usize>>; 2]> = entries
            .par_iter()
            .map(|entry| {
                Side::BOTH.map(|side| {
                    entry
                        .side(side)
                        .map_or_else(Vec::new, |t| wrap(&t.text, width))
                })
            })
            .collect();
        let heights = lines
            .iter()
            .enumerate()
            .map(|(i, lines)| {
                let ix = EntryIx(i);
                let column = |side: Side| match entries[i].side(side) {
                    Some(_) => lines[side.index()].len(),
                    // The gap's label.
                    None => 1,
                };
                let notes = usize::from(moves.went(ix).is_some())
                    + moves.arriving(Destination::After(ix)).len();
                let before = if i == 0 {
                    moves.arriving(Destination::First).len()
                } else {
                    0
                };
                before
                    + column(Side::Base)
                        .max(column(Side::Compared) + notes)
                        .max(1)
            })
            .collect();
        Self { lines, heights }
    }

    /// The wrapped lines of one side of an entry.
    pub(super) fn lines(&self, ix: EntryIx, side: Side) -> &[Range<usize>] {
        &self.lines[ix.0][side.index()]
    }

    /// Rows of an entry shown in full.
    pub(super) fn height(&self, ix: EntryIx) -> usize {
        self.heights[ix.0]
    }
}
