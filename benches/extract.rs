//! Extraction throughput (MB/s) on real prose: the shared corpus paper repeated to about 10 MB,
//! and the project's own fixtures. Ingest, extract and normalise, on one core.

use std::hint::black_box;
use std::path::Path;

use claimlint::ingest::{IngestOptions, parse};
use claimlint::pipeline::Engine;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const PAPER: &str = "../shared/corpus/iot-china-policy-paper.txt";
const TARGET_BYTES: usize = 10 * 1024 * 1024;

fn repeated(text: &str) -> String {
    let mut out = String::with_capacity(TARGET_BYTES + text.len());
    while out.len() < TARGET_BYTES {
        out.push_str(text);
        out.push_str("\n\n");
    }
    out
}

fn pipeline(bytes: &[u8], name: &str) -> usize {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    let engine = ENGINE.get_or_init(|| Engine::builtin().expect("built-in rules load"));
    let document = parse(bytes, Path::new(name), &IngestOptions::default()).expect("parses");
    engine.claims(&document).len()
}

fn corpus_paper(c: &mut Criterion) {
    let Ok(paper) = std::fs::read_to_string(PAPER) else {
        eprintln!("skipped: {PAPER} is not there (../shared sits beside the repository in CI)");
        return;
    };
    let text = repeated(&paper);
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("iot-paper-10MB", |b| {
        b.iter(|| black_box(pipeline(text.as_bytes(), "paper.txt")));
    });
    // The floor: one pass that validates the UTF-8 and finds every run of digits, over the
    // same bytes (what `grep -oE '[0-9]+'` does, without its output).
    group.bench_function("iot-paper-10MB-digit-runs", |b| {
        b.iter(|| black_box(digit_runs(text.as_bytes())));
    });
    group.finish();
    print_ratio_to_floor(&text);
}

/// The runs of ASCII digits in valid UTF-8 (0 if it is not valid).
fn digit_runs(bytes: &[u8]) -> usize {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return 0;
    };
    let bytes = text.as_bytes();
    let mut runs = 0;
    let mut at = 0;
    while let Some(start) = claimlint::extract::number::next_digit(bytes, at) {
        runs += 1;
        at = start + bytes[start..].iter().take_while(|b| b.is_ascii_digit()).count();
    }
    runs
}

/// The pipeline's time over the floor's on the same bytes, best of five each, measured side by
/// side in this run: the ratio issue 20 tracks (criterion's figures above give each alone).
fn print_ratio_to_floor(text: &str) {
    let best = |run: &dyn Fn() -> usize| {
        (0..5)
            .map(|_| {
                let started = std::time::Instant::now();
                black_box(run());
                started.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min)
    };
    let pipeline_seconds = best(&|| pipeline(text.as_bytes(), "paper.txt"));
    let floor_seconds = best(&|| digit_runs(text.as_bytes()));
    eprintln!(
        "extract/iot-paper-10MB: {:.3} s, digit-run floor {:.4} s: {:.0}× the floor",
        pipeline_seconds,
        floor_seconds,
        pipeline_seconds / floor_seconds
    );
}

fn fixtures(c: &mut Criterion) {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/extract");
    let mut text = String::new();
    let mut entries: Vec<_> = std::fs::read_dir(folder)
        .expect("fixtures")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        text.push_str(&std::fs::read_to_string(path).expect("fixture"));
        text.push_str("\n\n");
    }
    let text = repeated(&text);
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("fixtures-10MB", |b| {
        b.iter(|| black_box(pipeline(text.as_bytes(), "fixtures.txt")));
    });
    group.finish();
}

fn html_page(c: &mut Criterion) {
    const PAGE: &str = "../shared/corpus/html/wikipedia-mozilla.html";
    let Ok(page) = std::fs::read_to_string(PAGE) else {
        eprintln!("skipped: {PAGE} is not there");
        return;
    };
    let text = repeated(&page);
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("wikipedia-html-10MB", |b| {
        b.iter(|| black_box(pipeline(text.as_bytes(), "page.html")));
    });
    group.finish();
}

/// Every document of one format in a corpus folder, read as it is (XML and DOCX cannot be
/// repeated into one document): throughput over the files' bytes (for DOCX, compressed bytes).
fn corpus_folder(c: &mut Criterion, id: &str, folder: &str, extensions: &[&str]) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        eprintln!("skipped: {folder} is not there");
        return;
    };
    let mut files: Vec<(String, Vec<u8>)> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.contains(&e))
        })
        .map(|p| (p.display().to_string(), std::fs::read(&p).expect("corpus file")))
        .collect();
    files.sort();
    let total: usize = files.iter().map(|(_, bytes)| bytes.len()).sum();
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function(id, |b| {
        b.iter(|| {
            files
                .iter()
                .map(|(name, bytes)| black_box(pipeline(bytes, name)))
                .sum::<usize>()
        });
    });
    group.finish();
}

fn formats(c: &mut Criterion) {
    corpus_folder(c, "markdown-corpus", "../shared/corpus/markdown", &["md"]);
    corpus_folder(c, "html-corpus", "../shared/corpus/html", &["html"]);
    corpus_folder(c, "jats-corpus", "../shared/corpus/jats", &["xml"]);
    corpus_folder(c, "docbook-corpus", "../shared/corpus/docbook", &["xml"]);
    corpus_folder(c, "docx-corpus", "../shared/corpus/docx", &["docx"]);
}

criterion_group!(benches, corpus_paper, fixtures, html_page, formats);
criterion_main!(benches);
