//! A rule's reference as a pack writes it, and how it becomes a [`Reference`] with a citation
//! and a link in each language. GDPR citations and Swedish statutes are derived (the pack gives
//! only the citation); anything else gives both languages itself, or one text for both.

use serde::Deserialize;

use crate::findings::{Lang, Reference, Text};
use crate::law::gdpr::Provision;
use crate::law::statute::Statutes;

/// A reference in a pack: `{ cite = "GDPR art. 46(1)" }`, `{ cite = "3 kap. 8 § dataskyddslagen
/// (2018:218)" }`, or `{ cite = { en = "...", sv = "..." }, url = "..." }`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceSpec {
    /// The citation: one text (a GDPR or Swedish statute citation is read and written in each
    /// language; any other text is used as it is in both), or one text per language.
    pub cite: PerLanguage,
    /// The official text, for citations that are neither GDPR nor a known Swedish statute.
    #[serde(default)]
    pub url: Option<PerLanguage>,
}

/// One text for both languages, or one per language.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum PerLanguage {
    /// The same text in both languages (or, for a cite, one to derive from).
    One(String),
    /// A text per language.
    Each(Text),
}

impl PerLanguage {
    fn text(self) -> Text {
        match self {
            PerLanguage::One(s) => Text::new(s.clone(), s),
            PerLanguage::Each(t) => t,
        }
    }
}

impl ReferenceSpec {
    /// The reference with its citation and link in each language, or what is wrong with it.
    pub fn resolve(self, statutes: &Statutes) -> Result<Reference, String> {
        let cite = match self.cite {
            PerLanguage::One(cite) if cite.trim().is_empty() => return Err("a reference needs a citation".into()),
            PerLanguage::One(cite) => cite,
            each @ PerLanguage::Each(_) => {
                return Ok(Reference { cite: each.text(), url: self.url.map(PerLanguage::text) });
            }
        };
        let derived = if let Some(p) = Provision::parse(&cite) {
            Some(Reference { cite: per_lang(|l| p.cite(l)), url: Some(per_lang(|l| p.url(l))) })
        } else {
            statutes
                .parse(&cite)
                .map(|c| Reference { cite: per_lang(|l| c.cite(l)), url: c.url().map(|u| Text::new(u.clone(), u)) })
        };
        match (derived, self.url) {
            (Some(_), Some(_)) => Err(format!(
                "`{cite}` gets its link from the citation (to the article or section itself): remove its `url`"
            )),
            (Some(reference), None) => Ok(reference),
            (None, url) => Ok(Reference { cite: Text::new(cite.clone(), cite), url: url.map(PerLanguage::text) }),
        }
    }
}

fn per_lang(f: impl Fn(Lang) -> String) -> Text {
    Text::new(f(Lang::En), f(Lang::Sv))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(toml_text: &str) -> Result<Reference, String> {
        let spec: ReferenceSpec = toml::from_str(toml_text).map_err(|e| e.to_string())?;
        spec.resolve(&Statutes::builtin().map_err(|e| e.to_string())?)
    }

    #[test]
    fn gdpr_citations_derive_both_languages_and_links() {
        let r = resolve(r#"cite = "GDPR art. 46(1)""#).expect("resolves");
        assert_eq!(r.cite.get(Lang::Sv), "artikel 46.1 i dataskyddsförordningen");
        assert!(r.url.is_some_and(|u| u.get(Lang::Sv).ends_with("/SV/TXT/HTML/?uri=CELEX:32016R0679#art_46")));
    }

    #[test]
    fn a_url_beside_a_derived_citation_is_an_error() {
        let err = resolve("cite = \"GDPR art. 44\"\nurl = \"https://eur-lex.europa.eu/eli/reg/2016/679/oj\"");
        assert!(err.is_err_and(|e| e.contains("remove its `url`")));
        let err = resolve("cite = \"3 kap. 8 § dataskyddslagen (2018:218)\"\nurl = \"https://example.org\"");
        assert!(err.is_err());
    }

    #[test]
    fn other_sources_keep_their_texts() {
        let r = resolve("cite = { en = \"CJEU judgment in case C-311/18 (Schrems II)\", sv = \"EU-domstolens dom i mål C-311/18 (Schrems II)\" }\nurl = \"https://example.org/j\"").expect("resolves");
        assert_eq!(r.cite.get(Lang::Sv), "EU-domstolens dom i mål C-311/18 (Schrems II)");
        assert_eq!(r.url.map(|u| u.get(Lang::En).to_string()).as_deref(), Some("https://example.org/j"));
        let r = resolve(r#"cite = "EDPB Guidelines 2/2018""#).expect("a plain old-style cite still loads");
        assert_eq!((r.cite.get(Lang::En), r.cite.get(Lang::Sv)), ("EDPB Guidelines 2/2018", "EDPB Guidelines 2/2018"));
        assert!(resolve(r#"cite = " ""#).is_err());
    }
}
