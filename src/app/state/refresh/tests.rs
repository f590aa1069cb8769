//! The panes read each pair's own comparison: among the five seeds a pair is laid out as a
//! viewer over only its two versions lays it out, and jumps from the views about all versions
//! land where they point.

use super::super::tests::{current_status, press, screen};
use crate::app::keymap::Action;
use crate::app::layout::{Fold, Ids, Ink, PairRows, PairRowsKey, Side};
use crate::app::list::ListState;
use crate::app::state::{App, Mode, Notice};
use crate::app::store::{Analysis, CompareKey, Place, Store, Words};
use crate::load::{bundled_seeds, load_version};
use crate::model::{PassageStatus, Version, VersionId};
use crate::options::CompareOptions;
use crate::present::labels::Labels;
use crate::{Aligned, align_versions};

/// Some of the bundled seeds (by index), loaded.
fn seeds(seeds: &[usize]) -> Vec<Version> {
    let all = bundled_seeds();
    seeds
        .iter()
        .enumerate()
        .map(|(i, &s)| {
            load_version(VersionId(i), all[s].clone(), &CompareOptions::default()).unwrap()
        })
        .collect()
}

/// A viewer over some of the bundled seeds (by index), computing inline, on a 160×48 screen.
fn viewer(seeds_shown: &[usize]) -> App {
    let options = CompareOptions::default();
    let versions = seeds(seeds_shown);
    let mut app = App::new(versions, options, Place::Inline);
    app.update(Action::Resize {
        width: 160,
        height: 48,
    });
    app
}

/// Each entry of the panes: its status for the pair and its byte range on each side.
type Laid = Vec<(
    PassageStatus,
    Option<std::ops::Range<usize>>,
    Option<std::ops::Range<usize>>,
)>;

fn laid_out(app: &App) -> Laid {
    let shown = app.shown.as_ref().expect("shown");
    let [base, compared] = shown.layout.local();
    shown
        .layout
        .entries
        .iter()
        .map(|e| {
            let p = &shown.panes.comparison.passages[e.passage];
            let range = |v| p.span(v).map(|s| s.range.clone());
            (e.status, range(base), range(compared))
        })
        .collect()
}

/// The loaded seeds shown in the panes, base first.
fn seeds_shown(app: &App, seeds: &[usize]) -> (usize, usize) {
    (seeds[app.pair().base.0], seeds[app.pair().compared.0])
}

#[test]
fn a_pair_among_five_seeds_is_laid_out_as_the_two_seeds_alone() {
    let all = [0, 1, 2, 3, 4];
    let mut five = viewer(&all);
    press(&mut five, "3");
    assert_eq!(seeds_shown(&five, &all), (0, 3));
    let alone = viewer(&[0, 3]);
    assert_eq!(laid_out(&five), laid_out(&alone), "000 against 003");
    // The comparison of all versions shares one passage table, coarser for this pair.
    let shown = five.shown.as_ref().unwrap();
    assert!(shown.comparison.passages.len() > shown.panes.comparison.passages.len());

    press(&mut five, "<Tab>");
    assert_eq!(seeds_shown(&five, &all), (0, 4));
    let mut alone = viewer(&[0, 4]);
    assert_eq!(laid_out(&five), laid_out(&alone), "000 against 004");

    // 004 becomes the base; 000 is compared with it.
    press(&mut five, "b");
    press(&mut alone, "b");
    assert_eq!(seeds_shown(&five, &all), (4, 0));
    assert_eq!(seeds_shown(&alone, &[0, 4]), (4, 0));
    assert_eq!(laid_out(&five), laid_out(&alone), "004 against 000");
}

#[test]
fn a_fact_from_the_panel_lands_on_the_entry_that_holds_it() {
    let mut app = viewer(&[0, 1, 2, 3, 4]);
    press(&mut app, "f");
    let rows = match app.mode() {
        Mode::Facts(_) => app
            .shown
            .as_ref()
            .unwrap()
            .facts_table
            .as_ref()
            .unwrap()
            .rows
            .len(),
        other => panic!("facts panel not open: {other:?}"),
    };
    assert!(rows > 10);
    for selected in 0..rows {
        app.mode = Mode::Facts(ListState { selected, top: 0 });
        app.update(Action::Jump);
        assert_eq!(app.mode(), &Mode::Browse);
        let shown = app.shown.as_ref().unwrap();
        let row = &shown.facts_table.as_ref().unwrap().rows[selected];
        let fact = &shown.facts.as_ref().unwrap().facts[row.fact];
        let pair = app.pair();
        let reading = fact
            .reading(pair.compared)
            .or_else(|| fact.reading(pair.base))
            .expect("the pair shows a version that reads the fact");
        let entry = shown.layout.entry(app.nav.current);
        let local = shown.panes.ids.local(reading.version).unwrap();
        let span = shown.panes.comparison.passages[entry.passage].span(local);
        assert!(
            span.is_some_and(|s| s.range.contains(&reading.span.start)),
            "fact {} ({:?}) of row {selected}: the current entry does not hold it",
            row.fact,
            reading.text,
        );
    }
}

#[test]
fn the_presence_view_opens_on_the_current_text_and_jumps_to_the_text_of_a_passage() {
    let mut app = viewer(&[0, 1, 2, 3, 4]);
    press(&mut app, "3nnnn");
    let here = app.shared_passage().expect("a current passage");
    press(&mut app, "v");
    let Mode::Presence(state) = app.mode() else {
        panic!("presence view not open");
    };
    assert_eq!(state.selected, here);
    // Every passage of all versions jumps to the entry of the panes that holds its text.
    let count = app.shown.as_ref().unwrap().comparison.passages.len();
    for selected in 0..count {
        press(&mut app, "v");
        app.mode = Mode::Presence(ListState { selected, top: 0 });
        app.update(Action::Jump);
        assert_eq!(app.mode(), &Mode::Browse);
        // The passage's text in the compared version (or the base) is the current entry's.
        let shown = app.shown.as_ref().unwrap();
        let pair = app.pair();
        let p = &shown.comparison.passages[selected];
        let start = p.span(pair.compared).or_else(|| p.span(pair.base)).unwrap();
        let entry = shown.layout.entry(app.nav.current);
        let local = shown.panes.ids.local(start.version).unwrap();
        let held = shown.panes.comparison.passages[entry.passage].span(local);
        assert!(
            held.is_some_and(|s| s.range.contains(&start.range.start)),
            "row {selected}"
        );
    }
}

/// A viewer over two seeds whose comparison arrived without its word diffs, as the background
/// thread sends it first; with what completes it.
fn viewer_before_word_diffs() -> (App, Aligned, CompareKey) {
    let options = CompareOptions::default();
    let versions = seeds(&[0, 1]);
    let aligned = align_versions(versions.clone(), &options).unwrap();
    assert!(aligned.words_pending());
    let key = CompareKey {
        base: VersionId(0),
        ignore: options.ignore,
    };
    let mut store = Store::new(versions, options.clone(), Place::Inline);
    store.insert_aligned(key, Analysis::new(aligned.comparison.clone()));
    let app = App::assemble(store, 0, options.ignore);
    (app, aligned, key)
}

/// Whether any entry's text is inked as changed words.
fn has_word_highlights(app: &App) -> bool {
    let layout = &app.shown.as_ref().expect("shown").layout;
    layout.entries.iter().any(|e| {
        Side::BOTH.iter().any(|side| {
            e.side(*side).is_some_and(|t| {
                t.runs
                    .iter()
                    .any(|r| matches!(r.ink, Ink::Deleted | Ink::Inserted))
            })
        })
    })
}

#[test]
fn before_the_word_diffs_changed_passages_show_plain_and_the_status_line_says_so() {
    let (mut app, _, _) = viewer_before_word_diffs();
    let lines = screen(&mut app, 160, 48);
    assert_eq!(app.shown.as_ref().unwrap().words, Words::Pending);
    assert!(!has_word_highlights(&app));
    let status = lines
        .iter()
        .rev()
        .find(|l| l.contains("word highlights coming"));
    let status = status.expect("the status line says the highlights are coming");
    press(&mut app, "n");
    assert_eq!(current_status(&app), PassageStatus::Changed);
    // A changed passage's similarity comes with its word diff.
    let lines = screen(&mut app, 160, 48);
    let status = lines
        .iter()
        .find(|l| l.contains("│ changed"))
        .unwrap_or(status);
    assert!(!status.contains('%'), "{status}");
    // The presence view shows similarities: it waits, saying so.
    press(&mut app, "v");
    assert_eq!(app.mode(), &Mode::Browse);
    assert_eq!(app.notice(), Some(&Notice::WordsComing));
}

#[test]
fn the_word_diffs_arriving_bring_the_highlights_and_keep_the_reader_in_place() {
    let (mut app, aligned, key) = viewer_before_word_diffs();
    app.update(Action::Resize {
        width: 160,
        height: 48,
    });
    press(&mut app, "nn");
    let passage = app
        .shown
        .as_ref()
        .unwrap()
        .layout
        .entry(app.nav.current)
        .passage;
    app.store
        .insert(key, Analysis::with_facts(aligned.with_word_diffs()));
    app.refresh();
    let shown = app.shown.as_ref().unwrap();
    assert_eq!(shown.words, Words::Diffed);
    assert_eq!(shown.layout.entry(app.nav.current).passage, passage);
    assert!(has_word_highlights(&app));
    // What was shown without the word diffs is not kept for later.
    assert!(app.spare.iter().all(|s| s.words == Words::Diffed));
    let lines = screen(&mut app, 160, 48);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("│ changed") && l.contains('%'))
    );
    assert!(!lines.iter().any(|l| l.contains("word highlights coming")));
}

#[test]
fn the_first_screens_give_way_to_the_whole_layout_with_the_reader_in_place() {
    let options = CompareOptions::default();
    let versions = seeds(&[0, 1]);
    let aligned = align_versions(versions.clone(), &options).unwrap();
    let comparison = aligned.comparison.clone();
    let key = CompareKey {
        base: VersionId(0),
        ignore: options.ignore,
    };
    let layout_key = PairRowsKey {
        base: VersionId(0),
        compared: VersionId(1),
        ignore: options.ignore,
        width: 77,
        fold: Fold::Open,
    };
    let (ids, labels) = (Ids::all(2), Labels::new(&comparison));
    // As the background thread sends a book: the first screens, then the whole layout.
    let first = PairRows::build_first(&comparison, layout_key, &ids, labels.clone(), 12);
    assert!(first.is_partial() && first.entries.len() < comparison.passages.len());
    let mut store = Store::new(versions, options.clone(), Place::Inline);
    store.insert_aligned(key, Analysis::new(comparison.clone()));
    store.insert_layout(first);
    let mut app = App::assemble(store, 0, options.ignore);
    app.update(Action::Resize {
        width: 160,
        height: 48,
    });
    assert!(app.shown.as_ref().unwrap().layout.is_partial());
    press(&mut app, "nn");
    let passage = |app: &App| {
        let shown = app.shown.as_ref().unwrap();
        shown.layout.entry(app.nav.current).passage
    };
    let before = passage(&app);
    let whole = PairRows::build_in(&comparison, None, layout_key, &ids, labels);
    assert!(!whole.is_partial());
    app.store.insert_layout(whole);
    app.refresh();
    let shown = app.shown.as_ref().unwrap();
    assert!(!shown.layout.is_partial(), "the whole layout is shown");
    assert_eq!(shown.layout.entries.len(), whole_len(&comparison));
    assert_eq!(passage(&app), before, "the reader stays on the passage");
    // Nothing waits on the partial layout any more: `G` reaches the last passage.
    press(&mut app, "G");
    assert!(passage(&app) + 12 > comparison.passages.len());
}

/// Entries of the whole layout of the first pair.
fn whole_len(comparison: &crate::model::Comparison) -> usize {
    let key = PairRowsKey {
        base: VersionId(0),
        compared: VersionId(1),
        ignore: CompareOptions::default().ignore,
        width: 77,
        fold: Fold::Open,
    };
    PairRows::build_in(comparison, None, key, &Ids::all(2), Labels::new(comparison))
        .entries
        .len()
}
