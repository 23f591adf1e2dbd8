//! SARIF output validates against the official SARIF 2.1.0 schema (OASIS, rtm.5, as shipped in
//! the @microsoft/jest-sarif npm package; vendored in tests/data).

use std::path::Path;
use std::process::Command;

#[test]
fn sarif_validates_against_the_official_schema() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The official schema holds one pattern that is no valid ECMA 262 regex (the `language`
    // properties: "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$", a stray `]`), which jsonschema
    // rejects when it checks the schema itself; rpcheck never writes `language`, so it is mended.
    let text = std::fs::read_to_string(root.join("tests/data/sarif-2.1.0-rtm.5.json")).expect("schema");
    let text = text.replace("^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$", "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    let validator =
        jsonschema::options().with_draft(jsonschema::Draft::Draft4).build(&schema).expect("the SARIF schema compiles");
    let out = Command::new(env!("CARGO_BIN_EXE_rpcheck"))
        .args([
            "lint",
            "--format",
            "sarif",
            "examples/",
            "tests/data/broken/three-mistakes.toml",
            "tests/data/baseline",
        ])
        .current_dir(root)
        .env("RPCHECK_TODAY", "2026-11-24")
        .output()
        .expect("rpcheck runs");
    assert_eq!(out.status.code(), Some(1));
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken), "the validator must reject an invalid level");
    let results = log["runs"][0]["results"].as_array().expect("results");
    assert!(results.iter().any(|r| r["ruleId"] == "gdpr/transfer-mechanism"));
    assert!(results.iter().any(|r| r["ruleId"] == "record/baseline-stale"), "a stale baseline entry validates too");
    assert!(log["runs"][0]["properties"]["baselined"].as_u64() > Some(0), "so does the count the baseline held");
    let rules = log["runs"][0]["tool"]["driver"]["rules"].as_array().expect("rules");
    for result in results {
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
    }
    let uri = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str().expect("uri");
    assert!(!uri.starts_with('/'), "artifact URIs are relative: {uri}");
}
