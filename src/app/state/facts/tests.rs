//! Key sequences over facts: `m` changes what `n`/`p` visit, `F` and `{` step to underlined
//! facts, and Enter in the facts panel jumps to a fact's passage.

use super::super::tests::{app, press};
use crate::app::fixture::{self, text};
use crate::app::keymap::Action;
use crate::app::state::{App, Mode, Notice, Stepping};
use crate::model::VersionId;

/// A story where each changed passage matters differently: typography, a drifted number,
/// rewording.
fn graded() -> App {
    let c = fixture::comparison(
        &[
            text(&[Some("The talks began."), Some("The talks began.")]),
            text(&[
                Some("The talks were “friendly” at first."),
                Some("The talks were \"friendly\" at first."),
            ]),
            text(&[
                Some("The plan had 28 points in all."),
                Some("The plan had 26 points in all."),
            ]),
            text(&[
                Some("Officials left the building early."),
                Some("Officials departed the building early."),
            ]),
            text(&[
                Some("Nothing more was said."),
                Some("Nothing more was said."),
            ]),
        ],
        0,
    );
    let mut app = App::from_comparison(c);
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    app
}

/// The passage index of the current entry.
fn passage(app: &App) -> usize {
    let shown = app.shown.as_ref().unwrap();
    shown.layout.entry(app.nav.current).passage
}

#[test]
fn m_makes_n_and_p_skip_typography_and_rewording() {
    let mut app = graded();
    press(&mut app, "n");
    assert_eq!(passage(&app), 1, "typography is divergent");
    press(&mut app, "nn");
    assert_eq!(passage(&app), 3, "so is rewording");

    press(&mut app, "gm");
    assert_eq!(app.stepping(), Stepping::Substantive);
    assert_eq!(app.notice(), Some(&Notice::Stepping(Stepping::Substantive)));
    press(&mut app, "n");
    assert_eq!(passage(&app), 2, "only the drifted number is substantive");
    press(&mut app, "n");
    assert_eq!(passage(&app), 2);
    assert_eq!(app.notice(), Some(&Notice::NoSubstantiveBelow));
    press(&mut app, "Gp");
    assert_eq!(passage(&app), 2);

    press(&mut app, "m");
    assert_eq!(app.stepping(), Stepping::Divergent);
    press(&mut app, "gn");
    assert_eq!(passage(&app), 1);
}

#[test]
fn capital_f_steps_to_passages_with_underlined_facts_and_brace_steps_back() {
    let mut app = app();
    press(&mut app, "F");
    // The Donahue/Donohue, 28/26 passage; the removed passage's facts are not underlined
    // (the compared version lacks it altogether).
    assert_eq!(passage(&app), 2);
    let shown = app.shown.as_ref().unwrap();
    assert_eq!(shown.layout.fact_count(app.nav.current), 2);
    press(&mut app, "F");
    assert_eq!(passage(&app), 2);
    assert_eq!(app.notice(), Some(&Notice::NoFactBelow));
    press(&mut app, "G{");
    assert_eq!(passage(&app), 2);
    press(&mut app, "{");
    assert_eq!(app.notice(), Some(&Notice::NoFactAbove));
}

#[test]
fn the_facts_panel_opens_on_the_current_passage_and_closes_with_f_or_esc() {
    let mut app = app();
    press(&mut app, "Ff");
    let Mode::Facts(state) = *app.mode() else {
        panic!("the panel is open: {:?}", app.mode())
    };
    let table = app.shown.as_ref().unwrap().facts_table.as_ref().unwrap();
    assert_eq!(table.rows[state.selected].passage, 2);
    press(&mut app, "f");
    assert_eq!(app.mode(), &Mode::Browse);
    press(&mut app, "f<Esc>");
    assert_eq!(app.mode(), &Mode::Browse);
    press(&mut app, "f?");
    assert!(matches!(app.mode(), Mode::Help { .. }));
    press(&mut app, "?");
    assert!(matches!(app.mode(), Mode::Facts(_)));
}

#[test]
fn enter_in_the_facts_panel_jumps_to_the_fact_and_compares_with_its_outlier() {
    let mut app = app();
    // v0 and v2 agree on Donahue and 28; only v1 strays.
    press(&mut app, "2");
    assert_eq!(app.pair().compared, VersionId(2));
    press(&mut app, "f");
    let table = app.shown.as_ref().unwrap().facts_table.as_ref().unwrap();
    let row = table
        .rows
        .iter()
        .position(|r| r.passage == 2)
        .expect("a fact of the Donahue passage");
    press(&mut app, "g");
    for _ in 0..row {
        press(&mut app, "j");
    }
    press(&mut app, "<Enter>");
    assert_eq!(app.mode(), &Mode::Browse);
    assert_eq!(app.pair().compared, VersionId(1));
    assert_eq!(app.notice(), Some(&Notice::ComparingOutlier(VersionId(1))));
    assert_eq!(passage(&app), 2);
}

#[test]
fn enter_keeps_the_compared_version_when_it_already_shows_the_difference() {
    let mut app = app();
    press(&mut app, "f<Enter>");
    assert_eq!(app.pair().compared, VersionId(1));
    assert_eq!(passage(&app), 2);
    assert_eq!(app.notice(), None);
}

#[test]
fn the_facts_panel_says_so_when_the_versions_agree_on_every_fact() {
    let mut app = App::from_comparison(fixture::comparison(
        &[text(&[Some("It rained."), Some("It poured.")])],
        0,
    ));
    app.update(Action::Resize {
        width: 80,
        height: 20,
    });
    press(&mut app, "f");
    assert_eq!(app.mode(), &Mode::Browse);
    assert_eq!(app.notice(), Some(&Notice::NoFacts));
}

#[test]
fn a_comparison_arriving_while_the_panel_is_open_refills_it() {
    use crate::app::store::Place;
    use crate::options::CompareOptions;
    let versions = fixture::story().versions;
    let mut app = App::new(versions, CompareOptions::default(), Place::Background);
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    let wait = |app: &mut App| {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while app.is_busy() {
            assert!(std::time::Instant::now() < deadline, "no comparison came");
            std::thread::sleep(std::time::Duration::from_millis(5));
            app.update(Action::Tick);
        }
    };
    wait(&mut app);
    // A new base is compared in the background; the panel opens on the old comparison.
    press(&mut app, "bf");
    assert!(app.busy.is_some());
    assert!(matches!(app.mode(), Mode::Facts(_)));
    wait(&mut app);
    let shown = app.shown.as_ref().unwrap();
    assert_eq!(shown.comparison.base, VersionId(1));
    assert!(shown.facts_table.is_some(), "the panel has a table again");
    assert!(matches!(app.mode(), Mode::Facts(_)));
}

#[test]
fn the_facts_panel_waits_for_the_facts_saying_so_and_fills_when_they_arrive() {
    let mut app = app();
    // As in the program while the background thread finds the facts: the comparison is shown,
    // its facts are not in yet.
    let shown = app.shown.as_mut().unwrap();
    shown.facts = None;
    shown.facts_table = None;
    press(&mut app, "f");
    assert!(matches!(app.mode(), Mode::Facts(_)));
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| crate::app::draw(&app, f)).unwrap();
    let screen = format!("{:?}", terminal.backend().buffer());
    assert!(screen.contains("Finding facts…"), "{screen}");
    assert!(
        screen.contains("finding facts…"),
        "the status line says so too"
    );
    // Other keys wait with the panel; the facts arrive and the panel fills.
    press(&mut app, "j");
    assert!(matches!(app.mode(), Mode::Facts(_)));
    app.refresh();
    let shown = app.shown.as_ref().unwrap();
    assert!(shown.facts.is_some());
    assert!(
        shown
            .facts_table
            .as_ref()
            .is_some_and(|t| !t.rows.is_empty())
    );
    assert!(matches!(app.mode(), Mode::Facts(_)));
}
