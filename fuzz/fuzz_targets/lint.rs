//! The whole lint pipeline on arbitrary bytes: decoding, parsing, schema, every built-in rule,
//! waivers. Any panic is a bug; so is a span outside the file.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use rpcheck::config::Overrides;
use rpcheck::engine::{Engine, Settings};
use rpcheck::findings::Lang;
use rpcheck::policy::Policy;
use rpcheck::schema_check::SchemaCheck;
use rpcheck::source::read::decode;

static POLICY: LazyLock<Policy> = LazyLock::new(|| Policy::load(&[]).expect("built-in packs"));
static SCHEMA: LazyLock<SchemaCheck> = LazyLock::new(SchemaCheck::record);
static OVERRIDES: LazyLock<Overrides> = LazyLock::new(Overrides::default);

fuzz_target!(|data: &[u8]| {
    let settings = Settings {
        lang: Lang::En,
        today: jiff::civil::date(2026, 11, 24),
        default_review_months: 12,
        overrides: &OVERRIDES,
        controller: None,
    };
    let engine = Engine::new(&POLICY, &SCHEMA, settings);
    let (text, checked) = engine.check_content(decode(data.to_vec()));
    for finding in &checked.findings {
        assert!(finding.span.end <= text.len(), "span outside the file: {finding:?}");
        assert!(text.is_char_boundary(finding.span.start) && text.is_char_boundary(finding.span.end));
    }
});
