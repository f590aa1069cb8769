//! Scores the boilerplate detector on a labelled set of debris and real headings
//! (`tests/fixtures/debris/`, see its README): every debris line must be found, and no heading
//! or story line may be taken for debris.

use std::path::Path;

use storydiff::model::PassageKind;
use storydiff::segment::{paragraphs, sentences};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Boilerplate,
    Heading,
    Text,
}

/// The text without labels, and each labelled line's byte range in it.
fn read_labelled(raw: &str) -> (String, Vec<(Label, std::ops::Range<usize>)>) {
    let mut text = String::new();
    let mut lines = Vec::new();
    for line in raw.lines() {
        if let Some((label, content)) = line.split_at_checked(2) {
            let label = match label {
                "B " => Label::Boilerplate,
                "H " => Label::Heading,
                "T " => Label::Text,
                other => panic!("unknown label {other:?} in {line:?}"),
            };
            lines.push((label, text.len()..text.len() + content.len()));
            text.push_str(content);
        }
        text.push('\n');
    }
    (text, lines)
}

#[test]
fn debris_lines_are_boilerplate_and_real_headings_are_not() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/debris");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixture dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let (mut found, mut debris, mut wrong) = (0, 0, Vec::new());
    for file in &files {
        let raw = std::fs::read_to_string(file).expect("fixture");
        let (text, lines) = read_labelled(&raw);
        let sentences = sentences(&text, &paragraphs(&text), false);
        for (label, range) in lines {
            let boilerplate = sentences
                .iter()
                .filter(|s| s.range.start < range.end && range.start < s.range.end)
                .all(|s| s.kind == PassageKind::Boilerplate);
            if label == Label::Boilerplate {
                debris += 1;
                found += usize::from(boilerplate);
            }
            if (label == Label::Boilerplate) != boilerplate {
                wrong.push(format!(
                    "{label:?} read as boilerplate={boilerplate}: {}",
                    &text[range]
                ));
            }
        }
    }
    eprintln!(
        "debris found: {found} of {debris}; misread lines: {}",
        wrong.len()
    );
    assert!(wrong.is_empty(), "{wrong:#?}");
}
