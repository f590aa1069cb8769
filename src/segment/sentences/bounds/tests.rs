use std::path::Path;

use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

use super::sentence_pieces;

/// The reference: unicode-segmentation's sentence pieces.
fn reference(text: &str) -> Vec<std::ops::Range<usize>> {
    text.split_sentence_bound_indices()
        .map(|(offset, piece)| offset..offset + piece.len())
        .collect()
}

/// Pieces of ASCII-ish text: words of every case, terminators, closing marks, continuations,
/// spaces of every kind, the non-ASCII characters of the fast path, and line ends and other
/// characters that take the slow path.
const PIECES: &[&str] = &[
    "a", "b", "word", "A", "Gen", "U", "S", "7", "1", ".", ".", "!", "?", "\"", "'", "(", ")", "[",
    "]", "{", "}", ",", "-", ":", ";", " ", " ", "  ", "\t", "\u{b}", "\u{c}", "$", "%", "/", "*",
    "’", "“", "”", "‘", "—", "–", "æ", "Æ", "é", "É", "ß", "ÿ", "×", "\n", "\r", "\u{a0}", "…",
    "\u{301}", "\u{ad}", "\u{2024}", "\u{85}", "Ā",
];

fn ascii_ish() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            12 => proptest::sample::select(&PIECES[..48]),
            1 => proptest::sample::select(PIECES),
        ],
        0..40,
    )
    .prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn fast_sentence_pieces_are_the_uax29_pieces(text in ascii_ish()) {
        prop_assert_eq!(sentence_pieces(&text), reference(&text));
    }
}

#[test]
fn fast_sentence_pieces_match_on_every_line_of_the_seeds_fixtures_and_bench_texts() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    for dir in ["seeds", "tests/fixtures", "benches/data"] {
        // The bench texts are generated (git-ignored): checked when they are there.
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            for line in text.lines() {
                assert_eq!(sentence_pieces(line), reference(line), "{line}");
                checked += 1;
            }
        }
    }
    assert!(checked >= 100, "the seeds at least");
}

#[test]
fn points_end_sentences_only_where_uax29_says() {
    for text in [
        "He went to the U.S. Army. Then he left!  \"Why?\" she asked. (Ok.) fine. 3.5 and e.g. this",
        "End. and more. A. B. a.B c.5 ... ?! x.) y.) Z ' ; - : done",
    ] {
        assert_eq!(sentence_pieces(text), reference(text), "{text}");
    }
}
