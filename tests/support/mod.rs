//! Checks the integration tests share.

use storydiff::{Comparison, WordOp};

/// Text with its whitespace removed, for comparing texts whose spacing may be reflowed.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect()
}

/// Every reading's word ops cover its base passage exactly and rebuild its own passage (up to
/// spacing): no text is lost or invented between the alignment and the word diff.
pub fn assert_ops_rebuild_other_text(c: &Comparison) {
    let base = c.base_version();
    for p in &c.passages {
        for r in &p.readings {
            let (Some(b), Some(o)) = (c.passage_text(p, c.base), c.passage_text(p, r.version))
            else {
                continue;
            };
            let other = c.version(r.version);
            let mut rebuilt = String::new();
            let mut base_seen = String::new();
            for op in &r.ops {
                match op {
                    WordOp::Equal { base: rb, .. } => {
                        rebuilt += &base.text[rb.clone()];
                        base_seen += &base.text[rb.clone()];
                    }
                    WordOp::Delete { base: rb, .. } => base_seen += &base.text[rb.clone()],
                    WordOp::Insert { other: ro, .. } => rebuilt += &other.text[ro.clone()],
                }
            }
            assert_eq!(base_seen, b, "ops do not cover the base passage");
            assert_eq!(
                squash(&rebuilt),
                squash(o),
                "ops do not rebuild version {}",
                r.version.0
            );
        }
    }
}
