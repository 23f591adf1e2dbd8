//! A whole lint run: discover files, check each (in parallel), then what spans files.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use rayon::prelude::*;

use crate::baseline::{self, Baseline};
use crate::config::Overrides;
use crate::engine::{Engine, Located, Settings};
use crate::error::Result;
use crate::findings::{Anchor, FileReport, Finding, Lang, RunReport};
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

impl LintOptions {
    /// A plain run over `paths` as of `today`: the discovered configuration and its language,
    /// no standard input, no source kept, files named explicitly checked as named.
    pub fn new(paths: Vec<PathBuf>, today: Date) -> Self {
        LintOptions {
            paths,
            config: None,
            stdin_filename: None,
            lang: None,
            today,
            keep_source: false,
            force_exclude: false,
        }
    }
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

/// Whether a run holds back the findings of each project's `rpcheck-baseline.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaselineUse {
    /// Report every finding (documents, `--no-baseline`).
    Ignore,
    /// Hold back what the baselines hold and report their stale entries (`lint`).
    Apply,
    /// Report every finding, each file with findings keeping its text, from which the baseline
    /// names their places (`rpcheck baseline`).
    Write,
}

/// Today's date in UTC, unless the command line or RPCHECK_TODAY names another day.
pub fn today(given: Option<jiff::civil::Date>) -> jiff::civil::Date {
    given.unwrap_or_else(|| jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC).date())
}

/// Check every record the options name, reporting every finding.
pub fn run(options: &LintOptions) -> Result<RunReport> {
    run_with(options, BaselineUse::Ignore)
}

/// Check every record the options name; with [`BaselineUse::Apply`], without the findings the
/// projects' baselines hold.
pub fn run_with(options: &LintOptions, baseline: BaselineUse) -> Result<RunReport> {
    let mut checks = check(options, baseline)?;
    let (baselined, stale) = match baseline {
        BaselineUse::Apply => apply_baselines(&mut checks, options)?,
        BaselineUse::Ignore | BaselineUse::Write => (0, Vec::new()),
    };
    let Checks { discovery, prepared, mut files, lang, .. } = checks;
    for (file, input) in files.iter_mut().zip(&discovery.inputs) {
        limit(file, prepared[input.project].max_findings, options.keep_source);
    }
    if !stale.is_empty() {
        files.extend(stale);
        files.sort_by(|a, b| a.path.cmp(&b.path));
    }
    let mut rules = BTreeMap::new();
    for rule in prepared.iter().flat_map(|p| &p.policy.rules) {
        rules.entry(rule.id.clone()).or_insert_with(|| rule.doc());
    }
    Ok(RunReport { files, lang, rules, baselined })
}

/// A run's files checked, before baselines and the per-file limit: every finding, each file's text.
pub(crate) struct Checks {
    /// The projects and files.
    pub discovery: Discovery,
    /// Each project's rules and settings, by the index of [`Discovery::projects`].
    pub prepared: Vec<Prepared>,
    /// One report per input, in the order of [`Discovery::inputs`], with its text where the
    /// output draws it or the file has findings (whose places the baseline names from it).
    pub files: Vec<FileReport>,
    /// The language of messages.
    pub lang: Lang,
    /// The compiled record schema, for the engines made after the check (the baseline's).
    pub schema: SchemaCheck,
}

/// Check every record the options name and keep all they yield (for the baseline, which must
/// see every finding). A file with findings keeps its text where `baseline` will name their
/// places: in every project when writing, in projects that have a baseline when applying.
pub(crate) fn check(options: &LintOptions, baseline: BaselineUse) -> Result<Checks> {
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
    let named: Vec<bool> = discovery.projects.iter().map(|p| names_places(baseline, p)).collect();
    let (mut files, ids): (Vec<FileReport>, Vec<IdAt>) = discovery
        .inputs
        .par_iter()
        .map(|input| {
            let p = &prepared[input.project];
            let content = source::read::read(&input.path, &input.display, p.max_file_bytes)?;
            let keep = Keep { source: options.keep_source, if_findings: named[input.project] };
            Ok(check_file(&engines[input.project], input, content, keep))
        })
        .collect::<Result<Vec<_>>>()?
        .into_iter()
        .unzip();
    duplicate_ids(&engines, &discovery.inputs, &ids, &mut files);
    drop(engines);
    Ok(Checks { discovery, prepared, files, lang, schema })
}

impl Checks {
    /// The files of project `p` (an index of [`Discovery::projects`]), each with its path as the
    /// baseline names it: from the project root, with `/`.
    pub fn project_files<'a>(
        &'a mut self,
        p: usize,
        cwd: &'a Path,
    ) -> impl Iterator<Item = (String, &'a mut FileReport)> + 'a {
        let root = &self.discovery.projects[p].root;
        let files = self.files.iter_mut().zip(&self.discovery.inputs);
        files
            .filter(move |(_, input)| input.project == p)
            .map(move |(file, input)| (baseline::record_path(root, &input_path(cwd, input)), file))
    }
}

/// Whether a baseline will name the places of a project's findings from their files' texts.
fn names_places(baseline: BaselineUse, project: &Project) -> bool {
    match baseline {
        BaselineUse::Ignore => false,
        BaselineUse::Apply => project.config_path.is_some() && project.root.join(baseline::FILE_NAME).is_file(),
        BaselineUse::Write => true,
    }
}

/// Which files' texts a run keeps: every file's for output that draws them, and a file's with
/// findings where a baseline names their places.
#[derive(Clone, Copy)]
struct Keep {
    source: bool,
    if_findings: bool,
}

fn check_file(engine: &Engine<'_>, input: &Input, content: Content, keep: Keep) -> (FileReport, IdAt) {
    let (text, checked) = engine.check_content(content);
    // Any other text is dropped at once, so a large run does not hold every record. Should a clean
    // file get a `record/duplicate-id` finding later, its place `/id` is named `id` all the same.
    let keep = keep.source || (keep.if_findings && !checked.findings.is_empty());
    let mut report = FileReport {
        path: input.display.clone(),
        text: keep.then_some(text),
        record: checked.record,
        findings: checked.findings,
        waived: checked.waived,
        truncated: 0,
    };
    report.sort();
    (report, checked.id_at)
}

/// List at most `max` findings of a file (count the rest), and keep its text only when asked.
fn limit(report: &mut FileReport, max: usize, keep_source: bool) {
    if report.findings.len() > max {
        report.truncated = report.findings.len() - max;
        report.findings.truncate(max);
    }
    if !keep_source {
        report.text = None;
    }
}

/// In each project with a baseline, hold back the findings it holds; return how many it held,
/// and a report on each baseline with stale entries (drawn on the baseline file).
fn apply_baselines(checks: &mut Checks, options: &LintOptions) -> Result<(usize, Vec<FileReport>)> {
    let cwd = std::env::current_dir().map_err(|e| crate::error::Error::io(Path::new("."), e))?;
    let (mut held, mut reports) = (0, Vec::new());
    for p in 0..checks.discovery.projects.len() {
        let Some(baseline) = project_baseline(&checks.discovery.projects[p])? else { continue };
        let mut holding = baseline.holding();
        let mut checked = HashSet::new();
        for (name, file) in checks.project_files(p, &cwd) {
            // Naming places parses the record again: only worth it where there is a finding.
            if !file.findings.is_empty() {
                let keys = baseline::keys(&name, file.text.as_deref().unwrap_or_default(), &file.findings);
                file.findings = holding.hold(std::mem::take(&mut file.findings), &keys);
            }
            checked.insert(name);
        }
        held += holding.held();
        let whole = whole_project(&options.paths, &cwd, &checks.discovery.projects[p].root);
        let engine = checks.prepared[p].engine(&checks.schema, options.today);
        let stale = holding.stale(|key| whole || checked.contains(&key.file));
        let findings: Vec<Finding> = stale.into_iter().filter_map(|i| baseline.stale_finding(&engine, i)).collect();
        if !findings.is_empty() {
            reports.push(FileReport {
                path: crate::paths::display(&cwd, &baseline.path),
                text: options.keep_source.then(|| baseline.text.clone()),
                record: None,
                findings,
                waived: Vec::new(),
                truncated: 0,
            });
        }
    }
    Ok((held, reports))
}

/// The baseline of a project with an rpcheck.toml, if it has one (a folder with no project file
/// has no root to keep one at).
pub(crate) fn project_baseline(project: &Project) -> Result<Option<Baseline>> {
    match project.config_path {
        Some(_) => Baseline::load(&project.root),
        None => Ok(None),
    }
}

/// Where an input's file is (standard input: where its `--stdin-filename` names).
pub fn input_path(cwd: &Path, input: &Input) -> PathBuf {
    if input.path.as_os_str() == "-" { cwd.join(&input.display) } else { input.path.clone() }
}

/// Whether a run over `paths` checks the whole project at `root`: no paths (the project of the
/// current folder is walked), or a folder at or above the root among them. Only such a run can
/// tell that an entry for a file it did not check is stale.
pub fn whole_project(paths: &[PathBuf], cwd: &Path, root: &Path) -> bool {
    let canonical = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let root = canonical(root);
    paths.is_empty() || paths.iter().map(|p| cwd.join(p)).any(|p| p.is_dir() && root.starts_with(canonical(&p)))
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
pub fn duplicate_id(engine: &Engine<'_>, id: &str, other: &str, at: &Located) -> Option<Finding> {
    let vars = [("id", id.to_string()), ("other", other.to_string())];
    let raw = engine.worded_finding("record/duplicate-id", "across-files", "/id".into(), Anchor::Value, &vars);
    engine.cross_file_finding(raw, at)
}
