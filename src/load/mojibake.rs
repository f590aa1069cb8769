//! Mojibake repair: UTF-8 that was read as a legacy encoding (Windows-1252, Windows-1250,
//! Latin-1) and saved again.
//!
//! Two kinds are repaired, each in its own module:
//! - [`reversible`]: every byte survived ("Ã©", "â€™", "Ă«"), so re-encoding the characters
//!   and decoding them as UTF-8 gives the original back. A sequence is replaced only when the
//!   result is one believable character, so every repair lowers the count of suspicious
//!   characters and legitimate text ("café", "naïve", "Âge") has nothing to match.
//! - [`lossy`]: bytes were dropped (seed 001: "Trumpâs", "âlasting peace…â"), so the lost
//!   punctuation is inferred from context, and only in texts that show this damage.
//!
//! General-purpose fixers (ftfy and its Rust port plsfix) repair whole lines or nothing and keep
//! no offsets: plsfix repaired none of the 33 damaged sequences in seed 001. Here each repair
//! is an [`OffsetEdit`], so offsets into the repaired text map back to the text as read.

mod codepage;
mod lossy;
mod reversible;

use std::ops::Range;

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

/// One repair found in the text as read.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Fix {
    /// The damaged sequence.
    original: Range<usize>,
    /// What it stood for; `None` removes it (a stray "Â", a byte-order mark read as "ï»¿").
    replacement: Option<char>,
    /// Whether the fix stands on its own or needs a neighbouring fix to be believed.
    standing: Standing,
}

/// When a fix is believed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Standing {
    /// Always: the damaged form has no legitimate reading.
    Alone,
    /// Only next to another fix: one such pair is as likely legitimate text as mojibake (see
    /// [`codepage::Plausibility::InRunsOnly`]).
    NeedsNeighbour,
    /// Only when the text has fixes standing alone: the damaged form also reads as legitimate
    /// text ("IRMÔ is Portuguese for "SISTER”"; "PÃ…" is the mojibake of "PÅ"), but a text
    /// damaged elsewhere could not contain the legitimate form undamaged.
    InDamagedText,
}

/// Repairs mojibake in a text. Runs in one pass over the text (ASCII is skipped bytewise).
#[must_use]
pub fn repair(text: &str) -> Repaired {
    let fixes = find_fixes(text);
    if fixes.is_empty() {
        return Repaired {
            text: text.to_owned(),
            edits: Vec::new(),
            count: 0,
        };
    }
    apply(text, &fixes)
}

/// Every repair in the text, sorted and non-overlapping.
fn find_fixes(text: &str) -> Vec<Fix> {
    let bytes = text.as_bytes();
    let mut lossy = lossy::Lossy::new(text);
    let mut fixes = Vec::new();
    let mut pos = 0;
    // Mojibake is made of non-ASCII characters: jump from one to the next.
    while let Some(skip) = next_non_ascii(&bytes[pos..]) {
        let start = pos + skip;
        let Some(c) = text[start..].chars().next() else {
            break;
        };
        let fix = reversible::fix_at(text, start).or_else(|| lossy.fix_at(text, start, c));
        pos = match fix {
            Some(fix) => {
                let end = fix.original.end;
                fixes.push(fix);
                end
            }
            None => start + c.len_utf8(),
        };
    }
    keep_believable(fixes)
}

/// Position of the first non-ASCII byte. Checks blocks with the word-at-a-time
/// `<[u8]>::is_ascii` first, since most news text is long runs of ASCII.
fn next_non_ascii(bytes: &[u8]) -> Option<usize> {
    const BLOCK: usize = 64;
    // In text dense with accents the next one is near: look there before scanning blocks.
    let near = bytes.len().min(8);
    if let Some(i) = bytes[..near].iter().position(|b| !b.is_ascii()) {
        return Some(i);
    }
    let mut offset = near;
    for block in bytes[near..].chunks(BLOCK) {
        if !block.is_ascii() {
            return block.iter().position(|b| !b.is_ascii()).map(|i| offset + i);
        }
        offset += block.len();
    }
    None
}

/// Drops the fixes whose [`Standing`] condition is not met.
fn keep_believable(fixes: Vec<Fix>) -> Vec<Fix> {
    let damaged = fixes.iter().any(|fix| fix.standing == Standing::Alone);
    let supported: Vec<bool> = (0..fixes.len())
        .map(|i| {
            let fix = &fixes[i];
            match fix.standing {
                Standing::Alone => true,
                Standing::InDamagedText => damaged,
                Standing::NeedsNeighbour => {
                    let joins_previous = i > 0 && fixes[i - 1].original.end == fix.original.start;
                    let joins_next = fixes
                        .get(i + 1)
                        .is_some_and(|next| next.original.start == fix.original.end);
                    joins_previous || joins_next
                }
            }
        })
        .collect();
    fixes
        .into_iter()
        .zip(supported)
        .filter_map(|(fix, keep)| keep.then_some(fix))
        .collect()
}

/// Builds the repaired text and its offset edits.
fn apply(text: &str, fixes: &[Fix]) -> Repaired {
    let mut out = String::with_capacity(text.len());
    let mut edits = Vec::with_capacity(fixes.len());
    let mut copied = 0;
    for fix in fixes {
        out.push_str(&text[copied..fix.original.start]);
        let start = out.len();
        if let Some(c) = fix.replacement {
            out.push(c);
        }
        edits.push(OffsetEdit {
            repaired: start..out.len(),
            original: fix.original.clone(),
        });
        copied = fix.original.end;
    }
    out.push_str(&text[copied..]);
    Repaired {
        text: out,
        count: edits.len(),
        edits,
    }
}

#[cfg(test)]
mod tests;
