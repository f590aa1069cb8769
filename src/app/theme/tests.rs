use super::*;

/// Which theme this is, told by its status line (consts have no single address to compare).
fn name(theme: &Theme) -> &'static str {
    match theme.status {
        s if s == MONO.status => "mono",
        s if s == THEME.status => "dark",
        s if s == LIGHT.status => "light",
        _ => "other",
    }
}

#[test]
fn no_color_wins_over_any_theme_and_dark_and_light_are_taken_as_asked() {
    assert_eq!(name(pick(ThemeChoice::Light, Styling::Plain)), "mono");
    assert_eq!(name(pick(ThemeChoice::Auto, Styling::Plain)), "mono");
    assert_eq!(name(pick(ThemeChoice::Dark, Styling::Color)), "dark");
    assert_eq!(name(pick(ThemeChoice::Light, Styling::Color)), "light");
}

#[test]
fn the_light_theme_marks_changes_on_pale_grounds_with_dark_ink() {
    // Palette indices 231..=255 and 187..=230 are pale; 16..=100 hold the dark inks used here.
    let pale = |c: Option<Color>| matches!(c, Some(Color::Indexed(i)) if i >= 187);
    for style in [
        LIGHT.deleted,
        LIGHT.inserted,
        LIGHT.status,
        LIGHT.current_row,
    ] {
        assert!(pale(style.bg), "{style:?}");
    }
    assert!(!pale(LIGHT.deleted.fg) && !pale(LIGHT.inserted.fg));
}
