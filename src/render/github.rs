//! GitHub Actions workflow commands: one annotation per finding.

use std::io::{self, Write};

use crate::findings::RunReport;
use crate::findings::Severity;

/// Escape data of a workflow command (the message).
fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escape a property of a workflow command (file, title).
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// Render `::error file=...::message` lines.
pub fn render(report: &RunReport, out: &mut dyn Write) -> io::Result<()> {
    for file in &report.files {
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
                "::{command} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}",
                escape_property(&file.path),
                escape_property(&f.rule),
                escape_data(&f.message)
            )?;
        }
        if file.truncated > 0 {
            let note = super::truncation_note(&file.path, file.truncated, report.lang);
            writeln!(out, "::warning file={}::{}", escape_property(&file.path), escape_data(&note))?;
        }
    }
    Ok(())
}
