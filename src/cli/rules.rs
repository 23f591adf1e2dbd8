//! `rpcheck rules`.

use std::fmt::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde_json::json;

use crate::error::Result;
use crate::findings::Lang;
use crate::policy::Policy;

/// How to list rules.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum ListFormat {
    /// Aligned columns.
    Table,
    /// A JSON array.
    Json,
    /// A Markdown table, for docs.
    Markdown,
}

/// Arguments of `rpcheck rules`.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: ListFormat,
    /// Run every rule's examples and fail if one does not behave as it says.
    #[arg(long)]
    check: bool,
    /// Language of titles.
    #[arg(long, value_enum, default_value = "en")]
    lang: Lang,
    /// Extra policy packs to load beside the built-in ones and those of the current project's
    /// rpcheck.toml.
    #[arg(long = "pack", value_name = "FILE")]
    packs: Vec<PathBuf>,
}

impl RulesArgs {
    /// List or check the rules.
    pub fn run(self) -> Result<ExitCode> {
        let mut packs = crate::project::current_project_packs()?;
        packs.extend(self.packs.iter().filter_map(|p| std::path::absolute(p).ok()));
        packs.sort();
        packs.dedup();
        let policy = Policy::load(&packs)?;
        if self.check {
            return Ok(check(&policy));
        }
        print!("{}", list(&policy, self.format, self.lang));
        Ok(ExitCode::SUCCESS)
    }
}

fn check(policy: &Policy) -> ExitCode {
    let failures = crate::rule_examples::check(policy);
    let examples: usize = policy.rules.iter().map(|r| r.examples.len()).sum();
    for f in &failures {
        eprintln!("{} example {}: {}", f.rule, f.example, f.problem);
    }
    println!("{} passed, {} failed", examples - failures.len().min(examples), failures.len());
    if failures.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

fn list(policy: &Policy, format: ListFormat, lang: Lang) -> String {
    let mut out = String::new();
    match format {
        ListFormat::Table => {
            let width = policy.rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
            for r in &policy.rules {
                let _ = writeln!(out, "{:width$}  {:7}  {}", r.id, r.severity.as_str(), r.title.get(lang));
            }
        }
        ListFormat::Markdown => {
            out.push_str("| id | severity | title | rests on |\n|---|---|---|---|\n");
            for r in &policy.rules {
                let cites: Vec<&str> = r.references.iter().map(|x| x.cite.as_str()).collect();
                let _ = writeln!(
                    out,
                    "| `{}` | {} | {} | {} |",
                    r.id,
                    r.severity.as_str(),
                    r.title.get(lang),
                    cites.join("; ")
                );
            }
        }
        ListFormat::Json => {
            let rules: Vec<_> = policy
                .rules
                .iter()
                .map(|r| json!({"id": r.id, "severity": r.severity, "title": r.title.get(lang), "references": &*r.references}))
                .collect();
            out = serde_json::to_string_pretty(&rules).unwrap_or_default();
            out.push('\n');
        }
    }
    out
}
