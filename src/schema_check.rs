//! The record schema, compiled once, and its violations turned into plain-language issues
//! located by JSON pointer.

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{Draft, Validator};
use serde_json::Value;

use crate::findings::Anchor;
use crate::model::{self, alpha2_for};
use crate::source::escape_segment;

/// One way a file fails its schema. What it says is named, not written here: `case` and `help`
/// are cases of the rule `record/schema` in `policies/record.toml`, filled with `vars`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaIssue {
    /// Where, as a JSON pointer.
    pub pointer: String,
    /// Whether to draw it on the key or the value.
    pub anchor: Anchor,
    /// The case whose message says what is wrong.
    pub case: &'static str,
    /// The case whose help says how to fix it; the rule's own help when `None`.
    pub help: Option<&'static str>,
    /// The values its texts name.
    pub vars: Vec<(&'static str, String)>,
    /// Whether the issue is a value of the wrong type.
    pub wrong_type: bool,
    /// The text that certainly fixes the issue in place of the key or value it is drawn on.
    pub replacement: Option<Replacement>,
}

/// A certain fix for a schema issue: the case that titles it (filled with the issue's `vars`)
/// and the text that replaces the key or value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replacement {
    /// The case whose message titles the fix.
    pub case: &'static str,
    /// The replacing text, as TOML.
    pub text: String,
}

impl Replacement {
    fn key(best: &str) -> Self {
        Replacement { case: "rename", text: best.into() }
    }

    fn string(value: &str) -> Self {
        Replacement { case: "write", text: format!("\"{value}\"") }
    }
}

/// Every case of `record/schema` the check names, so that a test can hold the pack to them.
pub const CASES: &[&str] = &[
    "unknown-key",
    "did-you-mean",
    "allowed-keys",
    "missing-key",
    "schema-version",
    "not-a-date",
    "not-a-duration",
    "bad-format",
    "not-a-country",
    "alpha-3",
    "country-name",
    "not-in-list",
    "bad-id",
    "only-one-of",
    "wrong-type",
    "minimum",
    "maximum",
    "empty",
    "pattern",
    "constant",
    "other",
    "rename",
    "write",
];

/// Every value the cases name (checked when the pack is compiled).
pub const FILLS: &[&str] = &[
    "key",
    "best",
    "allowed",
    "found",
    "format",
    "given",
    "keys",
    "expected_type",
    "found_type",
    "limit",
    "pattern",
    "value",
];

impl SchemaIssue {
    fn new(at: &str, case: &'static str, vars: Vec<(&'static str, String)>) -> Self {
        SchemaIssue {
            pointer: at.to_string(),
            anchor: Anchor::Value,
            case,
            help: None,
            vars,
            wrong_type: false,
            replacement: None,
        }
    }

    fn with_help(self, help: &'static str) -> Self {
        SchemaIssue { help: Some(help), ..self }
    }
}

/// A compiled schema of a file the user writes (a record, rpcheck.toml) plus the raw schema,
/// which names the allowed keys.
pub struct SchemaCheck {
    validator: Validator,
    schema: Value,
}

impl SchemaCheck {
    /// The record schema generated from the model.
    pub fn record() -> Self {
        Self::new(model::record_schema().clone())
    }

    /// A check against `schema` (one rpcheck generated from its types: it compiles).
    pub fn new(schema: Value) -> Self {
        let validator = jsonschema::options()
            .with_draft(Draft::Draft202012)
            .should_validate_formats(true)
            .build(&schema)
            .expect("the generated schemas compile (tests/schema.rs guards this)");
        SchemaCheck { validator, schema }
    }

    /// Every violation in `record`, in document order of their pointers.
    pub fn check(&self, record: &Value) -> Vec<SchemaIssue> {
        if self.validator.is_valid(record) {
            return Vec::new();
        }
        let mut issues = Vec::new();
        for error in self.validator.iter_errors(record) {
            let at = error.instance_path().as_str().to_string();
            self.describe(&at, error.kind(), error.instance(), &mut issues);
        }
        issues.dedup();
        // A value of the wrong type fails its format, enum or const too; the type error says it all.
        let mistyped: Vec<String> = issues.iter().filter(|i| i.wrong_type).map(|i| i.pointer.clone()).collect();
        issues.retain(|i| i.wrong_type || !mistyped.contains(&i.pointer));
        issues
    }

    fn describe(&self, at: &str, kind: &ValidationErrorKind, found: &Value, out: &mut Vec<SchemaIssue>) {
        let shown = || vec![("found", found.to_string())];
        let issue = |case, vars| SchemaIssue::new(at, case, vars);
        match kind {
            ValidationErrorKind::AdditionalProperties { unexpected } => {
                for key in unexpected {
                    out.push(self.unknown_key(at, key));
                }
            }
            ValidationErrorKind::Required { property } => {
                let key = property.as_str().unwrap_or_default().to_string();
                out.push(issue("missing-key", vec![("key", key)]));
            }
            ValidationErrorKind::Constant { .. } if at == "/schema_version" => {
                out.push(issue("schema-version", shown()).with_help("schema-version"))
            }
            ValidationErrorKind::Format { format } => out.push(bad_format(at, format, found)),
            ValidationErrorKind::Enum { options } => out.push(self.not_in_enum(at, options, found)),
            ValidationErrorKind::Pattern { .. } if at == "/id" => {
                out.push(issue("bad-id", shown()).with_help("bad-id"))
            }
            // The format's only `not` forbids two keys together (a transfer's country and organisation).
            ValidationErrorKind::Not { schema } => {
                let keys: Vec<String> =
                    schema["required"].as_array().into_iter().flatten().filter_map(Value::as_str).map(code).collect();
                out.push(issue("only-one-of", vec![("keys", keys.join(", "))]));
            }
            ValidationErrorKind::Type { kind } => out.push(self.wrong_type(at, kind, found)),
            other => out.push(other_issue(at, other)),
        }
    }

    fn unknown_key(&self, at: &str, key: &str) -> SchemaIssue {
        let allowed = self.allowed_keys(at);
        let best = did_you_mean(key, allowed.iter().map(String::as_str));
        let mut vars = vec![("key", key.to_string())];
        let help = match best {
            Some(best) => {
                vars.push(("best", best.to_string()));
                "did-you-mean"
            }
            None => {
                vars.push(("allowed", allowed.join(", ")));
                "allowed-keys"
            }
        };
        SchemaIssue {
            pointer: format!("{at}/{}", escape_segment(key)),
            anchor: Anchor::Key,
            replacement: best.map(Replacement::key),
            ..SchemaIssue::new(at, "unknown-key", vars).with_help(help)
        }
    }

    fn not_in_enum(&self, at: &str, options: &Value, found: &Value) -> SchemaIssue {
        let options: Vec<&str> = options.as_array().into_iter().flatten().filter_map(Value::as_str).collect();
        let given = found.as_str().unwrap_or_default();
        let is_country = self.subschema(at).and_then(|s| s.get("enum")).and_then(Value::as_array).map(Vec::len)
            == Some(model::COUNTRY_CODES.len());
        let mut vars = vec![("found", found.to_string()), ("given", given.to_string())];
        let (case, help, best) = if is_country {
            let alpha3 = alpha2_for(&given.to_uppercase());
            let named = model::alpha2_for_swedish_name(given).filter(|_| alpha3.is_none());
            let help = match (alpha3, named) {
                (Some(_), _) => "alpha-3",
                (None, Some(_)) => "country-name",
                (None, None) => "not-a-country",
            };
            ("not-a-country", Some(help), alpha3.or(named))
        } else {
            vars.push(("allowed", options.join(", ")));
            let best = did_you_mean(given, options.iter().copied());
            ("not-in-list", best.map(|_| "did-you-mean"), best)
        };
        vars.extend(best.map(|b| ("best", b.to_string())));
        SchemaIssue { help, replacement: best.map(Replacement::string), ..SchemaIssue::new(at, case, vars) }
    }

    fn wrong_type(&self, at: &str, kind: &TypeKind, found: &Value) -> SchemaIssue {
        let is_date = self.subschema(at).and_then(|s| s.get("format")).and_then(Value::as_str) == Some("date");
        let expected = match kind {
            _ if is_date => "date",
            TypeKind::Single(t) => t.as_str(),
            TypeKind::Multiple(_) => "several",
        };
        let vars = vec![("expected_type", expected.to_string()), ("found_type", toml_type(found).to_string())];
        SchemaIssue { wrong_type: true, ..SchemaIssue::new(at, "wrong-type", vars) }
    }

    /// The subschema that applies at an instance pointer, following `properties`, `items` and `$ref`.
    fn subschema(&self, at: &str) -> Option<&Value> {
        subschema(&self.schema, at)
    }

    fn allowed_keys(&self, at: &str) -> Vec<String> {
        self.subschema(at)
            .and_then(|s| s.get("properties"))
            .and_then(Value::as_object)
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default()
    }
}

fn bad_format(at: &str, format: &str, found: &Value) -> SchemaIssue {
    let case = match format {
        "date" => "not-a-date",
        "duration" => "not-a-duration",
        _ => "bad-format",
    };
    SchemaIssue::new(at, case, vec![("found", found.to_string()), ("format", format.to_string())]).with_help(case)
}

fn other_issue(at: &str, kind: &ValidationErrorKind) -> SchemaIssue {
    let (case, vars) = match kind {
        ValidationErrorKind::Minimum { limit } => ("minimum", vec![("limit", limit.to_string())]),
        ValidationErrorKind::Maximum { limit } => ("maximum", vec![("limit", limit.to_string())]),
        ValidationErrorKind::MinLength { .. } => ("empty", vec![]),
        ValidationErrorKind::Pattern { pattern } => ("pattern", vec![("pattern", pattern.to_string())]),
        ValidationErrorKind::Constant { expected_value } => ("constant", vec![("value", expected_value.to_string())]),
        _ => ("other", vec![]),
    };
    SchemaIssue::new(at, case, vars)
}

fn code(key: &str) -> String {
    format!("`{key}`")
}

/// The subschema of `schema` that applies at an instance pointer, following `properties`,
/// `items` (for an index or `*`), `additionalProperties` (a map's keys, or `*`) and `$ref`.
pub fn subschema<'a>(schema: &'a Value, at: &str) -> Option<&'a Value> {
    let resolve = |mut node: &'a Value| {
        while let Some(reference) = node.get("$ref").and_then(Value::as_str) {
            node = schema.pointer(reference.strip_prefix('#')?)?;
        }
        Some(node)
    };
    let mut node = resolve(schema)?;
    for segment in crate::source::pointer_segments(at) {
        let index = segment == "*" || segment.parse::<usize>().is_ok();
        let next = if index && node.get("items").is_some() {
            node.get("items")
        } else {
            // A key the schema does not name is governed by `additionalProperties` (a map).
            node.get("properties")
                .and_then(|p| p.get(&*segment))
                .or_else(|| node.get("additionalProperties").filter(|a| a.is_object()))
        };
        node = resolve(next?)?;
    }
    Some(node)
}

/// The candidate closest to `given`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(given: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (strsim::jaro_winkler(given, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// What a value is, in TOML's terms (a word of the `found_type` glossary).
fn toml_type(value: &Value) -> &'static str {
    match value {
        Value::String(_) => "string",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_f64() => "float",
        Value::Number(_) => "integer",
        Value::Array(_) => "array",
        Value::Object(_) => "table",
        Value::Null => "inf-or-nan",
    }
}
