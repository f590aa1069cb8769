//! Minimal launcher for the viewer while the CLI is written elsewhere: `storydiff [FILE]...`
//! opens the TUI on the files (the bundled story without any) when stdout is a terminal.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use storydiff::load::{bundled_seeds, load_version, read_inputs};
use storydiff::{CompareOptions, VersionId};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("storydiff: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn run() -> anyhow::Result<()> {
    let files: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let inputs = if files.is_empty() {
        bundled_seeds()
    } else {
        read_inputs(&files)?
    };
    let options = CompareOptions::default();
    let versions = inputs
        .into_iter()
        .enumerate()
        .map(|(i, input)| load_version(VersionId(i), input, &options))
        .collect::<storydiff::Result<Vec<_>>>()?;
    if !std::io::stdout().is_terminal() {
        anyhow::bail!("the viewer needs a terminal (printing is not wired in this branch)");
    }
    storydiff::app::run(versions, options)?;
    Ok(())
}
