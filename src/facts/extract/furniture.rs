//! Page furniture inside story text: datelines, timestamps and bylines. They date and sign the
//! page, not the story ("PORTSMOUTH, England (AP) —", "Updated: 19/11/2025 15:05", "By Hannah
//! Wells"), so a copy without them leaves nothing out and their numbers are no facts.

use crate::tokens::TokenClass;

use super::Tok;
use super::numbers::in_date_stamp;

/// Most words a line of furniture has ("Published 2025-11-19 14:32 GMT", a byline with a job).
const MAX_WORDS: usize = 12;

/// Words that open a timestamp or byline line.
const MARKERS: &[&str] = &["by", "published", "updated", "posted", "last", "modified"];

/// How many leading tokens of a sentence are furniture: all of them for a dateline, timestamp
/// or byline line, the "CITY, Country (AP) —" prefix of a story sentence, else none.
pub(super) fn furniture(toks: &[Tok<'_>]) -> usize {
    let words = toks.iter().filter(|t| t.class == TokenClass::Word).count();
    let stamp = (0..toks.len()).any(|i| in_date_stamp(toks, i) || is_clock(toks, i));
    let first = toks.iter().position(|t| t.class != TokenClass::Punct);
    let marker = first.is_some_and(|i| {
        let word = toks[i].text.to_lowercase();
        MARKERS.contains(&word.as_str())
            && toks
                .get(i + 1)
                .is_some_and(|n| n.text.starts_with(|c: char| c.is_uppercase() || c == ':'))
    });
    if words <= MAX_WORDS && (stamp || marker) {
        return toks.len();
    }
    dateline_prefix(toks).unwrap_or(0)
}

/// "10:30", "14:32": a clock time starting at token `i`.
fn is_clock(toks: &[Tok<'_>], i: usize) -> bool {
    let number = |k: usize| toks.get(k).is_some_and(|t| t.class == TokenClass::Number);
    number(i) && toks.get(i + 1).is_some_and(|t| t.is(":") && !t.gap) && number(i + 2)
}

/// The tokens of a wire dateline opening a sentence: a city in capitals, maybe a country or an
/// agency, then a dash ("KYIV, Ukraine (AP) —", "LONDON —").
fn dateline_prefix(toks: &[Tok<'_>]) -> Option<usize> {
    let first = toks.first()?;
    let letters = first.text.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 || first.text.chars().any(char::is_lowercase) {
        return None;
    }
    let dash = toks
        .iter()
        .take(10)
        .position(|t| t.gap && matches!(t.text, "—" | "–" | "--"))?;
    Some(dash + 1)
}

#[cfg(test)]
mod tests {
    use crate::facts::extract::extract;

    fn facts(text: &str) -> Vec<String> {
        extract(text)
            .facts
            .into_iter()
            .map(|f| text[f.range].to_string())
            .collect()
    }

    #[test]
    fn datelines_timestamps_and_bylines_are_no_facts() {
        assert_eq!(
            facts("PORTSMOUTH, England (AP) — Published 2025-11-19 14:32 GMT\n\nFire crews came."),
            Vec::<String>::new()
        );
        assert_eq!(
            facts("By Hannah Wells, Staff Reporter\nUpdated: 19/11/2025 15:05\n\nIt burned."),
            Vec::<String>::new()
        );
        assert_eq!(
            facts("RIVERSIDE — 3 March 2024, 09:15\n\nIt rained."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_dateline_prefix_leaves_the_story_sentence_its_facts() {
        assert_eq!(
            facts("KYIV, Ukraine (AP) — At least 26 people died in Ternopil on Wednesday."),
            ["26", "Ternopil", "Wednesday"]
        );
    }
}
