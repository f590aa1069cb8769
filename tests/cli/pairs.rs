//! Pairing two versions does not depend on which other versions are loaded (issue 7): with
//! three or more versions, every output made of one part per compared version (side-by-side,
//! unified, stat, the report's pair sections, the JSON's `pairs`) shows each compared version
//! against the base as `storydiff BASE VERSION` does. Checked on the five seeds, whose passage table of all versions
//! is coarser than their pairs' own alignments.

use pretty_assertions::assert_eq;

use super::stdout_of;

/// The five seeds, in order.
fn seeds() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
        .unwrap()
        .map(|e| format!("seeds/{}", e.unwrap().file_name().into_string().unwrap()))
        .filter(|f| {
            std::path::Path::new(f)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
        })
        .collect();
    files.sort();
    assert_eq!(files.len(), 5);
    files
}

/// Seeds `base` and `other` alone, in input order, with the `--base` that makes `base` the base.
fn alone(base: usize, other: usize) -> (Vec<String>, String) {
    let seeds = seeds();
    let files = vec![
        seeds[base.min(other)].clone(),
        seeds[base.max(other)].clone(),
    ];
    (files, usize::from(other < base).to_string())
}

/// The side-by-side sections of an output: from each title row (the one naming the base) to
/// the next; the notes above the first are the legend of the versions loaded.
fn sections(out: &str) -> Vec<String> {
    let mut sections: Vec<String> = Vec::new();
    for line in out.lines() {
        if line.contains(" (base) ") {
            sections.push(String::new());
        }
        if let Some(section) = sections.last_mut() {
            section.push_str(line);
            section.push('\n');
        }
    }
    sections
        .into_iter()
        .map(|s| s.trim_end().to_string())
        .collect()
}

#[test]
fn side_by_side_of_all_seeds_shows_each_pair_as_the_two_alone() {
    for base in [0, 3] {
        let flags = ["--format", "side-by-side", "--width", "120", "--base"];
        let all = sections(&stdout_of(
            &[&flags[..], &[&base.to_string()]].concat(),
            &seeds(),
        ));
        let others: Vec<usize> = (0..5).filter(|v| *v != base).collect();
        assert_eq!(all.len(), others.len());
        for (section, other) in all.iter().zip(others) {
            let (files, pair_base) = alone(base, other);
            let pair = stdout_of(&[&flags[..], &[&pair_base]].concat(), &files);
            assert_eq!(
                sections(&pair),
                std::slice::from_ref(section),
                "base {base}, version {other}"
            );
        }
    }
}

#[test]
fn side_by_side_numbers_passages_among_the_pairs_own() {
    let out = stdout_of(&["--format", "side-by-side"], &seeds());
    let all = stdout_of(&["--format", "json"], &seeds());
    let table = all.matches("\"index\":").count();
    // Each section's summary counts its own passages, never the table's.
    let summaries: Vec<&str> = out.lines().filter(|l| l.contains(" passages: ")).collect();
    assert_eq!(summaries.len(), 4);
    for summary in summaries {
        let total: usize = summary.split(' ').next().unwrap().parse().unwrap();
        assert!(total < table, "{summary} counts the table of {table}");
    }
}

#[test]
fn unified_of_all_seeds_is_the_pairs_diffs_one_after_the_other() {
    for base in [0, 2] {
        let flags = ["--format", "unified", "--base"];
        let all = stdout_of(&[&flags[..], &[&base.to_string()]].concat(), &seeds());
        let pairs: String = (0..5)
            .filter(|v| *v != base)
            .map(|other| {
                let (files, pair_base) = alone(base, other);
                stdout_of(&[&flags[..], &[&pair_base]].concat(), &files)
            })
            .collect();
        assert_eq!(all, pairs, "base {base}");
    }
}

#[test]
fn stat_of_all_seeds_counts_each_pair_as_the_two_alone() {
    let one_line = |l: &str| l.split_whitespace().collect::<Vec<_>>().join(" ");
    let all: Vec<String> = stdout_of(&["--format", "stat"], &seeds())
        .lines()
        .map(one_line)
        .collect();
    let mut pairs = vec![format!("base {}", seeds()[0])];
    for other in 1..5 {
        let (files, base) = alone(0, other);
        let pair = stdout_of(&["--format", "stat", "--base", &base], &files);
        assert_eq!(pair.lines().next(), Some(pairs[0].as_str()));
        pairs.extend(pair.lines().skip(1).map(one_line));
    }
    assert_eq!(all, pairs);
}

/// The report's section for a compared version (ids name it by its number among the versions
/// loaded, so they are written as `v*` to compare across runs).
fn html_section(page: &str, version: usize) -> String {
    let start = page
        .find(&format!("<section class=\"pair\" id=\"v{version}\">"))
        .expect("the version's section");
    let end = start + page[start..].find("</section>").unwrap();
    page[start..end]
        .replace(&format!("\"v{version}"), "\"v*")
        .replace(&format!("#v{version}-"), "#v*-")
}

#[test]
fn the_reports_pair_sections_are_the_pairs_alone() {
    let all = stdout_of(&["--format", "html"], &seeds());
    for other in [2, 4] {
        let (files, base) = alone(0, other);
        let pair = stdout_of(&["--format", "html", "--base", &base], &files);
        assert_eq!(
            html_section(&all, other),
            html_section(&pair, 1),
            "version {other}"
        );
    }
}

#[test]
fn the_reports_fact_links_land_on_rows_of_the_sections() {
    let page = stdout_of(&["--format", "html"], &seeds());
    let links: Vec<&str> = page
        .split("href=\"#")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    assert!(links.len() > 100);
    for link in links {
        assert!(
            page.contains(&format!("id=\"{link}\"")),
            "#{link} leads nowhere"
        );
    }
}

/// A JSON value with every `"version"` number renamed through `names`.
fn renumbered(mut value: serde_json::Value, names: &[usize; 2]) -> serde_json::Value {
    match &mut value {
        serde_json::Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                if key == "version" {
                    let local = v.as_u64().expect("a version number") as usize;
                    *v = serde_json::Value::from(names[local]);
                } else {
                    *v = renumbered(v.take(), names);
                }
            }
        }
        serde_json::Value::Array(items) => {
            for v in items.iter_mut() {
                *v = renumbered(v.take(), names);
            }
        }
        _ => {}
    }
    value
}

#[test]
fn json_of_all_seeds_gives_each_pair_as_the_two_alone() {
    for base in [0, 3] {
        let flags = ["--format", "json", "--base"];
        let all: serde_json::Value = serde_json::from_str(&stdout_of(
            &[&flags[..], &[&base.to_string()]].concat(),
            &seeds(),
        ))
        .unwrap();
        let pairs = all["pairs"].as_array().expect("pairs with five versions");
        let others: Vec<usize> = (0..5).filter(|v| *v != base).collect();
        assert_eq!(pairs.len(), others.len());
        for (pair, other) in pairs.iter().zip(others) {
            assert_eq!(pair["compared"], other);
            let (files, pair_base) = alone(base, other);
            let alone: serde_json::Value =
                serde_json::from_str(&stdout_of(&[&flags[..], &[&pair_base]].concat(), &files))
                    .unwrap();
            assert!(alone.get("pairs").is_none(), "two versions have no pairs");
            let names = [base.min(other), base.max(other)];
            assert_eq!(
                pair["passages"],
                renumbered(alone["passages"].clone(), &names),
                "base {base}, version {other}"
            );
            assert_eq!(pair["ranking"], alone["ranking"]);
        }
    }
}

/// The marked texts of an inline printout, each with its status: of every passage (two
/// versions), or of every sub-entry of `label` (three or more: `  ▸ 001 ¶4 · changed · 41%`).
fn inline_entries(out: &str, label: Option<&str>) -> Vec<(String, String)> {
    let mut entries: Vec<(String, String)> = Vec::new();
    let mut open = false;
    for line in out.lines() {
        let header = match label {
            None => line.strip_prefix("── passage "),
            Some(label) => line
                .strip_prefix("  ▸ ")
                .filter(|rest| rest.split(' ').next() == Some(label)),
        };
        if let Some(rest) = header {
            let status = rest.split(" · ").nth(1).unwrap_or_default().to_string();
            entries.push((status, String::new()));
            open = true;
        } else if line.is_empty()
            || line.starts_with("──")
            || line.starts_with("  ")
            || line.starts_with('…')
            || line.starts_with('·')
            || line.starts_with('↳')
        {
            open = false;
        } else if open {
            let body = &mut entries.last_mut().expect("an open entry").1;
            body.push_str(line);
            body.push('\n');
        }
    }
    entries
}

#[test]
fn inline_of_all_seeds_marks_each_version_as_the_two_alone() {
    for base in [0, 3] {
        let all = stdout_of(&["--base", &base.to_string()], &seeds());
        for other in (0..5).filter(|v| *v != base) {
            let (files, pair_base) = alone(base, other);
            let pair = stdout_of(&["--base", &pair_base], &files);
            let label = format!("00{other}");
            // `▸ 001 ¶5 · with passage 7` points to where the text is shown.
            let shown: Vec<_> = inline_entries(&all, Some(&label))
                .into_iter()
                .filter(|(status, _)| !status.starts_with("with passage"))
                .collect();
            let mut own = inline_entries(&pair, None);
            assert!(!shown.is_empty(), "base {base}: no entry for {label}");
            // Every sub-entry is a passage of the pair alone, marked alike.
            for entry in &shown {
                let at = own.iter().position(|o| o == entry).unwrap_or_else(|| {
                    panic!("base {base}, {label}: {entry:?} is no passage of the two alone")
                });
                own.remove(at);
            }
            // What is left is removed text the header of all versions lists as removed.
            assert!(
                own.iter().all(|(status, _)| status == "removed"),
                "base {base}, {label}: not shown among all versions: {own:#?}"
            );
        }
    }
}
