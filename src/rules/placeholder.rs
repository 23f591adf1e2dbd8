//! record/placeholder: free-text values that only hold a place ("TODO", "saknas", "-").

use serde_json::Value;

use super::values::is_placeholder;
use super::{Hit, RuleContext};

/// The free-text fields of a record, as JSON pointers with `*` for every element of a list.
const FREE_TEXT: &[&str] = &[
    "/name",
    "/security_measures",
    "/dpia",
    "/controller/name",
    "/controller/contact",
    "/controller/dpo",
    "/joint_controllers/*/name",
    "/joint_controllers/*/scope",
    "/joint_controllers/*/arrangement",
    "/personal_data/subjects/*",
    "/personal_data/categories/*",
    "/personal_data/criminal_offences_basis",
    "/personal_data/identity_number_reason",
    "/purposes/*/description",
    "/purposes/*/legitimate_interest",
    "/purposes/*/balancing_test",
    "/purposes/*/law",
    "/purposes/*/special_category_condition",
    "/recipients/*/name",
    "/recipients/*/agreement",
    "/transfers/*/recipient",
    "/transfers/*/organisation",
    "/transfers/*/derogation",
    "/transfers/*/safeguards",
    "/transfers/*/transfer_impact_assessment",
    "/retention/criteria",
    "/retention/disposal_decision",
    "/rights/complaint_authority",
    "/rights/limitations/*/basis",
    "/rights/limitations/*/description",
    "/automated_decisions/logic",
    "/waivers/*/reason",
    "/waivers/*/approved_by",
];

/// Every free-text value that is a placeholder, with the value for the message.
pub fn placeholders(ctx: &RuleContext<'_>) -> Vec<Hit> {
    let mut hits = Vec::new();
    walk(ctx.value, &mut String::new(), &mut String::new(), &mut hits);
    hits
}

/// Visit `value` at `pointer`; `shape` is the same pointer with list indices read as `*`.
fn walk(value: &Value, pointer: &mut String, shape: &mut String, hits: &mut Vec<Hit>) {
    let (p_len, s_len) = (pointer.len(), shape.len());
    match value {
        Value::String(text) if is_placeholder(text) && FREE_TEXT.contains(&shape.as_str()) => {
            hits.push(Hit::at(pointer.clone()).with("value", text.trim()));
        }
        Value::Object(map) => {
            for (key, child) in map {
                let segment = crate::source::escape_segment(key);
                pointer.push('/');
                pointer.push_str(&segment);
                shape.push('/');
                shape.push_str(&segment);
                walk(child, pointer, shape, hits);
                pointer.truncate(p_len);
                shape.truncate(s_len);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                pointer.push_str(&format!("/{i}"));
                shape.push_str("/*");
                walk(child, pointer, shape, hits);
                pointer.truncate(p_len);
                shape.truncate(s_len);
            }
        }
        _ => {}
    }
}
