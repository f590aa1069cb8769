//! The moves of a pair, indexed for placing: where each moved entry went, and which moved
//! entries the compared version has after each entry (the notes under its text). Entries
//! moved together, one right after the other, are one block with one such note.

use super::{Entry, EntryIx};
use crate::model::{Comparison, VersionId};
use crate::present::outline::{self, Scope};

/// Where the compared version has a moved passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::app) enum Destination {
    /// Before every other passage.
    First,
    /// Right after this entry.
    After(EntryIx),
}

/// The moves of a pair, indexed for placing: where each moved entry went, and which moved
/// entries arrive after each entry.
#[derive(Debug, Default)]
pub(in crate::app) struct Moves {
    /// For each entry, where it went if it moved.
    went: Vec<Option<Destination>>,
    /// For each entry, the moved entries the compared version has right after it.
    arrivals: Vec<Vec<EntryIx>>,
    /// The moved entries the compared version has before everything.
    first: Vec<EntryIx>,
    /// For the first entry of a block moved together, its last (see [`link_moves`]).
    block_end: Vec<Option<EntryIx>>,
}

impl Moves {
    /// Where an entry went, if it moved.
    pub(super) fn went(&self, ix: EntryIx) -> Option<Destination> {
        self.went.get(ix.0).copied().flatten()
    }

    /// The moved entries arriving at a place.
    pub(super) fn arriving(&self, at: Destination) -> &[EntryIx] {
        match at {
            Destination::First => &self.first,
            Destination::After(ix) => self.arrivals.get(ix.0).map_or(&[], Vec::as_slice),
        }
    }

    /// The last entry of the block an entry opens, if it opens a block moved together.
    pub(super) fn block_end(&self, ix: EntryIx) -> Option<EntryIx> {
        self.block_end.get(ix.0).copied().flatten()
    }

    /// Whether an entry holds "moved here" notes (and so stays open when folding).
    pub(super) fn holds_marker(&self, ix: EntryIx) -> bool {
        !self.arriving(Destination::After(ix)).is_empty()
            || (ix.0 == 0 && !self.arriving(Destination::First).is_empty())
    }
}

/// Moves for the pair: for each moved entry, the entry after which the compared version has it.
/// Also sets each entry's [`Entry::jump`].
pub(super) fn link_moves(
    comparison: &Comparison,
    entries: &mut [Entry],
    compared: VersionId,
) -> Moves {
    let index_of = |passage: usize| entries.binary_search_by_key(&passage, |e| e.passage).ok();
    let mut moves = Moves {
        went: vec![None; entries.len()],
        arrivals: vec![Vec::new(); entries.len()],
        first: Vec::new(),
        block_end: vec![None; entries.len()],
    };
    for m in outline::moves(comparison, Scope::Pair(compared)) {
        let Some(i) = index_of(m.passage) else {
            continue;
        };
        // The passage it follows is shown (the compared version carries it); if the model
        // points elsewhere, fall back to the nearest shown passage before it.
        let destination = match m.after {
            None => Destination::First,
            Some(a) => Destination::After(EntryIx(
                index_of(a)
                    .unwrap_or_else(|| entries.partition_point(|e| e.passage < a).max(1) - 1),
            )),
        };
        moves.went[i] = Some(destination);
        match destination {
            Destination::First => moves.first.push(EntryIx(i)),
            Destination::After(at) => moves.arrivals[at.0].push(EntryIx(i)),
        }
    }
    // A moved entry that the compared version has right after the entry before it, itself
    // moved, continues that one's block: the block's first entry carries one note for all
    // of it where it arrives, and no note says an entry arrives right above where it stands.
    let mut head = 0;
    for i in 1..entries.len() {
        let continues = moves.went[i] == Some(Destination::After(EntryIx(i - 1)))
            && moves.went[i - 1].is_some();
        if !continues {
            head = i;
            continue;
        }
        moves.arrivals[i - 1].retain(|&e| e != EntryIx(i));
        moves.block_end[head] = Some(EntryIx(i));
    }
    for (i, destination) in moves.went.iter().enumerate() {
        let holder = match destination {
            Some(Destination::First) => EntryIx(0),
            Some(Destination::After(at)) => *at,
            None => continue,
        };
        entries[i].jump = Some(holder);
        entries[holder.0].jump.get_or_insert(EntryIx(i));
    }
    moves
}
