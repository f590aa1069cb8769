//! The presence view: passages × versions as a heat map. A cell says whether the version carries
//! the passage and how similar its text is to the base's; the version that deviates stands out
//! as a column of warm or missing cells. Under the table, each version's count of passages that
//! differ from the base, and its outlier score against the consensus of all versions (the
//! highest marked).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::widgets::Widget;

use crate::app::list::ListState;
use crate::app::presence::{Presence, PresenceTable};
use crate::app::state::{PRESENCE_FOOTER, PRESENCE_HEADER};
use crate::app::theme::Theme;
use crate::facts::VersionScore;
use crate::model::{PassageStatus, VersionId};
use crate::present::labels::Labels;
use crate::present::outline::{self, Tally};
use crate::present::wrap::truncate;

/// Width of a version column, the space after it included.
const CELL: u16 = 6;
/// Width of the passage-number and status columns.
const LEAD: u16 = 21;

/// The view.
#[derive(Debug, Clone)]
pub struct PresenceView<'a> {
    /// The table.
    pub table: &'a PresenceTable,
    /// Selection and scroll.
    pub state: ListState,
    /// The base version.
    pub base: VersionId,
    /// The version compared in the panes.
    pub compared: VersionId,
    /// Per-version summaries for the footer.
    pub summaries: &'a [Tally],
    /// Per-version outlier scores for the footer (`None` while the facts are being found).
    pub scores: Option<&'a [VersionScore]>,
    /// The versions' labels.
    pub labels: &'a Labels,
    /// Styles.
    pub theme: &'a Theme,
}

impl PresenceView<'_> {
    /// A cell's text and style.
    fn cell(&self, presence: Presence, row_status: PassageStatus) -> (String, Style) {
        let t = self.theme;
        let dim = row_status == PassageStatus::Boilerplate;
        let (text, style) = match presence {
            Presence::Base => (" base".to_string(), t.same),
            Presence::Absent => ("  –  ".to_string(), t.absent),
            Presence::Present {
                status: PassageStatus::Added,
                ..
            } => (
                " new ".to_string(),
                Style::new().bg(t.statuses.added).fg(Color::Indexed(231)),
            ),
            Presence::Present { status, similarity } => {
                let mark = if status == PassageStatus::Moved {
                    '↕'
                } else {
                    ' '
                };
                let text = if status == PassageStatus::Same {
                    "  =  ".to_string()
                } else {
                    format!("{mark}{:>4}", outline::percent(similarity))
                };
                (
                    text,
                    Style::new().bg(t.heat(similarity)).fg(Color::Indexed(231)),
                )
            }
        };
        (
            text,
            if dim {
                style.patch(t.boilerplate)
            } else {
                style
            },
        )
    }

    fn header(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        buf.set_style(Rect { height: 2, ..area }, t.bar);
        buf.set_stringn(
            area.x,
            area.y,
            format!(
                " Presence · which version carries each passage, and how closely it reads the base ({})",
                self.labels.get(self.base)
            ),
            usize::from(area.width),
            t.title,
        );
        let y = area.y + 1;
        buf.set_string(area.x, y, format!("{:>6}  {:<11}", "#", "status"), t.hint);
        for (i, _) in self
            .table
            .rows
            .first()
            .map_or(&[][..], |r| &r.cells[..])
            .iter()
            .enumerate()
        {
            let x = area.x + LEAD + CELL * i as u16;
            let style = match VersionId(i) {
                id if id == self.base => t.bar_base,
                id if id == self.compared => t.bar_compared,
                _ => t.hint,
            };
            if x + CELL <= area.right() {
                let label = truncate(self.labels.get(VersionId(i)), usize::from(CELL) - 2);
                buf.set_string(x, y, format!(" {label:<4}"), style);
            }
        }
        let text_x = self.text_x(area);
        if text_x < area.right() {
            buf.set_string(text_x, y, "text", t.hint);
        }
    }

    fn text_x(&self, area: Rect) -> u16 {
        let versions = self.table.rows.first().map_or(0, |r| r.cells.len()) as u16;
        area.x + LEAD + CELL * versions + 1
    }

    fn footer(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let y = area.bottom() - 2;
        buf.set_style(
            Rect {
                y,
                height: 2,
                ..area
            },
            t.bar,
        );
        buf.set_string(area.x, y, format!("{:>6}  {:<11}", "Σ", "differ"), t.hint);
        for (i, summary) in self.summaries.iter().enumerate() {
            let x = area.x + LEAD + CELL * i as u16;
            let text = if VersionId(i) == self.base {
                "  ·  ".to_string()
            } else {
                format!("{:>4} ", summary.divergent())
            };
            if x + CELL <= area.right() {
                buf.set_string(x, y, text, t.bar);
            }
        }
        let text_x = self.text_x(area);
        if text_x < area.right() {
            let note = "passages that differ from the base, per version";
            buf.set_stringn(text_x, y, note, usize::from(area.right() - text_x), t.hint);
        }
        self.scores_row(area, y + 1, buf);
    }

    /// Each version's outlier score; the highest (when not all are equal) stands out.
    fn scores_row(&self, area: Rect, y: u16, buf: &mut Buffer) {
        let t = self.theme;
        buf.set_string(area.x, y, format!("{:>6}  {:<11}", "⚑", "outlier"), t.hint);
        let Some(scores) = self.scores else {
            let x = area.x + LEAD;
            if x < area.right() {
                let note = "finding facts…";
                buf.set_stringn(x, y, note, usize::from(area.right() - x), t.hint);
            }
            return;
        };
        let totals: Vec<usize> = scores.iter().map(VersionScore::total).collect();
        let top = totals.iter().copied().max().unwrap_or(0);
        let all_equal = totals.iter().all(|s| *s == top);
        for (i, total) in totals.iter().enumerate() {
            let x = area.x + LEAD + CELL * i as u16;
            let style = if *total == top && top > 0 && !all_equal {
                t.absent
            } else {
                t.bar
            };
            if x + CELL <= area.right() {
                buf.set_string(x, y, format!("{total:>4} "), style);
            }
        }
        let text_x = self.text_x(area);
        if text_x < area.right() {
            let note = "facts and passages that stray from the consensus of all versions";
            buf.set_stringn(text_x, y, note, usize::from(area.right() - text_x), t.hint);
        }
    }
}

impl Widget for &PresenceView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (header, footer) = (PRESENCE_HEADER as u16, PRESENCE_FOOTER as u16);
        if area.height < header + footer + 1 {
            return;
        }
        self.header(area, buf);
        self.footer(area, buf);
        let body = Rect {
            y: area.y + header,
            height: area.height - header - footer,
            ..area
        };
        let text_x = self.text_x(area);
        for (line, row) in self.state.lines(&self.table.rows, body, buf, self.theme) {
            let y = line.y;
            let status_style = Style::new().fg(self.theme.status(row.status));
            buf.set_string(
                line.x + 1,
                y,
                format!("{:>5}  ", outline::ordinal(row.passage)),
                self.theme.hint,
            );
            buf.set_string(line.x + 8, y, row.status.name(), status_style);
            for (v, presence) in row.cells.iter().enumerate() {
                let x = line.x + LEAD + CELL * v as u16;
                if x + CELL <= line.right() {
                    let (text, style) = self.cell(*presence, row.status);
                    buf.set_string(x, y, text, style);
                }
            }
            if text_x < line.right() {
                let style = match row.status {
                    PassageStatus::Same => self.theme.same,
                    PassageStatus::Boilerplate => self.theme.boilerplate,
                    _ => self.theme.text,
                };
                buf.set_stringn(
                    text_x,
                    y,
                    &row.excerpt,
                    usize::from(line.right() - text_x),
                    style,
                );
            }
        }
    }
}
