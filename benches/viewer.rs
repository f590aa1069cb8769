//! Benchmark: how the viewer feels on a book — time to the first frame that shows the
//! comparison, the time to draw a frame, and the time to answer a key (state update and redraw).
//! The work the program does in the background (the comparison, the facts, the tables of the
//! other views) is done in the background here too; the frames that take its results in are
//! timed apart ("background arrival").
//!
//! The viewer runs on ratatui's `TestBackend` (the drawing work is the same as on a terminal;
//! only the bytes to the terminal are left out), over the benchmark pairs of `benches/data/`
//! (see `benches/README.md`) or over the bundled seeds.
//!
//! ```text
//! cargo bench --bench viewer              # the 4 MB pair and the five seeds
//! cargo bench --bench viewer -- 1mb seeds # chosen inputs
//! ```
//!
//! Issue 12's goals: first frame ≤ 1 s on the 4 MB pair, any frame ≤ 5 ms, a key ≤ 16 ms.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use storydiff::app::{self, Action, App, Place};
use storydiff::load::{bundled_seeds, load_version};
use storydiff::{CompareOptions, Input, Version, VersionId};

const WIDTH: u16 = 160;
const HEIGHT: u16 = 48;
/// Each key is pressed this many times in a row (a user holding `j`, stepping with `n`).
const PRESSES: usize = 40;

/// The keys timed, with what they do: stepping, scrolling, folding, the two other views.
const KEYS: [(KeyCode, &str); 12] = [
    (KeyCode::Char('n'), "n next change"),
    (KeyCode::Char('p'), "p previous change"),
    (KeyCode::Char('j'), "j line down"),
    (KeyCode::PageDown, "PageDown"),
    (KeyCode::Char('G'), "G end"),
    (KeyCode::Char('g'), "g start"),
    (KeyCode::Char('m'), "m substantive"),
    (KeyCode::Char('z'), "z fold"),
    (KeyCode::Char('v'), "v presence (on/off)"),
    (KeyCode::Char('f'), "f facts (on/off)"),
    (KeyCode::Char('b'), "b next base"),
    (KeyCode::Char('?'), "? help (on/off)"),
];

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let inputs = if args.is_empty() {
        vec!["4mb".to_string(), "seeds".to_string()]
    } else {
        args
    };
    for input in inputs {
        let Some(versions) = versions_of(&input) else {
            eprintln!("{input}: no such input (benches/data/kjv_{input}.txt missing?); skipped");
            continue;
        };
        run(&input, versions);
    }
}

/// The versions of an input: `seeds`, or a size label of the benchmark pairs.
fn versions_of(input: &str) -> Option<Vec<Version>> {
    let options = CompareOptions::default();
    let raw: Vec<Input> = if input == "seeds" {
        bundled_seeds()
    } else {
        let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/data");
        ["kjv", "web"]
            .iter()
            .map(|t| {
                let path = data.join(format!("{t}_{input}.txt"));
                std::fs::read(&path)
                    .ok()
                    .map(|bytes| Input::from_bytes(path.display().to_string(), bytes))
            })
            .collect::<Option<_>>()?
    };
    raw.into_iter()
        .enumerate()
        .map(|(i, input)| load_version(VersionId(i), input, &options).ok())
        .collect()
}

fn run(label: &str, versions: Vec<Version>) {
    let bytes: usize = versions.iter().map(|v| v.text.len()).sum();
    println!(
        "== {label}: {} versions, {bytes} bytes, {WIDTH}×{HEIGHT}",
        versions.len()
    );
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test terminal");
    // What a user waits for, as the program does it: the comparison on the background thread
    // while the screen shows progress, then the layout of the first screen and its drawing.
    // The facts (and the tables of the other views) follow in the background.
    let started = Instant::now();
    let mut app = App::new(versions, CompareOptions::default(), Place::Background);
    app.update(Action::Resize {
        width: WIDTH,
        height: HEIGHT,
    });
    let mut arrivals = Vec::new();
    while app.position().is_none() {
        settle(&mut app, &mut terminal, &mut arrivals);
    }
    println!("first frame        {:>9}", ms(started.elapsed()));
    // The first frame may come before the word diffs; the frame that takes them in follows.
    // Meanwhile a user reads on: `j` is pressed between the waits, and timed, while the
    // background thread works on both cores.
    let mut early_keys = Vec::new();
    while app.highlights_pending() {
        early_keys.push(press(&mut app, &mut terminal, KeyCode::Char('j')));
        settle(&mut app, &mut terminal, &mut arrivals);
    }
    println!("highlights shown   {:>9}", ms(started.elapsed()));
    if !early_keys.is_empty() {
        println!("key j before them  {}", summary(&mut early_keys));
    }
    while app.is_busy() {
        settle(&mut app, &mut terminal, &mut arrivals);
    }
    println!("facts shown        {:>9}", ms(started.elapsed()));

    let mut frames: Vec<Duration> = (0..PRESSES)
        .map(|_| {
            let t = Instant::now();
            terminal
                .draw(|frame| app::draw(&app, frame))
                .expect("draws");
            t.elapsed()
        })
        .collect();
    println!("redraw             {}", summary(&mut frames));

    let mut all_keys = Vec::new();
    for (code, name) in KEYS {
        let mut times: Vec<Duration> = (0..PRESSES)
            .map(|_| {
                let elapsed = press(&mut app, &mut terminal, code);
                // A new comparison (`b` to a base not seen yet) is computed in the background,
                // as the program does; the frames that take it in are timed apart.
                while app.is_busy() {
                    settle(&mut app, &mut terminal, &mut arrivals);
                }
                elapsed
            })
            .collect();
        all_keys.extend_from_slice(&times);
        println!("key {name:<22} {}", summary(&mut times));
    }
    println!("any key            {}", summary(&mut all_keys));
    println!("background arrival {}", summary(&mut arrivals));
}

/// Presses a key and draws: the time to answer it.
fn press(app: &mut App, terminal: &mut Terminal<TestBackend>, code: KeyCode) -> Duration {
    let t = Instant::now();
    let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    if let Some(action) = app.action_for_event(&event) {
        app.update(action);
    }
    terminal.draw(|frame| app::draw(app, frame)).expect("draws");
    t.elapsed()
}

/// Waits a moment as the event loop does while the background thread works, then takes in
/// what it finished and draws; the frames that took something in are timed.
fn settle(app: &mut App, terminal: &mut Terminal<TestBackend>, arrivals: &mut Vec<Duration>) {
    std::thread::sleep(Duration::from_millis(1));
    let t = Instant::now();
    let state = |app: &App| (app.position(), app.is_busy(), app.highlights_pending());
    let before = state(app);
    app.collect();
    terminal.draw(|frame| app::draw(app, frame)).expect("draws");
    if state(app) != before {
        arrivals.push(t.elapsed());
    }
}

/// Median and maximum.
fn summary(times: &mut [Duration]) -> String {
    times.sort_unstable();
    format!(
        "median {:>9}  max {:>9}",
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1])
    )
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}
