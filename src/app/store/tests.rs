use super::*;
use crate::load::{Input, load_version};

fn versions(texts: &[&str]) -> Vec<Version> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            load_version(
                VersionId(i),
                Input::from_bytes(format!("v{i}"), *t),
                &CompareOptions::default(),
            )
            .unwrap()
        })
        .collect()
}

/// Takes in the background thread's results until `done` holds (at most 30 s).
fn collect_until(store: &mut Store, done: impl Fn(&Store) -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !done(store) {
        assert!(
            std::time::Instant::now() < deadline,
            "worker never answered"
        );
        assert_ne!(store.collect(), Collected::Crashed);
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

#[test]
fn inline_requests_are_computed_once_and_cached() {
    let mut store = Store::new(
        versions(&["a b.", "a c."]),
        CompareOptions::default(),
        Place::Inline,
    );
    let key = CompareKey {
        base: VersionId(1),
        ignore: IgnoreOptions::default(),
    };
    let Lookup::Ready(first) = store.request(key, None) else {
        panic!("not ready")
    };
    assert_eq!(first.comparison.base, VersionId(1));
    let Lookup::Ready(again) = store.request(key, None) else {
        panic!("not ready")
    };
    assert!(Arc::ptr_eq(&first.comparison, &again.comparison));
    assert!(Arc::ptr_eq(first.facts(), again.facts()));
}

#[test]
fn background_requests_arrive_through_collect_comparison_first_facts_after() {
    let mut store = Store::new(
        versions(&["It rained in 2024.", "It rained in 2020."]),
        CompareOptions::default(),
        Place::Background,
    );
    let key = CompareKey {
        base: VersionId(0),
        ignore: IgnoreOptions::default(),
    };
    assert!(matches!(store.request(key, None), Lookup::Pending));
    collect_until(&mut store, |s| s.tables(key).facts.is_some());
    let Lookup::Ready(analysis) = store.request(key, None) else {
        panic!("not ready")
    };
    assert!(store.tables(key).presence.is_some());
    // The facts table comes once the facts are found, into the analysis already sent.
    let facts = analysis.facts_if_found().expect("facts found");
    assert_eq!(facts.divergent().count(), 1);
}

#[test]
fn the_background_sends_a_comparison_without_its_word_diffs_first_then_with_them() {
    let versions = versions(&[
        "The mayor opened the bridge on Monday. Crowds cheered.",
        "The mayor opened the new bridge on Monday. Crowds cheered.",
    ]);
    let worker = Worker::spawn(Arc::new(versions.clone()), Labels::of(&versions)).unwrap();
    let key = CompareKey {
        base: VersionId(0),
        ignore: IgnoreOptions::default(),
    };
    let options = CompareOptions::default();
    worker.submit(Job::All {
        key,
        options: options.clone(),
        panes: true,
    });
    let mut compared = Vec::new();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while std::time::Instant::now() < deadline {
        match worker.poll() {
            Poll::Done(Outcome::Compared(_, Ok(new))) => compared.push(*new),
            Poll::Done(Outcome::Presence(..)) => break,
            Poll::Done(_) => {}
            Poll::Idle => std::thread::sleep(std::time::Duration::from_millis(5)),
            Poll::Crashed => panic!("the worker died"),
        }
    }
    let words: Vec<Words> = compared.iter().map(|c| c.words).collect();
    assert_eq!(words, [Words::Pending, Words::Diffed]);
    let once = compare_versions(versions, &options).unwrap();
    assert_eq!(compared[1].analysis.comparison.passages, once.passages);
    assert_eq!(compared[0].summaries, compared[1].summaries);
}

#[test]
fn with_three_versions_a_pair_gets_its_own_comparison_in_the_background_facts_later() {
    let mut store = Store::new(
        versions(&[
            "It rained in 2024. The river rose.",
            "The river rose. It rained in 2020.",
            "It snowed in 2024.",
        ]),
        CompareOptions::default(),
        Place::Background,
    );
    let pair = PairKey {
        base: VersionId(0),
        compared: VersionId(2),
        ignore: IgnoreOptions::default(),
    };
    // Until the pair arrives the version bar counts the passage table of all versions.
    assert!(store.pair_tally(pair).is_none());
    assert!(matches!(store.request_pair(pair, None), Lookup::Pending));
    assert!(matches!(store.request(pair.all(), None), Lookup::Pending));
    collect_until(&mut store, |s| {
        s.underlines(pair).is_some() && s.tables(pair.all()).facts.is_some()
    });
    let Lookup::Ready(own) = store.request_pair(pair, None) else {
        panic!("not ready")
    };
    let Lookup::Ready(all) = store.request(pair.all(), None) else {
        panic!("not ready")
    };
    // The pair alone: versions 0 and 2, renumbered 0 and 1.
    assert_eq!(own.comparison.versions.len(), 2);
    assert_eq!(own.comparison.versions[1].text, "It snowed in 2024.");
    assert_eq!(store.pair_ids(pair).loaded(VersionId(1)), VersionId(2));
    assert_eq!(all.comparison.versions.len(), 3);
    assert!(own.facts_if_found().is_some());
    let counted = Tally::of(&own.comparison, Scope::Pair(VersionId(1)));
    assert_eq!(store.pair_tally(pair), Some(&counted));
}

#[test]
fn with_two_versions_the_pair_reads_the_comparison_of_both() {
    let mut store = Store::new(
        versions(&["a b.", "a c."]),
        CompareOptions::default(),
        Place::Inline,
    );
    let pair = PairKey {
        base: VersionId(0),
        compared: VersionId(1),
        ignore: IgnoreOptions::default(),
    };
    let (Lookup::Ready(own), Lookup::Ready(all)) = (
        store.request_pair(pair, None),
        store.request(pair.all(), None),
    ) else {
        panic!("not ready")
    };
    assert!(Arc::ptr_eq(&own.comparison, &all.comparison));
    assert!(store.pair_ids(pair).is_all());
}
