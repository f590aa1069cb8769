//! One-line bars: the pane titles, the status line, the key hints and the version bar. Their
//! content is prepared by the view; these only draw it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

/// A line with content on the left and on the right, over a background style.
#[derive(Debug, Clone, Default)]
pub struct Bar<'a> {
    /// Left-aligned content.
    pub left: Line<'a>,
    /// Right-aligned content (drawn over the left if they meet, except its first `keep`
    /// columns; the right is cut short instead).
    pub right: Line<'a>,
    /// Background.
    pub style: Style,
    /// Columns at the start of the left content that the right never covers.
    pub keep: u16,
}

impl Widget for &Bar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        buf.set_style(area, self.style);
        let right_width =
            (self.right.width() as u16).min(area.width.saturating_sub(self.keep.min(area.width)));
        let left_width = area.width.saturating_sub(right_width);
        buf.set_line(area.x, area.y, &self.left, left_width);
        buf.set_line(
            area.x + area.width - right_width,
            area.y,
            &self.right,
            right_width,
        );
    }
}

/// One version in the version bar.
#[derive(Debug, Clone)]
pub struct Tab {
    /// What it says, e.g. " 2 002_79408d… ·7 ".
    pub label: String,
    /// Its style (base, compared, other).
    pub style: Style,
}

/// The version bar: every version as a tab.
#[derive(Debug, Clone)]
pub struct VersionBar {
    /// The tabs, in version order.
    pub tabs: Vec<Tab>,
    /// The bar's background.
    pub style: Style,
}

impl Widget for &VersionBar {
    fn render(self, area: Rect, buf: &mut Buffer) {
        buf.set_style(area, self.style);
        let mut x = area.x;
        for tab in &self.tabs {
            let room = usize::from(area.right().saturating_sub(x));
            if room == 0 {
                break;
            }
            x = buf.set_stringn(x, area.y, &tab.label, room, tab.style).0;
            if x < area.right() {
                x += 1;
            }
        }
    }
}
