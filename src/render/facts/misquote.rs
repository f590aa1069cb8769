//! The word diff printed under a misquote row: each deviating wording of a quotation against
//! the consensus wording, from the ops the fact analysis computed.

use std::borrow::Cow;
use std::io::{self, Write};
use std::ops::Range;

use super::write_hanging;
use crate::facts::Misquote;
use crate::model::{Comparison, WordOp};
use crate::present::outline::Labels;
use crate::render::style::{Painter, Style};
use crate::render::text::StyledText;

/// Under a misquote: `    001 vs 000: “[-does not need-] {+reject+} any …`.
pub(super) fn write_misquote(
    out: &mut dyn Write,
    comparison: &Comparison,
    labels: &Labels,
    painter: Painter,
    width: usize,
    misquote: &Misquote,
) -> io::Result<()> {
    let lead = format!(
        "    {} vs {}: ",
        labels.get(misquote.version),
        labels.get(misquote.against)
    );
    let body = misquote_text(comparison, misquote, painter);
    write_hanging(out, painter, &lead, &body, width)
}

/// The consensus wording marked against a deviating one, on one line (line ends as spaces).
fn misquote_text(comparison: &Comparison, misquote: &Misquote, painter: Painter) -> StyledText {
    let against = &comparison.version(misquote.against).text;
    let own = &comparison.version(misquote.version).text;
    let mut out = StyledText::new(painter);
    for op in &misquote.ops {
        match op {
            WordOp::Equal { base, .. } => out.push(Style::Plain, &one_line(&against[base.clone()])),
            WordOp::Delete { base, accents } => out.push_run(
                Style::Deleted,
                &one_line(&against[base.clone()]),
                &relative(accents, base),
            ),
            WordOp::Insert { other, accents } => out.push_run(
                Style::Inserted,
                &one_line(&own[other.clone()]),
                &relative(accents, other),
            ),
        }
    }
    out
}

/// Line ends as spaces (byte for byte, so accent ranges stay valid).
fn one_line(text: &str) -> Cow<'_, str> {
    if text.contains(['\n', '\r']) {
        Cow::Owned(text.replace(['\n', '\r'], " "))
    } else {
        Cow::Borrowed(text)
    }
}

/// Accent ranges relative to the op's own range.
fn relative(accents: &[Range<usize>], op: &Range<usize>) -> Vec<Range<usize>> {
    accents
        .iter()
        .map(|r| r.start.saturating_sub(op.start)..r.end.saturating_sub(op.start))
        .collect()
}
