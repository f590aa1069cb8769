//! One row of the layout, made when it is shown: a line of each side's wrapped text, the
//! shorter side padded, a gap marked, the notes that say where a moved passage went, or the
//! line of a folded run.

use std::ops::Range;

use super::{Cell, Destination, Entry, EntryIx, PairRows, Row, Run, Side, StyledText};
use crate::model::{PassageStatus, VersionId};
use crate::present::outline;

/// The row at `row` (`None` past the end).
pub(super) fn row(layout: &PairRows, row: usize) -> Option<Row> {
    if row >= layout.index.total() {
        return None;
    }
    let Some(block) = layout.index.block_at(row) else {
        // The separator between two passages.
        return Some(Row {
            entry: None,
            cells: [Cell::Blank, Cell::Blank],
        });
    };
    let ix = EntryIx(block.entries.start);
    if block.folded {
        let label = fold_label(&layout.entries[block.entries.clone()]);
        return Some(Row {
            entry: Some(ix),
            cells: [Cell::Fold(label.clone()), Cell::Fold(label)],
        });
    }
    let mut offset = row - block.start;
    if ix.0 == 0 {
        // Passages the compared version moved to its very start come before all.
        let first = layout.moves.arriving(Destination::First);
        if let Some(moved) = first.get(offset) {
            return Some(Row {
                entry: Some(ix),
                cells: [Cell::Blank, marker(layout, *moved)],
            });
        }
        offset -= first.len();
    }
    Some(Row {
        entry: Some(ix),
        cells: Side::BOTH.map(|side| cell(layout, ix, side, offset)),
    })
}

/// What one side of an entry shows on its `offset`-th row: the gap's label where the version
/// lacks the passage, the wrapped lines, then (compared side) where the passage went and the
/// passages that moved in after it, then padding.
fn cell(layout: &PairRows, ix: EntryIx, side: Side, offset: usize) -> Cell {
    let entry = layout.entry(ix);
    let gap = entry.side(side).is_none();
    let mut k = offset;
    if gap {
        if k == 0 {
            let other = match side {
                Side::Base => layout.comparison_base,
                Side::Compared => layout.key.compared,
            };
            return Cell::Gap(Some(format!("∅ not in {}", label(layout, other))));
        }
        k -= 1;
    } else {
        let lines = layout.shapes.lines(ix, side);
        if let (Some(line), Some(text)) = (lines.get(k), layout.text(ix, side)) {
            return Cell::Text(runs(text, line.clone()));
        }
        k -= lines.len().min(k);
    }
    if side == Side::Compared {
        if let Some(destination) = layout.moves.went(ix) {
            if k == 0 {
                let place = match destination {
                    Destination::After(t) => {
                        format!(
                            "after passage {}",
                            outline::ordinal(layout.entry(t).passage)
                        )
                    }
                    Destination::First => "first".to_string(),
                };
                return Cell::Note(format!(
                    "↷ moved: {} has it {place} · Enter: go",
                    label(layout, layout.key.compared)
                ));
            }
            k -= 1;
        }
        // Passages the compared version has right after this one: notes under its text.
        if let Some(moved) = layout.moves.arriving(Destination::After(ix)).get(k) {
            return marker(layout, *moved);
        }
    }
    if gap { Cell::Gap(None) } else { Cell::Blank }
}

/// A "moved here" note: the compared version has the moved entry at this place.
pub(super) fn marker(layout: &PairRows, moved: EntryIx) -> Cell {
    let entry = layout.entry(moved);
    let excerpt = entry
        .side(Side::Compared)
        .map_or_else(String::new, |t| excerpt(&t.text));
    let passages = match layout.moves.block_end(moved) {
        Some(last) => format!(
            "passages {}–{}",
            outline::ordinal(entry.passage),
            outline::ordinal(layout.entry(last).passage)
        ),
        None => format!("passage {}", outline::ordinal(entry.passage)),
    };
    Cell::Note(format!(
        "↳ {} has {passages} here: “{excerpt}” · Enter: go",
        label(layout, layout.key.compared),
    ))
}

/// How a version is named in notes: `004`, or `000 (base)`.
pub(super) fn label(layout: &PairRows, id: VersionId) -> String {
    let label = layout.labels.get(id);
    if id == layout.comparison_base {
        format!("{label} (base)")
    } else {
        label.to_string()
    }
}

/// The first few words of a text, for a note ("…" if cut).
pub(super) fn excerpt(text: &str) -> String {
    const WORDS: usize = 6;
    match text.match_indices(' ').nth(WORDS - 1) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// The label of a folded run, e.g. "⋯ 4 same passages" or "⋯ 3 same passages, 1 boilerplate".
pub(super) fn fold_label(run: &[Entry]) -> String {
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
pub(super) fn runs(text: &StyledText, line: Range<usize>) -> Vec<Run> {
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
