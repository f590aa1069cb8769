//! The word diff printed under a misquote row: each deviating wording of a quotation against
//! the consensus wording, as the facts table gives it.

use std::io::{self, Write};

use super::write_hanging;
use crate::present::facts::MisquoteDiff;
use crate::render::style::Painter;
use crate::render::text::Printed;

/// Under a misquote: `    001 vs 000: “[-does not need-] {+reject+} any …`.
pub(super) fn write_misquote(
    out: &mut dyn Write,
    painter: Painter,
    width: usize,
    misquote: &MisquoteDiff,
) -> io::Result<()> {
    let lead = format!("    {}: ", misquote.lead);
    let body = Printed::from_text(&misquote.text, painter);
    write_hanging(out, painter, &lead, &body, width)
}
