//! Name extraction and normalisation on tricky strings.

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

#[test]
fn a_place_before_a_title_is_not_part_of_the_name() {
    assert_eq!(
        names("He met the top commander in Europe Gen Chris Donohue today."),
        [
            ("Europe", "Europe".into()),
            ("Gen Chris Donohue", "General Chris Donohue".into())
        ]
    );
    assert_eq!(
        names("He met Russian Foreign Minister Sergei Lavrov."),
        [(
            "Russian Foreign Minister Sergei Lavrov",
            "Minister Sergei Lavrov".into()
        )]
    );
}

#[test]
fn sergeant_abbreviations_normalise_alike() {
    for text in [
        "He met Sgt. Paul Rennick.",
        "He met Sergeant Paul Rennick.",
        "He met Srg Paul Rennick.",
        "He met Sgt Paul Rennick.",
    ] {
        assert_eq!(values(text), ["Sergeant Paul Rennick"], "{text}");
    }
}
