//! Passages across versions (placeholder until the aligner lands).

use crate::model::{Passage, Version};
use crate::options::CompareOptions;

/// Aligns every version to the base.
#[must_use]
pub fn align(_versions: &[Version], _options: &CompareOptions) -> Vec<Passage> {
    Vec::new()
}
