//! Record values put into words of the document's language: durations, article numbers,
//! countries, categories. Shared by every generated document.

use crate::findings::Lang;
use crate::model::{Country, LegalBasis, RecipientRole, SpecialCategory, TransferMechanism};
use crate::policy::Glossary;

/// `en` or `sv`, whichever `lang` is.
pub fn pick(lang: Lang, en: &str, sv: &str) -> String {
    match lang {
        Lang::En => en.to_string(),
        Lang::Sv => sv.to_string(),
    }
}

/// A provision number as the record writes it (`9(2)(g)`) in the language's citation style:
/// `Article 9(2)(g)` in English, `artikel 9.2 g` in Swedish. Text in any other form is kept.
pub fn article(lang: Lang, raw: &str) -> String {
    let raw = raw.trim();
    let bare = raw.trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == '.' || c == ' ');
    let parts: Vec<&str> = bare.split(['(', ')']).filter(|p| !p.is_empty()).collect();
    let well_formed = !parts.is_empty()
        && parts[0].chars().all(|c| c.is_ascii_digit())
        && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_alphanumeric()));
    if !well_formed {
        return raw.to_string();
    }
    match lang {
        Lang::En => format!("Article {bare}"),
        Lang::Sv => {
            let (numbers, letters): (Vec<&str>, Vec<&str>) =
                parts.iter().partition(|p| p.chars().all(|c| c.is_ascii_digit()));
            let mut out = format!("artikel {}", numbers.join("."));
            for letter in letters {
                out.push(' ');
                out.push_str(letter);
            }
            out
        }
    }
}

/// The GDPR as a citation follows an article: `artikel 6.1 a dataskyddsförordningen`, `Article 6(1)(a) GDPR`.
pub fn gdpr(lang: Lang, article_number: &str) -> String {
    match lang {
        Lang::En => format!("{} GDPR", article(lang, article_number)),
        Lang::Sv => format!("{} dataskyddsförordningen", article(lang, article_number)),
    }
}

/// An ISO 8601 duration (`P2Y`, `P18M`, `P30D`) in words; anything else as written.
pub fn duration(lang: Lang, iso: &str) -> String {
    let Ok(span) = iso.parse::<jiff::Span>() else { return iso.to_string() };
    let units = [
        (i64::from(span.get_years()), "year", "years", "år", "år"),
        (i64::from(span.get_months()), "month", "months", "månad", "månader"),
        (i64::from(span.get_weeks()), "week", "weeks", "vecka", "veckor"),
        (i64::from(span.get_days()), "day", "days", "dag", "dagar"),
    ];
    let words: Vec<String> = units
        .iter()
        .filter(|u| u.0 != 0)
        .map(|&(n, en1, en, sv1, sv)| {
            let unit = match (lang, n == 1) {
                (Lang::En, true) => en1,
                (Lang::En, false) => en,
                (Lang::Sv, true) => sv1,
                (Lang::Sv, false) => sv,
            };
            format!("{n} {unit}")
        })
        .collect();
    if words.is_empty() || span.get_hours() != 0 || span.get_minutes() != 0 || span.get_seconds() != 0 {
        return iso.to_string();
    }
    list(lang, &words)
}

/// `text` ending a sentence: a full stop added unless it already ends with one.
pub fn full_stop(text: &str) -> String {
    let text = text.trim_end();
    if text.ends_with(['.', '!', '?']) { text.to_string() } else { format!("{text}.") }
}

/// Items joined as a sentence would: `a, b and c` / `a, b och c`.
pub fn list(lang: Lang, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), pick(lang, "and", "och")),
    }
}

/// A country in words, from the packs' glossary (`USA (US)`); the code where it has none.
pub fn country(lang: Lang, glossary: &Glossary, country: &Country) -> String {
    glossary
        .get("country")
        .and_then(|words| words.get(country.code()))
        .map_or_else(|| country.code().to_string(), |t| t.get(lang).to_string())
}

/// A special category of personal data in words.
pub fn special_category(lang: Lang, category: SpecialCategory) -> String {
    let (en, sv) = match category {
        SpecialCategory::RacialOrEthnicOrigin => ("racial or ethnic origin", "etniskt ursprung"),
        SpecialCategory::PoliticalOpinions => ("political opinions", "politiska åsikter"),
        SpecialCategory::ReligiousBeliefs => {
            ("religious or philosophical beliefs", "religiös eller filosofisk övertygelse")
        }
        SpecialCategory::TradeUnionMembership => ("trade union membership", "medlemskap i fackförening"),
        SpecialCategory::Genetic => ("genetic data", "genetiska uppgifter"),
        SpecialCategory::Biometric => {
            ("biometric data that identify a person", "biometriska uppgifter som identifierar en person")
        }
        SpecialCategory::Health => ("health", "hälsa"),
        SpecialCategory::SexLifeOrOrientation => ("sex life or sexual orientation", "sexualliv eller sexuell läggning"),
    };
    pick(lang, en, sv)
}

/// A legal basis by name with its point of art. 6(1), for tables and short texts.
pub fn legal_basis(lang: Lang, basis: LegalBasis) -> String {
    let (en, sv, point) = match basis {
        LegalBasis::Consent => ("consent", "samtycke", "6(1)(a)"),
        LegalBasis::Contract => ("contract", "avtal", "6(1)(b)"),
        LegalBasis::LegalObligation => ("legal obligation", "rättslig förpliktelse", "6(1)(c)"),
        LegalBasis::VitalInterests => ("vital interests", "grundläggande intressen", "6(1)(d)"),
        LegalBasis::PublicTask => ("public task", "allmänt intresse eller myndighetsutövning", "6(1)(e)"),
        LegalBasis::LegitimateInterest => ("legitimate interest", "berättigat intresse", "6(1)(f)"),
    };
    format!("{} ({})", pick(lang, en, sv), gdpr(lang, point))
}

/// A recipient's role in words.
pub fn recipient_role(lang: Lang, role: RecipientRole) -> String {
    match role {
        RecipientRole::Processor => pick(
            lang,
            "processor: processes the data on our behalf and on our instructions",
            "personuppgiftsbiträde: behandlar uppgifterna för vår räkning och enligt våra instruktioner",
        ),
        RecipientRole::JointController => {
            pick(lang, "joint controller together with us", "gemensamt personuppgiftsansvarig med oss")
        }
        RecipientRole::Controller => pick(
            lang,
            "an independent controller, responsible for its own processing",
            "självständigt personuppgiftsansvarig för sin egen behandling",
        ),
        RecipientRole::PublicAuthority => pick(lang, "a public authority", "en myndighet"),
    }
}

/// Where a transfer goes, in words: its third country, else its international organisation
/// (art. 13(1)(f) names both), else `None`.
pub fn destination(
    lang: Lang,
    glossary: &crate::policy::Glossary,
    transfer: &crate::model::Transfer,
) -> Option<String> {
    transfer.country.as_ref().map(|c| country(lang, glossary, c)).or_else(|| transfer.organisation.clone())
}

/// A transfer mechanism by name with its article.
pub fn mechanism(lang: Lang, mechanism: TransferMechanism) -> String {
    let (en, sv, article_number) = match mechanism {
        TransferMechanism::Adequacy => (
            "an adequacy decision of the European Commission",
            "ett beslut av EU-kommissionen om adekvat skyddsnivå",
            "45",
        ),
        TransferMechanism::Scc => (
            "standard contractual clauses adopted by the European Commission",
            "standardavtalsklausuler som EU-kommissionen har antagit",
            "46(2)(c)",
        ),
        TransferMechanism::Bcr => ("binding corporate rules", "bindande företagsbestämmelser", "47"),
        TransferMechanism::PublicAuthorityInstrument => (
            "a legally binding and enforceable instrument between public authorities or bodies",
            "ett rättsligt bindande och verkställbart instrument mellan offentliga myndigheter eller organ",
            "46(2)(a)",
        ),
        TransferMechanism::AdministrativeArrangement => (
            "provisions in administrative arrangements between public authorities or bodies",
            "bestämmelser i administrativa överenskommelser mellan offentliga myndigheter eller organ",
            "46(3)(b)",
        ),
        TransferMechanism::CodeOfConduct => ("an approved code of conduct", "en godkänd uppförandekod", "46(2)(e)"),
        TransferMechanism::Certification => {
            ("an approved certification mechanism", "en godkänd certifieringsmekanism", "46(2)(f)")
        }
        TransferMechanism::AdHocClauses => (
            "contractual clauses authorised by the supervisory authority",
            "avtalsklausuler som tillsynsmyndigheten har godkänt",
            "46(3)(a)",
        ),
        TransferMechanism::Derogation => {
            ("a derogation for a specific situation", "ett undantag för en särskild situation", "49")
        }
    };
    format!("{} ({})", pick(lang, en, sv), gdpr(lang, article_number))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_follow_each_language_s_citation_style() {
        assert_eq!(article(Lang::Sv, "9(2)(g)"), "artikel 9.2 g");
        assert_eq!(article(Lang::En, "9(2)(g)"), "Article 9(2)(g)");
        assert_eq!(article(Lang::Sv, "art. 49(1)(a)"), "artikel 49.1 a");
        assert_eq!(article(Lang::Sv, "45"), "artikel 45");
        assert_eq!(article(Lang::Sv, "see the policy"), "see the policy");
    }

    #[test]
    fn durations_are_words() {
        assert_eq!(duration(Lang::Sv, "P2Y"), "2 år");
        assert_eq!(duration(Lang::Sv, "P1Y6M"), "1 år och 6 månader");
        assert_eq!(duration(Lang::En, "P1M"), "1 month");
        assert_eq!(duration(Lang::En, "P30D"), "30 days");
        assert_eq!(duration(Lang::En, "two years"), "two years");
    }
}
