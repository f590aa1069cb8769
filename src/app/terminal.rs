//! Taking the terminal over and always giving it back: raw mode and the alternate screen
//! (ratatui's init, whose panic hook restores them), mouse capture (which ratatui leaves alone,
//! so our own panic hook and guard undo it), and SIGINT, SIGQUIT, SIGTERM and SIGHUP (caught as
//! flags the event loop polls, so the normal exit path restores the terminal; then the program
//! exits with 128 + the signal number, as shells expect of a program a signal ended).

use std::io::{self, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use std::time::Duration;

use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
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
    /// The signal that arrived, 0 while none has.
    raised: Arc<AtomicI32>,
    handle: Handle,
}

impl Signals {
    fn register() -> io::Result<Self> {
        let raised = Arc::new(AtomicI32::new(0));
        // SIGINT and SIGQUIT too: in raw mode Ctrl-C is a key, but `kill -INT` still arrives.
        let mut incoming = signal_hook::iterator::Signals::new([SIGINT, SIGQUIT, SIGTERM, SIGHUP])?;
        let handle = incoming.handle();
        let flag = Arc::clone(&raised);
        std::thread::Builder::new()
            .name("storydiff-signals".into())
            .spawn(move || {
                if let Some(signal) = incoming.forever().next() {
                    flag.store(signal, Ordering::SeqCst);
                    std::thread::sleep(SIGNAL_GRACE);
                    let _ = execute!(stdout(), DisableMouseCapture);
                    let _ = ratatui::try_restore();
                    std::process::exit(128 + signal);
                }
            })?;
        Ok(Self { raised, handle })
    }

    /// Whether SIGINT, SIGQUIT, SIGTERM or SIGHUP arrived.
    pub fn raised(&self) -> bool {
        self.signal().is_some()
    }

    /// The signal that arrived, if one did.
    fn signal(&self) -> Option<i32> {
        Some(self.raised.load(Ordering::SeqCst)).filter(|&s| s != 0)
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
    if let Some(signal) = signals.signal() {
        // The terminal is restored; end as the signal's default action would, so a shell or a
        // script sees 128 + its number rather than success.
        std::process::exit(128 + signal);
    }
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
