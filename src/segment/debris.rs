//! Debris that text copied out of web pages carries, beyond the fixed phrases of `classify`:
//! date stamps ("date 2025-11-19", "Nov 19, 2025, 8:04 PM ET", "Updated 3 hours ago"), photo
//! credits ("(AP Photo/Jim Cole)", "… REUTERS/Alina Smutko"), and runs of link titles, after a
//! bare "Also Read:" or "Most Popular", or a sidebar's three or more title-case lines in a row
//! ("104FM WIKY", "Reuters US Top", "The Daily Beast").
//!
//! Real headings look like link titles, so runs are judged in context (issue 9): a run ends at
//! a blank line, a heading is never three in a row, and the last line of a run that is followed
//! directly by story text is read as that text's heading. `tests/debris.rs` scores the rules on a
//! labelled set (`tests/fixtures/debris/`).

use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::classify::{ends_sentence, is_list_item};
use crate::model::PassageKind;

/// Labels a date stamp may start with.
const DATE_LABELS: &[&str] = &["date", "published", "updated", "posted", "last", "on"];

/// Words a date stamp is made of, besides numbers.
const DATE_WORDS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
    "mon",
    "monday",
    "tue",
    "tues",
    "tuesday",
    "wed",
    "wednesday",
    "thu",
    "thurs",
    "thursday",
    "fri",
    "friday",
    "sat",
    "saturday",
    "sun",
    "sunday",
    "am",
    "pm",
    "a.m",
    "p.m",
    "et",
    "est",
    "edt",
    "pt",
    "pst",
    "pdt",
    "ct",
    "cst",
    "cdt",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    "ist",
    "at",
    "ago",
    "hour",
    "hours",
    "minute",
    "minutes",
    "min",
    "mins",
    "day",
    "days",
    "week",
    "weeks",
    "|",
    "-",
    "•",
    "·",
    "updated",
    "published",
];

/// Pieces of photo and wire credits.
const CREDIT_MARKS: &[&str] = &[
    "getty images",
    "ap photo",
    "reuters/",
    "afp via",
    "/afp",
    "file photo",
    "photo by",
    "image credit",
    "photo credit",
    "photograph:",
    "via reuters",
];

/// Bare lines that introduce a list of links.
const LINK_LIST_LEADERS: &[&str] = &[
    "also read",
    "read also",
    "read more",
    "related",
    "related articles",
    "related stories",
    "related news",
    "see also",
    "more from",
    "more stories",
    "more news",
    "most popular",
    "most read",
    "trending",
    "trending now",
    "top stories",
    "recommended",
    "recommended for you",
    "you may also like",
    "you might also like",
    "latest news",
    "latest stories",
];

/// Whether a line is a date or time stamp, possibly labelled ("Updated 3 hours ago").
pub(super) fn is_date_stamp(line: &str) -> bool {
    // A stamp has a number and at most ten words: most lines fail before any allocation.
    if !line.bytes().any(|b| b.is_ascii_digit()) || line.split_whitespace().nth(10).is_some() {
        return false;
    }
    let lower = line.trim().to_lowercase();
    let words: Vec<&str> = lower
        .split_whitespace()
        .map(|w| w.trim_matches([',', '.', ':', '(', ')']))
        .filter(|w| !w.is_empty())
        .collect();
    let body: Vec<&str> = words
        .iter()
        .copied()
        .skip_while(|w| DATE_LABELS.contains(w))
        .collect();
    let has_number = body.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()));
    let dated = body.len() >= 2 || body.iter().any(|w| w.contains(['-', '/', ':']));
    !body.is_empty()
        && words.len() <= 10
        && has_number
        && dated
        && body.iter().all(|w| {
            DATE_WORDS.contains(w)
                || w.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, ':' | '/' | '-' | '.'))
                || is_ordinal(w)
        })
}

/// "19th", "2nd".
fn is_ordinal(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && matches!(&word[digits.len()..], "st" | "nd" | "rd" | "th")
}

/// Whether a line is a photo or wire credit.
#[cfg(test)]
fn is_credit(line: &str) -> bool {
    line.split_whitespace().nth(40).is_none() && has_credit_mark(&line.to_lowercase())
}

/// Whether a line in lower case holds a photo or wire credit's mark (a credit is a line of
/// at most 40 words that holds one).
pub(super) fn has_credit_mark(lower: &str) -> bool {
    // Every short line of a text is checked: the searchers are built once, not per search.
    static MARKS: LazyLock<Vec<Finder<'static>>> =
        LazyLock::new(|| CREDIT_MARKS.iter().map(Finder::new).collect());
    MARKS.iter().any(|m| m.find(lower.as_bytes()).is_some())
}

/// Marks link titles that follow a bare list leader, and sidebar runs of title-case lines,
/// as boilerplate. `kinds` holds each paragraph's kind from `classify`.
pub(super) fn mark_link_runs(text: &str, paragraphs: &[Range<usize>], kinds: &mut [PassageKind]) {
    let blank_before = |i: usize| {
        i > 0 && {
            let gap = &text[paragraphs[i - 1].end..paragraphs[i].start];
            gap.matches('\n').count() + gap.matches('\r').count() - gap.matches("\r\n").count() >= 2
        }
    };
    let title =
        |i: usize| kinds[i] != PassageKind::Text && is_title_like(&text[paragraphs[i].clone()]);
    let mut marks = Vec::new();
    let mut i = 0;
    while i < paragraphs.len() {
        let leader =
            kinds[i] == PassageKind::Boilerplate && is_leader(&text[paragraphs[i].clone()]);
        let start = if leader { i + 1 } else { i };
        let mut end = start;
        while end < paragraphs.len()
            && title(end)
            && (end == start || !blank_before(end))
            && (leader || kinds[end] != PassageKind::Boilerplate)
        {
            end += 1;
        }
        let mut run = start..end;
        let followed_by_text =
            end < paragraphs.len() && !blank_before(end) && kinds[end] == PassageKind::Text;
        if followed_by_text && !run.is_empty() {
            run.end -= 1;
        }
        if (leader && !run.is_empty()) || run.len() >= 3 {
            marks.push(run);
        }
        i = end.max(i + 1);
    }
    for run in marks {
        kinds[run].fill(PassageKind::Boilerplate);
    }
}

/// A bare line that introduces links: "Also Read:", "Related Stories", "More from Reuters".
fn is_leader(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    let bare = lower
        .trim_end_matches([':', '.', '›', '»', '>', '-', '–'])
        .trim();
    LINK_LIST_LEADERS.contains(&bare)
        || bare
            .strip_prefix("more from ")
            .is_some_and(|rest| rest.split_whitespace().count() <= 3)
}

/// Small words that stay lower case in title case.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "to", "for", "and", "at", "by", "with", "from", "or", "as",
    "vs", "is",
];

/// A link title: one short line, no finished sentence, most words capitalised.
fn is_title_like(line: &str) -> bool {
    let line = line.trim();
    if line.contains('\n') || is_list_item(line) || ends_sentence(line) && !line.ends_with(':') {
        return false;
    }
    let words: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    if words.is_empty() || words.len() > 12 {
        return false;
    }
    let counted: Vec<&&str> = words
        .iter()
        .filter(|w| !SMALL_WORDS.contains(&w.to_lowercase().as_str()))
        .collect();
    let capital = counted
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        .count();
    capital * 3 >= counted.len() * 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_stamps_are_told_from_headings() {
        for stamp in [
            "date 2025-11-19",
            "2025-11-19",
            "Nov 19, 2025, 8:04 PM ET",
            "Published November 19, 2025 at 10:32 AM EST",
            "Updated 3 hours ago",
            "Wednesday 19th November 2025",
        ] {
            assert!(is_date_stamp(stamp), "{stamp}");
        }
        for heading in [
            "2025",
            "May Day protests",
            "Updated guidance for schools",
            "On 5 fronts",
        ] {
            assert!(!is_date_stamp(heading), "{heading}");
        }
    }

    #[test]
    fn credits_are_recognised() {
        assert!(is_credit("(Photo by Mary Ellen Shore/Getty Images)"));
        assert!(is_credit(
            "A downed line in Peoria, Ill. (AP Photo/Jim Cole)"
        ));
        assert!(!is_credit("The photographer said the images were real."));
    }
}
