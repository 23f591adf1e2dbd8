//! Findings as LSP diagnostics: the rule id as `code`, its first official text as the code's
//! description, the same ranges and messages as `lint --format json`.

use std::str::FromStr;

use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Position,
    Range, Uri,
};

use super::session::OpenDocument;
use super::text;
use crate::findings::{Finding, Lang, Severity};

/// Shown as the diagnostics' origin in editors.
pub const SOURCE: &str = "rpcheck";

/// The diagnostics of an open document: its findings, or the one error that stops its project
/// from loading (drawn at the start of the file, so the user sees why nothing else is).
pub fn of(document: &OpenDocument) -> Vec<Diagnostic> {
    match document.project.as_deref().map(|p| &p.prepared) {
        Some(Ok(prepared)) => {
            let mut all: Vec<Diagnostic> =
                document.findings.iter().map(|f| diagnostic(&document.text, f, prepared.lang())).collect();
            if let Some(duplicate) = &document.duplicate {
                let mut cross = diagnostic(&document.text, &duplicate.finding, prepared.lang());
                cross.related_information = Some(vec![DiagnosticRelatedInformation {
                    location: Location::new(duplicate.other.clone(), duplicate.other_at),
                    message: duplicate.finding.message.to_string(),
                }]);
                all.push(cross);
            }
            all
        }
        Some(Err(problem)) => vec![Diagnostic {
            range: Range::new(Position::new(0, 0), Position::new(0, 0)),
            severity: Some(DiagnosticSeverity::ERROR),
            source: Some(SOURCE.into()),
            message: problem.clone(),
            ..Diagnostic::default()
        }],
        None => Vec::new(),
    }
}

fn diagnostic(text: &str, finding: &Finding, lang: Lang) -> Diagnostic {
    // The rule's documentation is the law it rests on: its first reference with a link.
    let href = finding.references.iter().find_map(|r| r.local(lang).url).and_then(|u| Uri::from_str(u).ok());
    Diagnostic {
        range: text::range(text, &finding.span),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.rule.to_string())),
        code_description: href.map(|href| CodeDescription { href }),
        source: Some(SOURCE.into()),
        message: finding.message.to_string(),
        ..Diagnostic::default()
    }
}

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}
