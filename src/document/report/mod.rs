//! The findings report: one HTML page for a lawyer or a management meeting, with a summary
//! table, bar charts of findings per severity and per rule, then the findings grouped by
//! record and by rule, each with its message, the provisions it rests on (linked) and the fix.
//! Built here; `templates/report.html` lays it out.

mod chart;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::document::words::pick;
use crate::findings::RunReport;
use crate::findings::{Finding, Lang, Severity};
use crate::render::Counts;

pub use chart::Chart;

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// BCP 47 language of the report.
    pub lang: &'static str,
    /// Words the layout needs (headings, column names), in the report's language.
    pub labels: BTreeMap<&'static str, String>,
    /// The summary table: a label and a number per row.
    pub summary: Vec<(String, usize)>,
    /// Findings per severity, then per rule.
    pub charts: Vec<Chart>,
    /// Files with findings, in path order.
    pub by_record: Vec<RecordGroup>,
    /// Rules that found something, most findings first.
    pub by_rule: Vec<RuleGroup>,
}

/// The findings of one file.
#[derive(Debug, Clone, Serialize)]
pub struct RecordGroup {
    /// An id for anchors.
    pub anchor: String,
    /// The file's path.
    pub path: String,
    /// The record's id, when known.
    pub record: Option<String>,
    /// Its findings in file order.
    pub findings: Vec<FindingView>,
    /// Findings waived in it, as `rule: reason`.
    pub waived: Vec<String>,
}

/// One finding as the report shows it.
#[derive(Debug, Clone, Serialize)]
pub struct FindingView {
    /// `error`, `warning` or `info` (for styling).
    pub severity: &'static str,
    /// The severity in words.
    pub severity_label: String,
    /// The rule id.
    pub rule: String,
    /// `line:column` in the file.
    pub place: String,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// The provisions it rests on.
    pub references: Vec<Link>,
}

/// A citation, linked when its address is a web address.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    /// The citation.
    pub cite: String,
    /// An `http(s)` address of the official text; others (from a user's pack) are not linked.
    pub url: Option<String>,
}

/// The findings of one rule.
#[derive(Debug, Clone, Serialize)]
pub struct RuleGroup {
    /// The rule id.
    pub rule: String,
    /// The rule's title.
    pub title: String,
    /// Where it fired: `path:line: message`.
    pub places: Vec<String>,
}

/// Build the report of a lint run.
pub fn build(run: &RunReport) -> Report {
    let lang = run.lang;
    let counts = Counts::of(run);
    let summary = vec![
        (pick(lang, "Files checked", "Kontrollerade filer"), run.files.len()),
        (pick(lang, "Records", "Poster"), run.records()),
        (pick(lang, "Errors", "Fel"), counts.errors),
        (pick(lang, "Warnings", "Varningar"), counts.warnings),
        (pick(lang, "Notes", "Upplysningar"), counts.infos),
        (pick(lang, "Waived", "Avsteg"), counts.waived),
    ];
    let by_rule = rule_groups(run);
    let per_severity = [
        (pick(lang, "Errors", "Fel"), counts.errors, "error"),
        (pick(lang, "Warnings", "Varningar"), counts.warnings, "warning"),
        (pick(lang, "Notes", "Upplysningar"), counts.infos, "info"),
    ];
    let per_rule: Vec<(String, usize, &'static str)> =
        by_rule.iter().map(|g| (g.rule.clone(), g.places.len(), "rule")).collect();
    let charts = vec![
        Chart::bars(
            "chart-severity",
            pick(lang, "Findings per severity", "Iakttagelser per allvarlighetsgrad"),
            &per_severity,
        ),
        Chart::bars("chart-rule", pick(lang, "Findings per rule", "Iakttagelser per regel"), &per_rule),
    ];
    Report {
        lang: match lang {
            Lang::En => "en",
            Lang::Sv => "sv",
        },
        labels: labels(lang),
        summary,
        charts,
        by_record: run
            .files
            .iter()
            .filter(|f| !f.findings.is_empty() || !f.waived.is_empty())
            .enumerate()
            .map(|(i, f)| RecordGroup {
                anchor: format!("file-{}", i + 1),
                path: f.path.clone(),
                record: f.record.clone(),
                findings: f.findings.iter().map(|x| view(x, lang)).collect(),
                waived: f.waived.iter().map(|w| format!("{}: {}", w.rule, w.reason)).collect(),
            })
            .collect(),
        by_rule,
    }
}

fn view(finding: &Finding, lang: Lang) -> FindingView {
    FindingView {
        severity: finding.severity.as_str(),
        severity_label: severity_word(finding.severity, lang),
        rule: finding.rule.to_string(),
        place: format!("{}:{}", finding.region.line, finding.region.column),
        message: finding.message.to_string(),
        help: finding.help.as_ref().map(|h| h.to_string()),
        references: finding
            .references
            .iter()
            .map(|r| r.local(lang))
            .map(|r| Link {
                cite: r.cite.to_string(),
                url: r.url.filter(|u| u.starts_with("https://") || u.starts_with("http://")).map(str::to_string),
            })
            .collect(),
    }
}

fn severity_word(severity: Severity, lang: Lang) -> String {
    match severity {
        Severity::Error => pick(lang, "error", "fel"),
        Severity::Warning => pick(lang, "warning", "varning"),
        Severity::Info => pick(lang, "note", "upplysning"),
    }
}

fn rule_groups(run: &RunReport) -> Vec<RuleGroup> {
    let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for file in &run.files {
        for f in &file.findings {
            groups
                .entry(f.rule.to_string())
                .or_default()
                .push(format!("{}:{}: {}", file.path, f.region.line, f.message));
        }
    }
    let mut out: Vec<RuleGroup> = groups
        .into_iter()
        .map(|(rule, places)| {
            let title = run.rules.get(rule.as_str()).map(|r| r.title.get(run.lang).to_string());
            RuleGroup { title: title.unwrap_or_else(|| rule.clone()), rule, places }
        })
        .collect();
    out.sort_by(|a, b| b.places.len().cmp(&a.places.len()).then_with(|| a.rule.cmp(&b.rule)));
    out
}

fn labels(lang: Lang) -> BTreeMap<&'static str, String> {
    let words = [
        ("title", "Findings in the records of processing", "Iakttagelser i registerförteckningen"),
        (
            "intro",
            "What rpcheck found when it checked the records against the GDPR and Swedish law. Each finding names the provision it rests on and how to fix it.",
            "Det här hittade rpcheck när posterna i registerförteckningen kontrollerades mot dataskyddsförordningen och svensk lag. Varje iakttagelse anger vilken bestämmelse den bygger på och hur den åtgärdas.",
        ),
        ("summary", "Summary", "Sammanfattning"),
        ("count", "Number", "Antal"),
        ("what", "What", "Vad"),
        ("by_record", "Findings by record", "Iakttagelser per post"),
        ("by_rule", "Findings by rule", "Iakttagelser per regel"),
        ("severity", "Severity", "Allvarlighetsgrad"),
        ("rule", "Rule", "Regel"),
        ("place", "Line", "Rad"),
        ("message", "Finding", "Iakttagelse"),
        ("fix", "How to fix", "Så åtgärdas det"),
        ("law", "Rests on", "Bygger på"),
        ("waived", "Waived", "Avsteg"),
        ("none", "No findings: every record passed every rule.", "Inga iakttagelser: alla poster klarade alla regler."),
        ("generated_by", "Generated by rpcheck (rpcheck report).", "Skapad av rpcheck (rpcheck report)."),
    ];
    words.into_iter().map(|(key, en, sv)| (key, pick(lang, en, sv))).collect()
}
