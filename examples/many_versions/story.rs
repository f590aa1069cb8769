//! Deterministic rewrites of one story: what hundreds of outlets republishing a wire story look
//! like. Shared by `examples/many_versions.rs` (writes the versions to files) and
//! `benches/facts.rs` (times the facts analysis on them).
//!
//! Version 0 is the story as given. Every other version is rewritten sentence by sentence from a
//! seeded generator (the same version number always gives the same text): paragraphs broken
//! differently, common words swapped for synonyms, a sentence now and then dropped or moved, a
//! line of web debris added. A few versions change a fact: another number, a misspelt name, a
//! flipped negation, an attribution hedged with "reportedly", so that the facts analysis has
//! something to find.

/// A small xorshift generator: no dependency, the same sequence everywhere.
pub struct Rng(u64);

impl Rng {
    /// A generator for one version.
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next number.
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// True with the given probability in per mille.
    pub fn chance(&mut self, per_mille: u64) -> bool {
        self.next() % 1000 < per_mille
    }
}

/// Words a rewrite swaps for another (both directions are tried).
const SYNONYMS: [(&str, &str); 16] = [
    ("said", "stated"),
    ("reports", "accounts"),
    ("leaders", "officials"),
    ("major", "significant"),
    ("arrived", "landed"),
    ("meet", "sit down with"),
    ("war", "conflict"),
    ("rejected", "dismissed"),
    ("officials", "representatives"),
    ("strike", "attack"),
    ("people", "individuals"),
    ("confirmed", "acknowledged"),
    ("plan", "proposal"),
    ("spokesperson", "spokesman"),
    ("leave", "depart"),
    ("talks", "discussions"),
];

/// Debris lines a web copy picks up.
const DEBRIS: [&str; 4] = [
    "Share this article",
    "Advertisement",
    "Read more:",
    "Related",
];

/// Rewrites `story` as version `n` (version 0 is the story itself).
pub fn version(story: &str, n: u64) -> String {
    if n == 0 {
        return story.to_string();
    }
    let mut rng = Rng::new(n);
    let mut kept = Vec::new();
    for s in sentences(story) {
        if !rng.chance(60) {
            kept.push(reword(&s, &mut rng));
        }
    }
    let mut sentences = kept;
    if sentences.len() > 3 && rng.chance(300) {
        let i = (rng.next() as usize) % (sentences.len() - 1);
        sentences.swap(i, i + 1);
    }
    // A fact changed in a few versions: what a fact-checker looks for.
    if rng.chance(40) {
        drift_number(&mut sentences, &mut rng);
    }
    if rng.chance(30) {
        replace_once(&mut sentences, "Donahue", "Donohue");
    }
    if rng.chance(30) {
        flip_negation(&mut sentences);
    }
    if rng.chance(30) {
        replace_once(&mut sentences, " said ", " reportedly said ");
    }
    let mut out = String::new();
    if rng.chance(200) {
        out.push_str(DEBRIS[(rng.next() % 4) as usize]);
        out.push_str("\n\n");
    }
    let per_paragraph = 1 + (rng.next() % 4) as usize;
    for (i, s) in sentences.iter().enumerate() {
        out.push_str(s);
        out.push_str(if (i + 1) % per_paragraph == 0 {
            "\n\n"
        } else {
            " "
        });
    }
    out.trim_end().to_string() + "\n"
}

/// The sentences of a story, split at ". " and line ends (good enough for generated copies:
/// the analysis segments them again its own way).
fn sentences(story: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in story.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let mut rest = line;
        while let Some(i) = rest.find(". ").filter(|&i| i > 3) {
            let (head, tail) = rest.split_at(i + 1);
            // Keep abbreviations ("Gen. Chris", "Sgt. Maj.") in their sentence.
            let last = head.rsplit(' ').next().unwrap_or("");
            let abbreviation = last.len() <= 5 && last.starts_with(char::is_uppercase);
            if tail.trim_start().starts_with(char::is_lowercase) || abbreviation {
                break;
            }
            out.push(head.to_string());
            rest = tail.trim_start();
        }
        out.push(rest.to_string());
    }
    out
}

fn reword(sentence: &str, rng: &mut Rng) -> String {
    let mut s = sentence.to_string();
    for (a, b) in SYNONYMS {
        if rng.chance(350) {
            let (from, to) = if rng.chance(500) { (a, b) } else { (b, a) };
            s = replace_word(&s, from, to);
        }
    }
    s
}

/// Replaces the first whole-word occurrence of `from`.
fn replace_word(s: &str, from: &str, to: &str) -> String {
    let mut start = 0;
    while let Some(i) = s[start..].find(from).map(|i| i + start) {
        let before = s[..i].chars().next_back();
        let after = s[i + from.len()..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return format!("{}{to}{}", &s[..i], &s[i + from.len()..]);
        }
        start = i + from.len();
    }
    s.to_string()
}

fn replace_once(sentences: &mut [String], from: &str, to: &str) {
    if let Some(s) = sentences.iter_mut().find(|s| s.contains(from)) {
        *s = s.replacen(from, to, 1);
    }
}

/// Adds one to the first count of two or more digits in a random sentence that has one.
fn drift_number(sentences: &mut [String], rng: &mut Rng) {
    let with_number: Vec<usize> = (0..sentences.len())
        .filter(|&i| {
            sentences[i]
                .split(' ')
                .any(|w| w.len() == 2 && w.bytes().all(|b| b.is_ascii_digit()))
        })
        .collect();
    if with_number.is_empty() {
        return;
    }
    let i = with_number[(rng.next() as usize) % with_number.len()];
    let words: Vec<String> = sentences[i]
        .split(' ')
        .map(|w| match w.parse::<u32>() {
            Ok(n) if w.len() == 2 => (n + 1).to_string(),
            _ => w.to_string(),
        })
        .collect();
    sentences[i] = words.join(" ");
}

/// "has not" → "has", or "has confirmed" → "has not confirmed", in the first sentence that
/// allows it.
fn flip_negation(sentences: &mut [String]) {
    if let Some(s) = sentences.iter_mut().find(|s| s.contains(" has not ")) {
        *s = s.replacen(" has not ", " has ", 1);
    } else if let Some(s) = sentences.iter_mut().find(|s| s.contains(" confirmed ")) {
        *s = s.replacen(" confirmed ", " has not confirmed ", 1);
    }
}
