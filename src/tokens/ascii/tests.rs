use std::path::Path;

use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

use crate::tokens::{Token, classify, tokenize};

/// The reference: every UAX#29 word of `text[range]` that is not whitespace.
fn reference(text: &str, range: std::ops::Range<usize>) -> Vec<Token> {
    let base = range.start;
    text[range]
        .split_word_bound_indices()
        .filter(|(_, piece)| !piece.chars().all(char::is_whitespace))
        .map(|(offset, piece)| Token {
            range: base + offset..base + offset + piece.len(),
            class: classify(piece),
        })
        .collect()
}

fn assert_same(text: &str) {
    assert_eq!(
        tokenize(text, 0..text.len()),
        reference(text, 0..text.len())
    );
}

/// Pieces of ASCII-ish text: the characters the word rules treat apart, whitespace of every
/// kind, and non-ASCII ones that join (combining marks, format characters, curly quotes,
/// letters, CJK, emoji, other spaces).
const PIECES: &[&str] = &[
    "a", "Z", "x", "7", "0", "_", ":", ".", "'", ",", ";", "\"", "-", "(", ")", "$", "%", "/", " ",
    " ", "  ", "\n", "\r", "\r\n", "\t", "\u{b}", "\u{c}", "\u{1f}", "’", "‘", "é", "\u{301}",
    "\u{ad}", "\u{200d}", "\u{200b}", "\u{a0}", "\u{3000}", "\u{2003}", "\u{85}", "\u{2028}", "東",
    "カ", "😀", "🇺", "א", "٣", "·", "․", "﹒", "\u{fe0f}",
];

fn ascii_ish() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            4 => proptest::sample::select(&PIECES[..18]),
            2 => proptest::sample::select(&PIECES[18..28]),
            1 => proptest::sample::select(PIECES),
        ],
        0..40,
    )
    .prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn fast_tokens_are_the_uax29_tokens(text in ascii_ish()) {
        prop_assert_eq!(tokenize(&text, 0..text.len()), reference(&text, 0..text.len()));
    }

    #[test]
    fn fast_tokens_of_a_sub_range_are_its_uax29_tokens(text in ascii_ish(), a in 0..60usize, b in 0..60usize) {
        let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        let (a, b) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
        let range = a.min(b)..a.max(b);
        prop_assert_eq!(tokenize(&text, range.clone()), reference(&text, range));
    }
}

#[test]
fn fast_tokens_match_on_the_seeds_fixtures_and_bench_texts() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    for dir in ["seeds", "tests/fixtures", "benches/data"] {
        // The bench texts are generated (git-ignored): checked when they are there.
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                assert_same(&text);
                checked += 1;
            }
        }
    }
    assert!(checked >= 5, "the seeds at least");
}

#[test]
fn words_join_across_apostrophes_points_and_commas_as_uax29_says() {
    for text in [
        "can't U.S. 3.5 2,000 10:30 a:b a.1 1.a x_1 _a_ 'a' a'' 1,,2 a..b",
        "end.\nNext line, \"quoted\"; (aside) -- $5.",
    ] {
        assert_same(text);
    }
}
