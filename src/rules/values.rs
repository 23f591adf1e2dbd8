//! How rules read free text: which points of an article a value names ("49(1)(a)",
//! "artikel 49.1 a och b", "9.2 g"), and which values are placeholders that count as blank.

use std::collections::BTreeSet;

/// Free-text values that hold no information ("TODO", "saknas", "-"): they count as blank.
pub const PLACEHOLDERS: &[&str] = &[
    "x",
    "xx",
    "-",
    "?",
    "...",
    "…",
    "todo",
    "tbd",
    "fixme",
    "n/a",
    "na",
    "saknas",
    "ej klart",
    "se ovan",
    "lorem ipsum",
];

/// The JSON Schema `format` with which a declarative rule demands a value: some non-space text
/// that is not a placeholder ([`is_blank`] is false). Checked natively, as a regex with a
/// look-ahead would send every such rule through a backtracking engine.
pub const FILLED_IN: &str = "filled-in";

/// Whether a free-text value is a placeholder, ignoring case and surrounding whitespace.
pub fn is_placeholder(text: &str) -> bool {
    // Most values are real text, longer than any placeholder: tell them apart without the
    // allocations of collapsing (this runs on every free-text value of every record).
    static LONGEST: std::sync::LazyLock<usize> = std::sync::LazyLock::new(|| {
        PLACEHOLDERS.iter().map(|p| p.chars().filter(|c| !c.is_whitespace()).count()).max().unwrap_or(0)
    });
    if text.chars().filter(|c| !c.is_whitespace()).nth(*LONGEST).is_some() {
        return false;
    }
    PLACEHOLDERS.contains(&collapse(text).as_str())
}

/// Whether a value is absent, empty, only whitespace, or a placeholder.
pub fn is_blank(text: Option<&str>) -> bool {
    text.is_none_or(|t| t.trim().is_empty() || is_placeholder(t))
}

/// The words of a text as rules match them: lower-cased, `_` and `-` read as spaces, split on
/// anything that is not a letter or digit.
pub fn words(text: &str) -> Vec<String> {
    text.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// Lower-cased, trimmed, with runs of whitespace collapsed to one space.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The points of one paragraph of an article that a value names.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Points {
    letters: BTreeSet<char>,
    second_subparagraph: bool,
}

impl Points {
    /// Whether point `letter` is named.
    pub fn names(&self, letter: char) -> bool {
        self.letters.contains(&letter)
    }

    /// Whether any of these points is named.
    pub fn names_any(&self, letters: &[char]) -> bool {
        letters.iter().any(|l| self.names(*l))
    }

    /// Whether the paragraph's second subparagraph is named.
    pub fn second_subparagraph(&self) -> bool {
        self.second_subparagraph
    }
}

/// What a `derogation` names of art. 49(1), including its second subparagraph (compelling
/// legitimate interests).
pub fn derogation(text: &str) -> Points {
    let mut points = named(text, 49, 1);
    let normal = collapse(text);
    if ["compelling legitimate interests", "tvingande berättigade intressen"].iter().any(|p| normal.contains(p)) {
        points.second_subparagraph = true;
    }
    points
}

/// What a `special_category_condition` names of art. 9(2).
pub fn condition(text: &str) -> Points {
    named(text, 9, 2)
}

/// The points of `article`(`paragraph`) named anywhere in `text`, in English or Swedish form.
pub fn named(text: &str, article: u32, paragraph: u32) -> Points {
    let chars: Vec<char> = collapse(text).chars().collect();
    let mut points = Points::default();
    let mut at = 0;
    while at < chars.len() {
        if let Some((start, after)) = reference_at(&chars, at, article, paragraph) {
            let before: String = chars[..start].iter().collect();
            if ["second subparagraph of article ", "second subparagraph of art. ", "second subparagraph of "]
                .iter()
                .any(|p| before.ends_with(p))
            {
                points.second_subparagraph = true;
            }
            read_points(&chars, after, &mut points);
            at = after;
        } else {
            at += 1;
        }
    }
    points
}

/// A reference "A(P)" or "A.P" starting at `at` (no digit before A, none after P): its start
/// and the index just after it.
fn reference_at(chars: &[char], at: usize, article: u32, paragraph: u32) -> Option<(usize, usize)> {
    if at > 0 && chars[at - 1].is_ascii_digit() {
        return None;
    }
    let (number, mut i) = digits(chars, at)?;
    if number != article {
        return None;
    }
    let parenthesised = chars.get(i) == Some(&'(');
    if !parenthesised && chars.get(i) != Some(&'.') {
        return None;
    }
    let (number, next) = digits(chars, i + 1)?;
    i = next;
    if number != paragraph {
        return None;
    }
    if parenthesised {
        if chars.get(i) != Some(&')') {
            return None;
        }
        i += 1;
    }
    Some((at, i))
}

/// A run of ASCII digits at `at`, as a number, and the index after it.
fn digits(chars: &[char], at: usize) -> Option<(u32, usize)> {
    let end = chars[at.min(chars.len())..].iter().take_while(|c| c.is_ascii_digit()).count() + at;
    if end == at {
        return None;
    }
    let number: String = chars[at..end].iter().collect();
    Some((number.parse().ok()?, end))
}

/// The points after a reference: "(a)", "a", lists joined by ",", "och", "and", "or",
/// "eller", ranges with "-" or "–", or a subparagraph.
fn read_points(chars: &[char], mut at: usize, points: &mut Points) {
    at = skip_spaces(chars, at);
    if ["second subparagraph", "andra stycket"].iter().any(|s| word_at(chars, at, s).is_some()) {
        points.second_subparagraph = true;
        return;
    }
    for first in ["first subparagraph", "första stycket"] {
        if let Some(next) = word_at(chars, at, first) {
            at = skip_spaces(chars, next);
        }
    }
    let Some((mut letter, mut next)) = letter_at(chars, at) else {
        return;
    };
    loop {
        let after_dash = skip_spaces(chars, next);
        let range_end = matches!(chars.get(after_dash), Some('-' | '–' | '—'))
            .then(|| letter_at(chars, skip_spaces(chars, after_dash + 1)))
            .flatten();
        match range_end {
            Some((last, after)) if last >= letter => {
                points.letters.extend(letter..=last);
                next = after;
            }
            _ => {
                points.letters.insert(letter);
            }
        }
        let Some(after_separator) = separator_at(chars, next) else {
            return;
        };
        match letter_at(chars, after_separator) {
            Some((l, n)) => (letter, next) = (l, n),
            None => return,
        }
    }
}

/// A point letter at `at`: "(a)", or "a" with no letter after it.
fn letter_at(chars: &[char], at: usize) -> Option<(char, usize)> {
    match chars.get(at..) {
        Some(['(', l, ')', ..]) if l.is_ascii_lowercase() => Some((*l, at + 3)),
        Some([l, rest @ ..]) if l.is_ascii_lowercase() && !rest.first().is_some_and(|c| c.is_alphabetic()) => {
            Some((*l, at + 1))
        }
        _ => None,
    }
}

/// A list separator at `at` (spaces around it allowed): the index after it.
fn separator_at(chars: &[char], at: usize) -> Option<usize> {
    let at = skip_spaces(chars, at);
    if chars.get(at) == Some(&',') {
        return Some(skip_spaces(chars, at + 1));
    }
    ["och", "and", "or", "eller"].iter().find_map(|w| word_at(chars, at, w)).map(|next| skip_spaces(chars, next))
}

/// The whole word or phrase `word` at `at`: the index after it.
fn word_at(chars: &[char], at: usize, word: &str) -> Option<usize> {
    let word: Vec<char> = word.chars().collect();
    let end = at + word.len();
    let matches = chars.get(at..end) == Some(&word[..]);
    (matches && !chars.get(end).is_some_and(|c| c.is_alphabetic())).then_some(end)
}

fn skip_spaces(chars: &[char], at: usize) -> usize {
    at + chars[at.min(chars.len())..].iter().take_while(|c| **c == ' ').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letters(points: &Points) -> String {
        points.letters.iter().collect()
    }

    #[test]
    fn a_single_point_is_read_in_every_listed_form() {
        for text in [
            "49(1)(a)",
            "art. 49(1)(a)",
            "Article 49(1)(a)",
            "49.1 a",
            "49.1a",
            "artikel 49.1 a",
            "artikel 49.1 första stycket a",
            "49(1) first subparagraph (a)",
            "ARTIKEL  49.1   A",
            "artikel 49.1 a i dataskyddsförordningen",
        ] {
            let points = derogation(text);
            assert_eq!(letters(&points), "a", "{text}");
            assert!(!points.second_subparagraph(), "{text}");
        }
        for text in ["9(2)(g)", "9.2 g", "artikel 9.2 g", "Art. 9(2)(g) GDPR", "artikel 9.2 g i dataskyddsförordningen"]
        {
            assert_eq!(letters(&condition(text)), "g", "{text}");
        }
    }

    #[test]
    fn several_points_and_ranges_each_count() {
        for (text, expected) in [
            ("49(1)(a) och (b)", "ab"),
            ("49.1 a och b", "ab"),
            ("49(1)(a), (b)", "ab"),
            ("49(1)(a) and (e)", "ae"),
            ("49(1)(a)-(c)", "abc"),
            ("49.1 a–c", "abc"),
            ("49.1 a - c och e", "abce"),
        ] {
            assert_eq!(letters(&derogation(text)), expected, "{text}");
        }
    }

    #[test]
    fn the_second_subparagraph_is_read_in_every_listed_form() {
        for text in [
            "49(1) second subparagraph",
            "second subparagraph of Article 49(1)",
            "49.1 andra stycket",
            "artikel 49.1 andra stycket",
            "compelling legitimate interests",
            "Tvingande berättigade intressen",
        ] {
            let points = derogation(text);
            assert!(points.second_subparagraph(), "{text}");
            assert_eq!(letters(&points), "", "{text}");
        }
    }

    #[test]
    fn a_letter_followed_by_a_letter_is_no_point() {
        assert_eq!(derogation("49.1 avtal"), Points::default());
        assert_eq!(derogation("49(1) and more"), Points::default());
        assert_eq!(letters(&derogation("49(1)(a) och artikel 46")), "a");
    }

    #[test]
    fn other_articles_and_paragraphs_name_nothing() {
        for text in ["149(1)(a)", "49(10)(a)", "49(2)(a)", "46(1)(a)", "49.11 a", "", "avtal med kunden"] {
            assert_eq!(derogation(text), Points::default(), "{text}");
        }
        assert_eq!(condition("49(2)(g)"), Points::default());
        assert_eq!(condition("19.2 g"), Points::default());
        assert!(condition("9(2) g").names('g'));
    }

    #[test]
    fn words_split_on_anything_but_letters_and_digits() {
        assert_eq!(
            words("Person-nummer_och E-post (2018:218)"),
            ["person", "nummer", "och", "e", "post", "2018", "218"]
        );
    }

    #[test]
    fn placeholders_count_as_blank_and_real_values_do_not() {
        for text in PLACEHOLDERS.iter().copied().chain(["TODO", "  tbd ", "N/A", "Ej  klart", "Lorem Ipsum", "…"]) {
            assert!(is_placeholder(text), "{text}");
            assert!(is_blank(Some(text)), "{text}");
        }
        assert!(is_blank(None));
        assert!(is_blank(Some("  ")));
        for text in ["IMY", "todo-lista", "Se ovan och nedan", "xxx", "NA-avtal", "2018:218"] {
            assert!(!is_placeholder(text), "{text}");
            assert!(!is_blank(Some(text)), "{text}");
        }
    }

    #[test]
    fn the_filled_in_format_is_the_placeholder_check() {
        let schema = serde_json::json!({ "format": FILLED_IN });
        let format = crate::policy::compile_schema(&schema).expect("the format compiles");
        let passes = |t: &str| format.is_valid(&serde_json::Value::from(t));
        for text in PLACEHOLDERS.iter().copied().chain(["TODO", "  tbd ", "N/A", "Ej  klart", " ", ""]) {
            assert!(!passes(text), "{text:?} passes the format");
        }
        for text in ["IMY", "todo-lista", "Se ovan och nedan", "xxx", "NA-avtal", "2018:218", " x y "] {
            assert!(passes(text), "{text:?} fails the format");
        }
        assert!(format.is_valid(&serde_json::json!(3)), "a format says nothing of other types");
    }
}
