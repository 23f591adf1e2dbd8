//! The CI formats: GitHub paths from GITHUB_WORKSPACE and the step summary, GitLab Code Quality
//! against GitLab's documented format, SARIF URIs from %SRCROOT% and fingerprints by keys.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::root;

fn rpcheck(args: &[&str], cwd: &Path, env: &[(&str, &Path)]) -> Output {
    let mut command = common::command(args, cwd);
    command.envs(env.iter().copied());
    command.output().expect("rpcheck runs")
}

fn scratch(name: &str) -> PathBuf {
    common::scratch("ci", name)
}

#[test]
fn github_paths_are_from_the_workspace_and_the_summary_counts_every_finding() {
    let summary_dir = scratch("summary");
    let summary = summary_dir.join("summary.md");
    std::fs::write(&summary, "earlier step\n").expect("summary");
    let env = [("GITHUB_WORKSPACE", root()), ("GITHUB_STEP_SUMMARY", summary.as_path())];
    let out = rpcheck(&["lint", "--format", "github", "records/sociala-medier.toml"], &root().join("examples"), &env);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("file=examples/records/sociala-medier.toml,line="), "{stdout}");
    let text = std::fs::read_to_string(&summary).expect("summary written");
    assert!(text.starts_with("earlier step\n### rpcheck"), "the summary is appended: {text}");
    assert!(text.contains("| Rule | Severity | Findings |"), "{text}");
    assert!(text.contains("| `gdpr/transfer-mechanism` | error | 1 |"), "{text}");
    // Every annotation is counted in the table, also those GitHub does not show.
    let annotations = stdout.lines().filter(|l| l.starts_with("::") && l.contains(",title=")).count();
    let counted: usize = text
        .lines()
        .filter(|l| l.starts_with("| `"))
        .filter_map(|l| l.trim_end_matches(" |").rsplit("| ").next()?.parse::<usize>().ok())
        .sum();
    assert_eq!(annotations, counted, "{text}");
    let _ = std::fs::remove_dir_all(&summary_dir);
}

/// GitLab's Code Quality report format as documented
/// (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format): an array of
/// issues, each with these required fields; severity one of GitLab's five levels.
fn gitlab_schema() -> serde_json::Value {
    serde_json::json!({
        "type": "array",
        "items": {
            "type": "object",
            "required": ["description", "check_name", "fingerprint", "severity", "location"],
            "properties": {
                "description": {"type": "string", "minLength": 1},
                "check_name": {"type": "string", "minLength": 1},
                "fingerprint": {"type": "string", "minLength": 1},
                "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
                "location": {
                    "type": "object",
                    "required": ["path", "lines"],
                    "properties": {
                        "path": {"type": "string", "minLength": 1, "not": {"pattern": "^(/|\\./)"}},
                        "lines": {
                            "type": "object",
                            "required": ["begin"],
                            "properties": {"begin": {"type": "integer", "minimum": 1}}
                        }
                    }
                }
            }
        }
    })
}

#[test]
fn gitlab_code_quality_matches_the_documented_format() {
    let env = [("CI_PROJECT_DIR", root())];
    let out = rpcheck(&["lint", "--format", "gitlab", "."], &root().join("examples"), &env);
    assert_eq!(out.status.code(), Some(1));
    let issues: serde_json::Value = serde_json::from_slice(&out.stdout).expect("gitlab output is JSON");
    let validator = jsonschema::validator_for(&gitlab_schema()).expect("schema compiles");
    let errors: Vec<String> = validator.iter_errors(&issues).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    let issues = issues.as_array().expect("an array");
    assert!(!issues.is_empty());
    assert!(issues.iter().all(|i| i["location"]["path"].as_str().is_some_and(|p| p.starts_with("examples/"))));
    // GitLab shows only the first issue of a fingerprint: each must be unique.
    let mut fingerprints: Vec<&str> = issues.iter().filter_map(|i| i["fingerprint"].as_str()).collect();
    fingerprints.sort();
    fingerprints.dedup();
    assert_eq!(fingerprints.len(), issues.len());
    let broken = serde_json::json!([{"description": "x", "check_name": "y", "fingerprint": "z", "severity": "error",
        "location": {"path": "a.toml", "lines": {"begin": 1}}}]);
    assert!(!validator.is_valid(&broken), "the schema must reject a severity GitLab does not know");
}

/// A project whose folder name has a space and Swedish letters, with one record with two
/// purposes lacking their legal basis.
fn awkward_project(name: &str) -> (PathBuf, PathBuf) {
    let dir = scratch(name);
    let project = dir.join("Register för åäö");
    std::fs::create_dir_all(project.join("poster")).expect("project dir");
    let record = "schema_version = 1\nid = \"bostader\"\nname = \"Bostäder\"\n\n[[purposes]]\nid = \"informera\"\n\
                  description = \"Informera\"\n\n[[purposes]]\nid = \"ko\"\ndescription = \"Kö\"\n";
    std::fs::write(project.join("poster/bostäder i kö.toml"), record).expect("record");
    (dir, project)
}

fn sarif_results(log: &serde_json::Value) -> &Vec<serde_json::Value> {
    log["runs"][0]["results"].as_array().expect("results")
}

#[test]
fn sarif_uris_are_relative_to_srcroot_and_percent_encoded() {
    let (dir, project) = awkward_project("sarif-inside");
    let env = [("GITHUB_WORKSPACE", dir.as_path())];
    let file = project.join("poster/bostäder i kö.toml");
    let out = rpcheck(&["lint", "--format", "sarif", file.to_str().expect("utf-8")], &project, &env);
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    let base = log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"].as_str().expect("%SRCROOT% declared");
    assert!(base.starts_with("file:///") && base.ends_with('/'), "{base}");
    let results = sarif_results(&log);
    assert!(!results.is_empty());
    for result in results {
        let artifact = &result["locations"][0]["physicalLocation"]["artifactLocation"];
        assert_eq!(artifact["uriBaseId"], "%SRCROOT%");
        assert_eq!(artifact["uri"], "Register%20f%C3%B6r%20%C3%A5%C3%A4%C3%B6/poster/bost%C3%A4der%20i%20k%C3%B6.toml");
    }
    let fingerprints: Vec<&str> =
        results.iter().filter_map(|r| r["partialFingerprints"]["rpcheck/v1"].as_str()).collect();
    assert_eq!(fingerprints.len(), results.len());
    assert!(fingerprints.iter().any(|f| f.ends_with(":purposes[ko]")), "{fingerprints:?}");
    assert_eq!(log["runs"][0]["columnKind"], "unicodeCodePoints");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn sarif_names_a_file_outside_the_root_by_its_file_uri() {
    let (dir, project) = awkward_project("sarif-outside");
    let env = [("GITHUB_WORKSPACE", root())];
    let out = rpcheck(&["lint", "--format", "sarif", "."], &project, &env);
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    for result in sarif_results(&log) {
        let artifact = &result["locations"][0]["physicalLocation"]["artifactLocation"];
        assert!(artifact.get("uriBaseId").is_none());
        let uri = artifact["uri"].as_str().expect("uri");
        assert!(uri.starts_with("file:///") && uri.ends_with("/poster/bost%C3%A4der%20i%20k%C3%B6.toml"), "{uri}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn fingerprints_survive_reordered_entries() {
    let (dir, project) = awkward_project("reordered");
    let record = project.join("poster/bostäder i kö.toml");
    let fingerprints = || {
        let out = rpcheck(&["lint", "--format", "gitlab", "."], &project, &[]);
        let issues: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        let mut all: Vec<String> = issues
            .as_array()
            .expect("array")
            .iter()
            .filter_map(|i| i["fingerprint"].as_str().map(str::to_string))
            .collect();
        all.sort();
        all
    };
    let before = fingerprints();
    let text = std::fs::read_to_string(&record).expect("record");
    let (head, purposes) = text.split_once("[[purposes]]").expect("purposes");
    let mut entries: Vec<&str> = purposes.split("[[purposes]]").collect();
    entries.reverse();
    std::fs::write(&record, format!("{head}\n\n# moved\n[[purposes]]{}", entries.join("[[purposes]]"))).expect("write");
    assert_eq!(before, fingerprints());
    let _ = std::fs::remove_dir_all(&dir);
}
