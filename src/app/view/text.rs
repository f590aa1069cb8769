//! The words on screen: titles, status line, hints, notices, help sections. Each function reads
//! the state and returns a widget's content.

use std::fmt::Write;

use ratatui::text::{Line, Span};

use super::styled;
use crate::app::keymap::{self, Context};
use crate::app::layout::{Fold, Side};
use crate::app::presence::Presence;
use crate::app::state::{App, Mode, Notice, Shown, Underlay};
use crate::app::widgets::{Bar, HelpSection, Message, Tab, VersionBar};
use crate::model::{PassageStatus, VersionId};
use crate::options::IgnoreOptions;
use crate::visible::visible;

const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/// The version bar: every version, the base and the compared one marked, with how many
/// passages of each differ from the base ("40≠"). Names are cut so that all tabs fit `width`.
pub fn version_bar(app: &App, width: u16) -> VersionBar {
    let theme = app.theme;
    let versions = app.store.versions();
    let summaries = app.shown.as_ref().map(|s| &s.summaries);
    let room = usize::from(width) / versions.len().max(1);
    let tabs = versions
        .iter()
        .map(|v| {
            let (role, style) = match v.id {
                id if id == app.pair.base => ("base".to_string(), theme.bar_base),
                id => {
                    let count = summaries
                        .map_or_else(|| "…".to_string(), |s| format!("{}≠", s[id.0].divergent()));
                    let style = if id == app.pair.compared {
                        theme.bar_compared
                    } else {
                        theme.bar
                    };
                    (count, style)
                }
            };
            let id = v.id.0.to_string();
            // One space before, between the parts and after, and one between tabs.
            let fixed = id.chars().count() + role.chars().count() + 5;
            let name = shorten(&visible(&v.name, false), room.saturating_sub(fixed).max(6));
            Tab {
                label: format!(" {id} {name} {role} "),
                style,
            }
        })
        .collect();
    VersionBar {
        tabs,
        style: theme.bar,
    }
}

/// Cuts a name to `max` characters, keeping its start and end ("000_cda5…e722a2.txt").
fn shorten(name: &str, max: usize) -> String {
    let chars: Vec<char> = name.chars().collect();
    if chars.len() <= max {
        return name.to_string();
    }
    let tail = max / 2;
    let head = max.saturating_sub(tail + 1);
    let mut out: String = chars[..head].iter().collect();
    out.push('…');
    out.extend(&chars[chars.len() - tail..]);
    out
}

/// A pane title: version number, file name, role, and what loading noted.
pub fn title(app: &App, shown: &Shown, side: Side) -> Bar<'static> {
    let theme = app.theme;
    let id = match side {
        Side::Base => app.pair.base,
        Side::Compared => app.pair.compared,
    };
    let version = shown.comparison.version(id);
    let role = match side {
        Side::Base => "base",
        Side::Compared => "compared",
    };
    let mut spans = vec![
        styled(format!(" v{} ", id.0), theme.title_version),
        styled(visible(&version.name, false).into_owned(), theme.title),
        styled(format!(" · {role}"), theme.hint),
    ];
    if !version.notes.is_empty() {
        spans.push(styled(
            format!(" · {}", visible(&version.notes.join("; "), false)),
            theme.hint,
        ));
    }
    Bar {
        left: Line::from(spans),
        right: Line::default(),
        style: ratatui::style::Style::new(),
    }
}

/// What the body shows before the first comparison is ready, or if it failed.
pub fn waiting(app: &App) -> Message<'static> {
    let store = &app.store;
    let lines = match (&app.busy, &app.notice) {
        (Some(busy), _) => vec![
            Line::from(format!(
                "{} Aligning {} versions ({})… {:.1} s",
                SPINNER[busy.ticks % SPINNER.len()],
                store.versions().len(),
                size(store.total_bytes()),
                busy.since.elapsed().as_secs_f32()
            )),
            Line::from("q quits"),
        ],
        (None, Some(Notice::Failed(message))) => vec![
            Line::from(format!("Could not compare: {}", visible(message, false))),
            Line::from("q quits"),
        ],
        _ => vec![Line::from("Nothing to show yet.")],
    };
    Message {
        lines,
        style: app.theme.text,
    }
}

fn size(bytes: usize) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{:.1} MB", b as f64 / f64::from(1 << 20)),
        b if b >= 1 << 10 => format!("{:.0} kB", b as f64 / 1024.0),
        b => format!("{b} bytes"),
    }
}

/// The ignore options in words.
fn ignoring(ignore: IgnoreOptions) -> String {
    let mut parts = Vec::new();
    if ignore.quotes {
        parts.push("quotes");
    }
    if ignore.punctuation {
        parts.push("punctuation");
    }
    if ignore.case {
        parts.push("case");
    }
    if parts.is_empty() {
        "nothing".to_string()
    } else {
        parts.join(", ")
    }
}

/// A notice in words.
fn notice(notice: &Notice) -> String {
    match notice {
        Notice::NoChangeBelow => "no divergent passage below".into(),
        Notice::NoChangeAbove => "no divergent passage above".into(),
        Notice::NotAMove => "nothing moved here (Enter follows a moved passage)".into(),
        Notice::NoHits => "no hits".into(),
        Notice::Wrapped => "search wrapped around".into(),
        Notice::IsBase(VersionId(v)) => format!("v{v} is the base (b swaps base and compared)"),
        Notice::NoSuchVersion(VersionId(v)) => format!("there is no v{v}"),
        Notice::Ignoring(ignore) => format!("ignoring {}", ignoring(*ignore)),
        Notice::Folding(Fold::Folded) => "same passages folded".into(),
        Notice::Folding(Fold::Open) => "same passages shown".into(),
        Notice::NewBase(VersionId(v)) => format!("v{v} is now the base"),
        Notice::Unfolded => "unfolded to show the hit".into(),
        Notice::Failed(message) => format!("comparison failed: {}", visible(message, false)),
    }
}

/// The status line: versions, passage i/N, status and similarity, divergent passages below,
/// settings; on the right the search, a notice or the progress of a comparison.
pub fn status_bar(app: &App) -> Bar<'static> {
    let t = app.theme;
    let mut left = vec![styled(
        format!(" v{} ⇄ v{} ", app.pair.base.0, app.pair.compared.0),
        t.status.patch(t.key),
    )];
    let presence = match (
        &app.mode,
        app.shown.as_ref().and_then(|s| s.presence.as_ref()),
    ) {
        (
            Mode::Presence(state)
            | Mode::Help {
                under: Underlay::Presence(state),
                ..
            },
            Some(table),
        ) => table
            .rows
            .get(state.selected)
            .map(|row| (state.selected, table.rows.len(), row)),
        _ => None,
    };
    if let Some((selected, count, row)) = presence {
        left.push(styled(
            format!("│ presence │ passage {}/{count} ", selected + 1),
            t.status,
        ));
        left.push(styled(
            format!("│ {} ", row.status.name()),
            t.status.fg(t.status(row.status)),
        ));
        let carried = row
            .cells
            .iter()
            .filter(|c| !matches!(c, Presence::Absent))
            .count();
        left.push(styled(
            format!("│ in {carried} of {} versions ", row.cells.len()),
            t.status,
        ));
    } else if let Some(shown) = &app.shown
        && let Some(entry) = shown.layout.entries.get(app.nav.current.0)
    {
        let count = shown.layout.entries.len();
        left.push(styled(
            format!("│ passage {}/{count} ", app.nav.current.0 + 1),
            t.status,
        ));
        let mut status = format!("│ {}", entry.status.name());
        if matches!(entry.status, PassageStatus::Changed | PassageStatus::Moved) {
            let _ = write!(status, " {:.0}%", entry.similarity * 100.0);
        }
        status.push(' ');
        left.push(styled(status, t.status.fg(t.status(entry.status))));
        let below = shown.layout.divergent_after(app.nav.current);
        let plural = if below == 1 { "" } else { "s" };
        left.push(styled(
            format!("│ {below} divergent passage{plural} below "),
            t.status,
        ));
    }
    if app.pair.ignore.any() {
        left.push(styled(
            format!("│ ignoring {} ", ignoring(app.pair.ignore)),
            t.status,
        ));
    }
    if app.pair.fold == Fold::Folded {
        left.push(styled("│ folded ", t.status));
    }
    let right = match (&app.mode, &app.search, &app.notice, &app.busy) {
        (Mode::Search { .. }, search, _, _) => {
            let query = search.as_ref().map_or("", |s| s.query.as_str());
            vec![styled(
                format!(" /{}▏{} ", visible(query, false), hits(app)),
                t.status.patch(t.notice),
            )]
        }
        (_, _, Some(n), _) => vec![styled(format!(" {} ", notice(n)), t.status.patch(t.notice))],
        (_, _, _, Some(busy)) => vec![styled(
            format!(" {} comparing… ", SPINNER[busy.ticks % SPINNER.len()]),
            t.status.patch(t.notice),
        )],
        (_, Some(search), _, _) => {
            vec![styled(
                format!(" /{} {} ", visible(&search.query, false), hits(app)),
                t.status,
            )]
        }
        _ => vec![],
    };
    Bar {
        left: Line::from(left),
        right: Line::from(right),
        style: t.status,
    }
}

/// "3/17 hits", "no hits".
fn hits(app: &App) -> String {
    match &app.search {
        Some(s) if s.hits.is_empty() && !s.query.is_empty() => "no hits".into(),
        Some(s) if s.hits.is_empty() => String::new(),
        Some(s) => match s.current {
            Some(c) => format!("{}/{} hits", c + 1, s.hits.len()),
            None => format!("{} hits", s.hits.len()),
        },
        None => String::new(),
    }
}

/// The key hints of the current mode, from the key table.
pub fn hints(app: &App) -> Line<'static> {
    let t = app.theme;
    let mut spans: Vec<Span<'static>> = vec![styled(" ", t.hint)];
    let mut push = |keys: String, label: &str| {
        spans.push(styled(keys, t.key));
        spans.push(styled(format!(" {label}   "), t.hint));
    };
    match app.context() {
        Context::Search => {
            push("Enter".into(), "keep");
            push("Esc".into(), "cancel");
            push("↓ ↑".into(), "next/previous hit");
        }
        context => {
            for hint in keymap::hints(context) {
                push(hint.keys, hint.label);
            }
            if context == Context::Browse && app.search.is_some() {
                push(". ,".into(), "next/previous hit");
            }
        }
    }
    Line::from(spans)
}

/// The help overlay's sections, from the key table: reading on the left, the rest right.
pub fn help_sections() -> (Vec<HelpSection>, Vec<HelpSection>) {
    let section = |title, context| HelpSection {
        title,
        lines: keymap::help_lines(context),
    };
    let mouse = HelpSection {
        title: "Mouse",
        lines: vec![
            keymap::HelpLine {
                keys: "wheel".into(),
                help: "scroll both panes",
            },
            keymap::HelpLine {
                keys: "click".into(),
                help: "select the passage under the pointer",
            },
            keymap::HelpLine {
                keys: "click strip".into(),
                help: "go there (the overview strip)",
            },
        ],
    };
    (
        vec![section("Reading the panes", Context::Browse)],
        vec![
            section("Typing a search (/)", Context::Search),
            section("Presence view (v)", Context::Presence),
            section("Help (?)", Context::Help),
            section("Anywhere", Context::Global),
            mouse,
        ],
    )
}
