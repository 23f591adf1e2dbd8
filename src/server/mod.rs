//! `rpcheck server`: the Language Server. A synchronous loop over `lsp-server` (as
//! rust-analyzer's and ruff's servers): each message is handled in turn against the session
//! of open documents, and every change is answered with the document's diagnostics from the
//! same engine and project discovery as `lint`. LSP types stay inside this module.

mod actions;
mod diagnostics;
mod hover;
mod missing;
mod session;
mod text;

use std::path::PathBuf;
use std::str::FromStr;

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as notify, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability, DidChangeTextDocumentParams,
    DidChangeWatchedFilesParams, DidChangeWatchedFilesRegistrationOptions, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, FileSystemWatcher, GlobPattern, Hover, HoverContents, HoverParams,
    HoverProviderCapability, InitializeParams, MarkupContent, MarkupKind, MessageType, PublishDiagnosticsParams,
    Registration, RegistrationParams, ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind,
    Uri,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

pub use session::Options;
use session::Session;

use crate::error::{Error, Result};

/// Serve on standard input and output until the client says `exit`.
pub fn run(options: Options) -> Result<()> {
    let (connection, io_threads) = Connection::stdio();
    let served = serve(connection, options);
    // The connection was dropped inside `serve`: only now can the I/O threads end.
    io_threads.join().map_err(|e| Error::io(std::path::Path::new("<stdio>"), e))?;
    served
}

/// Serve on `connection` (stdio, or the in-memory pair the tests use) until `exit`.
pub fn serve(connection: Connection, options: Options) -> Result<()> {
    let capabilities = serde_json::to_value(capabilities()).map_err(protocol)?;
    let initialize = serde_json::json!({
        "capabilities": capabilities,
        "serverInfo": ServerInfo { name: "rpcheck".into(), version: Some(env!("CARGO_PKG_VERSION").into()) },
    });
    let (id, params) = connection.initialize_start().map_err(protocol)?;
    let params: InitializeParams = serde_json::from_value(params).map_err(protocol)?;
    connection.initialize_finish(id, initialize).map_err(protocol)?;
    let mut server = Server { connection: &connection, session: Session::new(options), options, next_id: 0 };
    if watches_files(&params) {
        server.watch_project_files();
    }
    server.main_loop()
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::INCREMENTAL)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

/// Whether the client can watch files for the server (registered once initialised).
fn watches_files(params: &InitializeParams) -> bool {
    let workspace = params.capabilities.workspace.as_ref();
    workspace.and_then(|w| w.did_change_watched_files).and_then(|w| w.dynamic_registration).unwrap_or(false)
}

fn protocol(e: impl std::fmt::Display) -> Error {
    Error::usage(format!("language server protocol: {e}"), None)
}

struct Server<'c> {
    connection: &'c Connection,
    session: Session,
    options: Options,
    next_id: i32,
}

impl Server<'_> {
    fn main_loop(&mut self) -> Result<()> {
        for message in &self.connection.receiver {
            match message {
                Message::Request(request) => {
                    if self.connection.handle_shutdown(&request).map_err(protocol)? {
                        return Ok(());
                    }
                    let (id, method) = (request.id.clone(), request.method.clone());
                    if self.guarded(&method, |server| server.request(request)).is_none() {
                        let failed = Response::new_err(id, ErrorCode::InternalError as i32, format!("{method} failed"));
                        self.send(Message::Response(failed));
                    }
                }
                // The protocol's exit code 1: the client left without asking for a shutdown.
                Message::Notification(notification) if notification.method == notify::Exit::METHOD => {
                    return Err(protocol("exit before shutdown"));
                }
                Message::Notification(notification) => {
                    let method = notification.method.clone();
                    self.guarded(&method, |server| server.notification(notification));
                }
                // The only requests the server sends are registrations; their answers need nothing.
                Message::Response(_) => {}
            }
            // Changes are checked once nothing else waits: a burst of keystrokes is one check.
            if self.connection.receiver.is_empty() {
                self.guarded("textDocument/didChange", Self::check_changed);
            }
        }
        Ok(())
    }

    /// Check the documents changed since their last check and publish what they yield.
    fn check_changed(&mut self) {
        for uri in self.session.check_changed() {
            self.publish_checked(Some(&uri));
        }
    }

    fn request(&mut self, request: Request) {
        // A hover or code action answers on the text as it is now, not as last checked.
        self.check_changed();
        let response = match request.method.as_str() {
            req::HoverRequest::METHOD => self.answer(request, Self::hover),
            req::CodeActionRequest::METHOD => self.answer(request, Self::code_actions),
            _ => {
                let message = format!("rpcheck does not answer {}", request.method);
                Response::new_err(request.id, ErrorCode::MethodNotFound as i32, message)
            }
        };
        self.send(Message::Response(response));
    }

    fn answer<P: DeserializeOwned, R: Serialize>(&self, request: Request, handle: fn(&Self, P) -> R) -> Response {
        match serde_json::from_value(request.params) {
            Ok(params) => Response::new_ok(request.id, handle(self, params)),
            Err(e) => Response::new_err(request.id, ErrorCode::InvalidParams as i32, e.to_string()),
        }
    }

    /// Handle one message; a bug that panics is logged to the client, and the server goes on.
    fn guarded(&mut self, method: &str, handle: impl FnOnce(&mut Self)) -> Option<()> {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| handle(self)));
        if let Err(panic) = &outcome {
            let what =
                panic.downcast_ref::<&str>().copied().or_else(|| panic.downcast_ref::<String>().map(String::as_str));
            self.log(MessageType::ERROR, format!("rpcheck failed on {method}: {}", what.unwrap_or("a bug")));
        }
        outcome.ok()
    }

    fn notification(&mut self, notification: Notification) {
        match notification.method.as_str() {
            notify::DidOpenTextDocument::METHOD => {
                if let Some(p) = self.params::<DidOpenTextDocumentParams>(notification) {
                    self.did_open(p);
                }
            }
            notify::DidChangeTextDocument::METHOD => {
                if let Some(p) = self.params::<DidChangeTextDocumentParams>(notification) {
                    self.did_change(p);
                }
            }
            notify::DidCloseTextDocument::METHOD => {
                if let Some(p) = self.params::<DidCloseTextDocumentParams>(notification) {
                    self.session.close(&p.text_document.uri);
                    self.publish(p.text_document.uri, Vec::new(), None);
                    // A record that used its id second may now be the first.
                    self.publish_checked(None);
                }
            }
            notify::DidChangeWatchedFiles::METHOD => {
                if let Some(p) = self.params::<DidChangeWatchedFilesParams>(notification) {
                    self.did_change_watched_files(p);
                }
            }
            _ => {}
        }
    }

    fn did_open(&mut self, params: DidOpenTextDocumentParams) {
        let document = params.text_document;
        let Some(path) = file_path(&document.uri) else {
            return self.log(MessageType::INFO, format!("not a file, not checked: {}", document.uri.as_str()));
        };
        let opened = self.session.open(document.uri.clone(), path, document.text, document.version);
        if let Some(Err(problem)) = opened.project.as_deref().map(|p| &p.prepared) {
            let problem = format!("{}: {problem}", document.uri.as_str());
            self.log(MessageType::ERROR, problem);
        }
        self.publish_checked(Some(&document.uri));
    }

    /// Publish the diagnostics of `checked` (just checked) and of every other open record
    /// whose cross-file findings changed with it.
    fn publish_checked(&mut self, checked: Option<&Uri>) {
        let mut published: Vec<_> = self.session.cross_file().into_iter().map(|d| d.uri.clone()).collect();
        if let Some(uri) = checked.filter(|u| !published.iter().any(|p| p.as_str() == u.as_str())) {
            published.push(uri.clone());
        }
        for uri in published {
            self.publish_document(uri);
        }
    }

    fn publish_document(&self, uri: Uri) {
        if let Some(document) = self.session.document(&uri) {
            let (diagnostics, version) = (diagnostics::of(document), document.version);
            self.publish(uri, diagnostics, Some(version));
        }
    }

    fn did_change(&mut self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let changes = params.content_changes;
        let open = self.session.change(&uri, params.text_document.version, |text| {
            for change in changes {
                text::apply_change(text, change);
            }
        });
        if !open {
            self.log(MessageType::WARNING, format!("a change to a document not open: {}", uri.as_str()));
        }
    }

    fn did_change_watched_files(&mut self, params: DidChangeWatchedFilesParams) {
        let relevant =
            params.changes.iter().filter_map(|c| file_path(&c.uri)).any(|p| self.session.is_project_input(&p));
        if !relevant {
            return;
        }
        let reloaded = self.session.reload();
        let problems: Vec<String> = reloaded
            .iter()
            .filter_map(|d| d.project.as_deref().and_then(|p| p.prepared.as_ref().err()))
            .cloned()
            .collect();
        let checked: Vec<Uri> = reloaded.into_iter().map(|d| d.uri.clone()).collect();
        for problem in problems {
            self.log(MessageType::ERROR, problem);
        }
        self.session.cross_file();
        for uri in checked {
            self.publish_document(uri);
        }
    }

    fn hover(&self, params: HoverParams) -> Option<Hover> {
        let at = params.text_document_position_params;
        let document = self.session.document(&at.text_document.uri)?;
        let offset = text::offset(&document.text, at.position);
        let prepared = document.project.as_deref().and_then(|p| p.prepared.as_ref().ok())?;
        let markdown = hover::findings(&document.findings, prepared.policy(), prepared.lang(), offset)
            .or_else(|| hover::key(&document.text, self.session.record_schema(), offset))?;
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: markdown }),
            range: None,
        })
    }

    fn code_actions(&self, params: CodeActionParams) -> Option<lsp_types::CodeActionResponse> {
        let uri = params.text_document.uri;
        let document = self.session.document(&uri)?;
        let prepared = document.project.as_deref().and_then(|p| p.prepared.as_ref().ok())?;
        let range = text::offset(&document.text, params.range.start)..text::offset(&document.text, params.range.end);
        let today = crate::lint::today(self.options.today);
        let schema = self.session.record_schema();
        Some(actions::for_range(&uri, document, range, &params.context.diagnostics, prepared.lang(), today, schema))
    }

    /// Ask the client to report changes to TOML files: rpcheck.toml and packs among them.
    fn watch_project_files(&mut self) {
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![FileSystemWatcher { glob_pattern: GlobPattern::String("**/*.toml".into()), kind: None }],
        };
        let registration = Registration {
            id: "rpcheck-project-files".into(),
            method: notify::DidChangeWatchedFiles::METHOD.into(),
            register_options: serde_json::to_value(options).ok(),
        };
        self.next_id += 1;
        let request = Request::new(
            RequestId::from(self.next_id),
            req::RegisterCapability::METHOD.into(),
            RegistrationParams { registrations: vec![registration] },
        );
        self.send(Message::Request(request));
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        let params = PublishDiagnosticsParams { uri, diagnostics, version };
        self.send(Message::Notification(Notification::new(notify::PublishDiagnostics::METHOD.into(), params)));
    }

    /// Tell the client's log: a problem with one message is never a reason to stop serving.
    fn log(&self, typ: MessageType, message: String) {
        let params = lsp_types::LogMessageParams { typ, message };
        self.send(Message::Notification(Notification::new(notify::LogMessage::METHOD.into(), params)));
    }

    fn params<P: DeserializeOwned>(&self, notification: Notification) -> Option<P> {
        let method = notification.method.clone();
        serde_json::from_value(notification.params)
            .map_err(|e| self.log(MessageType::ERROR, format!("{method}: bad parameters: {e}")))
            .ok()
    }

    fn send(&self, message: Message) {
        // The client has gone away: the loop ends when the receiver does, nothing to tell anyone.
        let _ = self.connection.sender.send(message);
    }
}

/// The local file a `file:` URI names; `None` for other schemes.
fn file_path(uri: &Uri) -> Option<PathBuf> {
    if !uri.scheme().is_some_and(|s| s.as_str().eq_ignore_ascii_case("file")) {
        return None;
    }
    let path = percent_encoding::percent_decode_str(uri.path().as_str()).decode_utf8().ok()?;
    Some(PathBuf::from(path.as_ref()))
}

/// The `file:` URI of a path, for tests and clients that name files by path.
pub fn file_uri(path: &std::path::Path) -> Option<Uri> {
    const PATH: &percent_encoding::AsciiSet =
        &percent_encoding::CONTROLS.add(b' ').add(b'"').add(b'#').add(b'%').add(b'<').add(b'>').add(b'?').add(b'`');
    let encoded = percent_encoding::utf8_percent_encode(path.to_str()?, PATH);
    Uri::from_str(&format!("file://{encoded}")).ok()
}
