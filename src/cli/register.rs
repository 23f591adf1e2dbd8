//! `rpcheck register`.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use crate::document::records::Sources;
use crate::document::register::{self, write};
use crate::document::template::Templates;
use crate::error::{Error, Result};
use crate::findings::Lang;
use crate::lint::LintOptions;

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
    /// Language of the column headings and words [default: rpcheck.toml `lang`, else en].
    #[arg(long, value_enum)]
    lang: Option<Lang>,
    /// Use this rpcheck.toml instead of discovering one.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Judge dates (review due, waiver expiry) as of this day, not the system date.
    #[arg(long, value_name = "YYYY-MM-DD", env = "RPCHECK_TODAY")]
    today: Option<jiff::civil::Date>,
}

impl RegisterArgs {
    /// Write the register. It refuses nothing: each record's error count is a column.
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
        match &self.output {
            Some(file) => std::fs::write(file, &bytes).map_err(|e| Error::io(file, e))?,
            None => std::io::stdout().write_all(&bytes).map_err(|e| Error::io(Path::new("<stdout>"), e))?,
        }
        Ok(ExitCode::SUCCESS)
    }
}
