//! `rpcheck schema`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::error::{Error, Result};

/// Arguments of `rpcheck schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The schema of rpcheck.toml instead of the record's.
    #[arg(long, conflicts_with = "mapping")]
    config: bool,
    /// The schema of an `rpcheck import` mapping file instead of the record's.
    #[arg(long)]
    mapping: bool,
    /// Fail (exit 1) if FILE differs from the schema this build generates (default: the
    /// committed file under schema/ of the schema shown).
    #[arg(long, value_name = "FILE", num_args = 0..=1)]
    check: Option<Option<PathBuf>>,
}

impl SchemaArgs {
    /// Print or check the schema.
    pub fn run(self) -> Result<ExitCode> {
        let (text, committed_at, flag) = if self.config {
            (crate::model::schema_text(&crate::config::config_schema()), "schema/rpcheck.schema.json", " --config")
        } else if self.mapping {
            let schema = crate::import::mapping::mapping_schema();
            (crate::model::schema_text(&schema), "schema/import-mapping.schema.json", " --mapping")
        } else {
            (crate::model::record_schema_text(), "schema/record.schema.json", "")
        };
        let Some(path) = self.check else {
            super::write_stdout(|out| out.write_all(text.as_bytes()))?;
            return Ok(ExitCode::SUCCESS);
        };
        let path = path.unwrap_or_else(|| PathBuf::from(committed_at));
        let committed = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        if committed == text {
            Ok(ExitCode::SUCCESS)
        } else {
            eprintln!("{} is stale: regenerate it with `rpcheck schema{flag} > {}`", path.display(), path.display());
            Ok(ExitCode::from(1))
        }
    }
}
