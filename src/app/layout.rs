//! The rows of the side-by-side panes, prepared once per (base, compared, width, ignore
//! options, fold state) and then only read.
//!
//! Every passage shown for the pair becomes an [`Entry`]; its text on each side is wrapped to the
//! pane width, and the shorter side is padded so that each passage starts on the same row in both
//! panes. A frame draws a slice of [`Layout::rows`], so its cost follows the screen, not the
//! document.

mod place;
mod styled;
mod wrap;

use std::ops::Range;

use place::Builder;
pub use styled::{Ink, Side, StyledText};

use crate::model::{Comparison, Passage, PassageKind, PassageStatus, Placement, VersionId};
use crate::options::IgnoreOptions;

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
pub struct LayoutKey {
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

/// Position of an entry in `Layout::entries` (not a passage index of the model).
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
    /// The rows it occupies (a folded run shares one row).
    pub rows: Range<usize>,
    /// Where [`super::Action::FollowMove`] goes from here: where a moved passage went, or the
    /// passage that moved in after this one.
    pub jump: Option<EntryIx>,
    /// The text on each side (`None` where that version lacks the passage).
    pub text: [Option<StyledText>; 2],
}

impl Entry {
    /// The text on one side.
    #[must_use]
    pub fn side(&self, side: Side) -> Option<&StyledText> {
        self.text[side.index()].as_ref()
    }
}

/// A stretch of an entry's text on one row: a byte range into [`StyledText::text`], with an ink.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// Byte range into the side's text.
    pub range: Range<usize>,
    /// How it is drawn.
    pub ink: Ink,
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
pub struct Layout {
    /// What it was built for.
    pub key: LayoutKey,
    /// The passages shown, in reading order.
    pub entries: Vec<Entry>,
    /// Every row, top to bottom.
    pub rows: Vec<Row>,
    /// For each entry, how many divergent entries follow it.
    divergent_after: Vec<usize>,
    /// The pair's moves, kept for [`Layout::reflow`].
    moves: Moves,
}

impl Layout {
    /// Prepares the rows of a comparison for one pair. `key.base` must be the comparison's base.
    #[must_use]
    pub fn build(comparison: &Comparison, key: LayoutKey) -> Self {
        let mut entries = entries(comparison, key.compared);
        let moves = link_moves(comparison, &mut entries, key.compared);
        let mut divergent_after = vec![0; entries.len()];
        let mut count = 0;
        for (i, entry) in entries.iter().enumerate().rev() {
            divergent_after[i] = count;
            count += usize::from(entry.status.is_divergent());
        }
        let layout = Self {
            key,
            entries,
            rows: Vec::new(),
            divergent_after,
            moves,
        };
        layout.reflow(comparison, key)
    }

    /// The same pair at another width or fold state: the entries' text is kept, only the rows
    /// are placed again. `key` must name the same pair and ignore options.
    #[must_use]
    pub fn reflow(mut self, comparison: &Comparison, key: LayoutKey) -> Self {
        debug_assert_eq!(
            (self.key.base, self.key.compared, self.key.ignore),
            (key.base, key.compared, key.ignore)
        );
        let mut builder = Builder {
            comparison,
            key,
            rows: Vec::with_capacity(self.rows.len()),
        };
        builder.place(&mut self.entries, &self.moves);
        self.rows = builder.rows;
        self.key = key;
        self
    }

    /// Whether a layout for `key` can be had by [`Layout::reflow`] from this one.
    #[must_use]
    pub fn same_pair(&self, key: &LayoutKey) -> bool {
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
        self.divergent_after.get(ix.0).copied().unwrap_or(0)
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

/// The passages that the base or the compared version carries, with their status for the pair.
fn entries(comparison: &Comparison, compared: VersionId) -> Vec<Entry> {
    let base = comparison.base;
    comparison
        .passages
        .iter()
        .filter(|p| p.span(base).is_some() || p.span(compared).is_some())
        .map(|p| {
            let (status, similarity) = pair_status(p, base, compared);
            Entry {
                passage: p.index,
                kind: p.kind,
                status,
                similarity,
                rows: 0..0,
                jump: None,
                text: texts(comparison, p, compared, status),
            }
        })
        .collect()
}

/// A passage's status and similarity for one pair of versions.
fn pair_status(p: &Passage, base: VersionId, compared: VersionId) -> (PassageStatus, f32) {
    let reading = p.reading(compared);
    let similarity = reading.map_or(0.0, |r| r.similarity);
    let status = match (p.span(base).is_some(), p.span(compared).is_some()) {
        _ if p.kind == PassageKind::Boilerplate => PassageStatus::Boilerplate,
        (false, _) => PassageStatus::Added,
        (_, false) => PassageStatus::Removed,
        (true, true) => match reading.map(|r| r.status) {
            Some(s @ (PassageStatus::Changed | PassageStatus::Moved)) => s,
            _ => PassageStatus::Same,
        },
    };
    let similarity = match status {
        PassageStatus::Same => 1.0,
        PassageStatus::Added | PassageStatus::Removed => 0.0,
        _ => similarity,
    };
    (status, similarity)
}

/// The styled text of a passage on both sides.
fn texts(
    comparison: &Comparison,
    p: &Passage,
    compared: VersionId,
    status: PassageStatus,
) -> [Option<StyledText>; 2] {
    let shared = match (status, p.kind) {
        (PassageStatus::Boilerplate, _) => Ink::Boilerplate,
        (PassageStatus::Same, _) => Ink::Same,
        (PassageStatus::Added, _) => Ink::Added,
        (PassageStatus::Removed, _) => Ink::Removed,
        (_, PassageKind::Heading) => Ink::Heading,
        _ => Ink::Text,
    };
    let ops = p
        .reading(compared)
        .map(|r| r.ops.as_slice())
        .unwrap_or_default();
    let ids = [comparison.base, compared];
    Side::BOTH.map(|side| {
        let id = ids[side.index()];
        let span = p.span(id)?;
        let version = comparison.version(id);
        let both = p.span(ids[0]).is_some() && p.span(ids[1]).is_some();
        Some(if both && !ops.is_empty() {
            styled::from_ops(version, ops, side, shared)
        } else {
            styled::plain(version, span.range.clone(), shared)
        })
    })
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
    for (i, entry) in entries.iter().enumerate() {
        if entry.status != PassageStatus::Moved {
            continue;
        }
        let placement = comparison.passages[entry.passage]
            .reading(compared)
            .map(|r| r.placement);
        let Some(Placement::MovedAfter { after }) = placement else {
            continue;
        };
        // The passage it follows is shown (the compared version carries it); if the model
        // points elsewhere, fall back to the nearest shown passage before it.
        let destination = match after {
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
