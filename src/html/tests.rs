use super::*;
use crate::testing::{Builder, story, three_versions};

fn page(comparison: crate::Comparison) -> String {
    let mut out = Vec::new();
    write(&mut out, &Analysis::new(comparison)).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn escape_leaves_no_markup_entity_or_attribute_open() {
    assert_eq!(
        escape(r#"<b a="x" b='y'>&amp;</b>"#),
        "&lt;b a=&quot;x&quot; b=&#39;y&#39;&gt;&amp;amp;&lt;/b&gt;"
    );
}

#[test]
fn markup_and_script_in_an_article_reach_the_page_as_text() {
    let hostile = "He wrote <script>alert(1)</script> and <img src=x onerror=alert(2)>.\u{1b}[31m";
    let c = Builder::new(&[("000_<b>.txt", "Calm words here."), ("001_b.txt", hostile)])
        .passage(&[Some(0), Some(0)])
        .build();
    let html = page(c);
    assert!(!html.contains("<script>alert"), "script from the input");
    assert!(!html.contains("<img"), "markup from the input");
    assert!(!html.contains("<b>"), "markup from a file name");
    assert!(!html.contains('\u{1b}'), "control characters");
    assert!(html.contains("He wrote &lt;script&gt;alert("));
    assert!(html.contains("&lt;img src=x onerror=alert("));
    assert!(html.contains("␛[31m"));
    // The page's own script is the only one.
    assert_eq!(html.matches("<script>").count(), 1);
}

#[test]
fn the_page_is_self_contained() {
    let html = page(story());
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("default-src 'none'"), "nothing is fetched");
    for remote in ["http://", "https://", "<link", " src="] {
        assert!(!html.contains(remote), "{remote}");
    }
    assert!(html.contains("prefers-color-scheme: dark"));
    assert!(html.contains("@media print"));
}

#[test]
fn word_changes_are_del_and_ins_and_accents_are_marked() {
    let html = page(story());
    assert!(html.contains("<ins>foreign </ins>"));
    // Donahue → Donohue, a fact the two versions disagree on, so also marked.
    assert!(html.contains("<del class=\"accent\"><mark class=\"differs\">a</mark></del>"));
    assert!(html.contains("<ins class=\"accent\"><mark class=\"strays\">o</mark></ins>"));
    assert!(html.contains("∅ not in 001"), "a removed passage's gap");
}

#[test]
fn a_moved_passage_links_to_where_it_went_and_back() {
    let html = page(story());
    // Passage 7 moved in 001 to after passage 1.
    assert!(html.contains("<a class=\"went\" href=\"#v1-here7\">"));
    assert!(html.contains("id=\"v1-here7\""));
    assert!(html.contains("<a href=\"#v1-p7\">↳ passage 7 stands here in 001 (moved)</a>"));
    let arrival = html.find("id=\"v1-here7\"").unwrap();
    let first = html.find("id=\"v1-p1\"").unwrap();
    let second = html.find("id=\"v1-p2\"").unwrap();
    assert!(
        first < arrival && arrival < second,
        "it went after passage 1"
    );
}

#[test]
fn three_versions_get_a_presence_table_and_a_section_per_compared_version() {
    let html = page(three_versions());
    assert!(html.contains("<section id=\"presence\">"));
    assert!(html.contains("<section class=\"pair\" id=\"v1\">"));
    assert!(html.contains("<section class=\"pair\" id=\"v2\">"));
    assert!(!page(story()).contains("<section id=\"presence\">"));
}

#[test]
fn the_facts_table_lists_drifted_facts_with_links_to_their_passages() {
    let c = Builder::new(&[
        ("000_a.txt", "The army said 26 people died on Monday."),
        ("001_b.txt", "The army said 28 people died on Monday."),
    ])
    .passage(&[Some(0), Some(0)])
    .build();
    let html = page(c);
    let facts = &html[html.find("<section id=\"facts\">").unwrap()..];
    assert!(
        facts.contains("<a href=\"#v1-p1\">passage 1/1</a>"),
        "{facts}"
    );
    assert!(facts.contains("<td>26</td>"));
    assert!(facts.contains("<span class=\"strays\">28</span>"));
}
