//! User rules that need no Rust: a regular expression on the sentence and/or a condition on
//! the claims (kind, unit, qualifier, modality, value bounds, whether a footnote covers it).

use rust_decimal::Decimal;

use super::Context;
use crate::claim::Claim;
use crate::diagnostic::{Finding, Place};
use crate::rules::PatternParams;
use crate::span::Span;

pub fn pattern(context: &Context<'_>, params: &PatternParams) -> Vec<Finding> {
    let document = context.document;
    let mut findings = Vec::new();
    for (index, sentence) in document.sentences.iter().enumerate() {
        let text = document.slice(sentence.span);
        let matched = match &params.regex {
            Some(regex) => match regex.find(text) {
                Some(found) => Some(Span::new(
                    sentence.span.start + found.start(),
                    sentence.span.start + found.end(),
                )),
                None => continue,
            },
            None => None,
        };
        if !params.has_claim_condition() {
            if let Some(span) = matched {
                findings.push(Finding::at(Place::Text(span)).with(
                    "text",
                    &text[span.start - sentence.span.start..span.end - sentence.span.start],
                ));
            }
            continue;
        }
        for &claim in context.by_sentence.get(&index).map_or(&[][..], Vec::as_slice) {
            let claim = &context.claims[claim];
            if holds(params, claim) {
                findings.push(
                    Finding::at(Place::Text(claim.span))
                        .with("text", &claim.text)
                        .claim(claim),
                );
            }
        }
    }
    findings
}

fn holds(params: &PatternParams, claim: &Claim) -> bool {
    let listed = |list: &[String], value: &str| list.is_empty() || list.iter().any(|item| item == value);
    let value = claim.value.or(claim.high).or(claim.low);
    let at_least = |bound: Option<f64>| {
        bound.is_none_or(|bound| value.is_some_and(|v| Decimal::try_from(bound).is_ok_and(|b| v >= b)))
    };
    let at_most = |bound: Option<f64>| {
        bound.is_none_or(|bound| value.is_some_and(|v| Decimal::try_from(bound).is_ok_and(|b| v <= b)))
    };
    listed(&params.kinds, claim.kind.name())
        && listed(&params.units, claim.unit.unwrap_or(""))
        && listed(&params.qualifiers, claim.qualifier.name())
        && listed(&params.modalities, claim.modality.name())
        && at_least(params.min)
        && at_most(params.max)
        && params
            .cited
            .is_none_or(|cited| cited != claim.footnotes.is_empty())
}
