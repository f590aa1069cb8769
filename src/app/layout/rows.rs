//! Laying entries out on rows: wrapping both sides, padding the shorter, folding runs of same
//! passages, and writing the notes that say where a moved passage went.

use std::ops::Range;

use super::{
    Cell, Destination, Entry, EntryIx, Fold, Moves, PairRowsKey, Row, Run, Side, StyledText,
};
use crate::model::{Comparison, PassageStatus, VersionId};
use crate::present::outline::{self, Labels};
use crate::present::wrap::wrap;

/// Collects rows while entries are placed.
pub(super) struct Builder<'a> {
    pub(super) comparison: &'a Comparison,
    pub(super) labels: Labels,
    pub(super) key: PairRowsKey,
    pub(super) rows: Vec<Row>,
}

/// Whether an entry folds away with its neighbours when folding is on.
fn foldable(entry: &Entry) -> bool {
    matches!(
        entry.status,
        PassageStatus::Same | PassageStatus::Boilerplate
    )
}

impl Builder<'_> {
    /// Places every entry, setting each one's rows.
    pub(super) fn lay_out(&mut self, entries: &mut [Entry], moves: &Moves) {
        // An entry that holds "moved here" notes stays open when folding.
        let holds_marker = |i: usize| {
            !moves.arriving(Destination::After(EntryIx(i))).is_empty()
                || (i == 0 && !moves.arriving(Destination::First).is_empty())
        };
        let mut i = 0;
        while i < entries.len() {
            if !self.rows.is_empty() {
                self.rows.push(Row {
                    entry: None,
                    cells: [Cell::Blank, Cell::Blank],
                });
            }
            let start = self.rows.len();
            if self.key.fold == Fold::Folded && foldable(&entries[i]) && !holds_marker(i) {
                let end = (i..entries.len())
                    .find(|&e| !foldable(&entries[e]) || holds_marker(e))
                    .unwrap_or(entries.len());
                let label = fold_label(&entries[i..end]);
                self.rows.push(Row {
                    entry: Some(EntryIx(i)),
                    cells: [Cell::Fold(label.clone()), Cell::Fold(label)],
                });
                for entry in &mut entries[i..end] {
                    entry.rows = start..start + 1;
                }
                i = end;
                continue;
            }
            if i == 0 {
                // Passages the compared version moved to its very start come before all.
                for note in self.markers(entries, moves.arriving(Destination::First)) {
                    self.rows.push(Row {
                        entry: Some(EntryIx(0)),
                        cells: [Cell::Blank, note],
                    });
                }
            }
            self.text_rows(entries, EntryIx(i), moves);
            entries[i].rows = start..self.rows.len();
            i += 1;
        }
    }

    /// The rows of one entry's text: both sides wrapped, the shorter padded, a gap marked.
    fn text_rows(&mut self, entries: &[Entry], ix: EntryIx, moves: &Moves) {
        let entry = &entries[ix.0];
        let width = usize::from(self.key.width);
        let mut cells: [Vec<Cell>; 2] = Side::BOTH.map(|side| {
            entry.side(side).map_or_else(Vec::new, |text| {
                wrap(&text.text, width)
                    .into_iter()
                    .map(|line| Cell::Text(runs(text, line)))
                    .collect()
            })
        });
        if let Some(destination) = moves.went(ix) {
            let place = match destination {
                Destination::After(t) => {
                    format!("after passage {}", outline::ordinal(entries[t.0].passage))
                }
                Destination::First => "first".to_string(),
            };
            let note = format!(
                "↷ moved: {} has it {place} · Enter: go",
                self.label(self.key.compared)
            );
            cells[Side::Compared.index()].push(Cell::Note(note));
        }
        // Passages the compared version has right after this one: notes under its text.
        let markers = self.markers(entries, moves.arriving(Destination::After(ix)));
        cells[Side::Compared.index()].extend(markers);
        let height = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
        for side in Side::BOTH {
            let column = &mut cells[side.index()];
            if entry.side(side).is_none() {
                let other = match side {
                    Side::Base => self.comparison.base,
                    Side::Compared => self.key.compared,
                };
                column.insert(
                    0,
                    Cell::Gap(Some(format!("∅ not in {}", self.label(other)))),
                );
            }
            let filler = match column.first() {
                Some(Cell::Gap(_)) => Cell::Gap(None),
                _ => Cell::Blank,
            };
            column.resize(height, filler);
        }
        let [left, right] = cells;
        for (l, r) in left.into_iter().zip(right) {
            self.rows.push(Row {
                entry: Some(ix),
                cells: [l, r],
            });
        }
    }

    /// "Moved here" notes for the place after an entry (`None`: before the first one): the
    /// compared version has a moved passage there.
    fn markers(&self, entries: &[Entry], arriving: &[EntryIx]) -> Vec<Cell> {
        arriving
            .iter()
            .map(|moved| {
                let excerpt = entries[moved.0]
                    .side(Side::Compared)
                    .map_or_else(String::new, |t| excerpt(&t.text));
                Cell::Note(format!(
                    "↳ {} has passage {} here: “{excerpt}” · Enter: go",
                    self.label(self.key.compared),
                    outline::ordinal(entries[moved.0].passage)
                ))
            })
            .collect()
    }

    /// How a version is named in notes: `004`, or `000 (base)`.
    fn label(&self, id: VersionId) -> String {
        let label = self.labels.get(id);
        if id == self.comparison.base {
            format!("{label} (base)")
        } else {
            label.to_string()
        }
    }
}

/// The first few words of a text, for a note ("…" if cut).
fn excerpt(text: &str) -> String {
    const WORDS: usize = 6;
    match text.match_indices(' ').nth(WORDS - 1) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// The label of a folded run, e.g. "⋯ 4 same passages" or "⋯ 3 same passages, 1 boilerplate".
fn fold_label(run: &[Entry]) -> String {
    let boilerplate = run
        .iter()
        .filter(|e| e.status == PassageStatus::Boilerplate)
        .count();
    let same = run.len() - boilerplate;
    let lines = if boilerplate == 1 { "line" } else { "lines" };
    match (same, boilerplate) {
        (_, 0) => format!("⋯ {} (z: unfold)", outline::same_passages(same)),
        (0, _) => format!("⋯ {boilerplate} boilerplate {lines} (z: unfold)"),
        _ => format!(
            "⋯ {}, {boilerplate} boilerplate {lines} (z: unfold)",
            outline::same_passages(same)
        ),
    }
}

/// The runs of a text that fall on one wrapped line.
fn runs(text: &StyledText, line: Range<usize>) -> Vec<Run> {
    let first = text.runs.partition_point(|r| r.range.end <= line.start);
    text.runs[first..]
        .iter()
        .take_while(|r| r.range.start < line.end)
        .map(|r| Run {
            range: r.range.start.max(line.start)..r.range.end.min(line.end),
            ..r.clone()
        })
        .filter(|run| !run.range.is_empty())
        .collect()
}
