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
    /// The strip for a layout, `height` cells tall.
    #[must_use]
    pub fn build(layout: &PairRows, height: usize) -> Self {
        let rows = layout.row_count();
        let mut overview = Self {
            cells: Vec::with_capacity(height),
            rows,
            height,
        };
        for cell in 0..height {
            let status = layout
                .entries_in(overview.cell_rows(cell))
                .map(|ix| layout.entry(ix).status)
                .max_by_key(|s| weight(*s));
            overview.cells.push(status);
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
