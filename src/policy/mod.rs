//! Rule packs: the built-in ones embedded in the binary, a user's own from rpcheck.toml, each
//! compiled once per run into rules the engine can apply.

mod placeholders;
pub mod spec;
mod wording;

pub use wording::Worded;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jsonschema::{Draft, Validator};
use serde_json::Value;

use crate::error::{Error, Result};
use crate::facts::Facts;
use crate::findings::{Reference, Severity, Text};
use crate::law::reference::ReferenceSpec;
use crate::law::statute::Statutes;
use crate::rules::{self, NativeCheck};
use spec::{Example, PackFile, RuleSpec};

/// The packs built into the binary, as (file name, the pack as JSON). build.rs converts them:
/// every run loads them, and serde reads JSON faster than TOML.
const BUILTIN_PACKS: &[(&str, &str)] = &[
    ("policies/record.toml", include_str!(concat!(env!("OUT_DIR"), "/record.json"))),
    ("policies/gdpr.toml", include_str!(concat!(env!("OUT_DIR"), "/gdpr.json"))),
    ("policies/se.toml", include_str!(concat!(env!("OUT_DIR"), "/se.json"))),
];

/// Where a pack came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Embedded in the binary.
    Builtin(&'static str),
    /// A user's pack file.
    User(PathBuf),
}

/// A pack after compilation.
pub struct Pack {
    /// The pack id.
    pub id: String,
    /// What the pack covers.
    pub title: Text,
    /// Where it came from.
    pub origin: Origin,
    when_record: Option<Validator>,
}

impl Pack {
    /// Whether the pack applies to this record (e.g. the Swedish pack to Swedish controllers).
    pub fn applies(&self, record: &Value) -> bool {
        self.when_record.as_ref().is_none_or(|v| v.is_valid(record))
    }
}

/// How a rule is checked.
pub enum Check {
    /// Selected nodes are matched against JSON Schemas.
    Declarative {
        /// The selector, split into segments (`*` matches every element or key).
        each: Vec<String>,
        /// Condition on the node.
        when: Option<Validator>,
        /// Demand on the node.
        require: Option<Validator>,
        /// Where to draw the finding, relative to the node.
        at: Option<String>,
    },
    /// A check written in Rust.
    Native(NativeCheck),
    /// Emitted by the engine itself (schema, syntax, waivers, duplicates across files).
    Engine,
}

/// A condition that changes a finding's severity or message, or a wording the engine names.
pub struct CompiledCase {
    /// The name the engine asks for; a named case has no condition.
    pub name: Option<String>,
    /// How to fix it, in this case.
    pub help: Option<Text>,
    when: Option<Validator>,
    when_record: Option<Validator>,
    /// The severity in this case.
    pub severity: Option<Severity>,
    /// The message in this case.
    pub message: Option<Text>,
}

/// A rule ready to run.
pub struct Rule {
    /// Stable id `pack/slug` (shared by its findings).
    pub id: Arc<str>,
    /// Index of its pack in [`Policy::packs`].
    pub pack: usize,
    /// Default severity.
    pub severity: Severity,
    /// Short title.
    pub title: Text,
    /// Message template.
    pub message: Text,
    /// How to fix.
    pub help: Text,
    /// The law in plain words.
    pub why: Text,
    /// Provisions it rests on (shared by its findings).
    pub references: std::sync::Arc<[Reference]>,
    /// How it is checked.
    pub check: Check,
    /// Severity and message variants.
    pub cases: Vec<CompiledCase>,
    /// Examples that fire and do not.
    pub examples: Vec<Example>,
    /// Condition on the whole record.
    pub when_record: Option<Validator>,
}

impl Rule {
    /// Whether the rule's own record condition holds (its pack's is [`Pack::applies`]).
    pub fn applies(&self, record: &Value) -> bool {
        self.when_record.as_ref().is_none_or(|v| v.is_valid(record))
    }

    /// The case the engine names, for the wording of a finding it makes itself.
    pub fn named_case(&self, name: &str) -> Option<&CompiledCase> {
        self.cases.iter().find(|c| c.name.as_deref() == Some(name))
    }

    /// What a reader is told about the rule, for output that lists rules.
    pub fn doc(&self) -> crate::findings::RuleDoc {
        crate::findings::RuleDoc {
            id: self.id.clone(),
            severity: self.severity,
            title: self.title.clone(),
            help: self.help.clone(),
            why: self.why.clone(),
            references: self.references.clone(),
        }
    }

    /// The first case matching the node and the record, if any.
    pub fn case_for(&self, node: &Value, record: &Value) -> Option<&CompiledCase> {
        self.cases.iter().filter(|c| c.name.is_none()).find(|c| {
            c.when.as_ref().is_none_or(|v| v.is_valid(node))
                && c.when_record.as_ref().is_none_or(|v| v.is_valid(record))
        })
    }
}

/// Every rule of a run, with the facts native rules consult.
pub struct Policy {
    /// The packs, built-in first.
    pub packs: Vec<Pack>,
    /// The rules, in pack order.
    pub rules: Vec<Rule>,
    /// Facts that change with the world (EEA, adequacy, platforms).
    pub facts: Facts,
    /// Words for interpolated values, from every pack's glossary.
    pub glossary: Glossary,
    /// The Swedish statutes references may cite.
    statutes: Statutes,
    index: HashMap<Arc<str>, usize>,
}

/// Words for interpolated values: placeholder name, then value, then the text.
pub type Glossary = std::collections::BTreeMap<String, std::collections::BTreeMap<String, Text>>;

impl Policy {
    /// The built-in packs plus the user's pack files.
    pub fn load(user_packs: &[PathBuf]) -> Result<Policy> {
        let mut policy = Policy {
            packs: Vec::new(),
            rules: Vec::new(),
            facts: Facts::builtin()?,
            glossary: Glossary::new(),
            statutes: Statutes::builtin()?,
            index: HashMap::new(),
        };
        // What placeholders may name is checked against the record format.
        let record_schema = crate::model::record_schema();
        for (name, json) in BUILTIN_PACKS {
            // The TOML it was made from is checked by the pack tests, so this never fails in a build.
            let source = PackSource { path: Path::new(name), text: json };
            let file = serde_json::from_str(json).map_err(|e| source.error(None, e.to_string(), None))?;
            policy.add_pack(Origin::Builtin(name), source, file, record_schema)?;
        }
        for path in user_packs {
            let shown = crate::paths::shown_path(path);
            let text = std::fs::read_to_string(path).map_err(|e| Error::io(&shown, e))?;
            let source = PackSource { path: &shown, text: &text };
            let file = toml::from_str(&text).map_err(|e| source.error(e.span(), e.message().to_string(), None))?;
            policy.add_pack(Origin::User(shown.clone()), source, file, record_schema)?;
        }
        Ok(policy)
    }

    /// The rule with this id.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.index.get(id).map(|&i| &self.rules[i])
    }

    fn add_pack(
        &mut self,
        origin: Origin,
        pack_source: PackSource<'_>,
        file: PackFile,
        record_schema: &Value,
    ) -> Result<()> {
        let when_record =
            file.pack.when_record.as_ref().map(|s| pack_source.compile(s, "/pack/when_record")).transpose()?;
        for (name, words) in &file.pack.glossary {
            self.glossary.entry(name.clone()).or_default().extend(words.clone());
        }
        let pack = self.packs.len();
        let builtin = matches!(origin, Origin::Builtin(_));
        self.packs.push(Pack { id: file.pack.id.clone(), title: file.pack.title, origin, when_record });
        for (i, spec) in file.rule.into_iter().enumerate() {
            if let Some(unfilled) = placeholders::unfilled(&spec, record_schema) {
                let span = pack_source.span(&format!("/rule/{i}/{}", unfilled.field));
                let message = format!("`{{{}}}` in rule `{}` names nothing the rule fills", unfilled.name, spec.id);
                let help = format!("it fills: {}", unfilled.fills.join(", "));
                return Err(pack_source.error(span, message, Some(help)));
            }
            let rule = pack_source.compile_rule(spec, i, pack, &file.pack.id, builtin, &self.statutes)?;
            if self.index.contains_key(&*rule.id) {
                let span = pack_source.span(&format!("/rule/{i}/id"));
                return Err(pack_source.error(span, format!("rule id `{}` is already defined", rule.id), None));
            }
            self.index.insert(rule.id.clone(), self.rules.len());
            self.rules.push(rule);
        }
        Ok(())
    }
}

/// A pack file's text, for compiling and for pointing errors into it.
struct PackSource<'a> {
    path: &'a Path,
    text: &'a str,
}

impl PackSource<'_> {
    fn span(&self, pointer: &str) -> Option<std::ops::Range<usize>> {
        crate::source::parse(self.text).ok().map(|doc| doc.span_of(pointer))
    }

    fn error(&self, span: Option<std::ops::Range<usize>>, message: String, help: Option<String>) -> Error {
        Error::invalid_file("broken policy pack", self.path, self.text, span, message, help)
    }

    fn compile(&self, schema: &Value, pointer: &str) -> Result<Validator> {
        compile_schema(schema).map_err(|message| self.error(self.span(pointer), message, None))
    }

    fn compile_opt(&self, schema: &Option<Value>, pointer: String) -> Result<Option<Validator>> {
        schema.as_ref().map(|s| self.compile(s, &pointer)).transpose()
    }

    fn compile_rule(
        &self,
        spec: RuleSpec,
        i: usize,
        pack: usize,
        pack_id: &str,
        builtin: bool,
        statutes: &Statutes,
    ) -> Result<Rule> {
        let at = |key: &str| format!("/rule/{i}/{key}");
        if !spec.id.starts_with(&format!("{pack_id}/")) {
            let help = Some(format!("name it `{pack_id}/...`"));
            return Err(self.error(
                self.span(&at("id")),
                format!("rule id `{}` is not in pack `{pack_id}`", spec.id),
                help,
            ));
        }
        let declarative = spec.each.is_some() || spec.when.is_some() || spec.require.is_some() || spec.at.is_some();
        let check = match (&spec.native, spec.engine, declarative) {
            (Some(name), false, false) => Check::Native(rules::native(name).ok_or_else(|| {
                self.error(
                    self.span(&at("native")),
                    format!("no native check is called `{name}`"),
                    Some(rules::native_names_help()),
                )
            })?),
            (None, true, false) if builtin => Check::Engine,
            (None, false, _) => Check::Declarative {
                each: selector(spec.each.as_deref().unwrap_or("")),
                when: self.compile_opt(&spec.when, at("when"))?,
                require: self.compile_opt(&spec.require, at("require"))?,
                at: spec.at.clone(),
            },
            _ => {
                let help = Some("a rule is declarative (each/when/require) or native, not both".to_string());
                return Err(self.error(
                    self.span(&format!("/rule/{i}")),
                    format!("rule `{}` mixes check kinds", spec.id),
                    help,
                ));
            }
        };
        let mut cases = Vec::with_capacity(spec.case.len());
        for (c, case) in spec.case.iter().enumerate() {
            cases.push(CompiledCase {
                name: case.name.clone(),
                help: case.help.clone(),
                when: self.compile_opt(&case.when, at(&format!("case/{c}/when")))?,
                when_record: self.compile_opt(&case.when_record, at(&format!("case/{c}/when_record")))?,
                severity: case.severity,
                message: case.message.clone(),
            });
        }
        let references = self.references(spec.references, i, statutes)?;
        Ok(Rule {
            when_record: self.compile_opt(&spec.when_record, at("when_record"))?,
            id: spec.id.into(),
            pack,
            severity: spec.severity,
            title: spec.title,
            message: spec.message,
            help: spec.help,
            why: spec.why,
            references: references.into(),
            check,
            cases,
            examples: spec.example,
        })
    }
}

impl PackSource<'_> {
    /// Each reference with its citation and link in both languages, or the first broken one.
    fn references(&self, specs: Vec<ReferenceSpec>, rule: usize, statutes: &Statutes) -> Result<Vec<Reference>> {
        let mut out = Vec::with_capacity(specs.len());
        for (j, spec) in specs.into_iter().enumerate() {
            let reference = spec
                .resolve(statutes)
                .map_err(|message| self.error(self.span(&format!("/rule/{rule}/references/{j}")), message, None))?;
            out.push(reference);
        }
        Ok(out)
    }
}

/// Compile a rule's JSON Schema (draft 2020-12, formats checked, and rpcheck's own format
/// `filled-in`: text that is neither blank nor a placeholder).
pub fn compile_schema(schema: &Value) -> std::result::Result<Validator, String> {
    jsonschema::options()
        .with_draft(Draft::Draft202012)
        .should_validate_formats(true)
        .with_format(rules::values::FILLED_IN, |text: &str| !rules::values::is_blank(Some(text)))
        .build(schema)
        .map_err(|e| format!("invalid JSON Schema: {e}"))
}

fn selector(each: &str) -> Vec<String> {
    crate::source::pointer_segments(each).map(std::borrow::Cow::into_owned).collect()
}

/// Every node `each` selects in `value`, with its pointer.
pub fn select<'v>(value: &'v Value, each: &[String]) -> Vec<(String, &'v Value)> {
    let mut current = vec![(String::new(), value)];
    for segment in each {
        let mut next = Vec::new();
        for (pointer, node) in current {
            match (segment.as_str(), node) {
                ("*", Value::Array(items)) => {
                    next.extend(items.iter().enumerate().map(|(i, v)| (format!("{pointer}/{i}"), v)));
                }
                ("*", Value::Object(map)) => {
                    next.extend(map.iter().map(|(k, v)| (format!("{pointer}/{}", crate::source::escape_segment(k)), v)))
                }
                (key, Value::Object(map)) => {
                    if let Some(v) = map.get(key) {
                        next.push((format!("{pointer}/{}", crate::source::escape_segment(key)), v));
                    }
                }
                (index, Value::Array(items)) => {
                    if let Some(v) = index.parse::<usize>().ok().and_then(|i| items.get(i)) {
                        next.push((format!("{pointer}/{index}"), v));
                    }
                }
                _ => {}
            }
        }
        current = next;
    }
    current
}
