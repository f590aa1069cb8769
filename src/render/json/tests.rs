use serde_json::Value;

use super::*;
use crate::testing::{Builder, story};

fn json(comparison: &Comparison) -> Value {
    let mut out = Vec::new();
    print(&mut out, &crate::Analysis::new(comparison.clone())).unwrap();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn the_document_has_versions_base_and_passages() {
    let doc = json(&story());
    assert_eq!(doc["base"], 0);
    assert_eq!(doc["versions"][1]["name"], "001_after.txt");
    assert_eq!(doc["versions"][1]["encoding"], "utf-8");
    assert_eq!(doc["versions"][0]["path"], Value::Null);
    let statuses: Vec<&str> = doc["passages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        [
            "same",
            "changed",
            "removed",
            "boilerplate",
            "same",
            "added",
            "moved"
        ]
    );
    assert_eq!(doc["passages"][3]["kind"], "boilerplate");
}

#[test]
fn a_removed_passage_has_only_the_base_span_and_no_words() {
    let doc = json(&story());
    let removed = &doc["passages"][2];
    assert_eq!(removed["spans"].as_array().unwrap().len(), 1);
    assert_eq!(removed["words"], Value::Array(vec![]));
}

#[test]
fn ops_concatenate_to_both_passage_texts() {
    let c = story();
    let doc = json(&c);
    let changed = &doc["passages"][1];
    let ops = changed["words"][0]["ops"].as_array().unwrap();
    let text = |kinds: &[&str]| -> String {
        ops.iter()
            .filter(|o| kinds.contains(&o["op"].as_str().unwrap()))
            .map(|o| o["text"].as_str().unwrap())
            .collect()
    };
    assert_eq!(
        text(&["equal", "delete"]),
        "Gen. Chris Donahue met the minister on Monday."
    );
    assert_eq!(
        text(&["equal", "insert"]),
        "Gen. Chris Donohue met the foreign minister on Tuesday."
    );
    let similarity = changed["words"][0]["similarity"].as_f64().unwrap();
    assert!((similarity - rounded(c.passages[1].similarity)).abs() < 1e-9);
}

#[test]
fn spans_point_into_the_bytes_as_read_past_a_byte_order_mark() {
    let c = Builder::new(&[("a.txt", "\u{feff}One.\nTwo."), ("b.txt", "One.\nTwo!")])
        .passage(&[Some(0), Some(0)])
        .passage(&[Some(1), Some(1)])
        .build();
    let doc = json(&c);
    let span = &doc["passages"][1]["spans"][0];
    assert_eq!(
        (span["start"].as_u64(), span["end"].as_u64()),
        (Some(8), Some(12))
    );
    assert_eq!(&"\u{feff}One.\nTwo."[8..12], "Two.");
}

#[test]
fn control_characters_are_escaped_not_written_raw() {
    let c = Builder::new(&[
        ("a.txt", "Evil \u{1b}]0;title\u{7} text."),
        ("b.txt", "Evil text."),
    ])
    .passage(&[Some(0), Some(0)])
    .build();
    let mut out = Vec::new();
    print(&mut out, &crate::Analysis::new(c.clone())).unwrap();
    assert!(!out.contains(&0x1b));
    assert!(String::from_utf8(out).unwrap().contains("\\u001b"));
}

#[test]
fn an_added_passage_is_one_insert_of_its_whole_text() {
    let doc = json(&story());
    let added = &doc["passages"][5];
    assert_eq!(added["status"], "added");
    let ops = &added["words"][0]["ops"];
    assert_eq!(
        ops,
        &serde_json::json!([{ "op": "insert", "text": "A ceasefire was not discussed." }])
    );
}

#[test]
fn an_equal_op_written_differently_in_the_compared_version_carries_that_text() {
    let inputs = [
        "The plan calls for military downsizing.",
        "The plan calls for downsizing the Ukrainian military.",
    ]
    .iter()
    .enumerate()
    .map(|(i, t)| crate::Input::from_bytes(format!("v{i}"), *t))
    .collect();
    let c = crate::compare(inputs, &crate::CompareOptions::default()).expect("compares");
    let doc = json(&c);
    let ops = doc["passages"][0]["words"][0]["ops"].as_array().unwrap();
    let compared: String = ops
        .iter()
        .filter(|o| o["op"] != "delete")
        .map(|o| o.get("other").unwrap_or(&o["text"]).as_str().unwrap())
        .collect();
    assert_eq!(
        compared,
        "The plan calls for downsizing the Ukrainian military."
    );
    assert!(ops.iter().any(|o| o.get("other").is_some()), "{ops:#?}");
}
