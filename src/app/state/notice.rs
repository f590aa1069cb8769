//! The messages the status line shows until the next key.

use super::Stepping;
use crate::app::layout::Fold;
use crate::model::VersionId;
use crate::options::IgnoreOptions;

/// A message for the status line, until the next key.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// No divergent passage below the current one.
    NoChangeBelow,
    /// No divergent passage above the current one.
    NoChangeAbove,
    /// No substantive change below the current passage.
    NoSubstantiveBelow,
    /// No substantive change above the current passage.
    NoSubstantiveAbove,
    /// No passage with an underlined fact below the current one.
    NoFactBelow,
    /// No passage with an underlined fact above the current one.
    NoFactAbove,
    /// The versions agree on every fact (the facts panel has nothing to list).
    NoFacts,
    /// `n`/`p` now stop at these passages.
    Stepping(Stepping),
    /// The compared version was switched to one that deviates on the fact jumped to.
    ComparingOutlier(VersionId),
    /// Enter pressed where there is no move to follow.
    NotAMove,
    /// The search has no hits.
    NoHits,
    /// Stepping through hits went round.
    Wrapped,
    /// That version is the base.
    IsBase(VersionId),
    /// There is no such version.
    NoSuchVersion(VersionId),
    /// The ignore options are now these.
    Ignoring(IgnoreOptions),
    /// Folding is now this.
    Folding(Fold),
    /// This version is now the base.
    NewBase(VersionId),
    /// Folded passages were opened to show a search hit.
    Unfolded,
    /// A comparison failed.
    Failed(String),
    /// A key that does nothing here (its label).
    UnknownKey(String),
    /// Esc with nothing to close: it does not quit.
    EscapeDoesNotQuit,
    /// The presence view waits for the word diffs (it shows the similarities they give).
    WordsComing,
    /// `:N` asked for a passage that is not there.
    NoSuchPassage {
        /// The number typed (1-based), if it was one.
        asked: Option<usize>,
        /// How many passages there are.
        count: usize,
    },
    /// `n`/`p` stepped to a word change inside a passage taller than the screen.
    ChangeWithin {
        /// Which change (1-based).
        at: usize,
        /// How many the passage has.
        of: usize,
    },
    /// `y` copied a passage to the clipboard.
    Copied {
        /// The passage number (1-based, as in the status line).
        passage: usize,
        /// Characters copied.
        chars: usize,
    },
}
