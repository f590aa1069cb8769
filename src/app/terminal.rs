//! Taking the terminal over and always giving it back: raw mode and the alternate screen
//! (ratatui's init, whose panic hook restores them), mouse capture (which ratatui leaves alone,
//! so our own panic hook and guard undo it), and SIGTERM/SIGHUP (caught as flags the event loop
//! polls, so the normal exit path restores the terminal).

use std::io::{self, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use std::time::Duration;

use signal_hook::consts::signal::{SIGHUP, SIGTERM};
use signal_hook::iterator::Handle;

/// How long the event loop has to notice a termination signal before the watcher restores
/// the terminal itself and exits.
const SIGNAL_GRACE: Duration = Duration::from_millis(500);

/// Termination signals caught while the viewer runs.
///
/// A watcher thread sets a flag that the event loop checks every tick, so the normal exit path
/// restores the terminal. When the terminal has hung up, crossterm's `poll` can keep reading an
/// empty tty without returning; then the loop never sees the flag, and the watcher restores
/// what it can and exits with 128 + the signal number, as the default action would.
#[derive(Debug)]
pub struct Signals {
    raised: Arc<AtomicBool>,
    handle: Handle,
}

impl Signals {
    fn register() -> io::Result<Self> {
        let raised = Arc::new(AtomicBool::new(false));
        let mut incoming = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
        let handle = incoming.handle();
        let flag = Arc::clone(&raised);
        std::thread::Builder::new()
            .name("storydiff-signals".into())
            .spawn(move || {
                if let Some(signal) = incoming.forever().next() {
                    flag.store(true, Ordering::SeqCst);
                    std::thread::sleep(SIGNAL_GRACE);
                    let _ = execute!(stdout(), DisableMouseCapture);
                    let _ = ratatui::try_restore();
                    std::process::exit(128 + signal);
                }
            })?;
        Ok(Self { raised, handle })
    }

    /// Whether SIGTERM or SIGHUP arrived.
    pub fn raised(&self) -> bool {
        self.raised.load(Ordering::SeqCst)
    }
}

impl Drop for Signals {
    fn drop(&mut self) {
        // Back to the default actions once the terminal is restored; the watcher ends.
        self.handle.close();
    }
}

/// Restores what ratatui does not on the way out: mouse capture.
struct MouseGuard;

impl Drop for MouseGuard {
    fn drop(&mut self) {
        let _ = execute!(stdout(), DisableMouseCapture);
    }
}

/// Runs `f` with the terminal in raw mode on the alternate screen with mouse capture, and
/// restores the terminal however `f` ends.
pub fn with_terminal<R>(
    f: impl FnOnce(&mut DefaultTerminal, &Signals) -> io::Result<R>,
) -> io::Result<R> {
    install_panic_hook();
    let signals = Signals::register()?;
    let mut terminal = ratatui::try_init().inspect_err(|_| {
        let _ = ratatui::try_restore();
    })?;
    let result = {
        let _mouse = MouseGuard;
        execute!(stdout(), EnableMouseCapture).and_then(|()| f(&mut terminal, &signals))
    };
    // Restore whatever happened; an error of the viewer matters more than one of restoring.
    let restored = ratatui::try_restore();
    drop(signals);
    let value = result?;
    restored.map(|()| value)
}

/// Wraps the panic hook so that a panic also turns mouse capture off. Installed before
/// ratatui's, which then restores raw mode and the screen first.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        previous(info);
    }));
}
