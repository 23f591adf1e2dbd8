//! A record file's text, parsed with spans: the JSON value the checks read, and the map from
//! JSON pointer back to the exact place in the TOML text that every finding is drawn on.

pub mod read;

use std::borrow::Cow;
use std::ops::Range;

use serde_json::{Map, Number, Value};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// A TOML syntax error with the byte range it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// The parser's description of the problem (English, as the parser words it).
    pub message: String,
    /// Where in the text, as a byte range.
    pub span: Range<usize>,
}

impl SyntaxError {
    /// The problem, and what the parser expected instead when it says: the parser words its
    /// messages "problem, expected a, b", each part a fixed phrase a glossary can translate.
    pub fn parts(&self) -> (&str, Vec<&str>) {
        match self.message.split_once(", expected ") {
            Some((problem, expected)) => (problem, expected.split(", ").collect()),
            None => (&self.message, Vec::new()),
        }
    }
}

/// A parsed TOML document: its JSON value plus the spanned tree to locate pointers in.
pub struct Document<'a> {
    tree: Spanned<DeTable<'a>>,
    /// The document as JSON: TOML dates and times become their RFC 3339 text.
    pub value: Value,
}

/// Parse TOML text, keeping spans; every syntax error is returned, not only the first.
pub fn parse(text: &str) -> Result<Document<'_>, Vec<SyntaxError>> {
    let (tree, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        return Err(errors
            .into_iter()
            .map(|e| SyntaxError {
                message: e.message().trim().to_string(),
                span: clamp(e.span().unwrap_or(0..0), text.len()),
            })
            .collect());
    }
    let mut problems = Vec::new();
    let value = table_to_json(tree.get_ref(), &mut problems);
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Document { tree, value })
}

fn clamp(span: Range<usize>, len: usize) -> Range<usize> {
    span.start.min(len)..span.end.min(len)
}

fn table_to_json(table: &DeTable<'_>, problems: &mut Vec<SyntaxError>) -> Value {
    let mut map = Map::with_capacity(table.len());
    for (key, value) in table.iter() {
        map.insert(key.get_ref().to_string(), to_json(value, problems));
    }
    Value::Object(map)
}

fn to_json(value: &Spanned<DeValue<'_>>, problems: &mut Vec<SyntaxError>) -> Value {
    match value.get_ref() {
        DeValue::String(s) => Value::String(s.to_string()),
        DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
            Ok(n) => Value::Number(n.into()),
            Err(_) => {
                let message = "integer out of range: TOML integers are 64-bit".to_string();
                problems.push(SyntaxError { message, span: value.span() });
                Value::Null
            }
        },
        // TOML allows inf and nan, which JSON cannot hold; they surface as a type error.
        DeValue::Float(f) => f
            .as_str()
            .replace('_', "")
            .parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map_or(Value::Null, Value::Number),
        DeValue::Boolean(b) => Value::Bool(*b),
        DeValue::Datetime(d) => Value::String(d.to_string()),
        DeValue::Array(a) => Value::Array(a.iter().map(|v| to_json(v, problems)).collect()),
        DeValue::Table(t) => table_to_json(t, problems),
    }
}

/// Split a JSON pointer into its unescaped segments (`~1` is `/`, `~0` is `~`).
pub fn pointer_segments(pointer: &str) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    pointer
        .split('/')
        .skip(1)
        .map(|s| if s.contains('~') { Cow::Owned(s.replace("~1", "/").replace("~0", "~")) } else { Cow::Borrowed(s) })
}

/// Escape one segment for use in a JSON pointer.
pub fn escape_segment(segment: &str) -> Cow<'_, str> {
    if segment.contains(['~', '/']) {
        Cow::Owned(segment.replace('~', "~0").replace('/', "~1"))
    } else {
        Cow::Borrowed(segment)
    }
}

/// One step of a walk down the tree: the value reached and, for a table entry, its key's span.
struct Step<'t, 'a> {
    value: &'t Spanned<DeValue<'a>>,
    key: Option<Range<usize>>,
}

impl<'a> Document<'a> {
    /// Follow `pointer` as far as the file has it, one step per segment found.
    fn walk<'t>(&'t self, pointer: &str) -> (Vec<Step<'t, 'a>>, bool) {
        let mut steps: Vec<Step<'t, 'a>> = Vec::new();
        for segment in pointer_segments(pointer) {
            let next = match steps.last().map(|s| s.value.get_ref()) {
                None => self.tree.get_ref().get_key_value(&*segment).map(|(k, v)| (v, Some(k.span()))),
                Some(DeValue::Table(t)) => t.get_key_value(&*segment).map(|(k, v)| (v, Some(k.span()))),
                Some(DeValue::Array(a)) => segment.parse::<usize>().ok().and_then(|i| a.get(i)).map(|v| (v, None)),
                Some(_) => None,
            };
            match next {
                Some((value, key)) => steps.push(Step { value, key }),
                None => return (steps, false),
            }
        }
        (steps, true)
    }

    /// The span of the value at `pointer`, or of its nearest ancestor present in this file.
    ///
    /// A table's span is its header (`[controller]`, or the right `[[purposes]]`), so a missing
    /// key is drawn on the table that should hold it.
    pub fn span_of(&self, pointer: &str) -> Range<usize> {
        let (steps, _) = self.walk(pointer);
        steps.last().map_or_else(|| self.root_span(), |s| s.value.span())
    }

    /// The record as a whole has no header: findings on it are drawn on its `id` key, which
    /// names it, or else at the start of the file.
    fn root_span(&self) -> Range<usize> {
        self.tree.get_ref().get_key_value("id").map_or(0..0, |(k, _)| k.span())
    }

    /// The span of the key that names the value at `pointer`, if the file has that key
    /// (an array element has no key of its own).
    pub fn key_span(&self, pointer: &str) -> Option<Range<usize>> {
        let (steps, complete) = self.walk(pointer);
        if complete { steps.last().and_then(|s| s.key.clone()) } else { None }
    }
}

/// Where each line of a text starts, for turning many byte offsets into lines and columns.
pub struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    /// Index the line starts of `text`.
    pub fn new(text: &'t str) -> Self {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        LineIndex { text, starts }
    }

    /// Lines and columns of a byte range.
    pub fn region(&self, span: &Range<usize>) -> crate::findings::Region {
        let (line, column) = self.line_col(span.start);
        let (end_line, end_column) = self.line_col(span.end);
        crate::findings::Region { line, column, end_line, end_column }
    }

    /// 1-based line and column (in Unicode characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts[line - 1];
        (line, self.text[start..offset].chars().count() + 1)
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The naive reference the line index must agree with: scan from the start every time.
    fn line_col(text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let before = &text[..offset];
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }

    /// The text a pointer's span covers.
    fn at<'a>(text: &'a str, pointer: &str) -> &'a str {
        let doc = parse(text).expect("valid TOML");
        &text[doc.span_of(pointer)]
    }

    #[test]
    fn array_of_tables_points_at_the_right_element() {
        let text = "[[purposes]]\nid = \"a\"\n\n[[purposes]]\nid = \"b\"\nlaw = \"x\"\n";
        assert_eq!(at(text, "/purposes/1/id"), "\"b\"");
        assert_eq!(at(text, "/purposes/1"), "[[purposes]]");
        let doc = parse(text).expect("valid TOML");
        assert_eq!(doc.span_of("/purposes/1").start, text.rfind("[[purposes]]").expect("header"));
        // a missing key is drawn on the header of the table that should hold it
        assert_eq!(doc.span_of("/purposes/0/law"), doc.span_of("/purposes/0"));
        assert_ne!(doc.span_of("/purposes/0"), doc.span_of("/purposes/1"));
    }

    #[test]
    fn inline_tables_and_dotted_keys() {
        let text = "id = \"r\"\nretention = { period = \"P2Y\", criteria = \"c\" }\nrights.access = true\n";
        assert_eq!(at(text, "/retention/period"), "\"P2Y\"");
        assert_eq!(at(text, "/retention"), "{ period = \"P2Y\", criteria = \"c\" }");
        assert_eq!(at(text, "/rights/access"), "true");
        let doc = parse(text).expect("valid TOML");
        assert_eq!(&text[doc.key_span("/rights/access").expect("key")], "access");
    }

    #[test]
    fn multi_line_strings_keep_later_spans_right() {
        let text = "a = \"\"\"\none\ntwo\n\"\"\"\nb = 1\n";
        assert_eq!(at(text, "/b"), "1");
        let doc = parse(text).expect("valid TOML");
        assert_eq!(line_col(text, doc.span_of("/b").start), (5, 5));
    }

    #[test]
    fn crlf_line_ends() {
        let text = "id = \"r\"\r\n[controller]\r\nname = \"X\"\r\n";
        let doc = parse(text).expect("valid TOML");
        assert_eq!(&text[doc.span_of("/controller/name")], "\"X\"");
        assert_eq!(line_col(text, doc.span_of("/controller/name").start), (3, 8));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "name = \"Bostadsförmedlingen\"\n\"åäö\" = 1\n";
        let doc = parse(text).expect("valid TOML");
        let span = doc.span_of("/åäö");
        assert_eq!(&text[span.clone()], "1");
        assert_eq!(line_col(text, span.start), (2, 9));
        assert_eq!(line_col(text, text.find('"').expect("quote") + "\"Bostadsför".len()), (1, 19));
    }

    #[test]
    fn root_and_unknown_pointers_fall_back_to_the_record_id() {
        let text = "# comment\nschema_version = 1\nid = \"r\"\n";
        assert_eq!(at(text, ""), "id");
        assert_eq!(at(text, "/nothing/here"), "id");
    }

    #[test]
    fn escaped_pointer_segments() {
        let text = "[rules]\n\"gdpr/dpia\" = \"off\"\n";
        let doc = parse(text).expect("valid TOML");
        assert_eq!(&text[doc.key_span("/rules/gdpr~1dpia").expect("key")], "\"gdpr/dpia\"");
        assert_eq!(escape_segment("gdpr/dpia"), "gdpr~1dpia");
    }

    #[test]
    fn every_syntax_error_is_reported() {
        let errors = parse("a = \nb = \"open\n").err().expect("invalid TOML");
        assert!(!errors.is_empty());
        assert!(errors.iter().all(|e| e.span.end <= "a = \nb = \"open\n".len()));
    }

    #[test]
    fn line_index_agrees_with_line_col() {
        let text = "a = 1\r\nnamn = \"Åsa\"\n\n[t]\nx = \"ö\"";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() {
            assert_eq!(index.line_col(offset), line_col(text, offset), "offset {offset}");
        }
    }

    #[test]
    fn dates_become_their_text() {
        let doc = parse("updated = 2023-02-14\n").expect("valid TOML");
        assert_eq!(doc.value["updated"], "2023-02-14");
    }
}
