//! The facts panel: every fact the versions disagree on, one per row (passage, kind, status,
//! consensus, the deviating readings), and under a rule the selected fact in detail: every
//! version's reading with the outliers marked, and the word diff of each misquote.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::widgets::Widget;

use crate::app::list::ListState;
use crate::app::theme::Theme;
use crate::facts::FactStatus;
use crate::present::facts::{FactsTable, Piece, Tone};
use crate::present::wrap::truncate;

/// The panel.
#[derive(Debug, Clone)]
pub struct FactsPanel<'a> {
    /// The prepared rows.
    pub table: &'a FactsTable,
    /// Selection and scroll.
    pub state: ListState,
    /// Styles.
    pub theme: &'a Theme,
}

/// Columns before the consensus: bar, passage number, kind, status.
const LEAD: u16 = 28;

impl FactsPanel<'_> {
    fn tone(&self, tone: Tone) -> Style {
        let t = self.theme;
        match tone {
            Tone::Plain => t.text,
            Tone::Quiet => t.hint,
            Tone::Strays => t.notice,
            Tone::Deleted => t.deleted,
            Tone::Inserted => t.inserted,
            Tone::DeletedAccent => t.deleted_accent,
            Tone::InsertedAccent => t.inserted_accent,
        }
    }

    fn status_color(&self, status: FactStatus) -> Color {
        let c = &self.theme.statuses;
        match status {
            FactStatus::Agree => c.same,
            FactStatus::Drift => c.changed,
            FactStatus::Misquote => c.moved,
            FactStatus::Missing => c.removed,
        }
    }

    /// Width of the consensus column.
    fn consensus_width(area: Rect) -> u16 {
        (area.width / 4).clamp(12, 40)
    }

    /// Draws pieces from `x` on row `y`, no further than `right`.
    fn pieces(&self, pieces: &[Piece], x: u16, y: u16, right: u16, buf: &mut Buffer) {
        let mut x = x;
        for piece in pieces {
            if x >= right {
                break;
            }
            let room = usize::from(right - x);
            x = buf
                .set_stringn(x, y, &piece.text, room, self.tone(piece.tone))
                .0;
        }
    }

    fn header(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        buf.set_style(Rect { height: 2, ..area }, t.bar);
        let title = format!(
            " Facts the versions disagree on · {} · over {} versions",
            self.table.tally.brief(),
            self.table.versions
        );
        buf.set_stringn(area.x, area.y, title, usize::from(area.width), t.title);
        let y = area.y + 1;
        buf.set_stringn(
            area.x,
            y,
            format!("{:>7}  {:<8} {:<9}", "passage", "kind", "status"),
            usize::from(area.width),
            t.hint,
        );
        let consensus_x = area.x + LEAD;
        if consensus_x < area.right() {
            buf.set_stringn(
                consensus_x,
                y,
                "consensus",
                usize::from(area.right() - consensus_x),
                t.hint,
            );
        }
        let deviating_x = consensus_x + Self::consensus_width(area) + 2;
        if deviating_x < area.right() {
            buf.set_stringn(
                deviating_x,
                y,
                "deviating versions",
                usize::from(area.right() - deviating_x),
                t.hint,
            );
        }
    }

    fn list(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let consensus_width = Self::consensus_width(area);
        for (line, row) in self.state.lines(&self.table.rows, area, buf, t) {
            let y = line.y;
            buf.set_stringn(
                line.x + 1,
                y,
                format!("{:>6}  {:<8} ", row.number, row.kind.name()),
                usize::from(line.width.saturating_sub(1)),
                t.hint,
            );
            let status_x = line.x + 18;
            if status_x < line.right() {
                buf.set_stringn(
                    status_x,
                    y,
                    row.status_name,
                    usize::from(line.right() - status_x),
                    Style::new().fg(self.status_color(row.status)),
                );
            }
            let consensus_x = line.x + LEAD;
            if consensus_x < line.right() {
                let (text, style) = match &row.consensus {
                    Some(text) => (text.as_str(), t.text),
                    None => ("—", t.hint),
                };
                let room = usize::from(consensus_width.min(line.right() - consensus_x));
                buf.set_stringn(consensus_x, y, truncate(text, room), room, style);
            }
            let deviating_x = consensus_x + consensus_width + 2;
            if deviating_x < line.right() {
                self.pieces(&row.deviating, deviating_x, y, line.right(), buf);
            }
        }
    }

    fn detail(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let rule = "─".repeat(usize::from(area.width));
        buf.set_string(area.x, area.y, rule, t.divider);
        buf.set_string(area.x + 2, area.y, " selected fact ", t.hint);
        let Some(row) = self.table.rows.get(self.state.selected) else {
            return;
        };
        for (offset, line) in row
            .detail
            .iter()
            .take(usize::from(area.height.saturating_sub(1)))
            .enumerate()
        {
            let y = area.y + 1 + offset as u16;
            self.pieces(line, area.x + 1, y, area.right(), buf);
        }
    }
}

/// Rows above the list: the title and the column header.
pub const LIST_HEADER: usize = 2;

/// How the panel shares an area of `height` rows: list rows, then a rule and the detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PanelShape {
    /// Rows of the fact list.
    pub list: usize,
    /// Rows of the detail (after one rule line).
    pub detail: usize,
}

/// How an area of `height` rows is shared: the detail gets what it needs up to half the area,
/// the list the rest (at least one row).
#[must_use]
pub fn shape(table: &FactsTable, height: usize) -> PanelShape {
    let room = height.saturating_sub(LIST_HEADER + 1);
    let detail = table.detail_height.min(room / 2);
    PanelShape {
        list: room.saturating_sub(detail).max(1),
        detail,
    }
}

impl Widget for &FactsPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let header = LIST_HEADER as u16;
        if area.height < header + 1 {
            return;
        }
        self.header(area, buf);
        let shape = shape(self.table, usize::from(area.height));
        let list = Rect {
            y: area.y + header,
            height: shape.list as u16,
            ..area
        };
        self.list(list, buf);
        if shape.detail > 0 {
            let detail = Rect {
                y: list.bottom(),
                height: (shape.detail as u16 + 1).min(area.bottom().saturating_sub(list.bottom())),
                ..area
            };
            self.detail(detail, buf);
        }
    }
}
