//! The rows of the side-by-side panes, prepared once per (base, compared, width, ignore
//! options, fold state) and then only read.
//!
//! Every passage shown for the pair becomes an [`Entry`]; its text on each side is wrapped to the
//! pane width, and the shorter side is padded so that each passage starts on the same row in both
//! panes. Facts the pair disagrees on are cut into the text to be underlined, and each entry
//! knows how much its change matters. A frame draws a slice of [`PairRows::rows`], so its cost
//! follows the screen, not the document.

mod entries;
mod rows;

use std::ops::Range;

pub use crate::present::marks::{FactMark, PairFacts};
pub use crate::present::text::{Ink, Run, Side, StyledText};
use entries::entries;
use rows::Builder;

use crate::facts::{ChangeClass, FactReport};
use crate::model::{Comparison, PassageKind, PassageStatus, VersionId};
use crate::options::IgnoreOptions;
use crate::present::labels::Labels;
use crate::present::outline::{self, Scope};

/// Whether runs of same passages are folded to one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Fold {
    /// Every passage is shown in full.
    #[default]
    Open,
    /// Each run of same passages (and boilerplate) is one line.
    Folded,
}

impl Fold {
    /// The other state.
    #[must_use]
    pub fn toggled(self) -> Self {
        match self {
            Self::Open => Self::Folded,
            Self::Folded => Self::Open,
        }
    }
}

/// Everything a layout depends on; a layout is rebuilt only when this changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PairRowsKey {
    /// The left pane's version.
    pub base: VersionId,
    /// The right pane's version.
    pub compared: VersionId,
    /// What counts as different.
    pub ignore: IgnoreOptions,
    /// Text width of each pane, in cells.
    pub width: u16,
    /// Folding of same passages.
    pub fold: Fold,
}

/// Position of an entry in `PairRows::entries` (not a passage index of the model).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct EntryIx(pub usize);

/// A passage as shown for one pair of versions.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Index of the passage in [`Comparison::passages`].
    pub passage: usize,
    /// Text, heading or boilerplate.
    pub kind: PassageKind,
    /// Status for this pair (not across all versions).
    pub status: PassageStatus,
    /// Similarity of the compared version's text to the base's.
    pub similarity: f32,
    /// Whether the pairing of the two texts rests on thin evidence ([`crate::model::Reading::is_weak`]).
    pub weak: bool,
    /// How much the compared version's change matters (`None` where the pair does not differ).
    pub class: Option<ChangeClass>,
    /// How many facts the pair disagrees on in this passage (they are underlined).
    pub facts: usize,
    /// The rows it occupies (a folded run shares one row).
    pub rows: Range<usize>,
    /// Where [`super::Action::FollowMove`] goes from here: where a moved passage went, or the
    /// passage that moved in after this one.
    pub jump: Option<EntryIx>,
    /// The text on each side (`None` where that version lacks the passage).
    pub text: [Option<StyledText>; 2],
}

impl Entry {
    /// Whether the pair differs here in substance: a fact, a quotation, added or removed text
    /// (what `n`/`p` stop at when stepping through substantive changes only).
    #[must_use]
    pub fn is_substantive(&self) -> bool {
        self.class == Some(ChangeClass::Substantive)
    }

    /// The text on one side.
    #[must_use]
    pub fn side(&self, side: Side) -> Option<&StyledText> {
        self.text[side.index()].as_ref()
    }
}

/// What one pane shows on one row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing: padding or the separator between passages.
    Blank,
    /// A wrapped line of the entry's text on this side.
    Text(Vec<Run>),
    /// The marked empty side of an added or removed passage; the first row carries a label.
    Gap(Option<String>),
    /// A note the viewer writes: where a moved passage went, or came from.
    Note(String),
    /// The line of a folded run of same passages.
    Fold(String),
}

/// One screen row across both panes.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The entry the row belongs to (`None` for separators).
    pub entry: Option<EntryIx>,
    /// Left (base) and right (compared) cells.
    pub cells: [Cell; 2],
}

/// The prepared rows of one pair of versions.
#[derive(Debug)]
pub struct PairRows {
    /// What it was built for.
    pub key: PairRowsKey,
    /// The passages shown, in reading order.
    pub entries: Vec<Entry>,
    /// Every row, top to bottom.
    pub rows: Vec<Row>,
    /// For each entry, how many divergent (and substantive) entries follow it.
    after: Vec<Below>,
    /// The pair's moves, kept for [`PairRows::reflow`].
    moves: Moves,
}

/// How many entries of a kind follow an entry.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Below {
    divergent: usize,
    substantive: usize,
}

impl PairRows {
    /// Prepares the rows of a comparison for one pair, with the facts found in it.
    /// `key.base` must be the comparison's base, and `facts` its analysis.
    #[must_use]
    pub fn build(comparison: &Comparison, facts: &FactReport, key: PairRowsKey) -> Self {
        let underlines = PairFacts::build(comparison, facts, [key.base, key.compared]);
        let mut entries = entries(comparison, facts, &underlines, key.compared);
        let moves = link_moves(comparison, &mut entries, key.compared);
        let mut after = vec![Below::default(); entries.len()];
        let mut count = Below::default();
        for (i, entry) in entries.iter().enumerate().rev() {
            after[i] = count;
            count.divergent += usize::from(entry.status.is_divergent());
            count.substantive += usize::from(entry.is_substantive());
        }
        let layout = Self {
            key,
            entries,
            rows: Vec::new(),
            after,
            moves,
        };
        layout.reflow(comparison, key)
    }

    /// The same pair at another width or fold state: the entries' text is kept, only the rows
    /// are placed again. `key` must name the same pair and ignore options.
    #[must_use]
    pub fn reflow(mut self, comparison: &Comparison, key: PairRowsKey) -> Self {
        debug_assert_eq!(
            (self.key.base, self.key.compared, self.key.ignore),
            (key.base, key.compared, key.ignore)
        );
        let mut builder = Builder {
            comparison,
            labels: Labels::new(comparison),
            key,
            rows: Vec::with_capacity(self.rows.len()),
        };
        builder.lay_out(&mut self.entries, &self.moves);
        self.rows = builder.rows;
        self.key = key;
        self
    }

    /// Whether a layout for `key` can be had by [`PairRows::reflow`] from this one.
    #[must_use]
    pub fn same_pair(&self, key: &PairRowsKey) -> bool {
        (self.key.base, self.key.compared, self.key.ignore) == (key.base, key.compared, key.ignore)
    }

    /// The entry at an index.
    #[must_use]
    pub fn entry(&self, ix: EntryIx) -> &Entry {
        &self.entries[ix.0]
    }

    /// How many divergent entries follow an entry.
    #[must_use]
    pub fn divergent_after(&self, ix: EntryIx) -> usize {
        self.after.get(ix.0).map_or(0, |b| b.divergent)
    }

    /// How many entries with a substantive change follow an entry.
    #[must_use]
    pub fn substantive_after(&self, ix: EntryIx) -> usize {
        self.after.get(ix.0).map_or(0, |b| b.substantive)
    }

    /// The entry a row belongs to, or the nearest entry above it (for separators).
    #[must_use]
    pub fn entry_at_row(&self, row: usize) -> Option<EntryIx> {
        let row = row.min(self.rows.len().checked_sub(1)?);
        self.rows[..=row].iter().rev().find_map(|r| r.entry)
    }

    /// The entry of a passage of the model, if it is shown for this pair.
    #[must_use]
    pub fn entry_of_passage(&self, passage: usize) -> Option<EntryIx> {
        self.entries
            .binary_search_by_key(&passage, |e| e.passage)
            .ok()
            .map(EntryIx)
    }
}

/// Where the compared version has a moved passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Destination {
    /// Before every other passage.
    First,
    /// Right after this entry.
    After(EntryIx),
}

/// The moves of a pair, indexed for placing: where each moved entry went, and which moved
/// entries arrive after each entry.
#[derive(Debug, Default)]
pub(super) struct Moves {
    /// For each entry, where it went if it moved.
    went: Vec<Option<Destination>>,
    /// For each entry, the moved entries the compared version has right after it.
    arrivals: Vec<Vec<EntryIx>>,
    /// The moved entries the compared version has before everything.
    first: Vec<EntryIx>,
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
}

/// Moves for the pair: for each moved entry, the entry after which the compared version has it.
/// Also sets each entry's [`Entry::jump`].
fn link_moves(comparison: &Comparison, entries: &mut [Entry], compared: VersionId) -> Moves {
    let index_of = |passage: usize| entries.binary_search_by_key(&passage, |e| e.passage).ok();
    let mut moves = Moves {
        went: vec![None; entries.len()],
        arrivals: vec![Vec::new(); entries.len()],
        first: Vec::new(),
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

#[cfg(test)]
mod tests;
