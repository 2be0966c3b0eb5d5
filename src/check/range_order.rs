//! `consistency/range-order`: a range or period whose end comes before its start.

use super::{Context, Finding, Place};

pub fn range_order(context: &Context<'_>) -> Vec<Finding> {
    context
        .claims
        .iter()
        .filter(|claim| claim.value.is_none())
        .filter(|claim| matches!((claim.low, claim.high), (Some(low), Some(high)) if low > high))
        .map(|claim| {
            Finding::at(Place::Text(claim.span))
                .with("text", &claim.text)
                .claim(claim)
        })
        .collect()
}
