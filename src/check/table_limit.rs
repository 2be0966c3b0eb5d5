//! `input/table-limit`: a document whose tables hold more cells than one document may
//! (`table_cells` in `[limits]`). The cells past the limit were left out unread, so that a
//! table of a million rows cannot take the memory of forty copies of itself; this says how
//! many, so that a short result is not taken for a complete one.

use super::Context;
use crate::diagnostic::{Finding, Place};
use crate::span::Span;

pub fn table_limit(context: &Context<'_>) -> Vec<Finding> {
    let document = context.document;
    if document.table_cells_skipped == 0 {
        return Vec::new();
    }
    vec![
        Finding::at(Place::Original(Span::new(0, 0)))
            .with("skipped", document.table_cells_skipped.to_string())
            .with("read", document.table_cells.len().to_string()),
    ]
}
