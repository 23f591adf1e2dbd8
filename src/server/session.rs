//! What the server knows between messages: the open documents, the projects that govern them
//! (packs loaded once), and each document's last findings, for hover and code actions.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

use jiff::civil::Date;
use lsp_types::Uri;

use crate::config::FILE_NAME;
use crate::engine::Located;
use crate::findings::{Finding, Lang};
use crate::lint::{self, Prepared};
use crate::project::{Discovery, Project};
use crate::schema_check::SchemaCheck;
use crate::source::read::{Content, Problem};

/// Choices made when the server starts.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Judge dates as of this day instead of the system date.
    pub today: Option<Date>,
    /// Language of messages, over rpcheck.toml's.
    pub lang: Option<Lang>,
}

/// A project as loaded for the documents it governs.
pub struct LoadedProject {
    /// Its pack files: a change to one of them reloads the project.
    pub packs: Vec<PathBuf>,
    /// Its rules and settings, or why they cannot be loaded (a broken rpcheck.toml or pack).
    pub prepared: Result<Prepared, String>,
}

/// A loaded project, shared by the documents it governs.
pub type ProjectState = Rc<LoadedProject>;

/// One document the client has open.
pub struct OpenDocument {
    /// How the client names it.
    pub uri: Uri,
    /// The text as the client has it now.
    pub text: String,
    /// The client's version of it.
    pub version: i32,
    /// The file on disk it stands for (it need not exist yet).
    pub path: PathBuf,
    /// Its project; `None` when the file is not a record (rpcheck.toml, a pack, excluded).
    pub project: Option<ProjectState>,
    /// The findings of the last check, on `text`.
    pub findings: Vec<Finding>,
    /// The record's id and where it stands, when it has one.
    pub record: Option<(String, Located)>,
    /// Another open record of the project that uses the same id first, as `lint` would say.
    pub duplicate: Option<Duplicate>,
    /// The text changed since `findings` were made.
    changed: bool,
}

/// A record whose id an earlier record (by path, as `lint` orders them) already uses.
#[derive(Debug, Clone, PartialEq)]
pub struct Duplicate {
    /// The `record/duplicate-id` finding on this record.
    pub finding: Finding,
    /// The other record.
    pub other: Uri,
    /// Where its id stands.
    pub other_at: lsp_types::Range,
}

/// The open documents and the projects they belong to.
pub struct Session {
    options: Options,
    schema: SchemaCheck,
    /// By URI text: `Uri` caches parts of itself, which makes it a poor key.
    documents: HashMap<String, OpenDocument>,
    projects: HashMap<Option<PathBuf>, ProjectState>,
}

impl Session {
    /// A session with nothing open.
    pub fn new(options: Options) -> Self {
        Session { options, schema: SchemaCheck::record(), documents: HashMap::new(), projects: HashMap::new() }
    }

    /// Open a document (or replace it, if the client opens it again) and check it.
    pub fn open(&mut self, uri: Uri, path: PathBuf, text: String, version: i32) -> &OpenDocument {
        let project = self.project_for(&path);
        let key = uri.as_str().to_string();
        let mut document = OpenDocument {
            uri,
            text,
            version,
            path,
            project,
            findings: Vec::new(),
            record: None,
            duplicate: None,
            changed: false,
        };
        self.check(&mut document);
        self.documents.entry(key).insert_entry(document).into_mut()
    }

    /// The JSON Schema of records, for hover on keys.
    pub fn record_schema(&self) -> &'static serde_json::Value {
        crate::model::record_schema()
    }

    /// The document at `uri`, if open.
    pub fn document(&self, uri: &Uri) -> Option<&OpenDocument> {
        self.documents.get(uri.as_str())
    }

    /// Change an open document's text with `edit`, to be checked by [`Session::check_changed`];
    /// `false` if it is not open.
    pub fn change(&mut self, uri: &Uri, version: i32, edit: impl FnOnce(&mut String)) -> bool {
        let Some(document) = self.documents.get_mut(uri.as_str()) else { return false };
        edit(&mut document.text);
        document.version = version;
        document.changed = true;
        true
    }

    /// Check every document changed since its last check; returns them. Changes that arrive
    /// while the server is busy are checked once, together, not one by one.
    pub fn check_changed(&mut self) -> Vec<Uri> {
        let mut documents = std::mem::take(&mut self.documents);
        let changed: Vec<Uri> = documents
            .values_mut()
            .filter(|d| d.changed)
            .map(|document| {
                self.check(document);
                document.uri.clone()
            })
            .collect();
        self.documents = documents;
        changed
    }

    /// Forget a closed document.
    pub fn close(&mut self, uri: &Uri) {
        self.documents.remove(uri.as_str());
    }

    /// Whether a change to this file on disk changes how records are judged: a project file,
    /// or a pack a loaded project uses.
    pub fn is_project_input(&self, path: &Path) -> bool {
        path.file_name() == Some(FILE_NAME.as_ref())
            || self.projects.values().any(|p| p.packs.iter().any(|pack| pack == path))
    }

    /// Forget every loaded project, then find each open document's project again and check it;
    /// returns the documents checked.
    pub fn reload(&mut self) -> Vec<&OpenDocument> {
        self.projects.clear();
        let mut documents = std::mem::take(&mut self.documents);
        for document in documents.values_mut() {
            document.project = self.project_for(&document.path);
            self.check(document);
        }
        self.documents = documents;
        self.documents.values().collect()
    }

    /// The project that governs `path` when it is a record, loaded once per rpcheck.toml.
    fn project_for(&mut self, path: &Path) -> Option<ProjectState> {
        let project = match discover(path)? {
            Ok(project) => project,
            // Not kept: the next check looks again, once the file is mended.
            Err(e) => return Some(Rc::new(LoadedProject { packs: Vec::new(), prepared: Err(e) })),
        };
        if let Some(state) = self.projects.get(&project.config_path) {
            return Some(state.clone());
        }
        let prepared = lint::prepare(&project, self.options.lang).map_err(|e| describe(&e));
        let state = Rc::new(LoadedProject { packs: project.pack_paths().to_vec(), prepared });
        self.projects.insert(project.config_path, state.clone());
        Some(state)
    }

    fn check(&self, document: &mut OpenDocument) {
        document.changed = false;
        (document.findings, document.record) = match document.project.as_deref().map(|p| &p.prepared) {
            Some(Ok(prepared)) => self.findings(prepared, &document.text),
            Some(Err(_)) | None => (Vec::new(), None),
        };
    }

    /// The findings `lint` reports for this text (the same engine, order and limit), and the
    /// record's id with its place.
    fn findings(&self, prepared: &Prepared, text: &str) -> (Vec<Finding>, Option<(String, Located)>) {
        let today = crate::lint::today(self.options.today);
        let engine = prepared.engine(&self.schema, today);
        let content = if text.len() as u64 > prepared.max_file_bytes() {
            Content::Unusable { text: Arc::from(""), at: 0, problem: Problem::TooLarge(prepared.max_file_bytes()) }
        } else {
            Content::Text(Arc::from(text.strip_prefix('\u{feff}').unwrap_or(text)))
        };
        let (_, checked) = engine.check_content(content);
        let mut findings = checked.findings;
        findings.sort_by(|a, b| (a.span.start, &a.rule, &a.pointer).cmp(&(b.span.start, &b.rule, &b.pointer)));
        findings.truncate(prepared.max_findings());
        (findings, checked.record.zip(checked.id_at))
    }

    /// Find again which open records use an id an earlier one of their project uses (the
    /// first by path keeps it, as in `lint`); returns the documents whose finding changed.
    pub fn cross_file(&mut self) -> Vec<&OpenDocument> {
        let mut keys: Vec<&String> = self.documents.keys().collect();
        keys.sort_by_key(|k| &self.documents[*k].path);
        let mut first: HashMap<(*const LoadedProject, &str), &OpenDocument> = HashMap::new();
        let mut found: HashMap<String, Option<Duplicate>> = HashMap::new();
        for key in keys {
            let document = &self.documents[key];
            let Some((project, (id, _))) = document.project.as_ref().zip(document.record.as_ref()) else {
                continue;
            };
            let duplicate = match first.get(&(Rc::as_ptr(project), id.as_str())) {
                Some(other) => self.duplicate(document, other),
                None => {
                    first.insert((Rc::as_ptr(project), id.as_str()), document);
                    None
                }
            };
            found.insert(key.clone(), duplicate);
        }
        let mut changed = Vec::new();
        for key in self.documents.keys().cloned().collect::<Vec<_>>() {
            let duplicate = found.remove(&key).flatten();
            if let Some(document) = self.documents.get_mut(&key).filter(|d| d.duplicate != duplicate) {
                document.duplicate = duplicate;
                changed.push(key);
            }
        }
        changed.iter().filter_map(|k| self.documents.get(k)).collect()
    }

    /// The `record/duplicate-id` finding of `document`, whose id `other` uses first.
    fn duplicate(&self, document: &OpenDocument, other: &OpenDocument) -> Option<Duplicate> {
        let prepared = document.project.as_ref()?.prepared.as_ref().ok()?;
        let (id, at) = document.record.as_ref()?;
        let engine = prepared.engine(&self.schema, crate::lint::today(self.options.today));
        let shown = crate::paths::display(&std::env::current_dir().unwrap_or_default(), &other.path);
        let finding = lint::duplicate_id(&engine, id, &shown, at)?;
        let other_at = other.record.as_ref().map(|(_, at)| super::text::range(&other.text, &at.span))?;
        Some(Duplicate { finding, other: other.uri.clone(), other_at })
    }
}

/// The project of a record file as `lint` finds it; `None` when `lint` would not check the file
/// as a record (not TOML, rpcheck.toml itself, a pack, excluded by rpcheck.toml), and for a
/// file with no rpcheck.toml above it: an editor opens every TOML file (Cargo.toml,
/// pyproject.toml), and only a project says which of them are records.
fn discover(path: &Path) -> Option<Result<Project, String>> {
    // rpcheck.toml is no record (and `lint` given it would walk its whole project).
    if path.extension().is_none_or(|e| e != "toml") || path.file_name() == Some(FILE_NAME.as_ref()) {
        return None;
    }
    // A saved file passes include/exclude as a pre-commit hook's would; one not yet saved is
    // judged by the project of its folder, as `lint -` with `--stdin-filename` would.
    let discovery = if path.is_file() {
        Discovery::new(&[path.to_path_buf()], None, None, true)
    } else {
        Discovery::new(&[PathBuf::from("-")], None, Some(path), false)
    };
    match discovery {
        // A pack or rpcheck.toml is no record: `lint` checks the records it governs instead.
        Ok(d) => {
            let project = d.inputs.iter().find(|i| i.path == path || i.path.as_os_str() == "-")?.project;
            d.projects.into_iter().nth(project).filter(|p| p.config_path.is_some()).map(Ok)
        }
        Err(e) => Some(Err(describe(&e))),
    }
}

/// An error in one line as the client's log and the diagnostic that carries it show it.
pub fn describe(error: &crate::error::Error) -> String {
    use miette::Diagnostic;
    match error.help() {
        Some(help) => format!("{error} ({help})"),
        None => error.to_string(),
    }
}
