//! `rpcheck register`: every format on examples/, the CSV read back, record text as hostile
//! input (HTML escaping, the spreadsheet-formula defence). xlsx and dpv are also read back by
//! openpyxl and rdflib in scripts/test-documents.sh.

mod common;

use std::path::{Path, PathBuf};

use common::root;

struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

fn rpcheck(args: &[&str], cwd: &Path) -> Run {
    let out = common::rpcheck(args, cwd);
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn scratch(name: &str) -> PathBuf {
    common::scratch("register", name)
}

fn register(format: &str, lang: &str) -> Run {
    let run = rpcheck(&["register", "examples/", "--format", format, "--lang", lang], root());
    assert_eq!(run.code, 0, "{format} {lang}: {}", run.stderr);
    run
}

#[test]
fn text_formats_of_the_examples() {
    for format in ["md", "html", "json", "csv"] {
        for lang in ["sv", "en"] {
            let run = register(format, lang);
            let text = String::from_utf8(run.stdout).expect("UTF-8");
            insta::assert_snapshot!(format!("register-examples-{lang}-{format}"), text);
        }
    }
}

#[test]
fn dpv_of_the_examples() {
    let run = register("dpv", "en");
    let text = String::from_utf8(run.stdout).expect("UTF-8");
    let document: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(document["@context"]["dpv"], "https://w3id.org/dpv#", "the context is inline");
    insta::assert_snapshot!("register-examples-dpv", text);
}

#[test]
fn csv_has_a_bom_a_header_and_a_row_per_activity_with_the_error_count() {
    let run = register("csv", "sv");
    let bytes = run.stdout.strip_prefix(b"\xEF\xBB\xBF").expect("a UTF-8 byte-order mark");
    let mut reader = csv::Reader::from_reader(bytes);
    let headers = reader.headers().expect("a header row").clone();
    assert_eq!(&headers[0], "Fil");
    assert_eq!(headers.iter().next_back(), Some("Fel (rpcheck lint)"));
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("RFC 4180 rows");
    let ids: Vec<&str> = rows.iter().map(|r| &r[1]).collect();
    assert_eq!(ids, ["bygglov", "bostadskon", "nyhetsbrev", "sociala-medier"]);
    let errors: Vec<&str> = rows.iter().map(|r| &r[headers.len() - 1]).collect();
    assert_eq!(errors, ["1", "0", "0", "6"]);
    // A cell with several lines keeps them, quoted.
    assert!(rows[1][6].contains("förmedla lediga bostäder\nBevara allmänna handlingar"), "{:?}", &rows[1][6]);
}

#[test]
fn xlsx_is_a_workbook_with_a_sheet_per_controller() {
    let dir = scratch("xlsx");
    let file = dir.join("register.xlsx");
    let run = rpcheck(&["register", "examples/", "--format", "xlsx", "-o", file.to_str().expect("UTF-8 path")], root());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let workbook = calamine::open_workbook_auto(&file).expect("the workbook opens");
    let mut sheets = calamine::Reader::sheet_names(&workbook);
    sheets.sort();
    // Each project's controller (rpcheck.toml's [controller]) gets its own sheet.
    assert_eq!(sheets, ["AB Stockholms Bostadsförmedling", "Exempelstadens kommunstyrelse"]);
}

const HOSTILE: &[&str] = &[
    "=HYPERLINK(\"http://x.invalid\",\"y\")",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1,1)",
    "<script>alert(1)</script>\"><img src=x onerror=alert(2)>",
];

#[test]
fn record_text_is_inert_in_csv_and_never_live_in_html() {
    let dir = scratch("hostile");
    let quoted: Vec<String> =
        HOSTILE.iter().map(|h| format!("\"{}\"", h.replace('\\', "\\\\").replace('"', "\\\""))).collect();
    let record = format!(
        "schema_version = 1\nid = \"hostile\"\nname = {n}\nsecurity_measures = {s}\ndpia = {d}\n\n[controller]\nname = {c}\n\n[personal_data]\nsubjects = [{all}]\ncategories = [{all}]\n\n[[recipients]]\nname = {h}\n",
        n = quoted[0],
        s = quoted[1],
        d = quoted[2],
        c = quoted[3],
        h = quoted[4],
        all = quoted.join(", "),
    );
    std::fs::write(dir.join("hostile.toml"), record).expect("write the record");

    let run = rpcheck(&["register", "hostile.toml", "--format", "csv"], &dir);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let bytes = run.stdout.strip_prefix(b"\xEF\xBB\xBF").expect("a BOM");
    let mut reader = csv::Reader::from_reader(bytes);
    let row = reader.records().next().expect("one row").expect("a valid row");
    for cell in row.iter() {
        assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "a formula start in {cell:?}");
    }
    assert!(row.iter().any(|c| c == "'=HYPERLINK(\"http://x.invalid\",\"y\")"), "{row:?}");

    // A `|` in record text must not split a Markdown table cell.
    let run = rpcheck(&["register", "hostile.toml", "--format", "md"], &dir);
    let md = String::from_utf8(run.stdout).expect("UTF-8");
    let rows: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(rows.len(), 3, "header, rule, one row: {md}");
    let cells = |line: &str| line.replace("\\|", "").matches('|').count();
    assert!(rows.iter().all(|r| cells(r) == cells(rows[0])), "{md}");

    let run = rpcheck(&["register", "hostile.toml", "--format", "html"], &dir);
    let html = String::from_utf8(run.stdout).expect("UTF-8");
    assert!(html.contains("&lt;script&gt;"), "{html}");
    assert!(!html.contains("<script") && !html.contains("<img"), "{html}");
}
