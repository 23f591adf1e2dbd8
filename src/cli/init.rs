//! `rpcheck init`: a new project that lints clean, in one command.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use crate::error::{Error, Result};

/// The project file written, with a commented controller to fill in.
const PROJECT_FILE: &str = include_str!("init/rpcheck.toml");
/// The example record; `{today}` becomes the day of the run, so it is not due for review.
const EXAMPLE_RECORD: &str = include_str!("init/example.toml");

/// Arguments of `rpcheck init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to set up; created if missing [default: the current folder].
    dir: Option<PathBuf>,
    /// Date the example record as reviewed on this day, not the system date.
    #[arg(long, value_name = "YYYY-MM-DD", env = "RPCHECK_TODAY")]
    today: Option<jiff::civil::Date>,
}

impl InitArgs {
    /// Write the project, or nothing at all when any of its files exists.
    pub fn run(self) -> Result<ExitCode> {
        let dir = self.dir.unwrap_or_else(|| PathBuf::from("."));
        let files = project_files(&dir, super::today(self.today));
        // Check every file before writing any, so a refusal leaves the folder as it was.
        if let Some((existing, _)) = files.iter().find(|(path, _)| path.symlink_metadata().is_ok()) {
            return Err(Error::usage(
                format!("{} exists: rpcheck init never overwrites a file", existing.display()),
                Some("run it in an empty folder, or name one: rpcheck init DIR".into()),
            ));
        }
        for (path, text) in &files {
            crate::paths::write_new(path, text)?;
        }
        super::write_stdout(|out| next_steps(&dir, out))?;
        Ok(ExitCode::SUCCESS)
    }
}

/// The files of a new project under `dir`, with their text. The `#:schema` lines of the first two
/// name the last two by these relative paths.
fn project_files(dir: &Path, today: jiff::civil::Date) -> [(PathBuf, String); 4] {
    let record_schema = crate::model::record_schema_text();
    let config_schema = crate::model::schema_text(&crate::config::config_schema());
    [
        (dir.join(crate::config::FILE_NAME), PROJECT_FILE.to_string()),
        (dir.join("records/example.toml"), EXAMPLE_RECORD.replace("{today}", &today.to_string())),
        (dir.join("schema").join(crate::project::RECORD_SCHEMA_FILE), record_schema),
        (dir.join("schema/rpcheck.schema.json"), config_schema),
    ]
}

fn next_steps(dir: &Path, out: &mut dyn Write) -> std::io::Result<()> {
    let dir = dir.display();
    writeln!(out, "Wrote {dir}/rpcheck.toml, {dir}/records/example.toml and the schemas in {dir}/schema/.")?;
    writeln!(out)?;
    writeln!(out, "Next steps:")?;
    writeln!(out, "  1. Fill in [controller] in {dir}/rpcheck.toml: your organisation, its kind and contact.")?;
    writeln!(out, "  2. Copy records/example.toml once per processing activity and describe each.")?;
    writeln!(out, "  3. Check them: rpcheck lint {dir}")?;
    writeln!(out, "  4. Run it on every commit: add to .pre-commit-config.yaml")?;
    writeln!(out, "       - repo: <rpcheck's repository URL>")?;
    writeln!(out, "         rev: <a tag or commit>")?;
    writeln!(out, "         hooks:")?;
    writeln!(out, "           - id: rpcheck")
}
