//! Scores the facts analysis against labelled facts (issue 8): the seeds and two stories
//! written for storydiff, each in several versions. See `tests/facts_eval/README.md`.
//!
//! `cargo test --test facts_eval -- --nocapture` prints the table; the test fails when a
//! figure falls below its floor.

use std::path::{Path, PathBuf};

use storydiff::facts::{Fact, FactKind, FactReport, FactStatus, analyze};
use storydiff::{CompareOptions, Comparison, Input, compare};

/// What kind of label a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Differ,
    Same,
    Fact,
    None,
}

struct Line {
    label: Label,
    kind: FactKind,
    values: Vec<String>,
    note: String,
}

#[derive(Debug, Default, Clone, Copy)]
struct Score {
    found: usize,
    missed: usize,
    false_alarms: usize,
    unlabelled: usize,
    checks: usize,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn kind(name: &str) -> FactKind {
    [
        FactKind::Number,
        FactKind::Money,
        FactKind::Date,
        FactKind::Duration,
        FactKind::Name,
        FactKind::Quote,
        FactKind::Role,
    ]
    .into_iter()
    .find(|k| k.name() == name)
    .unwrap_or_else(|| panic!("unknown kind {name}"))
}

fn labels(path: &Path) -> Vec<Line> {
    let text = std::fs::read_to_string(path).expect("labels");
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let label = match f[0] {
                "differ" => Label::Differ,
                "same" => Label::Same,
                "fact" => Label::Fact,
                "none" => Label::None,
                other => panic!("unknown label {other}"),
            };
            Line {
                label,
                kind: kind(f[1]),
                // `none` labels match as written: "PORTSMOUTH" the dateline, not the town.
                values: f[2]
                    .split('|')
                    .map(|v| {
                        if f[0] == "none" {
                            v.to_string()
                        } else {
                            v.to_lowercase()
                        }
                    })
                    .collect(),
                note: f.get(3).unwrap_or(&"").to_string(),
            }
        })
        .collect()
}

fn comparison(files: &[PathBuf]) -> Comparison {
    let inputs = files
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            Input::from_bytes(name, std::fs::read(p).expect("version"))
        })
        .collect();
    compare(inputs, &CompareOptions::default()).expect("compares")
}

/// A reading's text and value, lower-cased, for matching labels.
fn texts(fact: &Fact) -> Vec<(usize, String)> {
    fact.readings
        .iter()
        .map(|r| {
            (
                r.version.0,
                format!("{} \u{1} {}", r.text, r.value).to_lowercase(),
            )
        })
        .collect()
}

fn is_drift(f: &Fact) -> bool {
    matches!(f.status, FactStatus::Drift | FactStatus::Misquote)
}

fn matches_all(fact: &Fact, values: &[String]) -> bool {
    let t = texts(fact);
    values.iter().all(|v| t.iter().any(|(_, s)| s.contains(v)))
}

fn score(report: &FactReport, lines: &[Line], failures: &mut Vec<String>) -> Score {
    let mut s = Score::default();
    let of_kind = |k: FactKind| report.facts.iter().filter(move |f| f.kind == k);
    for line in lines {
        s.checks += 1;
        match line.label {
            Label::Differ => {
                if of_kind(line.kind).any(|f| is_drift(f) && matches_all(f, &line.values)) {
                    s.found += 1;
                } else {
                    s.missed += 1;
                    failures.push(format!(
                        "missed: {} {:?} ({})",
                        line.kind.name(),
                        line.values,
                        line.note
                    ));
                }
            }
            Label::Fact => {
                if of_kind(line.kind).any(|f| matches_all(f, &line.values)) {
                    s.found += 1;
                } else {
                    s.missed += 1;
                    failures.push(format!("missed: {} {:?}", line.kind.name(), line.values));
                }
            }
            Label::Same => {
                let (a, b) = (&line.values[0], &line.values[1]);
                let split = of_kind(line.kind).filter(|f| is_drift(f)).any(|f| {
                    let t = texts(f);
                    t.iter()
                        .filter(|(_, x)| x.contains(a.as_str()))
                        .any(|(va, _)| {
                            t.iter()
                                .filter(|(_, x)| x.contains(b.as_str()))
                                .any(|(vb, _)| {
                                    let out = |v: &usize| f.outliers.iter().any(|o| o.0 == *v);
                                    out(va) != out(vb)
                                })
                        })
                });
                if split {
                    s.false_alarms += 1;
                    failures.push(format!("false alarm: {a} against {b}"));
                }
            }
            Label::None => {
                let read = of_kind(line.kind).any(|f| {
                    f.readings
                        .iter()
                        .any(|r| r.text.contains(line.values[0].as_str()))
                });
                if read {
                    s.false_alarms += 1;
                    failures.push(format!(
                        "false alarm: {} read from {:?}",
                        line.kind.name(),
                        line.values[0]
                    ));
                }
            }
        }
    }
    let differ: Vec<&Line> = lines.iter().filter(|l| l.label == Label::Differ).collect();
    for f in report
        .facts
        .iter()
        .filter(|f| f.status == FactStatus::Drift)
    {
        if !differ
            .iter()
            .any(|l| l.kind == f.kind && matches_all(f, &l.values))
        {
            s.unlabelled += 1;
            let values: Vec<String> = f.readings.iter().map(|r| r.value.clone()).collect();
            failures.push(format!("unlabelled drift: {} {values:?}", f.kind.name()));
        }
    }
    s
}

fn versions_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("set directory")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// A labelled set and its floors.
struct Set {
    name: &'static str,
    versions: Vec<PathBuf>,
    labels: PathBuf,
    /// Least share of `differ` and `fact` labels found.
    found: f64,
    /// Most false alarms.
    false_alarms: usize,
    /// Most drifted facts no label explains.
    unlabelled: usize,
}

fn sets() -> Vec<Set> {
    let eval = root().join("tests/facts_eval");
    let set = |name, versions, labels, found, unlabelled| Set {
        name,
        versions,
        labels,
        found,
        false_alarms: 0,
        unlabelled,
    };
    vec![
        set(
            "seeds",
            versions_in(&root().join("seeds")),
            eval.join("seeds.tsv"),
            0.85,
            3,
        ),
        set(
            "harbour",
            versions_in(&eval.join("harbour")),
            eval.join("harbour/labels.tsv"),
            0.85,
            2,
        ),
        set(
            "council",
            versions_in(&eval.join("council")),
            eval.join("council/labels.tsv"),
            0.8,
            2,
        ),
    ]
}

#[test]
fn labelled_facts_are_found_without_false_alarms() {
    println!(
        "{:<8} {:>8} {:>6} {:>6} {:>7} {:>12} {:>11}",
        "set", "versions", "found", "missed", "found%", "false alarms", "unlabelled"
    );
    let mut problems = Vec::new();
    for Set {
        name,
        versions: files,
        labels: labels_path,
        found: floor,
        false_alarms: max_false,
        unlabelled: max_unlabelled,
    } in sets()
    {
        let c = comparison(&files);
        let report = analyze(&c);
        let mut notes = Vec::new();
        let s = score(&report, &labels(&labels_path), &mut notes);
        let share = s.found as f64 / (s.found + s.missed).max(1) as f64;
        println!(
            "{name:<8} {:>8} {:>6} {:>6} {:>6.0}% {:>12} {:>11}",
            files.len(),
            s.found,
            s.missed,
            share * 100.0,
            s.false_alarms,
            s.unlabelled
        );
        for n in &notes {
            println!("    {n}");
        }
        if share < floor || s.false_alarms > max_false || s.unlabelled > max_unlabelled {
            problems.push(format!(
                "{name}: {s:?} (floor {floor}, ≤{max_false} false, ≤{max_unlabelled} unlabelled)"
            ));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
