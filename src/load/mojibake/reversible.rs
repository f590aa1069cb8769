//! Mojibake that kept all its bytes: re-encode a run of characters with the code page it was
//! misread as, decode the bytes as UTF-8, and keep the result if it is believable.
//!
//! "Ã©" is the two bytes C3 A9 read as windows-1252; read as UTF-8 they are "é". The same goes
//! for "â€™" (’, three bytes), "Ă«" (ë, read as windows-1250) and "ðŸ˜€" (😀, four bytes).
//! Legitimate text rarely has a lead-byte character followed by the right number of
//! continuation-byte characters, and when it does (an upper-case word ending before a closing
//! quote, "CAFÉ”") the decoded character is an unlikely one, which [`Plausibility`] rejects.

use super::codepage::{self, Codepage, Plausibility};
use super::{Fix, Standing};

/// The repair of a mojibake sequence starting at byte `start` of `text`, if one starts there.
pub(super) fn fix_at(text: &str, start: usize) -> Option<Fix> {
    // Fast exit for the common case, an accented letter followed by ASCII ("café").
    let lead_len = text[start..].chars().next()?.len_utf8();
    if text
        .as_bytes()
        .get(start + lead_len)
        .is_none_or(u8::is_ascii)
    {
        return None;
    }
    let mut fallback = None;
    for page in codepage::all() {
        match decode_with(page, text, start) {
            Some(fix) if fix.standing == Standing::Alone => return Some(fix),
            Some(fix) => fallback = fallback.or(Some(fix)),
            None => {}
        }
    }
    fallback
}

/// Reads the characters at `start` as the bytes `page` would have decoded them from.
fn decode_with(page: &Codepage, text: &str, start: usize) -> Option<Fix> {
    let mut chars = text[start..].char_indices();
    let (_, lead_char) = chars.next()?;
    let lead = page.byte_of(lead_char)?;
    let len = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let mut bytes = [lead, 0, 0, 0];
    let mut end = start + lead_char.len_utf8();
    let mut last_char = lead_char;
    for slot in &mut bytes[1..len] {
        let (offset, c) = chars.next()?;
        *slot = page.byte_of(c).filter(|b| (0x80..=0xBF).contains(b))?;
        end = start + offset + c.len_utf8();
        last_char = c;
    }
    // from_utf8 also rejects overlong forms and surrogates.
    let decoded = std::str::from_utf8(&bytes[..len]).ok()?.chars().next()?;
    let standing = match codepage::plausibility(decoded) {
        Plausibility::Likely
            if len == 2 && ends_capitalised_word(text, start, lead_char, last_char, end) =>
        {
            Standing::InDamagedText
        }
        Plausibility::Likely => Standing::Alone,
        Plausibility::InRunsOnly => Standing::NeedsNeighbour,
        Plausibility::Never => return None,
    };
    // A byte-order mark inside the text is invisible noise; the repair removes it.
    let replacement = (decoded != '\u{FEFF}').then_some(decoded);
    Some(Fix {
        original: start..end,
        replacement,
        standing,
    })
}

/// Whether a two-character candidate also reads as an upper-case word ending in a letter such
/// as "Ã" or "Å" followed by closing punctuation ("IRMÔ, "PÅ…"), which is legitimate text.
fn ends_capitalised_word(text: &str, start: usize, lead: char, second: char, end: usize) -> bool {
    // Cheapest tests first: this runs for every two-character candidate.
    // Not a no-break space: "Ã" + NBSP is by far most often the mojibake of "à".
    matches!(second, '’' | '”' | '»' | '›' | '…' | '–' | '—')
        && lead.is_uppercase()
        && text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_uppercase)
        && !text[end..].chars().next().is_some_and(char::is_alphabetic)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repair_at_start(text: &str) -> Option<(usize, Option<char>)> {
        fix_at(text, 0).map(|fix| (fix.original.end, fix.replacement))
    }

    #[test]
    fn two_byte_windows_1252_mojibake_decodes() {
        assert_eq!(repair_at_start("Ã© x"), Some((4, Some('é'))));
        assert_eq!(repair_at_start("Â\u{a0}"), Some((4, Some('\u{a0}'))));
    }

    #[test]
    fn three_byte_windows_1252_mojibake_decodes() {
        assert_eq!(repair_at_start("â€™s"), Some(("â€™".len(), Some('’'))));
        assert_eq!(repair_at_start("â€œ"), Some(("â€œ".len(), Some('“'))));
    }

    #[test]
    fn windows_1250_mojibake_decodes() {
        assert_eq!(repair_at_start("Ă«l"), Some(("Ă«".len(), Some('ë'))));
    }

    #[test]
    fn latin1_mojibake_with_c1_controls_decodes() {
        assert_eq!(repair_at_start("â\u{80}\u{94}"), Some((6, Some('—'))));
    }

    #[test]
    fn four_byte_emoji_mojibake_decodes() {
        assert_eq!(repair_at_start("ðŸ˜€"), Some(("ðŸ˜€".len(), Some('😀'))));
    }

    #[test]
    fn byte_order_mark_mojibake_is_removed() {
        assert_eq!(repair_at_start("ï»¿Title"), Some(("ï»¿".len(), None)));
    }

    #[test]
    fn legitimate_accented_letters_are_not_sequences() {
        for text in ["é”", "ïve", "ão", "ü", "â€", "Âge", "àè"] {
            assert_eq!(fix_at(text, 0), None, "{text}");
        }
    }

    #[test]
    fn upper_case_word_before_closing_quote_is_repaired_only_in_damaged_text() {
        let standing = |text: &str| fix_at(text, 3).map(|fix| fix.standing);
        assert_eq!(
            standing("IRMÃ\u{201d} disse"),
            Some(Standing::InDamagedText)
        );
        // The same pair inside a word has no legitimate reading.
        assert_eq!(standing("ADIÃ\u{201d}S"), Some(Standing::Alone));
    }

    #[test]
    fn other_scripts_need_a_neighbouring_repair() {
        let fix = fix_at("Ð¿Ñ€", 0).expect("candidate");
        assert_eq!(
            (fix.replacement, fix.standing),
            (Some('п'), Standing::NeedsNeighbour)
        );
    }
}
