//! Paths as the user sees them: relative to the current folder when they lie below it, so
//! output and error messages never show more of the machine than they must. And new files,
//! written without replacing any.

use std::path::{Path, PathBuf};

/// A path as shown to the user: relative to the current folder when it lies below it.
pub fn shown_path(path: &Path) -> PathBuf {
    match std::env::current_dir() {
        Ok(cwd) => PathBuf::from(display(&cwd, &cwd.join(path))),
        Err(_) => path.to_path_buf(),
    }
}

/// A path relative to the current folder when it lies below it.
pub fn display(cwd: &Path, path: &Path) -> String {
    let path = normalise(path);
    path.strip_prefix(cwd).unwrap_or(&path).display().to_string()
}

/// `path` with `.` and `..` resolved by its text (no file system access), so that two spellings
/// of one path compare equal.
pub fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Create `path` (and its folders) with `text`; fail rather than replace a file that is there,
/// even one that appeared after the caller looked (rpcheck never overwrites what a user has).
pub fn write_new(path: &Path, text: &str) -> crate::error::Result<()> {
    use std::io::Write;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| crate::error::Error::io(parent, e))?;
    }
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut file| file.write_all(text.as_bytes()))
        .map_err(|e| crate::error::Error::io(path, e))
}
