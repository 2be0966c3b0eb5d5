//! `consistency/part-whole`: a part larger than its whole — "25 out of 18", "40 of the 30
//! members", "Of the 30 projects, 45 were late", "120 staff, including 140 nurses". Reads the
//! part-of-whole relations of the relate stage.

use super::Context;
use crate::diagnostic::{Finding, Place};
use crate::relate::interval;

pub fn part_whole(context: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for relation in &context.relations().parts {
        let (part, whole) = (&context.claims[relation.part], &context.claims[relation.whole]);
        // The part is surely larger, whatever the rounding and hedges allow.
        let larger = match (interval::of(part).low, interval::of(whole).high) {
            (Some(low), Some(high)) => low > high,
            _ => false,
        };
        if larger && seen.insert((relation.part, relation.whole)) {
            findings.push(
                Finding::at(Place::Text(part.span))
                    .with("part", &part.text)
                    .with("whole", &whole.text)
                    .claim(part)
                    .claim(whole)
                    .related(format!("the whole is {}", whole.text), Place::Text(whole.span))
                    .related("read as its part by these words", Place::Text(relation.cue)),
            );
        }
    }
    findings
}
