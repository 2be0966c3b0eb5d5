//! Checks on the shared corpus paper, when `../shared` is beside the repository (it is in CI).
//! The paper is read from there, never copied into the project.

use std::path::Path;

use claimlint::ingest::{IngestOptions, read_path};
use claimlint::normalise::Settings;

const PAPER: &str = "../shared/corpus/iot-china-policy-paper.txt";

fn paper() -> Option<claimlint::Document> {
    if !Path::new(PAPER).exists() {
        eprintln!("skipped: {PAPER} is not there");
        return None;
    }
    Some(read_path(Path::new(PAPER), "iot.txt", &IngestOptions::default()).expect("the paper reads"))
}

#[test]
fn all_forty_markers_are_found_in_order() {
    let Some(document) = paper() else { return };
    let labels: Vec<String> = document.footnote_refs.iter().map(|r| r.label.clone()).collect();
    let expected: Vec<String> = (1..=40).map(|n| n.to_string()).collect();
    assert_eq!(labels, expected);
}
