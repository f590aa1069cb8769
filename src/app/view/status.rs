//! The status line and the key hints.

use std::fmt::Write;

use ratatui::text::{Line, Span};

use super::styled;
use super::text::SPINNER;
use crate::app::keymap::{self, Context};
use crate::app::layout::Fold;
use crate::app::presence::Presence;
use crate::app::state::{App, Mode, Notice, Pair, Stepping, Underlay};
use crate::app::store::Words;
use crate::app::widgets::Bar;
use crate::model::{PassageStatus, VersionId};
use crate::options::IgnoreOptions;
use crate::present::labels::Labels;
use crate::present::outline;
use crate::visible::visible;

/// The status line: versions, passage i/N, status and similarity, divergent passages below,
/// settings; on the right the search, a notice or the progress of a comparison.
pub fn status_bar(app: &App) -> Bar<'static> {
    let t = app.theme;
    // What is on screen, which lags behind what was asked for while a comparison runs.
    let shown = app.shown.as_ref().map_or(app.pair, |s| {
        let key = s.layout.key;
        Pair {
            base: key.base,
            compared: key.compared,
            ignore: key.ignore,
            fold: key.fold,
        }
    });
    let mut left = vec![styled(
        format!(
            " {} ⇄ {} ",
            app.labels.get(shown.base),
            app.labels.get(shown.compared)
        ),
        t.status.patch(t.key),
    )];
    if !presence_status(app, &mut left) && !facts_status(app, &mut left) {
        pane_status(app, &mut left);
    }
    // Messages on the right never cover where the reader is: up to the passage (or fact)
    // counter, the third part of the line.
    let keep = left.iter().take(2).map(Span::width).sum::<usize>() as u16;
    if shown.ignore.any() {
        left.push(styled(
            format!("│ ignoring {} ", ignoring(shown.ignore)),
            t.status,
        ));
    }
    if shown.fold == Fold::Folded {
        left.push(styled("│ folded ", t.status));
    }
    Bar {
        left: Line::from(left),
        right: Line::from(status_right(app)),
        style: t.status,
        keep,
    }
}

/// The selected row of the presence view, if it is open; says whether it was.
fn presence_status(app: &App, left: &mut Vec<Span<'static>>) -> bool {
    let t = app.theme;
    let (Mode::Presence(state)
    | Mode::Help {
        under: Underlay::Presence(state),
        ..
    }) = &app.mode
    else {
        return false;
    };
    let Some(shown) = app.shown.as_ref() else {
        return false;
    };
    let Some(table) = shown.presence.as_ref() else {
        return false;
    };
    let Some(row) = table.rows.get(state.selected) else {
        return false;
    };
    left.push(styled(
        format!(
            "│ presence │ {} ",
            outline::number(&shown.comparison, row.passage)
        ),
        t.status,
    ));
    left.push(styled(
        format!(
            "│ {} ",
            outline::overall_status(&shown.comparison, row.passage)
        ),
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
    true
}

/// The selected fact of the facts panel, if it is open; says whether it was.
fn facts_status(app: &App, left: &mut Vec<Span<'static>>) -> bool {
    let t = app.theme;
    let (Mode::Facts(state)
    | Mode::Help {
        under: Underlay::Facts(state),
        ..
    }) = &app.mode
    else {
        return false;
    };
    let Some(shown) = app.shown.as_ref() else {
        return false;
    };
    let Some(table) = shown.facts_table.as_ref() else {
        return false;
    };
    let Some(row) = table.rows.get(state.selected) else {
        return false;
    };
    left.push(styled(
        format!(
            "│ facts │ fact {}/{} │ {} {} │ {} ",
            state.selected + 1,
            table.rows.len(),
            row.kind.name(),
            row.status_name,
            outline::number(&shown.comparison, row.passage)
        ),
        t.status,
    ));
    true
}

/// The current passage of the panes: i/N, status and similarity, how much its change matters
/// and how many facts differ, and how many passages `n` would still stop at.
fn pane_status(app: &App, left: &mut Vec<Span<'static>>) {
    let t = app.theme;
    let Some(shown) = &app.shown else { return };
    let Some(entry) = shown.layout.entries.get(app.nav.current.0) else {
        return;
    };
    left.push(styled(
        format!(
            "│ {} ",
            outline::number(&shown.panes.comparison, entry.passage)
        ),
        t.status,
    ));
    let mut status = format!("│ {}", entry.status.name());
    // The similarity comes with the word diffs.
    if matches!(entry.status, PassageStatus::Changed | PassageStatus::Moved)
        && shown.words == Words::Diffed
    {
        let _ = write!(status, " {}", outline::percent(entry.similarity));
        if entry.weak {
            let _ = write!(status, " {}", outline::WEAK);
        }
    }
    status.push(' ');
    left.push(styled(status, t.status.fg(t.status(entry.status))));
    if let Some(class) = shown.layout.class(app.nav.current) {
        let mut matters = format!("│ {}", class.name());
        match shown.layout.fact_count(app.nav.current) {
            0 => {}
            1 => matters.push_str(" · 1 fact differs"),
            n => {
                let _ = write!(matters, " · {n} facts differ");
            }
        }
        matters.push(' ');
        left.push(styled(matters, t.status));
    }
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    match app.stepping() {
        Stepping::Divergent => {
            let below = shown.layout.divergent_after(app.nav.current);
            left.push(styled(
                format!("│ {below} divergent passage{} below ", plural(below)),
                t.status,
            ));
        }
        Stepping::Substantive => {
            let below = shown.layout.substantive_after(app.nav.current);
            left.push(styled(
                format!(
                    "│ n/p substantive only: {below} change{} below ",
                    plural(below)
                ),
                t.status.patch(t.notice),
            ));
        }
    }
}

/// The right of the status line: the search being typed, a notice, progress, or the search.
fn status_right(app: &App) -> Vec<Span<'static>> {
    let t = app.theme;
    let loud = t.status.patch(t.notice);
    let mut out = Vec::new();
    // A comparison running in the background always shows, whatever else does.
    if let Some(busy) = &app.busy {
        let spinner = SPINNER[busy.ticks % SPINNER.len()];
        out.push(styled(format!(" {spinner} comparing… "), loud));
    } else if app
        .shown
        .as_ref()
        .is_some_and(|s| s.words == Words::Pending)
    {
        // Until the word diffs are in, changed passages show without their changed words.
        let spinner = SPINNER[app.idle_ticks % SPINNER.len()];
        out.push(styled(
            format!(" {spinner} word highlights coming… "),
            t.status,
        ));
    } else if app.shown.as_ref().is_some_and(|s| s.facts.is_none()) {
        // Until the facts are in, changes are not classed and facts not underlined.
        let spinner = SPINNER[app.idle_ticks % SPINNER.len()];
        out.push(styled(format!(" {spinner} finding facts… "), t.status));
    }
    match (&app.mode, &app.search, &app.notice) {
        (Mode::Goto { typed }, _, _) => {
            out.push(styled(format!(" go to passage :{typed}▏ "), loud));
        }
        (Mode::Search { .. }, search, _) => {
            let query = search.as_ref().map_or("", |s| s.query.as_str());
            out.push(styled(
                format!(" /{}▏{} ", visible(query, false), hits(app)),
                loud,
            ));
        }
        (_, _, Some(n)) => out.push(styled(format!(" {} ", notice(n, &app.labels)), loud)),
        (_, Some(search), _) => {
            let query = visible(&search.query, false);
            out.push(styled(format!(" /{query} {} ", hits(app)), t.status));
        }
        _ => {}
    }
    out
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

/// The key hints of the current mode, from the key table, fitted to `width` columns: hints
/// are dropped from before the last two (`? help`, `q quit`), which always show.
pub fn hints(app: &App, width: u16) -> Line<'static> {
    let t = app.theme;
    let mut hints: Vec<(String, String)> = Vec::new();
    let mut push = |keys: &str, label: &str| hints.push((keys.to_string(), label.to_string()));
    match app.context() {
        Context::Search => {
            push("Enter", "keep");
            push("Esc", "cancel");
            push("↓ ↑", "next/previous hit");
        }
        Context::Goto => {
            push("0–9", "passage number");
            push("Enter", "go");
            push("Esc", "cancel");
        }
        context => {
            for hint in keymap::hints(context) {
                push(&hint.keys, hint.label);
            }
            if context == Context::Browse && app.search.is_some() {
                let at = hints.len().saturating_sub(2);
                hints.insert(at, (". ,".into(), "next/previous hit".into()));
            }
        }
    }
    let cost = |(keys, label): &(String, String)| keys.chars().count() + label.chars().count() + 4;
    let room = usize::from(width).saturating_sub(1);
    while hints.len() > 2 && hints.iter().map(cost).sum::<usize>() > room {
        hints.remove(hints.len() - 3);
    }
    let mut spans: Vec<Span<'static>> = vec![styled(" ", t.hint)];
    for (keys, label) in hints {
        spans.push(styled(keys, t.key));
        spans.push(styled(format!(" {label}   "), t.hint));
    }
    Line::from(spans)
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

/// A notice in words; versions are named by their labels, as everywhere else on screen.
fn notice(notice: &Notice, labels: &Labels) -> String {
    match notice {
        Notice::NoChangeBelow => "no divergent passage below".into(),
        Notice::NoChangeAbove => "no divergent passage above".into(),
        Notice::NoSubstantiveBelow => "no substantive change below (m: all changes)".into(),
        Notice::NoSubstantiveAbove => "no substantive change above (m: all changes)".into(),
        Notice::NoFactBelow => "no underlined fact below".into(),
        Notice::NoFactAbove => "no underlined fact above".into(),
        Notice::NoFacts => "the versions agree on every fact".into(),
        Notice::Stepping(Stepping::Divergent) => "n/p: every divergent passage".into(),
        Notice::Stepping(Stepping::Substantive) => {
            "n/p: substantive changes only (skipping typography and rewording)".into()
        }
        Notice::ComparingOutlier(v) => {
            format!(
                "comparing with {}, which reads this fact otherwise",
                labels.get(*v)
            )
        }
        Notice::NotAMove => "nothing moved here (Enter follows a moved passage)".into(),
        Notice::NoHits => "no hits".into(),
        Notice::Wrapped => "search wrapped around".into(),
        Notice::IsBase(v) => format!("{} is the base (b swaps base and compared)", labels.get(*v)),
        // Asked for by number (a digit key), so named by number.
        Notice::NoSuchVersion(VersionId(v)) => format!("there is no version {v}"),
        Notice::Ignoring(ignore) => format!("now ignoring {} (i cycles)", ignoring(*ignore)),
        Notice::Folding(Fold::Folded) => "same passages folded".into(),
        Notice::Folding(Fold::Open) => "same passages shown".into(),
        Notice::NewBase(v) => format!("{} is now the base", labels.get(*v)),
        Notice::Unfolded => "unfolded to show the hit".into(),
        Notice::Failed(message) => format!("comparison failed: {}", visible(message, false)),
        Notice::UnknownKey(key) => format!("{} does nothing here (? help)", visible(key, false)),
        Notice::EscapeDoesNotQuit => "nothing to close (q quits)".into(),
        Notice::WordsComing => "presence opens once the word highlights are in".into(),
        Notice::NoSuchPassage {
            asked: Some(n),
            count,
        } => {
            format!("no passage {n}: passages go from 1 to {count}")
        }
        Notice::NoSuchPassage { asked: None, count } => {
            format!("type a passage number from 1 to {count}, then Enter")
        }
        Notice::ChangeWithin { at, of } => {
            format!("change {at} of {of} inside this long passage")
        }
        Notice::Copied { passage, chars } => {
            format!("copied passage {passage}, both sides ({chars} characters)")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Input, load_version};
    use crate::options::CompareOptions;

    #[test]
    fn notices_name_versions_by_their_labels() {
        let versions: Vec<_> = ["000_first.txt", "001_second.txt"]
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let input = Input::from_bytes((*name).to_string(), "Text.");
                load_version(VersionId(i), input, &CompareOptions::default()).unwrap()
            })
            .collect();
        let labels = Labels::of(&versions);
        assert_eq!(
            notice(&Notice::NewBase(VersionId(1)), &labels),
            "001 is now the base"
        );
        assert_eq!(
            notice(&Notice::IsBase(VersionId(0)), &labels),
            "000 is the base (b swaps base and compared)"
        );
        assert!(
            notice(&Notice::ComparingOutlier(VersionId(1)), &labels)
                .starts_with("comparing with 001,")
        );
    }
}
