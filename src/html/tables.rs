//! The report's two tables: the facts the versions disagree on, and (for three or more
//! versions) which version carries which passage.

use std::fmt::Write as _;

use super::pair::Links;
use super::{escape, text};
use crate::Analysis;
use crate::model::{Comparison, PassageStatus, VersionId};
use crate::present::facts::{FactRow, FactRows, FactsTable, Piece, Tone};
use crate::present::outline::{self, Labels};
use crate::present::presence::{Presence, PresenceTable};

/// Where a link to a passage goes: its row in the first compared version's section that
/// carries it (or in the first section).
fn passage_link(comparison: &Comparison, links: &Links, passage: usize) -> String {
    let p = &comparison.passages[passage];
    let version = comparison
        .compared()
        .find(|v| p.span(*v).is_some())
        .or_else(|| comparison.compared().next())
        .unwrap_or(comparison.base);
    links.row(version, passage)
}

/// Pieces of facts-table text, each in an element for its tone.
fn pieces(page: &mut String, pieces: &[Piece]) {
    for piece in pieces {
        let shown = escape(&piece.text);
        let _ = match piece.tone {
            Tone::Plain => write!(page, "{shown}"),
            Tone::Quiet => write!(page, "<span class=\"quiet\">{shown}</span>"),
            Tone::Strays => write!(page, "<span class=\"strays\">{shown}</span>"),
            Tone::Deleted => write!(page, "<del>{shown}</del>"),
            Tone::Inserted => write!(page, "<ins>{shown}</ins>"),
            Tone::DeletedAccent => write!(page, "<del class=\"accent\">{shown}</del>"),
            Tone::InsertedAccent => write!(page, "<ins class=\"accent\">{shown}</ins>"),
        };
    }
}

/// The facts table: drifted and misquoted facts, then missing ones; each row opens to every
/// version's reading.
pub(super) fn facts(page: &mut String, analysis: &Analysis, links: &Links) {
    let comparison = &analysis.comparison;
    let table = FactsTable::build(comparison, analysis.facts(), FactRows::Divergent);
    let _ = write!(
        page,
        "<section id=\"facts\">\n<h2>Facts</h2>\n<p class=\"tally\">{}</p>\n",
        escape(&table.tally.summary())
    );
    if table.rows.is_empty() {
        page.push_str("<p>The versions agree on every fact they share.</p>\n</section>\n");
        return;
    }
    page.push_str(
        "<table class=\"facts\">\n<thead><tr><th>passage</th><th>kind</th><th>status</th>\
         <th>consensus</th><th>deviating</th></tr></thead>\n<tbody>\n",
    );
    for (section, rows) in table.sections() {
        let _ = writeln!(
            page,
            "<tr class=\"section\"><th colspan=\"5\">{} ({}): {}</th></tr>",
            section.name(),
            rows.len(),
            section.meaning()
        );
        for row in rows {
            fact_row(page, comparison, links, row);
        }
    }
    page.push_str("</tbody>\n</table>\n</section>\n");
}

/// One fact's row; it opens to every version's reading.
fn fact_row(page: &mut String, comparison: &Comparison, links: &Links, row: &FactRow) {
    let quiet = if row.section.is_quiet() { " quiet" } else { "" };
    let _ = write!(
        page,
        "<tr class=\"fact {}{quiet}\"><td><a href=\"#{}\">{}</a></td><td>{}</td><td>{}</td>\
         <td>{}</td><td><details><summary>",
        row.status.name(),
        passage_link(comparison, links, row.passage),
        escape(&outline::number(comparison, row.passage)),
        row.kind.name(),
        row.status_name,
        row.consensus
            .as_deref()
            .map_or_else(|| "<span class=\"quiet\">—</span>".to_string(), escape),
    );
    pieces(page, &row.deviating);
    page.push_str("</summary>\n");
    for line in &row.detail {
        page.push_str("<div class=\"reading\">");
        pieces(page, line);
        page.push_str("</div>\n");
    }
    page.push_str("</details></td></tr>\n");
}

/// The presence table: one row per passage, one column per version.
pub(super) fn presence(page: &mut String, comparison: &Comparison, labels: &Labels, links: &Links) {
    let table = PresenceTable::build(comparison);
    page.push_str(
        "<section id=\"presence\">\n<h2>Presence</h2>\n\
         <p class=\"tally\">Which version carries each passage, and how close its text is to \
         the base's.</p>\n<table class=\"presence\">\n<thead><tr><th>passage</th><th>status</th>",
    );
    for version in &comparison.versions {
        let _ = write!(page, "<th>{}</th>", escape(labels.get(version.id)));
    }
    page.push_str("<th>text</th></tr></thead>\n<tbody>\n");
    for row in &table.rows {
        let _ = write!(
            page,
            "<tr class=\"{}\"><td><a href=\"#{}\">{}</a></td><td>{}</td>",
            row.status.name(),
            passage_link(comparison, links, row.passage),
            outline::ordinal(row.passage),
            escape(&outline::overall_status(comparison, row.passage))
        );
        for (v, cell) in row.cells.iter().enumerate() {
            cell_html(page, links, row.passage, VersionId(v), *cell);
        }
        let _ = writeln!(
            page,
            "<td class=\"excerpt\">{}</td></tr>",
            text(&row.excerpt)
        );
    }
    page.push_str("</tbody>\n</table>\n</section>\n");
}

/// One presence cell: `base`, `–` (absent), `new`, `=` (same), or the similarity.
fn cell_html(page: &mut String, links: &Links, passage: usize, version: VersionId, cell: Presence) {
    let _ = match cell {
        Presence::Base => write!(page, "<td class=\"base\">base</td>"),
        Presence::Absent => write!(page, "<td class=\"absent\">–</td>"),
        Presence::Present {
            status: PassageStatus::Added,
            ..
        } => write!(page, "<td class=\"added\">new</td>"),
        Presence::Present {
            status: PassageStatus::Same,
            ..
        } => write!(page, "<td class=\"same\">=</td>"),
        Presence::Present { status, similarity } => {
            let moved = if status == PassageStatus::Moved {
                "↕ "
            } else {
                ""
            };
            // Five steps of heat: the further from the base, the stronger the colour.
            let heat = ((1.0 - similarity.clamp(0.0, 1.0)) * 4.0).round() as u8;
            write!(
                page,
                "<td class=\"heat{heat}\"><a href=\"#{}\">{moved}{}</a></td>",
                links.row(version, passage),
                outline::percent(similarity)
            )
        }
    };
}
