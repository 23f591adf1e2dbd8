//! The GDPR's text in English and Swedish, as extracted from the Official Journal's Formex XML
//! (`law/gdpr-*.xml`) into `law/gdpr.json` by the test in `tests/law.rs`. The binary embeds the
//! extract deflated (by build.rs) and inflates and parses it only when a command quotes the law,
//! never on `lint`'s start-up path.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::findings::Lang;

/// The committed extract, deflated and embedded in the binary.
const EXTRACT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gdpr.json.deflate"));

/// The whole extract: where it came from and the text in each language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extract {
    /// The source acknowledgement (reuse of EU legal texts requires it).
    pub source: String,
    /// The English text.
    pub en: Regulation,
    /// The Swedish text.
    pub sv: Regulation,
}

/// The Regulation in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Regulation {
    /// The recitals, in order.
    pub recitals: Vec<Recital>,
    /// The articles, in order.
    pub articles: Vec<Article>,
}

/// One recital.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recital {
    /// Its number.
    pub number: u32,
    /// Its text; a recital of several paragraphs has one line per paragraph.
    pub text: String,
}

/// One article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// Its number, e.g. "6".
    pub number: u32,
    /// The heading as printed ("Article 6", "Artikel 6").
    pub heading: String,
    /// Its title ("Lawfulness of processing").
    pub title: String,
    /// Its paragraphs; an article without numbered paragraphs has one, without a number.
    pub paragraphs: Vec<Paragraph>,
}

/// One paragraph of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    /// Its number ("1"), absent where the article's paragraphs are not numbered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// Its subparagraphs, in order.
    pub subparagraphs: Vec<Subparagraph>,
}

/// One subparagraph: a text, and the points that follow it when the text leads into a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subparagraph {
    /// The text (the lead-in sentence when points follow).
    pub text: String,
    /// The points of its list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<Point>,
}

/// One point of a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// The label as the language prints it: "(a)", "a)", "(11)", "—".
    pub label: String,
    /// The point's text.
    pub text: String,
    /// The points of a list inside this point.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<Point>,
}

impl Point {
    /// The label without brackets or full stop, as citations name it: "a", "11".
    pub fn key(&self) -> &str {
        self.label.trim_matches(|c| c == '(' || c == ')' || c == '.')
    }
}

impl Extract {
    /// The embedded extract, parsed on first use. `None` only if the build embedded a broken
    /// file, which the extract's own test rules out.
    pub fn get() -> Option<&'static Extract> {
        static PARSED: OnceLock<Option<Extract>> = OnceLock::new();
        PARSED
            .get_or_init(|| {
                let json = miniz_oxide::inflate::decompress_to_vec(EXTRACT).ok()?;
                serde_json::from_slice(&json).ok()
            })
            .as_ref()
    }

    /// The Regulation in `lang`.
    pub fn regulation(&self, lang: Lang) -> &Regulation {
        match lang {
            Lang::En => &self.en,
            Lang::Sv => &self.sv,
        }
    }
}

impl Regulation {
    /// The article with this number.
    pub fn article(&self, number: u32) -> Option<&Article> {
        self.articles.iter().find(|a| a.number == number)
    }

    /// The recital with this number.
    pub fn recital(&self, number: u32) -> Option<&Recital> {
        self.recitals.iter().find(|r| r.number == number)
    }
}

impl Article {
    /// The numbered paragraph `number`.
    pub fn paragraph(&self, number: u32) -> Option<&Paragraph> {
        self.paragraphs.iter().find(|p| p.number == Some(number))
    }

    /// Whether the article's paragraphs are numbered (art. 4 and 10, for instance, are not).
    pub fn numbered(&self) -> bool {
        self.paragraphs.iter().any(|p| p.number.is_some())
    }
}
