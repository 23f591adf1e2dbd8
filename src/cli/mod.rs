//! The command line: one file per subcommand; the doc comments here are the `--help` text.

mod baseline;
mod completions;
mod explain;
mod import;
mod init;
mod law;
mod lint;
mod notice;
mod register;
mod report;
mod rules;
mod schema;
mod server;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::error::Result;

/// Check records of processing (GDPR art. 30) against the GDPR and Swedish law.
#[derive(Debug, Parser)]
#[command(name = "rpcheck", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check records (files or folders; default: the project of the current folder).
    Lint(lint::LintArgs),
    /// Print a rule's full text: why, how to fix, legal references, examples.
    Explain(explain::ExplainArgs),
    /// List the rules; with --check, run every rule's examples.
    Rules(rules::RulesArgs),
    /// Print a GDPR provision word for word, in English or Swedish, with its link.
    Law(law::LawArgs),
    /// Print the JSON Schema of records; with --check, fail if the committed one is stale.
    Schema(schema::SchemaArgs),
    /// Generate the privacy notice (GDPR art. 13/14) from records; refuses on errors unless --force.
    Notice(notice::NoticeArgs),
    /// Write the register of processing (GDPR art. 30) across all records.
    Register(register::RegisterArgs),
    /// Write one self-contained HTML report of the findings, for people.
    Report(report::ReportArgs),
    /// Serve the Language Server Protocol on standard input and output, for editors.
    Server(server::ServerArgs),
    /// Record today's findings in rpcheck-baseline.toml, so that lint reports only new ones. Run
    /// again, it rewrites the file from the findings of that day; --prune only removes entries
    /// that no longer match a finding.
    Baseline(baseline::BaselineArgs),
    /// Start a project: rpcheck.toml, one example record and the schemas; never overwrites.
    Init(init::InitArgs),
    /// Write records from an existing spreadsheet register (xlsx or CSV); never overwrites.
    ///
    /// Without --mapping, the sheet must have the columns `rpcheck register --format xlsx|csv`
    /// writes (English or Swedish headings). The register does not show every field, so these do
    /// not come back from it: language, review_interval_months, controller.kind and .country,
    /// personal_data.source, identity_number_reason and a false criminal_offences, the purposes'
    /// balancing_test, recipients' agreement, transfers' transfer_impact_assessment, rights,
    /// automated_decisions and waivers. A purpose's law and legitimate interest come back as
    /// legitimate_interest when its basis is legitimate interest, else as law.
    ///
    /// Exit status: 0 every row written; 1 some rows skipped (each listed with its row number and
    /// reasons); 2 nothing written: the file or mapping is unreadable or wrong, or a record file
    /// to be written exists (import never overwrites, and then writes none).
    Import(import::ImportArgs),
    /// Print the shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(completions::CompletionsArgs),
    /// Print the man page, or with --out-dir write one per subcommand.
    Man(completions::ManArgs),
}

impl Cli {
    /// Run the command; `Err` is a failed run (exit 2).
    pub fn run(self) -> Result<ExitCode> {
        match self.command {
            Command::Lint(args) => args.run(),
            Command::Explain(args) => args.run(),
            Command::Rules(args) => args.run(),
            Command::Law(args) => args.run(),
            Command::Schema(args) => args.run(),
            Command::Notice(args) => args.run(),
            Command::Register(args) => args.run(),
            Command::Report(args) => args.run(),
            Command::Server(args) => args.run(),
            Command::Baseline(args) => args.run(),
            Command::Init(args) => args.run(),
            Command::Import(args) => args.run(),
            Command::Completions(args) => args.run(),
            Command::Man(args) => args.run(),
        }
    }
}

/// Write a command's output to standard output, buffered. A reader that goes away early (`rpcheck
/// law 6 | head`) is no failure of rpcheck: a broken pipe ends the output quietly, where `print!`
/// would panic.
fn write_stdout(write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(crate::error::Error::io(std::path::Path::new("<stdout>"), e))
        }
        _ => Ok(()),
    }
}

/// What the document commands (notice, register, report) share: the project's language,
/// configuration and day.
#[derive(Debug, clap::Args)]
struct ProjectArgs {
    /// Language of the document [default: rpcheck.toml `lang`, else en].
    #[arg(long, value_enum)]
    lang: Option<crate::findings::Lang>,
    /// Use this rpcheck.toml instead of discovering one.
    #[arg(long, value_name = "FILE")]
    config: Option<std::path::PathBuf>,
    /// Judge dates (review due, waiver expiry) as of this day, not the system date.
    #[arg(long, value_name = "YYYY-MM-DD", env = "RPCHECK_TODAY")]
    today: Option<jiff::civil::Date>,
}

impl ProjectArgs {
    /// The lint run a document is made from, over `paths`.
    fn lint_options(&self, paths: Vec<std::path::PathBuf>) -> crate::lint::LintOptions {
        crate::lint::LintOptions {
            config: self.config.clone(),
            lang: self.lang,
            ..crate::lint::LintOptions::new(paths, today(self.today))
        }
    }
}

/// What the commands that read the rules (explain, rules) share: the packs to load.
#[derive(Debug, clap::Args)]
struct PackArgs {
    /// Extra policy packs to load beside the built-in ones and those of the current project's
    /// rpcheck.toml.
    #[arg(long = "pack", value_name = "FILE")]
    packs: Vec<std::path::PathBuf>,
}

impl PackArgs {
    /// The built-in packs, the current project's and the ones named, each once.
    fn policy(&self) -> Result<crate::policy::Policy> {
        let mut packs = crate::project::current_project_packs()?;
        packs.extend(self.packs.iter().filter_map(|p| std::path::absolute(p).ok()));
        packs.sort();
        packs.dedup();
        crate::policy::Policy::load(&packs)
    }
}

/// Write a generated document to `file`, or to standard output when there is none.
fn deliver(file: Option<&std::path::Path>, bytes: &[u8]) -> Result<()> {
    match file {
        Some(file) => std::fs::write(file, bytes).map_err(|e| crate::error::Error::io(file, e)),
        None => write_stdout(|out| out.write_all(bytes)),
    }
}

/// Today's date in UTC, unless the command line or RPCHECK_TODAY names another day.
pub(crate) use crate::lint::today;

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn command_line_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
