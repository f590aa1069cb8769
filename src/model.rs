//! The result of a comparison, computed once by [`crate::compare`] and read by every front end.
//!
//! A [`Comparison`] holds the loaded [`Version`]s, which one is the base, and the aligned
//! [`Passage`]s in the base's reading order. Every byte range in this module indexes
//! [`Version::text`] (the decoded, repaired text that is shown and compared); use
//! [`Version::original_offset`] to map it back to the text exactly as read.

use std::ops::Range;
use std::path::PathBuf;

use crate::options::CompareOptions;

/// Identifies one version by its position in the input order (0-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct VersionId(pub usize);

/// One loaded version of the article.
#[derive(Debug, Clone)]
pub struct Version {
    /// Position in the input order.
    pub id: VersionId,
    /// Display name: the file name, or `-` for standard input.
    pub name: String,
    /// The path given on the command line, `None` for standard input and bundled seeds.
    pub path: Option<PathBuf>,
    /// Size of the input in bytes, as read.
    pub bytes: usize,
    /// Name of the encoding the input was decoded from (`utf-8`, `utf-16le`, `windows-1252`, …).
    pub encoding: String,
    /// What loading noticed or changed: detected encoding, repaired mojibake, and the like.
    pub notes: Vec<String>,
    /// The text shown and compared: decoded, line ends kept, mojibake repaired.
    pub text: String,
    /// Maps offsets in `text` back to offsets in the text as read (see [`OffsetMap`]).
    pub offsets: OffsetMap,
    /// Paragraph ranges in `text`, in order (filled when the version is compared).
    pub paragraphs: Vec<Range<usize>>,
}

impl Version {
    /// The text of a byte range of this version.
    #[must_use]
    pub fn slice(&self, range: Range<usize>) -> &str {
        &self.text[range]
    }

    /// 1-based number of the paragraph that contains (or follows) a byte offset, as in "¶3".
    #[must_use]
    pub fn paragraph_number(&self, offset: usize) -> usize {
        self.paragraphs.partition_point(|p| p.end <= offset) + 1
    }

    /// Maps a byte offset in [`Version::text`] to the offset in the text exactly as read.
    #[must_use]
    pub fn original_offset(&self, offset: usize) -> usize {
        self.offsets.to_original(offset)
    }
}

/// Piecewise mapping from offsets in a repaired text to offsets in the text as read.
///
/// Repairs replace short byte sequences; each replacement is recorded as an edit so that a
/// JSON consumer can point into the file it has, not into our repaired copy.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// Sorted by `repaired.start`; each maps a repaired range to the original range it replaced.
    pub edits: Vec<OffsetEdit>,
    /// Number of bytes before the decoded text in the input (a byte-order mark), added to every
    /// offset when the input is UTF-8.
    pub prefix: usize,
    /// Replacements made while decoding (invalid UTF-8 → U+FFFD), from the decoded text to the
    /// bytes as read; applied after `edits`, which index the decoded text.
    pub decoded: Vec<OffsetEdit>,
    /// What the mapped offsets index: the file, or only a text made from it.
    pub target: OffsetTarget,
}

/// What offsets mapped by an [`OffsetMap`] point into.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum OffsetTarget {
    /// The bytes of the file as read (UTF-8 input, a byte-order mark counted).
    #[default]
    File,
    /// The decoded text, before any repair (UTF-16 and legacy encodings: their bytes are not
    /// UTF-8, so no byte offset of the file would slice a character).
    Decoded,
    /// The article text extracted from a web page (see `load::html`), not its markup.
    Extracted,
}

impl OffsetTarget {
    /// Its name in the JSON output.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::File => "file",
            Self::Decoded => "decoded_text",
            Self::Extracted => "extracted_text",
        }
    }
}

/// One replacement made while repairing a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OffsetEdit {
    /// Where the replacement stands in the repaired text.
    pub repaired: Range<usize>,
    /// What it replaced, in the original text.
    pub original: Range<usize>,
}

impl OffsetMap {
    /// Maps an offset in the repaired text to the corresponding offset in the original.
    /// Offsets inside a replacement map to the start of what it replaced.
    #[must_use]
    pub fn to_original(&self, offset: usize) -> usize {
        through(&self.decoded, through(&self.edits, offset)) + self.prefix
    }
}

/// Maps an offset through one layer of edits (sorted by `repaired.start`).
fn through(edits: &[OffsetEdit], offset: usize) -> usize {
    let idx = edits.partition_point(|e| e.repaired.end <= offset);
    let shift = |e: &OffsetEdit| e.original.end.cast_signed() - e.repaired.end.cast_signed();
    match edits.get(idx) {
        Some(edit) if edit.repaired.start <= offset && offset < edit.repaired.end => {
            if offset == edit.repaired.start {
                edit.original.start
            } else {
                edit.original
                    .end
                    .min(edit.original.start + (offset - edit.repaired.start))
            }
        }
        _ => match idx.checked_sub(1).map(|i| &edits[i]) {
            Some(prev) => (offset.cast_signed() + shift(prev)).cast_unsigned(),
            None => offset,
        },
    }
}

/// A byte range of one version's text that belongs to a passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The version the range indexes.
    pub version: VersionId,
    /// Byte range `[start, end)` into [`Version::text`].
    pub range: Range<usize>,
}

/// What a passage is, independent of how versions differ on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PassageKind {
    /// Story text: sentences.
    Text,
    /// A section heading.
    Heading,
    /// Web-page debris that is not part of the story ("Table of Contents", share lines, bylines).
    Boilerplate,
}

/// How the versions differ on a passage. For one compared version ([`Reading::status`]) or for
/// all of them together ([`Passage::status`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PassageStatus {
    /// The same text in every version that carries it (under the ignore options).
    Same,
    /// Present in the base and the compared version(s), with different words.
    Changed,
    /// Absent from the base, present in a compared version.
    Added,
    /// Present in the base, absent from a compared version.
    Removed,
    /// Found in a compared version out of the base's order.
    Moved,
    /// Boilerplate: shown and counted apart, never a divergence of the story.
    Boilerplate,
}

impl PassageStatus {
    /// Lower-case name, as used in JSON and headers.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Same => "same",
            Self::Changed => "changed",
            Self::Added => "added",
            Self::Removed => "removed",
            Self::Moved => "moved",
            Self::Boilerplate => "boilerplate",
        }
    }

    /// Whether a reader stepping through differences should stop here.
    #[must_use]
    pub fn is_divergent(self) -> bool {
        !matches!(self, Self::Same | Self::Boilerplate)
    }
}

/// One step of a word diff between the base's passage text and a compared version's.
///
/// Ranges are absolute byte ranges into the respective version's [`Version::text`]. Each op's
/// range includes the whitespace that follows its last word, so concatenating the base ranges of
/// `Equal` and `Delete` ops reproduces the base passage text, and the other ranges of `Equal` and
/// `Insert` ops reproduce the compared passage text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordOp {
    /// Words both versions share (equal under the ignore options).
    Equal {
        /// Range in the base text.
        base: Range<usize>,
        /// Range in the compared version's text.
        other: Range<usize>,
    },
    /// Words of the base that the compared version lacks.
    Delete {
        /// Range in the base text.
        base: Range<usize>,
        /// For a word changed by a letter or two: the changed characters (absolute ranges).
        accents: Vec<Range<usize>>,
    },
    /// Words of the compared version that the base lacks.
    Insert {
        /// Range in the compared version's text.
        other: Range<usize>,
        /// For a word changed by a letter or two: the changed characters (absolute ranges).
        accents: Vec<Range<usize>>,
    },
}

/// Where a compared version's text of a passage stands relative to the base's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// In the same order as in the base.
    InOrder,
    /// Out of order: in the compared version it follows passage `after` (`None`: it comes first).
    MovedAfter {
        /// Index of the passage it follows in the compared version's reading order.
        after: Option<usize>,
    },
}

/// How one compared (non-base) version reads a passage.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The compared version.
    pub version: VersionId,
    /// Same, changed, added, removed or moved, relative to the base.
    pub status: PassageStatus,
    /// Word similarity to the base's text of the passage, 0..=1 (1 when identical).
    pub similarity: f32,
    /// Where this version's text stands relative to the base's order.
    pub placement: Placement,
    /// How strongly the aligner's evidence supports pairing this version's text with the base's,
    /// 0..=1: 1 for identical text and for a side that is simply absent (added, removed), lower
    /// for a pairing that rests on little shared vocabulary. See [`Reading::is_weak`].
    pub confidence: f32,
    /// Word diff of the base's passage text against this version's (empty when either is absent).
    pub ops: Vec<WordOp>,
}

/// Below this confidence a pairing is shown as weak: a reader should judge it rather than trust it.
pub const WEAK_CONFIDENCE: f32 = 0.5;

impl Reading {
    /// Whether this reading pairs texts on thin evidence (changed or moved with a low
    /// [`Reading::confidence`]); front ends mark such pairings `weak`.
    #[must_use]
    pub fn is_weak(&self) -> bool {
        matches!(self.status, PassageStatus::Changed | PassageStatus::Moved)
            && self.confidence < WEAK_CONFIDENCE
    }
}

/// A unit of the story, aligned across versions: a group of sentences in each version that
/// carries it.
#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    /// Position in [`Comparison::passages`].
    pub index: usize,
    /// Text, heading or boilerplate.
    pub kind: PassageKind,
    /// Overall status across all compared versions.
    pub status: PassageStatus,
    /// Lowest similarity among the compared versions that carry the passage (1 for same).
    pub similarity: f32,
    /// One span per version that carries the passage, in version order.
    pub spans: Vec<Span>,
    /// One reading per non-base version, in version order.
    pub readings: Vec<Reading>,
}

impl Passage {
    /// This passage's span in a version, if that version carries it.
    #[must_use]
    pub fn span(&self, version: VersionId) -> Option<&Span> {
        self.spans.iter().find(|s| s.version == version)
    }

    /// How a compared version reads this passage (`None` for the base).
    #[must_use]
    pub fn reading(&self, version: VersionId) -> Option<&Reading> {
        self.readings.iter().find(|r| r.version == version)
    }
}

/// Everything storydiff computed about a set of versions.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// The versions, in input order.
    pub versions: Vec<Version>,
    /// The version the others are compared to.
    pub base: VersionId,
    /// Aligned passages in the base's reading order; added passages stand where they fall.
    pub passages: Vec<Passage>,
    /// The options the comparison was made with.
    pub options: CompareOptions,
}

impl Comparison {
    /// The version with this id.
    #[must_use]
    pub fn version(&self, id: VersionId) -> &Version {
        &self.versions[id.0]
    }

    /// The base version.
    #[must_use]
    pub fn base_version(&self) -> &Version {
        self.version(self.base)
    }

    /// The text of a passage in a version, if that version carries it.
    #[must_use]
    pub fn passage_text(&self, passage: &Passage, version: VersionId) -> Option<&str> {
        passage
            .span(version)
            .map(|s| self.version(version).slice(s.range.clone()))
    }

    /// Whether any compared version differs from the base in its story text (diff(1)'s exit 1).
    #[must_use]
    pub fn differs(&self) -> bool {
        self.passages.iter().any(|p| p.status.is_divergent())
    }

    /// Ids of the compared (non-base) versions.
    pub fn compared(&self) -> impl Iterator<Item = VersionId> + '_ {
        self.versions
            .iter()
            .map(|v| v.id)
            .filter(|id| *id != self.base)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(repaired: Range<usize>, original: Range<usize>) -> OffsetEdit {
        OffsetEdit { repaired, original }
    }

    #[test]
    fn offsets_without_edits_are_identity_plus_prefix() {
        let map = OffsetMap {
            edits: vec![],
            prefix: 3,
            ..OffsetMap::default()
        };
        assert_eq!(map.to_original(0), 3);
        assert_eq!(map.to_original(10), 13);
    }

    #[test]
    fn offsets_after_a_shrinking_repair_shift_by_the_difference() {
        // "Trumpâs" (â = 2 bytes) repaired to "Trump’s" (’ = 3 bytes) at 5..8 from 5..7.
        let map = OffsetMap {
            edits: vec![edit(5..8, 5..7)],
            prefix: 0,
            ..OffsetMap::default()
        };
        assert_eq!(map.to_original(4), 4);
        assert_eq!(map.to_original(5), 5);
        assert_eq!(map.to_original(8), 7);
        assert_eq!(map.to_original(9), 8);
    }

    #[test]
    fn decoding_replacements_apply_after_repairs() {
        // A repair turned 6 decoded bytes into 3; a U+FFFD at 7..10 of the decoded text stands
        // for one byte as read; a BOM of 3 bytes comes first.
        let map = OffsetMap {
            edits: vec![edit(0..3, 0..6)],
            prefix: 3,
            decoded: vec![edit(7..10, 7..8)],
            ..OffsetMap::default()
        };
        assert_eq!(map.to_original(3), 6 + 3);
        assert_eq!(map.to_original(4), 7 + 3);
        assert_eq!(map.to_original(7), 8 + 3);
        assert_eq!(map.to_original(8), 9 + 3);
    }

    #[test]
    fn offsets_between_two_repairs_use_the_nearest_preceding_one() {
        let map = OffsetMap {
            edits: vec![edit(2..4, 2..6), edit(10..11, 12..14)],
            prefix: 0,
            ..OffsetMap::default()
        };
        assert_eq!(map.to_original(4), 6);
        assert_eq!(map.to_original(9), 11);
        assert_eq!(map.to_original(11), 14);
    }
}
