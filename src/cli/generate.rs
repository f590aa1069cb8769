//! `--generate`: the man page (clap_mangen) and shell completion scripts (clap_complete), made
//! from the same clap definition as the parser, so they never fall behind the options.

use std::io::{self, Write};

use clap::{CommandFactory, ValueEnum};
use clap_complete::Shell;

use super::Args;

/// What `--generate` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Generate {
    /// The man page (roff): `storydiff --generate man > ~/.local/share/man/man1/storydiff.1`.
    Man,
    /// Bash completions.
    CompleteBash,
    /// Zsh completions.
    CompleteZsh,
    /// Fish completions.
    CompleteFish,
    /// PowerShell completions.
    CompletePowershell,
}

/// Writes what was asked for.
pub fn write(what: Generate, out: &mut impl Write) -> io::Result<()> {
    let mut command = Args::command();
    let shell = match what {
        Generate::Man => return clap_mangen::Man::new(command).render(out),
        Generate::CompleteBash => Shell::Bash,
        Generate::CompleteZsh => Shell::Zsh,
        Generate::CompleteFish => Shell::Fish,
        Generate::CompletePowershell => Shell::PowerShell,
    };
    clap_complete::generate(shell, &mut command, "storydiff", out);
    Ok(())
}
