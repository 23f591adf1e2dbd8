//! `rpcheck baseline`: write today's findings to rpcheck-baseline.toml, or prune it.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use crate::baseline::{self, Key};
use crate::error::{Error, Result};
use crate::lint::{self, Checks, LintOptions};

/// Arguments of `rpcheck baseline`.
#[derive(Debug, Args)]
pub struct BaselineArgs {
    /// Record files or folders [default: the project of the current folder]. Only the entries of
    /// the files checked are rewritten; a run over the whole project rewrites them all.
    paths: Vec<PathBuf>,
    /// Only remove entries that no longer match a finding (and lower counts to the findings
    /// left); never add one.
    #[arg(long)]
    prune: bool,
    /// Use this rpcheck.toml instead of discovering one.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Judge dates (review due, waiver expiry) as of this day, not the system date.
    #[arg(long, value_name = "YYYY-MM-DD", env = "RPCHECK_TODAY")]
    today: Option<jiff::civil::Date>,
}

impl BaselineArgs {
    /// Write (or prune) the baseline of every project the paths reach.
    pub fn run(self) -> Result<ExitCode> {
        if self.paths.iter().any(|p| p.as_os_str() == "-") {
            return Err(Error::usage("the baseline is made from record files, not standard input", None));
        }
        let options = LintOptions { config: self.config, ..LintOptions::new(self.paths, super::today(self.today)) };
        let mut checks = lint::check(&options, lint::BaselineUse::Write)?;
        let cwd = std::env::current_dir().map_err(|e| Error::io(Path::new("."), e))?;
        let mut told = Vec::new();
        for p in 0..checks.discovery.projects.len() {
            let project = &checks.discovery.projects[p];
            if project.config_path.is_none() {
                return Err(Error::usage(
                    format!("{} has no rpcheck.toml, beside which the baseline is kept", project.root.display()),
                    Some("start a project with `rpcheck init`, or name its file with --config".into()),
                ));
            }
            let whole = lint::whole_project(&options.paths, &cwd, &project.root);
            let path = project.root.join(baseline::FILE_NAME);
            let shown = crate::paths::display(&cwd, &path);
            let existing = lint::project_baseline(project)?;
            let before = existing.as_ref().map(|b| b.entries.len());
            let entries = match (self.prune, existing) {
                (true, None) => {
                    told.push(format!("{shown}: no baseline to prune"));
                    continue;
                }
                (true, Some(existing)) => pruned(&mut checks, p, &cwd, whole, &existing),
                (false, existing) => rewritten(&mut checks, p, &cwd, whole, existing.as_ref()),
            };
            std::fs::write(&path, baseline::render(&entries)).map_err(|e| Error::io(Path::new(&shown), e))?;
            let findings: usize = entries.values().sum();
            let mut line = format!("{shown}: {} entries holding {findings} findings", entries.len());
            if let (true, Some(before)) = (self.prune, before) {
                line.push_str(&format!(" ({} stale entries removed)", before.saturating_sub(entries.len())));
            }
            told.push(line);
        }
        super::write_stdout(|out| told.iter().try_for_each(|line| writeln!(out, "{line}")))?;
        Ok(ExitCode::SUCCESS)
    }
}

/// Project `p`'s baseline rewritten from its findings: the entries of the files this run
/// checked are replaced; those of other files are kept unless the run covers the whole project.
fn rewritten(
    checks: &mut Checks,
    p: usize,
    cwd: &Path,
    whole: bool,
    existing: Option<&baseline::Baseline>,
) -> BTreeMap<Key, usize> {
    let mut entries: BTreeMap<Key, usize> = BTreeMap::new();
    let mut checked = HashSet::new();
    for (name, file) in checks.project_files(p, cwd) {
        let text = file.text.as_deref().unwrap_or_default();
        for key in baseline::keys(&name, text, &file.findings) {
            *entries.entry(key).or_default() += 1;
        }
        checked.insert(name);
    }
    if !whole {
        let kept = existing.into_iter().flat_map(|b| &b.entries).filter(|e| !checked.contains(&e.key.file));
        entries.extend(kept.map(|e| (e.key.clone(), e.count)));
    }
    entries
}

/// Project `p`'s baseline without what no longer matches, as far as this run can tell.
fn pruned(
    checks: &mut Checks,
    p: usize,
    cwd: &Path,
    whole: bool,
    existing: &baseline::Baseline,
) -> BTreeMap<Key, usize> {
    let mut holding = existing.holding();
    let mut checked = HashSet::new();
    for (name, file) in checks.project_files(p, cwd) {
        let keys = baseline::keys(&name, file.text.as_deref().unwrap_or_default(), &file.findings);
        holding.hold(file.findings.clone(), &keys);
        checked.insert(name);
    }
    holding.pruned(|key| whole || checked.contains(&key.file))
}
