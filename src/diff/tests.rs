use proptest::prelude::*;

use super::*;

/// Renders ops wdiff-style: `[-deleted-]{+inserted+}`.
fn render(base: &str, other: &str, ignore: IgnoreOptions) -> String {
    let d = diff_words(base, 0..base.len(), other, 0..other.len(), ignore);
    d.ops
        .iter()
        .map(|op| match op {
            WordOp::Equal { base: r, .. } => base[r.clone()].to_string(),
            WordOp::Delete { base: r, .. } => format!("[-{}-]", base[r.clone()].trim_end()),
            WordOp::Insert { other: r, .. } => format!("{{+{}+}}", other[r.clone()].trim_end()),
        })
        .collect()
}

fn plain(base: &str, other: &str) -> String {
    render(base, other, IgnoreOptions::default())
}

#[test]
fn identical_texts_are_one_equal_op() {
    let d = diff_words("a b c", 0..5, "a b c", 0..5, IgnoreOptions::default());
    assert!(d.is_same());
    assert!((d.similarity - 1.0).abs() < f32::EPSILON);
}

#[test]
fn a_changed_number_is_one_replacement() {
    assert_eq!(
        plain("killed at least 26 people", "killed at least 28 people"),
        "killed at least [-26-]{+28+}people"
    );
}

#[test]
fn lone_common_words_between_changes_fold_into_one_phrase() {
    assert_eq!(
        plain(
            "the agency said on Monday it would",
            "the ministry stated on Tuesday it would"
        ),
        "the [-agency said on Monday-]{+ministry stated on Tuesday+}it would"
    );
}

#[test]
fn a_name_spelt_differently_gets_character_accents() {
    let base = "Gen. Chris Donahue";
    let other = "Gen. Chris Donohue";
    let d = diff_words(
        base,
        0..base.len(),
        other,
        0..other.len(),
        IgnoreOptions::default(),
    );
    let accents: Vec<&str> = d
        .ops
        .iter()
        .filter_map(|op| match op {
            WordOp::Delete { accents, .. } => {
                Some(accents.iter().map(|r| &base[r.clone()]).collect::<Vec<_>>())
            }
            _ => None,
        })
        .flatten()
        .collect();
    assert_eq!(accents, ["a"]);
}

#[test]
fn ignore_options_change_equality_not_text() {
    let quotes = IgnoreOptions {
        quotes: true,
        ..IgnoreOptions::default()
    };
    assert_eq!(
        render("Trump’s envoy", "Trump's envoy", quotes),
        "Trump’s envoy"
    );
    let case = IgnoreOptions {
        case: true,
        ..IgnoreOptions::default()
    };
    assert_eq!(render("US Army", "US army", case), "US Army");
    let punct = IgnoreOptions {
        punctuation: true,
        ..IgnoreOptions::default()
    };
    assert_eq!(
        render("war, he said.", "war he said", punct),
        "war, he said."
    );
}

#[test]
fn ops_cover_both_texts_exactly() {
    let base = "One two three, four. Five six";
    let other = "One 2 three four! Five seven six";
    let d = diff_words(
        base,
        0..base.len(),
        other,
        0..other.len(),
        IgnoreOptions::default(),
    );
    let (mut b, mut o) = (String::new(), String::new());
    for op in &d.ops {
        match op {
            WordOp::Equal {
                base: rb,
                other: ro,
            } => {
                b += &base[rb.clone()];
                o += &other[ro.clone()];
            }
            WordOp::Delete { base: rb, .. } => b += &base[rb.clone()],
            WordOp::Insert { other: ro, .. } => o += &other[ro.clone()],
        }
    }
    assert_eq!((b.as_str(), o.as_str()), (base, other));
}

/// The word diff of `text[start..]` against itself, with tokens taken from the whole text as
/// the aligner does (tokenized once, then the passage's tokens picked out).
fn ops_text_of_passage(text: &str, start: usize) -> String {
    let tokens = tokens::tokenize(text, 0..text.len());
    let range = start..text.len();
    let passage = PassageText {
        text,
        range: range.clone(),
        tokens: tokens::within(&tokens, range),
        keys: None,
    };
    let diff = diff_tokens(&passage, &passage, IgnoreOptions::default());
    diff.ops
        .iter()
        .map(|op| match op {
            WordOp::Equal { base, .. } | WordOp::Delete { base, .. } => &text[base.clone()],
            WordOp::Insert { other, .. } => &text[other.clone()],
        })
        .collect()
}

#[test]
fn ops_keep_what_uax29_glued_to_the_space_before_a_passage() {
    // A soft hyphen, a bidi override or a combining mark right after the space that ends the
    // previous passage belongs to the token of that space, outside the passage's tokens.
    for text in [
        "Old. \u{ad}co\u{ad}operate now.",
        "Old. \u{202e}Kyiv.",
        "Old. \u{301}e talks.",
    ] {
        let start = "Old. ".len();
        assert_eq!(ops_text_of_passage(text, start), &text[start..], "{text:?}");
    }
    // A passage that is nothing but such a piece.
    assert_eq!(ops_text_of_passage("Old. \u{ad}", 5), "\u{ad}");
}

#[test]
fn an_invisible_format_character_at_a_passage_start_is_a_difference() {
    // UAX#29 glues U+202E to the space before it, so the token starts before the passage; the
    // text taken back into the passage must count (fuzz case 673).
    let other = "A. \u{202e}date";
    let start = other.find('\u{202e}').expect("the override");
    let d = diff_words(
        "date",
        0..4,
        other,
        start..other.len(),
        IgnoreOptions::default(),
    );
    assert!(!d.is_same(), "{:?}", d.ops);
    let rebuilt: String = d
        .ops
        .iter()
        .filter_map(|op| match op {
            WordOp::Equal { other: r, .. } | WordOp::Insert { other: r, .. } => {
                Some(&other[r.clone()])
            }
            WordOp::Delete { .. } => None,
        })
        .collect();
    assert_eq!(rebuilt, &other[start..]);
}

/// Words, punctuation, case and quote variants, spaces, and the format characters UAX#29 glues
/// to the space before them (so that passages start inside a token).
const PIECES: &[&str] = &[
    "war", "War", "WAR", "talks", "Kyiv", "the", "a", "26", "3.5", ",", ".", "’", "'", "“", "\"",
    "—", "-", " ", " ", "  ", "\n", "\u{ad}", "\u{202e}", "\u{301}", "é",
];

fn story() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..30).prop_map(|p| p.concat())
}

/// The diff of two passages of two texts, with the key ids of both whole texts numbered
/// together by [`key_ids`], or with none (each diff keys its own passages).
fn diff_of(
    texts: [&str; 2],
    ranges: &[Range<usize>; 2],
    ignore: IgnoreOptions,
    ids: bool,
) -> WordDiff {
    keyed_diff_of(texts, ranges, ignore, ids).1
}

/// [`diff_of`], with what the keys alone said ([`Keyed::is_same`]) before the diff.
fn keyed_diff_of(
    texts: [&str; 2],
    ranges: &[Range<usize>; 2],
    ignore: IgnoreOptions,
    ids: bool,
) -> (bool, WordDiff) {
    let all: Vec<Vec<Token>> = texts
        .iter()
        .map(|t| tokens::tokenize(t, 0..t.len()))
        .collect();
    let slices: Vec<&[Token]> = all.iter().map(Vec::as_slice).collect();
    let keys = key_ids(&texts, &slices, ignore);
    let passage = |v: usize| {
        let at = tokens::positions_within(&all[v], ranges[v].clone());
        PassageText {
            text: texts[v],
            range: ranges[v].clone(),
            tokens: &all[v][at.clone()],
            keys: ids.then(|| &keys[v][at]),
        }
    };
    let keyed = Keyed::new(&passage(0), &passage(1), ignore);
    (keyed.is_same(), keyed.diff())
}

/// A char boundary of `text` at or after `at` (clamped to its length).
fn boundary(text: &str, at: usize) -> usize {
    (at.min(text.len())..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn key_ids_numbered_once_give_the_ops_of_keys_made_per_passage(
        a in story(),
        b in story(),
        cuts in proptest::array::uniform4(0..80usize),
        flags in proptest::array::uniform3(any::<bool>()),
    ) {
        let ignore = IgnoreOptions { case: flags[0], punctuation: flags[1], quotes: flags[2] };
        let range = |text: &str, x: usize, y: usize| {
            let (x, y) = (boundary(text, x.min(y)), boundary(text, x.max(y)));
            x..y.max(x)
        };
        let ranges = [range(&a, cuts[0], cuts[1]), range(&b, cuts[2], cuts[3])];
        let texts = [a.as_str(), b.as_str()];
        prop_assert_eq!(
            diff_of(texts, &ranges, ignore, true),
            diff_of(texts, &ranges, ignore, false)
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// The viewer shows a passage's status before its word diff on the strength of this.
    #[test]
    fn keys_say_same_exactly_when_the_word_diff_does(
        a in story(),
        b in story(),
        flags in proptest::array::uniform4(any::<bool>()),
    ) {
        let ignore = IgnoreOptions { case: flags[0], punctuation: flags[1], quotes: flags[2] };
        // Half the cases the same text, or the same under the ignore options.
        let b = if flags[3] { a.to_uppercase() } else { b };
        let ranges = [0..a.len(), 0..b.len()];
        for ids in [true, false] {
            let (same, diff) = keyed_diff_of([&a, &b], &ranges, ignore, ids);
            prop_assert_eq!(same, diff.is_same());
        }
    }
}

#[test]
fn identical_keys_skip_similar_with_its_answer() {
    for keys in [&[][..], &[7][..], &[1, 2, 1, 2, 3][..]] {
        assert_eq!(
            key_diff(keys, keys, None),
            similar::capture_diff_slices_deadline(Algorithm::Patience, keys, keys, None)
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// Small alphabets make repeated keys, near-identical passages and ties the rule.
    #[test]
    fn key_diff_is_similar_patience(
        base in proptest::collection::vec(0..5u32, 0..40),
        edits in proptest::collection::vec((0..40usize, 0..6u32), 0..4),
        deadline in any::<bool>(),
    ) {
        // The other side is the base with a few keys changed (6 stands for "removed"), so many
        // cases are identical or close to it.
        let mut other = base.clone();
        for (at, key) in edits {
            if at < other.len() {
                if key == 6 {
                    other.remove(at);
                } else {
                    other[at] = key;
                }
            }
        }
        let deadline = deadline.then(|| Instant::now() + Duration::from_secs(60));
        prop_assert_eq!(
            key_diff(&base, &other, deadline),
            similar::capture_diff_slices_deadline(Algorithm::Patience, &base, &other, deadline)
        );
    }

    #[test]
    fn char_changes_are_text_diffs(
        a in "[ab\u{e9}\u{1F600}c]{0,8}",
        b in "[ab\u{e9}\u{1F600}d]{0,8}",
        long in 0..3usize,
    ) {
        // Past CHAR_DIFF_DIRECT_MAX characters `TextDiff` takes another road; both sides of it.
        let (a, b) = match long {
            0 => (a, b),
            1 => (a.repeat(20) + "x", b.repeat(20)),
            _ => ("e".repeat(95) + &a, "e".repeat(95) + &b),
        };
        prop_assert_eq!(char_changes(&a, &b), char_changes_by_text_diff(&a, &b));
    }
}
