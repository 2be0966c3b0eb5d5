//! `consistency/percent-bounds`: a share above 100 % or below 0. A change or a growth rate
//! ("rose 150 percent", "a 120 percent increase") may exceed 100 %; a share of a whole
//! ("120 percent of households") may not.

use rust_decimal::Decimal;

use super::{Context, Finding, Place};
use crate::extract::Kind;

/// Words that make a percentage a change rather than a share.
pub const CHANGE_WORDS: &[&str] = &[
    "increase",
    "increased",
    "increases",
    "rise",
    "rose",
    "risen",
    "rising",
    "grow",
    "grew",
    "grown",
    "growth",
    "up",
    "down",
    "fell",
    "fall",
    "fallen",
    "drop",
    "dropped",
    "decline",
    "declined",
    "decrease",
    "decreased",
    "jump",
    "jumped",
    "surge",
    "surged",
    "higher",
    "lower",
    "more",
    "less",
    "cut",
    "gain",
    "gained",
    "change",
    "changed",
    "rate",
    "return",
    "returns",
    "inflation",
    "margin",
    "by",
    "than",
    "over",
    "above",
    "below",
    "compared",
    "premium",
    "discount",
    "growing",
    "expanded",
    "contracted",
    "boost",
    "boosted",
    "raise",
    "raised",
    "reduce",
    "reduced",
    "yield",
];

pub fn percent_bounds(context: &Context<'_>) -> Vec<Finding> {
    let text = &context.document.text;
    let hundred = Decimal::from(100);
    let mut findings = Vec::new();
    for claim in context.claims {
        if claim.kind != Kind::Percent {
            continue;
        }
        let (low, high) = (claim.value.or(claim.low), claim.value.or(claim.high));
        let over = high.is_some_and(|h| h > hundred) && low.is_some_and(|l| l > hundred);
        let under = high.is_some_and(|h| h < Decimal::ZERO);
        if !(over || under) {
            continue;
        }
        let after = super::window_after(text, claim.span.end, 64).trim_start();
        // A share names its whole: "120 percent of households".
        let share = after.starts_with("of ");
        let before: Vec<&str> = super::window_before(text, claim.span.start, 64)
            .split_whitespace()
            .rev()
            .take(4)
            .collect();
        let change = before
            .iter()
            .chain(after.split_whitespace().take(1).collect::<Vec<_>>().iter())
            .any(|w| {
                let word = w
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_ascii_lowercase();
                CHANGE_WORDS.contains(&word.as_str())
            });
        if share && !change {
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
