//! Hand-made comparisons for the viewer's unit tests: passages are given as substrings of each
//! version's text; readings and statuses come from the shared builder ([`crate::testing`]).

use crate::model::{Comparison, OffsetMap, Passage, PassageKind, Span, Version, VersionId};
use crate::options::CompareOptions;

/// One passage: its text in each version (`None`: that version lacks it).
pub struct Spec<'a> {
    pub kind: PassageKind,
    pub texts: Vec<Option<&'a str>>,
    /// `(version, after)`: in that version the passage stands after passage `after`.
    pub moved: Option<(usize, Option<usize>)>,
}

/// A text passage.
pub fn text<'a>(texts: &[Option<&'a str>]) -> Spec<'a> {
    Spec {
        kind: PassageKind::Text,
        texts: texts.to_vec(),
        moved: None,
    }
}

/// A boilerplate passage.
pub fn boilerplate<'a>(texts: &[Option<&'a str>]) -> Spec<'a> {
    Spec {
        kind: PassageKind::Boilerplate,
        ..text(texts)
    }
}

/// A passage that one version has elsewhere.
pub fn moved<'a>(texts: &[Option<&'a str>], version: usize, after: Option<usize>) -> Spec<'a> {
    Spec {
        moved: Some((version, after)),
        ..text(texts)
    }
}

fn version(id: usize, text: String) -> Version {
    Version {
        id: VersionId(id),
        name: format!("{id:03}_story.txt"),
        path: None,
        bytes: text.len(),
        encoding: "utf-8".into(),
        notes: vec![],
        text,
        offsets: OffsetMap::default(),
        paragraphs: vec![],
    }
}

/// Builds the versions' texts (passages joined by newlines, in spec order) and the comparison.
pub fn comparison(specs: &[Spec<'_>], base: usize) -> Comparison {
    let count = specs.iter().map(|s| s.texts.len()).max().unwrap_or(0);
    let mut texts = vec![String::new(); count];
    let mut spans: Vec<Vec<Span>> = Vec::new();
    for spec in specs {
        let mut passage_spans = Vec::new();
        for (v, text) in spec.texts.iter().enumerate() {
            if let Some(text) = text {
                let start = texts[v].len();
                texts[v].push_str(text);
                passage_spans.push(Span {
                    version: VersionId(v),
                    range: start..texts[v].len(),
                });
                texts[v].push('\n');
            }
        }
        spans.push(passage_spans);
    }
    let versions: Vec<Version> = texts
        .into_iter()
        .enumerate()
        .map(|(i, t)| version(i, t))
        .collect();
    let base_id = VersionId(base);
    let passages = specs
        .iter()
        .zip(spans)
        .enumerate()
        .map(|(index, (spec, spans))| passage(index, spec, spans, &versions, base_id))
        .collect();
    let options = CompareOptions {
        base,
        ..CompareOptions::default()
    };
    Comparison {
        versions,
        base: base_id,
        passages,
        options,
    }
}

fn passage(
    index: usize,
    spec: &Spec<'_>,
    spans: Vec<Span>,
    versions: &[Version],
    base: VersionId,
) -> Passage {
    let moved: Vec<(VersionId, Option<usize>)> = spec
        .moved
        .iter()
        .map(|&(v, after)| (VersionId(v), after))
        .collect();
    crate::testing::passage(index, spec.kind, spans, versions, base, &moved)
}

/// A small story in three versions with every kind of passage: same, changed (with an accent),
/// added, removed, moved and boilerplate.
pub fn story() -> Comparison {
    comparison(
        &[
            boilerplate(&[Some("Table of Contents"), Some("Table of Contents"), None]),
            text(&[
                Some("Senior US military leaders arrived in Kyiv this week."),
                Some("Senior US military leaders arrived in Kyiv this week."),
                Some("Senior US military leaders arrived in Kyiv this week."),
            ]),
            text(&[
                Some("Gen Chris Donahue said the plan had 28 points."),
                Some("Gen Chris Donohue said the plan had 26 points."),
                Some("Gen Chris Donahue said the plan had 28 points."),
            ]),
            text(&[
                Some("The talks will continue on Friday in Geneva."),
                None,
                Some("The talks will continue on Friday in Geneva."),
            ]),
            text(&[None, Some("Officials declined to comment further."), None]),
            moved(
                &[
                    Some("Ukraine has said it will not give up territory."),
                    Some("Ukraine has said it will not give up any territory."),
                    Some("Ukraine has said it will not give up territory."),
                ],
                1,
                Some(1),
            ),
            text(&[
                Some("European leaders pushed back on Thursday."),
                Some("European leaders pushed back on Thursday."),
                Some("European leaders pushed back strongly on Thursday."),
            ]),
        ],
        0,
    )
}
