//! `rpcheck.toml`: the project's shared controller, file selection, packs, overrides, defaults.
//! As strict as a record: its JSON Schema is generated from these types, every violation is
//! reported at its place, and any problem stops the run.

mod extend;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Problem, Result};
use crate::findings::{Lang, RawFinding, Severity};
use crate::model::Controller;
use crate::policy::Policy;
use crate::schema_check::{SchemaCheck, SchemaIssue};
use crate::source;

/// The name of the project file.
pub const FILE_NAME: &str = "rpcheck.toml";

/// The name of the project's baseline, beside rpcheck.toml at the project root (read and
/// written by `baseline`; named here, with the project file, for the stages that only need to
/// tell it apart from records).
pub const BASELINE_FILE_NAME: &str = "rpcheck-baseline.toml";

/// A rule's level as set in `[rules]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
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

/// `rpcheck.toml`, the project file: every field optional, unknown keys rejected.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "rpcheck project file (rpcheck.toml)")]
pub struct Config {
    /// Another rpcheck.toml (a file of that name), relative to this file's folder, e.g.
    /// "../rpcheck.toml", whose settings this file inherits key by key (`[controller]` and
    /// `[rules]` entry by entry); what this file sets wins. Lists (`include`, `exclude`,
    /// `policies`) replace the inherited ones whole, and every path or glob stays relative to the
    /// file that writes it. Without `extend`, the nearest rpcheck.toml replaces every one further
    /// out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extend: Option<PathBuf>,
    /// Default language of messages: "en" or "sv".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    /// Months between reviews of a record when the record names none (default 12).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 120))]
    pub review_interval_months: Option<u32>,
    /// Globs, relative to this file's folder, of the records to check; every matched file is a
    /// record. Without it, a `.toml` file is a record when it declares `schema_version` or its
    /// `#:schema` line names record.schema.json.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub include: Option<Vec<String>>,
    /// Globs, relative to this file's folder, of files to skip.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude: Vec<String>,
    /// Your own rule packs (same format as the built-in ones), relative to this file's folder.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub policies: Vec<PathBuf>,
    /// Record files larger than this many bytes are not parsed (default 10 MiB).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 1_073_741_824))]
    pub max_file_bytes: Option<u64>,
    /// Findings listed per file at most; the rest are counted (default 200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(max = 1_000_000))]
    pub max_findings_per_file: Option<usize>,
    /// Controller facts every record below inherits, key by key (a record's own win).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub controller: Option<Controller>,
    /// Severity overrides by rule id: "off", "info", "warning" or "error".
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rules: BTreeMap<String, Level>,
    /// A folder (relative to this file's folder) whose templates override the built-in ones of
    /// the generated documents (`notice.md`, `notice.html`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_templates: Option<PathBuf>,
    /// The folder, relative to this file's, that `include` is relative to (another when inherited).
    #[serde(skip)]
    #[schemars(skip)]
    include_base: PathBuf,
    /// The folder, relative to this file's, that `exclude` is relative to (another when inherited).
    #[serde(skip)]
    #[schemars(skip)]
    exclude_base: PathBuf,
    /// The top-level keys the file (or a file it extends) sets, to tell an empty list from none.
    #[serde(skip)]
    #[schemars(skip)]
    keys: BTreeSet<String>,
    /// Where this configuration was read from, this file first and then those it extends, for
    /// errors found after parsing.
    #[serde(skip)]
    #[schemars(skip)]
    origins: Vec<Arc<Origin>>,
}

/// A project file's path and text, kept to point later errors (unknown rule ids, bad globs)
/// at their place.
#[derive(Debug)]
struct Origin {
    /// As shown to the user.
    path: PathBuf,
    /// Absolute, with `.` and `..` resolved: the file's identity.
    absolute: PathBuf,
    text: String,
}

impl Config {
    /// Read and check a project file and the files it extends; any problem is fatal.
    pub fn load(path: &Path) -> Result<Config> {
        extend::load(path)
    }

    /// Read and check one project file, without following `extend`.
    fn load_one(path: &Path) -> Result<Config> {
        let shown = crate::paths::shown_path(path);
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(&shown, e))?;
        let absolute = std::path::absolute(path).map_err(|e| Error::io(&shown, e))?;
        Config::parse_file(&shown, crate::paths::normalise(&absolute), &text)
    }

    /// Parse a project file's text: TOML syntax, then the schema (every violation at its place,
    /// with a did-you-mean for unknown keys), then the types.
    pub fn parse(path: &Path, text: &str) -> Result<Config> {
        Config::parse_file(path, path.to_path_buf(), text)
    }

    /// [`Config::parse`] of the file at `absolute`, shown as `path`.
    fn parse_file(path: &Path, absolute: PathBuf, text: &str) -> Result<Config> {
        let invalid = |problems| Error::invalid_file_all("invalid configuration", path, text, problems);
        let doc = source::parse(text).map_err(|errors| {
            invalid(errors.into_iter().map(|e| Problem::new(Some(e.span), e.message, None)).collect())
        })?;
        let problems = schema_problems(&doc, SchemaCheck::new(config_schema()).check(&doc.value))?;
        if !problems.is_empty() {
            return Err(invalid(problems));
        }
        let mut config = Config::deserialize(&doc.value)
            .map_err(|e| invalid(vec![Problem::new(None, format!("cannot read the configuration: {e}"), None)]))?;
        config.keys = doc.value.as_object().map(|keys| keys.keys().cloned().collect()).unwrap_or_default();
        let origin = Origin { path: path.to_path_buf(), absolute, text: text.to_string() };
        config.origins = vec![Arc::new(origin)];
        Ok(config)
    }

    /// An error about the value at `pointer` (drawn on its key when it has one), in the file
    /// of the chain that sets it: this one, or one it extends.
    pub fn error_at(&self, pointer: &str, message: impl Into<String>, help: Option<String>) -> Error {
        let sets =
            |origin: &&Arc<Origin>| source::parse(&origin.text).is_ok_and(|doc| doc.value.pointer(pointer).is_some());
        let Some(origin) = self.origins.iter().find(sets).or(self.origins.first()) else {
            return Error::usage(message, help);
        };
        let doc = source::parse(&origin.text).ok();
        let span = doc.map(|d| d.key_span(pointer).unwrap_or_else(|| d.span_of(pointer)));
        Error::invalid_file("invalid configuration", &origin.path, &origin.text, span, message, help)
    }

    /// The folders, relative to this file's, that `include` and `exclude` are relative to: this
    /// file's own, or that of the file it inherited the list from.
    pub fn glob_bases(&self) -> (&Path, &Path) {
        (&self.include_base, &self.exclude_base)
    }

    /// The files this configuration was read from (absolute): this one first, then the files it
    /// extends, nearest first.
    pub fn files(&self) -> impl Iterator<Item = &Path> {
        self.origins.iter().map(|o| o.absolute.as_path())
    }
}

/// Severity overrides, applied at one choke point for every finding.
#[derive(Debug, Clone, Default)]
pub struct Overrides(BTreeMap<String, Level>);

impl Overrides {
    /// Overrides from `[rules]`.
    pub fn new(rules: BTreeMap<String, Level>) -> Self {
        Overrides(rules)
    }

    /// Drop findings of rules turned off, and set the severity of the others.
    pub fn apply(&self, findings: Vec<RawFinding>) -> Vec<RawFinding> {
        if self.0.is_empty() {
            return findings;
        }
        findings
            .into_iter()
            .filter_map(|mut f| {
                match self.0.get(&*f.rule) {
                    Some(Level::Off) => return None,
                    Some(Level::Info) => f.severity = Severity::Info,
                    Some(Level::Warning) => f.severity = Severity::Warning,
                    Some(Level::Error) => f.severity = Severity::Error,
                    None => {}
                }
                Some(f)
            })
            .collect()
    }

    /// The rule ids the overrides name.
    pub fn rule_ids(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }
}

/// The schema violations of a file the user writes beside the records (rpcheck.toml, the
/// baseline), as problems at their places in file order, worded like a record's by the built-in
/// record pack. The project's language is not known before its file is read, so in English.
pub(crate) fn schema_problems(doc: &source::Document<'_>, issues: Vec<SchemaIssue>) -> Result<Vec<Problem>> {
    if issues.is_empty() {
        return Ok(Vec::new());
    }
    let words = Policy::load(&[])?;
    let mut problems: Vec<Problem> = issues
        .into_iter()
        .map(|issue| {
            let worded = words.schema_issue(&issue, Lang::En);
            let key = matches!(issue.anchor, crate::findings::Anchor::Key).then(|| doc.key_span(&issue.pointer));
            let span = key.flatten().unwrap_or_else(|| doc.span_of(&issue.pointer));
            let help = issue.help.map(|_| worded.help.to_string());
            Problem::new(Some(span), worded.message.to_string(), help)
        })
        .collect();
    problems.sort_by_key(Problem::start);
    Ok(problems)
}

/// The JSON Schema of `rpcheck.toml`, as committed in `schema/rpcheck.schema.json`.
pub fn config_schema() -> serde_json::Value {
    crate::model::schema_for::<Config>()
}
