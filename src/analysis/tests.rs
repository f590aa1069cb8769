use super::*;
use crate::load::{self, Input};
use crate::options::IgnoreOptions;
use crate::{CompareOptions, analyze};

fn inputs(texts: &[&str]) -> Vec<Input> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| Input::from_bytes(format!("{i:03}_v.txt"), *t))
        .collect()
}

fn analysis(texts: &[&str], base: usize) -> Analysis {
    let options = CompareOptions {
        base,
        ..CompareOptions::default()
    };
    analyze(inputs(texts), &options).unwrap()
}

const TEXTS: [&str; 3] = [
    "The mayor opened the bridge. Crowds cheered. Rain fell later.",
    "Rain fell later. The mayor opened the new bridge. Crowds cheered loudly.",
    "Crowds cheered. The mayor, smiling, opened the bridge on Monday.",
];

#[test]
fn with_two_versions_the_pair_is_the_analysis_itself() {
    let two = analysis(&TEXTS[..2], 0);
    assert!(Arc::ptr_eq(
        &two.pair(VersionId(1)).comparison,
        &two.comparison
    ));
    assert_eq!(two.pair_ids(VersionId(1)), [VersionId(0), VersionId(1)]);
}

#[test]
fn with_more_versions_each_pair_reads_as_the_two_compared_alone() {
    for base in [0, 2] {
        let all = analysis(&TEXTS, base);
        for compared in all.comparison.compared() {
            let ids = all.pair_ids(compared);
            let alone = analysis(
                &ids.map(|id| TEXTS[id.0]),
                usize::from(ids[1] == all.comparison.base),
            );
            let pair = &all.pair(compared).comparison;
            assert_eq!(pair.passages, alone.comparison.passages);
            assert_eq!(pair.base, alone.comparison.base);
            assert_eq!(pair.version(pair.base).text, TEXTS[base]);
        }
    }
}

#[test]
fn pairs_are_compared_once_and_shared_by_clones() {
    let all = analysis(&TEXTS, 0);
    let clone = all.clone();
    let first = all.pair(VersionId(2));
    assert!(std::ptr::eq(first, all.pair(VersionId(2))));
    assert!(Arc::ptr_eq(
        &first.comparison,
        &clone.pair(VersionId(2)).comparison
    ));
    // A pair's facts are its own, found when asked for.
    assert!(first.facts_if_found().is_none());
    assert!(all.facts_if_found().is_none());
}

#[test]
#[should_panic(expected = "no compared version")]
fn the_base_has_no_pair() {
    let _ = analysis(&TEXTS, 1).pair(VersionId(1));
}

/// Each pair as the analysis assembles it from the alignments its run kept is the pair compared
/// alone ([`compare_pair`]): the same passages, versions and options, and the same facts.
/// Returns how many pairs cut the base into other units than the passage table does (a pair's
/// own clause cuts, where the table takes every pair's).
fn assert_pairs_are_compared_alone(inputs: Vec<Input>, options: &CompareOptions) -> usize {
    let all = analyze(inputs, options).unwrap();
    let c = &all.comparison;
    let starts = |c: &Comparison, v: VersionId| -> Vec<usize> {
        let mut starts: Vec<usize> = c
            .passages
            .iter()
            .filter_map(|p| p.span(v).map(|s| s.range.start))
            .collect();
        starts.sort_unstable();
        starts
    };
    let table = starts(c, c.base);
    let mut cut_otherwise = 0;
    for compared in c.compared() {
        let pair = all.pair(compared);
        let alone = compare_pair(&c.versions, c.base, compared, &c.options).unwrap();
        let got = &pair.comparison;
        assert_eq!(
            got.passages, alone.passages,
            "{compared:?} against the base"
        );
        assert_eq!((got.base, &got.options), (alone.base, &alone.options));
        for (g, a) in got.versions.iter().zip(&alone.versions) {
            assert_eq!(
                (g.id, &g.name, &g.text, &g.paragraphs),
                (a.id, &a.name, &a.text, &a.paragraphs)
            );
        }
        assert_eq!(**pair.facts(), facts::analyze(&alone));
        let own = starts(got, got.base);
        cut_otherwise += usize::from(own.iter().any(|s| table.binary_search(s).is_err()));
    }
    assert_eq!(**all.facts(), facts::analyze(c));
    cut_otherwise
}

#[test]
fn pairs_assembled_from_the_kept_alignments_are_the_pairs_compared_alone_on_the_seeds() {
    let every = IgnoreOptions {
        case: true,
        punctuation: true,
        quotes: true,
    };
    for (base, ignore, keep_boilerplate) in [
        (0, IgnoreOptions::default(), false),
        (2, IgnoreOptions::default(), false),
        (4, every, false),
        (1, every, true),
    ] {
        let options = CompareOptions {
            base,
            ignore,
            keep_boilerplate,
            ..CompareOptions::default()
        };
        assert_pairs_are_compared_alone(load::bundled_seeds(), &options);
        let three = load::bundled_seeds().into_iter().skip(1).take(3).collect();
        let options = CompareOptions {
            base: base.min(2),
            ..options
        };
        assert_pairs_are_compared_alone(three, &options);
    }
}

/// The base's two long sentences each join two clauses; each compared version splits a
/// different one (or neither), so the passage table cuts the base at both clauses while each
/// pair cuts it at its own.
const CLAUSES: [&str; 4] = [
    "Ukraine's president met European leaders in Brussels on Monday.\n\
     Zelensky happened to be in Turkey when the missile attack on Ternopil took place, and \
     unconfirmed Ukrainian accounts suggested that talks with envoy Witkoff in Ankara were later \
     cancelled.\n\
     Kremlin spokesman Dmitry Peskov dismissed the reports as fabrications.\n\
     The army said 26 people died in the strike on the city, while rescuers searched the rubble \
     of two apartment blocks in Ternopil through the night.\n\
     Grain prices rose in Odesa.\n",
    "Ukraine's president met European leaders in Brussels on Monday.\n\
     Zelensky was travelling through Turkey when the missile attack on Ternopil took place.\n\
     Kremlin spokesman Dmitry Peskov dismissed the reports as fabrications.\n\
     Ukrainian media, citing unconfirmed accounts, said talks with envoy Witkoff in Ankara had \
     been cancelled.\n\
     The army said 26 people died in the strike on the city, while rescuers searched the rubble \
     of two apartment blocks in Ternopil through the night.\n",
    "Grain prices rose in Odesa.\n\
     Ukraine's president met European leaders in Brussels on Monday.\n\
     Zelensky happened to be in Turkey when the missile attack on Ternopil took place, and \
     unconfirmed Ukrainian accounts suggested that talks with envoy Witkoff in Ankara were later \
     cancelled.\n\
     Rescuers searched the rubble of two apartment blocks in Ternopil through the night, \
     officials said.\n\
     Kremlin spokesman Dmitry Peskov dismissed the reports as fabrications.\n\
     The army said 28 people died in the strike on the city.\n",
    "Ukraine's president met European leaders in Brussels on Monday.\n\n\
     Kremlin spokesman Dmitry Peskov dismissed the reports as lies.\n\n\
     Zelensky happened to be in Turkey when the attack on Ternopil took place.\n",
];

#[test]
fn pairs_are_the_pairs_compared_alone_where_each_pair_cuts_the_base_at_its_own_clauses() {
    let mut cut_otherwise = 0;
    for (texts, base) in [(&CLAUSES[..], 0), (&CLAUSES[..3], 0), (&CLAUSES[..], 2)] {
        for ignore in [
            IgnoreOptions::default(),
            IgnoreOptions {
                case: true,
                punctuation: true,
                quotes: false,
            },
        ] {
            let options = CompareOptions {
                base,
                ignore,
                ..CompareOptions::default()
            };
            cut_otherwise += assert_pairs_are_compared_alone(inputs(texts), &options);
        }
    }
    // The case the kept alignments are for: a pair whose units the table cuts finer.
    assert!(cut_otherwise > 0);
}

/// Sentences versions are made of: some of them the halves of another, so that the clause pass
/// cuts, and some alike but for a word or a number.
const POOL: [&str; 12] = [
    "Ukraine's president met European leaders in Brussels on Monday.",
    "Zelensky happened to be in Turkey when the missile attack on Ternopil took place, and \
     unconfirmed Ukrainian accounts suggested that talks with envoy Witkoff in Ankara were later \
     cancelled.",
    "Zelensky was travelling through Turkey when the missile attack on Ternopil took place.",
    "Ukrainian media, citing unconfirmed accounts, said talks with envoy Witkoff in Ankara had \
     been cancelled.",
    "Kremlin spokesman Dmitry Peskov dismissed the reports as fabrications.",
    "Kremlin spokesman Dmitry Peskov dismissed the reports as lies.",
    "The army said 26 people died in the strike on the city, while rescuers searched the rubble \
     of two apartment blocks in Ternopil through the night.",
    "The army said 28 people died in the strike on the city.",
    "Rescuers searched the rubble of two apartment blocks in Ternopil through the night.",
    "Grain prices rose in Odesa.",
    "Advertisement",
    "Senior US military leaders arrived in Kyiv on Wednesday.",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Versions made of the pool's sentences in any order, any of them left out, one or two to a
    /// paragraph: each pair the analysis assembles is the pair compared alone.
    #[test]
    fn pairs_assembled_from_the_kept_alignments_are_the_pairs_compared_alone(
        versions in proptest::collection::vec(
            proptest::collection::vec((0..POOL.len(), proptest::bool::ANY), 2..9),
            3..5,
        ),
        base in 0..4usize,
        case in proptest::bool::ANY,
        punctuation in proptest::bool::ANY,
    ) {
        let texts: Vec<String> = versions
            .iter()
            .map(|sentences| {
                sentences
                    .iter()
                    .flat_map(|&(k, breaks)| [POOL[k], if breaks { "\n\n" } else { " " }])
                    .collect()
            })
            .collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let options = CompareOptions {
            base: base % texts.len(),
            ignore: IgnoreOptions { case, punctuation, quotes: false },
            ..CompareOptions::default()
        };
        assert_pairs_are_compared_alone(inputs(&texts), &options);
    }
}
