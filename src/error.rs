//! The library's error type: what can go wrong loading and comparing versions, worded for users.
//!
//! Messages say what is wrong, not which command-line flag would change it: the library has no
//! command line. The binary adds such hints (`main.rs`).

use std::io;

/// Everything that can stop a comparison. Messages name the input they concern.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input could not be read (missing, permission denied, …).
    #[error("{name}: {error}")]
    Io {
        /// The file name as given, or `-` for standard input.
        name: String,
        /// What the operating system said. Part of the message, and deliberately not a
        /// `source`: a report of the whole chain would say it twice.
        error: io::Error,
    },
    /// The input names a directory, not a file.
    #[error("{name}: is a directory, not a file")]
    IsDirectory {
        /// The path as given.
        name: String,
    },
    /// The input looks like binary data, not text (`CompareOptions::force_text` compares it
    /// anyway).
    #[error("{name}: binary file, not compared")]
    Binary {
        /// The file name as given.
        name: String,
    },
    /// Standard input (`-`) was named more than once.
    #[error("-: standard input can be given only once")]
    StdinTwice,
    /// Fewer than two versions to compare.
    #[error("need at least two versions to compare, got {count}")]
    TooFewVersions {
        /// How many were given.
        count: usize,
    },
    /// The base names a version that does not exist.
    #[error("version {base} cannot be the base: there are only {count} versions (numbered from 0)")]
    BaseOutOfRange {
        /// The base asked for.
        base: usize,
        /// How many versions there are.
        count: usize,
    },
}

/// Result with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
