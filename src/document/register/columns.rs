//! The register's columns: each one's key, headings and how its cell is read from a record,
//! in one table so headings and contents cannot drift apart.

use crate::document::records::SourcedRecord;
use crate::document::words::{self, pick};
use crate::findings::Lang;
use crate::model::{RecipientRole, Record};
use crate::policy::Policy;

/// How a cell is read: from the record file (its path, its errors) or from the record.
type Read = fn(&SourcedRecord, Lang, &Policy) -> Vec<String>;

/// One column of the register.
pub struct ColumnSpec {
    /// Stable key.
    pub key: &'static str,
    /// English heading.
    pub en: &'static str,
    /// Swedish heading.
    pub sv: &'static str,
    read: Read,
}

/// Every column, in order.
pub const COLUMNS: &[ColumnSpec] = &[
    ColumnSpec { key: "file", en: "File", sv: "Fil", read: |s, _, _| vec![s.path.clone()] },
    ColumnSpec { key: "id", en: "Id", sv: "Id", read: |s, _, _| on(s, |r| vec![r.id.clone()]) },
    ColumnSpec {
        key: "name",
        en: "Processing activity",
        sv: "Behandling",
        read: |s, _, _| on(s, |r| r.name.iter().cloned().collect()),
    },
    ColumnSpec {
        key: "controller",
        en: "Controller and contact details (art. 30(1)(a))",
        sv: "Personuppgiftsansvarig och kontaktuppgifter (art. 30.1 a)",
        read: |s, _, _| on(s, controller),
    },
    ColumnSpec {
        key: "joint_controllers",
        en: "Joint controllers (art. 26)",
        sv: "Gemensamt personuppgiftsansvariga (art. 26)",
        read: |s, _, _| on(s, joint_controllers),
    },
    ColumnSpec {
        key: "dpo",
        en: "Data protection officer",
        sv: "Dataskyddsombud",
        read: |s, _, _| on(s, |r| r.controller.iter().filter_map(|c| c.dpo.clone()).collect()),
    },
    ColumnSpec {
        key: "purposes",
        en: "Purposes (art. 30(1)(b))",
        sv: "Ändamål (art. 30.1 b)",
        read: |s, _, _| on(s, |r| r.purposes.iter().filter_map(|p| p.description.clone()).collect()),
    },
    ColumnSpec {
        key: "legal_basis",
        en: "Legal basis (art. 6)",
        sv: "Rättslig grund (art. 6)",
        read: |s, lang, _| on(s, |r| legal_bases(r, lang)),
    },
    ColumnSpec {
        key: "subjects",
        en: "Categories of data subjects (art. 30(1)(c))",
        sv: "Kategorier av registrerade (art. 30.1 c)",
        read: |s, _, _| on(s, |r| r.personal_data.iter().flat_map(|d| d.subjects.clone()).collect()),
    },
    ColumnSpec {
        key: "categories",
        en: "Categories of personal data (art. 30(1)(c))",
        sv: "Kategorier av personuppgifter (art. 30.1 c)",
        read: |s, lang, _| on(s, |r| categories(r, lang)),
    },
    ColumnSpec {
        key: "recipients",
        en: "Recipients and their roles (art. 30(1)(d))",
        sv: "Mottagare och deras roller (art. 30.1 d)",
        read: |s, lang, _| on(s, |r| recipients(r, lang)),
    },
    ColumnSpec {
        key: "transfers",
        en: "Transfers to third countries and mechanism (art. 30(1)(e))",
        sv: "Överföringar till tredjeland och mekanism (art. 30.1 e)",
        read: |s, lang, p| on(s, |r| transfers(r, lang, p)),
    },
    ColumnSpec {
        key: "retention",
        en: "Time limits for erasure (art. 30(1)(f))",
        sv: "Tidsfrister för radering (art. 30.1 f)",
        read: |s, lang, _| on(s, |r| retention(r, lang)),
    },
    ColumnSpec {
        key: "public_records",
        en: "Official documents (allmänna handlingar)",
        sv: "Allmänna handlingar",
        read: |s, lang, _| on(s, |r| yes_no(r.retention.as_ref().and_then(|x| x.public_records), lang)),
    },
    ColumnSpec {
        key: "disposal_decision",
        en: "Disposal decision (gallringsbeslut)",
        sv: "Gallringsbeslut",
        read: |s, _, _| on(s, |r| r.retention.iter().filter_map(|x| x.disposal_decision.clone()).collect()),
    },
    ColumnSpec {
        key: "security_measures",
        en: "Security measures (art. 30(1)(g))",
        sv: "Säkerhetsåtgärder (art. 30.1 g)",
        read: |s, _, _| on(s, |r| r.security_measures.iter().cloned().collect()),
    },
    ColumnSpec {
        key: "dpia",
        en: "Impact assessment (art. 35)",
        sv: "Konsekvensbedömning (art. 35)",
        read: |s, lang, _| on(s, |r| dpia(r, lang)),
    },
    ColumnSpec {
        key: "updated",
        en: "Last review",
        sv: "Senast granskad",
        read: |s, _, _| on(s, |r| r.updated.iter().map(|d| d.to_string()).collect()),
    },
    ColumnSpec {
        key: "errors",
        en: "Errors (rpcheck lint)",
        sv: "Fel (rpcheck lint)",
        read: |s, _, _| vec![s.errors.to_string()],
    },
];

/// A row's cells, in column order.
pub fn cells(sourced: &SourcedRecord, lang: Lang, policy: &Policy) -> Vec<Vec<String>> {
    COLUMNS.iter().map(|c| (c.read)(sourced, lang, policy)).collect()
}

/// A cell read from the record; empty when the file holds no valid record.
fn on(sourced: &SourcedRecord, read: impl Fn(&Record) -> Vec<String>) -> Vec<String> {
    sourced.record.as_ref().map(read).unwrap_or_default()
}

fn yes_no(value: Option<bool>, lang: Lang) -> Vec<String> {
    value.map(|v| if v { pick(lang, "yes", "ja") } else { pick(lang, "no", "nej") }).into_iter().collect()
}

fn dpia(record: &Record, lang: Lang) -> Vec<String> {
    match record.dpia.as_deref() {
        Some("not_required") => vec![pick(lang, "not required", "krävs inte")],
        other => other.map(str::to_string).into_iter().collect(),
    }
}

fn controller(record: &Record) -> Vec<String> {
    let Some(c) = &record.controller else { return Vec::new() };
    c.name.iter().chain(&c.contact).cloned().collect()
}

fn joint_controllers(record: &Record) -> Vec<String> {
    record
        .joint_controllers
        .iter()
        .map(|j| {
            let parts: Vec<&str> =
                [&j.name, &j.scope, &j.arrangement].into_iter().flatten().map(String::as_str).collect();
            parts.join(": ")
        })
        .collect()
}

fn legal_bases(record: &Record, lang: Lang) -> Vec<String> {
    record
        .purposes
        .iter()
        .map(|p| {
            let mut line = p.legal_basis.map_or_else(|| "?".to_string(), |b| words::legal_basis(lang, b));
            if let Some(id) = &p.id {
                line = format!("{id}: {line}");
            }
            for extra in [&p.law, &p.legitimate_interest, &p.special_category_condition].into_iter().flatten() {
                line = format!("{line}; {extra}");
            }
            line
        })
        .collect()
}

fn categories(record: &Record, lang: Lang) -> Vec<String> {
    let Some(data) = &record.personal_data else { return Vec::new() };
    let mut lines = data.categories.clone();
    let special: Vec<String> = data.special_categories.iter().map(|c| words::special_category(lang, *c)).collect();
    if !special.is_empty() {
        lines.push(format!(
            "{}: {}",
            pick(lang, "special categories (art. 9)", "känsliga personuppgifter (art. 9)"),
            special.join(", ")
        ));
    }
    if data.criminal_offences == Some(true) {
        let basis = data.criminal_offences_basis.clone().unwrap_or_else(|| "?".into());
        lines.push(format!("{}: {basis}", pick(lang, "criminal offences (art. 10)", "lagöverträdelser (art. 10)")));
    }
    lines
}

fn recipients(record: &Record, lang: Lang) -> Vec<String> {
    record
        .recipients
        .iter()
        .map(|r| {
            let name = r.name.clone().unwrap_or_else(|| "?".into());
            match r.role {
                Some(role) => format!("{name} ({})", role_word(role, lang)),
                None => name,
            }
        })
        .collect()
}

/// A recipient's role in the register's words (`import` reads them back).
pub fn role_word(role: RecipientRole, lang: Lang) -> String {
    match role {
        RecipientRole::Processor => pick(lang, "processor", "personuppgiftsbiträde"),
        RecipientRole::JointController => pick(lang, "joint controller", "gemensamt personuppgiftsansvarig"),
        RecipientRole::Controller => pick(lang, "controller", "personuppgiftsansvarig"),
        RecipientRole::PublicAuthority => pick(lang, "public authority", "myndighet"),
    }
}

fn transfers(record: &Record, lang: Lang, policy: &Policy) -> Vec<String> {
    record
        .transfers
        .iter()
        .map(|t| {
            let recipient = t.recipient.clone().unwrap_or_else(|| "?".into());
            let country = words::destination(lang, &policy.glossary, t).unwrap_or_else(|| "?".into());
            let mechanism =
                t.mechanism.map_or_else(|| pick(lang, "no mechanism", "ingen mekanism"), |m| words::mechanism(lang, m));
            let mut line = format!("{recipient}, {country}: {mechanism}");
            for extra in [&t.framework, &t.derogation, &t.safeguards].into_iter().flatten() {
                line = format!("{line}; {extra}");
            }
            line
        })
        .collect()
}

fn retention(record: &Record, lang: Lang) -> Vec<String> {
    let Some(r) = &record.retention else { return Vec::new() };
    r.period.iter().map(|p| words::duration(lang, p)).chain(r.criteria.iter().cloned()).collect()
}
