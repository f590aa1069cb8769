//! Benchmark: how long `storydiff::compare` takes to align and word-diff book-length prose, and
//! how much memory it needs.
//!
//! The pairs are the Bible from Genesis on in two translations (KJV, WEB), about 0.25, 1 and
//! 4 MB per version, paragraphed differently; `scripts/make-bench-data.py` writes them to
//! `benches/data/` (see `benches/README.md`). No harness crate: timing is a handful of runs with
//! `Instant`, reporting the minimum and the median, which is all a run of a second needs.
//!
//! ```text
//! cargo bench --bench align            # every size, each in a fresh process
//! cargo bench --bench align -- 4mb     # one size
//! BENCH_BINARY 4mb --once               # one comparison, no output (for hyperfine)
//! ```
//!
//! Peak memory is the process's high-water mark (`VmHWM` in /proc/self/status): it includes the
//! input bytes held by the benchmark itself, and is why each size runs in a process of its own.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use storydiff::{CompareOptions, Input, PassageStatus, compare};

mod support;
use support::cpu_seconds;

/// The sizes, by the label in the data file names (`kjv_<label>.txt`).
const SIZES: [&str; 3] = ["0.25mb", "1mb", "4mb"];
/// Set in the environment of the per-size child processes: print one machine-readable line.
const CHILD_ENV: &str = "STORYDIFF_BENCH_CHILD";
/// Stop repeating a size after this much time (but run it at least `MIN_RUNS` times).
const TIME_BUDGET: Duration = Duration::from_secs(5);
const MIN_RUNS: usize = 3;
const MAX_RUNS: usize = 15;

/// What one size measured.
struct Measurement {
    label: String,
    bytes: usize,
    runs: usize,
    min: f64,
    median: f64,
    /// Median CPU seconds per run, all threads: steadier than wall time on a busy machine.
    cpu: f64,
    peak_mb: f64,
    passages: String,
}

impl Measurement {
    fn to_line(&self) -> String {
        let Self {
            label,
            bytes,
            runs,
            min,
            median,
            cpu,
            peak_mb,
            passages,
        } = self;
        format!("{label}\t{bytes}\t{runs}\t{min}\t{median}\t{cpu}\t{peak_mb}\t{passages}")
    }

    fn from_line(line: &str) -> Option<Self> {
        let f: Vec<&str> = line.trim_end().split('\t').collect();
        let [label, bytes, runs, min, median, cpu, peak_mb, passages] = f.as_slice() else {
            return None;
        };
        Some(Self {
            label: (*label).to_string(),
            bytes: bytes.parse().ok()?,
            runs: runs.parse().ok()?,
            min: min.parse().ok()?,
            median: median.parse().ok()?,
            cpu: cpu.parse().ok()?,
            peak_mb: peak_mb.parse().ok()?,
            passages: (*passages).to_string(),
        })
    }

    fn print_row(&self) {
        let mb = self.bytes as f64 / 1e6;
        println!(
            "{:<7} {:>8.2} {:>5} {:>9.3} {:>9.3} {:>9.3} {:>8.2} {:>9.1}  {}",
            self.label,
            mb,
            self.runs,
            self.min,
            self.median,
            self.cpu,
            mb / self.median,
            self.peak_mb,
            self.passages
        );
    }
}

fn print_header() {
    println!(
        "{:<7} {:>8} {:>5} {:>9} {:>9} {:>9} {:>8} {:>9}  passages",
        "size", "MB", "runs", "min s", "median s", "cpu s", "MB/s", "peak MB"
    );
}

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("benches")
        .join("data")
}

fn read_pair(label: &str) -> Result<[Input; 2], String> {
    let read = |translation: &str| {
        let path = data_dir().join(format!("{translation}_{label}.txt"));
        std::fs::read(&path)
            .map(|bytes| Input::from_bytes(format!("{translation}_{label}.txt"), bytes))
            .map_err(|e| {
                format!(
                    "{}: {e}\nrun `python3 scripts/make-bench-data.py` first",
                    path.display()
                )
            })
    };
    Ok([read("kjv")?, read("web")?])
}

/// The process's peak resident memory so far, in MB (0 where /proc is not available).
fn peak_memory_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kib| kib * 1024.0 / 1e6)
}

/// Counts passages by status, e.g. `1520 same:3 changed:1490 …`, to show the alignment is real.
fn describe(passages: &[storydiff::Passage]) -> String {
    let statuses = [
        PassageStatus::Same,
        PassageStatus::Changed,
        PassageStatus::Added,
        PassageStatus::Removed,
        PassageStatus::Moved,
        PassageStatus::Boilerplate,
    ];
    let counts = statuses.iter().map(|s| {
        let n = passages.iter().filter(|p| p.status == *s).count();
        format!("{}:{n}", s.name())
    });
    format!(
        "{} ({})",
        passages.len(),
        counts.collect::<Vec<_>>().join(" ")
    )
}

fn measure(label: &str) -> Result<Measurement, String> {
    let pair = read_pair(label)?;
    let bytes = pair.iter().map(|i| i.bytes.len()).sum::<usize>() / 2;
    let options = CompareOptions::default();
    let started = Instant::now();
    let mut times = Vec::new();
    let mut cpu = Vec::new();
    let mut passages = String::new();
    while times.len() < MIN_RUNS || (started.elapsed() < TIME_BUDGET && times.len() < MAX_RUNS) {
        let inputs = pair.to_vec();
        let (run, cpu_before) = (Instant::now(), cpu_seconds());
        let comparison = compare(inputs, &options).map_err(|e| e.to_string())?;
        times.push(run.elapsed().as_secs_f64());
        cpu.push(cpu_seconds() - cpu_before);
        passages = describe(&comparison.passages);
        drop(comparison);
    }
    times.sort_by(f64::total_cmp);
    cpu.sort_by(f64::total_cmp);
    Ok(Measurement {
        label: label.to_string(),
        bytes,
        runs: times.len(),
        min: times[0],
        median: times[times.len() / 2],
        cpu: cpu[cpu.len() / 2],
        peak_mb: peak_memory_mb(),
        passages,
    })
}

/// Runs one size in a fresh process, so that its peak memory is its own.
fn measure_in_child(label: &str) -> Result<Measurement, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let out = Command::new(exe)
        .arg(label)
        .env(CHILD_ENV, "1")
        .output()
        .map_err(|e| e.to_string())?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        return Err(format!(
            "{label}: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Measurement::from_line(&stdout).ok_or_else(|| format!("{label}: unexpected output {stdout:?}"))
}

/// Compares each named pair once and prints nothing: a command for an outside timer
/// (`scripts/bench-vs-git.sh` uses it with hyperfine while the CLI has no JSON output).
fn run_once(sizes: &[String]) -> ExitCode {
    for label in sizes {
        let result = read_pair(label).and_then(|pair| {
            compare(Vec::from(pair), &CompareOptions::default()).map_err(|e| e.to_string())
        });
        if let Err(e) = result {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    // `cargo bench` passes `--bench`; everything else that is not a flag names a size.
    let sizes: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    if let Some(bad) = sizes.iter().find(|s| !SIZES.contains(&s.as_str())) {
        eprintln!("unknown size {bad:?}; sizes: {}", SIZES.join(", "));
        return ExitCode::from(2);
    }
    if std::env::args().any(|a| a == "--once") {
        return run_once(&sizes);
    }
    let child = std::env::var_os(CHILD_ENV).is_some();
    let in_process = child || sizes.len() == 1;
    let sizes = if sizes.is_empty() {
        SIZES.map(String::from).to_vec()
    } else {
        sizes
    };
    if !child {
        print_header();
    }
    let mut results = Vec::new();
    for label in &sizes {
        let result = if in_process {
            measure(label)
        } else {
            measure_in_child(label)
        };
        match result {
            Ok(m) if child => println!("{}", m.to_line()),
            Ok(m) => {
                m.print_row();
                results.push(m);
            }
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        }
    }
    let median_of = |label: &str| results.iter().find(|m| m.label == label).map(|m| m.median);
    if let (Some(one), Some(four)) = (median_of("1mb"), median_of("4mb")) {
        println!(
            "time ratio 4mb/1mb (median): {:.2}  (target: at most about 5)",
            four / one
        );
    }
    if !child {
        println!("targets: 4mb in under 1 s, peak under 200 MB");
    }
    ExitCode::SUCCESS
}
