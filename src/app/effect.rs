//! Terminal effects the state asks for ([`Effect`], taken by the event loop after each
//! update): Ctrl-Z suspends the viewer as a shell job, and `y` copies to the clipboard with
//! OSC 52. The state stays free of terminal I/O, so its tests see what was asked for.
//!
//! Raw mode turns Ctrl-Z into a key, so suspending is ours to do: give the terminal back
//! (mouse capture, the alternate screen, raw mode), stop with SIGTSTP as the shell expects,
//! and take the terminal again once `fg` sends SIGCONT and `raise` returns.

use std::io::{self, Write, stdout};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};

/// Something the event loop does for the state, outside it: terminal I/O.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Give the terminal back and stop (Ctrl-Z); take it again when continued.
    Suspend,
    /// Put this text on the clipboard (OSC 52, where the terminal allows it).
    Copy(String),
}

/// Stops the program until it is continued, with the terminal in its normal state meanwhile.
pub fn suspend(terminal: &mut DefaultTerminal) -> io::Result<()> {
    execute!(
        stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    )?;
    disable_raw_mode()?;
    stop()?;
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    // The screen we left is gone: draw everything again.
    terminal.clear()
}

#[cfg(unix)]
fn stop() -> io::Result<()> {
    // Returns after SIGCONT: SIGTSTP's default action stops the whole process.
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)
}

#[cfg(not(unix))]
fn stop() -> io::Result<()> {
    Ok(())
}

/// Puts text on the system clipboard through the terminal (OSC 52). Terminals that do not
/// allow it ignore the sequence.
pub fn copy(text: &str) -> io::Result<()> {
    let mut out = stdout();
    execute!(
        out,
        ratatui::crossterm::clipboard::CopyToClipboard::to_clipboard_from(text)
    )?;
    out.flush()
}
