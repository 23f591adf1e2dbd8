//! Imported records written as TOML files: one per record, named by its id, in the order the
//! record format gives its fields, with the `#:schema` line editors complete from. Nothing is
//! ever overwritten: when any target file exists, no file is written (exit 2).

use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::model::Record;

/// The `#:schema` line, as `rpcheck init` writes it for `records/` beside `schema/`.
const SCHEMA_LINE: &str = "#:schema ../schema/record.schema.json\n";

/// A file name from a record id: the id's letters, digits and hyphens (others become `-`),
/// never empty, never hidden, never a path.
pub fn file_name(id: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' { c } else { '-' })
        .take(100)
        .collect();
    let safe = safe.trim_matches('-');
    if safe.is_empty() { "record.toml".to_string() } else { format!("{safe}.toml") }
}

/// A record id from a processing activity's name: lower case, Swedish letters without their
/// marks, other runs of characters as one hyphen (`Bygglov – handläggning` → `bygglov-handlaggning`).
pub fn id_from_name(name: &str) -> String {
    let mut id = String::new();
    for c in name.to_lowercase().chars() {
        let c = match c {
            'å' | 'ä' | 'à' | 'á' | 'â' => 'a',
            'ö' | 'ø' | 'ó' | 'ô' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' | 'ú' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    id.trim_matches('-').chars().take(80).collect::<String>().trim_end_matches('-').to_string()
}

/// The record as TOML text: the `#:schema` line, then its fields in the format's order, dates
/// as TOML dates.
pub fn text(record: &Record) -> Result<String> {
    let body = toml::to_string(record)
        .map_err(|e| Error::usage(format!("cannot write record {} as TOML: {e}", record.id), None))?;
    Ok(format!("{SCHEMA_LINE}{}", dates_unquoted(&body)))
}

/// The record's dates as TOML dates: the serializer writes them as strings, which the record
/// format does not take.
fn dates_unquoted(text: &str) -> String {
    let Ok(doc) = crate::source::parse(text) else { return text.to_string() };
    let mut pointers = vec!["/updated".to_string()];
    let waivers = doc.value.get("waivers").and_then(|w| w.as_array()).map_or(0, Vec::len);
    pointers.extend((0..waivers).map(|i| format!("/waivers/{i}/expires")));
    let mut spans: Vec<std::ops::Range<usize>> = pointers
        .iter()
        .filter(|p| doc.value.pointer(p).is_some())
        .map(|p| doc.span_of(p))
        .filter(|span| text.get(span.clone()).is_some_and(|t| t.len() == 12 && t.starts_with('"')))
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.start));
    let mut out = text.to_string();
    for span in spans {
        let date = out[span.start + 1..span.end - 1].to_string();
        out.replace_range(span, &date);
    }
    out
}

/// Write every file, or none: when any exists, fail naming it before anything is written.
pub fn write_all(files: &[(PathBuf, String)]) -> Result<()> {
    if let Some((existing, _)) = files.iter().find(|(path, _)| path.symlink_metadata().is_ok()) {
        return Err(Error::usage(
            format!("{} exists: rpcheck import never overwrites a file, and wrote none", existing.display()),
            Some("import into an empty folder, or move the existing records away first".into()),
        ));
    }
    for (path, text) in files {
        crate::paths::write_new(path, text)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe() {
        assert_eq!(file_name("bygglov"), "bygglov.toml");
        assert_eq!(file_name("../../etc/passwd"), "etc-passwd.toml");
        assert_eq!(file_name(".."), "record.toml");
        assert_eq!(file_name(""), "record.toml");
    }

    #[test]
    fn ids_from_swedish_names() {
        assert_eq!(id_from_name("Bygglov – handläggning"), "bygglov-handlaggning");
        assert_eq!(id_from_name("Öppen förskola (närvaro)"), "oppen-forskola-narvaro");
        assert_eq!(id_from_name("!!!"), "");
    }
}
