//! The fact parts of the JSON contract (issue 4): the top-level `facts` and `ranking`, each
//! version's `outlier_score`, each passage's `significance`. The format is specified in the
//! parent module's rustdoc.

use serde::Serialize;

use super::{OpDto, SpanDto, op, rounded};
use crate::facts::{ChangeClass, Fact, FactReading, Misquote, Reason, Significance, VersionScore};
use crate::model::{Comparison, VersionId};

#[derive(Serialize)]
pub(super) struct FactDto<'a> {
    kind: &'static str,
    passage: usize,
    status: &'static str,
    consensus: Option<&'a str>,
    spelling_change: bool,
    readings: Vec<ReadingDto<'a>>,
    missing_from: Vec<usize>,
    outliers: Vec<usize>,
    misquotes: Vec<MisquoteDto<'a>>,
}

#[derive(Serialize)]
struct ReadingDto<'a> {
    version: usize,
    text: &'a str,
    value: &'a str,
    start: usize,
    end: usize,
    passage: usize,
    speaker: Option<&'a str>,
    rescued: bool,
}

#[derive(Serialize)]
struct MisquoteDto<'a> {
    version: usize,
    against: usize,
    ops: Vec<OpDto<'a>>,
}

#[derive(Serialize)]
pub(super) struct OutlierCountsDto {
    drifted: usize,
    misquoted: usize,
    missing: usize,
    extra: usize,
    added: usize,
    removed: usize,
}

#[derive(Serialize)]
pub(super) struct SignificanceDto {
    class: &'static str,
    reasons: Vec<&'static str>,
    fact_issues: usize,
    dissimilarity: f64,
    score: f64,
}

pub(super) fn fact<'a>(comparison: &'a Comparison, fact: &'a Fact) -> FactDto<'a> {
    FactDto {
        kind: fact.kind.name(),
        passage: fact.passage,
        status: fact.status.name(),
        consensus: fact.consensus.as_deref(),
        spelling_change: fact.spelling_change,
        readings: fact
            .readings
            .iter()
            .map(|r| reading(comparison, r))
            .collect(),
        missing_from: indices(&fact.missing_from),
        outliers: indices(&fact.outliers),
        misquotes: fact
            .misquotes
            .iter()
            .map(|m| misquote(comparison, m))
            .collect(),
    }
}

fn reading<'a>(comparison: &Comparison, reading: &'a FactReading) -> ReadingDto<'a> {
    let span = SpanDto::of(
        comparison,
        super::Numbering(None),
        reading.version,
        &reading.span,
    );
    ReadingDto {
        version: reading.version.0,
        text: &reading.text,
        value: &reading.value,
        start: span.start,
        end: span.end,
        passage: reading.passage,
        speaker: reading.speaker.as_deref(),
        rescued: reading.rescued,
    }
}

fn misquote<'a>(comparison: &'a Comparison, misquote: &Misquote) -> MisquoteDto<'a> {
    let against = &comparison.version(misquote.against).text;
    let own = &comparison.version(misquote.version).text;
    MisquoteDto {
        version: misquote.version.0,
        against: misquote.against.0,
        ops: misquote.ops.iter().map(|o| op(against, own, o)).collect(),
    }
}

fn indices(versions: &[VersionId]) -> Vec<usize> {
    versions.iter().map(|v| v.0).collect()
}

pub(super) fn outlier_counts(score: &VersionScore) -> OutlierCountsDto {
    OutlierCountsDto {
        drifted: score.drifted,
        misquoted: score.misquoted,
        missing: score.missing,
        extra: score.extra,
        added: score.added,
        removed: score.removed,
    }
}

pub(super) fn significance(significance: &Significance) -> SignificanceDto {
    SignificanceDto {
        class: significance.class.name(),
        reasons: significance
            .reasons
            .iter()
            .map(|r| reason_name(*r))
            .collect(),
        fact_issues: significance.fact_issues,
        dissimilarity: rounded(significance.dissimilarity),
        score: rounded(significance.score),
    }
}

/// A version's class within a passage's significance, if its reading changed.
pub(super) fn class_of(
    significance: Option<&Significance>,
    version: VersionId,
) -> Option<&'static str> {
    significance?
        .versions
        .iter()
        .find(|v| v.version == version)
        .map(|v| ChangeClass::name(v.class))
}

fn reason_name(reason: Reason) -> &'static str {
    match reason {
        Reason::FactDrift => "fact_drift",
        Reason::FactMissing => "fact_missing",
        Reason::QuoteChanged => "quote_changed",
        Reason::TextAdded => "text_added",
        Reason::TextRemoved => "text_removed",
        Reason::Moved => "moved",
    }
}
