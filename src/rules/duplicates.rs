//! Purposes that share an id within one record (ids across files are the engine's).

use std::collections::HashMap;

use super::{Hit, RuleContext};

/// Every purpose whose id an earlier purpose already has.
pub fn purpose_ids(ctx: &RuleContext<'_>) -> Vec<Hit> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut hits = Vec::new();
    for (i, purpose) in ctx.record.purposes.iter().enumerate() {
        let Some(id) = purpose.id.as_deref() else {
            continue;
        };
        if let Some(first) = seen.get(id) {
            hits.push(Hit::at(format!("/purposes/{i}/id")).with("id", id).with("first", (first + 1).to_string()));
        } else {
            seen.insert(id, i);
        }
    }
    hits
}
