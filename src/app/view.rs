//! Drawing: reads the state and places widgets. Nothing here aligns, diffs or wraps; the most it
//! does is format a number.

mod status;
mod text;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::layout::Side;
use super::list::ListState;
use super::screen::{Areas, MIN_HEIGHT, MIN_WIDTH, Screen};
use super::state::{App, Mode, Shown, Underlay};
use super::widgets::{
    self, Bar, FactsPanel, HelpOverlay, Message, OverviewStrip, Pane, PresenceView,
};

/// Draws the whole screen for the state.
pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    match &app.screen {
        Screen::TooSmall { width, height } => render_too_small(app, *width, *height, area, buf),
        // The size changed since the last resize event; the next one fixes it.
        Screen::Fits(areas) if areas.full != area => {}
        Screen::Fits(areas) => {
            match (&app.mode, &app.shown) {
                (
                    Mode::Presence(state)
                    | Mode::Help {
                        under: Underlay::Presence(state),
                        ..
                    },
                    Some(shown),
                ) => render_presence(app, shown, *state, areas, buf),
                (
                    Mode::Facts(state)
                    | Mode::Help {
                        under: Underlay::Facts(state),
                        ..
                    },
                    Some(shown),
                ) => render_facts(app, shown, *state, areas, buf),
                _ => render_panes(app, areas, buf),
            }
            render_footer(app, areas, buf);
            if let Mode::Help { scroll, .. } = app.mode {
                let over = help_area(areas);
                let (left, right) = text::help_sections();
                HelpOverlay {
                    left,
                    right,
                    scroll,
                    theme: app.theme,
                }
                .render(over, buf);
            }
        }
    }
}

/// Where the help overlay goes: over everything but the status and hint lines.
fn help_area(areas: &Areas) -> Rect {
    Rect {
        height: areas.status.y,
        ..areas.full
    }
}

/// How far the help can scroll on this screen.
#[must_use]
pub fn help_max_scroll(areas: &Areas) -> u16 {
    let (left, right) = text::help_sections();
    widgets::help_max_scroll(help_area(areas), &left, &right)
}

fn render_too_small(app: &App, width: u16, height: u16, area: Rect, buf: &mut Buffer) {
    let message = Message {
        // Narrow terminals get short lines, so the message is whole down to 16 columns.
        lines: if area.width >= 24 {
            vec![
                Line::from("Terminal too small"),
                Line::from(format!("{width}×{height}, need {MIN_WIDTH}×{MIN_HEIGHT}")),
                Line::from("Enlarge it, or q to quit"),
            ]
        } else {
            vec![
                Line::from("Too small"),
                Line::from(format!("{width}×{height} < {MIN_WIDTH}×{MIN_HEIGHT}")),
                Line::from("q to quit"),
            ]
        },
        style: app.theme.notice,
    };
    message.render(area, buf);
}

/// The version bar, pane titles, both panes, the divider and the overview strip.
fn render_panes(app: &App, areas: &Areas, buf: &mut Buffer) {
    if let Some(bar) = areas.version_bar {
        text::version_bar(app, bar.width).render(bar, buf);
    }
    let body = Rect {
        y: areas.panes[0].y,
        height: areas.panes[0].height,
        ..areas.full
    };
    let Some(shown) = &app.shown else {
        text::waiting(app).render(body, buf);
        return;
    };
    for side in Side::BOTH {
        text::title(app, shown, side).render(areas.titles[side.index()], buf);
        let pane = Pane {
            layout: &shown.layout,
            side,
            top: app.nav.top,
            current: app.nav.current,
            search: app.search.as_ref(),
            theme: app.theme,
        };
        pane.render(areas.panes[side.index()], buf);
    }
    for y in areas.divider.top()..areas.divider.bottom() {
        buf.set_string(areas.divider.x, y, "│", app.theme.divider);
    }
    let current = if app.nav.current.0 < shown.layout.entries.len() {
        shown.layout.rows_of(app.nav.current)
    } else {
        0..0
    };
    let strip = OverviewStrip {
        overview: &shown.overview,
        viewport: app.nav.top..app.nav.top + areas.body_height(),
        current,
        theme: app.theme,
    };
    strip.render(areas.overview, buf);
    if shown.layout.entries.is_empty() {
        let message = Message {
            lines: vec![Line::from("No passages: both versions are empty.")],
            style: app.theme.hint,
        };
        message.render(body, buf);
    }
}

fn render_presence(app: &App, shown: &Shown, state: ListState, areas: &Areas, buf: &mut Buffer) {
    let Some(table) = &shown.presence else { return };
    let area = Rect {
        height: areas.status.y,
        ..areas.full
    };
    let view = PresenceView {
        table,
        state,
        base: shown.layout.key.base,
        compared: shown.layout.key.compared,
        summaries: &shown.summaries,
        scores: shown.facts.as_ref().map(|f| f.outliers.as_slice()),
        labels: &app.labels,
        theme: app.theme,
    };
    view.render(area, buf);
}

fn render_facts(app: &App, shown: &Shown, state: ListState, areas: &Areas, buf: &mut Buffer) {
    let Some(table) = &shown.facts_table else {
        let area = Rect {
            height: areas.status.y,
            ..areas.full
        };
        text::finding_facts(app).render(area, buf);
        return;
    };
    let area = Rect {
        height: areas.status.y,
        ..areas.full
    };
    let panel = FactsPanel {
        table,
        state,
        theme: app.theme,
    };
    panel.render(area, buf);
}

/// The status line and the key hints.
fn render_footer(app: &App, areas: &Areas, buf: &mut Buffer) {
    status::status_bar(app).render(areas.status, buf);
    let hints = Bar {
        left: status::hints(app, areas.hints.width),
        right: Line::default(),
        style: ratatui::style::Style::new(),
        keep: 0,
    };
    hints.render(areas.hints, buf);
}

/// A span in a style, for the text helpers.
fn styled(text: impl Into<String>, style: ratatui::style::Style) -> Span<'static> {
    Span::styled(text.into(), style)
}
