//! The binary as a black box: exit codes, inputs, every output format, in a hermetic environment.
//!
//! Fixtures are described in `tests/fixtures/README.md`. The JSON contract and the facts format
//! have their own files.

#[path = "cli/facts.rs"]
mod facts;
#[path = "cli/input.rs"]
mod input;
#[path = "cli/json_contract.rs"]
mod json_contract;
#[path = "cli/json_facts.rs"]
mod json_facts;
#[path = "cli/pairs.rs"]
mod pairs;
#[path = "cli/workflow.rs"]
mod workflow;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use assert_cmd::Command;
use insta::assert_snapshot;
use predicates::prelude::*;
use unicode_width::UnicodeWidthStr;

/// The binary, with an environment that cannot leak into its output: no colour, width, pager,
/// git or config variables (and no config file), a plain terminal type, run from the crate
/// root. `COLUMNS=160` keeps a developer's controlling terminal from setting piped widths.
fn storydiff() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_storydiff"));
    for var in [
        "NO_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "FORCE_COLOR",
        "LINES",
        "PAGER",
        "STORYDIFF_PAGER",
        "STORYDIFF_CONFIG",
        "GIT_PAGER_IN_USE",
        "GIT_EXTERNAL_DIFF_TRUST_EXIT_CODE",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("TERM", "xterm-256color")
        .env("COLUMNS", "160")
        .env("XDG_CONFIG_HOME", "/nonexistent/storydiff-tests")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// A fixture's path, relative to the crate root (so it shows the same in every snapshot).
fn fixture(name: &str) -> String {
    let dir = Path::new("tests/fixtures");
    let found = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|f| f.starts_with(name))
        .min()
        .unwrap_or_else(|| panic!("no fixture {name}"));
    dir.join(found).display().to_string()
}

/// Both (or all) files of a case: `case("case01")`.
fn case(name: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|f| f.starts_with(&format!("{name}.")))
        .map(|f| format!("tests/fixtures/{f}"))
        .collect();
    files.sort();
    assert!(files.len() >= 2, "case {name} needs two files");
    files
}

/// A scratch file with these bytes, unique to the test.
fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Standard output of a run that must not fail (exit 0 or 1).
fn stdout_of(flags: &[&str], files: &[String]) -> String {
    let out = storydiff().args(flags).args(files).output().unwrap();
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn identical_files_exit_0() {
    let file = fixture("case02.01");
    storydiff().args([&file, &file]).assert().code(0).stderr("");
}

#[test]
fn differing_files_exit_1() {
    storydiff().args(case("case02")).assert().code(1).stderr("");
}

#[test]
fn ignore_case_makes_files_that_differ_only_in_case_equal() {
    storydiff().args(case("case10")).assert().code(1);
    storydiff()
        .args(case("case10"))
        .arg("--ignore-case")
        .assert()
        .code(0);
}

#[test]
fn paragraphing_alone_is_no_difference() {
    storydiff().args(case("case03")).assert().code(0);
    storydiff().args(case("case07")).assert().code(0);
}

#[test]
fn repaired_mojibake_is_no_difference() {
    storydiff().args(case("case05")).assert().code(0);
    storydiff()
        .args(case("case05"))
        .arg("--no-repair")
        .assert()
        .code(1);
}

#[test]
fn boilerplate_is_counted_apart_and_never_a_divergence() {
    storydiff()
        .args(case("case08"))
        .assert()
        .code(0)
        .stdout(predicate::str::contains("· 3 boilerplate"));
    storydiff()
        .args(case("case08"))
        .arg("--keep-boilerplate")
        .assert()
        .code(1);
}

#[test]
fn a_missing_file_is_trouble_named_in_the_message() {
    storydiff()
        .args([&fixture("case02.01"), "no/such/file.txt"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with("storydiff: no/such/file.txt: "))
        // What the system said, once: not repeated by the error's chain.
        .stderr(predicate::function(|err: &str| {
            err.lines().count() == 1 && err.matches("os error").count() == 1
        }));
}

#[test]
fn a_directory_is_trouble_named_in_the_message() {
    storydiff()
        .args([&fixture("case02.01"), "tests"])
        .assert()
        .code(2)
        .stderr("storydiff: tests: is a directory, not a file\n");
}

#[test]
fn a_binary_file_is_trouble_unless_text_is_forced() {
    let binary = scratch("binary.txt", b"The army\0said\0\x01\x02");
    let binary = binary.to_str().unwrap();
    let text = fixture("case02.01");
    storydiff()
        .args([&text, binary])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "{binary}: binary file, not compared (use --text to compare it anyway)"
        )));
    storydiff().args([&text, binary, "--text"]).assert().code(1);
}

#[test]
fn stdin_given_twice_is_trouble() {
    storydiff()
        .args(["-", "-"])
        .write_stdin("text")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "-: standard input can be given only once",
        ));
}

#[test]
fn one_version_or_a_base_out_of_range_is_trouble() {
    storydiff()
        .arg(fixture("case02.01"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("need at least two versions"));
    storydiff()
        .args(case("case02"))
        .args(["--base", "2"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "version 2 cannot be the base: there are only 2 versions (numbered from 0); see --base",
        ));
}

#[test]
fn a_bad_option_value_is_trouble() {
    storydiff()
        .args(["--format", "xml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("xml"));
}

#[test]
fn dash_reads_a_version_from_stdin() {
    let before = fixture("case02.01");
    let after = std::fs::read(fixture("case02.02")).unwrap();
    storydiff()
        .args([&before, "-"])
        .write_stdin(after)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("v1 = -\n").and(predicate::str::contains("[-stop-]")));
}

#[test]
fn empty_files_are_valid_versions() {
    let empty = scratch("empty.txt", b"");
    let empty = empty.to_str().unwrap();
    storydiff().args([empty, empty]).assert().code(0);
    storydiff()
        .args([empty, &fixture("case02.01")])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("added"));
}

#[test]
fn no_file_compares_the_bundled_story() {
    storydiff()
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "000 = 000_cda56540cce722a2.txt (base)",
        ))
        .stdout(predicate::str::contains("004 = 004_681fb66bd525be80.txt"));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_storydiff"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["--format", "side-by-side", "--context", "100"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The reader is gone now, like `| head -c 64`.
    let out = child.wait_with_output().unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{:?}", out.status);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn escape_sequences_in_an_input_are_shown_not_obeyed() {
    let evil = "The army said 26 people died.\n\u{1b}]0;pwned\u{7}Rescue \u{1b}[2Jwork goes on.\n";
    let plain = "The army said 26 people died.\nRescue work goes on.\n";
    let path = scratch("evil\u{1b}[31m.txt", evil.as_bytes());
    for format in ["inline", "side-by-side", "unified", "stat", "json", "facts"] {
        let out = storydiff()
            .args(["--color", "never", "--format", format, "-"])
            .arg(&path)
            .write_stdin(plain)
            .output()
            .unwrap();
        assert!(
            !out.stdout.contains(&0x1b),
            "{format}: raw escape in output"
        );
        if format != "json" {
            assert!(
                String::from_utf8_lossy(&out.stdout).contains('␛'),
                "{format}: escape not shown"
            );
        }
    }
}

#[test]
fn colour_follows_the_color_option_and_no_color() {
    let args = case("case02");
    let coloured = |cmd: &mut Command| cmd.output().unwrap().stdout.contains(&0x1b);
    assert!(
        !coloured(storydiff().args(&args)),
        "auto on a pipe: no colour"
    );
    assert!(coloured(
        storydiff().args(&args).args(["--color", "always"])
    ));
    assert!(coloured(
        storydiff()
            .args(&args)
            .args(["--color", "always"])
            .env("NO_COLOR", "1")
    ));
    assert!(!coloured(
        storydiff().args(&args).args(["--color", "never"])
    ));
}

#[test]
fn side_by_side_fits_the_width_for_wide_text() {
    for width in ["60", "100"] {
        let out = stdout_of(
            &["-f", "side-by-side", "--width", width, "--context", "9"],
            &case("case09"),
        );
        for line in out.lines() {
            assert!(
                line.width() <= width.parse().unwrap(),
                "{line:?} is wider than {width}"
            );
        }
    }
    let seeds = stdout_of(&["-f", "side-by-side", "--width", "60"], &[]);
    assert!(seeds.lines().all(|l| l.width() <= 60));
}

#[test]
fn stat_prints_one_line_per_compared_version() {
    let out = stdout_of(&["--format", "stat"], &[]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5, "{out}");
    assert_eq!(lines[0], "base 000_cda56540cce722a2.txt");
    assert!(
        lines[1..]
            .iter()
            .all(|l| l.contains("passages: ") && l.contains("% similar"))
    );
}

#[test]
fn unified_output_applies_with_patch() {
    let seeds = [
        "seeds/000_cda56540cce722a2.txt",
        "seeds/002_79408d01903fe501.txt",
    ];
    let pairs: Vec<Vec<String>> = ["case01", "case02", "case04", "case06", "case09"]
        .into_iter()
        .map(case)
        .chain([seeds.map(String::from).to_vec()])
        .collect();
    for pair in pairs {
        let json = json_contract::Document::of(&pair);
        let base_file = scratch("base.passages", json.passage_file(0, &pair[0]).as_bytes());
        let expected = json.passage_file(1, &pair[1]);
        let patch = scratch(
            "unified.patch",
            stdout_of(&["-f", "unified"], &pair).as_bytes(),
        );
        let patched = base_file.with_extension("patched");
        let status = std::process::Command::new("patch")
            .args(["--quiet", "--force", "-o"])
            .arg(&patched)
            .arg(&base_file)
            .arg(&patch)
            .status()
            .expect("patch(1) is installed");
        assert!(status.success(), "patch failed for {pair:?}");
        assert_eq!(
            std::fs::read_to_string(&patched).unwrap(),
            expected,
            "{pair:?}"
        );
    }
}

#[test]
fn inline_output_of_each_fixture() {
    for name in [
        "case01", "case02", "case03", "case04", "case05", "case06", "case07", "case08", "case09",
        "case11",
    ] {
        assert_snapshot!(
            format!("inline_{name}"),
            stdout_of(&["--color", "never"], &case(name))
        );
    }
}

#[test]
fn side_by_side_output_of_each_fixture() {
    for name in [
        "case01", "case02", "case04", "case06", "case08", "case09", "case11",
    ] {
        let flags = ["--color", "never", "-f", "side-by-side", "--width", "80"];
        assert_snapshot!(
            format!("side_by_side_{name}"),
            stdout_of(&flags, &case(name))
        );
    }
}
