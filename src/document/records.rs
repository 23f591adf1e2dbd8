//! The records a document is generated from, each with its lint findings: the documents and
//! `rpcheck lint` see the same records through the same pipeline.

use std::collections::HashMap;
use std::path::PathBuf;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::findings::RunReport;
use crate::findings::Severity;
use crate::lint::{self, LintOptions};
use crate::model::Record;
use crate::policy::Policy;
use crate::project::Discovery;
use crate::source::{self, read::Content};

/// One record file of a run: its record (when it is one) and how many error findings it has.
#[derive(Debug, Clone)]
pub struct SourcedRecord {
    /// The file as shown to the user.
    pub path: String,
    /// The record with the project's controller inherited; `None` when the file is not a
    /// valid record (its findings say why).
    pub record: Option<Record>,
    /// Error-level findings in the file.
    pub errors: usize,
}

/// Everything a document is made from.
pub struct Sources {
    /// The record files, sorted by path.
    pub records: Vec<SourcedRecord>,
    /// The lint run over the same files.
    pub report: RunReport,
    /// The template folder of the first project (`notice_templates`), resolved.
    pub templates: Option<PathBuf>,
    /// The rules, glossary and facts of the first project, for the words documents use; `None`
    /// when the run found no project.
    pub policy: Option<Policy>,
}

impl Sources {
    /// Lint the files `options` name and read their records.
    pub fn load(options: &LintOptions) -> Result<Sources> {
        if options.paths.iter().any(|p| p.as_os_str() == "-") {
            return Err(Error::usage("documents are generated from record files, not standard input", None));
        }
        let report = lint::run(options)?;
        let discovery = Discovery::new(&options.paths, options.config.as_deref(), None, options.force_exclude)?;
        let errors: HashMap<&str, usize> = report
            .files
            .iter()
            .map(|f| (f.path.as_str(), f.findings.iter().filter(|x| x.severity == Severity::Error).count()))
            .collect();
        let mut records = Vec::with_capacity(discovery.inputs.len());
        for input in &discovery.inputs {
            let project = &discovery.projects[input.project];
            let limit = project.config.max_file_bytes.unwrap_or(source::read::DEFAULT_MAX_FILE_BYTES);
            let controller = project.config.controller.as_ref().and_then(|c| serde_json::to_value(c).ok());
            let record = match source::read::read(&input.path, &input.display, limit)? {
                Content::Text(text) => parse_record(&text, controller.as_ref()),
                Content::Unusable { .. } => None,
            };
            let errors = errors.get(input.display.as_str()).copied().unwrap_or(0);
            records.push(SourcedRecord { path: input.display.clone(), record, errors });
        }
        let templates = first_template_dir(&discovery);
        let policy = discovery.projects.first().map(|p| Policy::load(p.pack_paths())).transpose()?;
        Ok(Sources { records, report, templates, policy })
    }

    /// Whether any record has an error-level finding.
    pub fn has_errors(&self) -> bool {
        self.records.iter().any(|r| r.errors > 0)
    }

    /// The lint report cut down to its error-level findings, for a refusal to list.
    pub fn errors_only(&self) -> RunReport {
        let mut files = self.report.files.clone();
        for file in &mut files {
            file.findings.retain(|f| f.severity == Severity::Error);
        }
        files.retain(|f| !f.findings.is_empty());
        RunReport { files, lang: self.report.lang, rules: self.report.rules.clone(), baselined: 0 }
    }
}

/// The template folder (`notice_templates`) of the project of the first file `options` name.
pub fn template_dir(options: &LintOptions) -> Result<Option<PathBuf>> {
    let discovery = Discovery::new(&options.paths, options.config.as_deref(), None, options.force_exclude)?;
    Ok(first_template_dir(&discovery))
}

fn first_template_dir(discovery: &Discovery) -> Option<PathBuf> {
    let input = discovery.inputs.first()?;
    let project = &discovery.projects[input.project];
    project.config.notice_templates.as_ref().map(|dir| project.root.join(dir))
}

/// The record in `text` as the lint pipeline sees it (controller inherited), if it is one.
fn parse_record(text: &str, controller: Option<&serde_json::Value>) -> Option<Record> {
    let mut value = source::parse(text).ok()?.value;
    if let Some(defaults) = controller {
        crate::engine::inherit_controller(&mut value, defaults);
    }
    Record::deserialize(&value).ok()
}
