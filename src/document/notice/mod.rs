//! The privacy notice (GDPR art. 13 and 14) as a typed document: every sentence is decided
//! here, in the reader's language; `templates/notice.{md,html}` only lay it out.

mod activity;
mod rights;

use serde::Serialize;

use crate::document::words::{gdpr, pick};
use crate::findings::{FileReport, Lang, Severity};
use crate::model::{Controller, Record};
use crate::policy::Policy;

/// A whole notice.
#[derive(Debug, Clone, Serialize)]
pub struct Notice {
    /// BCP 47 language of the notice (`sv`, `en`).
    pub lang: &'static str,
    /// The document's title.
    pub title: String,
    /// Who the notice is from (the controllers' names).
    pub subtitle: String,
    /// Present when the notice was generated from records with errors.
    pub draft: Option<Draft>,
    /// Opening paragraphs.
    pub intro: Vec<String>,
    /// Whether there is a section per processing activity (several records), so the
    /// per-activity headings sit one level below the activity's name.
    pub sectioned: bool,
    /// One per record.
    pub activities: Vec<Activity>,
    /// What holds for the whole notice: complaints, contact details, last update.
    pub closing: Vec<Section>,
    /// A short line saying the notice is generated, for the document's foot.
    pub generated_by: String,
}

/// The banner of a notice generated from records with errors (`--force`).
#[derive(Debug, Clone, Serialize)]
pub struct Draft {
    /// The banner's title.
    pub title: String,
    /// Why it is a draft.
    pub text: String,
    /// The error findings, one line each.
    pub findings: Vec<String>,
}

/// One processing activity (one record).
#[derive(Debug, Clone, Serialize)]
pub struct Activity {
    /// An id for links and anchors (the record id).
    pub id: String,
    /// The activity's name.
    pub name: String,
    /// Its sections, in the order of the Swedish public bodies' notices.
    pub sections: Vec<Section>,
}

/// A headed part of the notice: paragraphs, then a list.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// A stable id (`data`, `purposes`, ...), for anchors and styling.
    pub id: &'static str,
    /// The heading.
    pub heading: String,
    /// Paragraphs before the list.
    pub paragraphs: Vec<String>,
    /// The list, if any.
    pub items: Vec<Item>,
}

/// One list entry: a lead term, its text, and notes under it (limits, conditions).
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// The term the entry is about, shown first and strong.
    pub lead: Option<String>,
    /// The entry's text.
    pub text: String,
    /// Notes under the entry.
    pub notes: Vec<String>,
}

impl Item {
    /// An entry with a lead term.
    pub fn led(lead: impl Into<String>, text: impl Into<String>) -> Item {
        Item { lead: Some(lead.into()), text: text.into(), notes: Vec::new() }
    }

    /// An entry without a lead term.
    pub fn plain(text: impl Into<String>) -> Item {
        Item { lead: None, text: text.into(), notes: Vec::new() }
    }
}

impl Section {
    fn new(id: &'static str, heading: String) -> Section {
        Section { id, heading, paragraphs: Vec::new(), items: Vec::new() }
    }
}

/// A gap that a finished notice must not have: visible in a draft, never silent.
fn missing(lang: Lang, what: &str) -> String {
    match lang {
        Lang::En => format!("[⚠ MISSING from the record: {what}]"),
        Lang::Sv => format!("[⚠ SAKNAS i registerförteckningen: {what}]"),
    }
}

/// What the notice is built from.
pub struct NoticeInput<'a> {
    /// The records, one activity each, in this order.
    pub records: &'a [&'a Record],
    /// The language of the notice.
    pub lang: Lang,
    /// The rule packs, for their glossary (country names) and facts (adequacy decisions).
    pub policy: &'a Policy,
    /// With `--force`: the files whose error findings make this a draft.
    pub draft_from: Option<&'a [FileReport]>,
}

/// Build the notice.
pub fn build(input: &NoticeInput<'_>) -> Notice {
    let lang = input.lang;
    let controllers = distinct_controllers(input.records);
    let names: Vec<String> = controllers.iter().filter_map(|c| c.name.clone()).collect();
    let who = if names.is_empty() {
        missing(lang, &pick(lang, "the controller", "den personuppgiftsansvarige"))
    } else {
        super::words::list(lang, &names)
    };
    let mut intro = vec![match lang {
        Lang::En => format!(
            "{who} is the controller for the processing of personal data described here. This notice gives you the information you are entitled to under Articles 13 and 14 of the EU General Data Protection Regulation (Regulation (EU) 2016/679, the GDPR)."
        ),
        Lang::Sv => format!(
            "{who} är personuppgiftsansvarig för den behandling av personuppgifter som beskrivs här. Här får du den information som du har rätt till enligt artiklarna 13 och 14 i EU:s dataskyddsförordning (förordning (EU) 2016/679)."
        ),
    }];
    intro.extend(language_note(lang, input.records));
    let activities: Vec<Activity> = input.records.iter().map(|r| activity::build(r, lang, input.policy)).collect();
    Notice {
        lang: match lang {
            Lang::En => "en",
            Lang::Sv => "sv",
        },
        title: pick(lang, "How we process your personal data", "Så behandlar vi dina personuppgifter"),
        subtitle: names.join(", "),
        draft: input.draft_from.map(|files| draft(lang, files)),
        intro,
        sectioned: activities.len() > 1,
        activities,
        closing: vec![complaint(lang, input.records), contact(lang, &controllers), updated(lang, input.records)],
        generated_by: pick(
            lang,
            "Generated by rpcheck from the organisation's records of processing.",
            "Skapad av rpcheck från organisationens registerförteckning.",
        ),
    }
}

/// A note when the records' free text is in another language than the notice: it is quoted
/// as the organisation keeps it, never translated.
fn language_note(lang: Lang, records: &[&Record]) -> Option<String> {
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
    let languages = super::words::list(lang, &others);
    Some(match lang {
        Lang::En => {
            format!("Some details below are quoted from our records of processing, which are kept in {languages}.")
        }
        Lang::Sv => format!("Vissa uppgifter nedan är citerade ur vår registerförteckning, som förs på {languages}."),
    })
}

fn draft(lang: Lang, files: &[FileReport]) -> Draft {
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
fn distinct_controllers(records: &[&Record]) -> Vec<Controller> {
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

fn complaint(lang: Lang, records: &[&Record]) -> Section {
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
        super::words::list(lang, &authorities)
    };
    section.paragraphs.push(match lang {
        Lang::En => format!("If you think that we process your personal data wrongly, you have the right to lodge a complaint with {to}. This right follows from {article}."),
        Lang::Sv => format!("Om du anser att vi behandlar dina personuppgifter felaktigt har du rätt att lämna klagomål till {to}. Den rätten följer av {article}."),
    });
    section
}

fn contact(lang: Lang, controllers: &[Controller]) -> Section {
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

fn updated(lang: Lang, records: &[&Record]) -> Section {
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
