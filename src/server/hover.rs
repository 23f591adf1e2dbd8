//! Hover: on a finding, its rule (title, why, how to fix, the law with links) as Markdown; on a
//! key, the field's description from the record schema.

use std::fmt::Write;

use serde_json::Value;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::findings::{Finding, Lang};
use crate::policy::Policy;

/// The Markdown for the findings drawn at `offset`, if any.
pub fn findings(findings: &[Finding], policy: &Policy, lang: Lang, offset: usize) -> Option<String> {
    let here: Vec<&Finding> = findings.iter().filter(|f| f.span.start <= offset && offset <= f.span.end).collect();
    let parts: Vec<String> = here.iter().map(|f| finding(f, policy, lang)).collect();
    (!parts.is_empty()).then(|| parts.join("\n\n---\n\n"))
}

fn finding(finding: &Finding, policy: &Policy, lang: Lang) -> String {
    let (why, fix, law) = match lang {
        Lang::En => ("Why", "How to fix", "Legal references"),
        Lang::Sv => ("Varför", "Så åtgärdar du", "Rättsliga källor"),
    };
    let rule = policy.rule(&finding.rule);
    let title = rule.map_or("", |r| r.title.get(lang));
    let mut out = format!("**{}** `{}`: {title}\n\n{}\n", finding.severity.word(lang), finding.rule, finding.message);
    if let Some(rule) = rule {
        let _ = write!(out, "\n**{why}**\n\n{}\n", rule.why.get(lang).trim_end());
    }
    if let Some(help) = &finding.help {
        let _ = write!(out, "\n**{fix}**\n\n{}\n", help.trim_end());
    }
    if !finding.references.is_empty() {
        let _ = write!(out, "\n**{law}**\n\n");
        for reference in finding.references.iter().map(|r| r.local(lang)) {
            let _ = match reference.url {
                Some(url) => writeln!(out, "- [{}]({url})", reference.cite),
                None => writeln!(out, "- {}", reference.cite),
            };
        }
    }
    out
}

/// The schema's description of the key at `offset` in a record's text, if the text parses far
/// enough to tell which key it is.
pub fn key(text: &str, schema: &Value, offset: usize) -> Option<String> {
    let (tree, _) = DeTable::parse_recoverable(text);
    let path = key_path(tree.get_ref(), offset)?;
    let mut node = schema;
    for segment in &path {
        node = field(schema, node, segment)?;
    }
    let described = node.get("description").or_else(|| resolve(schema, node).get("description"));
    // `purposes.legal_basis`, not `purposes.0.legal_basis`: the field, whichever entry.
    let name: Vec<&str> = path.iter().map(String::as_str).filter(|s| s.parse::<usize>().is_err()).collect();
    described.and_then(Value::as_str).map(|d| format!("`{}`: {d}", name.join(".")))
}

/// The keys (and array indexes) down to the key whose name covers `offset`.
fn key_path(table: &DeTable<'_>, offset: usize) -> Option<Vec<String>> {
    for (key, value) in table.iter() {
        let span = key.span();
        if span.start <= offset && offset < span.end.max(span.start + 1) {
            return Some(vec![key.get_ref().to_string()]);
        }
        if let Some(mut rest) = inner_path(value, offset) {
            rest.insert(0, key.get_ref().to_string());
            return Some(rest);
        }
    }
    None
}

fn inner_path(value: &Spanned<DeValue<'_>>, offset: usize) -> Option<Vec<String>> {
    match value.get_ref() {
        DeValue::Table(table) => key_path(table, offset),
        DeValue::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
            inner_path(item, offset).map(|mut rest| {
                rest.insert(0, i.to_string());
                rest
            })
        }),
        _ => None,
    }
}

/// The schema of the value at a JSON pointer.
pub fn schema_at<'s>(schema: &'s Value, pointer: &str) -> Option<&'s Value> {
    let mut node = schema;
    for segment in crate::source::pointer_segments(pointer) {
        node = field(schema, node, &segment)?;
    }
    Some(resolve(schema, node))
}

/// The schema of `segment` below `node`: a property of an object, the items of an array.
pub fn field<'s>(root: &'s Value, node: &'s Value, segment: &str) -> Option<&'s Value> {
    let node = resolve(root, node);
    if let Some(found) = node.get("properties").and_then(|p| p.get(segment)) {
        return Some(found);
    }
    if let Some(items) = node.get("items").filter(|_| segment.parse::<usize>().is_ok()) {
        return Some(items);
    }
    // An optional or alternative type: the first branch that knows the field.
    ["anyOf", "oneOf", "allOf"]
        .iter()
        .filter_map(|k| node.get(k).and_then(Value::as_array))
        .flatten()
        .find_map(|branch| field(root, branch, segment))
}

/// Follow a local `$ref` (`#/$defs/Name`).
pub fn resolve<'s>(root: &'s Value, node: &'s Value) -> &'s Value {
    node.get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix('#'))
        .and_then(|pointer| root.pointer(pointer))
        .unwrap_or(node)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nested_key_is_described() {
        let schema = crate::model::record_schema();
        let text = "id = \"x\"\n\n[[purposes]]\nid = \"a\"\nlegal_basis = \"consent\"\n";
        let at = text.find("legal_basis").expect("in text") + 3;
        let hover = key(text, schema, at).expect("described");
        assert!(hover.starts_with("`purposes.legal_basis`: "), "{hover}");
    }

    #[test]
    fn a_value_is_not_a_key() {
        let schema = crate::model::record_schema();
        let text = "id = \"some-id\"\n";
        assert_eq!(key(text, schema, text.find("some").expect("in text")), None);
    }
}
