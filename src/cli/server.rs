//! `rpcheck server`.

use std::process::ExitCode;

use clap::Args;

use crate::error::Result;
use crate::findings::Lang;
use crate::server::{self, Options};

/// Arguments of `rpcheck server`.
#[derive(Debug, Args)]
pub struct ServerArgs {
    /// Language of messages [default: rpcheck.toml `lang`, else en].
    #[arg(long, value_enum)]
    lang: Option<Lang>,
    /// Judge dates (review due, waiver expiry) as of this day, not the system date.
    #[arg(long, value_name = "YYYY-MM-DD", env = "RPCHECK_TODAY")]
    today: Option<jiff::civil::Date>,
    /// Accepted and ignored: standard input and output are the only transport, but some
    /// clients (VS Code's) add this flag.
    #[arg(long, hide = true)]
    stdio: bool,
}

impl ServerArgs {
    /// Serve until the client says `exit`.
    pub fn run(self) -> Result<ExitCode> {
        server::run(Options { today: self.today, lang: self.lang })?;
        Ok(ExitCode::SUCCESS)
    }
}
