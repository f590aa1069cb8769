//! The interactive viewer: two panes side by side, the base left and a compared version right,
//! aligned passage by passage, with word changes highlighted.
//!
//! [`run`] owns the terminal and the only event loop: draw → event → keymap → update. The parts:
//!
//! ```text
//! store (comparisons, then facts, background worker) ─▶ layout (text wrapped once per
//!        │                                              pair/width, rows placed per fold,
//!        │                                              made for the screen, facts underlined)
//!        └─▶ presence table, facts panel (prepared in the background)
//!        keymap (one table) ─▶ Action ─▶ state::App::update ─▶ nav, stepping, mode, search
//!                                   view::draw(&App) ─▶ widgets (draw only)
//! ```

mod effect;
mod keymap;
mod layout;
mod list;
mod nav;
mod overview;
mod presence;
mod screen;
mod search;
mod state;
mod store;
mod terminal;
mod theme;
mod view;
mod widgets;
mod worker;

#[cfg(test)]
pub(crate) mod fixture;

use std::io;
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event;

pub use keymap::{Action, BINDINGS, Binding, Context, HelpLine, Key, action_for, help_lines};
pub use layout::{EntryIx, FactMark, Fold, Side};
pub use nav::Direction;
pub use state::{App, Effect, Flow, Mode, Notice, Pair, Stepping};
pub use store::Place;
pub use theme::{LIGHT, MONO, THEME, Theme, ThemeChoice, pick as pick_theme};
pub use view::draw;

use crate::model::Version;
use crate::options::CompareOptions;
use crate::present::Styling;

/// How long to wait for input before checking on background work and signals; also the step
/// of the spinner and of a notice's time on screen.
const TICK: Duration = Duration::from_millis(100);

/// How long to wait for input while the background thread works: what it finishes shows
/// within this.
const BUSY_POLL: Duration = Duration::from_millis(10);

/// Runs the viewer on the terminal until the user quits. Takes loaded versions (at least two,
/// `options.base` among them); the comparison runs in the background while a progress line
/// shows.
///
/// `styling` is the command line's choice (`--color`, `NO_COLOR`): without colour the viewer
/// draws with the monochrome theme.
///
/// The terminal is restored on return, on error, on panic and on SIGTERM/SIGHUP.
pub fn run(versions: Vec<Version>, options: CompareOptions, styling: Styling) -> io::Result<()> {
    let theme = theme::pick(ThemeChoice::Dark, styling);
    run_with_theme(versions, options, theme)
}

/// [`run`] with the colours chosen by the caller ([`pick_theme`]).
pub fn run_with_theme(
    versions: Vec<Version>,
    options: CompareOptions,
    theme: &'static Theme,
) -> io::Result<()> {
    // Refuse what cannot be compared before taking the terminal over.
    let count = versions.len();
    if count < 2 {
        return Err(io::Error::other(crate::Error::TooFewVersions { count }));
    }
    if options.base >= count {
        return Err(io::Error::other(crate::Error::BaseOutOfRange {
            base: options.base,
            count,
        }));
    }
    let app = App::new(versions, options, Place::Background).with_theme(theme);
    terminal::with_terminal(|terminal, signals| event_loop(terminal, signals, app))
}

/// Draw → event → keymap → update, until the user quits or a signal arrives.
fn event_loop(
    terminal: &mut DefaultTerminal,
    signals: &terminal::Signals,
    mut app: App,
) -> io::Result<()> {
    let mut size = None;
    let mut last_tick = Instant::now();
    loop {
        // Resize events can be missed (a resize while the program was stopped); the size is
        // checked before every frame so the layout always fits.
        let now = terminal.size()?;
        if size != Some(now) {
            size = Some(now);
            app.update(Action::Resize {
                width: now.width,
                height: now.height,
            });
        }
        terminal.draw(|frame| draw(&app, frame))?;
        let wait = if app.is_busy() { BUSY_POLL } else { TICK };
        if event::poll(wait)? {
            let event = event::read()?;
            if let Some(action) = app.action_for_event(&event) {
                app.update(action);
            }
        }
        if last_tick.elapsed() >= TICK {
            last_tick = Instant::now();
            app.update(Action::Tick);
        } else {
            app.collect();
        }
        match app.take_effect() {
            Some(Effect::Suspend) => {
                effect::suspend(terminal)?;
                // The terminal may have been resized meanwhile.
                size = None;
            }
            Some(Effect::Copy(text)) => effect::copy(&text)?,
            None => {}
        }
        if signals.raised() {
            return Ok(());
        }
        match app.flow() {
            Flow::Running => {}
            Flow::Quit => return Ok(()),
            Flow::Crashed => return Err(io::Error::other("the aligner stopped unexpectedly")),
        }
    }
}
