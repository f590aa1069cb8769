//! Non-interactive outputs: the printers behind `--print` and `--format`.
//!
//! Each printer writes to a `&mut impl io::Write` from a [`Comparison`] and computes no diffs:
//! statuses, similarities, spans and word ops all come from the model. The only things printers
//! compute are layout — wrapping, column fitting, folding runs of same passages — and colour.
//!
//! | format | what it shows |
//! |---|---|
//! | [`inline`] | passage by passage, the base text with word changes marked in place |
//! | [`side_by_side`] | base and compared version in two columns, passages starting on the same row |
//! | [`json`] | the whole comparison for other programs (the format is specified there) |
//! | [`unified`] | a unified diff of the passage texts, one passage per line, that `patch` applies |
//! | [`stat`] | one line of counts per compared version |
//! | [`facts`] | a table of the facts that drift, go missing or are misquoted between versions |
//! | [`crate::html`] | a self-contained HTML report: versions side by side, facts, presence |
//!
//! Text from the input never reaches the terminal raw: the human-readable printers pass every
//! piece of it through [`crate::visible::visible`] (JSON escapes control characters instead).
//! Every style lives in [`style`].
//!
//! Every printer reads one [`Analysis`]; the formats that show facts (JSON and the facts table)
//! ask it for them, which finds them once (about a second on megabyte inputs, which the other
//! formats need not pay).
//!
//! With three or more versions, the formats made of one section per compared version
//! (side-by-side, unified, stat) show each pair's own comparison ([`Analysis::pair`], through
//! [`crate::present::pairs`]), so each section is what `storydiff BASE VERSION` prints: the
//! passage table shared by all versions can be coarser than one pair's alignment (issue 7).
//! The inline format, which puts every version's reading of a passage under one header, the
//! JSON and the facts table read that shared table: it is the one grouping in which every
//! version of a passage can be shown together.

pub mod facts;
pub mod inline;
pub mod json;
pub mod side_by_side;
pub mod stat;
pub mod style;
pub mod text;
pub mod unified;

use std::io::{self, Write};

pub use style::Styling;

use crate::Analysis;
use crate::model::Comparison;

/// The output formats of `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The base text with word changes marked in place (the default).
    Inline,
    /// Two columns, base and compared version.
    SideBySide,
    /// The comparison as JSON.
    Json,
    /// A unified diff of passage texts.
    Unified,
    /// Counts per compared version.
    Stat,
    /// A table of the facts that differ between versions.
    Facts,
    /// A self-contained HTML report ([`crate::html`]).
    Html,
}

impl Format {
    /// Whether the format shows facts (so printing it asks the [`Analysis`] for them).
    #[must_use]
    pub fn shows_facts(self) -> bool {
        matches!(self, Self::Json | Self::Facts | Self::Html)
    }
}

/// Which facts the facts table lists (`--all`: the agreeing ones too).
pub use crate::present::facts::FactRows;

/// Everything a printer needs besides the comparison; validated by the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrintOptions {
    /// Which printer.
    pub format: Format,
    /// Colour or plain text.
    pub styling: Styling,
    /// Same passages shown around each divergent one (inline, side-by-side), or context lines
    /// of the unified diff.
    pub context: usize,
    /// Total width in terminal columns (side-by-side, facts).
    pub width: usize,
    /// Which facts the facts table lists.
    pub facts: FactRows,
}

impl Default for PrintOptions {
    fn default() -> Self {
        Self {
            format: Format::Inline,
            styling: Styling::Plain,
            context: 0,
            width: 160,
            facts: FactRows::Divergent,
        }
    }
}

/// Narrowest width side-by-side output accepts: two 8-column panes and the divider.
pub const MIN_WIDTH: usize = 20;

/// Prints an analysis in the chosen format.
pub fn print(out: &mut impl Write, analysis: &Analysis, options: &PrintOptions) -> io::Result<()> {
    let comparison: &Comparison = &analysis.comparison;
    match options.format {
        Format::Inline => inline::print(out, analysis, options),
        Format::SideBySide => side_by_side::print(out, analysis, options),
        Format::Json => json::print(out, analysis),
        Format::Unified => unified::print(out, analysis, options.context),
        Format::Stat => stat::print(out, analysis),
        Format::Facts => facts::print(out, comparison, analysis.facts(), options),
        Format::Html => crate::html::write(out, analysis),
    }
}
