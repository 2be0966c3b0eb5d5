//! `consistency/conversion`: a figure and its conversion that disagree — "12 kilometres (about
//! 4 miles)", "30 °C (68 °F)", "a fifth (25%)". Reads the conversion relations of the relate
//! stage; both figures' rounding and hedges are allowed for.

use super::Context;
use crate::diagnostic::{Finding, Place};
use crate::lexicon::units::scale;
use crate::relate::interval;

pub fn conversion(context: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for relation in &context.relations.conversions {
        let (figure, converted) = (
            &context.claims[relation.figure],
            &context.claims[relation.converted],
        );
        let source = interval::of(figure);
        let target = interval::of(converted);
        // Both in the base unit of their dimension (percentages are their own base).
        let (source, target, exact) = match (figure.unit.and_then(scale), converted.unit.and_then(scale)) {
            (Some((_, f1, o1)), Some((_, f2, o2))) => {
                let value = figure.value.map(|v| {
                    let base = v * f1 + o1;
                    (base - o2).checked_div(f2).unwrap_or_default()
                });
                (source.convert(f1, o1), target.convert(f2, o2), value)
            }
            _ => (source, target, figure.value),
        };
        if !source.disjoint(target) {
            continue;
        }
        let Some(exact) = exact else { continue };
        let unit = converted.unit.unwrap_or_default();
        let detail = format!(
            "{} is {} {unit}, not {}",
            figure.text,
            super::shown(exact),
            converted.text
        );
        findings.push(
            Finding::at(Place::Text(converted.span))
                .with("detail", detail.replace(" %", "%"))
                .claim(figure)
                .claim(converted)
                .related(
                    format!("converted from {}", figure.text),
                    Place::Text(figure.span),
                ),
        );
    }
    findings
}
