//! A short centred message: the too-small screen, the progress of the first alignment, a
//! comparison that failed.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// Lines centred on the screen.
#[derive(Debug, Clone)]
pub struct Message<'a> {
    /// The lines.
    pub lines: Vec<Line<'a>>,
    /// Their style.
    pub style: Style,
}

impl Widget for &Message<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let height = (self.lines.len() as u16).min(area.height);
        let [middle] = Layout::vertical([Constraint::Length(height)])
            .flex(Flex::Center)
            .areas(area);
        Paragraph::new(self.lines.clone())
            .style(self.style)
            .centered()
            .wrap(Wrap { trim: true })
            .render(middle, buf);
    }
}
