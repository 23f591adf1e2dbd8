//! The mapping file: how the columns of any spreadsheet layout become record fields. It is
//! strict like every file rpcheck reads: unknown keys, wrong values and field paths the record
//! does not have are errors at their place in the file (exit 2).

use std::collections::BTreeMap;
use std::path::Path;

use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::Value;

use crate::error::{Error, Problem, Result};
use crate::schema_check::{SchemaCheck, subschema};
use crate::source;

/// What the user writes in a mapping file.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "rpcheck import mapping")]
pub struct Mapping {
    /// The xlsx sheet to read (default: the first); `--sheet` wins.
    pub sheet: Option<String>,
    /// The row that holds the headings, counted from 1 as the spreadsheet shows it (default 1).
    #[schemars(range(min = 1, max = 1000))]
    pub heading_row: Option<u32>,
    /// The columns read, each by its heading; columns not named here are ignored.
    #[serde(default)]
    pub columns: Vec<ColumnMap>,
    /// Values every imported record gets, by dotted field path, e.g. `"personal_data.source" =
    /// "data_subject"` or `language = "sv"`. A column that fills the same field wins.
    #[serde(default)]
    pub fixed: BTreeMap<String, Value>,
}

/// One column of the sheet and the record field it fills.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ColumnMap {
    /// The column's heading as in the sheet (compared without surrounding space, ignoring case).
    #[schemars(length(min = 1))]
    pub heading: String,
    /// The field it fills, as a dotted path into the record: `name`, `retention.period`,
    /// `personal_data.subjects` (a list), `purposes.legal_basis` (one purpose per list item).
    #[schemars(length(min = 1))]
    pub field: String,
    /// The separator of list items within one cell, e.g. `";"` or `","` (default: a line
    /// break, for list fields; a field that takes one value reads the whole cell).
    #[schemars(length(min = 1))]
    pub split: Option<String>,
    /// Cell values (each list item, without surrounding space, ignoring case) and the record
    /// value each stands for, e.g. `"Allmänt intresse" = "public_task"`; `""` means no value
    /// (`"Nej" = ""`); values not named here are kept as written.
    #[serde(default)]
    pub values: BTreeMap<String, String>,
}

/// The JSON Schema of mapping files, as committed in `schema/import-mapping.schema.json`.
pub fn mapping_schema() -> Value {
    crate::model::schema_for::<Mapping>()
}

/// A mapping file as read, with its text so later errors (a heading the sheet lacks) can point
/// into it.
#[derive(Debug, Clone)]
pub struct MappingFile {
    /// The mapping.
    pub mapping: Mapping,
    path: std::path::PathBuf,
    text: String,
}

/// What a record field is, as the record schema says: how a cell's items are put into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One value.
    One(Kind),
    /// A list of values (`personal_data.subjects`).
    List(Kind),
    /// One value in each entry of a list of tables (`purposes.legal_basis`); `.0` is the number
    /// of path segments that name the list.
    InEntries(usize, Kind),
}

/// The type of a value in the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text, a code or a date.
    Text,
    /// true or false.
    Bool,
    /// A whole number.
    Integer,
}

/// The shape of the field at dotted `path`, or why the path names no field a cell can fill.
pub fn shape(path: &str) -> std::result::Result<Shape, String> {
    let schema = crate::model::record_schema();
    let segments: Vec<&str> = path.split('.').collect();
    if segments.iter().any(|s| s.is_empty()) {
        return Err(format!("`{path}` is not a dotted field path"));
    }
    let mut pointer = String::new();
    let mut entries = None;
    for (i, segment) in segments.iter().enumerate() {
        let named = segments[..=i].join(".");
        if segment.parse::<usize>().is_ok() {
            return Err(format!("`{path}`: a field path names fields, not list positions"));
        }
        let parent = subschema(schema, &pointer);
        pointer.push('/');
        pointer.push_str(segment);
        let node = subschema(schema, &pointer).ok_or_else(|| {
            let fields = parent.map(field_names).unwrap_or_default();
            match crate::schema_check::did_you_mean(segment, fields.iter().map(String::as_str)) {
                Some(near) => format!("the record has no field `{named}`; did you mean `{near}`?"),
                None => format!("the record has no field `{named}`"),
            }
        })?;
        if i + 1 == segments.len() {
            break;
        }
        if items_of(node).is_some_and(is_object) {
            if entries.is_some() {
                return Err(format!("`{path}` names a list within a list, which one cell cannot fill"));
            }
            entries = Some(i + 1);
            pointer.push_str("/0");
        } else if !is_object(node) {
            return Err(format!("`{named}` has no fields"));
        }
    }
    let node = subschema(schema, &pointer).ok_or_else(|| format!("the record has no field `{path}`"))?;
    if is_object(node) {
        return Err(format!("`{path}` is a table: name one of its fields ({})", fields_of(path, node)));
    }
    if let Some(items) = items_of(node) {
        if is_object(items) {
            return Err(format!("`{path}` is a list of tables: name one of its fields ({})", fields_of(path, items)));
        }
        if entries.is_some() {
            return Err(format!("`{path}` names a list within a list, which one cell cannot fill"));
        }
        return Ok(Shape::List(kind(items)));
    }
    Ok(match entries {
        Some(n) => Shape::InEntries(n, kind(node)),
        None => Shape::One(kind(node)),
    })
}

/// The schema of a list's items, `$ref` followed; `None` when `node` is no list.
fn items_of(node: &'static Value) -> Option<&'static Value> {
    let schema = crate::model::record_schema();
    type_of(node).filter(|t| *t == "array")?;
    let mut items = node.get("items")?;
    while let Some(reference) = items.get("$ref").and_then(Value::as_str) {
        items = schema.pointer(reference.strip_prefix('#')?)?;
    }
    Some(items)
}

fn type_of(node: &Value) -> Option<&str> {
    node.get("type").and_then(Value::as_str)
}

fn is_object(node: &Value) -> bool {
    type_of(node) == Some("object") || node.get("properties").is_some()
}

/// The names of a table's fields.
fn field_names(node: &Value) -> Vec<String> {
    node.get("properties").and_then(Value::as_object).map(|p| p.keys().cloned().collect()).unwrap_or_default()
}

/// A table's fields as dotted paths, for a message: `purposes.id, purposes.law, ...`.
fn fields_of(path: &str, node: &Value) -> String {
    field_names(node).iter().map(|f| format!("`{path}.{f}`")).collect::<Vec<_>>().join(", ")
}

fn kind(node: &Value) -> Kind {
    match type_of(node) {
        Some("boolean") => Kind::Bool,
        Some("integer") => Kind::Integer,
        _ => Kind::Text,
    }
}

impl MappingFile {
    /// Read and check a mapping file; any problem is fatal (exit 2).
    pub fn load(path: &Path) -> Result<MappingFile> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        MappingFile::parse(path, text)
    }

    /// Check a mapping file's text: TOML syntax, the mapping schema (unknown keys with a
    /// did-you-mean), then that every field path names a field of the record.
    pub fn parse(path: &Path, text: String) -> Result<MappingFile> {
        let problems = {
            let invalid = |problems| Error::invalid_file_all("invalid import mapping", path, &text, problems);
            let doc = source::parse(&text).map_err(|errors| {
                invalid(errors.into_iter().map(|e| Problem::new(Some(e.span), e.message, None)).collect())
            })?;
            let issues = SchemaCheck::new(mapping_schema()).check(&doc.value);
            let mut problems = crate::config::schema_problems(&doc, issues)?;
            problems.extend(field_problems(&doc));
            if problems.is_empty() {
                let mapping = Mapping::deserialize(&doc.value)
                    .map_err(|e| invalid(vec![Problem::new(None, format!("cannot read the mapping: {e}"), None)]))?;
                return Ok(MappingFile { mapping, path: path.to_path_buf(), text });
            }
            problems.sort_by_key(Problem::start);
            problems
        };
        Err(Error::invalid_file_all("invalid import mapping", path, &text, problems))
    }

    /// An error about the column at `index` of the mapping (drawn on its heading).
    pub fn column_error(&self, index: usize, message: impl Into<String>, help: Option<String>) -> Error {
        let span = source::parse(&self.text).ok().map(|doc| doc.span_of(&format!("/columns/{index}/heading")));
        Error::invalid_file("invalid import mapping", &self.path, &self.text, span, message, help)
    }
}

/// Field paths that name no field a cell (or a fixed value) can fill, each at its place.
fn field_problems(doc: &source::Document<'_>) -> Vec<Problem> {
    let help = || Some("see `rpcheck schema` for the record's fields; lists of tables take `list.field`".to_string());
    let mut problems = Vec::new();
    let columns = doc.value.get("columns").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    for (i, column) in columns.iter().enumerate() {
        let Some(field) = column.get("field").and_then(Value::as_str) else { continue };
        if let Err(message) = shape(field) {
            problems.push(Problem::new(Some(doc.span_of(&format!("/columns/{i}/field"))), message, help()));
        }
    }
    let fixed = doc.value.get("fixed").and_then(Value::as_object).into_iter().flatten();
    for (key, _) in fixed {
        if let Err(message) = shape(key) {
            let pointer = format!("/fixed/{}", source::escape_segment(key));
            let span = doc.key_span(&pointer).unwrap_or_else(|| doc.span_of(&pointer));
            problems.push(Problem::new(Some(span), message, help()));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_follow_the_record_schema() {
        assert_eq!(shape("name"), Ok(Shape::One(Kind::Text)));
        assert_eq!(shape("retention.public_records"), Ok(Shape::One(Kind::Bool)));
        assert_eq!(shape("review_interval_months"), Ok(Shape::One(Kind::Integer)));
        assert_eq!(shape("personal_data.subjects"), Ok(Shape::List(Kind::Text)));
        assert_eq!(shape("personal_data.special_categories"), Ok(Shape::List(Kind::Text)));
        assert_eq!(shape("purposes.legal_basis"), Ok(Shape::InEntries(1, Kind::Text)));
        assert_eq!(shape("rights.limitations.right"), Ok(Shape::InEntries(2, Kind::Text)));
        assert_eq!(shape("controller.country"), Ok(Shape::One(Kind::Text)));
    }

    #[test]
    fn paths_the_record_lacks_are_refused() {
        assert!(shape("purpose.legal_basis").is_err_and(|m| m.contains("`purpose`")));
        assert!(shape("purposes").is_err_and(|m| m.contains("list of tables") && m.contains("`purposes.law`")));
        assert!(shape("namn").is_err_and(|m| m.ends_with("did you mean `name`?")));
        assert!(shape("retention.perod").is_err_and(|m| m.contains("`retention.perod`; did you mean `period`?")));
        assert!(shape("retention").is_err());
        assert!(shape("name.first").is_err());
        assert!(shape("purposes..id").is_err());
        assert!(shape("purposes.0.id").is_err());
    }
}
