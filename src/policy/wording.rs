//! Texts filled with values: a rule's message and help, and the wordings the engine names as
//! cases (a syntax error, a schema violation), in the run's language with the glossary's words.

use std::sync::Arc;

use serde_json::Value;

use super::Policy;
use crate::findings::{Fix, Lang};
use crate::schema_check::SchemaIssue;

/// A named case in words.
pub struct Worded {
    /// What is wrong.
    pub message: Arc<str>,
    /// How to fix it.
    pub help: Arc<str>,
    /// A certain fix, where there is one.
    pub fix: Option<Fix>,
}

/// The rule whose cases word the violations of a schema.
const SCHEMA_RULE: &str = "record/schema";

impl Policy {
    /// Fill `{name}` (from `vars`, else relative to the node) and `{/a/b}` (from the record),
    /// putting values the glossary knows into words of `lang`.
    pub fn fill(
        &self,
        template: &Arc<str>,
        node: &Value,
        record: &Value,
        vars: &[(&str, String)],
        lang: Lang,
    ) -> Arc<str> {
        if !template.contains('{') {
            return template.clone();
        }
        let mut out = String::with_capacity(template.len());
        let mut rest: &str = template;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            out.push_str(&rest[..open]);
            let name = &rest[open + 1..open + close];
            let value = lookup(name, node, record, vars);
            let word = self.glossary.get(name).and_then(|words| words.get(&value));
            out.push_str(word.map_or(value.as_str(), |w| w.get(lang)));
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
        out.into()
    }

    /// Rule `id`'s message from its case `case` and help from its case `help` (each the rule's
    /// own where the case has none), filled with `vars`; `None` when no such rule is loaded.
    pub fn worded(
        &self,
        id: &str,
        case: &str,
        help: Option<&str>,
        vars: &[(&str, String)],
        lang: Lang,
    ) -> Option<Worded> {
        let rule = self.rule(id)?;
        let message = rule.named_case(case).and_then(|c| c.message.as_ref()).unwrap_or(&rule.message);
        let help = help.and_then(|h| rule.named_case(h)).and_then(|c| c.help.as_ref()).unwrap_or(&rule.help);
        let fill = |text: &crate::findings::Text| self.fill(text.shared(lang), &Value::Null, &Value::Null, vars, lang);
        Some(Worded { message: fill(message), help: fill(help), fix: None })
    }

    /// A schema violation in words, by the cases of `record/schema`.
    pub fn schema_issue(&self, issue: &SchemaIssue, lang: Lang) -> Worded {
        let worded = self.worded(SCHEMA_RULE, issue.case, issue.help, &issue.vars, lang);
        let fix = issue.replacement.as_ref().and_then(|r| {
            let title = self.worded(SCHEMA_RULE, r.case, None, &issue.vars, lang)?.message;
            Some(Fix { title, replacement: r.text.clone() })
        });
        // The record pack is built in, so its rule is always there; its absence would be a
        // broken build, shown plainly rather than as a panic.
        let worded = worded.unwrap_or_else(|| Worded { message: issue.case.into(), help: "".into(), fix: None });
        Worded { fix, ..worded }
    }
}

fn lookup(name: &str, node: &Value, record: &Value, vars: &[(&str, String)]) -> String {
    if let Some((_, v)) = vars.iter().find(|(n, _)| *n == name) {
        return v.clone();
    }
    let found = if name.starts_with('/') { record.pointer(name) } else { node.pointer(&format!("/{name}")) };
    match found {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => "?".to_string(),
        Some(other) => other.to_string(),
    }
}
