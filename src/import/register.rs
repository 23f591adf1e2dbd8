//! The built-in mapping: the columns `rpcheck register --format xlsx|csv` writes, in English or
//! Swedish, read back into record fields. The register puts several fields into one cell, so
//! each column has its own reader that undoes what `document::register::columns` wrote.
//!
//! What the register's columns do not hold cannot come back; `rpcheck import --help` and the
//! README list those fields, and tests/import.rs's round trip names each one.

use serde_json::{Map, Value, json};

use super::fill::{extend, slot};
use super::read::{Cell, SheetRow};
use crate::document::register::COLUMNS;
use crate::document::words::{self, pick};
use crate::findings::{Lang, Text};
use crate::model::{LegalBasis, RecipientRole, SpecialCategory, TransferMechanism};
use crate::policy::Glossary;

/// The register's column key of each sheet column, and the register's language, when every
/// heading is one the register writes (in one language).
pub fn layout(headings: &[String]) -> Option<(Lang, Vec<Option<&'static str>>)> {
    [Lang::En, Lang::Sv].into_iter().find_map(|lang| {
        let keys: Vec<Option<&'static str>> =
            headings.iter().map(|h| COLUMNS.iter().find(|c| pick(lang, c.en, c.sv) == *h).map(|c| c.key)).collect();
        let all_known = headings.iter().zip(&keys).all(|(h, k)| h.is_empty() || k.is_some());
        (all_known && keys.contains(&Some("id"))).then_some((lang, keys))
    })
}

/// The record a register row holds (as JSON, before it is checked), or why it holds none.
pub fn fill(
    keys: &[Option<&'static str>],
    lang: Lang,
    glossary: &Glossary,
    row: &SheetRow,
) -> std::result::Result<Value, Vec<Text>> {
    let mut record = Value::Object(Map::new());
    let mut problems = Vec::new();
    for (key, cell) in keys.iter().zip(&row.cells) {
        let Some(key) = key else { continue };
        let text = match cell {
            Cell::Text(text) => super::uninert(text),
            Cell::Formula(formula) => {
                problems.push(super::fill::formula_problem(key, formula));
                continue;
            }
            Cell::Error(error) => {
                problems.push(Text::new(
                    format!("column {key} holds the spreadsheet error {error}"),
                    format!("kolumnen {key} innehåller kalkylbladsfelet {error}"),
                ));
                continue;
            }
        };
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        if let Err(problem) = column(&mut record, key, text, lang, glossary) {
            problems.push(problem);
        }
    }
    if problems.is_empty() { Ok(record) } else { Err(problems) }
}

fn lines(text: &str) -> Vec<&str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).collect()
}

fn column(record: &mut Value, key: &str, text: &str, lang: Lang, glossary: &Glossary) -> Result<(), Text> {
    let set = |record: &mut Value, path: &[&str], value: Value| *slot(record, path, None) = value;
    match key {
        "id" | "name" | "security_measures" | "updated" => set(record, &[key], json!(text)),
        "controller" => controller(record, text),
        "dpo" => set(record, &["controller", "dpo"], json!(text)),
        "joint_controllers" => {
            let entries = lines(text).into_iter().map(joint_controller).collect();
            set(record, &["joint_controllers"], Value::Array(entries));
        }
        "purposes" => {
            for (i, description) in lines(text).into_iter().enumerate() {
                *slot(record, &["purposes", "description"], Some((1, i))) = json!(description);
            }
        }
        "legal_basis" => {
            for (i, line) in lines(text).into_iter().enumerate() {
                let purpose = slot(record, &["purposes"], Some((1, i)));
                legal_basis(purpose, line, lang)?;
            }
        }
        "subjects" => set(record, &["personal_data", "subjects"], json!(lines(text))),
        "categories" => categories(record, text, lang),
        "recipients" => {
            let entries = lines(text).into_iter().map(|l| recipient(l, lang)).collect();
            set(record, &["recipients"], Value::Array(entries));
        }
        "transfers" => {
            let entries = lines(text).into_iter().map(|l| transfer(l, lang, glossary)).collect::<Result<_, _>>()?;
            set(record, &["transfers"], Value::Array(entries));
        }
        "retention" => retention(record, text, lang),
        "public_records" => {
            let value = super::truth(text).ok_or_else(|| not_understood(key, text))?;
            set(record, &["retention", "public_records"], json!(value));
        }
        "disposal_decision" => set(record, &["retention", "disposal_decision"], json!(text)),
        "dpia" => {
            let not_required = text == pick(lang, "not required", "krävs inte");
            set(record, &["dpia"], json!(if not_required { "not_required" } else { text }));
        }
        // The file the record came from and its error count are the register's, not the record's.
        _ => {}
    }
    Ok(())
}

/// The controller's name, then its contact details.
fn controller(record: &mut Value, text: &str) {
    let lines = lines(text);
    let Some((name, contact)) = lines.split_first() else { return };
    *slot(record, &["controller", "name"], None) = json!(name);
    if !contact.is_empty() {
        *slot(record, &["controller", "contact"], None) = json!(contact.join("\n"));
    }
}

fn not_understood(key: &str, text: &str) -> Text {
    Text::new(
        format!("column {key}: cannot read \"{text}\" as rpcheck register writes it"),
        format!("kolumn {key}: kan inte läsa \"{text}\" så som rpcheck register skriver det"),
    )
}

/// `name: scope: arrangement`, each part present only when the record has it.
fn joint_controller(line: &str) -> Value {
    let mut entry = Map::new();
    for (field, part) in ["name", "scope", "arrangement"].into_iter().zip(line.splitn(3, ": ")) {
        entry.insert(field.into(), json!(part));
    }
    Value::Object(entry)
}

/// `id: legal basis (article); extra; extra`: the extras are the law, the legitimate interest
/// and the art. 9(2) condition, each when present (told apart by their form and the basis).
fn legal_basis(purpose: &mut Value, line: &str, lang: Lang) -> Result<(), Text> {
    let mut parts = line.split("; ");
    let head = parts.next().unwrap_or_default();
    let mut extras: Vec<&str> = parts.collect();
    let (id, basis) = LegalBasis::ALL
        .into_iter()
        .find_map(|b| {
            let w = words::legal_basis(lang, b);
            if head == w {
                Some((None, Some(b)))
            } else {
                head.strip_suffix(&w).and_then(|id| id.strip_suffix(": ")).map(|id| (Some(id), Some(b)))
            }
        })
        .or_else(|| (head == "?").then_some((None, None)))
        .or_else(|| head.strip_suffix(": ?").map(|id| (Some(id), None)))
        .ok_or_else(|| not_understood("legal_basis", line))?;
    let entry = slot(purpose, &[], None);
    let set = |entry: &mut Value, key: &str, value: Value| *slot(entry, &[key], None) = value;
    if let Some(id) = id {
        set(entry, "id", json!(id));
    }
    if let Some(basis) = basis {
        set(entry, "legal_basis", serde_json::to_value(basis).unwrap_or_default());
    }
    if extras.last().is_some_and(|e| is_art9_condition(e)) {
        set(entry, "special_category_condition", json!(extras.pop()));
    }
    if !extras.is_empty() {
        let field = if basis == Some(LegalBasis::LegitimateInterest) { "legitimate_interest" } else { "law" };
        set(entry, field, json!(extras.join("; ")));
    }
    Ok(())
}

fn is_art9_condition(text: &str) -> bool {
    text.strip_prefix("9(2)(").and_then(|t| t.strip_suffix(')')).is_some_and(|p| p.len() == 1)
}

fn categories(record: &mut Value, text: &str, lang: Lang) {
    let special = format!("{}: ", pick(lang, "special categories (art. 9)", "känsliga personuppgifter (art. 9)"));
    let criminal = format!("{}: ", pick(lang, "criminal offences (art. 10)", "lagöverträdelser (art. 10)"));
    let mut plain = Vec::new();
    for line in lines(text) {
        if let Some(list) = line.strip_prefix(&special) {
            let known: Vec<Value> = list
                .split(", ")
                .map(|item| {
                    all_special()
                        .find(|c| words::special_category(lang, *c) == item)
                        .map_or_else(|| json!(item), |c| serde_json::to_value(c).unwrap_or_default())
                })
                .collect();
            extend(slot(record, &["personal_data", "special_categories"], None), known);
        } else if let Some(basis) = line.strip_prefix(&criminal) {
            *slot(record, &["personal_data", "criminal_offences"], None) = json!(true);
            if basis != "?" {
                *slot(record, &["personal_data", "criminal_offences_basis"], None) = json!(basis);
            }
        } else {
            plain.push(json!(line));
        }
    }
    extend(slot(record, &["personal_data", "categories"], None), plain);
}

fn all_special() -> impl Iterator<Item = SpecialCategory> {
    use SpecialCategory::*;
    [
        RacialOrEthnicOrigin,
        PoliticalOpinions,
        ReligiousBeliefs,
        TradeUnionMembership,
        Genetic,
        Biometric,
        Health,
        SexLifeOrOrientation,
    ]
    .into_iter()
}

/// `name (role)`.
fn recipient(line: &str, lang: Lang) -> Value {
    use RecipientRole::*;
    for role in [Processor, JointController, Controller, PublicAuthority] {
        let word = crate::document::register::role_word(role, lang);
        if let Some(name) = line.strip_suffix(&format!(" ({word})")) {
            return json!({ "name": name, "role": role });
        }
    }
    json!({ "name": line })
}

/// `recipient, destination: mechanism (article); framework; derogation; safeguards`.
fn transfer(line: &str, lang: Lang, glossary: &Glossary) -> Result<Value, Text> {
    let named = TransferMechanism::ALL.into_iter().map(|m| (Some(m), words::mechanism(lang, m)));
    let none = std::iter::once((None, pick(lang, "no mechanism", "ingen mekanism")));
    let (mechanism, head, rest) = named
        .chain(none)
        .find_map(|(m, w)| {
            let at = line.find(&format!(": {w}"))?;
            Some((m, &line[..at], &line[at + 2 + w.len()..]))
        })
        .ok_or_else(|| not_understood("transfers", line))?;
    let (recipient, destination) = head.rsplit_once(", ").ok_or_else(|| not_understood("transfers", line))?;
    let mut entry = Map::new();
    if recipient != "?" {
        entry.insert("recipient".into(), json!(recipient));
    }
    match destination_code(destination, lang, glossary) {
        Some(code) => entry.insert("country".into(), json!(code)),
        None if destination == "?" => None,
        None => entry.insert("organisation".into(), json!(destination)),
    };
    if let Some(m) = mechanism {
        entry.insert("mechanism".into(), serde_json::to_value(m).unwrap_or_default());
    }
    for extra in rest.split("; ").filter(|e| !e.is_empty()) {
        let field = if extra.starts_with("49(") {
            "derogation"
        } else if mechanism == Some(TransferMechanism::Adequacy)
            && !extra.contains([' ', '/'])
            && !entry.contains_key("framework")
        {
            "framework"
        } else {
            "safeguards"
        };
        entry.insert(field.into(), json!(extra));
    }
    Ok(Value::Object(entry))
}

/// A destination in words back to its country code: the glossary's words, `Name (XX)`, a bare
/// code or a Swedish country name; `None` for anything else (an international organisation).
fn destination_code(text: &str, lang: Lang, glossary: &Glossary) -> Option<String> {
    let known = |code: &str| crate::model::COUNTRY_CODES.contains(&code);
    let from_glossary = glossary.get("country").and_then(|countries| {
        countries.iter().find(|(_, words)| words.get(lang) == text).map(|(code, _)| code.clone())
    });
    let in_parentheses = text
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once('('))
        .map(|(_, code)| code.to_string())
        .filter(|code| known(code));
    from_glossary
        .or(in_parentheses)
        .or_else(|| known(text).then(|| text.to_string()))
        .or_else(|| crate::model::alpha2_for_swedish_name(text).map(str::to_string))
}

/// The period in words (`2 år`, `1 year and 6 months`) back to ISO 8601, then the criteria.
fn retention(record: &mut Value, text: &str, lang: Lang) {
    let lines = lines(text);
    let period = lines.first().and_then(|first| period(first, lang));
    let criteria = if period.is_some() { &lines[1..] } else { &lines[..] };
    if let Some(period) = period {
        *slot(record, &["retention", "period"], None) = json!(period);
    }
    if !criteria.is_empty() {
        *slot(record, &["retention", "criteria"], None) = json!(criteria.join("\n"));
    }
}

/// `text` as an ISO 8601 period, when `words::duration` writes exactly `text` for it.
fn period(text: &str, lang: Lang) -> Option<String> {
    if text.starts_with('P') && text.parse::<jiff::Span>().is_ok() {
        return Some(text.to_string());
    }
    const UNITS: &[(&str, char)] = &[
        ("year", 'Y'),
        ("years", 'Y'),
        ("år", 'Y'),
        ("month", 'M'),
        ("months", 'M'),
        ("månad", 'M'),
        ("månader", 'M'),
        ("week", 'W'),
        ("weeks", 'W'),
        ("vecka", 'W'),
        ("veckor", 'W'),
        ("day", 'D'),
        ("days", 'D'),
        ("dag", 'D'),
        ("dagar", 'D'),
    ];
    let mut iso = String::from("P");
    for part in text.replace(" and ", ", ").replace(" och ", ", ").split(", ") {
        let (number, unit) = part.split_once(' ')?;
        let number: u32 = number.parse().ok()?;
        let (_, letter) = UNITS.iter().find(|(word, _)| *word == unit)?;
        iso.push_str(&format!("{number}{letter}"));
    }
    (words::duration(lang, &iso) == text).then_some(iso)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_in_words_come_back_as_iso() {
        for iso in ["P2Y", "P1M", "P18M", "P1Y6M", "P30D", "P2W"] {
            for lang in [Lang::En, Lang::Sv] {
                assert_eq!(period(&words::duration(lang, iso), lang).as_deref(), Some(iso), "{iso} {lang:?}");
            }
        }
        assert_eq!(period("Så länge kontot finns", Lang::Sv), None);
    }

    #[test]
    fn legal_basis_lines_come_back() {
        let mut purpose = Value::Null;
        let line = "arkiv: rättslig förpliktelse (artikel 6.1 c dataskyddsförordningen); Arkivlagen (1990:782) 3 §; TF 2 kap.; 9(2)(g)";
        legal_basis(&mut purpose, line, Lang::Sv).expect("read");
        assert_eq!(
            purpose,
            json!({"id": "arkiv", "legal_basis": "legal_obligation", "law": "Arkivlagen (1990:782) 3 §; TF 2 kap.", "special_category_condition": "9(2)(g)"})
        );
        assert!(legal_basis(&mut Value::Null, "whatever", Lang::En).is_err());
    }
}
