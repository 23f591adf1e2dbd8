//! SARIF 2.1.0 through the typed model of `serde-sarif`: one run, every rule in
//! `tool.driver.rules` with its texts from the pack entry, one result per finding.

use std::collections::BTreeMap;

use serde_sarif::sarif::{
    ArtifactChange, ArtifactContent, ArtifactLocation, Fix as SarifFix, Location, Message, MultiformatMessageString,
    PhysicalLocation, PropertyBag, Region, Replacement, ReportingConfiguration, ReportingDescriptor,
    Result as SarifResult, ResultLevel, Run, Sarif, Tool, ToolComponent,
};

use crate::findings::{Finding, Lang, RuleDoc, RunReport, Severity};

/// The SARIF schema this log follows.
const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(severity: Severity) -> ResultLevel {
    match severity {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
        Severity::Info => ResultLevel::Note,
    }
}

/// Percent-encode a relative path into a URI reference (RFC 3986), keeping `/`.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.replace('\\', "/").bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn text(text: &str) -> MultiformatMessageString {
    MultiformatMessageString::builder().text(text).build()
}

fn descriptor(rule: &RuleDoc, lang: Lang) -> ReportingDescriptor {
    let references: Vec<_> = rule.references.iter().map(|r| r.local(lang)).collect();
    let help_uri = references.iter().find_map(|r| r.url.map(str::to_string));
    let properties = PropertyBag::builder()
        .additional_properties(BTreeMap::from([(
            "references".to_string(),
            serde_json::to_value(&references).unwrap_or_default(),
        )]))
        .build();
    let descriptor = ReportingDescriptor::builder()
        .id(&*rule.id)
        .name(rule.id.replace('/', "-"))
        .short_description(text(rule.title.get(lang)))
        .full_description(text(rule.why.get(lang)))
        .help(text(rule.help.get(lang)))
        .default_configuration(
            ReportingConfiguration::builder()
                .level(serde_json::to_value(level(rule.severity)).unwrap_or_default())
                .build(),
        )
        .properties(properties);
    match help_uri {
        Some(url) => descriptor.help_uri(url).build(),
        None => descriptor.build(),
    }
}

fn region(finding: &Finding) -> Region {
    Region::builder()
        .start_line(finding.region.line as i64)
        .start_column(finding.region.column as i64)
        .end_line(finding.region.end_line as i64)
        .end_column(finding.region.end_column as i64)
        .build()
}

/// The finding's certain fix as a SARIF `fix`: its place replaced by the new text.
fn fix(finding: &Finding, path: &str) -> Option<SarifFix> {
    let fix = finding.fix.as_ref()?;
    let replacement = Replacement::builder()
        .deleted_region(region(finding))
        .inserted_content(ArtifactContent::builder().text(fix.replacement.as_str()).build())
        .build();
    let change = ArtifactChange::builder()
        .artifact_location(ArtifactLocation::builder().uri(uri(path)).build())
        .replacements(vec![replacement])
        .build();
    Some(
        SarifFix::builder()
            .description(Message::builder().text(&*fix.title).build())
            .artifact_changes(vec![change])
            .build(),
    )
}

fn result(finding: &Finding, path: &str, rule_index: Option<usize>) -> SarifResult {
    let location = Location::builder()
        .physical_location(
            PhysicalLocation::builder()
                .artifact_location(ArtifactLocation::builder().uri(uri(path)).build())
                .region(region(finding))
                .build(),
        )
        .build();
    let result = SarifResult::builder()
        .rule_id(&*finding.rule)
        .level(level(finding.severity))
        .message(Message::builder().text(&*finding.message).build())
        .locations(vec![location])
        .build();
    SarifResult { rule_index: rule_index.map(|i| i as i64), fixes: fix(finding, path).map(|f| vec![f]), ..result }
}

/// Render the report as a SARIF 2.1.0 log.
pub fn render(report: &RunReport, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let index: BTreeMap<&str, usize> = report.rules.keys().enumerate().map(|(i, id)| (&**id, i)).collect();
    let results: Vec<SarifResult> = report
        .files
        .iter()
        .flat_map(|file| file.findings.iter().map(|f| result(f, &file.path, index.get(&*f.rule).copied())))
        .collect();
    let driver = ToolComponent::builder()
        .name("rpcheck")
        .version(env!("CARGO_PKG_VERSION"))
        .rules(report.rules.values().map(|r| descriptor(r, report.lang)).collect::<Vec<_>>())
        .build();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .column_kind(serde_json::Value::from("unicodeCodePoints"))
        .results(results)
        .build();
    let log = Sarif::builder().schema(SCHEMA).version(serde_json::Value::from("2.1.0")).runs(vec![run]).build();
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}
