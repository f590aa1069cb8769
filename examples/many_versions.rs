//! Writes many deterministic rewrites of one story, to try storydiff at the scale of a wire
//! story republished by hundreds of outlets (issue 8).
//!
//! ```text
//! cargo run --release --example many_versions -- 200 /tmp/many            # the bundled story
//! cargo run --release --example many_versions -- 200 /tmp/many a.txt b.txt # these, joined
//! storydiff --format facts /tmp/many/*.txt
//! ```
//!
//! The story is the files given, joined by blank lines; without files, the bundled seed 000
//! followed by `tests/facts_eval/harbour/0.txt` (about 1,000 words). Version 0 is the story
//! itself; see `many_versions/story.rs` for what the rewrites change.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[path = "many_versions/story.rs"]
mod story;

/// The default story: about 1,000 words of news text.
fn default_story() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seed = include_str!("../seeds/000_cda56540cce722a2.txt");
    let extra =
        std::fs::read_to_string(root.join("tests/facts_eval/harbour/0.txt")).unwrap_or_default();
    format!("{}\n\n{}", seed.trim_end(), extra.trim_end())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(count), Some(out)) = (
        args.first().and_then(|n| n.parse::<u64>().ok()),
        args.get(1),
    ) else {
        eprintln!("usage: many_versions COUNT OUT_DIR [STORY_FILE...]");
        return ExitCode::from(2);
    };
    let story = if args.len() > 2 {
        let mut parts = Vec::new();
        for path in &args[2..] {
            match std::fs::read_to_string(path) {
                Ok(text) => parts.push(text.trim_end().to_string()),
                Err(e) => {
                    eprintln!("{path}: {e}");
                    return ExitCode::from(2);
                }
            }
        }
        parts.join("\n\n")
    } else {
        default_story()
    };
    let out = PathBuf::from(out);
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("{}: {e}", out.display());
        return ExitCode::from(2);
    }
    for n in 0..count {
        let path = out.join(format!("v{n:03}.txt"));
        if let Err(e) = std::fs::write(&path, story::version(&story, n)) {
            eprintln!("{}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    println!(
        "{count} versions of a {}-word story in {}",
        story.split_whitespace().count(),
        out.display()
    );
    ExitCode::SUCCESS
}
