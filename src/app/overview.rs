//! The overview strip: the whole story squeezed into one column, each cell coloured by the most
//! telling status among the rows it stands for. Prepared once per layout and strip height.

use std::ops::Range;

use super::layout::PairRows;
use crate::model::PassageStatus;

/// The cells of the strip, top to bottom.
#[derive(Debug, Clone, PartialEq)]
pub struct Overview {
    /// One status per cell (`None`: only separator rows).
    pub cells: Vec<Option<PassageStatus>>,
    /// Rows of the layout the strip stands for.
    rows: usize,
    /// Cells in the strip.
    height: usize,
}

/// How much a status should stand out when several share a cell.
fn weight(status: PassageStatus) -> u8 {
    match status {
        PassageStatus::Boilerplate => 0,
        PassageStatus::Same => 1,
        PassageStatus::Moved => 2,
        PassageStatus::Changed => 3,
        PassageStatus::Added | PassageStatus::Removed => 4,
    }
}

impl Overview {
    /// The strip for a layout, `height` cells tall: each cell shows the weightiest status
    /// among the blocks with rows in it (the last of equals). One pass over the blocks, both
    /// in row order: a book's strip is made in a fraction of a frame.
    #[must_use]
    pub fn build(layout: &PairRows, height: usize) -> Self {
        let mut overview = Self {
            cells: vec![None; height],
            rows: layout.row_count(),
            height,
        };
        let bounds: Vec<Range<usize>> = (0..height).map(|c| overview.cell_rows(c)).collect();
        // The first cell that can still meet a block.
        let mut first = 0;
        for (rows, status) in layout.blocks() {
            while bounds.get(first).is_some_and(|b| b.end <= rows.start) {
                first += 1;
            }
            for (cell, bound) in bounds.iter().enumerate().skip(first) {
                if bound.start >= rows.end {
                    break;
                }
                let slot = &mut overview.cells[cell];
                if !bound.is_empty() && slot.is_none_or(|s| weight(status) >= weight(s)) {
                    *slot = Some(status);
                }
            }
        }
        overview
    }

    /// The layout rows a cell stands for (empty below the end of a short document).
    #[must_use]
    pub fn cell_rows(&self, cell: usize) -> Range<usize> {
        let height = self.height.max(1);
        if self.rows <= height {
            return if cell < self.rows {
                cell..cell + 1
            } else {
                self.rows..self.rows
            };
        }
        (cell * self.rows / height)..((cell + 1) * self.rows / height)
    }

    /// The cell that stands for a layout row.
    #[must_use]
    pub fn cell_of_row(&self, row: usize) -> usize {
        let height = self.height.max(1);
        if self.rows <= height {
            row
        } else {
            row * height / self.rows
        }
    }

    /// The first layout row a cell stands for (for a click on the strip).
    #[must_use]
    pub fn row_of_cell(&self, cell: usize) -> usize {
        self.cell_rows(cell).start
    }

    /// Number of cells.
    #[must_use]
    pub fn height(&self) -> usize {
        self.height
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::fixture;
    use crate::app::layout::{Fold, PairRowsKey};
    use crate::model::VersionId;
    use crate::options::IgnoreOptions;

    /// The strip as defined: per cell, the weightiest status among the entries with rows in
    /// it, the last of equals.
    fn by_cells(layout: &PairRows, height: usize) -> Vec<Option<PassageStatus>> {
        let strip = Overview::build(layout, height);
        (0..height)
            .map(|cell| {
                layout
                    .entries_in(strip.cell_rows(cell))
                    .map(|ix| layout.entry(ix).status)
                    .max_by_key(|s| weight(*s))
            })
            .collect()
    }

    #[test]
    fn one_pass_over_the_blocks_colours_each_cell_as_defined() {
        let c = fixture::story();
        for width in [12, 30, 80] {
            for fold in [Fold::Open, Fold::Folded] {
                let key = PairRowsKey {
                    base: VersionId(0),
                    compared: VersionId(1),
                    ignore: IgnoreOptions::default(),
                    width,
                    fold,
                };
                let layout = PairRows::build(&c, None, key);
                for height in 0..layout.row_count() + 5 {
                    assert_eq!(
                        Overview::build(&layout, height).cells,
                        by_cells(&layout, height),
                        "width {width}, {fold:?}, height {height}"
                    );
                }
            }
        }
    }
}
