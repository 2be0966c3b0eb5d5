//! claimlint checks the figures in documents the way a compiler checks code.
//!
//! The pipeline, one module per stage, data flowing one way:
//!
//! ```text
//! ingest ──► extract ──► normalise ──► check ──► report
//! Document    Mentions     Claims       Diagnostics  csv / json / jsonl
//! ```
//!
//! `ingest` reads a file into a [`Document`]; `extract` finds the numeric [`Mention`]s in it;
//! `normalise` turns them into [`Claim`]s with exact values, intervals, modality, subject,
//! time and footnotes; `check` runs the rules over them into [`diagnostic::Diagnostic`]s;
//! `report` renders both. [`pipeline::Engine`] runs the stages with a run's rules, config,
//! limits and ledger; `audit` keeps the ledger, the diff and the baseline; `lexicon` holds the
//! word lists every stage reads.

pub mod audit;
pub mod calendar;
pub mod check;
pub mod claim;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod error;
pub mod extract;
pub mod files;
pub mod ingest;
pub mod lexicon;
pub mod normalise;
pub mod pipeline;
pub mod relate;
pub mod report;
pub mod rules;
pub mod span;

pub use claim::{Claim, Kind, Modality, Qualifier};
pub use document::Document;
pub use error::{Error, Result};
pub use extract::Mention;
pub use pipeline::Engine;

/// Extracts and normalises every claim of a document.
#[must_use]
pub fn claims(document: &Document, settings: &normalise::Settings) -> Vec<Claim> {
    let mut all = Vec::new();
    let _: std::result::Result<(), std::convert::Infallible> =
        claims_in_stretches(document, settings, |mut found| {
            all.append(&mut found);
            Ok(())
        });
    all
}

/// Bytes of text in one stretch: the unit of work handed to a thread.
const STRETCH_BYTES: usize = 64 * 1024;

/// A stretch read apart from the others: its claims, ids still empty, and the sentence hashes
/// to number them by (`normalise::id::Ids::number`, in document order).
type ReadStretch = (Vec<Claim>, Vec<(u64, usize)>);

/// Documents this large or larger are read on several threads, their stretches (and blocks, for
/// sources) shared among them; smaller ones are read whole by one thread, several side by side
/// (`pipeline::Engine::claims_in_order`).
pub const PARALLEL_MIN_BYTES: usize = 4 * 1024 * 1024;

/// Stretches read per thread in one batch: enough that a thread whose stretch went quickly
/// takes another instead of waiting for the slowest, few enough that the claims in flight stay
/// bounded.
const STRETCHES_PER_THREAD: usize = 8;

/// Digits in one stretch at most (a sentence is never split): figure-dense text makes shorter
/// stretches, so that the claims in flight stay few whatever the text.
const STRETCH_DIGITS: usize = 2048;

/// Extracts and normalises the claims of a document a stretch of sentences at a time (about
/// 64 KiB of text, fewer sentences where figures are dense), handing each stretch to `each` in
/// source order: the same claims, and the same ids, whatever the stretches and the number of
/// threads. In a document of 4 MiB or more, stretches are read in parallel, one per thread at
/// a time and a batch ahead of the caller, so that one big document uses every core while
/// memory stays bounded by the stretches in flight rather than by its number of figures. Stops
/// at the first error `each` returns.
pub fn claims_in_stretches<E>(
    document: &Document,
    settings: &normalise::Settings,
    mut each: impl FnMut(Vec<Claim>) -> Result<(), E>,
) -> Result<(), E> {
    use rayon::prelude::*;
    let (shared, stretches) = if document.text.len() >= PARALLEL_MIN_BYTES {
        rayon::join(
            || normalise::Shared::new(document, settings),
            || stretches(document),
        )
    } else {
        (normalise::Shared::new(document, settings), stretches(document))
    };
    let in_flight = rayon::current_num_threads().max(1) * STRETCHES_PER_THREAD;
    // One stretch per thread at a time; the next batch is read while this thread hands the
    // last one on (a writer need not be sendable to another thread).
    let read_one = |range: &std::ops::Range<usize>| {
        let mut mentions = Vec::new();
        extract::Extractor::with_mark(document, shared.mark()).sentences(range.clone(), &mut mentions);
        shared.normaliser().unnumbered(&mentions)
    };
    let read =
        |batch: &[std::ops::Range<usize>]| -> Vec<ReadStretch> { batch.par_iter().map(read_one).collect() };
    // The ids: sentence hashes made in each stretch, numbered here in document order.
    let mut ids = normalise::id::Ids::default();
    let mut hand_on = |done: Vec<ReadStretch>| -> Result<(), E> {
        for (mut found, hashes) in done {
            if found.is_empty() {
                continue;
            }
            for (claim, id) in found.iter_mut().zip(ids.number(&hashes)) {
                claim.id = id;
            }
            each(found)?;
        }
        Ok(())
    };
    // A small document is read on this thread: threads would cost more than they save, and
    // hold stretches in flight that a small input cannot pay for.
    if document.text.len() < PARALLEL_MIN_BYTES {
        // One extractor and one normaliser throughout: table headers are read once.
        let mut extractor = extract::Extractor::with_mark(document, shared.mark());
        let mut normaliser = shared.normaliser();
        let mut mentions = Vec::new();
        for range in stretches {
            mentions.clear();
            extractor.sentences(range, &mut mentions);
            hand_on(vec![normaliser.unnumbered(&mentions)])?;
        }
        return Ok(());
    }
    std::thread::scope(|scope| {
        // A rendezvous: at most the batch handed on and the one read next are held.
        let (sender, receiver) = std::sync::mpsc::sync_channel(0);
        scope.spawn(move || {
            for batch in stretches.chunks(in_flight) {
                // The receiver is gone when `each` failed: stop reading.
                if sender.send(read(batch)).is_err() {
                    break;
                }
            }
        });
        for done in receiver {
            hand_on(done)?;
        }
        Ok(())
    })
}

/// The document's sentences cut into runs of about `STRETCH_BYTES` of text or
/// `STRETCH_DIGITS` digits, whichever comes first.
fn stretches(document: &Document) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let (mut bytes, mut digits) = (0, 0);
    for (index, sentence) in document.sentences.iter().enumerate() {
        let text = document.slice(sentence.span);
        bytes += text.len();
        // Summed rather than filtered and counted: the compiler vectorises the sum.
        digits += text
            .bytes()
            .map(|byte| usize::from(byte.is_ascii_digit()))
            .sum::<usize>();
        if bytes >= STRETCH_BYTES || digits >= STRETCH_DIGITS {
            out.push(start..index + 1);
            start = index + 1;
            (bytes, digits) = (0, 0);
        }
    }
    if start < document.sentences.len() {
        out.push(start..document.sentences.len());
    }
    out
}
