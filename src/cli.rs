//! The command line: clap's raw [`Args`], validated into [`Options`] against what the terminal
//! is ([`Env`], so that the colour and width decisions can be tested without one).

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Parser, ValueEnum, ValueHint};
use storydiff::render::{FactRows, Format, MIN_WIDTH, PrintOptions, Styling};
use storydiff::{CompareOptions, IgnoreOptions, Input};

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
}

const EXIT_STATUS: &str = "Exit status: 0 if the versions have the same text (under the ignore \
options), 1 if they differ, 2 on trouble.";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    /// The base text with word changes marked in place.
    Inline,
    /// Base and compared version in two columns.
    SideBySide,
    /// The whole comparison as JSON.
    Json,
    /// A unified diff of the passage texts, one passage per line.
    Unified,
    /// Counts per compared version.
    Stat,
    /// A table of the facts (numbers, dates, names, quotes…) that differ between versions.
    Facts,
    /// A self-contained HTML report to open in a browser or send as an attachment.
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

/// What the environment says about where output goes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Env {
    /// Whether stdout is a env.
    pub stdout_is_terminal: bool,
    /// Whether NO_COLOR is set to a non-empty value (<https://no-color.org>).
    pub no_color: bool,
    /// Whether TERM is `dumb` (a terminal that understands no escapes).
    pub dumb: bool,
    /// The terminal's width in columns, when stdout is one.
    pub columns: Option<usize>,
    /// The COLUMNS variable, when set to a number.
    pub columns_var: Option<usize>,
}

impl Env {
    /// Reads the real environment.
    pub fn detect() -> Self {
        let stdout_is_terminal = std::io::stdout().is_terminal();
        let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        Self {
            stdout_is_terminal,
            no_color: var("NO_COLOR").is_some(),
            dumb: var("TERM").is_some_and(|t| t == "dumb"),
            columns: stdout_is_terminal
                .then(|| ratatui::crossterm::terminal::size().ok())
                .flatten()
                .map(|(cols, _)| usize::from(cols)),
            columns_var: var("COLUMNS").and_then(|c| c.to_str()?.parse().ok()),
        }
    }
}

/// Where the versions come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inputs {
    /// Files named on the command line (`-`: standard input).
    Files(Vec<PathBuf>),
    /// The bundled example story.
    Bundled,
}

impl Inputs {
    /// Reads the inputs.
    pub fn read(&self) -> storydiff::Result<Vec<Input>> {
        match self {
            Self::Files(paths) => storydiff::load::read_inputs(paths),
            Self::Bundled => Ok(storydiff::load::bundled_seeds()),
        }
    }
}

/// How the comparison is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// The interactive viewer (stdout is a terminal, no --print and no --format).
    Viewer,
    /// A printed format.
    Print,
}

/// The validated command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Where the versions come from.
    pub inputs: Inputs,
    /// What to compare and what counts as different.
    pub compare: CompareOptions,
    /// Viewer or printout.
    pub output: Output,
    /// How to print (also used by the viewer's stand-in until the viewer lands).
    pub print: PrintOptions,
}

impl Args {
    /// Validates the arguments against the terminal they will be shown on.
    pub fn into_options(self, env: &Env) -> Options {
        let format = self.format.map_or(Format::Inline, FormatArg::format);
        let styling = match (self.color, format) {
            // JSON is data: never colour it.
            (_, Format::Json) | (ColorArg::Never, _) => Styling::Plain,
            (ColorArg::Always, _) => Styling::Color,
            (ColorArg::Auto, _) if env.stdout_is_terminal && !env.no_color && !env.dumb => {
                Styling::Color
            }
            (ColorArg::Auto, _) => Styling::Plain,
        };
        let width = self
            .width
            .map(usize::from)
            .or(env.columns)
            .or(env.columns_var)
            .unwrap_or(DEFAULT_WIDTH)
            .max(MIN_WIDTH);
        let context = match format {
            Format::Unified => self.context.unwrap_or(UNIFIED_CONTEXT),
            _ => self.context.unwrap_or(0),
        };
        Options {
            output: output(self.print, self.format.is_some(), env.stdout_is_terminal),
            inputs: if self.files.is_empty() {
                Inputs::Bundled
            } else {
                Inputs::Files(self.files)
            },
            compare: CompareOptions {
                base: self.base,
                ignore: IgnoreOptions {
                    case: self.ignore_case,
                    punctuation: self.ignore_punctuation,
                    quotes: self.ignore_quotes,
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
        }
    }
}

/// The one place that decides between the viewer and a printout: the viewer only when stdout
/// is a terminal and the user asked neither for printing nor for a format.
fn output(print: bool, format_given: bool, stdout_is_terminal: bool) -> Output {
    if stdout_is_terminal && !print && !format_given {
        Output::Viewer
    } else {
        Output::Print
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
