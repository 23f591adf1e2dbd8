//! `rpcheck import`: the register round trip, a municipal register through a mapping file,
//! never overwriting, mapping errors at their place, rows that cannot be mapped, hostile input.

mod common;

use std::path::{Path, PathBuf};

use common::{root, rpcheck, scratch};
use rpcheck::import::read::{self, Cell, Sheets};
use rpcheck::model::Record;
use serde::Deserialize;
use serde_json::Value;

const MUNICIPAL: &str = "tests/data/import/kommun.xlsx";
const MUNICIPAL_MAPPING: &str = "tests/data/import/kommun.mapping.toml";

fn run_ok(args: &[&str], cwd: &Path) -> std::process::Output {
    let out = rpcheck(args, cwd);
    assert!(out.status.code().is_some(), "rpcheck ended by a signal: {args:?}");
    out
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Diagnostics as one line: miette wraps long messages and draws a bar at their left.
fn flat(bytes: &[u8]) -> String {
    text(bytes).replace('│', " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The records written into `dir`, by id; each must parse as a record and pass the schema.
fn written(dir: &Path) -> Vec<(String, Record, String)> {
    let schema = rpcheck::schema_check::SchemaCheck::record();
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("the out folder") {
        let path = entry.expect("entry").path();
        let source = std::fs::read_to_string(&path).expect("a written record");
        assert!(source.starts_with("#:schema ../schema/record.schema.json\nschema_version = 1\n"), "{source}");
        let doc = rpcheck::source::parse(&source).expect("written TOML parses");
        assert_eq!(schema.check(&doc.value).len(), 0, "{}: {source}", path.display());
        let record = Record::deserialize(&doc.value).expect("a record");
        assert_eq!(path.file_name().and_then(|n| n.to_str()), Some(format!("{}.toml", record.id).as_str()));
        out.push((record.id.clone(), record, source));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

// --- the register round trip ---------------------------------------------------------------

/// Fields the register's columns do not show (or show so that they cannot be told apart), each
/// a JSON pointer into the record (`*`: every entry of a list). The round trip compares all else.
const NOT_IN_REGISTER: &[&str] = &[
    "/language",
    "/review_interval_months",
    "/controller/kind",
    "/controller/country",
    "/personal_data/source",
    "/personal_data/identity_number_reason",
    "/purposes/*/balancing_test",
    "/recipients/*/agreement",
    "/transfers/*/transfer_impact_assessment",
    "/rights",
    "/automated_decisions",
    "/waivers",
];

fn remove(value: &mut Value, segments: &[&str]) {
    let [first, rest @ ..] = segments else { return };
    match (value, *first) {
        (Value::Array(items), "*") => items.iter_mut().for_each(|item| remove(item, rest)),
        (Value::Object(map), key) if rest.is_empty() => {
            map.remove(key);
        }
        (Value::Object(map), key) => {
            if let Some(child) = map.get_mut(key) {
                remove(child, rest);
            }
        }
        _ => {}
    }
}

/// What of a record the register holds: all but [`NOT_IN_REGISTER`], and a `criminal_offences`
/// of false, which the register shows as nothing.
fn register_view(record: &Record) -> Value {
    let mut value = serde_json::to_value(record).expect("a record as JSON");
    for pointer in NOT_IN_REGISTER {
        let segments: Vec<&str> = pointer.trim_start_matches('/').split('/').collect();
        remove(&mut value, &segments);
    }
    if value.pointer("/personal_data/criminal_offences") == Some(&Value::Bool(false)) {
        remove(&mut value, &["personal_data", "criminal_offences"]);
    }
    value
}

/// A project's records as the register sees them: with the project's controller inherited.
fn project_records(project: &str) -> Vec<(String, Record)> {
    let options = rpcheck::LintOptions::new(vec![root().join(project)], jiff::civil::date(2026, 11, 24));
    let sources = rpcheck::document::records::Sources::load(&options).expect("the examples load");
    let mut records: Vec<(String, Record)> =
        sources.records.into_iter().filter_map(|s| s.record).map(|r| (r.id.clone(), r)).collect();
    records.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(!records.is_empty(), "expected records in {project}");
    records
}

fn round_trip(project: &str, format: &str, lang: &str) {
    let dir = scratch("import", &format!("round-trip-{}-{format}-{lang}", project.replace('/', "-")));
    let register = dir.join(format!("register.{format}"));
    let register_arg = register.to_str().expect("a UTF-8 path");
    let out = run_ok(&["register", "--format", format, "--lang", lang, "-o", register_arg, project], root());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let records = dir.join("records");
    let out = run_ok(&["import", register_arg, "--out", records.to_str().expect("UTF-8")], root());
    assert_eq!(out.status.code(), Some(0), "{}{}", text(&out.stdout), text(&out.stderr));
    let imported = written(&records);
    let originals = project_records(project);
    assert_eq!(imported.iter().map(|i| &i.0).collect::<Vec<_>>(), originals.iter().map(|o| &o.0).collect::<Vec<_>>());
    for ((id, back, _), (_, original)) in imported.iter().zip(&originals) {
        assert_eq!(register_view(back), register_view(original), "{id} ({format}, {lang})");
    }
}

/// A record that fills every field the register shows, each in the form the register's reader
/// must tell apart (extras after a legal basis or a transfer mechanism, a law with "; " in it,
/// an organisation as destination, a cell made inert against formulas, text over two lines).
const EVERY_COLUMN: &str = "tests/data/import/round-trip";

#[test]
fn register_xlsx_imports_back_to_the_same_records() {
    round_trip("examples", "xlsx", "en");
    round_trip(EVERY_COLUMN, "xlsx", "en");
}

#[test]
fn register_csv_with_swedish_headings_imports_back_to_the_same_records() {
    round_trip("examples", "csv", "sv");
    round_trip(EVERY_COLUMN, "csv", "sv");
}

#[test]
fn register_xlsx_with_swedish_headings_imports_back_to_the_same_records() {
    round_trip("examples", "xlsx", "sv");
    round_trip(EVERY_COLUMN, "xlsx", "sv");
}

#[test]
fn register_csv_with_english_headings_imports_back_to_the_same_records() {
    round_trip(EVERY_COLUMN, "csv", "en");
}

// --- a municipal register through a mapping file -----------------------------------------

/// The municipal register's sheet: a title, a blank row, the headings, one row per processing.
/// "Mottagare" of rows 5 and 6 is one merged cell; row 8 is empty.
const HEADINGS: &[&str] = &[
    "Behandling",
    "Ändamål",
    "Rättslig grund",
    "Lagstöd",
    "Kategorier av registrerade",
    "Personuppgifter",
    "Känsliga personuppgifter",
    "Mottagare",
    "Överföring till tredje land",
    "Lagringstid",
    "Allmän handling",
    "Gallringsbeslut",
    "Säkerhetsåtgärder",
    "Senast uppdaterad",
    "Kontaktperson",
];

const ROWS: &[[&str; 15]] = &[
    [
        "Ekonomiskt bistånd",
        "Utreda och besluta om ekonomiskt bistånd\nFölja upp beviljat bistånd",
        "Myndighetsutövning",
        "Socialtjänstlagen (2001:453) 4 kap. 1 §",
        "Sökande, medsökande, barn i hushållet",
        "Namn, personnummer, adress, inkomster, hälsouppgifter",
        "Hälsa",
        "Försäkringskassan\nSkatteverket",
        "Nej",
        "Gallras efter fem år enligt dokumenthanteringsplanen",
        "Ja",
        "Socialnämndens dokumenthanteringsplan 2022",
        "Behörighetsstyrning, loggning och logguppföljning i verksamhetssystemet",
        "2025-05-12",
        "Enhetschef ekonomiskt bistånd",
    ],
    [
        "Bostadsanpassningsbidrag",
        "Handlägga ansökningar om bostadsanpassningsbidrag",
        "Allmänt intresse",
        "Lagen (2018:222) om bostadsanpassningsbidrag",
        "Sökande",
        "Namn, personnummer, adress, intyg om funktionsnedsättning",
        "Hälsa",
        "",
        "Nej",
        "Bevaras",
        "Ja",
        "",
        "Behörighetsstyrning i ärendesystemet",
        "2024-11-02",
        "Handläggare bostadsanpassning",
    ],
    [
        "Nyhetsbrev om kultur",
        "Skicka nyhetsbrev om kulturevenemang",
        "Samtycke",
        "",
        "Prenumeranter",
        "E-postadress",
        "Inga",
        "Utskickstjänst AB",
        "USA",
        "Tills prenumerationen avslutas",
        "Nej",
        "",
        "Tvåfaktorsinloggning i utskickstjänsten",
        "2025-09-01",
        "Kommunikatör",
    ],
    [
        "Kameraövervakning i simhallen",
        "Förebygga brott och olyckor i simhallen",
        "Berättigat intresse",
        "",
        "Besökare, personal",
        "Bild, film",
        "",
        "Polismyndigheten",
        "Nej",
        "Raderas efter 72 timmar",
        "Ja",
        "Gallringsbeslut Kultur- och fritidsnämnden 2023:4",
        "Inspelningar krypterade, åtkomst för två namngivna personer",
        "2026-02-20",
        "Säkerhetssamordnare",
    ],
];

/// The workbook `tests/data/import/kommun.xlsx` holds, written with rust_xlsxwriter.
fn municipal_workbook(path: &Path) {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    // A fixed creation time, so the committed workbook changes only when its content does.
    let created = ExcelDateTime::from_ymd(2026, 1, 1).expect("a date");
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let bold = Format::new().set_bold().set_text_wrap();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let sheet = book.add_worksheet();
    sheet.set_name("Registerförteckning").expect("a sheet name");
    sheet
        .write_string_with_format(
            0,
            0,
            "Registerförteckning – Exempelstads socialnämnd och kultur- och fritidsnämnd",
            &bold,
        )
        .expect("title");
    for (col, heading) in (0u16..).zip(HEADINGS) {
        sheet.write_string_with_format(2, col, *heading, &bold).expect("heading");
    }
    for (row, cells) in (3u32..).zip(ROWS) {
        for (col, value) in (0u16..).zip(cells) {
            if HEADINGS[col as usize] == "Senast uppdaterad" {
                let day = ExcelDateTime::parse_from_str(value).expect("a date");
                sheet.write_datetime_with_format(row, col, &day, &date).expect("date cell");
            } else if !value.is_empty() {
                sheet.write_string(row, col, *value).expect("cell");
            }
        }
    }
    // Rows 4 and 5 (0-based 3 and 4) share their recipients in one merged cell.
    sheet.merge_range(3, 7, 4, 7, ROWS[0][7], &Format::new().set_text_wrap()).expect("merged cell");
    // An empty row after the last processing, as registers often have.
    sheet.write_string(ROWS.len() as u32 + 4, 0, "").expect("an empty row");
    book.save(path).expect("save the workbook");
}

/// The committed fixture holds what [`municipal_workbook`] writes (compared cell by cell, as the
/// import reads them). `RPCHECK_BLESS=1 cargo test --test import` rewrites it.
#[test]
fn municipal_fixture_is_fresh() {
    let fresh = scratch("import", "municipal-fixture").join("kommun.xlsx");
    municipal_workbook(&fresh);
    if std::env::var_os("RPCHECK_BLESS").is_some() {
        std::fs::copy(&fresh, root().join(MUNICIPAL)).expect("write the fixture");
    }
    let read = |path: &Path| {
        let tables = read::read(path, Sheets::First, 3).expect("the fixture reads");
        tables
            .into_iter()
            .map(|t| (t.headings, t.rows.into_iter().map(|r| (r.number, r.cells)).collect::<Vec<_>>()))
            .collect::<Vec<_>>()
    };
    let committed = read(&root().join(MUNICIPAL));
    assert!(committed == read(&fresh), "{MUNICIPAL} is stale: run `RPCHECK_BLESS=1 cargo test --test import`");
    let (headings, rows) = &committed[0];
    assert_eq!(headings, HEADINGS);
    assert_eq!(rows.len(), ROWS.len(), "the empty row is not a row");
    // The merged cell reads as its value in both rows; the date cell as an ISO date.
    assert_eq!(rows[1].1[7], Cell::Text(ROWS[0][7].to_string()));
    assert_eq!(rows[0].1[13], Cell::Text("2025-05-12".to_string()));
}

#[test]
fn municipal_register_imports_with_its_mapping() {
    let dir = scratch("import", "municipal");
    let out_dir = dir.join("records");
    let out = run_ok(
        &["import", MUNICIPAL, "--mapping", MUNICIPAL_MAPPING, "--out", out_dir.to_str().expect("UTF-8")],
        root(),
    );
    assert_eq!(out.status.code(), Some(0), "{}{}", text(&out.stdout), text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("Wrote 4 records to "), "{stdout}");
    let records = written(&out_dir);
    let ids: Vec<&str> = records.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(
        ids,
        ["bostadsanpassningsbidrag", "ekonomiskt-bistand", "kameraovervakning-i-simhallen", "nyhetsbrev-om-kultur"]
    );
    let json = |id: &str| serde_json::to_value(&records.iter().find(|r| r.0 == id).expect(id).1).expect("json");
    let bistand = json("ekonomiskt-bistand");
    assert_eq!(bistand["language"], "sv");
    assert_eq!(bistand["updated"], "2025-05-12");
    // One purpose per line of "Ändamål"; the one legal basis and law apply to both.
    assert_eq!(bistand["purposes"].as_array().map(Vec::len), Some(2));
    for purpose in bistand["purposes"].as_array().into_iter().flatten() {
        assert_eq!(purpose["legal_basis"], "public_task");
        assert_eq!(purpose["law"], "Socialtjänstlagen (2001:453) 4 kap. 1 §");
    }
    assert_eq!(bistand["personal_data"]["subjects"], serde_json::json!(["Sökande", "medsökande", "barn i hushållet"]));
    assert_eq!(bistand["personal_data"]["special_categories"], serde_json::json!(["health"]));
    assert_eq!(bistand["personal_data"]["source"], "data_subject");
    assert_eq!(bistand["retention"]["public_records"], true);
    assert!(bistand.get("transfers").is_none(), "\"Nej\" maps to no transfer");
    // The merged "Mottagare" cell gives the second row the same recipients.
    let recipients =
        |v: &Value| v["recipients"].as_array().map(|r| r.iter().map(|x| x["name"].clone()).collect::<Vec<_>>());
    assert_eq!(recipients(&json("bostadsanpassningsbidrag")), recipients(&bistand));
    let nyhetsbrev = json("nyhetsbrev-om-kultur");
    assert_eq!(nyhetsbrev["purposes"][0]["legal_basis"], "consent");
    assert_eq!(nyhetsbrev["transfers"][0]["country"], "US");
    assert_eq!(nyhetsbrev["personal_data"]["special_categories"], serde_json::json!([]));
    assert_eq!(nyhetsbrev["retention"]["public_records"], false);
    assert_eq!(json("kameraovervakning-i-simhallen")["purposes"][0]["legal_basis"], "legitimate_interest");
}

// --- never overwrite ------------------------------------------------------------------------

#[test]
fn an_existing_record_file_stops_the_import_before_anything_is_written() {
    let dir = scratch("import", "never-overwrite");
    let out_dir = dir.join("records");
    let out_arg = out_dir.to_str().expect("UTF-8");
    let args = ["import", MUNICIPAL, "--mapping", MUNICIPAL_MAPPING, "--out", out_arg];
    assert_eq!(run_ok(&args, root()).status.code(), Some(0));
    let kept = out_dir.join("ekonomiskt-bistand.toml");
    std::fs::write(&kept, "# edited by hand\n").expect("edit one record");
    let removed = out_dir.join("nyhetsbrev-om-kultur.toml");
    std::fs::remove_file(&removed).expect("remove another");
    let out = run_ok(&args, root());
    assert_eq!(out.status.code(), Some(2));
    let stderr = flat(&out.stderr);
    assert!(stderr.contains("exists: rpcheck import never overwrites a file, and wrote none"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&kept).expect("still there"), "# edited by hand\n");
    assert!(!removed.exists(), "nothing is written when any target exists");
}

// --- a wrong mapping, rows that cannot be mapped ------------------------------------------

#[test]
fn a_wrong_mapping_is_told_at_each_mistake_s_place() {
    let dir = scratch("import", "bad-mapping");
    let out_dir = dir.join("records");
    let out = run_ok(
        &[
            "import",
            MUNICIPAL,
            "--mapping",
            "tests/data/import/bad.mapping.toml",
            "--out",
            out_dir.to_str().expect("UTF-8"),
        ],
        root(),
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = flat(&out.stderr);
    for expected in [
        "[tests/data/import/bad.mapping.toml:4:1]",
        "unknown key `heading_rows`",
        "did you mean `heading_row`?",
        "[tests/data/import/bad.mapping.toml:8:9]",
        "the record has no field `namn`",
        "[tests/data/import/bad.mapping.toml:12:9]",
        "`purposes` is a",
    ] {
        assert!(stderr.contains(expected), "{expected:?} not in:\n{stderr}");
    }
    assert!(!out_dir.exists(), "nothing is written");
}

#[test]
fn a_heading_the_sheet_lacks_is_an_error_in_the_mapping() {
    let dir = scratch("import", "missing-heading");
    let mapping = dir.join("map.toml");
    std::fs::write(&mapping, "heading_row = 3\n\n[[columns]]\nheading = \"Behandlingar\"\nfield = \"name\"\n")
        .expect("mapping");
    let out = run_ok(
        &[
            "import",
            MUNICIPAL,
            "--mapping",
            mapping.to_str().expect("UTF-8"),
            "--out",
            dir.join("r").to_str().expect("UTF-8"),
        ],
        root(),
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = flat(&out.stderr);
    assert!(stderr.contains("the sheet has no column \"Behandlingar\""), "{stderr}");
    assert!(stderr.contains("did you mean \"Behandling\"?"), "{stderr}");
}

fn csv_import(name: &str, csv: &[u8], mapping: &str) -> (std::process::Output, PathBuf) {
    let dir = scratch("import", name);
    let file = dir.join("register.csv");
    std::fs::write(&file, csv).expect("csv");
    let map = dir.join("map.toml");
    std::fs::write(&map, mapping).expect("mapping");
    let out_dir = dir.join("records");
    let args = [
        "import",
        file.to_str().expect("UTF-8"),
        "--mapping",
        map.to_str().expect("UTF-8"),
        "--out",
        out_dir.to_str().expect("UTF-8"),
    ];
    (run_ok(&args, &dir), out_dir)
}

const SIMPLE_MAPPING: &str = r#"
[[columns]]
heading = "Behandling"
field = "name"

[[columns]]
heading = "Rättslig grund"
field = "purposes.legal_basis"
values = { "Samtycke" = "consent" }

[[columns]]
heading = "Allmän handling"
field = "retention.public_records"
"#;

#[test]
fn rows_that_cannot_be_mapped_are_listed_with_number_and_reason() {
    let csv = "Behandling;Rättslig grund;Allmän handling\n\
               Nyhetsbrev;Samtycke;Nej\n\
               Oklar behandling;Oklart;Ja\n\
               ;Samtycke;Ja\n\
               ;;\n\
               Nyhetsbrev;Samtycke;kanske\n\
               \"Kö; väntelista\";Samtycke;Ja\n";
    let (out, out_dir) = csv_import("unmappable", csv.as_bytes(), SIMPLE_MAPPING);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stderr = flat(&out.stderr);
    for expected in [
        "row 3 not imported",
        "column \"Rättslig grund\" (purposes.legal_basis)",
        "row 4 not imported",
        "no id and no name to make one from",
        "row 6 not imported",
        "column \"Allmän handling\": \"kanske\" is not yes or no",
    ] {
        assert!(stderr.contains(expected), "{expected:?} not in:\n{stderr}");
    }
    assert!(!stderr.contains("row 5 "), "an empty row is no row: {stderr}");
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Wrote 2 records") && stdout.contains("Skipped 3 rows"), "{stdout}");
    let ids: Vec<String> = written(&out_dir).into_iter().map(|r| r.0).collect();
    assert_eq!(ids, ["ko-vantelista", "nyhetsbrev"]);
}

#[test]
fn a_second_row_with_the_same_id_is_listed() {
    let csv = "Behandling,Rättslig grund,Allmän handling\nNyhetsbrev,Samtycke,Ja\nNyhetsbrev,Samtycke,Ja\n";
    let (out, _) = csv_import("duplicate", csv.as_bytes(), SIMPLE_MAPPING);
    assert_eq!(out.status.code(), Some(1));
    let stderr = flat(&out.stderr);
    assert!(
        stderr.contains("row 3 not imported") && stderr.contains("id nyhetsbrev is already that of row 2"),
        "{stderr}"
    );
}

#[test]
fn skipped_rows_are_told_in_swedish_too() {
    let dir = scratch("import", "swedish");
    std::fs::write(dir.join("map.toml"), SIMPLE_MAPPING).expect("mapping");
    let csv = "Behandling;Rättslig grund;Allmän handling\nA;Samtycke;Ja\n;Samtycke;Ja\n";
    std::fs::write(dir.join("register.csv"), csv).expect("csv");
    let out = run_ok(&["import", "register.csv", "--mapping", "map.toml", "--out", "records", "--lang", "sv"], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(flat(&out.stderr).contains("rad 3 importerades inte"), "{}", text(&out.stderr));
    assert!(flat(&out.stderr).contains("inget id och inget namn"), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("Skrev 1 poster till records"), "{}", text(&out.stdout));
}

/// Fixed values fill what a sheet lacks: with them a one-row register gives a record that lints
/// clean, and the summary counts it so.
#[test]
fn fixed_values_complete_records_and_the_summary_counts_clean_ones() {
    let csv = "Behandling;Ändamål;Rättslig grund;Registrerade;Uppgifter;Lagringstid\n\
               Nyhetsbrev;Skicka nyhetsbrev;Samtycke;prenumeranter;e-postadress;P1M\n";
    let (out, out_dir) = csv_import("clean", csv.as_bytes(), COMPLETE_MAPPING);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("Wrote 1 records to"), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains(": 1 clean, 0 with findings."), "{}", text(&out.stdout));
    let records = written(&out_dir);
    let json = serde_json::to_value(&records[0].1).expect("json");
    assert_eq!(json["updated"], "2026-11-01");
    assert_eq!(json["rights"]["withdraw_consent"], true);
    assert_eq!(json["controller"]["kind"], "private");
    let lint = run_ok(&["lint", out_dir.to_str().expect("UTF-8")], root());
    assert_eq!(lint.status.code(), Some(0), "{}", text(&lint.stdout));
}

const COMPLETE_MAPPING: &str = r#"[[columns]]
heading = "Behandling"
field = "name"
[[columns]]
heading = "Ändamål"
field = "purposes.description"
[[columns]]
heading = "Rättslig grund"
field = "purposes.legal_basis"
values = { "Samtycke" = "consent" }
[[columns]]
heading = "Registrerade"
field = "personal_data.subjects"
[[columns]]
heading = "Uppgifter"
field = "personal_data.categories"
[[columns]]
heading = "Lagringstid"
field = "retention.period"
[fixed]
language = "sv"
updated = 2026-11-01
security_measures = "Behörighetsstyrning"
dpia = "not_required"
"controller.name" = "Exempel AB"
"controller.kind" = "private"
"controller.country" = "SE"
"controller.contact" = "info@example.se"
"personal_data.source" = "data_subject"
"personal_data.criminal_offences" = false
"retention.public_records" = false
"rights.access" = true
"rights.rectification" = true
"rights.erasure" = true
"rights.restriction" = true
"rights.objection" = true
"rights.portability" = true
"rights.withdraw_consent" = true
"rights.complaint_authority" = "Integritetsskyddsmyndigheten (IMY)"
"automated_decisions.profiling" = false
"automated_decisions.automated_decision_making" = false
"#;

// --- hostile input ----------------------------------------------------------------------------

#[test]
fn a_formula_cell_is_listed_not_computed() {
    use rust_xlsxwriter::{Formula, Workbook};
    let dir = scratch("import", "formula");
    let file = dir.join("register.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Behandling").expect("heading");
    sheet.write_string(0, 1, "Rättslig grund").expect("heading");
    sheet.write_string(0, 2, "Allmän handling").expect("heading");
    sheet.write_string(1, 0, "Nyhetsbrev").expect("cell");
    sheet.write_string(1, 1, "Samtycke").expect("cell");
    sheet.write_string(1, 2, "Nej").expect("cell");
    sheet.write_formula(2, 0, Formula::new("=A2&\" 2\"").set_result("Nyhetsbrev 2")).expect("formula");
    sheet.write_string(2, 1, "Samtycke").expect("cell");
    sheet.write_string(2, 2, "Nej").expect("cell");
    book.save(&file).expect("save");
    let map = dir.join("map.toml");
    std::fs::write(&map, SIMPLE_MAPPING).expect("mapping");
    let out = run_ok(&["import", "register.xlsx", "--mapping", "map.toml", "--out", "records"], &dir);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stderr = flat(&out.stderr);
    assert!(stderr.contains("row 3 of sheet Sheet1 not imported"), "{stderr}");
    assert!(stderr.contains("holds a formula (=A2&\" 2\")"), "{stderr}");
}

#[test]
fn cells_far_apart_are_read_without_filling_the_space_between() {
    use rust_xlsxwriter::Workbook;
    let dir = scratch("import", "far-apart");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Behandling").expect("heading");
    sheet.write_string(1, 0, "Nyhetsbrev").expect("cell");
    // The last cell of a sheet: a dense read would hold 17 billion cells.
    sheet.write_string(1_048_575, 16_383, "x").expect("far cell");
    sheet.write_string(1_048_575, 0, "Sista raden").expect("last row");
    book.save(dir.join("register.xlsx")).expect("save");
    std::fs::write(dir.join("map.toml"), "[[columns]]\nheading = \"Behandling\"\nfield = \"name\"\n").expect("mapping");
    let out = run_ok(&["import", "register.xlsx", "--mapping", "map.toml", "--out", "records"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let ids: Vec<String> = written(&dir.join("records")).into_iter().map(|r| r.0).collect();
    assert_eq!(ids, ["nyhetsbrev", "sista-raden"]);
}

#[test]
fn bad_files_are_diagnostics_not_panics() {
    let dir = scratch("import", "hostile");
    let cases: [(&str, &[u8], &str); 4] = [
        ("latin1.csv", b"Behandling;R\xe4ttslig grund\nBygglov;Myndighetsut\xf6vning\n", "is not UTF-8 text"),
        ("fake.xlsx", b"Behandling,Id\nx,y\n", "cannot read"),
        ("register.ods", b"", "import reads .xlsx and .csv files"),
        ("only-headings.csv", b"Behandling\n\n\n", "no rows below the headings"),
    ];
    for (name, bytes, expected) in cases {
        std::fs::write(dir.join(name), bytes).expect("fixture");
        std::fs::write(dir.join("map.toml"), SIMPLE_MAPPING).expect("mapping");
        let out = run_ok(&["import", name, "--mapping", "map.toml", "--out", "records"], &dir);
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(text(&out.stderr).contains(expected), "{name}: {}", text(&out.stderr));
        assert!(!dir.join("records").exists(), "{name}: nothing written");
    }
}

#[test]
fn a_sheet_of_another_layout_needs_a_mapping() {
    let dir = scratch("import", "no-mapping");
    std::fs::write(dir.join("register.csv"), "Behandling;Ändamål\nBygglov;Handlägga\n").expect("csv");
    let out = run_ok(&["import", "register.csv", "--out", "records"], &dir);
    assert_eq!(out.status.code(), Some(2));
    let stderr = flat(&out.stderr);
    assert!(stderr.contains("\"Ändamål\" is not one of them") && stderr.contains("--mapping FILE"), "{stderr}");
}

#[test]
fn huge_sheets_are_refused_at_the_row_cap() {
    let mut csv = String::from("Behandling\n");
    for i in 0..=read::MAX_ROWS {
        csv.push_str(&format!("Behandling {i}\n"));
    }
    let (out, out_dir) =
        csv_import("huge", csv.as_bytes(), "[[columns]]\nheading = \"Behandling\"\nfield = \"name\"\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("more than 10000 rows"), "{}", text(&out.stderr));
    assert!(!out_dir.exists());
}

// --- the mapping schema ---------------------------------------------------------------------

#[test]
fn committed_mapping_schema_is_fresh_and_valid() {
    let schema = rpcheck::import::mapping::mapping_schema();
    jsonschema::meta::validate(&schema).expect("the mapping schema is valid against its meta-schema");
    common::assert_fresh(
        "schema/import-mapping.schema.json",
        &rpcheck::model::schema_text(&schema),
        "cargo run -- schema --mapping > schema/import-mapping.schema.json",
    );
}
