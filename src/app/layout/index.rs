//! Where each entry's rows are, for one fold state: the entries grouped into blocks (an entry
//! shown in full, or a folded run of same passages on one row), each block's first row a prefix
//! sum of the heights before it, with one separator row between blocks. Built from the entries'
//! heights alone, so folding and unfolding never wrap text again; a row is found by binary
//! search.

use std::ops::Range;

use super::shape::Shapes;
use super::{Entry, EntryIx, Fold, Moves};
use crate::model::PassageStatus;

/// An entry shown in full, or a run of same passages folded to one row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Block {
    /// The entries in it (one unless folded).
    pub(super) entries: Range<usize>,
    /// Its first row (after the separator above it).
    pub(super) start: usize,
    /// Its rows.
    pub(super) height: usize,
    /// Whether it is a folded run.
    pub(super) folded: bool,
    /// The status of its (first) entry.
    pub(super) status: PassageStatus,
}

impl Block {
    fn rows(&self) -> Range<usize> {
        self.start..self.start + self.height
    }

    /// The entry its rows belong to: the entry, or a folded run's first.
    fn entry(&self) -> EntryIx {
        EntryIx(self.entries.start)
    }
}

/// The blocks of a layout and the block of each entry.
#[derive(Debug)]
pub(super) struct RowIndex {
    /// The fold state placed for.
    fold: Fold,
    blocks: Vec<Block>,
    /// Per entry, the index of its block.
    block_of: Vec<usize>,
    /// Rows in all.
    total: usize,
}

/// Whether an entry folds away with its neighbours when folding is on.
pub(super) fn foldable(entry: &Entry) -> bool {
    matches!(
        entry.status,
        PassageStatus::Same | PassageStatus::Boilerplate
    )
}

impl RowIndex {
    /// Places the entries for a fold state, from their heights.
    pub(super) fn new(entries: &[Entry], shapes: &Shapes, moves: &Moves, fold: Fold) -> Self {
        let mut blocks: Vec<Block> = Vec::new();
        let mut block_of = Vec::with_capacity(entries.len());
        let mut row = 0;
        let mut i = 0;
        while i < entries.len() {
            if !blocks.is_empty() {
                // The separator.
                row += 1;
            }
            // An entry that holds "moved here" notes stays open when folding.
            let folds = |e: usize| foldable(&entries[e]) && !moves.holds_marker(EntryIx(e));
            let (end, height, folded) = if fold == Fold::Folded && folds(i) {
                let end = (i..entries.len())
                    .find(|&e| !folds(e))
                    .unwrap_or(entries.len());
                (end, 1, true)
            } else {
                (i + 1, shapes.height(EntryIx(i)), false)
            };
            block_of.resize(end, blocks.len());
            blocks.push(Block {
                entries: i..end,
                start: row,
                height,
                folded,
                status: entries[i].status,
            });
            row += height;
            i = end;
        }
        Self {
            fold,
            blocks,
            block_of,
            total: row,
        }
    }

    /// The fold state placed for.
    pub(super) fn fold(&self) -> Fold {
        self.fold
    }

    /// Each block's rows and the status of its (first) entry, in order.
    pub(super) fn blocks(&self) -> impl Iterator<Item = (Range<usize>, PassageStatus)> + '_ {
        self.blocks.iter().map(|b| (b.rows(), b.status))
    }

    /// Rows in all.
    pub(super) fn total(&self) -> usize {
        self.total
    }

    /// The block of an entry.
    pub(super) fn block_of(&self, ix: EntryIx) -> &Block {
        &self.blocks[self.block_of[ix.0]]
    }

    /// The rows of an entry (a folded run's entries share its row).
    pub(super) fn rows_of(&self, ix: EntryIx) -> Range<usize> {
        self.block_of(ix).rows()
    }

    /// The index of the last block starting at or above a row.
    fn block_index_at(&self, row: usize) -> Option<usize> {
        self.blocks
            .partition_point(|b| b.start <= row)
            .checked_sub(1)
    }

    /// The block a row is in (`None` for a separator or past the end).
    pub(super) fn block_at(&self, row: usize) -> Option<&Block> {
        let block = &self.blocks[self.block_index_at(row)?];
        block.rows().contains(&row).then_some(block)
    }

    /// The entry a row belongs to (`None` for separators and past the end).
    pub(super) fn row_entry(&self, row: usize) -> Option<EntryIx> {
        self.block_at(row).map(Block::entry)
    }

    /// The entry a row belongs to, or for a separator the entry above it.
    pub(super) fn entry_at_or_above(&self, row: usize) -> Option<EntryIx> {
        Some(self.blocks[self.block_index_at(row)?].entry())
    }

    /// The entries with rows in a range, one per block, in order.
    pub(super) fn entries_in(&self, rows: Range<usize>) -> impl Iterator<Item = EntryIx> + '_ {
        let first = if rows.is_empty() {
            self.blocks.len()
        } else {
            self.block_index_at(rows.start).unwrap_or(0)
        };
        self.blocks[first..]
            .iter()
            .take_while(move |b| b.start < rows.end)
            .filter(move |b| b.start + b.height > rows.start)
            .map(Block::entry)
    }
}
