//! Claims found a stretch at a time (what `extract` writes as it goes, to keep memory bounded
//! on figure-dense documents) are exactly the claims found at once: ids, table headers read
//! across stretches, footnote coverage and positions included, in every output format.

mod common;

use std::fmt::Write as _;

use claimlint::claim::Claim;
use claimlint::normalise::Settings;

/// A Markdown document of many figures: prose with notes, a table long enough that its
/// header row and its last rows fall in different stretches, and repeated sentences (whose
/// ids count their occurrences across stretches).
fn dense_document() -> String {
    let mut text = String::from("# Harbour figures\n\n");
    for index in 0..1500 {
        let _ = write!(
            text,
            "In 2021 the port moved {index} ships, about {} percent more than the 48 berths allowed.[^n{}]\n\n",
            index % 97,
            index % 5
        );
        if index % 10 == 0 {
            text.push_str("The same 12 cranes worked 3 shifts.\n\n");
        }
    }
    text.push_str("| Quay | Ships (thousands) | 2020 |\n| --- | --- | --- |\n");
    for row in 0..2500 {
        let _ = writeln!(text, "| Quay {row} | {} | {} |", row % 41, row * 3);
    }
    text.push('\n');
    for note in 0..5 {
        let _ = writeln!(text, "[^n{note}]: Port ledger, part {note}.");
    }
    text
}

/// Every claim of `document` extracted and normalised in one piece, on this thread.
fn at_once(document: &claimlint::Document, settings: &Settings) -> Vec<Claim> {
    let mentions = claimlint::extract::extract(document);
    claimlint::normalise::normalise(document, &mentions, settings)
}

/// Runs `work` in a pool of `threads` threads: what the library does on that many cores.
fn on_threads<T: Send>(threads: usize, work: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a pool")
        .install(work)
}

#[test]
fn stretches_give_the_claims_found_at_once() {
    let document = common::parse_document(&dense_document(), "harbour.md");
    let settings = Settings::default();
    let whole = at_once(&document, &settings);
    assert!(
        whole.len() > 3 * 1024,
        "{} claims: too few to span stretches",
        whole.len()
    );
    let mut stretches: Vec<Vec<Claim>> = Vec::new();
    claimlint::claims_in_stretches(&document, &settings, |found| {
        stretches.push(found);
        Ok::<(), ()>(())
    })
    .expect("no error");
    assert!(stretches.len() > 2, "{} stretches", stretches.len());
    let joined: Vec<Claim> = stretches.into_iter().flatten().collect();
    assert_eq!(joined.len(), whole.len());
    for (one, other) in joined.iter().zip(&whole) {
        assert_eq!(one.cells(), other.cells(), "{}", one.text);
    }
    // Table cells far below their header row still read its unit and time.
    let last = whole.last().expect("claims");
    assert_eq!(last.time.as_deref(), Some("2020"), "{last:?}");
}

#[test]
fn extract_writes_the_same_claims_in_every_format() {
    let dir = common::scratch_dir("stretches", "extract");
    let path = dir.join("harbour.md");
    std::fs::write(&path, dense_document()).expect("write");
    let document = common::parse_document(&dense_document(), &path.display().to_string());
    // The claims read in one piece: `claimlint::claims` goes through the stretches itself.
    let whole = at_once(&document, &Settings::default());
    for format in ["json", "jsonl", "csv"] {
        let output = common::claimlint()
            .args(["extract", "--format", format])
            .arg(&path)
            .output()
            .expect("runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let mut expected = Vec::new();
        match format {
            "json" => claimlint::report::json::write_array(&mut expected, &whole).expect("json"),
            "jsonl" => claimlint::report::json::write_lines(&mut expected, &whole).expect("jsonl"),
            _ => {
                let mut sink: Vec<u8> = Vec::new();
                {
                    let out: &mut dyn std::io::Write = &mut sink;
                    let mut writer = csv::Writer::from_writer(out);
                    claimlint::report::csv::write_header(&mut writer).expect("header");
                    claimlint::report::csv::write_rows(&mut writer, &whole).expect("rows");
                    writer.flush().expect("flush");
                }
                expected = sink;
            }
        }
        assert!(output.stdout == expected, "{format}: the streamed output differs");
    }
}

#[test]
fn a_big_document_read_on_many_threads_gives_the_claims_found_at_once() {
    // Over the size from which stretches are read in parallel (4 MiB).
    let mut text = String::from("# Harbour log\n\n");
    let mut line = 0;
    while text.len() < 4 * 1024 * 1024 + 4096 {
        let _ = write!(
            text,
            "In {} the port moved {line} ships, about {} percent more than the 48 berths allowed. ",
            2000 + line % 25,
            line % 97
        );
        // Sentences that read alike once masked: their ids count occurrences across stretches.
        text.push_str("The same 12 cranes worked 3 shifts.\n\n");
        line += 1;
    }
    let document = common::parse_document(&text, "log.md");
    let settings = Settings::default();
    let whole = at_once(&document, &settings);
    for threads in [1, 3] {
        let mut stretches = 0;
        let mut joined: Vec<Claim> = Vec::new();
        on_threads(threads, || {
            claimlint::claims_in_stretches(&document, &settings, |mut found| {
                stretches += 1;
                joined.append(&mut found);
                Ok::<(), ()>(())
            })
        })
        .expect("no error");
        assert!(stretches > 8, "{stretches} stretches");
        assert_eq!(joined.len(), whole.len(), "{threads} threads");
        for (one, other) in joined.iter().zip(&whole) {
            assert_eq!(one.cells(), other.cells(), "{threads} threads: {}", one.text);
        }
    }
}

#[test]
fn a_big_documents_rules_give_the_same_findings_on_any_number_of_threads() {
    // Over the claims from which rules run side by side (5,000), with findings of several rules:
    // uncited figures, a range that ends before it starts, an unused note.
    let mut text = String::from("# Harbour log\n\nThe quay opened.[^a]\n\n");
    for line in 0..3000 {
        let _ = write!(
            text,
            "In {} the port moved {line} ships and 4{} containers. ",
            2000 + line % 25,
            line % 89
        );
        if line % 500 == 0 {
            text.push_str("Berths grew from between 30 and 20 percent.");
        }
        text.push_str("\n\n");
    }
    text.push_str("[^a]: Port ledger.\n[^b]: Unused note.\n");
    let document = common::parse_document(&text, "log.md");
    let engine = common::engine();
    let claims = engine.claims(&document);
    assert!(claims.len() > 5_000, "{} claims", claims.len());
    let findings = |threads: usize| {
        let diagnostics = on_threads(threads, || engine.check(&document, &claims));
        diagnostics
            .iter()
            .map(|d| format!("{} {}:{} {}", d.rule, d.line, d.column, d.message))
            .collect::<Vec<_>>()
    };
    let one = findings(1);
    let rules: std::collections::BTreeSet<&str> = one.iter().filter_map(|f| f.split(' ').next()).collect();
    assert!(rules.len() >= 2, "{rules:?}");
    assert_eq!(findings(3), one);
}

/// A folder of small documents is read in parallel batches: the output is the documents'
/// claims in path order, a broken file reported in its place and the others read, whatever
/// the number of threads — the same as one document at a time.
#[test]
fn a_folder_read_in_parallel_gives_its_documents_claims_in_order() {
    let dir = common::scratch_dir("stretches", "folder");
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).expect("dir");
    for index in 0..40 {
        let text = format!(
            "# Port {index}\n\nThe port handled {} containers in {}, up {index} percent.\n",
            1000 + index * 7,
            2000 + index
        );
        std::fs::write(docs.join(format!("port-{index:02}.md")), text).expect("write");
    }
    std::fs::write(docs.join("port-17b.txt"), b"A broken \xff file.").expect("write");
    std::fs::write(docs.join("port-18b.txt"), "").expect("write");
    let engine = claimlint::Engine::builtin().expect("rules");
    let mut failures = Vec::new();
    let inputs = engine.inputs(&[docs], None, &mut failures);
    assert_eq!(inputs.len(), 42);
    // One at a time, as `extract` read before.
    let mut expected: Vec<Claim> = Vec::new();
    for input in &inputs {
        if let Ok(document) = engine.read(input) {
            expected.extend(engine.claims(&document));
        }
    }
    assert!(expected.len() > 100);
    for threads in [1, 2, 3] {
        let (got, calls, failures) = on_threads(threads, || {
            let (mut got, mut calls, mut failures) = (Vec::new(), 0, Vec::new());
            engine
                .claims_in_order(&inputs, &mut failures, |claims| {
                    calls += 1;
                    got.extend(claims);
                    Ok::<(), claimlint::Error>(())
                })
                .expect("no error");
            (got, calls, failures)
        });
        assert_eq!(got, expected, "{threads} threads");
        assert_eq!(calls, 41, "a call per document read, the empty one included");
        assert_eq!(failures.len(), 1);
        assert!(failures[0].to_string().contains("port-17b.txt"));
    }
    // A writer that fails (a closed pipe) stops the run at once: the error comes back and no
    // worker is left waiting to hand over its document.
    for threads in [2, 3] {
        let (result, calls) = on_threads(threads, || {
            let mut calls = 0;
            let result = engine.claims_in_order(&inputs, &mut Vec::new(), |_| {
                calls += 1;
                if calls == 3 {
                    Err(claimlint::Error::Write(std::io::ErrorKind::BrokenPipe.into()))
                } else {
                    Ok(())
                }
            });
            (result, calls)
        });
        assert!(result.is_err(), "{threads} threads");
        assert_eq!(calls, 3);
    }
}

#[test]
fn extract_reads_without_the_checks_sources_and_finds_the_same_claims() {
    // Sources of every kind the checks read: an attribution, an author–year citation, a
    // source line under a table, a link.
    let text = "# Ferry traffic\n\n\
        According to the Nordhavn Port Authority, 4,200 ferries docked in 2023.\n\n\
        Crossings grew by 12 percent (Lindqvist and Okafor, 2021).\n\n\
        | Route | Crossings |\n| --- | --- |\n| North | 310 |\n\n\
        Source: Ferry Board annual tables, 2024.\n\n\
        The fleet grew to [37 vessels](https://example.org/fleet) by 2022.\n";
    let dir = common::scratch_dir("stretches", "claims-only");
    let path = dir.join("ferries.md");
    std::fs::write(&path, text).expect("write");
    let whole = common::parse_document(text, &path.display().to_string());
    assert!(whole.sources.len() >= 4, "{:?}", whole.sources);
    let options = claimlint::ingest::IngestOptions {
        claims_only: true,
        ..claimlint::ingest::IngestOptions::default()
    };
    let claims_only = claimlint::ingest::parse(text.as_bytes(), &path, &options).expect("parses");
    // Only the link, which the reader meets as it reads, is kept.
    assert_eq!(claims_only.sources.len(), 1, "{:?}", claims_only.sources);
    let expected = at_once(&whole, &Settings::default());
    assert_eq!(at_once(&claims_only, &Settings::default()), expected);
    let output = common::claimlint()
        .args(["extract", "--format", "jsonl"])
        .arg(&path)
        .output()
        .expect("runs");
    let mut lines = Vec::new();
    claimlint::report::json::write_lines(&mut lines, &expected).expect("jsonl");
    assert!(
        output.stdout == lines,
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}
