//! The unified format: a unified diff (as `diff -u`) of the passage texts, one passage per line,
//! that `patch` and other diff tools can read.
//!
//! The "files" it compares are passage files: each version's passages, one per line, in that
//! version's reading order, with runs of whitespace (line ends included) written as one space and
//! control characters made visible. Applying the diff for a version to the base's passage file
//! gives that version's passage file. Headers are `--- a/<base name>` and `+++ b/<name>`; with
//! three or more versions there is one diff per compared version, one after the other, each
//! made from that pair's own comparison ([`crate::present::pairs`]): the diff
//! `storydiff BASE VERSION --format unified` prints.
//!
//! Which lines pair up comes from the alignment: a passage both versions carry in order is a
//! context line when its two passage lines are identical; everything else is removed from the
//! base and added where the compared version has it (a moved passage: removed at its old place,
//! added at the new one). No text is re-diffed here.

use std::collections::HashMap;
use std::io::{self, Write};
use std::ops::Range;

use crate::Analysis;
use crate::model::{Comparison, Placement, VersionId};
use crate::present::pairs;
use crate::visible::visible;

/// One line of a passage file.
#[must_use]
pub fn passage_line(text: &str) -> String {
    visible(text, false)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A passage file: the passages a version carries, in its reading order.
fn passage_file(comparison: &Comparison, version: VersionId) -> Vec<(usize, String)> {
    let mut lines: Vec<(usize, usize, String)> = comparison
        .passages
        .iter()
        .filter_map(|p| {
            let span = p.span(version)?;
            let text = comparison.version(version).slice(span.range.clone());
            Some((span.range.start, p.index, passage_line(text)))
        })
        .collect();
    lines.sort_by_key(|(start, index, _)| (*start, *index));
    lines
        .into_iter()
        .map(|(_, index, line)| (index, line))
        .collect()
}

/// One line of the diff, by index into the base's or the other version's passage file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edit {
    Equal(usize, usize),
    Delete(usize),
    Insert(usize),
}

/// The line-level edit script, from the alignment: in-order identical passages anchor it.
fn edits(
    comparison: &Comparison,
    version: VersionId,
    old: &[(usize, String)],
    new: &[(usize, String)],
) -> Vec<Edit> {
    let position: HashMap<usize, usize> =
        new.iter().enumerate().map(|(j, (p, _))| (*p, j)).collect();
    let mut anchors: Vec<(usize, usize)> = Vec::new();
    for (i, (index, line)) in old.iter().enumerate() {
        let passage = &comparison.passages[*index];
        let in_order = passage
            .reading(version)
            .is_some_and(|r| r.placement == Placement::InOrder);
        if let (Some(&j), true) = (position.get(index), in_order) {
            // Only a strictly increasing chain of anchors makes a valid diff.
            if new[j].1 == *line && anchors.last().is_none_or(|&(_, last)| j > last) {
                anchors.push((i, j));
            }
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    for (ai, aj) in anchors.into_iter().chain([(old.len(), new.len())]) {
        out.extend((i..ai).map(Edit::Delete));
        out.extend((j..aj).map(Edit::Insert));
        if ai < old.len() {
            out.push(Edit::Equal(ai, aj));
        }
        (i, j) = (ai + 1, aj + 1);
    }
    out
}

/// Groups edits into hunks: changes with up to `context` equal lines around them.
fn hunks(edits: &[Edit], context: usize) -> Vec<Range<usize>> {
    let mut hunks: Vec<Range<usize>> = Vec::new();
    for (k, edit) in edits.iter().enumerate() {
        if matches!(edit, Edit::Equal(..)) {
            continue;
        }
        let start = k.saturating_sub(context);
        let end = (k + 1 + context).min(edits.len());
        match hunks.last_mut() {
            Some(last) if start <= last.end => last.end = end,
            _ => hunks.push(start..end),
        }
    }
    hunks
}

/// Prints one unified diff per compared version, with `context` lines of context.
pub fn print(out: &mut impl Write, analysis: &Analysis, context: usize) -> io::Result<()> {
    for pair in pairs::pairs(analysis) {
        write_diff(out, pair.comparison(), pair.compared, context)?;
    }
    Ok(())
}

/// The diff of one compared version against the base (nothing when they read the same).
fn write_diff(
    out: &mut impl Write,
    comparison: &Comparison,
    version: VersionId,
    context: usize,
) -> io::Result<()> {
    let old = passage_file(comparison, comparison.base);
    let new = passage_file(comparison, version);
    let edits = edits(comparison, version, &old, &new);
    let hunks = hunks(&edits, context);
    if hunks.is_empty() {
        return Ok(());
    }
    // As git does, an absolute path loses its leading slash: "a//tmp/x" is no path.
    let base_name = visible(&comparison.base_version().name, false);
    let new_name = visible(&comparison.version(version).name, false);
    writeln!(out, "--- a/{}", base_name.trim_start_matches('/'))?;
    writeln!(out, "+++ b/{}", new_name.trim_start_matches('/'))?;
    for hunk in hunks {
        write_hunk(out, &edits, hunk, &old, &new)?;
    }
    Ok(())
}

fn write_hunk(
    out: &mut impl Write,
    edits: &[Edit],
    hunk: Range<usize>,
    old: &[(usize, String)],
    new: &[(usize, String)],
) -> io::Result<()> {
    // Lines of each file before the hunk, then the hunk's own lines on each side.
    let old_before = edits[..hunk.start]
        .iter()
        .filter(|e| !matches!(e, Edit::Insert(_)))
        .count();
    let new_before = edits[..hunk.start]
        .iter()
        .filter(|e| !matches!(e, Edit::Delete(_)))
        .count();
    let edits = &edits[hunk];
    let old_len = edits
        .iter()
        .filter(|e| !matches!(e, Edit::Insert(_)))
        .count();
    let new_len = edits
        .iter()
        .filter(|e| !matches!(e, Edit::Delete(_)))
        .count();
    // As `diff -u`: an empty range is written as the line it follows, others 1-based.
    let at = |before: usize, len: usize| if len == 0 { before } else { before + 1 };
    writeln!(
        out,
        "@@ -{},{old_len} +{},{new_len} @@",
        at(old_before, old_len),
        at(new_before, new_len)
    )?;
    for edit in edits {
        match *edit {
            Edit::Equal(i, _) => writeln!(out, " {}", old[i].1)?,
            Edit::Delete(i) => writeln!(out, "-{}", old[i].1)?,
            Edit::Insert(j) => writeln!(out, "+{}", new[j].1)?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
