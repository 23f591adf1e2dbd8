//! Builds `law/gdpr.json` from the Official Journal's Formex XML in `law/`: every recital, and
//! every article with its paragraphs, subparagraphs and points, word for word (whitespace
//! normalised), footnotes left out.

use roxmltree::{Document, Node};
use rpcheck::law::text::{Article, Extract, Paragraph, Point, Recital, Regulation, Subparagraph};

/// The extract of both languages, as committed.
pub fn extract() -> Extract {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("law");
    let read = |name: &str| std::fs::read_to_string(root.join(name)).expect("the vendored Formex XML");
    Extract {
        source: acknowledgement(&read("SOURCE.md")),
        en: regulation(&read("gdpr-en.xml")),
        sv: regulation(&read("gdpr-sv.xml")),
    }
}

/// SOURCE.md up to its acknowledgement of the source (what follows is for maintainers).
fn acknowledgement(source: &str) -> String {
    let text = source.split_whitespace().collect::<Vec<_>>().join(" ");
    match text.find("acknowledged.") {
        Some(at) => text[..at + "acknowledged.".len()].to_string(),
        None => text,
    }
}

fn regulation(xml: &str) -> Regulation {
    let doc = Document::parse(xml).expect("well-formed Formex");
    let recitals = doc.descendants().filter(|n| n.has_tag_name("CONSID")).map(recital).collect();
    let articles = doc.descendants().filter(|n| n.has_tag_name("ARTICLE")).map(article).collect();
    Regulation { recitals, articles }
}

fn children<'a, 'i>(node: Node<'a, 'i>, tag: &'static str) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children().filter(move |c| c.has_tag_name(tag))
}

fn child<'a, 'i>(node: Node<'a, 'i>, tag: &'static str) -> Node<'a, 'i> {
    children(node, tag).next().unwrap_or_else(|| panic!("<{}> has no <{tag}>", node.tag_name().name()))
}

fn number(label: &str) -> u32 {
    let digits: String = label.chars().filter(char::is_ascii_digit).collect();
    digits.parse().unwrap_or_else(|_| panic!("no number in {label:?}"))
}

fn recital(consid: Node) -> Recital {
    let np = child(consid, "NP");
    let mut lines = vec![text(child(np, "TXT"))];
    lines.extend(children(np, "P").map(text));
    Recital { number: number(&text(child(np, "NO.P"))), text: lines.join("\n") }
}

fn article(node: Node) -> Article {
    let heading = text(child(node, "TI.ART"));
    let mut paragraphs: Vec<Paragraph> = children(node, "PARAG")
        .map(|p| Paragraph {
            number: Some(number(&text(child(p, "NO.PARAG")))),
            subparagraphs: children(p, "ALINEA").map(subparagraph).collect(),
        })
        .collect();
    if paragraphs.is_empty() {
        paragraphs
            .push(Paragraph { number: None, subparagraphs: children(node, "ALINEA").map(subparagraph).collect() });
    }
    Article { number: number(&heading), heading, title: text(child(node, "STI.ART")), paragraphs }
}

/// An ALINEA: plain text, or a lead-in `<P>` followed by a `<LIST>`.
fn subparagraph(alinea: Node) -> Subparagraph {
    match children(alinea, "LIST").next() {
        Some(list) => Subparagraph { text: text(child(alinea, "P")), points: points(list) },
        None => Subparagraph { text: text(alinea), points: Vec::new() },
    }
}

fn points(list: Node) -> Vec<Point> {
    children(list, "ITEM").map(item).collect()
}

/// An ITEM: a numbered `<NP>` (label, text, maybe a nested list), or a dash item `<P>`.
fn item(node: Node) -> Point {
    let Some(np) = children(node, "NP").next() else {
        return Point { label: "—".into(), text: text(child(node, "P")), points: Vec::new() };
    };
    let mut lines = vec![text(child(np, "TXT"))];
    let mut nested = Vec::new();
    for p in children(np, "P") {
        match children(p, "LIST").next() {
            Some(list) => nested.extend(points(list)),
            None => lines.push(text(p)),
        }
    }
    Point { label: text(child(np, "NO.P")), text: lines.join("\n"), points: nested }
}

/// The text of a node as printed: footnotes left out, quotation marks from their codes, numbers
/// grouped by thousands as the Official Journal prints them, whitespace collapsed.
fn text(node: Node) -> String {
    let mut out = String::new();
    collect(node, &mut out);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn collect(node: Node, out: &mut String) {
    for c in node.children() {
        if c.is_text() {
            out.push_str(c.text().unwrap_or_default());
            continue;
        }
        match c.tag_name().name() {
            "NOTE" => {}
            "QUOT.START" | "QUOT.END" => {
                let code = c.attribute("CODE").and_then(|h| u32::from_str_radix(h, 16).ok());
                out.extend(code.and_then(char::from_u32));
            }
            "FT" if c.attribute("TYPE") == Some("NUMBER") => out.push_str(&grouped(&text(c))),
            "LIST" => panic!("a list where only text was expected"),
            _ => collect(c, out),
        }
    }
}

fn grouped(digits: &str) -> String {
    let chars: Vec<char> = digits.chars().collect();
    let mut out = String::new();
    for (i, ch) in chars.iter().enumerate() {
        if i > 0 && (chars.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(*ch);
    }
    out
}
