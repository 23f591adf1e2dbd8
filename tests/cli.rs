//! End-to-end: every case in tests/cli_cases.toml runs the real binary and snapshots its output.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use serde::Deserialize;

mod common;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    args: Vec<String>,
    #[serde(default)]
    stdin: Option<String>,
}

fn run(case: &Case) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_rpcheck"))
        .args(&case.args)
        .current_dir(root)
        .env("NO_COLOR", "1")
        .env("RPCHECK_TODAY", "2026-11-24")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the rpcheck binary starts");
    let input = case.stdin.as_ref().map(|p| std::fs::read(root.join(p)).expect("stdin fixture"));
    if let Some(mut stdin) = child.stdin.take() {
        // A run that refuses its arguments exits without reading standard input.
        if let Err(e) = stdin.write_all(&input.unwrap_or_default()) {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
        }
    }
    common::transcript(&child.wait_with_output().expect("rpcheck runs"))
}

#[test]
fn cli_cases() {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cli_cases.toml"))
        .expect("tests/cli_cases.toml");
    let cases: Cases = toml::from_str(&text).expect("cases parse");
    let mut names: Vec<&str> = cases.case.iter().map(|c| c.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), cases.case.len(), "case names must be unique");
    // Every case runs and reports on its own: one changed snapshot hides no other.
    let failed: Vec<&str> = cases
        .case
        .iter()
        .filter(|case| {
            let output = run(case);
            std::panic::catch_unwind(|| insta::assert_snapshot!(case.name.as_str(), output)).is_err()
        })
        .map(|case| case.name.as_str())
        .collect();
    assert!(
        failed.is_empty(),
        "{} of {} cases differ from their snapshots: {}",
        failed.len(),
        cases.case.len(),
        failed.join(", ")
    );
}
