#![no_main]
//! The PDF reader and everything after it, on arbitrary bytes.

use libfuzzer_sys::fuzz_target;

#[path = "pipeline.rs"]
mod pipeline;

fuzz_target!(|data: &[u8]| pipeline::run(data, claimlint::ingest::FormatChoice::Pdf, "fuzz.pdf"));
