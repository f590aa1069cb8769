use super::*;
use crate::render::Format;
use crate::render::style::Styling;
use crate::testing::{story, three_versions};

fn inline(comparison: &Comparison, styling: Styling, context: usize) -> String {
    let options = PrintOptions {
        format: Format::Inline,
        styling,
        context,
        width: 80,
        ..PrintOptions::default()
    };
    let mut out = Vec::new();
    print(&mut out, &Analysis::new(comparison.clone()), &options).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn two_versions_show_marked_base_text_under_passage_headers() {
    insta::assert_snapshot!(inline(&story(), Styling::Plain, 0));
}

#[test]
fn context_shows_same_passages_with_faint_headers() {
    let out = inline(&story(), Styling::Plain, 1);
    assert!(out.contains("── passage 1/7 · same · 000 ¶1 ↔ 001 ¶1\nThe army said 26 people died."));
    assert!(!out.contains("same passage …"));
}

#[test]
fn three_versions_list_agreeing_readings_and_mark_each_differing_one() {
    insta::assert_snapshot!(inline(&three_versions(), Styling::Plain, 0));
}

#[test]
fn colour_marks_changes_with_sgr_and_no_brackets() {
    let out = inline(&story(), Styling::Color, 0);
    assert!(out.contains("\x1b[31mminister on Monday.\x1b[0m") || out.contains("\x1b[31m"));
    assert!(
        out.contains("\x1b[1;4;31ma\x1b[0m"),
        "the accent of Donahue/Donohue: {out}"
    );
    assert!(!out.contains("[-"));
}
