//! Reading a spreadsheet register into a table of text cells: xlsx through calamine, CSV through
//! the csv crate. Whatever the file holds, the result is cells or a diagnostic, never a panic.

use std::path::Path;

use std::collections::BTreeMap;

use calamine::{DataRef, Reader, Xlsx};

use crate::error::{Error, Result};

/// Data rows read at most: a register has one row per processing activity, so more than this is
/// a wrong file (or a sheet filled to its last row), not a register.
pub const MAX_ROWS: usize = 10_000;

/// Columns read at most: a register has a few dozen; cells further right are ignored.
pub const MAX_COLUMNS: usize = 256;

/// Bytes read at most: far above any register, low enough that a zip bomb or a wrong file does
/// not take the machine's memory.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// One cell as the import sees it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// A value: text, or a number, date or truth value written as text.
    Text(String),
    /// A formula (its text, without `=`): not read, since the import takes only values.
    Formula(String),
    /// A cell that holds a spreadsheet error such as `#N/A`.
    Error(String),
}

impl Cell {
    /// Whether the cell is empty or only white space.
    pub fn is_blank(&self) -> bool {
        matches!(self, Cell::Text(t) if t.trim().is_empty())
    }
}

/// A data row with its number as the spreadsheet shows it (1-based, headings included).
#[derive(Debug, Clone)]
pub struct SheetRow {
    /// The row number a user finds it under.
    pub number: usize,
    /// The cells, one per heading (missing cells are blank).
    pub cells: Vec<Cell>,
}

/// A sheet: its headings and its non-empty data rows.
#[derive(Debug, Clone)]
pub struct Table {
    /// The xlsx sheet's name (`None` for CSV).
    pub sheet: Option<String>,
    /// The headings, trimmed.
    pub headings: Vec<String>,
    /// The rows below the headings that hold anything.
    pub rows: Vec<SheetRow>,
}

/// Which sheets of a workbook to read.
#[derive(Debug, Clone, Copy)]
pub enum Sheets<'a> {
    /// The one named.
    Named(&'a str),
    /// The first.
    First,
    /// Every sheet that holds anything (`rpcheck register` writes one per controller).
    All,
}

/// Read `path` as xlsx or CSV (by its extension); `heading_row` is the 1-based row of the
/// headings. One table per sheet read (CSV: one).
pub fn read(path: &Path, sheets: Sheets<'_>, heading_row: usize) -> Result<Vec<Table>> {
    let size = std::fs::metadata(path).map_err(|e| Error::io(path, e))?.len();
    if size > MAX_FILE_BYTES {
        return Err(Error::usage(
            format!("{} is {size} bytes: import reads at most {MAX_FILE_BYTES}", path.display()),
            Some("a register this large is likely the wrong file; split it".into()),
        ));
    }
    let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    let grids = match extension.as_deref() {
        Some("xlsx") => xlsx(path, sheets)?,
        Some("csv") => vec![(None, csv(path)?)],
        _ => {
            return Err(Error::usage(
                format!("{}: import reads .xlsx and .csv files", path.display()),
                Some("save the register as an Excel workbook (.xlsx) or as CSV UTF-8".into()),
            ));
        }
    };
    grids.into_iter().map(|(sheet, grid)| table(path, sheet, grid, heading_row)).collect()
}

/// Rows of cells, with each row's 1-based number.
type Grid = Vec<(usize, Vec<Cell>)>;

fn table(path: &Path, sheet: Option<String>, grid: Grid, heading_row: usize) -> Result<Table> {
    let mut rows = grid.into_iter().skip_while(|(number, _)| *number < heading_row);
    let headings: Vec<String> = match rows.next() {
        Some((number, cells)) if number == heading_row => cells.iter().map(heading).collect(),
        _ => {
            return Err(Error::usage(
                format!("{}: row {heading_row} holds no headings", path.display()),
                Some("name the row of the headings with `heading_row` in the mapping file".into()),
            ));
        }
    };
    let mut data = Vec::new();
    for (number, mut cells) in rows.filter(|(_, cells)| !cells.iter().all(Cell::is_blank)) {
        if data.len() == MAX_ROWS {
            return Err(Error::usage(
                format!("{}: more than {MAX_ROWS} rows below the headings", path.display()),
                Some("import reads one row per processing activity; split the register".into()),
            ));
        }
        cells.resize(headings.len().max(cells.len()), Cell::Text(String::new()));
        data.push(SheetRow { number, cells });
    }
    Ok(Table { sheet, headings, rows: data })
}

fn heading(cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => text.trim().to_string(),
        Cell::Formula(_) | Cell::Error(_) => String::new(),
    }
}

fn xlsx(path: &Path, sheets: Sheets<'_>) -> Result<Vec<(Option<String>, Grid)>> {
    let unreadable =
        |e: calamine::XlsxError| Error::usage(format!("cannot read {} as an xlsx workbook: {e}", path.display()), None);
    let mut book: Xlsx<_> = calamine::open_workbook(path).map_err(unreadable)?;
    let names = book.sheet_names();
    let chosen: Vec<String> = match sheets {
        Sheets::Named(wanted) => vec![names.iter().find(|n| n.as_str() == wanted).cloned().ok_or_else(|| {
            Error::usage(
                format!("{} has no sheet named {wanted:?}", path.display()),
                Some(format!("its sheets: {}", names.join(", "))),
            )
        })?],
        Sheets::First => names.first().cloned().into_iter().collect(),
        Sheets::All => names.clone(),
    };
    if chosen.is_empty() {
        return Err(Error::usage(format!("{} has no sheet", path.display()), None));
    }
    let mut grids = Vec::new();
    for name in chosen {
        let grid = sheet(&mut book, &name).map_err(unreadable)?;
        if !grid.is_empty() || !matches!(sheets, Sheets::All) {
            grids.push((Some(name), grid));
        }
    }
    Ok(grids)
}

/// Read one sheet cell by cell (calamine's dense `Range` would allocate every cell between the
/// first and the last, which a hostile sheet puts a million rows apart), keeping the first
/// [`MAX_COLUMNS`] columns and stopping past the row cap.
fn sheet(
    book: &mut Xlsx<std::io::BufReader<std::fs::File>>,
    name: &str,
) -> std::result::Result<Grid, calamine::XlsxError> {
    let merged = book.merge_cells_by_sheet_name(name)?;
    let mut rows: BTreeMap<u32, Vec<Cell>> = BTreeMap::new();
    let mut reader = book.worksheet_cells_reader(name)?;
    while let Some(record) = reader.next_cell_with_formula()? {
        let (row, col) = record.pos;
        let Ok(col) = usize::try_from(col) else { continue };
        if col >= MAX_COLUMNS {
            continue;
        }
        let cell = match record.formula.filter(|f| !f.is_empty()) {
            Some(formula) => Cell::Formula(formula),
            None => cell(&record.value),
        };
        if cell.is_blank() {
            continue;
        }
        if rows.len() > MAX_ROWS + 1_000 && !rows.contains_key(&row) {
            // Far past any heading row and the row cap: `table` refuses the sheet; stop reading.
            break;
        }
        let cells = rows.entry(row).or_default();
        if cells.len() <= col {
            cells.resize(col + 1, Cell::Text(String::new()));
        }
        cells[col] = cell;
    }
    fill_merged(&mut rows, &merged);
    Ok(rows.into_iter().map(|(row, cells)| (row as usize + 1, cells)).collect())
}

/// A merged area shows its top-left value across all its cells; the import reads it so too.
fn fill_merged(rows: &mut BTreeMap<u32, Vec<Cell>>, merged: &[calamine::Dimensions]) {
    // A register merges a few cells; a sheet that merges millions is hostile, and filling them
    // all would hang the import. Past this many cells the rest stay as calamine read them.
    let mut budget: usize = 2_000_000;
    for area in merged {
        let (top, left) = area.start;
        let Some(value) = rows.get(&top).and_then(|cells| cells.get(left as usize)).cloned() else { continue };
        let right = (area.end.1 as usize).min(MAX_COLUMNS - 1);
        if right < left as usize {
            // An area written right to left, or beyond the columns read: nothing to fill.
            continue;
        }
        // Rows of the area that hold nothing else are not in `rows` yet: a merged cell down
        // several rows gives each of them its value.
        for row in top..=area.end.0.min(top.saturating_add(MAX_ROWS as u32)) {
            let cells = rows.entry(row).or_default();
            if cells.len() <= right {
                cells.resize(right + 1, Cell::Text(String::new()));
            }
            for cell in &mut cells[left as usize..=right] {
                *cell = value.clone();
            }
            budget = budget.saturating_sub(right + 1 - left as usize);
            if budget == 0 {
                return;
            }
        }
    }
}

fn cell(data: &DataRef<'_>) -> Cell {
    match data {
        DataRef::Empty => Cell::Text(String::new()),
        DataRef::SharedString(s) => Cell::Text((*s).to_string()),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::Text(s.clone()),
        DataRef::Int(i) => Cell::Text(i.to_string()),
        DataRef::Float(f) => Cell::Text(f.to_string()),
        DataRef::Bool(b) => Cell::Text(b.to_string()),
        DataRef::DateTime(d) => Cell::Text(excel_date(d.as_f64()).unwrap_or_else(|| d.as_f64().to_string())),
        DataRef::Error(e) => Cell::Error(e.to_string()),
    }
}

/// An Excel date serial (days since 1899-12-30, as the 1900 date system counts them) as an ISO
/// date; the time of day, if any, is dropped, as records hold days.
fn excel_date(serial: f64) -> Option<String> {
    if !serial.is_finite() || !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    let epoch = jiff::civil::date(1899, 12, 30);
    let day = epoch.checked_add(jiff::Span::new().days(serial.floor() as i64)).ok()?;
    Some(day.to_string())
}

fn csv(path: &Path) -> Result<Grid> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        return Err(Error::usage(
            format!("{} is not UTF-8 text (byte {} is not)", path.display(), e.valid_up_to()),
            Some("save it as \"CSV UTF-8\" (Excel) or re-encode it as UTF-8".into()),
        ));
    }
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter(bytes)).from_reader(bytes);
    let mut grid = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| Error::usage(format!("cannot read {} as CSV: {e}", path.display()), None))?;
        let number = record.position().map_or(grid.len() + 1, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
        if grid.len() > MAX_ROWS + 1_000 {
            grid.push((number, vec![Cell::Text("…".into())]));
            break;
        }
        grid.push((number, record.iter().map(|field| Cell::Text(field.to_string())).collect()));
    }
    Ok(grid)
}

/// The separator of the first line: a comma, or the semicolon that Excel writes where the
/// decimal separator is a comma (as in Swedish), or a tab.
fn delimiter(bytes: &[u8]) -> u8 {
    let first_line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let count = |d: u8| first_line.iter().filter(|b| **b == d).count();
    [b';', b'\t'].into_iter().fold(b',', |best, d| if count(d) > count(best) { d } else { best })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_serials_are_days() {
        assert_eq!(excel_date(45_000.0).as_deref(), Some("2023-03-15"));
        assert_eq!(excel_date(f64::NAN), None);
        assert_eq!(excel_date(-3.0), None);
    }

    #[test]
    fn the_separator_is_the_first_line_s_most_common() {
        assert_eq!(delimiter("Behandling;Ändamål;Grund, kort\nx;y".as_bytes()), b';');
        assert_eq!(delimiter(b"Id,Name\n"), b',');
        assert_eq!(delimiter(b""), b',');
    }

    #[test]
    fn merged_areas_fill_their_cells_within_bounds() {
        let area = |start, end| calamine::Dimensions { start, end };
        let mut rows = BTreeMap::from([(0, vec![Cell::Text("x".into())])]);
        // A whole sheet merged, and an area written right to left: bounded, no panic.
        fill_merged(&mut rows, &[area((0, 0), (1_048_575, 16_383)), area((0, 5), (0, 0))]);
        assert!(rows.len() <= MAX_ROWS + 1);
        assert!(rows.values().all(|cells| cells.len() <= MAX_COLUMNS));
        let mut rows = BTreeMap::from([(2, vec![Cell::Text("a".into()), Cell::Text("b".into())])]);
        fill_merged(&mut rows, &[area((2, 1), (3, 2))]);
        let b = Cell::Text("b".into());
        assert_eq!(rows[&2][1..], [b.clone(), b.clone()]);
        assert_eq!(rows[&3], [Cell::Text(String::new()), b.clone(), b]);
    }

    #[test]
    fn headings_row_and_blank_rows() {
        let grid: Grid = vec![
            (1, vec![Cell::Text("Title".into())]),
            (2, vec![Cell::Text(" A ".into()), Cell::Text("B".into())]),
            (3, vec![Cell::Text(String::new())]),
            (4, vec![Cell::Text("x".into())]),
        ];
        let table = table(Path::new("t.csv"), None, grid, 2).expect("a table");
        assert_eq!(table.headings, ["A", "B"]);
        assert_eq!(table.rows.len(), 1);
        assert_eq!(table.rows[0].number, 4);
        assert_eq!(table.rows[0].cells.len(), 2);
    }
}
