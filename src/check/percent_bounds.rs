//! `consistency/percent-bounds`: a share above 100 % or below 0. A change or a growth rate
//! ("rose 150 percent", "a 120 percent increase") may exceed 100 %, and so may a ratio to a level
//! ("106% of GDP"), and so may a method's setting ("at 150% of rheobase"); a share of a whole
//! ("120 percent of households") may not. Reads the
//! share-of relations of the relate stage.

use rust_decimal::Decimal;

use super::Context;
use crate::diagnostic::{Finding, Place};
use crate::relate::share_of::Reading;

pub fn percent_bounds(context: &Context<'_>) -> Vec<Finding> {
    let hundred = Decimal::ONE_HUNDRED;
    let mut findings = Vec::new();
    for relation in &context.relations().shares_of {
        if relation.reading != Reading::Part {
            continue;
        }
        let claim = &context.claims[relation.share];
        // A method's setting ("current injected at 150% of rheobase") is a multiple of a
        // reference, whatever the words after it.
        if claim.role == Some(crate::normalise::role::Role::Procedure) {
            continue;
        }
        let (low, high) = (claim.value.or(claim.low), claim.value.or(claim.high));
        let over = high.is_some_and(|h| h > hundred) && low.is_some_and(|l| l > hundred);
        let under = high.is_some_and(|h| h < Decimal::ZERO);
        if over || under {
            findings.push(
                Finding::at(Place::Text(claim.span))
                    .with("text", &claim.text)
                    .with("bound", if over { "above 100 %" } else { "below 0 %" })
                    .claim(claim),
            );
        }
    }
    findings
}
