use super::*;
use crate::model::{Comparison, VersionId};
use crate::testing::{story, three_versions};

fn stat(comparison: &Comparison) -> String {
    let mut out = Vec::new();
    print(&mut out, &Analysis::new(comparison.clone())).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn one_line_per_compared_version_after_the_base() {
    insta::assert_snapshot!(stat(&three_versions()));
}

#[test]
fn words_count_kept_deleted_and_inserted_without_boilerplate() {
    let c = story();
    // Kept: 6 (army) + 7 of the changed passage (its final "." too) + 4 (Geneva) + 4 (moved);
    // deleted: "Donahue", "Monday" and the 4 removed words; inserted: "Donohue", "foreign",
    // "Tuesday" and the 5 added words.
    // "Table of Contents" (boilerplate) counts nowhere.
    assert_eq!(
        WordCounts::of(&c, VersionId(1)),
        WordCounts {
            kept: 21,
            deleted: 6,
            inserted: 8
        }
    );
}
