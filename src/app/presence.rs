//! The viewer's side of the presence view: where it is, stepping through its rows, and cycling
//! the compared version. The table itself is [`crate::present::presence`].

use super::nav::Direction;
use crate::model::VersionId;
pub use crate::present::presence::{Presence, PresenceRow, PresenceTable, summaries};

impl PresenceTable {
    /// The next (or previous) row from `from` that `stop` accepts (a passage that differs
    /// somewhere, or one that differs in substance).
    #[must_use]
    pub fn step(
        &self,
        from: usize,
        direction: Direction,
        stop: impl Fn(&PresenceRow) -> bool,
    ) -> Option<usize> {
        let differs = |i: &usize| stop(&self.rows[*i]);
        match direction {
            Direction::Forward => (from + 1..self.rows.len()).find(differs),
            Direction::Backward => (0..from).rev().find(differs),
        }
    }
}

/// The version after (or before) `from` among the compared versions, wrapping around.
#[must_use]
pub fn cycle(count: usize, base: VersionId, from: VersionId, direction: Direction) -> VersionId {
    let mut id = from.0;
    for _ in 0..count {
        id = match direction {
            Direction::Forward => (id + 1) % count,
            Direction::Backward => (id + count - 1) % count,
        };
        if id != base.0 {
            return VersionId(id);
        }
    }
    from
}
