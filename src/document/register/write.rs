//! The register written as CSV, JSON and xlsx (Markdown and HTML are templates). Cells that a
//! spreadsheet would take for a formula are made inert in CSV and xlsx alike.

use rust_xlsxwriter::{Format, FormatAlign, Workbook, XlsxError};

use super::Register;
use crate::error::{Error, Result};

/// A cell's lines as one text: lines apart, as a spreadsheet cell shows them.
fn joined(lines: &[String]) -> String {
    lines.join("\n")
}

/// A cell text no spreadsheet evaluates: one starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return gets a leading apostrophe (the OWASP CSV-injection defence).
pub fn inert(text: String) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text }
}

/// UTF-8 with a byte-order mark (so spreadsheet programs read it as UTF-8), RFC 4180 quoting,
/// one header row in the register's language, then one row per activity.
pub fn csv(register: &Register) -> Result<Vec<u8>> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(&mut out);
        let failed = |e: csv::Error| Error::usage(format!("cannot write CSV: {e}"), None);
        writer.write_record(register.columns.iter().map(|c| inert(c.heading.clone()))).map_err(failed)?;
        for row in register.controllers.iter().flat_map(|c| &c.rows) {
            writer.write_record(row.cells.iter().map(|cell| inert(joined(cell)))).map_err(failed)?;
        }
        writer.flush().map_err(|e| Error::usage(format!("cannot write CSV: {e}"), None))?;
    }
    Ok(out)
}

/// A JSON document: the columns, then each activity as an object of column key to lines.
pub fn json(register: &Register) -> Vec<u8> {
    let activities: Vec<serde_json::Value> = register
        .controllers
        .iter()
        .flat_map(|c| &c.rows)
        .map(|row| {
            let cells =
                register.columns.iter().zip(&row.cells).map(|(c, cell)| (c.key.to_string(), cell.clone().into()));
            serde_json::Value::Object(cells.collect())
        })
        .collect();
    let document = serde_json::json!({
        "version": 1,
        "lang": register.lang,
        "columns": register.columns,
        "activities": activities,
    });
    let mut text = serde_json::to_vec_pretty(&document).unwrap_or_default();
    text.push(b'\n');
    text
}

/// An xlsx workbook: one sheet per controller, the header row frozen and filtered, text
/// wrapped at the top of each cell, columns as wide as their text (within reason).
pub fn xlsx(register: &Register) -> Result<Vec<u8>> {
    workbook(register).map_err(|e| Error::usage(format!("cannot write xlsx: {e}"), None))
}

fn workbook(register: &Register) -> std::result::Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let header = Format::new().set_bold().set_text_wrap().set_align(FormatAlign::Top).set_background_color(0xDDEBF7);
    let body = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let mut names: Vec<String> = Vec::new();
    for part in &register.controllers {
        let sheet = book.add_worksheet();
        let name = sheet_name(&part.name, &names);
        sheet.set_name(name.as_str())?;
        names.push(name);
        let mut widths: Vec<usize> = register.columns.iter().map(|c| c.heading.chars().count().min(30)).collect();
        for (col, column) in (0u16..).zip(&register.columns) {
            sheet.write_string_with_format(0, col, inert(column.heading.clone()), &header)?;
        }
        for (row, cells) in (1u32..).zip(&part.rows) {
            for ((col, cell), width) in (0u16..).zip(&cells.cells).zip(widths.iter_mut()) {
                *width = (*width).max(cell.iter().map(|l| l.chars().count()).max().unwrap_or(0));
                sheet.write_string_with_format(row, col, fit(inert(joined(cell))), &body)?;
            }
        }
        for (col, width) in (0u16..).zip(&widths) {
            // Wide enough for most lines, narrow enough that long texts wrap instead.
            sheet.set_column_width(col, (*width).clamp(8, 60) as f64 + 2.0)?;
        }
        let last_col = u16::try_from(register.columns.len().saturating_sub(1)).unwrap_or(u16::MAX);
        let last_row = u32::try_from(part.rows.len()).unwrap_or(u32::MAX);
        sheet.set_freeze_panes(1, 0)?;
        sheet.autofilter(0, 0, last_row, last_col)?;
    }
    book.save_to_buffer()
}

/// Excel holds at most 32,767 characters in a cell; longer text is cut there, visibly.
fn fit(text: String) -> String {
    const MAX: usize = 32_767;
    if text.chars().count() <= MAX {
        return text;
    }
    let mut cut: String = text.chars().take(MAX - 1).collect();
    cut.push('…');
    cut
}

/// A sheet name Excel accepts: no `[]:*?/\`, not starting or ending with `'`, at most 31
/// characters, unique in the workbook.
fn sheet_name(controller: &str, taken: &[String]) -> String {
    let clean: String = controller.chars().map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c }).collect();
    let clean = clean.trim().trim_matches('\'').trim();
    let base: String = if clean.is_empty() { "Register".to_string() } else { clean.chars().take(31).collect() };
    let mut name = base.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
        let suffix = format!(" ({n})");
        name = base.chars().take(31 - suffix.len()).collect::<String>() + &suffix;
        n += 1;
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_made_inert() {
        for start in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert!(inert(start.to_string()).starts_with('\''), "{start:?}");
        }
        assert_eq!(inert("Bostadskön".to_string()), "Bostadskön");
    }

    #[test]
    fn overlong_cells_are_cut_to_what_excel_holds() {
        let cut = fit("x".repeat(40_000));
        assert_eq!(cut.chars().count(), 32_767);
        assert!(cut.ends_with('…'));
        assert_eq!(fit("short".to_string()), "short");
    }

    #[test]
    fn sheet_names_are_valid_and_unique() {
        assert_eq!(sheet_name("A/B: [x]", &[]), "A B   x");
        assert_eq!(sheet_name("", &[]), "Register");
        let long = "x".repeat(40);
        let first = sheet_name(&long, &[]);
        assert_eq!(first.chars().count(), 31);
        let second = sheet_name(&long, std::slice::from_ref(&first));
        assert!(second.ends_with(" (2)") && second.chars().count() == 31, "{second}");
    }
}
