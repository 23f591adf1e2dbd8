//! A whole lint run: discover files, check each (in parallel), then what spans files.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use jiff::civil::Date;
use rayon::prelude::*;

use crate::config::Overrides;
use crate::engine::{Engine, Located, Settings};
use crate::error::Result;
use crate::findings::Anchor;
use crate::findings::{FileReport, Lang, RunReport};
use crate::policy::Policy;
use crate::project::{Discovery, Input, Project};
use crate::schema_check::SchemaCheck;
use crate::source;
use crate::source::read::Content;

/// Findings shown per file at most; the rest are counted, not listed.
pub const DEFAULT_MAX_FINDINGS: usize = 200;

/// What the command line asks of a run.
#[derive(Debug, Clone)]
pub struct LintOptions {
    /// Files and folders; empty means the project of the current folder.
    pub paths: Vec<PathBuf>,
    /// An rpcheck.toml to use instead of discovering one.
    pub config: Option<PathBuf>,
    /// The name to report standard input under.
    pub stdin_filename: Option<PathBuf>,
    /// Language from the command line (wins over rpcheck.toml).
    pub lang: Option<Lang>,
    /// The day dates are judged by.
    pub today: Date,
    /// Keep each file's text for output that draws the source.
    pub keep_source: bool,
    /// Apply include/exclude to files named explicitly too.
    pub force_exclude: bool,
}

/// Per-project state built once: rules, overrides, inherited controller (the language server
/// keeps one per project, so its findings equal `lint`'s).
pub struct Prepared {
    policy: Policy,
    overrides: Overrides,
    controller: Option<serde_json::Value>,
    lang: Lang,
    review_months: u32,
    max_file_bytes: u64,
    max_findings: usize,
}

/// Load a project's packs and settings; `lang` (from the command line) wins over rpcheck.toml.
pub fn prepare(project: &Project, lang: Option<Lang>) -> Result<Prepared> {
    let policy = Policy::load(project.pack_paths())?;
    let config = &project.config;
    let overrides = Overrides::new(config.rules.clone());
    if let Some(unknown) = overrides.rule_ids().find(|id| policy.rule(id).is_none()) {
        let ids = policy.rules.iter().map(|r| &*r.id);
        let help = crate::schema_check::did_you_mean(unknown, ids).map(|b| format!("did you mean `{b}`?"));
        let pointer = format!("/rules/{}", source::escape_segment(unknown));
        return Err(config.error_at(&pointer, format!("unknown rule `{unknown}`"), help));
    }
    Ok(Prepared {
        overrides,
        controller: config.controller.as_ref().and_then(|c| serde_json::to_value(c).ok()),
        lang: lang.or(config.lang).unwrap_or_default(),
        review_months: config.review_interval_months.unwrap_or(12),
        max_file_bytes: config.max_file_bytes.unwrap_or(source::read::DEFAULT_MAX_FILE_BYTES),
        max_findings: config.max_findings_per_file.unwrap_or(DEFAULT_MAX_FINDINGS),
        policy,
    })
}

impl Prepared {
    /// The engine that judges this project's records as of `today`.
    pub fn engine<'a>(&'a self, schema: &'a SchemaCheck, today: Date) -> Engine<'a> {
        let settings = Settings {
            lang: self.lang,
            today,
            default_review_months: self.review_months,
            overrides: &self.overrides,
            controller: self.controller.as_ref(),
        };
        Engine::new(&self.policy, schema, settings)
    }

    /// The rules and packs.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// Findings shown per file at most.
    pub fn max_findings(&self) -> usize {
        self.max_findings
    }

    /// The language of messages.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Files larger than this are not parsed.
    pub fn max_file_bytes(&self) -> u64 {
        self.max_file_bytes
    }
}

/// Check every record the options name.
pub fn run(options: &LintOptions) -> Result<RunReport> {
    let discovery = Discovery::new(
        &options.paths,
        options.config.as_deref(),
        options.stdin_filename.as_deref(),
        options.force_exclude,
    )?;
    let prepared: Vec<Prepared> = discovery.projects.iter().map(|p| prepare(p, options.lang)).collect::<Result<_>>()?;
    let schema = SchemaCheck::record();
    let lang = options.lang.or_else(|| prepared.first().map(|p| p.lang)).unwrap_or_default();
    let engines: Vec<Engine<'_>> = prepared.iter().map(|p| p.engine(&schema, options.today)).collect();
    let (mut files, ids): (Vec<FileReport>, Vec<IdAt>) = discovery
        .inputs
        .par_iter()
        .map(|input| {
            let p = &prepared[input.project];
            let content = source::read::read(&input.path, &input.display, p.max_file_bytes)?;
            Ok(check_file(&engines[input.project], input, content, options.keep_source, p.max_findings))
        })
        .collect::<Result<Vec<_>>>()?
        .into_iter()
        .unzip();
    duplicate_ids(&engines, &discovery.inputs, &ids, &mut files);
    drop(engines);
    let mut rules = BTreeMap::new();
    for rule in prepared.iter().flat_map(|p| &p.policy.rules) {
        rules.entry(rule.id.clone()).or_insert_with(|| rule.doc());
    }
    Ok(RunReport { files, lang, rules })
}

fn check_file(
    engine: &Engine<'_>,
    input: &Input,
    content: Content,
    keep_source: bool,
    max_findings: usize,
) -> (FileReport, IdAt) {
    let (text, checked) = engine.check_content(content);
    let mut report = FileReport {
        path: input.display.clone(),
        text: keep_source.then_some(text),
        record: checked.record,
        findings: checked.findings,
        waived: checked.waived,
        truncated: 0,
    };
    report.sort();
    if report.findings.len() > max_findings {
        report.truncated = report.findings.len() - max_findings;
        report.findings.truncate(max_findings);
    }
    (report, checked.id_at)
}

/// Where a file's record id stands.
type IdAt = Option<Located>;

/// Two files of one run with the same record id: each later one gets `record/duplicate-id`.
fn duplicate_ids(engines: &[Engine<'_>], inputs: &[Input], ids: &[IdAt], files: &mut [FileReport]) {
    let mut first: HashMap<String, String> = HashMap::new();
    for ((file, input), id_at) in files.iter_mut().zip(inputs).zip(ids) {
        let (Some(id), Some(at)) = (file.record.clone(), id_at) else { continue };
        let Some(other) = first.get(&id) else {
            first.insert(id, file.path.clone());
            continue;
        };
        if let Some(finding) = duplicate_id(&engines[input.project], &id, other, at) {
            file.findings.push(finding);
            file.sort();
        }
    }
}

/// The `record/duplicate-id` finding of a record whose id `id` (standing at `at`) the file shown
/// as `other` already uses; `None` when rpcheck.toml turns the rule off.
pub fn duplicate_id(engine: &Engine<'_>, id: &str, other: &str, at: &Located) -> Option<crate::findings::Finding> {
    let vars = [("id", id.to_string()), ("other", other.to_string())];
    let raw = engine.worded_finding("record/duplicate-id", "across-files", "/id".into(), Anchor::Value, &vars);
    engine.cross_file_finding(raw, at)
}
