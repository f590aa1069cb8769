//! The JSON format (`--format json`): the whole comparison, for other programs.
//!
//! This is a contract: fields are only ever added, never renamed or removed. One JSON document
//! (pretty-printed, UTF-8, ending in a newline):
//!
//! ```text
//! {
//!   "versions": [                      // every version, in input order
//!     { "index": 0,                    // version number, as in spans and --base
//!       "name": "000_cda56540cce722a2.txt",   // file name as given, "-" for stdin
//!       "path": "seeds/000_cda56540cce722a2.txt",  // path as given, or null (stdin)
//!       "bytes": 5447,                 // size of the input as read
//!       "encoding": "utf-8",           // encoding it was decoded from
//!       "notes": ["repaired 14 mojibake sequences"] }   // what loading noticed or changed
//!   ],
//!   "base": 0,                         // index of the version the others are compared to
//!   "passages": [                      // in the base's reading order, added ones where they fall
//!     { "index": 0,                    // position in this array
//!       "kind": "text",                // "text" | "heading" | "boilerplate"
//!       "status": "changed",           // "same" | "changed" | "added" | "removed" | "moved" | "boilerplate"
//!       "similarity": 0.83,            // 0..1, lowest over the compared versions carrying it
//!       "spans": [                     // one per version that carries the passage
//!         { "version": 0, "start": 120, "end": 388 },
//!         { "version": 1, "start": 97, "end": 402 } ],
//!       "words": [                     // one per non-base version present in the passage
//!         { "version": 1,
//!           "status": "changed",       // this version's reading, relative to the base
//!           "similarity": 0.83,
//!           "ops": [ { "op": "equal", "text": "The army said " },
//!                    { "op": "delete", "text": "26 " },
//!                    { "op": "insert", "text": "28 " } ] } ] }
//!   ]
//! }
//! ```
//!
//! - `start` and `end` are byte offsets `[start, end)` into that version's text **exactly as
//!   read**: the file's bytes when it is UTF-8 (a byte-order mark counts), even where storydiff
//!   repaired mojibake. A version that lacks a passage has no span in it.
//! - A moved passage is one passage holding the spans of both places, listed where it stands in
//!   the base; its `status` (and the moved version's `words` status) is `"moved"`.
//! - `ops` are the word diff of the base's passage text against that version's. Op texts are the
//!   compared (repaired) text, whitespace included: the `equal` and `delete` texts concatenated
//!   give the base's passage text, the `equal` and `insert` texts the other version's modulo
//!   whitespace (an `equal` op carries the base's wording and spacing; under the ignore options
//!   that may also differ in case, quotes or punctuation). A passage the base lacks (added) has one `insert` op holding the whole text.
//! - Similarities are rounded to three decimals.
//! - Control characters in texts are JSON-escaped (`\u001b`), so printing the JSON to a
//!   terminal is safe.
//! - Reserved for the facts work (issue 4): a top-level `"facts"` array and a per-version
//!   `"outlier_score"`. Consumers should ignore fields they do not know.

use std::io::{self, Write};

use serde::Serialize;

use crate::model::{Comparison, Passage, PassageKind, Reading, Version, WordOp};

#[derive(Serialize)]
struct Document<'a> {
    versions: Vec<VersionDto<'a>>,
    base: usize,
    passages: Vec<PassageDto<'a>>,
}

#[derive(Serialize)]
struct VersionDto<'a> {
    index: usize,
    name: &'a str,
    path: Option<String>,
    bytes: usize,
    encoding: &'a str,
    notes: &'a [String],
}

#[derive(Serialize)]
struct PassageDto<'a> {
    index: usize,
    kind: &'static str,
    status: &'static str,
    similarity: f64,
    spans: Vec<SpanDto>,
    words: Vec<WordsDto<'a>>,
}

#[derive(Serialize)]
struct SpanDto {
    version: usize,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct WordsDto<'a> {
    version: usize,
    status: &'static str,
    similarity: f64,
    ops: Vec<OpDto<'a>>,
}

#[derive(Serialize)]
struct OpDto<'a> {
    op: &'static str,
    text: &'a str,
}

/// Prints the comparison as one JSON document.
pub fn print(out: &mut impl Write, comparison: &Comparison) -> io::Result<()> {
    let document = Document {
        versions: comparison.versions.iter().map(version).collect(),
        base: comparison.base.0,
        passages: comparison
            .passages
            .iter()
            .map(|p| passage(comparison, p))
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}

fn version(version: &Version) -> VersionDto<'_> {
    VersionDto {
        index: version.id.0,
        name: &version.name,
        path: version.path.as_ref().map(|p| p.display().to_string()),
        bytes: version.bytes,
        encoding: &version.encoding,
        notes: &version.notes,
    }
}

fn passage<'a>(comparison: &'a Comparison, passage: &'a Passage) -> PassageDto<'a> {
    let spans = passage
        .spans
        .iter()
        .map(|span| {
            let v = comparison.version(span.version);
            SpanDto {
                version: span.version.0,
                start: v.original_offset(span.range.start),
                end: v.original_offset(span.range.end),
            }
        })
        .collect();
    let words = passage
        .readings
        .iter()
        .filter(|r| passage.span(r.version).is_some())
        .map(|r| words(comparison, passage, r))
        .collect();
    PassageDto {
        index: passage.index,
        kind: kind_name(passage.kind),
        status: passage.status.name(),
        similarity: rounded(passage.similarity),
        spans,
        words,
    }
}

fn words<'a>(comparison: &'a Comparison, passage: &Passage, reading: &'a Reading) -> WordsDto<'a> {
    let base = &comparison.base_version().text;
    let other = &comparison.version(reading.version).text;
    let mut ops: Vec<OpDto<'a>> = reading
        .ops
        .iter()
        .map(|op| match op {
            WordOp::Equal { base: r, .. } => OpDto {
                op: "equal",
                text: &base[r.clone()],
            },
            WordOp::Delete { base: r, .. } => OpDto {
                op: "delete",
                text: &base[r.clone()],
            },
            WordOp::Insert { other: r, .. } => OpDto {
                op: "insert",
                text: &other[r.clone()],
            },
        })
        .collect();
    if ops.is_empty() && passage.span(comparison.base).is_none() {
        // The model has no word diff against an absent base; against nothing, the whole text
        // is inserted, which keeps "equal + insert = the version's text" true for every passage.
        if let Some(span) = passage.span(reading.version) {
            ops.push(OpDto {
                op: "insert",
                text: &other[span.range.clone()],
            });
        }
    }
    WordsDto {
        version: reading.version.0,
        status: reading.status.name(),
        similarity: rounded(reading.similarity),
        ops,
    }
}

fn kind_name(kind: PassageKind) -> &'static str {
    match kind {
        PassageKind::Text => "text",
        PassageKind::Heading => "heading",
        PassageKind::Boilerplate => "boilerplate",
    }
}

/// Three decimals; through f64 so that 0.83 prints as 0.83, not 0.8299999833106995.
fn rounded(similarity: f32) -> f64 {
    (f64::from(similarity) * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests;
