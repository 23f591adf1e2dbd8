//! Swedish statutes: citations in the Swedish form packs write ("3 kap. 8 § dataskyddslagen
//! (2018:218)", "2 kap. 4, 9 och 10 §§ tryckfrihetsförordningen", "3 § tredje stycket arkivlagen
//! (1990:782)"), their English form, and a link to the section on riksdagen.se, all derived from
//! the table in `policies/data/statutes.toml`.

use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::findings::Lang;
use crate::law::gdpr::{ordinal_en, ordinal_number, ordinal_sv};

const STATUTES: &str = include_str!("../../policies/data/statutes.toml");

/// One act in the table.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statute {
    /// Its SFS number, e.g. "2018:218".
    pub sfs: String,
    /// Its Swedish name as it follows the provision ("dataskyddslagen (2018:218)").
    pub sv: String,
    /// Its English name as it leads the provision ("Data Protection Act (2018:218)").
    pub en: String,
    /// Other names a pack may use, lower case.
    #[serde(default)]
    pub names: Vec<String>,
    /// Whether the act is divided into chapters (kapitel).
    pub chapters: bool,
    /// The act on riksdagen.se, where its address is confirmed.
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StatuteFile {
    statute: Vec<Statute>,
}

/// The acts rpcheck knows.
pub struct Statutes(Vec<Statute>);

/// A citation of sections of a Swedish act.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatuteCitation<'a> {
    /// The act.
    pub statute: &'a Statute,
    /// The chapter (kapitel).
    pub chapter: Option<u32>,
    /// The sections (paragrafer), as written without spaces: "8", "2a".
    pub sections: Vec<String>,
    /// Whether the sections are a range ("1–2 §§") rather than a list ("4, 9 och 10 §§").
    pub range: bool,
    /// The stycken (subsections) cited, each counted from 1 and maybe narrowed to a numbered
    /// point: "första stycket 1 och tredje stycket".
    pub stycken: Vec<Stycke>,
}

/// A stycke (subsection) cited, maybe narrowed to one of its numbered points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stycke {
    /// Its number, counted from 1.
    pub number: u8,
    /// The numbered point within it.
    pub point: Option<u32>,
}

impl Statutes {
    /// The table shipped in the binary.
    pub fn builtin() -> Result<Statutes> {
        let file: StatuteFile = toml::from_str(STATUTES).map_err(|e| {
            let name = Path::new("policies/data/statutes.toml");
            Error::invalid_file("broken policy data", name, STATUTES, e.span(), e.message().to_string(), None)
        })?;
        Ok(Statutes(file.statute))
    }

    /// Read a Swedish citation of a known act; `None` when the text is not one.
    pub fn parse(&self, text: &str) -> Option<StatuteCitation<'_>> {
        let lower = text.trim().to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        let (chapter, words) = match words.as_slice() {
            [n, "kap.", rest @ ..] => (Some(number(n)?), rest),
            rest => (None, rest),
        };
        let mark = words.iter().position(|w| *w == "§" || *w == "§§")?;
        let (sections, range) = sections(&words[..mark].join(" "))?;
        if (words[mark] == "§§") != (sections.len() > 1) {
            return None;
        }
        let (stycken, rest) = stycken(&words[mark + 1..]);
        let name = rest.join(" ");
        let statute = self.0.iter().find(|s| {
            name == s.sv.to_lowercase()
                || s.names.contains(&name)
                || name.ends_with(&format!("({})", s.sfs)) && (chapter.is_some() == s.chapters)
        })?;
        (chapter.is_some() == statute.chapters).then_some(StatuteCitation {
            statute,
            chapter,
            sections,
            range,
            stycken,
        })
    }
}

/// "första stycket 1 och tredje stycket …" → the stycken with their points, and the words after.
fn stycken<'w, 'a>(mut words: &'w [&'a str]) -> (Vec<Stycke>, &'w [&'a str]) {
    let mut out = Vec::new();
    while let [word, "stycket", after @ ..] = words {
        let Some(n) = ordinal_number(word) else { break };
        words = after;
        let point = words.first().and_then(|w| number(w));
        if point.is_some() {
            words = &words[1..];
        }
        out.push(Stycke { number: n, point });
        match words {
            ["och", next, "stycket", ..] if ordinal_number(next).is_some() => words = &words[1..],
            _ => break,
        }
    }
    (out, words)
}

fn number(text: &str) -> Option<u32> {
    text.parse().ok().filter(|&n| n > 0)
}

/// "8", "2 a", "4, 9 och 10", "1–2" → the sections, and whether they are a range.
fn sections(text: &str) -> Option<(Vec<String>, bool)> {
    if let Some((from, to)) = text.split_once(['–', '-']) {
        return Some((vec![section(from.trim())?, section(to.trim())?], true));
    }
    let items: Vec<&str> = text.split(", ").flat_map(|part| part.split(" och ")).collect();
    Some((items.into_iter().map(section).collect::<Option<Vec<_>>>()?, false))
}

/// "8" or "2 a" → "8", "2a".
fn section(text: &str) -> Option<String> {
    let (n, letter) = text.split_once(' ').unwrap_or((text, ""));
    number(n)?;
    let letter_ok = letter.is_empty() || letter.len() == 1 && letter.bytes().all(|b| b.is_ascii_lowercase());
    letter_ok.then(|| format!("{n}{letter}"))
}

impl StatuteCitation<'_> {
    /// The citation in `lang`: "3 kap. 8 § dataskyddslagen (2018:218)", "Data Protection Act
    /// (2018:218) ch. 3 s. 8".
    pub fn cite(&self, lang: Lang) -> String {
        let spaced = |s: &String| match s.find(|c: char| c.is_ascii_alphabetic()) {
            Some(at) => format!("{} {}", &s[..at], &s[at..]),
            None => s.clone(),
        };
        let shown: Vec<String> = self.sections.iter().map(spaced).collect();
        let (and, section, sections) = match lang {
            Lang::Sv => ("och", "§", "§§"),
            Lang::En => ("and", "s.", "ss."),
        };
        let stycke = self.stycken(lang);
        let list = match shown.as_slice() {
            [one] => one.clone(),
            [from, to] if self.range => format!("{from}–{to}"),
            [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
            [] => String::new(),
        };
        let mark = if shown.len() > 1 { sections } else { section };
        match lang {
            Lang::Sv => {
                let chapter = self.chapter.map(|c| format!("{c} kap. ")).unwrap_or_default();
                format!("{chapter}{list} {mark}{stycke} {}", self.statute.sv)
            }
            Lang::En => {
                let chapter = self.chapter.map(|c| format!(" ch. {c}")).unwrap_or_default();
                format!("{}{chapter} {mark} {list}{stycke}", self.statute.en)
            }
        }
    }

    /// " första stycket 1 och tredje stycket", " first paragraph point 1 and third paragraph", or "".
    fn stycken(&self, lang: Lang) -> String {
        let parts: Vec<String> = self
            .stycken
            .iter()
            .map(|&Stycke { number: n, point }| {
                let point = point.map(|p| match lang {
                    Lang::Sv => format!(" {p}"),
                    Lang::En => format!(" point {p}"),
                });
                match lang {
                    Lang::Sv => format!("{} stycket{}", ordinal_sv(n).unwrap_or_default(), point.unwrap_or_default()),
                    Lang::En => format!("{} paragraph{}", ordinal_en(n).unwrap_or_default(), point.unwrap_or_default()),
                }
            })
            .collect();
        let and = match lang {
            Lang::Sv => " och ",
            Lang::En => " and ",
        };
        if parts.is_empty() { String::new() } else { format!(" {}", parts.join(and)) }
    }

    /// The act on riksdagen.se at its first cited section (`#K3P8`, `#P10`, `#P2a`).
    pub fn url(&self) -> Option<String> {
        let first = self.sections.first()?;
        let chapter = self.chapter.map(|c| format!("K{c}")).unwrap_or_default();
        self.statute.url.as_ref().map(|url| format!("{url}#{chapter}P{first}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(text: &str) -> (String, String, Option<String>) {
        let statutes = Statutes::builtin().expect("the statute table loads");
        let c = statutes.parse(text).unwrap_or_else(|| panic!("{text} is a statute citation"));
        (c.cite(Lang::Sv), c.cite(Lang::En), c.url())
    }

    #[test]
    fn writes_swedish_and_english_and_links_the_section() {
        let (sv, en, url) = both("3 kap. 8 § dataskyddslagen (2018:218)");
        assert_eq!(
            (sv.as_str(), en.as_str()),
            ("3 kap. 8 § dataskyddslagen (2018:218)", "Data Protection Act (2018:218) ch. 3 s. 8")
        );
        assert!(url.is_some_and(|u| u.ends_with("_sfs-2018-218/#K3P8")));
        let (sv, en, url) = both("2 kap. 4, 9 och 10 §§ tryckfrihetsförordningen");
        assert_eq!(sv, "2 kap. 4, 9 och 10 §§ tryckfrihetsförordningen");
        assert_eq!(en, "Freedom of the Press Act ch. 2 ss. 4, 9 and 10");
        assert!(url.is_some_and(|u| u.ends_with("#K2P4")));
        let (sv, en, url) = both("3 § tredje stycket arkivlagen (1990:782)");
        assert_eq!(
            (sv.as_str(), en.as_str()),
            ("3 § tredje stycket arkivlagen (1990:782)", "Archives Act (1990:782) s. 3 third paragraph")
        );
        assert!(url.is_some_and(|u| u.ends_with("_sfs-1990-782/#P3")));
        let (sv, en, url) = both("2 a § arkivlagen");
        assert_eq!((sv.as_str(), en.as_str()), ("2 a § arkivlagen (1990:782)", "Archives Act (1990:782) s. 2 a"));
        assert!(url.is_some_and(|u| u.ends_with("#P2a")));
        let (sv, en, _) = both("3 kap. 3 § första stycket 1 och tredje stycket dataskyddslagen");
        assert_eq!(sv, "3 kap. 3 § första stycket 1 och tredje stycket dataskyddslagen (2018:218)");
        assert_eq!(en, "Data Protection Act (2018:218) ch. 3 s. 3 first paragraph point 1 and third paragraph");
        let (sv, en, _) = both("2 kap. 1–2 §§ dataskyddslagen (2018:218)");
        assert_eq!(
            (sv.as_str(), en.as_str()),
            ("2 kap. 1–2 §§ dataskyddslagen (2018:218)", "Data Protection Act (2018:218) ch. 2 ss. 1–2")
        );
        let (_, _, url) = both("14 § arkivförordningen (1991:446)");
        assert_eq!(url, None, "no confirmed address, no link");
    }

    #[test]
    fn refuses_unknown_acts_and_malformed_citations() {
        let statutes = Statutes::builtin().expect("the statute table loads");
        for text in [
            "3 kap. 8 § lagen (1999:999)",
            "8 § dataskyddslagen",
            "3 kap. 8 §§ dataskyddslagen",
            "3 kap. 8 och 9 § dataskyddslagen",
            "3 kap. dataskyddslagen",
            "GDPR art. 6(1)",
            "",
        ] {
            assert_eq!(statutes.parse(text), None, "{text}");
        }
    }
}
