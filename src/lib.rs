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

/// Stretches per thread read ahead of the one handed on: enough that a slow stretch does not
/// hold the threads up, few enough that the claims in flight stay bounded.
const STRETCHES_PER_THREAD: usize = 8;

/// Digits in one stretch at most (a sentence is never split): figure-dense text makes shorter
/// stretches, so that the claims in flight stay few whatever the text.
const STRETCH_DIGITS: usize = 2048;

/// Extracts and normalises the claims of a document a stretch of sentences at a time (about
/// 64 KiB of text, fewer sentences where figures are dense), handing each stretch to `each` in
/// source order: the same claims, and the same ids, whatever the stretches and the number of
/// threads. In a document of 4 MiB or more, stretches are read in parallel when the pool has
/// two threads or more, each thread taking the next stretch as soon as it is done and at most
/// a few stretches ahead of the caller (`in_order_on_threads`), so that one big document uses
/// every core while memory stays bounded by the stretches in flight rather than by its number
/// of figures. Stops at the first error `each` returns.
pub fn claims_in_stretches<E>(
    document: &Document,
    settings: &normalise::Settings,
    mut each: impl FnMut(Vec<Claim>) -> Result<(), E>,
) -> Result<(), E> {
    let (shared, stretches) = if document.text.len() >= PARALLEL_MIN_BYTES {
        rayon::join(
            || normalise::Shared::new(document, settings),
            || stretches(document),
        )
    } else {
        (normalise::Shared::new(document, settings), stretches(document))
    };
    // The ids: sentence hashes made in each stretch, numbered here in document order.
    let mut ids = normalise::id::Ids::default();
    let mut hand_on = |(mut found, hashes): ReadStretch| -> Result<(), E> {
        if found.is_empty() {
            return Ok(());
        }
        for (claim, id) in found.iter_mut().zip(ids.number(&hashes)) {
            claim.id = id;
        }
        each(found)
    };
    // A small document is read on this thread: threads would cost more than they save, and
    // hold stretches in flight that a small input cannot pay for.
    if document.text.len() < PARALLEL_MIN_BYTES || rayon::current_num_threads() < 2 {
        // One extractor and one normaliser throughout: table headers are read once.
        let mut extractor = extract::Extractor::with_mark(document, shared.mark()).keeping_tokens();
        let mut normaliser = shared.normaliser();
        let mut mentions = Vec::new();
        for range in stretches {
            mentions.clear();
            extractor.sentences(range, &mut mentions);
            hand_on(normaliser.unnumbered_with(&mentions, extractor.kept()))?;
        }
        return Ok(());
    }
    let read_one = |range: std::ops::Range<usize>| {
        let mut mentions = Vec::new();
        let mut extractor = extract::Extractor::with_mark(document, shared.mark()).keeping_tokens();
        extractor.sentences(range, &mut mentions);
        shared.normaliser().unnumbered_with(&mentions, extractor.kept())
    };
    in_order_on_threads(&stretches, read_one, hand_on)
}

/// `read` of every stretch on the pool's threads, each result handed to `hand_on` on this
/// thread in stretch order. Threads take the next stretch as soon as they are done (no batch
/// waits for its slowest stretch), but at most `STRETCHES_PER_THREAD` per thread are read ahead
/// of the one handed on, so memory stays bounded. A thread's panic is raised here.
fn in_order_on_threads<T: Send, E>(
    stretches: &[std::ops::Range<usize>],
    read: impl Fn(std::ops::Range<usize>) -> T + Sync,
    mut hand_on: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let threads = rayon::current_num_threads().max(1);
    let ahead = threads * STRETCHES_PER_THREAD;
    // A token per stretch that may be read ahead: taken before a stretch, given back when it is
    // handed on.
    let (give_token, take_token) = crossbeam_channel::bounded::<()>(ahead);
    for _ in 0..ahead {
        let _ = give_token.send(());
    }
    let (senders, receivers): (Vec<_>, Vec<_>) = stretches
        .iter()
        .map(|_| crossbeam_channel::bounded::<std::thread::Result<T>>(1))
        .unzip();
    let next = AtomicUsize::new(0);
    // Set when `hand_on` failed or a thread panicked: no more stretches are taken.
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                while take_token.recv().is_ok() && !stop.load(Ordering::Relaxed) {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let (Some(range), Some(sender)) = (stretches.get(index), senders.get(index)) else {
                        break;
                    };
                    let outcome =
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read(range.clone())));
                    let panicked = outcome.is_err();
                    let _ = sender.send(outcome);
                    if panicked {
                        stop.store(true, Ordering::Relaxed);
                        break;
                    }
                }
            });
        }
        let result = (|| {
            for receiver in &receivers {
                // Every stretch before this one was taken, so this one is taken and sent.
                match receiver.recv() {
                    Ok(Ok(done)) => hand_on(done)?,
                    Ok(Err(panic)) => std::panic::resume_unwind(panic),
                    Err(_) => unreachable!("a stretch's sender lives as long as the threads"),
                }
                let _ = give_token.send(());
            }
            Ok(())
        })();
        // Threads waiting for a token stop: none is given any more.
        stop.store(true, Ordering::Relaxed);
        drop(give_token);
        result
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

#[cfg(test)]
mod tests {
    use super::*;

    fn on_threads<T: Send>(threads: usize, work: impl FnOnce() -> T + Send) -> T {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a pool")
            .install(work)
    }

    /// Stretches of uneven cost, so that threads finish them out of order.
    fn stretches() -> Vec<std::ops::Range<usize>> {
        (0..200).map(|i| i * 10..i * 10 + (i * 7919) % 13).collect()
    }

    fn slow_len(range: std::ops::Range<usize>) -> usize {
        std::thread::sleep(std::time::Duration::from_micros((range.len() * 50) as u64));
        range.start
    }

    #[test]
    fn stretches_read_on_threads_are_handed_on_in_order() {
        let stretches = stretches();
        for threads in [2, 3, 8] {
            let mut seen = Vec::new();
            let done: Result<(), ()> = on_threads(threads, || {
                in_order_on_threads(&stretches, slow_len, |start| {
                    seen.push(start);
                    Ok(())
                })
            });
            assert_eq!(done, Ok(()));
            assert_eq!(
                seen,
                stretches.iter().map(|r| r.start).collect::<Vec<_>>(),
                "{threads}"
            );
        }
    }

    #[test]
    fn a_failed_hand_on_stops_the_threads_and_is_returned() {
        let stretches = stretches();
        let read = std::sync::atomic::AtomicUsize::new(0);
        let done = on_threads(2, || {
            in_order_on_threads(
                &stretches,
                |range| {
                    read.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    slow_len(range)
                },
                |start| if start == 100 { Err("full disk") } else { Ok(()) },
            )
        });
        assert_eq!(done, Err("full disk"));
        // The eleventh stretch failed: at most the stretches read ahead were read past it.
        let read = read.into_inner();
        assert!(read <= 11 + 2 * STRETCHES_PER_THREAD, "{read} stretches read");
    }

    #[test]
    fn a_threads_panic_reaches_the_caller() {
        let stretches = stretches();
        let outcome = std::panic::catch_unwind(|| {
            on_threads(2, || {
                in_order_on_threads(
                    &stretches,
                    |range| {
                        assert!(range.start != 500, "a bug in stretch 50");
                        range.start
                    },
                    |_| Ok::<(), ()>(()),
                )
            })
        });
        let panic = outcome.expect_err("the panic is raised");
        let message = panic
            .downcast_ref::<&str>()
            .map(|m| (*m).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        assert!(message.contains("a bug in stretch 50"), "{message}");
    }
}
