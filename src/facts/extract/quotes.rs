//! Quotations: text between straight or curly quotation marks (also « » and „ “), nested
//! quotations too, and the speaker the sentence names.
//!
//! Marks are read per paragraph with a small stack. A `’` closes a single quotation only when
//! one is open and no letter follows it, so apostrophes ("Trump’s") never end a quotation. A
//! curly opening mark left open at the end of a paragraph (news style for quotations that run
//! on) quotes to the end of the paragraph.
//!
//! Quotations overlap only as deep as [`MAX_DEPTH`] and only the outermost unclosed one runs
//! to the end of its paragraph, so their extents add up to at most twice the text, however
//! many marks are left open (a page of unclosed quotes must not yield quadratic output).

use std::ops::Range;

use crate::facts::model::FactKind;
use crate::tokens::{self, TokenClass};

use super::{Detail, Extracted};

/// One quotation's byte ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct QuoteSpan {
    /// With the quotation marks.
    pub outer: Range<usize>,
    /// The words inside, trimmed.
    pub inner: Range<usize>,
}

/// How deeply nested a quotation may be and still be a fact of its own: a quotation and a
/// quotation inside it.
const MAX_DEPTH: usize = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Double,
    Single,
}

#[derive(Debug, Clone, Copy)]
struct Open {
    mark: Mark,
    at: usize,
    len: usize,
    /// Opened by a mark that only opens (“ ‘ « „), not by a straight mark.
    explicit: bool,
    /// Opened by „, which “ closes.
    low: bool,
}

/// Quotations of every paragraph, in order of their opening marks.
pub(super) fn find(text: &str, paragraphs: &[Range<usize>]) -> Vec<QuoteSpan> {
    let mut out = Vec::new();
    for para in paragraphs {
        find_in(text, para.clone(), &mut out);
    }
    out.sort_by_key(|q| (q.outer.start, q.outer.end));
    out
}

fn find_in(text: &str, para: Range<usize>, out: &mut Vec<QuoteSpan>) {
    let mut stack: Vec<Open> = Vec::new();
    let slice = &text[para.clone()];
    let mut prev: Option<char> = None;
    let mut iter = slice.char_indices().peekable();
    while let Some((offset, c)) = iter.next() {
        let at = para.start + offset;
        let next = iter.peek().map(|(_, n)| *n);
        let open = |mark, explicit, low| Open {
            mark,
            at,
            len: c.len_utf8(),
            explicit,
            low,
        };
        let opens_here = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
        let closes_here = next.is_none_or(|n| !n.is_alphanumeric());
        let top = stack.last().copied();
        match c {
            '“' if top.is_some_and(|t| t.mark == Mark::Double && t.low) => {
                close(text, &mut stack, Mark::Double, at, c, out);
            }
            '“' | '«' => stack.push(open(Mark::Double, true, false)),
            '„' => stack.push(open(Mark::Double, true, true)),
            '”' | '»' => close(text, &mut stack, Mark::Double, at, c, out),
            '"' => {
                if stack.iter().any(|o| o.mark == Mark::Double) && (closes_here || !opens_here) {
                    close(text, &mut stack, Mark::Double, at, c, out);
                } else if opens_here || next.is_some_and(char::is_alphanumeric) {
                    stack.push(open(Mark::Double, false, false));
                }
            }
            '‘' if next.is_some_and(|n| !n.is_whitespace()) => {
                stack.push(open(Mark::Single, true, false));
            }
            '’' | '\'' if top.is_some_and(|t| t.mark == Mark::Single) && closes_here => {
                close(text, &mut stack, Mark::Single, at, c, out);
            }
            '\'' if opens_here && next.is_some_and(char::is_alphabetic) => {
                stack.push(open(Mark::Single, false, false));
            }
            _ => {}
        }
        prev = Some(c);
    }
    // A curly opening mark still open at the end of the paragraph quotes to its end.
    // Only the outermost: every mark opened inside it is inside it anyway.
    for o in stack
        .into_iter()
        .filter(|o| o.explicit && o.mark == Mark::Double)
        .take(1)
    {
        let inner = trim(text, o.at + o.len..para.end);
        if text[inner.clone()].split_whitespace().count() >= 3 {
            out.push(QuoteSpan {
                outer: o.at..para.end,
                inner,
            });
        }
    }
}

/// Closes the innermost open quotation of this mark, dropping any left open inside it.
fn close(
    text: &str,
    stack: &mut Vec<Open>,
    mark: Mark,
    at: usize,
    c: char,
    out: &mut Vec<QuoteSpan>,
) {
    let Some(pos) = stack.iter().rposition(|o| o.mark == mark) else {
        return;
    };
    let open = stack[pos];
    stack.truncate(pos);
    let inner = trim(text, open.at + open.len..at);
    if pos < MAX_DEPTH && text[inner.clone()].chars().any(char::is_alphanumeric) {
        out.push(QuoteSpan {
            outer: open.at..at + c.len_utf8(),
            inner,
        });
    }
}

fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    start..end.max(start)
}

/// The compared form of a quotation: its words, lower case, typography folded, no punctuation.
pub(super) fn normalise(text: &str, inner: Range<usize>) -> String {
    let mut out = String::new();
    for t in tokens::tokenize(text, inner) {
        if t.class == TokenClass::Punct {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(
            text[t.range]
                .chars()
                .map(tokens::fold_typography)
                .flat_map(char::to_lowercase),
        );
    }
    out
}

/// Verbs that attribute a quotation when they stand between it and a name (",” said Kallas").
const SPEECH_VERBS: &[&str] = &["added", "said", "says", "stated", "told", "wrote"];

/// The speaker of a quotation: a name in its sentence(s), outside it. A name right after the
/// closing mark wins (",” Zelensky said", ",” said Zelensky"), then the nearest person before
/// it (then any name before it), then the first person of the sentence before.
pub(super) fn speaker(
    text: &str,
    facts: &[Extracted],
    sentences: &[Range<usize>],
    quote: &QuoteSpan,
) -> Option<Speaker> {
    let first = sentences.partition_point(|s| s.end <= quote.outer.start);
    let last = sentences.partition_point(|s| s.start < quote.outer.end);
    let from = sentences.get(first)?.start;
    let to = sentences.get(last.checked_sub(1)?)?.end;
    let lo = facts.partition_point(|f| f.range.start < from);
    let names: Vec<&Extracted> = facts[lo..]
        .iter()
        .take_while(|f| f.range.start < to)
        .filter(|f| f.kind == FactKind::Name)
        .filter(|f| f.range.end <= quote.outer.start || f.range.start >= quote.outer.end)
        .collect();
    let person = |f: &&&Extracted| matches!(&f.detail, Detail::Name(parts) if parts.is_person());
    let after = names
        .iter()
        .filter(|f| f.range.start >= quote.outer.end)
        .min_by_key(|f| f.range.start);
    // Before the quotation, a person ("Barrot demanded that Kyiv “…”") beats a place.
    let before_all = || names.iter().filter(|f| f.range.end <= quote.outer.start);
    let before = before_all()
        .filter(person)
        .max_by_key(|f| f.range.end)
        .or_else(|| before_all().max_by_key(|f| f.range.end));
    // Where the attribution stands: the name, or the pronoun for a speaker named earlier.
    let (pick, attributed, at) = match (after, before) {
        (Some(a), _) if attributes(&text[quote.outer.end..a.range.start]) => (Some(*a), true, None),
        (_, Some(b)) => (
            Some(*b),
            speaks(&text[b.range.end..quote.outer.start]),
            None,
        ),
        // "“…,” he told state media": the speaker is the person the previous sentence is about.
        (_, None) => {
            let pronoun = pronoun_attributes(text, quote.outer.end..to);
            (
                first
                    .checked_sub(1)
                    .and_then(|prev| first_person(facts, &sentences[prev])),
                pronoun.is_some(),
                pronoun,
            )
        }
    };
    let pick = pick?;
    match &pick.detail {
        Detail::Name(parts) => Some(Speaker {
            name: parts.words.join(" "),
            range: at.unwrap_or_else(|| pick.range.clone()),
            attributed,
        }),
        _ => None,
    }
}

/// Who a quotation's sentence names as its speaker.
pub(super) struct Speaker {
    /// The name without title ("Marco Rubio").
    pub name: String,
    /// Where the name stands.
    pub range: Range<usize>,
    /// Whether a speech verb or the position ties the name to the words ("Brooks said", ",”
    /// he said"), rather than its being the nearest person.
    pub attributed: bool,
}

/// Whether the text between a name and a quotation has a speech verb ("Rubio wrote on X that
/// “…”"), within a few words.
fn speaks(between: &str) -> bool {
    between
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(8)
        .any(|w| SPEECH_VERBS.contains(&w.to_lowercase().as_str()) || w == "demanded")
}

/// Where the words after a quotation attribute it to a pronoun (",” he said").
fn pronoun_attributes(text: &str, after: Range<usize>) -> Option<Range<usize>> {
    let slice = &text[after.clone()];
    let mut words = slice
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(|w| (w.as_ptr() as usize - slice.as_ptr() as usize, w));
    let (p_at, pronoun) = words.next()?;
    let (v_at, verb) = words.next()?;
    let pronoun = ["he", "she", "they"].contains(&pronoun.to_lowercase().as_str());
    let verb_ok = SPEECH_VERBS.contains(&verb.to_lowercase().as_str());
    (pronoun && verb_ok).then(|| after.start + p_at..after.start + v_at + verb.len())
}

/// The first person named in a sentence.
fn first_person<'a>(facts: &'a [Extracted], sentence: &Range<usize>) -> Option<&'a Extracted> {
    let lo = facts.partition_point(|f| f.range.start < sentence.start);
    facts[lo..]
        .iter()
        .take_while(|f| f.range.start < sentence.end)
        .find(|f| matches!(&f.detail, Detail::Name(parts) if parts.is_person()))
}

/// Whether the text between a quotation and a name ties them: nothing but punctuation, or a
/// speech verb.
fn attributes(between: &str) -> bool {
    let words: Vec<String> = between
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    match words.as_slice() {
        [] => true,
        [verb] => SPEECH_VERBS.contains(&verb.as_str()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::extract::extract;

    fn quotes(text: &str) -> Vec<&str> {
        let paras = crate::segment::paragraphs(text);
        find(text, &paras)
            .into_iter()
            .map(|q| &text[q.inner])
            .collect()
    }

    fn speakers(text: &str) -> Vec<Option<String>> {
        extract(text)
            .facts
            .into_iter()
            .filter_map(|f| match f.detail {
                Detail::Quote { speaker, .. } => Some(speaker),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn straight_and_curly_double_quotes() {
        assert_eq!(quotes(r#"He said "we will win" today."#), ["we will win"]);
        assert_eq!(quotes("He said “we will win,” today."), ["we will win,"]);
        assert_eq!(
            quotes("Il a dit « nous gagnerons » hier."),
            ["nous gagnerons"]
        );
        assert_eq!(quotes("Er sagte „wir siegen“ heute."), ["wir siegen"]);
    }

    #[test]
    fn apostrophes_do_not_open_or_close_quotes() {
        assert_eq!(
            quotes("Trump’s envoy and the Ukrainians’ demands"),
            Vec::<&str>::new()
        );
        assert_eq!(
            quotes("“Kyiv’s talks,” he said, “aren’t over.”"),
            ["Kyiv’s talks,", "aren’t over."]
        );
        assert_eq!(
            quotes("the US Army’s ‘Ending the War’ plan"),
            ["Ending the War"]
        );
    }

    #[test]
    fn nested_quotes_are_found_inside_their_quotation() {
        assert_eq!(
            quotes("“We add nothing beyond the ‘spirit of Anchorage,’” he said."),
            [
                "We add nothing beyond the ‘spirit of Anchorage,’",
                "spirit of Anchorage,"
            ]
        );
    }

    #[test]
    fn a_curly_quote_left_open_runs_to_the_paragraph_end() {
        assert_eq!(
            quotes("He said: “We will go on and on.\n\nNext paragraph."),
            ["We will go on and on."]
        );
        assert_eq!(quotes("A stray \" mark.\n"), Vec::<&str>::new());
    }

    #[test]
    fn normalised_quotes_ignore_case_punctuation_and_typography() {
        let a = "“Difficult, but necessary concessions,”";
        let b = "\"difficult but necessary concessions\"";
        assert_eq!(normalise(a, 0..a.len()), normalise(b, 0..b.len()));
    }

    #[test]
    fn speakers_come_from_the_sentence() {
        assert_eq!(
            speakers("“We are ready,” Volodymyr Zelensky said."),
            [Some("Volodymyr Zelensky".to_string())]
        );
        assert_eq!(
            speakers(
                "Kremlin spokesman Dmitry Peskov cited the “spirit of Anchorage,” a nod to Putin."
            ),
            [Some("Dmitry Peskov".to_string())]
        );
        assert_eq!(speakers("It was called “a fact-finding mission”."), [None]);
    }

    #[test]
    fn unclosed_and_deeply_nested_marks_stay_linear() {
        let unclosed = "“word ".repeat(2000);
        let nested = format!("{}x{}", "“‘".repeat(500), "’”".repeat(500));
        for text in [unclosed, nested] {
            let quotes = find(&text, std::slice::from_ref(&(0..text.len())));
            let total: usize = quotes.iter().map(|q| q.outer.len()).sum();
            assert!(
                total <= 2 * text.len(),
                "{total} bytes of quotes in {}",
                text.len()
            );
        }
    }
}
