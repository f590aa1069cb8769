//! The evaluation pairs in `tests/eval/` and their verse maps (format in its README).

use std::ops::Range;
use std::path::{Path, PathBuf};

/// The two versions of each pair, in the order they are compared (KJV is the base).
pub const VERSIONS: [&str; 2] = ["kjv", "web"];
/// One verse and where it stands in each version's file (`None`: the version lacks it).
pub struct GoldVerse {
    pub name: String,
    pub ranges: [Option<Range<usize>>; 2],
}

/// One evaluation pair: the two texts and the verse map.
pub struct Pair {
    pub name: String,
    pub texts: [Vec<u8>; 2],
    pub verses: Vec<GoldVerse>,
}

pub fn eval_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("eval")
}

fn parse_range(start: &str, end: &str) -> Option<Range<usize>> {
    if start == "-" {
        return None;
    }
    let number = |s: &str| {
        s.parse::<usize>()
            .unwrap_or_else(|e| panic!("bad offset {s:?}: {e}"))
    };
    Some(number(start)..number(end))
}

pub fn load_pair(tsv: &Path) -> Pair {
    let file_name = tsv.file_name().unwrap().to_string_lossy();
    let name = file_name.trim_end_matches(".verses.tsv").to_string();
    let text_path = |version: &str| tsv.with_file_name(format!("{name}.{version}.txt"));
    let read =
        |path: PathBuf| std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let verses = std::fs::read_to_string(tsv)
        .unwrap_or_else(|e| panic!("{}: {e}", tsv.display()))
        .lines()
        .skip(1)
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 5, "{}: bad line {line:?}", tsv.display());
            GoldVerse {
                name: cols[0].to_string(),
                ranges: [parse_range(cols[1], cols[2]), parse_range(cols[3], cols[4])],
            }
        })
        .collect();
    Pair {
        texts: VERSIONS.map(|v| read(text_path(v))),
        name,
        verses,
    }
}

pub fn load_pairs() -> Vec<Pair> {
    let mut tsvs: Vec<PathBuf> = std::fs::read_dir(eval_dir())
        .expect("tests/eval exists")
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".verses.tsv"))
        .collect();
    tsvs.sort();
    tsvs.iter().map(|p| load_pair(p)).collect()
}

#[test]
fn gold_ranges_cover_whole_verses_in_both_files() {
    for pair in load_pairs() {
        for (side, text) in pair.texts.iter().enumerate() {
            let text = std::str::from_utf8(text).expect("evaluation texts are UTF-8");
            let mut ranges: Vec<(Range<usize>, &str)> = pair
                .verses
                .iter()
                .filter_map(|v| Some((v.ranges[side].clone()?, v.name.as_str())))
                .collect();
            ranges.sort_by_key(|(r, _)| r.start);
            let mut last_end = 0;
            for (range, verse) in ranges {
                let gap = text.get(last_end..range.start);
                assert!(
                    gap.is_some_and(|g| g.trim().is_empty()),
                    "{}: before {verse}",
                    pair.name
                );
                let slice = &text[range.clone()];
                assert!(
                    !slice.is_empty() && slice.trim() == slice,
                    "{}: {verse}",
                    pair.name
                );
                last_end = range.end;
            }
            assert!(
                text[last_end..].trim().is_empty(),
                "{}: text after the last verse",
                pair.name
            );
        }
    }
}
