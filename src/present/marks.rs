//! Which stretches of the panes' text are underlined as facts, for one pair of versions.
//!
//! A reading is underlined when the two versions on screen disagree on its fact: the other
//! version gives another value (a year, a spelling, a quotation's wording), or carries the
//! passage and leaves the fact out. Facts both panes state alike stay plain even when some third
//! version strays (the facts panel, `f`, lists those), and so do facts of a passage the other
//! version lacks altogether (the whole passage is already marked added or removed). A reading
//! that strays from the consensus of all versions is marked more strongly than the one that
//! keeps to it, so the eye finds the outlier.

use std::ops::Range;

use crate::facts::{Fact, FactReport};
use crate::model::{Comparison, VersionId};

/// How an underlined fact reading is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FactMark {
    /// The other pane's version disagrees on this fact; this reading keeps to the consensus.
    Differs,
    /// The other pane's version disagrees, and this reading strays from the consensus of all
    /// versions (it is an outlier of the fact).
    Strays,
}

/// Where a version stands on a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stance<'a> {
    /// It states the fact with this normalised value.
    Stated(&'a str),
    /// It carries the passage but leaves the fact out.
    Silent,
    /// It does not carry the passage.
    Absent,
}

/// Whether a version carries the passage of a fact, or one where a reading of it stands.
#[must_use]
pub fn carries(c: &Comparison, fact: &Fact, version: VersionId) -> bool {
    std::iter::once(fact.passage)
        .chain(fact.readings.iter().map(|r| r.passage))
        .any(|p| c.passages.get(p).is_some_and(|p| p.span(version).is_some()))
}

/// Where a version stands on a fact. A version that does not state it is silent only if it
/// carries the fact's passage (see [`carries`]): the report also counts versions without the
/// passage as missing a fact that only one version states.
fn stance<'f>(c: &Comparison, fact: &'f Fact, version: VersionId) -> Stance<'f> {
    match fact.reading(version) {
        Some(reading) => Stance::Stated(&reading.value),
        None if carries(c, fact, version) => Stance::Silent,
        None => Stance::Absent,
    }
}

/// The underlines of one pair of versions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PairFacts {
    /// Per side, byte ranges of the version's text with their mark: sorted and not overlapping
    /// (where facts nest, as a name inside a quotation, the stronger mark wins).
    marks: [Vec<(Range<usize>, FactMark)>; 2],
    /// Per passage of the comparison, how many facts are underlined in it.
    counts: Vec<usize>,
}

impl PairFacts {
    /// Whether two versions disagree on a fact: both carry it and they state different values,
    /// or one states it and the other leaves it out.
    #[must_use]
    pub fn disagree(c: &Comparison, fact: &Fact, one: VersionId, other: VersionId) -> bool {
        match (stance(c, fact, one), stance(c, fact, other)) {
            (Stance::Absent, _) | (_, Stance::Absent) | (Stance::Silent, Stance::Silent) => false,
            (mine, theirs) => mine != theirs,
        }
    }

    /// The underlines for the pair `ids` (base, compared) of a comparison, from its facts.
    #[must_use]
    pub fn build(c: &Comparison, report: &FactReport, ids: [VersionId; 2]) -> Self {
        let passages = c.passages.len();
        let mut raw: [Vec<(Range<usize>, FactMark)>; 2] = [Vec::new(), Vec::new()];
        let mut counts = vec![0; passages];
        for fact in report
            .divergent()
            .filter(|f| Self::disagree(c, f, ids[0], ids[1]))
        {
            let mut counted = Vec::new();
            for (side, id) in ids.iter().enumerate() {
                let Some(reading) = fact.reading(*id) else {
                    continue;
                };
                let mark = if fact.is_outlier(*id) {
                    FactMark::Strays
                } else {
                    FactMark::Differs
                };
                raw[side].push((reading.span.clone(), mark));
                if !counted.contains(&reading.passage) && reading.passage < passages {
                    counted.push(reading.passage);
                    counts[reading.passage] += 1;
                }
            }
        }
        Self {
            marks: raw.map(flatten),
            counts,
        }
    }

    /// The marks of one side (0 base, 1 compared), sorted and not overlapping.
    #[must_use]
    pub fn marks(&self, side: usize) -> &[(Range<usize>, FactMark)] {
        &self.marks[side]
    }

    /// How many facts are underlined in a passage.
    #[must_use]
    pub fn count(&self, passage: usize) -> usize {
        self.counts.get(passage).copied().unwrap_or(0)
    }
}

/// Possibly overlapping marked ranges → sorted, disjoint ranges, each with the strongest mark
/// covering it. A sweep over the range ends: linear after sorting.
fn flatten(mut marks: Vec<(Range<usize>, FactMark)>) -> Vec<(Range<usize>, FactMark)> {
    marks.retain(|(r, _)| !r.is_empty());
    let mut events: Vec<(usize, bool, FactMark)> = marks
        .iter()
        .flat_map(|(r, m)| [(r.start, true, *m), (r.end, false, *m)])
        .collect();
    events.sort_unstable_by_key(|(at, opens, _)| (*at, *opens));
    let mut open = [0usize; 2];
    let mut out: Vec<(Range<usize>, FactMark)> = Vec::new();
    let mut from = 0;
    for (at, opens, mark) in events {
        let strongest = if open[1] > 0 {
            Some(FactMark::Strays)
        } else if open[0] > 0 {
            Some(FactMark::Differs)
        } else {
            None
        };
        if let Some(strongest) = strongest
            && at > from
        {
            match out.last_mut() {
                Some((r, m)) if r.end == from && *m == strongest => r.end = at,
                _ => out.push((from..at, strongest)),
            }
        }
        from = at;
        let slot = &mut open[usize::from(mark == FactMark::Strays)];
        if opens {
            *slot += 1;
        } else {
            *slot -= 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_marks_are_cut_so_the_stronger_one_wins() {
        let marks = vec![
            (0..20, FactMark::Differs),
            (5..9, FactMark::Strays),
            (30..34, FactMark::Differs),
        ];
        assert_eq!(
            flatten(marks),
            [
                (0..5, FactMark::Differs),
                (5..9, FactMark::Strays),
                (9..20, FactMark::Differs),
                (30..34, FactMark::Differs),
            ]
        );
    }

    #[test]
    fn touching_marks_of_one_kind_join() {
        let marks = vec![(4..8, FactMark::Differs), (0..4, FactMark::Differs)];
        assert_eq!(flatten(marks), [(0..8, FactMark::Differs)]);
    }
}
