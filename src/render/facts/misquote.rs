//! The word diff printed under a misquote row: each deviating wording of a quotation against
//! the consensus wording, from the ops the fact analysis computed.

use std::io::{self, Write};

use super::write_hanging;
use crate::facts::Misquote;
use crate::model::Comparison;
use crate::present::outline::Labels;
use crate::present::text::{Ink, Shown, Texts};
use crate::render::style::Painter;
use crate::render::text::Printed;

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

/// The consensus wording marked against a deviating one, on one line.
fn misquote_text(comparison: &Comparison, misquote: &Misquote, painter: Painter) -> Printed {
    let texts = Texts::new(
        comparison.version(misquote.against),
        comparison.version(misquote.version),
    );
    Printed::from_text(
        &texts.from_ops(&misquote.ops, Shown::Both, Ink::Text),
        painter,
    )
}
