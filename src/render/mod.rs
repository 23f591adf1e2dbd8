//! Output formats. Each file renders a finished [`RunReport`]; none decides anything.

pub mod concise;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod sarif;

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::findings::{FileReport, Finding, RunReport, Severity};

/// The output formats `lint --format` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Drawn diagnostics with the source, labels, help and legal references.
    Human,
    /// One line per finding: `path:line:col: severity[rule] message`.
    Concise,
    /// The stable JSON document (version 1).
    Json,
    /// SARIF 2.1.0 for code-scanning tools.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// GitLab Code Quality JSON (a merge request's code quality widget).
    Gitlab,
}

/// How to draw human output.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Use colour.
    pub color: bool,
    /// Line width to wrap at.
    pub width: usize,
    /// Show info findings.
    pub show_info: bool,
}

/// Write the report in `format` to `out`; the CI formats name files from `checkout`'s root.
pub fn render(
    format: Format,
    report: &RunReport,
    style: Style,
    checkout: &Checkout,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Human => human::render(report, style, out),
        Format::Concise => concise::render(report, style.show_info, out),
        Format::Json => json::render(report, out),
        Format::Sarif => sarif::render(report, checkout, out),
        Format::Github => github::render(report, checkout, out),
        Format::Gitlab => gitlab::render(report, checkout, out),
    }
}

impl Format {
    /// Whether the format needs the files' text: to draw it, or to name findings' places by keys.
    pub fn keeps_source(self) -> bool {
        matches!(self, Format::Human | Format::Sarif | Format::Gitlab)
    }
}

/// Where a run's files lie, so that the CI formats name them from the root of the checkout
/// (CI runs rpcheck from any folder of it), not from the current folder.
#[derive(Debug, Clone)]
pub struct Checkout {
    cwd: PathBuf,
    root: PathBuf,
}

/// A file's place as the CI formats name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// Below the checkout's root: the path from it, with `/`.
    Inside(String),
    /// Elsewhere: the absolute path.
    Outside(PathBuf),
}

impl Checkout {
    /// The checkout CI names (`GITHUB_WORKSPACE`, else GitLab's `CI_PROJECT_DIR`), else the
    /// current folder.
    pub fn from_env() -> io::Result<Checkout> {
        let cwd = std::env::current_dir()?;
        let named = ["GITHUB_WORKSPACE", "CI_PROJECT_DIR"]
            .iter()
            .find_map(|var| std::env::var_os(var).filter(|v| !v.is_empty()));
        let root = named.map_or_else(|| cwd.clone(), |root| cwd.join(root));
        Ok(Checkout::at(cwd, root))
    }

    /// A checkout at `root`, seen from the folder `cwd` (both absolute).
    pub fn at(cwd: PathBuf, root: PathBuf) -> Checkout {
        Checkout { cwd, root }
    }

    /// The root's absolute path.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where the file shown as `shown` (relative to the current folder, or absolute) lies.
    pub fn place(&self, shown: &str) -> Place {
        let from_root = crate::paths::display(&self.root, &self.cwd.join(shown));
        if Path::new(&from_root).is_absolute() {
            Place::Outside(PathBuf::from(from_root))
        } else {
            Place::Inside(from_root.replace('\\', "/"))
        }
    }

    /// The file's path as the CI formats print it: from the root, or absolute.
    pub fn path(&self, shown: &str) -> String {
        match self.place(shown) {
            Place::Inside(path) => path,
            Place::Outside(path) => path.display().to_string(),
        }
    }
}

/// One fingerprint per finding of `file`, in order: rule, path and the place by keys
/// (`location::location_key`), stable when lines move or entries are reordered. The
/// second and later findings with the same key get ` #2`, ` #3`..., so each stays unique.
pub fn fingerprints(file: &FileReport, path: &str) -> Vec<String> {
    let record = file
        .text
        .as_deref()
        .and_then(|text| crate::source::parse(text).ok())
        .map_or(serde_json::Value::Null, |doc| doc.value);
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    file.findings
        .iter()
        .map(|finding| {
            let key = format!("{}:{path}:{}", finding.rule, crate::location::location_key(&finding.pointer, &record));
            let count = seen.entry(key.clone()).or_default();
            *count += 1;
            if *count == 1 { key } else { format!("{key} #{count}") }
        })
        .collect()
}

/// Counts of findings by severity across a report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Error findings.
    pub errors: usize,
    /// Warning findings.
    pub warnings: usize,
    /// Info findings.
    pub infos: usize,
    /// Waived findings.
    pub waived: usize,
    /// Findings beyond the per-file limit, not listed.
    pub truncated: usize,
    /// Findings the baseline held back, not listed.
    pub baselined: usize,
}

impl Counts {
    /// Count a whole report.
    pub fn of(report: &RunReport) -> Counts {
        let mut counts = Counts { baselined: report.baselined, ..Counts::default() };
        for file in &report.files {
            counts.waived += file.waived.len();
            counts.truncated += file.truncated;
            for finding in &file.findings {
                match finding.severity {
                    Severity::Error => counts.errors += 1,
                    Severity::Warning => counts.warnings += 1,
                    Severity::Info => counts.infos += 1,
                }
            }
        }
        counts
    }
}

/// Whether a finding is shown in the text formats.
pub fn shown(finding: &Finding, show_info: bool) -> bool {
    show_info || finding.severity > Severity::Info
}

/// The line that says how many findings the baseline held back, for the formats that print lines.
pub fn baseline_note(count: usize, lang: crate::findings::Lang) -> String {
    let file = crate::config::BASELINE_FILE_NAME;
    match lang {
        crate::findings::Lang::En => {
            format!("{count} findings held by the baseline ({file}); --no-baseline shows them")
        }
        crate::findings::Lang::Sv => {
            format!("{count} iakttagelser hålls tillbaka av baslinjen ({file}); --no-baseline visar dem")
        }
    }
}

/// The line that says how many findings of a file were not listed.
pub fn truncation_note(path: &str, count: usize, lang: crate::findings::Lang) -> String {
    match lang {
        crate::findings::Lang::En => format!("{path}: {count} more findings not shown (max_findings_per_file)"),
        crate::findings::Lang::Sv => {
            format!("{path}: ytterligare {count} iakttagelser visas inte (max_findings_per_file)")
        }
    }
}
