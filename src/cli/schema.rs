//! `rpcheck schema`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::error::{Error, Result};

/// Arguments of `rpcheck schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Fail (exit 1) if FILE differs from the schema this build generates.
    #[arg(long, value_name = "FILE", num_args = 0..=1, default_missing_value = "schema/record.schema.json")]
    check: Option<PathBuf>,
}

impl SchemaArgs {
    /// Print or check the schema.
    pub fn run(self) -> Result<ExitCode> {
        let text = crate::model::record_schema_text();
        let Some(path) = self.check else {
            print!("{text}");
            return Ok(ExitCode::SUCCESS);
        };
        let committed = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        if committed == text {
            Ok(ExitCode::SUCCESS)
        } else {
            eprintln!("{} is stale: regenerate it with `rpcheck schema > {}`", path.display(), path.display());
            Ok(ExitCode::from(1))
        }
    }
}
