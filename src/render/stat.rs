//! The stat format: a line naming the base, then one line per compared version counting its
//! passages by status and its words kept and changed, with an overall similarity:
//!
//! ```text
//! base 000_cda56540cce722a2.txt
//! 002_79408d01903fe501.txt  passages: 20 same, 8 changed, 1 added, 2 removed, 1 moved · 3 boilerplate · words: 812 kept, 140 changed (-61 +79) · 84% similar
//! ```
//!
//! Words are counted in the word ops of the model (whitespace-separated words of each op's
//! text), boilerplate left out; similarity is `2·kept / (base words + compared words)`.

use std::io::{self, Write};

use super::text;
use crate::model::{Comparison, PassageKind, VersionId, WordOp};
use crate::present::outline::{self, Scope, Tally};
use crate::visible::visible;

/// Words of one compared version against the base.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Words {
    kept: usize,
    deleted: usize,
    inserted: usize,
}

impl Words {
    fn of(comparison: &Comparison, version: VersionId) -> Self {
        let base = comparison.base_version();
        let other = comparison.version(version);
        let count = |text: &str| text.split_whitespace().count();
        let mut words = Self::default();
        for passage in comparison
            .passages
            .iter()
            .filter(|p| p.kind != PassageKind::Boilerplate)
        {
            let Some(reading) = passage.reading(version) else {
                continue;
            };
            if reading.ops.is_empty() {
                match (
                    comparison.passage_text(passage, base.id),
                    comparison.passage_text(passage, version),
                ) {
                    (Some(b), None) => words.deleted += count(b),
                    (None, Some(o)) => words.inserted += count(o),
                    (Some(b), Some(_)) => words.kept += count(b),
                    (None, None) => {}
                }
                continue;
            }
            for op in &reading.ops {
                match op {
                    WordOp::Equal { base: r, .. } => words.kept += count(&base.text[r.clone()]),
                    WordOp::Delete { base: r, .. } => words.deleted += count(&base.text[r.clone()]),
                    WordOp::Insert { other: r, .. } => {
                        words.inserted += count(&other.text[r.clone()]);
                    }
                }
            }
        }
        words
    }

    fn similarity(self) -> f32 {
        let total = 2 * self.kept + self.deleted + self.inserted;
        if total == 0 {
            1.0
        } else {
            (2 * self.kept) as f32 / total as f32
        }
    }
}

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
        let words = Words::of(comparison, version);
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
