//! Text to paragraphs and sentences, with byte ranges into the version's text.
//!
//! Paragraphs are blank-line separated blocks or single lines; a block whose lines were
//! hard-wrapped at a fixed width (e-mail, plain-text books) is unwrapped into one paragraph, while
//! one-paragraph-per-line text keeps its lines. Sentences come from UAX#29 boundaries
//! (unicode-segmentation) followed by a merge pass, because UAX#29 knows no abbreviations and
//! would split "Gen. | Randy George" and "U.S. | Army".
//!
//! Every non-whitespace byte of the text belongs to exactly one sentence: pieces without letters
//! or digits ("…", "—") join a neighbour instead of being dropped.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::model::PassageKind;

/// One sentence (or heading, or boilerplate line) of a version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range into the text, trimmed of surrounding whitespace.
    pub range: Range<usize>,
    /// Story text, heading or boilerplate.
    pub kind: PassageKind,
    /// Index of the paragraph it belongs to.
    pub paragraph: usize,
}

/// Splits a text into paragraphs: byte ranges trimmed of surrounding whitespace, in order.
#[must_use]
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let lines = lines(text);
    let wrap_width = wrap_width(text, &lines);
    let mut paragraphs: Vec<Range<usize>> = Vec::new();
    let mut open: Option<Range<usize>> = None;
    for (i, line) in lines.iter().enumerate() {
        let content = text[line.clone()].trim();
        if content.is_empty() {
            paragraphs.extend(open.take());
            continue;
        }
        let trimmed = trim_range(text, line.clone());
        open = Some(match open.take() {
            Some(prev) if continues_paragraph(text, &lines[i - 1], line, wrap_width) => {
                prev.start..trimmed.end
            }
            Some(prev) => {
                paragraphs.push(prev);
                trimmed
            }
            None => trimmed,
        });
    }
    paragraphs.extend(open);
    paragraphs
}

/// Splits a text into sentences, headings and boilerplate lines, in reading order.
#[must_use]
pub fn sentences(text: &str, paragraphs: &[Range<usize>], keep_boilerplate: bool) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (index, para) in paragraphs.iter().enumerate() {
        let kind = classify(&text[para.clone()], keep_boilerplate);
        if kind == PassageKind::Text {
            out.extend(
                split_sentences(text, para.clone())
                    .into_iter()
                    .map(|range| Sentence {
                        range,
                        kind,
                        paragraph: index,
                    }),
            );
        } else {
            out.push(Sentence {
                range: para.clone(),
                kind,
                paragraph: index,
            });
        }
    }
    out
}

/// Line ranges without their line ends; LF, CRLF and CR all end a line.
fn lines(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push(start..i);
                start = i + 1;
            }
            b'\r' => {
                out.push(start..i);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < bytes.len() {
        out.push(start..bytes.len());
    }
    out
}

/// The width a text looks hard-wrapped at, if it does: most non-empty lines are short (at most
/// 100 columns) and many end close to one common maximum.
fn wrap_width(text: &str, lines: &[Range<usize>]) -> Option<usize> {
    let mut widths: Vec<usize> = lines
        .iter()
        .map(|l| text[l.clone()].trim_end().chars().count())
        .filter(|&w| w > 0)
        .collect();
    if widths.len() < 4 {
        return None;
    }
    widths.sort_unstable();
    let width = widths[widths.len() * 9 / 10];
    if !(30..=100).contains(&width) {
        return None;
    }
    let near_max = widths
        .iter()
        .filter(|&&w| w + 15 >= width && w <= width + 2)
        .count();
    (near_max * 2 >= widths.len()).then_some(width)
}

/// Whether `next` continues the paragraph that `prev` is part of.
fn continues_paragraph(
    text: &str,
    prev: &Range<usize>,
    next: &Range<usize>,
    wrap_width: Option<usize>,
) -> bool {
    let prev_text = text[prev.clone()].trim_end();
    let next_text = text[next.clone()].trim();
    // Web debris sits on lines of its own, whatever the layout around it.
    if is_boilerplate(prev_text) || is_boilerplate(next_text) {
        return false;
    }
    let starts_lower = next_text.chars().next().is_some_and(char::is_lowercase);
    if starts_lower && !ends_sentence(prev_text) && !is_list_item(next_text) {
        return true;
    }
    let Some(width) = wrap_width else {
        return false;
    };
    // The wrapping broke the line if the next line's first word would not have fitted on it;
    // an author's own break usually leaves room. List items always start a new block.
    let prev_width = prev_text.chars().count();
    let next_word = next_text
        .split_whitespace()
        .next()
        .map_or(0, |w| w.chars().count());
    let forced = prev_width + 1 + next_word > width;
    // A short line after a finished sentence is a line of its own (a heading, a caption), not
    // the tail of a wrapped paragraph.
    let short_after_sentence =
        ends_sentence(prev_text) && next_text.chars().count() * 5 < width * 3;
    forced && !short_after_sentence && !is_list_item(next_text) && !is_list_item(prev_text)
}

fn ends_sentence(line: &str) -> bool {
    line.chars()
        .rev()
        .find(|c| !matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»'))
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | ':' | '…'))
}

fn is_list_item(line: &str) -> bool {
    let line = line.trim_start();
    line.starts_with(['-', '*', '•', '–', '·'])
        || line.split_once(['.', ')']).is_some_and(|(num, _)| {
            !num.is_empty() && num.len() <= 3 && num.chars().all(|c| c.is_ascii_digit())
        })
}

fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    start..end.max(start)
}

/// Phrases that mark web-page debris when they make up a short line.
const BOILERPLATE_LINES: &[&str] = &[
    "table of contents",
    "featured-image",
    "featured image",
    "ask onix",
    "advertisement",
    "advertisements",
    "sponsored",
    "sponsored content",
    "share",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "subscribe",
    "subscribe now",
    "sign up",
    "sign up for our newsletter",
    "read more",
    "related",
    "related articles",
    "recommended",
    "click here",
    "follow us",
    "skip to content",
    "comments",
    "print",
    "email",
    "all rights reserved",
];

/// Line starts that mark debris whatever follows ("Also Read: <another headline>").
const BOILERPLATE_PREFIXES: &[&str] = &[
    "also read:",
    "read also:",
    "read more:",
    "related:",
    "see also:",
    "advertisement",
    "subscribe to",
    "sign up for",
    "follow us on",
    "share this",
    "click here",
    "photo:",
    "image:",
    "image source:",
    "copyright ©",
    "©",
];

/// Decides what a paragraph is: boilerplate, a heading, or story text.
fn classify(paragraph: &str, keep_boilerplate: bool) -> PassageKind {
    if !keep_boilerplate && is_boilerplate(paragraph) {
        return PassageKind::Boilerplate;
    }
    if is_heading(paragraph) {
        PassageKind::Heading
    } else {
        PassageKind::Text
    }
}

fn is_boilerplate(paragraph: &str) -> bool {
    let lower = paragraph.trim().to_lowercase();
    let words = lower.split_whitespace().count();
    if words == 0 {
        return false;
    }
    let bare = lower
        .trim_end_matches([':', '.', '!', '›', '»', '>'])
        .trim();
    if words <= 6 && BOILERPLATE_LINES.contains(&bare) {
        return true;
    }
    if words <= 25 && BOILERPLATE_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    is_byline(paragraph.trim())
}

/// "By Benjamin D Applebaum", "By Jane Doe and John Roe": a short line of capitalised names.
fn is_byline(line: &str) -> bool {
    let Some(rest) = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))
    else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    (1..=8).contains(&words.len())
        && !ends_sentence(line)
        && words.iter().all(|w| {
            matches!(*w, "and" | "&" | "of" | "de" | "van" | "von")
                || w.chars().next().is_some_and(char::is_uppercase)
                || w.ends_with(',')
        })
}

/// A heading: one short line that does not read as a sentence.
fn is_heading(paragraph: &str) -> bool {
    let line = paragraph.trim();
    if line.contains('\n') || is_list_item(line) {
        return false;
    }
    let words = line.split_whitespace().count();
    let first_upper = line
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    (1..=16).contains(&words) && first_upper && !ends_sentence(line) && !line.ends_with(',')
}

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
fn split_sentences(text: &str, para: Range<usize>) -> Vec<Range<usize>> {
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
    for (offset, piece) in unwrapped.split_sentence_bound_indices() {
        let range = trim_range(&unwrapped, offset..offset + piece.len());
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
fn is_single_sentence(paragraph: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence_texts(text: &str) -> Vec<&str> {
        let paras = paragraphs(text);
        sentences(text, &paras, false)
            .iter()
            .map(|s| &text[s.range.clone()])
            .collect()
    }

    fn paragraph_texts(text: &str) -> Vec<String> {
        paragraphs(text)
            .iter()
            .map(|r| text[r.clone()].replace('\n', " "))
            .collect()
    }

    #[test]
    fn titles_and_initials_do_not_end_sentences() {
        let text = "Col. David Butler spoke. Gen. Randy George and Sgt. Maj. Michael Weimer \
                    came with Benjamin D. Applebaum. They left.";
        assert_eq!(
            sentence_texts(text),
            [
                "Col. David Butler spoke.",
                "Gen. Randy George and Sgt. Maj. Michael Weimer came with Benjamin D. Applebaum.",
                "They left."
            ]
        );
    }

    #[test]
    fn us_army_stays_together_but_us_then_sentence_splits() {
        assert_eq!(
            sentence_texts("The U.S. Army came. It left the U.S. The move cost $5.5 million."),
            [
                "The U.S. Army came.",
                "It left the U.S.",
                "The move cost $5.5 million."
            ]
        );
    }

    #[test]
    fn dates_numbers_and_saints_stay_in_one_sentence() {
        assert_eq!(
            sentence_texts(
                "Talks resume Nov. 25 at No. 10 in St. Petersburg. It costs $105m (£80m). Done."
            ),
            [
                "Talks resume Nov. 25 at No. 10 in St. Petersburg.",
                "It costs $105m (£80m).",
                "Done."
            ]
        );
    }

    #[test]
    fn one_paragraph_per_line_keeps_lines_apart() {
        let text = "A long first paragraph that ends here.\nThe next paragraph starts here.\n";
        assert_eq!(paragraph_texts(text).len(), 2);
    }

    #[test]
    fn hard_wrapped_paragraphs_are_unwrapped() {
        let text = "This paragraph was wrapped by a mail program at a fixed\n\
                    width of sixty columns, so its lines break in the middle\n\
                    of sentences. Nobody meant these line breaks to matter at\n\
                    all.\n\
                    \n\
                    Second paragraph, also wrapped at the same fixed width so\n\
                    that it spans two lines.\n";
        let paras = paragraph_texts(text);
        assert_eq!(paras.len(), 2, "{paras:?}");
        assert!(paras[0].ends_with("at all."));
    }

    #[test]
    fn mixed_text_unwraps_only_the_wrapped_block() {
        let text = "Short Heading\n\
                    This body text was hard-wrapped at about fifty-five\n\
                    columns, the way old mailers did it, and it goes on\n\
                    for a few lines before it finally comes to an end.\n\
                    \n\
                    Another line.\n";
        let paras = paragraph_texts(text);
        assert_eq!(paras[0], "Short Heading");
        assert!(
            paras[1].starts_with("This body") && paras[1].ends_with("an end."),
            "{paras:?}"
        );
    }

    #[test]
    fn debris_lines_stay_apart_from_short_story_lines() {
        let text = "Table of Contents\n\
                    The festival drew 80,000 people over three days.\n\
                    Share this article\n\
                    Organisers said ticket sales beat last year's record.\n\
                    Also Read: Ten festivals to visit this summer\n";
        assert_eq!(
            paragraph_texts(text).len(),
            5,
            "{:?}",
            paragraph_texts(text)
        );
    }

    #[test]
    fn the_single_sentence_shortcut_agrees_with_uax29() {
        for text in [
            "And God said, Let there be light: and there was light.",
            "He said “stop” — and left!",
            "No terminator at all",
            "Two. Sentences here.",
            "It cost 3.5 million.",
            "Wait… what?",
            "句子。另一个。",
        ] {
            let slow: Vec<&str> = text
                .split_sentence_bounds()
                .filter(|s| !s.trim().is_empty())
                .collect();
            if is_single_sentence(text) {
                assert_eq!(
                    slow.len(),
                    1,
                    "{text:?} was taken for one sentence: {slow:?}"
                );
            }
        }
        assert!(is_single_sentence(
            "And God said, Let there be light: and there was light."
        ));
        assert!(!is_single_sentence("Two. Sentences here."));
    }

    #[test]
    fn crlf_and_cr_line_ends_split_paragraphs() {
        assert_eq!(
            paragraph_texts("One line.\r\nTwo line.\rThree line.").len(),
            3
        );
    }

    #[test]
    fn headings_and_boilerplate_are_recognised() {
        use PassageKind::{Boilerplate, Heading, Text};
        let text = "Table of Contents\nPeace Talks Resume in Kyiv\nBy Benjamin D Applebaum\n\
                    The talks resumed.\nAlso Read: Another story entirely\n";
        let paras = paragraphs(text);
        let kinds: Vec<PassageKind> = sentences(text, &paras, false)
            .iter()
            .map(|s| s.kind)
            .collect();
        assert_eq!(
            kinds,
            [Boilerplate, Heading, Boilerplate, Text, Boilerplate]
        );
        let kept: Vec<PassageKind> = sentences(text, &paras, true)
            .iter()
            .map(|s| s.kind)
            .collect();
        assert!(!kept.contains(&Boilerplate));
    }

    #[test]
    fn punctuation_only_pieces_join_a_sentence() {
        let text = "He paused... \u{2014} Then spoke.";
        let got = sentence_texts(text);
        let total: usize = got
            .iter()
            .map(|s| s.chars().filter(|c| !c.is_whitespace()).count())
            .sum();
        assert_eq!(total, text.chars().filter(|c| !c.is_whitespace()).count());
    }
}
