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

/// How the help sits in an area: in one or two columns, how many lines, where the popup goes.
struct Shape {
    two: bool,
    content: u16,
    popup: Rect,
}

/// Lines of help in a list of sections (headings and blank lines between sections included).
fn length(sections: &[HelpSection]) -> usize {
    sections.iter().map(|s| s.lines.len() + 1).sum::<usize>() + sections.len().saturating_sub(1)
}

fn shape(area: Rect, left: &[HelpSection], right: &[HelpSection]) -> Shape {
    let two = area.width >= 2 * COLUMN + 4;
    let content = if two {
        length(left).max(length(right))
    } else {
        length(left) + length(right) + 1
    };
    let content = u16::try_from(content).unwrap_or(u16::MAX);
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
    Shape {
        two,
        content,
        popup,
    }
}

/// How far the help can scroll in an area: the lines that do not fit.
#[must_use]
pub fn max_scroll(area: Rect, left: &[HelpSection], right: &[HelpSection]) -> u16 {
    let shape = shape(area, left, right);
    shape
        .content
        .saturating_sub(shape.popup.height.saturating_sub(2))
}

impl Widget for &HelpOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Shape {
            two,
            content,
            popup,
        } = shape(area, &self.left, &self.right);
        let (left, right) = if two {
            (self.lines(&self.left), self.lines(&self.right))
        } else {
            let all: Vec<HelpSection> = self.left.iter().chain(&self.right).cloned().collect();
            (self.lines(&all), Vec::new())
        };
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
