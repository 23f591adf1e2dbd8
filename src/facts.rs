//! Facts that change with the world, kept as data in `policies/data/`: the EEA, adequacy
//! decisions, and the operators of social-media platforms.

use std::collections::BTreeSet;
use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Result};

const EEA: &str = include_str!("../policies/data/eea.toml");
const ADEQUACY: &str = include_str!("../policies/data/adequacy.toml");
const PLATFORMS: &str = include_str!("../policies/data/platforms.toml");

/// One EEA member state.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EeaMember {
    /// ISO 3166-1 alpha-2 code.
    pub code: String,
    /// English name, for the people who keep the list.
    #[allow(dead_code, reason = "the list names each state for its readers; rpcheck goes by the code")]
    pub name: String,
}

/// A Union institution, body, office or agency: inside the Union, so no international
/// organisation under chapter V.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EuBody {
    /// Its usual name.
    pub name: String,
    /// Other names it goes by, in English and Swedish.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// One adequacy decision under art. 45 (or its predecessor, directive 95/46 art. 25(6)).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Adequacy {
    /// ISO 3166-1 alpha-2 code of the country or territory, for a decision on a country.
    #[serde(default)]
    pub country: Option<String>,
    /// The international organisation, for a decision on one (art. 45(1)).
    #[serde(default)]
    pub organisation: Option<String>,
    /// Other names of the organisation, matched like its name.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// English name.
    pub name: String,
    /// The decision, as cited.
    pub decision: String,
    /// Date of adoption.
    pub date: toml::value::Datetime,
    /// Whether the decision covers only part of the country's recipients.
    pub partial: bool,
    /// What the decision covers (and, when partial, what a recipient must be).
    pub scope: String,
    /// The official text.
    pub source: String,
}

/// A social-media platform and the names its operator goes by.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Platform {
    /// The operator's usual name.
    pub name: String,
    /// Other names and brands that identify it, matched as whole words ignoring case.
    pub aliases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EeaFile {
    member: Vec<EeaMember>,
    eu_body: Vec<EuBody>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AdequacyFile {
    decision: Vec<Adequacy>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlatformFile {
    platform: Vec<Platform>,
}

/// All facts, loaded once per run.
pub struct Facts {
    eea: BTreeSet<String>,
    /// Union bodies, which are no chapter V destination.
    pub eu_bodies: Vec<EuBody>,
    /// Adequacy decisions in force.
    pub adequacy: Vec<Adequacy>,
    /// Platforms with their names lower-cased once, for matching.
    platforms: Vec<(Platform, Vec<String>)>,
}

fn load<T: for<'de> Deserialize<'de>>(name: &str, text: &str) -> Result<T> {
    toml::from_str(text).map_err(|e| {
        Error::invalid_file("broken policy data", Path::new(name), text, e.span(), e.message().to_string(), None)
    })
}

impl Facts {
    /// The facts shipped in the binary.
    pub fn builtin() -> Result<Facts> {
        let eea: EeaFile = load("policies/data/eea.toml", EEA)?;
        let adequacy: AdequacyFile = load("policies/data/adequacy.toml", ADEQUACY)?;
        let platforms: PlatformFile = load("policies/data/platforms.toml", PLATFORMS)?;
        let platforms = platforms
            .platform
            .into_iter()
            .map(|p| {
                let names = std::iter::once(&p.name).chain(&p.aliases).map(|n| n.to_lowercase()).collect();
                (p, names)
            })
            .collect();
        Ok(Facts {
            eea: eea.member.into_iter().map(|m| m.code).collect(),
            eu_bodies: eea.eu_body,
            adequacy: adequacy.decision,
            platforms,
        })
    }

    /// Whether a country code is in the EEA.
    pub fn is_eea(&self, code: &str) -> bool {
        self.eea.contains(code)
    }

    /// The EEA country codes, for checks that every code has words.
    pub fn eea_codes(&self) -> impl Iterator<Item = &str> {
        self.eea.iter().map(String::as_str)
    }

    /// The adequacy decision for a country, if one is in force.
    pub fn adequacy(&self, code: &str) -> Option<&Adequacy> {
        self.adequacy.iter().find(|a| a.country.as_deref() == Some(code))
    }

    /// The adequacy decision for an international organisation named `name` (its name or an
    /// alias, ignoring case and surrounding whitespace), if one is in force.
    pub fn organisation_adequacy(&self, name: &str) -> Option<&Adequacy> {
        self.adequacy.iter().find(|a| a.organisation.iter().chain(&a.aliases).any(|n| same_name(n, name)))
    }

    /// The Union body named `name` (its name or an alias, ignoring case and surrounding
    /// whitespace), if it is one.
    pub fn eu_body(&self, name: &str) -> Option<&EuBody> {
        self.eu_bodies.iter().find(|b| std::iter::once(&b.name).chain(&b.aliases).any(|n| same_name(n, name)))
    }

    /// The platform whose name or alias occurs in `name` as whole words, ignoring case.
    pub fn platform_in(&self, name: &str) -> Option<&Platform> {
        let haystack = name.to_lowercase();
        self.platforms.iter().find(|(_, names)| names.iter().any(|n| contains_word(&haystack, n))).map(|(p, _)| p)
    }
}

fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Whether `word` occurs in `text` with no letter or digit right before or after it.
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platforms_match_as_whole_words_ignoring_case() {
        let facts = Facts::builtin().expect("facts load");
        let platform = |name: &str| facts.platform_in(name).map(|p| p.name.as_str());
        assert_eq!(platform("Meta Platforms Ireland Limited"), Some("Meta Platforms"));
        assert_eq!(platform("META PLATFORMS, INC."), Some("Meta Platforms"));
        assert_eq!(platform("Facebook"), Some("Meta Platforms"));
        assert_eq!(platform("YouTube (Google Ireland)"), Some("YouTube"));
        assert_eq!(platform("Google Cloud EMEA Limited"), None);
        assert_eq!(platform("Metadata Solutions AB"), None);
        assert_eq!(platform("Snapshot Backup AB"), None);
        assert_eq!(platform("Åmetaö"), None);
    }

    #[test]
    fn organisations_and_eu_bodies_match_by_name_or_alias() {
        let facts = Facts::builtin().expect("facts load");
        for name in ["European Patent Organisation", " epo ", "Europeiska patentorganisationen"] {
            assert!(facts.organisation_adequacy(name).is_some(), "{name}");
        }
        assert!(facts.organisation_adequacy("World Health Organization").is_none());
        assert!(facts.eu_body("europol").is_some());
        assert!(facts.eu_body("Interpol").is_none());
        assert!(facts.is_eea("AX") && facts.is_eea("RE") && !facts.is_eea("BL"));
    }

    #[test]
    fn every_adequacy_entry_names_exactly_one_destination() {
        let facts = Facts::builtin().expect("facts load");
        for a in &facts.adequacy {
            assert!(a.country.is_some() != a.organisation.is_some(), "{}", a.name);
        }
    }
}
