//! The data subject's rights (art. 13(2)(b)-(c), 15-22, 7(3)), each with where it applies and
//! its limitations with their legal basis.

use super::{Item, Section, missing};
use crate::document::words::{self, full_stop, gdpr, pick};
use crate::findings::Lang;
use crate::model::{LegalBasis, Record, Right};

/// The rights section of one activity.
pub fn section(record: &Record, lang: Lang) -> Section {
    let mut section = Section::new("rights", pick(lang, "Your rights", "Dina rättigheter"));
    section.paragraphs.push(pick(
        lang,
        "You have the following rights under the GDPR. Where a right applies only to part of the processing, or a law limits it, this is said under the right.",
        "Du har följande rättigheter enligt dataskyddsförordningen. Om en rättighet bara gäller en del av behandlingen, eller om lag begränsar den, står det under rättigheten.",
    ));
    let rights = record.rights.clone().unwrap_or_default();
    let stated = [
        (Right::Access, rights.access),
        (Right::Rectification, rights.rectification),
        (Right::Erasure, rights.erasure),
        (Right::Restriction, rights.restriction),
        (Right::Objection, rights.objection),
        (Right::Portability, rights.portability),
    ];
    for (right, flag) in stated {
        let limited = rights.limitations.iter().any(|l| l.right == Some(right));
        if flag == Some(true) || limited {
            section.items.push(right_item(record, right, lang));
        }
    }
    let consent = record.purposes.iter().any(|p| p.legal_basis == Some(LegalBasis::Consent));
    if rights.withdraw_consent == Some(true) || consent {
        section.items.push(withdraw_consent(record, lang));
    }
    if section.items.is_empty() {
        section.items.push(Item::plain(missing(lang, &pick(lang, "the rights", "rättigheterna"))));
    }
    section
}

fn right_item(record: &Record, right: Right, lang: Lang) -> Item {
    let (article, en_lead, sv_lead, en, sv) = match right {
        Right::Access => (
            "15",
            "Right of access",
            "Rätt till tillgång",
            "You have the right to know whether we process personal data about you and, if we do, to get a copy of the data and information about the processing.",
            "Du har rätt att få veta om vi behandlar personuppgifter om dig och i så fall få en kopia av uppgifterna och information om behandlingen.",
        ),
        Right::Rectification => (
            "16",
            "Right to rectification",
            "Rätt till rättelse",
            "You have the right to have inaccurate data corrected and incomplete data completed.",
            "Du har rätt att få felaktiga uppgifter rättade och ofullständiga uppgifter kompletterade.",
        ),
        Right::Erasure => (
            "17",
            "Right to erasure",
            "Rätt till radering",
            "You have the right to have data erased in certain cases, for example when they are no longer needed for the purpose.",
            "Du har rätt att få uppgifter raderade i vissa fall, till exempel när de inte längre behövs för ändamålet.",
        ),
        Right::Restriction => (
            "18",
            "Right to restriction of processing",
            "Rätt till begränsning av behandling",
            "You have the right to ask us to restrict the processing, for example while we check whether the data are accurate.",
            "Du har rätt att begära att behandlingen begränsas, till exempel medan vi kontrollerar om uppgifterna är riktiga.",
        ),
        Right::Objection => (
            "21",
            "Right to object",
            "Rätt att invända",
            "You have the right to object to processing based on a public task or on legitimate interests. We may then continue only if we show compelling legitimate grounds that override your interests.",
            "Du har rätt att invända mot behandling som grundar sig på allmänt intresse eller berättigat intresse. Vi får då bara fortsätta om vi kan visa tvingande berättigade skäl som väger tyngre än dina intressen.",
        ),
        Right::Portability => (
            "20",
            "Right to data portability",
            "Rätt till dataportabilitet",
            "You have the right to receive the data you have given us in a structured, machine-readable format and to have them transmitted to someone else, where the processing rests on consent or contract and is automated.",
            "Du har rätt att få ut de uppgifter som du har lämnat till oss i ett strukturerat, maskinläsbart format och att få dem överförda till någon annan, när behandlingen grundar sig på samtycke eller avtal och sker automatiserat.",
        ),
    };
    let lead = format!("{} ({})", pick(lang, en_lead, sv_lead), gdpr(lang, article));
    let mut item = Item::led(lead, pick(lang, en, sv));
    let scope = match right {
        // Art. 21(1) only: whether a purpose is direct marketing (art. 21(2)) the record does not say.
        Right::Objection => Some(Scope {
            bases: &[LegalBasis::PublicTask, LegalBasis::LegitimateInterest],
            bases_named: ("a public task or legitimate interests", "allmänt intresse eller berättigat intresse"),
            right_named: ("the right under Article 21(1) GDPR", "rätten enligt artikel 21.1 dataskyddsförordningen"),
        }),
        Right::Portability => Some(Scope {
            bases: &[LegalBasis::Consent, LegalBasis::Contract],
            bases_named: ("consent or contract", "samtycke eller avtal"),
            right_named: ("the right", "rätten"),
        }),
        _ => None,
    };
    if let Some(note) = scope.and_then(|scope| scope.note(record, lang)) {
        item.notes.push(note);
    }
    for limitation in record.rights.iter().flat_map(|r| &r.limitations).filter(|l| l.right == Some(right)) {
        let what = limitation
            .description
            .clone()
            .unwrap_or_else(|| missing(lang, &pick(lang, "what the limitation means", "vad begränsningen innebär")));
        let basis =
            limitation.basis.clone().unwrap_or_else(|| missing(lang, &pick(lang, "legal basis", "rättsligt stöd")));
        item.notes.push(match lang {
            Lang::En => format!("Limitation: {what} (legal basis: {basis})"),
            Lang::Sv => format!("Begränsning: {what} (stöd: {basis})"),
        });
    }
    item
}

/// The legal bases a right depends on, named for the note that says where it applies.
struct Scope {
    bases: &'static [LegalBasis],
    bases_named: (&'static str, &'static str),
    right_named: (&'static str, &'static str),
}

impl Scope {
    /// Which of the activity's purposes the right applies to, when that is not all of them.
    fn note(&self, record: &Record, lang: Lang) -> Option<String> {
        let (inside, outside): (Vec<_>, Vec<_>) =
            record.purposes.iter().partition(|p| p.legal_basis.is_some_and(|b| self.bases.contains(&b)));
        if outside.is_empty() {
            return None;
        }
        let bases = pick(lang, self.bases_named.0, self.bases_named.1);
        let right = pick(lang, self.right_named.0, self.right_named.1);
        if inside.is_empty() {
            return Some(match lang {
                Lang::En => format!("This processing does not rest on {bases}, so {right} does not apply to it."),
                Lang::Sv => format!("Den här behandlingen grundar sig inte på {bases}, så {right} gäller inte här."),
            });
        }
        let purposes: Vec<String> = inside.iter().filter_map(|p| p.description.clone()).collect();
        let purposes = full_stop(&words::list(lang, &purposes));
        Some(match lang {
            Lang::En => format!("Applies here to the processing for: {purposes}"),
            Lang::Sv => format!("Gäller här behandlingen för: {purposes}"),
        })
    }
}

fn withdraw_consent(record: &Record, lang: Lang) -> Item {
    let lead =
        format!("{} ({})", pick(lang, "Right to withdraw consent", "Rätt att återkalla samtycke"), gdpr(lang, "7(3)"));
    let mut item = Item::led(
        lead,
        pick(
            lang,
            "You may withdraw your consent at any time. This does not affect the lawfulness of the processing before you withdrew it.",
            "Du kan när som helst återkalla ditt samtycke. Det påverkar inte lagligheten av behandlingen innan du återkallade det.",
        ),
    );
    let scope = Scope {
        bases: &[LegalBasis::Consent],
        bases_named: ("consent", "samtycke"),
        right_named: ("the right", "rätten"),
    };
    if let Some(note) = scope.note(record, lang) {
        item.notes.push(note);
    }
    item
}
