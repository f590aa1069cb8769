use super::*;
use crate::testing::{Builder, story};

fn same_story(paragraphs: usize) -> Comparison {
    let text = (0..paragraphs)
        .map(|i| format!("Paragraph number {i} says something."))
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut changed = text.clone();
    changed = changed.replace("number 5 says", "number 5 now says");
    let mut builder = Builder::new(&[("a.txt", &text), ("b.txt", &changed)]);
    for i in 0..paragraphs {
        builder = builder.passage(&[Some(i), Some(i)]);
    }
    builder.build()
}

#[test]
fn runs_of_same_passages_fold_around_a_change() {
    let c = same_story(10);
    assert_eq!(
        outline(&c, Scope::All, 0),
        [
            Item::Folded { count: 5 },
            Item::Passage(5),
            Item::Folded { count: 4 }
        ]
    );
}

#[test]
fn context_keeps_that_many_same_passages_on_each_side() {
    let c = same_story(10);
    let items = outline(&c, Scope::All, 2);
    assert_eq!(
        items,
        [
            Item::Folded { count: 3 },
            Item::Passage(3),
            Item::Passage(4),
            Item::Passage(5),
            Item::Passage(6),
            Item::Passage(7),
            Item::Folded { count: 2 },
        ]
    );
}

#[test]
fn boilerplate_and_moved_marks_stand_in_the_outline() {
    let c = story();
    let items = outline(&c, Scope::All, 0);
    assert_eq!(
        items,
        [
            Item::Folded { count: 1 },
            Item::MovedHere(MovedHere {
                passage: 6,
                through: 6,
                version: VersionId(1)
            }),
            Item::Passage(1),
            Item::Passage(2),
            Item::Boilerplate(3),
            Item::Folded { count: 1 },
            Item::Passage(5),
            Item::Passage(6),
        ]
    );
}

#[test]
fn labels_use_distinct_numeric_prefixes_or_fall_back_to_indices() {
    let seeds = Builder::new(&[("seeds/000_abc.txt", "a"), ("001_def.txt", "b")]).build();
    assert_eq!(
        Labels::new(&seeds).list([VersionId(0), VersionId(1)]),
        "000, 001"
    );
    let plain = Builder::new(&[("before.txt", "a"), ("after.txt", "b")]).build();
    assert_eq!(
        Labels::new(&plain).list([VersionId(0), VersionId(1)]),
        "v0, v1"
    );
    let clash = Builder::new(&[("01_a.txt", "a"), ("01_b.txt", "b")]).build();
    assert_eq!(Labels::new(&clash).get(VersionId(1)), "v1");
}

#[test]
fn headers_name_status_similarity_and_both_places() {
    let c = story();
    let labels = Labels::new(&c);
    let header = |i: usize| super::header(&c, &labels, &c.passages[i], Scope::All);
    assert_eq!(
        header(1),
        "── passage 2/7 · changed · 76% · 000 ¶2 ↔ 001 ¶3"
    );
    assert_eq!(header(2), "── passage 3/7 · removed · 000 ¶3");
    assert_eq!(header(5), "── passage 6/7 · added · 001 ¶6");
    assert_eq!(
        header(6),
        "── passage 7/7 · moved · 100% · 000 ¶6 ↔ 001 ¶2 · in 001 after passage 1"
    );
}

#[test]
fn percentages_stay_below_100_until_identical() {
    assert_eq!(percent(0.996), "99%");
    assert_eq!(percent(1.0), "100%");
    assert_eq!(percent(0.724), "72%");
}

#[test]
fn tally_counts_statuses_with_boilerplate_apart() {
    let t = Tally::of(&story(), Scope::All);
    assert_eq!(
        t.summary(),
        "7 passages: 2 same, 1 changed, 1 added, 1 removed, 1 moved · 1 boilerplate"
    );
}

#[test]
fn a_pair_scope_leaves_out_passages_neither_version_carries() {
    let c = Builder::new(&[
        ("000_a", "Same.\n\nShare this"),
        ("001_b", "Same."),
        ("002_c", "Same.\n\nShare this"),
    ])
    .passage(&[Some(0), Some(0), Some(0)])
    .passage(&[None, None, Some(1)])
    .boilerplate()
    .build();
    assert_eq!(Tally::of(&c, Scope::Pair(VersionId(1))).boilerplate, 0);
    assert_eq!(Tally::of(&c, Scope::Pair(VersionId(2))).boilerplate, 1);
    assert_eq!(
        outline(&c, Scope::Pair(VersionId(1)), 0),
        [Item::Folded { count: 1 }]
    );
}
