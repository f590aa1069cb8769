//! Reading a number from tokens: digits with separators ("2,000", "3.5"), digits with a glued
//! suffix ("20th", "105m"), and numbers in words ("twenty-six", "one hundred and five"),
//! followed by an optional scale word ("26 million").

use crate::tokens::TokenClass;

use super::super::Tok;

/// A number read from tokens `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Num {
    pub value: f64,
    pub end: usize,
    /// Written in words ("three").
    pub spelled: bool,
    /// Four plain digits, no separators: may be a year.
    pub plain4: bool,
    /// Written with a scale suffix glued on ("105m", "2bn"): money only.
    pub glued_scale: bool,
}

/// Reads a number at token `i`: digits ("2,000", "3.5"), digits with a glued suffix ("20th",
/// "105m"), or words ("twenty-six", "one hundred and five"), then a scale word ("million").
pub(super) fn number_at(toks: &[Tok<'_>], i: usize) -> Option<Num> {
    let t = toks.get(i)?;
    let mut num = if t.class == TokenClass::Number {
        let value = parse_digits(t.text)?;
        let plain4 = t.text.len() == 4 && t.text.bytes().all(|b| b.is_ascii_digit());
        Num {
            value,
            end: i + 1,
            spelled: false,
            plain4,
            glued_scale: false,
        }
    } else if t.text.starts_with(|c: char| c.is_ascii_digit()) {
        glued(t.text, i)?
    } else {
        spelled_at(toks, i)?
    };
    if num.glued_scale {
        return Some(num);
    }
    if let Some(scale) = toks
        .get(num.end)
        .filter(|t| t.gap)
        .and_then(|t| scale_word(&t.text.to_lowercase()))
    {
        num.value *= scale;
        num.end += 1;
        num.plain4 = false;
    }
    Some(num)
}

/// Digits with separators: "2,000" → 2000, "3.5" → 3.5. Clock times ("10:30") are not counts.
fn parse_digits(s: &str) -> Option<f64> {
    if s.contains(':') {
        return None;
    }
    let clean: String = s.chars().filter(|&c| c != ',' && c != '\u{202f}').collect();
    clean.parse::<f64>().ok()
}

/// A digit token with letters glued on: ordinals ("20th") and money scales ("105m", "1.5bn").
fn glued(s: &str, i: usize) -> Option<Num> {
    let split = s.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))?;
    let (digits, suffix) = s.split_at(split);
    let value = parse_digits(digits)?;
    let num = |glued_scale| Num {
        value,
        end: i + 1,
        spelled: false,
        plain4: false,
        glued_scale,
    };
    match suffix.to_lowercase().as_str() {
        "st" | "nd" | "rd" | "th" => Some(num(false)),
        "m" | "mn" | "mln" => Some(Num {
            value: value * 1e6,
            ..num(true)
        }),
        "bn" | "b" | "bln" => Some(Num {
            value: value * 1e9,
            ..num(true)
        }),
        "k" => Some(Num {
            value: value * 1e3,
            ..num(true)
        }),
        "tn" | "trn" => Some(Num {
            value: value * 1e12,
            ..num(true)
        }),
        _ => None,
    }
}

fn scale_word(word: &str) -> Option<f64> {
    Some(match word {
        "thousand" => 1e3,
        "million" | "millions" => 1e6,
        "billion" | "billions" => 1e9,
        "trillion" | "trillions" => 1e12,
        _ => return None,
    })
}

fn unit_word(word: &str) -> Option<u64> {
    const WORDS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    WORDS
        .iter()
        .position(|w| w.eq_ignore_ascii_case(word))
        .map(|p| p as u64)
}

fn tens_word(word: &str) -> Option<u64> {
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    TENS.iter()
        .position(|w| w.eq_ignore_ascii_case(word))
        .map(|p| (p as u64 + 2) * 10)
}

/// One word of a spelled-out number (any case: "Twenty-six").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NumberWord {
    /// zero to nineteen, or a multiple of ten up to ninety.
    Small(u64),
    Hundred,
    /// thousand, million, billion.
    Scale(u64),
}

fn number_word(word: &str) -> Option<NumberWord> {
    if let Some(n) = unit_word(word).or_else(|| tens_word(word)) {
        return Some(NumberWord::Small(n));
    }
    let is = |w: &str| word.eq_ignore_ascii_case(w);
    if is("hundred") {
        Some(NumberWord::Hundred)
    } else if is("thousand") {
        Some(NumberWord::Scale(1_000))
    } else if is("million") {
        Some(NumberWord::Scale(1_000_000))
    } else if is("billion") {
        Some(NumberWord::Scale(1_000_000_000))
    } else {
        None
    }
}

/// Spelled-out numbers: "three", "twenty-six", "one hundred and five", "two thousand".
fn spelled_at(toks: &[Tok<'_>], i: usize) -> Option<Num> {
    let word_at = |k: usize| {
        toks.get(k)
            .filter(|t| t.text.len() <= 9)
            .and_then(|t| number_word(t.text))
    };
    let (mut total, mut current) = (0_u64, 0_u64);
    let mut k = i;
    let mut end = None;
    while let Some(word) = word_at(k) {
        let fits = match word {
            NumberWord::Small(n) => {
                let group = current % 100;
                end.is_none() || group == 0 || (group >= 20 && group % 10 == 0 && n < 10)
            }
            NumberWord::Hundred => (1..100).contains(&current),
            NumberWord::Scale(_) => current > 0,
        };
        if !fits {
            break;
        }
        match word {
            NumberWord::Small(n) => current += n,
            NumberWord::Hundred => current *= 100,
            NumberWord::Scale(scale) => {
                total += current * scale;
                current = 0;
            }
        }
        end = Some(k + 1);
        // The next word may follow a space, a glued hyphen ("twenty-six"), or "and" after a
        // hundred or a scale ("one hundred and five").
        let next = k + 1;
        let joined_by = |joiner: usize| word_at(joiner + 1).is_some().then_some(joiner + 1);
        k = match toks.get(next) {
            Some(t) if t.is_glue_hyphen(toks.get(next + 1)) => joined_by(next),
            Some(t) if t.text.eq_ignore_ascii_case("and") && current % 100 == 0 => joined_by(next),
            Some(t) if t.gap && word_at(next).is_some() => Some(next),
            _ => None,
        }
        .unwrap_or(usize::MAX);
    }
    let end = end?;
    Some(Num {
        value: (total + current) as f64,
        end,
        spelled: true,
        plain4: false,
        glued_scale: false,
    })
}
