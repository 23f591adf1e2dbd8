//! The one choke point between checks and reports: severity overrides from rpcheck.toml, and a
//! record's waivers, which suppress findings or, expired or pointless, become findings.

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::config::Level;
use crate::findings::{RawFinding, Severity, WaivedFinding};
use crate::model::Waiver;
use crate::rules::Hit;

/// Severity overrides, applied at one choke point for every finding.
#[derive(Debug, Clone, Default)]
pub struct Overrides(BTreeMap<String, Level>);

impl Overrides {
    /// Overrides from `[rules]`.
    pub fn new(rules: BTreeMap<String, Level>) -> Self {
        Overrides(rules)
    }

    /// Drop findings of rules turned off, and set the severity of the others.
    pub fn apply(&self, findings: Vec<RawFinding>) -> Vec<RawFinding> {
        if self.0.is_empty() {
            return findings;
        }
        findings
            .into_iter()
            .filter_map(|mut f| {
                match self.0.get(&*f.rule) {
                    Some(Level::Off) => return None,
                    Some(Level::Info) => f.severity = Severity::Info,
                    Some(Level::Warning) => f.severity = Severity::Warning,
                    Some(Level::Error) => f.severity = Severity::Error,
                    None => {}
                }
                Some(f)
            })
            .collect()
    }

    /// The rule ids the overrides name.
    pub fn rule_ids(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }
}

/// What the waivers made of a record's findings.
pub struct Outcome {
    /// Findings no live waiver covers.
    pub kept: Vec<RawFinding>,
    /// Findings a live waiver suppressed.
    pub waived: Vec<WaivedFinding>,
    /// Waivers that are findings themselves: the rule (`record/waiver-*`) and where.
    pub hits: Vec<(&'static str, Hit)>,
}

/// Split `raw` into what stays and what a live waiver suppresses; expired waivers and waivers
/// that match nothing come back as hits of `record/waiver-expired` and `record/waiver-unused`.
pub fn apply(waivers: &[Waiver], today: Date, raw: Vec<RawFinding>) -> Outcome {
    let mut outcome = Outcome { kept: raw, waived: Vec::new(), hits: Vec::new() };
    for (i, waiver) in waivers.iter().enumerate() {
        let expires = waiver.expires.to_string();
        let hit =
            |key: &str| Hit::at(format!("/waivers/{i}/{key}")).with("rule", &waiver.rule).with("expires", &expires);
        if waiver.expires.0 < today {
            outcome.hits.push(("record/waiver-expired", hit("expires")));
            continue;
        }
        let before = outcome.kept.len();
        outcome.kept.retain(|f| *f.rule != *waiver.rule);
        let matched = before - outcome.kept.len();
        outcome.waived.extend((0..matched).map(|_| WaivedFinding {
            rule: waiver.rule.clone(),
            reason: waiver.reason.clone(),
            expires: Some(expires.clone()),
        }));
        if matched == 0 {
            outcome.hits.push(("record/waiver-unused", hit("rule")));
        }
    }
    outcome
}
