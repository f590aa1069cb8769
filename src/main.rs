//! The storydiff binary: parse the command line, compare, show. Exit status as diff(1).

mod cli;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;
use storydiff::load::load_version;
use storydiff::render::{self, PrintOptions};
use storydiff::{Analysis, VersionId};

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
            // Library errors name their file and include their cause already; the command line
            // is ours, so the hint that names a flag is added here.
            eprintln!("storydiff: {err}{}", hint(&err));
            ExitCode::from(TROUBLE)
        }
    }
}

fn run(args: cli::Args) -> anyhow::Result<ExitCode> {
    let options = args.into_options(&cli::Env::detect());
    let inputs = options.inputs.read()?;
    if options.output == cli::Output::Viewer {
        // The viewer aligns in the background itself (with a progress line), so it takes the
        // loaded versions rather than a finished comparison.
        let versions = inputs
            .into_iter()
            .enumerate()
            .map(|(i, input)| load_version(VersionId(i), input, &options.compare))
            .collect::<storydiff::Result<Vec<_>>>()?;
        storydiff::app::run(versions, options.compare, options.print.styling)?;
        return Ok(ExitCode::from(SAME));
    }
    let analysis = storydiff::analyze(inputs, &options.compare)?;
    print(&analysis, &options.print)?;
    Ok(ExitCode::from(if analysis.comparison.differs() {
        DIFFER
    } else {
        SAME
    }))
}

/// The flag that would get past a library error, if there is one. (The viewer hands library
/// errors back inside an `io::Error`.)
fn hint(err: &anyhow::Error) -> &'static str {
    let library = err.chain().find_map(|cause| {
        cause.downcast_ref::<storydiff::Error>().or_else(|| {
            cause
                .downcast_ref::<io::Error>()?
                .get_ref()?
                .downcast_ref::<storydiff::Error>()
        })
    });
    match library {
        Some(storydiff::Error::Binary { .. }) => " (use --text to compare it anyway)",
        Some(storydiff::Error::BaseOutOfRange { .. }) => "; see --base",
        _ => "",
    }
}

/// Prints to stdout; a reader that went away (`| head`) is not an error.
fn print(analysis: &Analysis, options: &PrintOptions) -> io::Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    match render::print(&mut out, analysis, options).and_then(|()| out.flush()) {
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        result => result,
    }
}
