//! Judging each group of facts: its readings, status, consensus and outliers; then each
//! version's outlier score.
//!
//! Readings that are the same fact ("26" / "twenty-six", "Gen. Chris Donahue" / "Chris
//! Donahue") form one cluster; versions in scope that do not state the fact form the "absent"
//! cluster. The largest cluster is the consensus (ties go to the cluster holding the base, then
//! to a stated value), and every version outside it is an outlier.

use std::borrow::Cow;
use std::collections::HashSet;

use super::extract::{Detail, Extracted, Extraction};
use super::model::{Fact, FactKind, FactReading, FactStatus, Misquote, VersionScore};
use super::pair::{Group, Member};
use super::relate::{Relation, relate};
use crate::diff::diff_words;
use crate::model::{Comparison, PassageKind, VersionId};
use crate::options::IgnoreOptions;

/// Cluster of a version on one fact: `None` out of scope, `Some(0)` absent, `Some(k)` value `k`.
pub(super) type Clusters = Vec<Option<usize>>;

/// A fact with the clusters it was judged from (what significance needs beyond [`Fact`]).
#[derive(Debug, Clone)]
pub(super) struct Judged {
    pub fact: Fact,
    pub clusters: Clusters,
}

const ABSENT: usize = 0;

/// The capitalised words of each version, wherever they stand (sentence starts and headings
/// too): a version that names someone anywhere does not leave them out, whatever passage the
/// aligner put the mention in.
struct Mentions<'a>(Vec<HashSet<Cow<'a, str>>>);

impl<'a> Mentions<'a> {
    fn new(c: &'a Comparison) -> Self {
        let words = |text: &'a str| -> HashSet<Cow<'a, str>> {
            let mut set: HashSet<Cow<'a, str>> = text
                .split(|ch: char| !ch.is_alphanumeric() && ch != '-')
                .flat_map(|w| std::iter::once(w).chain(w.split('-')))
                .filter(|w| w.starts_with(char::is_uppercase))
                .map(Cow::Borrowed)
                .collect();
            // Dotted acronyms name what their plain form does: "U.S." = "US".
            for w in text.split(|ch: char| !ch.is_alphanumeric() && ch != '.') {
                if w.contains('.') && w.starts_with(char::is_uppercase) {
                    set.insert(Cow::Owned(w.replace('.', "")));
                }
            }
            set
        };
        Self(c.versions.iter().map(|v| words(&v.text)).collect())
    }

    /// Whether version `v` names the person or body of `name` somewhere: a person by surname,
    /// a body by its first or last word ("CBS" for "CBS News").
    fn names(&self, v: VersionId, name: &Extracted) -> bool {
        let Detail::Name(parts) = &name.detail else {
            return false;
        };
        let has = |w: &String| self.0[v.0].contains(&Cow::Borrowed(w.as_str()));
        match (parts.is_person(), parts.words.first(), parts.words.last()) {
            (true, _, Some(surname)) => has(surname),
            (false, Some(first), Some(last)) => has(first) || has(last),
            _ => false,
        }
    }
}

/// Judges every group.
pub(super) fn judge(c: &Comparison, extractions: &[Extraction], groups: &[Group]) -> Vec<Judged> {
    let mentions = Mentions::new(c);
    let mut judged: Vec<(usize, VersionId, usize, Judged)> = groups
        .iter()
        .map(|g| {
            let anchor = g.members[0];
            let start = extractions[anchor.version.0].facts[anchor.fact].range.start;
            (
                g.passage,
                anchor.version,
                start,
                judge_group(c, extractions, &mentions, g),
            )
        })
        .collect();
    judged.sort_by_key(|(p, v, s, _)| (*p, *v, *s));
    judged.into_iter().map(|(.., j)| j).collect()
}

fn judge_group(
    c: &Comparison,
    extractions: &[Extraction],
    mentions: &Mentions<'_>,
    group: &Group,
) -> Judged {
    let fact = |m: &Member| -> &Extracted { &extractions[m.version.0].facts[m.fact] };
    let mut members = group.members.clone();
    members.sort_by_key(|m| m.version);
    let kind = fact(&members[0]).kind;
    // Value clusters, numbered from 1 in version order.
    let mut reps: Vec<Member> = Vec::new();
    let mut clusters: Clusters = vec![None; c.versions.len()];
    for m in &members {
        let k = reps
            .iter()
            .position(|r| relate(fact(r), fact(m)) == Relation::Same)
            .unwrap_or_else(|| {
                reps.push(*m);
                reps.len() - 1
            });
        clusters[m.version.0] = Some(k + 1);
    }
    let spans = &c.passages[group.passage].spans;
    let mut carries = vec![false; c.versions.len()];
    for s in spans {
        carries[s.version.0] = true;
    }
    let solo = members.len() == 1 && spans.len() == 1;
    // A role is compared where corresponding sentences both state one; a sentence without
    // it says nothing about it.
    let missing_from: Vec<VersionId> = c
        .versions
        .iter()
        .map(|v| v.id)
        .filter(|_| kind != FactKind::Role)
        .filter(|v| clusters[v.0].is_none() && (solo || carries[v.0]))
        .filter(|v| kind != FactKind::Name || !mentions.names(*v, fact(&members[0])))
        .collect();
    for v in &missing_from {
        clusters[v.0] = Some(ABSENT);
    }
    // A fact only one version states, in a passage only it carries, is that version's extra:
    // the others lack the passage and cannot be said to leave it out.
    let chosen = if solo && !missing_from.is_empty() {
        ABSENT
    } else {
        consensus_cluster(&clusters, c.base)
    };
    let outliers: Vec<VersionId> = (0..clusters.len())
        .filter(|&v| clusters[v].is_some_and(|k| k != chosen))
        .map(VersionId)
        .collect();
    // The reference reading: the consensus value, or the most common value when most are silent.
    let reference = if chosen == ABSENT {
        largest_value(&clusters)
    } else {
        chosen
    };
    let clusters_ref = &clusters;
    let in_cluster = |k: usize| {
        members
            .iter()
            .filter(move |m| clusters_ref[m.version.0] == Some(k))
    };
    let consensus = (chosen != ABSENT)
        .then(|| consensus_value(in_cluster(chosen).map(|m| fact(m).value.as_str())));
    let status = match (reps.len() > 1, kind, missing_from.is_empty()) {
        (true, FactKind::Quote, _) => FactStatus::Misquote,
        (true, _, _) => FactStatus::Drift,
        (false, _, false) => FactStatus::Missing,
        (false, _, true) => FactStatus::Agree,
    };
    let reference_rep = reps[reference - 1];
    let spelling_change = kind == FactKind::Name
        && status == FactStatus::Drift
        && reps.iter().enumerate().all(|(k, r)| {
            k + 1 == reference || relate(fact(&reference_rep), fact(r)) == Relation::Spelling
        });
    let misquotes = if status == FactStatus::Misquote {
        members
            .iter()
            .filter(|m| clusters[m.version.0] != Some(reference))
            .map(|m| {
                misquote(
                    c,
                    fact(&reference_rep),
                    reference_rep.version,
                    fact(m),
                    m.version,
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    let readings = members.iter().map(|m| reading(c, fact(m), m)).collect();
    let fact = Fact {
        kind,
        passage: group.passage,
        status,
        consensus,
        readings,
        missing_from,
        outliers,
        spelling_change,
        misquotes,
    };
    Judged { fact, clusters }
}

/// The consensus cluster: most versions, then the base's, then a stated value, then the
/// earliest version's.
fn consensus_cluster(clusters: &Clusters, base: VersionId) -> usize {
    // Size, holds the base, is a stated value, earliest version; counted in one pass.
    type Rank = (usize, bool, bool, std::cmp::Reverse<usize>);
    let max = clusters.iter().filter_map(|k| *k).max().unwrap_or(0);
    let mut size = vec![0_usize; max + 1];
    let mut first = vec![usize::MAX; max + 1];
    for (v, k) in clusters.iter().enumerate() {
        if let Some(k) = *k {
            size[k] += 1;
            first[k] = first[k].min(v);
        }
    }
    let mut best: Option<(Rank, usize)> = None;
    for k in (0..=max).filter(|&k| size[k] > 0) {
        let rank = (
            size[k],
            clusters[base.0] == Some(k),
            k != ABSENT,
            std::cmp::Reverse(first[k]),
        );
        if best.is_none_or(|(r, _)| rank > r) {
            best = Some((rank, k));
        }
    }
    best.map_or(ABSENT, |(_, k)| k)
}

/// The value cluster with the most versions (the earliest on ties).
fn largest_value(clusters: &Clusters) -> usize {
    let max = clusters.iter().filter_map(|k| *k).max().unwrap_or(0);
    let mut size = vec![0_usize; max + 1];
    for k in clusters.iter().filter_map(|k| *k) {
        size[k] += 1;
    }
    (1..=max)
        .max_by_key(|&k| (size[k], std::cmp::Reverse(k)))
        .unwrap_or(1)
}

/// The value written most often in a cluster; ties go to the longest ("General Chris Donahue"
/// over "Donahue").
fn consensus_value<'a>(values: impl Iterator<Item = &'a str>) -> String {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for v in values {
        *counts.entry(v).or_insert(0) += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(v, n)| (*n, v.len(), std::cmp::Reverse(*v)))
        .map(|(v, _)| v.to_string())
        .unwrap_or_default()
}

fn reading(c: &Comparison, fact: &Extracted, member: &Member) -> FactReading {
    let text = &c.version(member.version).text;
    let speaker = match &fact.detail {
        Detail::Quote { speaker, .. } => speaker.clone(),
        _ => None,
    };
    FactReading {
        version: member.version,
        text: text[fact.range.clone()].to_string(),
        value: fact.value.clone(),
        span: fact.range.clone(),
        passage: member.passage,
        speaker,
        rescued: member.rescued,
    }
}

/// A quotation's word diff against the consensus wording; only words count, not marks or case.
fn misquote(
    c: &Comparison,
    against: &Extracted,
    against_version: VersionId,
    other: &Extracted,
    version: VersionId,
) -> Misquote {
    let inner = |f: &Extracted| match &f.detail {
        Detail::Quote { inner, .. } => inner.clone(),
        _ => f.range.clone(),
    };
    let ignore = IgnoreOptions {
        case: true,
        punctuation: true,
        quotes: true,
    };
    let diff = diff_words(
        &c.version(against_version).text,
        inner(against),
        &c.version(version).text,
        inner(other),
        ignore,
    );
    Misquote {
        version,
        against: against_version,
        ops: diff.ops,
    }
}

/// Each version's outlier score against the consensus.
pub(super) fn scores(c: &Comparison, judged: &[Judged]) -> Vec<VersionScore> {
    let mut scores: Vec<VersionScore> =
        c.versions.iter().map(|v| VersionScore::new(v.id)).collect();
    for j in judged {
        for &v in &j.fact.outliers {
            let s = &mut scores[v.0];
            let states = j.clusters[v.0].is_some_and(|k| k != ABSENT);
            match (states, j.fact.consensus.is_some(), j.fact.kind) {
                (true, false, _) => s.extra += 1,
                (true, true, FactKind::Quote) => s.misquoted += 1,
                (true, true, _) => s.drifted += 1,
                (false, _, _) => s.missing += 1,
            }
        }
    }
    let n = c.versions.len();
    for passage in c
        .passages
        .iter()
        .filter(|p| p.kind != PassageKind::Boilerplate)
    {
        let carries = |v: VersionId| passage.span(v).is_some();
        let k = c.versions.iter().filter(|v| carries(v.id)).count();
        // Most versions carry it (ties go to the base): those without it removed it.
        let kept = 2 * k > n || (2 * k == n && carries(c.base));
        for v in &c.versions {
            match (kept, carries(v.id)) {
                (true, false) => scores[v.id.0].removed += 1,
                (false, true) => scores[v.id.0].added += 1,
                _ => {}
            }
        }
    }
    scores
}
