//! How two fact tokens of the same kind relate: the same fact, a spelling variant, a similar fact
//! with another value, or unrelated. Pairing, rescue and consensus all decide through here.

use std::collections::HashSet;
use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};

use super::extract::{Detail, Extracted, NameParts};
use super::model::FactKind;
use crate::tokens;

/// The relation of two facts of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Relation {
    /// Unrelated values: pair only on strong positional evidence.
    Different,
    /// The same sort of value, another value: "2020" / "2024", two quotations sharing words.
    Similar,
    /// A name spelt slightly differently: "Donahue" / "Donohue".
    Spelling,
    /// The same fact ("26" / "twenty-six"; "Chris Donahue" / "Gen. Chris Donahue").
    Same,
}

/// Relates two facts; facts of different kinds are [`Relation::Different`].
pub(super) fn relate(a: &Extracted, b: &Extracted) -> Relation {
    if a.kind != b.kind {
        return Relation::Different;
    }
    match (&a.detail, &b.detail) {
        (Detail::Name(x), Detail::Name(y)) => relate_names(x, y),
        _ if a.value == b.value => Relation::Same,
        // Roles meet on a shared action; an actor spelt a letter apart is the same actor (the
        // name fact reports the spelling).
        (Detail::Role(x), Detail::Role(y)) if x.action == y.action => {
            let actor = x.actor == y.actor || is_spelling_variant(&x.actor, &y.actor);
            if actor && x.negated == y.negated && x.hedged == y.hedged {
                Relation::Same
            } else {
                Relation::Similar
            }
        }
        (Detail::Role(_), _) | (_, Detail::Role(_)) => Relation::Different,
        _ => match a.kind {
            FactKind::Quote => relate_quotes(a, b),
            _ if shape(a.kind, &a.value) == shape(b.kind, &b.value) => Relation::Similar,
            // "the August meeting" and "a 2024 summit" date one event, less or more precisely.
            FactKind::Date
                if matches!(
                    (shape(a.kind, &a.value), shape(b.kind, &b.value)),
                    (Shape::Year, Shape::Month) | (Shape::Month, Shape::Year)
                ) =>
            {
                Relation::Similar
            }
            _ => Relation::Different,
        },
    }
}

/// Relates two quotations with different wording: similar when they share many words (Dice
/// ≥ 0.3), when most content words of the shorter one recur in the longer one (a quotation
/// cut short or paraphrased inside its marks), or when the same speaker is quoted with any of
/// the same content words (one statement rendered two ways; a one-word scare quote from it).
fn relate_quotes(a: &Extracted, b: &Extracted) -> Relation {
    let speaker = |f: &Extracted| match &f.detail {
        Detail::Quote { speaker, .. } => speaker.clone(),
        _ => None,
    };
    let same_speaker = speaker(a).is_some() && speaker(a) == speaker(b);
    let (dice, overlap, shorter) = quote_overlap(&a.value, &b.value);
    let similar =
        dice >= 0.3 || (overlap >= 0.5 && shorter >= 3) || (same_speaker && overlap > 0.0);
    if similar {
        Relation::Similar
    } else {
        Relation::Different
    }
}

/// Dice overlap of two normalised quotations' words, the share of the shorter one's content
/// words found in the other, and that shorter count.
fn quote_overlap(a: &str, b: &str) -> (f32, f32, usize) {
    let words = |s: &str| -> HashSet<String> {
        s.split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let content = |set: &HashSet<String>| -> HashSet<String> {
        let c: HashSet<String> = set
            .iter()
            .filter(|w| !tokens::is_stop_word(w))
            .cloned()
            .collect();
        if c.is_empty() { set.clone() } else { c }
    };
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() || wb.is_empty() {
        return (0.0, 0.0, 0);
    }
    let dice = 2.0 * wa.intersection(&wb).count() as f32 / (wa.len() + wb.len()) as f32;
    let (ca, cb) = (content(&wa), content(&wb));
    let shorter = ca.len().min(cb.len());
    let overlap = ca.intersection(&cb).count() as f32 / shorter as f32;
    (dice, overlap, shorter)
}

/// What sort of value a non-name, non-quote fact has, so that "2020" meets "2024" but not
/// "Thursday", and "26" meets "22" but not "3.5%".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape<'a> {
    Percent,
    /// A count or duration and its unit ("" for a bare number; "day" for "3 days").
    Unit(&'a str),
    /// An amount and its currency sign.
    Currency(&'a str),
    Year,
    Weekday,
    /// A month, with or without day and year: "January" against "January 2017" is a drift
    /// of detail, worth pairing.
    Month,
    Other,
}

fn shape(kind: FactKind, value: &str) -> Shape<'_> {
    match kind {
        FactKind::Number | FactKind::Duration if value.ends_with('%') => Shape::Percent,
        FactKind::Number | FactKind::Duration => Shape::Unit(
            value
                .split_once(' ')
                .map_or("", |(_, unit)| unit.trim_end_matches('s')),
        ),
        FactKind::Money => {
            Shape::Currency(&value[..value.find(|c: char| c.is_ascii_digit()).unwrap_or(0)])
        }
        FactKind::Date if value.len() == 4 && value.bytes().all(|b| b.is_ascii_digit()) => {
            Shape::Year
        }
        FactKind::Date if value.ends_with("day") => Shape::Weekday,
        FactKind::Date => Shape::Month,
        FactKind::Name | FactKind::Quote | FactKind::Role => Shape::Other,
    }
}

/// Relates two names: the same when their last words match and the words before agree where
/// both give them (titles too); a spelling change when a word differs by a letter or two.
pub(super) fn relate_names(a: &NameParts, b: &NameParts) -> Relation {
    let surname = word_relation(a.surname(), b.surname());
    if surname == Relation::Different {
        return Relation::Different;
    }
    let given = match (a.given_name(), b.given_name()) {
        (Some(x), Some(y)) => word_relation(x, y),
        _ => Relation::Same,
    };
    let words = surname.min(given);
    if words == Relation::Different {
        return Relation::Different;
    }
    let titles_differ = matches!((&a.title, &b.title), (Some(x), Some(y)) if x != y);
    match (words, titles_differ) {
        (Relation::Same, true) => Relation::Similar,
        (relation, _) => relation,
    }
}

fn word_relation(a: &str, b: &str) -> Relation {
    if a == b {
        return Relation::Same;
    }
    if is_spelling_variant(a, b) {
        Relation::Spelling
    } else {
        Relation::Different
    }
}

/// One or two letters apart on a long word: one edit from 4 letters, two from 7.
pub(super) fn is_spelling_variant(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    let shorter = la.min(lb);
    let limit = match shorter {
        0..=3 => 0,
        4..=6 => 1,
        _ => 2,
    };
    limit > 0 && la.abs_diff(lb) <= limit && (1..=limit).contains(&edit_distance(a, b))
}

/// Levenshtein distance over characters.
pub(super) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == *cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The content words (stemmed, hashed) of a sentence, sorted: what a fact's context is made of.
/// Words are split at anything not alphanumeric: contexts are compared as bags, so the
/// project's tokenizer (which keeps "U.S." and "Trump’s" whole) would add cost, not accuracy.
pub(super) fn context(text: &str, sentence: Range<usize>, stemmer: &Stemmer) -> Vec<u64> {
    let mut out: Vec<u64> = text[sentence]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 2 && w.chars().any(char::is_alphabetic))
        .map(str::to_lowercase)
        .filter(|w| !tokens::is_stop_word(w))
        .map(|w| fnv(stemmer.stem(&w).as_bytes()))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The English stemmer used for contexts.
pub(super) fn stemmer() -> Stemmer {
    Stemmer::create(Algorithm::English)
}

/// Jaccard similarity of two sorted, deduplicated hash lists.
pub(super) fn jaccard(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut both) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    both as f32 / (a.len() + b.len() - both) as f32
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The nearest content words before and after a range, lower-cased (".. least 26 people ..").
pub(super) fn neighbours(text: &str, range: &Range<usize>) -> (Option<String>, Option<String>) {
    const WINDOW: usize = 48;
    let mut lo = range.start.saturating_sub(WINDOW);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let mut hi = (range.end + WINDOW).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let content =
        |w: &&str| w.chars().any(char::is_alphanumeric) && !tokens::is_stop_word(&w.to_lowercase());
    let before = text[lo..range.start]
        .split(|c: char| !c.is_alphanumeric())
        .rev()
        .find(content);
    let after = text[range.end..hi]
        .split(|c: char| !c.is_alphanumeric())
        .find(content);
    (before.map(str::to_lowercase), after.map(str::to_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(title: Option<&str>, words: &[&str]) -> NameParts {
        let words: Vec<String> = words.iter().map(|w| (*w).to_string()).collect();
        NameParts::new(title.map(str::to_string), words.clone(), words.len() > 1)
    }

    #[test]
    fn edit_distance_counts_letters() {
        assert_eq!(edit_distance("Donahue", "Donohue"), 1);
        assert_eq!(edit_distance("Sergei", "Sergey"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn spelling_variants_need_long_words() {
        assert!(is_spelling_variant("donahue", "donohue"));
        assert!(is_spelling_variant("zelensky", "zelenskyy"));
        assert!(
            !is_spelling_variant("kyiv", "kiev"),
            "two edits on a short word is another word"
        );
        assert!(!is_spelling_variant("putin", "trump"));
        assert!(!is_spelling_variant("may", "mar"));
    }

    #[test]
    fn names_with_and_without_titles_or_given_names_are_the_same() {
        let full = name(Some("General"), &["Chris", "Donahue"]);
        assert_eq!(
            relate_names(&full, &name(None, &["Chris", "Donahue"])),
            Relation::Same
        );
        assert_eq!(
            relate_names(&full, &name(None, &["Donahue"])),
            Relation::Same
        );
        assert_eq!(
            relate_names(&full, &name(Some("General"), &["Chris", "Donohue"])),
            Relation::Spelling
        );
        assert_eq!(
            relate_names(&full, &name(Some("Colonel"), &["Chris", "Donahue"])),
            Relation::Similar
        );
        assert_eq!(
            relate_names(&full, &name(None, &["Michael", "Donahue"])),
            Relation::Different
        );
        assert_eq!(
            relate_names(&full, &name(None, &["Randy", "George"])),
            Relation::Different
        );
    }

    #[test]
    fn context_similarity_ignores_stop_words_and_inflection() {
        let s = stemmer();
        let a = "The strike killed at least 26 people in Ternopil.";
        let b = "At least 26 people were killed by the strikes on Ternopil.";
        let j = jaccard(&context(a, 0..a.len(), &s), &context(b, 0..b.len(), &s));
        assert!(j > 0.6, "{j}");
    }

    #[test]
    fn neighbours_skip_stop_words() {
        let text = "killed at least 26 of the people";
        assert_eq!(
            neighbours(text, &(16..18)),
            (Some("least".into()), Some("people".into()))
        );
    }
}
