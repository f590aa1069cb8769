//! Comparison keys as numbers: every token of every version gets the number of its key
//! ([`tokens::key`] under the ignore options), the same in all versions, so word diffs compare
//! numbers, and passages whose keys agree need no diff at all.

use std::borrow::Cow;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::options::IgnoreOptions;
use crate::tokens::{self, Token};

/// The key id of a token whose key is empty: it does not count (punctuation when ignored).
pub const NO_KEY: u32 = u32::MAX;

/// Every token's comparison key ([`tokens::key`]) as a number, for each of the versions
/// `texts` (tokenized as `tokens`): the same number for the same key in any of them, and
/// [`NO_KEY`] for an empty key. Versions are numbered on their own threads, then their
/// numbers are mapped onto one numbering.
#[must_use]
pub fn key_ids<'a>(texts: &[&'a str], tokens: &[&[Token]], ignore: IgnoreOptions) -> Vec<Vec<u32>> {
    let local: Vec<(Vec<Cow<'a, str>>, Vec<u32>)> = texts
        .par_iter()
        .zip(tokens)
        .map(|(text, tokens)| {
            let mut short_ids: FxHashMap<u128, u32> = FxHashMap::default();
            let mut ids: FxHashMap<Cow<'_, str>, u32> = FxHashMap::default();
            let mut keys = Vec::new();
            let mut number = |key: Cow<'a, str>| {
                let next = keys.len() as u32;
                let id = match tokens::pack_short(&key) {
                    Some(packed) => *short_ids.entry(packed).or_insert(next),
                    None => match ids.get(&key) {
                        Some(&id) => id,
                        None => *ids.entry(key.clone()).or_insert(next),
                    },
                };
                if id == next {
                    keys.push(key);
                }
                id
            };
            let numbers = tokens
                .iter()
                .map(|token| {
                    let key = tokens::key(&text[token.range.clone()], token.class, ignore);
                    if key.is_empty() { NO_KEY } else { number(key) }
                })
                .collect();
            (keys, numbers)
        })
        .collect();
    let mut global: FxHashMap<&str, u32> = FxHashMap::default();
    let remaps: Vec<Vec<u32>> = local
        .iter()
        .map(|(keys, _)| {
            keys.iter()
                .map(|key| {
                    let next = global.len() as u32;
                    *global.entry(key.as_ref()).or_insert(next)
                })
                .collect()
        })
        .collect();
    local
        .par_iter()
        .zip(remaps)
        .map(|((_, numbers), remap)| {
            numbers
                .iter()
                .map(|&n| {
                    if n == NO_KEY {
                        NO_KEY
                    } else {
                        remap[n as usize]
                    }
                })
                .collect()
        })
        .collect()
}
