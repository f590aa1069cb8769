//! Issue 11 end to end: the keys people expect at 80×24 (Esc does not quit, `:N`, Ctrl-D,
//! `y` through OSC 52 into tmux's buffer, a hint for an unknown key, Ctrl-Z and `fg`), the
//! pager for printed output, and the width of piped output from the controlling terminal.

use std::path::Path;

use unicode_width::UnicodeWidthStr;

use super::{Tmux, counter, serial, tmux_installed};

const SEEDS: &str = "seeds/000_cda56540cce722a2.txt seeds/002_79408d01903fe501.txt";

/// A tmux terminal in the crate root, with none of the caller's pager settings.
fn terminal(width: u16, height: u16) -> Option<Tmux> {
    if !tmux_installed() {
        eprintln!("skipped: tmux is not installed (CI installs it with apt-get install -y tmux)");
        return None;
    }
    let tmux = Tmux::start(width, height).expect("starting tmux");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    tmux.line(&format!(
        "cd '{}' && unset PAGER LESS STORYDIFF_PAGER COLUMNS; export XDG_CONFIG_HOME=/nonexistent",
        root.display()
    ));
    Some(tmux)
}

fn last_line(screen: &str) -> &str {
    screen.trim_end().lines().last().unwrap_or("")
}

#[test]
fn viewer_keys_at_80_by_24_esc_goto_copy_hint_and_suspend() {
    let _serial = serial();
    let Some(tmux) = terminal(80, 24) else { return };
    // tmux keeps what a program copies with OSC 52 in its paste buffer.
    tmux.run(&["set-option", "-g", "set-clipboard", "on"]);
    tmux.line(&format!("'{}' {SEEDS}", env!("CARGO_BIN_EXE_storydiff")));
    let first = tmux.wait_for("the panes", |s| counter(s).is_some());
    let hints = last_line(&first);
    assert!(
        hints.contains("? help") && hints.contains("q quit"),
        "{first}"
    );

    tmux.keys("Escape");
    let esc = tmux.wait_for("the Esc message", |s| s.contains("nothing to close"));
    assert!(counter(&esc).is_some(), "Esc does not quit:\n{esc}");

    tmux.keys(":");
    tmux.keys("7");
    tmux.keys("Enter");
    tmux.wait_for(":7 to go to passage 7", |s| {
        counter(s).is_some_and(|(i, _)| i == 7)
    });

    tmux.keys("x");
    let hint = tmux.wait_for("the unknown-key hint", |s| s.contains("does nothing here"));
    assert_eq!(
        counter(&hint).map(|(i, _)| i),
        Some(7),
        "the message leaves the passage number in view:\n{hint}"
    );

    // Ctrl-D scrolls: the first row of the panes changes.
    let top_row = |s: &str| s.lines().nth(1).unwrap_or("").to_string();
    let before = top_row(&tmux.screen());
    tmux.keys("C-d");
    tmux.wait_for("Ctrl-D to scroll", |s| top_row(s) != before);

    tmux.keys("y");
    tmux.wait_for("the copy message", |s| s.contains("copied passage"));
    let buffer = String::from_utf8_lossy(&tmux.run(&["show-buffer"]).stdout).into_owned();
    assert!(
        buffer.contains("000 seeds/000_cda56540cce722a2.txt:")
            && buffer.contains("002 seeds/002_79408d01903fe501.txt:"),
        "both sides on the clipboard:\n{buffer}"
    );

    tmux.keys("C-z");
    tmux.wait_for("the shell after Ctrl-Z", |s| counter(s).is_none());
    tmux.line("fg");
    tmux.wait_for("the viewer after fg", |s| counter(s).is_some());

    tmux.keys("q");
    tmux.wait_for("the shell", |s| counter(s).is_none());
    tmux.line("stty -a; echo stty-done");
    let stty = tmux.wait_for("stty", |s| s.lines().any(|l| l.trim() == "stty-done"));
    let words: Vec<&str> = stty.split_whitespace().collect();
    assert!(
        words.contains(&"icanon") && words.contains(&"echo"),
        "{stty}"
    );
}

#[test]
fn printed_output_on_a_terminal_is_paged_with_less_r() {
    let _serial = serial();
    let Some(tmux) = terminal(100, 30) else {
        return;
    };
    tmux.line(&format!(
        "'{}' -p {SEEDS}; echo pager-done",
        env!("CARGO_BIN_EXE_storydiff")
    ));
    let paged = tmux.wait_for("less", |s| {
        s.contains("000 = seeds/000_cda56540cce722a2.txt")
    });
    // The first page stays, and less waits (the output is longer than a screen).
    assert!(!paged.contains("pager-done"), "{paged}");
    assert!(!paged.contains("ESC["), "less -R passes colours:\n{paged}");
    tmux.keys("q");
    tmux.wait_for("the shell", |s| s.contains("pager-done"));
}

#[test]
fn piped_output_takes_the_width_of_the_controlling_terminal() {
    let _serial = serial();
    let Some(tmux) = terminal(120, 30) else {
        return;
    };
    let out = std::env::temp_dir().join(format!("storydiff-width-{}.txt", std::process::id()));
    tmux.line(&format!(
        "'{}' -f side-by-side {SEEDS} | cat > '{}'; echo width-done",
        env!("CARGO_BIN_EXE_storydiff"),
        out.display()
    ));
    tmux.wait_for("the printout", |s| {
        s.lines().any(|l| l.trim() == "width-done")
    });
    let text = std::fs::read_to_string(&out).expect("the printout");
    let _ = std::fs::remove_file(&out);
    let widest = text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0);
    assert!(
        (100..=120).contains(&widest),
        "side-by-side fills the 120-column terminal, not 160: {widest}"
    );
}
