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
            let span = document.sentences[sentence].span;
            (
                masked_hash(cell_hash(document, sentence), document, span, run),
                run.len(),
            )
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

/// The hash, from `seed`, of the sentence with mentions replaced by one mask character each (a
/// qualifier and its figure make one mask), markers dropped and whitespace folded to single
/// spaces and trimmed. Hashed as it is read, without building the masked text: ids are the
/// same as from hashing that text.
fn masked_hash(seed: u64, document: &Document, sentence: Span, mentions: &[Mention]) -> u64 {
    let mut masks: Vec<Span> = mentions
        .iter()
        .map(|m| m.qualifier_span.map_or(m.span, |q| q.cover(m.span)))
        .collect();
    masks.sort_unstable();
    let first_marker = document
        .footnote_refs
        .partition_point(|r| r.span.end <= sentence.start);
    let markers = document.footnote_refs[first_marker..]
        .iter()
        .take_while(|r| r.span.start < sentence.end)
        .map(|r| r.span);
    let text = &document.text;
    let mut out = FoldedHash::new(seed);
    let mut at = sentence.start;
    let mut mask_index = 0;
    let mut markers = markers.peekable();
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
            out.other("\u{1}");
            at = end.max(at + 1);
            continue;
        }
        while markers.next_if(|m| m.start < at || m.is_empty()).is_some() {}
        let next_marker = markers.peek().map_or(usize::MAX, |m| m.start);
        if next_marker == at {
            at = markers.next().map_or(at, |m| m.end);
            continue;
        }
        // Plain text up to the next mask or marker, read a run of bytes at a time.
        let next_mask = masks.get(mask_index).map_or(usize::MAX, |m| m.start);
        let until = sentence.end.min(next_mask).min(next_marker).max(at + 1);
        let until = crate::span::ceil_char_boundary(text, until);
        out.text(&text[at..until]);
        at = until;
    }
    out.hash
}

/// FNV-1a over text whose whitespace runs are folded to one space and trimmed at both ends.
struct FoldedHash {
    hash: u64,
    /// Something other than whitespace was hashed.
    started: bool,
    /// Whitespace was read since: a space is owed before the next character.
    space: bool,
}

impl FoldedHash {
    fn new(seed: u64) -> Self {
        Self {
            hash: seed,
            started: false,
            space: false,
        }
    }

    /// A run of text, whitespace folded.
    fn text(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // Bytes that are neither whitespace nor part of a non-ASCII character, hashed as a run.
            let run = bytes[at..]
                .iter()
                .position(|&b| !b.is_ascii() || is_ascii_space(b))
                .map_or(bytes.len(), |n| at + n);
            if run > at {
                self.other(&text[at..run]);
                at = run;
                continue;
            }
            let c = text[at..].chars().next().unwrap_or(' ');
            if c.is_whitespace() {
                self.space = self.started;
            } else {
                self.other(&text[at..at + c.len_utf8()]);
            }
            at += c.len_utf8();
        }
    }

    /// Text without whitespace.
    fn other(&mut self, text: &str) {
        if self.space {
            self.hash = fnv1a(self.hash, b" ");
            self.space = false;
        }
        self.hash = fnv1a(self.hash, text.as_bytes());
        self.started = true;
    }
}

/// The ASCII characters `char::is_whitespace` says are whitespace (vertical tab among them).
fn is_ascii_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
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

#[cfg(test)]
mod tests {
    use super::*;

    /// What `FoldedHash` must equal: the text with whitespace runs folded and trimmed, hashed.
    fn folded(text: &str) -> u64 {
        stable_hash(text.split_whitespace().collect::<Vec<_>>().join(" ").as_bytes())
    }

    #[test]
    fn folded_hash_is_the_hash_of_the_folded_text() {
        for parts in [
            &["  Sales rose\tby \u{1} in\u{a0}\u{a0}2020.  "][..],
            &["a\u{b}b", "\u{2009}c ", " d"],
            &["", "x", ""],
            &["\n\n", "  "],
            &["naïve  café", " — ", "fin\u{3000}"],
        ] {
            let mut hash = FoldedHash::new(FNV_OFFSET);
            for part in parts {
                hash.text(part);
            }
            assert_eq!(hash.hash, folded(&parts.concat()), "{parts:?}");
        }
    }
}
