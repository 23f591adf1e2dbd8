//! A record's waivers: documented, expiring exceptions that suppress findings or, expired or
//! pointless, become findings themselves. The engine applies them in its one sink.

use jiff::civil::Date;

use crate::findings::{RawFinding, WaivedFinding};
use crate::model::Waiver;
use crate::rules::Hit;

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
