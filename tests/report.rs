//! End to end: the HTML report in a real browser (headless Chromium). Writes the report of the
//! five bundled seeds, has Chromium load it from disk with the network off, and checks what it
//! built (`--dump-dom`: the story is in the page, the side-by-side rows, the facts table) and what
//! it drew (`--screenshot`: not a blank page, light and dark schemes). Skipped (with a message)
//! when Chromium is not installed; CI installs the distribution's package.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The browser's command, if one is installed.
fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser"].into_iter().find(|name| {
        Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// A fresh directory for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("storydiff-report-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes the report of the given seeds (all five when empty) into `dir`.
fn report(dir: &Path, seeds: &[&str]) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = Command::new(env!("CARGO_BIN_EXE_storydiff"))
        .args(["--format", "html"])
        .args(seeds.iter().map(|s| root.join("seeds").join(s)))
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "the seeds differ");
    let path = dir.join("report.html");
    std::fs::write(&path, output.stdout).unwrap();
    path
}

/// Runs headless Chromium on a page with its own profile and no network; returns stdout.
fn browse(browser: &str, dir: &Path, page: &Path, args: &[&str]) -> String {
    let output = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--hide-scrollbars",
            "--proxy-server=127.0.0.1:9",
            "--window-size=1280,900",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("running chromium");
    assert!(
        output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The pixels of a screenshot, as RGB triples, and its size.
fn pixels(path: &Path) -> (Vec<[u8; 3]>, u32, u32) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buffer = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buffer).unwrap();
    let step = info.color_type.samples();
    assert!(step >= 3, "an RGB screenshot, got {:?}", info.color_type);
    let rgb = buffer[..info.buffer_size()]
        .chunks_exact(step)
        .map(|p| [p[0], p[1], p[2]])
        .collect();
    (rgb, info.width, info.height)
}

/// The share of pixels that differ from the page's background (the top-left pixel).
fn ink(pixels: &[[u8; 3]]) -> f64 {
    let background = pixels[0];
    let differing = pixels.iter().filter(|p| **p != background).count();
    differing as f64 / pixels.len() as f64
}

fn luminance([r, g, b]: [u8; 3]) -> u32 {
    (u32::from(r) * 3 + u32::from(g) * 6 + u32::from(b)) / 10
}

#[test]
fn chromium_builds_the_report_with_the_story_side_by_side_and_the_facts() {
    let Some(browser) = chromium() else {
        eprintln!(
            "skipped: chromium is not installed (CI installs it with apt-get install -y chromium)"
        );
        return;
    };
    let dir = scratch("dom");
    let page = report(&dir, &[]);
    let dom = browse(browser, &dir, &page, &["--dump-dom"]);
    // The story, as the browser parsed it.
    assert!(dom.contains("Driscoll"), "the story is in the DOM");
    assert!(dom.contains("<table class=\"sbs\">"), "side-by-side tables");
    assert_eq!(
        dom.matches("<section class=\"pair\"").count(),
        4,
        "one per compared version"
    );
    assert!(
        dom.contains("<del>") && dom.contains("<ins>"),
        "word changes"
    );
    assert!(dom.contains("<section id=\"facts\">") && dom.contains("Donohue"));
    assert!(
        dom.contains("<section id=\"presence\">"),
        "five versions get the presence table"
    );
    assert!(
        dom.contains("class=\"went\""),
        "moved passages link to where they went"
    );
}

#[test]
fn chromium_draws_the_report_in_light_and_dark() {
    let Some(browser) = chromium() else {
        eprintln!(
            "skipped: chromium is not installed (CI installs it with apt-get install -y chromium)"
        );
        return;
    };
    let dir = scratch("screenshot");
    let page = report(
        &dir,
        &["000_cda56540cce722a2.txt", "004_681fb66bd525be80.txt"],
    );
    let light = dir.join("light.png");
    browse(
        browser,
        &dir,
        &page,
        &[&format!("--screenshot={}", light.display())],
    );
    let (pixels_light, width, height) = pixels(&light);
    assert_eq!((width, height), (1280, 900));
    let drawn = ink(&pixels_light);
    assert!(
        drawn > 0.02,
        "only {:.2}% of the page is drawn",
        drawn * 100.0
    );
    assert!(luminance(pixels_light[0]) > 200, "a light background");

    let dark = dir.join("dark.png");
    browse(
        browser,
        &dir,
        &page,
        &[
            "--force-dark-mode",
            &format!("--screenshot={}", dark.display()),
        ],
    );
    let (pixels_dark, ..) = pixels(&dark);
    assert!(ink(&pixels_dark) > 0.02, "the dark page is drawn");
    assert!(luminance(pixels_dark[0]) < 60, "a dark background");
}

#[test]
fn the_html_format_writes_one_page_that_fetches_nothing_even_without_a_browser() {
    let dir = scratch("page");
    let page = std::fs::read_to_string(report(&dir, &[])).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>\n"));
    assert_eq!(page.matches("<html").count(), 1);
    for remote in ["http://", "https://", "<link", " src=", "@import", "url("] {
        assert!(!page.contains(remote), "the page refers to {remote}");
    }
}
