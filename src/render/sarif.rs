//! SARIF 2.1.0: one run, every rule in `tool.driver.rules` with its texts from the pack entry,
//! one result per finding.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::findings::{Lang, Severity};
use crate::lint::RunReport;
use crate::policy::Rule;

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Percent-encode a relative path into a URI reference (RFC 3986), keeping `/`.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.replace('\\', "/").bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn descriptor(rule: &Rule, lang: Lang) -> Value {
    let mut d = json!({
        "id": rule.id,
        "name": rule.id.replace('/', "-"),
        "shortDescription": { "text": rule.title.get(lang) },
        "fullDescription": { "text": rule.why.get(lang) },
        "help": { "text": rule.help.get(lang) },
        "defaultConfiguration": { "level": level(rule.severity) },
        "properties": { "references": rule.references.iter().map(|r| r.local(lang)).collect::<Vec<_>>() },
    });
    if let Some(url) = rule.references.iter().find_map(|r| r.local(lang).url) {
        d["helpUri"] = json!(url);
    }
    d
}

/// Render the report as a SARIF 2.1.0 log.
pub fn render(report: &RunReport, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut rules: BTreeMap<&str, &Rule> = BTreeMap::new();
    for policy in &report.policies {
        for rule in &policy.rules {
            rules.entry(&*rule.id).or_insert(rule);
        }
    }
    let index: BTreeMap<&str, usize> = rules.keys().enumerate().map(|(i, id)| (*id, i)).collect();
    let mut results = Vec::new();
    for file in &report.files {
        for f in &file.findings {
            let (start_line, start_column, end_line, end_column) =
                (f.region.line, f.region.column, f.region.end_line, f.region.end_column);
            let mut result = json!({
                "ruleId": f.rule,
                "level": level(f.severity),
                "message": { "text": f.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&file.path) },
                        "region": {
                            "startLine": start_line, "startColumn": start_column,
                            "endLine": end_line, "endColumn": end_column,
                        }
                    }
                }],
            });
            if let Some(i) = index.get(&*f.rule) {
                result["ruleIndex"] = json!(i);
            }
            results.push(result);
        }
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "rpcheck",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules.values().map(|r| descriptor(r, report.lang)).collect::<Vec<_>>(),
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}
