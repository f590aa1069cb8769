//! End to end: the real binary in a real terminal (tmux, 160×48). Starts the viewer on two
//! seeds, reads the screen with `capture-pane`, steps with `n`, quits with `q`, and checks the
//! shell's terminal is back in cooked mode; opens the facts panel, jumps to the Donahue/Donohue
//! drift and reads the underline in the terminal's own escape sequences. Skipped (with a message) when tmux is not installed;
//! CI installs it.

#[path = "tmux/workflow.rs"]
mod workflow;

use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// A tmux server of our own (its own socket), killed when dropped.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(width: u16, height: u16) -> Option<Self> {
        // One server per test: tests run in parallel in one process.
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::SeqCst);
        let socket = format!("storydiff-test-{}-{n}", std::process::id());
        let tmux = Self { socket };
        let size = [width.to_string(), height.to_string()];
        let started = tmux.run(&[
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            &size[0],
            "-y",
            &size[1],
            "sh",
        ]);
        started.status.success().then_some(tmux)
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .env_remove("TMUX")
            .output()
            .expect("running tmux")
    }

    /// Types text (literally) followed by Enter.
    fn line(&self, text: &str) {
        self.run(&["send-keys", "-t", "t", "-l", text]);
        self.run(&["send-keys", "-t", "t", "Enter"]);
    }

    fn keys(&self, keys: &str) {
        self.run(&["send-keys", "-t", "t", keys]);
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    /// Waits until the screen satisfies `ready`, and returns it.
    fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(120);
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}

/// The tmux tests run one at a time: three viewers aligning and analysing at once on a small
/// machine make the timing of each other's screens needlessly tight.
fn serial() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn tmux_installed() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The passage counter of the status line: "passage 3/41" → (3, 41).
fn counter(screen: &str) -> Option<(usize, usize)> {
    let at = screen.find("│ passage ")? + "│ passage ".len();
    let rest = &screen[at..];
    let end = rest.find(' ')?;
    let (i, n) = rest[..end].split_once('/')?;
    Some((i.parse().ok()?, n.parse().ok()?))
}

#[test]
fn viewer_pairs_panes_steps_with_n_and_restores_the_terminal_on_q() {
    let _serial = serial();
    if !tmux_installed() {
        eprintln!("skipped: tmux is not installed (CI installs it with apt-get install -y tmux)");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds = [
        "seeds/000_cda56540cce722a2.txt",
        "seeds/002_79408d01903fe501.txt",
    ];
    let tmux = Tmux::start(160, 48).expect("starting tmux");
    tmux.line(&format!(
        "cd '{}' && '{}' {} {}",
        root.display(),
        env!("CARGO_BIN_EXE_storydiff"),
        seeds[0],
        seeds[1]
    ));

    let first = tmux.wait_for("the panes", |s| counter(s).is_some());
    let title = first
        .lines()
        .find(|l| l.contains("000_cda56540cce722a2.txt"))
        .expect("a title line");
    assert!(
        title.contains("002_79408d01903fe501.txt"),
        "both titles on one line:\n{first}"
    );
    let body_rows = first.lines().filter(|l| l.contains('│')).count();
    assert!(
        body_rows > 40,
        "the panes are divided on every body row:\n{first}"
    );
    // Paired: a passage's status symbol stands in both gutters on the same row.
    let mut paired = 0;
    for line in first
        .lines()
        .filter(|l| l.contains('│') && !l.contains(" ⇄ "))
    {
        let chars: Vec<char> = line.chars().collect();
        let column = chars.iter().position(|c| *c == '│').unwrap();
        let (left, right) = (chars.get(1), chars.get(column + 2));
        assert_eq!(left, right, "unpaired row:\n{line}\n{first}");
        paired += usize::from(left.is_some_and(|c| "~+−↷".contains(*c)));
    }
    assert!(
        paired >= 3,
        "passages start on the same row in both panes:\n{first}"
    );
    let (start, total) = counter(&first).unwrap();
    assert_eq!(start, 1);
    assert!(total > 10, "{first}");

    tmux.keys("n");
    let stepped = tmux.wait_for("n to move", |s| counter(s).is_some_and(|(i, _)| i > start));
    let (after, _) = counter(&stepped).unwrap();
    assert!(after > start);

    tmux.keys("q");
    tmux.wait_for("the shell", |s| counter(s).is_none());
    tmux.line("stty -a; echo stty-done");
    let stty = tmux.wait_for("stty", |s| s.lines().any(|l| l.trim() == "stty-done"));
    let words: Vec<&str> = stty.split_whitespace().collect();
    for mode in ["icanon", "echo", "isig"] {
        assert!(words.contains(&mode), "{mode} is on again:\n{stty}");
        assert!(
            !words.contains(&format!("-{mode}").as_str()),
            "-{mode}:\n{stty}"
        );
    }
}

#[test]
fn viewer_exits_when_its_terminal_hangs_up() {
    let _serial = serial();
    if !tmux_installed() {
        eprintln!("skipped: tmux is not installed (CI installs it with apt-get install -y tmux)");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let pid_file =
        std::env::temp_dir().join(format!("storydiff-hangup-{}.pid", std::process::id()));
    let tmux = Tmux::start(120, 40).expect("starting tmux");
    tmux.line(&format!(
        "cd '{}' && echo $$ > '{}' && exec '{}'",
        root.display(),
        pid_file.display(),
        env!("CARGO_BIN_EXE_storydiff"),
    ));
    tmux.wait_for("the panes", |s| counter(s).is_some());
    let pid = std::fs::read_to_string(&pid_file).expect("pid file");
    let proc_dir = Path::new("/proc").join(pid.trim());
    assert!(proc_dir.exists(), "viewer running");
    // Closing the terminal sends SIGHUP; a viewer that kept polling a dead tty would spin on.
    tmux.run(&["kill-server"]);
    let deadline = Instant::now() + Duration::from_secs(15);
    while proc_dir.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = std::fs::remove_file(&pid_file);
    let state = std::fs::read_to_string(proc_dir.join("stat")).unwrap_or_default();
    assert!(
        !proc_dir.exists() || state.split_whitespace().nth(2) == Some("Z"),
        "the viewer still runs after its terminal hung up: {state}"
    );
}

/// Whether the first occurrence of `word` in a `capture-pane -e` screen is underlined: follows
/// the SGR sequences up to it (4 on, 24 and 0 off; 38/48/58 colour arguments skipped).
fn underlined(screen: &str, word: &str) -> Option<bool> {
    let at = screen.find(word)?;
    let mut on = false;
    let mut rest = &screen[..at];
    while let Some(start) = rest.find("\x1b[") {
        let after = &rest[start + 2..];
        let Some(end) = after.find(|c: char| !(c.is_ascii_digit() || c == ';' || c == ':')) else {
            break;
        };
        if after[end..].starts_with('m') {
            let params: Vec<&str> = after[..end].split(';').collect();
            let mut i = 0;
            while i < params.len() {
                match params[i] {
                    "" | "0" | "24" => on = false,
                    "4" => on = true,
                    "38" | "48" | "58" => {
                        i += if params.get(i + 1) == Some(&"5") {
                            2
                        } else {
                            4
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        rest = &after[end..];
    }
    Some(on)
}

#[test]
fn facts_panel_lists_the_donahue_spelling_and_enter_shows_it_underlined() {
    let _serial = serial();
    if !tmux_installed() {
        eprintln!("skipped: tmux is not installed (CI installs it with apt-get install -y tmux)");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmux = Tmux::start(160, 48).expect("starting tmux");
    tmux.line(&format!(
        "cd '{}' && '{}' seeds/000_cda56540cce722a2.txt seeds/004_681fb66bd525be80.txt",
        root.display(),
        env!("CARGO_BIN_EXE_storydiff"),
    ));
    tmux.wait_for("the panes", |s| counter(s).is_some());

    tmux.keys("f");
    // The list and the selected fact's details can land in different frames: wait for both.
    let panel = tmux.wait_for("the facts panel", |s| {
        s.contains("Facts the versions disagree on") && s.contains("spelling change")
    });
    let first = panel
        .lines()
        .find(|l| l.contains(" spelling "))
        .expect("a name spelt otherwise");
    assert!(
        first.contains("Donahue") && first.contains("Donohue"),
        "the spelling change comes first:\n{panel}"
    );
    assert!(panel.contains("spelling change"), "{panel}");

    tmux.keys("Enter");
    tmux.wait_for("the panes again", |s| s.contains("fact differs"));
    let styled =
        String::from_utf8_lossy(&tmux.run(&["capture-pane", "-p", "-e", "-t", "t"]).stdout)
            .into_owned();
    assert_eq!(underlined(&styled, "Donohue"), Some(true), "{styled}");
    assert_eq!(underlined(&styled, "Donahue"), Some(true), "{styled}");
    assert_eq!(underlined(&styled, "Weimer"), Some(false), "{styled}");

    tmux.keys("q");
    tmux.wait_for("the shell", |s| counter(s).is_none());
}

#[test]
fn viewer_restores_the_terminal_and_exits_128_plus_the_signal_on_sigint_and_sigterm() {
    let _serial = serial();
    if !tmux_installed() {
        eprintln!("skipped: tmux is not installed (CI installs it with apt-get install -y tmux)");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (signal, code) in [("INT", 130), ("QUIT", 131), ("TERM", 143)] {
        let pid_file = std::env::temp_dir().join(format!(
            "storydiff-signal-{signal}-{}.pid",
            std::process::id()
        ));
        let tmux = Tmux::start(120, 40).expect("starting tmux");
        tmux.line(&format!(
            "cd '{}' && sh -c 'echo $$ > \"{}\"; exec \"{}\"'; echo \"exit=$?\"; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-*icanon'",
            root.display(),
            pid_file.display(),
            env!("CARGO_BIN_EXE_storydiff"),
        ));
        tmux.wait_for("the panes", |s| counter(s).is_some());
        let pid = std::fs::read_to_string(&pid_file).expect("pid file");
        let _ = std::fs::remove_file(&pid_file);
        let killed = Command::new("kill")
            .args([format!("-{signal}"), pid.trim().to_string()])
            .status()
            .expect("kill");
        assert!(killed.success());
        let screen = tmux.wait_for("the shell's stty after the signal", |s| {
            s.lines().any(|l| matches!(l.trim(), "icanon" | "-icanon"))
        });
        assert!(
            screen.contains(&format!("exit={code}")),
            "{signal}: {screen}"
        );
        let lines: Vec<&str> = screen.lines().map(str::trim).collect();
        assert!(
            lines.contains(&"icanon") && !lines.contains(&"-icanon"),
            "{signal}: terminal left raw: {screen}"
        );
        // Back from the alternate screen: the shell's command line is on screen again.
        assert!(screen.contains("stty -a"), "{signal}: {screen}");
    }
}
