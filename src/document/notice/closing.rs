//! The parts of the notice that hold for every activity: the draft banner, the note on the
//! records' language, complaints (art. 13(2)(d), 77), contact details and the DPO (art.
//! 13(1)(a)-(b)), and when the notice was last updated.

use super::{Draft, Item, Section, missing};
use crate::document::words::{gdpr, pick};
use crate::findings::{FileReport, Lang, Severity};
use crate::model::{Controller, Record};

/// A note when the records' free text is in another language than the notice: it is quoted
/// as the organisation keeps it, never translated.
pub fn language_note(lang: Lang, records: &[&Record]) -> Option<String> {
    let notice = match lang {
        Lang::En => "en",
        Lang::Sv => "sv",
    };
    let mut others: Vec<String> = Vec::new();
    for tag in records.iter().filter_map(|r| r.language.as_deref()) {
        let primary = tag.split(['-', '_']).next().unwrap_or(tag).to_ascii_lowercase();
        let name = match (primary.as_str(), lang) {
            ("sv", Lang::En) => "Swedish".to_string(),
            ("en", Lang::Sv) => "engelska".to_string(),
            _ => tag.to_string(),
        };
        if primary != notice && !others.contains(&name) {
            others.push(name);
        }
    }
    if others.is_empty() {
        return None;
    }
    let languages = crate::document::words::list(lang, &others);
    Some(match lang {
        Lang::En => {
            format!("Some details below are quoted from our records of processing, which are kept in {languages}.")
        }
        Lang::Sv => format!("Vissa uppgifter nedan är citerade ur vår registerförteckning, som förs på {languages}."),
    })
}

/// The banner of a draft, listing the error findings it was forced past.
pub fn draft(lang: Lang, files: &[FileReport]) -> Draft {
    let findings = files
        .iter()
        .flat_map(|file| {
            file.findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .map(move |f| format!("{}:{}: {} ({})", file.path, f.region.line, f.message, f.rule))
        })
        .collect();
    Draft {
        title: pick(lang, "DRAFT: not to be published", "UTKAST: får inte publiceras"),
        text: pick(
            lang,
            "The records this notice is generated from have errors (rpcheck lint). Fix them and generate the notice again before it is published.",
            "Registerförteckningen som informationen bygger på har fel (rpcheck lint). Rätta dem och skapa informationen på nytt innan den publiceras.",
        ),
        findings,
    }
}

/// The controllers of the records, each once, in the order first met.
pub fn distinct_controllers(records: &[&Record]) -> Vec<Controller> {
    let mut out: Vec<Controller> = Vec::new();
    for controller in records.iter().filter_map(|r| r.controller.as_ref()) {
        let same =
            |c: &Controller| c.name == controller.name && c.contact == controller.contact && c.dpo == controller.dpo;
        if !out.iter().any(same) {
            out.push(controller.clone());
        }
    }
    out
}

/// Complaints to the supervisory authority the records name (art. 13(2)(d), 77).
pub fn complaint(lang: Lang, records: &[&Record]) -> Section {
    let mut authorities: Vec<String> = Vec::new();
    for name in records.iter().filter_map(|r| r.rights.as_ref()?.complaint_authority.clone()) {
        if !authorities.contains(&name) {
            authorities.push(name);
        }
    }
    let imy = !authorities.is_empty()
        && authorities.iter().all(|a| a.contains("Integritetsskyddsmyndigheten") || a.contains("IMY"));
    let heading = match (lang, imy) {
        (Lang::Sv, true) => "Klagomål till Integritetsskyddsmyndigheten",
        (Lang::Sv, false) => "Klagomål till tillsynsmyndigheten",
        (Lang::En, true) => "Complaints to the Swedish Authority for Privacy Protection (IMY)",
        (Lang::En, false) => "Complaints to the supervisory authority",
    };
    let mut section = Section::new("complaint", heading.to_string());
    let article = gdpr(lang, "77");
    let to = if authorities.is_empty() {
        missing(lang, &pick(lang, "the supervisory authority", "tillsynsmyndigheten"))
    } else {
        crate::document::words::list(lang, &authorities)
    };
    section.paragraphs.push(match lang {
        Lang::En => format!("If you think that we process your personal data wrongly, you have the right to lodge a complaint with {to}. This right follows from {article}."),
        Lang::Sv => format!("Om du anser att vi behandlar dina personuppgifter felaktigt har du rätt att lämna klagomål till {to}. Den rätten följer av {article}."),
    });
    section
}

/// The controllers' contact details and data protection officers (art. 13(1)(a)-(b)).
pub fn contact(lang: Lang, controllers: &[Controller]) -> Section {
    let heading = pick(lang, "Contact details and data protection officer", "Kontaktuppgifter och dataskyddsombud");
    let mut section = Section::new("contact", heading);
    section.paragraphs.push(pick(
        lang,
        "Contact us if you have questions about how we process your personal data or want to use your rights.",
        "Kontakta oss om du har frågor om hur vi behandlar dina personuppgifter eller vill använda dina rättigheter.",
    ));
    if controllers.is_empty() {
        section.items.push(Item::plain(missing(lang, &pick(lang, "the controller", "den personuppgiftsansvarige"))));
    }
    for controller in controllers {
        let name = controller.name.clone().unwrap_or_else(|| missing(lang, &pick(lang, "name", "namn")));
        let contact = controller
            .contact
            .clone()
            .unwrap_or_else(|| missing(lang, &pick(lang, "contact details", "kontaktuppgifter")));
        section.items.push(Item::led(pick(lang, "Controller", "Personuppgiftsansvarig"), format!("{name}, {contact}")));
        if let Some(dpo) = &controller.dpo {
            section.items.push(Item::led(pick(lang, "Data protection officer", "Dataskyddsombud"), dpo.clone()));
        }
    }
    section
}

/// The day of the latest review of any of the records.
pub fn updated(lang: Lang, records: &[&Record]) -> Section {
    let mut section = Section::new("updated", pick(lang, "Last updated", "Senast uppdaterad"));
    let latest = records.iter().filter_map(|r| r.updated).max();
    let day = latest.map_or_else(
        || missing(lang, &pick(lang, "date of the last review", "datum för senaste översyn")),
        |d| d.to_string(),
    );
    section.paragraphs.push(match lang {
        Lang::En => format!("This information was last updated on {day}."),
        Lang::Sv => format!("Informationen uppdaterades senast {day}."),
    });
    section
}
