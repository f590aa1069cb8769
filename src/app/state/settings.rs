//! The reading settings the keys switch: what `n`/`p` stop at (`m`) and the ignore options
//! (`i` cycles).

use super::App;
use crate::options::IgnoreOptions;

/// What `n`/`p` stop at (`m` switches).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Stepping {
    /// Every divergent passage (skipping same passages and boilerplate).
    #[default]
    Divergent,
    /// Only substantive changes: a fact or quotation differs, text was added or removed;
    /// typography and rewording are skipped.
    Substantive,
}

impl Stepping {
    /// The other mode.
    #[must_use]
    pub fn toggled(self) -> Self {
        match self {
            Self::Divergent => Self::Substantive,
            Self::Substantive => Self::Divergent,
        }
    }
}

/// The ignore settings `i` cycles through, from strict to lenient.
const IGNORE_CYCLE: [IgnoreOptions; 4] = [
    IgnoreOptions {
        case: false,
        punctuation: false,
        quotes: false,
    },
    IgnoreOptions {
        case: false,
        punctuation: false,
        quotes: true,
    },
    IgnoreOptions {
        case: false,
        punctuation: true,
        quotes: true,
    },
    IgnoreOptions {
        case: true,
        punctuation: true,
        quotes: true,
    },
];

impl App {
    /// The next ignore setting in the cycle.
    pub(super) fn next_ignore(current: IgnoreOptions) -> IgnoreOptions {
        let at = IGNORE_CYCLE.iter().position(|i| *i == current);
        IGNORE_CYCLE[at.map_or(0, |i| (i + 1) % IGNORE_CYCLE.len())]
    }
}
