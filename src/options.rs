//! Options that change what is compared and what counts as different.

/// What counts as a difference between words. These change equality, never the text shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct IgnoreOptions {
    /// Letters compare without regard to case.
    pub case: bool,
    /// Punctuation does not count: `war.` equals `war`, a lone comma is no change.
    pub punctuation: bool,
    /// Straight and curly quotes and the dashes count as equal.
    pub quotes: bool,
}

impl IgnoreOptions {
    /// Whether any ignore option is on.
    #[must_use]
    pub fn any(self) -> bool {
        self.case || self.punctuation || self.quotes
    }
}

/// Everything that shapes a comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareOptions {
    /// Index of the base version (the one the others are compared to).
    pub base: usize,
    /// What counts as different.
    pub ignore: IgnoreOptions,
    /// Repair mojibake (UTF-8 read as a legacy encoding and saved again).
    pub repair_mojibake: bool,
    /// Treat web-page debris as story text instead of setting it apart as boilerplate.
    pub keep_boilerplate: bool,
    /// Compare inputs that look binary as text.
    pub force_text: bool,
}

impl Default for CompareOptions {
    fn default() -> Self {
        Self {
            base: 0,
            ignore: IgnoreOptions::default(),
            repair_mojibake: true,
            keep_boilerplate: false,
            force_text: false,
        }
    }
}
