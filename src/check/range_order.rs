//! `consistency/range-order`: a range or period whose end comes before its start. Table
//! cells (where "3.78 – 3.71" may be a convention, as resolution shells are) and notes (page
//! ranges of references) are left alone.

use super::Context;
use crate::diagnostic::{Finding, Place};
use crate::document::BlockKind;

pub fn range_order(context: &Context<'_>) -> Vec<Finding> {
    let document = context.document;
    context
        .claims
        .iter()
        // Working the author shows ("($3,600 - $2,000)") is a difference, not a range.
        .filter(|claim| claim.value.is_none() && claim.role != Some(crate::claim::Role::Arithmetic))
        .filter(|claim| matches!((claim.low, claim.high), (Some(low), Some(high)) if low > high))
        .filter(|claim| {
            let block = document.sentences[claim.sentence_index].block;
            !matches!(
                document.blocks[block].kind,
                BlockKind::TableCell { .. } | BlockKind::Note { .. }
            )
        })
        .map(|claim| {
            Finding::at(Place::Text(claim.span))
                .with("text", &claim.text)
                .claim(claim)
        })
        .collect()
}
