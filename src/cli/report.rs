//! `rpcheck report`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::document::report;
use crate::document::template::Templates;
use crate::error::{Error, Result};

use crate::lint;

/// Arguments of `rpcheck report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Record files or folders (default: the project of the current folder).
    paths: Vec<PathBuf>,
    /// Write the report to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    project: super::ProjectArgs,
}

impl ReportArgs {
    /// Write the report. It is a document, not a gate: it exits 0 whatever it found
    /// (`rpcheck lint` is the gate).
    pub fn run(self) -> Result<ExitCode> {
        let options = self.project.lint_options(self.paths);
        if options.paths.iter().any(|p| p.as_os_str() == "-") {
            return Err(Error::usage("the report is made from record files, not standard input", None));
        }
        let run = lint::run(&options)?;
        let templates = crate::document::records::template_dir(&options)?;
        let text = Templates::new(templates).render("report.html", &report::build(&run))?;
        super::deliver(self.output.as_deref(), text.as_bytes())?;
        Ok(ExitCode::SUCCESS)
    }
}
