//! Mojibake that lost bytes: resolve what is left by its context.
//!
//! When UTF-8 is read as Latin-1 and the C1 controls (bytes 0x80–0x9F) are then dropped, every
//! ’ “ ” ‘ — – (E2 80 xx) collapses to a lone "â" (seed 001: "Trumpâs", "âlasting peace…â",
//! "delegationâheaded"); a no-break space (C2 A0) whose second half was trimmed leaves a lone
//! "Â". Nothing can be re-encoded, so the punctuation is inferred from where the "â" stands:
//! before a contraction ending → ’, opening a word → “ (‘ when nested), closing a word → ” (’
//! when nested), between two words → —, between digits or spaces → –.
//!
//! A real "â" (château, România, Xuân) would be read as the reversible "Ã¢" in such a text,
//! so a lone "â" is resolved only in a text that shows unmistakable signs of this damage (see
//! [`has_lossy_evidence`]); a French or Vietnamese text without them keeps every "â".

use std::ops::Range;

use super::codepage::WESTERN;
use super::{Fix, Standing};

/// Contextual repair of a text's lone "â"s and "Â"s, and quote nesting per line.
pub(super) struct Lossy {
    lone_a: LoneA,
    /// Open quotes on the current line (0, 1 = inside “…”, 2 = inside ‘…’ within it).
    depth: u8,
    /// Where the previous lone "â" was, to notice line ends (they close all quotes).
    last: usize,
}

/// Whether lone "â"s of this text are damaged punctuation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LoneA {
    Resolve,
    Keep,
}

/// What a lone "â" stood for.
enum Role {
    Apostrophe,
    Dash(char),
    Open,
    Close,
}

impl Lossy {
    pub(super) fn new(text: &str) -> Self {
        let lone_a = if has_lossy_evidence(text) {
            LoneA::Resolve
        } else {
            LoneA::Keep
        };
        Self {
            lone_a,
            depth: 0,
            last: 0,
        }
    }

    /// The repair of the lossy sequence starting with `c` at byte `start`, if any. Called only
    /// where no reversible sequence starts.
    pub(super) fn fix_at(&mut self, text: &str, start: usize, c: char) -> Option<Fix> {
        let (end, replacement) = match c {
            'â' => truncated(text, start).or_else(|| self.lone_a(text, start))?,
            // Removed: the rest of the no-break space it began is gone.
            'Â' if is_trailing_a_circumflex(text, start) => (start + 'Â'.len_utf8(), None),
            _ => return None,
        };
        Some(Fix {
            original: start..end,
            replacement,
            standing: Standing::Alone,
        })
    }

    /// A lone "â" as punctuation, by context.
    fn lone_a(&mut self, text: &str, start: usize) -> Option<(usize, Option<char>)> {
        if self.lone_a == LoneA::Keep {
            return None;
        }
        if text[self.last..start].contains(['\n', '\r']) {
            self.depth = 0;
        }
        self.last = start;
        let run = run_of_a(text, start);
        let before = text[..run.start].chars().next_back();
        let after = text[run.end..].chars().next();
        let replacement = match role(text, run.clone(), before, after)? {
            Role::Apostrophe => '’',
            Role::Dash(dash) => dash,
            Role::Open => {
                self.depth = (self.depth + 1).min(2);
                if self.depth == 1 { '“' } else { '‘' }
            }
            Role::Close => match self.depth {
                0 => '”',
                1 => {
                    self.depth = 0;
                    '”'
                }
                _ => {
                    self.depth -= 1;
                    '’'
                }
            },
        };
        Some((start + 'â'.len_utf8(), Some(replacement)))
    }
}

/// Longest run of "â"s looked at; longer runs are not punctuation (and a bound keeps
/// pathological input linear).
const MAX_RUN: usize = 3;

/// Longest word looked at beside a lone "â" (same reason).
const MAX_WORD: usize = 32;

/// The byte range of the run of "â"s around `start` (at most [`MAX_RUN`] + 1 each way).
fn run_of_a(text: &str, start: usize) -> Range<usize> {
    const A: [u8; 2] = [0xC3, 0xA2]; // "â" in UTF-8
    let bytes = text.as_bytes();
    let is_a_at = |i: usize| bytes.get(i) == Some(&A[0]) && bytes.get(i + 1) == Some(&A[1]);
    let mut run = start..start + A.len();
    while run.len() <= MAX_RUN * A.len() && run.start >= A.len() && is_a_at(run.start - A.len()) {
        run.start -= A.len();
    }
    while run.len() <= 2 * MAX_RUN * A.len() && is_a_at(run.end) {
        run.end += A.len();
    }
    run
}

/// What a lone "â" (within a run of them) stood for, judged by its neighbours.
fn role(text: &str, run: Range<usize>, before: Option<char>, after: Option<char>) -> Option<Role> {
    let is_space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let single = run.len() == 'â'.len_utf8();
    if run.len() > MAX_RUN * 'â'.len_utf8() {
        return None;
    }
    match (before, after) {
        (Some(p), Some(n)) if p.is_alphanumeric() && n.is_alphanumeric() => {
            if !single {
                None
            } else if is_contraction(&text[run.end..], p) {
                Some(Role::Apostrophe)
            } else if p.is_ascii_digit() && n.is_ascii_digit() {
                Some(Role::Dash('–'))
            } else if word_like(word_before(&text[..run.start]))
                && word_like(word_after(&text[run.end..]))
            {
                Some(Role::Dash('—'))
            } else {
                None
            }
        }
        _ if is_space(before) && is_space(after) => single.then_some(Role::Dash('–')),
        (Some('s' | 'S'), Some(' ')) if single && starts_lowercase_word(&text[run.end + 1..]) => {
            // A plural possessive ("the players’ union"), not the end of a quote.
            Some(Role::Apostrophe)
        }
        (p, Some(n)) if !n.is_whitespace() && is_opening_context(p) => Some(Role::Open),
        (Some(p), Some(n)) if matches!(p, ',' | ':' | ';') && n.is_alphanumeric() => {
            Some(Role::Open)
        }
        (Some(_), n) if n.is_none_or(|n| n.is_whitespace() || is_closing_follower(n)) => {
            Some(Role::Close)
        }
        _ => None,
    }
}

fn starts_lowercase_word(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

fn is_opening_context(before: Option<char>) -> bool {
    before.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/'))
}

fn is_closing_follower(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '-' | '—' | '–'
    )
}

/// Whether `rest` (the text after a lone "â" that follows `before`) starts with an English
/// contraction ending: 's 't 're 've 'll 'd 'm, then a word boundary. 't only after n (don't).
fn is_contraction(rest: &str, before: char) -> bool {
    // Contraction endings have at most two letters: look at three characters, no more.
    let letters = rest.chars().take(3).take_while(|c| c.is_alphanumeric());
    let len: usize = letters.map(char::len_utf8).sum();
    let suffix = &rest[..len];
    let is = |ending: &str| suffix.eq_ignore_ascii_case(ending);
    if is("t") {
        return matches!(before, 'n' | 'N');
    }
    ["s", "re", "ve", "ll", "d", "m"].into_iter().any(is)
}

/// The letters and digits just before the end of `text` (at most [`MAX_WORD`]).
fn word_before(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .take(MAX_WORD)
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map_or(text.len(), |(i, _)| i);
    &text[start..]
}

/// The letters and digits at the start of `text` (at most [`MAX_WORD`]).
fn word_after(text: &str) -> &str {
    let len = text
        .chars()
        .take(MAX_WORD)
        .take_while(|c| c.is_alphanumeric())
        .map(char::len_utf8)
        .sum();
    &text[..len]
}

/// Whether a word next to a lone "â" looks like a whole English word or acronym, not a piece of
/// one: it has a vowel, or is an upper-case acronym. The pieces a real "â" splits French and
/// Romanian words into rarely do ("ch|teau", "th|tre", "p|te", "Rom|nia" is the exception).
fn word_like(word: &str) -> bool {
    let acronym = word.len() >= 2
        && word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    acronym || word.contains(['a', 'e', 'i', 'o', 'u', 'y', 'A', 'E', 'I', 'O', 'U', 'Y'])
}

/// A three-byte sequence that lost one byte but is still recognisable: "â€" before a boundary
/// is ” (its last byte, 0x9D, is undefined in windows-1252 and often dropped); "â¦", "â¢",
/// "â¬" lost their middle byte (…, • or ™, €).
fn truncated(text: &str, start: usize) -> Option<(usize, Option<char>)> {
    let rest = &text[start + 'â'.len_utf8()..];
    let mut chars = rest.chars();
    let second = chars.next()?;
    if !matches!(second, '€' | '¦' | '¬' | '¢') {
        return None;
    }
    let third = chars.next();
    // Only when the sequence really ends here; a continuation character means something else.
    let ends = third.is_none_or(|c| {
        WESTERN
            .byte_of(c)
            .is_none_or(|b| !(0x80..=0xBF).contains(&b))
    });
    if !ends {
        return None;
    }
    let before = text[..start].chars().next_back();
    let replacement = match second {
        '€' if third.is_none_or(|c| !c.is_alphanumeric()) => '”',
        '¦' => '…',
        '¬' => '€',
        '¢' if before.is_some_and(char::is_alphanumeric) => '™',
        '¢' => '•',
        _ => return None,
    };
    Some((
        start + 'â'.len_utf8() + second.len_utf8(),
        Some(replacement),
    ))
}

/// A lone "Â" at the end of a word is the first half of a no-break space (C2 A0) whose second
/// half was trimmed. A capital "Â" ending an upper-case word could be real, so it stays.
fn is_trailing_a_circumflex(text: &str, start: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[start + 'Â'.len_utf8()..].chars().next();
    before.is_some_and(|p| !p.is_whitespace() && !p.is_uppercase())
        && after.is_none_or(char::is_whitespace)
}

/// Whether a text shows damage that only lossy mojibake makes: a lone "â" right after sentence
/// punctuation before a space ("involved.â"), after an English word before a space, or between
/// an English word and a contraction ending ("Trumpâs"). No language writes a word-final "â"
/// after ASCII letters, so legitimate French, Romanian, Vietnamese or Welsh text does not
/// trigger it (Turkish "hâlâ" has a non-ASCII letter in its word).
fn has_lossy_evidence(text: &str) -> bool {
    text.match_indices('â').any(|(start, _)| {
        // Cheap test first; an "â" after another "â" was judged with the first of its run.
        let before = text[..start].chars().next_back();
        if !before.is_some_and(|p| p.is_ascii_alphabetic() || ".,;:!?".contains(p)) {
            return false;
        }
        let run = run_of_a(text, start);
        let rest = &text[run.end..];
        let after = rest.chars().next();
        match before {
            Some('.' | ',' | ';' | ':' | '!' | '?') => after.is_none_or(char::is_whitespace),
            Some(p) => {
                let word = word_before(&text[..start]);
                let english_word = (word.len() >= 2
                    && word.bytes().all(|b| b.is_ascii_alphabetic()))
                    || word == "I";
                english_word
                    && (after.is_none_or(char::is_whitespace)
                        || (run.len() == 2 && is_contraction(rest, p)))
            }
            None => false,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_before_a_lone_a_is_evidence() {
        assert!(has_lossy_evidence("peace will come.â He said"));
        assert!(has_lossy_evidence("Trumpâs envoy"));
        assert!(has_lossy_evidence("I donât know"));
    }

    #[test]
    fn real_words_with_a_circumflex_are_no_evidence() {
        for text in [
            "Le château de Versailles. Âge",
            "România și Xuân",
            "hâlâ geldi",
            "Welsh â'r",
        ] {
            assert!(!has_lossy_evidence(text), "{text}");
        }
    }

    #[test]
    fn contractions_need_a_boundary_and_t_needs_n() {
        assert!(is_contraction("s envoy", 'p'));
        assert!(is_contraction("ll go", 'I'));
        assert!(is_contraction("t know", 'n'));
        assert!(!is_contraction("t know", 'c'));
        assert!(!is_contraction("spirit", 'a'));
    }

    #[test]
    fn words_beside_a_dash_need_a_vowel_or_to_be_acronyms() {
        assert!(word_like("delegation"));
        assert!(word_like("CBS"));
        assert!(!word_like("ch"));
        assert_eq!(word_before("the delegation"), "delegation");
        assert_eq!(word_before("Noël"), "Noël");
        assert_eq!(word_after("headed by"), "headed");
    }

    #[test]
    fn truncated_sequences_resolve_by_their_remaining_byte() {
        assert_eq!(truncated("â€ said", 0), Some((5, Some('”'))));
        assert_eq!(truncated("wait\u{e2}\u{a6} x", 4), Some((8, Some('…'))));
        assert_eq!(truncated("â¬5", 0), Some((4, Some('€'))));
        assert_eq!(truncated("â¢ item", 0).map(|t| t.1), Some(Some('•')));
        assert_eq!(truncated("Brandâ¢ ", 5).map(|t| t.1), Some(Some('™')));
    }

    #[test]
    fn trailing_a_circumflex_is_dropped_but_not_in_upper_case_words() {
        assert!(is_trailing_a_circumflex("Russia.Â", 7));
        assert!(is_trailing_a_circumflex("10Â km", 2));
        assert!(!is_trailing_a_circumflex("Âge", 0));
        assert!(!is_trailing_a_circumflex("CÂ ", 1));
    }
}
