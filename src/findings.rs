//! What a check found: the one finding type every stage produces and every renderer reads.

use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// How serious a finding is. Ordered so that `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; shown with `--show-info` and always in json and sarif.
    Info,
    /// Should be fixed; fails the run only with `--deny-warnings`.
    Warning,
    /// Must be fixed; fails the run.
    Error,
}

impl Severity {
    /// The lower-case name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// The word a person reads in `lang` ("fel", "varning", "information" in Swedish); machine
    /// formats (json, sarif, github) keep [`Severity::as_str`].
    pub fn word(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::En, _) => self.as_str(),
            (Lang::Sv, Severity::Info) => "information",
            (Lang::Sv, Severity::Warning) => "varning",
            (Lang::Sv, Severity::Error) => "fel",
        }
    }
}

/// A legal provision a rule rests on: how a lawyer cites it, and where its official text is,
/// in each language (the pack format and how it is read are in `law::reference`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The citation as written in a legal text of each language, e.g. "GDPR art. 13(2)(a)" and
    /// "artikel 13.2 a i dataskyddsförordningen".
    pub cite: Text,
    /// The official text (EUR-Lex, riksdagen.se, curia) in each language; absent where none exists
    /// online.
    pub url: Option<Text>,
}

/// A reference in one language, as every output format shows it (`cite` and `url` as strings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LocalReference<'a> {
    /// The citation.
    pub cite: &'a str,
    /// The official text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
}

impl Reference {
    /// The reference in `lang`.
    pub fn local(&self, lang: Lang) -> LocalReference<'_> {
        LocalReference { cite: self.cite.get(lang), url: self.url.as_ref().map(|u| u.get(lang)) }
    }
}

/// One problem in one record, located by JSON pointer and (once resolved) by byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule id, e.g. `gdpr/transfer-mechanism` (shared with the rule).
    pub rule: Arc<str>,
    /// Severity after overrides.
    pub severity: Severity,
    /// Where in the record, as a JSON pointer (`/transfers/0/mechanism`).
    pub pointer: String,
    /// Byte range in the record file that the finding is drawn on.
    pub span: Range<usize>,
    /// The same place as 1-based lines and columns (columns count Unicode characters).
    pub region: Region,
    /// What is wrong, in the run's language (lower-case, no trailing period).
    pub message: Arc<str>,
    /// How to fix it, in the run's language.
    pub help: Option<Arc<str>>,
    /// The legal provisions the rule rests on (shared with the rule).
    pub references: Arc<[Reference]>,
    /// The edit that certainly fixes it, where there is one.
    pub fix: Option<Fix>,
}

/// A certain fix: the text that replaces the finding's span (a misspelt key by the one meant, an
/// alpha-3 country code by its alpha-2 code). Editors apply it as a quick fix; json and sarif
/// carry it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// What the fix does, in the run's language.
    pub title: Arc<str>,
    /// The text that replaces the finding's span.
    pub replacement: String,
}

/// Where an issue should be drawn: on a value, on the key that names it, or on a span its
/// origin already knows (a syntax error has no pointer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchor {
    /// The value at the pointer (or its nearest ancestor, when missing).
    Value,
    /// The key at the pointer (an unknown key).
    Key,
    /// These bytes of the file.
    Span(Range<usize>),
}

/// A finding before it is placed on the text: rule, pointer, texts.
#[derive(Debug, Clone)]
pub struct RawFinding {
    /// The rule id.
    pub rule: Arc<str>,
    /// Severity (after cases; overrides come later).
    pub severity: Severity,
    /// Where, as a JSON pointer.
    pub pointer: String,
    /// Draw it on the key or on the value.
    pub anchor: Anchor,
    /// The message, in the run's language.
    pub message: Arc<str>,
    /// How to fix it, in the run's language.
    pub help: Arc<str>,
    /// The edit that certainly fixes it, where there is one.
    pub fix: Option<Fix>,
}

/// A place in a text as 1-based lines and columns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Region {
    /// First line.
    pub line: usize,
    /// First column, in Unicode characters.
    pub column: usize,
    /// Last line.
    pub end_line: usize,
    /// Column just past the end.
    pub end_column: usize,
}

/// A finding suppressed by a waiver in the record, kept so reports can list it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaivedFinding {
    /// The waived rule.
    pub rule: String,
    /// Why it was waived, from the waiver.
    pub reason: String,
    /// The day the waiver ends, `YYYY-MM-DD`.
    pub expires: Option<String>,
}

/// Everything one file yielded: its findings and its waived findings.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The file's path as shown to the user (relative to the current folder when below it).
    pub path: String,
    /// The file's text, kept only for output that draws the source (human).
    pub text: Option<std::sync::Arc<str>>,
    /// The record's id, when the file could be read far enough to know it.
    pub record: Option<String>,
    /// Findings, sorted by position then rule.
    pub findings: Vec<Finding>,
    /// Findings suppressed by waivers.
    pub waived: Vec<WaivedFinding>,
    /// Findings beyond the per-file limit, counted but not listed.
    pub truncated: usize,
}

impl FileReport {
    /// Sort findings by position, then rule id, so output is deterministic.
    pub fn sort(&mut self) {
        self.findings.sort_by(|a, b| (a.span.start, &a.rule, &a.pointer).cmp(&(b.span.start, &b.rule, &b.pointer)));
    }
}

/// Everything a run found, ready to render.
pub struct RunReport {
    /// One report per file, sorted by path.
    pub files: Vec<FileReport>,
    /// The language the messages are in.
    pub lang: Lang,
    /// Every rule of the run's projects by id, for formats that list them (SARIF).
    pub rules: std::collections::BTreeMap<Arc<str>, RuleDoc>,
    /// Findings the projects' baselines (`rpcheck-baseline.toml`) held back, not listed.
    pub baselined: usize,
}

impl RunReport {
    /// Number of files that held a record with an id.
    pub fn records(&self) -> usize {
        self.files.iter().filter(|f| f.record.is_some()).count()
    }
}

/// What a reader is told about a rule (its texts and law), without how it is checked.
#[derive(Debug, Clone)]
pub struct RuleDoc {
    /// Stable id `pack/slug`.
    pub id: Arc<str>,
    /// Default severity.
    pub severity: Severity,
    /// Short title.
    pub title: Text,
    /// How to fix.
    pub help: Text,
    /// The law in plain words.
    pub why: Text,
    /// Provisions it rests on.
    pub references: Arc<[Reference]>,
}

/// The language of messages, titles and help.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Swedish.
    Sv,
}

/// A text in both languages the product speaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// English.
    pub en: Arc<str>,
    /// Swedish.
    pub sv: Arc<str>,
}

impl Text {
    /// Both languages at once.
    pub fn new(en: impl Into<String>, sv: impl Into<String>) -> Self {
        Text { en: en.into().into(), sv: sv.into().into() }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        self.shared(lang)
    }

    /// The text in `lang`, shared rather than copied (findings hold many of the same texts).
    pub fn shared(&self, lang: Lang) -> &Arc<str> {
        match lang {
            Lang::En => &self.en,
            Lang::Sv => &self.sv,
        }
    }
}
