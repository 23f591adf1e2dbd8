//! The generated record schema: committed, fresh, valid JSON Schema 2020-12, and it accepts
//! every example record.

mod common;

use common::root;

#[test]
fn committed_schema_is_fresh() {
    let generated = rpcheck::model::record_schema_text();
    common::assert_fresh("schema/record.schema.json", &generated, "cargo run -- schema > schema/record.schema.json");
}

#[test]
fn schema_is_valid_json_schema_2020_12() {
    let schema = rpcheck::model::record_schema();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    jsonschema::meta::validate(schema).expect("the schema is valid against its meta-schema");
    jsonschema::draft202012::new(schema).expect("the schema compiles");
}

fn example_records() -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for dir in ["examples/records", "examples/custom-pack/records"] {
        for entry in std::fs::read_dir(root().join(dir)).expect("examples folder") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "toml") {
                out.push(path);
            }
        }
    }
    assert!(out.len() >= 4, "expected the example records");
    out
}

#[test]
fn schema_accepts_every_example_record() {
    let schema = rpcheck::schema_check::SchemaCheck::record();
    for path in example_records() {
        let text = std::fs::read_to_string(&path).expect("read example");
        let doc = rpcheck::source::parse(&text).expect("example parses");
        let issues = schema.check(&doc.value);
        assert!(issues.is_empty(), "{}: {issues:?}", path.display());
    }
}

/// Every case the schema check names is worded in both languages by `policies/record.toml`:
/// a case it lacks would print the rule's generic message instead.
#[test]
fn every_schema_case_is_worded_by_the_record_pack() {
    let policy = rpcheck::policy::Policy::load(&[]).expect("built-in packs");
    let rule = policy.rule("record/schema").expect("record/schema");
    for name in rpcheck::schema_check::CASES {
        let case = rule.named_case(name).unwrap_or_else(|| panic!("policies/record.toml lacks case `{name}`"));
        for text in case.message.iter().chain(&case.help) {
            assert!(!text.en.is_empty() && !text.sv.is_empty(), "case `{name}` needs both languages");
        }
        assert!(case.message.is_some() || case.help.is_some(), "case `{name}` says nothing");
    }
}

#[test]
fn committed_config_schema_is_fresh() {
    let generated = rpcheck::model::schema_text(&rpcheck::config::config_schema());
    common::assert_fresh(
        "schema/rpcheck.schema.json",
        &generated,
        "cargo run -- schema --config > schema/rpcheck.schema.json",
    );
}

#[test]
fn config_schema_is_valid_and_accepts_the_example_projects() {
    let schema = rpcheck::config::config_schema();
    jsonschema::meta::validate(&schema).expect("the config schema is valid against its meta-schema");
    for project in ["examples", "examples/custom-pack", "tests/data/waivers", "tests/data/overrides"] {
        let path = root().join(project).join("rpcheck.toml");
        rpcheck::config::Config::load(&path).unwrap_or_else(|e| panic!("{project}: {e:?}"));
    }
}

/// Every `oneOf` in `schema` whose alternatives are all `const`s, by pointer.
fn const_alternatives(schema: &serde_json::Value, at: &str, out: &mut Vec<String>) {
    match schema {
        serde_json::Value::Object(map) => {
            let alternatives = map.get("oneOf").and_then(|a| a.as_array());
            if alternatives.is_some_and(|a| a.iter().all(|a| a.get("const").is_some())) {
                out.push(at.to_string());
            }
            map.iter().for_each(|(k, v)| const_alternatives(v, &format!("{at}/{k}"), out));
        }
        serde_json::Value::Array(items) => {
            items.iter().enumerate().for_each(|(i, v)| const_alternatives(v, &format!("{at}/{i}"), out))
        }
        _ => {}
    }
}

#[test]
fn documented_enums_list_their_values_with_a_description_each_for_editors() {
    for schema in [rpcheck::model::record_schema().clone(), rpcheck::config::config_schema()] {
        let mut opaque = Vec::new();
        const_alternatives(&schema, "", &mut opaque);
        assert!(opaque.is_empty(), "a oneOf of constants is left: {opaque:?}");
    }
    let kind = &rpcheck::model::record_schema()["$defs"]["ControllerKind"];
    assert_eq!(kind["enum"], serde_json::json!(["public_authority", "municipal_company", "private"]));
    let described = kind["markdownEnumDescriptions"].as_array().expect("VS Code's descriptions");
    assert_eq!(described.len(), 3);
    assert!(described.iter().all(|d| d.as_str().is_some_and(|d| !d.is_empty())), "{described:?}");
    assert_eq!(kind["x-taplo"]["docs"]["enumValues"], kind["markdownEnumDescriptions"], "taplo's descriptions");
    let level = &rpcheck::config::config_schema()["$defs"]["Level"];
    assert_eq!(level["enum"], serde_json::json!(["off", "info", "warning", "error"]));
}

#[test]
fn a_wrong_enum_value_names_the_allowed_ones() {
    let doc =
        rpcheck::source::parse("schema_version = 1\nid = \"x\"\n[controller]\nkind = \"kommun\"\n").expect("parses");
    let issues = rpcheck::schema_check::SchemaCheck::record().check(&doc.value);
    let policy = rpcheck::Policy::load(&[]).expect("built-in packs");
    let messages: Vec<String> =
        issues.iter().map(|i| policy.schema_issue(i, rpcheck::Lang::En).message.to_string()).collect();
    assert_eq!(messages, ["\"kommun\" is not one of: public_authority, municipal_company, private"]);
}
