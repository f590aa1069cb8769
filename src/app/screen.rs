//! Where each part of the screen goes, computed once per terminal size and kept in the state so
//! that drawing and mouse hit-testing agree.

use ratatui::layout::{Constraint, Layout, Position, Rect};

/// Below this the screen shows a message instead of the panes.
pub const MIN_WIDTH: u16 = 40;
/// Below this the screen shows a message instead of the panes.
pub const MIN_HEIGHT: u16 = 10;
/// Cells left of a pane's text: the current-passage bar, the status symbol, a space.
pub const GUTTER: u16 = 3;
/// Cells right of a pane's text.
const MARGIN: u16 = 1;

/// The terminal size and what fits in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Too small to be useful: the size, for the message.
    TooSmall {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// The areas of a usable screen.
    Fits(Areas),
}

/// The areas of a usable screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The whole screen.
    pub full: Rect,
    /// The version bar (three or more versions).
    pub version_bar: Option<Rect>,
    /// Pane titles, left and right.
    pub titles: [Rect; 2],
    /// The panes, gutters included, left and right.
    pub panes: [Rect; 2],
    /// The column between the panes.
    pub divider: Rect,
    /// The overview strip along the right edge.
    pub overview: Rect,
    /// The status line.
    pub status: Rect,
    /// The key hints line.
    pub hints: Rect,
}

impl Screen {
    /// Lays out a screen of `width` × `height` for `versions` versions.
    #[must_use]
    pub fn new(width: u16, height: u16, versions: usize) -> Self {
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return Self::TooSmall { width, height };
        }
        let full = Rect::new(0, 0, width, height);
        let bar_height = u16::from(versions >= 3);
        let [bar, titles, body, status, hints] = Layout::vertical([
            Constraint::Length(bar_height),
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(full);
        let pane = (width - 2) / 2;
        let [left, divider, right, _, overview] = Layout::horizontal([
            Constraint::Length(pane),
            Constraint::Length(1),
            Constraint::Length(pane),
            Constraint::Fill(1),
            Constraint::Length(1),
        ])
        .areas(body);
        let title = |pane: Rect| Rect {
            y: titles.y,
            height: 1,
            ..pane
        };
        Self::Fits(Areas {
            full,
            version_bar: (bar_height > 0).then_some(bar),
            titles: [title(left), title(right)],
            panes: [left, right],
            divider,
            overview,
            status,
            hints,
        })
    }

    /// The areas, if the screen is big enough.
    #[must_use]
    pub fn areas(&self) -> Option<&Areas> {
        match self {
            Self::TooSmall { .. } => None,
            Self::Fits(areas) => Some(areas),
        }
    }
}

impl Areas {
    /// Width of each pane's text in cells.
    #[must_use]
    pub fn text_width(&self) -> u16 {
        self.panes[0].width.saturating_sub(GUTTER + MARGIN).max(1)
    }

    /// Rows of passage text on screen.
    #[must_use]
    pub fn body_height(&self) -> usize {
        usize::from(self.panes[0].height)
    }

    /// The body row (0-based from the top of the panes) under a screen position, if it is in
    /// a pane.
    #[must_use]
    pub fn pane_row(&self, column: u16, row: u16) -> Option<usize> {
        let at = Position::new(column, row);
        self.panes
            .iter()
            .any(|p| p.contains(at))
            .then(|| usize::from(row - self.panes[0].y))
    }

    /// The overview cell (0-based) under a screen position, if any.
    #[must_use]
    pub fn overview_cell(&self, column: u16, row: u16) -> Option<usize> {
        self.overview
            .contains(Position::new(column, row))
            .then(|| usize::from(row - self.overview.y))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_terminal_under_40_by_10_is_too_small() {
        assert_eq!(
            Screen::new(39, 40, 2),
            Screen::TooSmall {
                width: 39,
                height: 40
            }
        );
        assert_eq!(
            Screen::new(80, 9, 2),
            Screen::TooSmall {
                width: 80,
                height: 9
            }
        );
        assert!(Screen::new(40, 10, 2).areas().is_some());
    }

    #[test]
    fn both_panes_are_equally_wide_and_the_overview_hugs_the_right_edge() {
        let screen = Screen::new(121, 40, 5);
        let areas = screen.areas().unwrap();
        assert_eq!(areas.panes[0].width, areas.panes[1].width);
        assert_eq!(areas.overview.right(), 121);
        assert_eq!(areas.version_bar.map(|b| b.height), Some(1));
        assert_eq!(areas.body_height(), 40 - 4);
    }

    #[test]
    fn two_versions_need_no_version_bar() {
        let screen = Screen::new(120, 40, 2);
        assert_eq!(screen.areas().unwrap().version_bar, None);
        assert_eq!(screen.areas().unwrap().body_height(), 40 - 3);
    }
}
