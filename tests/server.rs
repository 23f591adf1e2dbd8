//! The language server driven in memory, as an editor drives it: initialize, open, change,
//! hover, code actions, watched files, shutdown and exit.

use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

use jiff::civil::{Date, date};
use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use rpcheck::findings::Lang;
use rpcheck::lint::{self, LintOptions};
use rpcheck::server::{self, Options};
use serde_json::{Value, json};

const TODAY: Date = date(2026, 11, 24);

/// The editor's side of an in-memory connection, with the server running on a thread.
struct Client {
    connection: Connection,
    server: Option<JoinHandle<rpcheck::error::Result<()>>>,
    next_id: i32,
}

impl Client {
    /// Start a server and initialize it; `watch` says the client can watch files for it.
    fn start(watch: bool) -> Client {
        let (server_side, connection) = Connection::memory();
        let options = Options { today: Some(TODAY), lang: None };
        let server = std::thread::spawn(move || server::serve(server_side, options));
        let mut client = Client { connection, server: Some(server), next_id: 0 };
        let capabilities = json!({ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": watch } } });
        let result = client.request("initialize", json!({ "capabilities": capabilities }));
        assert_eq!(result["capabilities"]["textDocumentSync"], json!(2), "incremental sync: {result}");
        client.notify("initialized", json!({}));
        client
    }

    fn notify(&self, method: &str, params: Value) {
        let message = Message::Notification(Notification::new(method.into(), params));
        self.connection.sender.send(message).expect("server is listening");
    }

    /// Send a request and wait for its answer (a server error fails the test).
    fn request(&mut self, method: &str, params: Value) -> Value {
        match self.try_request(method, params).response_result {
            Ok(result) => result,
            Err(e) => panic!("{method}: {e:?}"),
        }
    }

    fn try_request(&mut self, method: &str, params: Value) -> Response {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        let message = Message::Request(Request::new(id.clone(), method.into(), params));
        self.connection.sender.send(message).expect("server is listening");
        loop {
            match self.receive() {
                Message::Response(response) if response.id == id => return response,
                _ => {}
            }
        }
    }

    fn receive(&self) -> Message {
        let timeout = std::time::Duration::from_secs(30);
        self.connection.receiver.recv_timeout(timeout).expect("the server answers")
    }

    /// The next diagnostics published for `uri`, as (rule, severity, range, message).
    fn diagnostics(&self, uri: &str) -> Vec<Value> {
        loop {
            if let Message::Notification(n) = self.receive()
                && n.method == "textDocument/publishDiagnostics"
                && n.params["uri"] == uri
            {
                return n.params["diagnostics"].as_array().cloned().unwrap_or_default();
            }
        }
    }

    fn open(&self, uri: &str, text: &str) -> Vec<Value> {
        let document = json!({ "uri": uri, "languageId": "toml", "version": 1, "text": text });
        self.notify("textDocument/didOpen", json!({ "textDocument": document }));
        self.diagnostics(uri)
    }

    fn change(&self, uri: &str, version: i32, changes: Value) -> Vec<Value> {
        let document = json!({ "uri": uri, "version": version });
        self.notify("textDocument/didChange", json!({ "textDocument": document, "contentChanges": changes }));
        self.diagnostics(uri)
    }

    /// Shut down, exit, and see the server's thread end cleanly.
    fn shutdown(mut self) {
        assert_eq!(self.request("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        let server = self.server.take().expect("started");
        server.join().expect("no panic").expect("a clean exit");
    }
}

fn example(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(relative)
}

fn uri(path: &Path) -> String {
    server::file_uri(path).expect("a file URI").as_str().to_string()
}

fn rules(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics.iter().filter_map(|d| d["code"].as_str()).collect()
}

/// A project folder of its own under the system's temporary folder: an empty rpcheck.toml.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rpcheck-server-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("make a scratch folder");
    std::fs::write(dir.join("rpcheck.toml"), "").expect("project file");
    dir
}

/// What `lint --format json` says of a file, in the same shape as the diagnostics.
fn lint_json(path: &Path) -> Vec<Value> {
    let options = LintOptions::new(vec![path.to_path_buf()], TODAY);
    let report = lint::run(&options).expect("lint runs");
    let mut out = Vec::new();
    rpcheck::render::json::render(&report, &mut out).expect("render json");
    let document: Value = serde_json::from_slice(&out).expect("json");
    document["findings"].as_array().cloned().unwrap_or_default()
}

#[test]
fn diagnostics_equal_lint_json_on_open() {
    let path = example("records/sociala-medier.toml");
    let text = std::fs::read_to_string(&path).expect("example");
    let mut client = Client::start(false);
    let diagnostics = client.open(&uri(&path), &text);
    let severities = json!({ "error": 1, "warning": 2, "info": 3 });
    let expected: Vec<Value> = lint_json(&path)
        .iter()
        .map(|f| {
            json!({
                "code": f["rule"],
                "severity": severities[f["severity"].as_str().expect("severity")],
                // The example's text is all in the Basic Multilingual Plane: a character is one
                // UTF-16 unit, so lint's columns and the protocol's agree.
                "range": {
                    "start": { "line": f["line"].as_u64().expect("line") - 1, "character": f["column"].as_u64().expect("column") - 1 },
                    "end": { "line": f["end_line"].as_u64().expect("line") - 1, "character": f["end_column"].as_u64().expect("column") - 1 },
                },
                "message": f["message"],
            })
        })
        .collect();
    assert!(expected.iter().any(|d| d["code"] == "gdpr/legitimate-interest-public-body"), "rpcheck.toml is read");
    let seen: Vec<Value> = diagnostics
        .iter()
        .map(|d| json!({ "code": d["code"], "severity": d["severity"], "range": d["range"], "message": d["message"] }))
        .collect();
    assert_eq!(seen, expected);
    let transfer = diagnostics.iter().find(|d| d["code"] == "gdpr/transfer-mechanism").expect("a transfer finding");
    assert_eq!(transfer["source"], "rpcheck");
    assert!(transfer["codeDescription"]["href"].as_str().is_some_and(|h| h.starts_with("https://")), "{transfer}");
    // Hover on the finding: the rule, why, the fix, the law with links.
    let start = &transfer["range"]["start"];
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri(&path) }, "position": { "line": start["line"], "character": 3 } }),
    );
    let markdown = hover["contents"]["value"].as_str().expect("markdown");
    assert_eq!(hover["contents"]["kind"], "markdown");
    for part in ["`gdpr/transfer-mechanism`", "**Why**", "**How to fix**", "[GDPR art. 44](https://"] {
        assert!(markdown.contains(part), "{part} in {markdown}");
    }
    client.shutdown();
}

#[test]
fn changes_full_and_incremental_are_checked_again() {
    let dir = scratch("changes");
    let uri = uri(&dir.join("r.toml"));
    let client = Client::start(false);
    let text = "schema_version = 1\nid = \"r\"\n\n[[purposes]]\nid = \"a\"\ndescription = \"Svara på frågor\"\nlegal_basis = \"consent\"\n";
    let before = client.open(&uri, text);
    assert!(!rules(&before).contains(&"record/syntax"), "{before:?}");
    // Incremental: break the record (an unclosed string), then mend it with a whole new text.
    let line = text.lines().position(|l| l.starts_with("legal_basis")).expect("line");
    let broken = json!([{ "range": { "start": { "line": line, "character": 14 }, "end": { "line": line, "character": 15 } }, "text": "" }]);
    let syntax = client.change(&uri, 2, broken);
    assert_eq!(rules(&syntax), ["record/syntax"], "a record that does not parse gets syntax diagnostics");
    assert_eq!(syntax[0]["range"]["start"]["line"], json!(line));
    let mended = client.change(&uri, 3, json!([{ "text": text }]));
    assert_eq!(mended, before);
    client.shutdown();
}

/// Apply a code action's edits to `text` (edits within one document, last first).
fn apply(text: &str, action: &Value, uri: &str) -> String {
    let edits = action["edit"]["changes"][uri].as_array().expect("edits for the document");
    let mut out = text.to_string();
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            let at =
                |p: &Value| offset(text, p["line"].as_u64().expect("line"), p["character"].as_u64().expect("char"));
            (at(&e["range"]["start"]), at(&e["range"]["end"]), e["newText"].as_str().expect("text"))
        })
        .collect();
    spans.sort_by_key(|span| std::cmp::Reverse(span.0));
    for (start, end, new) in spans {
        out.replace_range(start..end, new);
    }
    out
}

/// The byte offset of a line and UTF-16 column, independent of the server's own code.
fn offset(text: &str, line: u64, character: u64) -> usize {
    let start: usize = text.split_inclusive('\n').take(line as usize).map(str::len).sum();
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character || c == '\n' {
            return start + i;
        }
        units += c.len_utf16() as u64;
    }
    text.len()
}

fn actions(client: &mut Client, uri: &str, diagnostic: &Value) -> Vec<Value> {
    let params = json!({
        "textDocument": { "uri": uri },
        "range": diagnostic["range"],
        "context": { "diagnostics": [diagnostic] },
    });
    client.request("textDocument/codeAction", params).as_array().cloned().unwrap_or_default()
}

#[test]
fn a_quick_fix_gives_a_record_that_lints_without_the_finding() {
    let dir = scratch("fix");
    let path = dir.join("r.toml");
    let uri = uri(&path);
    let mut client = Client::start(false);
    let text = "schema_version = 1\nid = \"r\"\nname = \"Frågor från medborgare\"\n\n[[transfers]]\nrecipient = \"Exempel Inc.\"\ncountry = \"USA\"\nmechanism = \"scc\"\n";
    let diagnostics = client.open(&uri, text);
    let country = diagnostics
        .iter()
        .find(|d| d["code"] == "record/schema" && d["range"]["start"]["line"] == 6)
        .expect("the alpha-3 code is a schema finding");
    let offered = actions(&mut client, &uri, country);
    let fix = offered.iter().find(|a| a["isPreferred"] == true).expect("a certain fix");
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["diagnostics"][0]["message"], country["message"]);
    let fixed = apply(text, fix, &uri);
    assert!(fixed.contains("country = \"US\""), "{fixed}");
    let after = client.change(&uri, 2, json!([{ "text": fixed }]));
    assert!(!after.iter().any(|d| d["message"] == country["message"]), "{after:?}");
    std::fs::write(&path, &fixed).expect("save");
    let linted = lint_json(&path);
    assert!(!linted.iter().any(|f| f["message"] == country["message"]), "{linted:?}");
    client.shutdown();
}

#[test]
fn a_waiver_action_waives_the_rule_for_a_year() {
    let path = example("records/sociala-medier.toml");
    let text = std::fs::read_to_string(&path).expect("example");
    let uri = uri(&path);
    let mut client = Client::start(false);
    let diagnostics = client.open(&uri, &text);
    let transfer = diagnostics.iter().find(|d| d["code"] == "gdpr/transfer-mechanism").expect("a transfer finding");
    let offered = actions(&mut client, &uri, transfer);
    let waive = offered.iter().find(|a| a["title"].as_str().is_some_and(|t| t.starts_with("Waive"))).expect("a waiver");
    let waived = apply(&text, waive, &uri);
    assert!(waived.ends_with("[[waivers]]\nrule = \"gdpr/transfer-mechanism\"\nreason = \"TODO: why this rule does not apply to this record\"\nexpires = 2027-11-24\n"), "{waived}");
    let after = client.change(&uri, 2, json!([{ "text": waived }]));
    assert!(!rules(&after).contains(&"gdpr/transfer-mechanism"), "{after:?}");
    assert!(!rules(&after).contains(&"record/schema"), "the waiver fits the schema: {after:?}");
    client.shutdown();
}

#[test]
fn a_key_is_described_on_hover() {
    let dir = scratch("hover");
    let uri = uri(&dir.join("r.toml"));
    let mut client = Client::start(false);
    client.open(&uri, "schema_version = 1\nid = \"r\"\nsecurity_measures = \"Kryptering\"\n");
    let position = json!({ "line": 2, "character": 4 });
    let hover = client.request("textDocument/hover", json!({ "textDocument": { "uri": uri }, "position": position }));
    let markdown = hover["contents"]["value"].as_str().expect("markdown");
    assert!(markdown.starts_with("`security_measures`: "), "{markdown}");
    client.shutdown();
}

#[test]
fn a_project_change_checks_open_records_again() {
    let dir = scratch("watch");
    std::fs::write(dir.join("rpcheck.toml"), "lang = \"en\"\n").expect("project file");
    let path = dir.join("r.toml");
    let text = "schema_version = 1\nid = \"r\"\nname = \"Frågor\"\n";
    std::fs::write(&path, text).expect("record");
    let mut client = Client::start(true);
    let before = client.open(&uri(&path), text);
    assert!(rules(&before).contains(&"gdpr/security-measures"), "{before:?}");
    std::fs::write(dir.join("rpcheck.toml"), "lang = \"sv\"\n[rules]\n\"gdpr/security-measures\" = \"off\"\n")
        .expect("project file");
    let change = json!({ "uri": uri(&dir.join("rpcheck.toml")), "type": 2 });
    client.notify("workspace/didChangeWatchedFiles", json!({ "changes": [change] }));
    let after = client.diagnostics(&uri(&path));
    assert!(!rules(&after).is_empty() && !rules(&after).contains(&"gdpr/security-measures"), "{after:?}");
    assert_ne!(
        after,
        before.into_iter().filter(|d| d["code"] != "gdpr/security-measures").collect::<Vec<_>>(),
        "in Swedish now"
    );
    // A broken project file is shown on the record, not a crash.
    std::fs::write(dir.join("rpcheck.toml"), "lang = \"xx\"\n").expect("project file");
    client.notify("workspace/didChangeWatchedFiles", json!({ "changes": [change] }));
    let logged = loop {
        if let Message::Notification(n) = client.receive()
            && n.method == "window/logMessage"
        {
            break n.params;
        }
    };
    assert_eq!(logged["type"], 1, "an error in the client's log: {logged}");
    let broken = client.diagnostics(&uri(&path));
    assert_eq!(broken.len(), 1, "{broken:?}");
    assert!(broken[0]["message"].as_str().is_some_and(|m| m.contains("rpcheck.toml")), "{broken:?}");
    let unknown = client.try_request("textDocument/definition", json!({}));
    assert!(unknown.response_result.is_err(), "an unknown request is refused, and the server goes on");
    client.shutdown();
}

#[test]
fn files_that_are_not_records_get_no_diagnostics() {
    let outside = std::env::temp_dir().join(format!("rpcheck-server-{}-no-project", std::process::id()));
    std::fs::create_dir_all(&outside).expect("a folder");
    let dir = scratch("not-records");
    std::fs::write(dir.join("rpcheck.toml"), "exclude = [\"Cargo.toml\"]\n").expect("project file");
    std::fs::write(dir.join("Cargo.toml"), "[package]\n").expect("excluded file");
    let client = Client::start(false);
    assert_eq!(client.open(&uri(&dir.join("Cargo.toml")), "[package]\n"), Vec::<Value>::new());
    assert_eq!(client.open(&uri(&dir.join("rpcheck.toml")), "exclude = []\n"), Vec::<Value>::new());
    // No rpcheck.toml above it: a TOML file, not a record.
    assert_eq!(client.open(&uri(&outside.join("pyproject.toml")), "[project]\n"), Vec::<Value>::new());
    client.shutdown();
}

#[test]
fn options_pick_the_language() {
    // `Lang` from the command line wins over rpcheck.toml, as in `lint`.
    let (server_side, connection) = Connection::memory();
    let options = Options { today: Some(TODAY), lang: Some(Lang::Sv) };
    let server = std::thread::spawn(move || server::serve(server_side, options));
    let mut client = Client { connection, server: Some(server), next_id: 0 };
    client.request("initialize", json!({ "capabilities": {} }));
    client.notify("initialized", json!({}));
    let path = example("records/sociala-medier.toml");
    let diagnostics = client.open(&uri(&path), &std::fs::read_to_string(&path).expect("example"));
    let transfer = diagnostics.iter().find(|d| d["code"] == "gdpr/transfer-mechanism").expect("a transfer finding");
    assert!(transfer["message"].as_str().is_some_and(|m| m.contains("överföring")), "{transfer}");
    client.shutdown();
}

#[test]
fn a_swedish_country_name_is_fixed_to_its_code() {
    let dir = scratch("country-name");
    let uri = uri(&dir.join("r.toml"));
    let mut client = Client::start(false);
    let text = "schema_version = 1\nid = \"r\"\n\n[[transfers]]\nrecipient = \"Exempel Ltd\"\ncountry = \"Kina\"\nmechanism = \"scc\"\n";
    let diagnostics = client.open(&uri, text);
    let country = diagnostics.iter().find(|d| d["range"]["start"]["line"] == 5).expect("a finding on the country");
    let offered = actions(&mut client, &uri, country);
    let fix = offered.iter().find(|a| a["isPreferred"] == true).expect("a certain fix");
    assert_eq!(fix["title"], "write \"CN\"");
    let after = client.change(&uri, 2, json!([{ "text": apply(text, fix, &uri) }]));
    assert!(!after.iter().any(|d| d["range"]["start"]["line"] == 5), "{after:?}");
    client.shutdown();
}

#[test]
fn a_missing_required_key_is_inserted() {
    let dir = scratch("missing");
    let uri = uri(&dir.join("kundtjanst.toml"));
    let mut client = Client::start(false);
    let text = "#:schema ../schema/record.schema.json\nname = \"Kundtjänst\"\n\n[[waivers]]\nrule = \"gdpr/security-measures\"\nreason = \"Beskrivs i informationssäkerhetspolicyn\"\n";
    let diagnostics = client.open(&uri, text);
    let missing = diagnostics.iter().filter(|d| d["code"] == "record/schema").count();
    assert_eq!(missing, 3, "schema_version, id, the waiver's expires: {diagnostics:?}");
    // Apply one insertion at a time, each on the text as it is after the one before.
    let mut fixed = text.to_string();
    let mut current = diagnostics.clone();
    for version in 2..5 {
        let diagnostic = current.iter().find(|d| d["code"] == "record/schema").expect("a missing key left");
        let offered = actions(&mut client, &uri, diagnostic);
        let insert = offered
            .iter()
            .find(|a| a["title"].as_str().is_some_and(|t| t.starts_with("Insert the required key")))
            .unwrap_or_else(|| panic!("an insertion for {diagnostic}: {offered:?}"));
        fixed = apply(&fixed, insert, &uri);
        current = client.change(&uri, version, json!([{ "text": fixed }]));
    }
    assert!(fixed.contains("\nschema_version = 1\n") && fixed.contains("\nid = \"kundtjanst\"\n"), "{fixed}");
    assert!(fixed.contains("[[waivers]]\nexpires = 2027-11-24\n"), "{fixed}");
    assert!(!rules(&current).contains(&"record/schema"), "{current:?}");
    client.shutdown();
}

#[test]
fn a_shared_id_points_at_the_other_record() {
    let dir = scratch("duplicates");
    std::fs::write(dir.join("rpcheck.toml"), "lang = \"en\"\n").expect("project file");
    let (a, b) = (uri(&dir.join("a.toml")), uri(&dir.join("b.toml")));
    let client = Client::start(false);
    let text = "schema_version = 1\nid = \"kund\"\n";
    assert!(!rules(&client.open(&a, text)).contains(&"record/duplicate-id"));
    // The later path is the one told, as in `lint`, and the related information names the first.
    let second = client.open(&b, text);
    let duplicate = second.iter().find(|d| d["code"] == "record/duplicate-id").expect("a duplicate id");
    assert_eq!(duplicate["relatedInformation"][0]["location"]["uri"], a);
    assert_eq!(duplicate["relatedInformation"][0]["location"]["range"]["start"], json!({ "line": 1, "character": 5 }));
    // Renaming the first record frees the id: the second is published again without the finding.
    let renamed = json!([{ "range": { "start": { "line": 1, "character": 6 }, "end": { "line": 1, "character": 10 } }, "text": "kunder" }]);
    let document = json!({ "uri": a, "version": 2 });
    client.notify("textDocument/didChange", json!({ "textDocument": document, "contentChanges": renamed }));
    assert!(!rules(&client.diagnostics(&b)).contains(&"record/duplicate-id"));
    client.shutdown();
}

fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("make a folder");
    for entry in std::fs::read_dir(from).expect("read a folder").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy a file");
        }
    }
}

#[test]
fn a_pack_change_checks_open_records_again() {
    let dir = scratch("pack");
    copy_folder(&example("custom-pack"), &dir);
    let (record, pack) = (dir.join("records/bygglov.toml"), dir.join("policies/kommunen.toml"));
    let client = Client::start(true);
    let pack_text = std::fs::read_to_string(&pack).expect("pack");
    assert_eq!(client.open(&uri(&pack), &pack_text), Vec::<Value>::new(), "a pack is no record");
    let before = client.open(&uri(&record), &std::fs::read_to_string(&record).expect("record"));
    let mfa = |ds: &[Value]| ds.iter().find(|d| d["code"] == "kommunen/mfa").map(|d| d["severity"].clone());
    assert_eq!(mfa(&before), Some(json!(1)), "the project's own rule, an error: {before:?}");
    std::fs::write(&pack, pack_text.replacen("severity = \"error\"", "severity = \"warning\"", 1)).expect("pack");
    let change = json!({ "uri": uri(&pack), "type": 2 });
    client.notify("workspace/didChangeWatchedFiles", json!({ "changes": [change] }));
    assert_eq!(mfa(&client.diagnostics(&uri(&record))), Some(json!(2)), "now a warning");
    client.shutdown();
}

#[test]
fn a_burst_of_changes_ends_in_the_diagnostics_of_the_last_text() {
    let dir = scratch("burst");
    let uri = uri(&dir.join("r.toml"));
    let client = Client::start(false);
    client.open(&uri, "schema_version = 1\nid = \"r\"\nname = \"\"\n");
    // Type `Kundtjänst` into the name, a keystroke a change, without waiting in between.
    for (i, c) in "Kundtjänst".chars().enumerate() {
        let at = json!({ "line": 2, "character": 8 + i });
        let change = json!({ "range": { "start": at, "end": at }, "text": c.to_string() });
        let document = json!({ "uri": uri, "version": i + 2 });
        client.notify("textDocument/didChange", json!({ "textDocument": document, "contentChanges": [change] }));
    }
    let last = 1 + "Kundtjänst".chars().count();
    let mut mended = None;
    while mended.is_none() {
        let Message::Notification(n) = client.receive() else { continue };
        if n.method == "textDocument/publishDiagnostics" && n.params["version"] == json!(last) {
            mended = Some(n.params["diagnostics"].clone());
        }
    }
    let fresh = Client::start(false);
    let expected = fresh.open(&uri, "schema_version = 1\nid = \"r\"\nname = \"Kundtjänst\"\n");
    assert_eq!(mended, Some(Value::Array(expected)));
    fresh.shutdown();
    client.shutdown();
}
