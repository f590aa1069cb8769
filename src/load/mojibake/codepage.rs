//! The legacy code pages UTF-8 is commonly misread as, run backwards: which byte a character
//! came from.
//!
//! Mojibake is made by decoding UTF-8 bytes with a single-byte code page; undoing it means
//! finding, for each character, the byte that code page decoded it from. The tables come from
//! encoding_rs (the WHATWG mappings, where the few undefined bytes decode to the C1 control of
//! the same number), and every C1 control also maps back to its own number so that text read as
//! ISO-8859-1 (Latin-1) is covered too.

use std::sync::LazyLock;

use encoding_rs::{Encoding, WINDOWS_1250, WINDOWS_1252};

/// Characters below this are looked up in a table, the rest by binary search.
const TABLE_END: usize = 0x180;

/// A single-byte code page, reversed: high characters to the bytes they decode from.
pub(super) struct Codepage {
    /// Byte for each character U+0000..U+017F (0: none); covers Latin-1 and the C1 controls.
    low: [u8; TABLE_END],
    /// `(character, byte)` for the higher characters (‘ ’ “ ” – — € ™ …), sorted.
    high: Vec<(char, u8)>,
}

impl Codepage {
    fn new(encoding: &'static Encoding) -> Self {
        let mut low = [0u8; TABLE_END];
        let mut high = Vec::new();
        for byte in 0x80..=0xFFu8 {
            let single = [byte];
            let (text, _) = encoding.decode_without_bom_handling(&single);
            match text.chars().next() {
                Some(c) if (c as usize) < TABLE_END => low[c as usize] = byte,
                Some(c) => high.push((c, byte)),
                None => {}
            }
        }
        // Latin-1 readings: C1 controls stand for their own byte.
        for byte in 0x80..=0x9Fu8 {
            low[usize::from(byte)] = byte;
        }
        high.sort_unstable();
        Self { low, high }
    }

    /// The byte (0x80..=0xFF) this code page decodes to `c`, if any.
    pub(super) fn byte_of(&self, c: char) -> Option<u8> {
        match self.low.get(c as usize) {
            Some(0) => None,
            Some(byte) => Some(*byte),
            None => self
                .high
                .binary_search_by_key(&c, |(known, _)| *known)
                .ok()
                .map(|i| self.high[i].1),
        }
    }
}

/// Windows-1252 (Western) with Latin-1 readings of the C1 controls.
pub(super) static WESTERN: LazyLock<Codepage> = LazyLock::new(|| Codepage::new(WINDOWS_1252));

/// Windows-1250 (Central European: the "Ă«" in "Jean-NoĂ«l") with Latin-1 C1 controls.
pub(super) static CENTRAL: LazyLock<Codepage> = LazyLock::new(|| Codepage::new(WINDOWS_1250));

/// The code pages to try, most common first.
pub(super) fn all() -> [&'static Codepage; 2] {
    [&WESTERN, &CENTRAL]
}

/// How believable a character is as the repaired form of a mojibake sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Plausibility {
    /// A character that real text uses and mojibake commonly destroys: accented Latin letters,
    /// typographic punctuation, €, ™, emoji. One sequence alone is enough evidence.
    Likely,
    /// Another script or a rare symbol: believable only as part of a longer run of repaired
    /// characters (a Cyrillic word), since one such pair is as likely to be legitimate text
    /// such as an upper-case word ending before a closing quote ("CAFÉ”" → "ɔ").
    InRunsOnly,
    /// Control characters, private use, replacement characters: never the repair.
    Never,
}

/// How believable `c` is as a repair (see [`Plausibility`]).
pub(super) fn plausibility(c: char) -> Plausibility {
    let code = u32::from(c);
    let likely = matches!(
        code,
        0xA0..=0x17F             // Latin-1 Supplement, Latin Extended-A
        | 0x218..=0x21B          // Romanian ș ț
        | 0x1E00..=0x1EFF        // Latin Extended Additional (Vietnamese)
        | 0x2010..=0x2027        // dashes, quotes, bullet, ellipsis
        | 0x2030..=0x203A        // per mille, primes, single guillemets
        | 0x20AC                 // €
        | 0x2116 | 0x2122        // № ™
        | 0x2600..=0x27BF        // symbols, dingbats
        | 0xFEFF                 // a byte-order mark read as "ï»¿"
        | 0x1F300..=0x1FAFF // emoji
    );
    if likely {
        Plausibility::Likely
    } else if c.is_control() || c == '\u{FFFD}' || matches!(code, 0xE000..=0xF8FF | 0xFFF0..) {
        Plausibility::Never
    } else {
        Plausibility::InRunsOnly
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn western_maps_cp1252_punctuation_and_latin1_controls_back_to_bytes() {
        assert_eq!(WESTERN.byte_of('€'), Some(0x80));
        assert_eq!(WESTERN.byte_of('™'), Some(0x99));
        assert_eq!(WESTERN.byte_of('\u{99}'), Some(0x99));
        assert_eq!(WESTERN.byte_of('Ã'), Some(0xC3));
        assert_eq!(WESTERN.byte_of('a'), None);
        assert_eq!(WESTERN.byte_of('Ă'), None);
    }

    #[test]
    fn central_maps_cp1250_letters_back_to_bytes() {
        assert_eq!(CENTRAL.byte_of('Ă'), Some(0xC3));
        assert_eq!(CENTRAL.byte_of('«'), Some(0xAB));
        assert_eq!(CENTRAL.byte_of('ł'), Some(0xB3));
    }

    #[test]
    fn accented_letters_and_quotes_are_likely_repairs_other_scripts_only_in_runs() {
        assert_eq!(plausibility('é'), Plausibility::Likely);
        assert_eq!(plausibility('’'), Plausibility::Likely);
        assert_eq!(plausibility('ɔ'), Plausibility::InRunsOnly);
        assert_eq!(plausibility('п'), Plausibility::InRunsOnly);
        assert_eq!(plausibility('\u{85}'), Plausibility::Never);
    }
}
