//! Positions on a document's text: LSP counts columns in UTF-16 code units, rpcheck in bytes.

use std::ops::Range;

use lsp_types::{Position, TextDocumentContentChangeEvent};

/// The LSP position of a byte offset (clamped to the text, floored to a character boundary).
pub fn position(text: &str, offset: usize) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.bytes().filter(|&b| b == b'\n').count();
    let character: usize = before[line_start..].chars().map(char::len_utf16).sum();
    Position { line: saturate(line), character: saturate(character) }
}

/// The LSP range of a byte range.
pub fn range(text: &str, span: &Range<usize>) -> lsp_types::Range {
    lsp_types::Range { start: position(text, span.start), end: position(text, span.end) }
}

/// The byte offset of an LSP position; a position past a line's end means its end, past the
/// last line the end of the text (as the protocol asks).
pub fn offset(text: &str, position: Position) -> usize {
    let mut line_start = 0;
    for _ in 0..position.line {
        match text[line_start..].find('\n') {
            Some(i) => line_start += i + 1,
            None => return text.len(),
        }
    }
    let line_end = text[line_start..].find('\n').map_or(text.len(), |i| line_start + i);
    let mut units = 0;
    for (i, c) in text[line_start..line_end].char_indices() {
        if units >= position.character as usize {
            return line_start + i;
        }
        units += c.len_utf16();
    }
    line_end
}

/// Apply one change the client sent: a whole new text, or a range replaced.
pub fn apply_change(text: &mut String, change: TextDocumentContentChangeEvent) {
    match change.range {
        Some(range) => {
            let start = offset(text, range.start);
            let end = offset(text, range.end).max(start);
            text.replace_range(start..end, &change.text);
        }
        None => *text = change.text,
    }
}

fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_units() {
        let text = "a = \"😀é\"\nb = 1\n";
        let end_of_string = text.find("\"\n").unwrap_or_default();
        // 'a', ' ', '=', ' ', '"' then 😀 (two units) and é (one).
        assert_eq!(position(text, end_of_string), Position { line: 0, character: 8 });
        assert_eq!(offset(text, Position { line: 0, character: 8 }), end_of_string);
        assert_eq!(position(text, text.len()), Position { line: 2, character: 0 });
    }

    #[test]
    fn positions_past_the_end_are_clamped() {
        let text = "ab\ncd";
        assert_eq!(offset(text, Position { line: 0, character: 99 }), 2);
        assert_eq!(offset(text, Position { line: 9, character: 0 }), text.len());
    }

    #[test]
    fn an_incremental_change_replaces_its_range() {
        let mut text = "id = \"x\"\nname = \"å\"\n".to_string();
        let range = lsp_types::Range { start: Position::new(1, 8), end: Position::new(1, 9) };
        apply_change(
            &mut text,
            TextDocumentContentChangeEvent { range: Some(range), range_length: None, text: "ö".into() },
        );
        assert_eq!(text, "id = \"x\"\nname = \"ö\"\n");
    }

    #[test]
    fn a_range_inside_a_surrogate_pair_does_not_panic() {
        let text = "😀";
        assert_eq!(offset(text, Position { line: 0, character: 1 }), 4);
        assert_eq!(position(text, 2), Position { line: 0, character: 0 });
    }
}
