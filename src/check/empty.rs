//! `input/empty`: a document of some size from which almost no text was read. Its content sits
//! where claimlint does not look (raw HTML in Markdown, text built by scripts), or it was read
//! in the wrong format; a clean result on it would mislead.

use super::Context;
use crate::diagnostic::{Finding, Place};
use crate::span::Span;

/// Documents smaller than this are not judged (a stub may hold little text).
const MIN_BYTES: usize = 512;

pub fn empty(context: &Context<'_>) -> Vec<Finding> {
    let document = context.document;
    let size = document.source_map.original().len();
    let read = document.text.trim().len();
    if size < MIN_BYTES || read * 100 >= size {
        return Vec::new();
    }
    vec![
        Finding::at(Place::Original(Span::new(0, 0)))
            .with("size", size.to_string())
            .with("read", read.to_string()),
    ]
}
