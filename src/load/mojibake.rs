//! Mojibake repair: UTF-8 that was read as a legacy encoding and saved again.

use crate::model::OffsetEdit;

/// A repaired text and where it was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repaired {
    /// The repaired text.
    pub text: String,
    /// Each replacement, sorted, repaired range → original range.
    pub edits: Vec<OffsetEdit>,
    /// How many mojibake sequences were repaired.
    pub count: usize,
}

/// Repairs mojibake in a text.
// Placeholder: no repair yet.
pub fn repair(text: &str) -> Repaired {
    Repaired {
        text: text.to_string(),
        edits: Vec::new(),
        count: 0,
    }
}
