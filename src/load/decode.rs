//! Bytes to text: BOMs, UTF-8, UTF-16, legacy encodings, binary detection.

/// A decoded input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// Encoding name (`utf-8`, `utf-16le`, `windows-1252`, …).
    pub encoding: String,
    /// Bytes before the text in the input (a UTF-8 BOM), so offsets can point into the file.
    pub prefix: usize,
    /// What decoding noticed (a BOM, a detected legacy encoding).
    pub notes: Vec<String>,
}

/// Decodes bytes; `None` when they look binary and `force_text` is off.
// Placeholder: UTF-8 only. Full detection lands with the load work.
pub fn decode(bytes: &[u8], force_text: bool) -> Option<Decoded> {
    if !force_text && bytes.contains(&0) {
        return None;
    }
    let (prefix, body) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (3, rest),
        None => (0, bytes),
    };
    Some(Decoded {
        text: String::from_utf8_lossy(body).into_owned(),
        encoding: "utf-8".to_string(),
        prefix,
        notes: Vec::new(),
    })
}
