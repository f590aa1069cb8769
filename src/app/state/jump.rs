//! `:N` (go to passage N, as numbered in the status line) and `y` (copy the current passage,
//! both sides, to the clipboard).

use super::{App, Effect, Mode, Notice};
use crate::app::keymap::Action;
use crate::present::outline;

/// Digits a passage number may have (more is no passage of any text).
const MAX_DIGITS: usize = 7;

impl App {
    /// An action while typing a passage number.
    pub(super) fn goto(&mut self, action: Action) {
        let Mode::Goto { typed } = &mut self.mode else {
            return;
        };
        match action {
            Action::GotoType(c) if typed.len() < MAX_DIGITS => typed.push(c),
            Action::GotoErase => {
                typed.pop();
            }
            Action::GotoCancel => self.mode = Mode::Browse,
            Action::GotoAccept => {
                let asked = typed.parse::<usize>().ok();
                self.mode = Mode::Browse;
                self.go_to_number(asked);
            }
            _ => {}
        }
    }

    /// Makes passage `asked` current, numbered as the status line and every other front end
    /// number it ([`outline::ordinal`]); a passage the pair lacks is shown with a version that
    /// carries it.
    fn go_to_number(&mut self, asked: Option<usize>) {
        let Some(shown) = &self.shown else { return };
        let count = shown.panes.comparison.passages.len();
        match asked.and_then(outline::from_ordinal).filter(|p| *p < count) {
            Some(passage) => self.go_to_passage(passage),
            None => self.notice = Some(Notice::NoSuchPassage { asked, count }),
        }
    }

    /// Puts the current passage on the clipboard: each side's text under its version's name.
    pub(super) fn copy(&mut self) {
        let Some(shown) = &self.shown else { return };
        let Some(entry) = shown.layout.entries.get(self.nav.current.0) else {
            return;
        };
        let comparison = &shown.panes.comparison;
        let passage = &comparison.passages[entry.passage];
        let side = |version| {
            let name = &comparison.version(version).name;
            let text = comparison.passage_text(passage, version).map_or_else(
                || "(not in this version)".to_string(),
                |t| t.trim().to_string(),
            );
            let label = self.labels.get(shown.panes.ids.loaded(version));
            format!("{label} {name}:\n{text}\n")
        };
        let [base, compared] = shown.layout.local();
        let text = format!("{}\n{}", side(base), side(compared));
        self.notice = Some(Notice::Copied {
            passage: outline::ordinal(entry.passage),
            chars: text.chars().count(),
        });
        self.effect = Some(Effect::Copy(text));
    }
}

#[cfg(test)]
mod tests;
