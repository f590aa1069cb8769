//! Working with git: the arguments git passes to an external diff (`GIT_EXTERNAL_DIFF`, a
//! `diff.<driver>.command`), and `REV:PATH` arguments read from the repository
//! (`storydiff HEAD~3:story.md story.md`).
//!
//! Git calls an external diff once per changed path with seven arguments,
//! `path old-file old-hex old-mode new-file new-hex new-mode`, plus `new-path` and a
//! description for a rename (nine). A side that does not exist is `/dev/null` with hex and mode
//! `.`. A path with merge conflicts comes alone (one argument, [`super::Inputs::GitUnmerged`]).
//! Git expects exit status 0 unless told to trust it (`GIT_EXTERNAL_DIFF_TRUST_EXIT_CODE`,
//! `diff.<driver>.trustExitCode`); any other status stops the whole diff.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, bail};
use storydiff::Input;

/// One call from git for one path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalDiff {
    /// The path in the repository (the old one for a rename).
    pub path: String,
    /// Where the old contents are (a temporary file, or `/dev/null` for an added path).
    pub old_file: PathBuf,
    /// Where the new contents are (often the working file itself; `/dev/null` if deleted).
    pub new_file: PathBuf,
    /// The new path of a rename, else the path.
    pub new_path: String,
}

impl ExternalDiff {
    /// Recognises git's calling convention: seven or nine arguments with an object name and a
    /// file mode (or `.` for a side that does not exist) in their places.
    pub fn from_args(args: &[PathBuf]) -> Option<Self> {
        if args.len() != 7 && args.len() != 9 {
            return None;
        }
        let text: Vec<&str> = args.iter().map(|a| a.to_str()).collect::<Option<_>>()?;
        let shaped = is_object_name(text[2])
            && is_mode(text[3])
            && is_object_name(text[5])
            && is_mode(text[6]);
        shaped.then(|| Self {
            path: text[0].to_string(),
            old_file: args[1].clone(),
            new_file: args[4].clone(),
            new_path: text.get(7).map_or(text[0], |p| *p).to_string(),
        })
    }

    /// Reads both sides, named as git names them (`a/story.md`, `b/story.md`, `/dev/null`).
    pub fn read(&self) -> anyhow::Result<Vec<Input>> {
        let side = |file: &Path, name: String| -> anyhow::Result<Input> {
            if file == Path::new("/dev/null") {
                return Ok(Input::from_bytes("/dev/null", Vec::new()));
            }
            let bytes = std::fs::read(file).with_context(|| format!("{name}: cannot read"))?;
            Ok(Input::from_bytes(name, bytes))
        };
        Ok(vec![
            side(&self.old_file, format!("a/{}", self.path))?,
            side(&self.new_file, format!("b/{}", self.new_path))?,
        ])
    }

    /// What git's own diff says of a binary file.
    pub fn binary_note(&self) -> String {
        format!(
            "Binary files a/{} and b/{} differ",
            self.path, self.new_path
        )
    }
}

/// A full object name (SHA-1 or SHA-256, all zeros for the working tree), or `.` for none.
fn is_object_name(s: &str) -> bool {
    s == "." || ((s.len() == 40 || s.len() == 64) && s.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// An octal file mode such as `100644`, or `.` for none.
fn is_mode(s: &str) -> bool {
    s == "." || (s.len() == 6 && s.bytes().all(|b| (b'0'..=b'7').contains(&b)))
}

/// Reads the files named on the command line; an argument that is no file but reads as
/// `REV:PATH` is read from the git repository.
pub fn read_files(paths: &[PathBuf]) -> anyhow::Result<Vec<Input>> {
    if !paths.iter().any(|p| revision(p).is_some()) {
        return Ok(storydiff::load::read_inputs(paths)?);
    }
    if paths.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        return Err(storydiff::Error::StdinTwice.into());
    }
    paths
        .iter()
        .map(|p| match revision(p) {
            Some(spec) => show(spec),
            None => Ok(storydiff::load::read_input(p)?),
        })
        .collect()
}

/// `REV:PATH` when the argument is not an existing file: something before a colon, and not a
/// Windows drive (`C:\…`).
fn revision(path: &Path) -> Option<&str> {
    let text = path.to_str()?;
    let (rev, _) = text.split_once(':')?;
    let drive = rev.len() == 1 && text[2..].starts_with(['\\', '/']);
    (!rev.is_empty() && !drive && !path.exists()).then_some(text)
}

/// The bytes of a file as committed, exactly (`git cat-file blob`, no text conversion).
fn show(spec: &str) -> anyhow::Result<Input> {
    let output = Command::new("git")
        .args(["cat-file", "blob", spec])
        .output()
        .with_context(|| format!("{spec}: no such file, and git could not be run"))?;
    if !output.status.success() {
        let said = String::from_utf8_lossy(&output.stderr);
        let said = said.trim().trim_start_matches("fatal: ");
        bail!("{spec}: no such file, and git cannot show it: {said}");
    }
    Ok(Input::from_bytes(spec, output.stdout))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<PathBuf> {
        list.iter().map(PathBuf::from).collect()
    }

    const HEX: &str = "5626abf0f72e58d7a153368ba57db4c673c0e171";
    const ZERO: &str = "0000000000000000000000000000000000000000";

    #[test]
    fn seven_arguments_shaped_as_gits_are_an_external_diff_call() {
        let call = ExternalDiff::from_args(&args(&[
            "story.md",
            "/tmp/x/story.md",
            HEX,
            "100644",
            "story.md",
            ZERO,
            "100644",
        ]))
        .unwrap();
        assert_eq!(call.path, "story.md");
        assert_eq!(call.new_path, "story.md");
        assert_eq!(call.old_file, PathBuf::from("/tmp/x/story.md"));
    }

    #[test]
    fn an_added_file_and_a_rename_are_recognised_too() {
        let added = ExternalDiff::from_args(&args(&[
            "n.md",
            "/dev/null",
            ".",
            ".",
            "n.md",
            HEX,
            "100644",
        ]));
        assert!(added.is_some());
        let renamed = ExternalDiff::from_args(&args(&[
            "n.md",
            "/tmp/n.md",
            HEX,
            "100644",
            "m.md",
            HEX,
            "100644",
            "m.md",
            "similarity index 100%",
        ]))
        .unwrap();
        assert_eq!(renamed.new_path, "m.md");
    }

    #[test]
    fn seven_ordinary_files_are_not_a_git_call() {
        let files = args(&["a", "b", "c", "d", "e", "f", "g"]);
        assert_eq!(ExternalDiff::from_args(&files), None);
    }

    #[test]
    fn a_colon_names_a_revision_only_when_no_such_file_exists() {
        assert_eq!(
            revision(Path::new("HEAD~3:story.md")),
            Some("HEAD~3:story.md")
        );
        assert_eq!(revision(Path::new(":story.md")), None);
        assert_eq!(revision(Path::new("story.md")), None);
        assert_eq!(revision(Path::new("C:\\story.md")), None);
    }
}
