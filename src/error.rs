//! Errors that stop a run (exit 2). Findings about records are not errors; these are.

use std::ops::Range;
use std::path::{Path, PathBuf};

use miette::{Diagnostic, NamedSource, SourceSpan};
use thiserror::Error;

/// Why a run could not be completed.
#[derive(Debug, Error, Diagnostic)]
pub enum Error {
    /// A path could not be read.
    #[error("cannot read {}", path.display())]
    #[diagnostic(code(rpcheck::io))]
    Io {
        /// The path.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// A file we depend on (rpcheck.toml, a policy pack) is wrong.
    #[error("{what} {}: {message}", path.display())]
    #[diagnostic(code(rpcheck::invalid_input))]
    InvalidFile {
        /// "invalid configuration", "broken policy pack", ...
        what: &'static str,
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
        /// The file's text, for the label.
        #[source_code]
        source_code: NamedSource<String>,
        /// Where in it.
        #[label("here")]
        span: Option<SourceSpan>,
        /// How to fix it.
        #[help]
        help: Option<String>,
    },
    /// The command line asked for something impossible.
    #[error("{message}")]
    #[diagnostic(code(rpcheck::usage))]
    Usage {
        /// What is wrong.
        message: String,
        /// How to fix it.
        #[help]
        help: Option<String>,
    },
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        Error::Io { path: path.to_path_buf(), source }
    }

    /// A wrong file, pointing into its text.
    pub fn invalid_file(
        what: &'static str,
        path: &Path,
        text: &str,
        span: Option<Range<usize>>,
        message: impl Into<String>,
        help: Option<String>,
    ) -> Self {
        Error::InvalidFile {
            what,
            path: path.to_path_buf(),
            message: message.into(),
            source_code: NamedSource::new(path.display().to_string(), text.to_string()),
            span: span.map(SourceSpan::from),
            help,
        }
    }

    /// A usage error.
    pub fn usage(message: impl Into<String>, help: Option<String>) -> Self {
        Error::Usage { message: message.into(), help }
    }
}

/// Result of anything that can stop a run.
pub type Result<T, E = Error> = std::result::Result<T, E>;
