//! What the human-readable printers show, in which order: the passages in full, runs of same
//! passages folded to one line, boilerplate lines, and the places moved passages went to. Also
//! the short version labels and the passage header line they share.
//!
//! Everything here reads statuses and placements from the model; nothing is re-compared.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;

pub use super::labels::{Labels, file_name};
use crate::model::{
    Comparison, Passage, PassageKind, PassageStatus, Placement, Reading, Version, VersionId,
};

/// Which versions a view looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// All versions at once: a passage's overall status decides.
    All,
    /// The base and one compared version: that version's reading decides.
    Pair(VersionId),
}

/// One entry of an outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// A passage shown in full: divergent, or same and within `--context` of a divergent one.
    Passage(usize),
    /// A run of same passages folded into one line.
    Folded {
        /// How many passages the run holds.
        count: usize,
    },
    /// A boilerplate passage, shown as one faint line and never as a divergence.
    Boilerplate(usize),
    /// Where a moved passage, or a block of them, stands in a compared version.
    MovedHere(MovedHere),
}

/// A "moved here" mark: where a moved passage, or a block of them, stands in a compared
/// version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MovedHere {
    /// The moved passage (listed where it stands in the base), the block's first.
    pub passage: usize,
    /// The block's last passage (`passage` itself for a passage moved alone): passages that
    /// follow each other in the base and in the version, moved together.
    pub through: usize,
    /// The version it moved in.
    pub version: VersionId,
}

impl MovedHere {
    /// The mark's line: `↳ passage 7 stands here in 001 (moved)`, or for a block
    /// `↳ passages 7–9 stand here in 001 (moved together)`.
    #[must_use]
    pub fn line(&self, labels: &Labels) -> String {
        let version = labels.get(self.version);
        if self.through > self.passage {
            format!(
                "↳ passages {}–{} stand here in {version} (moved together)",
                ordinal(self.passage),
                ordinal(self.through),
            )
        } else {
            format!(
                "↳ passage {} stands here in {version} (moved)",
                ordinal(self.passage),
            )
        }
    }
}

/// A passage's status as seen from a scope; `None` when no version in the scope carries it.
/// For a pair it is [`pair_status`], the rule the viewer's panes and the report's sections use
/// too.
#[must_use]
pub fn status(comparison: &Comparison, passage: &Passage, scope: Scope) -> Option<PassageStatus> {
    match scope {
        Scope::All if passage.kind == PassageKind::Boilerplate => Some(PassageStatus::Boilerplate),
        Scope::All => Some(passage.status),
        Scope::Pair(version) => {
            if passage.span(comparison.base).is_none() && passage.span(version).is_none() {
                return None;
            }
            Some(pair_status(passage, comparison.base, version).0)
        }
    }
}

/// The outline of a comparison for one scope, with `context` same passages kept around each
/// divergent one.
#[must_use]
pub fn outline(comparison: &Comparison, scope: Scope, context: usize) -> Vec<Item> {
    let relevant: Vec<(usize, PassageStatus)> = comparison
        .passages
        .iter()
        .filter_map(|p| status(comparison, p, scope).map(|s| (p.index, s)))
        .collect();
    let shown = within_context(&relevant, context);
    let mut marks = moved_marks(comparison, scope);
    let mut items = Vec::new();
    let mut folded = 0;
    let flush = |items: &mut Vec<Item>, folded: &mut usize| {
        if *folded > 0 {
            items.push(Item::Folded {
                count: std::mem::take(folded),
            });
        }
    };
    items.extend(marks.remove(&None).unwrap_or_default());
    for (&(index, status), show) in relevant.iter().zip(&shown) {
        if status == PassageStatus::Boilerplate {
            flush(&mut items, &mut folded);
            items.push(Item::Boilerplate(index));
        } else if *show {
            flush(&mut items, &mut folded);
            items.push(Item::Passage(index));
        } else {
            folded += 1;
        }
        if let Some(here) = marks.remove(&Some(index)) {
            flush(&mut items, &mut folded);
            items.extend(here);
        }
    }
    flush(&mut items, &mut folded);
    // Marks after passages outside the scope still have to show up somewhere: at the end.
    items.extend(marks.into_values().flatten());
    items
}

/// Whether each passage is shown in full: divergent, or same within `context` of a divergent one.
fn within_context(relevant: &[(usize, PassageStatus)], context: usize) -> Vec<bool> {
    let divergent: Vec<bool> = relevant.iter().map(|(_, s)| s.is_divergent()).collect();
    let mut distance = vec![usize::MAX; relevant.len()];
    let mut last: Option<usize> = None;
    for (i, &d) in divergent.iter().enumerate() {
        if d {
            last = Some(i);
        }
        distance[i] = last.map_or(usize::MAX, |l| i - l);
    }
    last = None;
    for (i, &d) in divergent.iter().enumerate().rev() {
        if d {
            last = Some(i);
        }
        distance[i] = distance[i].min(last.map_or(usize::MAX, |l| l - i));
    }
    distance.iter().map(|&d| d <= context).collect()
}

/// A passage that a compared version carries out of the base's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Move {
    /// The passage (listed where it stands in the base).
    pub passage: usize,
    /// The version it moved in.
    pub version: VersionId,
    /// The passage it follows in that version (`None`: it comes first).
    pub after: Option<usize>,
}

/// The moves of a scope, in passage order: where the printers put a "moved here" mark, and
/// where the viewer's panes put their "↳ has passage N here" note.
#[must_use]
pub fn moves(comparison: &Comparison, scope: Scope) -> Vec<Move> {
    comparison
        .passages
        .iter()
        .flat_map(|passage| {
            passage.readings.iter().filter_map(move |reading| {
                let Placement::MovedAfter { after } = reading.placement else {
                    return None;
                };
                (scope == Scope::All || scope == Scope::Pair(reading.version)).then_some(Move {
                    passage: passage.index,
                    version: reading.version,
                    after,
                })
            })
        })
        .collect()
}

/// The "moved here" marks of a scope, keyed by the passage they follow (`None`: at the top).
/// A passage that a version moved right after the passage before it in the base, itself moved
/// there, continues that one's block: one mark stands for the whole block (the aligner pairs a
/// moved block sentence by sentence, and a reader takes it as one move).
fn moved_marks(comparison: &Comparison, scope: Scope) -> BTreeMap<Option<usize>, Vec<Item>> {
    let mut marks: BTreeMap<Option<usize>, Vec<Item>> = BTreeMap::new();
    // Per version, where its open block's mark is: (key, index in that key's marks).
    let mut open: BTreeMap<VersionId, (Option<usize>, usize)> = BTreeMap::new();
    for m in moves(comparison, scope) {
        if let Some(&(key, at)) = open.get(&m.version)
            && let Some(Item::MovedHere(block)) =
                marks.get_mut(&key).and_then(|items| items.get_mut(at))
            && block.through + 1 == m.passage
            && m.after == Some(block.through)
        {
            block.through = m.passage;
            continue;
        }
        let items = marks.entry(m.after).or_default();
        open.insert(m.version, (m.after, items.len()));
        items.push(Item::MovedHere(MovedHere {
            passage: m.passage,
            through: m.passage,
            version: m.version,
        }));
    }
    marks
}

/// A passage's status and similarity for one pair of versions, as a side-by-side view shows
/// them: added or removed by which side carries it, 1 for same, 0 for added and removed.
#[must_use]
pub fn pair_status(p: &Passage, base: VersionId, compared: VersionId) -> (PassageStatus, f32) {
    let reading = p.reading(compared);
    let similarity = reading.map_or(0.0, |r| r.similarity);
    let status = match (p.span(base).is_some(), p.span(compared).is_some()) {
        _ if p.kind == PassageKind::Boilerplate => PassageStatus::Boilerplate,
        (false, _) => PassageStatus::Added,
        (_, false) => PassageStatus::Removed,
        (true, true) => match reading.map(|r| r.status) {
            Some(s @ (PassageStatus::Changed | PassageStatus::Moved)) => s,
            _ => PassageStatus::Same,
        },
    };
    let similarity = match status {
        PassageStatus::Same => 1.0,
        PassageStatus::Added | PassageStatus::Removed => 0.0,
        _ => similarity,
    };
    (status, similarity)
}

/// `¶3`, or `¶3–4` for a span over two or more paragraphs.
#[must_use]
pub fn paragraph_ref(version: &Version, range: &Range<usize>) -> String {
    let mut out = String::new();
    write_paragraph_ref(&mut out, version, range);
    out
}

/// [`paragraph_ref`], written at the end of `out` (a header is written into one string).
fn write_paragraph_ref(out: &mut String, version: &Version, range: &Range<usize>) {
    let first = version.paragraph_number(range.start);
    let last = version.paragraph_number(range.end.saturating_sub(1).max(range.start));
    let _ = if last > first {
        write!(out, "¶{first}–{last}")
    } else {
        write!(out, "¶{first}")
    };
}

/// `000 ¶3`: a version's label and where the passage stands in it, if it carries the passage.
#[must_use]
pub fn location(
    comparison: &Comparison,
    labels: &Labels,
    passage: &Passage,
    version: VersionId,
) -> Option<String> {
    let mut out = String::new();
    write_location(&mut out, comparison, labels, passage, version).then_some(out)
}

/// [`location`], written at the end of `out`; false (and nothing written) if the version does
/// not carry the passage.
fn write_location(
    out: &mut String,
    comparison: &Comparison,
    labels: &Labels,
    passage: &Passage,
    version: VersionId,
) -> bool {
    let Some(span) = passage.span(version) else {
        return false;
    };
    out.push_str(labels.get(version));
    out.push(' ');
    write_paragraph_ref(out, comparison.version(version), &span.range);
    true
}

/// The one passage numbering every front end uses: `passage 4/31`, 1-based, over all passages
/// of the comparison (not over the passages one pair of versions shows).
#[must_use]
pub fn number(comparison: &Comparison, passage: usize) -> String {
    format!("passage {}/{}", ordinal(passage), comparison.passages.len())
}

/// The number a passage goes by in every front end: its index in the base's reading order,
/// counted from 1.
#[must_use]
pub fn ordinal(passage: usize) -> usize {
    passage + 1
}

/// The passage a number typed by a reader names (the inverse of [`ordinal`]); `None` for 0.
#[must_use]
pub fn from_ordinal(number: usize) -> Option<usize> {
    number.checked_sub(1)
}

/// A passage's status over all versions, in words that say how many versions it concerns when
/// there are three or more: `removed in 1 of 4` rather than `removed` for a passage that three
/// compared versions still carry.
#[must_use]
pub fn overall_status(comparison: &Comparison, passage: usize) -> String {
    let Some(p) = comparison.passages.get(passage) else {
        return String::new();
    };
    let status = status(comparison, p, Scope::All).unwrap_or(p.status);
    let compared = p.readings.len();
    let with = p.readings.iter().filter(|r| r.status == status).count();
    if compared > 1 && status.is_divergent() && with < compared {
        format!("{} in {with} of {compared}", status.name())
    } else {
        status.name().to_string()
    }
}

/// `5 same passages`: how every front end counts a folded run of same passages.
#[must_use]
pub fn same_passages(count: usize) -> String {
    let plural = if count == 1 { "" } else { "s" };
    format!("{count} same passage{plural}")
}

/// The mark of a pairing that rests on thin evidence ([`Reading::is_weak`]).
pub const WEAK: &str = "weak";

/// A reading's figures: `72%` for a changed or moved reading, `72% · weak` when its pairing is
/// weak; `None` for other statuses, which have no similarity worth a figure.
#[must_use]
pub fn figures(reading: &Reading) -> Option<String> {
    matches!(
        reading.status,
        PassageStatus::Changed | PassageStatus::Moved
    )
    .then(|| {
        if reading.is_weak() {
            format!("{} · {WEAK}", percent(reading.similarity))
        } else {
            percent(reading.similarity)
        }
    })
}

/// A similarity as a whole percentage; anything short of identical stays below 100%.
#[must_use]
pub fn percent(similarity: f32) -> String {
    let pct = (similarity.clamp(0.0, 1.0) * 100.0).floor();
    let pct = if similarity < 1.0 { pct.min(99.0) } else { pct };
    format!("{pct:.0}%")
}

/// Where a moved reading went, e.g. `in 002 after passage 3` (1-based, as in headers).
#[must_use]
pub fn moved_to(labels: &Labels, version: VersionId, placement: Placement) -> Option<String> {
    match placement {
        Placement::InOrder => None,
        Placement::MovedAfter { after: Some(after) } => Some(format!(
            "in {} after passage {}",
            labels.get(version),
            ordinal(after)
        )),
        Placement::MovedAfter { after: None } => Some(format!("first in {}", labels.get(version))),
    }
}

/// The header of a passage, e.g. `── passage 4/31 · changed · 72% · 000 ¶3 ↔ 002 ¶2`.
///
/// For a pair scope (or two versions) it names both places; for all of three or more versions
/// it names the base's place only, and each reading gets its own line (see the inline printer).
#[must_use]
pub fn header(comparison: &Comparison, labels: &Labels, passage: &Passage, scope: Scope) -> String {
    let status = status(comparison, passage, scope).unwrap_or(passage.status);
    // Written into one string: a book's printout has a header for each of tens of thousands of
    // passages.
    let mut out = String::with_capacity(64);
    let _ = write!(
        out,
        "── {} · {}",
        number(comparison, passage.index),
        status.name()
    );
    let pair = match scope {
        Scope::Pair(v) => Some(v),
        Scope::All => comparison
            .compared()
            .next()
            .filter(|_| comparison.versions.len() == 2),
    };
    let similarity = match pair {
        Some(v) => passage
            .reading(v)
            .map_or(passage.similarity, |r| r.similarity),
        None => passage.similarity,
    };
    if matches!(status, PassageStatus::Changed | PassageStatus::Moved) {
        let _ = write!(out, " · {}", percent(similarity));
        // Weak when the pair's reading is, or (all versions at once) when any reading is.
        let weak = match pair {
            Some(v) => passage.reading(v).is_some_and(Reading::is_weak),
            None => passage.readings.iter().any(Reading::is_weak),
        };
        if weak {
            let _ = write!(out, " · {WEAK}");
        }
    }
    // The places, ` · 000 ¶3 ↔ 001 ¶2`: the base's, then the pair's other version's.
    let places = std::iter::once(comparison.base).chain(pair);
    let mut written = 0;
    for version in places {
        let at = out.len();
        out.push_str(if written == 0 { " · " } else { " ↔ " });
        if write_location(&mut out, comparison, labels, passage, version) {
            written += 1;
        } else {
            out.truncate(at);
        }
    }
    let reading = pair.and_then(|v| passage.reading(v));
    if let Some(moved) = reading.and_then(|r| moved_to(labels, r.version, r.placement)) {
        let _ = write!(out, " · {moved}");
    }
    out
}

/// How many passages have each status in a scope.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Passages in the scope (boilerplate included).
    pub total: usize,
    /// Same in every version of the scope.
    pub same: usize,
    /// Changed.
    pub changed: usize,
    /// Added (absent from the base).
    pub added: usize,
    /// Removed (absent from a compared version).
    pub removed: usize,
    /// Moved.
    pub moved: usize,
    /// Boilerplate, counted apart.
    pub boilerplate: usize,
}

impl Tally {
    /// Counts the passages of a scope.
    #[must_use]
    pub fn of(comparison: &Comparison, scope: Scope) -> Self {
        let mut tally = Self::default();
        for passage in &comparison.passages {
            let Some(status) = status(comparison, passage, scope) else {
                continue;
            };
            tally.total += 1;
            *match status {
                PassageStatus::Same => &mut tally.same,
                PassageStatus::Changed => &mut tally.changed,
                PassageStatus::Added => &mut tally.added,
                PassageStatus::Removed => &mut tally.removed,
                PassageStatus::Moved => &mut tally.moved,
                PassageStatus::Boilerplate => &mut tally.boilerplate,
            } += 1;
        }
        tally
    }

    /// Passages that diverge: changed, added, removed or moved (boilerplate never does).
    #[must_use]
    pub fn divergent(&self) -> usize {
        self.changed + self.added + self.removed + self.moved
    }

    /// `20 same, 8 changed, 1 added, 1 removed, 1 moved · 2 boilerplate` (boilerplate when any).
    #[must_use]
    pub fn counts(&self) -> String {
        let mut out = format!(
            "{} same, {} changed, {} added, {} removed, {} moved",
            self.same, self.changed, self.added, self.removed, self.moved
        );
        if self.boilerplate > 0 {
            let _ = write!(out, " · {} boilerplate", self.boilerplate);
        }
        out
    }

    /// `31 passages: 20 same, 8 changed, 1 added, 1 removed, 1 moved · 2 boilerplate`.
    #[must_use]
    pub fn summary(&self) -> String {
        let plural = if self.total == 1 { "" } else { "s" };
        format!("{} passage{plural}: {}", self.total, self.counts())
    }
}

#[cfg(test)]
mod tests;
