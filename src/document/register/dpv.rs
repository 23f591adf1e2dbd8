//! The register as JSON-LD in the W3C Data Privacy Vocabulary 2.3 (`https://w3id.org/dpv#`) and
//! its GDPR extension (`https://w3id.org/dpv/legal/eu/gdpr#`), with the `@context` inline so no
//! network is needed to read it. Each record is a `dpv:PersonalDataHandling`; each purpose and
//! each transfer is a nested one that carries its own legal basis.

use serde_json::{Value, json};

use crate::document::records::SourcedRecord;
use crate::model::{DataSource, LegalBasis, Purpose, RecipientRole, Record, Transfer, TransferMechanism};
use crate::policy::Policy;

/// The whole register as one JSON-LD document.
pub fn document(records: &[SourcedRecord], policy: &Policy) -> Value {
    let graph: Vec<Value> = records.iter().filter_map(|s| s.record.as_ref()).map(|r| activity(r, policy)).collect();
    json!({
        "@context": {
            "dpv": "https://w3id.org/dpv#",
            "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
            "dct": "http://purl.org/dc/terms/",
            "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
            "xsd": "http://www.w3.org/2001/XMLSchema#"
        },
        "@graph": graph
    })
}

/// A node with a type and a label.
fn labelled(kind: &str, label: &str) -> Value {
    json!({ "@type": kind, "rdfs:label": label })
}

fn activity(record: &Record, policy: &Policy) -> Value {
    let mut node = json!({
        "@id": format!("urn:rpcheck:record:{}", record.id),
        "@type": "dpv:PersonalDataHandling",
        "dpv:hasIdentifier": record.id,
    });
    let mut put = |key: &str, value: Value| {
        let empty = value.is_null() || value.as_array().is_some_and(Vec::is_empty);
        if let (false, Some(map)) = (empty, node.as_object_mut()) {
            map.insert(key.to_string(), value);
        }
    };
    put("dpv:hasName", record.name.as_deref().map_or(Value::Null, Value::from));
    if let Some(c) = &record.controller {
        put("dpv:hasDataController", entity("dpv:DataController", c.name.as_deref(), c.contact.as_deref()));
        put(
            "dpv:hasDataProtectionOfficer",
            c.dpo.as_deref().map_or(Value::Null, |d| entity("dpv:DataProtectionOfficer", None, Some(d))),
        );
    }
    let joint: Vec<Value> = record
        .joint_controllers
        .iter()
        .map(|j| {
            let mut e = entity("dpv:DataController", j.name.as_deref(), None);
            if let (Some(arrangement), Some(map)) = (&j.arrangement, e.as_object_mut()) {
                map.insert("dct:description".into(), arrangement.as_str().into());
            }
            e
        })
        .collect();
    if !joint.is_empty() {
        put("dpv:hasJointDataControllers", json!({ "@type": "dpv:JointDataControllers", "dpv:hasEntity": joint }));
    }
    if let Some(data) = &record.personal_data {
        put("dpv:hasDataSubject", data.subjects.iter().map(|s| labelled("dpv:DataSubject", s)).collect());
        let mut categories: Vec<Value> = data.categories.iter().map(|c| labelled("dpv:PersonalData", c)).collect();
        categories.extend(data.special_categories.iter().map(|c| {
            labelled(
                "dpv:SpecialCategoryPersonalData",
                &crate::document::words::special_category(crate::findings::Lang::En, *c),
            )
        }));
        put("dpv:hasPersonalData", categories.into());
        put("dpv:hasDataSource", data.source.map_or(Value::Null, |s| json!({ "@id": source(s) })));
    }
    put("dpv:hasRecipient", record.recipients.iter().map(|r| entity(role(r.role), r.name.as_deref(), None)).collect());
    if let Some(retention) = &record.retention {
        let mut storage = json!({ "@type": "dpv:StorageDuration" });
        if let Some(map) = storage.as_object_mut() {
            if let Some(period) = &retention.period {
                map.insert("rdf:value".into(), json!({ "@value": period, "@type": "xsd:duration" }));
            }
            if let Some(criteria) = &retention.criteria {
                map.insert("dct:description".into(), criteria.as_str().into());
            }
        }
        put("dpv:hasStorageCondition", storage);
    }
    put(
        "dpv:hasTechnicalOrganisationalMeasure",
        record.security_measures.as_deref().map_or(Value::Null, |m| labelled("dpv:TechnicalOrganisationalMeasure", m)),
    );
    let dpia = record.dpia.as_deref().filter(|d| *d != "not_required");
    put(
        "dpv:hasImpactAssessment",
        dpia.map_or(Value::Null, |d| json!({ "@type": "dpv:DPIA", "dpv:hasIdentifier": d })),
    );
    put(
        "dct:modified",
        record.updated.map_or(Value::Null, |d| json!({ "@value": d.to_string(), "@type": "xsd:date" })),
    );
    let mut parts: Vec<Value> = record.purposes.iter().map(purpose).collect();
    parts.extend(record.transfers.iter().map(|t| transfer(t, policy)));
    put("dpv:hasPersonalDataHandling", parts.into());
    node
}

fn entity(kind: &str, name: Option<&str>, contact: Option<&str>) -> Value {
    let mut node = json!({ "@type": kind });
    if let Some(map) = node.as_object_mut() {
        if let Some(name) = name {
            map.insert("dpv:hasName".into(), name.into());
        }
        if let Some(contact) = contact {
            map.insert("dpv:hasContact".into(), contact.into());
        }
    }
    node
}

fn role(role: Option<RecipientRole>) -> &'static str {
    match role {
        Some(RecipientRole::Processor) => "dpv:DataProcessor",
        Some(RecipientRole::Controller | RecipientRole::JointController) => "dpv:DataController",
        Some(RecipientRole::PublicAuthority) => "dpv:Authority",
        None => "dpv:Recipient",
    }
}

fn source(source: DataSource) -> &'static str {
    match source {
        DataSource::DataSubject => "dpv:DataSubjectDataSource",
        DataSource::ThirdParty => "dpv:ThirdPartyDataSource",
        DataSource::PublicSources => "dpv:PublicDataSource",
    }
}

/// A purpose as a nested handling with its art. 6(1) basis and any art. 9(2) condition.
fn purpose(purpose: &Purpose) -> Value {
    let mut the_purpose = json!({ "@type": "dpv:Purpose" });
    if let Some(map) = the_purpose.as_object_mut() {
        if let Some(id) = &purpose.id {
            map.insert("dpv:hasIdentifier".into(), id.as_str().into());
        }
        if let Some(description) = &purpose.description {
            map.insert("dct:description".into(), description.as_str().into());
        }
    }
    let mut bases: Vec<Value> = purpose.legal_basis.map(|b| json!({ "@id": article_6(b) })).into_iter().collect();
    bases.extend(
        purpose
            .special_category_condition
            .as_deref()
            .and_then(|c| point_term("9", "2", c))
            .map(|t| json!({ "@id": t })),
    );
    let mut node =
        json!({ "@type": "dpv:PersonalDataHandling", "dpv:hasPurpose": the_purpose, "dpv:hasLegalBasis": bases });
    if let (Some(law), Some(map)) = (&purpose.law, node.as_object_mut()) {
        map.insert("dpv:hasApplicableLaw".into(), labelled("dpv:Law", law));
    }
    node
}

fn article_6(basis: LegalBasis) -> &'static str {
    match basis {
        LegalBasis::Consent => "eu-gdpr:A6-1-a",
        LegalBasis::Contract => "eu-gdpr:A6-1-b",
        LegalBasis::LegalObligation => "eu-gdpr:A6-1-c",
        LegalBasis::VitalInterests => "eu-gdpr:A6-1-d",
        LegalBasis::PublicTask => "eu-gdpr:A6-1-e",
        LegalBasis::LegitimateInterest => "eu-gdpr:A6-1-f",
    }
}

/// `eu-gdpr:A9-2-g` from a point written `9(2)(g)` (or `art. 9(2)(g)`), for the article and
/// paragraph given; `None` for anything else.
fn point_term(article: &str, paragraph: &str, written: &str) -> Option<String> {
    let compact: String = written.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '(').collect();
    let rest = compact.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let parts: Vec<&str> = rest.split('(').collect();
    match parts.as_slice() {
        [a, p, point]
            if *a == article
                && *p == paragraph
                && point.len() == 1
                && point.chars().all(|c| c.is_ascii_lowercase()) =>
        {
            Some(format!("eu-gdpr:A{article}-{paragraph}-{point}"))
        }
        _ => None,
    }
}

/// A transfer as a nested cross-border handling with its chapter V basis. Binding corporate
/// rules are `A46-2-b` (art. 46(2)(b) names the art. 47 rules): DPV 2.3 has no `A47` term.
fn transfer(transfer: &Transfer, policy: &Policy) -> Value {
    let basis = match transfer.mechanism {
        Some(TransferMechanism::Adequacy) => Some("eu-gdpr:A45-3".to_string()),
        Some(TransferMechanism::Scc) => Some("eu-gdpr:A46-2-c".to_string()),
        Some(TransferMechanism::Bcr) => Some("eu-gdpr:A46-2-b".to_string()),
        Some(TransferMechanism::PublicAuthorityInstrument) => Some("eu-gdpr:A46-2-a".to_string()),
        Some(TransferMechanism::CodeOfConduct) => Some("eu-gdpr:A46-2-e".to_string()),
        Some(TransferMechanism::Certification) => Some("eu-gdpr:A46-2-f".to_string()),
        Some(TransferMechanism::AdHocClauses) => Some("eu-gdpr:A46-3-a".to_string()),
        Some(TransferMechanism::AdministrativeArrangement) => Some("eu-gdpr:A46-3-b".to_string()),
        Some(TransferMechanism::Derogation) => transfer.derogation.as_deref().and_then(|d| point_term("49", "1", d)),
        None => None,
    };
    let mut node =
        json!({ "@type": "dpv:PersonalDataHandling", "dpv:hasProcessing": { "@id": "dpv:CrossBorderTransfer" } });
    let Some(map) = node.as_object_mut() else { return node };
    if let Some(recipient) = &transfer.recipient {
        map.insert("dpv:hasDataImporter".into(), entity("dpv:DataImporter", Some(recipient), None));
    }
    if let Some(country) = &transfer.country {
        let name = crate::document::words::country(crate::findings::Lang::En, &policy.glossary, country);
        map.insert(
            "dpv:hasThirdCountry".into(),
            json!({ "@type": "dpv:ThirdCountry", "dpv:hasIdentifier": country.code(), "rdfs:label": name }),
        );
    }
    if let Some(basis) = basis {
        map.insert("dpv:hasLegalBasis".into(), json!({ "@id": basis }));
    }
    if let Some(safeguards) = &transfer.safeguards {
        map.insert("dct:description".into(), safeguards.as_str().into());
    }
    node
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `dpv:` and `eu-gdpr:` term in `text`.
    fn terms(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for prefix in ["\"dpv:", "\"eu-gdpr:"] {
            for (at, _) in text.match_indices(prefix) {
                let rest = &text[at + 1..];
                let end = rest.find('"').unwrap_or(rest.len());
                out.push(rest[..end].to_string());
            }
        }
        out.sort();
        out.dedup();
        out
    }

    #[test]
    fn every_term_is_in_dpv_2_3() {
        let known: std::collections::HashSet<&str> =
            include_str!("dpv-terms-2.3.txt").lines().filter(|l| !l.starts_with('#')).collect();
        let text = include_str!("../../../examples/records/bostadskon.toml");
        let value = crate::source::parse(text).expect("the example parses").value;
        let mut everything: Record = serde::Deserialize::deserialize(&value).expect("the example is a record");
        everything.joint_controllers =
            vec![crate::model::JointController { name: Some("J".into()), scope: None, arrangement: Some("A".into()) }];
        everything
            .personal_data
            .iter_mut()
            .for_each(|d| d.special_categories = vec![crate::model::SpecialCategory::Health]);
        everything.purposes.iter_mut().for_each(|p| p.special_category_condition = Some("9(2)(g)".into()));
        let policy = Policy::load(&[]).expect("built-in packs");
        let mut used = Vec::new();
        for mechanism in TransferMechanism::ALL {
            let mut r = everything.clone();
            r.transfers = vec![Transfer {
                recipient: Some("X".into()),
                country: crate::model::Country::try_from("US".to_string()).ok(),
                organisation: None,
                mechanism: Some(mechanism),
                framework: None,
                derogation: Some("49(1)(a)".into()),
                safeguards: None,
                transfer_impact_assessment: None,
            }];
            for basis in LegalBasis::ALL {
                r.purposes.iter_mut().for_each(|p| p.legal_basis = Some(basis));
                for role in [
                    Some(RecipientRole::Processor),
                    Some(RecipientRole::Controller),
                    Some(RecipientRole::PublicAuthority),
                    None,
                ] {
                    r.recipients.iter_mut().for_each(|x| x.role = role);
                    for source in [DataSource::DataSubject, DataSource::ThirdParty, DataSource::PublicSources] {
                        r.personal_data.iter_mut().for_each(|d| d.source = Some(source));
                        let sourced = SourcedRecord { path: String::new(), record: Some(r.clone()), errors: 0 };
                        used.extend(terms(&document(&[sourced], &policy).to_string()));
                    }
                }
            }
        }
        used.sort();
        used.dedup();
        let unknown: Vec<&String> = used.iter().filter(|t| !known.contains(t.as_str())).collect();
        assert!(unknown.is_empty(), "terms not in DPV 2.3: {unknown:?}");
        for expected in [
            "eu-gdpr:A6-1-f",
            "eu-gdpr:A9-2-g",
            "eu-gdpr:A45-3",
            "eu-gdpr:A46-2-b",
            "eu-gdpr:A49-1-a",
            "dpv:Authority",
            "dpv:PublicDataSource",
        ] {
            assert!(used.iter().any(|t| t == expected), "{expected} never used");
        }
    }

    #[test]
    fn points_become_terms() {
        assert_eq!(point_term("9", "2", "9(2)(g)").as_deref(), Some("eu-gdpr:A9-2-g"));
        assert_eq!(point_term("49", "1", "art. 49(1)(a)").as_deref(), Some("eu-gdpr:A49-1-a"));
        assert_eq!(point_term("9", "2", "6(1)(a)"), None);
        assert_eq!(point_term("9", "2", "whatever"), None);
    }
}
