//! House rules for the rule packs, as tests: ids are stable, texts exist in both languages,
//! messages follow the compiler convention. (Every rule's examples run in the CLI case
//! `rules-check`, and a wrong example is caught in `rules-check-wrong-example`.)

mod common;

use rpcheck::findings::Lang;
use rpcheck::policy::Policy;

fn builtin() -> Policy {
    Policy::load(&[]).expect("the built-in packs load")
}

#[test]
fn rule_ids_are_a_stable_contract() {
    let ids: Vec<String> = builtin().rules.iter().map(|r| r.id.to_string()).collect();
    // A rename or removal changes this snapshot, and only that does: ids are public, never
    // renamed or reused (a duplicate id is refused when the pack loads).
    insta::assert_snapshot!(ids.join("\n"));
}

#[test]
fn texts_exist_in_both_languages_and_differ() {
    for rule in &builtin().rules {
        for (what, text) in
            [("title", &rule.title), ("message", &rule.message), ("help", &rule.help), ("why", &rule.why)]
        {
            assert!(!text.en.trim().is_empty(), "{} {what} has no English", rule.id);
            assert!(!text.sv.trim().is_empty(), "{} {what} has no Swedish", rule.id);
            assert_ne!(text.en, text.sv, "{} {what} is not translated", rule.id);
        }
    }
}

#[test]
fn messages_follow_the_compiler_convention() {
    for rule in &builtin().rules {
        let case_messages = rule.cases.iter().filter_map(|c| c.message.as_ref());
        for message in std::iter::once(&rule.message).chain(case_messages) {
            for lang in [Lang::En, Lang::Sv] {
                let text = message.get(lang);
                let first = text.chars().next().unwrap_or('x');
                assert!(!first.is_uppercase(), "{}: message starts upper-case: {text}", rule.id);
                assert!(!text.ends_with('.'), "{}: message ends with a period: {text}", rule.id);
            }
        }
    }
}

#[test]
fn every_rule_cites_the_law_with_official_links() {
    const OFFICIAL: [&str; 4] = [
        "https://eur-lex.europa.eu/",
        "https://www.riksdagen.se/",
        "https://curia.europa.eu/",
        "https://commission.europa.eu/",
    ];
    for rule in &builtin().rules {
        assert!(!rule.references.is_empty(), "{} cites nothing", rule.id);
        assert!(rule.references.iter().any(|r| r.url.is_some()), "{} links no official text", rule.id);
        let urls = rule.references.iter().filter_map(|r| r.url.as_ref());
        for url in urls.flat_map(|u| [u.get(Lang::En), u.get(Lang::Sv)]) {
            assert!(OFFICIAL.iter().any(|o| url.starts_with(o)), "{}: {url} is not an official source", rule.id);
        }
    }
}

#[test]
fn the_worked_example_is_found() {
    // The social-media notice of DEVELOPERS.md: each problem, by its rule.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let paths = vec![root.join("examples/records/sociala-medier.toml")];
    let options = rpcheck::LintOptions::new(paths, jiff::civil::date(2026, 11, 24));
    let report = rpcheck::lint::run(&options).expect("lint runs");
    let fired: Vec<&str> = report.files[0].findings.iter().map(|f| &*f.rule).collect();
    for rule in [
        "gdpr/portability-not-applicable",
        "gdpr/legitimate-interest-public-body",
        "gdpr/transfer-mechanism",
        "gdpr/retention-specified",
        "gdpr/complaint-right",
        "gdpr/social-media-joint-control",
        "gdpr/legitimate-interest-stated",
    ] {
        assert!(fired.contains(&rule), "{rule} does not fire on the worked example: {fired:?}");
    }
}

#[test]
fn the_rule_list_in_docs_is_generated_and_fresh() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rpcheck"))
        .args(["rules", "--format", "markdown"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("rpcheck runs");
    let generated = String::from_utf8(out.stdout).expect("UTF-8");
    common::assert_fresh("docs/rules.md", &generated, "cargo run -- rules --format markdown > docs/rules.md");
}

#[test]
fn every_country_and_mechanism_in_the_data_has_words_in_both_languages() {
    let policy = builtin();
    let words = |kind: &str, code: &str| {
        let text = policy.glossary.get(kind).and_then(|w| w.get(code));
        assert!(text.is_some_and(|t| !t.en.is_empty() && !t.sv.is_empty()), "no {kind} glossary entry for {code}");
    };
    let adequacy = policy.facts.adequacy.iter().filter_map(|a| a.country.as_deref());
    for code in policy.facts.eea_codes().chain(adequacy) {
        words("country", code);
    }
    let schema = rpcheck::model::record_schema();
    let mechanisms = schema["$defs"]["TransferMechanism"]["enum"].as_array().expect("mechanisms are listed");
    for mechanism in mechanisms {
        words("mechanism", mechanism.as_str().expect("each mechanism is a string"));
    }
}

/// Every `pattern` in a pack value, wherever it is nested.
fn patterns(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, child) in map {
                match (key.as_str(), child) {
                    ("pattern", serde_json::Value::String(p)) => out.push(p.clone()),
                    _ => patterns(child, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|i| patterns(i, out)),
        _ => {}
    }
}

/// A pack demands a value with `format = "filled-in"`, which treats placeholders as blank; a
/// pattern that accepts any text would let "TODO" pass.
#[test]
fn packs_demand_a_value_with_the_format_that_treats_placeholders_as_blank() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("policies");
    let mut filled_in = 0;
    for pack in ["gdpr.toml", "se.toml", "record.toml"] {
        let text = std::fs::read_to_string(root.join(pack)).expect("pack reads");
        let value: serde_json::Value = toml::from_str(&text).expect("pack parses");
        let mut found = Vec::new();
        patterns(&value, &mut found);
        for pattern in found {
            let schema = serde_json::json!({ "pattern": pattern });
            let validator = rpcheck::policy::compile_schema(&schema).expect("pattern compiles");
            let any_text = ["some text", "något annat"].iter().all(|t| validator.is_valid(&serde_json::json!(t)));
            assert!(!any_text, "{pack}: a value is demanded with {pattern}; use format = \"filled-in\"");
        }
        filled_in += text.matches(r#"format = "filled-in""#).count();
    }
    assert!(filled_in >= 25, "the packs demand values with `filled-in` ({filled_in} found)");
}

/// Every passage a `why` text quotes (“…” or ”…” in either language, „…" in Swedish), with the
/// text that follows it.
fn quotations(text: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find(['“', '”', '„']) {
        let after_open = &rest[open + rest[open..].chars().next().map_or(1, char::len_utf8)..];
        let Some(close) = after_open.find(['”', '"']) else {
            break;
        };
        let quoted = &after_open[..close];
        let follows = &after_open[close + after_open[close..].chars().next().map_or(1, char::len_utf8)..];
        out.push((quoted, follows));
        rest = follows;
    }
    out
}

#[test]
fn every_quotation_of_the_law_is_followed_by_its_citation() {
    // A test comparing each quotation with the Official Journal's text finds them this way.
    for rule in &builtin().rules {
        for (lang, text) in [("en", &rule.why.en), ("sv", &rule.why.sv)] {
            for (quoted, follows) in quotations(text) {
                let cited = ["(art", "(recital", "(skäl"].iter().any(|c| follows.trim_start().starts_with(c));
                assert!(cited, "{} {lang}: the quotation “{quoted}” is not followed by its citation", rule.id);
            }
        }
    }
}
