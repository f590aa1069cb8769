//! What every front end shows, prepared once and without any I/O: the step between the model
//! and the printers ([`crate::render`]), the viewer (`app`) and the HTML report ([`crate::html`]).
//!
//! Nothing here knows a terminal or a web page. Text carries neutral inks ([`text::Ink`]) and
//! fact marks ([`marks::FactMark`]) that each front end maps to its own look: ANSI escapes,
//! ratatui styles, CSS classes. So one passage has one number, one percentage, one status and
//! one label everywhere.
//!
//! | module | what it is for |
//! |---|---|
//! | [`outline`] | which passages a view shows, folds, moved-here marks; passage numbers, a passage's status for a pair, headers, the one percent format, the `weak` mark |
//! | [`labels`] | short version labels (`000`, `v0`), the same in every front end |
//! | [`pairs`] | each compared version against the base in its own comparison, named as among all versions |
//! | [`text`] | a passage's text as inked runs from the word ops, with accents and fact marks: one side, or both in place; line ends joined or kept |
//! | [`wrap`] | word wrapping by display width (CJK, emoji, closing punctuation) |
//! | [`marks`] | which fact readings two versions disagree on, to be underlined |
//! | [`facts`] | the facts table: sections, a row per fact with a cell per version, reading groups, misquote diffs, deviating readings, details, the tally |
//! | [`presence`] | every passage × every version: carried or not, status, similarity; each version's counts against the base |

pub mod facts;
pub mod labels;
pub mod marks;
pub mod outline;
pub mod pairs;
pub mod presence;
pub mod text;
pub mod wrap;

/// Whether output carries colour or marks changes with text only; the command line decides it
/// once (`--color`, `NO_COLOR`, a dumb terminal) for the printers and the viewer alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Styling {
    /// Colours and text attributes; changed words are not bracketed.
    Color,
    /// Plain text (printers bracket changed words as wdiff does; the viewer uses reverse video
    /// and underlines).
    Plain,
}
