//! A passage's text on one side, made safe to show (control characters visible) and cut
//! into inked runs.
//!
//! The runs come straight from the model's [`WordOp`]s: the base side shows `Equal` and
//! `Delete` ranges, the compared side `Equal` and `Insert` ranges, and accents split a changed
//! word further. Fact readings the pair disagrees on ([`super::marks`]) cut the runs again,
//! so that they can be underlined. Nothing here diffs.

use std::ops::Range;

use super::marks::{FactMark, PairFacts};
use crate::model::{Comparison, Passage, PassageKind, PassageStatus, Version, VersionId, WordOp};
use crate::visible::visible;

/// What a stretch of passage text is; each front end turns it into its own look (a ratatui style
/// from the viewer's theme, a CSS class in the HTML report).
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

/// A stretch of a passage's text on one side (or of one wrapped line of it): a byte range into [`StyledText::text`],
/// with an ink and, for a fact the pair disagrees on, a mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// Byte range into the side's text.
    pub range: Range<usize>,
    /// How it is drawn.
    pub ink: Ink,
    /// Underlined as a fact.
    pub fact: Option<FactMark>,
}

impl Ink {
    /// A neutral name for the ink (`deleted`, `inserted-accent`, …): the HTML report's CSS class.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Same => "same",
            Self::Heading => "heading",
            Self::Boilerplate => "boilerplate",
            Self::Removed => "removed",
            Self::Added => "added",
            Self::Deleted => "deleted",
            Self::Inserted => "inserted",
            Self::DeletedAccent => "deleted-accent",
            Self::InsertedAccent => "inserted-accent",
            Self::Note => "note",
        }
    }
}

/// Which side of a pair: the base (left) or the compared version (right).
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

/// A passage's text on one side: what is shown, and how each stretch of it is drawn.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StyledText {
    /// The text as shown: control characters made visible, whitespace runs collapsed.
    pub text: String,
    /// Consecutive runs covering all of `text`, each with its ink and fact mark.
    pub runs: Vec<Run>,
}

impl StyledText {
    /// Appends a piece of version text with an ink and a fact mark, keeping the text
    /// terminal-safe.
    fn push(&mut self, raw: &str, ink: Ink, fact: Option<FactMark>) {
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
        match self.runs.last_mut() {
            Some(last) if last.ink == ink && last.fact == fact && last.range.end == start => {
                last.range.end = end;
            }
            _ => self.runs.push(Run {
                range: start..end,
                ink,
                fact,
            }),
        }
    }

    /// Drops a trailing space left by the last piece.
    fn finish(mut self) -> Self {
        if self.text.ends_with(' ') {
            self.text.pop();
            let len = self.text.len();
            if let Some(last) = self.runs.last_mut() {
                last.range.end = len;
            }
            self.runs.retain(|run| !run.range.is_empty());
        }
        self
    }

    /// Whether any of the text is an underlined fact.
    #[must_use]
    pub fn has_facts(&self) -> bool {
        self.runs.iter().any(|r| r.fact.is_some())
    }
}

/// Paints ranges of a version's text into a [`StyledText`], cutting them where fact marks begin
/// and end.
struct Painter<'a> {
    version: &'a Version,
    /// Sorted, disjoint ranges of the version's text to underline.
    marks: &'a [(Range<usize>, FactMark)],
    out: StyledText,
}

impl<'a> Painter<'a> {
    fn new(version: &'a Version, marks: &'a [(Range<usize>, FactMark)]) -> Self {
        Self {
            version,
            marks,
            out: StyledText::default(),
        }
    }

    fn paint(&mut self, range: Range<usize>, ink: Ink) {
        let text = &self.version.text;
        let first = self.marks.partition_point(|(r, _)| r.end <= range.start);
        let mut at = range.start;
        for (marked, mark) in self.marks[first..]
            .iter()
            .take_while(|(r, _)| r.start < range.end)
        {
            let start = marked.start.max(at);
            let end = marked.end.min(range.end);
            if start > at {
                self.out.push(&text[at..start], ink, None);
            }
            self.out.push(&text[start..end], ink, Some(*mark));
            at = end;
        }
        if at < range.end {
            self.out.push(&text[at..range.end], ink, None);
        }
    }

    /// Paints a changed range, with its accent ranges (absolute, sorted) in the accent ink.
    fn paint_accented(
        &mut self,
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
            self.paint(at..a.start, ink);
            self.paint(a.clone(), accent);
            at = a.end;
        }
        self.paint(at..range.end, ink);
    }

    fn finish(self) -> StyledText {
        self.out.finish()
    }
}

/// The whole span text with one ink (a passage without word ops, or only on one side), with
/// the fact marks of this side.
#[must_use]
pub fn plain(
    version: &Version,
    range: Range<usize>,
    ink: Ink,
    marks: &[(Range<usize>, FactMark)],
) -> StyledText {
    let mut painter = Painter::new(version, marks);
    painter.paint(range, ink);
    painter.finish()
}

/// One side of a diffed passage, from its word ops. `ink` is the ink of the shared words.
#[must_use]
pub fn from_ops(
    version: &Version,
    ops: &[WordOp],
    side: Side,
    ink: Ink,
    marks: &[(Range<usize>, FactMark)],
) -> StyledText {
    let mut painter = Painter::new(version, marks);
    for op in ops {
        match (op, side) {
            (WordOp::Equal { base, .. }, Side::Base) => painter.paint(base.clone(), ink),
            (WordOp::Equal { other, .. }, Side::Compared) => painter.paint(other.clone(), ink),
            (WordOp::Delete { base, accents }, Side::Base) => {
                painter.paint_accented(base, accents, Ink::Deleted, Ink::DeletedAccent);
            }
            (WordOp::Insert { other, accents }, Side::Compared) => {
                painter.paint_accented(other, accents, Ink::Inserted, Ink::InsertedAccent);
            }
            _ => {}
        }
    }
    painter.finish()
}

/// The styled text of a passage on both sides of a pair (the base and `compared`), for its
/// status in the pair, with the pair's fact marks.
#[must_use]
pub fn pair_texts(
    comparison: &Comparison,
    p: &Passage,
    compared: VersionId,
    status: PassageStatus,
    underlines: &PairFacts,
) -> [Option<StyledText>; 2] {
    let shared = match (status, p.kind) {
        (PassageStatus::Boilerplate, _) => Ink::Boilerplate,
        (PassageStatus::Same, _) => Ink::Same,
        (PassageStatus::Added, _) => Ink::Added,
        (PassageStatus::Removed, _) => Ink::Removed,
        (_, PassageKind::Heading) => Ink::Heading,
        _ => Ink::Text,
    };
    let ops = p
        .reading(compared)
        .map(|r| r.ops.as_slice())
        .unwrap_or_default();
    let ids = [comparison.base, compared];
    Side::BOTH.map(|side| {
        let id = ids[side.index()];
        let span = p.span(id)?;
        let version = comparison.version(id);
        let both = p.span(ids[0]).is_some() && p.span(ids[1]).is_some();
        let marks = underlines.marks(side.index());
        Some(if both && !ops.is_empty() {
            from_ops(version, ops, side, shared, marks)
        } else {
            plain(version, span.range.clone(), shared, marks)
        })
    })
}

#[cfg(test)]
mod tests;
