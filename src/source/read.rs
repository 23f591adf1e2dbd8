//! Reading a record's bytes without trusting them: a size limit, UTF-8 with a BOM accepted,
//! never a hang on something that is not a regular file.

use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use crate::error::{Error, Result};

/// Files larger than this are not parsed unless rpcheck.toml says otherwise.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// What a file held.
#[derive(Debug)]
pub enum Content {
    /// UTF-8 text (a leading BOM removed).
    Text(Arc<str>),
    /// Bytes that cannot be checked; the text is what can be shown of them.
    Unusable {
        /// What can be shown (lossy UTF-8, or nothing for an over-large file).
        text: Arc<str>,
        /// Byte offset of the problem in `text`.
        at: usize,
        /// What is wrong.
        problem: Problem,
    },
}

/// Why a file's bytes cannot be checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// Larger than the limit (bytes).
    TooLarge(u64),
    /// Not UTF-8.
    NotUtf8,
}

/// Read `path` (or standard input for `-`), at most `limit` bytes.
pub fn read(path: &Path, display: &str, limit: u64) -> Result<Content> {
    let io_error = |e| Error::io(Path::new(display), e);
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin().lock().take(limit + 1).read_to_end(&mut bytes).map_err(io_error)?;
    } else {
        // Look before opening: opening a FIFO would wait for a writer forever.
        let meta = std::fs::metadata(path).map_err(io_error)?;
        if !meta.is_file() {
            let help = Some("give the path of a record file, or a folder to walk".to_string());
            return Err(Error::usage(format!("{display} is not a regular file"), help));
        }
        let file = std::fs::File::open(path).map_err(io_error)?;
        bytes.reserve_exact(meta.len().min(limit) as usize + 1);
        file.take(limit + 1).read_to_end(&mut bytes).map_err(io_error)?;
    }
    if bytes.len() as u64 > limit {
        return Ok(Content::Unusable { text: Arc::from(""), at: 0, problem: Problem::TooLarge(limit) });
    }
    Ok(decode(bytes))
}

/// Decode bytes as UTF-8, dropping a BOM.
pub fn decode(bytes: Vec<u8>) -> Content {
    match String::from_utf8(bytes) {
        Ok(text) => Content::Text(Arc::from(text.strip_prefix('\u{feff}').unwrap_or(&text))),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            Content::Unusable { text: Arc::from(text), at, problem: Problem::NotUtf8 }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bom_is_dropped() {
        match decode(b"\xef\xbb\xbfid = \"x\"".to_vec()) {
            Content::Text(text) => assert_eq!(&*text, "id = \"x\""),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn invalid_utf8_is_located() {
        match decode(b"id = \"\xff\"".to_vec()) {
            Content::Unusable { at, problem, .. } => assert_eq!((at, problem), (6, Problem::NotUtf8)),
            other => panic!("{other:?}"),
        }
    }
}
