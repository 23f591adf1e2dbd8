//! `rpcheck register`.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use crate::document::records::Sources;
use crate::document::register::{self, write};
use crate::document::template::Templates;
use crate::error::{Error, Result};

/// The formats of the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RegisterFormat {
    /// CSV: UTF-8 with a byte-order mark, RFC 4180 quoting.
    Csv,
    /// An Excel workbook, one sheet per controller.
    Xlsx,
    /// Markdown tables.
    Md,
    /// One self-contained HTML page.
    Html,
    /// JSON: the columns, then one object per activity.
    Json,
    /// JSON-LD in the W3C Data Privacy Vocabulary 2.3, with its context inline.
    Dpv,
}

/// Arguments of `rpcheck register`.
#[derive(Debug, Args)]
pub struct RegisterArgs {
    /// Record files or folders (default: the project of the current folder).
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum)]
    format: RegisterFormat,
    /// Write the register to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    project: super::ProjectArgs,
}

impl RegisterArgs {
    /// Write the register. It refuses nothing: each record's error count is a column.
    pub fn run(self) -> Result<ExitCode> {
        let options = self.project.lint_options(self.paths);
        if self.format == RegisterFormat::Xlsx && self.output.is_none() && std::io::stdout().is_terminal() {
            return Err(Error::usage("an xlsx workbook is binary", Some("write it to a file with -o FILE".into())));
        }
        let sources = Sources::load(&options)?;
        let Some(policy) = sources.policy.as_ref() else {
            return Err(Error::usage(
                "no record files found",
                Some("name record files or folders that hold them".into()),
            ));
        };
        let model = register::build(&sources.records, sources.report.lang, policy);
        let templates = || Templates::new(sources.templates.clone());
        let bytes = match self.format {
            RegisterFormat::Csv => write::csv(&model)?,
            RegisterFormat::Xlsx => write::xlsx(&model)?,
            RegisterFormat::Json => write::json(&model),
            RegisterFormat::Dpv => {
                let mut text =
                    serde_json::to_vec_pretty(&register::dpv::document(&sources.records, policy)).unwrap_or_default();
                text.push(b'\n');
                text
            }
            RegisterFormat::Md => templates().render("register.md", &model)?.into_bytes(),
            RegisterFormat::Html => templates().render("register.html", &model)?.into_bytes(),
        };
        super::deliver(self.output.as_deref(), &bytes)?;
        Ok(ExitCode::SUCCESS)
    }
}
