//! Each compared version against the base as the outputs about one pair show it (the
//! side-by-side, unified and stat printers, the report's pair sections): the pair's own
//! comparison ([`Analysis::pair`]), so that `storydiff A B C` shows A against B as
//! `storydiff A B` does, with its versions named as among all the versions loaded.

use crate::Analysis;
use crate::model::{Comparison, VersionId};
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
        let sides = [(self.loaded, self.compared), (all.base, pair.base)].map(|(loaded, local)| {
            let mut starts: Vec<(usize, usize)> = pair
                .passages
                .iter()
                .filter_map(|p| Some((p.span(local)?.range.start, p.index)))
                .collect();
            starts.sort_unstable();
            (loaded, starts)
        });
        all.passages
            .iter()
            .map(|p| {
                sides.iter().find_map(|(loaded, starts)| {
                    let start = p.span(*loaded)?.range.start;
                    let at = starts.partition_point(|(s, _)| *s <= start);
                    starts.get(at.saturating_sub(1)).map(|(_, index)| *index)
                })
            })
            .collect()
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
