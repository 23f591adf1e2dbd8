//! `extend`: a nested project's rpcheck.toml that inherits an outer one instead of replacing it.
//! Settings are inherited key by key, `[controller]` and `[rules]` entry by entry; lists replace
//! the inherited ones whole (as in ruff), and every path or glob stays relative to the file
//! that writes it.

use std::path::{Path, PathBuf};

use super::{Config, FILE_NAME};
use crate::error::{Error, Result};
use crate::model::Controller;
use crate::paths::{normalise, shown_path};

/// Read the project file at `path` and, through `extend`, every file it inherits from.
pub(super) fn load(path: &Path) -> Result<Config> {
    let config = Config::load_one(path)?;
    let mut chain: Vec<PathBuf> = config.files().map(Path::to_path_buf).collect();
    follow(config, &mut chain)
}

/// `config` merged over the chain its `extend` starts; `chain` holds the files read so far.
fn follow(config: Config, chain: &mut Vec<PathBuf>) -> Result<Config> {
    let Some(extend) = config.extend.clone() else {
        return Ok(config);
    };
    let here = chain.last().and_then(|p| p.parent()).unwrap_or(Path::new("/"));
    let target = normalise(&here.join(&extend));
    // Only files named rpcheck.toml: a change to one is what the pre-commit hook and the
    // language server watch for, so a change to an extended file is checked where it has effect.
    if target.file_name() != Some(FILE_NAME.as_ref()) {
        let message = format!("`extend` names {}, which is no {FILE_NAME}", shown_path(&target).display());
        return Err(on_extend(&config, message, "`extend` names another rpcheck.toml, e.g. \"../rpcheck.toml\""));
    }
    if let Some(start) = chain.iter().position(|p| *p == target) {
        let names: Vec<String> =
            chain[start..].iter().chain([&target]).map(|p| shown_path(p).display().to_string()).collect();
        let message = format!("`extend` makes a cycle: {}", names.join(" → "));
        return Err(on_extend(&config, message, "one file of the cycle must not extend"));
    }
    if let Err(e) = std::fs::metadata(&target) {
        let message = format!("cannot extend {}: {e}", shown_path(&target).display());
        return Err(on_extend(&config, message, "`extend` names another rpcheck.toml, relative to this file's folder"));
    }
    chain.push(target.clone());
    let outer = follow(Config::load_one(&target)?, chain)?;
    Ok(inherit(config, outer, extend.parent().unwrap_or(Path::new(""))))
}

/// An error drawn on the `extend` value of `config`'s own file.
fn on_extend(config: &Config, message: String, help: &str) -> Error {
    let Some(origin) = config.origins.first() else {
        return Error::usage(message, Some(help.into()));
    };
    let span = crate::source::parse(&origin.text).ok().map(|doc| doc.span_of("/extend"));
    Error::invalid_file("invalid configuration", &origin.path, &origin.text, span, message, Some(help.into()))
}

/// `inner` over `outer`, where `to_outer` leads from the inner file's folder to the outer's.
fn inherit(mut inner: Config, outer: Config, to_outer: &Path) -> Config {
    // Every field by name, so that a new one cannot be forgotten here.
    let Config {
        extend: _,
        lang,
        review_interval_months,
        include,
        exclude,
        policies,
        max_file_bytes,
        max_findings_per_file,
        controller,
        rules,
        notice_templates,
        include_base,
        exclude_base,
        keys,
        origins,
    } = outer;
    inner.lang = inner.lang.or(lang);
    inner.review_interval_months = inner.review_interval_months.or(review_interval_months);
    inner.max_file_bytes = inner.max_file_bytes.or(max_file_bytes);
    inner.max_findings_per_file = inner.max_findings_per_file.or(max_findings_per_file);
    inner.notice_templates = inner.notice_templates.or_else(|| notice_templates.map(|p| to_outer.join(p)));
    if inner.include.is_none() {
        inner.include = include;
        inner.include_base = to_outer.join(include_base);
    }
    if !inner.keys.contains("exclude") {
        inner.exclude = exclude;
        inner.exclude_base = to_outer.join(exclude_base);
    }
    if !inner.keys.contains("policies") {
        inner.policies = policies.into_iter().map(|p| to_outer.join(p)).collect();
    }
    inner.controller = merge_controller(controller, inner.controller);
    let mut merged_rules = rules;
    merged_rules.append(&mut inner.rules);
    inner.rules = merged_rules;
    inner.keys.extend(keys);
    inner.origins.extend(origins);
    inner
}

/// The inner `[controller]` over the outer one, field by field.
fn merge_controller(outer: Option<Controller>, inner: Option<Controller>) -> Option<Controller> {
    match (outer, inner) {
        (Some(outer), Some(inner)) => {
            let Controller { name, kind, country, contact, dpo } = outer;
            Some(Controller {
                name: inner.name.or(name),
                kind: inner.kind.or(kind),
                country: inner.country.or(country),
                contact: inner.contact.or(contact),
                dpo: inner.dpo.or(dpo),
            })
        }
        (outer, inner) => inner.or(outer),
    }
}
