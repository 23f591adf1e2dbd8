//! A rule's texts may name only what its check fills: a pack is refused when a message or help
//! names a value the rule never provides, which would print "?" to every user of the pack.

use serde_json::Value;

use super::spec::RuleSpec;
use crate::findings::Text;
use crate::rules;
use crate::schema_check::subschema;

/// What the engine fills for the findings it makes itself (`engine::Engine::syntax_finding` and
/// `unusable`, `schema_check`, `lint::duplicate_ids`, `waivers::apply`,
/// `baseline::Baseline::stale_finding`).
const ENGINE_FILLS: &[(&str, &[&str])] = &[
    ("record/syntax", &["problem", "expected", "limit"]),
    ("record/duplicate-id", &["id", "other"]),
    ("record/schema", crate::schema_check::FILLS),
    ("record/waiver-expired", &["rule", "expires"]),
    ("record/waiver-unused", &["rule", "expires"]),
    ("record/baseline-stale", &["rule", "file", "location", "count"]),
];

/// A placeholder nothing fills: its name, where it stands (a pointer into the pack's rule entry)
/// and the names that would be filled there.
pub struct Unfilled {
    /// The placeholder as written, without braces.
    pub name: String,
    /// The field of the rule entry it stands in, e.g. `message` or `case/0/message`.
    pub field: String,
    /// What the rule does fill.
    pub fills: Vec<String>,
}

/// The first placeholder of `spec`'s texts that its check does not fill, if any. `{/a/b}` must
/// name a place the record format has; `{name}` a value of the rule's native check or engine, or
/// a key of the node a declarative rule selects with `each`.
pub fn unfilled(spec: &RuleSpec, record_schema: &Value) -> Option<Unfilled> {
    let fills = fills(spec, record_schema);
    let mut texts: Vec<(String, &Text)> = vec![("message".into(), &spec.message), ("help".into(), &spec.help)];
    for (c, case) in spec.case.iter().enumerate() {
        texts.extend(case.message.as_ref().map(|t| (format!("case/{c}/message"), t)));
        texts.extend(case.help.as_ref().map(|t| (format!("case/{c}/help"), t)));
    }
    texts.into_iter().find_map(|(field, text)| {
        let name =
            [&text.en, &text.sv].into_iter().flat_map(|t| names(t)).find(|name| match name.strip_prefix('/') {
                Some(_) => subschema(record_schema, name).is_none(),
                None => !fills.iter().any(|f| f == name),
            })?;
        Some(Unfilled { name: name.to_string(), field, fills: fills.clone() })
    })
}

fn fills(spec: &RuleSpec, record_schema: &Value) -> Vec<String> {
    let engine = ENGINE_FILLS.iter().filter(|(id, _)| *id == spec.id).flat_map(|(_, names)| names.iter());
    let mut out: Vec<String> = engine.map(|n| n.to_string()).collect();
    match &spec.native {
        Some(native) => out.extend(rules::native_fills(native).iter().map(|n| n.to_string())),
        None if !spec.engine => {
            let node = subschema(record_schema, spec.each.as_deref().unwrap_or(""));
            let keys = node.and_then(|n| n.get("properties")).and_then(Value::as_object);
            out.extend(keys.into_iter().flat_map(|k| k.keys().cloned()));
        }
        None => {}
    }
    out
}

/// Every `{name}` in a text.
fn names(text: &str) -> impl Iterator<Item = &str> {
    text.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
}

#[cfg(test)]
mod tests {
    use super::names;

    #[test]
    fn names_are_read_between_braces() {
        let found: Vec<&str> = names("the transfer to {recipient} in {country} ({/controller/name})").collect();
        assert_eq!(found, ["recipient", "country", "/controller/name"]);
        assert_eq!(names("no braces; an open { alone").count(), 0);
    }
}
