//! The layout as it was made before it became lazy, kept as the reference the lazy one must
//! agree with: every entry wrapped and every row built, top to bottom, in one pass.

use std::ops::Range;

use super::super::rows::{fold_label, label, marker, runs};
use super::super::{Cell, Destination, EntryIx, Fold, PairRows, Row, Side};
use crate::model::PassageStatus;
use crate::present::outline;
use crate::present::wrap::wrap;

/// Every row of a layout, and the rows of each entry.
pub(super) struct Eager {
    pub(super) rows: Vec<Row>,
    pub(super) entry_rows: Vec<Range<usize>>,
}

fn foldable(status: PassageStatus) -> bool {
    matches!(status, PassageStatus::Same | PassageStatus::Boilerplate)
}

fn markers(layout: &PairRows, arriving: &[EntryIx]) -> Vec<Cell> {
    arriving
        .iter()
        .map(|&moved| marker(layout, moved))
        .collect()
}

/// Lays out every entry of `layout` (its entries, moves, width and fold state) eagerly.
pub(super) fn lay_out(layout: &PairRows) -> Eager {
    let entries = &layout.entries;
    let moves = &layout.moves;
    let mut rows: Vec<Row> = Vec::new();
    let mut entry_rows = vec![0..0; entries.len()];
    let mut i = 0;
    while i < entries.len() {
        if !rows.is_empty() {
            rows.push(Row {
                entry: None,
                cells: [Cell::Blank, Cell::Blank],
            });
        }
        let start = rows.len();
        let folds = |e: usize| foldable(entries[e].status) && !moves.holds_marker(EntryIx(e));
        if layout.key.fold == Fold::Folded && folds(i) {
            let end = (i..entries.len())
                .find(|&e| !folds(e))
                .unwrap_or(entries.len());
            let label = fold_label(&entries[i..end]);
            rows.push(Row {
                entry: Some(EntryIx(i)),
                cells: [Cell::Fold(label.clone()), Cell::Fold(label)],
            });
            for r in &mut entry_rows[i..end] {
                *r = start..start + 1;
            }
            i = end;
            continue;
        }
        if i == 0 {
            for note in markers(layout, moves.arriving(Destination::First)) {
                rows.push(Row {
                    entry: Some(EntryIx(0)),
                    cells: [Cell::Blank, note],
                });
            }
        }
        let ix = EntryIx(i);
        let entry = &entries[i];
        let width = usize::from(layout.key.width);
        let mut cells: [Vec<Cell>; 2] = Side::BOTH.map(|side| {
            layout.text(ix, side).map_or_else(Vec::new, |text| {
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
            cells[1].push(Cell::Note(format!(
                "↷ moved: {} has it {place} · Enter: go",
                label(layout, layout.key.compared)
            )));
        }
        cells[1].extend(markers(layout, moves.arriving(Destination::After(ix))));
        for side in Side::BOTH {
            if entry.side(side).is_none() {
                let other = match side {
                    Side::Base => layout.comparison_base,
                    Side::Compared => layout.key.compared,
                };
                let gap = Cell::Gap(Some(format!("∅ not in {}", label(layout, other))));
                cells[side.index()].insert(0, gap);
            }
        }
        let height = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
        for side in Side::BOTH {
            let column = &mut cells[side.index()];
            let filler = match column.first() {
                Some(Cell::Gap(_)) => Cell::Gap(None),
                _ => Cell::Blank,
            };
            column.resize(height, filler);
        }
        let [left, right] = cells;
        for (l, r) in left.into_iter().zip(right) {
            rows.push(Row {
                entry: Some(ix),
                cells: [l, r],
            });
        }
        entry_rows[i] = start..rows.len();
        i += 1;
    }
    Eager { rows, entry_rows }
}
