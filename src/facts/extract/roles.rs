//! Roles: who does what, read with rules. A role is an actor and an action ("Ukraine is giving
//! up", "the harbour authority has not confirmed", "Brooks said"), with two marks that change
//! what a sentence claims: a negation ("not", "never", "neither … nor") and a hedge
//! ("reportedly", "allegedly", "supposedly", "is said to").
//!
//! Only a fixed set of actions is read (giving up, confirming, saying, stopping, arresting,
//! killing, lobbying, publishing, rejecting, approving, agreeing, paying, accepting, meeting),
//! each in its common forms and synonyms, so that "relinquishing" meets "give up" and
//! "acknowledged" meets "confirmed". The actor is the word right before the verb, past
//! auxiliaries and adverbs ("Russia to give up", "the man had tried to stop"); a pronoun or a
//! clause without one yields no role. Capitals and their countries name the same actor (Kyiv =
//! Ukraine, Moscow = Russia), so a rewrite that swaps them is no swapped role.

use std::ops::Range;

use crate::tokens::TokenClass;

use super::Tok;

/// What a role fact says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleParts {
    /// The actor as compared: lower case, singular, capitals folded into their countries.
    pub actor: String,
    /// The action, by its class ("give up", "confirm", "say").
    pub action: &'static str,
    /// Whether the sentence denies it ("has not confirmed").
    pub negated: bool,
    /// Whether the sentence hedges it ("reportedly", "allegedly", "is said to").
    pub hedged: bool,
}

impl RoleParts {
    /// The normalised value: "ukraine give up", "authority not confirm", "man arrest
    /// (reportedly)".
    #[must_use]
    pub fn value(&self) -> String {
        let not = if self.negated { "not " } else { "" };
        let hedge = if self.hedged { " (reportedly)" } else { "" };
        format!("{} {not}{}{hedge}", self.actor, self.action)
    }
}

/// A role found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Role {
    /// From the actor to the verb: "Russia to give up".
    pub range: Range<usize>,
    pub parts: RoleParts,
}

/// Verb forms → action class. Two-word verbs ("give up") are matched on their first word.
const VERBS: &[(&str, &str)] = &[
    ("give", "give up"),
    ("gives", "give up"),
    ("giving", "give up"),
    ("gave", "give up"),
    ("surrender", "give up"),
    ("surrenders", "give up"),
    ("surrendering", "give up"),
    ("surrendered", "give up"),
    ("relinquish", "give up"),
    ("relinquishes", "give up"),
    ("relinquishing", "give up"),
    ("relinquished", "give up"),
    ("cede", "give up"),
    ("cedes", "give up"),
    ("ceding", "give up"),
    ("ceded", "give up"),
    ("confirm", "confirm"),
    ("confirms", "confirm"),
    ("confirmed", "confirm"),
    ("acknowledge", "confirm"),
    ("acknowledges", "confirm"),
    ("acknowledged", "confirm"),
    ("said", "say"),
    ("says", "say"),
    ("stated", "say"),
    ("told", "say"),
    ("wrote", "say"),
    ("stop", "stop"),
    ("stops", "stop"),
    ("stopped", "stop"),
    ("prevent", "stop"),
    ("prevented", "stop"),
    ("block", "stop"),
    ("blocked", "stop"),
    ("arrested", "arrest"),
    ("detained", "arrest"),
    ("killed", "kill"),
    ("kill", "kill"),
    ("lobbied", "lobby"),
    ("lobby", "lobby"),
    ("published", "publish"),
    ("publish", "publish"),
    ("released", "publish"),
    ("rejected", "reject"),
    ("rejects", "reject"),
    ("dismissed", "reject"),
    ("approved", "approve"),
    ("approve", "approve"),
    ("agreed", "agree"),
    ("pay", "pay"),
    ("paid", "pay"),
    ("accept", "accept"),
    ("accepted", "accept"),
    ("met", "meet"),
];

/// Words between an actor and its verb: auxiliaries, "to", "tried to", adverbs of manner.
const BETWEEN: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "can",
    "to",
    "not",
    "n't",
    "never",
    "also",
    "already",
    "tried",
    "try",
    "tries",
    "attempted",
    "trying",
    "expected",
    "set",
    "due",
    "then",
    "later",
    "still",
    "did",
    "does",
    "do",
    "yet",
    "once",
    "itself",
    "ultimately",
    "said",
    "afterward",
    "afterwards",
    "again",
    "now",
    "just",
    "first",
    "further",
    "earlier",
    "meanwhile",
    "since",
    "soon",
    "too",
];

const NEGATIONS: &[&str] = &["not", "n't", "never", "nor", "neither", "no", "cannot"];
const HEDGES: &[&str] = &[
    "reportedly",
    "allegedly",
    "supposedly",
    "purportedly",
    "apparently",
    "rumoured",
    "rumored",
];

/// Words that are never actors: pronouns, determiners, relative words.
const NOT_ACTORS: &[&str] = &[
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "who",
    "which",
    "that",
    "this",
    "these",
    "those",
    "there",
    "what",
    "also",
    "and",
    "or",
    "but",
    "a",
    "an",
    "the",
    "its",
    "their",
    "his",
    "her",
    "including",
    "of",
    "for",
    "with",
    "by",
    "on",
    "in",
    "as",
];

/// Capitals, bodies and countries that name the same actor in news copy.
const ALIASES: &[(&str, &str)] = &[
    ("kyiv", "ukraine"),
    ("kiev", "ukraine"),
    ("ukrainians", "ukraine"),
    ("moscow", "russia"),
    ("kremlin", "russia"),
    ("russians", "russia"),
    ("washington", "us"),
    ("u.s", "us"),
    ("u.s.", "us"),
    ("america", "us"),
    ("beijing", "china"),
    ("london", "uk"),
    ("britain", "uk"),
    ("paris", "france"),
    ("berlin", "germany"),
];

/// The roles of one sentence's tokens. `quoted` says the sentence holds a quotation, whose
/// speaker is a role of its own: "X said" is then not read again.
pub(super) fn extract(toks: &[Tok<'_>], quoted: bool) -> Vec<Role> {
    let mut roles = Vec::new();
    for (v, t) in toks.iter().enumerate() {
        if !t.is_word() {
            continue;
        }
        let lower = t.text.to_lowercase();
        let Some(action) = VERBS.iter().find(|(w, _)| *w == lower).map(|(_, a)| *a) else {
            continue;
        };
        let mut end = t.end;
        if action == "give up" && ["give", "gives", "giving", "gave"].contains(&lower.as_str()) {
            match toks.get(v + 1) {
                Some(up) if up.text.eq_ignore_ascii_case("up") => end = up.end,
                _ => continue,
            }
        }
        if action == "say" && quoted {
            continue;
        }
        let Some((actor, skipped)) = actor_before(toks, v) else {
            continue;
        };
        let word = |k: usize| toks[k].text.to_lowercase();
        let mut negated = skipped
            .clone()
            .any(|k| NEGATIONS.contains(&word(k).as_str()));
        // "neither Washington nor Moscow has confirmed".
        negated |= actor > 0 && NEGATIONS.contains(&word(actor - 1).as_str());
        let hedged = (0..v).any(|k| HEDGES.contains(&word(k).as_str()))
            || (1..v).any(|k| word(k) == "said" && word(k + 1) == "to" && k + 1 < v)
            || (skipped.start..v).any(|k| word(k) == "said");
        // A speaker is someone named: "the preconditions stated" is no speech.
        if action == "say" && !toks[actor].text.starts_with(char::is_uppercase) {
            continue;
        }
        let Some(name) = actor_value(toks[actor].text) else {
            continue;
        };
        roles.push(Role {
            range: toks[actor].start..end,
            parts: RoleParts {
                actor: name,
                action,
                negated,
                hedged: hedged && action != "say",
            },
        });
    }
    roles
}

/// The actor of the verb at token `v`: the first word before it past the words that may stand
/// between; with the indices skipped. `None` when punctuation or no word comes first.
fn actor_before(toks: &[Tok<'_>], v: usize) -> Option<(usize, Range<usize>)> {
    let mut k = v;
    while k > 0 {
        k -= 1;
        let t = &toks[k];
        if t.class != TokenClass::Word {
            // "n't" may come as its own token after an apostrophe.
            if t.text == "’" || t.text == "'" {
                continue;
            }
            return None;
        }
        let lower = t.text.to_lowercase();
        let adverb =
            lower.ends_with("ly") && lower.len() > 4 && t.text.starts_with(char::is_lowercase);
        if BETWEEN.contains(&lower.as_str())
            || HEDGES.contains(&lower.as_str())
            || adverb
            || lower == "t"
        {
            continue;
        }
        return Some((k, k + 1..v));
    }
    None
}

/// The compared form of an actor word, if it can be one.
fn actor_value(word: &str) -> Option<String> {
    let word = word
        .strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word);
    let lower = word.to_lowercase();
    if NOT_ACTORS.contains(&lower.as_str())
        || crate::tokens::is_stop_word(&lower)
        || !lower.chars().any(char::is_alphabetic)
    {
        return None;
    }
    if let Some((_, alias)) = ALIASES.iter().find(|(w, _)| *w == lower) {
        return Some((*alias).to_string());
    }
    // A crude singular for common nouns: "crews" = "crew".
    let capital = word.starts_with(char::is_uppercase);
    match lower.strip_suffix('s') {
        Some(stem) if !capital && stem.len() > 2 && !stem.ends_with('s') => Some(stem.to_string()),
        _ => Some(lower),
    }
}

#[cfg(test)]
mod tests {
    use crate::facts::extract::extract;
    use crate::facts::model::FactKind;

    fn roles(text: &str) -> Vec<(String, String)> {
        extract(text)
            .facts
            .into_iter()
            .filter(|f| f.kind == FactKind::Role)
            .map(|f| (text[f.range].to_string(), f.value))
            .collect()
    }

    fn values(text: &str) -> Vec<String> {
        roles(text).into_iter().map(|r| r.1).collect()
    }

    #[test]
    fn the_actor_of_giving_up_is_read_in_every_form() {
        assert_eq!(
            roles("The plan calls for Russia to give up territory in the Donbas."),
            [(
                "Russia to give up".to_string(),
                "russia give up".to_string()
            )]
        );
        assert_eq!(
            values("Ukraine is giving up the Donbas."),
            ["ukraine give up"]
        );
        assert_eq!(
            values("It envisions Ukraine surrendering land."),
            ["ukraine give up"]
        );
        assert_eq!(
            values("It wants Kyiv to relinquish land."),
            ["ukraine give up"]
        );
    }

    #[test]
    fn negation_and_hedges_are_part_of_the_role() {
        assert_eq!(
            values("The harbour authority has not confirmed the date."),
            ["authority not confirm"]
        );
        assert_eq!(
            values("Neither Washington nor Moscow has officially confirmed it."),
            ["russia not confirm"]
        );
        assert_eq!(
            values("Police said a man had reportedly been arrested."),
            ["police say", "man arrest (reportedly)"]
        );
        assert_eq!(
            values("The company allegedly lobbied two councillors."),
            ["company lobby (reportedly)"]
        );
    }

    #[test]
    fn swapped_actors_read_differently() {
        assert_eq!(values("The man had tried to stop the crews."), ["man stop"]);
        assert_eq!(
            values("The crews had tried to stop the man."),
            ["crew stop"]
        );
    }

    #[test]
    fn pronouns_and_clauses_without_an_actor_yield_no_role() {
        assert_eq!(values("He said it was over."), Vec::<String>::new());
        assert_eq!(
            values("The plan requires concessions, including relinquishing territory."),
            Vec::<String>::new()
        );
    }
}
