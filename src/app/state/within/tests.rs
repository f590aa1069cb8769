use super::*;
use crate::app::keymap::Action;
use crate::app::state::tests::press;
use crate::model::PassageStatus;
use crate::options::CompareOptions;
use crate::{Input, compare};

/// One long passage (no sentence punctuation at all) with a changed word every 40 words, on a
/// screen far shorter than it.
fn long_passage() -> App {
    let words = |changed: bool| {
        (0..400)
            .map(|i| match (i % 40 == 20, changed) {
                (true, true) => format!("CHANGED{i}"),
                _ => format!("word{i}"),
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let inputs = vec![
        Input::from_bytes("a.txt", words(false)),
        Input::from_bytes("b.txt", words(true)),
    ];
    let comparison = compare(inputs, &CompareOptions::default()).unwrap();
    assert_eq!(comparison.passages.len(), 1, "one passage");
    let mut app = App::from_comparison(comparison);
    app.update(Action::Resize {
        width: 80,
        height: 16,
    });
    app
}

#[test]
fn n_and_p_step_through_the_word_changes_of_a_passage_taller_than_the_screen() {
    let mut app = long_passage();
    assert_eq!(
        app.shown.as_ref().unwrap().layout.entries[0].status,
        PassageStatus::Changed
    );
    let mut tops = vec![app.top()];
    loop {
        press(&mut app, "n");
        match app.notice() {
            Some(Notice::ChangeWithin { .. }) => tops.push(app.top()),
            Some(Notice::NoChangeBelow) => break,
            other => panic!("unexpected {other:?}"),
        }
        assert!(tops.len() < 50, "n must end");
    }
    assert!(tops.len() > 3, "several steps inside: {tops:?}");
    assert!(
        tops.windows(2).all(|w| w[0] < w[1]),
        "always down: {tops:?}"
    );
    press(&mut app, "p");
    assert!(matches!(app.notice(), Some(Notice::ChangeWithin { .. })));
    assert!(app.top() < *tops.last().unwrap());
}
