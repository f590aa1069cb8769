//! Reports the CPU time of loading and comparing files (a profiling aid that holds on a busy
//! machine, unlike wall-clock timing).
use storydiff::{CompareOptions, VersionId, load};

/// Process CPU time (user + system) in ms, read from /proc.
fn cpu_ms() -> u64 {
    let stat = std::fs::read_to_string("/proc/self/stat").expect("linux /proc");
    let fields: Vec<&str> = stat
        .rsplit(')')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    (fields[11].parse::<u64>().unwrap_or(0) + fields[12].parse::<u64>().unwrap_or(0)) * 10
}

fn main() {
    let args: Vec<std::path::PathBuf> = std::env::args_os().skip(1).map(Into::into).collect();
    let inputs = load::read_inputs(&args).expect("readable inputs");
    let opts = CompareOptions::default();
    let t = cpu_ms();
    let versions: Vec<_> = inputs
        .into_iter()
        .enumerate()
        .map(|(i, inp)| load::load_version(VersionId(i), inp, &opts).expect("text"))
        .collect();
    eprintln!("load      {} ms cpu", cpu_ms() - t);
    let t = cpu_ms();
    let c = storydiff::compare_versions(versions, &opts).expect("compares");
    eprintln!(
        "compare   {} ms cpu ({} passages)",
        cpu_ms() - t,
        c.passages.len()
    );
}
