//! Pairing facts across versions inside each aligned passage.
//!
//! Every fact is first placed in the passage whose span holds it. Then, passage by passage,
//! each version's facts are matched to the groups formed so far (the base's facts first): same
//! kind, a related value, a nearby position. Positions are compared through the passage's word
//! diff when the base is involved (a base offset is carried over the diff into the other
//! version), else as relative positions within the passage. Unmatched facts start groups of
//! their own.
//!
//! A fact is scored against a few representatives of a group (its first member and the first
//! member of each other value, at most [`MAX_REPS`]), not against every member, so pairing
//! costs the same per version whether there are 5 versions or 500.

use std::ops::Range;

use super::extract::{Detail, Extracted, Extraction};
use super::model::FactKind;
use super::relate::{Relation, neighbours, relate};
use crate::model::{Comparison, PassageKind, Reading, VersionId, WordOp};

/// One version's fact in a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Member {
    pub version: VersionId,
    /// Index into that version's [`Extraction::facts`].
    pub fact: usize,
    /// The passage the fact stands in.
    pub passage: usize,
    /// Joined to the group by the rescue, from a passage the alignment left unpaired.
    pub rescued: bool,
}

/// Most representatives a group keeps for scoring.
const MAX_REPS: usize = 4;

/// Facts of several versions taken to be one fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Group {
    /// The passage the group was formed in.
    pub passage: usize,
    /// At most one member per version; the first is the anchor the others were matched to.
    pub members: Vec<Member>,
    /// Members new facts are scored against: the anchor, then the first of each other value.
    pub reps: Vec<Member>,
}

impl Group {
    pub fn has(&self, version: VersionId) -> bool {
        self.members.iter().any(|m| m.version == version)
    }
}

/// For every version, the passage each of its facts stands in (`None`: outside every story
/// passage, e.g. in boilerplate).
pub(super) fn locate(c: &Comparison, extractions: &[Extraction]) -> Vec<Vec<Option<usize>>> {
    c.versions
        .iter()
        .zip(extractions)
        .map(|(version, ex)| {
            let mut spans: Vec<(Range<usize>, usize)> = c
                .passages
                .iter()
                .filter(|p| p.kind != PassageKind::Boilerplate)
                .filter_map(|p| p.span(version.id).map(|s| (s.range.clone(), p.index)))
                .collect();
            spans.sort_by_key(|(r, _)| (r.start, r.end));
            ex.facts
                .iter()
                .map(|f| {
                    let i = spans.partition_point(|(r, _)| r.start <= f.range.start);
                    (0..i)
                        .rev()
                        .take(4)
                        .find(|&k| spans[k].0.contains(&f.range.start))
                        .map(|k| spans[k].1)
                })
                .collect()
        })
        .collect()
}

/// Pairs the facts of every story passage into groups.
pub(super) fn pair(
    c: &Comparison,
    extractions: &[Extraction],
    located: &[Vec<Option<usize>>],
) -> Vec<Group> {
    // Facts of each passage per version, gathered in one sweep.
    let mut by_passage: Vec<Vec<Vec<usize>>> =
        vec![vec![Vec::new(); c.versions.len()]; c.passages.len()];
    for (v, places) in located.iter().enumerate() {
        for (fact, place) in places.iter().enumerate() {
            if let Some(p) = place {
                by_passage[*p][v].push(fact);
            }
        }
    }
    let mut groups = Vec::new();
    for passage in &c.passages {
        let facts = &by_passage[passage.index];
        let mut order: Vec<VersionId> = passage.spans.iter().map(|s| s.version).collect();
        order.sort_by_key(|v| (*v != c.base, *v));
        let mut local: Vec<Group> = Vec::new();
        for v in order {
            let ctx = PassageCtx {
                c,
                extractions,
                passage: passage.index,
            };
            match_version(&ctx, &mut local, v, &facts[v.0]);
        }
        groups.extend(local);
    }
    groups
}

/// What pairing inside one passage needs to see.
struct PassageCtx<'a> {
    c: &'a Comparison,
    extractions: &'a [Extraction],
    passage: usize,
}

impl PassageCtx<'_> {
    fn span(&self, v: VersionId) -> Range<usize> {
        self.c.passages[self.passage]
            .span(v)
            .map_or(0..0, |s| s.range.clone())
    }

    fn reading(&self, v: VersionId) -> Option<&Reading> {
        self.c.passages[self.passage].reading(v)
    }

    /// Relative position of a byte offset in a version's span of the passage, 0..=1.
    fn relative(&self, v: VersionId, offset: usize) -> f32 {
        let span = self.span(v);
        let len = span.len().max(1) as f32;
        (offset.saturating_sub(span.start) as f32 / len).clamp(0.0, 1.0)
    }
}

/// Matches version `v`'s facts of the passage to the groups, greedily by score.
fn match_version(ctx: &PassageCtx<'_>, groups: &mut Vec<Group>, v: VersionId, facts: &[usize]) {
    let member = |fact: usize| Member {
        version: v,
        fact,
        passage: ctx.passage,
        rescued: false,
    };
    let mut candidates: Vec<(f32, usize, usize)> = Vec::new();
    for (g, group) in groups.iter().enumerate() {
        if group.has(v) {
            continue;
        }
        for (k, &f) in facts.iter().enumerate() {
            // The best match among the group's representatives: a quotation may echo any.
            let best = group
                .reps
                .iter()
                .filter_map(|m| score(ctx, *m, member(f)))
                .max_by(f32::total_cmp);
            if let Some(score) = best {
                candidates.push((score, g, k));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut group_taken = vec![false; groups.len()];
    let mut fact_taken = vec![false; facts.len()];
    for (_, g, k) in candidates {
        if group_taken[g] || fact_taken[k] {
            continue;
        }
        group_taken[g] = true;
        fact_taken[k] = true;
        let m = member(facts[k]);
        let value = |m: &Member| &ctx.extractions[m.version.0].facts[m.fact].value;
        let group = &mut groups[g];
        if group.reps.len() < MAX_REPS && group.reps.iter().all(|r| value(r) != value(&m)) {
            group.reps.push(m);
        }
        group.members.push(m);
    }
    for (k, &f) in facts.iter().enumerate() {
        if !fact_taken[k] {
            groups.push(Group {
                passage: ctx.passage,
                members: vec![member(f)],
                reps: vec![member(f)],
            });
        }
    }
}

/// How well a fact pairs with a member of a group; `None` when it must not pair.
fn score(ctx: &PassageCtx<'_>, anchor: Member, other: Member) -> Option<f32> {
    let a = &ctx.extractions[anchor.version.0].facts[anchor.fact];
    let b = &ctx.extractions[other.version.0].facts[other.fact];
    if a.kind != b.kind {
        return None;
    }
    let relation = relate(a, b);
    let (delta, replaced) = if anchor.version == ctx.c.base {
        let ops = ctx
            .reading(other.version)
            .map_or(&[][..], |r| r.ops.as_slice());
        let mapped = map_offset(ops, a.range.start).map_or_else(
            || ctx.relative(anchor.version, a.range.start),
            |o| ctx.relative(other.version, o),
        );
        let delta = (mapped - ctx.relative(other.version, b.range.start)).abs();
        (delta, replaced_in(ops, &a.range, &b.range))
    } else {
        let delta = (ctx.relative(anchor.version, a.range.start)
            - ctx.relative(other.version, b.range.start))
        .abs();
        (delta, false)
    };
    let closeness = 1.0 - (delta / 0.5).min(1.0);
    let text_a = &ctx.c.version(anchor.version).text;
    let text_b = &ctx.c.version(other.version).text;
    let context = || {
        let (na, nb) = (neighbours(text_a, &a.range), neighbours(text_b, &b.range));
        (na.0.is_some() && na.0 == nb.0) || (na.1.is_some() && na.1 == nb.1)
    };
    let base = match relation {
        Relation::Same => 3.0,
        // Corresponding sentences that share an action: the roles are one fact.
        Relation::Similar if a.kind == FactKind::Role => 2.0,
        Relation::Spelling => 2.5,
        Relation::Similar if delta <= 0.35 || replaced || context() => 2.0,
        Relation::Different if replaced && (a.kind.is_quantity() || both_people(a, b)) => 1.0,
        Relation::Different if a.kind.is_quantity() && delta <= 0.15 && context() => 1.0,
        _ => return None,
    };
    Some(base + closeness)
}

/// Whether two facts are both people's names.
fn both_people(a: &Extracted, b: &Extracted) -> bool {
    match (&a.detail, &b.detail) {
        (Detail::Name(x), Detail::Name(y)) => x.is_person() && y.is_person(),
        _ => false,
    }
}

/// Carries a base offset over the word diff into the compared version's text.
fn map_offset(ops: &[WordOp], offset: usize) -> Option<usize> {
    let mut cursor: Option<usize> = None;
    for (i, op) in ops.iter().enumerate() {
        match op {
            WordOp::Equal { base, other } => {
                if base.contains(&offset) {
                    return Some(other.start + (offset - base.start).min(other.len()));
                }
                cursor = Some(other.end);
            }
            WordOp::Delete { base, .. } if base.contains(&offset) => {
                // Into the insert that replaces this delete, proportionally; else where it was.
                if let Some(WordOp::Insert { other, .. }) = ops.get(i + 1) {
                    let share = (offset - base.start) as f32 / base.len().max(1) as f32;
                    return Some(other.start + (share * other.len() as f32) as usize);
                }
                return cursor;
            }
            WordOp::Insert { other, .. } => cursor = Some(other.end),
            WordOp::Delete { .. } => {}
        }
    }
    None
}

/// Most bytes (a handful of words) a replacement may span on either side for its facts to
/// count as swapped.
const SMALL_CHANGE: usize = 48;

/// Whether the diff replaces a short stretch holding `a` (base) by one holding `b` (other):
/// "Kallas" → "Borrell", "2020" → "2024".
fn replaced_in(ops: &[WordOp], a: &Range<usize>, b: &Range<usize>) -> bool {
    ops.windows(2).any(|w| match (&w[0], &w[1]) {
        (WordOp::Delete { base, .. }, WordOp::Insert { other, .. }) => {
            base.start <= a.start
                && a.end <= base.end
                && other.start <= b.start
                && b.end <= other.end
                && base.len() <= SMALL_CHANGE
                && other.len() <= SMALL_CHANGE
        }
        _ => false,
    })
}
