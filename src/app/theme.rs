//! Every colour and text attribute of the viewer, in one place.
//!
//! Colours are from the 256-colour palette rather than 24-bit RGB: it renders the same in
//! terminals without true colour (macOS Terminal, older tmux setups). [`THEME`] is for a dark
//! background, as most terminal themes are, [`LIGHT`] for a light one; [`pick`] chooses,
//! asking the terminal for its background colour (OSC 11) when told to. Without colour
//! (`--color never`, or `NO_COLOR` with `--color auto`) it gives [`MONO`], which uses attributes only (reverse, bold, underline, dim).

use ratatui::style::{Color, Modifier, Style};

use super::layout::{FactMark, Ink};
use crate::model::PassageStatus;
use crate::present::Styling;

/// The styles of every part of the screen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    /// Story text of a changed passage (equal words).
    pub text: Style,
    /// Text of a passage that is the same in both versions: dimmed.
    pub same: Style,
    /// A section heading.
    pub heading: Style,
    /// Web-page debris: faint.
    pub boilerplate: Style,
    /// Text of a passage only the base has.
    pub removed: Style,
    /// Text of a passage only the compared version has.
    pub added: Style,
    /// Words of the base that the compared version lacks.
    pub deleted: Style,
    /// Words of the compared version that the base lacks.
    pub inserted: Style,
    /// The changed letters of a near-identical deleted word (Donahue → Donohue).
    pub deleted_accent: Style,
    /// The changed letters of a near-identical inserted word.
    pub inserted_accent: Style,
    /// A fact the two panes disagree on (laid over the text's own style): underlined, so it
    /// reads apart from the insert and delete colours.
    pub fact: Style,
    /// A fact reading that strays from the consensus of all versions: underlined and accented.
    pub fact_strays: Style,
    /// The empty, marked side of an added or removed passage.
    pub gap: Style,
    /// Notes about moves ("moved: …", "moved here: …").
    pub note: Style,
    /// A folded run of same passages.
    pub fold: Style,
    /// The gutter bar of the current passage.
    pub current_bar: Style,
    /// Background of the current passage's rows.
    pub current_row: Style,
    /// A search hit.
    pub hit: Style,
    /// The search hit last jumped to.
    pub current_hit: Style,
    /// Pane titles.
    pub title: Style,
    /// The version marker in a pane title.
    pub title_version: Style,
    /// The divider between the panes.
    pub divider: Style,
    /// The version bar's background.
    pub bar: Style,
    /// The base version in the version bar.
    pub bar_base: Style,
    /// The compared version in the version bar.
    pub bar_compared: Style,
    /// The status line.
    pub status: Style,
    /// Key names in hints and help.
    pub key: Style,
    /// Labels next to keys in hints.
    pub hint: Style,
    /// A transient message in the status line.
    pub notice: Style,
    /// Popups (help, messages): body.
    pub popup: Style,
    /// Popup borders and headings.
    pub popup_border: Style,
    /// Overview cells that are in the viewport get this background.
    pub overview_viewport: Color,
    /// The overview cell of the current passage.
    pub overview_current: Style,
    /// Status colours: same, changed, added, removed, moved, boilerplate.
    pub statuses: StatusColors,
    /// Heat-map backgrounds for similarity, from least similar to identical.
    pub heat: [Color; 5],
    /// A version that lacks a passage, in the presence view.
    pub absent: Style,
}

/// One colour per passage status (gutter symbols, overview strip, presence view).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StatusColors {
    /// Same in both versions.
    pub same: Color,
    /// Changed words.
    pub changed: Color,
    /// Only in the compared version.
    pub added: Color,
    /// Only in the base.
    pub removed: Color,
    /// Out of order.
    pub moved: Color,
    /// Web-page debris.
    pub boilerplate: Color,
}

impl Theme {
    /// The colour of a passage status.
    #[must_use]
    pub fn status(&self, status: PassageStatus) -> Color {
        let c = &self.statuses;
        match status {
            PassageStatus::Same => c.same,
            PassageStatus::Changed => c.changed,
            PassageStatus::Added => c.added,
            PassageStatus::Removed => c.removed,
            PassageStatus::Moved => c.moved,
            PassageStatus::Boilerplate => c.boilerplate,
        }
    }

    /// The style of a stretch of pane text.
    #[must_use]
    pub fn ink(&self, ink: Ink) -> Style {
        match ink {
            Ink::Text => self.text,
            Ink::Same => self.same,
            Ink::Heading => self.heading,
            Ink::Boilerplate => self.boilerplate,
            Ink::Removed => self.removed,
            Ink::Added => self.added,
            Ink::Deleted => self.deleted,
            Ink::Inserted => self.inserted,
            Ink::DeletedAccent => self.deleted_accent,
            Ink::InsertedAccent => self.inserted_accent,
            Ink::Note => self.note,
        }
    }

    /// The style of a run of pane text: its ink, with the fact mark laid over it.
    #[must_use]
    pub fn paint(&self, ink: Ink, fact: Option<FactMark>) -> Style {
        let style = self.ink(ink);
        match fact {
            None => style,
            Some(FactMark::Differs) => style.patch(self.fact),
            Some(FactMark::Strays) => style.patch(self.fact_strays),
        }
    }

    /// The heat-map colour of a similarity in 0..=1.
    #[must_use]
    pub fn heat(&self, similarity: f32) -> Color {
        let bucket = match similarity {
            s if s >= 0.999 => 4,
            s if s >= 0.85 => 3,
            s if s >= 0.65 => 2,
            s if s >= 0.4 => 1,
            _ => 0,
        };
        self.heat[bucket]
    }
}

const fn fg(index: u8) -> Style {
    Style::new().fg(Color::Indexed(index))
}

const fn bg(index: u8) -> Style {
    Style::new().bg(Color::Indexed(index))
}

/// The colour theme (256-colour palette, dark background).
pub const THEME: Theme = Theme {
    text: Style::new(),
    same: fg(245),
    heading: Style::new().add_modifier(Modifier::BOLD),
    boilerplate: fg(240).add_modifier(Modifier::ITALIC),
    removed: fg(217),
    added: fg(157),
    deleted: bg(52).fg(Color::Indexed(224)),
    inserted: bg(22).fg(Color::Indexed(194)),
    deleted_accent: bg(124).fg(Color::Indexed(231)).add_modifier(Modifier::BOLD),
    inserted_accent: bg(28).fg(Color::Indexed(231)).add_modifier(Modifier::BOLD),
    fact: Style::new()
        .add_modifier(Modifier::UNDERLINED)
        .underline_color(Color::Indexed(220)),
    fact_strays: fg(220)
        .add_modifier(Modifier::UNDERLINED.union(Modifier::BOLD))
        .underline_color(Color::Indexed(220)),
    gap: bg(234).fg(Color::Indexed(239)),
    note: fg(183).add_modifier(Modifier::ITALIC),
    fold: fg(242),
    current_bar: fg(75),
    current_row: bg(236),
    hit: bg(178).fg(Color::Indexed(16)),
    current_hit: bg(208).fg(Color::Indexed(16)).add_modifier(Modifier::BOLD),
    title: fg(252).add_modifier(Modifier::BOLD),
    title_version: fg(75).add_modifier(Modifier::BOLD),
    divider: fg(238),
    bar: bg(235).fg(Color::Indexed(248)),
    bar_base: bg(238).fg(Color::Indexed(252)).add_modifier(Modifier::BOLD),
    bar_compared: bg(25).fg(Color::Indexed(231)).add_modifier(Modifier::BOLD),
    status: bg(236).fg(Color::Indexed(252)),
    key: fg(75).add_modifier(Modifier::BOLD),
    hint: fg(246),
    notice: fg(221).add_modifier(Modifier::BOLD),
    popup: bg(235).fg(Color::Indexed(252)),
    popup_border: bg(235).fg(Color::Indexed(75)),
    overview_viewport: Color::Indexed(240),
    overview_current: fg(231).add_modifier(Modifier::BOLD),
    statuses: StatusColors {
        same: Color::Indexed(238),
        changed: Color::Indexed(214),
        added: Color::Indexed(71),
        removed: Color::Indexed(167),
        moved: Color::Indexed(141),
        boilerplate: Color::Indexed(236),
    },
    heat: [
        Color::Indexed(124),
        Color::Indexed(166),
        Color::Indexed(136),
        Color::Indexed(64),
        Color::Indexed(22),
    ],
    absent: bg(52).fg(Color::Indexed(174)),
};

/// The colour theme for a light background: the same roles, darker inks on paler grounds.
pub const LIGHT: Theme = Theme {
    text: Style::new(),
    same: fg(243),
    heading: Style::new().add_modifier(Modifier::BOLD),
    boilerplate: fg(248).add_modifier(Modifier::ITALIC),
    removed: fg(124),
    added: fg(28),
    deleted: bg(224).fg(Color::Indexed(88)),
    inserted: bg(194).fg(Color::Indexed(22)),
    deleted_accent: bg(160).fg(Color::Indexed(231)).add_modifier(Modifier::BOLD),
    inserted_accent: bg(28).fg(Color::Indexed(231)).add_modifier(Modifier::BOLD),
    fact: Style::new()
        .add_modifier(Modifier::UNDERLINED)
        .underline_color(Color::Indexed(166)),
    fact_strays: fg(130)
        .add_modifier(Modifier::UNDERLINED.union(Modifier::BOLD))
        .underline_color(Color::Indexed(166)),
    gap: bg(254).fg(Color::Indexed(246)),
    note: fg(91).add_modifier(Modifier::ITALIC),
    fold: fg(245),
    current_bar: fg(25),
    current_row: bg(255),
    hit: bg(228).fg(Color::Indexed(16)),
    current_hit: bg(214).fg(Color::Indexed(16)).add_modifier(Modifier::BOLD),
    title: fg(235).add_modifier(Modifier::BOLD),
    title_version: fg(25).add_modifier(Modifier::BOLD),
    divider: fg(250),
    bar: bg(254).fg(Color::Indexed(240)),
    bar_base: bg(250).fg(Color::Indexed(235)).add_modifier(Modifier::BOLD),
    bar_compared: bg(25).fg(Color::Indexed(231)).add_modifier(Modifier::BOLD),
    status: bg(253).fg(Color::Indexed(235)),
    key: fg(25).add_modifier(Modifier::BOLD),
    hint: fg(242),
    notice: fg(130).add_modifier(Modifier::BOLD),
    popup: bg(255).fg(Color::Indexed(235)),
    popup_border: bg(255).fg(Color::Indexed(25)),
    overview_viewport: Color::Indexed(252),
    overview_current: fg(16).add_modifier(Modifier::BOLD),
    statuses: StatusColors {
        same: Color::Indexed(250),
        changed: Color::Indexed(172),
        added: Color::Indexed(28),
        removed: Color::Indexed(124),
        moved: Color::Indexed(91),
        boilerplate: Color::Indexed(252),
    },
    // Heat cells carry white text in both themes.
    heat: THEME.heat,
    absent: bg(224).fg(Color::Indexed(88)),
};

/// Which colours the user asked for (`--theme`, the config file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    /// Ask the terminal for its background; dark when it does not say.
    #[default]
    Auto,
    /// For a dark background.
    Dark,
    /// For a light background.
    Light,
}

/// How long to wait for the terminal to tell its background colour: a local terminal answers
/// in a few milliseconds, and one that does not support the query is recognised at once.
const BACKGROUND_TIMEOUT: std::time::Duration = std::time::Duration::from_millis(150);

/// The theme for a choice: [`MONO`] when the command line decided against colour (`--color
/// never`, `NO_COLOR`, a dumb terminal), else dark or light; `Auto` asks the terminal (OSC 11,
/// through terminal-colorsaurus) and falls back to dark.
#[must_use]
pub fn pick(choice: ThemeChoice, styling: Styling) -> &'static Theme {
    if styling == Styling::Plain {
        return &MONO;
    }
    match choice {
        ThemeChoice::Dark => &THEME,
        ThemeChoice::Light => &LIGHT,
        ThemeChoice::Auto => {
            let mut options = terminal_colorsaurus::QueryOptions::default();
            options.timeout = BACKGROUND_TIMEOUT;
            match terminal_colorsaurus::theme_mode(options) {
                Ok(terminal_colorsaurus::ThemeMode::Light) => &LIGHT,
                _ => &THEME,
            }
        }
    }
}

const REVERSED: Style = Style::new().add_modifier(Modifier::REVERSED);
const BOLD: Style = Style::new().add_modifier(Modifier::BOLD);
const DIM: Style = Style::new().add_modifier(Modifier::DIM);

/// The theme for `NO_COLOR`: attributes only, no colours.
pub const MONO: Theme = Theme {
    text: Style::new(),
    same: DIM,
    heading: BOLD,
    boilerplate: DIM.add_modifier(Modifier::ITALIC),
    removed: Style::new(),
    added: Style::new(),
    deleted: Style::new().add_modifier(Modifier::CROSSED_OUT),
    inserted: Style::new().add_modifier(Modifier::UNDERLINED),
    deleted_accent: REVERSED.add_modifier(Modifier::CROSSED_OUT),
    inserted_accent: REVERSED.add_modifier(Modifier::UNDERLINED),
    // Inserted words are underlined here too; a fact that strays is also bold.
    fact: Style::new().add_modifier(Modifier::UNDERLINED),
    fact_strays: BOLD.add_modifier(Modifier::UNDERLINED),
    gap: DIM,
    note: Style::new().add_modifier(Modifier::ITALIC),
    fold: DIM,
    current_bar: BOLD,
    current_row: Style::new(),
    hit: REVERSED,
    current_hit: REVERSED.add_modifier(Modifier::BOLD),
    title: BOLD,
    title_version: BOLD,
    divider: DIM,
    bar: Style::new(),
    bar_base: BOLD,
    bar_compared: REVERSED,
    status: REVERSED,
    key: BOLD,
    hint: Style::new(),
    notice: BOLD,
    popup: Style::new(),
    popup_border: BOLD,
    overview_viewport: Color::Reset,
    overview_current: BOLD,
    statuses: StatusColors {
        same: Color::Reset,
        changed: Color::Reset,
        added: Color::Reset,
        removed: Color::Reset,
        moved: Color::Reset,
        boilerplate: Color::Reset,
    },
    heat: [Color::Reset; 5],
    absent: DIM,
};

#[cfg(test)]
mod tests;
