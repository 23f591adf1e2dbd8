//! GDPR citations: read in the forms users and packs write ("6(1)(f)", "art. 13(2)(d)",
//! "Article 6(1)(f)", "GDPR art. 46(1)", "Art. 49(1) second subparagraph", "recital 43",
//! "skäl 43", "artikel 6.1 f", "artikel 46.1 i dataskyddsförordningen", "49.1 andra stycket"),
//! written in each language's form, and linked to the article or recital on EUR-Lex.

use std::fmt::Write;

use crate::findings::Lang;

/// A provision of the GDPR: a recital, or an article down to a paragraph, subparagraph and point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Provision {
    /// A recital of the preamble.
    Recital(u32),
    /// An article or a part of one.
    Article(ArticlePart),
}

/// An article, optionally narrowed to a paragraph, a subparagraph and a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ArticlePart {
    /// The article's number.
    pub article: u32,
    /// The paragraph's number (for an article without numbered paragraphs, like art. 4, the
    /// number of its point: "4(11)").
    pub paragraph: Option<u32>,
    /// The subparagraph, counted from 1.
    pub subparagraph: Option<u8>,
    /// The point's letter ("a"); stored as a byte since GDPR points are single letters.
    pub point: Option<u8>,
}

const ORDINALS_EN: [&str; 10] =
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
const ORDINALS_SV: [&str; 10] =
    ["första", "andra", "tredje", "fjärde", "femte", "sjätte", "sjunde", "åttonde", "nionde", "tionde"];

/// The Swedish short name of the Regulation, used after the provision.
const SV_NAME: &str = "dataskyddsförordningen";

/// The Swedish ordinal of a stycke ("andra"), shared with Swedish statutes.
pub fn ordinal_sv(n: u8) -> Option<&'static str> {
    ORDINALS_SV.get(usize::from(n).checked_sub(1)?).copied()
}

/// The English ordinal ("second"), shared with Swedish statutes.
pub fn ordinal_en(n: u8) -> Option<&'static str> {
    ORDINALS_EN.get(usize::from(n).checked_sub(1)?).copied()
}

/// The number of an ordinal word in either language.
pub fn ordinal_number(word: &str) -> Option<u8> {
    let at = ORDINALS_EN.iter().position(|o| *o == word).or_else(|| ORDINALS_SV.iter().position(|o| *o == word))?;
    u8::try_from(at + 1).ok()
}

impl Provision {
    /// Read a GDPR citation; `None` when the text is not one (then it is some other source).
    pub fn parse(text: &str) -> Option<Provision> {
        let lower = text.trim().to_lowercase();
        let mut rest: &str = &lower.split_whitespace().collect::<Vec<_>>().join(" ");
        for prefix in ["gdpr ", "dataskyddsförordningen "] {
            rest = rest.strip_prefix(prefix).unwrap_or(rest);
        }
        for suffix in [" i dataskyddsförordningen", " dataskyddsförordningen", " gdpr"] {
            rest = rest.strip_suffix(suffix).unwrap_or(rest);
        }
        for word in ["recital ", "skäl "] {
            if let Some(n) = rest.strip_prefix(word) {
                return n.parse().ok().filter(|&n| n > 0).map(Provision::Recital);
            }
        }
        for word in ["article ", "artikel ", "art. ", "art.", "art "] {
            if let Some(r) = rest.strip_prefix(word) {
                rest = r;
                break;
            }
        }
        parse_article(rest).map(Provision::Article)
    }

    /// The citation in `lang`: "GDPR art. 46(1)", "artikel 46.1 i dataskyddsförordningen".
    pub fn cite(&self, lang: Lang) -> String {
        match (self, lang) {
            (Provision::Recital(n), Lang::En) => format!("GDPR recital {n}"),
            (Provision::Recital(n), Lang::Sv) => format!("skäl {n} i {SV_NAME}"),
            (Provision::Article(a), Lang::En) => format!("GDPR art. {}", a.numbering(Lang::En)),
            (Provision::Article(a), Lang::Sv) => format!("artikel {} i {SV_NAME}", a.numbering(Lang::Sv)),
        }
    }

    /// The provision on EUR-Lex, in `lang`, at the article's or recital's anchor.
    pub fn url(&self, lang: Lang) -> String {
        let code = match lang {
            Lang::En => "EN",
            Lang::Sv => "SV",
        };
        let anchor = match self {
            Provision::Recital(n) => format!("rct_{n}"),
            Provision::Article(a) => format!("art_{}", a.article),
        };
        format!("https://eur-lex.europa.eu/legal-content/{code}/TXT/HTML/?uri=CELEX:32016R0679#{anchor}")
    }
}

impl ArticlePart {
    /// The numbering after "art." / "artikel": "49(1) second subparagraph (a)", "49.1 andra stycket a".
    pub fn numbering(&self, lang: Lang) -> String {
        let mut out = self.article.to_string();
        let sub = self.subparagraph.and_then(|s| match lang {
            Lang::En => ordinal_en(s).map(|o| format!("{o} subparagraph")),
            Lang::Sv => ordinal_sv(s).map(|o| format!("{o} stycket")),
        });
        let point = self.point.map(char::from);
        match lang {
            Lang::En => {
                if let Some(p) = self.paragraph {
                    let _ = write!(out, "({p})");
                }
                if let Some(sub) = sub {
                    let _ = write!(out, " {sub}");
                    if let Some(point) = point {
                        let _ = write!(out, " ({point})");
                    }
                } else if let Some(point) = point {
                    let _ = write!(out, "({point})");
                }
            }
            Lang::Sv => {
                if let Some(p) = self.paragraph {
                    let _ = write!(out, ".{p}");
                }
                for part in sub.into_iter().chain(point.map(String::from)) {
                    let _ = write!(out, " {part}");
                }
            }
        }
        out
    }
}

/// What follows the article's number: `(1)(f)`, `(1) second subparagraph`, `.1 f`, `.1 andra stycket a`.
fn parse_article(text: &str) -> Option<ArticlePart> {
    let digits = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
    let article = text[..digits].parse().ok().filter(|&n| n > 0)?;
    let mut part = ArticlePart { article, ..ArticlePart::default() };
    let mut rest = &text[digits..];
    if let Some(r) = rest.strip_prefix('(').or_else(|| rest.strip_prefix('.')) {
        let end = r.find(|c: char| !c.is_ascii_digit()).unwrap_or(r.len());
        part.paragraph = Some(r[..end].parse().ok().filter(|&n| n > 0)?);
        rest = &r[end..];
        if rest.starts_with(')') == text[digits..].starts_with('(') {
            rest = rest.strip_prefix(')').unwrap_or(rest);
        } else {
            return None;
        }
    }
    rest = rest.trim_start();
    if let Some((word, after)) = rest.split_once(' ')
        && let Some(n) = ordinal_number(word)
        && let Some(after) = after.strip_prefix("subparagraph").or_else(|| after.strip_prefix("stycket"))
    {
        part.subparagraph = Some(n);
        rest = after.trim_start();
    }
    if !rest.is_empty() {
        part.point = Some(parse_point(rest)?);
    }
    (part.paragraph.is_some() || part.point.is_none()).then_some(part)
}

/// A point: "(f)", "f", "f)".
fn parse_point(text: &str) -> Option<u8> {
    let inner = text.strip_prefix('(').unwrap_or(text);
    let inner = inner.strip_suffix(')').unwrap_or(inner);
    match inner.as_bytes() {
        [letter] if letter.is_ascii_lowercase() => Some(*letter),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(article: u32, paragraph: Option<u32>, subparagraph: Option<u8>, point: Option<char>) -> Provision {
        let point = point.map(|c| c as u8);
        Provision::Article(ArticlePart { article, paragraph, subparagraph, point })
    }

    #[test]
    fn reads_the_forms_users_and_packs_write() {
        let f = part(6, Some(1), None, Some('f'));
        for text in ["6(1)(f)", "art. 6(1)(f)", "Article 6(1)(f)", "GDPR art. 6(1)(f)", "artikel 6.1 f", "artikel 6.1f"]
        {
            assert_eq!(Provision::parse(text), Some(f), "{text}");
        }
        assert_eq!(Provision::parse("art. 13(2)(d)"), Some(part(13, Some(2), None, Some('d'))));
        assert_eq!(Provision::parse("GDPR art. 46(1)"), Some(part(46, Some(1), None, None)));
        assert_eq!(Provision::parse("artikel 46.1 i dataskyddsförordningen"), Some(part(46, Some(1), None, None)));
        let second = part(49, Some(1), Some(2), None);
        assert_eq!(Provision::parse("Art. 49(1) second subparagraph"), Some(second));
        assert_eq!(Provision::parse("49.1 andra stycket"), Some(second));
        assert_eq!(Provision::parse("recital 43"), Some(Provision::Recital(43)));
        assert_eq!(Provision::parse("skäl 43"), Some(Provision::Recital(43)));
        assert_eq!(Provision::parse("GDPR art. 10"), Some(part(10, None, None, None)));
    }

    #[test]
    fn refuses_what_is_not_a_gdpr_citation() {
        for text in [
            "",
            "art.",
            "recital",
            "0",
            "6(1",
            "6.1)",
            "6(1)(ff)",
            "3 kap. 8 § dataskyddslagen (2018:218)",
            "CJEU C-311/18",
            "GDPR art. 30(1), 30(3)",
            "GDPR art. 15-18",
            "6 f",
        ] {
            assert_eq!(Provision::parse(text), None, "{text}");
        }
    }

    #[test]
    fn writes_each_language_and_reads_it_back() {
        let cases = [
            ("GDPR art. 46(1)", "artikel 46.1 i dataskyddsförordningen"),
            ("GDPR art. 49(1) second subparagraph", "artikel 49.1 andra stycket i dataskyddsförordningen"),
            ("GDPR recital 43", "skäl 43 i dataskyddsförordningen"),
            ("GDPR art. 6(1)(f)", "artikel 6.1 f i dataskyddsförordningen"),
            ("GDPR art. 49(1) first subparagraph (a)", "artikel 49.1 första stycket a i dataskyddsförordningen"),
            ("GDPR art. 44", "artikel 44 i dataskyddsförordningen"),
        ];
        for (en, sv) in cases {
            let p = Provision::parse(en).expect(en);
            assert_eq!((p.cite(Lang::En).as_str(), p.cite(Lang::Sv).as_str()), (en, sv));
            assert_eq!(Provision::parse(sv), Some(p), "{sv}");
        }
    }

    #[test]
    fn links_to_the_article_or_recital_in_the_language() {
        let base = "https://eur-lex.europa.eu/legal-content";
        assert_eq!(
            Provision::parse("46(1)").map(|p| p.url(Lang::Sv)).as_deref(),
            Some(&*format!("{base}/SV/TXT/HTML/?uri=CELEX:32016R0679#art_46"))
        );
        assert_eq!(
            Provision::parse("recital 43").map(|p| p.url(Lang::En)).as_deref(),
            Some(&*format!("{base}/EN/TXT/HTML/?uri=CELEX:32016R0679#rct_43"))
        );
    }
}
