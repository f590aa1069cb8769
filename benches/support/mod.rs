//! What the benchmark binaries share: the process's CPU time.

/// CPU seconds this process has used so far, every thread (ended ones too), user and system
/// (0 without /proc).
pub fn cpu_seconds() -> f64 {
    // Fields 14 and 15 of /proc/self/stat, in clock ticks (USER_HZ, 100 on Linux); the name in
    // field 2 may hold spaces, so count from the `)` that closes it. After it: state (not a
    // number, so filtered out), then ppid … utime (11th number), stime.
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<f64> = after_name
        .split_whitespace()
        .filter_map(|f| f.parse().ok())
        .collect();
    fields
        .get(10)
        .zip(fields.get(11))
        .map_or(0.0, |(u, s)| (u + s) / 100.0)
}
