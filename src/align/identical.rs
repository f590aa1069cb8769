//! A guard after the pairwise DP: unpaired sentences that are word for word the same on both
//! sides at one place are paired.
//!
//! The DP prices a pairing at `1 − cosine`, and a sentence with no content terms (`A.`, `...`,
//! `the the the`, a lone emoji: only stop words or no words at all) has an empty vector, so
//! cosine 0: it costs more to pair than to skip on both sides, and a file compared with itself
//! came out as one added and one removed passage (issue 9). Identical text needs no evidence
//! from the vectors, so whatever the DP left unpaired between the same two neighbours is paired
//! here when it is identical, from both ends of the gap inwards.

use std::ops::Range;

use super::pair::Bead;

/// Pairs identical sentences among each run of one-sided beads. `a` and `b` give each aligned
/// sentence's text.
pub(super) fn pair_identical(beads: Vec<Bead>, a: &[&str], b: &[&str]) -> Vec<Bead> {
    let mut out = Vec::with_capacity(beads.len());
    let mut gap = Gap::default();
    for bead in beads {
        if !gap.take(&bead) {
            gap.flush(&mut out, a, b);
            out.push(bead);
        }
    }
    gap.flush(&mut out, a, b);
    out
}

/// A run of consecutive one-sided beads: the base sentences and the other sentences it skips.
#[derive(Default)]
struct Gap {
    beads: Vec<Bead>,
    a: Option<Range<usize>>,
    b: Option<Range<usize>>,
}

impl Gap {
    /// Adds a one-sided bead that continues the run; false for any other bead.
    fn take(&mut self, bead: &Bead) -> bool {
        let (slot, range) = match bead {
            Bead::OnlyA(r) => (&mut self.a, r),
            Bead::OnlyB(r) => (&mut self.b, r),
            Bead::Match { .. } | Bead::Moved { .. } => return false,
        };
        match slot {
            Some(open) if open.end == range.start => open.end = range.end,
            Some(_) => return false,
            None => *slot = Some(range.clone()),
        }
        self.beads.push(bead.clone());
        true
    }

    /// Writes the run out, pairing identical sentences at both of its ends.
    fn flush(&mut self, out: &mut Vec<Bead>, a: &[&str], b: &[&str]) {
        let beads = std::mem::take(&mut self.beads);
        let (Some(ra), Some(rb)) = (self.a.take(), self.b.take()) else {
            out.extend(beads);
            return;
        };
        let same = |i: usize, j: usize| a[i] == b[j];
        let head = ra
            .clone()
            .zip(rb.clone())
            .take_while(|&(i, j)| same(i, j))
            .count();
        let tail = ra
            .clone()
            .skip(head)
            .rev()
            .zip(rb.clone().skip(head).rev())
            .take_while(|&(i, j)| same(i, j))
            .count();
        if head + tail == 0 {
            out.extend(beads);
            return;
        }
        // Word for word the same: as certain as a pairing gets.
        let one = |i: usize, j: usize| Bead::Match {
            confidence: 1.0,
            a: i..i + 1,
            b: j..j + 1,
        };
        out.extend((0..head).map(|k| one(ra.start + k, rb.start + k)));
        let (mid_a, mid_b) = (
            ra.start + head..ra.end - tail,
            rb.start + head..rb.end - tail,
        );
        if !mid_a.is_empty() {
            out.push(Bead::OnlyA(mid_a));
        }
        if !mid_b.is_empty() {
            out.push(Bead::OnlyB(mid_b));
        }
        out.extend((0..tail).map(|k| one(ra.end - tail + k, rb.end - tail + k)));
    }
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
