//! Structure as evidence: headings over corresponding sections.
//!
//! Rewriters retitle freely ("Funding" / "Paying for the Project", "Ternopil attack overshadows
//! diplomatic efforts" / "Escalation on the Ground"), so two headings often share no word at
//! all. What they share is their place: each opens a section, and when the sections open with
//! the same statement (the sentences right after the two headings are paired with each other),
//! the headings title the same thing. The same holds for the headlines, which open the body's
//! first paragraph.
//!
//! Only headings both left unpaired by every step before pair here, and only with each other:
//! a heading never pairs with body text. A pair that rests on position alone keeps the low
//! confidence its words give it, so it is shown weak. The pass is symmetric in the two sides.

use super::evidence::Evidence;
use super::{Bead, Found, Sentences};

/// Where a sentence stands after the earlier steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Unpaired.
    Alone,
    /// The first sentence of a pairing (bead index) whose other side starts at this sentence.
    Opens { bead: usize, other: usize },
    /// Inside a pairing, not its first sentence.
    Inside,
}

/// Each sentence's [`State`] on one side (`of_a`: the base side of the beads).
fn states(beads: &[Bead], len: usize, of_a: bool) -> Vec<State> {
    let mut out = vec![State::Alone; len];
    for (k, bead) in beads.iter().enumerate() {
        let (Bead::Match { a, b, .. } | Bead::Moved { a, b, .. }) = bead else {
            continue;
        };
        let (mine, theirs) = if of_a { (a, b) } else { (b, a) };
        for i in mine.clone() {
            out[i] = State::Inside;
        }
        if let Some(first) = out.get_mut(mine.start) {
            *first = State::Opens {
                bead: k,
                other: theirs.start,
            };
        }
    }
    out
}

/// Pairs unpaired headings `i` and `j` whose next sentences are paired one to one with each
/// other. The new pairing is in order if that pairing is, and a move if it is a move (the
/// heading went with its section).
pub(super) fn pair_section_headings(
    beads: Vec<Bead>,
    a: &Sentences<'_>,
    b: &Sentences<'_>,
) -> Vec<Bead> {
    let a_state = states(&beads, a.vecs.len(), true);
    let b_state = states(&beads, b.vecs.len(), false);
    let mut found = Vec::new();
    for i in 0..a.vecs.len().saturating_sub(1) {
        if !a.heading[i] || a_state[i] != State::Alone || a.heading[i + 1] {
            continue;
        }
        let State::Opens { bead, other } = a_state[i + 1] else {
            continue;
        };
        let Some(j) = other.checked_sub(1) else {
            continue;
        };
        if !b.heading[j] || b_state[j] != State::Alone {
            continue;
        }
        // The same bead opens on both sides (its other side does not start inside a group).
        if b_state[other] != (State::Opens { bead, other: i + 1 }) {
            continue;
        }
        // Both sections open with one sentence saying the same: a merged or split opening
        // means the sections are cut differently, and then their headings were seen to title
        // different things (on the labelled seeds).
        let (Bead::Match {
            a: ra,
            b: rb,
            confidence: opening,
        }
        | Bead::Moved {
            a: ra,
            b: rb,
            confidence: opening,
        }) = &beads[bead]
        else {
            continue;
        };
        if ra.len() != 1 || rb.len() != 1 {
            continue;
        }
        // An opening paired weakly (on its place, or on a part of what it says) is not enough
        // alone: the headings must then share a word too. On the labelled seed pairs this kept
        // "Unconfirmed Reports of Cancelled Talks in Turkey" from "Ternopil attack overshadows
        // diplomatic efforts" (the two sections open with partial counterparts) and left
        // "Ukraine rejects territorial concessions" with "Challenges to Peace: Territorial
        // Integrity and Preconditions".
        let evidence = Evidence::of(a, &(i..i + 1), b, &(j..j + 1));
        if *opening < crate::model::WEAK_CONFIDENCE && evidence.sim <= 0.0 {
            continue;
        }
        let moved = matches!(beads[bead], Bead::Moved { .. });
        let confidence = evidence.confidence();
        found.push(Found {
            a: i,
            b: j,
            confidence,
            moved,
        });
    }
    super::place_found(beads, &found)
}
