//! The storydiff binary: parse the command line, compare, show. Exit status as diff(1).

mod cli;

use std::io;
use std::process::ExitCode;

use clap::Parser;
use storydiff::load::load_version;
use storydiff::render;
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
            // is ours, so the hint that names a flag is added here. A file name can hold escape
            // sequences: shown as visible symbols, never sent to the terminal.
            let message = format!("{err:#}{}", hint(&err));
            eprintln!(
                "storydiff: {}",
                storydiff::visible::visible(&message, false)
            );
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
        // Colour or not as the command line decided it (`--color`, `NO_COLOR`, a dumb terminal).
        let theme = storydiff::app::pick_theme(options.theme.into(), options.print.styling);
        storydiff::app::run_with_theme(versions, options.compare, theme)?;
        return Ok(ExitCode::from(SAME));
    }
    let analysis = match (
        storydiff::analyze(inputs, &options.compare),
        &options.inputs,
    ) {
        // Git shows a binary file as a note, and goes on with the next path.
        (Err(storydiff::Error::Binary { .. }), cli::Inputs::Git(call)) => {
            println!("{}", call.binary_note());
            return Ok(ExitCode::from(SAME));
        }
        (result, _) => result?,
    };
    print(&analysis, &options)?;
    let differs = analysis.comparison.differs() && options.exit == cli::ExitStatus::Diff;
    Ok(ExitCode::from(if differs { DIFFER } else { SAME }))
}

/// Prints to stdout or the pager; a reader that went away (`| head`, `q`) is not an error.
fn print(analysis: &Analysis, options: &cli::Options) -> io::Result<()> {
    // A closed standard output (`>&-`) is not detected: Rust's runtime reopens descriptor 1 on
    // /dev/null for reading and writing before `main`, which is also how Python's
    // `subprocess.DEVNULL`, Node's ignored stdio and Go's nil `Stdout` hand it over; telling
    // the two apart is not possible, and scripts asking only for the exit status must get it.
    let paged = options.output == cli::Output::Paged;
    let written = cli::pager::write_paged(paged, |out| {
        let mut out = out;
        render::print(&mut out, analysis, &options.print)
    });
    // A full disk or a closed descriptor: said in the usual form, naming the output.
    written.map_err(|err| {
        if paged {
            err
        } else {
            io::Error::new(err.kind(), format!("standard output: {err}"))
        }
    })
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
