//! One compared version against the base: two columns, one row per passage, passages in the
//! base's order as the side-by-side printer and the viewer show them. With three or more
//! versions the section is the pair's own comparison ([`crate::present::pairs`]), as the
//! side-by-side printer's sections are: its passages, numbers and fact marks are the pair's.

use std::fmt::Write as _;

use super::{escape, text};
use crate::model::{Comparison, PassageStatus, VersionId};
use crate::present::marks::{FactMark, PairFacts};
use crate::present::outline::{self, Item, Labels, Scope};
use crate::present::pairs::PairView;
use crate::present::text::{Ink, Side, StyledText, pair_texts};

/// Every passage is shown: a report is read, not scrolled past.
const ALL: usize = usize::MAX;

/// The id of a compared version's section (by the version's number among all loaded).
pub(super) fn section_id(version: VersionId) -> String {
    format!("v{}", version.0)
}

/// The id of a passage's row in a compared version's section (by the version's number among
/// all loaded, and the passage's in the section's own comparison).
pub(super) fn passage_id(version: VersionId, passage: usize) -> String {
    format!("v{}-p{}", version.0, passage + 1)
}

/// The id of the place a moved passage went to, in a compared version's section.
fn arrival_id(version: VersionId, passage: usize) -> String {
    format!("v{}-here{}", version.0, passage + 1)
}

/// Where a link to a passage of the comparison of all versions goes in each compared
/// version's section: the row of the pair's passage that stands where it does.
pub(super) struct Links {
    /// By loaded version (empty for the base): the section's passage for each passage of all.
    rows: Vec<Vec<Option<usize>>>,
}

impl Links {
    /// The links into the sections of `pairs`, taken from `all`.
    pub(super) fn new(pairs: &[PairView], all: &Comparison) -> Self {
        let mut rows = vec![Vec::new(); all.versions.len()];
        for pair in pairs {
            rows[pair.loaded.0] = pair.passages_of(all);
        }
        Self { rows }
    }

    /// The id of the row in `version`'s section where a passage of all versions stands (the
    /// section's top if neither the version nor the base carries it).
    pub(super) fn row(&self, version: VersionId, passage: usize) -> String {
        match self.rows[version.0].get(passage).copied().flatten() {
            Some(row) => passage_id(version, row),
            None => section_id(version),
        }
    }
}

/// The section of one compared version.
pub(super) fn section(page: &mut String, pair: &PairView) {
    let comparison = pair.comparison();
    let labels = &pair.labels;
    let (base, version, loaded) = (comparison.base, pair.compared, pair.loaded);
    let marks = PairFacts::build(comparison, pair.analysis.facts(), [base, version]);
    let _ = write!(
        page,
        "<section class=\"pair\" id=\"{}\">\n<h2>{} ↔ {}</h2>\n<p class=\"tally\">{}</p>\n\
         <table class=\"sbs\">\n<colgroup><col><col></colgroup>\n\
         <thead><tr><th>{} · {} (base)</th><th>{} · {}</th></tr></thead>\n<tbody>\n",
        section_id(loaded),
        escape(labels.get(base)),
        escape(labels.get(version)),
        escape(&outline::Tally::of(comparison, Scope::Pair(version)).summary()),
        escape(labels.get(base)),
        text(outline::file_name(&comparison.version(base).name)),
        escape(labels.get(version)),
        text(outline::file_name(&comparison.version(version).name)),
    );
    for item in outline::outline(comparison, Scope::Pair(version), ALL) {
        match item {
            Item::Passage(index) | Item::Boilerplate(index) => {
                passage(page, pair, &marks, index);
            }
            Item::MovedHere(moved) => {
                // Each passage of a block moved together gets its anchor on the block's row,
                // where its "where it went" link leads.
                let mut others = String::new();
                for p in moved.passage + 1..=moved.through {
                    let _ = write!(others, "<span id=\"{}\"></span>", arrival_id(loaded, p));
                }
                let _ = writeln!(
                    page,
                    "<tr class=\"arrival\" id=\"{}\"><td></td><td>{others}<a href=\"#{}\">{}</a></td></tr>",
                    arrival_id(loaded, moved.passage),
                    passage_id(loaded, moved.passage),
                    escape(&moved.line(labels))
                );
            }
            // Nothing folds when every passage is shown.
            Item::Folded { .. } => {}
        }
    }
    page.push_str("</tbody>\n</table>\n</section>\n");
}

/// A passage's header row and its text row.
fn passage(page: &mut String, pair: &PairView, marks: &PairFacts, index: usize) {
    let comparison: &Comparison = pair.comparison();
    let labels: &Labels = &pair.labels;
    let version = pair.compared;
    let p = &comparison.passages[index];
    let (status, _) = outline::pair_status(p, comparison.base, version);
    let header = outline::header(comparison, labels, p, Scope::Pair(version));
    let header = header.trim_start_matches(['─', ' ']);
    let id = passage_id(pair.loaded, index);
    let weak = p
        .reading(version)
        .is_some_and(crate::model::Reading::is_weak);
    let divergent = if status.is_divergent() {
        " divergent"
    } else {
        ""
    };
    let _ = write!(
        page,
        "<tr class=\"head {}{divergent}{}\" id=\"{id}\"><th colspan=\"2\"><a href=\"#{id}\">{}</a>",
        status.name(),
        if weak { " weak" } else { "" },
        escape(header)
    );
    if status == PassageStatus::Moved {
        let _ = write!(
            page,
            " <a class=\"went\" href=\"#{}\">→ where it went</a>",
            arrival_id(pair.loaded, index)
        );
    }
    page.push_str("</th></tr>\n");
    let texts = pair_texts(comparison, p, version, status, marks);
    let _ = write!(page, "<tr class=\"text {}\">", status.name());
    for side in Side::BOTH {
        if let Some(styled) = &texts[side.index()] {
            page.push_str("<td>");
            runs(page, styled);
            page.push_str("</td>");
        } else {
            let absent = match side {
                Side::Base => comparison.base,
                Side::Compared => version,
            };
            let _ = write!(
                page,
                "<td class=\"gap\">∅ not in {}</td>",
                escape(labels.get(absent))
            );
        }
    }
    page.push_str("</tr>\n");
}

/// A side's text: each run in an element for its ink, fact readings in `<mark>`.
pub(super) fn runs(page: &mut String, styled: &StyledText) {
    for run in &styled.runs {
        let piece = escape(&styled.text[run.range.clone()]);
        let piece = match run.fact {
            Some(FactMark::Differs) => format!("<mark class=\"differs\">{piece}</mark>"),
            Some(FactMark::Strays) => format!("<mark class=\"strays\">{piece}</mark>"),
            None => piece,
        };
        let _ = match run.ink {
            Ink::Deleted => write!(page, "<del>{piece}</del>"),
            Ink::Inserted => write!(page, "<ins>{piece}</ins>"),
            Ink::DeletedAccent => write!(page, "<del class=\"accent\">{piece}</del>"),
            Ink::InsertedAccent => write!(page, "<ins class=\"accent\">{piece}</ins>"),
            ink => write!(page, "<span class=\"{}\">{piece}</span>", ink.name()),
        };
    }
}
