//! The key table itself: every binding of every mode, in the order the help lists them.

use ratatui::crossterm::event::KeyCode;

use super::{Action, Binding, Context, Key};
use crate::model::VersionId;

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
use Context::{Browse, Facts, Global, Goto, Help, Presence, Search};
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
    bind(
        Global,
        &[Ctrl('z')],
        A::Suspend,
        "suspend (fg resumes)",
        None,
    ),
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
        &[Char('m')],
        A::ToggleStepping,
        "n/p: all changes or substantive only",
        Some("substantive"),
    ),
    bind(
        Browse,
        &[Char('F'), Char('}')],
        A::NextFact,
        "next underlined fact",
        None,
    ),
    bind(
        Browse,
        &[Char('{')],
        A::PrevFact,
        "previous underlined fact",
        None,
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
        &[Ctrl('d')],
        A::HalfPageDown,
        "scroll down half a page",
        None,
    ),
    bind(
        Browse,
        &[Ctrl('u')],
        A::HalfPageUp,
        "scroll up half a page",
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
        &[Char(':')],
        A::StartGoto,
        "go to passage N (:N Enter)",
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
        &[Char('f')],
        A::ToggleFacts,
        "facts panel: facts that differ",
        Some("facts"),
    ),
    bind(
        Browse,
        &[Char('?')],
        A::ToggleHelp,
        "this help",
        Some("help"),
    ),
    bind(
        Browse,
        &[Char('y')],
        A::Copy,
        "copy the passage, both sides",
        None,
    ),
    bind(Browse, &[Char('q')], A::Quit, "quit", Some("quit")),
    bind(
        Browse,
        &[Code(KeyCode::Esc)],
        A::Back,
        "clear the search (never quits)",
        None,
    ),
    // Typing a passage number.
    bind(
        Goto,
        &[Code(KeyCode::Enter)],
        A::GotoAccept,
        "go to the passage",
        None,
    ),
    bind(Goto, &[Code(KeyCode::Esc)], A::GotoCancel, "cancel", None),
    bind(
        Goto,
        &[Code(KeyCode::Backspace)],
        A::GotoErase,
        "erase a digit",
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
    // The facts panel.
    bind(
        Facts,
        &[Char('j'), Code(KeyCode::Down)],
        A::Down,
        "select the next fact",
        None,
    ),
    bind(
        Facts,
        &[Char('k'), Code(KeyCode::Up)],
        A::Up,
        "select the previous fact",
        None,
    ),
    bind(
        Facts,
        &[Code(KeyCode::PageDown), Char(' ')],
        A::PageDown,
        "page down",
        None,
    ),
    bind(Facts, &[Code(KeyCode::PageUp)], A::PageUp, "page up", None),
    bind(
        Facts,
        &[Char('g'), Code(KeyCode::Home)],
        A::Top,
        "first fact",
        None,
    ),
    bind(
        Facts,
        &[Char('G'), Code(KeyCode::End)],
        A::Bottom,
        "last fact",
        None,
    ),
    bind(
        Facts,
        &[Code(KeyCode::Enter)],
        A::Jump,
        "show its passage in the panes",
        Some("jump"),
    ),
    bind(
        Facts,
        &[Char('f'), Code(KeyCode::Esc)],
        A::ToggleFacts,
        "close",
        Some("close"),
    ),
    bind(Facts, &[Char('?')], A::ToggleHelp, "help", None),
    bind(Facts, &[Char('q')], A::Quit, "quit", None),
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
