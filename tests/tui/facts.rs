//! Screen tests of facts in the viewer: the facts panel, and the underlines in the panes
//! (proved on the cells' styles, not only on the text).

use insta::assert_snapshot;
use storydiff::app::{Action, App, Mode, Place};
use storydiff::load::load_version;
use storydiff::{CompareOptions, VersionId};

use super::{press, screen, terminal, viewer};

#[test]
fn facts_panel_on_five_seeds_at_120_by_40() {
    let mut app = viewer(&[0, 1, 2, 3, 4], 120, 40);
    press(&mut app, "fj");
    assert!(matches!(app.mode(), Mode::Facts(_)));
    assert_snapshot!(screen(&app, 120, 40));
}

#[test]
fn facts_panel_on_two_seeds_lists_the_donahue_spelling_first() {
    let mut app = viewer(&[0, 4], 160, 48);
    press(&mut app, "f");
    let text = screen(&app, 160, 48);
    let first = text.lines().nth(2).unwrap();
    assert!(
        first.contains("name     spelling  Gen. Chris Donahue") && first.contains("Donohue"),
        "{text}"
    );
    assert!(text.contains("spelling change"), "{text}");
    assert_snapshot!(text);
}

/// The cells of the first occurrence of `word` on screen, in the columns `columns`.
fn cells_of<'b>(
    buffer: &'b ratatui::buffer::Buffer,
    word: &str,
    columns: std::ops::Range<u16>,
) -> Vec<&'b ratatui::buffer::Cell> {
    let area = buffer.area;
    for y in 0..area.height {
        let row: String = columns
            .clone()
            .map(|x| buffer[(x, y)].symbol().to_string())
            .collect();
        if let Some(at) = row.find(word) {
            let start = columns.start + row[..at].chars().count() as u16;
            let len = word.chars().count() as u16;
            return (start..start + len).map(|x| &buffer[(x, y)]).collect();
        }
    }
    panic!("{word} not on screen");
}

#[test]
fn drifted_names_are_underlined_in_both_panes_on_the_seeds() {
    use ratatui::style::{Color, Modifier};
    let mut app = viewer(&[0, 4], 160, 48);
    // The facts panel lists drifts first: Enter goes to Donahue/Donohue. `m` first, so that
    // the status line shows the stepping mode too.
    press(&mut app, "mf<Enter>");
    let terminal = terminal(&app, 160, 48);
    let buffer = terminal.backend().buffer();
    let left = cells_of(buffer, "Donahue", 0..80);
    let right = cells_of(buffer, "Donohue", 80..160);
    for cell in left.iter().chain(&right) {
        assert!(
            cell.modifier.contains(Modifier::UNDERLINED),
            "{cell:?}\n{}",
            terminal.backend()
        );
    }
    // The compared version strays from the consensus: its reading is accented too.
    for cell in &right {
        assert_eq!(cell.fg, Color::Indexed(220), "{cell:?}");
        assert!(cell.modifier.contains(Modifier::BOLD), "{cell:?}");
    }
    assert!(left.iter().all(|c| c.fg != Color::Indexed(220)));
    assert_snapshot!(terminal.backend().to_string());
}

#[test]
fn underlines_and_their_styles_in_a_small_pair() {
    use storydiff::Input;
    let options = CompareOptions::default();
    let inputs = [
        Input::from_bytes("a.txt", "Gen Chris Donahue said the plan had 28 points.\n"),
        Input::from_bytes("b.txt", "Gen Chris Donohue said the plan had 26 points.\n"),
    ];
    let versions = inputs
        .into_iter()
        .enumerate()
        .map(|(i, input)| load_version(VersionId(i), input, &options).unwrap())
        .collect();
    let mut app = App::new(versions, options, Place::Inline);
    app.update(Action::Resize {
        width: 60,
        height: 10,
    });
    let terminal = terminal(&app, 60, 10);
    // The debug form lists every style run: UNDERLINED on both readings of the name and the
    // count, bold yellow on the compared side's.
    insta::assert_debug_snapshot!(terminal.backend().buffer());
}
