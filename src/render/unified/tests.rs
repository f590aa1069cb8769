use super::*;
use crate::testing::{Builder, story, three_versions};

fn unified(comparison: &Comparison, context: usize) -> String {
    let mut out = Vec::new();
    print(&mut out, &Analysis::new(comparison.clone()), context).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn passages_are_lines_and_a_move_is_a_removal_and_an_addition() {
    insta::assert_snapshot!(unified(&story(), 1));
}

#[test]
fn hunks_without_context_say_where_an_empty_side_stands_as_diff_u0_does() {
    let c = Builder::new(&[
        ("a", "Alpha.\n\nBeta.\n\nGamma."),
        ("b", "Alpha.\n\nNew.\n\nBeta."),
    ])
    .passage(&[Some(0), Some(0)])
    .passage(&[None, Some(1)])
    .passage(&[Some(1), Some(2)])
    .passage(&[Some(2), None])
    .build();
    let expected = "--- a/a\n+++ b/b\n@@ -1,0 +2,1 @@\n+New.\n@@ -3,1 +3,0 @@\n-Gamma.\n";
    assert_eq!(unified(&c, 0), expected);
}

#[test]
fn each_compared_version_gets_its_own_diff() {
    let out = unified(&three_versions(), 3);
    assert!(out.contains("--- a/000_a.txt\n+++ b/001_b.txt\n"));
    assert!(out.contains("--- a/000_a.txt\n+++ b/002_c.txt\n"));
}

#[test]
fn identical_versions_print_nothing() {
    let c = Builder::new(&[("a", "Same.\nText."), ("b", "Same.\nText.")])
        .passage(&[Some(0), Some(0)])
        .passage(&[Some(1), Some(1)])
        .build();
    assert_eq!(unified(&c, 3), "");
}

#[test]
fn a_passage_line_joins_line_ends_and_shows_control_characters() {
    assert_eq!(
        passage_line("One\r\ntwo \u{1b}[2J  three\n"),
        "One two ␛[2J three"
    );
}
