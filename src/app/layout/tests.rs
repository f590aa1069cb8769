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
fn a_block_moved_together_has_one_note_where_it_arrives() {
    let c = fixture::comparison(
        &[
            text(&[Some("a"), Some("a")]),
            fixture::moved(&[Some("b"), Some("b")], 1, Some(4)),
            fixture::moved(&[Some("c"), Some("c")], 1, Some(1)),
            fixture::moved(&[Some("d"), Some("d")], 1, Some(2)),
            text(&[Some("e"), Some("e")]),
        ],
        0,
    );
    let layout = build(&c, key(60, Fold::Open));
    let shown = show(&layout);
    let arrivals: Vec<&String> = shown.iter().filter(|r| r.contains("[↳")).collect();
    assert_eq!(arrivals.len(), 1, "{shown:#?}");
    assert!(
        arrivals[0].contains("[↳ 001 has passages 2–4 here:"),
        "{shown:#?}"
    );
    // Each passage of the block still says where it stands.
    assert_eq!(shown.iter().filter(|r| r.contains("[↷ moved")).count(), 3);
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
    assert_eq!(layout.fact_count(EntryIx(2)), 2);
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
    assert_eq!(layout.fact_count(EntryIx(2)), 0);
}

#[test]
fn each_entry_knows_how_much_its_change_matters_for_the_pair() {
    let c = fixture::story();
    let layout = build(&c, key(60, Fold::Open));
    let classes: Vec<Option<ChangeClass>> = (0..layout.entries.len())
        .map(|i| layout.class(EntryIx(i)))
        .collect();
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

mod eager;

/// The seeds compared (base 0), once for all the tests that read them.
fn seeds() -> &'static (Comparison, FactReport) {
    static SEEDS: std::sync::OnceLock<(Comparison, FactReport)> = std::sync::OnceLock::new();
    SEEDS.get_or_init(|| {
        let c = crate::compare(
            crate::load::bundled_seeds(),
            &crate::options::CompareOptions::default(),
        )
        .unwrap();
        let facts = crate::facts::analyze(&c);
        (c, facts)
    })
}

/// Checks a lazy layout against the eager reference: every row, the rows of every entry, the
/// entry at every row, and the entries in a few ranges of rows.
fn assert_agrees_with_eager(layout: &PairRows) {
    let eager = eager::lay_out(layout);
    assert_eq!(layout.row_count(), eager.rows.len(), "{:?}", layout.key);
    for (r, row) in eager.rows.iter().enumerate() {
        assert_eq!(
            layout.row(r).as_ref(),
            Some(row),
            "row {r} of {:?}",
            layout.key
        );
        assert_eq!(layout.row_entry(r), row.entry, "row {r}");
        let above = eager.rows[..=r].iter().rev().find_map(|r| r.entry);
        assert_eq!(layout.entry_at_row(r), above, "row {r}");
    }
    assert_eq!(layout.row(eager.rows.len()), None);
    for (i, rows) in eager.entry_rows.iter().enumerate() {
        assert_eq!(
            layout.rows_of(EntryIx(i)),
            *rows,
            "entry {i} of {:?}",
            layout.key
        );
    }
    let total = eager.rows.len();
    for range in [
        0..total,
        0..1,
        total / 3..total / 2,
        total / 2..total / 2,
        5..9,
    ] {
        let mut expected: Vec<EntryIx> = eager.rows[range.start.min(total)..range.end.min(total)]
            .iter()
            .filter_map(|r| r.entry)
            .collect();
        expected.dedup();
        let found: Vec<EntryIx> = layout.entries_in(range.clone()).collect();
        assert_eq!(found, expected, "{range:?}");
    }
}

#[test]
fn the_lazy_layout_agrees_with_the_eager_one_on_every_seed_pair_width_and_fold() {
    let (c, facts) = seeds();
    for compared in 1..c.versions.len() {
        for width in [1, 7, 30, 57, 120] {
            for fold in [Fold::Open, Fold::Folded] {
                let key = PairRowsKey {
                    compared: VersionId(compared),
                    ..key(width, fold)
                };
                assert_agrees_with_eager(&PairRows::build(c, Some(facts), key));
            }
        }
    }
}

#[test]
fn the_lazy_layout_agrees_with_the_eager_one_on_the_fixtures() {
    let story = fixture::story();
    for compared in 1..story.versions.len() {
        for fold in [Fold::Open, Fold::Folded] {
            let key = PairRowsKey {
                compared: VersionId(compared),
                ..key(24, fold)
            };
            assert_agrees_with_eager(&build(&story, key));
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Folding, unfolding and resizing only place the entries again (or wrap them again): the
    /// row index then agrees with a layout made from scratch for the same key.
    #[test]
    fn a_relaid_layout_agrees_with_a_fresh_one(
        compared in 1usize..5,
        steps in proptest::collection::vec((1u16..140, proptest::bool::ANY), 1..6),
    ) {
        let (c, facts) = seeds();
        let first = PairRowsKey { compared: VersionId(compared), ..key(60, Fold::Open) };
        let mut layout = PairRows::build(c, Some(facts), first);
        for (width, folded) in steps {
            let fold = if folded { Fold::Folded } else { Fold::Open };
            let next = PairRowsKey { width, fold, ..first };
            layout.reflow(next);
            let fresh = PairRows::build(c, Some(facts), next);
            proptest::prop_assert_eq!(layout.row_count(), fresh.row_count());
            for r in 0..fresh.row_count() {
                proptest::prop_assert_eq!(layout.row(r), fresh.row(r), "row {}", r);
            }
            assert_agrees_with_eager(&layout);
        }
    }
}

/// A key for each compared version of `c` against its base, 57 columns wide, unfolded.
fn compared_keys(c: &Comparison) -> impl Iterator<Item = PairRowsKey> {
    (1..c.versions.len()).map(|compared| PairRowsKey {
        compared: VersionId(compared),
        ..key(57, Fold::Open)
    })
}

#[test]
fn facts_arriving_after_the_layout_give_the_rows_a_layout_with_facts_has() {
    let (c, facts) = seeds();
    for key in compared_keys(c) {
        let with = PairRows::build(c, Some(facts), key);
        let mut later = PairRows::build(c, None, key);
        assert!(!later.has_facts());
        later.add_facts(c, facts, None);
        later.prepare(c, 0..later.row_count());
        assert_eq!(later.row_count(), with.row_count());
        for r in 0..with.row_count() {
            assert_eq!(later.row(r), with.row(r), "row {r}");
        }
        let meta = |l: &PairRows| -> Vec<_> {
            (0..l.entries.len())
                .map(|i| (l.class(EntryIx(i)), l.fact_count(EntryIx(i))))
                .collect()
        };
        assert_eq!(meta(&later), meta(&with));
        assert_eq!(
            later.substantive_after(EntryIx(0)),
            with.substantive_after(EntryIx(0))
        );
    }
}

#[test]
fn facts_found_apart_from_the_layout_are_those_it_finds_itself() {
    let (c, facts) = seeds();
    for key in compared_keys(c) {
        let mut here = PairRows::build(c, None, key);
        here.add_facts(c, facts, None);
        let mut apart = PairRows::build(c, None, key);
        let found = LayoutFacts::find(c, facts, [VersionId(0), key.compared]);
        apart.add_facts(c, facts, Some(found));
        assert_eq!(apart.columns, here.columns);
        assert_eq!(apart.underlines, here.underlines);
    }
}

#[test]
fn before_the_facts_arrive_the_text_is_the_same_without_underlines() {
    let c = fixture::story();
    let layout = PairRows::build(&c, None, key(60, Fold::Open));
    assert!(underlined(&layout, 2, Side::Base).is_empty());
    let with = build(&c, key(60, Fold::Open));
    assert_eq!(show(&layout), show(&with));
    // A changed passage's class waits for the facts; added and removed text is substantive.
    assert_eq!(layout.class(EntryIx(2)), None);
    assert_eq!(layout.class(EntryIx(3)), Some(ChangeClass::Substantive));
}
