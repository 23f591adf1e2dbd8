//! `rpcheck completions` and `rpcheck man`: both generated from the clap definitions, so they
//! never drift from `--help`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use crate::error::{Error, Result};

/// Arguments of `rpcheck completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    shell: Shell,
}

impl CompletionsArgs {
    /// Print the completion script.
    pub fn run(self) -> Result<ExitCode> {
        let mut command = super::Cli::command();
        super::write_stdout(|out| {
            clap_complete::generate(self.shell, &mut command, "rpcheck", out);
            Ok(())
        })?;
        Ok(ExitCode::SUCCESS)
    }
}

/// Arguments of `rpcheck man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write rpcheck.1 and one page per subcommand (rpcheck-lint.1, ...) into this folder,
    /// instead of printing rpcheck.1.
    #[arg(long, value_name = "DIR")]
    out_dir: Option<PathBuf>,
}

impl ManArgs {
    /// Print the main page, or write every page into the folder.
    pub fn run(self) -> Result<ExitCode> {
        let command = super::Cli::command();
        match self.out_dir {
            Some(dir) => {
                std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
                clap_mangen::generate_to(command, &dir).map_err(|e| Error::io(&dir, e))?;
            }
            None => super::write_stdout(|out| clap_mangen::Man::new(command).render(out))?,
        }
        Ok(ExitCode::SUCCESS)
    }
}
