//! A finding's place named by keys and entry ids rather than line numbers or array indexes
//! (`purposes[informera].legal_basis`), so that moving lines or reordering entries keeps it: the
//! key of SARIF `partialFingerprints`, GitLab fingerprints and the baseline.

use serde_json::Value;

/// The place `pointer` names in `record`: object keys joined by `.`, an array element by its `id`,
/// else its `name`, else its own text (a string element), else its index in brackets.
/// `/purposes/0/legal_basis` → `purposes[informera].legal_basis`; a pointer past what the record
/// holds (a missing key) is named by its keys all the same.
pub fn location_key(pointer: &str, record: &Value) -> String {
    let mut out = String::new();
    let mut node = Some(record);
    for token in pointer.split('/').skip(1) {
        let token = token.replace("~1", "/").replace("~0", "~");
        match node {
            Some(Value::Array(items)) => {
                let item = token.parse::<usize>().ok().and_then(|i| items.get(i));
                out.push('[');
                out.push_str(item.and_then(entry_name).unwrap_or(&token));
                out.push(']');
                node = item;
            }
            _ => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(&token);
                node = node.and_then(|n| n.get(&token));
            }
        }
    }
    out
}

/// How an array element names itself: its `id`, its `name`, or its own text.
fn entry_name(item: &Value) -> Option<&str> {
    match item {
        Value::String(text) => Some(text),
        Value::Object(fields) => ["id", "name"].iter().find_map(|k| fields.get(*k).and_then(Value::as_str)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::location_key;

    #[test]
    fn entries_are_named_by_id_name_or_text() {
        let record = json!({
            "purposes": [{"id": "ko"}, {"id": "informera", "legal_basis": "consent"}],
            "recipients": [{"name": "Stadsarkivet"}],
            "personal_data": {"categories": ["namn", "personnummer"]},
            "transfers": [{"country": "US"}],
        });
        assert_eq!(location_key("/purposes/1/legal_basis", &record), "purposes[informera].legal_basis");
        assert_eq!(location_key("/recipients/0/role", &record), "recipients[Stadsarkivet].role");
        assert_eq!(location_key("/personal_data/categories/1", &record), "personal_data.categories[personnummer]");
        assert_eq!(location_key("/transfers/0/mechanism", &record), "transfers[0].mechanism");
        assert_eq!(location_key("/purposes/7/id", &record), "purposes[7].id");
        assert_eq!(location_key("/a~1b/c", &record), "a/b.c");
        assert_eq!(location_key("", &record), "");
    }

    #[test]
    fn reordering_entries_keeps_the_key() {
        let before = json!({"purposes": [{"id": "a"}, {"id": "b"}]});
        let after = json!({"purposes": [{"id": "b"}, {"id": "a"}]});
        assert_eq!(location_key("/purposes/1/law", &before), location_key("/purposes/0/law", &after));
    }
}
