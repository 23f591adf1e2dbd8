//! `rpcheck explain RULE`.

use std::fmt::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::error::{Error, Result};
use crate::findings::Lang;
use crate::policy::{Policy, Rule};

/// Arguments of `rpcheck explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule id, e.g. gdpr/transfer-mechanism.
    rule: String,
    /// Language of the text.
    #[arg(long, value_enum, default_value = "en")]
    lang: Lang,
    /// Extra policy packs to load beside the built-in ones and those of the current project's
    /// rpcheck.toml.
    #[arg(long = "pack", value_name = "FILE")]
    packs: Vec<PathBuf>,
}

impl ExplainArgs {
    /// Print the rule's full text.
    pub fn run(self) -> Result<ExitCode> {
        let mut packs = crate::project::current_project_packs()?;
        packs.extend(self.packs.iter().filter_map(|p| std::path::absolute(p).ok()));
        packs.sort();
        packs.dedup();
        let policy = Policy::load(&packs)?;
        let Some(rule) = policy.rule(&self.rule) else {
            let ids = policy.rules.iter().map(|r| &*r.id);
            let help = crate::schema_check::did_you_mean(&self.rule, ids)
                .map(|b| format!("did you mean `{b}`?"))
                .or_else(|| Some("`rpcheck rules` lists every rule".into()));
            return Err(Error::usage(format!("no rule is called `{}`", self.rule), help));
        };
        print!("{}", explain(rule, self.lang));
        Ok(ExitCode::SUCCESS)
    }
}

/// The full text of a rule, as `explain` prints it.
pub fn explain(rule: &Rule, lang: Lang) -> String {
    let (why, fix, law, fires, quiet, severity) = match lang {
        Lang::En => ("Why", "How to fix", "Legal references", "Fires on", "Does not fire on", "default severity"),
        Lang::Sv => {
            ("Varför", "Så åtgärdar du", "Rättsliga källor", "Slår till på", "Slår inte till på", "standardnivå")
        }
    };
    let mut out = format!("{}: {}\n{severity}: {}\n\n", rule.id, rule.title.get(lang), rule.severity.as_str());
    let _ = write!(out, "{why}\n{}\n\n{fix}\n{}\n\n{law}\n", indent(rule.why.get(lang)), indent(rule.help.get(lang)));
    for r in rule.references.iter().map(|r| r.local(lang)) {
        let _ = match r.url {
            Some(url) => writeln!(out, "  - {} <{url}>", r.cite),
            None => writeln!(out, "  - {}", r.cite),
        };
    }
    for example in &rule.examples {
        let _ = write!(out, "\n{}\n{}", if example.fires { fires } else { quiet }, indent(example.record.trim_end()));
        out.push('\n');
    }
    out
}

fn indent(text: &str) -> String {
    text.lines().map(|l| if l.is_empty() { String::new() } else { format!("  {l}") }).collect::<Vec<_>>().join("\n")
}
