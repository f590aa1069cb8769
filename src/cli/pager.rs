//! Paging printed output, as git and delta do: through `$STORYDIFF_PAGER`, else `$PAGER`,
//! else `less -R`, with `LESS=FRX` when `LESS` is unset (quit if one screen is enough, pass
//! colours, leave the text on the screen). An empty pager or `cat` means no paging, and a
//! pager that cannot be started is skipped: the output goes to stdout as it would unpaged.

use std::ffi::OsString;
use std::io::{self, Write};
use std::process::{Child, Command, Stdio};

/// The pager when neither `$STORYDIFF_PAGER` nor `$PAGER` names one.
const DEFAULT: &str = "less -R";

/// The pager command line, if output should go through one.
#[must_use]
pub fn command_line(storydiff_pager: Option<OsString>, pager: Option<OsString>) -> Option<String> {
    let chosen = storydiff_pager.or(pager).map_or_else(
        || "less -R".to_string(),
        |p| p.to_string_lossy().into_owned(),
    );
    let trimmed = chosen.trim();
    (!trimmed.is_empty() && trimmed != "cat").then(|| trimmed.to_string())
}

/// Starts the pager named by the environment, its standard input piped.
fn spawn() -> Option<Child> {
    let line = command_line(
        std::env::var_os("STORYDIFF_PAGER"),
        std::env::var_os("PAGER"),
    )?;
    let mut command = if line == DEFAULT {
        // Run directly, so that a missing less fails to start and the output goes to stdout.
        let mut c = Command::new("less");
        c.arg("-R");
        c
    } else if cfg!(unix) {
        // As git does: the shell splits the user's command line and honours its quoting.
        let mut c = Command::new("sh");
        c.arg("-c").arg(&line);
        c
    } else {
        let mut words = line.split_whitespace();
        let mut c = Command::new(words.next()?);
        c.args(words);
        c
    };
    if std::env::var_os("LESS").is_none() {
        command.env("LESS", "FRX");
    }
    if std::env::var_os("LV").is_none() {
        command.env("LV", "-c");
    }
    command.stdin(Stdio::piped()).spawn().ok()
}

/// Runs `print` on the pager's input (or on stdout when paging is off or impossible) and waits
/// for the pager. A reader that goes away early (`q` in less, `| head`) is not an error.
pub fn write_paged(
    paged: bool,
    print: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let child = if paged { spawn() } else { None };
    let Some(mut child) = child else {
        let mut out = io::BufWriter::new(io::stdout().lock());
        return ignore_broken_pipe(print(&mut out).and_then(|()| out.flush()));
    };
    let result = match child.stdin.take() {
        Some(stdin) => {
            let mut out = io::BufWriter::new(stdin);
            ignore_broken_pipe(print(&mut out).and_then(|()| out.flush()))
        }
        None => Ok(()),
    };
    // The pager's input is closed (dropped) above, so it can see the end and wait for the user.
    child.wait()?;
    result
}

fn ignore_broken_pipe(result: io::Result<()>) -> io::Result<()> {
    match result {
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storydiff_pager_wins_over_pager_and_less_is_the_default() {
        let line =
            |a: Option<&str>, b: Option<&str>| command_line(a.map(Into::into), b.map(Into::into));
        assert_eq!(line(Some("most"), Some("more")), Some("most".into()));
        assert_eq!(line(None, Some("more -s")), Some("more -s".into()));
        assert_eq!(line(None, None), Some("less -R".into()));
    }

    #[test]
    fn an_empty_pager_or_cat_turns_paging_off() {
        assert_eq!(command_line(Some("".into()), Some("less".into())), None);
        assert_eq!(command_line(None, Some(" cat ".into())), None);
    }
}
