//! The stable JSON document (`version` 1) described in the command-line contract.

use serde::Serialize;

use super::Counts;
use crate::findings::RunReport;
use crate::findings::{Lang, Reference, Severity};

/// The format version; changes only on a breaking change.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    tool: Tool,
    findings: Findings<'a>,
    waived: AllWaived<'a>,
    summary: Summary,
}

/// Every finding of the report, each made into its JSON view only as it is written: a large run
/// holds no second copy of its findings.
struct Findings<'a>(&'a RunReport);

impl Serialize for Findings<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let lang = self.0.lang;
        serializer.collect_seq(self.0.files.iter().flat_map(|file| {
            file.findings.iter().map(move |f| Finding {
                rule: &f.rule,
                severity: f.severity,
                file: &file.path,
                record: file.record.as_deref(),
                pointer: &f.pointer,
                line: f.region.line,
                column: f.region.column,
                end_line: f.region.end_line,
                end_column: f.region.end_column,
                message: &f.message,
                help: f.help.as_deref(),
                references: References(&f.references, lang),
                fix: f.fix.as_ref().map(|x| Fix { title: &x.title, replacement: &x.replacement }),
            })
        }))
    }
}

/// A finding's references in the run's language.
struct References<'a>(&'a [Reference], Lang);

impl Serialize for References<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|r| r.local(self.1)))
    }
}

/// Every finding a waiver held back.
struct AllWaived<'a>(&'a RunReport);

impl Serialize for AllWaived<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.files.iter().flat_map(|file| {
            file.waived.iter().map(|w| Waived {
                rule: &w.rule,
                file: &file.path,
                reason: &w.reason,
                expires: w.expires.as_deref(),
            })
        }))
    }
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Finding<'a> {
    rule: &'a str,
    severity: Severity,
    file: &'a str,
    record: Option<&'a str>,
    pointer: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    message: &'a str,
    help: Option<&'a str>,
    references: References<'a>,
    /// A certain fix: replace the finding's place (line..end_column) with `replacement`.
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<Fix<'a>>,
}

#[derive(Serialize)]
struct Fix<'a> {
    title: &'a str,
    replacement: &'a str,
}

#[derive(Serialize)]
struct Waived<'a> {
    rule: &'a str,
    file: &'a str,
    reason: &'a str,
    expires: Option<&'a str>,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    records: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    waived: usize,
    truncated: usize,
    baselined: usize,
}

/// Render the whole report as one JSON document, keys in the documented order.
pub fn render(report: &RunReport, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let counts = Counts::of(report);
    let document = Document {
        version: VERSION,
        tool: Tool { name: "rpcheck", version: env!("CARGO_PKG_VERSION") },
        findings: Findings(report),
        waived: AllWaived(report),
        summary: Summary {
            files: report.files.len(),
            records: report.records(),
            errors: counts.errors,
            warnings: counts.warnings,
            infos: counts.infos,
            waived: counts.waived,
            truncated: counts.truncated,
            baselined: counts.baselined,
        },
    };
    // The serializer makes many small writes: buffered here, they are not each a dynamic call.
    use std::io::Write;
    let mut buffered = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut buffered, &document)?;
    writeln!(buffered)?;
    buffered.flush()
}
