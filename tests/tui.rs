//! Screen tests of the viewer on ratatui's `TestBackend`: whole screens of the bundled seeds after
//! key sequences, as insta snapshots (text), plus checks of the styles that carry meaning.

use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use storydiff::app::{self, Action, App, Mode, Place, THEME};
use storydiff::load::{bundled_seeds, load_version};
use storydiff::{CompareOptions, VersionId};

// A crate root's `mod` looks beside it, where tests/facts.rs is another test crate.
#[path = "tui/facts.rs"]
mod facts;

/// A viewer over some of the bundled seeds (by index), computing inline, on a `width` ×
/// `height` screen.
fn viewer(seeds: &[usize], width: u16, height: u16) -> App {
    let options = CompareOptions::default();
    let all = bundled_seeds();
    let versions = seeds
        .iter()
        .enumerate()
        .map(|(i, &s)| load_version(VersionId(i), all[s].clone(), &options).unwrap())
        .collect();
    let mut app = App::new(versions, options, Place::Inline);
    app.update(Action::Resize { width, height });
    app
}

/// Presses keys: characters, or `<Enter>`, `<Esc>`, `<Tab>` for named keys.
fn press(app: &mut App, keys: &str) {
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let (code, len) = if c == '<' {
            let end = rest.find('>').unwrap();
            let code = match &rest[1..end] {
                "Enter" => KeyCode::Enter,
                "Esc" => KeyCode::Esc,
                "Tab" => KeyCode::Tab,
                other => panic!("unknown key {other}"),
            };
            (code, end + 1)
        } else {
            (KeyCode::Char(c), c.len_utf8())
        };
        let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        if let Some(action) = app.action_for_event(&event) {
            app.update(action);
        }
        rest = &rest[len..];
    }
}

/// Draws the app on a test terminal of its screen size.
fn terminal(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| app::draw(app, frame)).unwrap();
    terminal
}

/// The screen as text.
fn screen(app: &App, width: u16, height: u16) -> String {
    terminal(app, width, height).backend().to_string()
}

#[test]
fn two_seeds_at_120_by_40() {
    let app = viewer(&[0, 2], 120, 40);
    assert_snapshot!(screen(&app, 120, 40));
}

#[test]
fn five_seeds_at_120_by_40_after_stepping_to_the_second_change() {
    let mut app = viewer(&[0, 1, 2, 3, 4], 120, 40);
    press(&mut app, "nn");
    assert_snapshot!(screen(&app, 120, 40));
}

#[test]
fn five_seeds_at_200_by_50_comparing_v3() {
    let mut app = viewer(&[0, 1, 2, 3, 4], 200, 50);
    press(&mut app, "3n");
    assert_snapshot!(screen(&app, 200, 50));
}

#[test]
fn folded_same_passages_at_120_by_40() {
    let mut app = viewer(&[0, 1, 2, 3, 4], 120, 40);
    press(&mut app, "z");
    assert_snapshot!(screen(&app, 120, 40));
}

#[test]
fn help_overlay_at_120_by_40() {
    let mut app = viewer(&[0, 1, 2, 3, 4], 120, 40);
    press(&mut app, "?");
    assert_snapshot!(screen(&app, 120, 40));
}

#[test]
fn presence_view_at_120_by_40() {
    let mut app = viewer(&[0, 1, 2, 3, 4], 120, 40);
    press(&mut app, "nv");
    assert!(matches!(app.mode(), Mode::Presence(_)));
    assert_snapshot!(screen(&app, 120, 40));
}

#[test]
fn search_at_120_by_40() {
    let mut app = viewer(&[0, 1, 2, 3, 4], 120, 40);
    press(&mut app, "/kallas");
    assert_snapshot!(screen(&app, 120, 40));
}

#[test]
fn too_small_terminal_shows_a_message_and_recovers() {
    let mut app = viewer(&[0, 1], 120, 40);
    app.update(Action::Resize {
        width: 36,
        height: 9,
    });
    assert_snapshot!(screen(&app, 36, 9));
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    let recovered = screen(&app, 80, 24);
    assert!(recovered.contains("passage 1/"), "{recovered}");
}

#[test]
fn every_pane_row_starts_its_passages_on_the_same_row_on_both_sides() {
    let app = viewer(&[0, 1, 2, 3, 4], 160, 48);
    let text = screen(&app, 160, 48);
    // The status symbol of a passage's first row stands in both gutters on the same line.
    for line in text.lines().skip(2).take(40) {
        let chars: Vec<char> = line.trim_matches('"').chars().collect();
        let left = chars.get(1).copied().unwrap_or(' ');
        let divider = chars.iter().position(|c| *c == '│').unwrap();
        let right = chars.get(divider + 2).copied().unwrap_or(' ');
        assert_eq!(left, right, "{line}");
    }
}

#[test]
fn changed_words_are_highlighted_on_their_side() {
    let mut app = viewer(&[0, 1], 120, 40);
    press(&mut app, "n");
    let terminal = terminal(&app, 120, 40);
    let buffer = terminal.backend().buffer();
    let with_bg = |bg| buffer.content().iter().filter(|c| c.bg == bg).count();
    assert!(
        with_bg(THEME.deleted.bg.unwrap()) > 0,
        "deleted words in the left pane"
    );
    assert!(
        with_bg(THEME.inserted.bg.unwrap()) > 0,
        "inserted words in the right pane"
    );
    let half = 60;
    for (i, cell) in buffer.content().iter().enumerate() {
        let x = i % 120;
        if cell.bg == THEME.deleted.bg.unwrap() {
            assert!(x < half, "a deleted word in the right pane at column {x}");
        }
        if cell.bg == THEME.inserted.bg.unwrap() {
            assert!(x >= half, "an inserted word in the left pane at column {x}");
        }
    }
}

#[test]
fn control_characters_in_a_file_are_shown_as_symbols() {
    use storydiff::Input;
    let options = CompareOptions::default();
    let inputs = [
        Input::from_bytes("evil.txt", "Breaking \u{1b}[2Jnews from Kyiv.\u{7}"),
        Input::from_bytes("plain.txt", "Breaking news from Kyiv."),
    ];
    let versions = inputs
        .into_iter()
        .enumerate()
        .map(|(i, input)| load_version(VersionId(i), input, &options).unwrap())
        .collect();
    let mut app = App::new(versions, options, Place::Inline);
    app.update(Action::Resize {
        width: 80,
        height: 12,
    });
    let text = screen(&app, 80, 12);
    assert!(text.contains("␛[2Jnews"), "{text}");
    assert!(text.contains("Kyiv.␇"), "{text}");
}

/// Pseudo-prose of about `bytes` bytes, and a rewrite of it (words swapped, sentences dropped
/// and added), from a fixed-seed generator.
fn synthetic_pair(bytes: usize) -> (String, String) {
    let vocabulary: Vec<&str> = include_str!("../seeds/000_cda56540cce722a2.txt")
        .split_whitespace()
        .collect();
    let mut state: u64 = 0x5eed;
    let mut next = move |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize % n
    };
    let (mut a, mut b) = (String::new(), String::new());
    while a.len() < bytes {
        for _ in 0..2 + next(4) {
            let words: Vec<&str> = (0..8 + next(20))
                .map(|_| vocabulary[next(vocabulary.len())])
                .collect();
            let sentence = words.join(" ") + ". ";
            a.push_str(&sentence);
            match next(20) {
                0 => {}
                1 | 2 => {
                    let mut changed = words.clone();
                    changed[next(words.len())] = vocabulary[next(vocabulary.len())];
                    b.push_str(&(changed.join(" ") + ". "));
                }
                _ => b.push_str(&sentence),
            }
        }
        a.push_str("\n\n");
        b.push_str("\n\n");
    }
    (a, b)
}

/// Measures the cost of the viewer on a large input (run with
/// `cargo test --release --test tui -- --ignored --nocapture`): preparing the rows happens once,
/// a frame costs the same wherever it is in the document.
#[test]
#[ignore = "a measurement, run by hand in release mode"]
fn large_input_frames_cost_the_screen_not_the_document() {
    use std::time::Instant;
    let (a, b) = synthetic_pair(1 << 20);
    let options = CompareOptions::default();
    let versions: Vec<_> = [("a.txt", a), ("b.txt", b)]
        .into_iter()
        .enumerate()
        .map(|(i, (name, text))| {
            load_version(
                VersionId(i),
                storydiff::Input::from_bytes(name, text),
                &options,
            )
            .unwrap()
        })
        .collect();
    let started = Instant::now();
    let comparison = storydiff::compare_versions(versions, &options).unwrap();
    let compared = started.elapsed();
    // The viewer's worker analyses the facts right after aligning; measured apart here.
    let started = Instant::now();
    let facts = storydiff::facts::analyze(&comparison);
    let analysed = started.elapsed();
    let started = Instant::now();
    let mut app = App::from_comparison(comparison);
    app.update(Action::Resize {
        width: 160,
        height: 48,
    });
    let prepared = started.elapsed();
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
    let frame = |terminal: &mut Terminal<TestBackend>, app: &App| {
        let started = Instant::now();
        for _ in 0..100 {
            terminal.draw(|f| app::draw(app, f)).unwrap();
        }
        started.elapsed() / 100
    };
    let at_top = frame(&mut terminal, &app);
    press(&mut app, "G");
    let at_bottom = frame(&mut terminal, &app);
    let started = Instant::now();
    press(&mut app, "gnnnnnnnnnn");
    let steps = started.elapsed() / 10;
    let started = Instant::now();
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    let relayout = started.elapsed();
    let started = Instant::now();
    press(&mut app, "f");
    let panel = started.elapsed();
    let (_, passages) = app_position(&app);
    eprintln!(
        "1 MB pair, {passages} passages, {} facts: compare {compared:?}, analyse facts \
         {analysed:?}, first layout (analysis included) {prepared:?}, frame at top {at_top:?}, \
         at bottom {at_bottom:?}, n {steps:?}, resize relayout {relayout:?}, facts panel \
         opened {panel:?}",
        facts.facts.len()
    );
    assert!(at_bottom < at_top * 5 + std::time::Duration::from_millis(2));
}

fn app_position(app: &App) -> (usize, usize) {
    app.position().unwrap_or((0, 0))
}

/// The key table of the README, generated from the same table that drives the app.
fn key_table() -> String {
    use std::fmt::Write;
    let sections = [
        ("Reading the panes", app::Context::Browse),
        ("Typing a search (`/`)", app::Context::Search),
        ("Going to a passage (`:`)", app::Context::Goto),
        ("Presence view (`v`)", app::Context::Presence),
        ("Facts panel (`f`)", app::Context::Facts),
        ("Help (`?`)", app::Context::Help),
        ("Anywhere", app::Context::Global),
    ];
    let mut out = String::new();
    for (title, context) in sections {
        let _ = write!(out, "\n**{title}**\n\n| keys | what they do |\n|---|---|\n");
        for line in app::help_lines(context) {
            let keys: Vec<String> = line.keys.split(' ').map(|k| format!("`{k}`")).collect();
            let _ = writeln!(out, "| {} | {} |", keys.join(" "), line.help);
        }
    }
    out
}

/// The README documents every key of the viewer, straight from the key table.
#[test]
fn the_docs_list_every_key_of_the_table() {
    let root = env!("CARGO_MANIFEST_DIR");
    let docs = std::fs::read_to_string(format!("{root}/README.md")).expect("README.md");
    let table = key_table();
    assert!(
        docs.contains(&table),
        "the key table in the docs is out of date; it should read:\n{table}"
    );
}

#[test]
fn wide_and_combining_characters_keep_the_divider_in_its_column() {
    use storydiff::Input;
    let options = CompareOptions::default();
    let inputs = [
        Input::from_bytes(
            "a.txt",
            "東京で会議が開かれた。参加者は二十六人だった。👩‍👩‍👧 Café déjà vu.\n",
        ),
        Input::from_bytes(
            "b.txt",
            "東京で会議が開催された。参加者は二十八人だった。👩‍👩‍👧 Cafe\u{301} deja vu.\n",
        ),
    ];
    let versions = inputs
        .into_iter()
        .enumerate()
        .map(|(i, input)| load_version(VersionId(i), input, &options).unwrap())
        .collect();
    let mut app = App::new(versions, options, Place::Inline);
    app.update(Action::Resize {
        width: 50,
        height: 12,
    });
    let terminal = terminal(&app, 50, 12);
    let buffer = terminal.backend().buffer();
    let divider = (0..50).find(|&x| buffer[(x, 2)].symbol() == "│").unwrap();
    for y in 2..10 {
        assert_eq!(
            buffer[(divider, y)].symbol(),
            "│",
            "row {y}:\n{}",
            terminal.backend()
        );
    }
    let text = terminal.backend().to_string();
    assert!(text.contains("東京"), "{text}");
}
