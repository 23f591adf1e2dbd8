//! Transfer recipients and joint controllers that the recipients list leaves out.

use super::{Hit, RuleContext};

fn normalise(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Every transfer recipient or joint controller whose name is not among the recipients.
pub fn listed(ctx: &RuleContext<'_>) -> Vec<Hit> {
    let listed: Vec<String> = ctx.record.recipients.iter().filter_map(|r| r.name.as_deref()).map(normalise).collect();
    let missing = |name: &str| !name.trim().is_empty() && !listed.contains(&normalise(name));
    let transfers = ctx.record.transfers.iter().enumerate().filter_map(|(i, t)| {
        let name = t.recipient.as_deref()?;
        missing(name).then(|| Hit::at(format!("/transfers/{i}/recipient")).with("name", name))
    });
    let joint = ctx.record.joint_controllers.iter().enumerate().filter_map(|(i, j)| {
        let name = j.name.as_deref()?;
        missing(name).then(|| Hit::at(format!("/joint_controllers/{i}/name")).with("name", name))
    });
    transfers.chain(joint).collect()
}
