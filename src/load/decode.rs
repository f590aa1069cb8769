//! Bytes to text: byte-order marks, UTF-8, UTF-16, legacy encodings, binary detection.
//!
//! The signals are tried from the most to the least certain: a byte-order mark declares the
//! encoding; valid UTF-8 is practically never an accident for non-ASCII text; UTF-8 with a few
//! stray bytes is a UTF-8 file with some damage (each bad sequence becomes U+FFFD); anything else is guessed with
//! chardetng. Binary input is recognised by NUL bytes (outside UTF-16) or by decoded text that is
//! largely control characters or undecodable bytes.
//!
//! Line ends are kept exactly as read (LF, CRLF or CR): segmentation understands all three, and
//! offsets into the text then still match the file.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

use crate::model::OffsetEdit;

/// A decoded input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without any byte-order mark.
    pub text: String,
    /// Encoding name, lower case (`utf-8`, `utf-16le`, `windows-1252`, …).
    pub encoding: String,
    /// Bytes before the text in the input (a UTF-8 BOM), so offsets can point into the file.
    pub prefix: usize,
    /// What decoding noticed: a detected legacy encoding, bytes it had to replace, forced text.
    pub notes: Vec<String>,
    /// Replacements of invalid UTF-8 (text → bytes after `prefix`), so offsets stay exact.
    pub edits: Vec<OffsetEdit>,
}

/// What to do with input that looks binary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryPolicy {
    /// Refuse it: [`decode`] returns `None`.
    Reject,
    /// Decode it as text anyway (`--text`), lossily, and say so in the notes.
    DecodeAnyway,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decoded text with more than one character in this many that is a control character or
/// undecodable is binary. Random bytes decode to about 13% such characters; real text, even
/// with stray escape sequences, stays far below 10%.
const BINARY_ONE_IN: usize = 10;

/// Decodes bytes; `None` when they look binary and the policy is [`BinaryPolicy::Reject`].
pub fn decode(bytes: &[u8], policy: BinaryPolicy) -> Option<Decoded> {
    let by_bom = utf16_by_bom(bytes);
    let by_nuls = by_bom.is_none().then(|| utf16_by_nuls(bytes)).flatten();
    // NUL bytes are the classic binary signal, but every other byte of ASCII-range UTF-16 is one.
    let has_nul = by_bom.is_none() && by_nuls.is_none() && bytes.contains(&0);
    if has_nul && policy == BinaryPolicy::Reject {
        return None;
    }
    let mut decoded = match (by_bom, by_nuls) {
        (Some(encoding), _) => decode_utf16(&bytes[2..], encoding),
        (None, Some(encoding)) => {
            let mut decoded = decode_utf16(bytes, encoding);
            decoded.notes.insert(
                0,
                format!(
                    "decoded as {} (no byte-order mark; detected)",
                    decoded.encoding
                ),
            );
            decoded
        }
        (None, None) => decode_unmarked(bytes),
    };
    if has_nul || looks_binary(&decoded.text) {
        match policy {
            BinaryPolicy::Reject => return None,
            BinaryPolicy::DecodeAnyway => {
                decoded
                    .notes
                    .push("binary content decoded as text, as the caller asked".to_string());
            }
        }
    }
    Some(decoded)
}

/// The UTF-16 flavour a byte-order mark declares, if any.
fn utf16_by_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(UTF_16LE),
        [0xFE, 0xFF, ..] => Some(UTF_16BE),
        _ => None,
    }
}

/// UTF-16 without a byte-order mark, told by its NUL pattern: text in Latin script has a NUL
/// as the high byte of most code units, so NULs fill the odd bytes (little-endian) or the even
/// ones (big-endian) and almost never the other half. Binary data has NULs on both.
fn utf16_by_nuls(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let units = sample.len() / 2;
    if units < 4 {
        return None;
    }
    let even = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|b| **b == 0)
        .count();
    // Most units carry the NUL on one side, and the other side is almost never NUL.
    let clear = |nuls: usize, other: usize| nuls * 10 >= units * 6 && other * 50 <= units;
    if clear(odd, even) {
        Some(UTF_16LE)
    } else if clear(even, odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

fn decode_utf16(body: &[u8], encoding: &'static Encoding) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    let name = encoding_name(encoding);
    let mut notes = Vec::new();
    if had_errors {
        notes.push(format!("invalid {name} replaced with U+FFFD"));
    }
    // Offsets of UTF-16 input index the decoded text: there is no byte prefix to add.
    Decoded {
        text: text.into_owned(),
        encoding: name,
        prefix: 0,
        notes,
        edits: Vec::new(),
    }
}

/// Input without a UTF-16 BOM: UTF-8 (BOM optional), UTF-8 with stray bytes, or legacy.
fn decode_unmarked(bytes: &[u8]) -> Decoded {
    let (prefix, body) = match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => (UTF8_BOM.len(), rest),
        None => (0, bytes),
    };
    if let Ok(text) = std::str::from_utf8(body) {
        return Decoded {
            text: text.to_owned(),
            encoding: "utf-8".to_string(),
            prefix,
            notes: Vec::new(),
            edits: Vec::new(),
        };
    }
    if prefix > 0 || mostly_utf8(body) {
        return decode_utf8_with_stray_bytes(body, prefix);
    }
    decode_legacy(body)
}

/// Invalid sequences looked at before [`mostly_utf8`] decides (legacy text has one every few
/// words; counting all of them in a large file is wasted time).
const UTF8_SAMPLE_INVALID: usize = 256;

/// Whether invalid UTF-8 still looks like UTF-8 with a few stray bytes: it has more valid
/// multi-byte characters than invalid sequences. Legacy text almost never forms valid UTF-8
/// multi-byte sequences by accident, so even a few of them outweigh the chardetng guess.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().bytes().filter(|b| *b >= 0xC0).count();
        invalid += usize::from(!chunk.invalid().is_empty());
        if invalid >= UTF8_SAMPLE_INVALID {
            break;
        }
    }
    multibyte > invalid
}

/// Decodes UTF-8 with a few invalid sequences: each becomes one U+FFFD, recorded as an edit so
/// that offsets still point into the bytes as read. The version stays UTF-8 (issue 9): reading
/// the stray bytes in another encoding made the text claim an encoding it was not decoded in.
fn decode_utf8_with_stray_bytes(body: &[u8], prefix: usize) -> Decoded {
    let mut text = String::with_capacity(body.len() + 16);
    let mut edits = Vec::new();
    let (mut stray, mut first) = (0, None);
    let mut read = 0;
    for chunk in body.utf8_chunks() {
        text.push_str(chunk.valid());
        read += chunk.valid().len();
        let invalid = chunk.invalid();
        if !invalid.is_empty() {
            stray += invalid.len();
            first.get_or_insert(prefix + read);
            edits.push(OffsetEdit {
                repaired: text.len()..text.len() + '\u{FFFD}'.len_utf8(),
                original: read..read + invalid.len(),
            });
            text.push('\u{FFFD}');
            read += invalid.len();
        }
    }
    let plural = if stray == 1 { "" } else { "s" };
    let at = first.map_or(String::new(), |offset| {
        format!(", the first at byte {offset}")
    });
    Decoded {
        text,
        encoding: "utf-8".to_string(),
        prefix,
        notes: vec![format!(
            "invalid utf-8: {stray} stray byte{plural} replaced with U+FFFD{at}"
        )],
        edits,
    }
}

/// Guesses a legacy encoding with chardetng and decodes with it.
fn decode_legacy(body: &[u8]) -> Decoded {
    let encoding = guess_legacy(body);
    // Not `decode`: that would strip a BOM-like prefix and shift every offset.
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    let name = encoding_name(encoding);
    let mut notes = vec![format!("decoded as {name} (detected)")];
    if had_errors {
        notes.push(format!("bytes invalid in {name} replaced with U+FFFD"));
    }
    Decoded {
        text: text.into_owned(),
        encoding: name,
        prefix: 0,
        notes,
        edits: Vec::new(),
    }
}

/// Most bytes chardetng is shown. Its cost grows with its input (about 100 ns a byte of dense
/// non-ASCII text, 0.4 s for 4 MB), while its evidence is all in the lines with non-ASCII
/// bytes, so it sees up to this many bytes of those lines only.
const DETECTION_BUDGET: usize = 64 * 1024;

/// Longest piece of a line shown to chardetng at once (long lines are cut at a space).
const MAX_PIECE: usize = 4096;

/// The legacy encoding chardetng guesses from a sample of the lines with non-ASCII bytes.
fn guess_legacy(body: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    let mut fed = 0;
    for piece in pieces(body).filter(|piece| !piece.is_ascii()) {
        if fed >= DETECTION_BUDGET {
            break;
        }
        detector.feed(piece, false);
        fed += piece.len();
    }
    detector.feed(&[], true);
    // The input is known not to be valid UTF-8, so only legacy encodings are candidates.
    detector.guess(None, Utf8Detection::Deny)
}

/// The bytes cut after each line feed, and long lines also after a space near [`MAX_PIECE`],
/// so that no piece boundary splits a word (or a multi-byte character of a CJK encoding).
fn pieces(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = bytes;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let window = &rest[..rest.len().min(MAX_PIECE)];
        let cut = match window.iter().position(|b| *b == b'\n') {
            Some(i) => i + 1,
            None if window.len() < rest.len() => window
                .iter()
                .rposition(|b| *b == b' ')
                .map_or(window.len(), |i| i + 1),
            None => window.len(),
        };
        let (piece, tail) = rest.split_at(cut);
        rest = tail;
        Some(piece)
    })
}

fn encoding_name(encoding: &'static Encoding) -> String {
    encoding.name().to_ascii_lowercase()
}

/// Whether decoded text is binary rather than text: too many control characters or
/// replacement characters (see [`BINARY_ONE_IN`]).
///
/// Counted on bytes, in blocks with `u8` counters that the compiler vectorises: this runs on
/// every input, and a `chars()` loop cost more than all the rest of decoding.
fn looks_binary(text: &str) -> bool {
    const BLOCK: usize = u8::MAX as usize;
    let bytes = text.as_bytes();
    let (mut chars, mut bad) = (0usize, 0usize);
    for block in bytes.chunks(BLOCK) {
        let (mut block_chars, mut block_bad) = (0u8, 0u8);
        for &b in block {
            // Every byte that is not a UTF-8 continuation byte starts a character.
            block_chars += u8::from((b & 0xC0) != 0x80);
            block_bad += u8::from(is_binary_ascii(b));
        }
        chars += usize::from(block_chars);
        bad += usize::from(block_bad);
    }
    if !text.is_ascii() {
        // C1 controls are C2 80..=C2 9F in UTF-8.
        let pairs = bytes.iter().zip(bytes.iter().skip(1));
        bad += pairs
            .filter(|(lead, next)| **lead == 0xC2 && **next < 0xA0)
            .count();
        bad += text.matches('\u{FFFD}').count();
    }
    bad * BINARY_ONE_IN > chars
}

/// ASCII control characters other than the whitespace ones (tab, line feed, vertical tab,
/// form feed, carriage return).
fn is_binary_ascii(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r')) || b == 0x7F
}

#[cfg(test)]
mod tests;
