//! Keys → actions. One table, [`BINDINGS`], drives the app, the help overlay and the status-bar
//! hints, so what the help says is what the keys do.
//!
//! [`action_for`] is a pure function of the key and the [`Context`] (derived from the mode):
//! nothing here touches the state.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::nav::Direction;
use crate::model::VersionId;

mod table;

pub use table::BINDINGS;

/// Everything the user can ask for. Keys map to actions through [`BINDINGS`]; mouse, resize and
/// background ticks become actions in [`super::App::action_for_event`] and the event loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the program.
    Quit,
    /// Clear the search highlights if there are any (Esc never quits: vim users press it by
    /// habit).
    Back,
    /// Stop the program (Ctrl-Z): the event loop gives the terminal back, stops with SIGTSTP,
    /// and takes the terminal again when continued.
    Suspend,
    /// Next divergent passage (skips same passages and boilerplate).
    NextChange,
    /// Previous divergent passage.
    PrevChange,
    /// Next passage with an underlined fact (one the two versions disagree on).
    NextFact,
    /// Previous passage with an underlined fact.
    PrevFact,
    /// Switch what `n`/`p` stop at: every divergent passage, or substantive changes only.
    ToggleStepping,
    /// Open or close the facts panel (every fact the versions disagree on).
    ToggleFacts,
    /// Scroll one row down (or move the selection down in a list).
    Down,
    /// Scroll one row up (or move the selection up in a list).
    Up,
    /// Scroll a page down.
    PageDown,
    /// Scroll a page up.
    PageUp,
    /// Scroll half a page down.
    HalfPageDown,
    /// Scroll half a page up.
    HalfPageUp,
    /// Start typing a passage number to go to (`:`).
    StartGoto,
    /// Type a digit of the passage number.
    GotoType(char),
    /// Erase the last digit.
    GotoErase,
    /// Go to the passage typed.
    GotoAccept,
    /// Go back to browsing without moving.
    GotoCancel,
    /// Copy the current passage, both sides, to the clipboard (OSC 52).
    Copy,
    /// A key that does nothing here: a short hint says so.
    Unbound(Key),
    /// Go to the first row.
    Top,
    /// Go to the last row.
    Bottom,
    /// Follow a move: from a moved passage to where it went, and back.
    FollowMove,
    /// Fold runs of same passages to one line, or unfold them.
    ToggleFold,
    /// Cycle the ignore options (none → quotes → + punctuation → + case).
    CycleIgnore,
    /// Compare with the next version.
    NextVersion,
    /// Compare with the previous version.
    PrevVersion,
    /// Compare with this version.
    PickVersion(VersionId),
    /// Make the compared version the base.
    MakeBase,
    /// Open or close the presence view (passages × versions).
    TogglePresence,
    /// Jump to the passage selected in a list.
    Jump,
    /// Open or close the help overlay.
    ToggleHelp,
    /// Start typing a search.
    StartSearch,
    /// Type a character into the search.
    SearchType(char),
    /// Erase the last character of the search.
    SearchErase,
    /// Keep the search and its highlights, go back to browsing.
    SearchAccept,
    /// Drop the search and go back to browsing.
    SearchCancel,
    /// Go to the next search hit.
    NextHit,
    /// Go to the previous search hit.
    PrevHit,
    /// The terminal was resized.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// The mouse wheel turned over the screen.
    Wheel(Direction),
    /// A left click at a screen position.
    Click {
        /// Column.
        column: u16,
        /// Row.
        row: u16,
    },
    /// Time passed: collect background results, advance the progress spinner.
    Tick,
}

/// Where a key is pressed: each mode has its own bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Anywhere (Ctrl-C).
    Global,
    /// The side-by-side panes.
    Browse,
    /// Typing a search.
    Search,
    /// Typing a passage number (`:`).
    Goto,
    /// The presence view.
    Presence,
    /// The facts panel.
    Facts,
    /// The help overlay.
    Help,
}

/// A key as written in the table and shown in the help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A character key, matched without Ctrl or Alt (Shift is part of the character).
    Char(char),
    /// Ctrl plus a character.
    Ctrl(char),
    /// A named key (arrows, Enter, Esc, Tab…).
    Code(KeyCode),
}

impl Key {
    fn matches(self, event: &KeyEvent) -> bool {
        let ctrl_alt = event
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match self {
            Self::Char(c) => event.code == KeyCode::Char(c) && !ctrl_alt,
            Self::Ctrl(c) => {
                event.code == KeyCode::Char(c) && event.modifiers.contains(KeyModifiers::CONTROL)
            }
            Self::Code(code) => event.code == code && !ctrl_alt,
        }
    }

    /// How the key is written in the help and hints.
    #[must_use]
    pub fn label(self) -> String {
        match self {
            Self::Char(' ') => "Space".to_string(),
            Self::Char(c) => c.to_string(),
            Self::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Self::Code(code) => match code {
                KeyCode::Up => "↑".to_string(),
                KeyCode::Down => "↓".to_string(),
                KeyCode::Left => "←".to_string(),
                KeyCode::Right => "→".to_string(),
                KeyCode::PageUp => "PgUp".to_string(),
                KeyCode::PageDown => "PgDn".to_string(),
                KeyCode::Home => "Home".to_string(),
                KeyCode::End => "End".to_string(),
                KeyCode::Enter => "Enter".to_string(),
                KeyCode::Esc => "Esc".to_string(),
                KeyCode::Tab => "Tab".to_string(),
                KeyCode::BackTab => "Shift-Tab".to_string(),
                KeyCode::Backspace => "Backspace".to_string(),
                other => other.to_string(),
            },
        }
    }
}

/// One row of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// Where the keys work.
    pub context: Context,
    /// The keys (any of them).
    pub keys: &'static [Key],
    /// What they do.
    pub action: Action,
    /// The help text. Consecutive rows with the same help text are shown as one line.
    pub help: &'static str,
    /// A short label for the status-bar hints; `None` keeps the binding out of the hints.
    pub hint: Option<&'static str>,
}

/// The action for a key in a context, if any. While typing a search, a printable character that
/// no row binds is typed into the search.
#[must_use]
pub fn action_for(event: &KeyEvent, context: Context) -> Option<Action> {
    let bound = BINDINGS
        .iter()
        .filter(|b| b.context == context || b.context == Context::Global)
        .find(|b| b.keys.iter().any(|k| k.matches(event)))
        .map(|b| b.action);
    let plain = !event
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    bound.or_else(|| match (context, event.code) {
        (Context::Search, KeyCode::Char(c)) if plain => Some(Action::SearchType(c)),
        (Context::Goto, KeyCode::Char(c)) if plain && c.is_ascii_digit() => {
            Some(Action::GotoType(c))
        }
        // Modifier keys alone (reported by some terminals) and media keys are no typing.
        (_, KeyCode::Modifier(_) | KeyCode::Media(_) | KeyCode::Null) => None,
        (_, KeyCode::Char(c)) if event.modifiers.contains(KeyModifiers::CONTROL) => {
            Some(Action::Unbound(Key::Ctrl(c)))
        }
        (_, KeyCode::Char(c)) if plain => Some(Action::Unbound(Key::Char(c))),
        (_, code) if plain => Some(Action::Unbound(Key::Code(code))),
        _ => None,
    })
}

/// Longest help text, so that two columns of help fit a 120-column terminal.
pub const HELP_TEXT_WIDTH: usize = 36;

/// One line of help: the keys of consecutive rows that share a help text, and that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    /// The keys, written as in the table (`n ]`, `0–9`).
    pub keys: String,
    /// What they do.
    pub help: &'static str,
}

/// The help lines of a context, generated from [`BINDINGS`].
#[must_use]
pub fn help_lines(context: Context) -> Vec<HelpLine> {
    let mut lines: Vec<(Vec<Key>, &'static str)> = Vec::new();
    for b in BINDINGS.iter().filter(|b| b.context == context) {
        match lines.last_mut() {
            Some((keys, help)) if *help == b.help => keys.extend_from_slice(b.keys),
            _ => lines.push((b.keys.to_vec(), b.help)),
        }
    }
    lines
        .into_iter()
        .map(|(keys, help)| HelpLine {
            keys: keys_label(&keys),
            help,
        })
        .collect()
}

/// Writes keys for the help: a run of digits as a range (`0–9`), others separated by spaces.
fn keys_label(keys: &[Key]) -> String {
    let digits: Vec<char> = keys
        .iter()
        .filter_map(|k| match k {
            Key::Char(c) if c.is_ascii_digit() => Some(*c),
            _ => None,
        })
        .collect();
    if digits.len() == keys.len() && digits.len() > 2 {
        return format!("{}–{}", digits[0], digits[digits.len() - 1]);
    }
    keys.iter().map(|k| k.label()).collect::<Vec<_>>().join(" ")
}

/// A status-bar hint: the first key of a row and its short label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    /// The keys, e.g. `n`.
    pub keys: String,
    /// The label, e.g. `next`.
    pub label: &'static str,
}

/// The hints for a context, in table order.
#[must_use]
pub fn hints(context: Context) -> Vec<Hint> {
    BINDINGS
        .iter()
        .filter(|b| b.context == context)
        .filter_map(|b| {
            b.hint.map(|label| Hint {
                keys: b.keys[0].label(),
                label,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
