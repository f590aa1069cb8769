use super::*;
use crate::model::WordOp;
use crate::present::text::{Shown, Side, Texts};
use crate::render::style::Styling;
use crate::testing::version;

fn plain() -> Painter {
    Painter::new(Styling::Plain)
}

/// The lines of a text as plain strings.
fn rows(text: &Printed, width: usize) -> Vec<String> {
    text.wrap(width)
        .iter()
        .map(|l| l.pieces.iter().map(|p| p.text.as_str()).collect())
        .collect()
}

fn text(s: &str) -> Printed {
    Printed::styled(Style::Plain, s)
}

/// "said 26 people died." against "said 28 died.", both changes shown in place.
fn changed(painter: Painter, accent: Vec<Range<usize>>) -> Printed {
    let base = version("said 26 people died.");
    let other = version("said 28 died.");
    let ops = [
        WordOp::Equal {
            base: 0..5,
            other: 0..5,
        },
        WordOp::Delete {
            base: 5..15,
            accents: accent,
        },
        WordOp::Insert {
            other: 5..8,
            accents: vec![],
        },
        WordOp::Equal {
            base: 15..20,
            other: 8..13,
        },
    ];
    let styled =
        Texts::new(&base, &other)
            .with_lines(Lines::Kept)
            .from_ops(&ops, Shown::Both, Ink::Text);
    Printed::from_text(&styled, painter)
}

#[test]
fn wrapping_breaks_between_words_within_the_width() {
    assert_eq!(
        rows(&text("the army said 26 people died"), 13),
        ["the army said", "26 people", "died"]
    );
}

#[test]
fn runs_of_spaces_collapse_and_line_ends_start_new_lines() {
    assert_eq!(
        rows(&text("one   two\r\nthree\n\nfour "), 80),
        ["one two", "three", "four"]
    );
}

#[test]
fn cjk_and_emoji_take_two_columns() {
    let t = text("中文 字 👩‍👩‍👧 ok");
    let lines = t.wrap(7);
    assert_eq!(rows(&t, 7), ["中文 字", "👩‍👩‍👧 ok"]);
    assert_eq!(lines.iter().map(|l| l.width).collect::<Vec<_>>(), [7, 5]);
}

#[test]
fn printers_wrap_cjk_as_the_viewer_does_never_starting_a_line_with_closing_punctuation() {
    // The same text and width as the viewer's wrapper test (present::wrap).
    assert_eq!(
        rows(&text("会議が開かれた。次"), 14),
        ["会議が開かれ", "た。次"]
    );
}

#[test]
fn a_word_wider_than_the_line_is_split_between_graphemes() {
    assert_eq!(rows(&text("abcdefgh"), 3), ["abc", "def", "gh"]);
    assert_eq!(rows(&text("中文中文"), 3), ["中", "文", "中", "文"]);
}

#[test]
fn changes_are_bracketed_without_colour_and_whitespace_stays_outside() {
    assert_eq!(
        rows(&changed(plain(), vec![]), 80),
        ["said [-26 people-] {+28+} died."]
    );
}

#[test]
fn a_bracketed_run_wraps_like_any_other_words() {
    assert_eq!(
        rows(&changed(plain(), vec![]), 8),
        ["said", "[-26", "people-]", "{+28+}", "died."]
    );
}

#[test]
fn accents_get_their_own_style_inside_the_run() {
    let line = &changed(
        Painter::new(Styling::Color),
        std::iter::once(6..7).collect(),
    )
    .wrap(80)[0];
    let styles: Vec<(Style, &str)> = line
        .pieces
        .iter()
        .map(|p| (p.style, p.text.as_str()))
        .collect();
    assert_eq!(
        styles,
        [
            (Style::Plain, "said "),
            (Style::Deleted, "2"),
            (Style::DeletedAccent, "6"),
            (Style::Deleted, " people"),
            (Style::Plain, " "),
            (Style::Inserted, "28"),
            (Style::Plain, " died."),
        ]
    );
}

#[test]
fn a_passage_one_side_lacks_is_one_bracketed_run() {
    let base = version("Gone  for\ngood. ");
    let styled = Texts::new(&base, &base).with_lines(Lines::Kept).plain(
        Side::Base,
        0..base.text.len(),
        Ink::Removed,
    );
    assert_eq!(
        rows(&Printed::from_text(&styled, plain()), 80),
        ["[-Gone for", "good.-]"]
    );
}

#[test]
fn control_characters_from_the_input_are_made_visible() {
    assert_eq!(rows(&text("a\u{1b}[31mred\u{7}"), 80), ["a␛[31mred␇"]);
}

#[test]
fn whitespace_only_runs_add_no_brackets() {
    let base = version("a  b");
    let styled = Texts::new(&base, &base).from_ops(
        &[
            WordOp::Equal {
                base: 0..1,
                other: 0..1,
            },
            WordOp::Delete {
                base: 1..3,
                accents: vec![],
            },
            WordOp::Equal {
                base: 3..4,
                other: 3..4,
            },
        ],
        Shown::Both,
        Ink::Text,
    );
    assert_eq!(rows(&Printed::from_text(&styled, plain()), 80), ["a b"]);
}

#[test]
fn truncate_cuts_by_display_width_and_marks_the_cut() {
    assert_eq!(truncate("Table of Contents", 8), "Table o…");
    assert_eq!(truncate("中文中文", 5), "中文…");
    assert_eq!(truncate("short", 8), "short");
}

/// The reference for `write_unwrapped`: each line of an unbounded wrap, then a newline.
fn via_lines(text: &Printed, painter: Painter) -> Vec<u8> {
    let mut out = Vec::new();
    for line in text.wrap(usize::MAX) {
        line.write(&mut out, painter).unwrap();
        out.push(b'\n');
    }
    out
}

#[test]
fn writing_unwrapped_text_matches_its_unwrapped_lines() {
    for styling in [Styling::Plain, Styling::Color] {
        let painter = Painter::new(styling);
        let mut samples = Vec::new();
        for raw in [
            "",
            "one",
            "  lead and trail  ",
            "a\nb\n\nc\n",
            "東京 会議。 😀 e\u{301}",
            "\u{200b} x",
            "x\n\u{200b}",
        ] {
            samples.push(text(raw));
        }
        samples.push(changed(painter, std::iter::once(6..7).collect()));
        for t in &samples {
            let mut direct = Vec::new();
            t.write_unwrapped(&mut direct, painter).unwrap();
            assert_eq!(
                String::from_utf8_lossy(&direct),
                String::from_utf8_lossy(&via_lines(t, painter))
            );
        }
    }
}
