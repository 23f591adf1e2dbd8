//! `rpcheck notice`: snapshots of the notices of the clean examples, the art. 13 items each must
//! hold, refusal and the draft banner, `--check`, user templates, and record text as hostile input.

mod common;

use std::path::{Path, PathBuf};

use common::root;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn rpcheck(args: &[&str], cwd: &Path) -> Run {
    let out = common::rpcheck(args, cwd);
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn scratch(name: &str) -> PathBuf {
    common::scratch("notice", name)
}

fn notice(records: &[&str], lang: &str, format: &str) -> Run {
    let mut args = vec!["notice", "--lang", lang, "--format", format];
    args.extend_from_slice(records);
    rpcheck(&args, root())
}

#[test]
fn notices_of_the_clean_examples() {
    let cases: &[(&str, &[&str])] = &[
        ("bostadskon", &["examples/records/bostadskon.toml"]),
        ("nyhetsbrev", &["examples/records/nyhetsbrev.toml"]),
        ("two-activities", &["examples/records/bostadskon.toml", "examples/records/nyhetsbrev.toml"]),
    ];
    for (name, records) in cases {
        for lang in ["sv", "en"] {
            for format in ["md", "html"] {
                let run = notice(records, lang, format);
                assert_eq!(run.code, 0, "{name} {lang} {format}: {}", run.stderr);
                insta::assert_snapshot!(format!("notice-{name}-{lang}-{format}"), run.stdout);
            }
        }
    }
}

/// Every item of art. 13 that the record holds, and the words that show it in the notice.
#[test]
fn a_reader_of_the_notice_learns_every_art_13_item_the_record_holds() {
    let items: &[(&str, &str)] = &[
        ("13(1)(a) controller's identity", "AB Stockholms Bostadsförmedling är personuppgiftsansvarig"),
        ("13(1)(a) controller's contact details", "kundservice@bostad.stockholm.se"),
        ("13(1)(b) data protection officer", "**Dataskyddsombud**: dataskyddsombud@bostad.stockholm.se"),
        ("13(1)(c) purpose ko", "Administrera bostadskön och förmedla lediga bostäder"),
        (
            "13(1)(c) legal basis of ko",
            "avtal med dig, eller för att vidta åtgärder som du begär innan ett avtal ingås (artikel 6.1 b",
        ),
        ("13(1)(c) purpose arkiv", "Bevara allmänna handlingar enligt arkivlagen"),
        (
            "13(1)(c) legal basis of arkiv with its law",
            "(artikel 6.1 c dataskyddsförordningen). Förpliktelsen följer av Arkivlagen (1990:782) 3 §",
        ),
        ("13(1)(e) recipient Stadsarkivet", "**Stadsarkivet**: en myndighet"),
        ("13(1)(e) processor", "**IT-leverantören Exempel AB**: personuppgiftsbiträde"),
        ("13(1)(f) no transfers", "Vi för inte över personuppgifterna till länder utanför EU/EES."),
        ("13(2)(a) retention period", "**Lagringstid**: 2 år"),
        ("13(2)(a) retention criteria", "Två år efter att kömedlemskapet upphört"),
        ("13(2)(b) access", "Rätt till tillgång (artikel 15"),
        (
            "13(2)(b) access limited by secrecy",
            "Begränsning: Uppgifter som omfattas av sekretess lämnas inte ut (stöd: Dataskyddslagen (2018:218) 5 kap. 1 §",
        ),
        ("13(2)(b) rectification", "Rätt till rättelse (artikel 16"),
        ("13(2)(b) erasure", "Rätt till radering (artikel 17"),
        ("13(2)(b) erasure limited by archiving", "(stöd: GDPR art. 17(3)(b); Arkivlagen (1990:782) 3 §)"),
        ("13(2)(b) restriction", "Rätt till begränsning av behandling (artikel 18"),
        ("13(2)(b) objection", "Rätt att invända (artikel 21"),
        ("13(2)(b) portability", "Rätt till dataportabilitet (artikel 20"),
        ("13(2)(d) complaint", "klagomål till Integritetsskyddsmyndigheten (IMY)"),
        ("13(2)(f) no automated decisions", "Vi fattar inga beslut som enbart grundar sig på automatiserad behandling"),
    ];
    let run = notice(&["examples/records/bostadskon.toml"], "sv", "md");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let missing: Vec<&str> =
        items.iter().filter(|(_, needle)| !run.stdout.contains(needle)).map(|(item, _)| *item).collect();
    assert!(missing.is_empty(), "items missing from the notice: {missing:?}\n{}", run.stdout);

    // Consent: art. 13(2)(c), with the purpose's basis.
    let run = notice(&["examples/records/nyhetsbrev.toml"], "sv", "md");
    assert!(run.stdout.contains("Rätt att återkalla samtycke (artikel 7.3 dataskyddsförordningen)"), "{}", run.stdout);
    assert!(
        run.stdout.contains("Rättslig grund: ditt samtycke (artikel 6.1 a dataskyddsförordningen)."),
        "{}",
        run.stdout
    );
}

/// Art. 14 (data not from the person), transfers with their mechanism and safeguards, and joint
/// controllers with their arrangement: a copy of a clean example with those added.
#[test]
fn art_14_transfers_and_joint_controllers_are_told() {
    let dir = scratch("art-14");
    std::fs::copy(root().join("examples/rpcheck.toml"), dir.join("rpcheck.toml")).expect("copy rpcheck.toml");
    let record = std::fs::read_to_string(root().join("examples/records/bostadskon.toml")).expect("read the example");
    let added = r#"[[joint_controllers]]
name = "Stockholms stad"
scope = "den gemensamma bostadskön"
arrangement = "https://example.org/arrangemang"

[[recipients]]
name = "Stockholms stad"
role = "joint_controller"

[[transfers]]
recipient = "Cloud Inc."
country = "US"
mechanism = "scc"
safeguards = "https://example.org/scc"

[[transfers]]
recipient = "Support Ltd"
country = "JP"
mechanism = "adequacy"

[retention]"#;
    let record = record.replace("source = \"data_subject\"", "source = \"third_party\"").replace("[retention]", added);
    std::fs::write(dir.join("record.toml"), record).expect("write the record");
    let run = rpcheck(&["notice", "--lang", "sv", "record.toml"], &dir);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let expected = [
        "**Varifrån uppgifterna kommer**: från någon annan än dig (artikel 14 dataskyddsförordningen)",
        "**Personuppgifter**: namn, personnummer",
        "**Stockholms stad**: gemensamt personuppgiftsansvarig med oss för: den gemensamma bostadskön (artikel 26 dataskyddsförordningen). Det väsentliga innehållet i vår överenskommelse finns här: https://example.org/arrangemang.",
        "**Cloud Inc. i USA (US)**: Överföringen stöds av standardavtalsklausuler som EU-kommissionen har antagit (artikel 46.2 c dataskyddsförordningen).",
        "En kopia av skyddsåtgärderna finns här: https://example.org/scc",
        "**Support Ltd i Japan (JP)**: Överföringen stöds av ett beslut av EU-kommissionen om adekvat skyddsnivå (artikel 45 dataskyddsförordningen).",
        "Beslut: Commission Implementing Decision (EU) 2019/419",
    ];
    for text in expected {
        assert!(run.stdout.contains(text), "missing: {text}\n{}", run.stdout);
    }
    assert_eq!(run.stdout.matches("**Stockholms stad**").count(), 1, "the joint controller is told about once");
}

#[test]
fn the_swedish_headings_come_in_the_public_bodies_order() {
    let run = notice(&["examples/records/bostadskon.toml"], "sv", "md");
    let headings = [
        "## Vilka personuppgifter behandlar vi?",
        "## Varför och med vilket rättsligt stöd?",
        "## Vilka får ta del av uppgifterna?",
        "## Överföring till länder utanför EU/EES",
        "## Hur länge sparas uppgifterna?",
        "## Dina rättigheter",
        "## Klagomål till Integritetsskyddsmyndigheten",
        "## Kontaktuppgifter och dataskyddsombud",
        "## Senast uppdaterad",
    ];
    let positions: Vec<usize> = headings
        .iter()
        .map(|h| run.stdout.find(&format!("\n{h}\n")).unwrap_or_else(|| panic!("{h} missing")))
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "headings out of order: {positions:?}");
}

#[test]
fn a_record_with_errors_is_refused_and_forced_gets_a_banner() {
    let refused = notice(&["examples/records/sociala-medier.toml"], "sv", "md");
    assert_eq!(refused.code, 1);
    assert!(refused.stdout.is_empty(), "no notice on refusal: {}", refused.stdout);
    assert!(refused.stderr.contains("fel[gdpr/transfer-mechanism]"), "{}", refused.stderr);
    assert!(refused.stderr.contains("fel[gdpr/complaint-right]"), "{}", refused.stderr);
    assert!(!refused.stderr.contains("varning["), "only errors are listed: {}", refused.stderr);
    insta::assert_snapshot!("notice-sociala-medier-refused", refused.stderr);

    for format in ["md", "html"] {
        let args = ["notice", "--force", "--lang", "sv", "--format", format, "examples/records/sociala-medier.toml"];
        let forced = rpcheck(&args, root());
        assert_eq!(forced.code, 0, "{}", forced.stderr);
        assert!(forced.stdout.contains("UTKAST: får inte publiceras"), "{}", forced.stdout);
        assert!(forced.stdout.contains("SAKNAS i registerförteckningen: överföringsmekanism"), "{}", forced.stdout);
        insta::assert_snapshot!(format!("notice-sociala-medier-forced-sv-{format}"), forced.stdout);
    }
}

#[test]
fn the_custom_pack_example_has_an_error_of_its_own_pack() {
    // examples/custom-pack fails its own pack's kommunen/mfa rule, so its notice is a draft.
    let refused = rpcheck(&["notice", "examples/custom-pack"], root());
    assert_eq!(refused.code, 1);
    // the project says lang = "sv", so severities are Swedish words
    assert!(refused.stderr.contains("fel[kommunen/mfa]"), "{}", refused.stderr);
    let forced = rpcheck(&["notice", "--force", "examples/custom-pack"], root());
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    insta::assert_snapshot!("notice-custom-pack-forced-sv-md", forced.stdout);
}

#[test]
fn check_passes_on_a_fresh_file_and_shows_a_diff_after_a_change() {
    let dir = scratch("check");
    std::fs::copy(root().join("examples/rpcheck.toml"), dir.join("rpcheck.toml")).expect("copy rpcheck.toml");
    let record = std::fs::read_to_string(root().join("examples/records/bostadskon.toml")).expect("read the example");
    std::fs::write(dir.join("bostadskon.toml"), &record).expect("write the record");

    let written = rpcheck(&["notice", "--lang", "sv", "bostadskon.toml", "-o", "notice.md"], &dir);
    assert_eq!(written.code, 0, "{}", written.stderr);
    let fresh = rpcheck(&["notice", "--lang", "sv", "bostadskon.toml", "--check", "notice.md"], &dir);
    assert_eq!((fresh.code, fresh.stdout.as_str()), (0, ""), "{}", fresh.stderr);
    let lf = std::fs::read_to_string(dir.join("notice.md")).expect("read the notice");
    std::fs::write(dir.join("notice-crlf.md"), lf.replace('\n', "\r\n")).expect("write a CRLF copy");
    let crlf = rpcheck(&["notice", "--lang", "sv", "bostadskon.toml", "--check", "notice-crlf.md"], &dir);
    assert_eq!(crlf.code, 0, "CRLF line ends are the same notice: {}", crlf.stdout);

    std::fs::write(dir.join("bostadskon.toml"), record.replace("period = \"P2Y\"", "period = \"P3Y\""))
        .expect("change the record");
    let stale = rpcheck(&["notice", "--lang", "sv", "bostadskon.toml", "--check", "notice.md"], &dir);
    assert_eq!(stale.code, 1, "{}", stale.stderr);
    assert!(stale.stdout.contains("--- notice.md"), "{}", stale.stdout);
    assert!(stale.stdout.contains("-- **Lagringstid**: 2 år\n+- **Lagringstid**: 3 år"), "{}", stale.stdout);
}

#[test]
fn a_project_s_templates_override_the_built_in_ones_and_broken_ones_fail_the_run() {
    let dir = scratch("templates");
    let config = std::fs::read_to_string(root().join("examples/rpcheck.toml")).expect("read rpcheck.toml");
    let config = config.replace("[controller]", "notice_templates = \"tpl\"\n\n[controller]");
    std::fs::write(dir.join("rpcheck.toml"), config).expect("write rpcheck.toml");
    std::fs::copy(root().join("examples/records/bostadskon.toml"), dir.join("bostadskon.toml")).expect("copy");
    std::fs::create_dir_all(dir.join("tpl")).expect("create tpl");

    std::fs::write(dir.join("tpl/notice.md"), "Our own: {{ title }}\n").expect("write a template");
    let own = rpcheck(&["notice", "--lang", "sv", "bostadskon.toml"], &dir);
    assert_eq!(
        (own.code, own.stdout.as_str()),
        (0, "Our own: Så behandlar vi dina personuppgifter\n"),
        "{}",
        own.stderr
    );
    // Templates the project does not override stay built in.
    let html = rpcheck(&["notice", "--format", "html", "bostadskon.toml"], &dir);
    assert!(html.stdout.starts_with("<!DOCTYPE html>"), "{}", html.stderr);

    std::fs::write(dir.join("tpl/notice.md"), "# {{ title }}\n\n{% if %}\n").expect("write a broken template");
    let broken = rpcheck(&["notice", "bostadskon.toml"], &dir);
    assert_eq!(broken.code, 2, "{}", broken.stdout);
    assert!(broken.stderr.contains("broken template tpl/notice.md: line 3"), "{}", broken.stderr);

    std::fs::write(dir.join("tpl/notice.md"), "{{ titel }}\n").expect("write a misspelt template");
    let misspelt = rpcheck(&["notice", "bostadskon.toml"], &dir);
    assert_eq!(misspelt.code, 2, "{}", misspelt.stdout);
    assert!(misspelt.stderr.contains("tpl/notice.md: line 1: undefined value"), "{}", misspelt.stderr);
}

/// Text that would be live if a document pasted it in unescaped.
const HOSTILE: &str =
    r#"<script>alert(1)</script>"><img src=x onerror=alert(2)>{{ 7*191 }}{% raw %}[x](javascript:alert(3))"#;

#[test]
fn record_text_is_never_live_in_a_notice() {
    let dir = scratch("hostile");
    let h = HOSTILE.replace('\\', "\\\\").replace('"', "\\\"");
    let record = format!(
        r#"schema_version = 1
id = "hostile"
name = "{h}"
language = "sv"
updated = 2026-01-01
security_measures = "{h}"
dpia = "{h}"

[controller]
name = "{h}"
kind = "public_authority"
country = "SE"
contact = "{h}"
dpo = "{h}"

[[joint_controllers]]
name = "{h}"
scope = "{h}"
arrangement = "{h}"

[personal_data]
subjects = ["{h}"]
categories = ["{h}"]
special_categories = ["health"]
criminal_offences = true
criminal_offences_basis = "{h}"
source = "third_party"

[[purposes]]
id = "a"
description = "{h}"
legal_basis = "legitimate_interest"
legitimate_interest = "{h}"
balancing_test = "{h}"
special_category_condition = "{h}"

[[purposes]]
id = "b"
description = "{h}"
legal_basis = "public_task"
law = "{h}"

[[recipients]]
name = "{h}"
role = "processor"

[[transfers]]
recipient = "{h}"
country = "US"
mechanism = "scc"
safeguards = "{h}"
transfer_impact_assessment = "{h}"

[[transfers]]
recipient = "{h}"
country = "IN"
mechanism = "derogation"
derogation = "{h}"

[retention]
criteria = "{h}"
public_records = true
disposal_decision = "{h}"

[rights]
access = true
complaint_authority = "{h}"

[[rights.limitations]]
right = "access"
basis = "{h}"
description = "{h}"

[automated_decisions]
profiling = true
logic = "{h}"
"#
    );
    std::fs::write(dir.join("hostile.toml"), record).expect("write the record");
    for format in ["html", "md"] {
        let run = rpcheck(&["notice", "--force", "--format", format, "hostile.toml"], &dir);
        assert_eq!(run.code, 0, "{}", run.stderr);
        // In Markdown, a backslash-escaped character is literal text: take those out before looking.
        let out = &if format == "md" {
            ["\\<", "\\[", "\\{"].iter().fold(run.stdout.clone(), |text, escaped| text.replace(escaped, ""))
        } else {
            run.stdout.clone()
        };
        assert!(out.matches("alert(1)").count() >= 20, "the hostile text is shown, as text: {out}");
        // A Markdown link is live only in Markdown; in HTML it is plain text.
        let live: &[&str] =
            if format == "md" { &["<script", "<img", "1337", "[x](javascript"] } else { &["<script", "<img", "1337"] };
        for live in live {
            assert!(!out.contains(live), "{format}: `{live}` is live in:\n{out}");
        }
        if format == "html" {
            assert!(out.contains("&lt;script&gt;"), "{out}");
            assert!(out.contains("{{ 7*191 }}"), "{out}");
        } else {
            assert!(run.stdout.contains(r"\{\{ 7\*191 \}\}"), "{out}");
        }
    }
}
