//! `claimlint server`: a language server over stdio, so that editors show claimlint's findings as
//! a document is written (as vale-ls and harper-ls do for prose).
//!
//! Transport and the initialize handshake are `lsp-server`'s (rust-analyzer's, synchronous, no
//! async runtime); the few message shapes the server uses (diagnostics, hover, code actions)
//! are written as JSON here rather than through `lsp-types`, whose shapes change between
//! releases more often than the protocol does. Rules and configuration are the CLI's: the
//! `claimlint.toml` found from the document's folder upward (re-read when it changes), its
//! `[[overrides]]`, the built-in rules. Changes that arrive together are checked once, after
//! the last (a burst of keystrokes is one check).
//!
//! Positions are in UTF-16 code units, as LSP requires, unless the client offers UTF-8
//! (`general.positionEncodings`), which the server then takes.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use claimlint::claim::Claim;
use claimlint::config::Config;
use claimlint::diagnostic::{Diagnostic, Severity};
use claimlint::ingest;
use claimlint::pipeline::Engine;
use lsp_server::{Connection, Message, Notification, Request, Response};
use serde_json::{Value, json};

/// How a client counts characters in a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Utf16,
    Utf8,
}

/// Runs the server until the client asks it to exit.
pub fn run() -> Result<(), String> {
    let (connection, threads) = Connection::stdio();
    let (id, params) = connection.initialize_start().map_err(|e| e.to_string())?;
    let offered: Vec<String> = params
        .pointer("/capabilities/general/positionEncodings")
        .and_then(|v| serde_json::from_value(v.clone()).ok())
        .unwrap_or_default();
    let encoding = if offered.iter().any(|e| e == "utf-8") {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    };
    let result = json!({
        "capabilities": {
            "positionEncoding": if encoding == Encoding::Utf8 { "utf-8" } else { "utf-16" },
            "textDocumentSync": { "openClose": true, "change": 1 },
            "hoverProvider": true,
            "codeActionProvider": true,
            "definitionProvider": true,
        },
        "serverInfo": { "name": "claimlint", "version": env!("CARGO_PKG_VERSION") },
    });
    connection
        .initialize_finish(id, result)
        .map_err(|e| e.to_string())?;
    let mut server = Server {
        encoding,
        documents: HashMap::new(),
        engines: HashMap::new(),
    };
    server.serve(&connection)?;
    drop(connection);
    threads.join().map_err(|e| e.to_string())
}

/// An open document: its text and what the last check found in it.
struct Open {
    text: String,
    lines: Vec<usize>,
    claims: Vec<Claim>,
    diagnostics: Vec<Diagnostic>,
    /// Each claim's row in the ledger the config names, as a reviewer reads it.
    ledger: HashMap<String, String>,
    /// Why the document could not be checked, if it could not.
    failure: Option<String>,
}

struct Server {
    encoding: Encoding,
    documents: HashMap<String, Open>,
    /// An engine per config (`None`: no config), with the config's modification time.
    engines: HashMap<Option<PathBuf>, (Engine, Option<SystemTime>)>,
}

impl Server {
    fn serve(&mut self, connection: &Connection) -> Result<(), String> {
        let mut changed: Vec<String> = Vec::new();
        loop {
            let Ok(message) = connection.receiver.recv() else {
                return Ok(());
            };
            let mut next = Some(message);
            // Everything already waiting is taken in before checking: a burst of changes is
            // checked once.
            while let Some(message) = next.take() {
                match message {
                    Message::Request(request) => {
                        if connection.handle_shutdown(&request).map_err(|e| e.to_string())? {
                            return Ok(());
                        }
                        self.check_changed(connection, &mut changed);
                        let response = self.respond(&request);
                        send(connection, Message::Response(response));
                    }
                    Message::Notification(notification) => self.notified(&notification, &mut changed),
                    Message::Response(_) => {}
                }
                next = connection.receiver.try_recv().ok();
            }
            self.check_changed(connection, &mut changed);
        }
    }

    fn notified(&mut self, notification: &Notification, changed: &mut Vec<String>) {
        let params = &notification.params;
        let uri = params
            .pointer("/textDocument/uri")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let text = match notification.method.as_str() {
            "textDocument/didOpen" => params.pointer("/textDocument/text").and_then(Value::as_str),
            "textDocument/didChange" => params
                .pointer("/contentChanges")
                .and_then(Value::as_array)
                .and_then(|changes| changes.last())
                .and_then(|change| change.get("text"))
                .and_then(Value::as_str),
            "textDocument/didClose" => {
                self.documents.remove(&uri);
                return;
            }
            _ => return,
        };
        if let Some(text) = text {
            self.documents.insert(
                uri.clone(),
                Open {
                    lines: line_starts(text),
                    text: text.to_owned(),
                    claims: Vec::new(),
                    diagnostics: Vec::new(),
                    ledger: HashMap::new(),
                    failure: None,
                },
            );
            if !changed.contains(&uri) {
                changed.push(uri);
            }
        }
    }

    /// Checks the documents changed since the last check and publishes their findings.
    fn check_changed(&mut self, connection: &Connection, changed: &mut Vec<String>) {
        for uri in changed.drain(..) {
            let path = uri_path(&uri);
            let engine = engine_for(&mut self.engines, &path);
            let Some(open) = self.documents.get_mut(&uri) else {
                continue;
            };
            match engine {
                Ok(engine) => match ingest::parse(open.text.as_bytes(), &path, &engine.options) {
                    Ok(document) => {
                        open.ledger = ledger_rows(engine, &path);
                        let analysis = engine.analyse_document(document);
                        let mut diagnostics = analysis.diagnostics;
                        claimlint::check::collapse(&mut diagnostics);
                        open.claims = analysis.claims;
                        open.diagnostics = diagnostics;
                        open.failure = None;
                    }
                    Err(error) => {
                        open.claims.clear();
                        open.diagnostics.clear();
                        open.failure = Some(error.to_string());
                    }
                },
                Err(error) => open.failure = Some(error),
            }
            let diagnostics = self.lsp_diagnostics(&uri);
            send(
                connection,
                Message::Notification(Notification::new(
                    "textDocument/publishDiagnostics".to_owned(),
                    json!({ "uri": uri, "diagnostics": diagnostics }),
                )),
            );
        }
    }

    fn lsp_diagnostics(&self, uri: &str) -> Vec<Value> {
        let Some(open) = self.documents.get(uri) else {
            return Vec::new();
        };
        if let Some(failure) = &open.failure {
            return vec![json!({
                "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } },
                "severity": 1,
                "source": "claimlint",
                "message": failure,
            })];
        }
        open.diagnostics
            .iter()
            .map(|d| {
                json!({
                    "range": self.range(open, d.start, d.end),
                    "severity": match d.severity {
                        Severity::Error => 1,
                        Severity::Warning => 2,
                        Severity::Info => 3,
                    },
                    "code": d.rule,
                    "source": "claimlint",
                    "message": match &d.help {
                        Some(help) => format!("{}\n{help}", d.message),
                        None => d.message.clone(),
                    },
                })
            })
            .collect()
    }

    fn respond(&self, request: &Request) -> Response {
        let uri = request
            .params
            .pointer("/textDocument/uri")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let Some(open) = self.documents.get(uri) else {
            return Response::new_ok(request.id.clone(), Value::Null);
        };
        let result = match request.method.as_str() {
            "textDocument/hover" => {
                let at = self.offset(open, request.params.get("position"));
                self.hover(open, at)
            }
            "textDocument/codeAction" => {
                let at = self.offset(open, request.params.pointer("/range/start"));
                Value::Array(self.code_actions(uri, open, at))
            }
            "textDocument/definition" => {
                let at = self.offset(open, request.params.get("position"));
                self.definition(uri, open, at)
            }
            _ => {
                return Response::new_err(
                    request.id.clone(),
                    lsp_server::ErrorCode::MethodNotFound as i32,
                    format!("claimlint does not answer `{}`", request.method),
                );
            }
        };
        Response::new_ok(request.id.clone(), result)
    }

    /// What claimlint read at a figure: value, unit, interval, modality, subject, time, notes.
    fn hover(&self, open: &Open, at: usize) -> Value {
        let Some(claim) = open.claims.iter().find(|c| c.start <= at && at <= c.end) else {
            return Value::Null;
        };
        let mut lines = vec![format!("**{}** — {}", claim.text, claim.kind.name())];
        let decimal = |d: rust_decimal::Decimal| claimlint::claim::decimal_string(d);
        if let Some(value) = claim.value {
            lines.push(
                format!("value: {} {}", decimal(value), claim.unit.unwrap_or(""))
                    .trim_end()
                    .to_owned(),
            );
        }
        match (claim.low, claim.high) {
            (Some(low), Some(high)) => lines.push(format!("reads as {} to {}", decimal(low), decimal(high))),
            (Some(low), None) => lines.push(format!("reads as at least {}", decimal(low))),
            (None, Some(high)) => lines.push(format!("reads as at most {}", decimal(high))),
            (None, None) => {}
        }
        lines.push(format!(
            "qualifier: {}, modality: {}",
            claim.qualifier.name(),
            claim.modality.name()
        ));
        if let Some(subject) = &claim.subject {
            lines.push(format!("subject: {subject}"));
        }
        if let Some(time) = &claim.time {
            lines.push(format!("time: {time}"));
        }
        if let Some(role) = claim.role {
            lines.push(format!("needs no source: {}", role.name()));
        }
        if claim.footnotes.is_empty() {
            lines.push("no note covers it".to_owned());
        } else {
            lines.push(format!("covered by note {}", claim.footnotes.join(", ")));
        }
        lines.push(format!("claim id `{}`", claim.id));
        if let Some(row) = open.ledger.get(&claim.id) {
            lines.push(format!("ledger: {row}"));
        }
        json!({
            "contents": { "kind": "markdown", "value": lines.join("  \n") },
            "range": self.range(open, claim.start, claim.end),
        })
    }

    /// For each finding at `at`: a suppression comment above its line, with a reason to fill.
    fn code_actions(&self, uri: &str, open: &Open, at: usize) -> Vec<Value> {
        let markup = matches!(
            ingest::detect_format(&uri_path(uri)),
            Some(claimlint::document::InputFormat::Markdown | claimlint::document::InputFormat::Html)
        );
        open.diagnostics
            .iter()
            .filter(|d| d.start <= at && at <= d.end.max(d.start))
            .map(|d| {
                let line_start = open.lines[open.lines.partition_point(|&s| s <= d.start) - 1];
                let directive = format!("claimlint: disable-next-line {} -- REASON", d.rule);
                let comment = if markup {
                    format!("<!-- {directive} -->\n")
                } else {
                    format!("{directive}\n")
                };
                let place = self.position(open, line_start);
                json!({
                    "title": format!("Suppress {} on this line (give the reason)", d.rule),
                    "kind": "quickfix",
                    "edit": { "changes": { uri: [ { "range": { "start": place, "end": place }, "newText": comment } ] } },
                })
            })
            .collect()
    }

    /// From a note marker at `at` to its definition.
    fn definition(&self, uri: &str, open: &Open, at: usize) -> Value {
        let path = uri_path(uri);
        let Ok(document) = ingest::parse(open.text.as_bytes(), &path, &ingest::IngestOptions::default())
        else {
            return Value::Null;
        };
        let Some(marker) = document
            .footnote_refs
            .iter()
            .find(|r| r.original.start <= at && at <= r.original.end)
        else {
            return Value::Null;
        };
        let Some(definition) = document.footnote_defs.iter().find(|d| d.key() == marker.key()) else {
            return Value::Null;
        };
        json!({ "uri": uri, "range": self.range(open, definition.original.start, definition.original.end) })
    }

    /// The byte offset of an LSP position.
    fn offset(&self, open: &Open, position: Option<&Value>) -> usize {
        let line = position
            .and_then(|p| p.get("line"))
            .and_then(Value::as_u64)
            .and_then(|l| usize::try_from(l).ok())
            .unwrap_or(0);
        let character = position
            .and_then(|p| p.get("character"))
            .and_then(Value::as_u64)
            .and_then(|c| usize::try_from(c).ok())
            .unwrap_or(0);
        let Some(&start) = open.lines.get(line) else {
            return open.text.len();
        };
        let end = open.lines.get(line + 1).copied().unwrap_or(open.text.len());
        let mut units = 0;
        for (index, c) in open.text[start..end].char_indices() {
            if units >= character {
                return start + index;
            }
            units += match self.encoding {
                Encoding::Utf16 => c.len_utf16(),
                Encoding::Utf8 => c.len_utf8(),
            };
        }
        end
    }

    /// The LSP position of a byte offset.
    fn position(&self, open: &Open, offset: usize) -> Value {
        let offset = claimlint::span::floor_char_boundary(&open.text, offset.min(open.text.len()));
        let line = open.lines.partition_point(|&s| s <= offset) - 1;
        let before = &open.text[open.lines[line]..offset];
        let character: usize = match self.encoding {
            Encoding::Utf16 => before.chars().map(char::len_utf16).sum(),
            Encoding::Utf8 => before.len(),
        };
        json!({ "line": line, "character": character })
    }

    fn range(&self, open: &Open, start: usize, end: usize) -> Value {
        json!({ "start": self.position(open, start), "end": self.position(open, end.max(start)) })
    }
}

/// The rows of the ledger the config names (`ledger = "claims.csv"`) for the document at
/// `path` (as the ledger names it: relative to the config's folder, or as given), by claim id:
/// status, reviewer, date and note.
fn ledger_rows(engine: &Engine, path: &Path) -> HashMap<String, String> {
    let Some(config) = &engine.config else {
        return HashMap::new();
    };
    let Some(ledger_path) = config.ledger_path() else {
        return HashMap::new();
    };
    let Ok(ledger) = claimlint::audit::ledger::Ledger::read(&ledger_path, true) else {
        return HashMap::new();
    };
    let folder = Path::new(&config.path).parent().unwrap_or(Path::new(""));
    let relative = std::path::absolute(folder)
        .ok()
        .and_then(|folder| path.strip_prefix(folder).ok().map(Path::to_path_buf));
    let names: Vec<String> = [Some(path.to_path_buf()), relative]
        .into_iter()
        .flatten()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    ledger
        .rows
        .iter()
        .filter(|row| names.iter().any(|name| name == row.document()))
        .map(|row| {
            let mut said = row.status().name().to_owned();
            for (label, name) in [("by", "reviewer"), ("on", "checked_on"), ("note:", "note")] {
                let cell = row.audit_cell(name);
                if !cell.is_empty() {
                    let _ = write!(said, " {label} {cell}");
                }
            }
            (row.id().to_owned(), said)
        })
        .collect()
}

/// The engine of the config that governs `path`, read again when the config changed.
fn engine_for<'e>(
    engines: &'e mut HashMap<Option<PathBuf>, (Engine, Option<SystemTime>)>,
    path: &Path,
) -> Result<&'e Engine, String> {
    let config_path = Engine::config_for(path);
    let modified = config_path
        .as_ref()
        .and_then(|p| std::fs::metadata(p).ok())
        .and_then(|m| m.modified().ok());
    let fresh = engines
        .get(&config_path)
        .is_some_and(|(_, seen)| *seen == modified);
    if !fresh {
        let config = match &config_path {
            Some(path) => Some(Config::load(path).map_err(|e| e.to_string())?),
            None => None,
        };
        let engine = Engine::configured(config, &[]).map_err(|e| e.to_string())?;
        engines.insert(config_path.clone(), (engine, modified));
    }
    Ok(&engines[&config_path].0)
}

fn send(connection: &Connection, message: Message) {
    // The client is gone if this fails; the receive loop then ends.
    let _ = connection.sender.send(message);
}

/// The byte offset where each line starts.
fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
    starts
}

/// The path of a `file:` URI, percent-escapes decoded; another URI is taken as a name.
fn uri_path(uri: &str) -> PathBuf {
    match uri.strip_prefix("file://") {
        Some(rest) => PathBuf::from(claimlint::ingest::entities::percent_decoded(rest)),
        None => PathBuf::from(uri),
    }
}
