//! Fuzz harness (issue 9): generated and mutated inputs through the whole library and, for a
//! sample, the binary. For every case it checks that
//! - comparing never fails on text and never panics, and the binary exits 0, 1 or 2;
//! - a version compared with itself is the same (no divergent passage, exit 0);
//! - spans stay inside the text, never overlap, and map to exactly the bytes as read when the
//!   version's offsets index the file;
//! - word ops are lossless: equal + delete give the base passage, equal + insert the other's;
//! - JSON output parses, and no output carries a raw control, bidi or invisible character.
//!
//! `cargo test --test fuzz` runs a bounded number of cases (a few seconds); a longer run:
//! `STORYDIFF_FUZZ_CASES=20000 cargo test --release --test fuzz -- --nocapture`, with
//! `STORYDIFF_FUZZ_SEED=n` to start elsewhere. A failure prints the case's seed and inputs.

use std::process::Command;

use storydiff::load::bundled_seeds;
use storydiff::model::OffsetTarget;
use storydiff::render::{self, Format, PrintOptions};
use storydiff::{CompareOptions, Comparison, Input, compare};

mod support;
use support::assert_ops_rebuild_other_text;

/// A small deterministic generator (xorshift64*), so a case is reproduced from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Pieces generated inputs are made of: words, punctuation, emoji, invisible and control
/// characters, markup, line ends, bytes that are not UTF-8.
const PIECES: &[&[u8]] = &[
    b"Kyiv",
    b"the",
    b"army",
    b"said",
    b"26",
    b"people",
    b"A.",
    b"a",
    b"...",
    b"Gen.",
    b"U.S.",
    b" ",
    b" ",
    b"  ",
    b"\n",
    b"\n\n",
    b"\r\n",
    b"\t",
    b".",
    b",",
    b"\xe2\x80\x94",
    "😀".as_bytes(),
    "👩\u{200d}👧".as_bytes(),
    "中文".as_bytes(),
    "naïve".as_bytes(),
    "co\u{ad}operate".as_bytes(),
    "\u{200b}".as_bytes(),
    "\u{200e}".as_bytes(),
    "\u{202e}".as_bytes(),
    "\u{feff}".as_bytes(),
    "\u{9b}".as_bytes(),
    b"\x1b[31m",
    b"\x7f",
    b"\x07",
    b"\xff",
    b"\xc3",
    b"\x92",
    "Trumpâ€™s".as_bytes(),
    b"<p>",
    b"</p>",
    b"&amp;",
    b"<html>",
    b"Also Read:",
    b"date 2025-11-19",
    b"By Jane Doe",
    b"Table of Contents",
    b"Click here to subscribe",
    b"\xcc\x81",
    b"\"",
    "“talks”".as_bytes(),
];

fn generated(rng: &mut Rng) -> Vec<u8> {
    let mut out = Vec::new();
    for _ in 0..rng.below(60) {
        let piece: &[u8] = rng.pick::<&[u8]>(PIECES);
        out.extend_from_slice(piece);
        if rng.below(3) == 0 {
            out.push(b' ');
        }
    }
    out
}

/// A seed story with a few byte-level mutations: flips, inserted pieces, deleted and
/// duplicated stretches.
fn mutated(rng: &mut Rng, seeds: &[Input]) -> Vec<u8> {
    let seed = &rng.pick(seeds).bytes;
    let start = rng.below(seed.len());
    let mut out = seed[start..(start + 1 + rng.below(1500)).min(seed.len())].to_vec();
    for _ in 0..rng.below(6) {
        let at = rng.below(out.len() + 1);
        match rng.below(4) {
            0 if at < out.len() => out[at] ^= 1 << rng.below(8),
            1 => {
                let piece = (*rng.pick(PIECES)).to_vec();
                out.splice(at..at, piece);
            }
            2 => {
                let end = (at + rng.below(80)).min(out.len());
                out.drain(at..end);
            }
            _ => {
                let end = (at + rng.below(200)).min(out.len());
                let copy = out[at..end].to_vec();
                out.splice(at..at, copy);
            }
        }
    }
    out
}

fn options() -> CompareOptions {
    CompareOptions {
        force_text: true,
        ..CompareOptions::default()
    }
}

fn check_spans(c: &Comparison, inputs: &[Vec<u8>]) {
    for v in &c.versions {
        let mut spans: Vec<_> = c
            .passages
            .iter()
            .filter_map(|p| p.span(v.id))
            .map(|s| s.range.clone())
            .collect();
        spans.sort_by_key(|r| r.start);
        for pair in spans.windows(2) {
            assert!(
                pair[0].end <= pair[1].start,
                "overlapping spans {pair:?} in {}",
                v.name
            );
        }
        for range in &spans {
            assert!(
                range.end <= v.text.len(),
                "span {range:?} past the text of {}",
                v.name
            );
            let exact = v.offsets.target == OffsetTarget::File && v.offsets.edits.is_empty();
            if exact {
                let bytes = &inputs[v.id.0];
                let (start, end) = (v.original_offset(range.start), v.original_offset(range.end));
                assert!(
                    end <= bytes.len(),
                    "span {start}..{end} past the file {}",
                    v.name
                );
                if v.offsets.decoded.is_empty() {
                    assert_eq!(&bytes[start..end], v.text[range.clone()].as_bytes());
                }
            }
        }
    }
}

/// Characters no output may carry raw.
fn unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}' | '\u{200c}' | '\u{200e}' | '\u{200f}' | '\u{2060}' | '\u{feff}' | '\u{061c}')
}

fn check_outputs(c: Comparison) {
    let analysis = storydiff::Analysis::with_facts(c);
    for format in [
        Format::Inline,
        Format::SideBySide,
        Format::Unified,
        Format::Json,
    ] {
        let mut out = Vec::new();
        let options = PrintOptions {
            format,
            ..PrintOptions::default()
        };
        render::print(&mut out, &analysis, &options).expect("prints");
        let text = String::from_utf8(out).expect("output is UTF-8");
        if let Some(bad) = text.chars().find(|&c| unsafe_char(c)) {
            panic!("{format:?} output carries raw {bad:?}");
        }
        if format == Format::Json {
            serde_json::from_str::<serde_json::Value>(&text).expect("valid JSON");
        }
    }
}

fn cases() -> u64 {
    std::env::var("STORYDIFF_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(60)
}

#[test]
fn generated_and_mutated_inputs_keep_every_invariant() {
    let seeds = bundled_seeds();
    let first: u64 = std::env::var("STORYDIFF_FUZZ_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    for case in first..first + cases() {
        let mut rng = Rng(case.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
        let make = |rng: &mut Rng| {
            if rng.below(2) == 0 {
                generated(rng)
            } else {
                mutated(rng, &seeds)
            }
        };
        let a = make(&mut rng);
        let b = if rng.below(4) == 0 {
            a.clone()
        } else {
            make(&mut rng)
        };
        let result = std::panic::catch_unwind(|| {
            let inputs = vec![a.clone(), b.clone()];
            let c = compare(
                vec![
                    Input::from_bytes("a", a.clone()),
                    Input::from_bytes("b", b.clone()),
                ],
                &options(),
            )
            .expect("text compares");
            check_spans(&c, &inputs);
            assert_ops_rebuild_other_text(&c);
            check_outputs(c);
            let same = compare(
                vec![
                    Input::from_bytes("a", a.clone()),
                    Input::from_bytes("a2", a.clone()),
                ],
                &options(),
            )
            .expect("text compares");
            assert!(!same.differs(), "a version compared with itself differs");
        });
        if let Err(panic) = result {
            eprintln!(
                "fuzz case {case} failed\na = {:?}\nb = {:?}",
                String::from_utf8_lossy(&a),
                String::from_utf8_lossy(&b)
            );
            std::panic::resume_unwind(panic);
        }
    }
}

#[test]
fn the_binary_exits_0_1_or_2_and_keeps_stderr_terminal_safe() {
    let dir = std::env::temp_dir().join(format!("storydiff-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let seeds = bundled_seeds();
    for case in 0..(cases() / 10).max(4) {
        let mut rng = Rng(case.wrapping_mul(0x51_7cc1_b727_220a) | 1);
        let a = dir.join("a\u{1b}[31m.txt");
        let b = dir.join("b.txt");
        std::fs::write(&a, generated(&mut rng)).expect("write");
        std::fs::write(&b, mutated(&mut rng, &seeds)).expect("write");
        let missing = dir.join("gone\u{1b}]0;owned\u{7}.txt");
        for args in [
            vec![&a, &b],
            vec![&a, &a],
            vec![&missing, &b],
            vec![&a, &dir],
        ] {
            let out = Command::new(env!("CARGO_BIN_EXE_storydiff"))
                .args(["--print", "--color", "never"])
                .args(&args)
                .env_remove("NO_COLOR")
                .output()
                .expect("runs");
            let code = out.status.code().expect("exit code");
            assert!((0..=2).contains(&code), "exit {code}");
            if args[0] == args[1] && code != 2 {
                assert_eq!(code, 0, "a file compared with itself");
            }
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(!stderr.contains('\u{1b}'), "raw escape on stderr: {stderr}");
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert!(!stdout.chars().any(unsafe_char), "raw control on stdout");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
