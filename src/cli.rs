//! The command line: clap's raw [`Args`], validated into [`Options`] against what the terminal
//! and the settings are ([`Env`], so that the colour, width and paging decisions can be tested
//! without a terminal).
//!
//! Beside it: the environment and config file ([`env`], [`config`]), git's external-diff
//! calling convention and `REV:PATH` arguments ([`git`]), the pager ([`pager`]) and the man page
//! and shell completions ([`generate`]).

pub mod config;
pub mod env;
pub mod generate;
pub mod git;
pub mod pager;

use std::path::PathBuf;

use clap::{Parser, ValueEnum, ValueHint};
use storydiff::render::{FactRows, Format, MIN_WIDTH, PrintOptions, Styling};
use storydiff::{CompareOptions, IgnoreOptions, Input};

pub use config::{Paging, ThemeChoice};
pub use env::Env;

/// Width of side-by-side output when stdout is not a terminal and `--width` is not given.
const DEFAULT_WIDTH: usize = 160;

/// Lines of context in a unified diff when `--context` is not given (as `diff -u`).
const UNIFIED_CONTEXT: usize = 3;

/// Compare versions of the same article: align re-paragraphed, reworded passages and show what
/// changed.
#[derive(Debug, Parser)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "raw clap flags: each bool is one --flag"
)]
#[command(name = "storydiff", version, about, after_help = EXIT_STATUS)]
pub struct Args {
    /// Versions to compare, two or more; `-` reads one from standard input. With none, the
    /// bundled example story (five rewrites of one news report).
    #[arg(value_name = "FILE", value_hint = ValueHint::FilePath)]
    files: Vec<PathBuf>,

    /// Print the diff instead of opening the interactive viewer (printing is automatic when
    /// stdout is not a terminal, or when --format is given).
    #[arg(short, long)]
    print: bool,

    /// Output format [default: inline].
    #[arg(short, long, value_enum, value_name = "FORMAT")]
    format: Option<FormatArg>,

    /// Same passages to show around each changed one (inline, side-by-side); lines of context
    /// in a unified diff [default: 0, unified: 3].
    #[arg(short = 'C', long, value_name = "N")]
    context: Option<usize>,

    /// Width of side-by-side and facts output in columns [default: the terminal's, else
    /// $COLUMNS, else 160].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(MIN_WIDTH as i64..))]
    width: Option<u16>,

    /// List the facts every version agrees on too (--format facts), not only count them.
    #[arg(long)]
    all: bool,

    /// The version the others are compared to, numbered from 0 in the order given.
    #[arg(long, value_name = "N", default_value_t = 0)]
    base: usize,

    /// When to colour the output; `auto` colours a terminal unless NO_COLOR is set.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorArg::Auto)]
    color: ColorArg,

    /// Letters compare without regard to case.
    #[arg(short = 'i', long)]
    ignore_case: bool,

    /// Punctuation does not count as a difference.
    #[arg(long)]
    ignore_punctuation: bool,

    /// Straight and curly quotes, and the dashes, count as equal.
    #[arg(long)]
    ignore_quotes: bool,

    /// Do not repair mojibake (UTF-8 that was read as Windows-1252 or Latin-1 and saved again).
    #[arg(long)]
    no_repair: bool,

    /// Treat web-page debris (share lines, "Table of Contents", bylines) as story text.
    #[arg(long)]
    keep_boilerplate: bool,

    /// Compare inputs that look binary as text.
    #[arg(short = 'a', long)]
    text: bool,

    /// When to page printed output through $STORYDIFF_PAGER, $PAGER or `less -R`; `auto` pages
    /// on a terminal [default: auto, or the config file's].
    #[arg(long, value_enum, value_name = "WHEN")]
    paging: Option<Paging>,

    /// The viewer's colours; `auto` asks the terminal for its background [default: auto, or
    /// the config file's].
    #[arg(long, value_enum, value_name = "THEME")]
    theme: Option<ThemeChoice>,

    /// Print a man page or a shell completion script to standard output and exit.
    #[arg(long, value_enum, value_name = "WHAT", exclusive = true)]
    generate: Option<generate::Generate>,
}

const EXIT_STATUS: &str = "Exit status: 0 if the versions have the same text (under the ignore \
options), 1 if they differ, 2 on trouble. Called by git as an external diff (seven arguments), \
0 unless GIT_EXTERNAL_DIFF_TRUST_EXIT_CODE is set. Settings: \
$XDG_CONFIG_HOME/storydiff/config.toml (theme, paging, ignore options).";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    /// The base text with word changes marked in place; with three or more versions, passage by
    /// passage of the table all versions share, every version's reading under it as
    /// `storydiff BASE VERSION` pairs and marks it.
    Inline,
    /// Base and compared version in two columns; with three or more versions one section per
    /// compared version, as `storydiff BASE VERSION` prints it.
    SideBySide,
    /// The whole comparison as JSON (with three or more versions, also each pair's own alignment,
    /// as `storydiff BASE VERSION` gives it).
    Json,
    /// A unified diff of the passage texts, one passage per line (one per compared version, as
    /// `storydiff BASE VERSION` prints it).
    Unified,
    /// Counts per compared version (as `storydiff BASE VERSION` counts it).
    Stat,
    /// A table of the facts (numbers, dates, names, quotes…) that differ between versions.
    Facts,
    /// A self-contained HTML report to open in a browser or send as an attachment (its section
    /// for each compared version as `storydiff BASE VERSION` shows it).
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorArg {
    /// Colour when stdout is a terminal and NO_COLOR is not set.
    Auto,
    /// Always colour (even with NO_COLOR).
    Always,
    /// Never colour.
    Never,
}

/// Where the versions come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inputs {
    /// Files named on the command line (`-`: standard input; `REV:PATH`: a file as committed).
    Files(Vec<PathBuf>),
    /// The bundled example story.
    Bundled,
    /// Git's external-diff call for one path.
    Git(git::ExternalDiff),
    /// Git's external-diff call for a path with merge conflicts: one argument, nothing to
    /// compare.
    GitUnmerged(PathBuf),
}

impl Inputs {
    /// Reads the inputs.
    pub fn read(&self) -> anyhow::Result<Vec<Input>> {
        match self {
            Self::Files(paths) => git::read_files(paths),
            Self::Bundled => Ok(storydiff::load::bundled_seeds()),
            Self::Git(call) => call.read(),
            Self::GitUnmerged(_) => Ok(Vec::new()),
        }
    }
}

/// How the comparison is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// The interactive viewer (stdout is a terminal, no --print and no --format).
    Viewer,
    /// A printed format, written to stdout.
    Print,
    /// A printed format, paged (through `$STORYDIFF_PAGER`, `$PAGER` or `less -R`).
    Paged,
}

/// What the exit status says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// As diff(1): 0 same, 1 differ, 2 trouble.
    Diff,
    /// 0 unless there was trouble: what git expects of an external diff that it does not trust.
    Success,
}

/// The validated command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Where the versions come from.
    pub inputs: Inputs,
    /// What to compare and what counts as different.
    pub compare: CompareOptions,
    /// Viewer, printout or paged printout.
    pub output: Output,
    /// How to print.
    pub print: PrintOptions,
    /// The viewer's colours (before `auto` is resolved by asking the terminal).
    pub theme: ThemeChoice,
    /// What the exit status says.
    pub exit: ExitStatus,
}

impl Args {
    /// A man page or completion script to print instead of comparing, if asked for.
    pub fn generate(&self) -> Option<generate::Generate> {
        self.generate
    }

    /// Validates the arguments against the terminal they will be shown on and the settings of
    /// the config file (the command line wins).
    pub fn into_options(self, env: &Env) -> Options {
        let config = &env.config;
        let git = git::ExternalDiff::from_args(&self.files);
        let unmerged = (git.is_none() && env.git_diff_call && self.files.len() == 1)
            .then(|| self.files[0].clone());
        let from_git = git.is_some() || unmerged.is_some();
        // Git pipes an external diff into its own pager: colour and size as for a terminal.
        let terminal = env.stdout_is_terminal || (from_git && env.git_pager_in_use);
        let format = self.format.map_or(Format::Inline, FormatArg::format);
        let styling = match (self.color, format) {
            // JSON is data: never colour it.
            (_, Format::Json) | (ColorArg::Never, _) => Styling::Plain,
            (ColorArg::Always, _) => Styling::Color,
            (ColorArg::Auto, _) if terminal && !env.no_color && !env.dumb => Styling::Color,
            (ColorArg::Auto, _) => Styling::Plain,
        };
        // A pipe (`| less`) still ends on the terminal the user sits at: its width, from the
        // controlling terminal, comes after an explicit $COLUMNS.
        let width = self
            .width
            .map(usize::from)
            .or(env.columns)
            .or(env.columns_var)
            .or(env.tty_columns)
            .unwrap_or(DEFAULT_WIDTH)
            .max(MIN_WIDTH);
        let context = match format {
            Format::Unified => self.context.unwrap_or(UNIFIED_CONTEXT),
            _ => self.context.unwrap_or(0),
        };
        // Git pages a diff itself (or was told not to, `--no-pager`).
        let paging = if from_git {
            Paging::Never
        } else {
            self.paging.or(config.paging).unwrap_or(Paging::Auto)
        };
        let output = output(
            self.print || from_git,
            self.format.is_some(),
            env.stdout_is_terminal,
            paging,
        );
        let exit = if from_git && !env.git_trusts_exit_code {
            ExitStatus::Success
        } else {
            ExitStatus::Diff
        };
        Options {
            output,
            inputs: match (git, unmerged) {
                (Some(call), _) => Inputs::Git(call),
                (None, Some(path)) => Inputs::GitUnmerged(path),
                (None, None) if self.files.is_empty() => Inputs::Bundled,
                (None, None) => Inputs::Files(self.files),
            },
            compare: CompareOptions {
                base: self.base,
                ignore: IgnoreOptions {
                    case: self.ignore_case || config.ignore_case,
                    punctuation: self.ignore_punctuation || config.ignore_punctuation,
                    quotes: self.ignore_quotes || config.ignore_quotes,
                },
                repair_mojibake: !self.no_repair,
                keep_boilerplate: self.keep_boilerplate,
                force_text: self.text,
            },
            print: PrintOptions {
                format,
                styling,
                context,
                width,
                facts: if self.all {
                    FactRows::All
                } else {
                    FactRows::Divergent
                },
            },
            theme: self.theme.or(config.theme).unwrap_or(ThemeChoice::Auto),
            exit,
        }
    }
}

/// The one place that decides between the viewer, a printout and a paged printout: the viewer
/// only when stdout is a terminal and the user asked neither for printing nor for a format;
/// printed output is paged on a terminal (`auto`), always or never.
fn output(print: bool, format_given: bool, stdout_is_terminal: bool, paging: Paging) -> Output {
    match paging {
        _ if stdout_is_terminal && !print && !format_given => Output::Viewer,
        Paging::Always => Output::Paged,
        Paging::Auto if stdout_is_terminal => Output::Paged,
        Paging::Auto | Paging::Never => Output::Print,
    }
}

impl FormatArg {
    fn format(self) -> Format {
        match self {
            Self::Inline => Format::Inline,
            Self::SideBySide => Format::SideBySide,
            Self::Json => Format::Json,
            Self::Unified => Format::Unified,
            Self::Stat => Format::Stat,
            Self::Facts => Format::Facts,
            Self::Html => Format::Html,
        }
    }
}

#[cfg(test)]
mod tests;
