//! GitHub Actions: one workflow-command annotation per finding, and a Markdown summary for the
//! job's page (GitHub shows only the first ten annotations of a kind per step; the summary
//! counts them all).

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::Checkout;
use crate::findings::{Lang, RunReport, Severity};

/// Escape data of a workflow command (the message).
fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escape a property of a workflow command (file, title).
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// Render `::error file=...::message` lines, paths from the checkout's root (`GITHUB_WORKSPACE`),
/// where GitHub looks for them.
pub fn render(report: &RunReport, checkout: &Checkout, out: &mut dyn Write) -> io::Result<()> {
    for file in &report.files {
        let path = escape_property(&checkout.path(&file.path));
        for f in &file.findings {
            let command = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let (line, col, end_line, end_col) =
                (f.region.line, f.region.column, f.region.end_line, f.region.end_column);
            writeln!(
                out,
                "::{command} file={path},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}",
                escape_property(&f.rule),
                escape_data(&f.message)
            )?;
        }
        if file.truncated > 0 {
            let note = super::truncation_note(&file.path, file.truncated, report.lang);
            writeln!(out, "::warning file={path}::{}", escape_data(&note))?;
        }
    }
    if report.baselined > 0 {
        let note = super::baseline_note(report.baselined, report.lang);
        writeln!(out, "::notice title=rpcheck baseline::{}", escape_data(&note))?;
    }
    Ok(())
}

/// Write the job summary (`GITHUB_STEP_SUMMARY`): a Markdown table of findings per rule and
/// severity, most severe first, and the totals.
pub fn summary(report: &RunReport, out: &mut dyn Write) -> io::Result<()> {
    let mut counts: BTreeMap<(std::cmp::Reverse<Severity>, &str), usize> = BTreeMap::new();
    for finding in report.files.iter().flat_map(|f| &f.findings) {
        *counts.entry((std::cmp::Reverse(finding.severity), &finding.rule)).or_default() += 1;
    }
    let totals = super::Counts::of(report);
    let sv = report.lang == Lang::Sv;
    writeln!(out, "### rpcheck")?;
    writeln!(out)?;
    let (files, errors, warnings, infos) =
        if sv { ("filer", "fel", "varningar", "info") } else { ("files", "errors", "warnings", "info") };
    writeln!(
        out,
        "{} {files}: {} {errors}, {} {warnings}, {} {infos}.",
        report.files.len(),
        totals.errors,
        totals.warnings,
        totals.infos
    )?;
    if report.baselined > 0 {
        writeln!(out)?;
        writeln!(out, "{}.", super::baseline_note(report.baselined, report.lang))?;
    }
    if counts.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    let (rule, severity, findings) = if sv { ("Regel", "Allvar", "Antal") } else { ("Rule", "Severity", "Findings") };
    writeln!(out, "| {rule} | {severity} | {findings} |")?;
    writeln!(out, "|---|---|---:|")?;
    for ((std::cmp::Reverse(level), rule), count) in counts {
        writeln!(out, "| `{rule}` | {} | {count} |", severity_word(level, sv))?;
    }
    Ok(())
}

fn severity_word(severity: Severity, sv: bool) -> &'static str {
    match (severity, sv) {
        (Severity::Error, false) => "error",
        (Severity::Warning, false) => "warning",
        (Severity::Info, false) => "info",
        (Severity::Error, true) => "fel",
        (Severity::Warning, true) => "varning",
        (Severity::Info, true) => "info",
    }
}
