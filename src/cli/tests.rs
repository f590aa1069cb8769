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
    // Printed on a terminal means paged (see below).
    assert_eq!(options(&["-p"], &tty()).output, Output::Paged);
    assert_eq!(options(&["--format", "stat"], &tty()).output, Output::Paged);
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

#[test]
fn a_pipe_takes_its_width_from_the_controlling_terminal_after_columns() {
    let piped = Env {
        tty_columns: Some(120),
        ..Env::default()
    };
    assert_eq!(options(&[], &piped).print.width, 120);
    let columns = Env {
        columns_var: Some(90),
        ..piped
    };
    assert_eq!(options(&[], &columns).print.width, 90);
}

#[test]
fn printed_output_is_paged_on_a_terminal_unless_told_otherwise() {
    assert_eq!(options(&["-p"], &tty()).output, Output::Paged);
    assert_eq!(
        options(&["-p", "--paging", "never"], &tty()).output,
        Output::Print
    );
    assert_eq!(options(&[], &Env::default()).output, Output::Print);
    assert_eq!(
        options(&["--paging", "always"], &Env::default()).output,
        Output::Paged
    );
    let config = Env {
        config: config::Config {
            paging: Some(Paging::Never),
            ..config::Config::default()
        },
        ..tty()
    };
    assert_eq!(options(&["-p"], &config).output, Output::Print);
    assert_eq!(
        options(&["-p", "--paging", "auto"], &config).output,
        Output::Paged
    );
}

const GIT_CALL: [&str; 7] = [
    "story.md",
    "/tmp/old/story.md",
    "5626abf0f72e58d7a153368ba57db4c673c0e171",
    "100644",
    "story.md",
    "0000000000000000000000000000000000000000",
    "100644",
];

#[test]
fn a_git_call_prints_unpaged_coloured_in_gits_pager_and_exits_0_unless_trusted() {
    let in_pager = Env {
        git_pager_in_use: true,
        tty_columns: Some(100),
        ..Env::default()
    };
    let git = options(&GIT_CALL, &in_pager);
    assert!(matches!(git.inputs, Inputs::Git(_)));
    assert_eq!(git.output, Output::Print);
    assert_eq!(git.print.styling, Styling::Color);
    assert_eq!(git.print.width, 100);
    assert_eq!(git.exit, ExitStatus::Success);
    // `git --no-pager diff` on a terminal: printed, not the viewer, not our pager.
    assert_eq!(options(&GIT_CALL, &tty()).output, Output::Print);
    let trusted = Env {
        git_trusts_exit_code: true,
        ..Env::default()
    };
    assert_eq!(options(&GIT_CALL, &trusted).exit, ExitStatus::Diff);
}

#[test]
fn the_config_file_supplies_the_theme_and_ignore_options_the_command_line_overrides() {
    let env = Env {
        config: config::Config {
            theme: Some(ThemeChoice::Light),
            ignore_quotes: true,
            ..config::Config::default()
        },
        ..Env::default()
    };
    let from_config = options(&[], &env);
    assert_eq!(from_config.theme, ThemeChoice::Light);
    assert!(from_config.compare.ignore.quotes);
    assert_eq!(options(&["--theme", "dark"], &env).theme, ThemeChoice::Dark);
    assert_eq!(options(&[], &Env::default()).theme, ThemeChoice::Auto);
}

#[test]
fn one_path_from_git_is_a_path_with_merge_conflicts() {
    let git = Env {
        git_diff_call: true,
        ..Env::default()
    };
    let unmerged = options(&["story.md"], &git);
    assert_eq!(unmerged.inputs, Inputs::GitUnmerged("story.md".into()));
    assert_eq!(unmerged.exit, ExitStatus::Success);
    assert_eq!(
        options(&["story.md"], &Env::default()).inputs,
        Inputs::Files(vec!["story.md".into()])
    );
}
