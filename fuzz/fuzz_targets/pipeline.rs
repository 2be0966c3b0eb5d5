//! What every fuzz target runs: read, extract, normalise, check, and render the findings as a
//! person and a CI would see them. Any panic on the way is a bug.

use std::path::Path;
use std::sync::OnceLock;

use claimlint::ingest::{FormatChoice, IngestOptions, parse};
use claimlint::pipeline::Engine;

pub fn run(data: &[u8], format: FormatChoice, name: &str) {
    let options = IngestOptions {
        format,
        document_date: None,
        ..IngestOptions::default()
    };
    // Errors are fine (a clear message is the contract); panics are not.
    let Ok(document) = parse(data, Path::new(name), &options) else {
        return;
    };
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    let engine = ENGINE.get_or_init(|| Engine::builtin().expect("built-in rules load"));
    let claims = engine.claims(&document);
    let diagnostics = engine.check(&document, &claims);
    let original = document.source_map.original();
    let _ = claimlint::report::human::render_document(&diagnostics, name, original, &document.parts, false);
    let _ = claimlint::report::sarif::log(&diagnostics, &engine.rules);
}
