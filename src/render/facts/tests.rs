use super::*;
use crate::facts::analyze;
use crate::render::Format;
use crate::testing::{Builder, story, three_versions};

fn facts_table(comparison: &Comparison, styling: Styling, width: usize, rows: FactRows) -> String {
    let options = PrintOptions {
        format: Format::Facts,
        styling,
        width,
        facts: rows,
        ..PrintOptions::default()
    };
    let mut out = Vec::new();
    print(&mut out, comparison, &analyze(comparison), &options).unwrap();
    String::from_utf8(out).unwrap()
}

fn plain(comparison: &Comparison, width: usize) -> String {
    facts_table(comparison, Styling::Plain, width, FactRows::Divergent)
}

/// Three versions where 002 strays: a name spelt differently, a changed quotation word, a
/// dropped year and a weekday only it leaves out.
fn stray_copy() -> Comparison {
    let base = "Plant manager Henri Duval said the fire started on Sunday.\n\
                \"We are cooperating fully with the investigation,\" Duval said.\n\
                The plant, opened in 1972, employs 340 people.";
    let second = "Plant manager Henri Duval said the blaze started on Sunday.\n\
                  \"We are cooperating fully with the investigation,\" Duval said.\n\
                  The plant, opened in 1972, employs 340 people.";
    let stray = "Plant manager Henri Duvall said the fire started.\n\
                 \"We are cooperating with the investigation,\" Duvall said.\n\
                 The plant employs 340 people.";
    Builder::new(&[
        ("000_a.txt", base),
        ("001_b.txt", second),
        ("002_c.txt", stray),
    ])
    .passage(&[Some(0), Some(0), Some(0)])
    .passage(&[Some(1), Some(1), Some(1)])
    .passage(&[Some(2), Some(2), Some(2)])
    .build()
}

#[test]
fn drifted_facts_are_rows_with_the_outlier_cells_bracketed() {
    insta::assert_snapshot!(plain(&three_versions(), 80));
}

#[test]
fn sections_come_drift_first_then_misquotes_then_left_out_then_weekdays() {
    let out = plain(&stray_copy(), 100);
    insta::assert_snapshot!(out);
    let at = |title: &str| out.find(title).unwrap_or_else(|| panic!("{title}: {out}"));
    assert!(at("── drifted") < at("── misquoted"));
    assert!(at("── misquoted") < at("── left out"));
    assert!(at("── left out") < at("── missing weekdays and months"));
}

#[test]
fn a_misquote_row_is_followed_by_the_word_diff_against_the_consensus() {
    let out = plain(&stray_copy(), 100);
    assert!(
        out.contains("    002 vs 000: We are cooperating [-fully-] with the investigation,"),
        "{out}"
    );
}

#[test]
fn agreeing_facts_are_counted_and_listed_only_with_all() {
    let c = three_versions();
    let divergent = plain(&c, 80);
    assert!(!divergent.contains("── agreeing"), "{divergent}");
    assert!(
        divergent.contains("1 agree (--all lists them)"),
        "{divergent}"
    );
    let all = facts_table(&c, Styling::Plain, 80, FactRows::All);
    assert!(all.contains("── agreeing (1)"), "{all}");
    assert!(!all.contains("--all lists them"), "{all}");
}

#[test]
fn colour_marks_outliers_without_brackets() {
    let out = facts_table(&three_versions(), Styling::Color, 80, FactRows::Divergent);
    assert!(out.contains("\x1b[1;33m28\x1b[0m"), "{out:?}");
    assert!(!out.contains('‹'), "{out:?}");
}

#[test]
fn the_version_that_strays_most_is_named() {
    let out = plain(&stray_copy(), 100);
    let line = out.lines().find(|l| l.starts_with("002  ")).unwrap();
    assert!(line.ends_with("← strays most"), "{out}");
    assert!(out.contains("000  0  in line with the consensus"), "{out}");
}

#[test]
fn every_line_fits_the_width_and_narrow_tables_become_blocks() {
    let c = stray_copy();
    for width in [20, 24, 30, 40, 50, 60, 80, 120] {
        let out = plain(&c, width);
        for line in out.lines() {
            assert!(text::width(line) <= width, "{line:?} is wider than {width}");
            assert_eq!(line.trim_end(), line, "trailing spaces at width {width}");
        }
    }
    let narrow = plain(&c, 30);
    assert!(
        narrow.contains("passage 1 · name · spelling\n  000  Henri Duval\n"),
        "{narrow}"
    );
}

#[test]
fn identical_versions_print_no_table_only_the_counts() {
    let c = Builder::new(&[("a.txt", "Talks resume in Geneva on Monday."); 2])
        .passage(&[Some(0), Some(0)])
        .build();
    let out = plain(&c, 80);
    assert!(!out.contains("── "), "{out}");
    assert!(
        out.contains("2 facts: 0 drifted, 0 misquoted, 0 missing, 2 agree"),
        "{out}"
    );
}

#[test]
fn two_versions_set_the_other_against_the_base() {
    insta::assert_snapshot!(plain(&story(), 80));
}

/// Fourteen copies of one line, two of which give another count.
fn many_copies() -> Comparison {
    let names: Vec<String> = (0..14).map(|i| format!("{i:03}_v.txt")).collect();
    let texts: Vec<&str> = (0..14)
        .map(|i| {
            if i == 5 || i == 9 {
                "The strike killed 27 people in Ternopil."
            } else {
                "The strike killed 26 people in Ternopil."
            }
        })
        .collect();
    let versions: Vec<(&str, &str)> = names
        .iter()
        .map(String::as_str)
        .zip(texts.iter().copied())
        .collect();
    let row: Vec<Option<usize>> = vec![Some(0); 14];
    Builder::new(&versions).passage(&row).build()
}

#[test]
fn many_versions_show_each_fact_as_a_distribution_naming_the_departures() {
    let out = plain(&many_copies(), 100);
    let row = out
        .lines()
        .find(|l| l.contains("number  "))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(row.contains("26 ×12 · ‹27 ×2: 005 009›"), "{out}");
    // One line per fact, not a column per version; the ten highest scores only.
    assert!(out.lines().count() < 40, "{out}");
    assert!(out.contains("… and 4 more versions"), "{out}");
}
