//! Gradual adoption with `rpcheck baseline` (issue 10): a project of 20 records with findings is
//! baselined, then only what changes is reported.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{root, rpcheck, scratch};

const RECORDS: usize = 20;

/// A project of 20 records, each the worked example with its many findings under its own id.
fn project(name: &str, include: bool) -> PathBuf {
    let dir = scratch("baseline", name);
    let config = std::fs::read_to_string(root().join("examples/rpcheck.toml")).expect("examples/rpcheck.toml");
    let include = if include { "include = [\"**/*.toml\"]\n" } else { "" };
    std::fs::write(dir.join("rpcheck.toml"), format!("{include}{config}")).expect("write rpcheck.toml");
    let example = std::fs::read_to_string(root().join("examples/records/sociala-medier.toml")).expect("example");
    std::fs::create_dir(dir.join("records")).expect("records folder");
    for i in 0..RECORDS {
        let text = example.replace("id = \"sociala-medier\"", &format!("id = \"rec-{i:02}\""));
        std::fs::write(record(&dir, i), text).expect("write record");
    }
    dir
}

fn record(dir: &Path, i: usize) -> PathBuf {
    dir.join(format!("records/r{i:02}.toml"))
}

/// Change record `i` by replacing `from` (which it must hold) with `to`.
fn edit(dir: &Path, i: usize, from: &str, to: &str) {
    let text = std::fs::read_to_string(record(dir, i)).expect("read record");
    assert!(text.contains(from), "record {i} holds {from:?}");
    std::fs::write(record(dir, i), text.replacen(from, to, 1)).expect("write record");
}

fn shown(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

/// `lint --format json` in `dir` with `args`: its exit code and report.
fn lint_json(dir: &Path, args: &[&str]) -> (Option<i32>, serde_json::Value) {
    let out = rpcheck(&[&["lint", "--format", "json"], args].concat(), dir);
    let report = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("json: {}", shown(&out)));
    (out.status.code(), report)
}

fn rules(report: &serde_json::Value) -> Vec<String> {
    let findings = report["findings"].as_array().expect("findings");
    findings
        .iter()
        .map(|f| format!("{} {}", f["rule"].as_str().unwrap_or("?"), f["file"].as_str().unwrap_or("?")))
        .collect()
}

fn baseline(dir: &Path, args: &[&str]) {
    let out = rpcheck(&[&["baseline"], args].concat(), dir);
    assert_eq!(out.status.code(), Some(0), "{}", shown(&out));
}

#[test]
fn a_baselined_project_reports_only_what_is_new() {
    let dir = project("new", false);
    let (code, all) = lint_json(&dir, &[]);
    assert_eq!(code, Some(1));
    let total = all["findings"].as_array().expect("findings").len();
    assert!(total >= RECORDS * 5, "the project has many findings: {total}");

    baseline(&dir, &[]);
    let (code, report) = lint_json(&dir, &[]);
    assert_eq!(code, Some(0), "{report}");
    assert_eq!(rules(&report), Vec::<String>::new());
    assert_eq!(report["summary"]["baselined"], total);

    edit(&dir, 7, "access = true", "access = false");
    let (code, report) = lint_json(&dir, &[]);
    assert_eq!(code, Some(1));
    assert_eq!(rules(&report), ["gdpr/rights-core records/r07.toml"]);

    let (code, report) = lint_json(&dir, &["--no-baseline"]);
    assert_eq!(code, Some(1));
    assert_eq!(report["findings"].as_array().expect("findings").len(), total + 1);
    assert_eq!(report["summary"]["baselined"], 0);
}

#[test]
fn a_fixed_finding_leaves_a_stale_entry_that_prune_removes() {
    let dir = project("stale", false);
    baseline(&dir, &[]);
    let entries =
        std::fs::read_to_string(dir.join("rpcheck-baseline.toml")).expect("baseline").matches("[[finding]]").count();
    edit(
        &dir,
        3,
        "portability = true",
        "portability = true\ncomplaint_authority = \"Integritetsskyddsmyndigheten (IMY)\"",
    );

    // A run over another file cannot tell; one over the fixed file or the project can.
    let (code, report) = lint_json(&dir, &["records/r05.toml"]);
    assert_eq!((code, rules(&report)), (Some(0), vec![]));
    for args in [&["records/r03.toml"][..], &[], &["."]] {
        let (code, report) = lint_json(&dir, args);
        assert_eq!(code, Some(0), "a stale entry is a warning");
        assert_eq!(rules(&report), ["record/baseline-stale rpcheck-baseline.toml"], "{args:?}");
        let finding = &report["findings"][0];
        assert!(finding["message"].as_str().unwrap_or_default().contains("records/r03.toml"), "{finding}");
        let text = std::fs::read_to_string(dir.join("rpcheck-baseline.toml")).expect("baseline");
        let line = text.lines().nth(finding["line"].as_u64().expect("line") as usize - 1).unwrap_or_default();
        assert_eq!(line, "[[finding]]", "drawn on the entry");
    }
    let denied = rpcheck(&["lint", "--deny-warnings"], &dir);
    assert_eq!(denied.status.code(), Some(1), "{}", shown(&denied));

    baseline(&dir, &["--prune"]);
    let (code, report) = lint_json(&dir, &[]);
    assert_eq!((code, rules(&report)), (Some(0), vec![]));
    let text = std::fs::read_to_string(dir.join("rpcheck-baseline.toml")).expect("baseline");
    assert_eq!(text.matches("[[finding]]").count(), entries - 1, "prune removed the stale entry only");

    // Prune never adds: a new finding stays new.
    edit(&dir, 4, "access = true", "access = false");
    baseline(&dir, &["--prune"]);
    let (code, report) = lint_json(&dir, &[]);
    assert_eq!((code, rules(&report)), (Some(1), vec!["gdpr/rights-core records/r04.toml".to_string()]));
}

#[test]
fn moving_lines_and_reordering_entries_keep_the_baseline_valid() {
    let dir = project("moved", false);
    baseline(&dir, &[]);
    let text = std::fs::read_to_string(record(&dir, 2)).expect("record");
    let purposes = text.find("[[purposes]]").expect("purposes");
    let second = purposes + 1 + text[purposes + 1..].find("[[purposes]]").expect("a second purpose");
    let recipients = text.find("[[recipients]]").expect("recipients");
    let swapped = format!(
        "# A comment\n# that moves every line down\n\n{}{}{}{}",
        &text[..purposes],
        &text[second..recipients],
        &text[purposes..second],
        &text[recipients..]
    );
    assert_ne!(swapped, text);
    std::fs::write(record(&dir, 2), swapped).expect("write record");
    let (code, report) = lint_json(&dir, &[]);
    assert_eq!((code, rules(&report)), (Some(0), vec![]), "{report}");
}

#[test]
fn rpcheck_toml_sets_the_level_of_a_stale_entry() {
    let dir = project("level", false);
    baseline(&dir, &[]);
    edit(&dir, 1, "portability = true", "portability = true\ncomplaint_authority = \"IMY\"");
    let config = std::fs::read_to_string(dir.join("rpcheck.toml")).expect("rpcheck.toml");
    for (level, code, stale) in [("error", 1, 1), ("off", 0, 0)] {
        let rules = format!("{config}\n[rules]\n\"record/baseline-stale\" = \"{level}\"\n");
        std::fs::write(dir.join("rpcheck.toml"), rules).expect("write rpcheck.toml");
        let (exit, report) = lint_json(&dir, &[]);
        assert_eq!((exit, rules_of(&report).len()), (Some(code), stale), "{level}: {report}");
    }
}

fn rules_of(report: &serde_json::Value) -> Vec<String> {
    rules(report).into_iter().filter(|r| r.starts_with("record/baseline-stale")).collect()
}

#[test]
fn a_waiver_wins_over_the_baseline() {
    let dir = project("waived", false);
    baseline(&dir, &[]);
    let waiver = "\n[[waivers]]\nrule = \"gdpr/complaint-right\"\nreason = \"IMY is named in the notice\"\nexpires = 2027-06-30\n";
    let text = std::fs::read_to_string(record(&dir, 0)).expect("record");
    std::fs::write(record(&dir, 0), format!("{text}{waiver}")).expect("write record");
    let (_, report) = lint_json(&dir, &[]);
    let waived = report["waived"].as_array().expect("waived");
    assert!(waived.iter().any(|w| w["rule"] == "gdpr/complaint-right" && w["file"] == "records/r00.toml"), "{report}");
    assert_eq!(rules(&report), ["record/baseline-stale rpcheck-baseline.toml"]);
}

#[test]
fn a_malformed_baseline_stops_the_run_at_its_place() {
    let dir = project("malformed", false);
    baseline(&dir, &[]);
    let path = dir.join("rpcheck-baseline.toml");
    let text = std::fs::read_to_string(&path).expect("baseline");
    std::fs::write(&path, text.replacen("count = 1", "count = \"one\"", 1)).expect("write baseline");
    let out = rpcheck(&["lint"], &dir);
    assert_eq!(out.status.code(), Some(2), "{}", shown(&out));
    let line = text.lines().position(|l| l == "count = 1").expect("a count") + 1;
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("[rpcheck-baseline.toml:{line}:9]")), "{stderr}");
    assert!(stderr.contains("invalid baseline"), "{stderr}");
    let out = rpcheck(&["lint", "--no-baseline"], &dir);
    assert_eq!(out.status.code(), Some(1), "--no-baseline does not read it: {}", shown(&out));
}

#[test]
fn the_baseline_is_never_a_record_even_when_include_matches_it() {
    let dir = project("include", true);
    baseline(&dir, &[]);
    let out = rpcheck(&["lint", "--format", "concise", "--force-exclude", "rpcheck-baseline.toml", "records"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", shown(&out));
    let (code, report) = lint_json(&dir, &[]);
    assert_eq!((code, rules(&report)), (Some(0), vec![]));
    assert_eq!(report["summary"]["files"], RECORDS);
}

#[test]
fn rewriting_one_file_keeps_the_entries_of_the_others() {
    let dir = project("partial", false);
    baseline(&dir, &[]);
    edit(&dir, 9, "access = true", "access = false");
    edit(&dir, 10, "access = true", "access = false");
    baseline(&dir, &["records/r09.toml"]);
    let (code, report) = lint_json(&dir, &[]);
    assert_eq!((code, rules(&report)), (Some(1), vec!["gdpr/rights-core records/r10.toml".to_string()]));
    let out = rpcheck(&["baseline"], &dir);
    assert!(String::from_utf8_lossy(&out.stdout).contains("rpcheck-baseline.toml:"), "{}", shown(&out));
    let (code, _) = lint_json(&dir, &[]);
    assert_eq!(code, Some(0), "run again, it rewrites the file from today's findings");
}

#[test]
fn the_baseline_needs_a_project_file() {
    let dir = scratch("baseline", "no-project");
    let example = std::fs::read_to_string(root().join("examples/records/sociala-medier.toml")).expect("example");
    std::fs::write(dir.join("a.toml"), example).expect("write record");
    let out = rpcheck(&["baseline"], &dir);
    assert_eq!(out.status.code(), Some(2), "{}", shown(&out));
    assert!(!dir.join("rpcheck-baseline.toml").exists());
}

#[test]
fn every_format_says_how_many_the_baseline_held() {
    let dir = project("formats", false);
    baseline(&dir, &[]);
    let (_, report) = lint_json(&dir, &[]);
    let held = report["summary"]["baselined"].as_u64().expect("a count");
    assert!(held > 0);
    let out = |format: &str, lang: &str| {
        let out = rpcheck(&["lint", "--format", format, "--lang", lang], &dir);
        assert_eq!(out.status.code(), Some(0), "{}", shown(&out));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(out("human", "en").ends_with(&format!("no problems found, {held} held by the baseline\n")));
    assert!(out("human", "sv").ends_with(&format!("inga problem, {held} i baslinjen\n")));
    assert_eq!(
        out("concise", "en"),
        format!("{held} findings held by the baseline (rpcheck-baseline.toml); --no-baseline shows them\n")
    );
    assert!(out("github", "en").contains(&format!("::notice title=rpcheck baseline::{held} findings held")));
    let sarif: serde_json::Value = serde_json::from_str(&out("sarif", "en")).expect("sarif");
    assert_eq!(sarif["runs"][0]["properties"]["baselined"], held);
    assert_eq!(sarif["runs"][0]["results"], serde_json::json!([]), "held findings are not sent to code scanning");
    assert_eq!(out("gitlab", "en").trim(), "[]", "nor to GitLab");
    let summary = dir.join("job-summary.md");
    let run = common::command(&["lint", "--format", "github"], &dir).env("GITHUB_STEP_SUMMARY", &summary).output();
    assert_eq!(run.expect("rpcheck runs").status.code(), Some(0));
    let summary = std::fs::read_to_string(summary).expect("the job summary");
    assert!(summary.contains(&format!("{held} findings held by the baseline")), "{summary}");
}
