//! The help overlay: the key table, section by section, in one or two columns.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

use crate::app::keymap::{HELP_TEXT_WIDTH, HelpLine};
use crate::app::theme::Theme;

/// A titled group of help lines.
#[derive(Debug, Clone)]
pub struct HelpSection {
    /// The heading.
    pub title: &'static str,
    /// Keys and what they do.
    pub lines: Vec<HelpLine>,
}

/// The overlay.
#[derive(Debug, Clone)]
pub struct HelpOverlay<'a> {
    /// Sections for the left column (or the only column when narrow).
    pub left: Vec<HelpSection>,
    /// Sections for the right column.
    pub right: Vec<HelpSection>,
    /// Lines scrolled.
    pub scroll: u16,
    /// Styles.
    pub theme: &'a Theme,
}

/// Width of the key column.
const KEYS: usize = 18;
/// Width of one column of help: indent, keys, text.
const COLUMN: u16 = 2 + KEYS as u16 + HELP_TEXT_WIDTH as u16;

impl HelpOverlay<'_> {
    fn lines(&self, sections: &[HelpSection]) -> Vec<Line<'static>> {
        let mut out = Vec::new();
        for section in sections {
            if !out.is_empty() {
                out.push(Line::default());
            }
            out.push(Line::from(Span::styled(
                section.title,
                self.theme.popup_border,
            )));
            for line in &section.lines {
                out.push(Line::from(vec![
                    Span::styled(format!("  {:<KEYS$}", line.keys), self.theme.key),
                    Span::styled(line.help, self.theme.popup),
                ]));
            }
        }
        out
    }
}

impl Widget for &HelpOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let two = area.width >= 2 * COLUMN + 4;
        let (left, right) = if two {
            (self.lines(&self.left), self.lines(&self.right))
        } else {
            let all: Vec<HelpSection> = self.left.iter().chain(&self.right).cloned().collect();
            (self.lines(&all), Vec::new())
        };
        let content = left.len().max(right.len()) as u16;
        let width = if two {
            2 * COLUMN + 3
        } else {
            COLUMN.min(area.width.saturating_sub(2)) + 2
        };
        let [popup] = Layout::horizontal([Constraint::Length(width.min(area.width))])
            .flex(Flex::Center)
            .areas(area);
        let [popup] = Layout::vertical([Constraint::Length((content + 2).min(area.height))])
            .flex(Flex::Center)
            .areas(popup);
        Clear.render(popup, buf);
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .title(" storydiff keys · ?/Esc close ")
            .style(self.theme.popup)
            .border_style(self.theme.popup_border);
        let inner = block.inner(popup);
        block.render(popup, buf);
        let scroll = self.scroll.min(content.saturating_sub(inner.height));
        if two {
            let [l, _, r] = Layout::horizontal([
                Constraint::Length(COLUMN),
                Constraint::Length(1),
                Constraint::Length(COLUMN),
            ])
            .areas(inner);
            Paragraph::new(left).scroll((scroll, 0)).render(l, buf);
            Paragraph::new(right).scroll((scroll, 0)).render(r, buf);
        } else {
            Paragraph::new(left).scroll((scroll, 0)).render(inner, buf);
        }
    }
}
