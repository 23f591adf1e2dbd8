//! One record through parsing, inheritance, the schema, the rules and the waivers, to findings
//! drawn on its text. Every finding of every origin leaves through one function, `Engine::settle`.

use std::ops::Range;
use std::sync::Arc;

use jiff::civil::Date;
use serde::Deserialize;
use serde_json::Value;

use crate::config::Overrides;
use crate::findings::{Anchor, Finding, Lang, RawFinding, Region, Severity, WaivedFinding};
use crate::model::Record;
use crate::policy::{Check, Policy, Rule, select};
use crate::rules::{Hit, RuleContext};
use crate::schema_check::SchemaCheck;
use crate::source::read::{Content, Problem};
use crate::source::{self, Document, LineIndex};
use crate::waivers;

/// Everything that stays the same for every record of a run (or of one project in it).
pub struct Engine<'a> {
    policy: &'a Policy,
    schema: &'a SchemaCheck,
    settings: Settings<'a>,
}

/// What a project decides about how its records are judged.
#[derive(Clone, Copy)]
pub struct Settings<'a> {
    /// Language of messages.
    pub lang: Lang,
    /// The day dates are judged by.
    pub today: Date,
    /// Review interval when a record names none.
    pub default_review_months: u32,
    /// Severity overrides from rpcheck.toml.
    pub overrides: &'a Overrides,
    /// `[controller]` from rpcheck.toml, inherited key by key.
    pub controller: Option<&'a Value>,
}

/// A place on a file's text: the bytes, and the same as lines and columns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Located {
    /// Byte range.
    pub span: Range<usize>,
    /// Lines and columns of the same range.
    pub region: Region,
}

/// What one record yielded.
#[derive(Debug, Default)]
pub struct Checked {
    /// The record's id, when it has one.
    pub record: Option<String>,
    /// Where the id stands, for findings about it made later (ids shared across files).
    pub id_at: Option<Located>,
    /// Findings, placed on the text.
    pub findings: Vec<Finding>,
    /// Findings a waiver suppressed.
    pub waived: Vec<WaivedFinding>,
}

/// A record's waivers, with what they need to make findings of their own.
struct WaiverScope<'r> {
    record: &'r Record,
    value: &'r Value,
}

impl<'a> Engine<'a> {
    /// An engine for one project's rules and settings.
    pub fn new(policy: &'a Policy, schema: &'a SchemaCheck, settings: Settings<'a>) -> Self {
        Engine { policy, schema, settings }
    }

    /// The language of this engine's messages.
    pub fn lang(&self) -> Lang {
        self.settings.lang
    }

    /// Check one record file's text; findings carry their spans and lines.
    pub fn check(&self, text: &str) -> Checked {
        let lines = LineIndex::new(text);
        let mut doc = match source::parse(text) {
            Ok(doc) => doc,
            Err(errors) => return self.unparsed(self.syntax_errors(errors), &lines),
        };
        let mut value = std::mem::take(&mut doc.value);
        if let Some(defaults) = self.settings.controller {
            inherit_controller(&mut value, defaults);
        }
        let record_id = value.get("id").and_then(Value::as_str).map(str::to_string);
        let (raw, record) = self.raw_findings(&value);
        let scope = record.as_ref().map(|record| WaiverScope { record, value: &value });
        let (findings, waived) = self.settle(raw, scope, |raw| locate(&doc, &lines, raw));
        let id_at = record_id.as_ref().map(|_| {
            let span = doc.span_of("/id");
            Located { region: lines.region(&span), span }
        });
        Checked { record: record_id, id_at, findings, waived }
    }

    /// Check what a file held: its text, or the reason it cannot be checked.
    pub fn check_content(&self, content: Content) -> (Arc<str>, Checked) {
        match content {
            Content::Text(text) => {
                let checked = self.check(&text);
                (text, checked)
            }
            Content::Unusable { text, at, problem } => {
                let raw = self.unusable(at, problem);
                let checked = self.unparsed(vec![raw], &LineIndex::new(&text));
                (text, checked)
            }
        }
    }

    /// A finding about a record that only the whole run can see (an id another file uses too),
    /// drawn at `at`; `None` when rpcheck.toml turns the rule off.
    pub fn cross_file_finding(&self, raw: RawFinding, at: &Located) -> Option<Finding> {
        self.settle(vec![raw], None, |_| at.clone()).0.pop()
    }

    /// The one path every finding takes: the severity override from rpcheck.toml, then the
    /// record's waivers (whose own findings take the override too), then its place on the text.
    fn settle(
        &self,
        raw: Vec<RawFinding>,
        waivers: Option<WaiverScope<'_>>,
        locate: impl Fn(&RawFinding) -> Located,
    ) -> (Vec<Finding>, Vec<WaivedFinding>) {
        let raw = self.settings.overrides.apply(raw);
        let (raw, waived) = match waivers {
            Some(scope) => self.apply_waivers(&scope, raw),
            None => (raw, Vec::new()),
        };
        let findings = raw
            .into_iter()
            .map(|raw| {
                let at = locate(&raw);
                self.finish(raw, at)
            })
            .collect();
        (findings, waived)
    }

    fn unparsed(&self, raw: Vec<RawFinding>, lines: &LineIndex<'_>) -> Checked {
        let (findings, _) = self.settle(raw, None, |raw| {
            let span = match &raw.anchor {
                Anchor::Span(span) => span.clone(),
                Anchor::Value | Anchor::Key => 0..0,
            };
            Located { region: lines.region(&span), span }
        });
        Checked { findings, ..Checked::default() }
    }

    fn raw_findings(&self, value: &Value) -> (Vec<RawFinding>, Option<Record>) {
        let issues = self.schema.check(value);
        if !issues.is_empty() {
            let raw = issues
                .into_iter()
                .map(|issue| {
                    let worded = self.policy.schema_issue(&issue, self.settings.lang);
                    RawFinding {
                        message: worded.message,
                        help: worded.help,
                        fix: worded.fix,
                        ..self.engine_finding("record/schema", issue.pointer, issue.anchor, String::new(), None)
                    }
                })
                .collect();
            return (raw, None);
        }
        match Record::deserialize(value) {
            Ok(record) => (self.run_rules(&record, value), Some(record)),
            // The schema and the types say the same; should they ever disagree, say so, never panic.
            Err(e) => {
                (vec![self.engine_finding("record/schema", String::new(), Anchor::Value, e.to_string(), None)], None)
            }
        }
    }

    fn run_rules(&self, record: &Record, value: &Value) -> Vec<RawFinding> {
        let ctx = RuleContext {
            record,
            value,
            facts: &self.policy.facts,
            today: self.settings.today,
            default_review_months: self.settings.default_review_months,
        };
        let mut out = Vec::new();
        let packs: Vec<bool> = self.policy.packs.iter().map(|p| p.applies(value)).collect();
        for rule in self.policy.rules.iter().filter(|r| packs[r.pack] && r.applies(value)) {
            match &rule.check {
                Check::Declarative { each, when, require, at } => {
                    for (pointer, node) in select(value, each) {
                        if when.as_ref().is_some_and(|w| !w.is_valid(node)) {
                            continue;
                        }
                        let targets = match (require, at) {
                            (Some(r), _) if r.is_valid(node) => continue,
                            (_, Some(at)) => vec![format!("{pointer}{at}")],
                            (Some(r), None) => error_pointers(r, node, &pointer),
                            (None, None) => vec![pointer.clone()],
                        };
                        for target in targets {
                            out.push(self.rule_finding(rule, value, node, Hit::at(target)));
                        }
                    }
                }
                Check::Native(check) => {
                    for hit in check(&ctx) {
                        let node = value.pointer(&hit.pointer).unwrap_or(&Value::Null);
                        out.push(self.rule_finding(rule, value, node, hit));
                    }
                }
                Check::Engine => {}
            }
        }
        out
    }

    /// The record's waivers; the findings they make take the overrides too.
    fn apply_waivers(&self, scope: &WaiverScope<'_>, raw: Vec<RawFinding>) -> (Vec<RawFinding>, Vec<WaivedFinding>) {
        let WaiverScope { record, value } = *scope;
        let outcome = waivers::apply(&record.waivers, self.settings.today, raw);
        let mut kept = outcome.kept;
        let made = outcome.hits.into_iter().filter_map(|(id, hit)| {
            let rule = self.policy.rule(id)?;
            let node =
                value.pointer(hit.pointer.rsplit_once('/').map_or("", |(parent, _)| parent)).unwrap_or(&Value::Null);
            Some(self.rule_finding(rule, value, node, hit))
        });
        kept.extend(self.settings.overrides.apply(made.collect()));
        (kept, outcome.waived)
    }

    /// A finding of `rule`, with its case applied and its message filled in.
    pub fn rule_finding(&self, rule: &Rule, record: &Value, node: &Value, hit: Hit) -> RawFinding {
        let case = rule.case_for(node, record);
        let template = case.and_then(|c| c.message.as_ref()).unwrap_or(&rule.message);
        RawFinding {
            rule: rule.id.clone(),
            severity: case.and_then(|c| c.severity).unwrap_or(rule.severity),
            message: self.fill(template.shared(self.settings.lang), node, record, &hit.vars),
            help: self.fill(rule.help.shared(self.settings.lang), node, record, &hit.vars),
            pointer: hit.pointer,
            anchor: Anchor::Value,
            fix: None,
        }
    }

    /// A finding of a rule the engine emits itself, with a message made by the caller.
    pub fn engine_finding(
        &self,
        id: &str,
        pointer: String,
        anchor: Anchor,
        message: String,
        help: Option<String>,
    ) -> RawFinding {
        let rule = self.policy.rule(id);
        RawFinding {
            rule: rule.map_or_else(|| Arc::from(id), |r| r.id.clone()),
            severity: rule.map_or(Severity::Error, |r| r.severity),
            pointer,
            anchor,
            message: message.into(),
            help: help
                .map(Arc::from)
                .or_else(|| rule.map(|r| r.help.shared(self.settings.lang).clone()))
                .unwrap_or_default(),
            fix: None,
        }
    }

    /// A file whose bytes cannot be checked: one `record/syntax` finding that says why.
    fn unusable(&self, at: usize, problem: Problem) -> RawFinding {
        let at = Anchor::Span(at..at);
        match problem {
            Problem::TooLarge(limit) => {
                self.worded_finding("record/syntax", "too-large", String::new(), at, &[("limit", limit.to_string())])
            }
            Problem::NotUtf8 => self.worded_finding("record/syntax", "not-utf8", String::new(), at, &[]),
        }
    }

    fn syntax_errors(&self, mut errors: Vec<source::SyntaxError>) -> Vec<RawFinding> {
        // A broken file can yield the same complaint many times over (deep nesting); once is enough.
        errors.sort_by(|a, b| (a.span.start, &a.message).cmp(&(b.span.start, &b.message)));
        errors.dedup_by(|a, b| a.message == b.message);
        errors.into_iter().map(|e| self.syntax_finding(&e)).collect()
    }

    /// A TOML syntax error in the run's language: the parser's phrases through the `toml`
    /// glossary of the record pack (a phrase it does not list stays as the parser wrote it).
    fn syntax_finding(&self, error: &source::SyntaxError) -> RawFinding {
        let (problem, expected) = error.parts();
        let word = |phrase: &str| {
            let known = self.policy.glossary.get("toml").and_then(|words| words.get(phrase));
            known.map_or(phrase, |w| w.get(self.settings.lang)).to_string()
        };
        let at = Anchor::Span(error.span.clone());
        let mut vars = vec![("problem", word(problem))];
        if expected.is_empty() {
            return self.worded_finding("record/syntax", "toml", String::new(), at, &vars);
        }
        let expected: Vec<String> = expected.into_iter().map(word).collect();
        vars.push(("expected", expected.join(", ")));
        self.worded_finding("record/syntax", "toml-expected", String::new(), at, &vars)
    }

    /// A finding the engine makes itself, worded by the rule's case `case` (or the rule's own
    /// message) with `vars` filled in, like every rule's.
    pub fn worded_finding(
        &self,
        id: &str,
        case: &str,
        pointer: String,
        anchor: Anchor,
        vars: &[(&str, String)],
    ) -> RawFinding {
        let Some(worded) = self.policy.worded(id, case, Some(case), vars, self.settings.lang) else {
            return self.engine_finding(id, pointer, anchor, id.to_string(), None);
        };
        let raw = self.engine_finding(id, pointer, anchor, String::new(), None);
        let case_severity = self.policy.rule(id).and_then(|r| r.named_case(case)).and_then(|c| c.severity);
        RawFinding {
            message: worded.message,
            help: worded.help,
            severity: case_severity.unwrap_or(raw.severity),
            ..raw
        }
    }

    /// A raw finding on its place, with the rule's references.
    fn finish(&self, raw: RawFinding, at: Located) -> Finding {
        let references = self.policy.rule(&raw.rule).map(|r| r.references.clone()).unwrap_or_default();
        Finding {
            rule: raw.rule,
            severity: raw.severity,
            pointer: raw.pointer,
            span: at.span,
            region: at.region,
            message: raw.message,
            help: Some(raw.help).filter(|h| !h.is_empty()),
            references,
            fix: raw.fix,
        }
    }
}

/// Where a raw finding of a parsed record stands on its text.
fn locate(doc: &Document<'_>, lines: &LineIndex<'_>, raw: &RawFinding) -> Located {
    let span = match &raw.anchor {
        Anchor::Span(span) => span.clone(),
        Anchor::Key => doc.key_span(&raw.pointer).unwrap_or_else(|| doc.span_of(&raw.pointer)),
        Anchor::Value => doc.span_of(&raw.pointer),
    };
    Located { region: lines.region(&span), span }
}

/// Every distinct place a failed `require` points at, as absolute pointers: one finding
/// each, so two purposes lacking a description give two findings.
fn error_pointers(require: &jsonschema::Validator, node: &Value, base: &str) -> Vec<String> {
    let mut pointers: Vec<String> =
        require.iter_errors(node).map(|e| format!("{base}{}", e.instance_path().as_str())).collect();
    pointers.sort();
    pointers.dedup();
    pointers
}

/// Copy the project's `[controller]` keys into the record where it has none of its own.
pub fn inherit_controller(record: &mut Value, defaults: &Value) {
    let (Some(root), Some(defaults)) = (record.as_object_mut(), defaults.as_object()) else {
        return;
    };
    let controller = root.entry("controller").or_insert_with(|| Value::Object(Default::default()));
    if let Some(controller) = controller.as_object_mut() {
        for (key, value) in defaults {
            controller.entry(key.clone()).or_insert_with(|| value.clone());
        }
    }
}

impl Engine<'_> {
    /// Fill `{name}` (from the hit, else relative to the node) and `{/a/b}` (from the record),
    /// putting values the glossary knows into words of the run's language.
    pub fn fill(&self, template: &Arc<str>, node: &Value, record: &Value, vars: &[(&str, String)]) -> Arc<str> {
        self.policy.fill(template, node, record, vars, self.settings.lang)
    }
}
