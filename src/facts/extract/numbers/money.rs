//! Amounts of money: a currency sign or code before the amount ("$105m", "US$1.5bn",
//! "EUR 5 million") or a currency word after it ("105 million dollars"), with an optional
//! conversion in parentheses that belongs to the same fact ("$105m (£80m)").

use crate::facts::model::FactKind;

use super::super::{Matched, Tok};
use super::read::number_at;
use super::{format_amount, matched};

/// Money: a currency sign or code, an amount, an optional scale, an optional "(£80m)" after.
pub(super) fn money_at(toks: &[Tok<'_>], i: usize) -> Option<Matched> {
    let t = toks.get(i)?;
    let (currency, mut j) = if let Some(sign) = currency_sign(t.text) {
        // "US$", "A$": a country prefix glued to the sign.
        (sign.to_string(), i + 1)
    } else if let Some(prefix) =
        dollar_prefix(t.text).filter(|_| toks.get(i + 1).is_some_and(|n| n.is("$") && !n.gap))
    {
        (format!("{prefix}$"), i + 2)
    } else if let Some(code) = currency_code(t.text) {
        (code.to_string(), i + 1)
    } else {
        return None;
    };
    let num = number_at(toks, j).filter(|n| !n.spelled)?;
    j = num.end;
    let end = conversion_end(toks, j).unwrap_or(j);
    Some(matched(
        end,
        FactKind::Money,
        format!("{currency}{}", format_amount(num.value)),
    ))
}

/// The end of a parenthesised conversion right after an amount: "$105m (£80m)".
fn conversion_end(toks: &[Tok<'_>], j: usize) -> Option<usize> {
    if !toks.get(j)?.is("(") {
        return None;
    }
    let close = (j + 1..toks.len().min(j + 8)).find(|&k| toks[k].is(")"))?;
    let inner = &toks[j + 1..close];
    let has_sign = inner
        .iter()
        .any(|t| currency_sign(t.text).is_some() || currency_code(t.text).is_some());
    let has_digit = inner
        .iter()
        .any(|t| t.text.starts_with(|c: char| c.is_ascii_digit()));
    (has_sign && has_digit).then_some(close + 1)
}

fn currency_sign(s: &str) -> Option<&'static str> {
    Some(match s {
        "$" | "US$" => "$",
        "£" => "£",
        "€" => "€",
        "¥" => "¥",
        "₹" => "₹",
        "₽" => "₽",
        "₴" => "₴",
        _ => return None,
    })
}

fn dollar_prefix(s: &str) -> Option<&'static str> {
    Some(match s {
        "US" => "",
        "A" => "A",
        "C" => "C",
        "NZ" => "NZ",
        "HK" => "HK",
        _ => return None,
    })
}

fn currency_code(s: &str) -> Option<&'static str> {
    Some(match s {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        "JPY" => "¥",
        "UAH" => "₴",
        "RUB" => "₽",
        "INR" => "₹",
        _ => return None,
    })
}

pub(super) fn currency_word(s: &str) -> Option<&'static str> {
    Some(match s {
        "dollar" | "dollars" => "$",
        "euro" | "euros" => "€",
        "pound" | "pounds" | "sterling" => "£",
        "yen" => "¥",
        "rupee" | "rupees" => "₹",
        "rouble" | "roubles" | "ruble" | "rubles" => "₽",
        "hryvnia" | "hryvnias" | "hryvnas" => "₴",
        _ => return None,
    })
}
