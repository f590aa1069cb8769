//! Merges pairwise alignments (base ↔ each version) into one table of passages.
//!
//! A passage is a group of consecutive base sentences closed under every version's beads: if
//! any version pairs base sentences 3 and 4 with one sentence of its own, 3 and 4 are one
//! passage for all versions. Sentences of a version that pair with nothing in the base become
//! added passages at the place they fall (after the passage of the nearest preceding sentence
//! that is in order); similar added text from several versions at one place is one passage.

use std::ops::Range;

use rayon::prelude::*;

mod passage;

use super::Segmented;
use super::features::{SentenceVec, cosine};
use super::pair::Bead;
use crate::model::{Passage, PassageKind, Version};
use crate::options::CompareOptions;
pub use passage::PendingWords;
pub(super) use passage::WordDiffs;
#[cfg(test)]
pub(crate) use passage::overall;
pub(crate) use passage::{KnownDiffs, Pending};
use passage::{build_passage, place_moves};

/// Similarity two versions' added runs at one place need to count as the same passage.
const SHARED_ADDITION_MIN: f32 = 0.35;

/// What one version contributes to one base group.
#[derive(Debug, Clone)]
struct GroupReading {
    /// Aligned-sentence indices of the version.
    sentences: Range<usize>,
    moved: bool,
    /// The lowest confidence among the pairings that make up this reading.
    confidence: f32,
}

/// Sentences of one version, outside every base group, that form one passage.
#[derive(Debug, Clone)]
struct Run {
    version: usize,
    /// Full-sentence indices in the version.
    sentences: Range<usize>,
    kind: PassageKind,
}

/// A passage before it becomes a [`Passage`]: which sentences each version contributes.
#[derive(Debug, Clone)]
struct Draft {
    kind: PassageKind,
    /// Per version: full-sentence range, whether it is out of order, and the pairing's
    /// confidence.
    parts: Vec<Option<(Range<usize>, bool, f32)>>,
}

/// The passages, and with [`WordDiffs::Later`] the readings left to word-diff, by passage.
///
/// `vectors` are the versions' vectors over their aligned units, which similar added text of
/// several compared versions is merged on; `None` with two versions, where added text comes
/// from the one compared version and nothing merges. Word diffs in `known` are taken from it.
pub(super) fn assemble(
    versions: &[Version],
    segmented: &[Segmented],
    vectors: Option<&[Vec<SentenceVec>]>,
    pairs: &[Option<Vec<Bead>>],
    options: &CompareOptions,
    words: WordDiffs,
    known: Option<&KnownDiffs<'_>>,
) -> (Vec<Passage>, Vec<(usize, Vec<Pending>)>) {
    debug_assert!(vectors.is_some() || versions.len() == 2);
    let base = options.base;
    let groups = base_groups(segmented[base].aligned.len(), pairs);
    let group_of = group_index(&groups);
    let mut readings: Vec<Vec<Option<GroupReading>>> = vec![Vec::new(); versions.len()];
    let mut runs_at: Vec<Vec<Run>> = vec![Vec::new(); groups.len() + 1];
    for (v, beads) in pairs.iter().enumerate() {
        let Some(beads) = beads else { continue };
        let (per_group, owner) =
            version_readings(beads, &group_of, groups.len(), segmented[v].aligned.len());
        for run in unowned_runs(v, &segmented[v], &owner) {
            runs_at[run.0].push(run.1);
        }
        readings[v] = per_group;
    }
    let drafts = order_drafts(
        versions, segmented, vectors, base, &groups, &readings, runs_at,
    );
    // Each passage's word diffs are independent: rayon balances the uneven passages across
    // cores, and the ordered collect keeps them in reading order.
    let (mut passages, pending): (Vec<Passage>, Vec<Vec<Pending>>) = drafts
        .par_iter()
        .enumerate()
        .map(|(index, draft)| {
            build_passage(index, draft, versions, segmented, options, words, known)
        })
        .unzip();
    place_moves(&mut passages, versions.len());
    let pending = pending
        .into_iter()
        .enumerate()
        .filter(|(_, p)| !p.is_empty())
        .collect();
    (passages, pending)
}

/// Groups of consecutive base sentences (aligned indices) closed under all versions' beads.
fn base_groups(n: usize, pairs: &[Option<Vec<Bead>>]) -> Vec<Range<usize>> {
    let mut joined = vec![false; n];
    for bead in pairs.iter().flatten().flatten() {
        if let Bead::Match { a, .. } | Bead::Moved { a, .. } = bead {
            joined[a.start..a.end.saturating_sub(1)].fill(true);
        }
    }
    let mut groups = Vec::new();
    let mut start = 0;
    for (i, &join) in joined.iter().enumerate() {
        if !join {
            groups.push(start..i + 1);
            start = i + 1;
        }
    }
    groups
}

fn group_index(groups: &[Range<usize>]) -> Vec<usize> {
    let mut of = Vec::new();
    for (g, range) in groups.iter().enumerate() {
        of.extend(range.clone().map(|_| g));
    }
    of
}

/// Ownership of a version's aligned sentence: by a group, in order or moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    None,
    InOrder(usize),
    Moved(usize),
}

/// What a version contributes to each base group, and which group owns each of its sentences.
fn version_readings(
    beads: &[Bead],
    group_of: &[usize],
    group_count: usize,
    m: usize,
) -> (Vec<Option<GroupReading>>, Vec<Owner>) {
    let mut per_group: Vec<Option<GroupReading>> = vec![None; group_count];
    for bead in beads {
        if let Bead::Match { a, b, confidence } = bead {
            let g = group_of[a.start];
            let reading = per_group[g].get_or_insert(GroupReading {
                sentences: b.clone(),
                moved: false,
                confidence: *confidence,
            });
            reading.sentences.start = reading.sentences.start.min(b.start);
            reading.sentences.end = reading.sentences.end.max(b.end);
            reading.confidence = reading.confidence.min(*confidence);
        }
    }
    let mut owner = vec![Owner::None; m];
    for (g, reading) in per_group.iter().enumerate() {
        if let Some(r) = reading {
            r.sentences
                .clone()
                .for_each(|j| owner[j] = Owner::InOrder(g));
        }
    }
    // A move survives only if its text is not inside an in-order group's range and its group
    // has nothing else from this version; otherwise it is read as removed here, added there.
    for bead in beads {
        if let Bead::Moved { a, b, confidence } = bead {
            let g = group_of[a.start];
            let free = b.clone().all(|j| owner[j] == Owner::None);
            if free && per_group[g].is_none() {
                per_group[g] = Some(GroupReading {
                    sentences: b.clone(),
                    moved: true,
                    confidence: *confidence,
                });
                b.clone().for_each(|j| owner[j] = Owner::Moved(g));
            }
        }
    }
    (per_group, owner)
}

/// Runs of a version's sentences that no group owns (added text and boilerplate), each with the
/// slot it falls in: slot `k` comes right after base group `k - 1` (slot 0: before the first).
fn unowned_runs(v: usize, seg: &Segmented, owner: &[Owner]) -> Vec<(usize, Run)> {
    // Owner of each full sentence (boilerplate sentences are never owned).
    let mut full_owner = vec![Owner::None; seg.sentences.len()];
    for (k, &full) in seg.aligned.iter().enumerate() {
        full_owner[full] = owner[k];
        // Boilerplate between two sentences of one reading lies inside that reading's span:
        // it belongs to that passage, not to one of its own, or the spans would overlap.
        if let Some(&next) = seg.aligned.get(k + 1)
            && owner[k] != Owner::None
            && owner.get(k + 1) == Some(&owner[k])
        {
            full_owner[full + 1..next].fill(owner[k]);
        }
    }
    let mut out: Vec<(usize, Run)> = Vec::new();
    let mut slot = 0;
    for (i, sentence) in seg.sentences.iter().enumerate() {
        match full_owner[i] {
            Owner::InOrder(g) => slot = g + 1,
            Owner::Moved(_) => {}
            Owner::None => {
                let kind = sentence.kind;
                match out.last_mut() {
                    Some((s, run))
                        if *s == slot
                            && run.sentences.end == i
                            && kind != PassageKind::Boilerplate
                            && run.kind == kind
                            && seg.sentences[run.sentences.start].paragraph
                                == sentence.paragraph =>
                    {
                        run.sentences.end = i + 1;
                    }
                    _ => out.push((
                        slot,
                        Run {
                            version: v,
                            sentences: i..i + 1,
                            kind,
                        },
                    )),
                }
            }
        }
    }
    out
}

/// Lays out drafts in reading order: at each slot, base boilerplate, then added runs (similar
/// ones from different versions merged), then the base group itself.
fn order_drafts(
    versions: &[Version],
    segmented: &[Segmented],
    vectors: Option<&[Vec<SentenceVec>]>,
    base: usize,
    groups: &[Range<usize>],
    readings: &[Vec<Option<GroupReading>>],
    mut runs_at: Vec<Vec<Run>>,
) -> Vec<Draft> {
    let n_versions = versions.len();
    // Base boilerplate by slot.
    let base_seg = &segmented[base];
    let mut aligned_pos = vec![usize::MAX; base_seg.sentences.len()];
    for (k, &full) in base_seg.aligned.iter().enumerate() {
        aligned_pos[full] = k;
    }
    let group_of = group_index(groups);
    // The group of the base's next aligned sentence, for each full sentence (none past the last).
    let mut next_group = vec![None; base_seg.sentences.len()];
    let mut next = None;
    for i in (0..base_seg.sentences.len()).rev() {
        if aligned_pos[i] != usize::MAX {
            next = Some(group_of[aligned_pos[i]]);
        }
        next_group[i] = next;
    }
    let mut slot = 0;
    for (i, sentence) in base_seg.sentences.iter().enumerate() {
        // Boilerplate between two sentences of one group lies inside the group's span: it
        // belongs to that passage, not to one of its own, or the spans would overlap (as
        // `unowned_runs` keeps it for the other versions).
        let inside_group = slot > 0 && next_group[i] == Some(slot - 1);
        if sentence.kind == PassageKind::Boilerplate && !inside_group {
            let at = runs_at[slot]
                .iter()
                .take_while(|r| r.version == base)
                .count();
            runs_at[slot].insert(
                at,
                Run {
                    version: base,
                    sentences: i..i + 1,
                    kind: PassageKind::Boilerplate,
                },
            );
        } else if sentence.kind != PassageKind::Boilerplate {
            slot = group_of[aligned_pos[i]] + 1;
        }
    }
    let mut drafts = Vec::new();
    for (slot, mut runs) in runs_at.into_iter().enumerate() {
        // Order is by version name, not input position, so reordering the inputs does not
        // reorder the passages; runs of one version keep their own order (stable sort).
        runs.sort_by(|x, y| versions[x.version].name.cmp(&versions[y.version].name));
        drafts.extend(merge_runs(runs, n_versions, segmented, vectors));
        if let Some(group) = groups.get(slot) {
            drafts.push(group_draft(base, slot, group, segmented, readings));
        }
    }
    drafts
}

fn group_draft(
    base: usize,
    g: usize,
    group: &Range<usize>,
    segmented: &[Segmented],
    readings: &[Vec<Option<GroupReading>>],
) -> Draft {
    let full = |seg: &Segmented, r: &Range<usize>| seg.aligned[r.start]..seg.aligned[r.end - 1] + 1;
    let base_seg = &segmented[base];
    let mut parts = vec![None; segmented.len()];
    parts[base] = Some((full(base_seg, group), false, 1.0));
    for (v, per_group) in readings.iter().enumerate() {
        if let Some(Some(reading)) = per_group.get(g) {
            parts[v] = Some((
                full(&segmented[v], &reading.sentences),
                reading.moved,
                reading.confidence,
            ));
        }
    }
    let all_headings = base_seg.aligned[group.clone()]
        .iter()
        .all(|&i| base_seg.sentences[i].kind == PassageKind::Heading);
    let kind = if all_headings {
        PassageKind::Heading
    } else {
        PassageKind::Text
    };
    Draft { kind, parts }
}

/// Turns the runs of one slot into drafts, merging similar added text of different versions
/// (on `vectors`; without them each run is a draft of its own).
fn merge_runs(
    runs: Vec<Run>,
    n_versions: usize,
    segmented: &[Segmented],
    vectors: Option<&[Vec<SentenceVec>]>,
) -> Vec<Draft> {
    let Some(vectors) = vectors else {
        return runs.into_iter().map(|run| alone(run, n_versions)).collect();
    };
    let mut drafts: Vec<(Draft, SentenceVec)> = Vec::new();
    for run in runs {
        let vector = run_vector(
            &segmented[run.version],
            &vectors[run.version],
            &run.sentences,
        );
        if run.kind != PassageKind::Boilerplate {
            let best = drafts
                .iter()
                .enumerate()
                .filter(|(_, (d, _))| d.kind == run.kind && d.parts[run.version].is_none())
                .map(|(k, (_, v))| (k, cosine(v, &vector)))
                .filter(|&(_, sim)| sim >= SHARED_ADDITION_MIN)
                .max_by(|x, y| x.1.total_cmp(&y.1));
            if let Some((k, _)) = best {
                drafts[k].0.parts[run.version] = Some((run.sentences, false, 1.0));
                continue;
            }
        }
        drafts.push((alone(run, n_versions), vector));
    }
    drafts.into_iter().map(|(d, _)| d).collect()
}

/// The draft of a run no other version's text joins.
fn alone(run: Run, n_versions: usize) -> Draft {
    let mut parts = vec![None; n_versions];
    parts[run.version] = Some((run.sentences, false, 1.0));
    Draft {
        kind: run.kind,
        parts,
    }
}

/// Summed vector of a run of full sentences (boilerplate sentences have none).
fn run_vector(seg: &Segmented, vectors: &[SentenceVec], full: &Range<usize>) -> SentenceVec {
    let first = seg.aligned.partition_point(|&i| i < full.start);
    let last = seg.aligned.partition_point(|&i| i < full.end);
    super::features::sum(vectors[first..last].iter())
}
