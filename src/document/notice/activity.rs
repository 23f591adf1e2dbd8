//! One processing activity's part of the notice: the data, purposes and legal bases, and
//! retention (art. 13(1)(c)-(d), 13(2)(a), 14(1)(d), 14(2)(f)); recipients and transfers are in
//! `parties`, rights in `rights`.

use super::{Activity, Item, Section, missing};
use crate::document::words::{self, full_stop, gdpr, pick};
use crate::findings::Lang;
use crate::model::{DataSource, LegalBasis, Purpose, Record};
use crate::policy::Policy;

/// The activity's sections, in the order Swedish public bodies' notices use.
pub fn build(record: &Record, lang: Lang, policy: &Policy) -> Activity {
    Activity {
        id: record.id.clone(),
        name: record.name.clone().unwrap_or_else(|| record.id.clone()),
        sections: vec![
            data(record, lang),
            purposes(record, lang),
            super::parties::recipients(record, lang),
            super::parties::transfers(record, lang, policy),
            retention(record, lang),
            super::rights::section(record, lang),
        ],
    }
}

fn data(record: &Record, lang: Lang) -> Section {
    let mut section =
        Section::new("data", pick(lang, "What personal data do we process?", "Vilka personuppgifter behandlar vi?"));
    let Some(data) = &record.personal_data else {
        section.paragraphs.push(missing(lang, &pick(lang, "the personal data", "personuppgifterna")));
        return section;
    };
    let subjects = words::list(lang, &data.subjects);
    if !subjects.is_empty() {
        section.paragraphs.push(match lang {
            Lang::En => format!("We process personal data about: {subjects}."),
            Lang::Sv => format!("Vi behandlar personuppgifter om: {subjects}."),
        });
    }
    let categories = if data.categories.is_empty() {
        missing(lang, &pick(lang, "categories of personal data", "kategorier av personuppgifter"))
    } else {
        words::list(lang, &data.categories)
    };
    section.items.push(Item::led(pick(lang, "Personal data", "Personuppgifter"), categories));
    if !data.special_categories.is_empty() {
        let special: Vec<String> = data.special_categories.iter().map(|c| words::special_category(lang, *c)).collect();
        let lead = pick(
            lang,
            "Special categories of personal data (Article 9 GDPR)",
            "Känsliga personuppgifter (artikel 9 dataskyddsförordningen)",
        );
        section.items.push(Item::led(lead, words::list(lang, &special)));
    }
    if data.criminal_offences == Some(true) {
        let basis = data
            .criminal_offences_basis
            .clone()
            .unwrap_or_else(|| missing(lang, &pick(lang, "legal basis", "rättsligt stöd")));
        let lead = pick(
            lang,
            "Data on criminal offences (Article 10 GDPR)",
            "Uppgifter om lagöverträdelser (artikel 10 dataskyddsförordningen)",
        );
        section.items.push(Item::led(
            lead,
            match lang {
                Lang::En => format!("processed with the support of {basis}"),
                Lang::Sv => format!("behandlas med stöd av {basis}"),
            },
        ));
    }
    let source = match data.source {
        Some(DataSource::DataSubject) => pick(lang, "from you", "från dig"),
        Some(DataSource::ThirdParty) => pick(
            lang,
            "from someone other than you (Article 14 GDPR)",
            "från någon annan än dig (artikel 14 dataskyddsförordningen)",
        ),
        Some(DataSource::PublicSources) => pick(
            lang,
            "from publicly accessible sources (Article 14(2)(f) GDPR)",
            "från allmänt tillgängliga källor (artikel 14.2 f dataskyddsförordningen)",
        ),
        None => missing(lang, &pick(lang, "where the data come from", "varifrån uppgifterna kommer")),
    };
    section.items.push(Item::led(pick(lang, "Where the data come from", "Varifrån uppgifterna kommer"), source));
    section
}

fn purposes(record: &Record, lang: Lang) -> Section {
    let mut section =
        Section::new("purposes", pick(lang, "Why, and on what legal basis?", "Varför och med vilket rättsligt stöd?"));
    if record.purposes.is_empty() {
        section.paragraphs.push(missing(lang, &pick(lang, "purposes", "ändamål")));
    }
    for purpose in &record.purposes {
        let lead = purpose.description.clone().unwrap_or_else(|| missing(lang, &pick(lang, "purpose", "ändamål")));
        let mut item = Item::led(lead, "");
        item.notes.push(legal_basis(purpose, lang));
        if let Some(condition) = &purpose.special_category_condition {
            let cite = gdpr(lang, condition);
            item.notes.push(match lang {
                Lang::En => format!("Special categories of personal data are processed under {cite}."),
                Lang::Sv => format!("Känsliga personuppgifter behandlas med stöd av {cite}."),
            });
        }
        section.items.push(item);
    }
    if let Some(text) = automated(record, lang) {
        section.items.push(Item::led(
            pick(lang, "Automated decisions and profiling", "Automatiserade beslut och profilering"),
            text,
        ));
    }
    section
}

/// The legal basis as a sentence for people, with the law it rests on (art. 13(1)(c)-(d)).
fn legal_basis(purpose: &Purpose, lang: Lang) -> String {
    let law = || purpose.law.clone().unwrap_or_else(|| missing(lang, &pick(lang, "the law", "lagen")));
    let Some(basis) = purpose.legal_basis else {
        return missing(lang, &pick(lang, "legal basis", "rättslig grund"));
    };
    let point = |p: &str| gdpr(lang, p);
    match (basis, lang) {
        (LegalBasis::Consent, Lang::En) => format!("Legal basis: your consent ({}).", point("6(1)(a)")),
        (LegalBasis::Consent, Lang::Sv) => format!("Rättslig grund: ditt samtycke ({}).", point("6(1)(a)")),
        (LegalBasis::Contract, Lang::En) => format!(
            "Legal basis: the processing is necessary to perform a contract with you, or to take steps you ask for before a contract is made ({}).",
            point("6(1)(b)")
        ),
        (LegalBasis::Contract, Lang::Sv) => format!(
            "Rättslig grund: behandlingen är nödvändig för att fullgöra ett avtal med dig, eller för att vidta åtgärder som du begär innan ett avtal ingås ({}).",
            point("6(1)(b)")
        ),
        (LegalBasis::LegalObligation, Lang::En) => format!(
            "Legal basis: the processing is necessary for a legal obligation we have ({}). The obligation follows from {}",
            point("6(1)(c)"),
            full_stop(&law())
        ),
        (LegalBasis::LegalObligation, Lang::Sv) => format!(
            "Rättslig grund: behandlingen är nödvändig för att vi ska fullgöra en rättslig förpliktelse ({}). Förpliktelsen följer av {}",
            point("6(1)(c)"),
            full_stop(&law())
        ),
        (LegalBasis::VitalInterests, Lang::En) => format!(
            "Legal basis: the processing is necessary to protect your vital interests or those of another person ({}).",
            point("6(1)(d)")
        ),
        (LegalBasis::VitalInterests, Lang::Sv) => format!(
            "Rättslig grund: behandlingen är nödvändig för att skydda dina eller någon annans grundläggande intressen ({}).",
            point("6(1)(d)")
        ),
        (LegalBasis::PublicTask, Lang::En) => format!(
            "Legal basis: the processing is necessary for a task in the public interest or in the exercise of official authority ({}). The task follows from {}",
            point("6(1)(e)"),
            full_stop(&law())
        ),
        (LegalBasis::PublicTask, Lang::Sv) => format!(
            "Rättslig grund: behandlingen är nödvändig för att utföra en uppgift av allmänt intresse eller som ett led i myndighetsutövning ({}). Uppgiften följer av {}",
            point("6(1)(e)"),
            full_stop(&law())
        ),
        (LegalBasis::LegitimateInterest, _) => legitimate_interest(purpose, lang),
    }
}

fn legitimate_interest(purpose: &Purpose, lang: Lang) -> String {
    let interest = full_stop(
        &purpose
            .legitimate_interest
            .clone()
            .unwrap_or_else(|| missing(lang, &pick(lang, "the legitimate interest", "det berättigade intresset"))),
    );
    let point = gdpr(lang, "6(1)(f)");
    match lang {
        Lang::En => format!(
            "Legal basis: the processing is necessary for our legitimate interests, which your interests do not override ({point}). Our legitimate interest: {interest}"
        ),
        Lang::Sv => format!(
            "Rättslig grund: behandlingen är nödvändig för våra berättigade intressen, och dina intressen väger inte tyngre ({point}). Vårt berättigade intresse: {interest}"
        ),
    }
}

/// Automated decisions and profiling (art. 13(2)(f)), when the record says.
fn automated(record: &Record, lang: Lang) -> Option<String> {
    let ad = record.automated_decisions.as_ref()?;
    let (decisions, profiling) = (ad.automated_decision_making == Some(true), ad.profiling == Some(true));
    let article = gdpr(lang, "22");
    if !decisions && !profiling {
        return Some(match lang {
            Lang::En => format!(
                "We make no decisions based solely on automated processing and do not use profiling ({article})."
            ),
            Lang::Sv => format!(
                "Vi fattar inga beslut som enbart grundar sig på automatiserad behandling och använder inte profilering ({article})."
            ),
        });
    }
    let what = match (decisions, lang) {
        (true, Lang::En) => "decisions based solely on automated processing",
        (true, Lang::Sv) => "beslut som enbart grundar sig på automatiserad behandling",
        (false, Lang::En) => "profiling",
        (false, Lang::Sv) => "profilering",
    };
    let logic = ad.logic.clone().unwrap_or_else(|| missing(lang, &pick(lang, "the logic involved", "logiken bakom")));
    Some(match lang {
        Lang::En => format!("The processing includes {what} ({article}). How it works: {}", full_stop(&logic)),
        Lang::Sv => format!("Behandlingen innefattar {what} ({article}). Så fungerar det: {}", full_stop(&logic)),
    })
}

fn retention(record: &Record, lang: Lang) -> Section {
    let mut section =
        Section::new("retention", pick(lang, "How long are the data kept?", "Hur länge sparas uppgifterna?"));
    let retention = record.retention.clone().unwrap_or_default();
    if let Some(period) = &retention.period {
        section.items.push(Item::led(pick(lang, "Retention period", "Lagringstid"), words::duration(lang, period)));
    }
    if let Some(criteria) = &retention.criteria {
        section
            .items
            .push(Item::led(pick(lang, "How the period is decided", "Så bestäms lagringstiden"), criteria.clone()));
    }
    if retention.period.is_none() && retention.criteria.is_none() {
        section.paragraphs.push(missing(
            lang,
            &pick(lang, "retention period or its criteria", "lagringstid eller kriterier för den"),
        ));
    }
    if retention.public_records == Some(true) {
        section.paragraphs.push(pick(
            lang,
            "The data are part of official documents (allmänna handlingar). Official documents are kept under the Archives Act (1990:782) and may be destroyed only where law or a disposal decision (gallringsbeslut) allows it.",
            "Uppgifterna ingår i allmänna handlingar. Allmänna handlingar bevaras enligt arkivlagen (1990:782) och får gallras (förstöras) bara när lag eller ett gallringsbeslut tillåter det.",
        ));
        // Without a period the documents may be kept for good; only deletion needs a decision.
        let decision = match &retention.disposal_decision {
            Some(decision) => Some(decision.clone()),
            None => {
                retention.period.as_ref().map(|_| missing(lang, &pick(lang, "disposal decision", "gallringsbeslut")))
            }
        };
        if let Some(decision) = decision {
            section.items.push(Item::led(pick(lang, "Disposal decision", "Gallringsbeslut"), decision));
        }
    }
    section
}
