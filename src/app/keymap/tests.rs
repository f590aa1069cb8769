use super::*;
use Action as A;
use Context::{Browse, Facts, Goto, Help, Presence, Search};

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn action(code: KeyCode, context: Context) -> Option<Action> {
    action_for(&press(code), context)
}

#[test]
fn n_and_bracket_step_to_the_next_change() {
    assert_eq!(action(KeyCode::Char('n'), Browse), Some(A::NextChange));
    assert_eq!(action(KeyCode::Char(']'), Browse), Some(A::NextChange));
}

#[test]
fn ctrl_c_quits_in_every_context() {
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    for context in [Browse, Search, Presence, Facts, Help] {
        assert_eq!(action_for(&ctrl_c, context), Some(A::Quit), "{context:?}");
    }
}

#[test]
fn letters_are_typed_into_a_search_even_when_bound_elsewhere() {
    assert_eq!(action(KeyCode::Char('q'), Search), Some(A::SearchType('q')));
    assert_eq!(action(KeyCode::Char('n'), Search), Some(A::SearchType('n')));
}

#[test]
fn shifted_letters_match_their_uppercase_binding() {
    let shift_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(action_for(&shift_g, Browse), Some(A::Bottom));
}

#[test]
fn ctrl_letters_do_not_trigger_plain_letter_bindings() {
    let ctrl_n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL);
    assert_eq!(
        action_for(&ctrl_n, Browse),
        Some(A::Unbound(Key::Ctrl('n')))
    );
}

#[test]
fn unbound_keys_say_so_but_modifier_keys_alone_are_silent() {
    assert_eq!(
        action(KeyCode::Char('x'), Browse),
        Some(A::Unbound(Key::Char('x')))
    );
    assert_eq!(
        action(KeyCode::F(5), Presence),
        Some(A::Unbound(Key::Code(KeyCode::F(5))))
    );
    let shift = KeyCode::Modifier(ratatui::crossterm::event::ModifierKeyCode::LeftShift);
    assert_eq!(action(shift, Browse), None);
}

#[test]
fn workflow_keys_half_pages_suspend_goto_and_copy() {
    let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    assert_eq!(action_for(&ctrl('d'), Browse), Some(A::HalfPageDown));
    assert_eq!(action_for(&ctrl('u'), Browse), Some(A::HalfPageUp));
    assert_eq!(action_for(&ctrl('z'), Presence), Some(A::Suspend));
    assert_eq!(action(KeyCode::Char(':'), Browse), Some(A::StartGoto));
    assert_eq!(action(KeyCode::Char('4'), Goto), Some(A::GotoType('4')));
    assert_eq!(action(KeyCode::Enter, Goto), Some(A::GotoAccept));
    assert_eq!(action(KeyCode::Char('y'), Browse), Some(A::Copy));
    assert_eq!(action(KeyCode::Esc, Browse), Some(A::Back));
}

#[test]
fn shift_f_and_braces_step_through_facts() {
    let shift_f = KeyEvent::new(KeyCode::Char('F'), KeyModifiers::SHIFT);
    assert_eq!(action_for(&shift_f, Browse), Some(A::NextFact));
    assert_eq!(action(KeyCode::Char('}'), Browse), Some(A::NextFact));
    assert_eq!(action(KeyCode::Char('{'), Browse), Some(A::PrevFact));
    assert_eq!(action(KeyCode::Char('f'), Browse), Some(A::ToggleFacts));
    assert_eq!(action(KeyCode::Char('f'), Facts), Some(A::ToggleFacts));
    assert_eq!(action(KeyCode::Enter, Facts), Some(A::Jump));
}

#[test]
fn digits_pick_versions() {
    assert_eq!(
        action(KeyCode::Char('3'), Browse),
        Some(A::PickVersion(VersionId(3)))
    );
}

#[test]
fn search_hit_keys_do_not_clash_with_passage_stepping() {
    let keys_of = |wanted: Action| -> Vec<Key> {
        BINDINGS
            .iter()
            .filter(|b| b.context == Browse && b.action == wanted)
            .flat_map(|b| b.keys.iter().copied())
            .collect()
    };
    let stepping = [keys_of(A::NextChange), keys_of(A::PrevChange)].concat();
    for key in [keys_of(A::NextHit), keys_of(A::PrevHit)].concat() {
        assert!(!stepping.contains(&key), "{key:?}");
    }
}

#[test]
fn no_key_is_bound_twice_in_one_context() {
    for (i, a) in BINDINGS.iter().enumerate() {
        for b in &BINDINGS[i + 1..] {
            if a.context == b.context {
                for key in a.keys {
                    assert!(!b.keys.contains(key), "{key:?} in {:?}", a.context);
                }
            }
        }
    }
}

#[test]
fn help_merges_the_digit_rows_into_a_range() {
    let lines = help_lines(Browse);
    let digits = lines
        .iter()
        .find(|l| l.help.starts_with("compare with version"))
        .unwrap();
    assert_eq!(digits.keys, "0–9");
}

#[test]
fn help_lists_every_key_of_a_row() {
    let lines = help_lines(Browse);
    assert_eq!(
        lines[0],
        HelpLine {
            keys: "n ]".into(),
            help: "next divergent passage"
        }
    );
}

#[test]
fn help_texts_fit_the_help_column() {
    for b in BINDINGS {
        assert!(
            b.help.chars().count() <= HELP_TEXT_WIDTH,
            "{:?} is too long",
            b.help
        );
    }
}

#[test]
fn hints_come_from_the_table() {
    let hints = hints(Browse);
    assert_eq!(
        hints[0],
        Hint {
            keys: "n".into(),
            label: "next"
        }
    );
    assert!(hints.iter().any(|h| h.keys == "?" && h.label == "help"));
}
