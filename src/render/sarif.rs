//! SARIF 2.1.0 through the typed model of `serde-sarif`: one run, every rule in
//! `tool.driver.rules` with its texts from the pack entry, one result per finding.

use std::collections::BTreeMap;

use serde_sarif::sarif::{
    ArtifactChange, ArtifactContent, ArtifactLocation, Fix as SarifFix, Location, Message, MultiformatMessageString,
    PhysicalLocation, PropertyBag, Region, Replacement, ReportingConfiguration, ReportingDescriptor,
    Result as SarifResult, ResultLevel, Run, Sarif, Tool, ToolComponent,
};

use super::{Checkout, Place};
use crate::findings::{FileReport, Finding, Lang, RuleDoc, RunReport, Severity};

/// The SARIF schema this log follows.
const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(severity: Severity) -> ResultLevel {
    match severity {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
        Severity::Info => ResultLevel::Note,
    }
}

/// The base that artifact URIs below the checkout's root are relative to.
const SRCROOT: &str = "%SRCROOT%";

/// The key of rpcheck's fingerprint in `partialFingerprints`.
const FINGERPRINT: &str = "rpcheck/v1";

/// Percent-encode a path into a URI path (RFC 3986), keeping `/` (and `:`, which may stand in an
/// absolute path's drive letter but not in the first segment of a relative reference).
fn encode(path: &str, keep_colon: bool) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.replace('\\', "/").bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) || (keep_colon && byte == b':') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// An absolute path as a `file://` URI; a folder's ends with `/`, as a base URI must.
fn file_uri(path: &std::path::Path, folder: bool) -> String {
    let path = path.display().to_string().replace('\\', "/");
    let slash = if path.starts_with('/') { "" } else { "/" };
    let end = if folder && !path.ends_with('/') { "/" } else { "" };
    format!("file://{slash}{}{end}", encode(&path, true))
}

/// Where a file is, for SARIF: relative to `%SRCROOT%` when below the checkout's root, else
/// its own `file://` URI.
fn artifact(checkout: &Checkout, shown: &str) -> ArtifactLocation {
    match checkout.place(shown) {
        Place::Inside(path) => ArtifactLocation::builder().uri(encode(&path, false)).uri_base_id(SRCROOT).build(),
        Place::Outside(path) => ArtifactLocation::builder().uri(file_uri(&path, false)).build(),
    }
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
fn fix(finding: &Finding, artifact: &ArtifactLocation) -> Option<SarifFix> {
    let fix = finding.fix.as_ref()?;
    let replacement = Replacement::builder()
        .deleted_region(region(finding))
        .inserted_content(ArtifactContent::builder().text(fix.replacement.as_str()).build())
        .build();
    let change = ArtifactChange::builder().artifact_location(artifact.clone()).replacements(vec![replacement]).build();
    Some(
        SarifFix::builder()
            .description(Message::builder().text(&*fix.title).build())
            .artifact_changes(vec![change])
            .build(),
    )
}

fn result(
    finding: &Finding,
    artifact: &ArtifactLocation,
    rule_index: Option<usize>,
    fingerprint: String,
) -> SarifResult {
    let location = Location::builder()
        .physical_location(
            PhysicalLocation::builder().artifact_location(artifact.clone()).region(region(finding)).build(),
        )
        .build();
    let result = SarifResult::builder()
        .rule_id(&*finding.rule)
        .level(level(finding.severity))
        .message(Message::builder().text(&*finding.message).build())
        .locations(vec![location])
        .build();
    SarifResult {
        rule_index: rule_index.map(|i| i as i64),
        fixes: fix(finding, artifact).map(|f| vec![f]),
        partial_fingerprints: Some(BTreeMap::from([(FINGERPRINT.to_string(), fingerprint)])),
        ..result
    }
}

/// The results of one file.
fn file_results(
    file: &FileReport,
    checkout: &Checkout,
    index: &BTreeMap<&str, usize>,
) -> impl Iterator<Item = SarifResult> {
    let artifact = artifact(checkout, &file.path);
    let fingerprints = super::fingerprints(file, &checkout.path(&file.path));
    let results: Vec<SarifResult> = file
        .findings
        .iter()
        .zip(fingerprints)
        .map(|(f, fingerprint)| result(f, &artifact, index.get(&*f.rule).copied(), fingerprint))
        .collect();
    results.into_iter()
}

/// How many findings the baseline held, as the run's `properties.baselined`; absent when none.
/// Held findings are left out of `results` rather than sent with `suppressions` or a
/// `baselineState`: GitHub code scanning tracks new and fixed alerts itself from the fingerprints,
/// and closing alerts from `suppressions` takes a separate action (advanced-security/dismiss-alerts),
/// so a held finding sent would open an alert. Left out, code scanning shows what `lint` fails on.
fn baselined(count: usize) -> Option<PropertyBag> {
    let count = serde_json::Value::from(count);
    (count != 0)
        .then(|| PropertyBag::builder().additional_properties(BTreeMap::from([("baselined".into(), count)])).build())
}

/// Render the report as a SARIF 2.1.0 log.
pub fn render(report: &RunReport, checkout: &Checkout, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let index: BTreeMap<&str, usize> = report.rules.keys().enumerate().map(|(i, id)| (&**id, i)).collect();
    let results: Vec<SarifResult> = report.files.iter().flat_map(|file| file_results(file, checkout, &index)).collect();
    let root = ArtifactLocation::builder().uri(file_uri(checkout.root(), true)).build();
    let driver = ToolComponent::builder()
        .name("rpcheck")
        .version(env!("CARGO_PKG_VERSION"))
        .rules(report.rules.values().map(|r| descriptor(r, report.lang)).collect::<Vec<_>>())
        .build();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .original_uri_base_ids(BTreeMap::from([(SRCROOT.to_string(), root)]))
        .column_kind(serde_json::Value::from("unicodeCodePoints"))
        .results(results)
        .build();
    let run = Run { properties: baselined(report.baselined), ..run };
    let log = Sarif::builder().schema(SCHEMA).version(serde_json::Value::from("2.1.0")).runs(vec![run]).build();
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}
