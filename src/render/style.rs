//! Every style the printers use, in one place: what each looks like in colour (SGR escapes) and
//! how a change is marked when there is no colour (wdiff's `[-deleted-]` and `{+inserted+}`).

use std::io::{self, Write};

pub use crate::present::Styling;

/// What a piece of output is, which decides how it looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Ordinary text.
    Plain,
    /// Words of the base that the compared version lacks.
    Deleted,
    /// Words of the compared version that the base lacks.
    Inserted,
    /// The letters that differ inside a deleted word changed by a letter or two.
    DeletedAccent,
    /// The letters that differ inside an inserted word changed by a letter or two.
    InsertedAccent,
    /// A passage header of a divergent passage.
    Header,
    /// Quiet lines: same passages, collapsed runs, boilerplate, headers of same passages.
    Faint,
    /// Notes about a passage's place: "moved here", "absent".
    Note,
    /// A fact reading that strays from the consensus of the versions (the facts table).
    Outlier,
}

impl Style {
    /// The SGR escape that turns this style on (`None`: ordinary text).
    const fn sgr(self) -> Option<&'static str> {
        match self {
            Self::Plain => None,
            Self::Deleted => Some("\x1b[31m"),
            Self::Inserted => Some("\x1b[32m"),
            // Bold and underlined: the letters that make "Donahue" "Donohue" stand out.
            Self::DeletedAccent => Some("\x1b[1;4;31m"),
            Self::InsertedAccent => Some("\x1b[1;4;32m"),
            Self::Header => Some("\x1b[1;36m"),
            Self::Faint => Some("\x1b[2m"),
            Self::Note => Some("\x1b[33m"),
            // Bold yellow: a cell to check, not necessarily a wrong one (red is for deletions).
            Self::Outlier => Some("\x1b[1;33m"),
        }
    }

    /// The style of a whole change run that this style is part of (accents belong to their run).
    #[must_use]
    pub const fn run(self) -> Self {
        match self {
            Self::DeletedAccent => Self::Deleted,
            Self::InsertedAccent => Self::Inserted,
            other => other,
        }
    }
}

/// Turns off every SGR attribute.
const RESET: &str = "\x1b[0m";

/// Writes styled text for one [`Styling`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Painter {
    styling: Styling,
}

impl Painter {
    /// A painter for this styling.
    #[must_use]
    pub const fn new(styling: Styling) -> Self {
        Self { styling }
    }

    /// The textual brackets around a change run when there is no colour (`None`: no brackets).
    #[must_use]
    pub const fn brackets(self, style: Style) -> Option<(&'static str, &'static str)> {
        match (self.styling, style.run()) {
            (Styling::Plain, Style::Deleted) => Some(("[-", "-]")),
            (Styling::Plain, Style::Inserted) => Some(("{+", "+}")),
            _ => None,
        }
    }

    /// Writes `text` in `style`. `text` must not contain a newline (styles are closed at the end
    /// of each line so that pagers and `head` never leave a colour switched on).
    pub fn write(self, out: &mut dyn Write, style: Style, text: &str) -> io::Result<()> {
        match (self.styling, style.sgr()) {
            (Styling::Color, Some(sgr)) if !text.is_empty() => write!(out, "{sgr}{text}{RESET}"),
            _ => out.write_all(text.as_bytes()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn painted(styling: Styling, style: Style, text: &str) -> String {
        let mut out = Vec::new();
        Painter::new(styling).write(&mut out, style, text).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn plain_styling_writes_no_escapes() {
        assert_eq!(painted(Styling::Plain, Style::Deleted, "old"), "old");
        assert_eq!(
            painted(Styling::Plain, Style::Header, "── passage"),
            "── passage"
        );
    }

    #[test]
    fn colour_styling_wraps_text_in_sgr_and_resets() {
        assert_eq!(
            painted(Styling::Color, Style::Inserted, "new"),
            "\x1b[32mnew\x1b[0m"
        );
        assert_eq!(painted(Styling::Color, Style::Plain, "x"), "x");
    }

    #[test]
    fn only_plain_styling_brackets_changes_and_accents_share_their_runs_brackets() {
        let plain = Painter::new(Styling::Plain);
        assert_eq!(plain.brackets(Style::Deleted), Some(("[-", "-]")));
        assert_eq!(plain.brackets(Style::InsertedAccent), Some(("{+", "+}")));
        assert_eq!(plain.brackets(Style::Faint), None);
        assert_eq!(Painter::new(Styling::Color).brackets(Style::Deleted), None);
    }
}
