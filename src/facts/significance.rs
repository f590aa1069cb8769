//! How much each divergent passage matters, and the ranking of passages by it.
//!
//! A compared version's change to a passage is *typography* when the texts are equal once
//! quotes, dashes, case, spacing and punctuation are folded away; *substantive* when it
//! disagrees with the base on a fact of the passage (a value, a missing fact, a quotation's
//! wording) or the passage is added or removed; *rewording* otherwise (a pure move is
//! rewording too). The passage takes its highest version class. Ranking goes by class, then by
//! a score where facts weigh most (a drift or misquote 1, an omission ½), then dissimilarity,
//! added or removed text and moves (research/alignment.md §9.8 weights).

use super::judge::Judged;
use super::model::{ChangeClass, FactStatus, Reason, Significance, VersionClass};
use crate::model::{Comparison, Passage, PassageKind, PassageStatus, Placement, VersionId};
use crate::tokens::fold_typography;

/// A drifted fact or a changed quotation weighs a full point; a fact some version leaves out,
/// half: an omission in a rewrite is common, a contradiction is not.
const WEIGHT_FACT: f32 = 1.0;
const WEIGHT_MISSING_FACT: f32 = 0.5;
const WEIGHT_DISSIMILARITY: f32 = 0.6;
const WEIGHT_ADDED: f32 = 0.4;
const WEIGHT_MOVED: f32 = 0.2;

/// The significance of every divergent story passage (in passage order) and their ranking.
pub(super) fn assess(c: &Comparison, judged: &[Judged]) -> (Vec<Significance>, Vec<usize>) {
    // The facts that touch each passage: their own, and those with a reading in it.
    let mut touching: Vec<Vec<usize>> = vec![Vec::new(); c.passages.len()];
    for (i, j) in judged.iter().enumerate() {
        touching[j.fact.passage].push(i);
        for r in &j.fact.readings {
            if r.passage != j.fact.passage && touching[r.passage].last() != Some(&i) {
                touching[r.passage].push(i);
            }
        }
    }
    let significance: Vec<Significance> = c
        .passages
        .iter()
        .filter(|p| p.kind != PassageKind::Boilerplate && p.status.is_divergent())
        .map(|p| assess_passage(c, p, &touching[p.index], judged))
        .collect();
    let mut ranking: Vec<&Significance> = significance.iter().collect();
    ranking.sort_by(|a, b| {
        b.class
            .cmp(&a.class)
            .then(b.score.total_cmp(&a.score))
            .then(a.passage.cmp(&b.passage))
    });
    let ranking = ranking.into_iter().map(|s| s.passage).collect();
    (significance, ranking)
}

fn assess_passage(
    c: &Comparison,
    passage: &Passage,
    touching: &[usize],
    judged: &[Judged],
) -> Significance {
    let facts: Vec<&Judged> = touching.iter().map(|&i| &judged[i]).collect();
    let mut reasons = Vec::new();
    for (status, reason) in [
        (FactStatus::Drift, Reason::FactDrift),
        (FactStatus::Missing, Reason::FactMissing),
        (FactStatus::Misquote, Reason::QuoteChanged),
    ] {
        if facts.iter().any(|j| j.fact.status == status) {
            reasons.push(reason);
        }
    }
    let base_carries = passage.span(c.base).is_some();
    let all_carry = passage.spans.len() == c.versions.len();
    if !base_carries {
        reasons.push(Reason::TextAdded);
    } else if !all_carry {
        reasons.push(Reason::TextRemoved);
    }
    let moved = passage.status == PassageStatus::Moved
        || passage
            .readings
            .iter()
            .any(|r| matches!(r.placement, Placement::MovedAfter { .. }));
    if moved {
        reasons.push(Reason::Moved);
    }
    let versions: Vec<VersionClass> = passage
        .readings
        .iter()
        .filter(|r| r.status != PassageStatus::Same && r.status != PassageStatus::Boilerplate)
        .map(|r| VersionClass {
            version: r.version,
            class: version_class(c, passage, r.version, r.status, &facts),
        })
        .collect();
    let class = if all_carry {
        let unchanged = if moved {
            ChangeClass::Rewording
        } else {
            ChangeClass::Typography
        };
        versions.iter().map(|v| v.class).max().unwrap_or(unchanged)
    } else {
        ChangeClass::Substantive
    };
    let fact_issues = facts
        .iter()
        .filter(|j| j.fact.status.is_divergent())
        .count();
    let dissimilarity = (1.0 - passage.similarity).clamp(0.0, 1.0);
    let fact_weight: f32 = facts
        .iter()
        .map(|j| match j.fact.status {
            FactStatus::Agree => 0.0,
            FactStatus::Missing => WEIGHT_MISSING_FACT,
            FactStatus::Drift | FactStatus::Misquote => WEIGHT_FACT,
        })
        .sum();
    let score = fact_weight
        + WEIGHT_DISSIMILARITY * dissimilarity
        + if all_carry { 0.0 } else { WEIGHT_ADDED }
        + if moved { WEIGHT_MOVED } else { 0.0 };
    if class != ChangeClass::Substantive {
        reasons.retain(|r| *r == Reason::Moved);
    }
    Significance {
        passage: passage.index,
        class,
        reasons,
        fact_issues,
        dissimilarity,
        score,
        versions,
    }
}

/// The class of one compared version's change to a passage.
fn version_class(
    c: &Comparison,
    passage: &Passage,
    v: VersionId,
    status: PassageStatus,
    facts: &[&Judged],
) -> ChangeClass {
    if matches!(status, PassageStatus::Added | PassageStatus::Removed) {
        return ChangeClass::Substantive;
    }
    // A fact on which this version and the base stand apart (both in scope).
    let base = c.base.0;
    let disagrees = facts
        .iter()
        .any(|j| match (j.clusters[base], j.clusters[v.0]) {
            (Some(b), Some(o)) => b != o,
            _ => false,
        });
    if disagrees {
        return ChangeClass::Substantive;
    }
    let (Some(base_text), Some(other_text)) =
        (c.passage_text(passage, c.base), c.passage_text(passage, v))
    else {
        return ChangeClass::Substantive;
    };
    if folded(base_text).eq(folded(other_text)) {
        if status == PassageStatus::Moved {
            ChangeClass::Rewording
        } else {
            ChangeClass::Typography
        }
    } else {
        ChangeClass::Rewording
    }
}

/// The letters and digits of a text, lower case, with typographic variants folded: what is left
/// when quotes, dashes, case, spacing and punctuation are set aside.
fn folded(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .map(fold_typography)
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}
