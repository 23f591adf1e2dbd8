//! How fast `rpcheck server` answers a change: a 200-line record (the example record with
//! purposes added) is opened in an in-memory server, then typed into one character at a time;
//! each incremental change is timed from sending it to receiving its diagnostics.
//!
//! `cargo run --release --example server-change -- [CHANGES]` (default 500). The target:
//! within 5 ms.

use std::time::{Duration, Instant};

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{Value, json};

fn main() {
    let changes: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(500);
    let record = record(200);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/records/bench-200-lines.toml");
    let uri = rpcheck::server::file_uri(&path).expect("a file URI").as_str().to_string();
    let (server_side, client) = Connection::memory();
    let options = rpcheck::server::Options { today: Some(jiff::civil::date(2026, 11, 24)), lang: None };
    let server = std::thread::spawn(move || rpcheck::server::serve(server_side, options));
    send(
        &client,
        Message::Request(Request::new(RequestId::from(1), "initialize".into(), json!({ "capabilities": {} }))),
    );
    receive(&client, |m| matches!(m, Message::Response(_)));
    notify(&client, "initialized", json!({}));
    let opened = Instant::now();
    let document = json!({ "uri": uri, "languageId": "toml", "version": 1, "text": record });
    notify(&client, "textDocument/didOpen", json!({ "textDocument": document }));
    let count = diagnostics(&client);
    println!("open (loads the packs): {:?}, {count} diagnostics", opened.elapsed());
    // Type into the record's name (after `name = "`), one character a change.
    let mut times: Vec<Duration> = (0..changes)
        .map(|i| {
            let at = json!({ "line": 7, "character": 8 + i });
            let change = json!({ "range": { "start": at, "end": at }, "text": "x" });
            let document = json!({ "uri": uri, "version": i + 2 });
            let start = Instant::now();
            notify(&client, "textDocument/didChange", json!({ "textDocument": document, "contentChanges": [change] }));
            diagnostics(&client);
            start.elapsed()
        })
        .collect();
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
    println!(
        "{} lines, {changes} changes: median {:?}, p95 {:?}, max {:?}",
        record.lines().count(),
        at(0.5),
        at(0.95),
        at(1.0)
    );
    send(&client, Message::Request(Request::new(RequestId::from(2), "shutdown".into(), Value::Null)));
    receive(&client, |m| matches!(m, Message::Response(_)));
    notify(&client, "exit", Value::Null);
    server.join().expect("no panic").expect("a clean exit");
}

/// The example record, with purposes added until it has `lines` lines.
fn record(lines: usize) -> String {
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/records/sociala-medier.toml");
    let mut text = std::fs::read_to_string(example).expect("the example record");
    let mut n = 0;
    while text.lines().count() + 5 <= lines {
        n += 1;
        text.push_str(&format!(
            "\n[[purposes]]\nid = \"syfte-{n}\"\ndescription = \"Besvara frågor om bostadskön, ärende {n}\"\nlegal_basis = \"public_task\"\n"
        ));
    }
    while text.lines().count() < lines {
        text.push_str("# padding\n");
    }
    text
}

fn send(client: &Connection, message: Message) {
    client.sender.send(message).expect("the server listens");
}

fn notify(client: &Connection, method: &str, params: Value) {
    send(client, Message::Notification(Notification::new(method.into(), params)));
}

fn receive(client: &Connection, wanted: impl Fn(&Message) -> bool) -> Message {
    loop {
        let message = client.receiver.recv().expect("the server answers");
        if wanted(&message) {
            return message;
        }
    }
}

fn diagnostics(client: &Connection) -> usize {
    let published =
        receive(client, |m| matches!(m, Message::Notification(n) if n.method == "textDocument/publishDiagnostics"));
    match published {
        Message::Notification(n) => n.params["diagnostics"].as_array().map_or(0, Vec::len),
        _ => 0,
    }
}
