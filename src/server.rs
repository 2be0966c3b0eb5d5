//! `claimlint server`: a language server over stdio, so that editors show claimlint's findings as
//! a document is written (as vale-ls and harper-ls do for prose).
//!
//! Transport and the initialize handshake are `lsp-server`'s (rust-analyzer's, synchronous, no
//! async runtime); the few message shapes the server uses (diagnostics, hover, code actions)
//! are written as JSON here rather than through `lsp-types`, whose shapes change between
//! releases more often than the protocol does. Rules and configuration are the CLI's: the
//! `claimlint.toml` found from the document's folder upward (re-read when it changes), its
//! `[[overrides]]`, the built-in rules. Documents are checked on a worker thread, so requests
//! are answered while a check runs; changes that arrive while it runs are checked once, after
//! the last (a burst of keystrokes is one check).
//!
//! Positions are in UTF-16 code units, as LSP requires, unless the client offers UTF-8
//! (`general.positionEncodings`), which the server then takes.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use claimlint::audit::ledger::Ledger;
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
    let checked: Arc<Mutex<HashMap<String, Open>>> = Arc::default();
    let (jobs, queue) = std::sync::mpsc::channel::<(String, Option<String>)>();
    let mut checker = Checker {
        encoding,
        engines: HashMap::new(),
        ledgers: HashMap::new(),
        checked: Arc::clone(&checked),
        sender: connection.sender.clone(),
    };
    let worker = std::thread::spawn(move || checker.work(&queue));
    let server = Server {
        encoding,
        checked,
        jobs,
    };
    server.serve(&connection)?;
    drop(server);
    drop(connection);
    worker
        .join()
        .map_err(|_| "the checking thread stopped".to_owned())?;
    threads.join().map_err(|e| e.to_string())
}

/// A checked document: the text the check read and what it found in it.
struct Open {
    text: String,
    lines: Vec<usize>,
    claims: Vec<Claim>,
    diagnostics: Vec<Diagnostic>,
    /// Each claim's row in the ledger the config names, as a reviewer reads it.
    ledger: HashMap<String, String>,
    /// The text of each note, by label.
    notes: HashMap<String, String>,
    /// Each note marker's place and its note's, in the checked text.
    markers: Vec<(claimlint::span::Span, Option<claimlint::span::Span>)>,
    /// Why the document could not be checked, if it could not.
    failure: Option<String>,
}

/// The main thread: reads the client's messages, hands changed texts to the checker, answers
/// requests from the last check.
struct Server {
    encoding: Encoding,
    checked: Arc<Mutex<HashMap<String, Open>>>,
    /// A document's new text (`None`: closed), for the checker.
    jobs: std::sync::mpsc::Sender<(String, Option<String>)>,
}

/// The worker thread: checks documents and publishes their findings.
struct Checker {
    encoding: Encoding,
    /// An engine per config (`None`: no config), with the config's modification time.
    engines: HashMap<Option<PathBuf>, (Engine, Option<SystemTime>)>,
    /// The ledgers configs name, with their modification time: read again only when saved.
    ledgers: HashMap<PathBuf, (Ledger, Option<SystemTime>)>,
    checked: Arc<Mutex<HashMap<String, Open>>>,
    sender: crossbeam_channel::Sender<Message>,
}

impl Server {
    fn serve(&self, connection: &Connection) -> Result<(), String> {
        for message in &connection.receiver {
            match message {
                Message::Request(request) => {
                    if connection.handle_shutdown(&request).map_err(|e| e.to_string())? {
                        return Ok(());
                    }
                    let response = self.respond(&request);
                    send(connection, Message::Response(response));
                }
                Message::Notification(notification) => self.notified(&notification),
                Message::Response(_) => {}
            }
        }
        Ok(())
    }

    fn notified(&self, notification: &Notification) {
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
                let _ = self.jobs.send((uri, None));
                return;
            }
            _ => return,
        };
        if let Some(text) = text {
            // The checker is gone only when the server is stopping.
            let _ = self.jobs.send((uri, Some(text.to_owned())));
        }
    }
}

impl Checker {
    /// Checks what arrives until the server stops; the texts waiting when a check ends are
    /// taken together, the last of each document only.
    fn work(&mut self, queue: &std::sync::mpsc::Receiver<(String, Option<String>)>) {
        while let Ok(first) = queue.recv() {
            let mut waiting: Vec<(String, Option<String>)> = vec![first];
            while let Ok(next) = queue.try_recv() {
                match waiting.iter_mut().find(|(uri, _)| *uri == next.0) {
                    Some(slot) => *slot = next,
                    None => waiting.push(next),
                }
            }
            for (uri, text) in waiting {
                let diagnostics = if let Some(text) = text {
                    let open = self.check(&uri, text);
                    let diagnostics = lsp_diagnostics(self.encoding, &open);
                    lock(&self.checked).insert(uri.clone(), open);
                    diagnostics
                } else {
                    lock(&self.checked).remove(&uri);
                    Vec::new()
                };
                let _ = self.sender.send(Message::Notification(Notification::new(
                    "textDocument/publishDiagnostics".to_owned(),
                    json!({ "uri": uri, "diagnostics": diagnostics }),
                )));
            }
        }
    }

    fn check(&mut self, uri: &str, text: String) -> Open {
        let path = uri_path(uri);
        let mut open = Open {
            lines: line_starts(&text),
            text,
            claims: Vec::new(),
            diagnostics: Vec::new(),
            ledger: HashMap::new(),
            notes: HashMap::new(),
            markers: Vec::new(),
            failure: None,
        };
        let engine = match engine_for(&mut self.engines, &path) {
            Ok(engine) => engine,
            Err(error) => {
                open.failure = Some(error);
                return open;
            }
        };
        match ingest::parse(open.text.as_bytes(), &path, &engine.options) {
            Ok(document) => {
                open.ledger = ledger_rows(engine, &mut self.ledgers, &path);
                open.notes = document
                    .footnote_defs
                    .iter()
                    .map(|d| {
                        let text = claimlint::normalise::collapse_whitespace(document.slice(d.span));
                        (d.label.clone(), text)
                    })
                    .collect();
                let notes: HashMap<&str, claimlint::span::Span> = document
                    .footnote_defs
                    .iter()
                    .map(|d| (d.key(), d.original))
                    .collect();
                open.markers = document
                    .footnote_refs
                    .iter()
                    .map(|r| (r.original, notes.get(r.key()).copied()))
                    .collect();
                let analysis = engine.analyse_document(document);
                let mut diagnostics = analysis.diagnostics;
                claimlint::check::collapse(&mut diagnostics);
                open.claims = analysis.claims;
                open.diagnostics = diagnostics;
            }
            Err(error) => open.failure = Some(error.to_string()),
        }
        open
    }
}

fn lock(checked: &Mutex<HashMap<String, Open>>) -> std::sync::MutexGuard<'_, HashMap<String, Open>> {
    checked.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The findings of a checked document as LSP diagnostics.
fn lsp_diagnostics(encoding: Encoding, open: &Open) -> Vec<Value> {
    {
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
                    "range": range_of(encoding, open, d.start, d.end),
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
}

impl Server {
    fn respond(&self, request: &Request) -> Response {
        let uri = request
            .params
            .pointer("/textDocument/uri")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let checked = lock(&self.checked);
        let Some(open) = checked.get(uri) else {
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
        }
        for label in &claim.footnotes {
            match open.notes.get(label) {
                Some(text) => lines.push(format!("note {label}: {text}")),
                None => lines.push(format!("note {label}: (no definition)")),
            }
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
        let found = open
            .markers
            .iter()
            .find(|(marker, _)| marker.start <= at && at <= marker.end)
            .and_then(|(_, note)| *note);
        match found {
            Some(note) => json!({ "uri": uri, "range": self.range(open, note.start, note.end) }),
            None => Value::Null,
        }
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

    fn position(&self, open: &Open, offset: usize) -> Value {
        position_of(self.encoding, open, offset)
    }

    fn range(&self, open: &Open, start: usize, end: usize) -> Value {
        range_of(self.encoding, open, start, end)
    }
}

/// The LSP position of a byte offset of a checked text.
fn position_of(encoding: Encoding, open: &Open, offset: usize) -> Value {
    let offset = claimlint::span::floor_char_boundary(&open.text, offset.min(open.text.len()));
    let line = open.lines.partition_point(|&s| s <= offset) - 1;
    let before = &open.text[open.lines[line]..offset];
    let character: usize = match encoding {
        Encoding::Utf16 => before.chars().map(char::len_utf16).sum(),
        Encoding::Utf8 => before.len(),
    };
    json!({ "line": line, "character": character })
}

fn range_of(encoding: Encoding, open: &Open, start: usize, end: usize) -> Value {
    json!({ "start": position_of(encoding, open, start), "end": position_of(encoding, open, end.max(start)) })
}

/// The rows of the ledger the config names (`ledger = "claims.csv"`) for the document at
/// `path` (as the ledger names it: relative to the config's folder, or as given), by claim id:
/// status, reviewer, date and note.
fn ledger_rows(
    engine: &Engine,
    ledgers: &mut HashMap<PathBuf, (Ledger, Option<SystemTime>)>,
    path: &Path,
) -> HashMap<String, String> {
    let Some(config) = &engine.config else {
        return HashMap::new();
    };
    let Some(ledger_path) = config.ledger_path() else {
        return HashMap::new();
    };
    let modified = std::fs::metadata(&ledger_path).and_then(|m| m.modified()).ok();
    if ledgers
        .get(&ledger_path)
        .is_none_or(|(_, seen)| *seen != modified)
    {
        let Ok(ledger) = Ledger::read(&ledger_path, true) else {
            return HashMap::new();
        };
        ledgers.insert(ledger_path.clone(), (ledger, modified));
    }
    let ledger = &ledgers[&ledger_path].0;
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
