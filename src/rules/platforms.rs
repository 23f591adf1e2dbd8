//! Social-media platforms: joint control for page statistics, and comments as official documents.

use super::{Hit, RuleContext};

/// A platform among the recipients that no joint controller entry names.
pub fn joint_control(ctx: &RuleContext<'_>) -> Vec<Hit> {
    let mut reported = Vec::new();
    let mut hits = Vec::new();
    for (pointer, name) in ctx.recipient_names().chain(ctx.transfer_recipients()) {
        let Some(platform) = ctx.facts.platform_in(name) else {
            continue;
        };
        let covered = ctx
            .joint_controller_names()
            .any(|(_, j)| ctx.facts.platform_in(j).is_some_and(|p| p.name == platform.name));
        if !covered && !reported.contains(&platform.name) {
            reported.push(platform.name.clone());
            hits.push(Hit::at(pointer).with("name", name).with("platform", platform.name.as_str()));
        }
    }
    hits
}

/// A public body's record that involves a platform and does not declare public records.
pub fn public_records(ctx: &RuleContext<'_>) -> Vec<Hit> {
    if !ctx.is_public_body() {
        return Vec::new();
    }
    let declared = ctx.record.retention.as_ref().and_then(|r| r.public_records) == Some(true);
    if declared {
        return Vec::new();
    }
    let first = ctx
        .recipient_names()
        .chain(ctx.transfer_recipients())
        .chain(ctx.joint_controller_names())
        .find_map(|(_, name)| ctx.facts.platform_in(name));
    match first {
        Some(platform) => {
            let at = if ctx.record.retention.is_some() { "/retention/public_records" } else { "/retention" };
            vec![Hit::at(at).with("platform", platform.name.as_str())]
        }
        None => Vec::new(),
    }
}
