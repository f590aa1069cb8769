//! Sentences of one paragraph: UAX#29 boundaries, then a merge pass over the abbreviations
//! and initials news uses ("Gen. | Randy George", "U.S. | Army", "Nov. | 25").

use std::ops::Range;

use super::trim_range;

mod bounds;

/// Abbreviations after which a period never ends a sentence when a word follows.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "sgt", "cpl", "pvt", "capt",
    "cmdr", "cdr", "adm", "gov", "sen", "rep", "pres", "rev", "hon", "st", "mt", "ft", "jr", "sr",
    "vs", "messrs", "supt", "insp", "det", "brig", "gens", "sens", "reps", "fr", "sec", "amb",
];

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Abbreviations that may end a sentence ("moved to the U.S. The move…") and so join the next
/// piece only when it does not start like a new sentence.
const AMBIGUOUS: &[&str] = &[
    "u.s", "u.k", "u.n", "e.u", "d.c", "inc", "co", "corp", "ltd", "llc", "no", "nos", "vol",
    "approx", "est", "dept", "univ", "a.m", "p.m", "etc", "al",
];

/// Words that usually start a sentence, so a preceding ambiguous abbreviation ended one.
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "in",
    "on",
    "at",
    "but",
    "and",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "its",
    "their",
    "our",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "however",
    "meanwhile",
    "for",
    "so",
    "yet",
    "officials",
];

/// UAX#29 sentences of one paragraph, merged across abbreviations, trimmed.
pub(super) fn split_sentences(text: &str, para: Range<usize>) -> Vec<Range<usize>> {
    if is_single_sentence(&text[para.clone()]) {
        return vec![para];
    }
    // Line breaks inside a paragraph are wrapping, not sentence ends: blank them (same byte
    // length, so offsets hold) before asking UAX#29.
    let slice = &text[para.clone()];
    let unwrapped: std::borrow::Cow<str> = if slice.contains(['\n', '\r']) {
        slice.replace(['\n', '\r'], " ").into()
    } else {
        slice.into()
    };
    let mut pieces: Vec<Range<usize>> = Vec::new();
    for piece in bounds::sentence_pieces(&unwrapped) {
        let range = trim_range(&unwrapped, piece);
        if range.is_empty() {
            continue;
        }
        let has_word = unwrapped[range.clone()].chars().any(char::is_alphanumeric);
        match pieces.last_mut() {
            Some(prev)
                if !has_word || joins_next(&unwrapped[prev.clone()], &unwrapped[range.clone()]) =>
            {
                prev.end = range.end;
            }
            _ => pieces.push(range),
        }
    }
    // A leading piece without words ("— ") joins the sentence after it.
    if pieces.len() > 1
        && !unwrapped[pieces[0].clone()]
            .chars()
            .any(char::is_alphanumeric)
    {
        let first = pieces.remove(0);
        pieces[0].start = first.start;
    }
    pieces
        .into_iter()
        .map(|r| para.start + r.start..para.start + r.end)
        .collect()
}

/// A cheap test that spares the UAX#29 pass (the costliest step of loading a long text): a
/// paragraph with no sentence terminator before its final punctuation cannot hold two sentences.
/// Only characters known not to end a sentence count as safe; anything else, any non-ASCII
/// punctuation outside a short list included, sends the paragraph to the full algorithm.
pub(super) fn is_single_sentence(paragraph: &str) -> bool {
    let interior = paragraph.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '.' | '!' | '?' | '"' | '\'' | ')' | ']' | '”' | '’' | '»'
            )
    });
    interior.chars().all(|c| {
        if c.is_ascii() {
            !matches!(c, '.' | '!' | '?' | '\n' | '\r' | '\u{b}' | '\u{c}')
        } else {
            c.is_alphabetic()
                || matches!(c, '’' | '‘' | '“' | '”' | '—' | '–' | '«' | '»' | '\u{a0}')
        }
    })
}

/// Whether the piece `prev` was cut after an abbreviation and continues into `next`.
fn joins_next(prev: &str, next: &str) -> bool {
    let Some(before_dot) = prev.strip_suffix('.') else {
        return false;
    };
    let last_word = before_dot
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    let lower = last_word.to_lowercase();
    let next_word: String = next
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '\'')
        .collect();
    let next_starts_digit = next.chars().next().is_some_and(|c| c.is_ascii_digit());
    if TITLES.contains(&lower.as_str()) {
        return true;
    }
    if (MONTHS.contains(&lower.as_str()) || lower == "no" || lower == "nos") && next_starts_digit {
        return true;
    }
    // An initial: "Benjamin D. Applebaum", "J. R. R. Tolkien".
    let mut chars = last_word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return true;
    }
    if AMBIGUOUS.contains(&lower.as_str()) || is_dotted_acronym(last_word) {
        let starter = SENTENCE_STARTERS.contains(&next_word.to_lowercase().as_str());
        let capitalised = next.chars().next().is_some_and(char::is_uppercase);
        return (capitalised || next_starts_digit) && !starter;
    }
    false
}

/// "U.S", "D.C", "U.K" (the final dot already stripped).
fn is_dotted_acronym(word: &str) -> bool {
    word.len() >= 3
        && word
            .split('.')
            .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic))
}
