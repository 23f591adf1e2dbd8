//! A finding's certain fix, applied to the text, makes that finding go away and nothing new
//! appear in its place.

use jiff::civil::date;
use rpcheck::config::Overrides;
use rpcheck::engine::{Checked, Engine, Settings};
use rpcheck::findings::Lang;
use rpcheck::policy::Policy;
use rpcheck::schema_check::SchemaCheck;

fn check(policy: &Policy, text: &str) -> Checked {
    let schema = SchemaCheck::record();
    let overrides = Overrides::default();
    let settings = Settings {
        lang: Lang::En,
        today: date(2026, 11, 24),
        default_review_months: 12,
        overrides: &overrides,
        controller: None,
    };
    Engine::new(policy, &schema, settings).check(text)
}

#[test]
fn applying_every_fix_removes_the_findings_it_fixes() {
    let policy = Policy::load(&[]).expect("built-in packs");
    let text = "schema_version = 1\nid = \"r\"\n\n[[purposes]]\nid = \"a\"\ndescription = \"Svara på frågor\"\n\
                legal_bases = \"consent\"\n\n[[transfers]]\nrecipient = \"Exempel Inc.\"\ncountry = \"USA\"\n\
                mechanism = \"sc\"\n";
    let before = check(&policy, text);
    let fixes: Vec<_> = before.findings.iter().filter_map(|f| f.fix.as_ref().map(|x| (f.span.clone(), x))).collect();
    assert_eq!(fixes.len(), 3, "a misspelt key, an alpha-3 code and a near enum value: {:?}", before.findings);
    let mut fixed = text.to_string();
    let mut ordered = fixes.clone();
    ordered.sort_by_key(|(span, _)| std::cmp::Reverse(span.start));
    for (span, fix) in ordered {
        fixed.replace_range(span, &fix.replacement);
    }
    assert!(fixed.contains("legal_basis = \"consent\"") && fixed.contains("country = \"US\""), "{fixed}");
    assert!(fixed.contains("mechanism = \"scc\""), "{fixed}");
    let after = check(&policy, &fixed);
    assert!(after.findings.iter().all(|f| &*f.rule != "record/schema"), "{:?}", after.findings);
}
