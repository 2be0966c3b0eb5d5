//! Checking throughput (MB/s) on real prose: the shared corpus paper repeated to about 10 MB,
//! through ingest, extract, normalise and every built-in rule, on one core.

use std::hint::black_box;
use std::path::Path;

use claimlint::ingest::{IngestOptions, parse};
use claimlint::pipeline::Engine;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const PAPER: &str = "../shared/corpus/iot-china-policy-paper.txt";
const TARGET_BYTES: usize = 10 * 1024 * 1024;

fn check_paper(c: &mut Criterion) {
    let Ok(paper) = std::fs::read_to_string(PAPER) else {
        eprintln!("skipped: {PAPER} is not there (../shared sits beside the repository in CI)");
        return;
    };
    let mut text = String::with_capacity(TARGET_BYTES + paper.len());
    while text.len() < TARGET_BYTES {
        text.push_str(&paper);
        text.push_str("\n\n");
    }
    let engine = Engine::builtin().expect("rules load");
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("iot-paper-10MB", |b| {
        b.iter(|| {
            let document =
                parse(text.as_bytes(), Path::new("paper.txt"), &IngestOptions::default()).expect("parses");
            black_box(engine.analyse_document(document).diagnostics.len())
        });
    });
    group.finish();
}

criterion_group!(benches, check_paper);
criterion_main!(benches);
