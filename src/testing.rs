//! Hand-built comparisons for unit tests, so that printers, the presentation layer and the
//! viewer are tested on exactly the passages a test describes, independent of how the aligner
//! pairs them. Statuses follow the aligner's own rules (a reading's status from the word diff,
//! the passage's overall status from [`crate::align::overall`]), so that a hand-built
//! comparison never holds a passage the aligner could not produce.

use crate::diff::diff_words;
use crate::model::{
    Comparison, Passage, PassageKind, PassageStatus, Placement, Reading, Span, Version, VersionId,
};
use crate::options::{CompareOptions, IgnoreOptions};
use crate::{Input, load, segment};

/// A passage from its spans, with every compared version's reading derived as the aligner
/// derives it: the real word diff, `moved` readings placed after the passage given.
pub fn passage(
    index: usize,
    kind: PassageKind,
    spans: Vec<Span>,
    versions: &[Version],
    base: VersionId,
    moved: &[(VersionId, Option<usize>)],
) -> Passage {
    let range = |v: VersionId| {
        spans
            .iter()
            .find(|s| s.version == v)
            .map(|s| s.range.clone())
    };
    let boilerplate = kind == PassageKind::Boilerplate;
    let readings: Vec<Reading> = versions
        .iter()
        .map(|v| v.id)
        .filter(|id| *id != base)
        .map(|id| {
            let after = moved.iter().find(|(v, _)| *v == id).map(|(_, a)| *a);
            let (status, similarity, ops) = match (range(base), range(id)) {
                _ if boilerplate => (PassageStatus::Boilerplate, 1.0, Vec::new()),
                (Some(b), Some(o)) => {
                    let d = diff_words(
                        &versions[base.0].text,
                        b,
                        &versions[id.0].text,
                        o,
                        IgnoreOptions::default(),
                    );
                    let status = match (after, d.is_same()) {
                        (Some(_), _) => PassageStatus::Moved,
                        (None, true) => PassageStatus::Same,
                        (None, false) => PassageStatus::Changed,
                    };
                    (status, d.similarity, d.ops)
                }
                (Some(_), None) => (PassageStatus::Removed, 0.0, Vec::new()),
                (None, Some(_)) => (PassageStatus::Added, 0.0, Vec::new()),
                (None, None) => (PassageStatus::Same, 1.0, Vec::new()),
            };
            Reading {
                version: id,
                status,
                similarity,
                placement: after
                    .map_or(Placement::InOrder, |after| Placement::MovedAfter { after }),
                confidence: 1.0,
                ops,
            }
        })
        .collect();
    let (status, similarity) = crate::align::overall(&readings, range(base).is_some(), boilerplate);
    Passage {
        index,
        kind,
        status,
        similarity,
        spans,
        readings,
    }
}

/// A passage waiting for [`Builder::build`].
struct Draft {
    kind: PassageKind,
    spans: Vec<Span>,
    moved: Vec<(VersionId, Option<usize>)>,
}

/// Builds a [`Comparison`] passage by passage; version 0 is the base.
pub struct Builder {
    versions: Vec<Version>,
    drafts: Vec<Draft>,
}

impl Builder {
    /// Versions named and written as given; each line is a paragraph.
    pub fn new(versions: &[(&str, &str)]) -> Self {
        let versions = versions
            .iter()
            .enumerate()
            .map(|(i, (name, text))| {
                let input = Input::from_bytes(*name, text.as_bytes());
                let mut v =
                    load::load_version(VersionId(i), input, &CompareOptions::default()).unwrap();
                v.paragraphs = segment::paragraphs(&v.text);
                v
            })
            .collect();
        Self {
            versions,
            drafts: Vec::new(),
        }
    }

    /// Adds a passage made of paragraph `paras[v]` (0-based) of each version `v`, `None` where
    /// a version lacks it.
    pub fn passage(mut self, paras: &[Option<usize>]) -> Self {
        let spans: Vec<Span> = paras
            .iter()
            .enumerate()
            .filter_map(|(v, p)| {
                p.map(|p| Span {
                    version: VersionId(v),
                    range: self.versions[v].paragraphs[p].clone(),
                })
            })
            .collect();
        self.drafts.push(Draft {
            kind: PassageKind::Text,
            spans,
            moved: Vec::new(),
        });
        self
    }

    /// Marks the last passage as moved in `version`, where it follows passage `after`.
    pub fn moved(mut self, version: usize, after: Option<usize>) -> Self {
        let draft = self.drafts.last_mut().expect("a passage to move");
        draft.moved.push((VersionId(version), after));
        self
    }

    /// Marks the last passage as boilerplate.
    pub fn boilerplate(mut self) -> Self {
        self.drafts.last_mut().expect("a passage").kind = PassageKind::Boilerplate;
        self
    }

    /// The comparison.
    pub fn build(self) -> Comparison {
        let passages = self
            .drafts
            .into_iter()
            .enumerate()
            .map(|(i, d)| passage(i, d.kind, d.spans, &self.versions, VersionId(0), &d.moved))
            .collect();
        Comparison {
            versions: self.versions,
            base: VersionId(0),
            passages,
            options: CompareOptions::default(),
        }
    }
}

/// A two-version story with one passage of each kind: same, changed (with an accent), removed,
/// added, moved, boilerplate.
pub fn story() -> Comparison {
    let before = "The army said 26 people died.\n\
                  Gen. Chris Donahue met the minister on Monday.\n\
                  Rescue work goes on.\n\
                  Table of Contents\n\
                  Talks resume in Geneva.\n\
                  Officials gave no details.";
    let after = "The army said 26 people died.\n\
                 Officials gave no details.\n\
                 Gen. Chris Donohue met the foreign minister on Tuesday.\n\
                 Table of Contents\n\
                 Talks resume in Geneva.\n\
                 A ceasefire was not discussed.";
    Builder::new(&[("000_before.txt", before), ("001_after.txt", after)])
        .passage(&[Some(0), Some(0)])
        .passage(&[Some(1), Some(2)])
        .passage(&[Some(2), None])
        .passage(&[Some(3), Some(3)])
        .boilerplate()
        .passage(&[Some(4), Some(4)])
        .passage(&[None, Some(5)])
        .passage(&[Some(5), Some(1)])
        .moved(1, Some(0))
        .build()
}

/// Three versions of a short story: 001 rewrites a passage and drops one, 002 keeps them.
pub fn three_versions() -> Comparison {
    let base = "Talks resume in Geneva on Monday.\nThe army said 26 people died.\nOfficials gave no details.";
    let first = "Talks resume in Geneva on Tuesday.\nThe army said 26 people died.";
    let second = "Talks resume in Geneva on Monday.\nThe army said 28 people died.\nOfficials gave no details.";
    Builder::new(&[
        ("000_a.txt", base),
        ("001_b.txt", first),
        ("002_c.txt", second),
    ])
    .passage(&[Some(0), Some(0), Some(0)])
    .passage(&[Some(1), Some(1), Some(1)])
    .passage(&[Some(2), None, Some(2)])
    .build()
}

/// A version holding `text` alone, not segmented: for tests of text shown from byte ranges.
pub fn version(text: &str) -> Version {
    Version {
        id: VersionId(0),
        name: "v".into(),
        path: None,
        bytes: text.len(),
        encoding: "utf-8".into(),
        notes: vec![],
        text: text.into(),
        offsets: crate::model::OffsetMap::default(),
        paragraphs: vec![],
    }
}
