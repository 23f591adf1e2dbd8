//! The law in rpcheck: the GDPR extract is fresh and faithful, every GDPR reference in the
//! built-in packs exists, quotations in `why` texts match the extract, and `rpcheck law` works.

mod common;
#[path = "law/extract.rs"]
mod extract;

use rpcheck::findings::Lang;
use rpcheck::law::text::Extract;

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
