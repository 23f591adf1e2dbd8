//! The rule pack format as written in `policies/*.toml`: one `[[rule]]` entry holds everything
//! about a rule, so `explain`, `rules`, SARIF and the docs all come from the same place.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use crate::findings::{Severity, Text};
use crate::law::reference::ReferenceSpec;

/// A whole pack file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    /// What the pack is and when it applies.
    pub pack: PackHeader,
    /// The rules, in the order the pack lists them.
    #[serde(default)]
    pub rule: Vec<RuleSpec>,
}

/// The pack's own entry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackHeader {
    /// The pack id; every rule id in it starts with `id/`.
    pub id: String,
    /// What the pack covers.
    pub title: Text,
    /// JSON Schema the whole record must match for the pack to apply (e.g. controller.country = SE).
    #[serde(default)]
    pub when_record: Option<Value>,
    /// Words for values that messages interpolate: placeholder name, then value, then text
    /// (`[pack.glossary.right] erasure = { en = "the right to erasure", sv = "rätten till radering" }`).
    #[serde(default)]
    pub glossary: BTreeMap<String, BTreeMap<String, Text>>,
}

/// One rule as written in a pack.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// Stable id `pack/slug`; never renamed, never reused.
    pub id: String,
    /// Default severity.
    pub severity: Severity,
    /// A short title.
    pub title: Text,
    /// The finding's message; `{key}` takes a value from the selected node, `{/a/b}` from the record.
    pub message: Text,
    /// How to fix it.
    pub help: Text,
    /// Why the rule exists: the law in plain words, for `explain`.
    pub why: Text,
    /// The provisions the rule rests on.
    pub references: Vec<ReferenceSpec>,
    /// JSON pointer selecting the nodes to check, with `*` for every element or key.
    #[serde(default)]
    pub each: Option<String>,
    /// JSON Schema a selected node must match for the rule to look at it.
    #[serde(default)]
    pub when: Option<Value>,
    /// JSON Schema the whole record must match for the rule to look at it.
    #[serde(default)]
    pub when_record: Option<Value>,
    /// JSON Schema a selected node must match, or the rule fires.
    #[serde(default)]
    pub require: Option<Value>,
    /// Pointer, relative to the selected node, that the finding is drawn on.
    #[serde(default)]
    pub at: Option<String>,
    /// Name of the native check in Rust, for what JSON Schema cannot say.
    #[serde(default)]
    pub native: Option<String>,
    /// Set on rules the engine itself emits (schema, syntax, waivers, duplicates across files).
    #[serde(default)]
    pub engine: bool,
    /// Conditions that change the severity or the message of a finding.
    #[serde(default)]
    pub case: Vec<Case>,
    /// Records on which the rule fires and does not: documentation and tests at once.
    #[serde(default)]
    pub example: Vec<Example>,
}

/// A condition that changes severity or message when it matches; the first match wins. A case
/// with a `name` is chosen by the engine instead (the wording of a finding it makes itself, such
/// as a file too large to read), never by a condition.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// The name the engine asks for.
    #[serde(default)]
    pub name: Option<String>,
    /// How to fix it, in this case.
    #[serde(default)]
    pub help: Option<Text>,
    /// JSON Schema on the node the finding is about.
    #[serde(default)]
    pub when: Option<Value>,
    /// JSON Schema on the whole record.
    #[serde(default)]
    pub when_record: Option<Value>,
    /// The severity in this case.
    #[serde(default)]
    pub severity: Option<Severity>,
    /// The message in this case.
    #[serde(default)]
    pub message: Option<Text>,
}

/// A record snippet with whether the rule fires on it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// Whether the rule must fire on this record.
    pub fires: bool,
    /// The record in TOML; `schema_version` and `id` are added when absent.
    pub record: String,
    /// The day to judge dates by; a fixed default keeps examples reproducible.
    #[serde(default)]
    pub today: Option<toml::value::Datetime>,
    /// A baseline (`rpcheck-baseline.toml`) the record is judged against, the record being
    /// `example.toml` at the project root: the only way a rule about baselines can fire.
    #[serde(default)]
    pub baseline: Option<String>,
}
