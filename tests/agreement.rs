//! One passage, one set of figures: for the same passage the printers (inline, side-by-side),
//! the viewer's status line and the HTML report show the same number (`passage 9/47`), status,
//! percentage and `weak` mark, because they all read them from `storydiff::present`.

use std::process::Command;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use storydiff::app::{self, Action, App, Place};
use storydiff::load::{bundled_seeds, load_version};
use storydiff::{CompareOptions, VersionId};

const SEEDS: [&str; 2] = [
    "seeds/000_cda56540cce722a2.txt",
    "seeds/004_681fb66bd525be80.txt",
];

/// The binary's output for a format, on the two seeds.
fn printed(format: &str) -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    let output = Command::new(env!("CARGO_BIN_EXE_storydiff"))
        .current_dir(root)
        .args(["--format", format, "--width", "160"])
        .args(SEEDS)
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    String::from_utf8(output.stdout).unwrap()
}

/// The viewer's status line after pressing `n` some times.
fn status_lines(steps: usize) -> Vec<String> {
    let options = CompareOptions::default();
    let seeds = bundled_seeds();
    let versions = [0, 4]
        .iter()
        .enumerate()
        .map(|(i, &s)| load_version(VersionId(i), seeds[s].clone(), &options).unwrap())
        .collect();
    let mut app = App::new(versions, options, Place::Inline);
    app.update(Action::Resize {
        width: 160,
        height: 40,
    });
    let mut lines = Vec::new();
    for _ in 0..steps {
        let event = Event::Key(KeyEvent::new(KeyCode::Char('n'), KeyModifiers::NONE));
        if let Some(action) = app.action_for_event(&event) {
            app.update(action);
        }
        let mut terminal = Terminal::new(TestBackend::new(160, 40)).unwrap();
        terminal.draw(|frame| app::draw(&app, frame)).unwrap();
        let screen = terminal.backend().to_string();
        let line = screen
            .lines()
            .find(|l| l.contains("│ passage "))
            .expect("a status line")
            .to_string();
        lines.push(line);
    }
    lines
}

/// `passage 9/47 · changed · 45% · weak` from `… │ passage 9/47 │ changed 45% weak │ …`.
fn figures(status_line: &str) -> String {
    let at = status_line.find("│ passage ").unwrap() + "│ ".len();
    let mut parts = status_line[at..].split('│').map(str::trim);
    let number = parts.next().unwrap();
    let status = parts
        .next()
        .unwrap()
        .split(' ')
        .collect::<Vec<_>>()
        .join(" · ");
    format!("{number} · {status}")
}

#[test]
fn printers_viewer_and_report_agree_on_each_passages_number_status_percent_and_weakness() {
    let inline = printed("inline");
    let side_by_side = printed("side-by-side");
    let html = printed("html");
    let lines = status_lines(12);
    let mut with_percent = 0;
    for line in &lines {
        let figures = figures(line);
        with_percent += usize::from(figures.contains('%'));
        // Headers go on with the places: `── passage 9/47 · changed · 45% · 000 ¶5 ↔ 004 ¶8`.
        let header = format!("── {figures} · ");
        assert!(inline.contains(&header), "inline lacks {header:?}");
        assert!(
            side_by_side.contains(&header),
            "side-by-side lacks {header:?}"
        );
        assert!(
            html.contains(&format!(">{figures} · ")),
            "the report lacks {figures:?}"
        );
    }
    assert!(
        with_percent >= 3,
        "too few changed passages checked: {lines:#?}"
    );
}
