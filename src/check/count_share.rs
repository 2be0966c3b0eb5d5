//! `consistency/count-share`: a count and the share it is said to be of its whole disagree —
//! "Of the 30 councils, 18 (52%) …" (18 of 30 is 60 %), "12 of 400 patients, a rate of 5%".

use rust_decimal::Decimal;

use super::Context;
use crate::diagnostic::{Finding, Place};
use crate::relate::interval::{self, Interval};

pub fn count_share(context: &Context<'_>) -> Vec<Finding> {
    let hundred = Decimal::ONE_HUNDRED;
    let mut findings = Vec::new();
    for relation in &context.relations().count_shares {
        let Some(whole) = relation.whole else { continue };
        let (count, share, whole) = (
            &context.claims[relation.count],
            &context.claims[relation.share],
            &context.claims[whole],
        );
        let Some(ratio) = interval::of(count).divide(interval::of(whole)) else {
            continue;
        };
        let implied: Interval = ratio.scale(hundred);
        if !implied.disjoint(interval::of(share)) {
            continue;
        }
        let (Some(c), Some(w)) = (count.value, whole.value) else {
            continue;
        };
        let Some(actual) = c.checked_div(w).map(|r| r * hundred) else {
            continue;
        };
        let detail = format!(
            "{} of {} is {}%, not {}",
            count.text,
            whole.text,
            super::shown(actual),
            share.text
        );
        findings.push(
            Finding::at(Place::Text(share.span))
                .with("detail", detail)
                .with("actual", super::shown(actual))
                .claim(count)
                .claim(share)
                .claim(whole)
                .related(format!("the count: {}", count.text), Place::Text(count.span))
                .related(format!("the whole: {}", whole.text), Place::Text(whole.span)),
        );
    }
    findings
}
