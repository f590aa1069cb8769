//! Word wrapping by display width.
//!
//! Widths are measured per grapheme with `unicode-width` (as ratatui's buffer measures them), so a
//! wrapped line is exactly as wide as a terminal draws it: CJK and emoji take two cells, combining marks none.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Display width of a grapheme cluster (or any text) in terminal cells, as a terminal and
/// ratatui's buffer count it: `unicode-width`, plus one cell for each halfwidth (han)dakuten
/// (U+FF9E, U+FF9F), which `unicode-width` counts as combining but terminals draw on their own.
#[must_use]
pub fn width(text: &str) -> usize {
    text.width()
        + text
            .chars()
            .filter(|c| matches!(c, '\u{ff9e}' | '\u{ff9f}'))
            .count()
}

/// Cuts text to at most `max` columns, ending in `…` when something was cut.
#[must_use]
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for grapheme in text.graphemes(true) {
        let w = width(grapheme);
        if used + w + 1 > max {
            break;
        }
        out.push_str(grapheme);
        used += w;
    }
    out.push('…');
    out
}

/// A word and the whitespace after it.
struct Piece {
    /// Byte range of the word (may be empty for leading whitespace).
    word: Range<usize>,
    /// Display width of the word.
    width: usize,
    /// Display width of the whitespace after it.
    space: usize,
}

/// Wide punctuation that must not start a line.
const CLOSING: [&str; 12] = [
    "。", "、", "，", "．", "」", "』", "）", "！", "？", "：", "；", "〉",
];

/// Collects pieces grapheme by grapheme.
struct Pieces {
    out: Vec<Piece>,
    current: Piece,
}

impl Pieces {
    fn fresh(at: usize) -> Piece {
        Piece {
            word: at..at,
            width: 0,
            space: 0,
        }
    }

    fn space(&mut self, width: usize) {
        self.current.space += width;
    }

    /// Adds a wide closing mark ("。", "」") to the wide grapheme before it, so that a line never
    /// starts with one (the CJK rule called kinsoku).
    fn closing(&mut self, range: Range<usize>, width: usize) {
        let glued = self.current.word.is_empty() && self.current.space == 0;
        match self.out.last_mut() {
            Some(last) if glued && last.space == 0 && last.word.end == range.start => {
                last.word.end = range.end;
                last.width += width;
                self.current = Self::fresh(range.end);
            }
            _ => self.text(range, width, true),
        }
    }

    /// Adds non-space text at `range` of `width` cells: one wide grapheme, or a run of narrow
    /// ones.
    fn text(&mut self, range: Range<usize>, width: usize, wide: bool) {
        if self.current.space > 0 || (wide && !self.current.word.is_empty()) {
            let next = Self::fresh(range.start);
            self.out.push(std::mem::replace(&mut self.current, next));
        }
        if self.current.word.is_empty() {
            self.current.word = range.start..range.start;
        }
        self.current.word.end = range.end;
        self.current.width += width;
        if wide {
            let next = Self::fresh(range.end);
            self.out.push(std::mem::replace(&mut self.current, next));
        }
    }

    fn finish(mut self) -> Vec<Piece> {
        if !self.current.word.is_empty() || self.current.space > 0 {
            self.out.push(self.current);
        }
        self.out
    }
}

/// Splits text into pieces at whitespace; every wide grapheme (CJK, emoji) is a piece of its own,
/// because CJK text has no spaces and may break between any two characters.
///
/// Words of plain ASCII (most words of most articles) take a fast path: one cell per byte. Only
/// other words are cut into graphemes and measured one by one.
fn pieces(text: &str) -> Vec<Piece> {
    let mut pieces = Pieces {
        out: Vec::new(),
        current: Pieces::fresh(0),
    };
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b' ' {
            pieces.space(1);
            at += 1;
            continue;
        }
        let end = bytes[at..]
            .iter()
            .position(|b| *b == b' ')
            .map_or(bytes.len(), |n| at + n);
        let word = &text[at..end];
        if word.is_ascii() {
            pieces.text(at..end, word.len(), false);
        } else {
            for (offset, g) in word.grapheme_indices(true) {
                let width = width(g);
                let start = at + offset;
                if g.chars().all(char::is_whitespace) {
                    pieces.space(width);
                } else if width > 1 && CLOSING.contains(&g) {
                    pieces.closing(start..start + g.len(), width);
                } else {
                    pieces.text(start..start + g.len(), width, width > 1);
                }
            }
        }
        at = end;
    }
    pieces.finish()
}

/// Breaks `text` into lines at most `width` cells wide, at word boundaries and at every `\n`
/// (a line end the text keeps: a list item, a new paragraph); a word wider than a line is broken
/// between graphemes. Returns byte ranges without trailing whitespace, and no line for empty
/// text.
#[must_use]
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    if !text.contains('\n') {
        return wrap_line(text, width);
    }
    let mut lines = Vec::new();
    let mut at = 0;
    for part in text.split('\n') {
        lines.extend(
            wrap_line(part, width)
                .into_iter()
                .map(|r| r.start + at..r.end + at),
        );
        at += part.len() + 1;
    }
    lines
}

/// [`wrap`] for text without line ends.
fn wrap_line(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut used = 0;
    for piece in pieces(text) {
        if piece.word.is_empty() {
            // Whitespace at the start of a line is skipped, elsewhere it takes room.
            if start.is_some() {
                used += piece.space;
            }
            continue;
        }
        if start.is_some() && used + piece.width > width {
            lines.extend(start.take().map(|s| s..end));
            used = 0;
        }
        if piece.width > width {
            for (at, g) in text[piece.word.clone()].grapheme_indices(true) {
                let w = self::width(g);
                let at = piece.word.start + at;
                if start.is_some() && used + w > width {
                    lines.extend(start.take().map(|s| s..end));
                    used = 0;
                }
                start.get_or_insert(at);
                end = at + g.len();
                used += w;
            }
        } else {
            start.get_or_insert(piece.word.start);
            end = piece.word.end;
            used += piece.width;
        }
        used += piece.space;
    }
    lines.extend(start.map(|s| s..end));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn a_kept_line_end_always_breaks_the_line() {
        let text = "The plan includes:\n- fewer troops\n- fewer weapons";
        assert_eq!(
            lines(text, 40),
            ["The plan includes:", "- fewer troops", "- fewer weapons"]
        );
        assert_eq!(
            lines(text, 10),
            [
                "The plan",
                "includes:",
                "- fewer",
                "troops",
                "- fewer",
                "weapons"
            ]
        );
    }

    #[test]
    fn breaks_at_spaces_and_drops_trailing_space() {
        assert_eq!(
            lines("Gen. Randy George spoke", 12),
            ["Gen. Randy", "George spoke"]
        );
    }

    #[test]
    fn a_word_that_fits_exactly_stays_on_the_line() {
        assert_eq!(lines("abc def", 7), ["abc def"]);
        assert_eq!(lines("abc def", 6), ["abc", "def"]);
    }

    #[test]
    fn long_words_are_broken_between_graphemes() {
        assert_eq!(lines("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn cjk_breaks_between_characters_and_counts_two_cells_each() {
        assert_eq!(lines("中文字符测试", 5), ["中文", "字符", "测试"]);
    }

    #[test]
    fn cjk_closing_punctuation_never_starts_a_line() {
        assert_eq!(lines("会議が開かれた。次", 14), ["会議が開かれ", "た。次"]);
    }

    #[test]
    fn combining_marks_take_no_width() {
        let text = "e\u{301}e\u{301}e\u{301} abc";
        assert_eq!(lines(text, 3), ["e\u{301}e\u{301}e\u{301}", "abc"]);
    }

    #[test]
    fn emoji_sequences_count_as_one_wide_grapheme() {
        let family = "👩\u{200d}👩\u{200d}👧";
        let text = format!("ab {family} cd");
        assert_eq!(lines(&text, 5), [format!("ab {family}").as_str(), "cd"]);
    }

    #[test]
    fn empty_and_blank_text_have_no_lines() {
        assert!(wrap("", 10).is_empty());
        assert!(wrap("   ", 10).is_empty());
    }

    #[test]
    fn leading_whitespace_is_skipped() {
        assert_eq!(lines("  ab cd", 2), ["ab", "cd"]);
    }
}
