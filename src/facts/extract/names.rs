//! Names: runs of capitalised words with their titles ("Gen. Chris Donahue", "Jean-Noël
//! Barrot", "Sergeant Major of the Army Michael Weimer"), and single proper words ("Kyiv").
//!
//! A capitalised word that starts a sentence is a name only when the text shows it is one (it
//! also occurs capitalised mid-sentence and never in lower case), so "Senior", "Tragically" are
//! not names. Title-case headings only contribute words known as names from the story text.
//! Titles are normalised ("Gen." = "Gen" = "General", "Sgt. Maj." = "Sergeant Major") and kept
//! apart from the words that identify the person, so the comparison can tell a title change
//! from a spelling change.

mod words;

use std::ops::Range;

use crate::tokens::{self, TokenClass};

use super::{Lexicon, Tok, after_opening, dates, first_word};
use words::{
    CONNECTORS, DEMONYM_SUFFIXES, DEMONYMS, DESIGNATORS, STARTERS, TITLE_MODIFIERS, TITLES,
};

/// What identifies a name: its title and its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameParts {
    /// Normalised title words before the person ("General", "Sergeant Major").
    pub title: Option<String>,
    /// The identifying words as written ("Chris", "Donahue"); a body's whole name ("White",
    /// "House"). Never empty.
    pub words: Vec<String>,
    /// Whether this names a person: a title, or a given name before the surname, and no body
    /// word ("House", "Army") or acronym in the run.
    pub person: bool,
    /// `words` lower-cased, for comparison.
    pub lower: Vec<String>,
}

impl NameParts {
    /// The normalised value: title and words, space-separated ("General Chris Donahue").
    #[must_use]
    pub fn value(&self) -> String {
        let words = self.words.join(" ");
        match &self.title {
            Some(title) => format!("{title} {words}"),
            None => words,
        }
    }

    /// Whether this is a person's name. Only people's names are paired when they differ
    /// outright ("Kaja Kallas" → "Josep Borrell"); swapping "Ukraine" for "Kyiv" or "US" for
    /// "Pentagon" is wording, not a drifted fact.
    #[must_use]
    pub fn is_person(&self) -> bool {
        self.person
    }

    /// Name parts from a title and words; `person` says whether they name a person.
    #[must_use]
    pub fn new(title: Option<String>, words: Vec<String>, person: bool) -> Self {
        let lower = words.iter().map(|w| w.to_lowercase()).collect();
        Self {
            title,
            words,
            person,
            lower,
        }
    }

    /// The last identifying word (a person's surname), lower-cased.
    #[must_use]
    pub fn surname(&self) -> &str {
        self.lower.last().map_or("", String::as_str)
    }

    /// The word before the surname (a given name), lower-cased, if the name gives one.
    #[must_use]
    pub fn given_name(&self) -> Option<&str> {
        let n = self.lower.len();
        (n >= 2).then(|| self.lower[n - 2].as_str())
    }
}

/// A name found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Name {
    pub range: Range<usize>,
    pub parts: NameParts,
}

/// How a token takes part in a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A title, normalised.
    Title(&'static str),
    /// An acronym: "US", "U.S", "BBC".
    Acronym,
    /// A word that names a body rather than a person ("Army", "Ministry").
    Designator,
    /// Any other capitalised word.
    Word,
}

/// The word without a possessive ending: "Trump’s" → "Trump".
pub(super) fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word)
}

fn title(word: &str) -> Option<&'static str> {
    TITLES.iter().find(|(w, _)| *w == word).map(|(_, t)| *t)
}

fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && word.chars().all(|c| c.is_uppercase() || c == '.')
}

/// The role of token `i` in a name, if it can take part in one.
fn role(
    toks: &[Tok<'_>],
    i: usize,
    taken: &[bool],
    heading: bool,
    lexicon: &Lexicon,
) -> Option<Role> {
    let t = &toks[i];
    if taken[i] || t.class != TokenClass::Word || !t.text.starts_with(char::is_uppercase) {
        return None;
    }
    let word = strip_possessive(t.text);
    if dates::is_calendar_word(word) {
        return None;
    }
    if let Some(normal) = title(word) {
        // An abbreviated title needs its person after it ("Gen. Chris", not "Gen").
        return Some(Role::Title(normal));
    }
    let known = lexicon.proper.contains(word) && !lexicon.lower.contains(&word.to_lowercase());
    if heading && !known {
        return None;
    }
    // A capitalised word opening a sentence is a name only when the text shows it is one.
    let initial = Some(i) == first_word(toks) || after_opening(toks, i);
    if initial && (!known || STARTERS.contains(&word) || tokens::is_stop_word(&word.to_lowercase()))
    {
        return None;
    }
    Some(if is_acronym(word) {
        Role::Acronym
    } else if DESIGNATORS.contains(&word) {
        Role::Designator
    } else {
        Role::Word
    })
}

/// One part of a name: tokens `first..=last` (several when glued by hyphens: "Jean-Noël").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Part {
    first: usize,
    last: usize,
    role: Role,
}

/// Extracts the names of one sentence's tokens, skipping tokens already taken by other facts.
pub(super) fn extract(
    text: &str,
    toks: &[Tok<'_>],
    taken: &[bool],
    heading: bool,
    lexicon: &Lexicon,
) -> Vec<Name> {
    let role_at = |i: usize| role(toks, i, taken, heading, lexicon);
    let mut names = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(role) = role_at(i) else {
            i += 1;
            continue;
        };
        let mut parts = vec![Part {
            first: i,
            last: i,
            role,
        }];
        loop {
            let current = *parts.last().expect("a run has a first part");
            if is_possessive(toks[current.last].text) {
                break;
            }
            match next_part(toks, current.last, &role_at) {
                Some(Next::Glued(j, role)) => {
                    let part = parts.last_mut().expect("a run has a first part");
                    part.last = j;
                    // "US-Russia" names a pair, not an acronym; a glued word makes it a word.
                    if role == Role::Word || matches!(part.role, Role::Acronym) {
                        part.role = Role::Word;
                    }
                }
                Some(Next::Spaced(j, role)) => parts.push(Part {
                    first: j,
                    last: j,
                    role,
                }),
                None => break,
            }
        }
        i = parts.last().map_or(i, |p| p.last) + 1;
        // "in Europe Gen Chris Donahue": a place word before a title is no part of the title,
        // so the person's name starts at the title ("Foreign Minister" keeps its modifier).
        let split = parts.iter().position(|p| matches!(p.role, Role::Title(_)));
        let split = split.filter(|&k| {
            k > 0
                && parts[k - 1].role == Role::Word
                && !TITLE_MODIFIERS.contains(&toks[parts[k - 1].first].text)
        });
        let runs = match split {
            Some(k) => vec![&parts[..k], &parts[k..]],
            None => vec![&parts[..]],
        };
        names.extend(runs.into_iter().filter_map(|run| build(text, toks, run)));
    }
    names
}

fn is_possessive(word: &str) -> bool {
    strip_possessive(word).len() != word.len()
}

/// How the next part of a name joins the run.
enum Next {
    /// Glued by a hyphen to the part before: it extends that part.
    Glued(usize, Role),
    /// After a space (and maybe a full stop or connectors): a new part.
    Spaced(usize, Role),
}

/// The next part of a name after token `last`: across a glued full stop ("Gen."), a glued
/// hyphen ("Jean-Noël"), connectors ("of the", "de"; also a capitalised "Of" inside a run), or
/// a space.
fn next_part(
    toks: &[Tok<'_>],
    last: usize,
    role_at: &dyn Fn(usize) -> Option<Role>,
) -> Option<Next> {
    let mut j = last + 1;
    let t = toks.get(j)?;
    let prev = toks[last].text;
    if t.is(".") && !t.gap {
        // Only after an initial, a title abbreviation or a dotted acronym.
        let abbreviation = prev.chars().count() == 1 || title(prev).is_some() || prev.contains('.');
        if !abbreviation {
            return None;
        }
        j += 1;
    } else if t.is_glue_hyphen(toks.get(j + 1)) {
        return role_at(j + 1).map(|role| Next::Glued(j + 1, role));
    }
    let start = j;
    while j - start < 2
        && toks
            .get(j)
            .is_some_and(|c| c.gap && CONNECTORS.contains(&c.text.to_lowercase().as_str()))
    {
        j += 1;
    }
    let next = toks.get(j).filter(|n| n.gap)?;
    let role = role_at(j)?;
    if j > start && (matches!(role, Role::Title(_)) || next.text.len() < 2) {
        return None;
    }
    Some(Next::Spaced(j, role))
}

/// Turns the parts of a run into a name, or nothing when the run is no name (a lone title, a
/// lone demonym, a single letter).
fn build(source: &str, toks: &[Tok<'_>], parts: &[Part]) -> Option<Name> {
    let first = parts.first()?;
    let last = parts.last()?;
    let end_text = strip_possessive(toks[last.last].text);
    let range = toks[first.first].start..toks[last.last].start + end_text.len();
    let text = |p: &Part| {
        let end = toks[p.last].start + strip_possessive(toks[p.last].text).len();
        source[toks[p.first].start..end].to_string()
    };
    let is_title = |p: &Part| matches!(p.role, Role::Title(_));
    // The person: trailing plain words after the last title or body word. Without a title, an
    // acronym does not split ("CBS News") and a body word needs two words after it ("Service
    // Denys Shmyhal", not "US Army Europe").
    let has_title = parts.iter().any(is_title);
    let split = parts.iter().rposition(|p| p.role != Role::Word);
    let person_start = match split {
        Some(k) if has_title => k + 1,
        Some(k) if parts[k].role == Role::Designator && parts.len() - k > 2 => k + 1,
        Some(_) => parts.len(),
        None => 0,
    };
    let mut person = &parts[person_start..];
    while person.len() > 1 && is_demonym(&text(&person[0])) {
        person = &person[1..];
    }
    // Given name and surname, with an initial between them ("Benjamin D Applebaum"); words
    // before are job or place words ("special envoy to Ukraine Keith Kellogg").
    let keep = if person.len() >= 3 && text(&person[person.len() - 2]).chars().count() == 1 {
        3
    } else {
        2
    };
    if person.len() > keep {
        person = &person[person.len() - keep..];
    }
    let (title, words): (Option<String>, Vec<String>) = if person.is_empty() {
        // A body ("White House", "US Army") or a lone title.
        if parts.iter().all(is_title) {
            return None;
        }
        (
            None,
            parts.iter().map(|p| text(p).replace('.', "")).collect(),
        )
    } else {
        let title = parts[..person_start].iter().rposition(is_title).map(|end| {
            let start = parts[..=end]
                .iter()
                .rposition(|p| !is_title(p))
                .map_or(0, |p| p + 1);
            let titles: Vec<&str> = parts[start..=end]
                .iter()
                .filter_map(|p| {
                    if let Role::Title(t) = p.role {
                        Some(t)
                    } else {
                        None
                    }
                })
                .collect();
            titles.join(" ")
        });
        (title, person.iter().map(text).collect())
    };
    if parts.len() == 1 && (is_demonym(&words[0]) || words[0].chars().count() < 2) {
        return None;
    }
    let is_person = !person.is_empty()
        && (title.is_some()
            || person_start > 0
            || (words.len() >= 2 && parts.iter().all(|p| p.role == Role::Word)));
    Some(Name {
        range,
        parts: NameParts::new(title, words, is_person),
    })
}

fn is_demonym(word: &str) -> bool {
    DEMONYMS.contains(&word) || DEMONYM_SUFFIXES.iter().any(|s| word.ends_with(s))
}

#[cfg(test)]
mod tests;
