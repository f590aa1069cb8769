//! Where each entry's text lies in the pair's two versions, sorted by offset, so that the entry
//! holding a text offset (the reader's place, carried across a new layout, a fold or a new
//! base) is found by binary search instead of a walk over a book's entries.
//!
//! The answer is [`nearest`]'s over the entries in reading order, exactly: the entry whose span
//! holds the offset, else the first (in reading order) of those starting nearest it. The binary
//! search relies on a version's spans not overlapping, which holds for a comparison's passages;
//! a side where they do is searched the long way.

use std::ops::Range;

use rayon::prelude::*;

use super::Entry;
use crate::model::{Comparison, VersionId};

/// One entry's span in a version.
#[derive(Debug, Clone, Copy)]
struct Place {
    start: usize,
    end: usize,
    entry: usize,
}

/// Per side of the pair, the entries' spans sorted by start (`None`: they overlap).
#[derive(Debug)]
pub(super) struct Places {
    sides: [Option<Vec<Place>>; 2],
    /// The pair's versions, as the comparison numbers them.
    local: [VersionId; 2],
}

impl Places {
    /// The spans of the entries in the pair's versions `local` (base, compared).
    pub(super) fn new(comparison: &Comparison, entries: &[Entry], local: [VersionId; 2]) -> Self {
        let side = |version: VersionId| {
            let places: Vec<Place> = entries
                .par_iter()
                .enumerate()
                .filter_map(|(entry, e)| {
                    let range = &comparison.passages[e.passage].span(version)?.range;
                    Some(Place {
                        start: range.start,
                        end: range.end,
                        entry,
                    })
                })
                .collect();
            ordered(places)
        };
        Self {
            sides: local.map(side),
            local,
        }
    }

    /// The entry holding `offset` in `version` (as the comparison numbers it; `None`: the
    /// comparison lacks the version), as [`nearest`] finds it over `entries`.
    pub(super) fn entry_holding(
        &self,
        comparison: &Comparison,
        entries: &[Entry],
        version: Option<VersionId>,
        offset: usize,
    ) -> Option<usize> {
        let sorted = version.and_then(|v| {
            let side = self.local.iter().position(|l| *l == v)?;
            self.sides[side].as_deref()
        });
        match sorted {
            _ if entries.is_empty() => None,
            Some(places) => Some(search(places, offset).unwrap_or(0)),
            None => walk(comparison, entries, version, offset),
        }
    }
}

/// What [`Places::entry_holding`] finds, the long way: [`nearest`] over the entries.
pub(super) fn walk(
    comparison: &Comparison,
    entries: &[Entry],
    version: Option<VersionId>,
    offset: usize,
) -> Option<usize> {
    nearest(
        entries.iter().enumerate(),
        |e: &Entry| {
            version
                .and_then(|v| comparison.passages[e.passage].span(v))
                .map(|s| s.range.clone())
        },
        offset,
    )
}

/// [`nearest`] over sorted, non-overlapping spans (`None`: there are none).
fn search(places: &[Place], offset: usize) -> Option<usize> {
    let after = places.partition_point(|p| p.start <= offset);
    // The only span that can hold the offset is the last one starting at or before it.
    if let Some(p) = after.checked_sub(1).map(|i| places[i])
        && p.end > offset
    {
        return Some(p.entry);
    }
    let below = after.checked_sub(1).map(|i| offset - places[i].start);
    let above = places.get(after).map(|p| p.start - offset);
    let best = below.into_iter().chain(above).min()?;
    // The first in reading order among the spans starting nearest.
    let low = (below == Some(best)).then(|| {
        places[..after]
            .iter()
            .rev()
            .take_while(|p| p.start == offset - best)
    });
    let high = (above == Some(best)).then(|| {
        places[after..]
            .iter()
            .take_while(|p| p.start == offset + best)
    });
    low.into_iter()
        .flatten()
        .chain(high.into_iter().flatten())
        .map(|p| p.entry)
        .min()
}

/// The position of the item whose range holds an offset, or starts nearest it (the first
/// such item; the first item if none has a range).
pub(crate) fn nearest<'a, T: 'a>(
    items: impl Iterator<Item = (usize, &'a T)>,
    range: impl Fn(&T) -> Option<Range<usize>>,
    offset: usize,
) -> Option<usize> {
    let distance = |item: &T| {
        range(item).map_or(usize::MAX, |r| {
            if r.contains(&offset) {
                0
            } else {
                r.start.abs_diff(offset) + 1
            }
        })
    };
    items.min_by_key(|(_, item)| distance(item)).map(|(i, _)| i)
}

/// The places sorted by offset, or `None` if two of them overlap (then the binary search
/// would not find what the walk finds).
fn ordered(mut places: Vec<Place>) -> Option<Vec<Place>> {
    places.par_sort_unstable_by_key(|p| (p.start, p.end, p.entry));
    places
        .windows(2)
        .all(|w| w[0].end <= w[1].start)
        .then_some(places)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn linear(spans: &[Option<Range<usize>>], offset: usize) -> Option<usize> {
        nearest(spans.iter().enumerate(), Clone::clone, offset)
    }

    fn sorted(spans: &[Option<Range<usize>>]) -> Option<Vec<Place>> {
        let places: Vec<Place> = spans
            .iter()
            .enumerate()
            .filter_map(|(entry, r)| {
                r.as_ref().map(|r| Place {
                    start: r.start,
                    end: r.end,
                    entry,
                })
            })
            .collect();
        ordered(places)
    }

    #[test]
    fn the_binary_search_finds_what_the_walk_finds() {
        // Spans out of reading order (moved passages), gaps, empty spans, missing sides.
        let spans = [
            Some(10..20),
            None,
            Some(0..10),
            Some(30..30),
            Some(30..40),
            Some(25..25),
            None,
            Some(50..60),
            Some(45..45),
            Some(20..20),
        ];
        let places = sorted(&spans).expect("no overlap");
        for offset in 0..70 {
            let fast = search(&places, offset).unwrap_or(0);
            assert_eq!(Some(fast), linear(&spans, offset), "offset {offset}");
        }
    }

    #[test]
    fn overlapping_spans_are_not_searched_so() {
        assert!(sorted(&[Some(0..10), Some(5..15)]).is_none());
        assert!(sorted(&[Some(0..10), Some(5..5)]).is_none());
    }

    #[test]
    fn without_spans_the_first_entry() {
        assert_eq!(search(&[], 5), None);
        assert_eq!(linear(&[None, None], 5), Some(0));
    }
}
