//! Tests of paragraphs, sentences and classification.

use unicode_segmentation::UnicodeSegmentation;

use super::sentences::is_single_sentence;
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
