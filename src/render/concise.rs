//! `path:line:col: severity[rule] message`, one line per finding; nothing when all is well.

use std::fmt::Write;

use super::shown;
use crate::lint::RunReport;

/// Render one line per shown finding.
pub fn render(report: &RunReport, show_info: bool) -> String {
    let mut out = String::new();
    for file in &report.files {
        let lines = crate::source::LineIndex::new(&file.text);
        for f in file.findings.iter().filter(|f| shown(f, show_info)) {
            let (line, column) = lines.line_col(f.span.start);
            let _ = writeln!(out, "{}:{line}:{column}: {}[{}] {}", file.path, f.severity.as_str(), f.rule, f.message);
        }
    }
    out
}
