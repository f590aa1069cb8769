//! Scores a comparison against the gold links of one pair of versions.
//!
//! Each labelled unit is located by its snippet and stands for the sentence around it (the
//! sentence storydiff's segmenter finds there, clipped so it reaches no other unit's snippet).
//! A unit *lies in* every passage whose span in its version overlaps that sentence: one passage
//! for a whole sentence, several when the aligner cut the sentence at clause boundaries. Two
//! units of different sides are *predicted linked* when some passage that both versions carry
//! holds text of both. Precision and recall are over unit links; a *wrong passage* holds a unit
//! that has no gold link to any unit of the other side in that passage (a sentence, or a clause
//! of one, absorbed into a passage it does not belong to); a unit that stands alone is *kept
//! alone* when none of its passages carries the other version. *Moved blocks* are the full gold
//! links outside the longest in-order chain of full links, grouped into runs that are
//! consecutive in both versions; a block is recovered when most of its links land in one passage
//! whose reading is moved, or in order with every link they cross shown moved instead (of two
//! blocks that swapped places, either may be called the moved one).

use std::collections::{BTreeMap, BTreeSet};

use std::ops::Range;

use storydiff::{Comparison, PassageStatus, Version, VersionId, segment};

use super::gold::{GoldPair, Unit, locate};

#[derive(Debug, Default, Clone)]
pub struct Score {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
    /// Gold links marked full (the two sentences say the same thing), and how many were found.
    pub gold_full: usize,
    pub correct_full: usize,
    pub wrong_passages: usize,
    pub moved_blocks: usize,
    pub moved_recovered: usize,
    pub alone: usize,
    pub alone_kept: usize,
}

impl Score {
    pub fn add(&mut self, o: &Score) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.correct += o.correct;
        self.gold_full += o.gold_full;
        self.correct_full += o.correct_full;
        self.wrong_passages += o.wrong_passages;
        self.moved_blocks += o.moved_blocks;
        self.moved_recovered += o.moved_recovered;
        self.alone += o.alone;
        self.alone_kept += o.alone_kept;
    }
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Recall of the full links: what a reader must see side by side.
    pub fn full_recall(&self) -> f64 {
        ratio(self.correct_full, self.gold_full)
    }
    /// F1 of precision over all links and recall over full links.
    pub fn full_f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.full_recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn moved_share(&self) -> f64 {
        if self.moved_blocks == 0 {
            1.0
        } else {
            ratio(self.moved_recovered, self.moved_blocks)
        }
    }
    pub fn alone_share(&self) -> f64 {
        ratio(self.alone_kept, self.alone)
    }
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

/// The passages (indices) whose span in `version` overlaps `extent`.
fn passages_over(c: &Comparison, version: VersionId, extent: &Range<usize>) -> BTreeSet<usize> {
    c.passages
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            p.span(version)
                .is_some_and(|s| s.range.start < extent.end && extent.start < s.range.end)
        })
        .map(|(i, _)| i)
        .collect()
}

/// The text each unit stands for: the sentence the segmenter finds around its snippet, clipped
/// so it reaches into no other unit's snippet (a unit the segmenter merges with its neighbour
/// stays apart from it), and never shorter than the snippet itself. `snippets` are the
/// (offset, length) of every labelled snippet of the version, debris included.
fn extents(version: &Version, snippets: &[(usize, usize)]) -> Vec<Range<usize>> {
    let paragraphs = if version.paragraphs.is_empty() {
        segment::paragraphs(&version.text)
    } else {
        version.paragraphs.clone()
    };
    let sentences = segment::sentences(&version.text, &paragraphs, false);
    snippets
        .iter()
        .map(|&(at, len)| {
            let sentence = sentences
                .iter()
                .find(|s| s.range.start <= at && at < s.range.end)
                .map_or(at..at + len, |s| s.range.clone());
            let start = snippets
                .iter()
                .map(|&(o, l)| o + l)
                .filter(|&end| end <= at)
                .fold(sentence.start, usize::max);
            let end = snippets
                .iter()
                .map(|&(o, _)| o)
                .filter(|&o| o > at)
                .fold(sentence.end, usize::min);
            start.min(at)..end.max(at + len)
        })
        .collect()
}

/// Where a unit stands, for the detail of a missed link: in which passage, and whether that
/// passage pairs the two versions.
fn passage_state(passages: &BTreeSet<usize>, carries_both: &dyn Fn(usize) -> bool) -> String {
    if passages.is_empty() {
        return "no passage".to_string();
    }
    passages
        .iter()
        .map(|&p| {
            if carries_both(p) {
                format!("passage {p}, paired")
            } else {
                format!("passage {p}, alone")
            }
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

/// Scores `c`, in which the pair's first side is version `ids[0]` and its second `ids[1]`; one
/// of them must be the comparison's base.
pub fn score(c: &Comparison, gold: &GoldPair, ids: [VersionId; 2], detail: &mut String) -> Score {
    use std::fmt::Write;
    let units = gold.units();
    let mut offset: BTreeMap<&Unit, usize> = BTreeMap::new();
    for u in &units {
        offset.insert(u, locate(c.version(ids[u.side]), &u.snippet));
    }
    let at = place_units(c, gold, &units, &offset, ids);
    let gold_links: BTreeSet<(&Unit, &Unit)> = gold.links.iter().map(|(a, b, _)| (a, b)).collect();
    let carries_both = |p: usize| {
        let passage = &c.passages[p];
        passage.span(ids[0]).is_some() && passage.span(ids[1]).is_some()
    };
    let side = |s: usize| units.iter().filter(move |u| u.side == s);
    let mut score = Score {
        gold: gold_links.len(),
        ..Score::default()
    };
    // The passage two units share, if any (the first both versions carry).
    let shared = |a: &Unit, b: &Unit| {
        at[a]
            .intersection(&at[b])
            .copied()
            .find(|&p| carries_both(p))
    };
    for a in side(0) {
        for b in side(1) {
            if let Some(pa) = shared(a, b) {
                score.predicted += 1;
                if gold_links.contains(&(a, b)) {
                    score.correct += 1;
                } else {
                    let _ = writeln!(
                        detail,
                        "  extra link in passage {pa}: {:?} ~ {:?}",
                        a.snippet, b.snippet
                    );
                }
            }
        }
    }
    for (a, b, partial) in &gold.links {
        if !partial {
            score.gold_full += 1;
            if shared(a, b).is_some() {
                score.correct_full += 1;
            } else {
                let _ = writeln!(
                    detail,
                    "  missed FULL link: {:?} ~ {:?}",
                    a.snippet, b.snippet
                );
            }
        }
    }
    for (a, b) in &gold_links {
        if shared(a, b).is_none() {
            let state = |p| passage_state(p, &carries_both);
            let _ = writeln!(
                detail,
                "  missed link: {:?} ({}) ~ {:?} ({})",
                a.snippet,
                state(&at[a]),
                b.snippet,
                state(&at[b])
            );
        }
    }
    score.wrong_passages = wrong_passages(&units, &at, &gold_links, &carries_both, detail);
    for u in &gold.alone {
        score.alone += 1;
        match at[u].iter().find(|&&p| carries_both(p)) {
            Some(p) => {
                let _ = writeln!(
                    detail,
                    "  paired but alone in gold: {:?} (passage {p})",
                    u.snippet
                );
            }
            None => score.alone_kept += 1,
        }
    }
    // Moves are judged on full links: a sentence that says the same thing elsewhere.
    let full_links: BTreeSet<Link<'_>> = gold
        .links
        .iter()
        .filter(|(_, _, partial)| !partial)
        .map(|(a, b, _)| (a, b))
        .collect();
    let (blocks, recovered) = moved_blocks(c, &full_links, &offset, &shared, ids);
    score.moved_blocks = blocks.len();
    score.moved_recovered = recovered;
    for block in &blocks {
        let _ = writeln!(
            detail,
            "  gold moved block: {:?}",
            block.iter().map(|(a, _)| &a.snippet).collect::<Vec<_>>()
        );
    }
    score
}

type Link<'a> = (&'a Unit, &'a Unit);

/// The passages each unit lies in. Each unit's extent is clipped against every labelled snippet
/// of its side, debris too.
fn place_units<'a>(
    c: &Comparison,
    gold: &GoldPair,
    units: &'a BTreeSet<Unit>,
    offset: &BTreeMap<&Unit, usize>,
    ids: [VersionId; 2],
) -> BTreeMap<&'a Unit, BTreeSet<usize>> {
    let mut at = BTreeMap::new();
    for (side, &id) in ids.iter().enumerate() {
        let version = c.version(id);
        let mine: Vec<&Unit> = units.iter().filter(|u| u.side == side).collect();
        let snippets: Vec<(usize, usize)> = mine
            .iter()
            .map(|u| (offset[u], u.snippet.len()))
            .chain(
                gold.debris
                    .iter()
                    .filter(|d| d.side == side)
                    .map(|d| (locate(version, &d.snippet), d.snippet.len())),
            )
            .collect();
        for (u, extent) in mine.into_iter().zip(extents(version, &snippets)) {
            at.insert(u, passages_over(c, id, &extent));
        }
    }
    at
}

/// Passages that hold a unit with no gold partner among the other side's units there.
fn wrong_passages(
    units: &BTreeSet<Unit>,
    at: &BTreeMap<&Unit, BTreeSet<usize>>,
    gold_links: &BTreeSet<Link<'_>>,
    carries_both: &dyn Fn(usize) -> bool,
    detail: &mut String,
) -> usize {
    use std::fmt::Write;
    let mut wrong: BTreeSet<usize> = BTreeSet::new();
    for u in units {
        for &p in &at[u] {
            if !carries_both(p) {
                continue;
            }
            let others: Vec<&Unit> = units
                .iter()
                .filter(|o| o.side != u.side && at[o].contains(&p))
                .collect();
            let linked = others.iter().any(|o| {
                let key = if u.side == 0 { (u, *o) } else { (*o, u) };
                gold_links.contains(&key)
            });
            if !others.is_empty() && !linked && wrong.insert(p) {
                let _ = writeln!(
                    detail,
                    "  wrong passage {p}: {:?} has no counterpart there",
                    u.snippet
                );
            }
        }
    }
    wrong.len()
}

/// Gold links outside the longest chain in order on both sides, grouped into blocks, and how
/// many blocks the comparison shows as moved.
fn moved_blocks<'a>(
    c: &Comparison,
    gold_links: &BTreeSet<Link<'a>>,
    offset: &BTreeMap<&Unit, usize>,
    shared: &dyn Fn(&Unit, &Unit) -> Option<usize>,
    ids: [VersionId; 2],
) -> (Vec<Vec<Link<'a>>>, usize) {
    let mut links: Vec<Link<'a>> = gold_links.iter().copied().collect();
    links.sort_by_key(|(a, b)| (offset[a], offset[b]));
    // Longest chain increasing in both offsets (quadratic: a story has a few dozen links).
    let n = links.len();
    let mut best = vec![1usize; n];
    let mut prev = vec![usize::MAX; n];
    for i in 0..n {
        for j in 0..i {
            let ok = offset[links[j].0] <= offset[links[i].0]
                && offset[links[j].1] <= offset[links[i].1];
            if ok && best[j] + 1 > best[i] {
                best[i] = best[j] + 1;
                prev[i] = j;
            }
        }
    }
    let mut in_chain = vec![false; n];
    let mut k = (0..n).max_by_key(|&i| best[i]);
    while let Some(i) = k {
        in_chain[i] = true;
        k = (prev[i] != usize::MAX).then_some(prev[i]);
    }
    let mut blocks: Vec<Vec<Link<'a>>> = Vec::new();
    for (i, link) in links.iter().enumerate() {
        if in_chain[i] {
            continue;
        }
        match blocks.last_mut() {
            Some(block) if !in_chain[i - 1] && i > 0 && block.last() == Some(&links[i - 1]) => {
                block.push(*link);
            }
            _ => blocks.push(vec![*link]),
        }
    }
    let moved_here = |p: usize| {
        let base = c.base;
        let other = if ids[0] == base { ids[1] } else { ids[0] };
        c.passages[p]
            .reading(other)
            .is_some_and(|r| r.status == PassageStatus::Moved)
    };
    // Which of two reorderings is "the move" is a matter of view: a link of a block is shown
    // right when it is paired and either marked moved itself, or every paired link it crosses
    // is (storydiff kept this block in order and moved the other side of the swap).
    let paired = |(a, b): &Link<'_>| shared(a, b).is_some();
    let crosses =
        |x: &Link<'_>, y: &Link<'_>| (offset[x.0] < offset[y.0]) != (offset[x.1] < offset[y.1]);
    let shown = |link: &Link<'_>| {
        paired(link)
            && (moved_here(shared(link.0, link.1).unwrap())
                || links
                    .iter()
                    .filter(|other| paired(other) && crosses(link, other))
                    .all(|other| moved_here(shared(other.0, other.1).unwrap())))
    };
    let recovered = blocks
        .iter()
        .filter(|block| 2 * block.iter().filter(|l| shown(l)).count() >= block.len())
        .count();
    (blocks, recovered)
}
