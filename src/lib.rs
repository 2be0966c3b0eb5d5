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
    let mentions = extract::extract(document);
    normalise::normalise(document, &mentions, settings)
}

/// Mentions extracted before they are normalised and handed on, in `claims_in_stretches`.
const STRETCH_MENTIONS: usize = 1024;

/// Extracts and normalises the claims of a document a stretch of sentences at a time (about
/// 1,024 claims), handing each stretch to `each` in source order: the same claims as `claims`,
/// with memory bounded by the stretch rather than by the document's number of figures. Stops
/// at the first error `each` returns.
pub fn claims_in_stretches<E>(
    document: &Document,
    settings: &normalise::Settings,
    mut each: impl FnMut(Vec<Claim>) -> Result<(), E>,
) -> Result<(), E> {
    let mut extractor = extract::Extractor::new(document);
    let mut normaliser = normalise::Normaliser::new(document, settings);
    let mut mentions = Vec::new();
    for sentence in 0..document.sentences.len() {
        extractor.sentences(sentence..sentence + 1, &mut mentions);
        if mentions.len() >= STRETCH_MENTIONS {
            each(normaliser.claims(&mentions))?;
            mentions.clear();
        }
    }
    if !mentions.is_empty() {
        each(normaliser.claims(&mentions))?;
    }
    Ok(())
}
