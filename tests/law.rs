//! The law in rpcheck: the GDPR extract is fresh and faithful, every GDPR reference in the
//! built-in packs exists, quotations in `why` texts match the extract, and `rpcheck law` works.

mod common;
#[path = "law/extract.rs"]
mod extract;

use rpcheck::findings::Lang;
use rpcheck::law::gdpr::{ArticlePart, Provision};
use rpcheck::law::quote::passage;
use rpcheck::law::text::Extract;
use rpcheck::policy::Policy;

#[test]
fn extract_is_fresh() {
    let generated = serde_json::to_string_pretty(&extract::extract()).expect("serialise the extract") + "\n";
    common::assert_fresh("law/gdpr.json", &generated, "RPCHECK_BLESS=1 cargo test --test law");
}

fn extract() -> &'static Extract {
    Extract::get().expect("the committed extract parses")
}

#[test]
fn extract_holds_known_texts_word_for_word() {
    let en = extract().regulation(Lang::En);
    let sv = extract().regulation(Lang::Sv);
    let art6 = en.article(6).expect("art. 6");
    assert_eq!(art6.title, "Lawfulness of processing");
    let f = &art6.paragraph(1).expect("6(1)").subparagraphs[0].points[5];
    assert_eq!(f.label, "(f)");
    assert!(f.text.starts_with("processing is necessary for the purposes of the legitimate interests pursued by"));
    assert_eq!(
        art6.paragraph(1).expect("6(1)").subparagraphs[1].text,
        "Point (f) of the first subparagraph shall not apply to processing carried out by public authorities in the performance of their tasks."
    );
    let sv_f = &sv.article(6).and_then(|a| a.paragraph(1)).expect("6.1").subparagraphs[0].points[5];
    assert_eq!(sv_f.label, "f)");
    assert_eq!(
        sv.article(49).and_then(|a| a.paragraph(3)).expect("49.3").subparagraphs[0].text,
        "Leden a, b och c i punkt 1 första stycket samt andra stycket i samma punkt ska inte gälla åtgärder som vidtas av offentliga myndigheter som ett led i utövandet av deras offentliga befogenheter."
    );
    assert!(sv.recital(43).expect("skäl 43").text.starts_with("För att säkerställa att samtycket lämnas frivilligt"));
    let art4 = en.article(4).expect("art. 4");
    assert!(!art4.numbered(), "art. 4 has no numbered paragraphs");
    let consent = &art4.paragraphs[0].subparagraphs[0].points[10];
    assert_eq!((consent.label.as_str(), consent.key()), ("(11)", "11"));
    assert!(consent.text.starts_with("‘consent’ of the data subject means"), "quotation marks come from their codes");
    let fines = &en.article(83).and_then(|a| a.paragraph(4)).expect("83(4)").subparagraphs[0].text;
    assert!(fines.contains("up to 10 000 000 EUR"), "numbers are grouped as printed: {fines}");
    assert!(!en.recital(3).expect("recital 3").text.contains("OJ L 281"), "footnotes are left out");
    assert_eq!((en.articles.len(), en.recitals.len(), sv.articles.len(), sv.recitals.len()), (99, 173, 99, 173));
}

fn builtin() -> Policy {
    Policy::load(&[]).expect("the built-in packs load")
}

#[test]
fn every_gdpr_reference_names_a_provision_that_exists() {
    for rule in &builtin().rules {
        for reference in rule.references.iter() {
            let cite = reference.cite.get(Lang::En);
            let Some(provision) = Provision::parse(cite) else {
                assert!(
                    !cite.starts_with("GDPR"),
                    "{}: `{cite}` looks like a GDPR citation but does not parse",
                    rule.id
                );
                continue;
            };
            for lang in [Lang::En, Lang::Sv] {
                let found = passage(extract().regulation(lang), provision, lang);
                assert!(found.is_ok(), "{}: {cite} names nothing in the GDPR: {found:?}", rule.id);
            }
        }
    }
}

/// Each passage quoted in a `why` text in a sentence that cites the GDPR, with the articles and
/// recitals that sentence cites.
fn gdpr_quotes(why: &str) -> Vec<(String, Vec<Provision>)> {
    let text = why.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = Vec::new();
    for sentence in sentences(&text) {
        let cited = cited_provisions(sentence);
        if cited.is_empty() {
            continue; // No GDPR citation in the sentence: its quotes are other sources' words.
        }
        out.extend(quotes(sentence).into_iter().map(|q| (q, cited.clone())));
    }
    out
}

/// Sentences end at ". " before a capital letter or a quotation mark (not at "art. 22").
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for w in chars.windows(3) {
        let [(_, end), (_, ' '), (at, next)] = w else { continue };
        if *end == '.' && (next.is_uppercase() || "\"“„”".contains(*next)) {
            out.push(&text[start..*at]);
            start = *at;
        }
    }
    out.push(&text[start..]);
    out
}

/// The quoted passages: "…", “…”, „…“, „…”, ”…”.
fn quotes(sentence: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = sentence;
    while let Some(open) = rest.find(['"', '“', '„', '”']) {
        let opener = rest[open..].chars().next().unwrap_or('"');
        let after = &rest[open + opener.len_utf8()..];
        let closers: &[char] = match opener {
            '"' => &['"'],
            '„' => &['“', '”'],
            _ => &['”'],
        };
        let Some(close) = after.find(closers) else { break };
        out.push(after[..close].to_string());
        let closer = after[close..].chars().next().map_or(1, char::len_utf8);
        rest = &after[close + closer..];
    }
    out
}

/// The articles and recitals a sentence cites: "art. 6(1)", "articles 13 and 14", "artikel 46.1",
/// "artiklarna 13.1 d och 14.2 b", "recital 47", "skäl 47".
fn cited_provisions(sentence: &str) -> Vec<Provision> {
    let lower = sentence.to_lowercase();
    let words: Vec<&str> = lower.split(' ').map(|w| w.trim_start_matches('(')).collect();
    let mut out = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let recital = matches!(*word, "recital" | "recitals" | "skäl");
        if !recital && !matches!(*word, "art." | "article" | "articles" | "artikel" | "artiklarna") {
            continue;
        }
        for next in &words[i + 1..] {
            match citation_number(next) {
                Some(n) if recital => out.push(Provision::Recital(n)),
                Some(n) => out.push(Provision::Article(ArticlePart { article: n, ..ArticlePart::default() })),
                None if matches!(*next, "and" | "och" | "to") || next.chars().count() == 1 => continue,
                None => break,
            }
        }
    }
    out
}

/// The article or recital number a word starts with, when the rest of the word is numbering
/// ("6(1)(f),", "13.1", "47:"), not another word ("29-gruppens").
fn citation_number(word: &str) -> Option<u32> {
    let digits = word.find(|c: char| !c.is_ascii_digit()).unwrap_or(word.len());
    let numbering = word[digits..].chars().next().is_none_or(|c| "().,;:".contains(c));
    word[..digits].parse().ok().filter(|_| numbering)
}

/// Whether `text` holds `quote` word for word; a quote may start with a small letter where the
/// law has a capital (the quote continues the writer's sentence).
fn contains_quote(text: &str, quote: &str) -> bool {
    let mut chars = quote.chars();
    let capitalised: String = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
    text.contains(quote) || text.contains(&capitalised)
}

/// The whole text of a provision, whitespace collapsed; points keep their labels ("(a)", "a)"),
/// so a quotation that runs from a lead-in into its points is found as the Journal prints it.
fn whole_text(provision: Provision, lang: Lang) -> String {
    let shown = passage(extract().regulation(lang), provision, lang).map(|p| p.lines).unwrap_or_default();
    let lines: Vec<String> =
        shown.iter().map(|l| if l.depth > 0 { format!("{} {}", l.label, l.text) } else { l.text.clone() }).collect();
    lines.join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn quotations_of_the_gdpr_match_the_official_journal_word_for_word() {
    let mut failures = Vec::new();
    for rule in &builtin().rules {
        for lang in [Lang::En, Lang::Sv] {
            for (quote, cited) in gdpr_quotes(rule.why.get(lang)) {
                let found = quote
                    .split('…')
                    .map(str::trim)
                    .filter(|part| !part.is_empty())
                    .all(|part| cited.iter().any(|&p| contains_quote(&whole_text(p, lang), part)));
                if !found {
                    failures.push(format!("{} ({lang:?}): \"{quote}\" is not in {cited:?}", rule.id));
                }
            }
        }
    }
    assert!(failures.is_empty(), "misquotations of the GDPR:\n{}", failures.join("\n"));
}

#[test]
fn quotations_are_found_in_why_texts() {
    let quoted = gdpr_quotes("The measures \"shall be reviewed\" (art. 24(1)). \"Legitimate interest\" alone is none.");
    assert_eq!(quoted.len(), 1, "only the quote in a sentence citing the GDPR: {quoted:?}");
    assert_eq!(quoted[0].0, "shall be reviewed");
    let sv = gdpr_quotes("Enligt artiklarna 13.1 d och 14.2 b ska ”berättigade intressen” anges.");
    assert_eq!(sv[0].1.len(), 2, "{sv:?}");
    assert_eq!(sv[0].0, "berättigade intressen");
}

/// Run the binary with `args` and show its exit code and output, as the snapshots hold it.
fn run(args: &[&str]) -> String {
    common::transcript(&common::rpcheck(args, common::root()))
}

#[test]
fn law_command_prints_provisions_and_refuses_unknown_ones() {
    let cases: &[(&str, &[&str])] = &[
        ("point-en", &["law", "6(1)(f)"]),
        ("point-art-en", &["law", "art. 13(2)(d)"]),
        ("recital-en", &["law", "recital 43"]),
        ("point-sv-form", &["law", "artikel 6.1 f"]),
        ("paragraph-sv", &["law", "art. 49(3)", "--lang", "sv"]),
        ("subparagraph-sv", &["law", "49.1 andra stycket", "--lang", "sv"]),
        ("article-without-paragraphs-point", &["law", "4(11)", "--lang", "sv"]),
        ("whole-article-en", &["law", "GDPR art. 44"]),
        ("recital-sv", &["law", "skäl 43", "--lang", "sv"]),
        ("unknown-paragraph", &["law", "art. 6(7)"]),
        ("unknown-point-sv", &["law", "6.1 k", "--lang", "sv"]),
        ("unknown-article", &["law", "art. 100"]),
        ("not-a-citation", &["law", "3 kap. 8 § dataskyddslagen"]),
        ("explain-quotes-sv", &["explain", "gdpr/transfer-mechanism", "--lang", "sv"]),
    ];
    for (name, args) in cases {
        insta::assert_snapshot!(*name, run(args));
    }
}

#[test]
fn json_references_are_strings_in_the_runs_language() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rpcheck"))
        .args(["lint", "--format", "json", "--lang", "sv", "examples/records/sociala-medier.toml"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("RPCHECK_TODAY", "2026-11-24")
        .output()
        .expect("rpcheck runs");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a JSON document");
    let references: Vec<&serde_json::Value> = doc["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|f| f["references"].as_array().into_iter().flatten())
        .collect();
    assert!(!references.is_empty());
    for r in references {
        let cite = r["cite"].as_str().expect("cite is a string");
        assert!(!cite.starts_with("GDPR"), "Swedish output cites in Swedish: {cite}");
        if let Some(url) = r.get("url") {
            let url = url.as_str().expect("url is a string");
            assert!(!url.contains("/EN/"), "Swedish output links the Swedish text: {url}");
        }
    }
}

proptest::proptest! {
    /// No text makes the citation readers or the passage finder panic.
    #[test]
    fn any_text_is_read_without_panicking(text in "\\PC{0,40}|(GDPR )?(art\\. |artikel |recital |skäl |[0-9] kap\\. )?[0-9]{0,3}[(.)0-9a-zåäö§ –-]{0,24}", n in 0u32..400, sub in 0u8..12, point in proptest::option::of(b'a'..=b'z')) {
        let statutes = rpcheck::law::statute::Statutes::builtin().expect("the statute table loads");
        let _ = statutes.parse(&text);
        let parsed = Provision::parse(&text);
        let made = Provision::Article(ArticlePart { article: n, paragraph: Some(n % 12), subparagraph: Some(sub), point });
        for provision in parsed.into_iter().chain([made, Provision::Recital(n)]) {
            for lang in [Lang::En, Lang::Sv] {
                let _ = passage(extract().regulation(lang), provision, lang);
            }
        }
    }
}
