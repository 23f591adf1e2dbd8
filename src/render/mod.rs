//! Output formats. Each file renders a finished [`RunReport`]; none decides anything.

pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use std::io::{self, Write};

use crate::findings::RunReport;
use crate::findings::{Finding, Severity};

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

/// Write the report in `format` to `out`.
pub fn render(format: Format, report: &RunReport, style: Style, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Human => human::render(report, style, out),
        Format::Concise => concise::render(report, style.show_info, out),
        Format::Json => json::render(report, out),
        Format::Sarif => sarif::render(report, out),
        Format::Github => github::render(report, out),
    }
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
}

impl Counts {
    /// Count a whole report.
    pub fn of(report: &RunReport) -> Counts {
        let mut counts = Counts::default();
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

/// The line that says how many findings of a file were not listed.
pub fn truncation_note(path: &str, count: usize, lang: crate::findings::Lang) -> String {
    match lang {
        crate::findings::Lang::En => format!("{path}: {count} more findings not shown (max_findings_per_file)"),
        crate::findings::Lang::Sv => {
            format!("{path}: ytterligare {count} iakttagelser visas inte (max_findings_per_file)")
        }
    }
}
