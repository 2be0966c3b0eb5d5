//! The lexicon: the word lists every stage consults — currency codes and names, unit words and
//! symbols, number and scale words, label words, and the cue words of sentence structure. A
//! leaf: it depends on nothing else in the crate, so ingest, extract, normalise and check can
//! all read it without reaching into one another.

pub mod cues;
pub mod finder;
pub mod labels;
pub mod number_words;
pub mod places;
pub mod units;
#[rustfmt::skip]
pub mod unit_table;
