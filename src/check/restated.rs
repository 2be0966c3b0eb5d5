//! `consistency/restated`: one figure — same subject, unit and time — stated twice with values
//! that cannot both be true. Reported at the later statement, with the earlier as related.
//!
//! Reads the restatement relations of the relate stage (grouped by key, linear in the number of
//! claims); units of one dimension are compared in their base unit.

use std::ops::Not;

use serde::Deserialize;

use super::Context;
use super::registry::Params;
use crate::claim::{Claim, Kind};
use crate::diagnostic::{Finding, Place};
use crate::relate::interval::{self, Interval};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RestatedParams {
    #[serde(default, rename = "kind")]
    _kind: String,
    /// Claim kinds compared.
    #[serde(default = "RestatedParams::default_kinds")]
    pub kinds: Vec<Kind>,
}

impl RestatedParams {
    fn default_kinds() -> Vec<Kind> {
        vec![Kind::Money, Kind::Percent, Kind::Count, Kind::Quantity]
    }
}

impl Params for RestatedParams {}

pub fn restated(context: &Context<'_>, params: &RestatedParams) -> Vec<Finding> {
    let mut findings = Vec::new();
    for relation in &context.relations().restatements {
        let (earlier, claim) = (&context.claims[relation.earlier], &context.claims[relation.later]);
        if !params.kinds.contains(&claim.kind) || in_base_unit(earlier).disjoint(in_base_unit(claim)).not() {
            continue;
        }
        let subject = claim.subject.as_deref().unwrap_or_default();
        findings.push(
            Finding::at(Place::Text(claim.span))
                .with("text", &claim.text)
                .with("earlier", &earlier.text)
                .with("subject", subject)
                .claim(claim)
                .claim(earlier)
                .related(
                    format!("stated here as {}", earlier.text),
                    Place::Text(earlier.span),
                ),
        );
    }
    findings
}

/// The claim's interval in the base unit of its dimension, so that "1.2 km" and "1,200 m" meet.
fn in_base_unit(claim: &Claim) -> Interval {
    let interval = interval::of(claim);
    match claim.unit.and_then(crate::lexicon::units::scale) {
        Some((_, factor, offset)) => interval.convert(factor, offset),
        None => interval,
    }
}
