//! Every input a fuzz target crashed on (tests/fixtures/fuzz, found by `scripts/fuzz`), run
//! through every reader and the whole pipeline: each must read or fail with an error, never panic.

mod common;

use std::path::Path;

use claimlint::ingest::{FormatChoice, IngestOptions, parse};

const FORMATS: &[FormatChoice] = &[
    FormatChoice::Auto,
    FormatChoice::Text,
    FormatChoice::Markdown,
    FormatChoice::Html,
    FormatChoice::Jats,
    FormatChoice::DocBook,
    FormatChoice::Docx,
];

#[test]
fn saved_crashes_read_or_fail_cleanly_in_every_format() {
    let mut inputs: Vec<_> = std::fs::read_dir(common::fixture("fuzz"))
        .expect("fuzz fixtures")
        .map(|entry| entry.expect("entry").path())
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty());
    for path in inputs {
        let bytes = std::fs::read(&path).expect("read");
        let name = path.file_name().and_then(|n| n.to_str()).expect("name");
        for &format in FORMATS {
            let options = IngestOptions {
                format,
                document_date: None,
                ..IngestOptions::default()
            };
            let Ok(document) = parse(&bytes, Path::new(name), &options) else {
                continue;
            };
            let claims = common::engine().claims(&document);
            let found = common::engine().check(&document, &claims);
            let original = document.source_map.original();
            let _ = claimlint::report::human::render_document(&found, name, original, &document.parts, false);
            for claim in &claims {
                assert!(
                    original.get(claim.start..claim.end).is_some(),
                    "{name} {format:?}: {claim:?}"
                );
            }
        }
    }
}
