//! Social-media platforms: joint control for page statistics, and comments as official documents.

use super::{Hit, RuleContext};

/// Names of recipients and transfer recipients, with their pointers.
fn recipient_names<'r>(ctx: &'r RuleContext<'_>) -> impl Iterator<Item = (String, &'r str)> {
    let recipients = ctx
        .record
        .recipients
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some((format!("/recipients/{i}/name"), r.name.as_deref()?)));
    let transfers = ctx
        .record
        .transfers
        .iter()
        .enumerate()
        .filter_map(|(i, t)| Some((format!("/transfers/{i}/recipient"), t.recipient.as_deref()?)));
    recipients.chain(transfers)
}

/// A platform among the recipients that no joint controller entry names.
pub fn joint_control(ctx: &RuleContext<'_>) -> Vec<Hit> {
    let mut reported = Vec::new();
    let mut hits = Vec::new();
    for (pointer, name) in recipient_names(ctx) {
        let Some(platform) = ctx.facts.platform_in(name) else {
            continue;
        };
        let joint = ctx.record.joint_controllers.iter().filter_map(|j| j.name.as_deref());
        let covered = joint.into_iter().any(|j| ctx.facts.platform_in(j).is_some_and(|p| p.name == platform.name));
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
    let joint = ctx
        .record
        .joint_controllers
        .iter()
        .enumerate()
        .filter_map(|(i, j)| Some((format!("/joint_controllers/{i}/name"), j.name.as_deref()?)));
    let first = recipient_names(ctx).chain(joint).find_map(|(_, name)| ctx.facts.platform_in(name));
    match first {
        Some(platform) => {
            let at = if ctx.record.retention.is_some() { "/retention/public_records" } else { "/retention" };
            vec![Hit::at(at).with("platform", platform.name.as_str())]
        }
        None => Vec::new(),
    }
}
