//! Swedish law: what a `law` must name (a national basis, 3 kap. 3 § dataskyddslagen) and
//! personal identity numbers (3 kap. 10 § dataskyddslagen).

use super::values::{self, is_blank, words};
use super::{Hit, RuleContext};
use crate::model::{ControllerKind, LegalBasis};

/// Dataskyddslagen and its förordning: they point on to duties in other law.
const DATA_PROTECTION_ACTS: &[&str] = &["2018:218", "2018:219"];

/// A public body's public_task / legal_obligation purpose whose `law` names no basis that can
/// carry it: no Swedish act other than dataskyddslagen, no Union regulation or decision other
/// than the GDPR, no collective agreement, no decision made under a statute.
pub fn national_basis(ctx: &RuleContext<'_>) -> Vec<Hit> {
    if !ctx.is_public_body() {
        return Vec::new();
    }
    ctx.record
        .purposes
        .iter()
        .enumerate()
        .filter(|(_, p)| matches!(p.legal_basis, Some(LegalBasis::PublicTask | LegalBasis::LegalObligation)))
        .filter_map(|(i, p)| Some((i, p.law.as_deref().filter(|l| !is_blank(Some(l)))?)))
        .filter(|(_, law)| !names_a_basis(law))
        .map(|(i, _)| Hit::at(format!("/purposes/{i}/law")))
        .collect()
}

/// Whether a `law` names a basis other than the GDPR and dataskyddslagen.
fn names_a_basis(law: &str) -> bool {
    let lower = law.to_lowercase();
    let decision_under_statute = lower.find("beslut").is_some_and(|at| lower[at..].contains("med stöd av"));
    other_sfs_number(law) || names_union_act(law) || lower.contains("kollektivavtal") || decision_under_statute
}

/// The SFS numbers "(YYYY:N)" in a text, without their parentheses.
fn sfs_numbers(text: &str) -> impl Iterator<Item = &str> {
    text.split('(').skip(1).filter_map(|rest| {
        let number = rest.split(')').next()?;
        let (year, serial) = number.split_once(':')?;
        let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        (year.len() == 4 && digits(year) && digits(serial)).then_some(number)
    })
}

fn other_sfs_number(text: &str) -> bool {
    sfs_numbers(text).any(|n| !DATA_PROTECTION_ACTS.contains(&n))
}

/// Whether a text names a Union regulation or decision other than the GDPR, by its kind and
/// number ("förordning (EU) 2022/2065", "(EG) nr 1234/2007") or its CELEX number. A bare
/// "(EU) 2019/1937" may be a directive (they share the numbering) and does not count.
fn names_union_act(text: &str) -> bool {
    let words = words(text);
    let celex = words.iter().any(|w| is_celex_act(w) && w != "32016r0679");
    let numbered = words.windows(2).enumerate().any(|(i, pair)| {
        let [marker, next] = pair else {
            return false;
        };
        if !matches!(marker.as_str(), "eu" | "eg" | "ec" | "eeg" | "eec" | "euratom") {
            return false;
        }
        let kind = i.checked_sub(1).and_then(|k| words.get(k)).is_some_and(|w| is_act_kind(w));
        let nr = matches!(next.as_str(), "nr" | "no");
        let number = if nr { words.get(i + 2..i + 4) } else { words.get(i + 1..i + 3) };
        let gdpr = number.is_some_and(|n| n[0] == "2016" && n[1] == "679");
        number.is_some_and(|n| n.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()))) && !gdpr && (kind || nr)
    });
    celex || numbered
}

fn is_act_kind(word: &str) -> bool {
    ["förordning", "förordningen", "regulation", "beslut", "beslutet", "decision"].iter().any(|k| word.ends_with(k))
}

/// A CELEX number of a regulation or decision: 3, a year, R or D, four digits.
fn is_celex_act(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() == 10
        && b[0] == b'3'
        && b[1..5].iter().all(u8::is_ascii_digit)
        && matches!(b[5], b'r' | b'd')
        && b[6..].iter().all(u8::is_ascii_digit)
}

/// A private controller or municipal company whose 9(2)(g) purpose rests only on 3 kap. 3 §
/// dataskyddslagen, which authorises myndigheter (and others only for allmänna handlingar).
pub fn special_category_public_interest(ctx: &RuleContext<'_>) -> Vec<Hit> {
    let kind = ctx.record.controller.as_ref().and_then(|c| c.kind);
    let covered = matches!(kind, Some(ControllerKind::Private | ControllerKind::MunicipalCompany));
    let special = ctx.record.personal_data.as_ref().is_some_and(|d| !d.special_categories.is_empty());
    if !covered || !special {
        return Vec::new();
    }
    ctx.record
        .purposes
        .iter()
        .enumerate()
        .filter(|(_, p)| p.special_category_condition.as_deref().is_some_and(|c| values::condition(c).names('g')))
        .filter(|(_, p)| p.law.as_deref().is_some_and(cites_only_chapter_3_section_3))
        .map(|(i, _)| Hit::at(format!("/purposes/{i}/law")))
        .collect()
}

/// Whether a `law` cites 3 kap. 3 § dataskyddslagen and no other act.
fn cites_only_chapter_3_section_3(law: &str) -> bool {
    let lower = law.to_lowercase();
    let section = lower.match_indices("3 kap. 3 §").any(|(at, _)| !lower[..at].ends_with(|c: char| c.is_ascii_digit()));
    let act = lower.contains("dataskyddslagen") || lower.contains("2018:218");
    let allowed = ["dataskyddslagen", "förordningen", "dataskyddsförordningen"];
    let other_act = words(law).iter().any(|w| {
        ["lagen", "lag", "balken", "förordningen"].iter().any(|end| w.ends_with(end)) && !allowed.contains(&w.as_str())
    });
    section && act && !other_act && !other_sfs_number(law) && !names_union_act(law)
}

/// A category naming personal identity numbers, processed without consent for every purpose,
/// with no `identity_number_reason`.
pub fn personal_identity_number(ctx: &RuleContext<'_>) -> Vec<Hit> {
    let Some(data) = ctx.record.personal_data.as_ref() else {
        return Vec::new();
    };
    let purposes = &ctx.record.purposes;
    let all_consent = !purposes.is_empty() && purposes.iter().all(|p| p.legal_basis == Some(LegalBasis::Consent));
    if all_consent || !is_blank(data.identity_number_reason.as_deref()) {
        return Vec::new();
    }
    data.categories
        .iter()
        .position(|c| mentions_identity_number(c))
        .map(|i| Hit::at(format!("/personal_data/categories/{i}")).with("category", data.categories[i].as_str()))
        .into_iter()
        .collect()
}

/// Whether a category mentions personnummer or samordningsnummer, in Swedish or English.
fn mentions_identity_number(category: &str) -> bool {
    let words = words(category);
    let prefix = ["personnum", "personnr", "samordningsnum"];
    let phrase = format!(" {} ", words.join(" "));
    words.iter().any(|w| prefix.iter().any(|p| w.starts_with(p)))
        || [" personal identity number", " coordination number"].iter().any(|p| phrase.contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_basis_is_another_act_a_union_act_an_agreement_or_a_decision_under_a_statute() {
        for law in [
            "Socialtjänstlagen (2001:453)",
            "förordning (EU) 2022/2065",
            "Regulation (EU) 2022/2065",
            "förordning (EU) nr 1169/2011",
            "(EG) nr 1234/2007",
            "(EC) No 1234/2007",
            "beslut (EU) 2019/1",
            "CELEX 32022R2065",
            "Kollektivavtal AB 20",
            "Beslut av kommunfullmäktige med stöd av kommunallagen",
        ] {
            assert!(names_a_basis(law), "{law}");
        }
        for law in [
            "Dataskyddsförordningen 2016/679",
            "förordning (EU) 2016/679",
            "32016R0679",
            "Dataskyddslagen (2018:218)",
            "Förordning (2018:219)",
            "(EU) 2019/1937",
            "direktiv 2014/65/EU",
            "Beslut",
        ] {
            assert!(!names_a_basis(law), "{law}");
        }
    }

    #[test]
    fn only_chapter_3_section_3_is_told_apart_from_other_acts() {
        assert!(cites_only_chapter_3_section_3("3 kap. 3 § dataskyddslagen"));
        assert!(cites_only_chapter_3_section_3("3 kap. 3 § (2018:218)"));
        assert!(!cites_only_chapter_3_section_3("13 kap. 3 § dataskyddslagen"));
        assert!(!cites_only_chapter_3_section_3("3 kap. 3 § dataskyddslagen; hälso- och sjukvårdslagen (2017:30)"));
        assert!(!cites_only_chapter_3_section_3("3 kap. 3 § dataskyddslagen; patientdatalagen"));
        assert!(!cites_only_chapter_3_section_3("Socialtjänstlagen (2001:453)"));
    }

    #[test]
    fn identity_numbers_are_found_in_swedish_and_english() {
        for category in
            ["personnummer", "Personnr", "samordningsnummer", "Personal identity numbers", "coordination_number"]
        {
            assert!(mentions_identity_number(category), "{category}");
        }
        for category in ["namn", "personuppgifter", "identity", "telefonnummer"] {
            assert!(!mentions_identity_number(category), "{category}");
        }
    }
}
