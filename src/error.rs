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
    #[error(transparent)]
    #[diagnostic(transparent)]
    InvalidFile(Box<FileProblem>),
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

/// What is wrong in a file we depend on, pointing into its text.
#[derive(Debug, Error, Diagnostic)]
#[error("{what} {}: {message}", path.display())]
#[diagnostic(code(rpcheck::invalid_input))]
pub struct FileProblem {
    /// "invalid configuration", "broken policy pack", ...
    pub what: &'static str,
    /// The file.
    pub path: PathBuf,
    /// What is wrong.
    pub message: String,
    /// The file's text, for the label.
    #[source_code]
    pub source_code: NamedSource<String>,
    /// Where in it.
    #[label("here")]
    pub span: Option<SourceSpan>,
    /// How to fix it.
    #[help]
    pub help: Option<String>,
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
        Error::InvalidFile(Box::new(FileProblem {
            what,
            path: path.to_path_buf(),
            message: message.into(),
            source_code: NamedSource::new(path.display().to_string(), text.to_string()),
            span: span.map(SourceSpan::from),
            help,
        }))
    }

    /// A usage error.
    pub fn usage(message: impl Into<String>, help: Option<String>) -> Self {
        Error::Usage { message: message.into(), help }
    }
}

/// Result of anything that can stop a run.
pub type Result<T, E = Error> = std::result::Result<T, E>;
