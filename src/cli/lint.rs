//! `rpcheck lint`.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use crate::error::{Error, Result};
use crate::findings::Lang;
use crate::lint::{self, BaselineUse, LintOptions};
use crate::render::{self, Checkout, Counts, Format, Style};

/// Arguments of `rpcheck lint`.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// Record files or folders; `-` reads one record from standard input. An rpcheck.toml or
    /// policy pack stands for every record it governs.
    paths: Vec<PathBuf>,
    /// Output format [default: human on a terminal, concise otherwise].
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Language of messages [default: rpcheck.toml `lang`, else en].
    #[arg(long, value_enum)]
    lang: Option<Lang>,
    /// Warnings fail the run too.
    #[arg(long)]
    deny_warnings: bool,
    /// Show info findings in human and concise output.
    #[arg(long)]
    show_info: bool,
    /// Use this rpcheck.toml instead of discovering one.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// With PATH `-`: report standard input under this name.
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<PathBuf>,
    /// Apply rpcheck.toml's include/exclude even for files named on the command line, as a
    /// pre-commit hook that passes every changed `.toml` needs.
    #[arg(long)]
    force_exclude: bool,
    /// Judge dates (review due, waiver expiry) as of this day, not the system date.
    #[arg(long, value_name = "YYYY-MM-DD", env = "RPCHECK_TODAY")]
    today: Option<jiff::civil::Date>,
    /// Report every finding, also those rpcheck-baseline.toml holds.
    #[arg(long)]
    no_baseline: bool,
}

impl LintArgs {
    /// Lint, print, and say whether the findings fail the run.
    pub fn run(self) -> Result<ExitCode> {
        let terminal = std::io::stdout().is_terminal();
        let format = self.format.unwrap_or(if terminal { Format::Human } else { Format::Concise });
        let options = LintOptions {
            paths: self.paths,
            config: self.config,
            stdin_filename: self.stdin_filename,
            lang: self.lang,
            today: super::today(self.today),
            keep_source: format.keeps_source(),
            force_exclude: self.force_exclude,
        };
        let baseline = if self.no_baseline { BaselineUse::Ignore } else { BaselineUse::Apply };
        let report = lint::run_with(&options, baseline)?;
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let style =
            Style { color: terminal && !no_color, width: if terminal { 100 } else { 80 }, show_info: self.show_info };
        let checkout = Checkout::from_env().map_err(|e| Error::io(Path::new("."), e))?;
        super::write_stdout(|out| render::render(format, &report, style, &checkout, out))?;
        if format == Format::Github {
            write_step_summary(&report)?;
        }
        if report.files.is_empty() {
            // Not an error (an empty project is valid), but a hook that checks nothing should say so.
            eprintln!(
                "warning: no record files found (a .toml file is a record when it declares `schema_version` or \
                 a `#:schema` line naming record.schema.json, or when rpcheck.toml's include matches it)"
            );
        }
        let counts = Counts::of(&report);
        let failed = counts.errors > 0 || (self.deny_warnings && counts.warnings > 0);
        Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
    }
}

/// With `GITHUB_STEP_SUMMARY` set (as in a GitHub Actions step), append the counts per rule and
/// severity to that file, which GitHub shows on the job's page.
fn write_step_summary(report: &crate::findings::RunReport) -> Result<()> {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) else {
        return Ok(());
    };
    let path = PathBuf::from(path);
    let mut file =
        std::fs::OpenOptions::new().create(true).append(true).open(&path).map_err(|e| Error::io(&path, e))?;
    let mut text = Vec::new();
    render::github::summary(report, &mut text).map_err(|e| Error::io(&path, e))?;
    std::io::Write::write_all(&mut file, &text).map_err(|e| Error::io(&path, e))
}
