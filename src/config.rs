//! `rpcheck.toml`: the project's shared controller, file selection, packs, overrides, defaults.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::findings::Lang;
use crate::model::Controller;

/// The name of the project file.
pub const FILE_NAME: &str = "rpcheck.toml";

/// A rule's level as set in `[rules]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The rule does not run.
    Off,
    /// Reported as info.
    Info,
    /// Reported as warning.
    Warning,
    /// Reported as error.
    Error,
}

/// `rpcheck.toml` as written; every field optional, unknown keys rejected.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Controller facts every record below inherits, key by key.
    #[serde(default)]
    pub controller: Option<Controller>,
    /// Globs (relative to this file's folder) of records to check; default `**/*.toml`.
    #[serde(default)]
    pub include: Option<Vec<String>>,
    /// Globs of files to skip.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Default language of messages.
    #[serde(default)]
    pub lang: Option<Lang>,
    /// Months between reviews when a record names none (default 12).
    #[serde(default)]
    pub review_interval_months: Option<u32>,
    /// Extra rule packs, relative to this file's folder.
    #[serde(default)]
    pub policies: Vec<PathBuf>,
    /// Record files larger than this many bytes are not parsed (default 10 MiB).
    #[serde(default)]
    pub max_file_bytes: Option<u64>,
    /// Findings listed per file at most; the rest are counted (default 200).
    #[serde(default)]
    pub max_findings_per_file: Option<usize>,
    /// Severity overrides by rule id.
    #[serde(default)]
    pub rules: BTreeMap<String, Level>,
    /// A folder (relative to this file's folder) whose templates override the built-in ones of
    /// the generated documents (`notice.md`, `notice.html`, ...).
    #[serde(default)]
    pub notice_templates: Option<PathBuf>,
}

impl Config {
    /// Read and check a project file; any problem is fatal.
    pub fn load(path: &Path) -> Result<Config> {
        let shown = crate::paths::shown_path(path);
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(&shown, e))?;
        Config::parse(&shown, &text)
    }

    /// Parse a project file's text.
    pub fn parse(path: &Path, text: &str) -> Result<Config> {
        toml::from_str(text).map_err(|e| {
            let help = unknown_field_help(e.message());
            Error::invalid_file("invalid configuration", path, text, e.span(), e.message().trim().to_string(), help)
        })
    }
}

fn unknown_field_help(message: &str) -> Option<String> {
    let (_, rest) = message.split_once("unknown field `")?;
    let (field, rest) = rest.split_once('`')?;
    let expected: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
    crate::schema_check::did_you_mean(field, expected.iter().copied()).map(|b| format!("did you mean `{b}`?"))
}
