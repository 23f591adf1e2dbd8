//! `path:line:col: severity[rule] message`, one line per finding; nothing when all is well.
//! The severity is a word of the run's language (`fel[...]` under `--lang sv`). A last line says
//! how many findings the baseline held, when it held any.

use std::io::{self, Write};

use super::shown;
use crate::findings::RunReport;

/// Render one line per shown finding.
pub fn render(report: &RunReport, show_info: bool, out: &mut dyn Write) -> io::Result<()> {
    for file in &report.files {
        for f in file.findings.iter().filter(|f| shown(f, show_info)) {
            let (line, column) = (f.region.line, f.region.column);
            writeln!(out, "{}:{line}:{column}: {}[{}] {}", file.path, f.severity.word(report.lang), f.rule, f.message)?;
        }
        if file.truncated > 0 {
            writeln!(out, "{}", super::truncation_note(&file.path, file.truncated, report.lang))?;
        }
    }
    if report.baselined > 0 {
        writeln!(out, "{}", super::baseline_note(report.baselined, report.lang))?;
    }
    Ok(())
}
