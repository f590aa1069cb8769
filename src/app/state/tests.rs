//! Key sequences drive `update`; the tests check where the reader ends up.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::app::fixture;
use crate::app::layout::{Cell, EntryIx, Side};
use crate::model::PassageStatus;

/// The fixture story (three versions) on a 120×40 screen.
pub(super) fn app() -> App {
    let mut app = App::from_comparison(fixture::story());
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    app
}

/// Presses keys: each character is a key, `<Tab>`, `<S-Tab>`, `<Enter>`, `<Esc>`, `<C-c>`
/// are named keys.
pub(super) fn press(app: &mut App, keys: &str) {
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let (code, modifiers, len) = if c == '<' {
            let end = rest.find('>').expect("closing >");
            let (code, modifiers) = match &rest[1..end] {
                "Tab" => (KeyCode::Tab, KeyModifiers::NONE),
                "S-Tab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
                "Enter" => (KeyCode::Enter, KeyModifiers::NONE),
                "Esc" => (KeyCode::Esc, KeyModifiers::NONE),
                "BS" => (KeyCode::Backspace, KeyModifiers::NONE),
                ctrl if ctrl.starts_with("C-") => (
                    KeyCode::Char(ctrl[2..].chars().next().expect("C-x")),
                    KeyModifiers::CONTROL,
                ),
                other => panic!("unknown key {other}"),
            };
            (code, modifiers, end + 1)
        } else {
            (KeyCode::Char(c), KeyModifiers::NONE, c.len_utf8())
        };
        let event = Event::Key(KeyEvent::new(code, modifiers));
        if let Some(action) = app.action_for_event(&event) {
            app.update(action);
        }
        rest = &rest[len..];
    }
}

/// The screen as text after drawing the app at a size (on ratatui's `TestBackend`).
pub(super) fn screen(app: &mut App, width: u16, height: u16) -> Vec<String> {
    app.update(Action::Resize { width, height });
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| crate::app::draw(app, frame)).unwrap();
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| (0..width).map(|x| buffer[(x, y)].symbol()).collect())
        .collect()
}

pub(super) fn current_status(app: &App) -> PassageStatus {
    let shown = app.shown.as_ref().unwrap();
    shown.layout.entry(app.nav.current).status
}

#[test]
fn n_steps_through_divergent_passages_and_p_steps_back() {
    let mut app = app();
    assert_eq!(app.position(), Some((0, 7)));
    press(&mut app, "n");
    assert_eq!(
        app.position(),
        Some((2, 7)),
        "skips the boilerplate and the same passage"
    );
    assert_eq!(current_status(&app), PassageStatus::Changed);
    press(&mut app, "nn");
    assert_eq!(app.position(), Some((4, 7)));
    press(&mut app, "p");
    assert_eq!(app.position(), Some((3, 7)));
    press(&mut app, "]]]]");
    assert_eq!(app.notice(), Some(&Notice::NoChangeBelow));
}

#[test]
fn tab_and_shift_tab_cycle_the_compared_version_around_the_base() {
    let mut app = app();
    assert_eq!(app.pair().compared, VersionId(1));
    press(&mut app, "<Tab>");
    assert_eq!(app.pair().compared, VersionId(2));
    press(&mut app, "<Tab>");
    assert_eq!(app.pair().compared, VersionId(1));
    press(&mut app, "<S-Tab>");
    assert_eq!(app.pair().compared, VersionId(2));
}

#[test]
fn digits_pick_the_compared_version_but_not_the_base() {
    let mut app = app();
    press(&mut app, "2");
    assert_eq!(app.pair().compared, VersionId(2));
    press(&mut app, "0");
    assert_eq!(app.pair().compared, VersionId(2));
    assert_eq!(app.notice(), Some(&Notice::IsBase(VersionId(0))));
    press(&mut app, "7");
    assert_eq!(app.notice(), Some(&Notice::NoSuchVersion(VersionId(7))));
}

#[test]
fn b_makes_the_compared_version_the_base() {
    let mut app = app();
    press(&mut app, "2b");
    assert_eq!(app.pair().base, VersionId(2));
    assert_eq!(app.pair().compared, VersionId(0));
    assert_eq!(app.shown.as_ref().unwrap().comparison.base, VersionId(2));
}

#[test]
fn search_highlights_hits_and_dot_comma_step_through_them() {
    let mut app = app();
    press(&mut app, "/donahue");
    assert!(matches!(app.mode(), Mode::Search { .. }));
    let search = app.search().unwrap();
    // Base has Donahue, v1 has Donohue: one hit, in the base pane.
    assert_eq!(search.hits.len(), 1);
    assert_eq!(search.hits[0].side, Side::Base);
    press(&mut app, "<BS><BS><BS><BS>");
    assert_eq!(app.search().unwrap().query, "don");
    assert_eq!(app.search().unwrap().hits.len(), 2);
    press(&mut app, "<Enter>");
    assert_eq!(app.mode(), &Mode::Browse);
    assert_eq!(app.search().unwrap().current, Some(0));
    press(&mut app, ".");
    assert_eq!(app.search().unwrap().current, Some(1));
    press(&mut app, ".");
    assert_eq!(app.search().unwrap().current, Some(0));
    assert_eq!(app.notice(), Some(&Notice::Wrapped));
    press(&mut app, ",");
    assert_eq!(app.search().unwrap().current, Some(1));
}

#[test]
fn esc_cancels_a_search_and_returns_to_where_it_started() {
    let mut app = app();
    press(&mut app, "G");
    let before = app.nav;
    press(&mut app, "/senior");
    assert_ne!(app.nav, before, "the first hit is at the top");
    press(&mut app, "<Esc>");
    assert_eq!(app.nav, before);
    assert_eq!(app.search(), None);
    assert_eq!(app.mode(), &Mode::Browse);
}

#[test]
fn esc_clears_search_highlights_and_never_quits() {
    let mut app = app();
    press(&mut app, "/kyiv<Enter>");
    press(&mut app, "<Esc>");
    assert_eq!(app.search(), None);
    assert_eq!(app.flow(), &Flow::Running);
    press(&mut app, "<Esc><Esc>");
    assert_eq!(app.flow(), &Flow::Running);
    assert_eq!(app.notice(), Some(&Notice::EscapeDoesNotQuit));
    press(&mut app, "q");
    assert_eq!(app.flow(), &Flow::Quit);
}

#[test]
fn letters_typed_into_a_search_do_not_act_but_ctrl_c_quits() {
    let mut app = app();
    press(&mut app, "/qnbz");
    assert_eq!(app.flow(), &Flow::Running);
    assert_eq!(app.pair().base, VersionId(0));
    press(&mut app, "<C-c>");
    assert_eq!(app.flow(), &Flow::Quit);
}

#[test]
fn z_folds_same_passages_and_keeps_the_current_passage() {
    let mut app = app();
    press(&mut app, "n");
    let folds = |app: &App| {
        let layout = &app.shown.as_ref().unwrap().layout;
        (0..layout.row_count())
            .filter(|r| matches!(layout.row(*r).unwrap().cells[0], Cell::Fold(_)))
            .count()
    };
    let (current, _) = app.position().unwrap();
    assert_eq!(folds(&app), 0);
    press(&mut app, "z");
    assert_eq!(app.shown.as_ref().unwrap().layout.key.fold, Fold::Folded);
    // The boilerplate line and the last same passage; the same passage the moved one follows
    // stays open, as it holds the "moved here" note.
    assert_eq!(folds(&app), 2);
    assert_eq!(app.position().unwrap().0, current);
    press(&mut app, "z");
    assert_eq!(folds(&app), 0);
}

#[test]
fn a_search_hit_inside_a_fold_unfolds_it() {
    let mut app = app();
    press(&mut app, "z/senior<Enter>");
    assert_eq!(app.pair().fold, Fold::Open);
}

#[test]
fn resizing_rewraps_and_keeps_the_current_passage() {
    let mut app = app();
    press(&mut app, "nn");
    let passage = app.position().unwrap().0;
    let wide = app.shown.as_ref().unwrap().layout.key.width;
    app.update(Action::Resize {
        width: 60,
        height: 20,
    });
    let narrow = app.shown.as_ref().unwrap().layout.key.width;
    assert!(narrow < wide);
    assert_eq!(app.position().unwrap().0, passage);
    app.update(Action::Resize {
        width: 30,
        height: 8,
    });
    assert!(app.screen.areas().is_none());
    app.update(Action::Resize {
        width: 100,
        height: 30,
    });
    assert!(app.screen.areas().is_some());
    assert_eq!(app.position().unwrap().0, passage);
}

#[test]
fn enter_on_a_moved_passage_goes_where_it_went_and_back() {
    let mut app = app();
    let moved = app
        .shown
        .as_ref()
        .unwrap()
        .layout
        .entries
        .iter()
        .position(|e| e.status == PassageStatus::Moved);
    let moved = EntryIx(moved.unwrap());
    let height = app.height();
    let shown = app.shown.as_ref().unwrap();
    app.nav.select(&shown.layout, height, moved);
    press(&mut app, "<Enter>");
    assert_eq!(app.nav.current, EntryIx(1));
    press(&mut app, "<Enter>");
    assert_eq!(app.nav.current, moved);
    press(&mut app, "g<Enter>");
    assert_eq!(app.notice(), Some(&Notice::NotAMove));
}

#[test]
fn the_presence_view_opens_on_the_current_passage_and_enter_jumps() {
    let mut app = app();
    press(&mut app, "nv");
    assert_eq!(
        app.mode(),
        &Mode::Presence(ListState {
            selected: 2,
            top: 0
        })
    );
    press(&mut app, "jj<Enter>");
    assert_eq!(app.mode(), &Mode::Browse);
    assert_eq!(app.position().unwrap().0, 4);
}

#[test]
fn jumping_to_a_passage_the_pair_lacks_switches_to_a_version_that_has_it() {
    let mut app = app();
    press(&mut app, "2v");
    // Passage 4 is only in v1; comparing v0 with v2 does not show it.
    let Mode::Presence(mut state) = app.mode().clone() else {
        panic!()
    };
    state.selected = 4;
    app.mode = Mode::Presence(state);
    press(&mut app, "<Enter>");
    assert_eq!(app.pair().compared, VersionId(1));
    assert_eq!(
        app.shown
            .as_ref()
            .unwrap()
            .layout
            .entry(app.nav.current)
            .passage,
        4
    );
}

#[test]
fn help_opens_over_the_panes_and_closes_again() {
    let mut app = app();
    press(&mut app, "?");
    assert!(matches!(
        app.mode(),
        Mode::Help {
            under: Underlay::Browse,
            ..
        }
    ));
    press(&mut app, "n");
    assert!(
        matches!(app.mode(), Mode::Help { .. }),
        "keys of the panes do not act under help"
    );
    press(&mut app, "?");
    assert_eq!(app.mode(), &Mode::Browse);
}

#[test]
fn i_cycles_the_ignore_options() {
    let mut app = app();
    press(&mut app, "i");
    assert_eq!(
        app.pair().ignore,
        IgnoreOptions {
            quotes: true,
            ..IgnoreOptions::default()
        }
    );
    press(&mut app, "iii");
    assert_eq!(app.pair().ignore, IgnoreOptions::default());
}

#[test]
fn a_click_selects_the_passage_under_the_pointer() {
    let mut app = app();
    let areas = *app.screen.areas().unwrap();
    let shown = app.shown.as_ref().unwrap();
    let target = shown.layout.rows_of(EntryIx(3)).start as u16;
    app.update(Action::Click {
        column: areas.panes[1].x + 5,
        row: areas.panes[1].y + target,
    });
    assert_eq!(app.position().unwrap().0, 3);
}

#[test]
fn the_wheel_scrolls_and_drags_the_current_passage_along() {
    let mut app = App::from_comparison(fixture::story());
    app.update(Action::Resize {
        width: 60,
        height: 12,
    });
    app.update(Action::Wheel(Direction::Forward));
    assert_eq!(app.top(), 3);
    let shown = app.shown.as_ref().unwrap();
    assert!(shown.layout.rows_of(app.nav.current).end > app.top());
}

#[test]
fn q_quits() {
    let mut app = app();
    press(&mut app, "q");
    assert_eq!(app.flow(), &Flow::Quit);
}

#[test]
fn help_scrolls_no_further_than_its_last_line() {
    let mut app = App::from_comparison(fixture::story());
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    press(&mut app, "?");
    press(&mut app, &"j".repeat(200));
    let Mode::Help { scroll: max, .. } = *app.mode() else {
        panic!("help closed")
    };
    assert!(max > 0 && max < 200, "{max}");
    press(&mut app, "k");
    assert!(matches!(app.mode(), Mode::Help { scroll, .. } if *scroll == max - 1));
}

#[test]
fn a_pasted_flood_stops_at_the_query_bound_and_stays_responsive() {
    let mut app = app();
    press(&mut app, "/");
    let started = std::time::Instant::now();
    for _ in 0..20_000 {
        app.update(Action::SearchType('x'));
    }
    let query = &app.search().unwrap().query;
    assert_eq!(query.chars().count(), crate::app::search::MAX_QUERY_CHARS);
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    // Keys still act: Backspace edits the query, Esc leaves the search.
    press(&mut app, "<BS><Esc>");
    assert_eq!(app.mode(), &Mode::Browse);
}
