//! GitLab Code Quality JSON: an array of issues that a merge request's code quality widget shows
//! (<https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format>).

use std::io::{self, Write};

use serde::Serialize;

use super::Checkout;
use crate::findings::{RunReport, Severity};

/// One Code Quality issue.
#[derive(Serialize)]
struct Issue<'a> {
    description: &'a str,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location,
}

#[derive(Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

/// GitLab's five levels: an error fails the run, so it is `major`; a warning is `minor`; info
/// is `info`. `critical` and `blocker` are left for findings worse than rpcheck's errors.
fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

/// Render the report as a Code Quality array, paths from the checkout's root (`CI_PROJECT_DIR`).
pub fn render(report: &RunReport, checkout: &Checkout, out: &mut dyn Write) -> io::Result<()> {
    let mut issues = Vec::new();
    for file in &report.files {
        let path = checkout.path(&file.path);
        let fingerprints = super::fingerprints(file, &path);
        for (finding, fingerprint) in file.findings.iter().zip(fingerprints) {
            issues.push(Issue {
                description: &finding.message,
                check_name: &finding.rule,
                fingerprint,
                severity: severity(finding.severity),
                location: Location {
                    path: path.clone(),
                    lines: Lines { begin: finding.region.line, end: finding.region.end_line },
                },
            });
        }
    }
    serde_json::to_writer_pretty(&mut *out, &issues)?;
    writeln!(out)
}
