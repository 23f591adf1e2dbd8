//! Every rule's `[[rule.example]]` records, run through the whole engine: the documentation
//! that is also the test (`rpcheck rules --check`, and the test suite).

use jiff::civil::Date;

use crate::baseline::Baseline;
use crate::config::Overrides;
use crate::engine::{Engine, Settings};
use crate::findings::Lang;
use crate::policy::{Policy, Rule};
use crate::schema_check::SchemaCheck;

/// The day examples are judged by unless they name one: fixed, so results never drift.
pub const EXAMPLE_TODAY: Date = jiff::civil::date(2026, 1, 1);

/// One example whose outcome is not what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The rule.
    pub rule: String,
    /// 1-based position among the rule's examples.
    pub example: usize,
    /// What went wrong.
    pub problem: String,
}

/// The example's text as a full record: `schema_version` and `id` added when absent.
pub fn full_record(snippet: &str) -> String {
    let value = crate::source::parse(snippet).map(|d| d.value).unwrap_or_default();
    let mut text = String::new();
    if value.get("schema_version").is_none() {
        text.push_str("schema_version = 1\n");
    }
    if value.get("id").is_none() {
        text.push_str("id = \"example\"\n");
    }
    text.push_str(snippet);
    text
}

/// Run every example of every rule; return those that fail.
pub fn check(policy: &Policy) -> Vec<Failure> {
    let schema = SchemaCheck::record();
    let overrides = Overrides::default();
    let mut failures = Vec::new();
    for rule in &policy.rules {
        failures.extend(check_rule(policy, &schema, &overrides, rule));
    }
    failures
}

/// An example's findings as `lint` reports them against the example's baseline: those it holds
/// taken out, its stale entries added.
fn against_baseline(
    engine: &Engine<'_>,
    baseline: &str,
    text: &str,
    findings: Vec<crate::findings::Finding>,
) -> Result<Vec<crate::findings::Finding>, String> {
    let path = std::path::Path::new(crate::baseline::FILE_NAME);
    let baseline = Baseline::parse(path, path, baseline).map_err(|e| format!("the example's baseline: {e}"))?;
    let mut holding = baseline.holding();
    let keys = crate::baseline::keys(EXAMPLE_FILE, text, &findings);
    let mut kept = holding.hold(findings, &keys);
    kept.extend(holding.stale(|_| true).into_iter().filter_map(|i| baseline.stale_finding(engine, i)));
    Ok(kept)
}

/// The name an example record has in its baseline: a file at the project root.
const EXAMPLE_FILE: &str = "example.toml";

fn check_rule(policy: &Policy, schema: &SchemaCheck, overrides: &Overrides, rule: &Rule) -> Vec<Failure> {
    let fail = |example: usize, problem: String| Failure { rule: rule.id.to_string(), example, problem };
    let mut failures = Vec::new();
    if !rule.examples.iter().any(|e| e.fires) || !rule.examples.iter().any(|e| !e.fires) {
        failures.push(fail(0, "needs at least one example that fires and one that does not".into()));
    }
    for (i, example) in rule.examples.iter().enumerate() {
        let today = example
            .today
            .and_then(|d| d.date)
            .and_then(|d| Date::new(d.year as i16, d.month as i8, d.day as i8).ok())
            .unwrap_or(EXAMPLE_TODAY);
        let settings = Settings { lang: Lang::En, today, default_review_months: 12, overrides, controller: None };
        let engine = Engine::new(policy, schema, settings);
        let text = full_record(&example.record);
        let mut checked = engine.check(&text);
        if let Some(baseline) = &example.baseline {
            match against_baseline(&engine, baseline, &text, checked.findings) {
                Ok(findings) => checked.findings = findings,
                Err(problem) => {
                    failures.push(fail(i + 1, problem));
                    continue;
                }
            }
        }
        let ids: Vec<&str> = checked.findings.iter().map(|f| &*f.rule).collect();
        let fired = ids.contains(&&*rule.id) || checked.waived.iter().any(|w| *w.rule == *rule.id);
        // The rules that judge form itself may fire on a malformed example; no other rule may.
        const FORM: [&str; 2] = ["record/schema", "record/syntax"];
        let malformed = ids.iter().any(|id| FORM.contains(id));
        if malformed && !FORM.contains(&&*rule.id) {
            let messages: Vec<&str> = checked.findings.iter().map(|f| &*f.message).collect();
            failures.push(fail(i + 1, format!("the example is not a well-formed record: {}", messages.join("; "))));
        } else if fired != example.fires {
            let verb = if example.fires { "should fire but does not" } else { "fires but should not" };
            failures.push(fail(i + 1, format!("{verb} (fired: {})", ids.join(", "))));
        }
    }
    failures
}
