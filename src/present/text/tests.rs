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
