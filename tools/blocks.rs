//! The text a reader made of each document named, block by block (kind, first line in the
//! file, text): what claimlint read and what it left out, for judging a reader on real pages.
//! Not run in CI:
//!
//!     cargo run --release --example blocks -- FILE...

#![expect(clippy::print_stdout, reason = "a command-line tool that prints what it read")]

use std::path::PathBuf;

use claimlint::pipeline::{Engine, Input};

fn main() {
    let engine = Engine::builtin().expect("the built-in rules load");
    for path in std::env::args().skip(1) {
        let input = Input {
            path: PathBuf::from(&path),
            name: path.clone(),
        };
        let document = match engine.read(&input) {
            Ok(document) => document,
            Err(error) => {
                println!("{path}: {error}");
                continue;
            }
        };
        println!(
            "== {path}: {} bytes of text, {} blocks",
            document.text.len(),
            document.blocks.len()
        );
        for block in &document.blocks {
            let line = document.source_map.original_span(block.span);
            let line = document.source_map.line_of_original(line.start);
            let text: String = document
                .slice(block.span)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            println!(
                "{line:>6} {:<14} {text}",
                format!("{:?}", block.kind).split([' ', '{']).next().unwrap_or("")
            );
        }
    }
}
