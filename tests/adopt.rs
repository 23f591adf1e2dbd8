//! Adoption: which files are records in a project that holds other tools' TOML too.

mod common;

use std::path::PathBuf;

use common::rpcheck;

fn scratch(name: &str) -> PathBuf {
    common::scratch("adopt", name)
}

/// A record with one error (its purpose has no legal basis), declared by `schema_version`.
const RECORD: &str = "schema_version = 1\nid = \"r\"\nname = \"R\"\n\n[[purposes]]\nid = \"p\"\ndescription = \"P\"\n";

/// A project folder: a record, and other tools' files beside it that hold no record.
fn mixed_project(name: &str) -> PathBuf {
    let dir = scratch(name);
    std::fs::write(dir.join("record.toml"), RECORD).expect("record");
    std::fs::write(dir.join("pyproject.toml"), "[project]\nname = \"x\"\nversion = \"1\"\n").expect("pyproject");
    std::fs::write(dir.join("Cargo.toml"), "[package]\nname = \"x\"\nversion = \"0.1.0\"\n").expect("cargo");
    std::fs::write(dir.join("taplo.toml"), "include = [\"*.toml\"]\n").expect("taplo");
    dir
}

#[test]
fn only_the_record_is_linted_beside_other_tools_toml() {
    let dir = mixed_project("mixed");
    let out = rpcheck(&["lint", "--format", "json", "."], &dir);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json output");
    let files: Vec<&str> =
        report["findings"].as_array().expect("findings").iter().filter_map(|f| f["file"].as_str()).collect();
    assert!(!files.is_empty(), "{}", common::transcript(&out));
    assert!(files.iter().all(|f| *f == "record.toml"), "{}", common::transcript(&out));
    assert_eq!(report["summary"]["files"], 1, "{}", common::transcript(&out));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_schema_line_makes_a_record() {
    let dir = scratch("schema-line");
    std::fs::write(dir.join("r.toml"), "#:schema ../schema/record.schema.json\nid = \"r\"\n").expect("record");
    let out = rpcheck(&["lint", "--format", "concise", "."], &dir);
    assert!(String::from_utf8_lossy(&out.stdout).contains("r.toml:"), "{}", common::transcript(&out));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn with_include_every_matched_file_is_a_record() {
    let dir = mixed_project("include");
    std::fs::write(dir.join("rpcheck.toml"), "include = [\"pyproject.toml\"]\n").expect("config");
    let out = rpcheck(&["lint", "--format", "concise", "."], &dir);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("pyproject.toml:"), "{}", common::transcript(&out));
    assert!(!stdout.contains("record.toml:"), "{}", common::transcript(&out));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_file_named_on_the_command_line_is_linted_unless_force_exclude() {
    let dir = mixed_project("named");
    let out = rpcheck(&["lint", "--format", "concise", "pyproject.toml"], &dir);
    assert!(String::from_utf8_lossy(&out.stdout).contains("pyproject.toml:"), "{}", common::transcript(&out));
    let out = rpcheck(&["lint", "--format", "concise", "--force-exclude", "pyproject.toml", "record.toml"], &dir);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains("pyproject.toml"), "{}", common::transcript(&out));
    assert!(stdout.contains("record.toml:"), "{}", common::transcript(&out));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn init_then_lint_is_clean() {
    let dir = scratch("init");
    let out = rpcheck(&["init", "project"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", common::transcript(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Fill in [controller]"), "{}", common::transcript(&out));
    for file in ["rpcheck.toml", "records/example.toml", "schema/record.schema.json", "schema/rpcheck.schema.json"] {
        assert!(dir.join("project").join(file).is_file(), "{file} not written");
    }
    // Beside another tool's file, as in a real repository: only the example is linted.
    std::fs::write(dir.join("project/pyproject.toml"), "[project]\nname = \"x\"\n").expect("pyproject");
    let out = rpcheck(&["lint", "--format", "json", "--show-info"], &dir.join("project"));
    assert_eq!(out.status.code(), Some(0), "{}", common::transcript(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json output");
    assert_eq!(report["summary"]["files"], 1, "{}", common::transcript(&out));
    assert_eq!(report["findings"], serde_json::json!([]), "{}", common::transcript(&out));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn init_never_overwrites_and_writes_nothing_when_it_refuses() {
    let dir = scratch("init-twice");
    assert_eq!(rpcheck(&["init"], &dir).status.code(), Some(0));
    let out = rpcheck(&["init"], &dir);
    assert_eq!(out.status.code(), Some(2), "{}", common::transcript(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("rpcheck.toml exists"), "{}", common::transcript(&out));
    // Only the example exists: the refusal names it and leaves rpcheck.toml unwritten.
    let other = scratch("init-partial");
    std::fs::create_dir_all(other.join("records")).expect("records dir");
    std::fs::write(other.join("records/example.toml"), "mine").expect("example");
    let out = rpcheck(&["init"], &other);
    assert_eq!(out.status.code(), Some(2), "{}", common::transcript(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("example.toml exists"), "{}", common::transcript(&out));
    assert!(!other.join("rpcheck.toml").exists());
    assert_eq!(std::fs::read_to_string(other.join("records/example.toml")).expect("example"), "mine");
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&other);
}
