//! Code actions: a finding's certain fix as a quick fix, a missing required key inserted, and
//! for a rule's finding a `[[waivers]]` entry that documents an exception for a year.

use std::collections::HashMap;

use jiff::ToSpan;
use jiff::civil::Date;
use lsp_types::{CodeAction, CodeActionKind, CodeActionOrCommand, Diagnostic, TextEdit, Uri, WorkspaceEdit};

use super::session::OpenDocument;
use super::text;
use crate::findings::{Finding, Lang};

/// Rules of the engine that a waiver cannot cover: a record that does not parse or does not
/// fit the schema has no waivers the engine can read.
const UNWAIVABLE: [&str; 2] = ["record/syntax", "record/schema"];

/// The actions for the findings drawn over `range` (bytes) of `document`.
pub fn for_range(
    uri: &Uri,
    document: &OpenDocument,
    range: std::ops::Range<usize>,
    diagnostics: &[Diagnostic],
    lang: Lang,
    today: Date,
    schema: &serde_json::Value,
) -> Vec<CodeActionOrCommand> {
    let mut actions: Vec<CodeAction> = Vec::new();
    let touched = document.findings.iter().filter(|f| f.span.start <= range.end && range.start <= f.span.end);
    for finding in touched {
        let diagnostic = diagnostics.iter().find(|d| same(d, finding)).cloned();
        if let Some(fix) = &finding.fix {
            let edit = TextEdit::new(text::range(&document.text, &finding.span), fix.replacement.clone());
            actions.push(action(fix.title.to_string(), uri, edit, diagnostic.clone(), true));
        }
        for insertion in super::missing::insertions(&document.text, &document.path, finding, schema, today) {
            let at = text::position(&document.text, insertion.at);
            let edit = TextEdit::new(lsp_types::Range::new(at, at), insertion.text);
            let title = match lang {
                Lang::En => format!("Insert the required key `{}`", insertion.key),
                Lang::Sv => format!("Lägg till den obligatoriska nyckeln `{}`", insertion.key),
            };
            // Two findings on one table (two keys missing) would offer each insertion twice.
            if !actions.iter().any(|a| a.title == title) {
                actions.push(action(title, uri, edit, diagnostic.clone(), false));
            }
        }
        if !UNWAIVABLE.contains(&&*finding.rule) && waivers_can_be_appended(&document.text) {
            let end = text::position(&document.text, document.text.len());
            let edit = TextEdit::new(lsp_types::Range::new(end, end), waiver(&document.text, finding, today, lang));
            let title = match lang {
                Lang::En => format!("Waive {} for this record until {}", finding.rule, a_year_after(today)),
                Lang::Sv => format!("Undanta {} för denna förteckning till {}", finding.rule, a_year_after(today)),
            };
            actions.push(action(title, uri, edit, diagnostic, false));
        }
    }
    actions.into_iter().map(CodeActionOrCommand::CodeAction).collect()
}

fn same(diagnostic: &Diagnostic, finding: &Finding) -> bool {
    matches!(&diagnostic.code, Some(lsp_types::NumberOrString::String(code)) if **code == *finding.rule)
        && diagnostic.message == *finding.message
}

fn action(title: String, uri: &Uri, edit: TextEdit, diagnostic: Option<Diagnostic>, preferred: bool) -> CodeAction {
    CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: diagnostic.map(|d| vec![d]),
        edit: Some(WorkspaceEdit { changes: Some(HashMap::from([(uri.clone(), vec![edit])])), ..Default::default() }),
        is_preferred: Some(preferred),
        ..Default::default()
    }
}

/// Whether a `[[waivers]]` table appended at the end stays valid TOML: not when the record
/// writes its waivers as an inline array (`waivers = [...]`), which a header cannot extend.
fn waivers_can_be_appended(text: &str) -> bool {
    let (tree, _) = toml::de::DeTable::parse_recoverable(text);
    match tree.get_ref().get("waivers").map(|w| w.get_ref()) {
        Some(toml::de::DeValue::Array(_)) => text.lines().any(|l| l.trim_start().starts_with("[[waivers]]")),
        Some(_) => false,
        None => true,
    }
}

/// A `[[waivers]]` entry appended to the record, with a reason still to be written.
fn waiver(text: &str, finding: &Finding, today: Date, lang: Lang) -> String {
    let reason = match lang {
        Lang::En => "TODO: why this rule does not apply to this record",
        Lang::Sv => "TODO: varför regeln inte gäller denna förteckning",
    };
    let gap = if text.is_empty() || text.ends_with("\n\n") {
        ""
    } else if text.ends_with('\n') {
        "\n"
    } else {
        "\n\n"
    };
    format!("{gap}[[waivers]]\nrule = \"{}\"\nreason = \"{reason}\"\nexpires = {}\n", finding.rule, a_year_after(today))
}

/// The same day a year on (29 February becomes 28 February).
pub fn a_year_after(today: Date) -> Date {
    today.checked_add(1.year()).unwrap_or(today)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waivers_are_appended_only_to_an_array_of_tables() {
        assert!(waivers_can_be_appended("id = \"r\"\n"));
        assert!(waivers_can_be_appended("id = \"r\"\n\n[[waivers]]\nrule = \"a/b\"\n"));
        assert!(!waivers_can_be_appended("id = \"r\"\nwaivers = [{ rule = \"a/b\" }]\n"));
    }
}
