//! Quick fixes for a missing required key: insert it with a value that is certain
//! (`schema_version = 1`, the record's `id` from its file name, a waiver's `expires` a year
//! ahead) or a placeholder to fill in (`"TODO"`), in the table that lacks it.

use std::path::Path;

use jiff::civil::Date;
use serde_json::Value;
use toml::de::DeTable;

use super::hover;
use crate::findings::Finding;
use crate::source;

/// A key to insert: what the action is called and the text inserted at `at` (bytes).
pub struct Insertion {
    /// The key inserted.
    pub key: String,
    /// Where, as a byte offset of the document.
    pub at: usize,
    /// The line(s) inserted.
    pub text: String,
}

/// The required keys the table at the finding's pointer lacks, each ready to insert; none
/// when the record does not parse or the table is not written as a `[header]` or the root.
pub fn insertions(text: &str, path: &Path, finding: &Finding, schema: &Value, today: Date) -> Vec<Insertion> {
    if &*finding.rule != "record/schema" {
        return Vec::new();
    }
    let Ok(document) = source::parse(text) else { return Vec::new() };
    let Some(Value::Object(present)) = document.value.pointer(&finding.pointer) else { return Vec::new() };
    let Some(node) = hover::schema_at(schema, &finding.pointer) else { return Vec::new() };
    let Some(at) = insertion_point(text, &document, &finding.pointer) else { return Vec::new() };
    let required = node.get("required").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str);
    required
        .filter(|key| !present.contains_key(*key))
        .filter_map(|key| {
            let field = hover::field(schema, node, key)?;
            let value = placeholder(schema, key, field, path, today)?;
            Some(Insertion { key: key.to_string(), at, text: format!("{key} = {value}\n") })
        })
        .collect()
}

/// The start of the line after a table's `[header]`, or for the root the start of the line of
/// its first key (so the key stays outside every table).
fn insertion_point(text: &str, document: &source::Document<'_>, pointer: &str) -> Option<usize> {
    if pointer.is_empty() {
        let (tree, _) = DeTable::parse_recoverable(text);
        let first = tree.get_ref().iter().map(|(key, _)| key.span().start).min().unwrap_or(0);
        return Some(text[..first.min(text.len())].rfind('\n').map_or(0, |i| i + 1));
    }
    let header = document.span_of(pointer);
    if !text.get(header.clone())?.starts_with('[') {
        return None;
    }
    Some(text[header.end..].find('\n').map_or(text.len(), |i| header.end + i + 1))
}

/// The value written for a missing key: certain where the schema or the file says it, else a
/// placeholder string; `None` where no placeholder is honest (a yes/no, a number).
fn placeholder(schema: &Value, key: &str, field: &Value, path: &Path, today: Date) -> Option<String> {
    if let Some(constant) = field.get("const") {
        return Some(constant.to_string());
    }
    let resolved = hover::resolve(schema, field);
    if resolved.get("format").and_then(Value::as_str) == Some("date") {
        return Some(super::actions::a_year_after(today).to_string());
    }
    if resolved.get("type").and_then(Value::as_str) != Some("string") {
        return None;
    }
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    let id_like = !stem.is_empty() && stem.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    Some(if key == "id" && id_like { format!("\"{stem}\"") } else { "\"TODO\"".to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(pointer: &str) -> Finding {
        Finding {
            rule: "record/schema".into(),
            severity: crate::findings::Severity::Error,
            pointer: pointer.into(),
            span: 0..0,
            region: crate::findings::Region::default(),
            message: "".into(),
            help: None,
            references: Vec::new().into(),
            fix: None,
        }
    }

    #[test]
    fn root_keys_go_before_the_first_key_and_a_tables_after_its_header() {
        let text = "#:schema x\nname = \"K\"\n\n[[waivers]]\nrule = \"gdpr/security-measures\"\nreason = \"B\"\n";
        let schema = crate::model::record_schema();
        let today = jiff::civil::date(2026, 11, 24);
        let path = Path::new("/p/kund-2.toml");
        let root: Vec<_> =
            insertions(text, path, &finding(""), schema, today).into_iter().map(|i| (i.at, i.text)).collect();
        assert_eq!(root, [(11, "schema_version = 1\n".to_string()), (11, "id = \"kund-2\"\n".to_string())]);
        let waiver: Vec<_> =
            insertions(text, path, &finding("/waivers/0"), schema, today).into_iter().map(|i| (i.at, i.text)).collect();
        assert_eq!(waiver, [(text.find("rule").unwrap_or_default(), "expires = 2027-11-24\n".to_string())]);
    }
}
