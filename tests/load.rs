//! Loading inputs into versions: encodings, binary input, mojibake repair and offsets into the
//! bytes as read, through the public `load_version`.

use storydiff::load::{Input, bundled_seeds, load_version};
use storydiff::{CompareOptions, Error, Version, VersionId};

fn load(bytes: &[u8]) -> Result<Version, Error> {
    load_with(bytes, &CompareOptions::default())
}

fn load_with(bytes: &[u8], options: &CompareOptions) -> Result<Version, Error> {
    load_version(VersionId(0), Input::from_bytes("input.txt", bytes), options)
}

fn seed(prefix: &str) -> Input {
    bundled_seeds()
        .into_iter()
        .find(|input| input.name.starts_with(prefix))
        .expect("bundled seed")
}

/// The bytes as read that a range of the version's text came from.
fn original_bytes<'a>(
    version: &Version,
    bytes: &'a [u8],
    text_range: std::ops::Range<usize>,
) -> &'a [u8] {
    &bytes[version.original_offset(text_range.start)..version.original_offset(text_range.end)]
}

#[test]
fn seed_001_is_repaired_and_says_so() {
    let input = seed("001");
    let version = load_version(VersionId(1), input, &CompareOptions::default()).expect("loads");
    assert_eq!(version.encoding, "utf-8");
    assert_eq!(version.notes, ["repaired 33 mojibake sequences"]);
    assert!(version.text.contains("Jean-Noël Barrot"));
    assert!(version.text.contains("Trump’s envoy"));
    assert!(!version.text.contains(['â', 'Ă', 'Â']));
}

#[test]
fn repaired_offsets_point_into_the_bytes_as_read() {
    let input = seed("001");
    let bytes = input.bytes.clone();
    let version = load_version(VersionId(1), input, &CompareOptions::default()).expect("loads");
    let name = "Jean-Noël Barrot";
    let start = version.text.find(name).expect("repaired name");
    assert_eq!(
        original_bytes(&version, &bytes, start..start + name.len()),
        "Jean-NoĂ«l Barrot".as_bytes()
    );
}

#[test]
fn the_other_seeds_load_unchanged_without_notes() {
    for prefix in ["000", "002", "003", "004"] {
        let input = seed(prefix);
        let bytes = input.bytes.clone();
        let version = load_version(VersionId(0), input, &CompareOptions::default()).expect("loads");
        assert!(version.notes.is_empty(), "{prefix}: {:?}", version.notes);
        assert_eq!(version.text.as_bytes(), bytes, "{prefix}");
    }
}

#[test]
fn no_repair_keeps_the_mojibake() {
    let options = CompareOptions {
        repair_mojibake: false,
        ..CompareOptions::default()
    };
    let version = load_with("Trumpâs envoy.â".as_bytes(), &options).expect("loads");
    assert_eq!(version.text, "Trumpâs envoy.â");
    assert!(version.notes.is_empty());
}

#[test]
fn utf8_bom_offsets_include_the_bom() {
    let bytes = b"\xEF\xBB\xBFcaf\xC3\x83\xC2\xA9 ok";
    let version = load(bytes).expect("loads");
    assert_eq!(version.text, "café ok");
    assert_eq!(version.notes, ["repaired 1 mojibake sequence"]);
    assert_eq!(version.original_offset(0), 3);
    assert_eq!(
        original_bytes(&version, bytes, 0.."café".len()),
        "cafÃ©".as_bytes()
    );
    assert_eq!(
        original_bytes(&version, bytes, version.text.len() - 2..version.text.len()),
        b"ok"
    );
}

#[test]
fn utf16_with_bom_loads_in_both_byte_orders() {
    let text = "Jean-Noël “quoted”\r\n";
    let little: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let big: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    for (bytes, encoding) in [(little, "utf-16le"), (big, "utf-16be")] {
        let version = load(&bytes).expect("loads");
        assert_eq!(
            (version.text.as_str(), version.encoding.as_str()),
            (text, encoding)
        );
        assert!(version.notes.is_empty());
    }
}

#[test]
fn windows_1252_input_is_detected_and_noted() {
    let version = load(b"caf\xe9 na\xefve \x93quoted\x94").expect("loads");
    assert_eq!(version.text, "café naïve “quoted”");
    assert_eq!(version.encoding, "windows-1252");
    assert_eq!(version.notes, ["decoded as windows-1252 (detected)"]);
}

#[test]
fn crlf_and_cr_line_ends_are_kept_as_read() {
    let version = load(b"one\r\ntwo\rthree\n").expect("loads");
    assert_eq!(version.text, "one\r\ntwo\rthree\n");
}

#[test]
fn binary_input_is_refused_unless_forced() {
    let bytes = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00text";
    assert!(matches!(load(bytes), Err(Error::Binary { name }) if name == "input.txt"));
    let forced = CompareOptions {
        force_text: true,
        ..CompareOptions::default()
    };
    let version = load_with(bytes, &forced).expect("forced");
    assert!(
        version
            .notes
            .contains(&"binary content decoded as text, as the caller asked".to_string())
    );
}

#[test]
fn empty_input_is_an_empty_version() {
    let version = load(b"").expect("loads");
    assert_eq!(
        (version.text.as_str(), version.encoding.as_str()),
        ("", "utf-8")
    );
    assert!(version.notes.is_empty());
}
