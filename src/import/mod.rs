//! `rpcheck import`: records from an existing spreadsheet register. A sheet is read (`read`),
//! each row becomes a record by a mapping file (`mapping`, `fill`) or by the columns `rpcheck
//! register` writes (`register`), is checked against the record schema, and the records are
//! written (`write`) and then linted.

pub mod fill;
pub mod mapping;
pub mod read;
pub mod register;
pub mod write;

use std::collections::HashMap;
use std::path::PathBuf;

use serde::Deserialize;
use serde_json::Value;

use crate::error::{Error, Result};
use crate::findings::{Lang, RunReport, Text};
use crate::model::Record;
use crate::schema_check::SchemaCheck;

/// What the command line asks of an import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The spreadsheet register (.xlsx or .csv).
    pub file: PathBuf,
    /// A mapping file; none means the columns `rpcheck register` writes.
    pub mapping: Option<PathBuf>,
    /// The xlsx sheet to read (wins over the mapping's).
    pub sheet: Option<String>,
    /// The folder records are written into.
    pub out: PathBuf,
    /// Language of the lint run's messages.
    pub lang: Option<Lang>,
    /// The day the lint run judges dates by.
    pub today: jiff::civil::Date,
}

/// A row that became no record, and why.
#[derive(Debug, Clone)]
pub struct SkippedRow {
    /// The sheet it is on (xlsx).
    pub sheet: Option<String>,
    /// The row's number as the spreadsheet shows it.
    pub row: usize,
    /// Every reason found in the row.
    pub reasons: Vec<Text>,
}

/// What an import did.
pub struct Outcome {
    /// The record files written, in row order.
    pub written: Vec<PathBuf>,
    /// The rows skipped.
    pub skipped: Vec<SkippedRow>,
    /// The lint run over the written files (`None` when none was written).
    pub lint: Option<RunReport>,
}

/// How rows become records: by a mapping file or by the register's own columns.
enum Layout<'m> {
    Mapped(fill::Resolved<'m>),
    Register(Lang, Vec<Option<&'static str>>),
}

/// Read the register, write one record per row that makes one, lint what was written.
pub fn run(options: &ImportOptions) -> Result<Outcome> {
    let mapping = options.mapping.as_deref().map(mapping::MappingFile::load).transpose()?;
    let given = mapping.as_ref().map(|m| &m.mapping);
    let sheet = options.sheet.as_deref().or_else(|| given.and_then(|m| m.sheet.as_deref()));
    let heading_row = given.and_then(|m| m.heading_row).map_or(1, |r| r as usize);
    let choice = match sheet {
        Some(name) => read::Sheets::Named(name),
        // The register writes one sheet per controller: read them all.
        None if mapping.is_none() => read::Sheets::All,
        None => read::Sheets::First,
    };
    let tables = read::read(&options.file, choice, heading_row)?;
    if tables.iter().all(|t| t.rows.is_empty()) {
        return Err(Error::usage(format!("{}: no rows below the headings", options.file.display()), None));
    }
    // The built-in packs word the schema's complaints and, in the register's layout, the countries.
    let words = crate::policy::Policy::load(&[])?;
    let schema = SchemaCheck::record();
    let mut plan = Plan::default();
    for table in &tables {
        let layout = match &mapping {
            Some(file) => Layout::Mapped(fill::resolve(file, &table.headings)?),
            None => {
                let (lang, keys) = register::layout(&table.headings).ok_or_else(|| unknown_layout(table))?;
                Layout::Register(lang, keys)
            }
        };
        for row in &table.rows {
            let filled = match &layout {
                Layout::Mapped(resolved) => fill::fill(resolved, row),
                Layout::Register(lang, keys) => register::fill(keys, *lang, &words.glossary, row),
            };
            let record = filled.and_then(|value| finish(value, (&schema, &words), &layout));
            plan.add(table, row.number, record, &options.out)?;
        }
    }
    let Plan { files: planned, skipped, .. } = plan;
    write::write_all(&planned)?;
    let written: Vec<PathBuf> = planned.into_iter().map(|(path, _)| path).collect();
    let lint = if written.is_empty() { None } else { Some(lint_written(&written, options)?) };
    Ok(Outcome { written, skipped, lint })
}

/// The records to write, the rows skipped, and the row each id came from.
#[derive(Default)]
struct Plan {
    files: Vec<(PathBuf, String)>,
    skipped: Vec<SkippedRow>,
    ids: HashMap<String, Text>,
}

impl Plan {
    /// Plan the record of row `number` of `table`, or list the row as skipped (also when its id
    /// is an earlier row's).
    fn add(
        &mut self,
        table: &read::Table,
        number: usize,
        record: std::result::Result<Record, Vec<Text>>,
        out: &std::path::Path,
    ) -> Result<()> {
        let record = record.and_then(|record| match self.ids.get(&record.id) {
            Some(first) => Err(vec![Text::new(
                format!("id {} is already that of {}", record.id, first.en),
                format!("id {} används redan av {}", record.id, first.sv),
            )]),
            None => Ok(record),
        });
        match record {
            Ok(record) => {
                self.files.push((out.join(write::file_name(&record.id)), write::text(&record)?));
                self.ids.insert(record.id, row_name(table, number));
            }
            Err(reasons) => self.skipped.push(SkippedRow { sheet: table.sheet.clone(), row: number, reasons }),
        }
        Ok(())
    }
}

/// A row as a user finds it: `row 5`, or `row 5 of sheet Nämnden` in a workbook.
fn row_name(table: &read::Table, number: usize) -> Text {
    match &table.sheet {
        Some(sheet) => Text::new(format!("row {number} of sheet {sheet}"), format!("rad {number} i bladet {sheet}")),
        None => Text::new(format!("row {number}"), format!("rad {number}")),
    }
}

fn unknown_layout(table: &read::Table) -> Error {
    let known = |h: &String| crate::document::register::COLUMNS.iter().any(|c| c.en == h || c.sv == h);
    let first = table.headings.iter().find(|h| !h.is_empty() && !known(h)).cloned().unwrap_or_default();
    let sheet = table.sheet.as_ref().map(|s| format!("sheet {s}: ")).unwrap_or_default();
    Error::usage(
        format!("{sheet}the headings are not those rpcheck register writes (\"{first}\" is not one of them)"),
        Some(
            "describe the sheet's columns in a mapping file and pass it with --mapping FILE (see the README, \"Import an existing register\")"
                .into(),
        ),
    )
}

/// The record a row's JSON makes: an id (from the name when the row has none), the format
/// version, then the record schema and the record type, every problem told by its field.
fn finish(
    mut value: Value,
    (schema, words): (&SchemaCheck, &crate::policy::Policy),
    layout: &Layout<'_>,
) -> std::result::Result<Record, Vec<Text>> {
    let Value::Object(fields) = &mut value else {
        return Err(vec![Text::new("the row makes no record", "raden blir ingen post")]);
    };
    if !fields.contains_key("id") {
        let from_name = fields.get("name").and_then(Value::as_str).map(write::id_from_name).filter(|id| !id.is_empty());
        let Some(id) = from_name else {
            return Err(vec![Text::new(
                "no id and no name to make one from",
                "inget id och inget namn att bilda ett av",
            )]);
        };
        fields.insert("id".into(), Value::String(id));
    }
    fields.insert("schema_version".into(), Value::from(1));
    let problems: Vec<Text> =
        schema.check(&value).into_iter().map(|issue| schema_problem(&issue, words, layout)).collect();
    if !problems.is_empty() {
        return Err(problems);
    }
    Record::deserialize(&value).map_err(|e| vec![Text::new(format!("not a record: {e}"), format!("ingen post: {e}"))])
}

/// A schema issue of a row's record, told by the column (or field) it comes from, with the
/// schema's help (the allowed values, a did-you-mean).
fn schema_problem(
    issue: &crate::schema_check::SchemaIssue,
    words: &crate::policy::Policy,
    layout: &Layout<'_>,
) -> Text {
    let field = field_of(&issue.pointer);
    let heading = match layout {
        Layout::Mapped(resolved) => resolved.heading_of(&field),
        Layout::Register(..) => None,
    };
    let place = |column: &str| match heading {
        Some(h) => format!("{column} \"{h}\" ({field})"),
        None => field.clone(),
    };
    let told = |place: String, message: &str, help: Option<&str>| match help {
        Some(help) => format!("{place}: {message}; {help}"),
        None => format!("{place}: {message}"),
    };
    let (en, sv) = (words.schema_issue(issue, Lang::En), words.schema_issue(issue, Lang::Sv));
    let help = |worded: &crate::policy::Worded| issue.help.map(|_| worded.help.clone());
    Text::new(
        told(place("column"), &en.message, help(&en).as_deref()),
        told(place("kolumnen"), &sv.message, help(&sv).as_deref()),
    )
}

/// A JSON pointer as a dotted field path, list positions left out (`/purposes/0/law` → `purposes.law`).
fn field_of(pointer: &str) -> String {
    crate::source::pointer_segments(pointer).filter(|s| s.parse::<usize>().is_err()).collect::<Vec<_>>().join(".")
}

fn lint_written(written: &[PathBuf], options: &ImportOptions) -> Result<RunReport> {
    crate::lint::run(&crate::lint::LintOptions {
        lang: options.lang,
        ..crate::lint::LintOptions::new(written.to_vec(), options.today)
    })
}

/// A cell as written before `rpcheck register` made it inert for spreadsheets (a leading
/// apostrophe before `=`, `+`, `-`, `@`, a tab or a carriage return).
pub fn uninert(text: &str) -> String {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_string(),
        _ => text.to_string(),
    }
}

/// A yes or no as registers write it: yes/no, ja/nej, true/false, x (ticked), 1/0.
pub fn truth(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "yes" | "ja" | "true" | "sant" | "x" | "1" => Some(true),
        "no" | "nej" | "false" | "falskt" | "0" => Some(false),
        _ => None,
    }
}
