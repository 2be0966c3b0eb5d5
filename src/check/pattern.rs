//! User rules that need no Rust: a regular expression on the sentence and/or a condition on
//! the claims (kind, unit, qualifier, modality, value bounds, whether a footnote covers it).

use regex::Regex;
use rust_decimal::Decimal;
use serde::Deserialize;

use super::Context;
use super::registry::Params;
use crate::claim::{Claim, Kind, Modality, Qualifier};
use crate::diagnostic::{Finding, Place};
use crate::error::Result;
use crate::rules::RuleSource;
use crate::span::Span;

/// A user rule that needs no Rust: a regular expression on the sentence and/or a condition on
/// claims.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternParams {
    #[serde(default, rename = "kind")]
    _kind: String,
    /// A regular expression the sentence must match.
    #[serde(default)]
    pub pattern: Option<String>,
    /// Claim conditions; any given must hold for a claim of the sentence.
    #[serde(default)]
    pub kinds: Vec<Kind>,
    #[serde(default)]
    pub units: Vec<String>,
    #[serde(default)]
    pub qualifiers: Vec<Qualifier>,
    #[serde(default)]
    pub modalities: Vec<Modality>,
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub max: Option<f64>,
    /// `false`: only claims no footnote covers; `true`: only covered ones.
    #[serde(default)]
    pub cited: Option<bool>,
    #[serde(skip)]
    pub regex: Option<Regex>,
}

impl PatternParams {
    /// Whether any claim condition is set (else the rule fires per matching sentence).
    #[must_use]
    pub fn has_claim_condition(&self) -> bool {
        !self.kinds.is_empty()
            || !self.units.is_empty()
            || !self.qualifiers.is_empty()
            || !self.modalities.is_empty()
            || self.min.is_some()
            || self.max.is_some()
            || self.cited.is_some()
    }
}

impl Params for PatternParams {
    fn prepare(&mut self, file: &RuleSource<'_>) -> Result<()> {
        if let Some(pattern) = &self.pattern {
            self.regex = Some(file.regex(pattern)?);
        } else if !self.has_claim_condition() {
            return Err(file.error(
                file.find("[check]"),
                "a pattern rule needs a `pattern` or a claim condition",
            ));
        }
        Ok(())
    }
}

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

/// Whether `value` is among `list`, or the list is empty (no condition).
fn among<T: PartialEq>(list: &[T], value: &T) -> bool {
    list.is_empty() || list.contains(value)
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
    among(&params.kinds, &claim.kind)
        && listed(&params.units, claim.unit.unwrap_or(""))
        && among(&params.qualifiers, &claim.qualifier)
        && among(&params.modalities, &claim.modality)
        && at_least(params.min)
        && at_most(params.max)
        && params
            .cited
            .is_none_or(|cited| cited != claim.footnotes.is_empty())
}
