//! The storydiff binary: parse the command line, compare, show. Exit status as diff(1).

mod cli;

use std::io;
use std::process::ExitCode;

use clap::Parser;
use storydiff::load::load_version;
use storydiff::render;
use storydiff::{Comparison, VersionId};

/// The versions have the same text (under the ignore options).
const SAME: u8 = 0;
/// The versions differ.
const DIFFER: u8 = 1;
/// Trouble: unreadable or binary input, bad arguments (clap also exits with 2).
const TROUBLE: u8 = 2;

fn main() -> ExitCode {
    match run(cli::Args::parse()) {
        Ok(code) => code,
        Err(err) => {
            // Library errors name their file and include their cause already.
            eprintln!("storydiff: {err:#}");
            ExitCode::from(TROUBLE)
        }
    }
}

fn run(args: cli::Args) -> anyhow::Result<ExitCode> {
    if let Some(what) = args.generate() {
        cli::generate::write(what, &mut io::stdout().lock())?;
        return Ok(ExitCode::from(SAME));
    }
    let env = cli::Env {
        config: cli::config::Config::load()?,
        ..cli::Env::detect()
    };
    let options = args.into_options(&env);
    if let cli::Inputs::GitUnmerged(path) = &options.inputs {
        // As git's own diff says of a path with merge conflicts.
        println!("* Unmerged path {}", path.display());
        return Ok(ExitCode::from(SAME));
    }
    let inputs = options.inputs.read()?;
    if options.output == cli::Output::Viewer {
        // The viewer aligns in the background itself (with a progress line), so it takes the
        // loaded versions rather than a finished comparison.
        let versions = inputs
            .into_iter()
            .enumerate()
            .map(|(i, input)| load_version(VersionId(i), input, &options.compare))
            .collect::<storydiff::Result<Vec<_>>>()?;
        let theme = storydiff::app::pick_theme(options.theme.into(), env.no_color);
        storydiff::app::run_with_theme(versions, options.compare, theme)?;
        return Ok(ExitCode::from(SAME));
    }
    let comparison = match (
        storydiff::compare(inputs, &options.compare),
        &options.inputs,
    ) {
        // Git shows a binary file as a note, and goes on with the next path.
        (Err(storydiff::Error::Binary { .. }), cli::Inputs::Git(call)) => {
            println!("{}", call.binary_note());
            return Ok(ExitCode::from(SAME));
        }
        (result, _) => result?,
    };
    print(&comparison, &options)?;
    let differs = comparison.differs() && options.exit == cli::ExitStatus::Diff;
    Ok(ExitCode::from(if differs { DIFFER } else { SAME }))
}

/// Prints to stdout or the pager; a reader that went away (`| head`, `q`) is not an error.
fn print(comparison: &Comparison, options: &cli::Options) -> io::Result<()> {
    // Fact analysis costs as much as the comparison on long inputs: only for formats showing it.
    let facts = options
        .print
        .format
        .shows_facts()
        .then(|| storydiff::facts::analyze(comparison));
    cli::pager::write_paged(options.output == cli::Output::Paged, |out| {
        let mut out = out;
        render::print(&mut out, comparison, facts.as_ref(), &options.print)
    })
}
