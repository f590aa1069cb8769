//! The words on screen: the version bar, pane titles, the waiting message, help sections. Each function reads
//! the state and returns a widget's content.

use ratatui::text::Line;

use super::styled;
use crate::app::keymap::{self, Context};
use crate::app::layout::Side;
use crate::app::state::{App, Notice, Shown};
use crate::app::store::PairKey;
use crate::app::widgets::{Bar, HelpSection, Message, Tab, VersionBar};
use crate::model::VersionId;
use crate::present::labels::file_name;
use crate::visible::visible;

pub const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/// The version bar: every version, the base and the compared one marked, with how many
/// passages of each differ from the base ("40≠"), counted in the version's own comparison with
/// the base (what its pair view shows) once that has arrived, in the passage table of all
/// versions until then. Names are cut so that all tabs fit `width`.
pub fn version_bar(app: &App, width: u16) -> VersionBar {
    let theme = app.theme;
    let versions = app.store.versions();
    let shown = app.shown.as_ref();
    let divergent = |compared: VersionId| {
        let shown = shown?;
        let key = shown.layout.key;
        let pair = PairKey {
            base: key.base,
            compared,
            ignore: key.ignore,
        };
        let tally = app.store.pair_tally(pair);
        Some(tally.unwrap_or(&shown.summaries[compared.0]).divergent())
    };
    let room = usize::from(width) / versions.len().max(1);
    let tabs = versions
        .iter()
        .map(|v| {
            let (role, style) = match v.id {
                id if id == app.pair.base => ("base".to_string(), theme.bar_base),
                id => {
                    let count = divergent(id).map_or_else(|| "…".to_string(), |n| format!("{n}≠"));
                    let style = if id == app.pair.compared {
                        theme.bar_compared
                    } else {
                        theme.bar
                    };
                    (count, style)
                }
            };
            let id = app.labels.get(v.id);
            // One space before, between the parts and after, and one between tabs.
            let fixed = id.chars().count() + role.chars().count() + 5;
            // The file name: a directory shared by every input says nothing about one of them.
            let name = shorten(
                &visible(file_name(&v.name), false),
                room.saturating_sub(fixed).max(6),
            );
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

/// Cuts a name to `max` characters: drops the extension first, then the middle, keeping
/// more of the start ("000_cda565…e722a2").
fn shorten(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        return name.to_string();
    }
    let stem = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.len() <= 4 => stem,
        _ => name,
    };
    let chars: Vec<char> = stem.chars().collect();
    if chars.len() <= max {
        return stem.to_string();
    }
    let tail = max.saturating_sub(1) / 3;
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
        Side::Base => shown.layout.key.base,
        Side::Compared => shown.layout.key.compared,
    };
    let version = shown.comparison.version(id);
    let role = match side {
        Side::Base => "base",
        Side::Compared => "compared",
    };
    let mut spans = vec![
        styled(format!(" {} ", app.labels.get(id)), theme.title_version),
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
        keep: 0,
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

/// What the facts panel shows while the background thread finds the facts.
pub fn finding_facts(app: &App) -> Message<'static> {
    let spinner = SPINNER[app.idle_ticks % SPINNER.len()];
    Message {
        lines: vec![
            Line::from(format!(
                "{spinner} Finding facts… (numbers, dates, names, quotations)"
            )),
            Line::from("f or Esc goes back to the panes"),
        ],
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
            section("Going to a passage (:)", Context::Goto),
            section("Presence view (v)", Context::Presence),
            section("Facts panel (f)", Context::Facts),
            section("Help (?)", Context::Help),
            section("Anywhere", Context::Global),
            mouse,
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::shorten;

    #[test]
    fn short_names_are_kept_whole() {
        assert_eq!(shorten("a.txt", 10), "a.txt");
    }

    #[test]
    fn long_names_lose_the_extension_then_the_middle() {
        assert_eq!(
            shorten("000_cda56540cce722a2.txt", 20),
            "000_cda56540cce722a2"
        );
        assert_eq!(shorten("000_cda56540cce722a2.txt", 10), "000_cd…2a2");
    }
}
