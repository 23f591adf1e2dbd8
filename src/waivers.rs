//! Waivers: the one place a record's documented exceptions suppress findings, and where
//! expired or pointless waivers become findings themselves.

use serde_json::Value;

use crate::engine::{Engine, RawFinding};
use crate::findings::WaivedFinding;
use crate::model::Record;
use crate::rules::Hit;

/// Split `raw` into what stays and what a live waiver suppresses; add waiver findings.
pub fn apply(
    engine: &Engine<'_>,
    record: &Record,
    record_value: &Value,
    raw: Vec<RawFinding>,
) -> (Vec<RawFinding>, Vec<WaivedFinding>) {
    let mut kept = raw;
    let mut waived = Vec::new();
    let mut extra = Vec::new();
    for (i, waiver) in record.waivers.iter().enumerate() {
        let expires = waiver.expires.to_string();
        if waiver.expires.0 < engine.today {
            extra.push(waiver_finding(
                engine,
                record_value,
                "record/waiver-expired",
                i,
                "expires",
                &waiver.rule,
                &expires,
            ));
            continue;
        }
        let before = kept.len();
        kept.retain(|f| *f.rule != *waiver.rule);
        let matched = before - kept.len();
        for _ in 0..matched {
            waived.push(WaivedFinding {
                rule: waiver.rule.clone(),
                reason: waiver.reason.clone(),
                expires: Some(expires.clone()),
            });
        }
        if matched == 0 {
            extra.push(waiver_finding(engine, record_value, "record/waiver-unused", i, "rule", &waiver.rule, &expires));
        }
    }
    kept.extend(extra);
    (kept, waived)
}

fn waiver_finding(
    engine: &Engine<'_>,
    record: &Value,
    id: &str,
    i: usize,
    key: &str,
    rule: &str,
    expires: &str,
) -> RawFinding {
    let hit = Hit::at(format!("/waivers/{i}/{key}")).with("rule", rule).with("expires", expires);
    let node = record.pointer(&format!("/waivers/{i}")).unwrap_or(&Value::Null);
    match engine.policy.rule(id) {
        Some(r) => engine.rule_finding(r, record, node, hit),
        None => engine.engine_finding(
            id,
            hit.pointer,
            crate::schema_check::Anchor::Value,
            format!("waiver for `{rule}`"),
            None,
        ),
    }
}
