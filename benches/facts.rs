//! Benchmark: the facts analysis of many versions of one story (issue 8), at 10, 50 and 200
//! versions of a 1,000-word story written by the deterministic generator of
//! `examples/many_versions` (the bundled seed 000 followed by `tests/facts_eval/harbour/0.txt`).
//!
//! ```text
//! cargo bench --bench facts              # 10, 50 and 200 versions
//! cargo bench --bench facts -- 200       # one count
//! ```
//!
//! For each count it times, separately: `compare` (load, segment, align, word-diff),
//! `facts::analyze`, the JSON printout and the facts table, as the median of a few runs, and
//! the size of the JSON and the line count of the facts table. The last lines give the growth
//! from 50 to 200 versions (4× the versions; linear growth is a ratio of about 4).

use std::process::ExitCode;
use std::time::Instant;

use storydiff::render::{self, Format, PrintOptions};
use storydiff::{CompareOptions, Input, compare};

#[path = "../examples/many_versions/story.rs"]
#[allow(dead_code)]
mod story;

const COUNTS: [usize; 3] = [10, 50, 200];
const RUNS: usize = 3;

fn default_story() -> String {
    let seed = include_str!("../seeds/000_cda56540cce722a2.txt");
    let extra = include_str!("../tests/facts_eval/harbour/0.txt");
    format!("{}\n\n{}", seed.trim_end(), extra.trim_end())
}

/// Median seconds of `RUNS` runs of `f`, and its last result.
fn time<T>(mut f: impl FnMut() -> T) -> (f64, T) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        last = Some(f());
        times.push(start.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    (times[RUNS / 2], last.expect("at least one run"))
}

struct Row {
    count: usize,
    compare: f64,
    analyze: f64,
    json: f64,
    table: f64,
    json_mb: f64,
    table_lines: usize,
    facts: usize,
}

fn measure(story: &str, count: usize) -> Result<Row, String> {
    let inputs: Vec<Input> = (0..count as u64)
        .map(|n| {
            Input::from_bytes(
                format!("v{n:03}.txt"),
                story::version(story, n).into_bytes(),
            )
        })
        .collect();
    let options = CompareOptions::default();
    let (compare_s, comparison) = time(|| compare(inputs.clone(), &options));
    let comparison = comparison.map_err(|e| e.to_string())?;
    let analysis = storydiff::Analysis::new(comparison);
    let (analyze_s, report) = time(|| analysis.facts().clone());
    let print = |format| {
        let mut out = Vec::new();
        let options = PrintOptions {
            format,
            ..PrintOptions::default()
        };
        render::print(&mut out, &analysis, &options).map(|()| out)
    };
    let (json_s, json) = time(|| print(Format::Json));
    let (table_s, table) = time(|| print(Format::Facts));
    let json = json.map_err(|e| e.to_string())?;
    let table = table.map_err(|e| e.to_string())?;
    Ok(Row {
        count,
        compare: compare_s,
        analyze: analyze_s,
        json: json_s,
        table: table_s,
        json_mb: json.len() as f64 / 1e6,
        table_lines: String::from_utf8_lossy(&table).lines().count(),
        facts: report.facts.len(),
    })
}

fn main() -> ExitCode {
    let counts: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let counts = if counts.is_empty() {
        COUNTS.to_vec()
    } else {
        counts
    };
    let story = default_story();
    println!(
        "story: {} words; median of {RUNS} runs; seconds",
        story.split_whitespace().count()
    );
    println!(
        "{:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>9} {:>6}",
        "versions", "compare", "facts", "json", "table", "json MB", "table ln", "facts"
    );
    let mut rows = Vec::new();
    for count in counts {
        match measure(&story, count) {
            Ok(r) => {
                println!(
                    "{:>8} {:>8.3} {:>8.3} {:>8.3} {:>8.3} {:>8.2} {:>9} {:>6}",
                    r.count,
                    r.compare,
                    r.analyze,
                    r.json,
                    r.table,
                    r.json_mb,
                    r.table_lines,
                    r.facts
                );
                rows.push(r);
            }
            Err(e) => {
                eprintln!("{count} versions: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let at = |n: usize| rows.iter().find(|r| r.count == n);
    if let (Some(a), Some(b)) = (at(50), at(200)) {
        println!(
            "growth 50 → 200 versions (4×): compare {:.1}×, facts {:.1}×, json {:.1}×, table {:.1}×",
            b.compare / a.compare,
            b.analyze / a.analyze,
            b.json / a.json,
            b.table / a.table
        );
    }
    ExitCode::SUCCESS
}
