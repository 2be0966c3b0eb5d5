//! `input/empty`: a document of some size from which almost no text was read. Its content sits
//! where claimlint does not look (raw HTML in Markdown, text built by scripts), or it was read
//! in the wrong format; a clean result on it would mislead.

use super::Context;
use crate::diagnostic::{Finding, Place};
use crate::document::{BlockKind, Document};
use crate::span::Span;

/// Documents smaller than this are not judged (a stub may hold little text).
const MIN_BYTES: usize = 512;

/// Prose read, in bytes, above which a document is not empty however much markup surrounds
/// it: a news page of 1.5 MB may carry a short story of seven paragraphs, all of it read.
const PROSE_BYTES: usize = 400;

/// Words a block needs to count as prose (a sentence, not a menu entry or a byline).
const PROSE_WORDS: usize = 12;

pub fn empty(context: &Context<'_>) -> Vec<Finding> {
    let document = context.document;
    let size = document.source_map.original().len();
    let read = document.text.trim().len();
    if size < MIN_BYTES || read * 100 >= size || prose_bytes(document) >= PROSE_BYTES {
        return Vec::new();
    }
    vec![
        Finding::at(Place::Original(Span::new(0, 0)))
            .with("size", size.to_string())
            .with("read", read.to_string()),
    ]
}

/// Bytes of the blocks that read as prose: paragraphs, items and quotes of a sentence's length.
fn prose_bytes(document: &Document) -> usize {
    document
        .blocks
        .iter()
        .filter(|block| {
            matches!(
                block.kind,
                BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Quote
            )
        })
        .map(|block| document.slice(block.span))
        .filter(|text| text.split_whitespace().nth(PROSE_WORDS - 1).is_some())
        .map(str::len)
        .sum()
}
