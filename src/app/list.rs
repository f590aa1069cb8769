//! A list shown a screenful at a time with one row selected: the presence view and the facts
//! panel move through their rows alike.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::keymap::Action;
use super::nav::Direction;
use super::theme::Theme;

/// Rows the mouse wheel moves the selection per notch.
const WHEEL_ROWS: usize = 3;

/// Where a list is: the selected row and the first row on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListState {
    /// The selected row.
    pub selected: usize,
    /// The first row on screen.
    pub top: usize,
}

impl ListState {
    /// Moves the selection for a movement action (a row, a page of `page` rows, a wheel notch,
    /// the top or the bottom) in a list of `len` rows; `false` for any other action.
    pub fn step(&mut self, action: &Action, len: usize, page: usize) -> bool {
        let last = len.saturating_sub(1);
        let forward = |by: usize| (self.selected + by).min(last);
        let backward = |by: usize| self.selected.saturating_sub(by);
        self.selected = match action {
            Action::Down => forward(1),
            Action::Up => backward(1),
            Action::PageDown => forward(page),
            Action::PageUp => backward(page),
            Action::Wheel(Direction::Forward) => forward(WHEEL_ROWS),
            Action::Wheel(Direction::Backward) => backward(WHEEL_ROWS),
            Action::Top => 0,
            Action::Bottom => last,
            _ => return false,
        };
        true
    }

    /// Selects the row clicked `offset` rows below the top of the list, if there is one.
    pub fn click(&mut self, offset: usize, len: usize) {
        self.selected = (self.top + offset).min(len.saturating_sub(1));
    }

    /// Scrolls so that the selected row is among the `height` rows on screen.
    pub fn keep_in_view(&mut self, height: usize) {
        if self.selected < self.top {
            self.top = self.selected;
        } else if self.selected >= self.top + height {
            self.top = self.selected + 1 - height;
        }
    }

    /// The rows on screen in `area`, one line each, with the line's area; the selected row's
    /// line is marked (the current-row style and bar) before it is returned for drawing.
    pub fn lines<'a, T>(
        &self,
        rows: &'a [T],
        area: Rect,
        buf: &mut Buffer,
        theme: &Theme,
    ) -> Vec<(Rect, &'a T)> {
        rows.iter()
            .enumerate()
            .skip(self.top)
            .take(usize::from(area.height))
            .enumerate()
            .map(|(offset, (i, row))| {
                let line = Rect {
                    y: area.y + offset as u16,
                    height: 1,
                    ..area
                };
                if i == self.selected {
                    buf.set_style(line, theme.current_row);
                    buf.set_string(line.x, line.y, "▌", theme.current_bar);
                }
                (line, row)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn movement_stays_within_the_list_and_other_actions_are_left_alone() {
        let mut list = ListState::default();
        assert!(list.step(&Action::Up, 10, 4));
        assert_eq!(list.selected, 0);
        assert!(list.step(&Action::PageDown, 10, 4));
        assert_eq!(list.selected, 4);
        assert!(list.step(&Action::Wheel(Direction::Forward), 10, 4));
        assert_eq!(list.selected, 7);
        assert!(list.step(&Action::PageDown, 10, 4));
        assert_eq!(list.selected, 9);
        assert!(!list.step(&Action::Jump, 10, 4));
        assert_eq!(list.selected, 9);
    }

    #[test]
    fn the_selection_is_scrolled_into_view_from_either_side() {
        let mut list = ListState {
            selected: 12,
            top: 0,
        };
        list.keep_in_view(5);
        assert_eq!(list.top, 8);
        list.selected = 3;
        list.keep_in_view(5);
        assert_eq!(list.top, 3);
    }
}
