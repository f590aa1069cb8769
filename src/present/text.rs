//! A passage's text on one side, made safe to show (control characters visible) and cut
//! into inked runs.
//!
//! The runs come straight from the model's [`WordOp`]s: the base side shows `Equal` and
//! `Delete` ranges, the compared side `Equal` and `Insert` ranges, and accents split a changed
//! word further. Fact readings the pair disagrees on ([`super::marks`]) cut the runs again,
//! so that they can be underlined. Nothing here diffs.

use std::ops::Range;

use super::marks::{FactMark, PairFacts};
use crate::model::{
    Comparison, Passage, PassageKind, PassageStatus, Reading, Version, VersionId, WordOp,
};
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

/// What becomes of the line ends inside a passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// Joined into the text as spaces: the viewer's panes and the report wrap it themselves.
    Joined,
    /// Kept as `\n` (one however many there were): the printers keep the input's lines.
    Kept,
    /// Kept between paragraphs (a list's items, a passage over two paragraphs), joined inside
    /// one (a hard-wrapped paragraph): the viewer's panes and the report wrap the text
    /// themselves but keep a list a list.
    Paragraphs,
}

/// Which words of a diffed passage a text shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// One side's words: the shared ones and the base's deleted ones (base), or the shared ones
    /// and the compared version's inserted ones (compared).
    Side(Side),
    /// The base's text with the deleted and inserted words both marked in place (the inline
    /// printer, a misquote's word diff).
    Both,
}

/// A passage's text on one side: what is shown, and how each stretch of it is drawn.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StyledText {
    /// The text as shown: control characters made visible, whitespace runs collapsed to one
    /// space (or one line end, with [`Lines::Kept`]).
    pub text: String,
    /// Consecutive runs covering all of `text`, each with its ink and fact mark.
    pub runs: Vec<Run>,
}

/// Appends input text to `out` as it is shown: control characters made visible, each
/// whitespace run collapsed to one space, or to one `\n` when it holds a line end and `lines`
/// keeps them. Nothing is added at the start of `out`, nor after a space or line end already
/// there. The printers' own lines go through this too, so all shown text follows one rule.
pub fn push_shown(out: &mut String, raw: &str, lines: Lines) {
    // Printable ASCII with spaces and line ends (most text) has nothing to make visible but
    // the line ends, which `visible` turns into spaces unless they are kept: its whitespace is
    // found on bytes.
    if raw
        .bytes()
        .all(|b| (b' '..=b'~').contains(&b) || b == b'\n')
    {
        let mut rest = raw;
        while let Some(at) = rest.bytes().position(|b| b == b' ' || b == b'\n') {
            out.push_str(&rest[..at]);
            let line_end = lines == Lines::Kept && rest.as_bytes()[at] == b'\n';
            rest = &rest[at + 1..];
            push_whitespace(out, line_end);
        }
        out.push_str(rest);
        return;
    }
    let shown = visible(raw, lines == Lines::Kept);
    // Characters other than whitespace are copied as they are, so each run of them is appended
    // at once; only the whitespace between runs is looked at one character at a time.
    let mut rest: &str = &shown;
    while let Some(at) = rest.find(char::is_whitespace) {
        out.push_str(&rest[..at]);
        let c = rest[at..].chars().next().unwrap_or(' ');
        rest = &rest[at + c.len_utf8()..];
        push_whitespace(out, c == '\n');
    }
    out.push_str(rest);
}

/// One whitespace character of shown text: a line end (kept), or any other, collapsed into the
/// space or line end already at the end of `out`.
fn push_whitespace(out: &mut String, line_end: bool) {
    if line_end {
        if out.ends_with(' ') {
            // A line end wins over the spaces next to it (same length: ranges stay valid).
            out.pop();
            out.push('\n');
        } else if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
    } else if !out.is_empty() && !out.ends_with([' ', '\n']) {
        out.push(' ');
    }
}

impl StyledText {
    /// Appends a piece of version text with an ink and a fact mark, keeping the text
    /// terminal-safe.
    fn push(&mut self, raw: &str, ink: Ink, fact: Option<FactMark>, lines: Lines) {
        let start = self.text.len();
        push_shown(&mut self.text, raw, lines);
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

    /// Drops a trailing space or line end left by the last piece.
    fn finish(mut self) -> Self {
        if self.text.ends_with([' ', '\n']) {
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

    /// Whether nothing is shown.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// Fact readings to underline on one side: sorted, disjoint ranges of the version's text.
pub type Marks<'a> = &'a [(Range<usize>, FactMark)];

/// The two texts word ops refer to, and how to show them: the base (or, for a misquote, the
/// consensus wording's version) and the compared version, each side's fact marks, and what
/// becomes of line ends.
#[derive(Debug, Clone, Copy)]
pub struct Texts<'a> {
    versions: [&'a Version; 2],
    marks: [Marks<'a>; 2],
    lines: Lines,
}

impl<'a> Texts<'a> {
    /// The texts of `base` and `compared`, no fact marks, line ends joined.
    #[must_use]
    pub fn new(base: &'a Version, compared: &'a Version) -> Self {
        Self {
            versions: [base, compared],
            marks: [&[], &[]],
            lines: Lines::Joined,
        }
    }

    /// The same, with each side's fact readings underlined.
    #[must_use]
    pub fn with_marks(self, marks: [Marks<'a>; 2]) -> Self {
        Self { marks, ..self }
    }

    /// The same, with line ends joined or kept.
    #[must_use]
    pub fn with_lines(self, lines: Lines) -> Self {
        Self { lines, ..self }
    }

    /// A range of one side's text in one ink (a passage without word ops, or only on one side).
    #[must_use]
    pub fn plain(&self, side: Side, range: Range<usize>, ink: Ink) -> StyledText {
        let mut painter = Painter::with_capacity(*self, range.len(), 1);
        painter.paint(side, range, ink);
        painter.finish()
    }

    /// A diffed passage from its word ops, the words `shown`. `ink` is the ink of the shared
    /// words.
    #[must_use]
    pub fn from_ops(&self, ops: &[WordOp], shown: Shown, ink: Ink) -> StyledText {
        let base = matches!(shown, Shown::Side(Side::Base) | Shown::Both);
        let compared = matches!(shown, Shown::Side(Side::Compared) | Shown::Both);
        // The text is at most the shown ranges' bytes (plus a space where a deletion touches an
        // insertion, plus what `visible` widens): sized once rather than grown piece by piece.
        let bytes: usize = ops
            .iter()
            .map(|op| match op {
                WordOp::Equal { base: range, .. } if shown != Shown::Side(Side::Compared) => {
                    range.len()
                }
                WordOp::Equal { other, .. } if shown == Shown::Side(Side::Compared) => other.len(),
                WordOp::Delete { base: range, .. } if base => range.len() + 1,
                WordOp::Insert { other, .. } if compared => other.len() + 1,
                _ => 0,
            })
            .sum();
        let mut painter = Painter::with_capacity(*self, bytes, ops.len() + 1);
        for op in ops {
            if shown == Shown::Both {
                painter.space_before(op);
            }
            match op {
                WordOp::Equal { base: range, .. } if shown != Shown::Side(Side::Compared) => {
                    painter.paint(Side::Base, range.clone(), ink);
                }
                WordOp::Equal { other, .. } if shown == Shown::Side(Side::Compared) => {
                    painter.paint(Side::Compared, other.clone(), ink);
                }
                WordOp::Delete {
                    base: range,
                    accents,
                } if base => {
                    painter.change(Side::Base, range, accents, Ink::Deleted);
                }
                WordOp::Insert { other, accents } if compared => {
                    painter.change(Side::Compared, other, accents, Ink::Inserted);
                }
                _ => {}
            }
        }
        painter.finish()
    }
}

/// Paints ranges of the two texts into a [`StyledText`], cutting them where fact marks begin
/// and end.
struct Painter<'a> {
    texts: Texts<'a>,
    out: StyledText,
}

impl<'a> Painter<'a> {
    /// A painter whose text and runs are allocated for `bytes` bytes and `runs` runs.
    fn with_capacity(texts: Texts<'a>, bytes: usize, runs: usize) -> Self {
        Self {
            texts,
            out: StyledText {
                text: String::with_capacity(bytes),
                runs: Vec::with_capacity(runs),
            },
        }
    }

    fn paint(&mut self, side: Side, range: Range<usize>, ink: Ink) {
        if self.texts.lines != Lines::Paragraphs {
            self.paint_lines(side, range, ink, self.texts.lines);
            return;
        }
        // The whitespace between two paragraphs keeps its line end; the rest is joined.
        let paragraphs = &self.texts.versions[side.index()].paragraphs;
        let first = paragraphs.partition_point(|p| p.end <= range.start);
        let mut at = range.start;
        for pair in paragraphs[first..].windows(2) {
            let gap = pair[0].end.max(at)..pair[1].start.min(range.end);
            if pair[0].end >= range.end {
                break;
            }
            if gap.is_empty() {
                continue;
            }
            self.paint_lines(side, at..gap.start, ink, Lines::Joined);
            self.paint_lines(side, gap.clone(), ink, Lines::Kept);
            at = gap.end;
        }
        self.paint_lines(side, at..range.end, ink, Lines::Joined);
    }

    /// Paints a range with its line ends as `lines` says ([`Lines::Joined`] or
    /// [`Lines::Kept`]).
    fn paint_lines(&mut self, side: Side, range: Range<usize>, ink: Ink, lines: Lines) {
        if range.is_empty() {
            return;
        }
        let text = &self.texts.versions[side.index()].text;
        let marks = self.texts.marks[side.index()];
        let first = marks.partition_point(|(r, _)| r.end <= range.start);
        let mut at = range.start;
        for (marked, mark) in marks[first..]
            .iter()
            .take_while(|(r, _)| r.start < range.end)
        {
            let start = marked.start.max(at);
            let end = marked.end.min(range.end);
            if start > at {
                self.out.push(&text[at..start], ink, None, lines);
            }
            self.out.push(&text[start..end], ink, Some(*mark), lines);
            at = end;
        }
        if at < range.end {
            self.out.push(&text[at..range.end], ink, None, lines);
        }
    }

    /// Writes the space that stands before `op` in its own version's text when the text shown
    /// so far does not end in one. With both sides shown in one line, the space between two
    /// words can lie in only one side's range ("military downsizing." / "downsizing the
    /// Ukrainian military.": the space before "the" belongs to the compared version's shared
    /// "downsizing ", while the base's "downsizing" is what is shown), and was lost.
    fn space_before(&mut self, op: &WordOp) {
        let [base, compared] = [&self.texts.versions[0].text, &self.texts.versions[1].text];
        let spaced = |text: &str, at: usize| {
            text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_whitespace)
        };
        let wanted = match op {
            WordOp::Equal { base: b, other } => {
                spaced(base, b.start) || spaced(compared, other.start)
            }
            WordOp::Delete { base: b, .. } => spaced(base, b.start),
            WordOp::Insert { other, .. } => spaced(compared, other.start),
        };
        let ends_spaced = self
            .out
            .text
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace);
        if wanted && !ends_spaced {
            self.out.push(" ", Ink::Text, None, Lines::Joined);
        }
    }

    /// Paints a changed range (`ink` is `Deleted` or `Inserted`), its accent ranges (absolute,
    /// sorted) in the accent ink. A deletion and an insertion that touch with no space between
    /// them (a change at the end of a quotation) get one, so their words stay apart; not in
    /// text written without spaces (Chinese, Japanese), where a space would be a change.
    fn change(&mut self, side: Side, range: &Range<usize>, accents: &[Range<usize>], ink: Ink) {
        let accent = match ink {
            Ink::Deleted => Ink::DeletedAccent,
            _ => Ink::InsertedAccent,
        };
        let touches = self.out.runs.last().is_some_and(|last| {
            matches!(last.ink, Ink::Deleted | Ink::DeletedAccent)
                && ink == Ink::Inserted
                && self.out.text.chars().next_back().is_some_and(|c| {
                    !c.is_whitespace() && super::wrap::width(c.encode_utf8(&mut [0; 4])) < 2
                })
        });
        if touches {
            self.out.push(" ", Ink::Text, None, Lines::Joined);
        }
        let mut at = range.start;
        for a in accents {
            let a = a.start.clamp(at, range.end)..a.end.clamp(at, range.end);
            if a.is_empty() {
                continue;
            }
            self.paint(side, at..a.start, ink);
            self.paint(side, a.clone(), accent);
            at = a.end;
        }
        self.paint(side, at..range.end, ink);
    }

    fn finish(self) -> StyledText {
        self.out.finish()
    }
}

/// The ink of the words a passage's two sides share, for its status in a pair.
fn shared_ink(status: PassageStatus, kind: PassageKind) -> Ink {
    match (status, kind) {
        (PassageStatus::Boilerplate, _) => Ink::Boilerplate,
        (PassageStatus::Same, _) => Ink::Same,
        (PassageStatus::Added, _) => Ink::Added,
        (PassageStatus::Removed, _) => Ink::Removed,
        (_, PassageKind::Heading) => Ink::Heading,
        _ => Ink::Text,
    }
}

/// The styled text of a passage on both sides of a pair (the base and `compared`), for its
/// status in the pair, with the pair's fact marks: the viewer's panes and the report's rows.
#[must_use]
pub fn pair_texts(
    comparison: &Comparison,
    p: &Passage,
    compared: VersionId,
    status: PassageStatus,
    underlines: &PairFacts,
) -> [Option<StyledText>; 2] {
    let shared = shared_ink(status, p.kind);
    let ops = p
        .reading(compared)
        .map(|r| r.ops.as_slice())
        .unwrap_or_default();
    let ids = [comparison.base, compared];
    let texts = Texts::new(comparison.version(ids[0]), comparison.version(ids[1]))
        .with_marks([underlines.marks(0), underlines.marks(1)])
        .with_lines(Lines::Paragraphs);
    let both = p.span(ids[0]).is_some() && p.span(ids[1]).is_some();
    Side::BOTH.map(|side| {
        let span = p.span(ids[side.index()])?;
        Some(if both && !ops.is_empty() {
            texts.from_ops(ops, Shown::Side(side), shared)
        } else {
            texts.plain(side, span.range.clone(), shared)
        })
    })
}

/// A passage as one compared version reads it, the words `shown`, line ends kept: the
/// printers' text. A side the version or the base lacks is empty; a passage only one of them
/// carries is wholly [`Ink::Removed`] or [`Ink::Added`].
#[must_use]
pub fn reading_text(
    comparison: &Comparison,
    passage: &Passage,
    reading: &Reading,
    shown: Shown,
) -> StyledText {
    let texts = Texts::new(
        comparison.base_version(),
        comparison.version(reading.version),
    )
    .with_lines(Lines::Kept);
    let spans = [passage.span(comparison.base), passage.span(reading.version)];
    let wanted = |side: Side| shown == Shown::Both || shown == Shown::Side(side);
    let shared = shared_ink(reading.status, passage.kind);
    match spans {
        [Some(_), Some(_)] if !reading.ops.is_empty() => {
            texts.from_ops(&reading.ops, shown, shared)
        }
        [Some(base), None] if wanted(Side::Base) => {
            texts.plain(Side::Base, base.range.clone(), Ink::Removed)
        }
        [None, Some(other)] if wanted(Side::Compared) => {
            texts.plain(Side::Compared, other.range.clone(), Ink::Added)
        }
        // The same text on both sides (no word ops): the base's, unless only the other is shown.
        [Some(base), Some(other)] => match shown {
            Shown::Side(Side::Compared) => texts.plain(Side::Compared, other.range.clone(), shared),
            _ => texts.plain(Side::Base, base.range.clone(), shared),
        },
        _ => StyledText::default(),
    }
}

#[cfg(test)]
mod tests;
