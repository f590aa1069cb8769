use super::*;
use crate::render::style::Styling;

fn plain() -> Painter {
    Painter::new(Styling::Plain)
}

/// The lines of a text as plain strings.
fn rows(text: &StyledText, width: usize) -> Vec<String> {
    text.wrap(width)
        .iter()
        .map(|l| l.pieces.iter().map(|p| p.text.as_str()).collect())
        .collect()
}

fn text(s: &str) -> StyledText {
    let mut t = StyledText::new(plain());
    t.push(Style::Plain, s);
    t
}

#[test]
fn wrapping_breaks_between_words_within_the_width() {
    assert_eq!(
        rows(&text("the army said 26 people died"), 13),
        ["the army said", "26 people", "died"]
    );
}

#[test]
fn runs_of_spaces_collapse_and_line_ends_start_new_lines() {
    assert_eq!(
        rows(&text("one   two\r\nthree\n\nfour "), 80),
        ["one two", "three", "four"]
    );
}

#[test]
fn cjk_and_emoji_take_two_columns() {
    let t = text("中文 字 👩‍👩‍👧 ok");
    let lines = t.wrap(7);
    assert_eq!(rows(&t, 7), ["中文 字", "👩‍👩‍👧 ok"]);
    assert_eq!(lines.iter().map(|l| l.width).collect::<Vec<_>>(), [7, 5]);
}

#[test]
fn printers_wrap_cjk_as_the_viewer_does_never_starting_a_line_with_closing_punctuation() {
    // The same text and width as the viewer's wrapper test (present::wrap).
    assert_eq!(
        rows(&text("会議が開かれた。次"), 14),
        ["会議が開かれ", "た。次"]
    );
}

#[test]
fn a_word_wider_than_the_line_is_split_between_graphemes() {
    assert_eq!(rows(&text("abcdefgh"), 3), ["abc", "def", "gh"]);
    assert_eq!(rows(&text("中文中文"), 3), ["中", "文", "中", "文"]);
}

#[test]
fn changes_are_bracketed_without_colour_and_whitespace_stays_outside() {
    let mut t = StyledText::new(plain());
    t.push(Style::Plain, "said ");
    t.push_run(Style::Deleted, "26 people ", &[]);
    t.push_run(Style::Inserted, "28 ", &[]);
    t.push(Style::Plain, "died.");
    assert_eq!(rows(&t, 80), ["said [-26 people-] {+28+} died."]);
}

#[test]
fn a_bracketed_run_wraps_like_any_other_words() {
    let mut t = StyledText::new(plain());
    t.push_run(Style::Deleted, "one two three", &[]);
    assert_eq!(rows(&t, 8), ["[-one", "two", "three-]"]);
}

#[test]
fn accents_get_their_own_style_inside_the_run() {
    let mut t = StyledText::new(Painter::new(Styling::Color));
    let accent = 3..4;
    t.push_run(Style::Deleted, "Donahue ", std::slice::from_ref(&accent));
    let line = &t.wrap(80)[0];
    let styles: Vec<(Style, &str)> = line
        .pieces
        .iter()
        .map(|p| (p.style, p.text.as_str()))
        .collect();
    assert_eq!(
        styles,
        [
            (Style::Deleted, "Don"),
            (Style::DeletedAccent, "a"),
            (Style::Deleted, "hue")
        ]
    );
}

#[test]
fn control_characters_from_the_input_are_made_visible() {
    assert_eq!(rows(&text("a\u{1b}[31mred\u{7}"), 80), ["a␛[31mred␇"]);
}

#[test]
fn whitespace_only_runs_add_no_brackets() {
    let mut t = StyledText::new(plain());
    t.push(Style::Plain, "a");
    t.push_run(Style::Inserted, "  ", &[]);
    t.push(Style::Plain, "b");
    assert_eq!(rows(&t, 80), ["a b"]);
}

#[test]
fn truncate_cuts_by_display_width_and_marks_the_cut() {
    assert_eq!(truncate("Table of Contents", 8), "Table o…");
    assert_eq!(truncate("中文中文", 5), "中文…");
    assert_eq!(truncate("short", 8), "short");
}

/// The reference for `write_unwrapped`: each line of an unbounded wrap, then a newline.
fn via_lines(text: &StyledText, painter: Painter) -> Vec<u8> {
    let mut out = Vec::new();
    for line in text.wrap(usize::MAX) {
        line.write(&mut out, painter).unwrap();
        out.push(b'\n');
    }
    out
}

#[test]
fn writing_unwrapped_text_matches_its_unwrapped_lines() {
    for styling in [Styling::Plain, Styling::Color] {
        let painter = Painter::new(styling);
        let mut samples = Vec::new();
        for raw in [
            "",
            "one",
            "  lead and trail  ",
            "a\nb\n\nc\n",
            "東京 会議。 😀 e\u{301}",
            "\u{200b} x",
            "x\n\u{200b}",
        ] {
            let mut t = StyledText::new(painter);
            t.push(Style::Plain, raw);
            samples.push(t);
        }
        let mut mixed = StyledText::new(painter);
        mixed.push(Style::Plain, "the army ");
        mixed.push(Style::Deleted, "said 26 ");
        mixed.push(Style::Inserted, "reported 28\nmore ");
        mixed.push(Style::Plain, "people");
        samples.push(mixed);
        for t in &samples {
            let mut direct = Vec::new();
            t.write_unwrapped(&mut direct, painter).unwrap();
            assert_eq!(
                String::from_utf8_lossy(&direct),
                String::from_utf8_lossy(&via_lines(t, painter))
            );
        }
    }
}

/// One call a printer makes: plain text, or a change run with accents (start, length).
#[derive(Debug, Clone)]
enum Call {
    Plain(String),
    Run(Style, String, Vec<(usize, usize)>),
}

fn call() -> impl proptest::strategy::Strategy<Value = Call> {
    use proptest::prelude::*;
    // Words, runs of spaces, line ends, tabs, zero-width and combining characters, CJK, emoji.
    let text = "([a-z]{1,4}| {1,3}|\n|\r\n|\t|\u{200b}|e\u{301}|東京|😀|\u{301}|,){0,8}";
    let style = prop_oneof![Just(Style::Deleted), Just(Style::Inserted)];
    prop_oneof![
        text.prop_map(Call::Plain),
        (
            style,
            text,
            proptest::collection::vec((0..12usize, 0..4usize), 0..3)
        )
            .prop_map(|(s, t, a)| Call::Run(s, t, a)),
    ]
}

/// The inline printer's writing before issue 12, kept as the reference of the streaming
/// writer: the built words, a run of one style flushed when the style changes, a last line
/// without anything visible left out. (One corner differs from `via_lines`, and did before:
/// when such a last line changes style, the part before the change is written.)
fn built_then_written(text: &StyledText, painter: Painter) -> Vec<u8> {
    let mut out = Vec::new();
    let mut run: (Option<Style>, String) = (None, String::new());
    let flush = |out: &mut Vec<u8>, run: &mut (Option<Style>, String)| {
        if let Some(style) = run.0.take() {
            painter.write(out, style, &run.1).unwrap();
        }
        run.1.clear();
    };
    let push = |out: &mut Vec<u8>, run: &mut (Option<Style>, String), style, text: &str| {
        if run.0 != Some(style) {
            flush(out, run);
            run.0 = Some(style);
        }
        run.1.push_str(text);
    };
    let (mut line_has_width, mut lines_written, mut space) = (false, 0, None);
    for token in &text.tokens {
        match token {
            Token::Break(Break::Line) => {
                flush(&mut out, &mut run);
                out.push(b'\n');
                lines_written += 1;
                line_has_width = false;
                space = None;
            }
            Token::Break(Break::Space(style)) => space = Some(*style),
            Token::Word(word) => {
                if let Some(style) = space.take().filter(|_| line_has_width) {
                    push(&mut out, &mut run, style, " ");
                }
                for piece in &word.pieces {
                    push(&mut out, &mut run, piece.style, &piece.text);
                }
                line_has_width =
                    line_has_width || word.pieces.iter().any(|p| wrap::width(&p.text) > 0);
            }
        }
    }
    if line_has_width || lines_written == 0 {
        flush(&mut out, &mut run);
        out.push(b'\n');
    }
    out
}

/// Accent ranges inside `text` on char boundaries, in order.
fn accents(text: &str, raw: &[(usize, usize)]) -> Vec<Range<usize>> {
    let bounds: Vec<usize> = (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    let mut at = 0;
    let mut out = Vec::new();
    for &(skip, len) in raw {
        let start = bounds[(at + skip).min(bounds.len() - 1)];
        let end = bounds[(at + skip + len).min(bounds.len() - 1)];
        out.push(start..end);
        at = (at + skip + len).min(bounds.len() - 1);
    }
    out
}

proptest::proptest! {
    #[test]
    fn streaming_writes_what_the_built_text_writes(calls in proptest::collection::vec(call(), 0..6)) {
        for styling in [Styling::Plain, Styling::Color] {
            let painter = Painter::new(styling);
            let mut built = StyledText::new(painter);
            let mut streamed = Vec::new();
            let mut writer = UnwrappedWriter::new(&mut streamed, painter);
            for c in &calls {
                match c {
                    Call::Plain(t) => {
                        built.push(Style::Plain, t);
                        writer.push(Style::Plain, t);
                    }
                    Call::Run(style, t, raw) => {
                        let accents = accents(t, raw);
                        built.push_run(*style, t, &accents);
                        writer.push_run(*style, t, &accents);
                    }
                }
            }
            writer.finish().unwrap();
            // The reference is how the printer wrote a built text before it streamed (a text
            // without words prints nothing).
            let expected = if built.is_empty() {
                Vec::new()
            } else {
                built_then_written(&built, painter)
            };
            proptest::prop_assert_eq!(
                String::from_utf8_lossy(&streamed),
                String::from_utf8_lossy(&expected)
            );
        }
    }
}
