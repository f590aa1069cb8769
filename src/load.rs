//! Reading inputs and turning their bytes into [`Version`]s: decoding, mojibake repair, notes.
//!
//! Reading (files, `-` for stdin, the bundled seeds) is kept apart from decoding so that the
//! decoding can be tested on byte literals.

mod decode;
pub mod html;
mod mojibake;

use std::io::Read;
use std::path::{Path, PathBuf};

use self::decode::BinaryPolicy;
use crate::error::{Error, Result};
use crate::model::{OffsetMap, OffsetTarget, Version, VersionId};
use crate::options::CompareOptions;

/// The raw bytes of one version, with the name it is shown under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// Display name: the file name as given, `-` for stdin, the seed's file name.
    pub name: String,
    /// The path as given on the command line; `None` for stdin.
    pub path: Option<PathBuf>,
    /// The bytes exactly as read.
    pub bytes: Vec<u8>,
}

impl Input {
    /// An input held in memory (tests, bundled seeds, other programs).
    #[must_use]
    pub fn from_bytes(name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        Self {
            name: name.into(),
            path: None,
            bytes: bytes.into(),
        }
    }
}

/// The five versions of the example story, embedded so an installed binary works anywhere.
const SEEDS: [(&str, &str); 5] = [
    (
        "000_cda56540cce722a2.txt",
        include_str!("../seeds/000_cda56540cce722a2.txt"),
    ),
    (
        "001_c3a92e5a609ec82e.txt",
        include_str!("../seeds/001_c3a92e5a609ec82e.txt"),
    ),
    (
        "002_79408d01903fe501.txt",
        include_str!("../seeds/002_79408d01903fe501.txt"),
    ),
    (
        "003_f71cc58e2e6a4a83.txt",
        include_str!("../seeds/003_f71cc58e2e6a4a83.txt"),
    ),
    (
        "004_681fb66bd525be80.txt",
        include_str!("../seeds/004_681fb66bd525be80.txt"),
    ),
];

/// The bundled example story: five rewrites of one news report.
#[must_use]
pub fn bundled_seeds() -> Vec<Input> {
    SEEDS
        .iter()
        .map(|(name, text)| Input {
            name: (*name).to_string(),
            path: Some(Path::new("seeds").join(name)),
            bytes: text.as_bytes().to_vec(),
        })
        .collect()
}

/// Reads every named input; `-` reads standard input (at most once).
pub fn read_inputs(paths: &[PathBuf]) -> Result<Vec<Input>> {
    let stdin_count = paths.iter().filter(|p| is_stdin(p)).count();
    if stdin_count > 1 {
        return Err(Error::StdinTwice);
    }
    paths.iter().map(|p| read_input(p)).collect()
}

fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Reads one input: a file, or standard input for `-`.
pub fn read_input(path: &Path) -> Result<Input> {
    let name = path.display().to_string();
    if is_stdin(path) {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|error| Error::Io {
                name: name.clone(),
                error,
            })?;
        return Ok(Input {
            name,
            path: None,
            bytes,
        });
    }
    if path.is_dir() {
        return Err(Error::IsDirectory { name });
    }
    let bytes = std::fs::read(path).map_err(|error| Error::Io {
        name: name.clone(),
        error,
    })?;
    Ok(Input {
        name,
        path: Some(path.to_path_buf()),
        bytes,
    })
}

/// Decodes an input into a [`Version`]: detects the encoding, repairs mojibake if asked, and
/// records what it did in the version's notes.
pub fn load_version(id: VersionId, input: Input, options: &CompareOptions) -> Result<Version> {
    let policy = if options.force_text {
        BinaryPolicy::DecodeAnyway
    } else {
        BinaryPolicy::Reject
    };
    let decoded = decode::decode(&input.bytes, policy).ok_or_else(|| Error::Binary {
        name: input.name.clone(),
    })?;
    let mut notes = decoded.notes;
    let mut target = if decoded.encoding.starts_with("utf-8") {
        OffsetTarget::File
    } else {
        OffsetTarget::Decoded
    };
    let (mut text, mut decode_edits, mut prefix) = (decoded.text, decoded.edits, decoded.prefix);
    if is_web_page(&input, &text) {
        text = html::article_text(&text);
        notes.push("web page: article text extracted; spans index that text".to_string());
        (target, decode_edits, prefix) = (OffsetTarget::Extracted, Vec::new(), 0);
    }
    let (text, edits) = if options.repair_mojibake {
        let repaired = mojibake::repair(&text);
        if repaired.count > 0 {
            let plural = if repaired.count == 1 { "" } else { "s" };
            notes.push(format!(
                "repaired {} mojibake sequence{plural}",
                repaired.count
            ));
        }
        (repaired.text, repaired.edits)
    } else {
        (text, Vec::new())
    };
    Ok(Version {
        id,
        name: input.name,
        path: input.path,
        bytes: input.bytes.len(),
        encoding: decoded.encoding,
        notes,
        text,
        offsets: OffsetMap {
            edits,
            prefix,
            decoded: decode_edits,
            target,
        },
        paragraphs: Vec::new(),
    })
}

/// Whether an input is a saved web page, by its name or path, or by markup at its start.
fn is_web_page(input: &Input, text: &str) -> bool {
    let path_name = input.path.as_ref().map(|p| p.to_string_lossy());
    html::is_html(path_name.as_deref().unwrap_or(&input.name), text)
}
