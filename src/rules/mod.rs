//! Native rules: what JSON Schema cannot say (dates against today, look-ups in the facts,
//! comparisons across the record). Each is declared in a pack with `native = "name"`, which
//! holds its id, texts and examples; this module holds only the logic.

mod dates;
mod duplicates;
mod placeholder;
mod platforms;
mod purposes;
mod recipients;
mod rights;
mod sweden;
mod transfers;
pub mod values;

use jiff::civil::Date;
use serde_json::Value;

use crate::facts::Facts;
use crate::model::Record;

/// What a native rule sees of one record.
pub struct RuleContext<'a> {
    /// The record, typed.
    pub record: &'a Record,
    /// The same record as JSON (after inheriting the controller).
    pub value: &'a Value,
    /// EEA, adequacy, platforms.
    pub facts: &'a Facts,
    /// The day dates are judged by.
    pub today: Date,
    /// Review interval when the record names none.
    pub default_review_months: u32,
}

impl<'a> RuleContext<'a> {
    /// `[[recipients]]` names, each with the pointer of its value.
    pub fn recipient_names(&self) -> impl Iterator<Item = (String, &'a str)> + use<'a> {
        named(&self.record.recipients, "recipients", "name", |r| r.name.as_deref())
    }

    /// `[[transfers]]` recipients, each with the pointer of its value.
    pub fn transfer_recipients(&self) -> impl Iterator<Item = (String, &'a str)> + use<'a> {
        named(&self.record.transfers, "transfers", "recipient", |t| t.recipient.as_deref())
    }

    /// `[[joint_controllers]]` names, each with the pointer of its value.
    pub fn joint_controller_names(&self) -> impl Iterator<Item = (String, &'a str)> + use<'a> {
        named(&self.record.joint_controllers, "joint_controllers", "name", |j| j.name.as_deref())
    }

    /// Whether the controller is a public authority or a municipal company.
    pub fn is_public_body(&self) -> bool {
        self.record.controller.as_ref().and_then(|c| c.kind).is_some_and(|k| k.is_public_body())
    }
}

/// One place a native rule fires, with values for its message template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// JSON pointer of the offending value (or of the table that lacks it).
    pub pointer: String,
    /// Values for `{name}` placeholders in the message.
    pub vars: Vec<(&'static str, String)>,
}

impl Hit {
    /// A hit at `pointer` with no extra values.
    pub fn at(pointer: impl Into<String>) -> Self {
        Hit { pointer: pointer.into(), vars: Vec::new() }
    }

    /// Add a value for a placeholder.
    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.vars.push((name, value.into()));
        self
    }
}

/// A native check.
pub type NativeCheck = fn(&RuleContext<'_>) -> Vec<Hit>;

/// Every native check by name, with the names its rule's texts may use as `{name}`: the values
/// its hits carry and the keys of the node they point at. A pack whose text names anything else
/// is refused when it is compiled.
const NATIVE: &[(&str, NativeCheck, &[&str])] = &[
    ("duplicate-purpose-ids", duplicates::purpose_ids, &["id", "first"]),
    ("review-overdue", dates::review_overdue, &["due", "months"]),
    ("updated-in-future", dates::updated_in_future, &["today"]),
    ("rights-core", rights::core_rights, &["article", "key", "right"]),
    ("recipients", recipients::listed, &["name"]),
    ("transfer-mechanism", transfers::mechanism, &["recipient", "country", "organisation"]),
    ("transfer-adequacy", transfers::adequacy, &["recipient", "country", "organisation"]),
    ("transfer-inside-eea", transfers::inside_eea, &["country"]),
    ("social-media-joint-control", platforms::joint_control, &["name", "platform"]),
    ("social-media-public-records", platforms::public_records, &["platform"]),
    ("placeholder", placeholder::placeholders, &["value"]),
    ("special-category-condition", purposes::special_category_condition, &[]),
    ("consent-public-authority", purposes::consent_public_authority, &[]),
    ("special-category-law", purposes::special_category_law, &["condition"]),
    ("explicit-consent-withdrawal", purposes::explicit_consent_withdrawal, &[]),
    ("automated-special-categories", purposes::automated_special_categories, &[]),
    ("adequacy-partial-scope", transfers::partial_scope, &["country", "decision", "recipient", "scope"]),
    ("derogation-public-authority", transfers::derogation_public_authority, &[]),
    ("derogation-compelling-interests", transfers::compelling_interests, &["recipient"]),
    ("national-basis", sweden::national_basis, &["law"]),
    ("special-category-public-interest", sweden::special_category_public_interest, &[]),
    ("personal-identity-number", sweden::personal_identity_number, &["category"]),
];

/// The native check with this name.
pub fn native(name: &str) -> Option<NativeCheck> {
    NATIVE.iter().find(|(n, _, _)| *n == name).map(|(_, f, _)| *f)
}

/// The placeholder names the native check `name` fills.
pub fn native_fills(name: &str) -> &'static [&'static str] {
    NATIVE.iter().find(|(n, _, _)| *n == name).map_or(&[], |(_, _, fills)| fills)
}

/// The names a pack may use with `native = "..."`, for an error's help.
pub fn native_names_help() -> String {
    let names: Vec<&str> = NATIVE.iter().map(|(n, _, _)| *n).collect();
    format!("native checks: {}", names.join(", "))
}

/// The named entries of an array of tables, with the pointer of each name.
fn named<'a, T>(
    items: &'a [T],
    list: &'static str,
    key: &'static str,
    name: fn(&T) -> Option<&str>,
) -> impl Iterator<Item = (String, &'a str)> + use<'a, T> {
    items.iter().enumerate().filter_map(move |(i, item)| Some((format!("/{list}/{i}/{key}"), name(item)?)))
}
