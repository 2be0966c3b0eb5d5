//! `fact/reference`: figures checked against reference facts kept in rule files — "the 12th
//! Five-Year Plan ran 2011–2015".

use regex::Regex;
use rust_decimal::Decimal;
use serde::Deserialize;

use super::Context;
use super::registry::Params;
use crate::claim::Kind;
use crate::diagnostic::{Finding, Place};
use crate::error::Result;
use crate::rules::RuleSource;

/// A reference fact: a pattern that finds the subject, what is true of it, and a source.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub subject: String,
    /// A regular expression that finds the subject in a sentence.
    pub pattern: String,
    /// First and last year, for a period.
    #[serde(default)]
    pub period: Option<[i32; 2]>,
    /// A value, with its unit (absent for counts).
    #[serde(default)]
    pub value: Option<f64>,
    #[serde(default)]
    pub unit: Option<String>,
    /// Relative tolerance of a value (0.05 = 5 %).
    #[serde(default)]
    pub tolerance: f64,
    /// The years the fact holds for (inclusive); outside them it is not checked.
    #[serde(default)]
    pub valid_from: Option<i32>,
    #[serde(default)]
    pub valid_until: Option<i32>,
    pub source: String,
    #[serde(skip)]
    pub regex: Option<Regex>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceParams {
    #[serde(default, rename = "kind")]
    _kind: String,
    #[serde(default)]
    pub fact: Vec<Fact>,
}

impl Params for ReferenceParams {
    fn prepare(&mut self, file: &RuleSource<'_>) -> Result<()> {
        for fact in &mut self.fact {
            fact.regex = Some(file.regex(&fact.pattern)?);
            if fact.period.is_none() && fact.value.is_none() {
                return Err(file.error(file.find(&fact.subject), "a fact needs a `period` or a `value`"));
            }
        }
        Ok(())
    }
}

pub fn reference(context: &Context<'_>, params: &ReferenceParams) -> Vec<Finding> {
    let document = context.document;
    let mut findings = Vec::new();
    for fact in &params.fact {
        let Some(regex) = &fact.regex else { continue };
        // Only a sentence with claims can hold the figure after the fact's words: the others are
        // not searched.
        for (&index, claims) in &context.by_sentence {
            let sentence = &document.sentences[index];
            let text = document.slice(sentence.span);
            let Some(found) = regex.find(text) else { continue };
            let match_end = sentence.span.start + found.end();
            let after = claims
                .iter()
                .map(|&i| &context.claims[i])
                .find(|c| c.span.start >= match_end && fits(fact, c));
            let Some(claim) = after else { continue };
            if let Some(finding) = compare(fact, claim) {
                findings.push(finding);
            }
        }
    }
    findings
}

/// Whether a claim is of the shape the fact speaks of.
fn fits(fact: &Fact, claim: &crate::claim::Claim) -> bool {
    if fact.period.is_some() {
        return claim.kind == Kind::Period;
    }
    claim.unit == fact.unit.as_deref() && !claim.kind.is_temporal() && claim.kind != Kind::Ordinal
}

fn compare(fact: &Fact, claim: &crate::claim::Claim) -> Option<Finding> {
    let year = claim
        .time
        .as_deref()
        .and_then(|t| t.get(..4))
        .and_then(|y| y.parse::<i32>().ok());
    if let Some(year) = year
        && (fact.valid_from.is_some_and(|from| year < from)
            || fact.valid_until.is_some_and(|until| year > until))
    {
        return None;
    }
    let expected = if let Some([first, last]) = fact.period {
        let stated = (claim.low?, claim.high?);
        if stated == (Decimal::from(first), Decimal::from(last)) {
            return None;
        }
        format!("{first}–{last}")
    } else {
        let value = Decimal::try_from(fact.value?).ok()?;
        let slack = value.abs() * Decimal::try_from(fact.tolerance).unwrap_or_default();
        let (low, high) = claim.bounds();
        let (low, high) = (low?, high?);
        if high >= value - slack && low <= value + slack {
            return None;
        }
        match &fact.unit {
            Some(unit) => format!("{} {unit}", value.normalize()),
            None => value.normalize().to_string(),
        }
    };
    Some(
        Finding::at(Place::Text(claim.span))
            .with("subject", &fact.subject)
            .with("expected", expected)
            .with("text", &claim.text)
            .with("source", &fact.source)
            .claim(claim),
    )
}
