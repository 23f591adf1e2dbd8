//! `rpcheck report`: the findings report of examples/ in both languages, and record text as
//! hostile input. The page is also checked by vnu and rendered in scripts/test-documents.sh.

mod common;

use std::path::Path;
use std::process::Command;

use common::root;

fn report(args: &[&str], cwd: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_rpcheck"))
        .arg("report")
        .args(args)
        .current_dir(cwd)
        .env("RPCHECK_TODAY", "2026-11-24")
        .output()
        .expect("the rpcheck binary runs");
    let text = |b: Vec<u8>| String::from_utf8(b).expect("UTF-8");
    (out.status.code().unwrap_or(-1), text(out.stdout), text(out.stderr))
}

#[test]
fn report_of_the_examples() {
    for lang in ["sv", "en"] {
        let (code, html, stderr) = report(&["examples/", "--lang", lang], root());
        assert_eq!(code, 0, "the report is a document, not a gate: {stderr}");
        assert!(html.contains("<svg"), "a chart");
        assert!(html.contains("href=\"https://eur-lex.europa.eu/"), "provisions are linked");
        assert!(!html.contains("<script") && !html.contains(" src="), "no script, no external asset");
        insta::assert_snapshot!(format!("report-examples-{lang}"), html);
    }
}

#[test]
fn record_text_is_never_live_in_the_report() {
    let dir = root().join("target/test-report/hostile");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create a scratch folder");
    let hostile = r#"<script>alert(1)</script>\"><img src=x onerror=alert(2)>{{ 7*191 }}"#;
    let record = format!(
        "schema_version = 1\nid = \"hostile\"\n\n[[transfers]]\nrecipient = \"{hostile}\"\ncountry = \"US\"\n\n[[recipients]]\nname = \"{hostile}\"\n"
    );
    std::fs::write(dir.join("hostile.toml"), record).expect("write the record");
    let (code, html, stderr) = report(&["hostile.toml"], &dir);
    assert_eq!(code, 0, "{stderr}");
    assert!(html.contains("&lt;script&gt;"), "the text is shown, escaped: {html}");
    assert!(!html.contains("<script") && !html.contains("<img") && !html.contains("1337"), "{html}");
}
