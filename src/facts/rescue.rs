//! Rescue: joining groups that the passage alignment kept apart, where it left both sides
//! unpaired.
//!
//! Facts are compared between sentences that correspond. Rewrites move and merge sentences,
//! though, so the aligner sometimes leaves a sentence of one version unaligned while its fact is
//! plainly the same as another version's: "at least 26 people" in a passage only some versions
//! carry, "26 fatalities" in one only the others carry. Such groups may be joined, and only
//! such: each group's versions must lack the other group's passage (a version that carries a
//! passage has had its chance to state the fact there, unless its pairing is weak). They join
//! when the facts relate and their sentences say the same thing (shared content words); names
//! on the name alone. One exception: a distinctive value that each version states exactly once
//! ("28-point", "$105 million") is one fact wherever the versions put it. The
//! joined readings are marked [`super::FactReading::rescued`], so the output can say so. Roles
//! are never rescued: who does what is compared in corresponding sentences only.

use std::collections::HashMap;

use rust_stemmers::Stemmer;

use super::extract::{Extracted, Extraction};
use super::model::FactKind;
use super::pair::{Group, Member};
use super::relate::{self, Relation, relate};
use crate::model::Comparison;

/// How many passages around a group are searched for a related (not equal) value.
const WINDOW: usize = 8;
/// How many groups with an equal value are tried, nearest first.
const EQUAL_TRIES: usize = 8;
/// How many groups of the window are tried for one group: bounds the cost per group whatever
/// the number of versions.
const WINDOW_TRIES: usize = 64;

/// A sentence: (version, index into its extraction's sentences).
type Sentence = (usize, usize);

/// Joins partial groups; groups that were joined into others are removed.
pub(super) fn rescue(c: &Comparison, extractions: &[Extraction], groups: &mut Vec<Group>) {
    let versions = c.versions.len();
    let mut contexts = Contexts::new(c, extractions);
    let fact = |m: &Member| -> &Extracted { &extractions[m.version.0].facts[m.fact] };
    let mut index: HashMap<(FactKind, String), Vec<usize>> = HashMap::new();
    for (g, group) in groups.iter().enumerate() {
        let anchor = fact(&group.members[0]);
        index.entry((anchor.kind, key(anchor))).or_default().push(g);
    }
    let counts = ValueCounts::new(extractions);
    let carried = Carried::new(c);
    let mut alive = vec![true; groups.len()];
    let mut order: Vec<usize> = (0..groups.len())
        .filter(|&g| groups[g].members.len() < versions)
        .collect();
    // Roles last: they follow the sentence links the other facts' joins make.
    let is_role = |g: usize| fact(&groups[g].members[0]).kind == FactKind::Role;
    order.sort_by_key(|&g| (is_role(g), std::cmp::Reverse(groups[g].members.len()), g));
    let sentence = |m: &Member| (m.version.0, fact(m).sentence);
    let mut links = Links::new(groups, &is_role, &sentence);
    let mut has = vec![false; versions];
    for g in order {
        while alive[g] && groups[g].members.len() < versions {
            has.fill(false);
            for m in &groups[g].members {
                has[m.version.0] = true;
            }
            let anchor = groups[g].members[0];
            let a = fact(&anchor);
            let here = groups[g].passage;
            let fits = |h: usize| {
                h != g && alive[h] && groups[h].members.iter().all(|m| !has[m.version.0])
            };
            let equal = index.get(&(a.kind, key(a))).map_or(&[][..], Vec::as_slice);
            let near = nearest(equal, groups, here)
                .into_iter()
                .filter(|&h| fits(h))
                .take(EQUAL_TRIES);
            let lo = groups.partition_point(|x| x.passage + WINDOW < here);
            let hi = groups.partition_point(|x| x.passage <= here + WINDOW);
            let window = (lo..hi)
                .filter(|&h| alive[h] && fact(&groups[h].members[0]).kind == a.kind)
                .filter(|&h| fits(h))
                .take(WINDOW_TRIES);
            // For a role: the roles of every sentence linked to one of the group's.
            let mut linked_roles = if a.kind == FactKind::Role {
                links.roles_near(&groups[g].members, &sentence)
            } else {
                Vec::new()
            };
            linked_roles.retain(|&h| fits(h));
            linked_roles.truncate(WINDOW_TRIES);
            let window = window.chain(linked_roles);
            let mut best: Option<(Relation, f32, usize)> = None;
            for h in near.chain(window) {
                let b = fact(&groups[h].members[0]);
                let relation = relate(a, b);
                if relation == Relation::Different {
                    continue;
                }
                let similarity = contexts.similarity(&anchor, a, &groups[h].members[0], b);
                let unique = relation == Relation::Same
                    && distinctive(a)
                    && groups[g]
                        .members
                        .iter()
                        .chain(&groups[h].members)
                        .all(|m| counts.once(m, fact(m)));
                // A distinctive value each version states once is one fact wherever it stands
                // ("28-point"); anything else joins only sentences the alignment left unpaired,
                // a role only in sentences another fact already tied together.
                let accepted = unpaired(&carried, groups, g, h)
                    && if a.kind == FactKind::Role {
                        let other = sentence(&groups[h].members[0]);
                        links.linked(&groups[g].members, other, &sentence)
                    } else {
                        accepts(a.kind, relation, similarity)
                    };
                if !unique && !accepted {
                    continue;
                }
                let distance = groups[h].passage.abs_diff(here) as f32;
                let rank = (relation, similarity - distance / 1000.0, usize::MAX - h);
                if best.is_none_or(|(r, s, _)| (rank.0, rank.1) > (r, s)) {
                    best = Some((relation, rank.1, h));
                }
            }
            let Some((_, _, h)) = best else { break };
            alive[h] = false;
            let moved: Vec<Member> = std::mem::take(&mut groups[h].members);
            links.record(sentence(&anchor), moved.iter().map(&sentence));
            groups[g]
                .members
                .extend(moved.into_iter().map(|m| Member { rescued: true, ..m }));
        }
    }
    let mut keep = alive.into_iter();
    groups.retain(|_| keep.next().unwrap_or(false));
}

/// Both sides unpaired: no version of either group firmly carries the other's passage, so
/// neither sentence has a counterpart the fact could be compared with.
fn unpaired(carried: &Carried, groups: &[Group], g: usize, h: usize) -> bool {
    let (a, b) = (&groups[g], &groups[h]);
    b.members
        .iter()
        .all(|m| !carried.has(a.passage, m.version.0))
        && a.members
            .iter()
            .all(|m| !carried.has(b.passage, m.version.0))
}

/// Sentences tied together by the facts joined so far, and the role groups of each sentence:
/// where roles may be compared across passages.
struct Links {
    links: HashMap<Sentence, Vec<Sentence>>,
    roles_in: HashMap<Sentence, Vec<usize>>,
}

impl Links {
    fn new(
        groups: &[Group],
        is_role: &dyn Fn(usize) -> bool,
        sentence: &dyn Fn(&Member) -> Sentence,
    ) -> Self {
        let mut roles_in: HashMap<Sentence, Vec<usize>> = HashMap::new();
        for g in (0..groups.len()).filter(|&g| is_role(g)) {
            roles_in
                .entry(sentence(&groups[g].members[0]))
                .or_default()
                .push(g);
        }
        Self {
            links: HashMap::new(),
            roles_in,
        }
    }

    fn linked_to(&self, s: Sentence) -> &[Sentence] {
        self.links.get(&s).map_or(&[][..], Vec::as_slice)
    }

    /// The role groups of every sentence linked to one of these members'.
    fn roles_near(&self, members: &[Member], sentence: &dyn Fn(&Member) -> Sentence) -> Vec<usize> {
        let mut out = Vec::new();
        for m in members {
            for other in self.linked_to(sentence(m)) {
                out.extend(self.roles_in.get(other).map_or(&[][..], Vec::as_slice));
            }
        }
        out
    }

    /// Whether a sentence is linked to one of these members'.
    fn linked(
        &self,
        members: &[Member],
        other: Sentence,
        sentence: &dyn Fn(&Member) -> Sentence,
    ) -> bool {
        members
            .iter()
            .any(|m| self.linked_to(sentence(m)).contains(&other))
    }

    /// Ties an anchor's sentence to the sentences of the facts joined to it.
    fn record(&mut self, anchor: Sentence, joined: impl Iterator<Item = Sentence>) {
        for other in joined {
            self.links.entry(anchor).or_default().push(other);
            self.links.entry(other).or_default().push(anchor);
        }
    }
}

/// Whether two facts in different passages may be joined, given how they relate and how alike
/// their sentences are (Jaccard of content stems).
fn accepts(kind: FactKind, relation: Relation, similarity: f32) -> bool {
    match (kind, relation) {
        (_, Relation::Different) => false,
        (FactKind::Name, Relation::Same | Relation::Similar)
        | (FactKind::Quote, Relation::Same) => true,
        (FactKind::Name, Relation::Spelling) => similarity >= 0.15,
        (FactKind::Quote, _) => similarity >= 0.25,
        (_, Relation::Same) => similarity >= 0.2,
        (_, _) => similarity >= 0.25,
    }
}

/// Whether a value identifies its fact wherever it stands: an amount, a duration, a number
/// with a unit ("28 point"), a count of ten or more. Years and weekdays recur for different
/// events, small counts for different things.
fn distinctive(fact: &Extracted) -> bool {
    match fact.kind {
        FactKind::Money | FactKind::Duration => true,
        FactKind::Number => {
            fact.value.contains([' ', '%']) || fact.value.parse::<f64>().is_ok_and(|n| n >= 10.0)
        }
        FactKind::Date | FactKind::Name | FactKind::Quote | FactKind::Role => false,
    }
}

/// Which versions firmly carry each passage, for the both-sides-unpaired test: a version with
/// a span there whose pairing with the base is not weak ([`crate::Reading::is_weak`]).
struct Carried {
    versions: usize,
    bits: Vec<bool>,
}

impl Carried {
    fn new(c: &Comparison) -> Self {
        let versions = c.versions.len();
        let mut bits = vec![false; versions * c.passages.len()];
        for p in &c.passages {
            for s in &p.spans {
                let weak = p
                    .reading(s.version)
                    .is_some_and(crate::model::Reading::is_weak);
                bits[p.index * versions + s.version.0] = !weak;
            }
        }
        Self { versions, bits }
    }

    fn has(&self, passage: usize, version: usize) -> bool {
        self.bits[passage * self.versions + version]
    }
}

/// How often each (kind, value) occurs in each version.
struct ValueCounts<'a>(Vec<HashMap<(FactKind, &'a str), usize>>);

impl<'a> ValueCounts<'a> {
    fn new(extractions: &'a [Extraction]) -> Self {
        Self(
            extractions
                .iter()
                .map(|ex| {
                    let mut counts = HashMap::new();
                    for f in ex.facts.iter().filter(|f| f.kind.is_quantity()) {
                        *counts.entry((f.kind, f.value.as_str())).or_insert(0) += 1;
                    }
                    counts
                })
                .collect(),
        )
    }

    /// Whether the member's value occurs exactly once in its version.
    fn once(&self, m: &Member, fact: &Extracted) -> bool {
        self.0[m.version.0].get(&(fact.kind, fact.value.as_str())) == Some(&1)
    }
}

/// The index key of a fact: names by surname (so "Trump" finds "Donald Trump"), others by value.
fn key(fact: &Extracted) -> String {
    match &fact.detail {
        super::extract::Detail::Name(parts) => parts.surname().to_string(),
        _ => fact.value.clone(),
    }
}

/// Group ids from a passage-sorted list, nearest to `passage` first (a bounded number).
fn nearest(ids: &[usize], groups: &[Group], passage: usize) -> Vec<usize> {
    let limit = EQUAL_TRIES * 2;
    let split = ids.partition_point(|&h| groups[h].passage < passage);
    let (mut left, mut right) = (split, split);
    let mut out = Vec::with_capacity(limit.min(ids.len()));
    while out.len() < limit && (left > 0 || right < ids.len()) {
        let take_left = match (left.checked_sub(1).map(|l| ids[l]), ids.get(right)) {
            (Some(l), Some(&r)) => passage - groups[l].passage <= groups[r].passage - passage,
            (Some(_), None) => true,
            (None, _) => false,
        };
        if take_left {
            left -= 1;
            out.push(ids[left]);
        } else {
            out.push(ids[right]);
            right += 1;
        }
    }
    out
}

/// Sentence contexts, computed when first asked for.
struct Contexts<'a> {
    c: &'a Comparison,
    extractions: &'a [Extraction],
    stemmer: Stemmer,
    cache: Vec<HashMap<usize, Vec<u64>>>,
}

impl<'a> Contexts<'a> {
    fn new(c: &'a Comparison, extractions: &'a [Extraction]) -> Self {
        let cache = vec![HashMap::new(); extractions.len()];
        Self {
            c,
            extractions,
            stemmer: relate::stemmer(),
            cache,
        }
    }

    fn fill(&mut self, m: &Member, fact: &Extracted) {
        let (v, s) = (m.version.0, fact.sentence);
        if !self.cache[v].contains_key(&s) {
            let range = self.extractions[v].sentences[s].clone();
            let ctx = relate::context(&self.c.versions[v].text, range, &self.stemmer);
            self.cache[v].insert(s, ctx);
        }
    }

    fn similarity(&mut self, ma: &Member, a: &Extracted, mb: &Member, b: &Extracted) -> f32 {
        self.fill(ma, a);
        self.fill(mb, b);
        relate::jaccard(
            &self.cache[ma.version.0][&a.sentence],
            &self.cache[mb.version.0][&b.sentence],
        )
    }
}
