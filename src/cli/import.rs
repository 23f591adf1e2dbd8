//! `rpcheck import`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::error::Result;
use crate::findings::{Lang, Severity};
use crate::import::{self, ImportOptions, Outcome, SkippedRow};

/// Arguments of `rpcheck import` (its long help is the doc comment of `Command::Import`).
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The register: an Excel workbook (.xlsx) or CSV (UTF-8; comma, semicolon or tab separated).
    file: PathBuf,
    /// How the sheet's columns map to record fields (TOML; schema/import-mapping.schema.json).
    #[arg(long, value_name = "MAP.toml")]
    mapping: Option<PathBuf>,
    /// The xlsx sheet to read [default: the mapping's `sheet`, else the first; without
    /// --mapping, every sheet].
    #[arg(long, value_name = "NAME")]
    sheet: Option<String>,
    /// The folder to write one record per row into; created if missing.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Language of the messages [default: rpcheck.toml `lang`, else en].
    #[arg(long, value_enum)]
    lang: Option<Lang>,
    /// Judge dates (review due) in the lint of the written records as of this day.
    #[arg(long, value_name = "YYYY-MM-DD", env = "RPCHECK_TODAY")]
    today: Option<jiff::civil::Date>,
}

/// A skipped row, told as a diagnostic.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("{title}")]
#[diagnostic(code(rpcheck::import::row), severity(Warning))]
struct RowReport {
    title: String,
    #[help]
    reasons: String,
}

impl ImportArgs {
    /// Import the register.
    pub fn run(self) -> Result<ExitCode> {
        let options = ImportOptions {
            file: self.file,
            mapping: self.mapping,
            sheet: self.sheet,
            out: self.out,
            lang: self.lang,
            today: super::today(self.today),
        };
        let outcome = import::run(&options)?;
        let lang = outcome.lint.as_ref().map(|l| l.lang).or(self.lang).unwrap_or_default();
        for row in &outcome.skipped {
            eprintln!("{:?}", miette::Report::new(row_report(row, lang)));
        }
        super::write_stdout(|out| summary(&outcome, &options, lang, out))?;
        Ok(if outcome.skipped.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
    }
}

fn row_report(row: &SkippedRow, lang: Lang) -> RowReport {
    let title = match (lang, &row.sheet) {
        (Lang::En, None) => format!("row {} not imported", row.row),
        (Lang::En, Some(sheet)) => format!("row {} of sheet {sheet} not imported", row.row),
        (Lang::Sv, None) => format!("rad {} importerades inte", row.row),
        (Lang::Sv, Some(sheet)) => format!("rad {} i bladet {sheet} importerades inte", row.row),
    };
    RowReport { title, reasons: row.reasons.iter().map(|r| r.get(lang)).collect::<Vec<_>>().join("\n") }
}

fn summary(outcome: &Outcome, options: &ImportOptions, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    let dir = options.out.display();
    let files = outcome.lint.as_ref().map_or(&[][..], |l| &l.files[..]);
    let with_findings = files.iter().filter(|f| f.findings.iter().any(|x| x.severity != Severity::Info)).count();
    let clean = outcome.written.len().saturating_sub(with_findings);
    let (written, skipped) = (outcome.written.len(), outcome.skipped.len());
    match lang {
        Lang::En => {
            writeln!(out, "Wrote {written} records to {dir}: {clean} clean, {with_findings} with findings.")?;
            if skipped > 0 {
                writeln!(out, "Skipped {skipped} rows (listed above).")?;
            }
            if written > 0 {
                writeln!(out, "See the findings with: rpcheck lint {dir}")?;
            }
            Ok(())
        }
        Lang::Sv => {
            writeln!(
                out,
                "Skrev {written} poster till {dir}: {clean} utan anmärkningar, {with_findings} med anmärkningar."
            )?;
            if skipped > 0 {
                writeln!(out, "Hoppade över {skipped} rader (se ovan).")?;
            }
            if written > 0 {
                writeln!(out, "Se anmärkningarna med: rpcheck lint {dir}")?;
            }
            Ok(())
        }
    }
}
