//! Real-world and hostile input through the binary (issue 9): web pages, broken bytes,
//! invisible characters, terminal-unsafe file names, outputs on /dev/null and full ones.

use std::path::{Path, PathBuf};

use super::storydiff;

/// A scratch directory of this test process, with the given files written into it.
fn scratch(test: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("storydiff-input-{test}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    dir
}

fn json(args: &[&Path]) -> serde_json::Value {
    let out = storydiff()
        .arg("--format")
        .arg("json")
        .args(args)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).expect("JSON")
}

const STORY: &str = "Storm hits the coast\n\nHeavy rain fell on Tuesday & roads closed.\n\n\
                     Officials said 12 people were hurt.\n";

const PAGE: &str = "<!doctype html><html><head><title>Storm | Daily</title>\
    <script>var ad = 1;</script><style>p{}</style></head><body>\
    <nav><a href=/>Home</a></nav><div id=cookie-consent>We use cookies</div>\
    <article><h1>Storm hits the coast</h1><p>Heavy rain fell on Tuesday &amp; roads\n closed.</p>\
    <aside>Also Read: <a>Flood maps</a></aside><p>Officials said 12 people were hurt.</p></article>\
    <footer>&copy; Daily</footer></body></html>";

#[test]
fn a_saved_page_compares_as_its_story_not_its_markup() {
    let dir = scratch(
        "html",
        &[
            ("story.txt", STORY.as_bytes()),
            ("page.html", PAGE.as_bytes()),
        ],
    );
    storydiff()
        .args([dir.join("story.txt"), dir.join("page.html")])
        .arg("--print")
        .assert()
        .code(0);
    // Detected by content too: the same page saved without an extension.
    std::fs::write(dir.join("saved"), PAGE).unwrap();
    storydiff()
        .args([dir.join("story.txt"), dir.join("saved")])
        .arg("--print")
        .assert()
        .code(0);
    let doc = json(&[&dir.join("story.txt"), &dir.join("page.html")]);
    let page = &doc["versions"][1];
    assert_eq!(page["offsets"], "extracted_text");
    assert!(
        page["notes"][0]
            .as_str()
            .unwrap()
            .contains("article text extracted")
    );
    assert_eq!(doc["versions"][0]["offsets"], "file");
}

#[test]
fn stray_bytes_stay_utf8_and_spans_index_the_file_exactly() {
    let bytes = b"Caf\xc3\xa9 \xe2\x80\x9cok\xe2\x80\x9d. One \xff bad. Two words.\n";
    let dir = scratch("stray", &[("a.txt", b"Two words.\n"), ("b.txt", bytes)]);
    let doc = json(&[&dir.join("a.txt"), &dir.join("b.txt")]);
    let version = &doc["versions"][1];
    assert_eq!(version["encoding"], "utf-8");
    assert!(
        version["notes"][0]
            .as_str()
            .unwrap()
            .contains("replaced with U+FFFD")
    );
    let at = bytes.windows(10).position(|w| w == b"Two words.").unwrap();
    let spans: Vec<(u64, u64)> = doc["passages"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["spans"].as_array().unwrap().clone())
        .filter(|s| s["version"] == 1)
        .map(|s| (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap()))
        .collect();
    assert!(spans.contains(&(at as u64, at as u64 + 10)), "{spans:?}");
    assert!(spans.iter().all(|&(_, end)| end as usize <= bytes.len()));
}

#[test]
fn json_escapes_c1_controls_bidi_overrides_del_and_invisible_marks() {
    let text = "A \u{9b}31m red \u{202e}drow\u{202c} \u{7f} zero\u{200b}width.\n";
    let dir = scratch(
        "escape",
        &[("a.txt", b"Plain.\n"), ("b.txt", text.as_bytes())],
    );
    let out = storydiff()
        .args(["--format", "json"])
        .args([dir.join("a.txt"), dir.join("b.txt")])
        .output()
        .unwrap();
    let raw = String::from_utf8(out.stdout).unwrap();
    for c in ['\u{9b}', '\u{202e}', '\u{202c}', '\u{7f}', '\u{200b}'] {
        assert!(!raw.contains(c), "raw {c:?} in JSON");
    }
    assert!(raw.contains("\\u009b31m") && raw.contains("\\u202e") && raw.contains("\\u200b"));
    serde_json::from_str::<serde_json::Value>(&raw).expect("still valid JSON");
}

#[test]
fn invisible_characters_count_as_a_difference_and_are_shown() {
    let dir = scratch(
        "invisible",
        &[
            ("a.txt", "The plan was agreed.\n".as_bytes()),
            ("b.txt", "The pl\u{200b}an was agr\u{200e}eed.\n".as_bytes()),
        ],
    );
    let out = storydiff()
        .args(["--print", "--color", "never"])
        .args([dir.join("a.txt"), dir.join("b.txt")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("pl␣an") && text.contains("agr⇄eed"), "{text}");
    assert!(!text.contains('\u{200b}') && !text.contains('\u{200e}'));
}

#[test]
fn file_names_in_error_messages_cannot_drive_the_terminal() {
    let out = storydiff()
        .args(["missing-\u{1b}]0;owned\u{7}.txt", "also-missing.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("storydiff: missing-␛]0;owned␇.txt: "),
        "{stderr}"
    );
    assert!(!stderr.contains('\u{1b}') && !stderr.contains('\u{7}'));
}

#[test]
fn a_full_disk_is_reported_in_the_usual_form() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' --print > /dev/full",
            env!("CARGO_BIN_EXE_storydiff")
        ))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("storydiff: standard output: "),
        "{stderr}"
    );
}

/// Python's `subprocess.DEVNULL`, Node's ignored stdio and Go's nil `Stdout` give a program
/// /dev/null opened for reading and writing; a script that asks only whether the versions
/// differ must get the exit status of diff(1), not an error. (A closed descriptor 1 looks the
/// same to a Rust program, whose runtime reopens it there: it is not told apart.)
#[test]
fn standard_output_on_dev_null_for_reading_and_writing_gives_the_exit_status() {
    for (redirect, code) in [("1<>/dev/null", 1), (">&-", 1), ("> /dev/null", 1)] {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!(
                "'{}' --print {redirect}",
                env!("CARGO_BIN_EXE_storydiff")
            ))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(code), "{redirect}");
        assert!(
            out.stderr.is_empty(),
            "{redirect}: {:?}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn unified_headers_of_absolute_paths_have_one_slash() {
    let dir = scratch("unified", &[("a.txt", b"One.\n"), ("b.txt", b"Two.\n")]);
    let out = storydiff()
        .args(["--format", "unified"])
        .args([dir.join("a.txt"), dir.join("b.txt")])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let expected = format!(
        "--- a/{}",
        dir.join("a.txt")
            .display()
            .to_string()
            .trim_start_matches('/')
    );
    assert!(text.starts_with(&expected), "{text}");
    assert!(!text.contains("a//") && !text.contains("b//"));
}

#[test]
fn a_file_compared_with_itself_is_the_same_whatever_it_holds() {
    let cases: [&[u8]; 6] = [
        b"A.\n",
        b"a",
        b"...",
        b"the the the",
        "😀".as_bytes(),
        "x\n\n😀🎉\n\ny.\n".as_bytes(),
    ];
    for (i, bytes) in cases.iter().enumerate() {
        let name = format!("same{i}.txt");
        let dir = scratch("self", &[(&name, bytes)]);
        storydiff()
            .arg("--print")
            .args([dir.join(&name), dir.join(&name)])
            .assert()
            .code(0);
    }
}
