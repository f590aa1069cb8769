use pretty_assertions::assert_eq;

use super::*;
use crate::app::fixture::{self, text};

fn key(width: u16, fold: Fold) -> PairRowsKey {
    PairRowsKey {
        base: VersionId(0),
        compared: VersionId(1),
        ignore: IgnoreOptions::default(),
        width,
        fold,
    }
}

/// The layout of a comparison, with its facts analysed.
fn build(c: &Comparison, key: PairRowsKey) -> PairRows {
    PairRows::build(c, Some(&crate::facts::analyze(c)), key)
}

/// The rows as `left | right` text, with gaps as `░` and notes in brackets.
fn show(layout: &PairRows) -> Vec<String> {
    let cell = |row: &Row, side: Side| -> String {
        match &row.cells[side.index()] {
            Cell::Blank => String::new(),
            Cell::Text(runs) => {
                let text = &layout.text(row.entry.unwrap(), side).unwrap().text;
                runs.iter().map(|r| &text[r.range.clone()]).collect()
            }
            Cell::Gap(label) => format!("░{}", label.as_deref().unwrap_or("")),
            Cell::Note(note) | Cell::Fold(note) => format!("[{note}]"),
        }
    };
    (0..layout.row_count())
        .map(|r| layout.row(r).unwrap())
        .map(|row| {
            format!(
                "{} | {}",
                cell(&row, Side::Base),
                cell(&row, Side::Compared)
            )
            .trim()
            .to_string()
        })
        .collect()
}

#[test]
fn each_passage_starts_on_the_same_row_in_both_panes() {
    let c = fixture::comparison(
        &[
            text(&[Some("one two three four five six"), Some("one two")]),
            text(&[Some("seven"), Some("seven eight nine ten eleven")]),
        ],
        0,
    );
    let layout = build(&c, key(10, Fold::Open));
    assert_eq!(
        show(&layout),
        [
            "one two | one two",
            "three four |",
            "five six |",
            "|",
            "seven | seven",
            "| eight nine",
            "| ten eleven",
        ]
    );
    assert_eq!(layout.rows_of(EntryIx(0)), 0..3);
    assert_eq!(layout.rows_of(EntryIx(1)), 4..7);
}

#[test]
fn added_and_removed_passages_stand_against_a_marked_gap() {
    let c = fixture::comparison(
        &[
            text(&[Some("only in the base"), None]),
            text(&[None, Some("only in the other")]),
        ],
        0,
    );
    let layout = build(&c, key(12, Fold::Open));
    assert_eq!(
        show(&layout),
        [
            "only in the | ░∅ not in 001",
            "base | ░",
            "|",
            "░∅ not in 000 (base) | only in the",
            "░ | other",
        ]
    );
    assert_eq!(layout.entries[0].status, PassageStatus::Removed);
    assert_eq!(layout.entries[1].status, PassageStatus::Added);
}

#[test]
fn changed_words_are_inked_on_their_side() {
    let c = fixture::comparison(
        &[text(&[
            Some("the plan had 28 points"),
            Some("the plan had 26 points"),
        ])],
        0,
    );
    let layout = build(&c, key(40, Fold::Open));
    let entry = &layout.entries[0];
    let inked = |side: Side, ink: Ink| -> Vec<String> {
        let t = entry.side(side).unwrap();
        t.runs
            .iter()
            .filter(|r| r.ink == ink)
            .map(|r| t.text[r.range.clone()].to_string())
            .collect()
    };
    assert_eq!(inked(Side::Base, Ink::Deleted), ["28 "]);
    assert_eq!(inked(Side::Compared, Ink::Inserted), ["26 "]);
    assert!(inked(Side::Base, Ink::Inserted).is_empty());
}

#[test]
fn folding_turns_each_run_of_same_passages_into_one_row() {
    let c = fixture::comparison(
        &[
            text(&[Some("a"), Some("a")]),
            text(&[Some("b"), Some("b")]),
            text(&[Some("c"), Some("C changed")]),
            text(&[Some("d"), Some("d")]),
        ],
        0,
    );
    let layout = build(&c, key(20, Fold::Folded));
    assert_eq!(
        show(&layout),
        [
            "[⋯ 2 same passages (z: unfold)] | [⋯ 2 same passages (z: unfold)]",
            "|",
            "c | C changed",
            "|",
            "[⋯ 1 same passage (z: unfold)] | [⋯ 1 same passage (z: unfold)]",
        ]
    );
    assert_eq!(layout.rows_of(EntryIx(0)), 0..1);
    assert_eq!(layout.rows_of(EntryIx(1)), 0..1);
}

#[test]
fn a_moved_passage_says_where_it_went_and_links_both_places() {
    let layout = build(&fixture::story(), key(60, Fold::Open));
    let moved = layout
        .entries
        .iter()
        .position(|e| e.status == PassageStatus::Moved)
        .unwrap();
    let shown = show(&layout);
    assert!(
        shown
            .iter()
            .any(|r| r.contains("[↷ moved: 001 has it after passage 2 · Enter: go]")),
        "{shown:#?}"
    );
    let marker = format!("[↳ 001 has passage {} here:", moved + 1);
    let marker_row = shown.iter().position(|r| r.contains(&marker)).unwrap();
    // The marker belongs to the passage it follows, and Enter links the two places.
    let holder = layout.row_entry(marker_row).unwrap();
    assert_eq!(holder, EntryIx(1));
    assert_eq!(layout.entries[moved].jump, Some(holder));
    assert_eq!(layout.entry(holder).jump, Some(EntryIx(moved)));
}

#[test]
fn passages_neither_version_of_the_pair_carries_are_left_out() {
    let c = fixture::comparison(
        &[
            text(&[Some("x"), Some("x"), None]),
            text(&[None, None, Some("only in v2")]),
        ],
        0,
    );
    let layout = build(&c, key(20, Fold::Open));
    assert_eq!(layout.entries.len(), 1);
    assert_eq!(layout.entry_of_passage(1), None);
}

#[test]
fn divergent_passages_after_each_entry_are_counted() {
    let layout = build(&fixture::story(), key(60, Fold::Open));
    let statuses: Vec<_> = layout.entries.iter().map(|e| e.status).collect();
    let expected: Vec<usize> = (0..statuses.len())
        .map(|i| {
            statuses[i + 1..]
                .iter()
                .filter(|s| s.is_divergent())
                .count()
        })
        .collect();
    let counted: Vec<usize> = (0..statuses.len())
        .map(|i| layout.divergent_after(EntryIx(i)))
        .collect();
    assert_eq!(counted, expected);
}

/// The underlined stretches of one side of an entry, with their marks.
fn underlined(layout: &PairRows, passage: usize, side: Side) -> Vec<(String, FactMark)> {
    let Some(t) = layout.text(layout.entry_of_passage(passage).unwrap(), side) else {
        return Vec::new();
    };
    let mut out: Vec<(String, FactMark)> = Vec::new();
    let mut end = None;
    for run in &t.runs {
        let Some(mark) = run.fact else { continue };
        let text = &t.text[run.range.clone()];
        match out.last_mut() {
            // Runs cut by inks (a changed word inside a name) join again here.
            Some((last, m)) if *m == mark && end == Some(run.range.start) => last.push_str(text),
            _ => out.push((text.to_string(), mark)),
        }
        end = Some(run.range.end);
    }
    out
}

#[test]
fn facts_the_pair_disagrees_on_are_underlined_and_the_straying_reading_marked() {
    let c = fixture::story();
    let facts = crate::facts::analyze(&c);
    let layout = PairRows::build(&c, Some(&facts), key(60, Fold::Open));
    // v0 keeps to the consensus (v2 agrees with it); v1 strays.
    assert_eq!(
        underlined(&layout, 2, Side::Base),
        [
            ("Gen Chris Donahue".to_string(), FactMark::Differs),
            ("28 points".to_string(), FactMark::Differs)
        ]
    );
    assert_eq!(
        underlined(&layout, 2, Side::Compared),
        [
            ("Gen Chris Donohue".to_string(), FactMark::Strays),
            ("26 points".to_string(), FactMark::Strays)
        ]
    );
    assert_eq!(layout.entries[2].facts, 2);
    // The passage v1 lacks: its facts stay plain, the whole passage is marked removed.
    assert!(underlined(&layout, 3, Side::Base).is_empty());
}

#[test]
fn facts_both_panes_state_alike_stay_plain() {
    let c = fixture::story();
    let facts = crate::facts::analyze(&c);
    let key = PairRowsKey {
        compared: VersionId(2),
        ..key(60, Fold::Open)
    };
    let layout = PairRows::build(&c, Some(&facts), key);
    for side in Side::BOTH {
        assert!(underlined(&layout, 2, side).is_empty(), "{side:?}");
    }
    assert_eq!(layout.entries[2].facts, 0);
}

#[test]
fn each_entry_knows_how_much_its_change_matters_for_the_pair() {
    let c = fixture::story();
    let layout = build(&c, key(60, Fold::Open));
    let classes: Vec<Option<ChangeClass>> = layout.entries.iter().map(|e| e.class).collect();
    assert_eq!(
        classes,
        [
            None,                           // boilerplate
            None,                           // same
            Some(ChangeClass::Substantive), // a name and a number drifted
            Some(ChangeClass::Substantive), // removed
            Some(ChangeClass::Substantive), // added
            Some(ChangeClass::Rewording),   // moved, a word added
            None,                           // same in v1
        ]
    );
    assert_eq!(layout.substantive_after(EntryIx(0)), 3);
}
