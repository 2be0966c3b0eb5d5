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
