//! Who gets the data: recipients with their roles, joint controllers with the essence of the
//! arrangement (art. 13(1)(e), 26(2)), and transfers outside the EU/EEA with their mechanism
//! and where a copy of the safeguards can be had (art. 13(1)(f)).

use super::{Item, Section, missing};
use crate::document::words::{self, gdpr, pick};
use crate::findings::Lang;
use crate::model::{RecipientRole, Record, Transfer, TransferMechanism};
use crate::policy::Policy;

/// Recipients and joint controllers, and what the principle of public access means for them.
pub fn recipients(record: &Record, lang: Lang) -> Section {
    let mut section =
        Section::new("recipients", pick(lang, "Who receives the data?", "Vilka får ta del av uppgifterna?"));
    // A joint controller listed among the recipients too is told about once, with its arrangement.
    let joint = |name: &Option<String>| record.joint_controllers.iter().any(|j| j.name.is_some() && j.name == *name);
    for recipient in
        record.recipients.iter().filter(|r| !(r.role == Some(RecipientRole::JointController) && joint(&r.name)))
    {
        let name = recipient.name.clone().unwrap_or_else(|| missing(lang, &pick(lang, "name", "namn")));
        let role = recipient.role.map(|r| words::recipient_role(lang, r)).unwrap_or_default();
        section.items.push(Item::led(name, role));
    }
    for joint in &record.joint_controllers {
        section.items.push(joint_controller(joint, lang));
    }
    let public = record.retention.as_ref().is_some_and(|r| r.public_records == Some(true))
        && record.controller.as_ref().and_then(|c| c.kind).is_some_and(|k| k.is_public_body());
    if public {
        section.paragraphs.push(pick(
            lang,
            "We are covered by the principle of public access to official documents. The data are in official documents, which anyone may ask to see; we then examine whether secrecy under the Public Access to Information and Secrecy Act (2009:400) prevents disclosure (Freedom of the Press Act, chapter 2).",
            "Vi omfattas av offentlighetsprincipen. Uppgifterna finns i allmänna handlingar, som vem som helst har rätt att begära att få ta del av. Vi prövar då om sekretess enligt offentlighets- och sekretesslagen (2009:400) hindrar att de lämnas ut (tryckfrihetsförordningen 2 kap.).",
        ));
    }
    if section.items.is_empty() && !public {
        section.paragraphs.push(pick(
            lang,
            "We do not disclose the data to anyone else.",
            "Vi lämnar inte ut uppgifterna till någon annan.",
        ));
    }
    section
}

/// A joint controller with the essence of the arrangement (art. 26(2)-(3)).
fn joint_controller(joint: &crate::model::JointController, lang: Lang) -> Item {
    let name = joint.name.clone().unwrap_or_else(|| missing(lang, &pick(lang, "name", "namn")));
    let scope = joint.scope.clone().unwrap_or_else(|| {
        missing(lang, &pick(lang, "what the joint control covers", "vad det gemensamma ansvaret gäller"))
    });
    let arrangement = joint.arrangement.clone().unwrap_or_else(|| {
        missing(lang, &pick(lang, "where the arrangement can be read", "var överenskommelsen finns"))
    });
    let article = gdpr(lang, "26");
    let text = match lang {
        Lang::En => format!(
            "joint controller with us for: {scope} ({article}). The essence of our arrangement is available here: {arrangement}. You may use your rights against each of us."
        ),
        Lang::Sv => format!(
            "gemensamt personuppgiftsansvarig med oss för: {scope} ({article}). Det väsentliga innehållet i vår överenskommelse finns här: {arrangement}. Du kan använda dina rättigheter mot var och en av oss."
        ),
    };
    Item::led(name, text)
}

/// Transfers to third countries, or that there are none.
pub fn transfers(record: &Record, lang: Lang, policy: &Policy) -> Section {
    let mut section = Section::new(
        "transfers",
        pick(lang, "Transfers to countries outside the EU/EEA", "Överföring till länder utanför EU/EES"),
    );
    if record.transfers.is_empty() {
        section.paragraphs.push(pick(
            lang,
            "We do not transfer the personal data to countries outside the EU/EEA.",
            "Vi för inte över personuppgifterna till länder utanför EU/EES.",
        ));
    }
    for transfer in &record.transfers {
        section.items.push(transfer_item(transfer, lang, policy));
    }
    section
}

/// A transfer with its mechanism and where a copy of the safeguards can be had (art. 13(1)(f)).
fn transfer_item(transfer: &Transfer, lang: Lang, policy: &Policy) -> Item {
    let recipient = transfer.recipient.clone().unwrap_or_else(|| missing(lang, &pick(lang, "recipient", "mottagare")));
    let country = words::destination(lang, &policy.glossary, transfer)
        .unwrap_or_else(|| missing(lang, &pick(lang, "country", "land")));
    let lead = match lang {
        Lang::En => format!("{recipient} in {country}"),
        Lang::Sv => format!("{recipient} i {country}"),
    };
    let mechanism = transfer.mechanism.map_or_else(
        || missing(lang, &pick(lang, "transfer mechanism", "överföringsmekanism")),
        |m| words::mechanism(lang, m),
    );
    let mut item = Item::led(lead, pick(lang, "The transfer rests on ", "Överföringen stöds av ") + &mechanism + ".");
    if transfer.mechanism == Some(TransferMechanism::Adequacy)
        && let Some(decision) = transfer.country.as_ref().and_then(|c| policy.facts.adequacy(c.code()))
    {
        item.notes.push(format!("{}: {} ({})", pick(lang, "Decision", "Beslut"), decision.decision, decision.source));
    }
    if let Some(point) =
        transfer.derogation.as_deref().filter(|_| transfer.mechanism == Some(TransferMechanism::Derogation))
    {
        item.notes.push(format!("{}: {}", pick(lang, "Derogation", "Undantag"), gdpr(lang, point)));
    }
    let needs_copy = matches!(transfer.mechanism, Some(TransferMechanism::Scc | TransferMechanism::Bcr));
    match &transfer.safeguards {
        Some(where_) => item.notes.push(format!(
            "{}: {where_}",
            pick(lang, "A copy of the safeguards can be had here", "En kopia av skyddsåtgärderna finns här")
        )),
        None if needs_copy => item.notes.push(missing(
            lang,
            &pick(lang, "where a copy of the safeguards can be had", "var en kopia av skyddsåtgärderna finns"),
        )),
        None => {}
    }
    item
}
