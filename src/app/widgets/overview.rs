//! The overview strip: one cell per slice of the story, coloured by status, with the viewport
//! and the current passage marked.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use crate::app::overview::Overview;
use crate::app::theme::Theme;
use crate::model::PassageStatus;

/// The strip, with the rows on screen and the current passage's rows.
#[derive(Debug, Clone)]
pub struct OverviewStrip<'a> {
    /// The prepared cells.
    pub overview: &'a Overview,
    /// Layout rows on screen.
    pub viewport: Range<usize>,
    /// Layout rows of the current passage.
    pub current: Range<usize>,
    /// Styles.
    pub theme: &'a Theme,
}

/// The glyph of a cell: solid for divergent passages, light for the rest, so the strip reads
/// without colour too.
fn glyph(status: Option<PassageStatus>) -> &'static str {
    match status {
        None => " ",
        Some(PassageStatus::Same) => "│",
        Some(PassageStatus::Boilerplate) => "┆",
        Some(PassageStatus::Changed) => "█",
        Some(PassageStatus::Added) => "+",
        Some(PassageStatus::Removed) => "−",
        Some(PassageStatus::Moved) => "↕",
    }
}

impl Widget for &OverviewStrip<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let current_cell = self.overview.cell_of_row(self.current.start);
        for (i, status) in self
            .overview
            .cells
            .iter()
            .enumerate()
            .take(usize::from(area.height))
        {
            let rows = self.overview.cell_rows(i);
            let mut style = Style::new();
            if let Some(status) = status {
                style = style.fg(self.theme.status(*status));
            }
            if rows.start < self.viewport.end && rows.end > self.viewport.start {
                style = style.bg(self.theme.overview_viewport);
            }
            let y = area.y + i as u16;
            if i == current_cell {
                buf.set_string(area.x, y, "◆", style.patch(self.theme.overview_current));
            } else {
                buf.set_string(area.x, y, glyph(*status), style);
            }
        }
    }
}
