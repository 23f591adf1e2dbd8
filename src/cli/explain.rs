//! `rpcheck explain RULE`.

use std::fmt::Write;
use std::process::ExitCode;

use clap::Args;

use crate::error::{Error, Result};
use crate::findings::{Lang, Reference};
use crate::law::gdpr::Provision;
use crate::policy::Rule;

/// Arguments of `rpcheck explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule id, e.g. gdpr/transfer-mechanism.
    rule: String,
    /// Language of the text.
    #[arg(long, value_enum, default_value = "en")]
    lang: Lang,
    #[command(flatten)]
    packs: super::PackArgs,
}

impl ExplainArgs {
    /// Print the rule's full text.
    pub fn run(self) -> Result<ExitCode> {
        let policy = self.packs.policy()?;
        let Some(rule) = policy.rule(&self.rule) else {
            let ids = policy.rules.iter().map(|r| &*r.id);
            let help = crate::schema_check::did_you_mean(&self.rule, ids)
                .map(|b| format!("did you mean `{b}`?"))
                .or_else(|| Some("`rpcheck rules` lists every rule".into()));
            return Err(Error::usage(format!("no rule is called `{}`", self.rule), help));
        };
        super::write_stdout(|out| out.write_all(explain(rule, self.lang).as_bytes()))?;
        Ok(ExitCode::SUCCESS)
    }
}

/// The full text of a rule, as `explain` prints it, with the text of each GDPR provision it
/// cites quoted in `lang` under its reference.
pub fn explain(rule: &Rule, lang: Lang) -> String {
    let (why, fix, law, fires, quiet, severity) = match lang {
        Lang::En => ("Why", "How to fix", "Legal references", "Fires on", "Does not fire on", "default severity"),
        Lang::Sv => {
            ("Varför", "Så åtgärdar du", "Rättsliga källor", "Slår till på", "Slår inte till på", "standardnivå")
        }
    };
    let mut out = format!("{}: {}\n{severity}: {}\n\n", rule.id, rule.title.get(lang), rule.severity.word(lang));
    let _ = write!(out, "{why}\n{}\n\n{fix}\n{}\n\n{law}\n", indent(rule.why.get(lang)), indent(rule.help.get(lang)));
    for reference in rule.references.iter() {
        let r = reference.local(lang);
        let _ = match r.url {
            Some(url) => writeln!(out, "  - {} <{url}>", r.cite),
            None => writeln!(out, "  - {}", r.cite),
        };
        out.push_str(&quoted(reference, lang));
    }
    for example in &rule.examples {
        let _ = write!(out, "\n{}\n{}", if example.fires { fires } else { quiet }, indent(example.record.trim_end()));
        out.push('\n');
        if let Some(baseline) = &example.baseline {
            let _ = write!(out, "  {}:\n{}\n", crate::baseline::FILE_NAME, indent(&indent(baseline.trim_end())));
        }
    }
    out
}

/// The text of a GDPR reference, indented under it; nothing for other sources.
fn quoted(reference: &Reference, lang: Lang) -> String {
    let Some(provision) = Provision::parse(reference.cite.get(Lang::En)) else {
        return String::new();
    };
    match super::law::find(provision, lang) {
        Ok(passage) => {
            passage.render_heading("      ", super::law::WIDTH) + &passage.render("      ", super::law::WIDTH)
        }
        Err(e) => format!("      ({e})\n"),
    }
}

fn indent(text: &str) -> String {
    text.lines().map(|l| if l.is_empty() { String::new() } else { format!("  {l}") }).collect::<Vec<_>>().join("\n")
}
