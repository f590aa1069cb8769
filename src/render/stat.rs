//! The stat format: a line naming the base, then one line per compared version counting its
//! passages by status and its words kept and changed, with an overall similarity:
//!
//! ```text
//! base 000_cda56540cce722a2.txt
//! 002_79408d01903fe501.txt  passages: 20 same, 8 changed, 1 added, 2 removed, 1 moved · 3 boilerplate · words: 812 kept, 140 changed (-61 +79) · 84% similar
//! ```
//!
//! Words are counted by the presentation layer ([`WordCounts`]).

use std::io::{self, Write};

use super::text;
use crate::model::{Comparison, VersionId};
use crate::present::outline::{self, Scope, Tally};
use crate::present::presence::WordCounts;
use crate::visible::visible;

/// Prints the stat format.
pub fn print(out: &mut impl Write, comparison: &Comparison) -> io::Result<()> {
    writeln!(
        out,
        "base {}",
        visible(&comparison.base_version().name, false)
    )?;
    let names: Vec<(VersionId, String)> = comparison
        .compared()
        .map(|v| (v, visible(&comparison.version(v).name, false).into_owned()))
        .collect();
    let name_width = names.iter().map(|(_, n)| text::width(n)).max().unwrap_or(0);
    for (version, name) in names {
        let tally = Tally::of(comparison, Scope::Pair(version));
        let words = WordCounts::of(comparison, version);
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
