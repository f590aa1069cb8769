//! Each compared version against the base as the outputs about one pair show it (the
//! side-by-side, unified and stat printers, the report's pair sections): the pair's own
//! comparison ([`Analysis::pair`]), so that `storydiff A B C` shows A against B as
//! `storydiff A B` does, with its versions named as among all the versions loaded.

use std::ops::Range;

use crate::Analysis;
use crate::model::{Comparison, Passage, PassageKind, PassageStatus, VersionId};
use crate::present::labels::Labels;

/// One compared version against the base.
#[derive(Debug, Clone)]
pub struct PairView<'a> {
    /// The pair's own analysis (with two versions, the analysis of all).
    pub analysis: &'a Analysis,
    /// The compared version, numbered as in the pair's comparison.
    pub compared: VersionId,
    /// The compared version as loaded (numbered as in the analysis of all versions).
    pub loaded: VersionId,
    /// Labels of the pair's versions: the ones the versions have among all of them, so that a
    /// version is named alike in every section and in the legend.
    pub labels: Labels,
}

impl PairView<'_> {
    /// The pair's comparison.
    #[must_use]
    pub fn comparison(&self) -> &Comparison {
        &self.analysis.comparison
    }

    /// Where each of the pair's passages is shown among the passages of `all` (the comparison
    /// of every version this pair was taken from): in the table passage that holds its base
    /// text, if that passage shows the compared version's reading ([`shows_reading`]); else in
    /// the one that holds its text of the compared version, if that one does. A passage the
    /// table shows nowhere is one it shows as a whole: the same text, or text the compared
    /// version lacks (listed as removed in the passage's header). Boilerplate is placed on its
    /// own in both.
    #[must_use]
    pub fn placement(&self, all: &Comparison) -> Placement {
        let pair = self.comparison();
        let (base_starts, own_starts) = (Starts::of(all, all.base), Starts::of(all, self.loaded));
        let shows = |index: usize| shows_reading(&all.passages[index], self.loaded);
        let mut placement = Placement {
            at: vec![Vec::new(); all.passages.len()],
            by_compared: Vec::new(),
        };
        for p in pair
            .passages
            .iter()
            .filter(|p| p.kind != PassageKind::Boilerplate)
        {
            let (base, own) = (p.span(pair.base), p.span(self.compared));
            let home = base
                .and_then(|s| base_starts.holding(s.range.start))
                .filter(|&i| shows(i))
                .or_else(|| {
                    own.and_then(|s| own_starts.holding(s.range.start))
                        .filter(|&i| shows(i))
                });
            if let Some(home) = home {
                placement.at[home].push(p.index);
                if let Some(own) = own {
                    placement.by_compared.push((own.range.clone(), home));
                }
            }
        }
        placement
            .by_compared
            .sort_unstable_by_key(|(r, home)| (r.start, *home));
        placement
    }

    /// For each passage of `all` (the comparison of every version this pair was taken from),
    /// the pair's passage where it stands: the one holding where it starts in the compared
    /// version, else in the base (`None` when neither carries it). A link from a view of all
    /// versions (a fact, a presence cell) goes there in the pair's section.
    #[must_use]
    pub fn passages_of(&self, all: &Comparison) -> Vec<Option<usize>> {
        let pair = self.comparison();
        if std::ptr::eq(pair, all) {
            return (0..all.passages.len()).map(Some).collect();
        }
        // Each side's passages by where they start in that side's text.
        let sides = [(self.loaded, self.compared), (all.base, pair.base)]
            .map(|(loaded, local)| (loaded, Starts::of(pair, local)));
        all.passages
            .iter()
            .map(|p| {
                sides.iter().find_map(|(loaded, starts)| {
                    let start = p.span(*loaded)?.range.start;
                    starts.last_from(start).or_else(|| starts.first())
                })
            })
            .collect()
    }
}

/// Where a pair's own passages stand in the passage table of all versions (see
/// [`PairView::placement`]).
#[derive(Debug, Clone, Default)]
pub struct Placement {
    /// For each passage of the table, the pair's passages shown there, in the pair's order.
    at: Vec<Vec<usize>>,
    /// (the compared version's text, the table passage it is shown in) of each pair passage
    /// that is shown, by start.
    by_compared: Vec<(Range<usize>, usize)>,
}

impl Placement {
    /// The pair's passages shown in the table's passage `index`, in the pair's order.
    #[must_use]
    pub fn within(&self, index: usize) -> &[usize] {
        self.at.get(index).map_or(&[], Vec::as_slice)
    }

    /// The other table passages where the compared version's text of `range` is shown (as
    /// part of the pair's passages placed there), in order.
    #[must_use]
    pub fn shown_elsewhere(&self, range: &Range<usize>, index: usize) -> Vec<usize> {
        let from = self
            .by_compared
            .partition_point(|(r, _)| r.end <= range.start);
        let mut out: Vec<usize> = self.by_compared[from..]
            .iter()
            .take_while(|(r, _)| r.start < range.end)
            .map(|(_, home)| *home)
            .filter(|home| *home != index)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Whether a passage of the table of all versions shows `version`'s reading of its own (what
/// the inline format gives a sub-header): the version carries it and reads it differently
/// from the base.
#[must_use]
pub fn shows_reading(passage: &Passage, version: VersionId) -> bool {
    passage.span(version).is_some()
        && passage.reading(version).is_some_and(|r| {
            matches!(
                r.status,
                PassageStatus::Changed | PassageStatus::Moved | PassageStatus::Added
            )
        })
}

/// A comparison's passages by where they start in one version's text, to find the one at a
/// place.
struct Starts(Vec<(Range<usize>, usize)>);

impl Starts {
    fn of(comparison: &Comparison, version: VersionId) -> Self {
        let mut starts: Vec<(Range<usize>, usize)> = comparison
            .passages
            .iter()
            .filter_map(|p| Some((p.span(version)?.range.clone(), p.index)))
            .collect();
        starts.sort_unstable_by_key(|(r, i)| (r.start, *i));
        Self(starts)
    }

    /// The last passage that starts at or before byte `at`, with its range.
    fn last_at(&self, at: usize) -> Option<&(Range<usize>, usize)> {
        let k = self.0.partition_point(|(r, _)| r.start <= at);
        self.0.get(k.checked_sub(1)?)
    }

    /// The last passage that starts at or before byte `at`.
    fn last_from(&self, at: usize) -> Option<usize> {
        self.last_at(at).map(|(_, index)| *index)
    }

    /// The passage that starts first.
    fn first(&self) -> Option<usize> {
        self.0.first().map(|(_, index)| *index)
    }

    /// The passage whose text holds byte `at`.
    fn holding(&self, at: usize) -> Option<usize> {
        self.last_at(at)
            .filter(|(range, _)| range.contains(&at))
            .map(|(_, index)| *index)
    }
}

/// Every compared version against the base, in version order. The first call on an analysis of
/// more than two versions compares every pair (in parallel); the pairs are kept in it.
#[must_use]
pub fn pairs(analysis: &Analysis) -> Vec<PairView<'_>> {
    let labels = Labels::new(&analysis.comparison);
    analysis
        .comparison
        .compared()
        .map(|loaded| {
            let ids = analysis.pair_ids(loaded);
            let local = ids.iter().position(|v| *v == loaded).unwrap_or(1);
            PairView {
                analysis: analysis.pair(loaded),
                compared: VersionId(local),
                loaded,
                labels: labels.pick(ids),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Input;
    use crate::{CompareOptions, compare};

    #[test]
    fn a_pair_view_names_its_versions_as_among_all_of_them() {
        let inputs = [
            "It rained. The river rose.",
            "It snowed.",
            "The river rose.",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| Input::from_bytes(format!("story{i}.txt"), *t))
        .collect();
        let options = CompareOptions {
            base: 1,
            ..CompareOptions::default()
        };
        let analysis = Analysis::new(compare(inputs, &options).unwrap());
        let views = pairs(&analysis);
        let shown: Vec<_> = views
            .iter()
            .map(|v| {
                let c = v.comparison();
                (
                    v.loaded.0,
                    v.labels.get(c.base).to_string(),
                    v.labels.get(v.compared).to_string(),
                    c.version(v.compared).text.clone(),
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                (
                    0,
                    "v1".into(),
                    "v0".into(),
                    "It rained. The river rose.".into()
                ),
                (2, "v1".into(), "v2".into(), "The river rose.".into()),
            ]
        );
    }
}
