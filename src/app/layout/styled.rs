//! A passage's text on one side, made terminal-safe and cut into inked stretches.
//!
//! The stretches come straight from the model's [`WordOp`]s: the base side shows `Equal` and
//! `Delete` ranges, the compared side `Equal` and `Insert` ranges, and accents split a changed
//! word further. Nothing here diffs.

use std::ops::Range;

use crate::model::{Version, WordOp};
use crate::visible::visible;

/// What a stretch of pane text is; the view turns it into a style from the theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ink {
    /// Story text that both versions share, in a passage that changed.
    Text,
    /// Text of a passage that is the same in both versions.
    Same,
    /// A heading.
    Heading,
    /// Web-page debris.
    Boilerplate,
    /// A passage only the base has.
    Removed,
    /// A passage only the compared version has.
    Added,
    /// Words the compared version lacks.
    Deleted,
    /// Words the base lacks.
    Inserted,
    /// Changed letters of a near-identical deleted word.
    DeletedAccent,
    /// Changed letters of a near-identical inserted word.
    InsertedAccent,
    /// The label of a gap, a move note, a fold line.
    Note,
}

/// Which pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Side {
    /// The base version, left.
    Base,
    /// The compared version, right.
    Compared,
}

impl Side {
    /// Both sides, left to right.
    pub const BOTH: [Side; 2] = [Side::Base, Side::Compared];

    /// 0 for the base, 1 for the compared version (an index into per-side arrays).
    #[must_use]
    pub fn index(self) -> usize {
        match self {
            Side::Base => 0,
            Side::Compared => 1,
        }
    }
}

/// A passage's text on one side: what is shown, and the ink of each stretch of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StyledText {
    /// The text as shown: control characters made visible, whitespace runs collapsed.
    pub text: String,
    /// Consecutive stretches of `text` covering all of it, each with its ink.
    pub inks: Vec<(Range<usize>, Ink)>,
}

impl StyledText {
    /// Appends a piece of version text with an ink, keeping the text terminal-safe.
    fn push(&mut self, raw: &str, ink: Ink) {
        let shown = visible(raw, false);
        let start = self.text.len();
        for c in shown.chars() {
            if c.is_whitespace() {
                // Collapse whitespace runs (line ends inside a passage, double spaces) to one.
                if !self.text.is_empty() && !self.text.ends_with(' ') {
                    self.text.push(' ');
                }
            } else {
                self.text.push(c);
            }
        }
        let end = self.text.len();
        if end == start {
            return;
        }
        match self.inks.last_mut() {
            Some((range, last)) if *last == ink && range.end == start => range.end = end,
            _ => self.inks.push((start..end, ink)),
        }
    }

    /// Drops a trailing space left by the last piece.
    fn finish(mut self) -> Self {
        if self.text.ends_with(' ') {
            self.text.pop();
            let len = self.text.len();
            if let Some((range, _)) = self.inks.last_mut() {
                range.end = len;
            }
            self.inks.retain(|(range, _)| !range.is_empty());
        }
        self
    }
}

/// The whole span text with one ink (a passage without word ops, or only on one side).
#[must_use]
pub fn plain(version: &Version, range: Range<usize>, ink: Ink) -> StyledText {
    let mut out = StyledText::default();
    out.push(&version.text[range], ink);
    out.finish()
}

/// One side of a diffed passage, from its word ops. `ink` is the ink of the shared words.
#[must_use]
pub fn from_ops(version: &Version, ops: &[WordOp], side: Side, ink: Ink) -> StyledText {
    let mut out = StyledText::default();
    for op in ops {
        match (op, side) {
            (WordOp::Equal { base, .. }, Side::Base) => out.push(&version.text[base.clone()], ink),
            (WordOp::Equal { other, .. }, Side::Compared) => {
                out.push(&version.text[other.clone()], ink);
            }
            (WordOp::Delete { base, accents }, Side::Base) => {
                push_accented(
                    &mut out,
                    version,
                    base,
                    accents,
                    Ink::Deleted,
                    Ink::DeletedAccent,
                );
            }
            (WordOp::Insert { other, accents }, Side::Compared) => {
                push_accented(
                    &mut out,
                    version,
                    other,
                    accents,
                    Ink::Inserted,
                    Ink::InsertedAccent,
                );
            }
            _ => {}
        }
    }
    out.finish()
}

/// Pushes a changed range, with its accent ranges (absolute, sorted) in the accent ink.
fn push_accented(
    out: &mut StyledText,
    version: &Version,
    range: &Range<usize>,
    accents: &[Range<usize>],
    ink: Ink,
    accent: Ink,
) {
    let mut at = range.start;
    for a in accents {
        let a = a.start.clamp(at, range.end)..a.end.clamp(at, range.end);
        if a.is_empty() {
            continue;
        }
        out.push(&version.text[at..a.start], ink);
        out.push(&version.text[a.clone()], accent);
        at = a.end;
    }
    out.push(&version.text[at..range.end], ink);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{OffsetMap, VersionId};

    fn version(text: &str) -> Version {
        Version {
            id: VersionId(0),
            name: "v".into(),
            path: None,
            bytes: text.len(),
            encoding: "utf-8".into(),
            notes: vec![],
            text: text.into(),
            offsets: OffsetMap::default(),
            paragraphs: vec![],
        }
    }

    fn stretches(styled: &StyledText) -> Vec<(&str, Ink)> {
        styled
            .inks
            .iter()
            .map(|(r, ink)| (&styled.text[r.clone()], *ink))
            .collect()
    }

    #[test]
    fn base_side_shows_equal_and_deleted_words() {
        let v = version("Gen Donahue said no.");
        let ops = [
            WordOp::Equal {
                base: 0..4,
                other: 0..4,
            },
            WordOp::Delete {
                base: 4..12,
                accents: std::iter::once(8..9).collect(),
            },
            WordOp::Insert {
                other: 4..12,
                accents: std::iter::once(8..9).collect(),
            },
            WordOp::Equal {
                base: 12..20,
                other: 12..20,
            },
        ];
        let styled = from_ops(&v, &ops, Side::Base, Ink::Text);
        assert_eq!(styled.text, "Gen Donahue said no.");
        assert_eq!(
            stretches(&styled),
            [
                ("Gen ", Ink::Text),
                ("Dona", Ink::Deleted),
                ("h", Ink::DeletedAccent),
                ("ue ", Ink::Deleted),
                ("said no.", Ink::Text),
            ]
        );
    }

    #[test]
    fn control_characters_become_visible_and_line_ends_collapse() {
        let v = version("a\u{1b}[1m\n\n  b\r\n");
        let styled = plain(&v, 0..v.text.len(), Ink::Same);
        assert_eq!(styled.text, "a␛[1m b");
        assert_eq!(styled.inks, [(0..styled.text.len(), Ink::Same)]);
    }
}
