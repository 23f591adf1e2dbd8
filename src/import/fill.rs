//! Filling a record from one sheet row by a mapping file: each mapped cell is split into items,
//! translated by the column's value map, typed by the record schema and put at its field.

use serde_json::{Map, Value};

use super::mapping::{ColumnMap, Kind, MappingFile, Shape, shape};
use super::read::{Cell, SheetRow};
use crate::error::Result;
use crate::findings::Text;

/// A mapping matched to a sheet's headings.
#[derive(Debug)]
pub struct Resolved<'m> {
    columns: Vec<(usize, &'m ColumnMap, Shape)>,
    fixed: Vec<(&'m str, Shape, &'m Value)>,
}

impl Resolved<'_> {
    /// The heading of the column that fills the dotted `field`, if one does.
    pub fn heading_of(&self, field: &str) -> Option<&str> {
        self.columns.iter().find(|(_, c, _)| c.field == field).map(|(_, c, _)| c.heading.as_str())
    }
}

/// Match every mapped heading to a column of the sheet; a heading the sheet lacks is an error in
/// the mapping file, at that heading.
pub fn resolve<'m>(file: &'m MappingFile, headings: &[String]) -> Result<Resolved<'m>> {
    let mut columns = Vec::new();
    for (i, column) in file.mapping.columns.iter().enumerate() {
        let wanted = column.heading.trim();
        let Some(at) = headings.iter().position(|h| h.to_lowercase() == wanted.to_lowercase()) else {
            let known = crate::schema_check::did_you_mean(wanted, headings.iter().map(String::as_str));
            let help = match known {
                Some(h) => format!("did you mean \"{h}\"?"),
                None => format!("the sheet's headings: {}", headings.join(", ")),
            };
            return Err(file.column_error(i, format!("the sheet has no column \"{wanted}\""), Some(help)));
        };
        // `MappingFile::parse` has checked every field path, so the shape is known.
        let Ok(shape) = shape(&column.field) else { continue };
        columns.push((at, column, shape));
    }
    let fixed =
        file.mapping.fixed.iter().filter_map(|(key, value)| Some((key.as_str(), shape(key).ok()?, value))).collect();
    Ok(Resolved { columns, fixed })
}

/// The record a row holds by the mapping (as JSON, before it is checked), or why it holds none.
pub fn fill(resolved: &Resolved<'_>, row: &SheetRow) -> std::result::Result<Value, Vec<Text>> {
    let mut record = Value::Object(Map::new());
    let mut problems = Vec::new();
    let mut entries: Vec<(&ColumnMap, usize, Vec<Value>)> = Vec::new();
    for (at, column, shape) in &resolved.columns {
        let values = match cell_values(column, *shape, row.cells.get(*at)) {
            Ok(values) if values.is_empty() => continue,
            Ok(values) => values,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        let segments: Vec<&str> = column.field.split('.').collect();
        match *shape {
            Shape::One(_) if values.len() > 1 => problems.push(Text::new(
                format!("column \"{}\" holds {} values where {} takes one", column.heading, values.len(), column.field),
                format!("kolumnen \"{}\" har {} värden där {} tar ett", column.heading, values.len(), column.field),
            )),
            Shape::One(_) => *slot(&mut record, &segments, None) = values.into_iter().next().unwrap_or(Value::Null),
            Shape::List(_) => extend(slot(&mut record, &segments, None), values),
            Shape::InEntries(n, _) => entries.push((column, n, values)),
        }
    }
    spread(&mut record, &entries, &mut problems);
    for (key, shape, value) in &resolved.fixed {
        put_fixed(&mut record, key, *shape, value);
    }
    if problems.is_empty() { Ok(record) } else { Err(problems) }
}

/// The typed items of one cell, by the column's separator and value map.
fn cell_values(column: &ColumnMap, shape: Shape, cell: Option<&Cell>) -> std::result::Result<Vec<Value>, Text> {
    let text = match cell {
        None => return Ok(Vec::new()),
        Some(Cell::Text(text)) => super::uninert(text),
        Some(Cell::Formula(formula)) => return Err(formula_problem(&column.heading, formula)),
        Some(Cell::Error(error)) => {
            return Err(Text::new(
                format!("column \"{}\" holds the spreadsheet error {error}", column.heading),
                format!("kolumnen \"{}\" innehåller kalkylbladsfelet {error}", column.heading),
            ));
        }
    };
    let (separator, kind) = match shape {
        Shape::One(kind) => (column.split.as_deref(), kind),
        Shape::List(kind) | Shape::InEntries(_, kind) => (Some(column.split.as_deref().unwrap_or("\n")), kind),
    };
    let items: Vec<&str> = match separator {
        Some(separator) => text.split(separator).collect(),
        None => vec![text.as_str()],
    };
    items
        .into_iter()
        .map(str::trim)
        .map(|item| {
            let mapped = column.values.iter().find(|(from, _)| from.trim().to_lowercase() == item.to_lowercase());
            mapped.map_or(item, |(_, to)| to.trim())
        })
        // An empty item, or one the value map turns into "" ("Nej" = none), fills nothing.
        .filter(|item| !item.is_empty())
        .map(|item| typed(&column.heading, item, kind))
        .collect()
}

/// The row problem of a formula cell: the import takes values, never computes them.
pub fn formula_problem(heading: &str, formula: &str) -> Text {
    Text::new(
        format!("column \"{heading}\" holds a formula (={formula}); import reads values only: paste the value instead"),
        format!(
            "kolumnen \"{heading}\" innehåller en formel (={formula}); import läser bara värden: klistra in värdet i stället"
        ),
    )
}

/// An item as the record's type for it: text, a truth value (yes/no, ja/nej, x) or a number.
fn typed(heading: &str, item: &str, kind: Kind) -> std::result::Result<Value, Text> {
    match kind {
        Kind::Text => Ok(Value::String(item.to_string())),
        Kind::Bool => super::truth(item).map(Value::Bool).ok_or_else(|| {
            Text::new(
                format!("column \"{heading}\": \"{item}\" is not yes or no"),
                format!("kolumnen \"{heading}\": \"{item}\" är inte ja eller nej"),
            )
        }),
        Kind::Integer => item.parse::<u64>().map(Value::from).map_err(|_| {
            Text::new(
                format!("column \"{heading}\": \"{item}\" is not a whole number"),
                format!("kolumnen \"{heading}\": \"{item}\" är inte ett heltal"),
            )
        }),
    }
}

/// Put the items of columns that fill entries of a list of tables (one purpose per item): a
/// column with one item gives it to every entry; others must have as many items as the longest.
fn spread(record: &mut Value, entries: &[(&ColumnMap, usize, Vec<Value>)], problems: &mut Vec<Text>) {
    let mut lists: Vec<String> = entries.iter().map(|(c, n, _)| list_path(&c.field, *n)).collect();
    lists.sort_unstable();
    lists.dedup();
    for list in lists {
        let group: Vec<_> = entries.iter().filter(|(c, n, _)| list_path(&c.field, *n) == list).collect();
        let count = group.iter().map(|(_, _, v)| v.len()).max().unwrap_or(0);
        if let Some((uneven, _, values)) = group.iter().find(|(_, _, v)| v.len() != 1 && v.len() != count) {
            problems.push(Text::new(
                format!(
                    "column \"{}\" has {} items where other columns of {list} have {count}",
                    uneven.heading,
                    values.len()
                ),
                format!(
                    "kolumnen \"{}\" har {} delar där andra kolumner för {list} har {count}",
                    uneven.heading,
                    values.len()
                ),
            ));
            continue;
        }
        for (column, n, values) in group {
            let segments: Vec<&str> = column.field.split('.').collect();
            for index in 0..count {
                let value = if values.len() == 1 { &values[0] } else { &values[index] };
                *slot(record, &segments, Some((*n, index))) = value.clone();
            }
        }
    }
}

fn list_path(field: &str, n: usize) -> String {
    field.split('.').take(n).collect::<Vec<_>>().join(".")
}

/// A fixed value: set where no column has set the field (in every entry of a list of tables).
fn put_fixed(record: &mut Value, key: &str, shape: Shape, value: &Value) {
    let segments: Vec<&str> = key.split('.').collect();
    let entries = match shape {
        Shape::InEntries(n, _) => {
            let list = slot(record, &segments[..n], None);
            let count = list.as_array().map_or(0, Vec::len).max(1);
            (0..count).map(|i| Some((n, i))).collect()
        }
        Shape::One(_) | Shape::List(_) => vec![None],
    };
    for entry in entries {
        let target = slot(record, &segments, entry);
        if target.is_null() {
            *target = value.clone();
        }
    }
}

/// The place of a field in `record`, created (as `null`) when missing: `entry` is (number of
/// segments naming a list of tables, index of the entry).
pub fn slot<'v>(mut node: &'v mut Value, segments: &[&str], entry: Option<(usize, usize)>) -> &'v mut Value {
    for (i, segment) in segments.iter().enumerate() {
        node = child(node, segment);
        if let Some((after, index)) = entry
            && after == i + 1
        {
            node = element(node, index);
        }
    }
    node
}

fn child<'v>(node: &'v mut Value, key: &str) -> &'v mut Value {
    if !node.is_object() {
        *node = Value::Object(Map::new());
    }
    match node {
        Value::Object(map) => map.entry(key).or_insert(Value::Null),
        other => other,
    }
}

fn element(node: &mut Value, index: usize) -> &mut Value {
    if !node.is_array() {
        *node = Value::Array(Vec::new());
    }
    match node {
        Value::Array(items) => {
            if items.len() <= index {
                items.resize(index + 1, Value::Object(Map::new()));
            }
            &mut items[index]
        }
        other => other,
    }
}

/// Append items to a list (two columns may fill one list).
pub fn extend(list: &mut Value, values: Vec<Value>) {
    match list {
        Value::Array(items) => items.extend(values),
        other => *other = Value::Array(values),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapping(text: &str) -> MappingFile {
        MappingFile::parse(std::path::Path::new("map.toml"), text.to_string()).expect("a mapping")
    }

    fn row(cells: &[&str]) -> SheetRow {
        SheetRow { number: 2, cells: cells.iter().map(|c| Cell::Text((*c).to_string())).collect() }
    }

    const PURPOSES: &str = r#"
        [[columns]]
        heading = "Ändamål"
        field = "purposes.description"
        [[columns]]
        heading = "Grund"
        field = "purposes.legal_basis"
        split = ";"
        values = { "Samtycke" = "consent", "Avtal" = "contract" }
        [fixed]
        "purposes.law" = "Lag (2000:1)"
        language = "sv"
    "#;

    #[test]
    fn list_items_become_entries_and_one_item_applies_to_all() {
        let file = mapping(PURPOSES);
        let resolved = resolve(&file, &["Ändamål".into(), "Grund".into()]).expect("resolved");
        let record = fill(&resolved, &row(&["A\nB", "samtycke"])).expect("a record");
        assert_eq!(
            record,
            serde_json::json!({
                "language": "sv",
                "purposes": [
                    {"description": "A", "legal_basis": "consent", "law": "Lag (2000:1)"},
                    {"description": "B", "legal_basis": "consent", "law": "Lag (2000:1)"},
                ]
            })
        );
        let record = fill(&resolved, &row(&["A\nB", "Avtal; Samtycke"])).expect("a record");
        assert_eq!(record["purposes"][1]["legal_basis"], "consent");
    }

    #[test]
    fn uneven_items_are_a_row_problem() {
        let file = mapping(PURPOSES);
        let resolved = resolve(&file, &["Ändamål".into(), "Grund".into()]).expect("resolved");
        let problems = fill(&resolved, &row(&["A\nB\nC", "Avtal; Samtycke"])).expect_err("uneven");
        assert!(problems[0].en.contains("has 2 items where other columns of purposes have 3"), "{problems:?}");
    }

    #[test]
    fn formulas_and_errors_are_row_problems() {
        let file = mapping(PURPOSES);
        let resolved = resolve(&file, &["Ändamål".into(), "Grund".into()]).expect("resolved");
        let cells = vec![Cell::Formula("B1".into()), Cell::Error("#N/A".into())];
        let problems = fill(&resolved, &SheetRow { number: 2, cells }).expect_err("problems");
        assert_eq!(problems.len(), 2);
        assert!(problems[0].en.contains("holds a formula (=B1)") && problems[1].en.contains("#N/A"), "{problems:?}");
    }

    #[test]
    fn a_value_mapped_to_nothing_fills_nothing() {
        let file =
            mapping("[[columns]]\nheading = \"Land\"\nfield = \"transfers.country\"\nvalues = { \"Nej\" = \"\" }\n");
        let resolved = resolve(&file, &["Land".into()]).expect("resolved");
        assert_eq!(fill(&resolved, &row(&["nej"])).expect("a record"), serde_json::json!({}));
    }
}
