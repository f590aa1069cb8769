//! Benchmark: where the time of one run goes, stage by stage (issue 12): load, segment, the
//! alignment without word diffs (`storydiff::align_versions`, what the viewer's first frame
//! waits for), compare (segment + align + word diffs, as `storydiff::analyze_versions` does
//! them), the word diffs alone, facts, each compared version's own comparison with the base
//! (three or more versions), and the inline printout.
//!
//! ```text
//! cargo bench --bench stages              # the seeds and every book size
//! cargo bench --bench stages -- 4mb       # one input: seeds, 0.25mb, 1mb or 4mb
//! ```
//!
//! Each stage runs on the output of the one before, with rayon's pool as the program uses it,
//! and is timed in wall time and in CPU time of all threads (from `/proc/self/stat`, in ticks of
//! 10 ms, so the seeds' CPU figures are coarse; 0 where /proc is not available). The word diffs are run again on their own
//! over the aligned passages (the comparison does them inside), so `align` is the comparison
//! minus `segment` and `diff`. Medians of several runs; the book pairs come from
//! `scripts/make-bench-data.py` (see `benches/README.md`), the seeds are the bundled story.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use storydiff::diff::{self, PassageText};
use storydiff::render::{self, PrintOptions};
use storydiff::{CompareOptions, Input, Reading, VersionId, load, segment, tokens};

mod support;
use support::cpu_seconds;

/// The inputs, by label: the seeds, then the book pairs.
const INPUTS: [&str; 4] = ["seeds", "0.25mb", "1mb", "4mb"];
/// Stop repeating an input after this much time (but run it at least `MIN_RUNS` times).
const TIME_BUDGET: Duration = Duration::from_secs(8);
const MIN_RUNS: usize = 3;
const MAX_RUNS: usize = 25;
const STAGES: [&str; 9] = [
    "load", "segment", "aligned", "compare", "  diff", "  align", "facts", "pairs", "print",
];

/// Wall and CPU seconds of one stage in one run.
#[derive(Clone, Copy, Default)]
struct Cost {
    wall: f64,
    cpu: f64,
}

fn timed<R>(cost: &mut Cost, f: impl FnOnce() -> R) -> R {
    let (wall, cpu) = (Instant::now(), cpu_seconds());
    let out = f();
    *cost = Cost {
        wall: wall.elapsed().as_secs_f64(),
        cpu: cpu_seconds() - cpu,
    };
    out
}

fn read_inputs(label: &str) -> Result<Vec<Input>, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let paths: Vec<PathBuf> = if label == "seeds" {
        let mut seeds: Vec<PathBuf> = std::fs::read_dir(root.join("seeds"))
            .map_err(|e| e.to_string())?
            .flatten()
            .map(|e| e.path())
            .collect();
        seeds.sort();
        seeds
    } else {
        ["kjv", "web"]
            .iter()
            .map(|t| root.join("benches/data").join(format!("{t}_{label}.txt")))
            .collect()
    };
    paths
        .iter()
        .map(|path| {
            let bytes = std::fs::read(path).map_err(|e| {
                format!(
                    "{}: {e}\nrun `python3 scripts/make-bench-data.py`",
                    path.display()
                )
            })?;
            Ok(Input::from_bytes(path.display().to_string(), bytes))
        })
        .collect()
}

/// The word diff of every reading that has both sides, as the comparison computes it.
/// The key ids are numbered beforehand, as the comparison numbers them while the pairs align.
fn rediff(
    comparison: &storydiff::Comparison,
    all_tokens: &[Vec<tokens::Token>],
    keys: &[Vec<u32>],
) -> usize {
    let base = comparison.base;
    let side = |v: VersionId, range: std::ops::Range<usize>| {
        let at = tokens::positions_within(&all_tokens[v.0], range.clone());
        PassageText {
            text: &comparison.version(v).text,
            tokens: &all_tokens[v.0][at.clone()],
            keys: Some(&keys[v.0][at]),
            range,
        }
    };
    comparison
        .passages
        .par_iter()
        .map(|p| {
            let Some(b) = p.span(base) else { return 0 };
            p.readings
                .iter()
                .filter_map(|r: &Reading| p.span(r.version).map(|o| (r.version, o)))
                .map(|(v, o)| {
                    let d = diff::diff_tokens(
                        &side(base, b.range.clone()),
                        &side(v, o.range.clone()),
                        comparison.options.ignore,
                    );
                    d.ops.len()
                })
                .sum::<usize>()
        })
        .sum()
}

/// One run of every stage.
fn run(label: &str) -> Result<[Cost; 9], String> {
    let inputs = read_inputs(label)?;
    let options = CompareOptions::default();
    let mut c = [Cost::default(); 9];
    let versions = timed(&mut c[0], || {
        let loaded: Vec<_> = inputs
            .into_par_iter()
            .enumerate()
            .map(|(i, input)| load::load_version(VersionId(i), input, &options))
            .collect();
        loaded.into_iter().collect::<Result<Vec<_>, _>>()
    })
    .map_err(|e| e.to_string())?;
    timed(&mut c[1], || {
        versions
            .par_iter()
            .map(|v| {
                let paragraphs = segment::paragraphs(&v.text);
                let sentences = segment::sentences(&v.text, &paragraphs, false);
                (
                    sentences.len(),
                    tokens::tokenize(&v.text, 0..v.text.len()).len(),
                )
            })
            .collect::<Vec<_>>()
    });
    let aligned = timed(&mut c[2], || {
        storydiff::align_versions(versions.clone(), &options).map_err(|e| e.to_string())
    })?;
    drop(aligned);
    let analysis = timed(&mut c[3], || {
        storydiff::analyze_versions(versions, &options).map_err(|e| e.to_string())
    })?;
    let comparison = &analysis.comparison;
    let all_tokens: Vec<_> = comparison
        .versions
        .iter()
        .map(|v| tokens::tokenize(&v.text, 0..v.text.len()))
        .collect();
    let texts: Vec<&str> = comparison
        .versions
        .iter()
        .map(|v| v.text.as_str())
        .collect();
    let slices: Vec<&[tokens::Token]> = all_tokens.iter().map(Vec::as_slice).collect();
    let keys = diff::key_ids(&texts, &slices, options.ignore);
    timed(&mut c[4], || rediff(comparison, &all_tokens, &keys));
    c[5] = Cost {
        wall: (c[3].wall - c[1].wall - c[4].wall).max(0.0),
        cpu: (c[3].cpu - c[1].cpu - c[4].cpu).max(0.0),
    };
    timed(&mut c[6], || analysis.facts().facts.len());
    // The pairs' own comparisons, which the inline printout of three or more versions shows
    // (with two, the pair is the comparison itself).
    timed(&mut c[7], || {
        comparison
            .compared()
            .map(|v| analysis.pair(v).comparison.passages.len())
            .sum::<usize>()
    });
    let mut out = Vec::with_capacity(1 << 20);
    timed(&mut c[8], || {
        render::print(&mut out, &analysis, &PrintOptions::default()).map_err(|e| e.to_string())
    })?;
    Ok(c)
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn measure(label: &str) -> Result<(), String> {
    let started = Instant::now();
    let mut runs: Vec<[Cost; 9]> = Vec::new();
    while runs.len() < MIN_RUNS || (started.elapsed() < TIME_BUDGET && runs.len() < MAX_RUNS) {
        runs.push(run(label)?);
    }
    println!("== {label}: {} runs, medians (ms)", runs.len());
    println!("{:<9} {:>9} {:>9}", "stage", "wall", "cpu");
    for (i, stage) in STAGES.iter().enumerate() {
        let wall = median(runs.iter().map(|r| r[i].wall).collect());
        let cpu = median(runs.iter().map(|r| r[i].cpu).collect());
        println!("{stage:<9} {:>9.1} {:>9.1}", wall * 1e3, cpu * 1e3);
    }
    let total = |r: &[Cost; 9]| [0, 3, 6, 7, 8].iter().map(|&i| r[i].wall).sum::<f64>();
    let walls = runs.iter().map(total).collect();
    println!("{:<9} {:>9.1}", "total", median(walls) * 1e3);
    Ok(())
}

fn main() -> ExitCode {
    // `cargo bench` passes `--bench`; everything else that is not a flag names an input.
    let labels: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    if let Some(bad) = labels.iter().find(|l| !INPUTS.contains(&l.as_str())) {
        eprintln!("unknown input {bad:?}; inputs: {}", INPUTS.join(", "));
        return ExitCode::from(2);
    }
    let labels = if labels.is_empty() {
        INPUTS.map(String::from).to_vec()
    } else {
        labels
    };
    for label in &labels {
        if let Err(e) = measure(label) {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
