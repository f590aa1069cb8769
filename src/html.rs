//! The HTML report (`--format html`): one self-contained page to send to someone without a
//! terminal.
//!
//! Everything is in the one file: the styles are inline, nothing is fetched (a
//! Content-Security-Policy forbids it), and the page works offline and as an e-mail attachment.
//! A few lines of script add keyboard stepping (`n`/`p`); the page is complete without them.
//!
//! What it shows, all read from the [`Analysis`] through [`crate::present`], so that numbers,
//! percentages, statuses and labels are the ones the printers and the viewer show:
//! - the versions, with their labels and loading notes, and the passage counts;
//! - the facts the versions disagree on (the viewer's facts table), each linking to its passage;
//! - for three or more versions, the presence table: every passage × every version;
//! - for each compared version, the base and that version side by side, passages aligned row
//!   by row, deleted words as `<del>`, inserted ones as `<ins>`, fact readings the two disagree
//!   on as `<mark>`; a moved passage links to the place it went, and back. With three or more
//!   versions each section is the pair's own comparison, as in the side-by-side printer, so
//!   its passages are numbered among its own; links from the facts and presence tables (which
//!   number the passages of all versions) go to the row where that passage stands.
//!
//! Article text never reaches the page as markup: every piece of it is made visible
//! ([`crate::visible`]) and escaped ([`escape`]). Colours come from CSS classes named after the
//! neutral inks of [`crate::present::text::Ink`]; light and dark schemes follow
//! `prefers-color-scheme`, and a print style drops the navigation.

mod pair;
mod tables;

use std::fmt::Write as _;
use std::io::{self, Write};

use rayon::prelude::*;

use crate::Analysis;
use crate::present::outline::{Labels, Scope, Tally};
use crate::present::pairs;
use crate::visible::visible;

/// The page's styles (inlined into the `<style>` element).
const CSS: &str = include_str!("html/report.css");

/// Keyboard stepping between divergent passages: an extra, the page works without it.
const SCRIPT: &str = include_str!("html/report.js");

/// Writes the report of an analysis as one HTML document.
pub fn write(out: &mut impl Write, analysis: &Analysis) -> io::Result<()> {
    let mut page = String::new();
    report(&mut page, analysis);
    out.write_all(page.as_bytes())
}

/// The whole document.
fn report(page: &mut String, analysis: &Analysis) {
    let comparison = &analysis.comparison;
    let labels = Labels::new(comparison);
    let base = comparison.base_version();
    let title = format!(
        "storydiff: {} and {} other version{}",
        crate::present::outline::file_name(&base.name),
        comparison.versions.len() - 1,
        if comparison.versions.len() == 2 {
            ""
        } else {
            "s"
        }
    );
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n\
         <meta name=\"generator\" content=\"storydiff {}\">\n<title>{}</title>\n\
         <style>\n{CSS}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n",
        env!("CARGO_PKG_VERSION"),
        escape(&title),
        escape(&title)
    );
    legend(page, analysis, &labels);
    let _ = writeln!(
        page,
        "<p class=\"tally\">{}</p>",
        escape(&Tally::of(comparison, Scope::All).summary())
    );
    contents(page, analysis, &labels);
    page.push_str("</header>\n<main>\n");
    let pairs = pairs::pairs(analysis);
    // Each section marks the facts of its own pair: found on all cores, as the pairs were.
    pairs.par_iter().for_each(|pair| {
        let _ = pair.analysis.facts();
    });
    let links = pair::Links::new(&pairs, comparison);
    tables::facts(page, analysis, &links);
    if comparison.versions.len() > 2 {
        tables::presence(page, comparison, &labels, &links);
    }
    for pair in &pairs {
        pair::section(page, pair);
    }
    let _ = write!(
        page,
        "</main>\n<script>\n{SCRIPT}</script>\n</body>\n</html>\n"
    );
}

/// Each version: its label, file name, whether it is the base, and what loading noticed.
fn legend(page: &mut String, analysis: &Analysis, labels: &Labels) {
    let comparison = &analysis.comparison;
    page.push_str("<dl class=\"versions\">\n");
    for version in &comparison.versions {
        let base = if version.id == comparison.base {
            " <span class=\"base\">base</span>"
        } else {
            ""
        };
        let _ = writeln!(
            page,
            "<dt>{}</dt><dd>{}{base}</dd>",
            escape(labels.get(version.id)),
            text(&version.name)
        );
        for note in &version.notes {
            let _ = writeln!(page, "<dd class=\"note\">{}</dd>", text(note));
        }
    }
    page.push_str("</dl>\n");
}

/// Links to the report's sections.
fn contents(page: &mut String, analysis: &Analysis, labels: &Labels) {
    let comparison = &analysis.comparison;
    page.push_str("<nav><a href=\"#facts\">facts</a>");
    if comparison.versions.len() > 2 {
        page.push_str(" · <a href=\"#presence\">presence</a>");
    }
    for version in comparison.compared() {
        let _ = write!(
            page,
            " · <a href=\"#{}\">{} ↔ {}</a>",
            pair::section_id(version),
            escape(labels.get(comparison.base)),
            escape(labels.get(version))
        );
    }
    page.push_str(" <span class=\"keys\">(n/p: next/previous change)</span></nav>\n");
}

/// Input text for the page: made visible (control characters shown as symbols), then escaped.
fn text(raw: &str) -> String {
    escape(&visible(raw, false))
}

/// Escapes text for an HTML element or a quoted attribute: no input can open a tag, an entity,
/// or leave an attribute.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;
