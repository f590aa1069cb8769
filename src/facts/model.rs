//! What fact analysis returns: facts compared across versions, per-version outlier scores and the
//! significance of every changed passage. Front ends only read these types.
//!
//! Byte ranges index [`crate::Version::text`], like everything in [`crate::model`]; a printer
//! that writes offsets for users maps them with [`crate::Version::original_offset`].

use std::ops::Range;

use crate::model::{VersionId, WordOp};

/// What sort of fact a token is. [`FactKind::name`] gives the JSON spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FactKind {
    /// A count or quantity: "26", "twenty-six", "28-point", "3.5%".
    Number,
    /// An amount of money: "$105 million", "$105m (£80m)".
    Money,
    /// A date, year, month or weekday: "2024", "Nov. 25", "20th of November", "Thursday".
    Date,
    /// A length of time: "360 days", "three weeks".
    Duration,
    /// A person, place or body: "Gen Chris Donahue", "Jean-Noël Barrot", "Kyiv".
    Name,
    /// Words in quotation marks, with their speaker when the sentence names one.
    Quote,
    /// Who does what: an actor and an action, with negation and hedging ("Russia to give up",
    /// "has not confirmed", "reportedly"); the speaker of a quotation. Only reported when
    /// corresponding sentences disagree.
    Role,
}

impl FactKind {
    /// Lower-case name, as used in JSON.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Number => "number",
            Self::Money => "money",
            Self::Date => "date",
            Self::Duration => "duration",
            Self::Name => "name",
            Self::Quote => "quote",
            Self::Role => "role",
        }
    }

    /// Numbers, money, dates and durations: facts that are values rather than words.
    #[must_use]
    pub fn is_quantity(self) -> bool {
        matches!(
            self,
            Self::Number | Self::Money | Self::Date | Self::Duration
        )
    }
}

/// How the versions stand on one fact. [`FactStatus::name`] gives the JSON spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FactStatus {
    /// Every version that states the fact gives the same value, and none that carries the
    /// passage leaves it out.
    Agree,
    /// The versions give different values (a name spelt differently counts, see
    /// [`Fact::spelling_change`]).
    Drift,
    /// Some versions that carry the passage do not state the fact (or only one version states
    /// it at all); the versions that do state it agree.
    Missing,
    /// A quotation whose wording differs between versions (see [`Fact::misquotes`]).
    Misquote,
}

impl FactStatus {
    /// Lower-case name, as used in JSON.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Agree => "agree",
            Self::Drift => "drift",
            Self::Missing => "missing",
            Self::Misquote => "misquote",
        }
    }

    /// Whether a reader looking for substance should see this fact (anything but agreement).
    #[must_use]
    pub fn is_divergent(self) -> bool {
        self != Self::Agree
    }
}

/// One version's reading of a fact.
#[derive(Debug, Clone, PartialEq)]
pub struct FactReading {
    /// The version.
    pub version: VersionId,
    /// The fact as written in that version ("Nov. 25", "twenty-six", "“…”").
    pub text: String,
    /// The normalised value that is compared ("November 25", "26").
    pub value: String,
    /// Byte range of `text` in the version's [`crate::Version::text`].
    pub span: Range<usize>,
    /// The passage this reading stands in (usually [`Fact::passage`]; another one when the
    /// aligner put the sentence elsewhere and the reading was matched by its context).
    pub passage: usize,
    /// For a quotation: who the sentence says spoke it, when it names someone.
    pub speaker: Option<String>,
    /// Matched by its value to a fact in another passage, where the alignment left both
    /// sentences unpaired (the reading's [`FactReading::passage`] is that other passage).
    pub rescued: bool,
}

/// A quotation's wording in one version against the consensus wording.
#[derive(Debug, Clone, PartialEq)]
pub struct Misquote {
    /// The version whose wording differs.
    pub version: VersionId,
    /// The version whose reading is the consensus; `WordOp` base ranges index its text.
    pub against: VersionId,
    /// Word diff of the consensus quotation (base side) against this version's (other side).
    pub ops: Vec<WordOp>,
}

/// One fact, paired up across the versions through the passage alignment.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    /// Number, money, date, duration, name or quote.
    pub kind: FactKind,
    /// The passage the fact belongs to (index into [`crate::Comparison::passages`]).
    pub passage: usize,
    /// Agree, drift, missing or misquote.
    pub status: FactStatus,
    /// The value most versions give; `None` when most versions in scope do not state the fact
    /// at all. Ties go to the base's value.
    pub consensus: Option<String>,
    /// One reading per version that states the fact, in version order.
    pub readings: Vec<FactReading>,
    /// Versions that carry the passage but do not state the fact (for a fact only one version
    /// states, every other version).
    pub missing_from: Vec<VersionId>,
    /// Versions that deviate from the consensus: another value, or silence where most speak,
    /// or speech where most are silent.
    pub outliers: Vec<VersionId>,
    /// A name drift where every deviating reading is the consensus spelt slightly differently
    /// ("Donahue"/"Donohue"): one or two letters on a long name.
    pub spelling_change: bool,
    /// For a misquote: the word diff of each deviating wording against the consensus.
    pub misquotes: Vec<Misquote>,
}

impl Fact {
    /// This fact's reading in a version, if the version states it.
    #[must_use]
    pub fn reading(&self, version: VersionId) -> Option<&FactReading> {
        self.readings.iter().find(|r| r.version == version)
    }

    /// Whether a version deviates from the consensus on this fact.
    #[must_use]
    pub fn is_outlier(&self, version: VersionId) -> bool {
        self.outliers.contains(&version)
    }

    /// The readings grouped by value, the most common first (then in version order): how a
    /// front end shows a fact of many versions ("26 ×198 · 27 ×2: v17 v88"). Versions that
    /// leave the fact out are not included (see [`Fact::missing_from`]).
    #[must_use]
    pub fn distribution(&self) -> Vec<ReadingGroup> {
        let mut groups: Vec<ReadingGroup> = Vec::new();
        for r in &self.readings {
            match groups.iter_mut().find(|g| g.value == r.value) {
                Some(g) => g.versions.push(r.version),
                None => groups.push(ReadingGroup {
                    value: r.value.clone(),
                    text: r.text.clone(),
                    versions: vec![r.version],
                }),
            }
        }
        groups.sort_by_key(|g| std::cmp::Reverse(g.versions.len()));
        groups
    }
}

/// The versions that read a fact alike (see [`Fact::distribution`]).
#[derive(Debug, Clone, PartialEq)]
pub struct ReadingGroup {
    /// The normalised value they share.
    pub value: String,
    /// How the first of them writes it.
    pub text: String,
    /// The versions, in version order.
    pub versions: Vec<VersionId>,
}

/// How far one version strays from the consensus of all versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VersionScore {
    /// The version.
    pub version: VersionId,
    /// Facts where it gives a value other than the consensus.
    pub drifted: usize,
    /// Quotations it words differently from the consensus.
    pub misquoted: usize,
    /// Facts most versions state and it leaves out.
    pub missing: usize,
    /// Facts it states and most versions do not.
    pub extra: usize,
    /// Story passages it carries and most versions do not.
    pub added: usize,
    /// Story passages most versions carry and it does not.
    pub removed: usize,
}

impl VersionScore {
    /// A score of zero for a version.
    #[must_use]
    pub fn new(version: VersionId) -> Self {
        Self {
            version,
            drifted: 0,
            misquoted: 0,
            missing: 0,
            extra: 0,
            added: 0,
            removed: 0,
        }
    }

    /// The outlier score: every deviation counted once.
    #[must_use]
    pub fn total(&self) -> usize {
        self.drifted + self.misquoted + self.missing + self.extra + self.added + self.removed
    }
}

/// How much a changed passage matters, from least to most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChangeClass {
    /// Only quotes, dashes, case, spacing, punctuation or encoding differ.
    Typography,
    /// Words differ (or the passage moved) but no fact drifted and the content is the same.
    Rewording,
    /// A fact drifted or is missing, a quotation changed, or text was added or removed.
    Substantive,
}

impl ChangeClass {
    /// Lower-case name, as used in JSON and status lines.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Typography => "typography",
            Self::Rewording => "rewording",
            Self::Substantive => "substantive",
        }
    }
}

/// Why a passage is substantive (or, for [`Reason::Moved`], why it is more than typography).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    /// A fact in the passage has different values across versions.
    FactDrift,
    /// A fact in the passage is left out by some version that carries it.
    FactMissing,
    /// A quotation in the passage is worded differently.
    QuoteChanged,
    /// The passage is absent from the base: text was added.
    TextAdded,
    /// The passage is absent from some compared version: text was removed.
    TextRemoved,
    /// The passage stands out of the base's order in some version.
    Moved,
}

/// The class of one compared version's reading of a passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VersionClass {
    /// The compared (non-base) version.
    pub version: VersionId,
    /// How much its change to the passage matters.
    pub class: ChangeClass,
}

/// How much one divergent passage matters.
#[derive(Debug, Clone, PartialEq)]
pub struct Significance {
    /// Index into [`crate::Comparison::passages`].
    pub passage: usize,
    /// The class of the passage: the highest class of any version's reading.
    pub class: ChangeClass,
    /// What makes it matter, in a fixed order; empty for typography and plain rewording.
    pub reasons: Vec<Reason>,
    /// Facts touching the passage that do not agree.
    pub fact_issues: usize,
    /// One minus the passage's lowest word similarity, 0..=1.
    pub dissimilarity: f32,
    /// The ranking score: a drifted fact or changed quotation 1, a missing fact ½, plus 0.6 ×
    /// dissimilarity, 0.4 for added/removed text and 0.2 for a move.
    pub score: f32,
    /// Per compared version that carries a changed reading: its class.
    pub versions: Vec<VersionClass>,
}

/// Everything fact analysis found for one [`crate::Comparison`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FactReport {
    /// Every fact, sorted by passage and then by position in its first reading.
    pub facts: Vec<Fact>,
    /// One score per version, in version order.
    pub outliers: Vec<VersionScore>,
    /// One entry per divergent story passage, in passage order.
    pub significance: Vec<Significance>,
    /// Indices of divergent passages, the one that matters most first: substantive before
    /// rewording before typography, then by [`Significance::score`].
    pub ranking: Vec<usize>,
}

impl FactReport {
    /// The facts of a passage (those whose [`Fact::passage`] it is).
    #[must_use]
    pub fn facts_in(&self, passage: usize) -> &[Fact] {
        let start = self.facts.partition_point(|f| f.passage < passage);
        let end = self.facts.partition_point(|f| f.passage <= passage);
        &self.facts[start..end]
    }

    /// Facts that do not agree, in passage order.
    pub fn divergent(&self) -> impl Iterator<Item = &Fact> + '_ {
        self.facts.iter().filter(|f| f.status.is_divergent())
    }

    /// How many facts agree (for a summary line).
    #[must_use]
    pub fn agreeing(&self) -> usize {
        self.facts
            .iter()
            .filter(|f| f.status == FactStatus::Agree)
            .count()
    }

    /// The significance of a passage, if it is divergent.
    #[must_use]
    pub fn significance_of(&self, passage: usize) -> Option<&Significance> {
        self.significance
            .binary_search_by_key(&passage, |s| s.passage)
            .ok()
            .map(|i| &self.significance[i])
    }

    /// Whether a passage has a substantive change (what `n`/`p` stop at in "substantive" mode).
    #[must_use]
    pub fn is_substantive(&self, passage: usize) -> bool {
        self.significance_of(passage)
            .is_some_and(|s| s.class == ChangeClass::Substantive)
    }

    /// The outlier score of a version.
    #[must_use]
    pub fn score(&self, version: VersionId) -> Option<&VersionScore> {
        self.outliers.iter().find(|s| s.version == version)
    }

    /// Passages that hold a divergent fact (as its passage or through a reading), in order:
    /// where "next drifted fact" stops.
    #[must_use]
    pub fn divergent_passages(&self) -> Vec<usize> {
        let mut passages: Vec<usize> = self
            .divergent()
            .flat_map(|f| std::iter::once(f.passage).chain(f.readings.iter().map(|r| r.passage)))
            .collect();
        passages.sort_unstable();
        passages.dedup();
        passages
    }

    /// Byte ranges of a version's readings of divergent facts, sorted (what a pane underlines).
    #[must_use]
    pub fn divergent_spans(&self, version: VersionId) -> Vec<Range<usize>> {
        let mut spans: Vec<Range<usize>> = self
            .divergent()
            .filter_map(|f| f.reading(version))
            .map(|r| r.span.clone())
            .collect();
        spans.sort_by_key(|r| (r.start, r.end));
        spans
    }
}
