//! The privacy notice (GDPR art. 13 and 14) as a typed document: every sentence is decided
//! here, in the reader's language; `templates/notice.{md,html}` only lay it out.

mod activity;
mod closing;
mod parties;
mod rights;

use serde::Serialize;

use crate::document::words::pick;
use crate::findings::{FileReport, Lang};
use crate::model::Record;
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
    let controllers = closing::distinct_controllers(input.records);
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
    intro.extend(closing::language_note(lang, input.records));
    let activities: Vec<Activity> = input.records.iter().map(|r| activity::build(r, lang, input.policy)).collect();
    Notice {
        lang: match lang {
            Lang::En => "en",
            Lang::Sv => "sv",
        },
        title: pick(lang, "How we process your personal data", "Så behandlar vi dina personuppgifter"),
        subtitle: names.join(", "),
        draft: input.draft_from.map(|files| closing::draft(lang, files)),
        intro,
        sectioned: activities.len() > 1,
        activities,
        closing: vec![
            closing::complaint(lang, input.records),
            closing::contact(lang, &controllers),
            closing::updated(lang, input.records),
        ],
        generated_by: pick(
            lang,
            "Generated by rpcheck from the organisation's records of processing.",
            "Skapad av rpcheck från organisationens registerförteckning.",
        ),
    }
}
