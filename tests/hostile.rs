//! Hostile input: every case in tests/hostile gets a clear diagnostic (snapshotted), the cases
//! that cannot live in git are made at run time, and no run ever writes to its inputs.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::root;

fn rpcheck(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rpcheck"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env("RPCHECK_TODAY", "2026-11-24")
        .output()
        .expect("rpcheck runs")
}

/// Run rpcheck, killing it and failing the test if it has not ended within `limit`.
fn rpcheck_within(args: &[&str], cwd: &Path, limit: Duration) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rpcheck"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env("RPCHECK_TODAY", "2026-11-24")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("rpcheck starts");
    let started = Instant::now();
    while child.try_wait().expect("rpcheck can be waited on").is_none() {
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("rpcheck {args:?} still ran after {limit:?}: it waits on something");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("rpcheck output")
}

#[test]
fn hostile_corpus_gets_clear_diagnostics() {
    let out = rpcheck(&["lint", "--format", "concise", "tests/hostile"], root());
    assert_eq!(out.status.code(), Some(1), "{}", common::transcript(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    // every file of the corpus is named in the output: none was skipped or crashed the run
    for entry in walk(&root().join("tests/hostile")) {
        if entry.file_name().is_some_and(|n| n != "rpcheck.toml") {
            let name = entry.strip_prefix(root()).expect("below root").display().to_string();
            assert!(stdout.contains(&name), "{name} is not reported");
        }
    }
    insta::assert_snapshot!(common::transcript(&out));
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rpcheck-hostile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_not_waited_on() {
    let dir = scratch("fifo");
    let fifo = dir.join("record.toml");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success());
    // A regression would hang on the FIFO: the runs get a deadline, so it fails instead.
    let out = rpcheck_within(&["lint", "record.toml"], &dir, Duration::from_secs(20));
    assert_eq!(out.status.code(), Some(2), "{}", common::transcript(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("record.toml is not a regular file"));
    // walking a folder passes the FIFO by: it is no record file
    let out = rpcheck_within(&["lint", "."], &dir, Duration::from_secs(20));
    assert_eq!(out.status.code(), Some(0), "{}", common::transcript(&out));
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_dangling_links() {
    let dir = scratch("links");
    std::os::unix::fs::symlink("b", dir.join("a")).expect("link a");
    std::os::unix::fs::symlink("a", dir.join("b")).expect("link b");
    std::os::unix::fs::symlink(".", dir.join("self")).expect("link self");
    std::os::unix::fs::symlink("missing.toml", dir.join("dangling.toml")).expect("link dangling");
    std::fs::write(dir.join("r.toml"), "schema_version = 1\nid = \"r\"\n").expect("record");
    let out = rpcheck(&["lint", "--format", "concise", "."], &dir);
    assert_eq!(out.status.code(), Some(1), "{}", common::transcript(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("r.toml:"));
    let out = rpcheck(&["lint", "dangling.toml"], &dir);
    assert_eq!(out.status.code(), Some(2), "{}", common::transcript(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read dangling.toml"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_folder_where_a_file_belongs() {
    let out = rpcheck(&["lint", "--config", "examples", "examples/records"], root());
    assert_eq!(out.status.code(), Some(2), "{}", common::transcript(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read examples"), "{}", common::transcript(&out));
    let out = rpcheck(&["rules", "--pack", "examples"], root());
    assert_eq!(out.status.code(), Some(2), "{}", common::transcript(&out));
}

#[test]
fn no_run_writes_to_its_inputs() {
    let inputs: Vec<PathBuf> =
        ["examples", "tests/hostile", "tests/data"].iter().flat_map(|d| walk(&root().join(d))).collect();
    let before: Vec<Vec<u8>> = inputs.iter().map(|p| std::fs::read(p).expect("read input")).collect();
    for format in ["human", "concise", "json", "sarif", "github"] {
        for dir in ["examples", "tests/hostile", "tests/data/waivers"] {
            let out = rpcheck(&["lint", "--format", format, dir], root());
            assert!(matches!(out.status.code(), Some(0..=2)), "{}", common::transcript(&out));
        }
    }
    rpcheck(&["schema", "--check"], root());
    rpcheck(&["rules", "--check", "--pack", "examples/custom-pack/policies/kommunen.toml"], root());
    for (path, bytes) in inputs.iter().zip(&before) {
        assert_eq!(&std::fs::read(path).expect("read input"), bytes, "{} changed", path.display());
    }
}

#[test]
fn syntax_errors_are_worded_in_swedish_under_lang_sv() {
    let out = rpcheck(&["lint", "--lang", "sv", "--format", "json", "tests/hostile", "tests/data/broken"], root());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let messages: Vec<&str> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == "record/syntax")
        .filter_map(|f| f["message"].as_str())
        .collect();
    assert!(messages.len() >= 8, "{messages:?}");
    // Every English phrase of the parser's glossary that shows up untranslated is a defect.
    let pack: toml::Value = toml::from_str(include_str!("../policies/record.toml")).expect("record pack");
    let phrases = pack["pack"]["glossary"]["toml"].as_table().expect("toml glossary");
    for message in messages {
        let problem = message.split(", förväntade ").next().unwrap_or(message);
        let untranslated = phrases.iter().any(|(en, words)| en == problem && words["sv"].as_str() != Some(en));
        assert!(!untranslated && !message.contains(", expected "), "English left in: {message}");
    }
}

#[test]
fn a_reader_that_goes_away_is_no_panic() {
    for args in [&["law", "6"][..], &["rules", "--format", "markdown"], &["explain", "gdpr/dpia"], &["schema"]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_rpcheck"))
            .args(args)
            .current_dir(root())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("rpcheck starts");
        // Close the reading end at once, as `| head -1` does: writes then meet a broken pipe.
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("rpcheck ends");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    }
}
