//! Names: runs of capitalised words with their titles ("Gen. Chris Donahue", "Jean-Noël
//! Barrot", "Sergeant Major of the Army Michael Weimer"), and single proper words ("Kyiv").
//!
//! A capitalised word that starts a sentence is a name only when the text shows it is one (it
//! also occurs capitalised mid-sentence and never in lower case), so "Senior", "Tragically" are
//! not names. Title-case headings only contribute words known as names from the story text.
//! Titles are normalised ("Gen." = "Gen" = "General", "Sgt. Maj." = "Sergeant Major") and kept
//! apart from the words that identify the person, so the comparison can tell a title change
//! from a spelling change.

use std::ops::Range;

use crate::tokens::{self, TokenClass};

use super::{Lexicon, Tok, after_opening, dates, first_word};

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

/// Titles as written → normalised.
const TITLES: &[(&str, &str)] = &[
    ("Adm", "Admiral"),
    ("Admiral", "Admiral"),
    ("Amb", "Ambassador"),
    ("Ambassador", "Ambassador"),
    ("Brig", "Brigadier"),
    ("Brigadier", "Brigadier"),
    ("Capt", "Captain"),
    ("Captain", "Captain"),
    ("Cdr", "Commander"),
    ("Chancellor", "Chancellor"),
    ("Cmdr", "Commander"),
    ("Col", "Colonel"),
    ("Colonel", "Colonel"),
    ("Commander", "Commander"),
    ("Cpl", "Corporal"),
    ("Corporal", "Corporal"),
    ("Dame", "Dame"),
    ("Deputy", "Deputy"),
    ("Dr", "Doctor"),
    ("Emir", "Emir"),
    ("Gen", "General"),
    ("General", "General"),
    ("Gov", "Governor"),
    ("Governor", "Governor"),
    ("Judge", "Judge"),
    ("King", "King"),
    ("Lieut", "Lieutenant"),
    ("Lieutenant", "Lieutenant"),
    ("Lord", "Lord"),
    ("Lt", "Lieutenant"),
    ("Maj", "Major"),
    ("Major", "Major"),
    ("Marshal", "Marshal"),
    ("Mayor", "Mayor"),
    ("Minister", "Minister"),
    ("Ministers", "Minister"),
    ("Mr", "Mr"),
    ("Mrs", "Mrs"),
    ("Ms", "Ms"),
    ("Pope", "Pope"),
    ("Premier", "Premier"),
    ("Pres", "President"),
    ("President", "President"),
    ("Presidents", "President"),
    ("Prime", "Prime"),
    ("Prince", "Prince"),
    ("Princess", "Princess"),
    ("Prof", "Professor"),
    ("Professor", "Professor"),
    ("Pvt", "Private"),
    ("Queen", "Queen"),
    ("Rep", "Representative"),
    ("Representative", "Representative"),
    ("Rev", "Reverend"),
    ("Reverend", "Reverend"),
    ("Secretary", "Secretary"),
    ("Sen", "Senator"),
    ("Senator", "Senator"),
    ("Sergeant", "Sergeant"),
    ("Sgt", "Sergeant"),
    ("Sheikh", "Sheikh"),
    ("Sir", "Sir"),
    ("Vice", "Vice"),
];

/// Words inside a name that name a body, not a person: they end a person's words.
const DESIGNATORS: &[&str] = &[
    "Affairs",
    "Agency",
    "Army",
    "Command",
    "Commission",
    "Committee",
    "Council",
    "Court",
    "Defence",
    "Defense",
    "Department",
    "Forces",
    "Guard",
    "House",
    "Ministry",
    "Navy",
    "Office",
    "Party",
    "Police",
    "Service",
    "Services",
    "Staff",
    "State",
    "Union",
];

/// Lower-case words that may stand inside a name before another capitalised word.
const CONNECTORS: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "della", "den", "der", "di", "dos", "du", "el", "ibn",
    "la", "le", "of", "the", "van", "von",
];

/// Capitalised words that open sentences and are never names on their own.
const STARTERS: &[&str] = &[
    "Another",
    "Both",
    "Despite",
    "Each",
    "Earlier",
    "Emerging",
    "Every",
    "Former",
    "Further",
    "Later",
    "Local",
    "Many",
    "Most",
    "New",
    "Recent",
    "Reports",
    "Senior",
    "Several",
    "Some",
    "Top",
    "Unconfirmed",
];

/// Proper adjectives that are not names on their own ("Russian missile").
const DEMONYM_SUFFIXES: &[&str] = &["ian", "ean", "ese", "ish", "ans"];
const DEMONYMS: &[&str] = &[
    "Afghan",
    "African",
    "American",
    "Arab",
    "Dutch",
    "Eastern",
    "French",
    "German",
    "Greek",
    "Iraqi",
    "Israeli",
    "Korean",
    "Mexican",
    "Northern",
    "Pakistani",
    "Southern",
    "Swiss",
    "Thai",
    "Western",
];

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
        if let Some(name) = build(text, toks, &parts) {
            names.push(name);
        }
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
mod tests {
    use crate::facts::extract::{Detail, extract};
    use crate::facts::model::FactKind;

    /// (text, normalised value) of every name in a text.
    fn names(text: &str) -> Vec<(&str, String)> {
        extract(text)
            .facts
            .into_iter()
            .filter(|f| f.kind == FactKind::Name)
            .map(|f| (&text[f.range], f.value))
            .collect()
    }

    fn values(text: &str) -> Vec<String> {
        names(text).into_iter().map(|n| n.1).collect()
    }

    #[test]
    fn abbreviated_and_full_titles_normalise_alike() {
        assert_eq!(
            values("He met Gen. Chris Donahue."),
            ["General Chris Donahue"]
        );
        assert_eq!(
            values("He met Gen Chris Donahue."),
            ["General Chris Donahue"]
        );
        assert_eq!(
            values("He met General Chris Donahue."),
            ["General Chris Donahue"]
        );
        assert_eq!(
            values("He met Col. David Butler."),
            ["Colonel David Butler"]
        );
        assert_eq!(
            values("He met Sgt. Maj. Michael Weimer."),
            ["Sergeant Major Michael Weimer"]
        );
        assert_eq!(
            values("He met Sgt Maj. Of the Army Michael Weimer."),
            ["Sergeant Major Michael Weimer"]
        );
    }

    #[test]
    fn hyphenated_and_accented_names_stay_whole() {
        assert_eq!(
            names("Then France’s minister, Jean-Noël Barrot, spoke."),
            [
                ("France", "France".into()),
                ("Jean-Noël Barrot", "Jean-Noël Barrot".into())
            ]
        );
        assert_eq!(
            values("The EU’s chief, Kaja Kallas, warned."),
            ["EU", "Kaja Kallas"]
        );
    }

    #[test]
    fn job_words_before_a_person_are_dropped_but_titles_kept() {
        assert_eq!(
            values("Then US Secretary of State Marco Rubio wrote."),
            ["Secretary Marco Rubio"]
        );
        assert_eq!(
            values("Then Ukrainian Defence Minister Denys Shmyhal wrote."),
            ["Minister Denys Shmyhal"]
        );
        assert_eq!(
            values("Then the envoy to Ukraine Keith Kellogg left."),
            ["Keith Kellogg"]
        );
    }

    #[test]
    fn bodies_keep_their_whole_name() {
        assert_eq!(
            values("He told CBS News and the White House."),
            ["CBS News", "White House"]
        );
        assert_eq!(values("He told the U.S. Army."), ["US Army"]);
    }

    #[test]
    fn possessives_end_a_name_and_are_not_part_of_it() {
        assert_eq!(
            names("It was President Donald Trump’s envoy."),
            [("President Donald Trump", "President Donald Trump".into())]
        );
    }

    #[test]
    fn lone_titles_and_demonyms_are_not_names() {
        assert!(values("The President said a Russian missile hit.").is_empty());
    }

    #[test]
    fn sentence_starts_are_names_only_when_the_text_shows_it() {
        let text =
            "Zelensky spoke. Then Zelensky left. Tragically, it rained. Despite that, Kyiv held.";
        assert_eq!(values(text), ["Zelensky", "Zelensky", "Kyiv"]);
    }

    #[test]
    fn title_case_headings_only_yield_known_names() {
        let text = "Unconfirmed Reports of Cancelled Talks in Turkey\n\nZelensky was in Turkey. Later Zelensky left.";
        assert_eq!(values(text), ["Turkey", "Zelensky", "Turkey", "Zelensky"]);
    }

    #[test]
    fn names_tell_people_from_bodies() {
        let ex = extract("Gen. Chris Donahue met Kaja Kallas at the White House in Kyiv.");
        let people: Vec<bool> = ex
            .facts
            .iter()
            .filter_map(|f| {
                if let Detail::Name(p) = &f.detail {
                    Some(p.is_person())
                } else {
                    None
                }
            })
            .collect();
        assert_eq!(people, [true, true, false, false]);
    }
}
