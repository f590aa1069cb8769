//! The stat format: a line naming the base, then one line per compared version counting its
//! passages by status and its words kept and changed, with an overall similarity:
//!
//! ```text
//! base 000_cda56540cce722a2.txt
//! 002_79408d01903fe501.txt  passages: 20 same, 8 changed, 1 added, 2 removed, 1 moved · 3 boilerplate · words: 812 kept, 140 changed (-61 +79) · 84% similar
//! ```
//!
//! Words are counted by the presentation layer ([`WordCounts`]). With three or more versions each
//! line counts the pair's own comparison ([`crate::present::pairs`]), the line
//! `storydiff BASE VERSION --format stat` prints.

use std::io::{self, Write};

use super::text;
use crate::Analysis;
use crate::present::outline::{self, Scope, Tally};
use crate::present::pairs;
use crate::present::presence::WordCounts;
use crate::visible::visible;

/// Prints the stat format.
pub fn print(out: &mut impl Write, analysis: &Analysis) -> io::Result<()> {
    let comparison = &analysis.comparison;
    writeln!(
        out,
        "base {}",
        visible(&comparison.base_version().name, false)
    )?;
    let pairs = pairs::pairs(analysis);
    let names: Vec<String> = pairs
        .iter()
        .map(|p| visible(&comparison.version(p.loaded).name, false).into_owned())
        .collect();
    let name_width = names.iter().map(|n| text::width(n)).max().unwrap_or(0);
    for (pair, name) in pairs.iter().zip(names) {
        let tally = Tally::of(pair.comparison(), Scope::Pair(pair.compared));
        let words = WordCounts::of(pair.comparison(), pair.compared);
        let pad = " ".repeat(name_width - text::width(&name));
        let changed = words.deleted + words.inserted;
        writeln!(
            out,
            "{name}{pad}  passages: {} · words: {} kept, {changed} changed (-{} +{}) · {} similar",
            tally.counts(),
            words.kept,
            words.deleted,
            words.inserted,
            outline::percent(words.similarity()),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
