//! Transfer recipients and joint controllers that the recipients list leaves out.

use super::values::is_blank;
use super::{Hit, RuleContext};

fn normalise(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Every transfer recipient or joint controller whose name is not among the recipients.
pub fn listed(ctx: &RuleContext<'_>) -> Vec<Hit> {
    let listed: Vec<String> = ctx.recipient_names().map(|(_, name)| normalise(name)).collect();
    ctx.transfer_recipients()
        .chain(ctx.joint_controller_names())
        .filter(|(_, name)| !is_blank(Some(name)) && !listed.contains(&normalise(name)))
        .map(|(pointer, name)| Hit::at(pointer).with("name", name))
        .collect()
}
