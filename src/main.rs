//! The storydiff binary: parse the command line, compare, show. Exit status as diff(1).

mod cli;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;
use storydiff::Comparison;
use storydiff::render::{self, PrintOptions};

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
            eprintln!("storydiff: {err}");
            ExitCode::from(TROUBLE)
        }
    }
}

fn run(args: cli::Args) -> anyhow::Result<ExitCode> {
    let options = args.into_options(&cli::Env::detect());
    let comparison = storydiff::compare(options.inputs.read()?, &options.compare)?;
    match options.output {
        cli::Output::Viewer => view(&comparison, &options.print)?,
        cli::Output::Print => print(&comparison, &options.print)?,
    }
    Ok(ExitCode::from(if comparison.differs() {
        DIFFER
    } else {
        SAME
    }))
}

/// The interactive viewer. Until it lands (issue 3) it prints the inline format; the lead points
/// this at `storydiff::app::run` when merging.
fn view(comparison: &Comparison, options: &PrintOptions) -> io::Result<()> {
    print(comparison, options)
}

/// Prints to stdout; a reader that went away (`| head`) is not an error.
fn print(comparison: &Comparison, options: &PrintOptions) -> io::Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    match render::print(&mut out, comparison, options).and_then(|()| out.flush()) {
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        result => result,
    }
}
