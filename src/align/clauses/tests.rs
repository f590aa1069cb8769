use super::*;

const MERGED: &str = "Zelensky happened to be in Turkey when the attack took place, and unconfirmed \
                      Ukrainian accounts suggested that talks were later cancelled.";

#[test]
fn a_clause_starts_after_a_comma_and_a_conjunction() {
    let at = boundaries(MERGED, 0..MERGED.len());
    assert_eq!(at.len(), 1);
    assert!(MERGED[at[0]..].starts_with("and unconfirmed"));
}

#[test]
fn the_main_clause_after_an_opening_participle_phrase_starts_a_clause() {
    let text = "Drafted by Trump's envoy Steve Witkoff and Russian special envoy Kirill \
                Dmitriev, the framework remains unconfirmed by Washington or Moscow.";
    let at = boundaries(text, 0..text.len());
    assert_eq!(at.len(), 1);
    assert!(text[at[0]..].starts_with("the framework"));
    // Only the phrase's own comma, and only after an opening participle.
    for text in [
        "Speaking to reporters in Kyiv on Monday, the minister said talks would go on, \
         at least for a week.",
        "In the western city of Ternopil, rescuers searched the rubble through the night.",
    ] {
        let at = boundaries(text, 0..text.len());
        assert!(at.len() <= 1, "{text}: {at:?}");
        if let Some(&first) = at.first() {
            assert!(text[first..].starts_with("the minister"), "{text}");
        }
    }
    // A sentence turned round: its comma parts a list.
    let turned = "Accompanying Driscoll is Army chief of staff Gen Randy George, top US army \
                  commander in Europe Gen Chris Donohue and Sgt Maj Michael Weimer.";
    assert!(boundaries(turned, 0..turned.len()).is_empty());
    let plain = "In the western city of Ternopil, rescuers searched the rubble through the night.";
    assert!(boundaries(plain, 0..plain.len()).is_empty());
}

#[test]
fn a_participle_after_a_comma_starts_a_clause() {
    let text = "The team, led by US Army Secretary Dan Driscoll, is scheduled to meet Zelensky on \
                Thursday, marking the most senior US military visit to Ukraine this year.";
    let at = boundaries(text, 0..text.len());
    assert_eq!(at.len(), 1, "{at:?}");
    assert!(text[at[0]..].starts_with("marking"));
    // Not a name, a "-thing" word or a short word that only ends like one.
    for text in [
        "Talks went on in Kyiv, Beijing and Warsaw for most of the week.",
        "Officials said there was, nothing new to add about the plan.",
        "The ministers met in the capital, king and court watching them.",
    ] {
        assert!(boundaries(text, 0..text.len()).is_empty(), "{text}");
    }
}

#[test]
fn commas_inside_numbers_lists_and_quotations_start_no_clause() {
    for text in [
        "The strike killed 1,000 people in the western city of Ternopil overnight.",
        "Kallas met Barrot, Wadephul, Sikorski and the Ukrainian foreign minister.",
        "He said “we met in Kyiv, and we agreed on nothing at all” to the reporters.",
        // Too short a part to be a clause of its own.
        "He came, and he left the city.",
    ] {
        assert_eq!(
            boundaries(text, 0..text.len()),
            Vec::<usize>::new(),
            "{text}"
        );
    }
}

#[test]
fn dashes_start_clauses_and_semicolons_and_colons_do_not() {
    let text = "Officials met in Kyiv on Wednesday; they discussed the new plan—including the \
                territorial demands of Moscow: none were accepted by the Ukrainian side.";
    let starts: Vec<&str> = boundaries(text, 0..text.len())
        .into_iter()
        .map(|at| text[at..].split(' ').next().unwrap())
        .collect();
    assert_eq!(starts, ["including"]);
}

#[test]
fn cut_units_end_each_part_at_its_punctuation() {
    let at = boundaries(MERGED, 0..MERGED.len());
    let parts = cut_units(MERGED, std::slice::from_ref(&(0..MERGED.len())), &at);
    let texts: Vec<&str> = parts.iter().map(|r| &MERGED[r.clone()]).collect();
    assert_eq!(
        texts,
        [
            "Zelensky happened to be in Turkey when the attack took place,",
            "and unconfirmed Ukrainian accounts suggested that talks were later cancelled."
        ]
    );
}

#[test]
fn beads_over_a_pairs_own_units_are_renumbered_onto_finer_ones() {
    // Base sentences 0..10, 11..20, 21..30; this pair cut nothing, another pair cut the
    // second sentence at 15.
    let own = [0..10, 11..20, 21..30];
    let finer = [0..10, 11..14, 15..20, 21..30];
    let beads = vec![
        Bead::Match {
            a: 0..2,
            b: 0..1,
            confidence: 1.0,
        },
        Bead::OnlyA(2..3),
    ];
    let renumbered = renumber_base(beads, &own, &finer);
    assert_eq!(
        renumbered,
        vec![
            Bead::Match {
                a: 0..3,
                b: 0..1,
                confidence: 1.0,
            },
            Bead::OnlyA(3..4),
        ]
    );
}
