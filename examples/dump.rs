//! Prints the passage table of two or more files, for eyeballing the aligner.
use storydiff::{CompareOptions, compare, load};

fn main() {
    let args: Vec<std::path::PathBuf> = std::env::args_os().skip(1).map(Into::into).collect();
    let inputs = if args.is_empty() {
        load::bundled_seeds()
    } else {
        load::read_inputs(&args).unwrap()
    };
    let c = compare(inputs, &CompareOptions::default()).unwrap();
    for p in &c.passages {
        println!(
            "── #{} {:?} {:?} {:.2}",
            p.index, p.kind, p.status, p.similarity
        );
        for s in &p.spans {
            let t = c.version(s.version).slice(s.range.clone());
            let short: String = t.chars().take(150).collect();
            let mv = p
                .reading(s.version)
                .map(|r| format!("{:?} {:.2} {:?}", r.status, r.similarity, r.placement))
                .unwrap_or_default();
            println!(
                "  v{} [{}] {}  {}",
                s.version.0,
                mv,
                short.replace('\n', " "),
                if t.len() > 150 { "…" } else { "" }
            );
        }
    }
}
