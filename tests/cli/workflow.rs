//! At home in a workflow (issue 11): git's external diff, a diff driver and difftool in a
//! repository in a temporary folder, `REV:PATH` arguments, the pager, the man page and
//! completions, and the config file.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::{case, scratch, storydiff};

const OLD: &str = "The council met on Tuesday. It approved the budget of 4 million.\n";
const NEW: &str = "The council met on Wednesday. It approved the budget of 5 million.\n";

/// A git repository in a fresh temporary folder, with `story.md` committed as [`OLD`] and
/// changed to [`NEW`] in the working tree. `None` (the test skips) without git.
fn repo(name: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("git-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    if git(&dir, &["init", "-q"]).is_none() {
        eprintln!("skipped: git is not installed");
        return None;
    }
    std::fs::write(dir.join("story.md"), OLD).unwrap();
    git(&dir, &["add", "story.md"])?;
    git(&dir, &["commit", "-q", "-m", "first"])?;
    std::fs::write(dir.join("story.md"), NEW).unwrap();
    Some(dir)
}

/// Git with no user or system configuration, as a stranger's machine would run it.
fn git_command(dir: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_EXTERNAL_DIFF_TRUST_EXIT_CODE")
        .env("COLUMNS", "160")
        .env_remove("NO_COLOR");
    cmd
}

fn git(dir: &Path, args: &[&str]) -> Option<std::process::Output> {
    let out = git_command(dir).args(args).output().ok()?;
    out.status.success().then_some(out)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const BIN: &str = env!("CARGO_BIN_EXE_storydiff");

#[test]
fn git_external_diff_labels_versions_by_path_and_exits_0() {
    let Some(dir) = repo("external") else { return };
    let out = git_command(&dir)
        .env("GIT_EXTERNAL_DIFF", BIN)
        .args(["--no-pager", "diff"])
        .output()
        .unwrap();
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}{stdout}", text(&out.stderr));
    assert!(stdout.contains("v0 = a/story.md (base)"), "{stdout}");
    assert!(stdout.contains("v1 = b/story.md"), "{stdout}");
    assert!(stdout.contains("[-Tuesday-]"), "{stdout}");
}

#[test]
fn git_external_diff_reports_differences_only_when_git_trusts_the_exit_code() {
    let old = scratch("git-old.md", OLD.as_bytes());
    let new = scratch("git-new.md", NEW.as_bytes());
    let hex = "5626abf0f72e58d7a153368ba57db4c673c0e171";
    let call = [
        "story.md",
        old.to_str().unwrap(),
        hex,
        "100644",
        new.to_str().unwrap(),
        hex,
        "100644",
    ];
    storydiff().args(call).assert().code(0);
    storydiff()
        .args(call)
        .env("GIT_EXTERNAL_DIFF_TRUST_EXIT_CODE", "1")
        .assert()
        .code(1);
}

#[test]
fn git_external_diff_shows_added_and_binary_files_as_git_does() {
    let Some(dir) = repo("added") else { return };
    std::fs::write(dir.join("new.md"), NEW).unwrap();
    std::fs::write(dir.join("photo.bin"), b"\x00\x01\x02binary\x00").unwrap();
    git(&dir, &["add", "new.md", "photo.bin"]).unwrap();
    let out = git_command(&dir)
        .env("GIT_EXTERNAL_DIFF", BIN)
        .args(["--no-pager", "diff", "--cached"])
        .output()
        .unwrap();
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}{stdout}", text(&out.stderr));
    assert!(stdout.contains("v0 = /dev/null (base)"), "{stdout}");
    assert!(stdout.contains("v1 = b/new.md"), "{stdout}");
    assert!(
        stdout.contains("Binary files a/photo.bin and b/photo.bin differ"),
        "{stdout}"
    );
}

#[test]
fn a_diff_driver_for_prose_files_runs_storydiff() {
    let Some(dir) = repo("driver") else { return };
    std::fs::write(dir.join(".gitattributes"), "*.md diff=story\n").unwrap();
    let out = git_command(&dir)
        .args(["-c", &format!("diff.story.command={BIN}")])
        .args(["--no-pager", "diff", "story.md"])
        .output()
        .unwrap();
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}{stdout}", text(&out.stderr));
    assert!(stdout.contains("v1 = b/story.md"), "{stdout}");
    assert!(stdout.contains("{+Wednesday+}"), "{stdout}");
}

#[test]
fn git_difftool_runs_storydiff_on_both_sides() {
    let Some(dir) = repo("difftool") else { return };
    let out = git_command(&dir)
        .args([
            "-c",
            &format!("difftool.storydiff.cmd={BIN} \"$LOCAL\" \"$REMOTE\""),
        ])
        .args(["difftool", "--no-prompt", "--tool=storydiff", "story.md"])
        .output()
        .unwrap();
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}{stdout}", text(&out.stderr));
    assert!(stdout.contains("[-Tuesday-]"), "{stdout}");
    assert!(stdout.contains("{+Wednesday+}"), "{stdout}");
}

#[test]
fn a_revision_and_path_reads_the_file_as_committed() {
    let Some(dir) = repo("revision") else { return };
    let out = storydiff()
        .current_dir(&dir)
        .args(["HEAD:story.md", "story.md", "-f", "stat"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("base HEAD:story.md"));
    // A committed file against itself: no difference.
    storydiff()
        .current_dir(&dir)
        .args(["HEAD:story.md", "HEAD:./story.md"])
        .assert()
        .code(0);
    let out = storydiff()
        .current_dir(&dir)
        .args(["HEAD~5:story.md", "story.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("storydiff: HEAD~5:story.md: "),
        "{stderr}"
    );
}

#[test]
fn paging_goes_through_storydiff_pager_then_pager() {
    let files = case("case02");
    let paged = |env: &[(&str, &str)], flags: &[&str]| {
        let mut cmd = storydiff();
        cmd.args(&files).args(flags);
        for (k, v) in env {
            cmd.env(k, v);
        }
        text(&cmd.output().unwrap().stdout)
    };
    let sed = "sed s/^/paged:/";
    let out = paged(
        &[("STORYDIFF_PAGER", sed), ("PAGER", "false")],
        &["--paging=always"],
    );
    assert!(
        !out.is_empty() && out.lines().all(|l| l.starts_with("paged:")),
        "{out}"
    );
    let out = paged(&[("PAGER", sed)], &["--paging=always"]);
    assert!(out.lines().all(|l| l.starts_with("paged:")), "{out}");
    // Not a terminal: `auto` does not page; `never` never does.
    assert!(!paged(&[("PAGER", sed)], &[]).contains("paged:"));
    assert!(!paged(&[("PAGER", sed)], &["--paging=never"]).contains("paged:"));
}

#[test]
fn generate_prints_a_man_page_and_completions_for_every_shell() {
    for (what, expected) in [
        ("man", ".TH storydiff"),
        ("complete-bash", "_storydiff()"),
        ("complete-zsh", "#compdef storydiff"),
        ("complete-fish", "complete -c storydiff"),
        ("complete-powershell", "Register-ArgumentCompleter"),
    ] {
        let out = storydiff().args(["--generate", what]).output().unwrap();
        assert!(out.status.success(), "{what}");
        let stdout = text(&out.stdout);
        assert!(stdout.contains(expected), "{what}: {stdout}");
        assert!(stdout.contains("paging"), "{what} knows the options");
    }
}

#[test]
fn the_config_file_sets_defaults_the_command_line_adds_to() {
    let config = scratch(
        "config-ignore-case.toml",
        b"ignore-case = true\npaging = \"always\"\n",
    );
    storydiff()
        .args(case("case10"))
        .env("STORYDIFF_CONFIG", &config)
        .env("PAGER", "cat")
        .assert()
        .code(0);
    // Found in $XDG_CONFIG_HOME/storydiff/config.toml too.
    let home = Path::new(env!("CARGO_TARGET_TMPDIR")).join("xdg");
    std::fs::create_dir_all(home.join("storydiff")).unwrap();
    std::fs::write(home.join("storydiff/config.toml"), "ignore-case = true\n").unwrap();
    storydiff()
        .args(case("case10"))
        .env("XDG_CONFIG_HOME", &home)
        .assert()
        .code(0);
}

#[test]
fn a_bad_config_file_is_trouble_named_in_the_message() {
    let config = scratch("config-bad.toml", b"theme = \"pink\"\n");
    let out = storydiff()
        .args(case("case02"))
        .env("STORYDIFF_CONFIG", &config)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("config-bad.toml: bad config file"),
        "{stderr}"
    );
    assert!(stderr.contains("pink"), "{stderr}");
}

#[test]
fn a_path_with_merge_conflicts_is_noted_and_the_diff_goes_on() {
    let Some(dir) = repo("unmerged") else { return };
    git(&dir, &["checkout", "-q", "-b", "other"]).unwrap();
    git(&dir, &["commit", "-q", "-am", "other"]).unwrap();
    git(&dir, &["checkout", "-q", "-"]).unwrap();
    std::fs::write(dir.join("story.md"), "The council met on Friday.\n").unwrap();
    git(&dir, &["commit", "-q", "-am", "mine"]).unwrap();
    assert!(git(&dir, &["merge", "-q", "other"]).is_none(), "a conflict");
    let out = git_command(&dir)
        .env("GIT_EXTERNAL_DIFF", BIN)
        // The index holds the conflict: git calls the external diff with the path alone.
        .args(["--no-pager", "diff", "--cached"])
        .output()
        .unwrap();
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}{stdout}", text(&out.stderr));
    assert!(stdout.contains("* Unmerged path story.md"), "{stdout}");
}
