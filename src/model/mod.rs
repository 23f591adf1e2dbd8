//! The record of processing (GDPR art. 30) as typed data. `schema/record.schema.json` is
//! generated from these types, so every doc comment here is also the editor's field help.

mod country;
mod country_names;

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};

pub use country::{CODES as COUNTRY_CODES, Country, alpha2_for};
pub use country_names::alpha2_for_swedish_name;

/// The record format versions this build reads.
pub const SUPPORTED_SCHEMA_VERSIONS: &[u64] = &[1];

/// One processing activity, as kept in one TOML file (GDPR art. 30; registerförteckning).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "rpcheck record of processing, format v1")]
pub struct Record {
    /// Version of the record format; this build reads version 1.
    #[schemars(extend("const" = 1))]
    pub schema_version: u64,
    /// Unique id of the record within the project: lower-case letters, digits and hyphens.
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"))]
    pub id: String,
    /// Name of the processing activity, as the organisation calls it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// BCP 47 language tag of the record's free text, e.g. "sv" or "en".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The day the record was last reviewed (a TOML date, e.g. 2023-02-14).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<CalendarDate>,
    /// Months between reviews; overrides rpcheck.toml, which defaults to 12.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 120))]
    pub review_interval_months: Option<u32>,
    /// General description of the technical and organisational security measures (art. 30(1)(g), 32).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_measures: Option<String>,
    /// Reference to the data protection impact assessment (art. 35), or "not_required".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpia: Option<String>,
    /// The controller (art. 13(1)(a), 30(1)(a)); usually inherited from rpcheck.toml, key by key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub controller: Option<Controller>,
    /// Joint controllers and their art. 26 arrangement.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub joint_controllers: Vec<JointController>,
    /// Whose data, which data, and where they come from (art. 30(1)(c), 14).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personal_data: Option<PersonalData>,
    /// The purposes of the processing, each with its legal basis (art. 5(1)(b), 6(1), 13(1)(c)).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub purposes: Vec<Purpose>,
    /// Recipients or categories of recipients (art. 13(1)(e), 30(1)(d)).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<Recipient>,
    /// Transfers to third countries (art. 13(1)(f), 30(1)(e), 44-49).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub transfers: Vec<Transfer>,
    /// How long the data are kept (art. 5(1)(e), 13(2)(a), 30(1)(f)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention: Option<Retention>,
    /// The data subject's rights as the privacy notice states them (art. 13(2)(b)-(d), 15-22, 77).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rights: Option<Rights>,
    /// Profiling and automated decisions (art. 13(2)(f), 22).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub automated_decisions: Option<AutomatedDecisions>,
    /// Documented, expiring exceptions to single rules for this record.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waivers: Vec<Waiver>,
}

/// The controller: who decides purposes and means (art. 4(7)).
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Controller {
    /// Legal name of the controller (art. 13(1)(a)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What kind of body the controller is; "public body" in the rules means public_authority or municipal_company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ControllerKind>,
    /// Country of the main establishment (ISO 3166-1 alpha-2); "SE" turns on the Swedish rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<Country>,
    /// Contact details of the controller (art. 13(1)(a)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// Contact details of the data protection officer (art. 13(1)(b), 37(7)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpo: Option<String>,
}

/// The kind of body a controller is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ControllerKind {
    /// A public authority (myndighet), e.g. a municipality's committee or a state agency.
    PublicAuthority,
    /// A company owned by a municipality or region (OSL 2 kap. 3 §).
    MunicipalCompany,
    /// Any other body.
    Private,
}

impl ControllerKind {
    /// Public authorities and municipal companies: bodies under the principle of public access.
    pub fn is_public_body(self) -> bool {
        matches!(self, ControllerKind::PublicAuthority | ControllerKind::MunicipalCompany)
    }
}

/// A joint controller (art. 26).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JointController {
    /// Legal name of the joint controller.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Which processing the control is joint for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// Where the art. 26 arrangement is (a URL or a document reference).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrangement: Option<String>,
}

/// Categories of data subjects and personal data (art. 30(1)(c)).
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonalData {
    /// Categories of data subjects, e.g. "visitors", "applicants".
    #[serde(default)]
    pub subjects: Vec<String>,
    /// Categories of personal data, e.g. "name", "comments".
    #[serde(default)]
    pub categories: Vec<String>,
    /// Special categories of personal data (art. 9(1)); empty when none.
    #[serde(default)]
    pub special_categories: Vec<SpecialCategory>,
    /// Whether data on criminal convictions and offences are processed (art. 10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criminal_offences: Option<bool>,
    /// The law that authorises processing of criminal-offence data (art. 10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criminal_offences_basis: Option<String>,
    /// Why personal identity numbers (personnummer, samordningsnummer) are needed, where they are
    /// processed without consent (3 kap. 10 § dataskyddslagen).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity_number_reason: Option<String>,
    /// Where the data come from; anything but data_subject means art. 14 applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<DataSource>,
}

/// A special category of personal data (art. 9(1)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SpecialCategory {
    /// Racial or ethnic origin.
    RacialOrEthnicOrigin,
    /// Political opinions.
    PoliticalOpinions,
    /// Religious or philosophical beliefs.
    ReligiousBeliefs,
    /// Trade union membership.
    TradeUnionMembership,
    /// Genetic data.
    Genetic,
    /// Biometric data for uniquely identifying a person.
    Biometric,
    /// Data concerning health.
    Health,
    /// Data concerning sex life or sexual orientation.
    SexLifeOrOrientation,
}

/// Where personal data are obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DataSource {
    /// From the data subject (art. 13).
    DataSubject,
    /// From someone else (art. 14).
    ThirdParty,
    /// From publicly accessible sources (art. 14(2)(f)).
    PublicSources,
}

/// One purpose of the processing with its legal basis.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Purpose {
    /// Id of the purpose, unique within the record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What the data are processed for (art. 5(1)(b)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The legal basis under art. 6(1)(a)-(f).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_basis: Option<LegalBasis>,
    /// The legitimate interests pursued (art. 13(1)(d)); required with legitimate_interest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legitimate_interest: Option<String>,
    /// Reference to the documented balancing test (art. 6(1)(f), 5(2)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub balancing_test: Option<String>,
    /// The Union or Member State law the basis rests on (art. 6(3)); required with legal_obligation and public_task.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub law: Option<String>,
    /// The art. 9(2) point that lifts the ban on special categories, e.g. "9(2)(g)".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub special_category_condition: Option<String>,
}

/// A legal basis under art. 6(1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LegalBasis {
    /// Art. 6(1)(a): consent.
    Consent,
    /// Art. 6(1)(b): performance of a contract.
    Contract,
    /// Art. 6(1)(c): a legal obligation.
    LegalObligation,
    /// Art. 6(1)(d): vital interests.
    VitalInterests,
    /// Art. 6(1)(e): a task in the public interest or official authority.
    PublicTask,
    /// Art. 6(1)(f): legitimate interests.
    LegitimateInterest,
}

impl LegalBasis {
    /// Every legal basis, in the order of art. 6(1).
    pub const ALL: [LegalBasis; 6] = [
        LegalBasis::Consent,
        LegalBasis::Contract,
        LegalBasis::LegalObligation,
        LegalBasis::VitalInterests,
        LegalBasis::PublicTask,
        LegalBasis::LegitimateInterest,
    ];
}

/// A recipient of personal data (art. 4(9)).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    /// Name of the recipient or category of recipients.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The recipient's role in the processing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<RecipientRole>,
    /// With role = "processor": reference to the processor agreement under art. 28(3)
    /// (personuppgiftsbiträdesavtal), e.g. "PUB-avtal 2024-03".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<String>,
}

/// The role a recipient has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecipientRole {
    /// Processes on the controller's behalf (art. 28).
    Processor,
    /// Decides purposes and means together with the controller (art. 26).
    JointController,
    /// An independent controller.
    Controller,
    /// A public authority receiving data.
    PublicAuthority,
}

/// A transfer of personal data to a third country or an international organisation (art. 44-49).
/// It names exactly one destination: `country` or `organisation`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("not" = { "required": ["country", "organisation"] }))]
pub struct Transfer {
    /// Who receives the data in the third country or organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
    /// The country the data go to (ISO 3166-1 alpha-2); not together with `organisation`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<Country>,
    /// The international organisation the data go to (art. 4(26)), e.g. "European Patent
    /// Organisation"; not together with `country`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// The chapter V mechanism the transfer rests on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mechanism: Option<TransferMechanism>,
    /// With adequacy to the US: "eu-us-dpf", the EU-US Data Privacy Framework.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub framework: Option<String>,
    /// With derogation: the point of art. 49(1) relied on, e.g. "49(1)(a)".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derogation: Option<String>,
    /// Where a copy of the safeguards can be obtained (art. 13(1)(f)); required for every art. 46
    /// and 47 mechanism.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub safeguards: Option<String>,
    /// Reference to the transfer impact assessment for an art. 46 or 47 mechanism (CJEU C-311/18,
    /// Schrems II); with the second subparagraph of art. 49(1), the documented assessment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_impact_assessment: Option<String>,
}

/// A transfer mechanism under chapter V.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TransferMechanism {
    /// An adequacy decision (art. 45).
    Adequacy,
    /// Standard contractual clauses (art. 46(2)(c)).
    Scc,
    /// Binding corporate rules (art. 47).
    Bcr,
    /// A derogation for a specific situation (art. 49).
    Derogation,
    /// A legally binding and enforceable instrument between public authorities or bodies (art. 46(2)(a)).
    PublicAuthorityInstrument,
    /// Provisions in administrative arrangements between public authorities or bodies, authorised
    /// by the supervisory authority (art. 46(3)(b)).
    AdministrativeArrangement,
    /// An approved code of conduct with binding commitments of the recipient (art. 46(2)(e)).
    CodeOfConduct,
    /// An approved certification mechanism with binding commitments of the recipient (art. 46(2)(f)).
    Certification,
    /// Contractual clauses authorised by the supervisory authority (art. 46(3)(a)).
    AdHocClauses,
}

impl TransferMechanism {
    /// Every mechanism, in the order of the record format.
    pub const ALL: [TransferMechanism; 9] = [
        TransferMechanism::Adequacy,
        TransferMechanism::Scc,
        TransferMechanism::Bcr,
        TransferMechanism::Derogation,
        TransferMechanism::PublicAuthorityInstrument,
        TransferMechanism::AdministrativeArrangement,
        TransferMechanism::CodeOfConduct,
        TransferMechanism::Certification,
        TransferMechanism::AdHocClauses,
    ];
}

/// How long data are kept.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Retention {
    /// The retention period as an ISO 8601 duration, e.g. "P2Y", "P18M", "P30D".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("format" = "duration"))]
    pub period: Option<String>,
    /// The criteria used to decide the period, where no fixed period applies (art. 13(2)(a)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criteria: Option<String>,
    /// Whether the data are in official documents (allmänna handlingar, TF 2 kap.).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_records: Option<bool>,
    /// The disposal decision (gallringsbeslut) that allows deletion of the official documents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disposal_decision: Option<String>,
}

/// The rights the privacy notice tells the data subject about.
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rights {
    /// Right of access (art. 15).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access: Option<bool>,
    /// Right to rectification (art. 16).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rectification: Option<bool>,
    /// Right to erasure (art. 17).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub erasure: Option<bool>,
    /// Right to restriction of processing (art. 18).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restriction: Option<bool>,
    /// Right to object (art. 21).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub objection: Option<bool>,
    /// Right to data portability (art. 20); applies only to consent and contract.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub portability: Option<bool>,
    /// Right to withdraw consent at any time (art. 7(3), 13(2)(c)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdraw_consent: Option<bool>,
    /// The supervisory authority a complaint can be lodged with (art. 77); IMY in Sweden.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complaint_authority: Option<String>,
    /// Limitations of rights under art. 23 or national law, each with its legal basis.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub limitations: Vec<Limitation>,
}

/// A limitation of one right, with the law that allows it.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Limitation {
    /// The right that is limited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub right: Option<Right>,
    /// The provision that allows the limitation, e.g. "GDPR art. 17(3)(b); Arkivlagen (1990:782)".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    /// What the limitation means for the data subject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A data subject's right that can be limited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Right {
    /// Art. 15.
    Access,
    /// Art. 16.
    Rectification,
    /// Art. 17.
    Erasure,
    /// Art. 18.
    Restriction,
    /// Art. 21.
    Objection,
    /// Art. 20.
    Portability,
}

/// Profiling and automated individual decisions (art. 22).
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AutomatedDecisions {
    /// Whether the processing includes profiling (art. 4(4)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profiling: Option<bool>,
    /// Whether decisions are made solely by automated means (art. 22(1)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub automated_decision_making: Option<bool>,
    /// Meaningful information about the logic involved (art. 13(2)(f)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logic: Option<String>,
}

/// A documented exception to one rule for this record, until a given day.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Waiver {
    /// The id of the waived rule, e.g. "gdpr/legitimate-interest-public-body".
    pub rule: String,
    /// Why the rule does not apply here.
    #[schemars(length(min = 1))]
    pub reason: String,
    /// Who approved the exception.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<String>,
    /// The last day the waiver holds (a TOML date).
    pub expires: CalendarDate,
}

/// A calendar day, written as a TOML local date (2023-02-14).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CalendarDate(pub jiff::civil::Date);

impl JsonSchema for CalendarDate {
    fn schema_name() -> Cow<'static, str> {
        "CalendarDate".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        schemars::json_schema!({
            "description": "A calendar day as a TOML local date, e.g. 2023-02-14",
            "type": "string",
            "format": "date",
        })
    }
}

impl std::fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// The JSON Schema of a record, as committed in `schema/record.schema.json`.
///
/// Optional fields are simply not required: TOML has no null, so the schema allows none.
pub fn record_schema() -> &'static serde_json::Value {
    // Generated once per process: lint, the pack compiler (placeholder check) and the language
    // server all read it, and generating it is part of every start-up.
    static SCHEMA: std::sync::LazyLock<serde_json::Value> = std::sync::LazyLock::new(schema_for::<Record>);
    &SCHEMA
}

/// The JSON Schema (draft 2020-12) of a type the user writes in TOML.
pub fn schema_for<T: JsonSchema>() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft2020_12()
        .with_transform(schemars::transform::RecursiveTransform(drop_null))
        .with_transform(schemars::transform::RecursiveTransform(documented_enum))
        .into_generator();
    generator.into_root_schema_for::<T>().to_value()
}

/// A schema as committed in `schema/`: pretty JSON with a final newline.
pub fn schema_text(schema: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The schema as committed in `schema/record.schema.json`.
pub fn record_schema_text() -> String {
    schema_text(record_schema())
}

/// A unit enum documented value by value, which schemars writes as a `oneOf` of `const`s, as an
/// `enum` with one description per value in the forms editors show in completion and hover:
/// taplo's `x-taplo.docs.enumValues` and VS Code's `markdownEnumDescriptions`. A wrong value then
/// fails `enum`, whose error names the allowed values, instead of an opaque `oneOf`.
fn documented_enum(schema: &mut Schema) {
    let Some(map) = schema.as_object_mut() else {
        return;
    };
    let Some(serde_json::Value::Array(alternatives)) = map.get("oneOf") else {
        return;
    };
    let is_documented_string = |a: &serde_json::Value| {
        a.get("const").is_some_and(serde_json::Value::is_string)
            && a.as_object().is_some_and(|a| a.keys().all(|k| ["const", "description", "type"].contains(&k.as_str())))
    };
    if !alternatives.iter().all(is_documented_string) {
        return;
    }
    let values: Vec<serde_json::Value> = alternatives.iter().filter_map(|a| a.get("const").cloned()).collect();
    let docs: Vec<serde_json::Value> =
        alternatives.iter().map(|a| a.get("description").cloned().unwrap_or_default()).collect();
    map.remove("oneOf");
    map.insert("type".into(), "string".into());
    map.insert("enum".into(), values.into());
    map.insert("markdownEnumDescriptions".into(), docs.clone().into());
    map.insert("x-taplo".into(), serde_json::json!({ "docs": { "enumValues": docs } }));
}

/// Remove `null` from a schema's types and alternatives (schemars adds it for `Option`).
fn drop_null(schema: &mut Schema) {
    let Some(map) = schema.as_object_mut() else {
        return;
    };
    if let Some(serde_json::Value::Array(types)) = map.get_mut("type") {
        types.retain(|t| t != "null");
        if types.len() == 1 {
            let only = types.remove(0);
            map.insert("type".into(), only);
        }
    }
    let Some(serde_json::Value::Array(any_of)) = map.get_mut("anyOf") else {
        return;
    };
    any_of.retain(|s| s.get("type").and_then(|t| t.as_str()) != Some("null"));
    if any_of.len() != 1 {
        return;
    }
    if let Some(serde_json::Value::Object(only)) = any_of.pop() {
        map.remove("anyOf");
        for (k, v) in only {
            map.entry(k).or_insert(v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{LegalBasis, TransferMechanism};

    /// The `ALL` lists name every value the record format allows, in its order.
    #[test]
    fn the_lists_of_all_values_are_complete() {
        let schema = super::record_schema();
        let names = |all: Vec<serde_json::Value>| serde_json::Value::Array(all);
        let bases = LegalBasis::ALL.iter().map(|b| serde_json::to_value(b).expect("a name")).collect();
        assert_eq!(schema["$defs"]["LegalBasis"]["enum"], names(bases));
        let mechanisms = TransferMechanism::ALL.iter().map(|m| serde_json::to_value(m).expect("a name")).collect();
        assert_eq!(schema["$defs"]["TransferMechanism"]["enum"], names(mechanisms));
    }
}
