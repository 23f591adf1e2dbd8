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
    /// The file's other problems, each at its own place.
    #[related]
    pub more: Vec<FileProblem>,
}

/// One problem of a file, before it is told: where, what, how to fix it.
#[derive(Debug, Clone)]
pub struct Problem {
    span: Option<Range<usize>>,
    message: String,
    help: Option<String>,
}

impl Problem {
    /// A problem at `span` (or at no place in particular).
    pub fn new(span: Option<Range<usize>>, message: impl Into<String>, help: Option<String>) -> Self {
        Problem { span, message: message.into(), help }
    }

    /// Give the problem `help` unless it has its own.
    pub fn or_help(&mut self, help: &str) {
        self.help.get_or_insert_with(|| help.to_string());
    }

    /// Where the problem starts, for telling problems in the order of the file.
    pub fn start(&self) -> usize {
        self.span.as_ref().map_or(0, |s| s.start)
    }
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
        Error::invalid_file_all(what, path, text, vec![Problem::new(span, message, help)])
    }

    /// A wrong file with every problem found in it, each pointing into its text.
    pub fn invalid_file_all(what: &'static str, path: &Path, text: &str, problems: Vec<Problem>) -> Self {
        let told = |p: Problem| FileProblem {
            what,
            path: path.to_path_buf(),
            message: p.message,
            source_code: NamedSource::new(path.display().to_string(), text.to_string()),
            span: p.span.map(SourceSpan::from),
            help: p.help,
            more: Vec::new(),
        };
        let mut problems = problems.into_iter().map(told);
        let Some(mut first) = problems.next() else {
            return Error::usage(format!("{what} {}", path.display()), None);
        };
        first.more = problems.collect();
        Error::InvalidFile(Box::new(first))
    }

    /// A usage error.
    pub fn usage(message: impl Into<String>, help: Option<String>) -> Self {
        Error::Usage { message: message.into(), help }
    }
}

/// Result of anything that can stop a run.
pub type Result<T, E = Error> = std::result::Result<T, E>;
