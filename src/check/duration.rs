//! `consistency/duration`: a stated length of time that its own years contradict — "the
//! ten-year strategy runs from 2020 to 2025", "set up in 1985, it marked its 30th anniversary in
//! 2020". Reads the duration relations of the relate stage. A period may count its years
//! inclusively or not (2020 to 2025 is five or six years); an anniversary is exact; an age may
//! be one short; "N years after" between two bare years may be off by one either way.

use rust_decimal::Decimal;

use super::Context;
use crate::diagnostic::{Finding, Place};
use crate::relate::Reading;
use crate::relate::interval;

pub fn duration(context: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for relation in &context.relations().durations {
        let length = &context.claims[relation.length];
        let elapsed = Decimal::from(relation.end - relation.start);
        let (low, high) = match relation.reading {
            Reading::Period => (elapsed, elapsed + Decimal::ONE),
            Reading::Anniversary => (elapsed, elapsed),
            Reading::Age => (elapsed - Decimal::ONE, elapsed),
            Reading::Between => (elapsed - Decimal::ONE, elapsed + Decimal::ONE),
        };
        let stated = match relation.reading {
            Reading::Anniversary => interval::Interval::exact(relation.years),
            _ => interval::of(length),
        };
        let allowed = interval::Interval {
            low: Some(low),
            high: Some(high),
        };
        if !stated.disjoint(allowed) {
            continue;
        }
        let detail = match relation.reading {
            Reading::Period => format!(
                "{} to {} is {} years ({} counting both ends), not {} (`{}`)",
                relation.start,
                relation.end,
                elapsed,
                elapsed + Decimal::ONE,
                super::shown(relation.years),
                length.text
            ),
            Reading::Anniversary => format!(
                "{} is {} years after {}: the {} anniversary, not the {}",
                relation.end,
                elapsed,
                relation.start,
                ordinal(elapsed),
                length.text
            ),
            // "for 12 years, since 2010", up to the document's date.
            Reading::Between if relation.span_claims.len() == 1 => format!(
                "{} to the document's date ({}) is {} years, not {} (`{}`)",
                relation.start,
                relation.end,
                elapsed,
                super::shown(relation.years),
                length.text
            ),
            Reading::Age | Reading::Between => format!(
                "{} is {} years after {}, not {} (`{}`)",
                relation.end,
                elapsed,
                relation.start,
                super::shown(relation.years),
                length.text
            ),
        };
        let mut finding = Finding::at(Place::Text(length.span))
            .with("detail", detail)
            .claim(length)
            .related("the length as stated", Place::Text(relation.cue));
        for &index in &relation.span_claims {
            let claim = &context.claims[index];
            finding = finding
                .claim(claim)
                .related(format!("the years: {}", claim.text), Place::Text(claim.span));
        }
        findings.push(finding);
    }
    findings
}

/// "35th", "21st", "2nd", "13th".
fn ordinal(value: Decimal) -> String {
    let n = value.trunc().to_string();
    let suffix = match (
        n.ends_with("11") || n.ends_with("12") || n.ends_with("13"),
        n.chars().last(),
    ) {
        (true, _) => "th",
        (false, Some('1')) => "st",
        (false, Some('2')) => "nd",
        (false, Some('3')) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}
