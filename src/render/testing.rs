//! Hand-built comparisons for printer tests, so the printers are tested on exactly the passages
//! a test describes, independent of how the aligner pairs them.

use crate::diff::diff_words;
use crate::model::{
    Comparison, Passage, PassageKind, PassageStatus, Placement, Reading, Span, Version, VersionId,
};
use crate::options::CompareOptions;
use crate::{Input, load, segment};

/// Builds a [`Comparison`] passage by passage; version 0 is the base.
pub struct Builder {
    versions: Vec<Version>,
    passages: Vec<Passage>,
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
            passages: Vec::new(),
        }
    }

    /// Adds a passage made of paragraph `paras[v]` (0-based) of each version `v`, `None` where
    /// a version lacks it. Statuses, similarities and word ops are derived like the core would.
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
        let base_span = spans.iter().find(|s| s.version == VersionId(0)).cloned();
        let readings: Vec<Reading> = (1..self.versions.len())
            .map(|v| {
                let other = spans.iter().find(|s| s.version == VersionId(v));
                self.reading(VersionId(v), base_span.as_ref(), other)
            })
            .collect();
        let divergent: Vec<PassageStatus> = readings
            .iter()
            .map(|r| r.status)
            .filter(|s| s.is_divergent())
            .collect();
        let status = match divergent.first() {
            None => PassageStatus::Same,
            Some(first) if divergent.iter().all(|s| s == first) => *first,
            Some(_) => PassageStatus::Changed,
        };
        let similarity = readings
            .iter()
            .filter(|r| spans.iter().any(|s| s.version == r.version))
            .map(|r| r.similarity)
            .fold(1.0, f32::min);
        let index = self.passages.len();
        self.passages.push(Passage {
            index,
            kind: PassageKind::Text,
            status,
            similarity,
            spans,
            readings,
        });
        self
    }

    fn reading(&self, version: VersionId, base: Option<&Span>, other: Option<&Span>) -> Reading {
        let (status, similarity, ops) = match (base, other) {
            (Some(b), Some(o)) => {
                let d = diff_words(
                    &self.versions[0].text,
                    b.range.clone(),
                    &self.versions[version.0].text,
                    o.range.clone(),
                    crate::options::IgnoreOptions::default(),
                );
                let status = if d.is_same() {
                    PassageStatus::Same
                } else {
                    PassageStatus::Changed
                };
                (status, d.similarity, d.ops)
            }
            (Some(_), None) => (PassageStatus::Removed, 0.0, Vec::new()),
            (None, Some(_)) => (PassageStatus::Added, 0.0, Vec::new()),
            (None, None) => (PassageStatus::Same, 1.0, Vec::new()),
        };
        Reading {
            version,
            status,
            similarity,
            placement: Placement::InOrder,
            confidence: 1.0,
            ops,
        }
    }

    /// Marks the last passage as moved in `version`, where it follows passage `after`.
    pub fn moved(mut self, version: usize, after: Option<usize>) -> Self {
        let passage = self.passages.last_mut().expect("a passage to move");
        let reading = passage
            .readings
            .iter_mut()
            .find(|r| r.version == VersionId(version))
            .unwrap();
        reading.status = PassageStatus::Moved;
        reading.placement = Placement::MovedAfter { after };
        passage.status = PassageStatus::Moved;
        self
    }

    /// Marks the last passage as boilerplate.
    pub fn boilerplate(mut self) -> Self {
        let passage = self.passages.last_mut().expect("a passage");
        passage.kind = PassageKind::Boilerplate;
        passage.status = PassageStatus::Boilerplate;
        for reading in &mut passage.readings {
            reading.status = PassageStatus::Boilerplate;
        }
        self
    }

    /// The comparison.
    pub fn build(self) -> Comparison {
        Comparison {
            versions: self.versions,
            base: VersionId(0),
            passages: self.passages,
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
