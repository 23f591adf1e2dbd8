//! `rpcheck report`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use crate::document::report;
use crate::document::template::Templates;
use crate::error::{Error, Result};
use crate::findings::Lang;
use crate::lint::{self, LintOptions};

/// Arguments of `rpcheck report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Record files or folders (default: the project of the current folder).
    paths: Vec<PathBuf>,
    /// Write the report to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Language of the report [default: rpcheck.toml `lang`, else en].
    #[arg(long, value_enum)]
    lang: Option<Lang>,
    /// Use this rpcheck.toml instead of discovering one.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Judge dates (review due, waiver expiry) as of this day, not the system date.
    #[arg(long, value_name = "YYYY-MM-DD", env = "RPCHECK_TODAY")]
    today: Option<jiff::civil::Date>,
}

impl ReportArgs {
    /// Write the report. It is a document, not a gate: it exits 0 whatever it found
    /// (`rpcheck lint` is the gate).
    pub fn run(self) -> Result<ExitCode> {
        let options = LintOptions {
            paths: self.paths,
            config: self.config,
            stdin_filename: None,
            lang: self.lang,
            today: super::today(self.today),
            keep_source: false,
            force_exclude: false,
        };
        if options.paths.iter().any(|p| p.as_os_str() == "-") {
            return Err(Error::usage("the report is made from record files, not standard input", None));
        }
        let run = lint::run(&options)?;
        let templates = crate::document::records::template_dir(&options)?;
        let text = Templates::new(templates).render("report.html", &report::build(&run))?;
        match &self.output {
            Some(file) => std::fs::write(file, &text).map_err(|e| Error::io(file, e))?,
            None => std::io::stdout().write_all(text.as_bytes()).map_err(|e| Error::io(Path::new("<stdout>"), e))?,
        }
        Ok(ExitCode::SUCCESS)
    }
}
