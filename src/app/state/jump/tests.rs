use super::super::tests::{app, press, screen};
use super::*;
use crate::app::state::Flow;

#[test]
fn colon_number_enter_goes_to_that_passage() {
    let mut app = app();
    press(&mut app, ":5");
    assert_eq!(app.mode(), &Mode::Goto { typed: "5".into() });
    press(&mut app, "<Enter>");
    // Passage 5 as the status line numbers it: the fifth passage of the comparison.
    let shown = app.shown.as_ref().unwrap();
    assert_eq!(shown.layout.entry(app.nav.current).passage, 4);
    assert_eq!(app.mode(), &Mode::Browse);
}

#[test]
fn a_passage_number_out_of_range_says_the_range_and_esc_cancels() {
    let mut app = app();
    press(&mut app, ":99<Enter>");
    assert_eq!(app.position().map(|(i, _)| i), Some(0));
    assert_eq!(
        app.notice(),
        Some(&Notice::NoSuchPassage {
            asked: Some(99),
            count: 7
        })
    );
    press(&mut app, ":3<BS>4<Esc>");
    assert_eq!(app.mode(), &Mode::Browse);
    assert_eq!(app.position().map(|(i, _)| i), Some(0));
}

#[test]
fn y_copies_both_sides_of_the_current_passage() {
    let mut app = app();
    press(&mut app, "n");
    press(&mut app, "y");
    let Some(Effect::Copy(text)) = app.take_effect() else {
        panic!("no copy");
    };
    let shown = app.shown.as_ref().unwrap();
    let passage = &shown.comparison.passages[shown.layout.entry(app.nav.current).passage];
    for version in [app.pair().base, app.pair().compared] {
        let name = &shown.comparison.version(version).name;
        assert!(
            text.contains(&format!("{} {name}:", app.labels.get(version))),
            "{text}"
        );
        if let Some(side) = shown.comparison.passage_text(passage, version) {
            assert!(text.contains(side.trim()), "{text}");
        }
    }
    // The notice numbers the passage as the headers do, not by its place in the pair's list.
    assert!(
        matches!(app.notice(), Some(Notice::Copied { passage: n, .. }) if *n == passage.index + 1),
        "{:?}",
        app.notice()
    );
    assert_eq!(app.take_effect(), None, "an effect is taken once");
}

#[test]
fn ctrl_z_asks_the_event_loop_to_suspend_and_unknown_keys_get_a_hint() {
    let mut app = app();
    press(&mut app, "<C-z>");
    assert_eq!(app.take_effect(), Some(Effect::Suspend));
    assert_eq!(app.flow(), &Flow::Running);
    press(&mut app, "x");
    assert_eq!(app.notice(), Some(&Notice::UnknownKey("x".into())));
}

#[test]
fn ctrl_d_and_ctrl_u_scroll_half_a_page() {
    let mut app = app();
    // Short enough for the story to need scrolling.
    app.update(Action::Resize {
        width: 60,
        height: 16,
    });
    let top = app.top();
    press(&mut app, "<C-d>");
    // A page is the screen less two rows of overlap.
    assert_eq!(app.top() - top, (app.height() - 2) / 2);
    press(&mut app, "<C-u>");
    assert_eq!(app.top(), top);
}

#[test]
fn notices_expire_after_a_few_seconds_without_a_key() {
    let mut app = app();
    press(&mut app, "x");
    for _ in 0..60 {
        app.update(Action::Tick);
    }
    assert_eq!(app.notice(), None);
}

#[test]
fn at_80_by_24_the_hints_keep_help_and_quit_and_a_message_keeps_the_passage_number() {
    let mut app = app();
    // A long message: what `m` says.
    press(&mut app, "m");
    let lines = screen(&mut app, 80, 24);
    let status = &lines[22];
    let hints = &lines[23];
    assert!(status.contains("passage 1/7"), "{status}");
    assert!(
        status.contains("substantive"),
        "the message shows too: {status}"
    );
    assert!(
        hints.contains("? help") && hints.contains("q quit"),
        "{hints}"
    );
    assert!(hints.contains("n next"), "{hints}");
}
