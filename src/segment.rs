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
    // Whether the previous line is web debris, once checked. A line is checked only where it
    // would join its neighbour (a line that starts a paragraph anyway needs no check), and
    // once, not once as the next line and again as the previous one (a book has a hundred
    // thousand lines).
    let mut prev_boilerplate: Option<bool> = None;
    for (i, line) in lines.iter().enumerate() {
        let content = text[line.clone()].trim();
        if content.is_empty() {
            paragraphs.extend(open.take());
            prev_boilerplate = None;
            continue;
        }
        let mut boilerplate = None;
        let trimmed = trim_range(text, line.clone());
        // `open` holds a paragraph only right after a non-blank line, `lines[i - 1]`.
        let mut joins = || {
            continues_paragraph(text, &lines[i - 1], line, wrap_width)
                && !*prev_boilerplate
                    .get_or_insert_with(|| is_boilerplate(text[lines[i - 1].clone()].trim()))
                && !*boilerplate.get_or_insert_with(|| is_boilerplate(content))
        };
        open = Some(match open.take() {
            Some(prev) if joins() => prev.start..trimmed.end,
            Some(prev) => {
                paragraphs.push(prev);
                trimmed
            }
            None => trimmed,
        });
        prev_boilerplate = boilerplate;
    }
    paragraphs.extend(open);
    paragraphs
}

/// Splits a text into sentences, headings and boilerplate lines, in reading order.
#[must_use]
pub fn sentences(text: &str, paragraphs: &[Range<usize>], keep_boilerplate: bool) -> Vec<Sentence> {
    let mut kinds: Vec<PassageKind> = paragraphs
        .iter()
        .map(|p| classify(&text[p.clone()], keep_boilerplate))
        .collect();
    if !keep_boilerplate {
        debris::mark_link_runs(text, paragraphs, &mut kinds);
    }
    let mut out = Vec::new();
    for (index, (para, &kind)) in paragraphs.iter().zip(&kinds).enumerate() {
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

/// Whether `next` continues the paragraph that `prev` is part of, neither of them being web
/// debris (which sits on lines of its own, whatever the layout around it; the caller checks).
fn continues_paragraph(
    text: &str,
    prev: &Range<usize>,
    next: &Range<usize>,
    wrap_width: Option<usize>,
) -> bool {
    let prev_text = text[prev.clone()].trim_end();
    let next_text = text[next.clone()].trim();
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

fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    start..end.max(start)
}

mod classify;
mod debris;
mod sentences;

pub(crate) use classify::is_list_item;
use classify::{classify, ends_sentence, is_boilerplate};
use sentences::split_sentences;

#[cfg(test)]
mod tests;
