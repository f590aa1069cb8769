//! The rows of the side-by-side panes for one pair of versions, laid out lazily so that the cost
//! of a frame, a fold or a version switch follows the screen, not the document.
//!
//! Every passage shown for the pair becomes an [`Entry`] with its text on each side (prepared
//! once per pair). Three layers sit on the entries, each rebuilt only when what it depends on
//! changes:
//!
//! - the shapes (`shape.rs`): each entry's text wrapped to the pane width (once per pair
//!   and width, on all cores);
//! - the row index (`index.rs`): where each entry's rows start, as prefix sums of the
//!   entries' heights with runs of same passages folded or not (arithmetic over the entries,
//!   no wrapping; both fold states are kept, so that `z` swaps them);
//! - the [`Row`]s themselves, made on demand for the rows on screen ([`PairRows::row`]).
//!
//! Beside the entries: where each entry's text lies in the two versions (`places.rs`, to find
//! the reader's place again by binary search; see [`PairRows::index_for_switches`]), and each
//! entry's class and fact count (`columns.rs`, which facts found in the background replace
//! whole).
//!
//! The comparison laid out may be the pair's own (with more than two versions loaded, the panes
//! read the two versions compared alone, numbered 0 and 1): [`Ids`] says which loaded version
//! each of its versions is. The layout's key, labels and notes name loaded versions; only
//! reading the comparison goes through the comparison's own numbers.
//!
//! The shorter side of a passage is padded so that each passage starts on the same row in both
//! panes. Facts the pair disagrees on are underlined; when the facts arrive after the layout (they
//! are found in the background), only the entries about to be shown are inked again with their
//! underlines ([`PairRows::prepare`]).

mod columns;
mod entries;
mod index;
mod moves;
mod places;
mod rows;
mod shape;

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

pub use crate::present::marks::{FactMark, PairFacts};
pub use crate::present::text::{Ink, Run, Side, StyledText};
use columns::Columns;
pub use columns::LayoutFacts;
use index::RowIndex;
use moves::{Destination, Moves, link_moves};
use places::Places;
pub(crate) use places::nearest;
use shape::Shapes;

use crate::facts::{ChangeClass, FactReport};
use crate::model::{Comparison, PassageKind, PassageStatus, VersionId};
use crate::options::IgnoreOptions;
use crate::present::labels::Labels;

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

/// Everything a layout depends on besides the comparison and its facts.
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

/// Which loaded version each version of a comparison is: the identity for the comparison of all
/// loaded versions, the pair's two versions (in [`crate::pair_order`]) for a pair's own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ids(Vec<VersionId>);

impl Ids {
    /// The comparison of all `count` loaded versions.
    #[must_use]
    pub fn all(count: usize) -> Self {
        Self((0..count).map(VersionId).collect())
    }

    /// The comparison of a pair alone ([`crate::compare_pair`]).
    #[must_use]
    pub fn pair(base: VersionId, compared: VersionId) -> Self {
        Self(crate::pair_order(base, compared).to_vec())
    }

    /// The comparison's number for a loaded version, if the comparison holds it.
    #[must_use]
    pub fn local(&self, loaded: VersionId) -> Option<VersionId> {
        self.0.iter().position(|v| *v == loaded).map(VersionId)
    }

    /// The loaded version that is the comparison's version `local`.
    #[must_use]
    pub fn loaded(&self, local: VersionId) -> VersionId {
        self.0[local.0]
    }

    /// Whether the comparison's numbers are the loaded versions' own.
    #[must_use]
    pub fn is_all(&self) -> bool {
        self.0.iter().enumerate().all(|(i, v)| v.0 == i)
    }
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
    /// Where [`super::Action::FollowMove`] goes from here: where a moved passage went, or the
    /// passage that moved in after this one.
    pub jump: Option<EntryIx>,
    /// The text on each side (`None` where that version lacks the passage); its fact underlines
    /// only if the facts were known when the layout was built (see [`PairRows::text`]).
    pub text: [Option<StyledText>; 2],
}

impl Entry {
    /// The text on one side, as prepared with the entry.
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

/// Entries whose texts, inked again with the fact underlines, are kept at most; beyond that
/// the cache starts over (a reader paging through a whole book would otherwise keep a second
/// copy of it).
const INKED_CAPACITY: usize = 4096;

/// The laid-out passages of one pair of versions.
#[derive(Debug)]
pub struct PairRows {
    /// What it was built for (loaded versions' ids).
    pub key: PairRowsKey,
    /// The base and compared version as the laid-out comparison numbers them.
    local: [VersionId; 2],
    /// The passages shown, in reading order.
    pub entries: Vec<Entry>,
    /// Each entry's text wrapped at `key.width`.
    shapes: Shapes,
    /// Where each entry's rows are, for `key.fold`.
    index: RowIndex,
    /// The same for the other fold state, while the width stays: folding and unfolding only
    /// swap the two (see [`PairRows::index_for_switches`]).
    other_fold: Option<RowIndex>,
    /// Where each entry's text is in the pair's versions, for finding a place again (see
    /// [`PairRows::index_for_switches`]; without it, the entries are walked).
    places: Option<Places>,
    /// Each entry's class, fact count and what follows it.
    columns: Arc<Columns>,
    /// The pair's moves, for the notes.
    moves: Moves,
    /// How loaded versions are named in notes.
    labels: Labels,
    /// The base of the comparison, as a loaded version (named `(base)` in notes).
    comparison_base: VersionId,
    /// The pair's fact underlines, once the facts are known.
    underlines: Option<Arc<PairFacts>>,
    /// Whether the entries' own texts carry the underlines (the facts were known at build).
    marked: bool,
    /// Texts inked with the underlines after the facts arrived, by entry, for the entries
    /// prepared for the screen.
    inked: HashMap<usize, [Option<StyledText>; 2]>,
    /// Only the first passages are laid out ([`PairRows::build_first`]).
    partial: bool,
}

impl PairRows {
    /// Lays out a comparison of all loaded versions for one pair, with the facts found in it if
    /// they are known yet. `key.base` must be the comparison's base, and `facts` its analysis.
    #[must_use]
    pub fn build(comparison: &Comparison, facts: Option<&FactReport>, key: PairRowsKey) -> Self {
        let ids = Ids::all(comparison.versions.len());
        let mut layout = Self::build_in(comparison, facts, key, &ids, Labels::new(comparison));
        layout.index_for_switches(comparison);
        layout
    }

    /// Lays out one pair of a comparison whose versions are the loaded versions `ids` (a pair's
    /// own comparison, or all of them), naming versions by `labels` of the loaded versions.
    /// `key` names loaded versions, `key.base` the comparison's base; `facts` is its analysis.
    #[must_use]
    pub fn build_in(
        comparison: &Comparison,
        facts: Option<&FactReport>,
        key: PairRowsKey,
        ids: &Ids,
        labels: Labels,
    ) -> Self {
        Self::build_some(comparison, facts, key, ids, labels, usize::MAX)
    }

    /// The first `passages` passages of [`PairRows::build_in`] (without the facts): enough
    /// for the program's first screens, in a fraction of the time a book's whole layout takes.
    /// The whole layout replaces it as soon as it is built ([`PairRows::is_partial`]).
    #[must_use]
    pub fn build_first(
        comparison: &Comparison,
        key: PairRowsKey,
        ids: &Ids,
        labels: Labels,
        passages: usize,
    ) -> Self {
        Self::build_some(comparison, None, key, ids, labels, passages)
    }

    /// Whether only the first passages are laid out.
    #[must_use]
    pub fn is_partial(&self) -> bool {
        self.partial
    }

    fn build_some(
        comparison: &Comparison,
        facts: Option<&FactReport>,
        key: PairRowsKey,
        ids: &Ids,
        labels: Labels,
        passages: usize,
    ) -> Self {
        let local = [key.base, key.compared].map(|v| {
            ids.local(v)
                .expect("the laid-out comparison holds both versions of the pair")
        });
        debug_assert_eq!(local[0], comparison.base);
        let underlines = facts.map(|f| PairFacts::build(comparison, f, local));
        let empty = PairFacts::default();
        let mut entries = entries::entries(
            comparison,
            underlines.as_ref().unwrap_or(&empty),
            local[1],
            passages,
        );
        let columns = Columns::of(&statuses(&entries), facts, underlines.as_ref(), local[1]);
        let moves = link_moves(comparison, &mut entries, local[1]);
        let shapes = Shapes::wrap(&entries, &moves, key.width);
        let index = RowIndex::new(&entries, &shapes, &moves, key.fold);
        Self {
            key,
            local,
            entries,
            shapes,
            index,
            other_fold: None,
            places: None,
            columns: Arc::new(columns),
            moves,
            labels,
            comparison_base: ids.loaded(comparison.base),
            marked: underlines.is_some(),
            underlines: underlines.map(Arc::new),
            inked: HashMap::new(),
            partial: passages < comparison.passages.len(),
        }
    }

    /// The base and compared version as the laid-out comparison numbers them.
    #[must_use]
    pub fn local(&self) -> [VersionId; 2] {
        self.local
    }

    /// Takes in the facts found after the layout was built: each entry's class and fact count,
    /// and the underlines, which [`PairRows::prepare`] inks into the entries about to be
    /// shown. They are found here unless given (found in the background for this pair of this
    /// comparison: then taking them in costs nothing). The text itself does not change, so
    /// neither do the rows.
    pub fn add_facts(
        &mut self,
        comparison: &Comparison,
        facts: &FactReport,
        found: Option<LayoutFacts>,
    ) {
        let found = found
            .filter(|f| f.columns.len() == self.entries.len())
            .unwrap_or_else(|| {
                let underlines = PairFacts::build(comparison, facts, self.local);
                let columns = Columns::of(
                    &statuses(&self.entries),
                    Some(facts),
                    Some(&underlines),
                    self.local[1],
                );
                LayoutFacts {
                    underlines: Arc::new(underlines),
                    columns: Arc::new(columns),
                }
            });
        self.underlines = Some(found.underlines);
        self.columns = found.columns;
        self.marked = false;
        self.inked.clear();
    }

    /// Whether the facts are in (classes, fact counts and underlines).
    #[must_use]
    pub fn has_facts(&self) -> bool {
        self.underlines.is_some()
    }

    /// The same pair at another width or fold state: the entries' text is kept; a new width
    /// wraps it again, a new fold state only places the entries again (once: the places of
    /// both fold states are kept while the width stays). `key` must name the same pair and
    /// ignore options.
    pub fn reflow(&mut self, key: PairRowsKey) {
        debug_assert!(self.same_pair(&key));
        if key == self.key {
            return;
        }
        let place = |l: &Self| RowIndex::new(&l.entries, &l.shapes, &l.moves, key.fold);
        if key.width != self.key.width {
            self.shapes = Shapes::wrap(&self.entries, &self.moves, key.width);
            self.other_fold = None;
            self.index = place(self);
        } else if key.fold != self.index.fold() {
            let index = match self.other_fold.take() {
                Some(index) if index.fold() == key.fold => index,
                _ => place(self),
            };
            self.other_fold = Some(std::mem::replace(&mut self.index, index));
        }
        self.key = key;
    }

    /// Each block of rows (an entry shown in full, or a folded run) with the status of its
    /// (first) entry, in order.
    pub fn blocks(&self) -> impl Iterator<Item = (Range<usize>, PassageStatus)> + '_ {
        self.index.blocks()
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

    /// How much the compared version's change to an entry matters (`None` where the pair does
    /// not differ, and for changed passages while the facts are still being found).
    #[must_use]
    pub fn class(&self, ix: EntryIx) -> Option<ChangeClass> {
        self.columns.class(ix.0)
    }

    /// Whether the pair differs in an entry in substance: a fact, a quotation, added or
    /// removed text (what `n`/`p` stop at when stepping through substantive changes only).
    #[must_use]
    pub fn is_substantive(&self, ix: EntryIx) -> bool {
        self.class(ix) == Some(ChangeClass::Substantive)
    }

    /// How many facts the pair disagrees on in an entry (they are underlined).
    #[must_use]
    pub fn fact_count(&self, ix: EntryIx) -> usize {
        self.columns.facts(ix.0)
    }

    /// How many divergent entries follow an entry.
    #[must_use]
    pub fn divergent_after(&self, ix: EntryIx) -> usize {
        self.columns.after(ix.0).divergent
    }

    /// How many entries with a substantive change follow an entry.
    #[must_use]
    pub fn substantive_after(&self, ix: EntryIx) -> usize {
        self.columns.after(ix.0).substantive
    }

    /// The entry whose text in `version` (as the laid-out comparison numbers it; `None`: it
    /// lacks the version) holds a text offset, or starts nearest it (the first such entry;
    /// the first entry if none has text there). `comparison` is the one laid out.
    #[must_use]
    pub fn entry_holding(
        &self,
        comparison: &Comparison,
        version: Option<VersionId>,
        offset: usize,
    ) -> Option<EntryIx> {
        match &self.places {
            Some(places) => places.entry_holding(comparison, &self.entries, version, offset),
            None => places::walk(comparison, &self.entries, version, offset),
        }
        .map(EntryIx)
    }

    /// Prepares what keeps a fold, a new base or a new layout of the same text within a frame
    /// on a book: the rows of the other fold state, and the entries' places in the text
    /// ([`PairRows::entry_holding`] by binary search). Done in the background with a layout,
    /// except for the first one, which the first frame waits for: a few milliseconds there
    /// would only delay it.
    pub fn index_for_switches(&mut self, comparison: &Comparison) {
        if self.other_fold.is_none() {
            let fold = self.key.fold.toggled();
            let other = RowIndex::new(&self.entries, &self.shapes, &self.moves, fold);
            self.other_fold = Some(other);
        }
        if self.places.is_none() {
            self.places = Some(Places::new(comparison, &self.entries, self.local));
        }
    }

    /// How many rows the layout has.
    #[must_use]
    pub fn row_count(&self) -> usize {
        self.index.total()
    }

    /// The rows an entry occupies (a folded run shares one row).
    #[must_use]
    pub fn rows_of(&self, ix: EntryIx) -> Range<usize> {
        self.index.rows_of(ix)
    }

    /// The entry a row belongs to (`None` for separators and past the end).
    #[must_use]
    pub fn row_entry(&self, row: usize) -> Option<EntryIx> {
        self.index.row_entry(row)
    }

    /// The entry a row belongs to, or the nearest entry above it (for separators).
    #[must_use]
    pub fn entry_at_row(&self, row: usize) -> Option<EntryIx> {
        let row = row.min(self.row_count().checked_sub(1)?);
        self.index.entry_at_or_above(row)
    }

    /// The entries with rows in a range of rows (one per folded run: its first), in order.
    pub fn entries_in(&self, rows: Range<usize>) -> impl Iterator<Item = EntryIx> + '_ {
        self.index.entries_in(rows)
    }

    /// The entry of a passage of the model, if it is shown for this pair.
    #[must_use]
    pub fn entry_of_passage(&self, passage: usize) -> Option<EntryIx> {
        self.entries
            .binary_search_by_key(&passage, |e| e.passage)
            .ok()
            .map(EntryIx)
    }

    /// The text an entry shows on one side: with its fact underlines once the facts are in
    /// and the entry was prepared, else as built.
    #[must_use]
    pub fn text(&self, ix: EntryIx, side: Side) -> Option<&StyledText> {
        if !self.marked
            && let Some(inked) = self.inked.get(&ix.0)
        {
            return inked[side.index()].as_ref();
        }
        self.entries[ix.0].side(side)
    }

    /// Inks the fact underlines into the entries that have rows in `rows`, if the facts arrived
    /// after the layout was built; a no-op otherwise. Called before drawing those rows.
    pub fn prepare(&mut self, comparison: &Comparison, rows: Range<usize>) {
        let (false, Some(underlines)) = (self.marked, &self.underlines) else {
            return;
        };
        let wanted: Vec<EntryIx> = self
            .index
            .entries_in(rows)
            .filter(|ix| !self.index.block_of(*ix).folded)
            .filter(|ix| !self.inked.contains_key(&ix.0))
            .collect();
        if self.inked.len() + wanted.len() > INKED_CAPACITY {
            self.inked.clear();
        }
        for ix in wanted {
            let entry = &self.entries[ix.0];
            let passage = &comparison.passages[entry.passage];
            let texts = crate::present::text::pair_texts(
                comparison,
                passage,
                self.local[1],
                entry.status,
                underlines.as_ref(),
            );
            // The underlines cut runs, never the text; the rows were wrapped on the text as
            // built, so a text that came out otherwise keeps the one built.
            let same = texts
                .iter()
                .zip(&entry.text)
                .all(|(new, old)| new.as_ref().map(|t| &t.text) == old.as_ref().map(|t| &t.text));
            if same {
                self.inked.insert(ix.0, texts);
            }
        }
    }

    /// One row of the layout, made now (`None` past the end).
    #[must_use]
    pub fn row(&self, row: usize) -> Option<Row> {
        rows::row(self, row)
    }
}

/// Each entry's passage and status, for [`Columns::of`].
fn statuses(entries: &[Entry]) -> Vec<(usize, PassageStatus)> {
    entries.iter().map(|e| (e.passage, e.status)).collect()
}

#[cfg(test)]
mod tests;
