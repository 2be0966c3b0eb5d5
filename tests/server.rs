//! `claimlint server` driven over stdio as an editor drives it: initialize, open a document,
//! receive its findings, hover a figure, ask for a code action, change the document, shut down.
//! Positions are checked on a line with characters outside the Basic Multilingual Plane, where
//! UTF-16 code units, characters and bytes all differ.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{ChildStdin, ChildStdout, Command, Stdio};

use serde_json::{Value, json};

struct Client {
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    next_id: i64,
}

impl Client {
    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn receive(&mut self) -> Value {
        let mut length = 0;
        loop {
            let mut header = String::new();
            self.stdout.read_line(&mut header).expect("header");
            let header = header.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some(value) = header.strip_prefix("Content-Length: ") {
                length = value.parse().expect("length");
            }
        }
        let mut body = vec![0; length];
        self.stdout.read_exact(&mut body).expect("body");
        serde_json::from_slice(&body).expect("json")
    }

    fn request(&mut self, method: &str, params: &Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let message = self.receive();
            if message.get("id") == Some(&json!(id)) {
                return message;
            }
        }
    }

    fn notify(&mut self, method: &str, params: &Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    fn diagnostics(&mut self) -> Vec<Value> {
        loop {
            let message = self.receive();
            if message.get("method") == Some(&json!("textDocument/publishDiagnostics")) {
                return message["params"]["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
            }
        }
    }
}

/// Starts `claimlint server` in `dir`.
fn start(dir: &std::path::Path) -> (std::process::Child, Client) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimlint"))
        .arg("server")
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("starts");
    let client = Client {
        stdin: child.stdin.take().expect("stdin"),
        stdout: BufReader::new(child.stdout.take().expect("stdout")),
        next_id: 0,
    };
    (child, client)
}

#[test]
fn an_editor_sees_findings_hovers_figures_and_suppresses_a_finding() {
    let dir = common::scratch_dir("server", "editor");
    let path = dir.join("notes.md");
    let uri = format!("file://{}", path.display());
    let text = "# Exports\n\n📈 Café exports rose 12 percent in 2023.\n";
    std::fs::write(&path, text).expect("write");
    // The folder's config names the ledger; a reviewer has verified the figure in it.
    std::fs::write(dir.join("claimlint.toml"), "ledger = \"claims.csv\"\n").expect("config");
    let cli = |args: &[&str]| {
        let output = common::claimlint()
            .current_dir(&*dir)
            .args(args)
            .output()
            .expect("runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    cli(&["ledger", "update", "notes.md", "--ledger", "claims.csv"]);
    let ledger = std::fs::read_to_string(dir.join("claims.csv")).expect("ledger");
    let id = ledger
        .lines()
        .find(|line| line.contains("12 percent"))
        .and_then(|line| line.split(',').next())
        .expect("the claim's row")
        .to_owned();
    let decisions = json!({ "version": 1, "decisions": [ { "document": "notes.md", "id": id, "value": "12", "status": "verified", "reviewer": "Ada", "checked_on": "2026-12-01", "note": "" } ] });
    std::fs::write(dir.join("decisions.json"), decisions.to_string()).expect("decisions");
    cli(&["ledger", "apply", "decisions.json", "--ledger", "claims.csv"]);
    let (mut child, mut client) = start(&dir);
    let initialized = client.request(
        "initialize",
        &json!({ "processId": null, "rootUri": null, "capabilities": {} }),
    );
    assert_eq!(
        initialized["result"]["capabilities"]["positionEncoding"],
        "utf-16"
    );
    assert_eq!(initialized["result"]["serverInfo"]["name"], "claimlint");
    client.notify("initialized", &json!({}));
    client.notify(
        "textDocument/didOpen",
        &json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": text } }),
    );
    let diagnostics = client.diagnostics();
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    let finding = &diagnostics[0];
    assert_eq!(finding["code"], "citation/missing");
    // "📈" is two UTF-16 code units (four bytes), "é" one (two bytes): "12" starts at unit 21
    // of line 2 (character 20, byte 24).
    assert_eq!(finding["range"]["start"], json!({ "line": 2, "character": 21 }));
    assert_eq!(finding["range"]["end"], json!({ "line": 2, "character": 31 }));

    let hover = client.request(
        "textDocument/hover",
        &json!({ "textDocument": { "uri": uri }, "position": { "line": 2, "character": 22 } }),
    );
    let shown = hover["result"]["contents"]["value"].as_str().expect("hover text");
    assert!(
        shown.contains("12 percent") && shown.contains("value: 12 %") && shown.contains("time: 2023"),
        "{shown}"
    );
    assert!(shown.contains("ledger: verified by Ada on 2026-12-01"), "{shown}");

    let actions = client.request(
        "textDocument/codeAction",
        &json!({
            "textDocument": { "uri": uri },
            "range": { "start": { "line": 2, "character": 22 }, "end": { "line": 2, "character": 22 } },
            "context": { "diagnostics": [] },
        }),
    );
    let edit = &actions["result"][0]["edit"]["changes"][&uri][0];
    assert_eq!(
        edit["newText"],
        "<!-- claimlint: disable-next-line citation/missing -- REASON -->\n"
    );
    assert_eq!(edit["range"]["start"], json!({ "line": 2, "character": 0 }));

    // The writer adds the source: the finding goes.
    let sourced =
        "# Exports\n\n📈 Café exports rose 12 percent in 2023.[^1]\n\n[^1]: Customs office, 2024.\n";
    client.notify(
        "textDocument/didChange",
        &json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": [ { "text": sourced } ] }),
    );
    assert_eq!(client.diagnostics(), Vec::<Value>::new());
    let hover = client.request(
        "textDocument/hover",
        &json!({ "textDocument": { "uri": uri }, "position": { "line": 2, "character": 22 } }),
    );
    let shown = hover["result"]["contents"]["value"].as_str().expect("hover text");
    assert!(shown.contains("note 1: Customs office, 2024."), "{shown}");
    // From the marker to its note.
    let definition = client.request(
        "textDocument/definition",
        &json!({ "textDocument": { "uri": uri }, "position": { "line": 2, "character": 41 } }),
    );
    assert_eq!(definition["result"]["range"]["start"]["line"], 4, "{definition}");

    let shutdown = client.request("shutdown", &Value::Null);
    assert!(shutdown.get("error").is_none(), "{shutdown}");
    client.notify("exit", &Value::Null);
    let status = child.wait().expect("exits");
    assert!(status.success(), "{status}");
}

#[test]
fn a_client_that_offers_utf8_gets_byte_columns() {
    let dir = common::scratch_dir("server", "utf8");
    let path = dir.join("notes.txt");
    let uri = format!("file://{}", path.display());
    let text = "Exports\n\n📈 Café exports rose 12 percent.\n";
    let (mut child, mut client) = start(&dir);
    let initialized = client.request(
        "initialize",
        &json!({ "processId": null, "capabilities": { "general": { "positionEncodings": ["utf-8", "utf-16"] } } }),
    );
    assert_eq!(initialized["result"]["capabilities"]["positionEncoding"], "utf-8");
    client.notify("initialized", &json!({}));
    client.notify(
        "textDocument/didOpen",
        &json!({ "textDocument": { "uri": uri, "languageId": "plaintext", "version": 1, "text": text } }),
    );
    let diagnostics = client.diagnostics();
    assert_eq!(
        diagnostics[0]["range"]["start"],
        json!({ "line": 2, "character": 24 }),
        "{diagnostics:#?}"
    );
    client.request("shutdown", &Value::Null);
    client.notify("exit", &Value::Null);
    assert!(child.wait().expect("exits").success());
}
