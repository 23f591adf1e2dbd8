//! The stable JSON document (`version` 1) described in the command-line contract.

use serde_json::{Value, json};

use super::{Counts, region};
use crate::lint::RunReport;

/// The format version; changes only on a breaking change.
pub const VERSION: u32 = 1;

/// Render the whole report as one JSON document.
pub fn render(report: &RunReport) -> String {
    let mut out = serde_json::to_string_pretty(&document(report)).unwrap_or_default();
    out.push('\n');
    out
}

/// The report as a JSON value.
pub fn document(report: &RunReport) -> Value {
    let mut findings = Vec::new();
    let mut waived = Vec::new();
    for file in &report.files {
        for f in &file.findings {
            let (line, column, end_line, end_column) = region(&file.text, f);
            findings.push(json!({
                "rule": f.rule,
                "severity": f.severity,
                "file": file.path,
                "record": file.record,
                "pointer": f.pointer,
                "line": line, "column": column, "end_line": end_line, "end_column": end_column,
                "message": f.message,
                "help": f.help,
                "references": f.references,
            }));
        }
        for w in &file.waived {
            waived.push(json!({ "rule": w.rule, "file": file.path, "reason": w.reason, "expires": w.expires }));
        }
    }
    let counts = Counts::of(report);
    json!({
        "version": VERSION,
        "tool": { "name": "rpcheck", "version": env!("CARGO_PKG_VERSION") },
        "findings": findings,
        "waived": waived,
        "summary": {
            "files": report.files.len(),
            "records": report.records(),
            "errors": counts.errors,
            "warnings": counts.warnings,
            "infos": counts.infos,
            "waived": counts.waived,
        }
    })
}
