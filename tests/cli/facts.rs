//! `--format facts`: the table of facts that drift between versions, on fixtures with planted
//! changes (a year, a name's spelling, a quotation's word, a stray third copy) and on the seeds.

use insta::assert_snapshot;
use unicode_width::UnicodeWidthStr;

use super::{case, stdout_of, storydiff};

const FLAGS: [&str; 6] = ["--color", "never", "-f", "facts", "--width", "100"];

#[test]
fn facts_output_of_each_planted_change() {
    for name in ["case12", "case13", "case14", "case15"] {
        assert_snapshot!(format!("facts_{name}"), stdout_of(&FLAGS, &case(name)));
    }
}

#[test]
fn facts_output_of_the_seeds() {
    let flags = ["--color", "never", "-f", "facts", "--width", "120"];
    assert_snapshot!("facts_seeds", stdout_of(&flags, &[]));
}

#[test]
fn each_planted_change_is_a_row_with_its_outlier_marked() {
    let row = |name: &str, needle: &str| {
        let out = stdout_of(&FLAGS, &case(name));
        assert!(out.contains(needle), "{name}: no {needle:?} in\n{out}");
    };
    row("case12", "2  date  drift   1994  ‹1984›");
    row("case13", "2  name  spelling  Kaja Kallas  ‹Kaja Kalas›");
    row(
        "case14",
        "v1 vs v0: a [-careful-] {+cautious+} step, not a final one.",
    );
    row("case15", "1  number  drift     11");
}

#[test]
fn rewording_alone_lists_no_fact() {
    for name in ["case03", "case07"] {
        let out = stdout_of(&FLAGS, &case(name));
        assert!(!out.contains("── "), "{name}: {out}");
        assert!(
            out.contains(": 0 drifted, 0 misquoted, 0 missing, "),
            "{out}"
        );
    }
}

#[test]
fn all_lists_the_agreeing_facts_such_as_the_death_toll() {
    let out = stdout_of(&["--color", "never", "-f", "facts", "--all"], &[]);
    let agreeing = &out[out.find("── agreeing").expect("an agreeing section")..];
    let toll = agreeing
        .lines()
        .find(|l| l.contains("number") && l.contains(" 26 "))
        .unwrap_or_else(|| panic!("no death toll row in\n{agreeing}"));
    assert_eq!(toll.matches("26").count(), 5, "{toll}");
    let divergent = stdout_of(&["--color", "never", "-f", "facts"], &[]);
    assert!(!divergent.contains("── agreeing"));
    assert!(divergent.contains(" agree (--all lists them)"));
}

#[test]
fn the_seeds_facts_fit_every_width() {
    for width in ["20", "40", "80", "100", "160"] {
        let out = stdout_of(&["--color", "never", "-f", "facts", "--width", width], &[]);
        for line in out.lines() {
            assert!(
                line.width() <= width.parse().unwrap(),
                "{line:?} is wider than {width}"
            );
        }
    }
}

#[test]
fn colour_marks_the_outlier_cells() {
    let out = stdout_of(&["--color", "always", "-f", "facts"], &case("case12"));
    assert!(out.contains("\x1b[1;33m1984\x1b[0m"), "{out:?}");
    assert!(!out.contains('‹'));
}

#[test]
fn the_facts_format_exits_as_diff_does() {
    storydiff()
        .args(["-f", "facts"])
        .args(case("case12"))
        .assert()
        .code(1);
    storydiff()
        .args(["-f", "facts"])
        .args(case("case03"))
        .assert()
        .code(0);
}

#[test]
fn escape_sequences_in_a_fact_are_shown_not_obeyed() {
    let evil = "Mayor \u{1b}[2JAnna Berg said \"we \u{1b}]0;pwned\u{7}rebuild\" on Monday.\n";
    let plain = "Mayor Anna Berg said \"we will rebuild\" on Tuesday.\n";
    let path = super::scratch("evil_fact.txt", evil.as_bytes());
    for colour in ["never", "always"] {
        let out = storydiff()
            .args(["--color", colour, "-f", "facts", "--all", "-"])
            .arg(&path)
            .write_stdin(plain)
            .output()
            .unwrap();
        let out = String::from_utf8(out.stdout).unwrap();
        assert!(
            !out.contains("\u{1b}]") && !out.contains("\u{1b}[2J"),
            "{out:?}"
        );
        assert!(out.contains('␛'), "{out}");
    }
}
