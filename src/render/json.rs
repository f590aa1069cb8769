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
//!       "notes": ["repaired 14 mojibake sequences"],  // what loading noticed or changed
//!       "offsets": "file",             // what spans index: "file" | "decoded_text" | "extracted_text"
//!       "outlier_score": 23,           // how far it strays from the consensus: the sum of
//!       "outlier_counts": {            //   these counts
//!         "drifted": 2,                // facts where it gives another value than most versions
//!         "misquoted": 0,              // quotations it words differently
//!         "missing": 5,                // facts most versions state and it leaves out
//!         "extra": 2,                  // facts it states and most versions do not
//!         "added": 8,                  // story passages it carries and most versions do not
//!         "removed": 6 } }             // story passages most versions carry and it does not
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
//!           "confidence": 0.91,        // how well the aligner's evidence supports pairing this
//!                                      //   version's text with the base's, 0..1: 1 for identical
//!                                      //   or absent text; below 0.5 the pairing is "weak"
//!           "class": "substantive",    // how much its change matters (below), null if unchanged
//!           "ops": [ { "op": "equal", "text": "The army said " },
//!                    { "op": "delete", "text": "26 " },
//!                    { "op": "insert", "text": "28 " } ] } ],
//!                                      // "equal" text is the base's; where the compared version
//!                                      //   writes it differently (spacing, or what an ignore
//!                                      //   option set aside) the op adds "other": its text there.
//!                                      //   equal + delete rebuild the base's passage, equal
//!                                      //   ("other" where given) + insert the version's
//!       "significance": {              // how much the change matters; null unless the passage
//!         "class": "substantive",      //   is divergent story text: "typography" | "rewording"
//!                                      //   | "substantive", the highest class of its readings
//!         "reasons": ["fact_drift"],   // why it is substantive (or "moved"): "fact_drift",
//!                                      //   "fact_missing", "quote_changed", "text_added",
//!                                      //   "text_removed", "moved"
//!         "fact_issues": 1,            // facts touching the passage that do not agree
//!         "dissimilarity": 0.17,       // 1 - similarity
//!         "score": 1.102 } }           // the ranking score (see "ranking")
//!   ],
//!   "facts": [                         // every fact, by passage, then by position
//!     { "kind": "number",              // "number" | "money" | "date" | "duration" | "name" | "quote"
//!                                      //   | "role" (who does what; listed only when it drifts)
//!       "passage": 0,                  // index of the passage it belongs to
//!       "status": "drift",             // "agree" | "drift" | "missing" | "misquote"
//!       "consensus": "26",             // the value most versions give; null when most do not
//!                                      //   state the fact (ties go to the base)
//!       "spelling_change": false,      // a name drift by a letter or two ("Donahue"/"Donohue")
//!       "readings": [                  // one per version that states the fact, in version order
//!         { "version": 1,
//!           "text": "28",              // as written in that version
//!           "value": "28",             // normalised, as compared ("twenty-eight" → "28")
//!           "start": 14, "end": 16,    // byte offsets, like the passages' spans
//!           "passage": 0,              // where the reading stands (another passage when the
//!                                      //   aligner put its sentence elsewhere)
//!           "speaker": null,           // for a quote: who the sentence says spoke it, or null
//!           "rescued": false } ],      // matched by value across passages the alignment left
//!                                      //   unpaired on both sides (then "passage" differs)
//!       "missing_from": [],            // versions that carry the passage but do not state it
//!       "outliers": [1],               // versions that deviate from the consensus
//!       "misquotes": [                 // for a misquote: each deviating wording's word diff
//!         { "version": 1, "against": 0,    // against the consensus reading (in version "against")
//!           "ops": [ { "op": "equal", "text": "“difficult but " },
//!                    { "op": "delete", "text": "necessary" },
//!                    { "op": "insert", "text": "essential" }, … ] } ] }
//!   ],
//!   "ranking": [12, 3, 40],            // divergent story passages, the one that matters most
//!                                      //   first: substantive, rewording, typography, then score
//!   "pairs": [                         // only with three or more versions: each compared
//!     { "compared": 1,                 //   version against the base, aligned as the two alone
//!       "passages": [ … ],             //   (`storydiff BASE VERSION`), same fields as above,
//!       "ranking": [ … ] } ]           //   versions numbered as loaded (see below)
//! }
//! ```
//!
//! - `start` and `end` are byte offsets `[start, end)` into that version's text **exactly as
//!   read**: the file's bytes when it is UTF-8 (a byte-order mark counts), even where storydiff
//!   repaired mojibake or replaced invalid bytes with U+FFFD (`"offsets": "file"`). For UTF-16
//!   and legacy encodings they index the decoded text (`"decoded_text"`); for a web page, the
//!   article text storydiff extracted from it, one block per paragraph separated by blank lines
//!   (`"extracted_text"`), not the markup: the page's `notes` say so. A version that lacks a passage has no span in it. The same holds for the
//!   `start` and `end` of fact readings; a reading's `text` is the repaired text, so it equals
//!   the bytes it points to unless the version was repaired (see `notes`).
//! - A moved passage is one passage holding the spans of both places, listed where it stands in
//!   the base; its `status` (and the moved version's `words` status) is `"moved"`.
//! - `ops` are the word diff of the base's passage text against that version's. Op texts are the
//!   compared (repaired) text, whitespace included: the `equal` and `delete` texts concatenated
//!   give the base's passage text, the `equal` and `insert` texts the other version's modulo
//!   whitespace (an `equal` op carries the base's wording and spacing; under the ignore options
//!   that may also differ in case, quotes or punctuation). A passage the base lacks (added) has one `insert` op holding the whole text.
//!   A misquote's `ops` work the same way, with the consensus reading as the base.
//! - Facts (issue 4): numbers, money, dates and years, durations, names and quotations are
//!   extracted from every version and paired up through the passage alignment. A fact *agrees*
//!   when every version that carries its passage gives the same value; it has *drifted* when
//!   values differ; it is *missing* when some versions carrying the passage leave it out (or
//!   only one version states it at all) and those that state it agree; a quotation worded
//!   differently is a *misquote*. Values are compared after normalisation ("28-point" =
//!   "28 point", "$105m" = "$105 million", "Gen." = "General").
//! - A passage's significance ranks what a reader should look at: a drifted fact or a changed
//!   quotation weighs 1, a missing fact ½, plus 0.6 × dissimilarity, 0.4 for added or removed
//!   text and 0.2 for a move.
//! - Similarities, confidences, dissimilarities and scores are rounded to three decimals.
//! - Control characters in texts are JSON-escaped (`\u001b`), and so are DEL, C1 controls
//!   (`\u009b`), bidi embeddings, overrides and isolates, direction marks (`\u200e`), zero-width
//!   characters and a byte-order mark inside text (`\ufeff`), so printing the JSON to a
//!   terminal is safe and nothing in it is invisible. (The zero-width joiner of emoji sequences
//!   stays raw.)
//! - `passages` is the table all versions share: a passage is the smallest group of base
//!   sentences that every version's pairing respects, so with three or more versions a pair's
//!   passage there can be coarser than when the two are compared alone. `pairs` gives each
//!   compared version's own alignment with the base, exactly what `storydiff BASE VERSION
//!   --format json` prints as its `passages` and `ranking` (its `index` and `ranking` count
//!   within the pair); with two versions `passages` is that already, and `pairs` is left out.
//! - Consumers should ignore fields they do not know.

use std::io::{self, Write};
use std::ops::Range;

use rayon::prelude::*;
use serde::Serialize;

use crate::Analysis;
use crate::facts::{FactReport, VersionScore};
use crate::model::{Comparison, Passage, PassageKind, Reading, Version, VersionId, WordOp};
use crate::present::pairs::pairs;

mod facts;
mod safe;

#[derive(Serialize)]
struct Document<'a> {
    versions: Vec<VersionDto<'a>>,
    base: usize,
    passages: Vec<PassageDto<'a>>,
    facts: Vec<facts::FactDto<'a>>,
    ranking: &'a [usize],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pairs: Vec<PairDto<'a>>,
}

/// One compared version against the base, as the two alone align.
#[derive(Serialize)]
struct PairDto<'a> {
    compared: usize,
    passages: Vec<PassageDto<'a>>,
    ranking: &'a [usize],
}

/// How a comparison numbers its versions against how they were loaded: a pair's own
/// comparison has versions 0 and 1, which the JSON names by their numbers among all.
#[derive(Clone, Copy)]
struct Numbering<'a>(Option<&'a [VersionId; 2]>);

impl Numbering<'_> {
    fn loaded(self, version: VersionId) -> usize {
        self.0.map_or(version.0, |ids| ids[version.0].0)
    }
}

#[derive(Serialize)]
struct VersionDto<'a> {
    index: usize,
    name: &'a str,
    path: Option<String>,
    bytes: usize,
    encoding: &'a str,
    notes: &'a [String],
    offsets: &'static str,
    outlier_score: usize,
    outlier_counts: facts::OutlierCountsDto,
}

#[derive(Serialize)]
struct PassageDto<'a> {
    index: usize,
    kind: &'static str,
    status: &'static str,
    similarity: f64,
    spans: Vec<SpanDto>,
    words: Vec<WordsDto<'a>>,
    significance: Option<facts::SignificanceDto>,
}

#[derive(Serialize)]
struct SpanDto {
    version: usize,
    start: usize,
    end: usize,
}

impl SpanDto {
    /// A byte range of a version's (repaired) text, as offsets into the text as read.
    fn of(
        comparison: &Comparison,
        numbering: Numbering<'_>,
        version: VersionId,
        range: &Range<usize>,
    ) -> Self {
        let v = comparison.version(version);
        Self {
            version: numbering.loaded(version),
            start: v.original_offset(range.start),
            end: v.original_offset(range.end),
        }
    }
}

#[derive(Serialize)]
struct WordsDto<'a> {
    version: usize,
    status: &'static str,
    similarity: f64,
    confidence: f64,
    class: Option<&'static str>,
    ops: Vec<OpDto<'a>>,
}

#[derive(Serialize)]
struct OpDto<'a> {
    op: &'static str,
    text: &'a str,
    /// An equal op's text in the compared version, when it is written differently there
    /// (spacing, or what an ignore option set aside).
    #[serde(skip_serializing_if = "Option::is_none")]
    other: Option<&'a str>,
}

/// Prints the comparison and its fact analysis as one JSON document; with three or more
/// versions, also each compared version's own comparison with the base.
pub fn print(out: &mut impl Write, analysis: &Analysis) -> io::Result<()> {
    let comparison = &analysis.comparison;
    let whole = Numbering(None);
    // The facts of all versions, each pair's own comparison and each pair's facts are
    // independent: found on all cores at once.
    let (report, pairs) = rayon::join(
        || analysis.facts(),
        || {
            if comparison.versions.len() <= 2 {
                return Vec::new();
            }
            let pairs = pairs(analysis);
            pairs.par_iter().for_each(|pair| {
                let _ = pair.analysis.facts();
            });
            pairs
        },
    );
    let ids: Vec<[VersionId; 2]> = pairs.iter().map(|p| analysis.pair_ids(p.loaded)).collect();
    let document = Document {
        versions: comparison
            .versions
            .iter()
            .map(|v| version(v, report))
            .collect(),
        base: comparison.base.0,
        passages: comparison
            .passages
            .iter()
            .map(|p| passage(comparison, whole, report, p))
            .collect(),
        facts: report
            .facts
            .iter()
            .map(|f| facts::fact(comparison, f))
            .collect(),
        ranking: &report.ranking,
        pairs: pairs
            .iter()
            .zip(&ids)
            .map(|(pair, ids)| {
                let (comparison, report) = (pair.comparison(), pair.analysis.facts());
                PairDto {
                    compared: pair.loaded.0,
                    passages: comparison
                        .passages
                        .iter()
                        .map(|p| passage(comparison, Numbering(Some(ids)), report, p))
                        .collect(),
                    ranking: &report.ranking,
                }
            })
            .collect(),
    };
    let mut serializer =
        serde_json::Serializer::with_formatter(&mut *out, safe::SafeFormatter::default());
    document.serialize(&mut serializer)?;
    writeln!(out)
}

fn version<'a>(version: &'a Version, report: &FactReport) -> VersionDto<'a> {
    let score = report
        .score(version.id)
        .copied()
        .unwrap_or_else(|| VersionScore::new(version.id));
    VersionDto {
        index: version.id.0,
        name: &version.name,
        path: version.path.as_ref().map(|p| p.display().to_string()),
        bytes: version.bytes,
        encoding: &version.encoding,
        notes: &version.notes,
        offsets: version.offsets.target.name(),
        outlier_score: score.total(),
        outlier_counts: facts::outlier_counts(&score),
    }
}

fn passage<'a>(
    comparison: &'a Comparison,
    numbering: Numbering<'_>,
    report: &FactReport,
    passage: &'a Passage,
) -> PassageDto<'a> {
    let spans = passage
        .spans
        .iter()
        .map(|span| SpanDto::of(comparison, numbering, span.version, &span.range))
        .collect();
    let significance = report.significance_of(passage.index);
    let words = passage
        .readings
        .iter()
        .filter(|r| passage.span(r.version).is_some())
        .map(|r| WordsDto {
            class: facts::class_of(significance, r.version),
            version: numbering.loaded(r.version),
            ..words(comparison, passage, r)
        })
        .collect();
    PassageDto {
        index: passage.index,
        kind: kind_name(passage.kind),
        status: passage.status.name(),
        similarity: rounded(passage.similarity),
        spans,
        words,
        significance: significance.map(facts::significance),
    }
}

fn words<'a>(comparison: &'a Comparison, passage: &Passage, reading: &'a Reading) -> WordsDto<'a> {
    let base = &comparison.base_version().text;
    let other = &comparison.version(reading.version).text;
    let mut ops: Vec<OpDto<'a>> = reading.ops.iter().map(|o| op(base, other, o)).collect();
    if ops.is_empty() && passage.span(comparison.base).is_none() {
        // The model has no word diff against an absent base; against nothing, the whole text
        // is inserted, which keeps "equal + insert = the version's text" true for every passage.
        if let Some(span) = passage.span(reading.version) {
            ops.push(OpDto {
                op: "insert",
                text: &other[span.range.clone()],
                other: None,
            });
        }
    }
    WordsDto {
        version: reading.version.0,
        status: reading.status.name(),
        similarity: rounded(reading.similarity),
        confidence: rounded(reading.confidence),
        class: None,
        ops,
    }
}

/// One word op, its text taken from the base's text or the other version's.
fn op<'a>(base: &'a str, other: &'a str, op: &WordOp) -> OpDto<'a> {
    match op {
        WordOp::Equal { base: r, other: o } => OpDto {
            op: "equal",
            text: &base[r.clone()],
            other: (base[r.clone()] != other[o.clone()]).then(|| &other[o.clone()]),
        },
        WordOp::Delete { base: r, .. } => OpDto {
            op: "delete",
            text: &base[r.clone()],
            other: None,
        },
        WordOp::Insert { other: r, .. } => OpDto {
            op: "insert",
            text: &other[r.clone()],
            other: None,
        },
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
