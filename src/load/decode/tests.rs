//! Tests of decoding: encodings, byte-order marks, stray bytes and binary detection.

use super::*;

fn text(bytes: &[u8]) -> Decoded {
    decode(bytes, BinaryPolicy::Reject).expect("decodes as text")
}

fn utf16(units: &str, little_endian: bool) -> Vec<u8> {
    let mut bytes = if little_endian {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in units.encode_utf16() {
        let pair = if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        };
        bytes.extend_from_slice(&pair);
    }
    bytes
}

#[test]
fn empty_input_is_empty_utf8_text() {
    let decoded = text(b"");
    assert_eq!(
        (decoded.text.as_str(), decoded.encoding.as_str()),
        ("", "utf-8")
    );
    assert!(decoded.notes.is_empty());
}

#[test]
fn ascii_and_utf8_decode_without_notes() {
    let decoded = text("café “quoted” — Zürich\r\nnext\rline".as_bytes());
    assert_eq!(decoded.text, "café “quoted” — Zürich\r\nnext\rline");
    assert_eq!((decoded.encoding.as_str(), decoded.prefix), ("utf-8", 0));
    assert!(decoded.notes.is_empty());
}

#[test]
fn utf8_bom_is_left_out_of_the_text_and_counted_as_prefix() {
    let decoded = text(b"\xEF\xBB\xBFhello");
    assert_eq!((decoded.text.as_str(), decoded.prefix), ("hello", 3));
    assert_eq!(decoded.encoding, "utf-8");
}

#[test]
fn utf16_little_endian_with_bom_decodes() {
    let decoded = text(&utf16("Jean-Noël said “no”\n", true));
    assert_eq!(decoded.text, "Jean-Noël said “no”\n");
    assert_eq!((decoded.encoding.as_str(), decoded.prefix), ("utf-16le", 0));
    assert!(decoded.notes.is_empty());
}

#[test]
fn utf16_big_endian_with_bom_decodes() {
    let decoded = text(&utf16("naïve 😀", false));
    assert_eq!(decoded.text, "naïve 😀");
    assert_eq!(decoded.encoding, "utf-16be");
}

#[test]
fn windows_1252_bytes_are_detected_and_noted() {
    let decoded = text(b"caf\xe9 na\xefve \x93quoted\x94");
    assert_eq!(decoded.text, "café naïve “quoted”");
    assert_eq!(decoded.encoding, "windows-1252");
    assert_eq!(decoded.notes, ["decoded as windows-1252 (detected)"]);
}

#[test]
fn utf8_with_a_stray_legacy_byte_stays_utf8_with_a_replacement() {
    let decoded = text(b"Caf\xc3\xa9 and na\xc3\xafve, Trump\x92s plan");
    assert_eq!(decoded.text, "Café and naïve, Trump\u{FFFD}s plan");
    assert_eq!(decoded.encoding, "utf-8");
    assert_eq!(
        decoded.notes,
        ["invalid utf-8: 1 stray byte replaced with U+FFFD, the first at byte 23"]
    );
    // The replacement (3 bytes) stands for the one byte as read.
    assert_eq!(
        decoded.edits,
        [OffsetEdit {
            repaired: 23..26,
            original: 23..24
        }]
    );
}

#[test]
fn windows_1250_text_is_told_from_windows_1252() {
    // "Zażółć gęślą jaźń" and more Polish, in windows-1250.
    let polish =
        b"Za\xbf\xf3\xb3\xe6 g\xea\x9cl\xb9 ja\x9f\xf1. Pa\xf1stwo \xb3\xb9czy si\xea z \xbfyciem.";
    let decoded = text(polish);
    assert_eq!(decoded.encoding, "windows-1250");
    assert!(
        decoded.text.starts_with("Zażółć gęślą jaźń."),
        "{}",
        decoded.text
    );
}

#[test]
fn detection_sample_is_cut_at_line_ends_and_spaces() {
    let long_line = "word ".repeat(2000);
    let text = format!("short\n{long_line}\nend");
    let pieces: Vec<&[u8]> = pieces(text.as_bytes()).collect();
    assert_eq!(pieces[0], b"short\n");
    assert!(pieces[1].len() <= MAX_PIECE && pieces[1].ends_with(b" "));
    assert_eq!(pieces.concat(), text.as_bytes());
}

#[test]
fn nul_bytes_mean_binary_unless_forced() {
    let bytes = b"PK\x03\x04\x00\x00binary\x00stuff";
    assert_eq!(decode(bytes, BinaryPolicy::Reject), None);
    let forced = decode(bytes, BinaryPolicy::DecodeAnyway).expect("forced");
    assert!(forced.text.contains("binary"));
    assert_eq!(
        forced.notes,
        ["binary content decoded as text, as the caller asked"]
    );
}

#[test]
fn random_bytes_without_nul_are_binary() {
    // A fixed linear congruential sequence of bytes 1..=255: no NUL to give it away.
    let mut state = 0x2545_f491_u32;
    let bytes: Vec<u8> = (0..4096)
        .map(|_| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (state >> 16) as u8 | 1
        })
        .collect();
    assert_eq!(decode(&bytes, BinaryPolicy::Reject), None);
}

#[test]
fn text_of_mostly_control_characters_is_binary() {
    let bytes: Vec<u8> = (1u8..32).chain(b"abc".iter().copied()).collect();
    assert_eq!(decode(&bytes, BinaryPolicy::Reject), None);
    assert!(decode(&bytes, BinaryPolicy::DecodeAnyway).is_some());
}

#[test]
fn a_few_escape_sequences_do_not_make_text_binary() {
    let decoded = text(b"a headline with \x1b[31mred\x1b[0m words in a long enough line");
    assert!(decoded.text.contains('\u{1b}'));
}

#[test]
fn utf16_text_with_nul_bytes_in_its_units_is_not_binary() {
    // ASCII in UTF-16 is half NUL bytes; the BOM says what they are.
    assert_eq!(text(&utf16("plain ASCII", true)).text, "plain ASCII");
}

proptest::proptest! {
    #[test]
    fn forced_decoding_accepts_any_bytes(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..200)) {
        proptest::prop_assert!(decode(&bytes, BinaryPolicy::DecodeAnyway).is_some());
        let _ = decode(&bytes, BinaryPolicy::Reject);
    }

    #[test]
    // U+FFFD is left out: text made of it is a lossy copy of binary data.
    fn printable_utf8_decodes_to_itself(text in "[^\\p{Cc}\u{FFFD}]{0,100}") {
        // A leading U+FEFF is a byte-order mark, not text.
        proptest::prop_assume!(!text.starts_with('\u{feff}'));
        let decoded = decode(text.as_bytes(), BinaryPolicy::Reject).expect("text");
        proptest::prop_assert_eq!(decoded.text, text);
        proptest::prop_assert_eq!(decoded.encoding, "utf-8");
    }
}

#[test]
fn odd_length_utf16_replaces_the_dangling_byte_and_says_so() {
    let mut bytes = utf16("some text here", true);
    bytes.push(b'x');
    let decoded = text(&bytes);
    assert!(decoded.text.starts_with("some text here"));
    assert_eq!(decoded.notes, ["invalid utf-16le replaced with U+FFFD"]);
}

#[test]
fn utf16_without_a_bom_is_told_by_its_nul_pattern() {
    for little_endian in [true, false] {
        let bytes = utf16(
            "Kyiv talks resume. The army said 26 people died.",
            little_endian,
        );
        let decoded = text(&bytes[2..]);
        assert_eq!(
            decoded.text,
            "Kyiv talks resume. The army said 26 people died."
        );
        let name = if little_endian {
            "utf-16le"
        } else {
            "utf-16be"
        };
        assert_eq!(decoded.encoding, name);
        assert_eq!(
            decoded.notes,
            [format!("decoded as {name} (no byte-order mark; detected)")]
        );
    }
}

#[test]
fn nuls_on_both_byte_positions_are_still_binary() {
    let bytes: Vec<u8> = (0..200u8).flat_map(|i| [0, i, 0, 0, i, 7]).collect();
    assert!(decode(&bytes, BinaryPolicy::Reject).is_none());
}
