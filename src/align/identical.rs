//! A guard after the pairwise DP: unpaired sentences that are word for word the same on both
//! sides at one place are paired.
//!
//! The DP prices a pairing at `1 − cosine`, and a sentence with no content terms (`A.`, `...`,
//! `the the the`, a lone emoji: only stop words or no words at all) has an empty vector, so
//! cosine 0: it costs more to pair than to skip on both sides, and a file compared with itself
//! came out as one added and one removed passage (issue 9). Identical text needs no evidence
//! from the vectors, so whatever the DP left unpaired between the same two in-order pairings is
//! paired here when it is identical, from both ends of the gap inwards.
//!
//! A gap lies between two in-order pairings; a moved pairing standing in it (at the base's
//! place) does not cut it, or which copies pair would depend on which version is the base.

use super::pair::{Bead, Found, place_found};

/// Pairs identical sentences among the unpaired ones of each gap between in-order pairings.
/// `a` and `b` give each aligned sentence's text.
pub(super) fn pair_identical(beads: Vec<Bead>, a: &[&str], b: &[&str]) -> Vec<Bead> {
    // The unpaired sentences of each side, per gap.
    let mut gaps: Vec<(Vec<usize>, Vec<usize>)> = vec![(Vec::new(), Vec::new())];
    for bead in &beads {
        match bead {
            Bead::Match { .. } => gaps.push((Vec::new(), Vec::new())),
            Bead::Moved { .. } => {}
            Bead::OnlyA(r) => gaps.last_mut().expect("one gap").0.extend(r.clone()),
            Bead::OnlyB(r) => gaps.last_mut().expect("one gap").1.extend(r.clone()),
        }
    }
    let mut found = Vec::new();
    for (mut ga, mut gb) in gaps {
        ga.sort_unstable();
        gb.sort_unstable();
        let same = |&(i, j): &(&usize, &usize)| a[*i] == b[*j];
        let head = ga.iter().zip(&gb).take_while(same).count();
        let tail = ga[head..]
            .iter()
            .rev()
            .zip(gb[head..].iter().rev())
            .take_while(same)
            .count();
        let (ta, tb) = (ga.len() - tail, gb.len() - tail);
        let pairs = (0..head)
            .map(|k| (ga[k], gb[k]))
            .chain((0..tail).map(|k| (ga[ta + k], gb[tb + k])));
        // Word for word the same: as certain as a pairing gets.
        found.extend(pairs.map(|(a, b)| Found {
            a,
            b,
            confidence: 1.0,
            moved: false,
        }));
    }
    place_found(beads, &found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_sentences_the_dp_left_unpaired_are_paired() {
        let beads = vec![Bead::OnlyB(0..1), Bead::OnlyA(0..1)];
        assert_eq!(
            pair_identical(beads, &["A."], &["A."]),
            [Bead::Match {
                a: 0..1,
                b: 0..1,
                confidence: 1.0
            }]
        );
    }

    #[test]
    fn only_the_identical_ends_of_a_gap_are_paired() {
        let beads = vec![
            Bead::Match {
                a: 0..1,
                b: 0..1,
                confidence: 1.0,
            },
            Bead::OnlyA(1..4),
            Bead::OnlyB(1..3),
        ];
        let out = pair_identical(beads, &["x", "😀", "old", "..."], &["x", "😀", "..."]);
        assert_eq!(
            out,
            [
                Bead::Match {
                    a: 0..1,
                    b: 0..1,
                    confidence: 1.0
                },
                Bead::Match {
                    a: 1..2,
                    b: 1..2,
                    confidence: 1.0
                },
                Bead::OnlyA(2..3),
                Bead::Match {
                    a: 3..4,
                    b: 2..3,
                    confidence: 1.0
                },
            ]
        );
    }

    #[test]
    fn different_one_sided_text_stays_unpaired() {
        let beads = vec![Bead::OnlyA(0..1), Bead::OnlyB(0..1)];
        assert_eq!(pair_identical(beads.clone(), &["a"], &["b"]), beads);
    }
}
