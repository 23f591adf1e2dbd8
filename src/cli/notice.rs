//! `rpcheck notice`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use crate::document::notice::{self, NoticeInput};
use crate::document::records::Sources;
use crate::document::template::Templates;
use crate::error::{Error, Result};

/// The layouts of a notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NoticeFormat {
    /// Markdown, for a website's source or a document.
    Md,
    /// One self-contained HTML page.
    Html,
}

/// Arguments of `rpcheck notice`.
#[derive(Debug, Args)]
pub struct NoticeArgs {
    /// Record files or folders; several records give one notice with a section per activity.
    #[arg(required = true)]
    records: Vec<PathBuf>,
    /// Layout of the notice.
    #[arg(long, value_enum, default_value = "md")]
    format: NoticeFormat,
    /// Write the notice to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE", conflicts_with = "check")]
    output: Option<PathBuf>,
    /// Generate even when the records have errors, with a draft banner in the notice.
    #[arg(long)]
    force: bool,
    /// Compare with FILE instead of writing: exit 1 with a diff when they differ.
    #[arg(long, value_name = "FILE")]
    check: Option<PathBuf>,
    #[command(flatten)]
    project: super::ProjectArgs,
}

impl NoticeArgs {
    /// Generate the notice, or refuse when the records have errors.
    pub fn run(self) -> Result<ExitCode> {
        let options = self.project.lint_options(self.records.clone());
        let sources = Sources::load(&options)?;
        if sources.has_errors() && !self.force {
            return refuse(&sources);
        }
        let text = self.generate(&sources)?;
        match (&self.check, &self.output) {
            (Some(file), _) => check(file, &text),
            (None, output) => {
                super::deliver(output.as_deref(), text.as_bytes())?;
                Ok(ExitCode::SUCCESS)
            }
        }
    }

    fn generate(&self, sources: &Sources) -> Result<String> {
        let mut records = Vec::with_capacity(sources.records.len());
        for file in &sources.records {
            let record = file.record.as_ref().ok_or_else(|| {
                Error::usage(
                    format!("{} is not a valid record, so no notice can be made from it", file.path),
                    Some(format!("run `rpcheck lint {}` to see why", file.path)),
                )
            })?;
            records.push(record);
        }
        if records.is_empty() {
            return Err(Error::usage(
                "no record files found",
                Some("name record files or folders that hold them".into()),
            ));
        }
        let Some(policy) = sources.policy.as_ref() else {
            return Err(Error::usage("no record files found", None));
        };
        let model = notice::build(&NoticeInput {
            records: &records,
            lang: sources.report.lang,
            policy,
            draft_from: sources.has_errors().then_some(&sources.report.files[..]),
        });
        let template = match self.format {
            NoticeFormat::Md => "notice.md",
            NoticeFormat::Html => "notice.html",
        };
        Templates::new(sources.templates.clone()).render(template, &model)
    }
}

/// Exit 1 listing the error findings: a notice made from them would publish the defects.
fn refuse(sources: &Sources) -> Result<ExitCode> {
    let errors = sources.errors_only();
    let count: usize = errors.files.iter().map(|f| f.findings.len()).sum();
    let mut stderr = std::io::stderr().lock();
    let io = |e| Error::io(Path::new("<stderr>"), e);
    writeln!(
        stderr,
        "error: no notice generated: the records have {count} error-level findings, which the notice would publish"
    )
    .map_err(io)?;
    crate::render::concise::render(&errors, false, &mut stderr).map_err(io)?;
    writeln!(stderr, "help: fix them (see `rpcheck lint`), or pass --force for a draft with a banner").map_err(io)?;
    Ok(ExitCode::from(1))
}

/// Exit 1 with a unified diff when `file` differs from what the records generate.
fn check(file: &Path, generated: &str) -> Result<ExitCode> {
    let committed = std::fs::read_to_string(file).map_err(|e| Error::io(file, e))?;
    // A checkout with CRLF line ends (git's autocrlf on Windows) holds the same notice.
    let committed = committed.replace("\r\n", "\n");
    if committed == generated {
        return Ok(ExitCode::SUCCESS);
    }
    let shown = crate::paths::shown_path(file).display().to_string();
    let diff = similar::TextDiff::from_lines(&committed, generated);
    let mut stdout = std::io::stdout().lock();
    let io = |e| Error::io(Path::new("<stdout>"), e);
    writeln!(stdout, "{shown} differs from the notice the records generate:").map_err(io)?;
    write!(stdout, "{}", diff.unified_diff().context_radius(2).header(&shown, "generated from the records"))
        .map_err(io)?;
    Ok(ExitCode::from(1))
}
