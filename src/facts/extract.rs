//! Fact tokens of one version's text: numbers, money, dates, durations, names and quotations,
//! each with its byte span and a normalised value that compares equal across spellings
//! ("twenty-six" = "26", "$105m" = "$105 million", "Gen." = "General").
//!
//! One pass of the project's tokenizer ([`crate::tokens::tokenize`]) over each sentence feeds
//! small matchers; quotations are found per paragraph because quotes run across sentences. The
//! cost is linear in the text (3.8 MB of news text: about 0.3 s in a release build, most of it
//! sentence segmentation and tokenizing).

mod dates;
mod furniture;
mod names;
mod numbers;
mod quotes;
mod roles;

use std::collections::HashSet;
use std::ops::Range;

use crate::model::PassageKind;
use crate::segment;
use crate::tokens::{self, TokenClass};

use super::model::FactKind;
pub use names::NameParts;
pub use roles::RoleParts;

/// One fact token found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    /// Number, money, date, duration, name or quote.
    pub kind: FactKind,
    /// Byte range in the text (for a quote: with its quotation marks).
    pub range: Range<usize>,
    /// Normalised value: equal for equal facts however they are written.
    pub value: String,
    /// Index of the sentence it starts in (see [`Extraction::sentences`]).
    pub sentence: usize,
    /// What names and quotes carry beyond their value.
    pub detail: Detail,
}

/// Kind-specific parts of a fact.
#[derive(Debug, Clone, PartialEq)]
pub enum Detail {
    /// Numbers, money, dates and durations: the value says it all.
    Plain,
    /// A name: its title and the words that identify the person or body.
    Name(NameParts),
    /// A role: an actor, an action, negation and hedging.
    Role(RoleParts),
    /// A quotation: the words between the marks and who spoke them.
    Quote {
        /// Byte range of the words inside the quotation marks.
        inner: Range<usize>,
        /// The speaker the sentence names, without title ("Marco Rubio").
        speaker: Option<String>,
    },
}

/// The facts of one text and the sentences they stand in.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    /// Facts sorted by start offset.
    pub facts: Vec<Extracted>,
    /// Sentence byte ranges, in order (story text and headings; boilerplate is left out).
    pub sentences: Vec<Range<usize>>,
}

/// A token as the matchers see it: its text, class and whether whitespace precedes it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub class: TokenClass,
    /// Something (whitespace) stands between this token and the previous one.
    pub gap: bool,
}

impl Tok<'_> {
    pub fn is(&self, s: &str) -> bool {
        self.text == s
    }

    pub fn is_word(&self) -> bool {
        self.class == TokenClass::Word
    }

    /// Whether the token is a hyphen (or dash) glued to both neighbours: "28-point".
    pub fn is_glue_hyphen(&self, next: Option<&Tok<'_>>) -> bool {
        matches!(self.text, "-" | "‐" | "‑") && !self.gap && next.is_some_and(|n| !n.gap)
    }
}

/// A match of a token-level matcher: tokens `[start, end)` make a fact with this value.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Matched {
    pub end: usize,
    pub kind: FactKind,
    pub value: String,
}

/// What the whole text says about its words, for telling names from capitalised common words.
pub(super) struct Lexicon {
    /// Lower-cased words that occur in lower case somewhere ("senior", "tragically" rarely).
    pub lower: HashSet<String>,
    /// Words that occur capitalised in the middle of a story sentence ("Zelensky", "Kyiv").
    pub proper: HashSet<String>,
}

/// Extracts every fact of a text.
#[must_use]
pub fn extract(text: &str) -> Extraction {
    let paragraphs = segment::paragraphs(text);
    let sentences: Vec<segment::Sentence> = segment::sentences(text, &paragraphs, false)
        .into_iter()
        .filter(|s| s.kind != PassageKind::Boilerplate)
        .collect();
    let toks: Vec<Vec<Tok<'_>>> = sentences
        .iter()
        .map(|s| sentence_tokens(text, s.range.clone()))
        .collect();
    let lexicon = lexicon(&sentences, &toks);
    let mut facts = Vec::new();
    for (index, (sentence, toks)) in sentences.iter().zip(&toks).enumerate() {
        let heading = sentence.kind == PassageKind::Heading;
        let mut taken = vec![false; toks.len()];
        let mut i = furniture::furniture(toks);
        taken[..i].iter_mut().for_each(|t| *t = true);
        while i < toks.len() {
            let found = dates::match_at(toks, i).or_else(|| numbers::match_at(toks, i));
            match found {
                Some(m) => {
                    taken[i..m.end].iter_mut().for_each(|t| *t = true);
                    let range = toks[i].start..toks[m.end - 1].end;
                    facts.push(Extracted {
                        kind: m.kind,
                        range,
                        value: m.value,
                        sentence: index,
                        detail: Detail::Plain,
                    });
                    i = m.end;
                }
                None => i += 1,
            }
        }
        for name in names::extract(text, toks, &taken, heading, &lexicon) {
            facts.push(Extracted {
                kind: FactKind::Name,
                range: name.range,
                value: name.parts.value(),
                sentence: index,
                detail: Detail::Name(name.parts),
            });
        }
    }
    let ranges: Vec<Range<usize>> = sentences.iter().map(|s| s.range.clone()).collect();
    facts.sort_by_key(|f| (f.range.start, f.range.end));
    let (quoted, has_quote) = quotations(text, &paragraphs, &ranges, &facts);
    facts.extend(quoted.into_iter().filter(|q| !q.value.is_empty()));
    for (index, toks) in toks.iter().enumerate() {
        facts.extend(
            roles::extract(toks, has_quote[index])
                .into_iter()
                .map(|role| Extracted {
                    kind: FactKind::Role,
                    value: role.parts.value(),
                    range: role.range,
                    sentence: index,
                    detail: Detail::Role(role.parts),
                }),
        );
    }
    facts.sort_by_key(|f| (f.range.start, f.range.end));
    Extraction {
        facts,
        sentences: ranges,
    }
}

/// The quotations of a text, with the roles of their attributed speakers, and which sentences
/// hold a quotation.
fn quotations(
    text: &str,
    paragraphs: &[Range<usize>],
    ranges: &[Range<usize>],
    facts: &[Extracted],
) -> (Vec<Extracted>, Vec<bool>) {
    let spans = quotes::find(text, paragraphs);
    let mut quoted = Vec::with_capacity(spans.len());
    let mut has_quote = vec![false; ranges.len()];
    for q in spans {
        let Some(sentence) = sentence_of(ranges, q.outer.start) else {
            continue;
        };
        has_quote[sentence] = true;
        let found = quotes::speaker(text, facts, ranges, &q);
        if let Some(quotes::Speaker {
            name,
            range,
            attributed: true,
        }) = &found
        {
            // Who is quoted is a role of its own: a copy may put the words in another mouth.
            let actor = name.split(' ').next_back().unwrap_or(name).to_lowercase();
            let parts = RoleParts {
                actor,
                action: "quoted",
                negated: false,
                hedged: false,
            };
            quoted.push(Extracted {
                kind: FactKind::Role,
                value: parts.value(),
                range: range.clone(),
                sentence: sentence_of(ranges, range.start).unwrap_or(sentence),
                detail: Detail::Role(parts),
            });
        }
        let speaker = found.map(|s| s.name);
        quoted.push(Extracted {
            kind: FactKind::Quote,
            value: quotes::normalise(text, q.inner.clone()),
            range: q.outer,
            sentence,
            detail: Detail::Quote {
                inner: q.inner,
                speaker,
            },
        });
    }
    (quoted, has_quote)
}

/// Index of the sentence that contains a byte offset.
fn sentence_of(sentences: &[Range<usize>], offset: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.end <= offset);
    sentences.get(i).filter(|s| s.start <= offset).map(|_| i)
}

fn sentence_tokens(text: &str, range: Range<usize>) -> Vec<Tok<'_>> {
    let mut prev_end = range.start;
    tokens::tokenize(text, range)
        .into_iter()
        .map(|t| {
            let tok = Tok {
                start: t.range.start,
                end: t.range.end,
                text: &text[t.range.clone()],
                class: t.class,
                gap: t.range.start > prev_end,
            };
            prev_end = t.range.end;
            tok
        })
        .collect()
}

/// Index of the first word or number of a sentence, past any opening punctuation.
pub(super) fn first_word(toks: &[Tok<'_>]) -> Option<usize> {
    toks.iter().position(|t| t.class != TokenClass::Punct)
}

fn lexicon(sentences: &[segment::Sentence], toks: &[Vec<Tok<'_>>]) -> Lexicon {
    let mut lower = HashSet::new();
    let mut proper = HashSet::new();
    for (sentence, toks) in sentences.iter().zip(toks) {
        let first = first_word(toks);
        for (i, t) in toks.iter().enumerate() {
            let Some(c) = t.text.chars().next() else {
                continue;
            };
            if !t.is_word() {
                continue;
            }
            if c.is_lowercase() {
                if !lower.contains(t.text) {
                    lower.insert(t.text.to_string());
                }
            } else if c.is_uppercase()
                && sentence.kind == PassageKind::Text
                && Some(i) != first
                && !after_opening(toks, i)
            {
                let word = names::strip_possessive(t.text);
                if !proper.contains(word) {
                    proper.insert(word.to_string());
                }
            }
        }
    }
    Lexicon { lower, proper }
}

/// Whether token `i` starts a quoted sentence or a clause after a colon ("said: “Our talks…").
pub(super) fn after_opening(toks: &[Tok<'_>], i: usize) -> bool {
    i > 0
        && matches!(
            toks[i - 1].text,
            "“" | "\"" | "‘" | "«" | "„" | ":" | "(" | "—" | "–"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(text: &str) -> Vec<(FactKind, String, String)> {
        extract(text)
            .facts
            .into_iter()
            .map(|f| (f.kind, text[f.range].to_string(), f.value))
            .collect()
    }

    fn values(text: &str, kind: FactKind) -> Vec<String> {
        facts(text)
            .into_iter()
            .filter(|f| f.0 == kind)
            .map(|f| f.2)
            .collect()
    }

    #[test]
    fn a_sentence_yields_every_kind_with_spans() {
        use FactKind::*;
        let text = "On Nov. 25 Gen. Chris Donahue said the $105m deal took three weeks and cost 26 lives: \
                    “We are done.”";
        let got = facts(text);
        let kinds: Vec<FactKind> = got.iter().map(|f| f.0).collect();
        assert_eq!(
            kinds,
            [Date, Name, Role, Money, Duration, Number, Quote],
            "{got:?}"
        );
        assert_eq!(got[0].1, "Nov. 25");
        assert_eq!(got[1].1, "Gen. Chris Donahue");
        assert_eq!(got[2].2, "donahue quoted");
        assert_eq!(got[6].2, "we are done");
    }

    #[test]
    fn boilerplate_lines_yield_no_facts() {
        assert!(facts("By Benjamin D Applebaum\nThe talks went on.").is_empty());
    }

    #[test]
    fn facts_inside_a_quote_are_found_too() {
        assert_eq!(
            values("He said: “We lost 26 men in 2024.”", FactKind::Date),
            ["2024"]
        );
        assert_eq!(
            values("He said: “We lost 26 men in 2024.”", FactKind::Number),
            ["26"]
        );
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        let text =
            "Senior officials met. A senior aide left. Tragically, Zelensky spoke with Trump.";
        assert_eq!(values(text, FactKind::Name), ["Zelensky", "Trump"]);
    }

    #[test]
    fn quotes_name_their_speaker() {
        let text =
            "US Secretary of State Marco Rubio wrote that peace needs “difficult concessions”.";
        let ex = extract(text);
        let quote = ex.facts.iter().find(|f| f.kind == FactKind::Quote).unwrap();
        let Detail::Quote { speaker, .. } = &quote.detail else {
            panic!()
        };
        assert_eq!(speaker.as_deref(), Some("Marco Rubio"));
    }
}
