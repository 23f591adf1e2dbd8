//! Generated TOML, well-formed and mutated, thrown at the whole pipeline: no panic, every
//! finding's span inside the file, and the binary's exit code always 0, 1 or 2.

use std::io::Write;
use std::process::{Command, Stdio};

use proptest::prelude::*;
use rpcheck::config::Overrides;
use rpcheck::engine::{Engine, Settings};
use rpcheck::findings::Lang;
use rpcheck::policy::Policy;
use rpcheck::schema_check::SchemaCheck;
use rpcheck::source::read::decode;

fn text_value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zåäöA-Z0-9 ,.()§:-]{0,40}".prop_map(|s| format!("{s:?}")),
        Just("\"\"".to_string()),
        (1i64..100_000).prop_map(|n| n.to_string()),
        Just("true".to_string()),
        Just("2023-02-14".to_string()),
        Just("[]".to_string()),
        Just("{}".to_string()),
    ]
}

fn pick(options: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![proptest::sample::select(options).prop_map(|s| format!("{s:?}")), text_value()]
}

fn table(header: &'static str, keys: &'static [&'static str]) -> impl Strategy<Value = String> {
    proptest::collection::vec((proptest::sample::select(keys), text_value()), 0..6).prop_map(move |pairs| {
        let mut out = format!("\n{header}\n");
        let mut seen = Vec::new();
        for (key, value) in pairs {
            if !seen.contains(&key) {
                seen.push(key);
                out.push_str(&format!("{key} = {value}\n"));
            }
        }
        out
    })
}

fn purpose() -> impl Strategy<Value = String> {
    (
        text_value(),
        pick(&["consent", "contract", "legal_obligation", "public_task", "legitimate_interest"]),
        table("", &["legitimate_interest", "law", "balancing_test", "id"]),
    )
        .prop_map(|(d, b, rest)| format!("\n[[purposes]]\ndescription = {d}\nlegal_basis = {b}{}", rest.trim_start()))
}

fn transfer() -> impl Strategy<Value = String> {
    (pick(&["US", "IN", "SE", "USA", "XX", "GB"]), pick(&["adequacy", "scc", "bcr", "derogation"]), text_value())
        .prop_map(|(c, m, r)| format!("\n[[transfers]]\ncountry = {c}\nmechanism = {m}\nrecipient = {r}\n"))
}

fn record() -> impl Strategy<Value = String> {
    (
        prop_oneof![Just("1".to_string()), text_value()],
        "[a-z0-9-]{1,12}",
        table("[controller]", &["name", "kind", "country", "contact", "dpo"]),
        proptest::collection::vec(purpose(), 0..4),
        proptest::collection::vec(transfer(), 0..3),
        table("[retention]", &["period", "criteria", "public_records", "disposal_decision"]),
        table("[rights]", &["access", "erasure", "portability", "complaint_authority", "objection"]),
        table("[[waivers]]", &["rule", "reason", "expires"]),
    )
        .prop_map(|(version, id, controller, purposes, transfers, retention, rights, waivers)| {
            format!(
                "schema_version = {version}\nid = \"{id}\"\n{controller}{}{}{retention}{rights}{waivers}",
                purposes.concat(),
                transfers.concat()
            )
        })
}

/// A record with some bytes replaced, inserted or removed.
fn mutated() -> impl Strategy<Value = Vec<u8>> {
    (record(), proptest::collection::vec((any::<usize>(), any::<u8>(), 0u8..3), 1..8)).prop_map(|(text, edits)| {
        let mut bytes = text.into_bytes();
        for (at, byte, kind) in edits {
            let at = at % (bytes.len() + 1);
            match kind {
                0 if at < bytes.len() => bytes[at] = byte,
                1 => bytes.insert(at, byte),
                _ if at < bytes.len() => {
                    bytes.remove(at);
                }
                _ => {}
            }
        }
        bytes
    })
}

/// Compiled once for all cases.
static POLICY: std::sync::LazyLock<Policy> = std::sync::LazyLock::new(|| Policy::load(&[]).expect("built-in packs"));
static SCHEMA: std::sync::LazyLock<SchemaCheck> = std::sync::LazyLock::new(SchemaCheck::record);

fn check_in_library(bytes: Vec<u8>) {
    let (policy, schema) = (&*POLICY, &*SCHEMA);
    let overrides = Overrides::default();
    let settings = Settings {
        lang: Lang::Sv,
        today: jiff::civil::date(2026, 11, 24),
        default_review_months: 12,
        overrides: &overrides,
        controller: None,
    };
    let engine = Engine::new(policy, schema, settings);
    let (text, checked) = engine.check_content(decode(bytes));
    for f in &checked.findings {
        assert!(f.span.start <= f.span.end && f.span.end <= text.len(), "{f:?} outside {} bytes", text.len());
        assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end), "{f:?}");
        assert!(f.region.line >= 1 && f.region.column >= 1, "{f:?}");
        assert!(!f.message.is_empty(), "{f:?}");
    }
}

fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        (-5i64..200).prop_map(|n| n.to_string()),
        Just("4000000000".to_string()),
        Just("9223372036854775807".to_string()),
        Just("-9223372036854775808".to_string()),
        Just("1.5".to_string()),
        text_value(),
    ]
}

/// An rpcheck.toml: every key, with values in and out of range, valid and broken.
fn config() -> impl Strategy<Value = String> {
    let line = |key: &'static str, value: BoxedStrategy<String>| {
        proptest::option::of(value).prop_map(move |v| v.map_or(String::new(), |v| format!("{key} = {v}\n")))
    };
    let globs = || {
        proptest::collection::vec(pick(&["**/*.toml", "records/**", "[", "{a,b", "**/../*"]), 0..3)
            .prop_map(|g| format!("[{}]", g.join(", ")))
            .boxed()
    };
    let rules = proptest::collection::vec(
        (
            pick(&["gdpr/dpia", "record/syntax", "record/duplicate-id", "gdpr/dpiaa", "x"]),
            pick(&["off", "info", "warning", "error", "of"]),
        ),
        0..4,
    )
    .prop_map(|pairs| {
        let mut out = String::from("\n[rules]\n");
        let mut seen = Vec::new();
        for (id, level) in pairs {
            if !seen.contains(&id) {
                out.push_str(&format!("{id} = {level}\n"));
                seen.push(id);
            }
        }
        out
    });
    (
        line("lang", pick(&["en", "sv", "de"]).boxed()),
        line("review_interval_months", number().boxed()),
        line("max_file_bytes", number().boxed()),
        line("max_findings_per_file", number().boxed()),
        line("include", globs()),
        line("exclude", globs()),
        line("policies", pick(&["[\"missing.toml\"]", "[]"]).boxed()),
        table("[controller]", &["name", "kind", "country", "contact", "dpo"]),
        rules,
    )
        .prop_map(|(a, b, c, d, e, f, g, controller, rules)| format!("{a}{b}{c}{d}{e}{f}{g}{controller}{rules}"))
}

/// Lint a project of one record under `config` with the binary; its exit code.
fn project_exit_code(config: &str, record: &str) -> Option<i32> {
    let dir = tempdir_for(config, record);
    let code = Command::new(env!("CARGO_BIN_EXE_rpcheck"))
        .args(["lint", "--format", "json", "."])
        .current_dir(&dir)
        .env("RPCHECK_TODAY", "2026-11-24")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("rpcheck runs")
        .code();
    let _ = std::fs::remove_dir_all(&dir);
    code
}

fn tempdir_for(config: &str, record: &str) -> std::path::PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("rpcheck-proptest-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    std::fs::write(dir.join("rpcheck.toml"), config).expect("config");
    std::fs::write(dir.join("record.toml"), record).expect("record");
    dir
}

fn exit_code(bytes: &[u8]) -> Option<i32> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rpcheck"))
        .args(["lint", "--format", "json", "-", "--stdin-filename", "generated.toml"])
        .current_dir(std::env::temp_dir())
        .env("RPCHECK_TODAY", "2026-11-24")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("rpcheck starts");
    child.stdin.take().expect("stdin").write_all(bytes).expect("write stdin");
    child.wait().expect("rpcheck ends").code()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn well_formed_records_never_break_the_pipeline(text in record()) {
        check_in_library(text.into_bytes());
    }

    #[test]
    fn mutated_records_never_break_the_pipeline(bytes in mutated()) {
        check_in_library(bytes);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn the_binary_exits_0_1_or_2(bytes in mutated()) {
        let code = exit_code(&bytes);
        prop_assert!(matches!(code, Some(0..=2)), "exit {code:?}");
    }

    #[test]
    fn any_config_exits_0_1_or_2(config in config(), record in record()) {
        let code = project_exit_code(&config, &record);
        prop_assert!(matches!(code, Some(0..=2)), "exit {code:?} with rpcheck.toml:\n{config}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn config_parsing_never_panics(config in config()) {
        let _ = rpcheck::config::Config::parse(std::path::Path::new("rpcheck.toml"), &config);
    }
}
