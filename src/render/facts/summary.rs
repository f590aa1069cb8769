//! The lines under the facts table: each version's outlier score — which copy strays from the
//! story.

use std::io::{self, Write};

use super::{write_hanging, write_wrapped};
use crate::facts::VersionScore;
use crate::model::Comparison;
use crate::present::facts::MANY_VERSIONS;
use crate::present::outline::Labels;
use crate::render::style::{Painter, Style};
use crate::render::text::{self, Printed};

/// One line per version: its outlier score and what makes it up (`004  23  facts: 2 drifted,
/// 5 left out, 2 extra; passages: 8 added, 6 removed`); the copy that strays most is marked
/// when one does.
pub(super) fn write_scores(
    out: &mut dyn Write,
    comparison: &Comparison,
    labels: &Labels,
    painter: Painter,
    width: usize,
    scores: &[VersionScore],
) -> io::Result<()> {
    if scores.is_empty() {
        return Ok(());
    }
    // Two versions have no consensus: say what the compared one does otherwise than the base.
    if scores.len() == 2 {
        let title = "what differs: where the compared version departs from the base";
        write_wrapped(out, painter, Style::Header, title, width, 2)?;
        for score in scores.iter().filter(|s| s.version != comparison.base) {
            let lead = format!("{}  ", labels.get(score.version));
            let mut body = Printed::default();
            let parts = score_parts(score);
            let parts = if score.total() == 0 {
                "the same facts and passages as the base".to_string()
            } else {
                parts
            };
            body.push(Style::Plain, &parts);
            write_hanging(out, painter, &lead, &body, width)?;
        }
        return Ok(());
    }
    let title = "outlier score: how far each version strays from the consensus of all";
    write_wrapped(out, painter, Style::Header, title, width, 2)?;
    // Many versions: the ten that stray most, then how many more there are.
    let mut shown: Vec<&VersionScore> = scores.iter().collect();
    let many = scores.len() >= MANY_VERSIONS;
    if many {
        shown.sort_by_key(|s| (std::cmp::Reverse(s.total()), s.version));
        shown.truncate(TOP_SCORES);
        shown.sort_by_key(|s| s.version);
    }
    let top = scores.iter().map(VersionScore::total).max().unwrap_or(0);
    let strays_most = scores.iter().filter(|s| s.total() == top).count() == 1 && top > 0;
    let digits = top.to_string().len();
    let label_width = scores
        .iter()
        .map(|s| text::width(labels.get(s.version)))
        .max()
        .unwrap_or(0);
    for score in shown.iter().copied() {
        let label = labels.get(score.version);
        let pad = " ".repeat(label_width - text::width(label));
        let lead = format!("{label}{pad}  {:>digits$}  ", score.total());
        let mut body = Printed::default();
        body.push(Style::Plain, &score_parts(score));
        if strays_most && score.total() == top {
            body.push(Style::Plain, " ");
            body.push(Style::Outlier, "← strays most");
        }
        write_hanging(out, painter, &lead, &body, width)?;
    }
    if many && scores.len() > shown.len() {
        let rest = format!("  … and {} more versions", scores.len() - shown.len());
        write_wrapped(out, painter, Style::Faint, &rest, width, 2)?;
    }
    Ok(())
}

/// How many versions' scores are listed when there are many.
const TOP_SCORES: usize = 10;

/// `facts: 2 drifted, 5 left out, 2 extra; passages: 8 added, 6 removed`, zeros left out.
fn score_parts(score: &VersionScore) -> String {
    let parts = |counts: &[(usize, &str)], what: &str| {
        let named: Vec<String> = counts
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, name)| format!("{n} {name}"))
            .collect();
        (!named.is_empty()).then(|| format!("{what}: {}", named.join(", ")))
    };
    let facts = parts(
        &[
            (score.drifted, "drifted"),
            (score.misquoted, "misquoted"),
            (score.missing, "left out"),
            (score.extra, "extra"),
        ],
        "facts",
    );
    let passages = parts(
        &[(score.added, "added"), (score.removed, "removed")],
        "passages",
    );
    match (facts, passages) {
        (None, None) => "in line with the consensus".to_string(),
        (Some(one), None) | (None, Some(one)) => one,
        (Some(facts), Some(passages)) => format!("{facts}; {passages}"),
    }
}
