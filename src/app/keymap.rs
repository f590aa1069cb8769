//! Keys → actions. One table, [`BINDINGS`], drives the app, the help overlay and the status-bar
//! hints, so what the help says is what the keys do.
//!
//! [`action_for`] is a pure function of the key and the [`Context`] (derived from the mode):
//! nothing here touches the state.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::nav::Direction;
use crate::model::VersionId;

/// Everything the user can ask for. Keys map to actions through [`BINDINGS`]; mouse, resize and
/// background results become actions in [`super::App::handle_event`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the program.
    Quit,
    /// Clear the search highlights if there are any, otherwise quit.
    Back,
    /// Next divergent passage (skips same passages and boilerplate).
    NextChange,
    /// Previous divergent passage.
    PrevChange,
    /// Scroll one row down (or move the selection down in a list).
    Down,
    /// Scroll one row up (or move the selection up in a list).
    Up,
    /// Scroll a page down.
    PageDown,
    /// Scroll a page up.
    PageUp,
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
    /// The presence view.
    Presence,
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

const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        help,
        hint,
    }
}

use Action as A;
use Context::{Browse, Global, Help, Presence, Search};
use Key::{Char, Code, Ctrl};

/// A digit key that picks a version to compare with.
macro_rules! pick {
    ($c:literal, $n:literal) => {
        bind(
            Browse,
            &[Char($c)],
            A::PickVersion(VersionId($n)),
            "compare with version 0–9",
            None,
        )
    };
}

/// The key table. Order matters: the first matching row wins, and the help lists rows in this
/// order.
pub const BINDINGS: &[Binding] = &[
    bind(Global, &[Ctrl('c')], A::Quit, "quit, always", None),
    // Browsing: moving.
    bind(
        Browse,
        &[Char('n'), Char(']')],
        A::NextChange,
        "next divergent passage",
        Some("next"),
    ),
    bind(
        Browse,
        &[Char('p'), Char('[')],
        A::PrevChange,
        "previous divergent passage",
        Some("prev"),
    ),
    bind(
        Browse,
        &[Char('j'), Code(KeyCode::Down)],
        A::Down,
        "scroll down a row",
        None,
    ),
    bind(
        Browse,
        &[Char('k'), Code(KeyCode::Up)],
        A::Up,
        "scroll up a row",
        None,
    ),
    bind(
        Browse,
        &[Code(KeyCode::PageDown), Char(' '), Ctrl('f')],
        A::PageDown,
        "scroll down a page",
        None,
    ),
    bind(
        Browse,
        &[Code(KeyCode::PageUp), Ctrl('b')],
        A::PageUp,
        "scroll up a page",
        None,
    ),
    bind(
        Browse,
        &[Char('g'), Code(KeyCode::Home)],
        A::Top,
        "go to the top",
        None,
    ),
    bind(
        Browse,
        &[Char('G'), Code(KeyCode::End)],
        A::Bottom,
        "go to the bottom",
        None,
    ),
    bind(
        Browse,
        &[Code(KeyCode::Enter)],
        A::FollowMove,
        "follow a moved passage (and back)",
        None,
    ),
    // Browsing: searching.
    bind(
        Browse,
        &[Char('/')],
        A::StartSearch,
        "search both panes",
        Some("search"),
    ),
    bind(Browse, &[Char('.')], A::NextHit, "next search hit", None),
    bind(
        Browse,
        &[Char(',')],
        A::PrevHit,
        "previous search hit",
        None,
    ),
    // Browsing: what is shown.
    bind(
        Browse,
        &[Char('z')],
        A::ToggleFold,
        "fold/unfold same passages",
        Some("fold"),
    ),
    bind(
        Browse,
        &[Char('i')],
        A::CycleIgnore,
        "cycle ignored: quotes, punct., case",
        Some("ignore"),
    ),
    bind(
        Browse,
        &[Code(KeyCode::Tab)],
        A::NextVersion,
        "compare with the next version",
        None,
    ),
    bind(
        Browse,
        &[Code(KeyCode::BackTab)],
        A::PrevVersion,
        "compare with the previous version",
        None,
    ),
    pick!('0', 0),
    pick!('1', 1),
    pick!('2', 2),
    pick!('3', 3),
    pick!('4', 4),
    pick!('5', 5),
    pick!('6', 6),
    pick!('7', 7),
    pick!('8', 8),
    pick!('9', 9),
    bind(
        Browse,
        &[Char('b')],
        A::MakeBase,
        "make the compared version the base",
        Some("base"),
    ),
    bind(
        Browse,
        &[Char('v')],
        A::TogglePresence,
        "presence view: passages × versions",
        Some("presence"),
    ),
    bind(
        Browse,
        &[Char('?')],
        A::ToggleHelp,
        "this help",
        Some("help"),
    ),
    bind(Browse, &[Char('q')], A::Quit, "quit", Some("quit")),
    bind(
        Browse,
        &[Code(KeyCode::Esc)],
        A::Back,
        "clear the search, else quit",
        None,
    ),
    // Typing a search.
    bind(
        Search,
        &[Code(KeyCode::Enter)],
        A::SearchAccept,
        "keep the search, go to its hits",
        None,
    ),
    bind(
        Search,
        &[Code(KeyCode::Esc)],
        A::SearchCancel,
        "cancel the search",
        None,
    ),
    bind(
        Search,
        &[Code(KeyCode::Backspace)],
        A::SearchErase,
        "erase a character",
        None,
    ),
    bind(
        Search,
        &[Code(KeyCode::Down), Ctrl('n')],
        A::NextHit,
        "next hit while typing",
        None,
    ),
    bind(
        Search,
        &[Code(KeyCode::Up), Ctrl('p')],
        A::PrevHit,
        "previous hit while typing",
        None,
    ),
    // The presence view.
    bind(
        Presence,
        &[Char('j'), Code(KeyCode::Down)],
        A::Down,
        "select the next passage",
        None,
    ),
    bind(
        Presence,
        &[Char('k'), Code(KeyCode::Up)],
        A::Up,
        "select the previous passage",
        None,
    ),
    bind(
        Presence,
        &[Code(KeyCode::PageDown), Char(' ')],
        A::PageDown,
        "page down",
        None,
    ),
    bind(
        Presence,
        &[Code(KeyCode::PageUp)],
        A::PageUp,
        "page up",
        None,
    ),
    bind(
        Presence,
        &[Char('g'), Code(KeyCode::Home)],
        A::Top,
        "first passage",
        None,
    ),
    bind(
        Presence,
        &[Char('G'), Code(KeyCode::End)],
        A::Bottom,
        "last passage",
        None,
    ),
    bind(
        Presence,
        &[Char('n'), Char(']')],
        A::NextChange,
        "next passage that differs",
        None,
    ),
    bind(
        Presence,
        &[Char('p'), Char('[')],
        A::PrevChange,
        "previous passage that differs",
        None,
    ),
    bind(
        Presence,
        &[Code(KeyCode::Enter)],
        A::Jump,
        "show the passage in the panes",
        Some("jump"),
    ),
    bind(
        Presence,
        &[Char('v'), Code(KeyCode::Esc)],
        A::TogglePresence,
        "close",
        Some("close"),
    ),
    bind(Presence, &[Char('?')], A::ToggleHelp, "help", None),
    bind(Presence, &[Char('q')], A::Quit, "quit", None),
    // The help overlay.
    bind(
        Help,
        &[Char('j'), Code(KeyCode::Down)],
        A::Down,
        "scroll down",
        None,
    ),
    bind(
        Help,
        &[Char('k'), Code(KeyCode::Up)],
        A::Up,
        "scroll up",
        None,
    ),
    bind(
        Help,
        &[Char('?'), Code(KeyCode::Esc), Char('q')],
        A::ToggleHelp,
        "close the help",
        None,
    ),
];

/// The action for a key in a context, if any. While typing a search, a printable character that
/// no row binds is typed into the search.
#[must_use]
pub fn action_for(event: &KeyEvent, context: Context) -> Option<Action> {
    let bound = BINDINGS
        .iter()
        .filter(|b| b.context == context || b.context == Context::Global)
        .find(|b| b.keys.iter().any(|k| k.matches(event)))
        .map(|b| b.action);
    bound.or_else(|| match (context, event.code) {
        (Context::Search, KeyCode::Char(c))
            if !event
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Action::SearchType(c))
        }
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
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn action(code: KeyCode, context: Context) -> Option<Action> {
        action_for(&press(code), context)
    }

    #[test]
    fn n_and_bracket_step_to_the_next_change() {
        assert_eq!(action(KeyCode::Char('n'), Browse), Some(A::NextChange));
        assert_eq!(action(KeyCode::Char(']'), Browse), Some(A::NextChange));
    }

    #[test]
    fn ctrl_c_quits_in_every_context() {
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for context in [Browse, Search, Presence, Help] {
            assert_eq!(action_for(&ctrl_c, context), Some(A::Quit), "{context:?}");
        }
    }

    #[test]
    fn letters_are_typed_into_a_search_even_when_bound_elsewhere() {
        assert_eq!(action(KeyCode::Char('q'), Search), Some(A::SearchType('q')));
        assert_eq!(action(KeyCode::Char('n'), Search), Some(A::SearchType('n')));
    }

    #[test]
    fn shifted_letters_match_their_uppercase_binding() {
        let shift_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(action_for(&shift_g, Browse), Some(A::Bottom));
    }

    #[test]
    fn ctrl_letters_do_not_trigger_plain_letter_bindings() {
        let ctrl_n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL);
        assert_eq!(action_for(&ctrl_n, Browse), None);
    }

    #[test]
    fn digits_pick_versions() {
        assert_eq!(
            action(KeyCode::Char('3'), Browse),
            Some(A::PickVersion(VersionId(3)))
        );
    }

    #[test]
    fn search_hit_keys_do_not_clash_with_passage_stepping() {
        let keys_of = |wanted: Action| -> Vec<Key> {
            BINDINGS
                .iter()
                .filter(|b| b.context == Browse && b.action == wanted)
                .flat_map(|b| b.keys.iter().copied())
                .collect()
        };
        let stepping = [keys_of(A::NextChange), keys_of(A::PrevChange)].concat();
        for key in [keys_of(A::NextHit), keys_of(A::PrevHit)].concat() {
            assert!(!stepping.contains(&key), "{key:?}");
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.context == b.context {
                    for key in a.keys {
                        assert!(!b.keys.contains(key), "{key:?} in {:?}", a.context);
                    }
                }
            }
        }
    }

    #[test]
    fn help_merges_the_digit_rows_into_a_range() {
        let lines = help_lines(Browse);
        let digits = lines
            .iter()
            .find(|l| l.help.starts_with("compare with version"))
            .unwrap();
        assert_eq!(digits.keys, "0–9");
    }

    #[test]
    fn help_lists_every_key_of_a_row() {
        let lines = help_lines(Browse);
        assert_eq!(
            lines[0],
            HelpLine {
                keys: "n ]".into(),
                help: "next divergent passage"
            }
        );
    }

    #[test]
    fn help_texts_fit_the_help_column() {
        for b in BINDINGS {
            assert!(
                b.help.chars().count() <= HELP_TEXT_WIDTH,
                "{:?} is too long",
                b.help
            );
        }
    }

    #[test]
    fn hints_come_from_the_table() {
        let hints = hints(Browse);
        assert_eq!(
            hints[0],
            Hint {
                keys: "n".into(),
                label: "next"
            }
        );
        assert!(hints.iter().any(|h| h.keys == "?" && h.label == "help"));
    }
}
