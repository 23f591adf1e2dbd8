//! A provision's text from the extract, laid out for a terminal: the article, paragraph,
//! subparagraph, point or recital a citation names, word for word as in the Official Journal.

use crate::findings::Lang;
use crate::law::gdpr::{ArticlePart, Provision};
use crate::law::text::{Article, Paragraph, Point, Regulation, Subparagraph};

/// A passage of the GDPR, ready to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// What the passage is: "Article 6 · Lawfulness of processing", with what part of it is
    /// shown when that is not the whole of a paragraph or article.
    pub heading: String,
    /// The text, one entry per paragraph, subparagraph or point.
    pub lines: Vec<Line>,
}

/// One paragraph of text with its label ("1.", "(a)", "a)") and its depth in the structure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 0 for paragraphs and recitals, 1 for points and later subparagraphs, 2 for points in points.
    pub depth: usize,
    /// The label as printed, or empty.
    pub label: String,
    /// The text, word for word.
    pub text: String,
}

/// Why a citation names nothing in the Regulation, and the nearest provision that exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    /// What does not exist.
    pub message: String,
    /// What does, near it.
    pub nearest: Provision,
    /// What the enclosing provision has ("Article 6 has paragraphs 1 to 4").
    pub context: String,
}

/// The words that differ by language.
struct Words {
    omitted: &'static str,
    lead_in: &'static str,
    paragraph: &'static str,
    subparagraph: &'static str,
    point: &'static str,
    recital: &'static str,
    not_exist: &'static str,
    recitals: &'static str,
    articles: &'static str,
    has: &'static str,
}

const EN: Words = Words {
    omitted: "[…]",
    lead_in: "lead-in",
    paragraph: "paragraph",
    subparagraph: "subparagraph",
    point: "point",
    recital: "Recital",
    not_exist: "does not exist",
    recitals: "the GDPR has recitals",
    articles: "the GDPR has articles",
    has: "has",
};

const SV: Words = Words {
    omitted: "[…]",
    lead_in: "inledningen",
    paragraph: "punkt",
    subparagraph: "stycket",
    point: "led",
    recital: "Skäl",
    not_exist: "finns inte",
    recitals: "dataskyddsförordningen har skälen",
    articles: "dataskyddsförordningen har artiklarna",
    has: "har",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Sv => &SV,
    }
}

/// The passage a provision names, in the language of `regulation`.
pub fn passage(regulation: &Regulation, provision: Provision, lang: Lang) -> Result<Passage, Missing> {
    let w = words(lang);
    match provision {
        Provision::Recital(n) => {
            let recital = regulation.recital(n).ok_or_else(|| {
                let last = regulation.recitals.last().map_or(1, |r| r.number);
                missing(provision, lang, Provision::Recital(n.clamp(1, last)), format!("{} 1–{last}", w.recitals))
            })?;
            let lines = recital.text.lines().enumerate().map(|(i, text)| {
                let label = if i == 0 { format!("({n})") } else { String::new() };
                Line { depth: 0, label, text: text.to_string() }
            });
            Ok(Passage { heading: format!("{} {n}", w.recital), lines: lines.collect() })
        }
        Provision::Article(part) => article_passage(regulation, part, lang),
    }
}

fn missing(provision: Provision, lang: Lang, nearest: Provision, context: String) -> Missing {
    Missing { message: format!("{} {}", provision.cite(lang), words(lang).not_exist), nearest, context }
}

fn article_passage(regulation: &Regulation, part: ArticlePart, lang: Lang) -> Result<Passage, Missing> {
    let w = words(lang);
    let wanted = Provision::Article(part);
    let article = regulation.article(part.article).ok_or_else(|| {
        let last = regulation.articles.last().map_or(1, |a| a.number);
        let nearest = ArticlePart { article: part.article.clamp(1, last), ..ArticlePart::default() };
        missing(wanted, lang, Provision::Article(nearest), format!("{} 1–{last}", w.articles))
    })?;
    let title = format!("{} · {}", article.heading, article.title);
    let Some(paragraph_number) = part.paragraph else {
        return Ok(Passage { heading: title, lines: article.paragraphs.iter().flat_map(paragraph_lines).collect() });
    };
    if !article.numbered() {
        // Art. 4 and the like: "4(11)" names point (11) of the article's one list; "4(16)(a)"
        // names a point inside it, shown with the whole of point (16).
        let key = paragraph_number.to_string();
        if let Some(letter) = part.point {
            let outer = article.paragraphs.iter().flat_map(|p| &p.subparagraphs).flat_map(|s| &s.points);
            let inner = outer.filter(|p| p.key() == key).flat_map(|p| &p.points);
            if !inner.clone().any(|p| p.key().as_bytes() == [letter]) {
                let nearest = Provision::Article(ArticlePart { point: None, ..part });
                return Err(missing(wanted, lang, nearest, format!("{} · {}", article.heading, article.title)));
            }
        }
        let whole = ArticlePart { point: None, ..part };
        let Some(only) = article.paragraphs.first() else {
            return Err(missing(wanted, lang, Provision::Article(ArticlePart { paragraph: None, ..whole }), title));
        };
        return point_passage(article, only, None, key, whole, lang);
    }
    let paragraph = article.paragraph(paragraph_number).ok_or_else(|| {
        let numbers: Vec<u32> = article.paragraphs.iter().filter_map(|p| p.number).collect();
        let nearest = nearest_number(&numbers, paragraph_number);
        let nearest = ArticlePart { article: part.article, paragraph: Some(nearest), ..ArticlePart::default() };
        let nearest = Provision::Article(nearest);
        let range = format!("{} {} {} 1–{}", article.heading, w.has, plural(w.paragraph, lang), numbers.len());
        missing(wanted, lang, nearest, range)
    })?;
    let subparagraph = match part.subparagraph {
        Some(s) => {
            Some(usize::from(s).checked_sub(1).and_then(|i| paragraph.subparagraphs.get(i)).ok_or_else(|| {
                let count = paragraph.subparagraphs.len();
                let nearest = ArticlePart { subparagraph: u8::try_from(count).ok(), point: None, ..part };
                let context =
                    format!("{} {paragraph_number} {} {count} {}", w.paragraph, w.has, plural(w.subparagraph, lang));
                missing(wanted, lang, Provision::Article(nearest), context)
            })?)
        }
        None => None,
    };
    match (part.point, subparagraph) {
        (Some(letter), _) => {
            let key = char::from(letter).to_string();
            point_passage(article, paragraph, subparagraph, key, part, lang)
        }
        (None, Some(sub)) => {
            // Only the first subparagraph carries the paragraph's number.
            let first = part.subparagraph == Some(1);
            let label = paragraph.number.filter(|_| first).map(|n| format!("{n}.")).unwrap_or_default();
            let ordinal = part.subparagraph.and_then(|s| match lang {
                Lang::En => crate::law::gdpr::ordinal_en(s),
                Lang::Sv => crate::law::gdpr::ordinal_sv(s),
            });
            let scope =
                format!("{} {paragraph_number}, {} {}", w.paragraph, ordinal.unwrap_or_default(), w.subparagraph);
            Ok(Passage { heading: format!("{title} ({scope})"), lines: subparagraph_lines(sub, label, 0) })
        }
        (None, None) => Ok(Passage { heading: title, lines: paragraph_lines(paragraph) }),
    }
}

fn plural(word: &str, lang: Lang) -> String {
    match (lang, word) {
        (Lang::En, w) => format!("{w}s"),
        (Lang::Sv, "punkt") => "punkter".into(),
        (Lang::Sv, "led") => "led".into(),
        (Lang::Sv, _) => "stycken".into(),
    }
}

fn nearest_number(numbers: &[u32], wanted: u32) -> u32 {
    numbers.iter().copied().min_by_key(|n| n.abs_diff(wanted)).unwrap_or(1)
}

/// A point with its paragraph's lead-in, "[…]" where other points are left out.
fn point_passage(
    article: &Article,
    paragraph: &Paragraph,
    subparagraph: Option<&Subparagraph>,
    key: String,
    part: ArticlePart,
    lang: Lang,
) -> Result<Passage, Missing> {
    let w = words(lang);
    let candidates: Vec<&Subparagraph> = match subparagraph {
        Some(s) => vec![s],
        None => paragraph.subparagraphs.iter().collect(),
    };
    let found = candidates.iter().find_map(|s| s.points.iter().position(|p| p.key() == key).map(|i| (*s, i)));
    let Some((sub, index)) = found else {
        let keys: Vec<&str> = candidates.iter().flat_map(|s| s.points.iter().map(Point::key)).collect();
        let (first, last) = (keys.first().copied().unwrap_or_default(), keys.last().copied().unwrap_or_default());
        let (first, last) = match lang {
            Lang::En => (format!("({first})"), format!("({last})")),
            Lang::Sv => (first.to_string(), last.to_string()),
        };
        let nearest = match key.parse::<u32>() {
            // A numbered point of an article without paragraphs is cited like a paragraph: "4(11)".
            Ok(n) => {
                let numbers: Vec<u32> = keys.iter().filter_map(|k| k.parse().ok()).collect();
                ArticlePart { paragraph: Some(nearest_number(&numbers, n)), point: None, ..part }
            }
            Err(_) => ArticlePart { point: nearest_letter(&keys, &key), ..part },
        };
        let what = paragraph.number.map(|n| format!("{} {n}", w.paragraph)).unwrap_or_else(|| article.heading.clone());
        let name = if key.parse::<u32>().is_ok() { w.paragraph } else { w.point };
        let context = format!("{what} {} {} {first}–{last}", w.has, plural(name, lang));
        return Err(missing(Provision::Article(part), lang, Provision::Article(nearest), context));
    };
    let label = paragraph.number.map(|n| format!("{n}.")).unwrap_or_default();
    let mut lines = vec![Line { depth: 0, label, text: sub.text.clone() }];
    if index > 0 {
        lines.push(Line { depth: 1, label: String::new(), text: w.omitted.into() });
    }
    lines.extend(point_lines(&sub.points[index], 1));
    if index + 1 < sub.points.len() {
        lines.push(Line { depth: 1, label: String::new(), text: w.omitted.into() });
    }
    let within = paragraph.number.map(|n| format!("{} {n}, ", w.paragraph)).unwrap_or_default();
    let point = match lang {
        Lang::En => sub.points[index].label.clone(),
        Lang::Sv => key,
    };
    // Swedish calls the numbered points of art. 4 "punkter" and the lettered ones "led".
    let name = if lang == Lang::Sv && point.parse::<u32>().is_ok() { w.paragraph } else { w.point };
    let (and, lead_in) = (and(lang), w.lead_in);
    let heading = format!("{} · {} ({within}{lead_in} {and} {name} {point})", article.heading, article.title);
    Ok(Passage { heading, lines })
}

/// The letter among `keys` nearest to `key` (`None` when the list has no lettered points).
fn nearest_letter(keys: &[&str], key: &str) -> Option<u8> {
    let wanted = key.bytes().next().unwrap_or(b'a');
    keys.iter()
        .filter_map(|k| match k.as_bytes() {
            [b] if b.is_ascii_lowercase() => Some(*b),
            _ => None,
        })
        .min_by_key(|b| b.abs_diff(wanted))
}

fn and(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "and",
        Lang::Sv => "och",
    }
}

fn paragraph_lines(paragraph: &Paragraph) -> Vec<Line> {
    let mut lines = Vec::new();
    for (i, sub) in paragraph.subparagraphs.iter().enumerate() {
        let label = match (i, paragraph.number) {
            (0, Some(n)) => format!("{n}."),
            _ => String::new(),
        };
        let depth = usize::from(i > 0 && paragraph.number.is_some());
        lines.extend(subparagraph_lines(sub, label, depth));
    }
    lines
}

fn subparagraph_lines(sub: &Subparagraph, label: String, depth: usize) -> Vec<Line> {
    let mut lines = vec![Line { depth, label, text: sub.text.clone() }];
    lines.extend(sub.points.iter().flat_map(|p| point_lines(p, depth + 1)));
    lines
}

fn point_lines(point: &Point, depth: usize) -> Vec<Line> {
    let mut text = point.text.lines();
    let mut lines = vec![Line { depth, label: point.label.clone(), text: text.next().unwrap_or_default().into() }];
    lines.extend(point.points.iter().flat_map(|p| point_lines(p, depth + 1)));
    lines.extend(text.map(|t| Line { depth: depth + 1, label: String::new(), text: t.into() }));
    lines
}

impl Passage {
    /// The heading wrapped to `width` columns after `indent`.
    pub fn render_heading(&self, indent: &str, width: usize) -> String {
        wrap(&self.heading, indent, indent, width)
    }

    /// The text wrapped to `width` columns after `indent`, labels hanging.
    pub fn render(&self, indent: &str, width: usize) -> String {
        let mut out = String::new();
        for line in &self.lines {
            let lead = format!("{indent}{}", "    ".repeat(line.depth));
            let label =
                if line.label.is_empty() { String::new() } else { format!("{:<4}", format!("{} ", line.label)) };
            let rest = format!("{lead}{}", " ".repeat(label.chars().count()));
            out.push_str(&wrap(&line.text, &format!("{lead}{label}"), &rest, width));
        }
        out
    }
}

/// `text` wrapped to `width` columns; lines break only at spaces, never inside a word, so a
/// link or a citation is never cut in two.
fn wrap(text: &str, first: &str, rest: &str, width: usize) -> String {
    let options = textwrap::Options::new(width.max(first.chars().count() + 20))
        .initial_indent(first)
        .subsequent_indent(rest)
        .break_words(false)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    let mut out = textwrap::fill(text, options);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::law::text::Extract;

    fn quote(citation: &str, lang: Lang) -> Result<Passage, Missing> {
        let provision = Provision::parse(citation).expect("a citation");
        passage(Extract::get().expect("the extract").regulation(lang), provision, lang)
    }

    #[test]
    fn a_point_comes_with_its_lead_in_and_marks_what_is_left_out() {
        let p = quote("6(1)(f)", Lang::En).expect("6(1)(f) exists");
        let labels: Vec<&str> = p.lines.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(labels, ["1.", "", "(f)"]);
        assert_eq!(p.lines[1].text, "[…]");
        assert!(p.heading.ends_with("(paragraph 1, lead-in and point (f))"), "{}", p.heading);
    }

    #[test]
    fn points_inside_points_of_an_unnumbered_article() {
        assert!(quote("4(16)(b)", Lang::En).is_ok());
        let missing = quote("4(16)(c)", Lang::Sv).expect_err("4(16) has points a and b");
        assert_eq!(missing.nearest, Provision::parse("4(16)").expect("a citation"));
    }

    #[test]
    fn the_nearest_existing_provision_is_suggested() {
        let nearest = |c: &str| quote(c, Lang::En).expect_err("does not exist").nearest.cite(Lang::En);
        assert_eq!(nearest("art. 6(7)"), "GDPR art. 6(4)");
        assert_eq!(nearest("6(1)(k)"), "GDPR art. 6(1)(f)");
        assert_eq!(nearest("art. 100"), "GDPR art. 99");
        assert_eq!(nearest("4(30)"), "GDPR art. 4(26)");
        assert_eq!(nearest("recital 174"), "GDPR recital 173");
        assert_eq!(nearest("49(1) third subparagraph"), "GDPR art. 49(1) second subparagraph");
    }
}
