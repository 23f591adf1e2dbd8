//! The edges of every limit: a waiver on its last day, a review due today, one finding more
//! than the per-file limit. Each test fails when its comparison is off by one.

use jiff::civil::{Date, date};
use rpcheck::config::Overrides;
use rpcheck::engine::{Checked, Engine, Settings};
use rpcheck::findings::Lang;
use rpcheck::policy::Policy;
use rpcheck::schema_check::SchemaCheck;

const TODAY: Date = date(2026, 11, 24);

fn check(text: &str) -> Checked {
    let policy = Policy::load(&[]).expect("built-in packs");
    let schema = SchemaCheck::record();
    let overrides = Overrides::default();
    let settings =
        Settings { lang: Lang::En, today: TODAY, default_review_months: 12, overrides: &overrides, controller: None };
    Engine::new(&policy, &schema, settings).check(text)
}

fn fired(checked: &Checked, rule: &str) -> bool {
    checked.findings.iter().any(|f| &*f.rule == rule)
}

fn record_with_waiver(expires: &str) -> String {
    format!(
        "schema_version = 1\nid = \"w\"\n\n[[waivers]]\nrule = \"gdpr/security-measures\"\n\
         reason = \"Beskrivs i informationssäkerhetsplanen\"\nexpires = {expires}\n"
    )
}

#[test]
fn a_waiver_holds_through_its_last_day() {
    let on_last_day = check(&record_with_waiver("2026-11-24"));
    assert!(!fired(&on_last_day, "gdpr/security-measures"), "{:?}", on_last_day.findings);
    assert!(!fired(&on_last_day, "record/waiver-expired"));
    assert_eq!(on_last_day.waived.len(), 1);
    let day_after = check(&record_with_waiver("2026-11-23"));
    assert!(fired(&day_after, "record/waiver-expired"));
    assert!(fired(&day_after, "gdpr/security-measures"), "an expired waiver waives nothing");
}

#[test]
fn a_review_due_today_is_not_overdue_until_tomorrow() {
    let record = |updated: &str| format!("schema_version = 1\nid = \"r\"\nupdated = {updated}\n");
    assert!(!fired(&check(&record("2025-11-24")), "record/review-overdue"));
    assert!(fired(&check(&record("2025-11-23")), "record/review-overdue"));
    let six_months = "schema_version = 1\nid = \"r\"\nupdated = 2026-05-24\nreview_interval_months = 6\n";
    assert!(!fired(&check(six_months), "record/review-overdue"));
    assert!(fired(&check(&six_months.replace("2026-05-24", "2026-05-23")), "record/review-overdue"));
}

#[test]
fn an_update_today_is_not_in_the_future() {
    let record = |updated: &str| format!("schema_version = 1\nid = \"r\"\nupdated = {updated}\n");
    assert!(!fired(&check(&record("2026-11-24")), "record/updated-in-future"));
    assert!(fired(&check(&record("2026-11-25")), "record/updated-in-future"));
}

#[test]
fn one_finding_over_the_limit_is_counted_not_listed() {
    let dir = std::env::temp_dir().join(format!("rpcheck-limit-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let record = dir.join("r.toml");
    std::fs::write(&record, "schema_version = 1\nid = \"r\"\n").expect("record");
    let run = |limit: Option<usize>| {
        let config = limit.map_or(String::new(), |n| format!("max_findings_per_file = {n}\n"));
        std::fs::write(dir.join("rpcheck.toml"), config).expect("config");
        let options = rpcheck::LintOptions::new(vec![record.clone()], TODAY);
        let report = rpcheck::lint::run(&options).expect("the run completes");
        (report.files[0].findings.len(), report.files[0].truncated)
    };
    let (all, none_truncated) = run(None);
    assert!(all > 2, "the bare record has several findings");
    assert_eq!(none_truncated, 0);
    assert_eq!(run(Some(all)), (all, 0), "exactly the limit: all listed");
    assert_eq!(run(Some(all - 1)), (all - 1, 1), "one over the limit: one counted");
    let _ = std::fs::remove_dir_all(&dir);
}
