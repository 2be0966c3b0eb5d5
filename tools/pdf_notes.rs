//! The note markers and definitions claimlint's PDF reader finds, per page, to compare with
//! the counts a reader made by eye (`../shared/corpus/pdf/README.md`). Not run in CI:
//!
//!     cargo run --release --example pdf-notes -- ../shared/corpus/pdf/*.pdf
//!     cargo run --release --example pdf-notes -- --text FILE.pdf   # the text as read, by block

#![expect(clippy::print_stdout, reason = "a command-line tool that prints its report")]

use std::collections::BTreeMap;
use std::path::Path;

use claimlint::ingest::{IngestOptions, read_path};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let text = args.first().is_some_and(|a| a == "--text");
    if text {
        args.remove(0);
    }
    for path in args {
        let started = std::time::Instant::now();
        let document = match read_path(Path::new(&path), &path, &IngestOptions::default()) {
            Ok(document) => document,
            Err(error) => {
                println!("{path}: {error}");
                continue;
            }
        };
        let seconds = started.elapsed().as_secs_f64();
        if std::env::var_os("PDF_NOTES_DEBUG").is_some() {
            for d in &document.footnote_defs {
                println!(
                    "def {} original {:?} part {:?}",
                    d.label,
                    d.original,
                    document.part_at(d.original.start).map(|p| (p.name, p.start))
                );
            }
        }
        if text {
            for block in &document.blocks {
                println!("[{:?}] {}\n", block.kind, document.slice(block.span));
            }
        }
        let page = |original: usize| document.part_at(original).map_or("?", |p| p.name);
        let mut markers: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for marker in &document.footnote_refs {
            markers
                .entry(page(marker.original.start).to_owned())
                .or_default()
                .push(marker.label.clone());
        }
        let mut definitions: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for definition in &document.footnote_defs {
            definitions
                .entry(page(definition.original.start).to_owned())
                .or_default()
                .push(definition.label.clone());
        }
        println!(
            "{path}: {} markers, {} definitions, {} pages in {seconds:.3} s",
            document.footnote_refs.len(),
            document.footnote_defs.len(),
            document.parts.len()
        );
        let mut pages: Vec<&String> = markers.keys().chain(definitions.keys()).collect();
        pages.sort_by_key(|p| p.trim_start_matches("page ").parse::<usize>().unwrap_or(0));
        pages.dedup();
        for name in pages {
            println!(
                "  {name}: markers {:?} definitions {:?}",
                markers.get(name).cloned().unwrap_or_default(),
                definitions.get(name).cloned().unwrap_or_default()
            );
        }
    }
}
