//! Times the phases of the facts analysis on many generated versions (a profiling aid).
use std::time::Instant;

use storydiff::facts::{analyze_extracted, extract};
use storydiff::{CompareOptions, Input, compare};

#[path = "many_versions/story.rs"]
#[allow(dead_code)]
mod story;

fn main() {
    let n: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(50);
    let seed = include_str!("../seeds/000_cda56540cce722a2.txt");
    let extra = include_str!("../tests/facts_eval/harbour/0.txt");
    let text = format!("{}\n\n{}", seed.trim_end(), extra.trim_end());
    let inputs: Vec<Input> = (0..n)
        .map(|i| Input::from_bytes(format!("v{i}"), story::version(&text, i).into_bytes()))
        .collect();
    let t = Instant::now();
    let c = compare(inputs, &CompareOptions::default()).expect("compares");
    eprintln!(
        "compare  {:.3}s  {} passages",
        t.elapsed().as_secs_f64(),
        c.passages.len()
    );
    let t = Instant::now();
    let ex: Vec<_> = c
        .versions
        .iter()
        .map(|v| extract::extract(&v.text))
        .collect();
    eprintln!("extract  {:.3}s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let r = analyze_extracted(&c, &ex);
    eprintln!(
        "rest     {:.3}s  {} facts",
        t.elapsed().as_secs_f64(),
        r.facts.len()
    );
    for _ in 0..3 {
        let t = Instant::now();
        let r = storydiff::facts::analyze(&c);
        eprintln!(
            "analyze  {:.3}s  {} facts",
            t.elapsed().as_secs_f64(),
            r.facts.len()
        );
    }
}
