//! One passage, one set of figures: for the same passage the printers (inline, side-by-side),
//! the viewer's status line and the HTML report show the same number (`passage 9/47`), status,
//! percentage and `weak` mark; the facts printer, the viewer's facts panel and the report list
//! the same facts in the same order with the same passage numbers and statuses; and every front
//! end names the versions by the same labels — because they all read them from
//! `storydiff::present`.

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

/// The viewer on the two seeds, at `width` × `height`.
fn viewer(width: u16, height: u16) -> App {
    let options = CompareOptions::default();
    let seeds = bundled_seeds();
    let versions = [0, 4]
        .iter()
        .enumerate()
        .map(|(i, &s)| load_version(VersionId(i), seeds[s].clone(), &options).unwrap())
        .collect();
    let mut app = App::new(versions, options, Place::Inline);
    app.update(Action::Resize { width, height });
    app
}

/// Presses a key (a character) in the viewer.
fn press(app: &mut App, key: char) {
    let event = Event::Key(KeyEvent::new(KeyCode::Char(key), KeyModifiers::NONE));
    if let Some(action) = app.action_for_event(&event) {
        app.update(action);
    }
}

/// The viewer's screen.
fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| app::draw(app, frame)).unwrap();
    terminal.backend().to_string()
}

/// The viewer's status line after pressing `n` some times.
fn status_lines(steps: usize) -> Vec<String> {
    let mut app = viewer(160, 40);
    (0..steps)
        .map(|_| {
            press(&mut app, 'n');
            screen(&app, 160, 40)
                .lines()
                .find(|l| l.contains("│ passage "))
                .expect("a status line")
                .to_string()
        })
        .collect()
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

/// The viewer's screen after pressing some keys on the two seeds.
fn viewer_screen(keys: &str) -> String {
    let mut app = viewer(160, 48);
    keys.chars().for_each(|c| press(&mut app, c));
    screen(&app, 160, 48)
}

/// The facts panel's rows as `[passage, kind, status]`, read from its columns:
/// `▌    28  name     spelling  Gen. …` (status may be two words: `left out`).
fn panel_rows(screen: &str) -> Vec<[String; 3]> {
    screen
        .lines()
        .skip(2)
        .take_while(|l| !l.contains("── selected fact"))
        .map(|l| {
            let chars: Vec<char> = l.trim_start_matches('"').chars().collect();
            let column = |r: std::ops::Range<usize>| -> String {
                chars[r.start.min(chars.len())..r.end.min(chars.len())]
                    .iter()
                    .collect::<String>()
                    .trim()
                    .to_string()
            };
            [column(1..7), column(9..18), column(18..28)]
        })
        .filter(|row| !row[0].is_empty())
        .collect()
}

/// A printed line with its whitespace runs as single spaces.
fn collapsed(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_facts_table_has_the_same_rows_numbers_and_statuses_in_print_viewer_and_report() {
    let printed = printed("facts");
    let html = printed_html();
    let rows = panel_rows(&viewer_screen("f"));
    assert!(rows.len() >= 10, "too few facts rows: {rows:?}");
    let total = html
        .split("passage 1/")
        .nth(1)
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .expect("a passage count in the report")
        .to_string();
    let leads: Vec<String> = rows.iter().map(|r| format!("{} ", r.join(" "))).collect();
    for ([number, kind, status], lead) in rows.iter().zip(&leads) {
        assert!(
            printed.lines().any(|l| collapsed(l).starts_with(lead)),
            "the facts printout lacks {lead:?}:\n{printed}"
        );
        let cells = format!(">passage {number}/{total}</a></td><td>{kind}</td><td>{status}</td>");
        assert!(html.contains(&cells), "the report lacks {cells:?}");
    }
    // In the same order: one table, sorted once.
    let in_print: Vec<&String> = printed
        .lines()
        .filter_map(|l| {
            let line = collapsed(l);
            leads.iter().find(|lead| line.starts_with(lead.as_str()))
        })
        .collect();
    assert_eq!(
        in_print[..leads.len()],
        leads.iter().collect::<Vec<_>>()[..]
    );
}

#[test]
fn every_front_end_names_the_versions_by_the_same_labels() {
    // The seeds' file names start with 000 and 004: that is what each front end calls them.
    let inline = printed("inline");
    let facts = printed("facts");
    let html = printed_html();
    let viewer = viewer_screen("");
    for label in ["000", "004"] {
        let legend = format!("{label} = seeds/{label}_");
        assert!(inline.contains(&legend), "inline lacks {legend:?}");
        assert!(facts.contains(&legend), "facts lack {legend:?}");
        assert!(
            html.contains(&format!("<dt>{label}</dt>")),
            "the report lacks {label}"
        );
    }
    assert!(viewer.contains(" 000 ⇄ 004 "), "{viewer}");
    assert!(
        viewer.contains(" 004 004_681fb66bd525be80.txt · compared"),
        "{viewer}"
    );
    // The facts table names a deviating version the same way in the viewer and the report.
    let panel = viewer_screen("f");
    assert!(panel.contains("004 Gen Chris Donohue"), "{panel}");
    assert!(html.contains("004 </span>"), "the report's facts name 004");
}

/// The report, as the binary writes it.
fn printed_html() -> String {
    printed("html")
}
