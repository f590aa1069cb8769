use super::*;
use crate::testing::version;

fn stretches(styled: &StyledText) -> Vec<(&str, Ink)> {
    styled
        .runs
        .iter()
        .map(|r| (&styled.text[r.range.clone()], r.ink))
        .collect()
}

#[test]
fn base_side_shows_equal_and_deleted_words() {
    let v = version("Gen Donahue said no.");
    let ops = [
        WordOp::Equal {
            base: 0..4,
            other: 0..4,
        },
        WordOp::Delete {
            base: 4..12,
            accents: std::iter::once(8..9).collect(),
        },
        WordOp::Insert {
            other: 4..12,
            accents: std::iter::once(8..9).collect(),
        },
        WordOp::Equal {
            base: 12..20,
            other: 12..20,
        },
    ];
    let styled = Texts::new(&v, &v).from_ops(&ops, Shown::Side(Side::Base), Ink::Text);
    assert_eq!(styled.text, "Gen Donahue said no.");
    assert_eq!(
        stretches(&styled),
        [
            ("Gen ", Ink::Text),
            ("Dona", Ink::Deleted),
            ("h", Ink::DeletedAccent),
            ("ue ", Ink::Deleted),
            ("said no.", Ink::Text),
        ]
    );
}

#[test]
fn control_characters_become_visible_and_line_ends_collapse() {
    let v = version("a\u{1b}[1m\n\n  b\r\n");
    let styled = Texts::new(&v, &v).plain(Side::Base, 0..v.text.len(), Ink::Same);
    assert_eq!(styled.text, "a␛[1m b");
    assert_eq!(
        styled.runs,
        [Run {
            range: 0..styled.text.len(),
            ink: Ink::Same,
            fact: None
        }]
    );
}

#[test]
fn fact_marks_cut_runs_across_inks_and_accents() {
    let v = version("Gen Donahue said  26.");
    let ops = [
        WordOp::Equal {
            base: 0..4,
            other: 0..4,
        },
        WordOp::Delete {
            base: 4..12,
            accents: std::iter::once(8..9).collect(),
        },
        WordOp::Equal {
            base: 12..21,
            other: 12..21,
        },
    ];
    let marks = [(0..11, FactMark::Differs), (18..20, FactMark::Strays)];
    let styled = Texts::new(&v, &v).with_marks([&marks, &[]]).from_ops(
        &ops,
        Shown::Side(Side::Base),
        Ink::Text,
    );
    let cut: Vec<(&str, Ink, Option<FactMark>)> = styled
        .runs
        .iter()
        .map(|r| (&styled.text[r.range.clone()], r.ink, r.fact))
        .collect();
    assert_eq!(
        cut,
        [
            ("Gen ", Ink::Text, Some(FactMark::Differs)),
            ("Dona", Ink::Deleted, Some(FactMark::Differs)),
            ("h", Ink::DeletedAccent, Some(FactMark::Differs)),
            ("ue", Ink::Deleted, Some(FactMark::Differs)),
            (" ", Ink::Deleted, None),
            ("said ", Ink::Text, None),
            ("26", Ink::Text, Some(FactMark::Strays)),
            (".", Ink::Text, None),
        ]
    );
    assert!(styled.has_facts());
}

#[test]
fn kept_line_ends_stay_one_each_and_win_over_spaces() {
    let v = version("a  \n\n b\r\nc \n");
    let styled =
        Texts::new(&v, &v)
            .with_lines(Lines::Kept)
            .plain(Side::Base, 0..v.text.len(), Ink::Same);
    assert_eq!(styled.text, "a\nb\nc");
}

#[test]
fn both_sides_in_place_shows_deleted_then_inserted_words_kept_apart() {
    let base = version("said “no.”");
    let other = version("said “never.”");
    let ops = [
        WordOp::Equal {
            base: 0..5,
            other: 0..5,
        },
        WordOp::Delete {
            base: 5..base.text.len(),
            accents: vec![],
        },
        WordOp::Insert {
            other: 5..other.text.len(),
            accents: vec![],
        },
    ];
    let styled = Texts::new(&base, &other).from_ops(&ops, Shown::Both, Ink::Text);
    assert_eq!(
        stretches(&styled),
        [
            ("said ", Ink::Text),
            ("“no.”", Ink::Deleted),
            (" ", Ink::Text),
            ("“never.”", Ink::Inserted),
        ]
    );
}

#[test]
fn touching_changes_in_text_without_spaces_stay_joined() {
    let base = version("各国");
    let other = version("多くの国");
    let ops = [
        WordOp::Delete {
            base: 0..3,
            accents: vec![],
        },
        WordOp::Insert {
            other: 0..9,
            accents: vec![],
        },
        WordOp::Equal {
            base: 3..6,
            other: 9..12,
        },
    ];
    let styled = Texts::new(&base, &other).from_ops(&ops, Shown::Both, Ink::Text);
    assert_eq!(styled.text, "各多くの国");
}

/// `push_shown` as it was written first, one character at a time: the reference for the
/// version that copies runs of non-whitespace at once.
fn push_shown_by_char(out: &mut String, raw: &str, lines: Lines) {
    let shown = visible(raw, lines == Lines::Kept);
    for c in shown.chars() {
        if c == '\n' {
            if out.ends_with(' ') {
                out.pop();
                out.push('\n');
            } else if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
        } else if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with([' ', '\n']) {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

/// Words, whitespace of every kind (line ends, non-breaking and ideographic spaces), control
/// and invisible characters that `visible` swaps, and wide letters.
const SHOWN_PIECES: &[&str] = &[
    "Kyiv", "a", ".", "’", " ", "  ", "\n", "\r\n", "\r", "\t", "\u{b}", "\u{a0}", "\u{3000}",
    "\u{85}", "\u{2028}", "\u{1b}", "\u{7f}", "\u{200b}", "\u{200e}", "\u{202e}", "東", "😀",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

    #[test]
    fn shown_text_copied_run_by_run_is_shown_text_copied_by_char(
        pieces in proptest::collection::vec(proptest::sample::select(SHOWN_PIECES), 0..40),
        start in proptest::collection::vec(proptest::sample::select(SHOWN_PIECES), 0..3),
        kept in proptest::prelude::any::<bool>(),
    ) {
        let lines = if kept { Lines::Kept } else { Lines::Joined };
        let (raw, start) = (pieces.concat(), start.concat());
        let (mut runs, mut chars) = (start.clone(), start);
        push_shown(&mut runs, &raw, lines);
        push_shown_by_char(&mut chars, &raw, lines);
        proptest::prop_assert_eq!(runs, chars);
    }
}

#[test]
fn both_sides_in_place_keep_the_space_only_one_side_has_before_a_change() {
    // "military downsizing." against "downsizing the Ukrainian military.": the space before the
    // inserted words lies in the compared version's shared "downsizing ", not in the base's.
    let base = version("cuts and downsizing.");
    let compared = version("downsizing the military.");
    let ops = [
        WordOp::Delete {
            base: 0..9,
            accents: Vec::new(),
        },
        WordOp::Equal {
            base: 9..19,
            other: 0..11,
        },
        WordOp::Insert {
            other: 11..23,
            accents: Vec::new(),
        },
        WordOp::Equal {
            base: 19..20,
            other: 23..24,
        },
    ];
    let styled = Texts::new(&base, &compared).from_ops(&ops, Shown::Both, Ink::Text);
    assert_eq!(styled.text, "cuts and downsizing the military.");
    assert_eq!(
        stretches(&styled),
        [
            ("cuts and ", Ink::Deleted),
            ("downsizing ", Ink::Text),
            ("the military", Ink::Inserted),
            (".", Ink::Text),
        ]
    );
}
