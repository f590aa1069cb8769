//! Short labels for versions (`000`, or `v0`), the same in every front end that names versions
//! by label: the printers' legends and headers, the facts table, the viewer's titles, bars and
//! notes, and the HTML report.

use crate::model::{Comparison, Version, VersionId};

/// Short labels for versions: the numeric prefix of the file names when every version has a
/// distinct one (`000_cda5….txt` → `000`), else `v0`, `v1`, ….
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labels(Vec<String>);

impl Labels {
    /// Labels for the versions of a comparison.
    #[must_use]
    pub fn new(comparison: &Comparison) -> Self {
        Self::of(&comparison.versions)
    }

    /// Labels for versions, in version order (the viewer names them before any comparison).
    #[must_use]
    pub fn of(versions: &[Version]) -> Self {
        let prefixes: Vec<&str> = versions.iter().map(|v| numeric_prefix(&v.name)).collect();
        let mut distinct = prefixes.clone();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() == prefixes.len() && prefixes.iter().all(|p| !p.is_empty()) {
            Self(prefixes.into_iter().map(str::to_string).collect())
        } else {
            Self(versions.iter().map(|v| format!("v{}", v.id.0)).collect())
        }
    }

    /// The label of a version.
    #[must_use]
    pub fn get(&self, version: VersionId) -> &str {
        &self.0[version.0]
    }

    /// The labels of some of the versions, in the order given: those of a comparison of these
    /// versions alone (a pair's own, [`crate::Analysis::pair`]), named as among all of them.
    #[must_use]
    pub fn pick(&self, versions: impl IntoIterator<Item = VersionId>) -> Self {
        Self(
            versions
                .into_iter()
                .map(|v| self.get(v).to_string())
                .collect(),
        )
    }

    /// Labels of several versions, comma-separated.
    #[must_use]
    pub fn list(&self, versions: impl IntoIterator<Item = VersionId>) -> String {
        versions
            .into_iter()
            .map(|v| self.get(v))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The last component of a path as given (`seeds/000_x.txt` → `000_x.txt`).
#[must_use]
pub fn file_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

/// The digits a file name starts with, when followed by `_`, `-` or `.` (`000_x.txt` → `000`).
fn numeric_prefix(name: &str) -> &str {
    let file = file_name(name);
    let digits = file.len() - file.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    match file[digits..].chars().next() {
        Some('_' | '-' | '.') if digits > 0 => &file[..digits],
        _ => "",
    }
}
