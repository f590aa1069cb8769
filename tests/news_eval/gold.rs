//! Gold sentence links between versions of the seed story, labelled by reading (format in
//! `tests/eval/news/README.md`), located in the loaded versions' text.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use storydiff::Version;

/// One labelled unit: a sentence, heading, list item or debris line, found by a verbatim snippet.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Unit {
    /// 0 for the pair's first version, 1 for its second.
    pub side: usize,
    pub snippet: String,
}

/// One labelled pair of versions.
pub struct GoldPair {
    /// Seed prefixes, e.g. `["000", "004"]`.
    pub ids: [String; 2],
    /// Linked units (first side, second side), with whether the link is only partial.
    pub links: Vec<(Unit, Unit, bool)>,
    /// Units that stand alone in their version.
    pub alone: Vec<Unit>,
    /// Web-page debris.
    pub debris: Vec<Unit>,
}

impl GoldPair {
    /// Every non-debris unit of the pair.
    pub fn units(&self) -> BTreeSet<Unit> {
        let mut all: BTreeSet<Unit> = self.alone.iter().cloned().collect();
        for (a, b, _) in &self.links {
            all.insert(a.clone());
            all.insert(b.clone());
        }
        all
    }

    pub fn name(&self) -> String {
        format!("{}-{}", self.ids[0], self.ids[1])
    }
}

pub fn news_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval/news")
}

pub fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// The seed file whose name starts with `prefix`.
pub fn seed_path(prefix: &str) -> PathBuf {
    std::fs::read_dir(seeds_dir())
        .expect("seeds/")
        .map(|e| e.expect("entry").path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(&format!("{prefix}_")))
        })
        .unwrap_or_else(|| panic!("no seed {prefix}_*"))
}

/// The held-out stories: pairs of versions written and labelled by hand, not seeds.
pub fn heldout_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval/news-heldout")
}

pub fn load_all() -> Vec<GoldPair> {
    load_dir(&news_dir())
}

/// Every labelled pair (`*.tsv`) of a directory.
pub fn load_dir(dir: &Path) -> Vec<GoldPair> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    paths.sort();
    paths.iter().map(|p| load(p)).collect()
}

pub fn load(path: &Path) -> GoldPair {
    let stem = path.file_stem().unwrap().to_string_lossy().to_string();
    let (first, second) = stem.split_once('-').expect("AAA-BBB.tsv");
    let mut pair = GoldPair {
        ids: [first.to_string(), second.to_string()],
        links: Vec::new(),
        alone: Vec::new(),
        debris: Vec::new(),
    };
    let unit = |side: usize, s: &str| Unit {
        side,
        snippet: s.to_string(),
    };
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    for line in text.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        match fields.as_slice() {
            ["link", x, y, kind] => pair
                .links
                .push((unit(0, x), unit(1, y), *kind == "partial")),
            ["only-a", x] => pair.alone.push(unit(0, x)),
            ["only-b", y] => pair.alone.push(unit(1, y)),
            ["debris-a", x] => pair.debris.push(unit(0, x)),
            ["debris-b", y] => pair.debris.push(unit(1, y)),
            _ => panic!("{}: bad line {line:?}", path.display()),
        }
    }
    pair
}

/// Where a snippet stands in a loaded version's text (the repaired text storydiff compares).
pub fn locate(version: &Version, snippet: &str) -> usize {
    let mut found = version.text.match_indices(snippet);
    let (at, _) = found
        .next()
        .unwrap_or_else(|| panic!("{}: snippet not found: {snippet:?}", version.name));
    assert!(
        found.next().is_none(),
        "{}: snippet not unique: {snippet:?}",
        version.name
    );
    at
}
