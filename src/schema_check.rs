//! The record schema, compiled once, and its violations turned into plain-language issues
//! located by JSON pointer.

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{Draft, Validator};
use serde_json::Value;

use crate::findings::{Anchor, Text};
use crate::model::{self, alpha2_for};
use crate::source::escape_segment;

/// One way a record fails the schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaIssue {
    /// Where, as a JSON pointer.
    pub pointer: String,
    /// Whether to draw it on the key or the value.
    pub anchor: Anchor,
    /// What is wrong.
    pub message: Text,
    /// How to fix it, where we can say.
    pub help: Option<Text>,
    /// Whether the issue is a value of the wrong type.
    pub wrong_type: bool,
    /// The text that certainly fixes the issue in place of the key or value it is drawn on.
    pub replacement: Option<Replacement>,
}

/// A certain fix for a schema issue: what it does, and the text that replaces the key or value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replacement {
    /// What the fix does.
    pub title: Text,
    /// The replacing text, as TOML.
    pub text: String,
}

impl Replacement {
    fn key(best: &str) -> Self {
        Replacement {
            title: Text::new(format!("rename to `{best}`"), format!("byt namn till `{best}`")),
            text: best.into(),
        }
    }

    fn string(value: &str) -> Self {
        Replacement {
            title: Text::new(format!("write \"{value}\""), format!("skriv \"{value}\"")),
            text: format!("\"{value}\""),
        }
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
        let issue = |message: Text, help: Option<Text>| SchemaIssue {
            pointer: at.to_string(),
            anchor: Anchor::Value,
            message,
            help,
            wrong_type: false,
            replacement: None,
        };
        match kind {
            ValidationErrorKind::AdditionalProperties { unexpected } => {
                for key in unexpected {
                    out.push(self.unknown_key(at, key));
                }
            }
            ValidationErrorKind::Required { property } => {
                let key = property.as_str().unwrap_or_default();
                out.push(issue(
                    Text::new(
                        format!("missing required key `{key}`"),
                        format!("den obligatoriska nyckeln `{key}` saknas"),
                    ),
                    None,
                ));
            }
            ValidationErrorKind::Constant { .. } if at == "/schema_version" => out.push(issue(
                Text::new(
                    format!("unsupported schema_version {found}: this build reads version 1"),
                    format!("schema_version {found} stöds inte: den här versionen läser version 1"),
                ),
                Some(Text::new("write `schema_version = 1`", "skriv `schema_version = 1`")),
            )),
            ValidationErrorKind::Format { format } => out.push(bad_format(at, format, found)),
            ValidationErrorKind::Enum { options } => out.push(self.not_in_enum(at, options, found)),
            ValidationErrorKind::Pattern { .. } if at == "/id" => out.push(issue(
                Text::new(
                    format!("{found} is not a valid record id"),
                    format!("{found} är inte ett giltigt id för en förteckning"),
                ),
                Some(Text::new(
                    "use only lower-case letters a-z, digits and hyphens, e.g. \"sociala-medier\"",
                    "använd bara små bokstäver a-z, siffror och bindestreck, t.ex. \"sociala-medier\"",
                )),
            )),
            // The format's only `not` forbids two keys together (a transfer's country and organisation).
            ValidationErrorKind::Not { schema } => {
                let keys: Vec<&str> =
                    schema["required"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
                let keys = keys.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>();
                out.push(issue(
                    Text::new(
                        format!("give only one of {}", keys.join(" or ")),
                        format!("ange bara en av {}", keys.join(" eller ")),
                    ),
                    None,
                ));
            }
            ValidationErrorKind::Type { kind } => {
                out.push(SchemaIssue { wrong_type: true, ..issue(self.wrong_type(at, kind, found), None) })
            }
            other => out.push(issue(other_message(other), None)),
        }
    }

    fn unknown_key(&self, at: &str, key: &str) -> SchemaIssue {
        let allowed = self.allowed_keys(at);
        let best = did_you_mean(key, allowed.iter().map(String::as_str));
        let help = match best {
            Some(best) => Text::new(format!("did you mean `{best}`?"), format!("menade du `{best}`?")),
            None => Text::new(
                format!("keys allowed here: {}", allowed.join(", ")),
                format!("tillåtna nycklar här: {}", allowed.join(", ")),
            ),
        };
        SchemaIssue {
            pointer: format!("{at}/{}", escape_segment(key)),
            anchor: Anchor::Key,
            message: Text::new(format!("unknown key `{key}`"), format!("okänd nyckel `{key}`")),
            help: Some(help),
            wrong_type: false,
            replacement: best.map(Replacement::key),
        }
    }

    fn not_in_enum(&self, at: &str, options: &Value, found: &Value) -> SchemaIssue {
        let options: Vec<&str> = options.as_array().into_iter().flatten().filter_map(Value::as_str).collect();
        let given = found.as_str().unwrap_or_default();
        let is_country = self.subschema(at).and_then(|s| s.get("enum")).and_then(Value::as_array).map(Vec::len)
            == Some(model::COUNTRY_CODES.len());
        let replacement;
        let (message, help) = if is_country {
            let alpha3 = alpha2_for(&given.to_uppercase());
            let named = model::alpha2_for_swedish_name(given).filter(|_| alpha3.is_none());
            replacement = alpha3.or(named).map(Replacement::string);
            let help = match (alpha3, named) {
                (Some(code), _) => Some(Text::new(
                    format!("`{given}` is an alpha-3 code; write `{code}`"),
                    format!("`{given}` är en kod med tre bokstäver; skriv `{code}`"),
                )),
                (None, Some(code)) => Some(Text::new(
                    format!("`{given}` is a country's name; write its code `{code}`"),
                    format!("`{given}` är ett lands namn; skriv dess kod `{code}`"),
                )),
                (None, None) => Some(Text::new(
                    "use the two-letter ISO 3166-1 alpha-2 code, e.g. SE, US",
                    "använd landskoden med två bokstäver enligt ISO 3166-1 alpha-2, t.ex. SE, US",
                )),
            };
            (
                Text::new(
                    format!("{found} is not an ISO 3166-1 alpha-2 country code"),
                    format!("{found} är ingen landskod enligt ISO 3166-1 alpha-2"),
                ),
                help,
            )
        } else {
            let list = options.join(", ");
            let best = did_you_mean(given, options.iter().copied());
            replacement = best.map(Replacement::string);
            let help = best.map(|best| Text::new(format!("did you mean `{best}`?"), format!("menade du `{best}`?")));
            (Text::new(format!("{found} is not one of: {list}"), format!("{found} är inte något av: {list}")), help)
        };
        SchemaIssue { pointer: at.to_string(), anchor: Anchor::Value, message, help, wrong_type: false, replacement }
    }

    fn wrong_type(&self, at: &str, kind: &TypeKind, found: &Value) -> Text {
        let expected = match self.subschema(at) {
            Some(s) if s.get("format").and_then(Value::as_str) == Some("date") => {
                return Text::new(
                    format!("expected a date, found {}", toml_type(found).0),
                    format!("ett datum förväntades, men här står {}", toml_type(found).1),
                );
            }
            _ => expected_type(kind),
        };
        Text::new(
            format!("expected {}, found {}", expected.0, toml_type(found).0),
            format!("{} förväntades, men här står {}", expected.1, toml_type(found).1),
        )
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
    let (message, help) = match format {
        "date" => (
            Text::new(format!("{found} is not a date"), format!("{found} är inte ett datum")),
            Text::new(
                "write a TOML date without quotes, e.g. 2023-02-14",
                "skriv ett TOML-datum utan citattecken, t.ex. 2023-02-14",
            ),
        ),
        "duration" => (
            Text::new(
                format!("{found} is not an ISO 8601 duration"),
                format!("{found} är ingen tidsperiod enligt ISO 8601"),
            ),
            Text::new(
                "write e.g. \"P2Y\" (two years), \"P18M\" (18 months) or \"P30D\" (30 days)",
                "skriv t.ex. \"P2Y\" (två år), \"P18M\" (18 månader) eller \"P30D\" (30 dagar)",
            ),
        ),
        other => (
            Text::new(
                format!("{found} is not a valid {other}"),
                format!("{found} är inte ett giltigt värde ({other})"),
            ),
            Text::new(format!("write a valid {other}"), format!("skriv ett giltigt värde ({other})")),
        ),
    };
    SchemaIssue {
        pointer: at.to_string(),
        anchor: Anchor::Value,
        message,
        help: Some(help),
        wrong_type: false,
        replacement: None,
    }
}

fn other_message(kind: &ValidationErrorKind) -> Text {
    match kind {
        ValidationErrorKind::Minimum { limit } => {
            Text::new(format!("must be at least {limit}"), format!("får inte vara mindre än {limit}"))
        }
        ValidationErrorKind::Maximum { limit } => {
            Text::new(format!("must be at most {limit}"), format!("får inte vara större än {limit}"))
        }
        ValidationErrorKind::MinLength { .. } => Text::new("must not be empty", "får inte vara tom"),
        ValidationErrorKind::Pattern { pattern } => {
            Text::new(format!("does not match the pattern `{pattern}`"), format!("följer inte mönstret `{pattern}`"))
        }
        ValidationErrorKind::Constant { expected_value } => {
            Text::new(format!("must be {expected_value}"), format!("ska vara {expected_value}"))
        }
        // The schema is rpcheck's own and uses only the kinds above and those described apart;
        // should a new one appear, say so plainly rather than print the validator's internals.
        _ => Text::new("does not match the format here", "följer inte formatet här"),
    }
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

fn expected_type(kind: &TypeKind) -> (&'static str, &'static str) {
    let name = match kind {
        TypeKind::Single(t) => format!("{t:?}"),
        TypeKind::Multiple(_) => "Multiple".into(),
    };
    match name.as_str() {
        "String" => ("a string", "en sträng"),
        "Boolean" => ("true or false", "true eller false"),
        "Integer" => ("a whole number", "ett heltal"),
        "Number" => ("a number", "ett tal"),
        "Array" => ("an array", "en lista"),
        "Object" => ("a table", "en tabell"),
        _ => ("another type", "en annan typ"),
    }
}

fn toml_type(value: &Value) -> (&'static str, &'static str) {
    match value {
        Value::String(_) => ("a string", "en sträng"),
        Value::Bool(_) => ("a boolean", "ett sanningsvärde"),
        Value::Number(n) if n.is_f64() => ("a float", "ett decimaltal"),
        Value::Number(_) => ("an integer", "ett heltal"),
        Value::Array(_) => ("an array", "en lista"),
        Value::Object(_) => ("a table", "en tabell"),
        Value::Null => {
            ("a value JSON cannot hold (inf or nan)", "ett värde som JSON inte kan uttrycka (inf eller nan)")
        }
    }
}
