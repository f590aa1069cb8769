//! What the environment says: where output goes, how wide the terminal is, colour variables,
//! whether git called us, and the config file's settings.

use std::io::IsTerminal;

use super::config::Config;

/// What the environment says about where output goes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "each bool is one independent fact about the environment"
)]
pub struct Env {
    /// Whether stdout is a terminal.
    pub stdout_is_terminal: bool,
    /// Whether NO_COLOR is set to a non-empty value (<https://no-color.org>).
    pub no_color: bool,
    /// Whether TERM is `dumb` (a terminal that understands no escapes).
    pub dumb: bool,
    /// The terminal's width in columns, when stdout is one.
    pub columns: Option<usize>,
    /// The COLUMNS variable, when set to a number.
    pub columns_var: Option<usize>,
    /// The controlling terminal's width (`/dev/tty`), when stdout is not a terminal: output
    /// piped into `less` is still read on it.
    pub tty_columns: Option<usize>,
    /// Whether git runs a pager that our output goes to (`GIT_PAGER_IN_USE`).
    pub git_pager_in_use: bool,
    /// Whether git runs us as an external diff (`GIT_DIFF_PATH_COUNTER` is set): then a single
    /// argument is a path with merge conflicts.
    pub git_diff_call: bool,
    /// Whether git wants diff(1)'s exit status from an external diff
    /// (`GIT_EXTERNAL_DIFF_TRUST_EXIT_CODE`).
    pub git_trusts_exit_code: bool,
    /// The settings of the config file.
    pub config: Config,
}

impl Env {
    /// Reads the real environment (not the config file: see [`Config::load`]).
    pub fn detect() -> Self {
        let stdout_is_terminal = std::io::stdout().is_terminal();
        let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        let width = |size: std::io::Result<ratatui::crossterm::terminal::WindowSize>| {
            size.ok().map(|s| usize::from(s.columns)).filter(|&c| c > 0)
        };
        let truthy = |name: &str| {
            var(name).is_some_and(|v| {
                let v = v.to_string_lossy().to_ascii_lowercase();
                !matches!(v.as_str(), "0" | "false" | "no" | "off")
            })
        };
        Self {
            stdout_is_terminal,
            no_color: var("NO_COLOR").is_some(),
            dumb: var("TERM").is_some_and(|t| t == "dumb"),
            // `window_size` asks /dev/tty, then stdout; unlike `size` it never runs `tput`,
            // whose made-up 80 columns would beat our default when there is no terminal.
            columns: stdout_is_terminal
                .then(|| width(ratatui::crossterm::terminal::window_size()))
                .flatten(),
            columns_var: var("COLUMNS").and_then(|c| c.to_str()?.parse().ok()),
            tty_columns: (!stdout_is_terminal)
                .then(|| width(ratatui::crossterm::terminal::window_size()))
                .flatten(),
            git_pager_in_use: truthy("GIT_PAGER_IN_USE"),
            git_diff_call: var("GIT_DIFF_PATH_COUNTER").is_some(),
            git_trusts_exit_code: truthy("GIT_EXTERNAL_DIFF_TRUST_EXIT_CODE"),
            config: Config::default(),
        }
    }
}
