use clap::CommandFactory;

use super::*;

fn options(args: &[&str], env: &Env) -> Options {
    let command_line = std::iter::once("storydiff").chain(args.iter().copied());
    Args::try_parse_from(command_line)
        .unwrap()
        .into_options(env)
}

fn tty() -> Env {
    Env {
        stdout_is_terminal: true,
        columns: Some(120),
        ..Env::default()
    }
}

#[test]
fn verify_cli() {
    Args::command().debug_assert();
}

#[test]
fn no_files_means_the_bundled_story_and_dash_is_a_file_argument() {
    assert_eq!(options(&[], &Env::default()).inputs, Inputs::Bundled);
    let given = options(&["a.txt", "-"], &Env::default()).inputs;
    assert_eq!(given, Inputs::Files(vec!["a.txt".into(), "-".into()]));
}

#[test]
fn a_terminal_gets_the_viewer_unless_print_or_a_format_is_asked_for() {
    assert_eq!(options(&[], &tty()).output, Output::Viewer);
    assert_eq!(options(&["-p"], &tty()).output, Output::Print);
    assert_eq!(options(&["--format", "stat"], &tty()).output, Output::Print);
    assert_eq!(options(&[], &Env::default()).output, Output::Print);
}

#[test]
fn colour_auto_follows_the_terminal_and_no_color() {
    assert_eq!(options(&[], &tty()).print.styling, Styling::Color);
    assert_eq!(options(&[], &Env::default()).print.styling, Styling::Plain);
    let no_color = Env {
        no_color: true,
        ..tty()
    };
    assert_eq!(options(&[], &no_color).print.styling, Styling::Plain);
    let dumb = Env {
        dumb: true,
        ..tty()
    };
    assert_eq!(options(&[], &dumb).print.styling, Styling::Plain);
}

#[test]
fn colour_always_and_never_override_the_environment_but_json_is_never_coloured() {
    let no_color = Env {
        no_color: true,
        ..Env::default()
    };
    assert_eq!(
        options(&["--color", "always"], &no_color).print.styling,
        Styling::Color
    );
    assert_eq!(
        options(&["--color", "never"], &tty()).print.styling,
        Styling::Plain
    );
    let json = options(&["--color", "always", "--format", "json"], &tty());
    assert_eq!(json.print.styling, Styling::Plain);
}

#[test]
fn width_comes_from_the_flag_then_the_terminal_then_columns_then_160() {
    assert_eq!(options(&["--width", "60"], &tty()).print.width, 60);
    assert_eq!(options(&[], &tty()).print.width, 120);
    let columns = Env {
        columns_var: Some(90),
        ..Env::default()
    };
    assert_eq!(options(&[], &columns).print.width, 90);
    assert_eq!(options(&[], &Env::default()).print.width, 160);
}

#[test]
fn a_width_below_the_minimum_is_rejected() {
    assert!(Args::try_parse_from(["storydiff", "--width", "10"]).is_err());
}

#[test]
fn context_defaults_to_zero_and_to_three_for_unified() {
    assert_eq!(options(&[], &tty()).print.context, 0);
    assert_eq!(options(&["-f", "unified"], &tty()).print.context, 3);
    assert_eq!(
        options(&["-f", "unified", "-C", "1"], &tty()).print.context,
        1
    );
}

#[test]
fn flags_map_onto_compare_options() {
    let args = [
        "--base",
        "2",
        "--ignore-case",
        "--ignore-punctuation",
        "--ignore-quotes",
        "--no-repair",
        "--keep-boilerplate",
        "--text",
    ];
    let compare = options(&args, &tty()).compare;
    let expected = CompareOptions {
        base: 2,
        ignore: IgnoreOptions {
            case: true,
            punctuation: true,
            quotes: true,
        },
        repair_mojibake: false,
        keep_boilerplate: true,
        force_text: true,
    };
    assert_eq!(compare, expected);
    assert_eq!(options(&[], &tty()).compare, CompareOptions::default());
}

#[test]
fn all_lists_every_fact_and_only_json_and_facts_need_the_analysis() {
    let facts = options(&["-f", "facts"], &tty()).print;
    assert_eq!(
        (facts.format, facts.facts),
        (Format::Facts, FactRows::Divergent)
    );
    assert_eq!(
        options(&["-f", "facts", "--all"], &tty()).print.facts,
        FactRows::All
    );
    assert!(facts.format.shows_facts());
    assert!(options(&["-f", "json"], &tty()).print.format.shows_facts());
    for format in ["inline", "side-by-side", "unified", "stat"] {
        assert!(!options(&["-f", format], &tty()).print.format.shows_facts());
    }
}
