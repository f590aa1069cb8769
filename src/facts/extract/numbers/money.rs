//! Amounts of money: a currency sign or code before the amount ("$105m", "US$1.5bn",
//! "EUR 5 million") or a currency word after it ("105 million dollars"). A conversion in
//! parentheses ("$105m (£80m)") is a fact of its own: a copy may convert otherwise or drop it.

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
    // "€140bn euros" says the currency twice.
    if toks
        .get(j)
        .is_some_and(|t| currency_word(&t.text.to_lowercase()).is_some())
    {
        j += 1;
    }
    Some(matched(
        j,
        FactKind::Money,
        format!("{currency}{}", format_amount(num.value)),
    ))
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
