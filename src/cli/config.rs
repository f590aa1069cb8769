//! The config file, `$XDG_CONFIG_HOME/storydiff/config.toml` (else `~/.config/storydiff/…`;
//! `$STORYDIFF_CONFIG` names another file): defaults for the theme, paging and the ignore
//! options. The command line wins over it.
//!
//! ```toml
//! theme = "light"          # dark, light, auto
//! paging = "never"         # auto, always, never
//! ignore-case = true
//! ignore-punctuation = false
//! ignore-quotes = true
//! ```

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::ValueEnum;
use serde::Deserialize;

/// When to page printed output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Paging {
    /// Page when standard output is a terminal.
    Auto,
    /// Always page printed output.
    Always,
    /// Never page.
    Never,
}

/// The viewer's colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeChoice {
    /// Ask the terminal for its background colour; dark if it does not answer.
    Auto,
    /// Colours for a dark background.
    Dark,
    /// Colours for a light background.
    Light,
}

impl From<ThemeChoice> for storydiff::app::ThemeChoice {
    fn from(choice: ThemeChoice) -> Self {
        match choice {
            ThemeChoice::Auto => Self::Auto,
            ThemeChoice::Dark => Self::Dark,
            ThemeChoice::Light => Self::Light,
        }
    }
}

/// The settings of the config file; absent keys leave the defaults.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "each bool is one setting of the file"
)]
pub struct Config {
    /// The viewer's colours.
    pub theme: Option<ThemeChoice>,
    /// When to page printed output.
    pub paging: Option<Paging>,
    /// As `--ignore-case`.
    #[serde(default)]
    pub ignore_case: bool,
    /// As `--ignore-punctuation`.
    #[serde(default)]
    pub ignore_punctuation: bool,
    /// As `--ignore-quotes`.
    #[serde(default)]
    pub ignore_quotes: bool,
}

impl Config {
    /// Reads the config file, if there is one. A file named by `$STORYDIFF_CONFIG` must exist;
    /// the usual place may be empty. A file that does not parse is an error that names it.
    pub fn load() -> anyhow::Result<Self> {
        let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        if let Some(path) = var("STORYDIFF_CONFIG") {
            return Self::read(Path::new(&path));
        }
        let Some(path) = default_path(var("XDG_CONFIG_HOME"), var("HOME")) else {
            return Ok(Self::default());
        };
        if path.is_file() {
            Self::read(&path)
        } else {
            Ok(Self::default())
        }
    }

    fn read(path: &Path) -> anyhow::Result<Self> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read the config file", path.display()))?;
        Self::parse(&text).with_context(|| format!("{}: bad config file", path.display()))
    }

    /// Parses the text of a config file.
    pub fn parse(text: &str) -> Result<Self, toml::de::Error> {
        toml::from_str(text)
    }
}

/// `$XDG_CONFIG_HOME/storydiff/config.toml`, else `$HOME/.config/storydiff/config.toml`.
fn default_path(
    xdg_config_home: Option<std::ffi::OsString>,
    home: Option<std::ffi::OsString>,
) -> Option<PathBuf> {
    // The XDG spec ignores a relative $XDG_CONFIG_HOME.
    let base = xdg_config_home
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| home.map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("storydiff").join("config.toml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_parses_and_absent_ones_keep_the_defaults() {
        let config = Config::parse(
            "theme = \"light\"\npaging = \"never\"\nignore-case = true\nignore-quotes = true\n",
        )
        .unwrap();
        assert_eq!(config.theme, Some(ThemeChoice::Light));
        assert_eq!(config.paging, Some(Paging::Never));
        assert!(config.ignore_case && config.ignore_quotes && !config.ignore_punctuation);
        assert_eq!(Config::parse("").unwrap(), Config::default());
    }

    #[test]
    fn unknown_keys_and_values_are_errors_that_say_what_is_wrong() {
        let err = Config::parse("colour = \"red\"\n").unwrap_err().to_string();
        assert!(err.contains("colour"), "{err}");
        let err = Config::parse("theme = \"pink\"\n").unwrap_err().to_string();
        assert!(err.contains("pink") || err.contains("variant"), "{err}");
    }

    #[test]
    fn the_file_lives_under_xdg_config_home_else_home_dot_config() {
        let path = |xdg: Option<&str>, home: Option<&str>| {
            default_path(xdg.map(Into::into), home.map(Into::into))
        };
        assert_eq!(
            path(Some("/x"), Some("/h")),
            Some(PathBuf::from("/x/storydiff/config.toml"))
        );
        assert_eq!(
            path(Some("rel"), Some("/h")),
            Some(PathBuf::from("/h/.config/storydiff/config.toml"))
        );
        assert_eq!(path(None, None), None);
    }
}
