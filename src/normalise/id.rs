//! Stable claim ids.
//!
//! An id is a hash of the claim's sentence with every claim mention in it masked (figure,
//! scale, unit and qualifier alike) and footnote markers dropped, plus the claim's position
//! among the sentence's claims. Moving other text, editing the figure, or changing "over" to
//! "about" keeps the id. Two sentences that read the same once masked are told apart by their
//! order in the document. A table cell's sentence is read with its row and column headers.
//! The path is not part of it: ledgers key rows by (document, id).

use std::collections::HashMap;

use crate::document::Document;
use crate::extract::Mention;
use crate::span::Span;

/// The id of each mention, in order.
#[must_use]
pub fn claim_ids(document: &Document, mentions: &[Mention]) -> Vec<String> {
    Ids::default().next(document, mentions)
}

/// The hash of each sentence of `mentions` (whole sentences, in order) with its mentions
/// masked, and how many mentions it holds: what an id is made of before the sentence's
/// occurrences are counted. Independent of every other stretch, so stretches may be hashed in
/// parallel and numbered in order afterwards (`Ids::number`).
#[must_use]
pub fn sentence_hashes(document: &Document, mentions: &[Mention]) -> Vec<(u64, usize)> {
    mentions
        .chunk_by(|a, b| a.sentence == b.sentence)
        .map(|run| {
            let sentence = run[0].sentence;
            let masked = masked_sentence(document, document.sentences[sentence].span, run);
            (fnv1a(cell_hash(document, sentence), masked.as_bytes()), run.len())
        })
        .collect()
}

/// Ids given a stretch of mentions at a time: how often each masked sentence has been seen so
/// far is all that one stretch passes to the next.
#[derive(Debug, Default)]
pub struct Ids {
    occurrences: HashMap<u64, u32>,
}

impl Ids {
    /// The ids of `mentions` (whole sentences, after those of earlier calls), in order.
    pub fn next(&mut self, document: &Document, mentions: &[Mention]) -> Vec<String> {
        self.number(&sentence_hashes(document, mentions))
    }

    /// The ids of the mentions of sentences hashed by `sentence_hashes`, after those of earlier
    /// calls, in order: two sentences that read the same once masked are told apart by their
    /// order in the document.
    pub fn number(&mut self, sentences: &[(u64, usize)]) -> Vec<String> {
        let mut ids = Vec::with_capacity(sentences.iter().map(|(_, n)| n).sum());
        for &(sentence_hash, mentions) in sentences {
            let occurrence = self.occurrences.entry(sentence_hash).or_insert(0);
            for position in 0..mentions as u32 {
                let mut hash = fnv1a(sentence_hash, &occurrence.to_le_bytes());
                hash = fnv1a(hash, &position.to_le_bytes());
                ids.push(crate::claim::letter_first(&format!(
                    "{:08x}",
                    (hash ^ (hash >> 32)) as u32
                )));
            }
            *occurrence += 1;
        }
        ids
    }
}

/// The hash a table cell's sentence starts from: its row and column headers, so that cells
/// reading alike ("45") are told apart by what they are, not by their order, and keep their
/// ids when rows are added above them. Outside tables, the plain offset basis.
fn cell_hash(document: &Document, sentence: usize) -> u64 {
    let Some(cell) = document.cell_of_block(document.sentences[sentence].block) else {
        return FNV_OFFSET;
    };
    let mut hash = FNV_OFFSET;
    for header in cell.row_headers.iter().chain(cell.column_headers.iter()) {
        // Word by word: the same hash as of the text with its whitespace folded.
        for (index, word) in document
            .slice(document.table_cells[header].span)
            .split_whitespace()
            .enumerate()
        {
            if index > 0 {
                hash = fnv1a(hash, b" ");
            }
            hash = fnv1a(hash, word.as_bytes());
        }
        hash = fnv1a(hash, &[2]);
    }
    hash
}

/// The sentence with mentions replaced by one mask character each (a qualifier and its figure
/// make one mask), markers dropped and whitespace folded.
fn masked_sentence(document: &Document, sentence: Span, mentions: &[Mention]) -> String {
    let mut masks: Vec<Span> = mentions
        .iter()
        .map(|m| m.qualifier_span.map_or(m.span, |q| q.cover(m.span)))
        .collect();
    let first_marker = document
        .footnote_refs
        .partition_point(|r| r.span.end <= sentence.start);
    let markers: Vec<Span> = document.footnote_refs[first_marker..]
        .iter()
        .take_while(|r| r.span.start < sentence.end)
        .map(|r| r.span)
        .collect();
    masks.sort_unstable();
    let text = &document.text;
    let mut out = String::with_capacity(sentence.len());
    let mut at = sentence.start;
    let mut mask_index = 0;
    let mut marker_index = 0;
    while at < sentence.end {
        if let Some(mask) = masks.get(mask_index).filter(|m| m.start <= at) {
            let mut end = mask.end;
            mask_index += 1;
            // Masks separated by whitespace only ("over" + "800,000") are one mask.
            while let Some(next) = masks.get(mask_index) {
                if text[end.min(next.start)..next.start].trim().is_empty() {
                    end = end.max(next.end);
                    mask_index += 1;
                } else {
                    break;
                }
            }
            out.push('\u{1}');
            at = end.max(at + 1);
            continue;
        }
        while markers
            .get(marker_index)
            .is_some_and(|m| m.start < at || m.is_empty())
        {
            marker_index += 1;
        }
        if let Some(marker) = markers.get(marker_index).filter(|m| m.start == at) {
            at = marker.end;
            continue;
        }
        let c = text[at..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
        at += c.len_utf8();
    }
    out.trim().to_owned()
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// A 64-bit hash that never changes between versions (for fingerprints and ids).
#[must_use]
pub fn stable_hash(bytes: &[u8]) -> u64 {
    fnv1a(FNV_OFFSET, bytes)
}

/// FNV-1a: tiny, fixed forever (ids must not change with a hashing crate's version).
fn fnv1a(mut hash: u64, bytes: &[u8]) -> u64 {
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(FNV_PRIME);
    }
    hash
}
