//! Search in both panes: the hits of a query in the shown text of every entry.
//!
//! Case is ignored unless the query has an upper-case letter ("smart case", as in less and
//! ripgrep). Hits are found in the prepared entry texts, not per row, so a phrase that wraps
//! across two rows is still found.

use std::ops::Range;

use super::layout::{EntryIx, PairRows, Side};

/// Longest query, in characters: longer than any phrase worth finding, short enough that a
/// search over a book-length layout stays quick.
pub const MAX_QUERY_CHARS: usize = 200;

/// One occurrence of the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The entry it is in.
    pub entry: EntryIx,
    /// The pane.
    pub side: Side,
    /// Byte range in the entry's text on that side.
    pub range: Range<usize>,
}

/// A search: the query, its hits in reading order, and the hit last gone to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Search {
    /// What is searched for.
    pub query: String,
    /// Every hit, ordered by entry, then side (base first), then position.
    pub hits: Vec<Hit>,
    /// Index into `hits` of the hit last gone to.
    pub current: Option<usize>,
}

impl Search {
    /// Whether the query has reached [`MAX_QUERY_CHARS`]: more typing is ignored.
    #[must_use]
    pub fn is_full(&self) -> bool {
        self.query.chars().count() >= MAX_QUERY_CHARS
    }

    /// Runs a query over a layout.
    #[must_use]
    pub fn new(query: String, layout: &PairRows) -> Self {
        let hits = find(layout, &query);
        Self {
            query,
            hits,
            current: None,
        }
    }

    /// The same query over another layout (after a resize, a version switch…).
    #[must_use]
    pub fn rerun(&self, layout: &PairRows) -> Self {
        Self::new(self.query.clone(), layout)
    }

    /// The hits in one entry's text on one side.
    #[must_use]
    pub fn hits_in(&self, entry: EntryIx, side: Side) -> &[Hit] {
        let start = self
            .hits
            .partition_point(|h| (h.entry, h.side) < (entry, side));
        let len = self.hits[start..].partition_point(|h| (h.entry, h.side) == (entry, side));
        &self.hits[start..start + len]
    }

    /// The first hit in or after an entry, wrapping to the first hit.
    #[must_use]
    pub fn first_from(&self, entry: EntryIx) -> Option<usize> {
        if self.hits.is_empty() {
            return None;
        }
        let at = self.hits.partition_point(|h| h.entry < entry);
        Some(if at == self.hits.len() { 0 } else { at })
    }
}

/// Every hit of `query` in the layout's entry texts.
#[must_use]
pub fn find(layout: &PairRows, query: &str) -> Vec<Hit> {
    if query.is_empty() {
        return Vec::new();
    }
    let fold = !query.chars().any(char::is_uppercase);
    let needle: Vec<char> = query
        .chars()
        .map(|c| if fold { lower(c) } else { c })
        .collect();
    let mut hits = Vec::new();
    for (i, entry) in layout.entries.iter().enumerate() {
        for side in Side::BOTH {
            let Some(text) = entry.side(side) else {
                continue;
            };
            for range in matches(&text.text, &needle, fold) {
                hits.push(Hit {
                    entry: EntryIx(i),
                    side,
                    range,
                });
            }
        }
    }
    hits
}

/// A character folded for comparison (only single-character lowercase mappings; others as-is).
fn lower(c: char) -> char {
    let mut lowered = c.to_lowercase();
    match (lowered.next(), lowered.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Non-overlapping occurrences of a needle in a text.
fn matches(text: &str, needle: &[char], fold: bool) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let key = |c: char| if fold { lower(c) } else { c };
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= chars.len() {
        let found = needle
            .iter()
            .enumerate()
            .all(|(k, n)| key(chars[i + k].1) == *n);
        if found {
            let end = chars
                .get(i + needle.len())
                .map_or(text.len(), |(at, _)| *at);
            out.push(chars[i].0..end);
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'a>(text: &'a str, query: &str) -> Vec<&'a str> {
        let fold = !query.chars().any(char::is_uppercase);
        let needle: Vec<char> = query
            .chars()
            .map(|c| if fold { lower(c) } else { c })
            .collect();
        matches(text, &needle, fold)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn lower_case_queries_ignore_case() {
        assert_eq!(
            found("Kyiv and KYIV and kyiv", "kyiv"),
            ["Kyiv", "KYIV", "kyiv"]
        );
    }

    #[test]
    fn a_capital_letter_makes_the_query_case_sensitive() {
        assert_eq!(found("Kyiv and KYIV and kyiv", "Kyiv"), ["Kyiv"]);
    }

    #[test]
    fn non_ascii_text_is_matched_on_character_boundaries() {
        assert_eq!(
            found("Jean-Noël Barrot, JEAN-NOËL", "noël"),
            ["Noël", "NOËL"]
        );
    }

    #[test]
    fn hits_do_not_overlap() {
        assert_eq!(found("aaaa", "aa"), ["aa", "aa"]);
    }
}
