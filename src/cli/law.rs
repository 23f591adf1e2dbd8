//! `rpcheck law CITATION`: the GDPR provision's text, word for word, with its citation and link.

use std::process::ExitCode;

use clap::Args;

use crate::error::{Error, Result};
use crate::findings::Lang;
use crate::law::gdpr::Provision;
use crate::law::quote::{self, Passage};
use crate::law::text::Extract;

/// How wide the law's text is wrapped (links are never wrapped).
pub const WIDTH: usize = 88;

/// Arguments of `rpcheck law`.
#[derive(Debug, Args)]
pub struct LawArgs {
    /// The provision: "6(1)(f)", "art. 13(2)(d)", "recital 43", "artikel 6.1 f", "skäl 43".
    citation: String,
    /// Language of the text.
    #[arg(long, value_enum, default_value = "en")]
    lang: Lang,
}

impl LawArgs {
    /// Print the provision.
    pub fn run(self) -> Result<ExitCode> {
        let lang = self.lang;
        let Some(provision) = Provision::parse(&self.citation) else {
            let (message, help) = match lang {
                Lang::En => {
                    ("is not a GDPR citation", "write it like \"6(1)(f)\", \"art. 13(2)(d)\" or \"recital 43\"")
                }
                Lang::Sv => (
                    "är ingen hänvisning till dataskyddsförordningen",
                    "skriv den som \"artikel 6.1 f\", \"13.2 d\" eller \"skäl 43\"",
                ),
            };
            return Err(Error::usage(format!("`{}` {message}", self.citation), Some(help.into())));
        };
        let passage = find(provision, lang)?;
        let (heading, text) = (passage.render_heading("", WIDTH), passage.render("", WIDTH));
        super::write_stdout(|out| {
            write!(out, "{}\n{heading}\n{text}\n{}\n", provision.cite(lang), provision.url(lang))
        })?;
        Ok(ExitCode::SUCCESS)
    }
}

/// The passage a provision names, or a usage error naming the nearest provision that exists.
pub fn find(provision: Provision, lang: Lang) -> Result<Passage> {
    let extract = Extract::get().ok_or_else(|| Error::usage("the GDPR text built into rpcheck is unreadable", None))?;
    quote::passage(extract.regulation(lang), provision, lang).map_err(|missing| {
        let ask = match lang {
            Lang::En => "did you mean",
            Lang::Sv => "menade du",
        };
        Error::usage(missing.message, Some(format!("{ask} {}? ({})", missing.nearest.cite(lang), missing.context)))
    })
}
