#![no_main]
//! The extractor and normaliser alone, on arbitrary UTF-8 prose: one line per input, no reader
//! in front, so the mutator spends its time on figures, qualifiers and units.

use libfuzzer_sys::fuzz_target;

use std::path::Path;

use claimlint::ingest::{FormatChoice, IngestOptions, parse};

fuzz_target!(|text: &str| {
    let options = IngestOptions {
        format: FormatChoice::Text,
        document_date: None,
        ..IngestOptions::default()
    };
    if let Ok(document) = parse(text.as_bytes(), Path::new("fuzz.txt"), &options) {
        for mention in claimlint::extract::extract(&document) {
            let span = mention.span;
            assert!(span.start <= span.end && span.end <= document.text.len());
            assert!(document.text.is_char_boundary(span.start) && document.text.is_char_boundary(span.end));
        }
        static ENGINE: std::sync::OnceLock<claimlint::pipeline::Engine> = std::sync::OnceLock::new();
        let engine = ENGINE.get_or_init(|| claimlint::pipeline::Engine::builtin().expect("built-in rules load"));
        let _ = engine.claims(&document);
    }
});
