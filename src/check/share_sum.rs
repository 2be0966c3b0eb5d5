//! `consistency/share-sum`: shares of one whole, listed together, that add up to more than
//! 100 % — beyond what the rounding of each share allows. Reads the share lists of the relate
//! stage; two shares are enough when they are complementary parts ("urban", "rural").

use rust_decimal::Decimal;
use serde::Deserialize;

use super::Context;
use super::registry::Params;
use crate::claim::Claim;
use crate::diagnostic::{Finding, Place};
use crate::relate::interval;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShareSumParams {
    #[serde(default, rename = "kind")]
    _kind: String,
    /// Percentage points a sum may exceed 100 beyond the rounding of its shares.
    #[serde(default)]
    pub tolerance: f64,
    /// Fewest shares listed together before their sum is checked.
    #[serde(default = "ShareSumParams::default_min_shares")]
    pub min_shares: usize,
}

impl ShareSumParams {
    const fn default_min_shares() -> usize {
        3
    }
}

impl Params for ShareSumParams {}

/// "The 51% choosing one system split into 29% on Linux, 17% on macOS and 5% on Windows": the
/// first share is the others' total (within their rounding), a whole that words between it and
/// the next share break into parts.
fn holds_the_rest(text: &str, shares: &[&Claim], sum: Decimal) -> bool {
    const BREAKS: [&str; 8] = [
        "split",
        "divided",
        "broken",
        "of which",
        "including",
        "comprising",
        "consisting",
        "namely",
    ];
    let (total, next) = (shares[0], shares[1]);
    let between = text
        .get(total.span.end..next.span.start)
        .unwrap_or_default()
        .to_lowercase();
    shares.len() >= 3
        && BREAKS.iter().any(|word| between.contains(word))
        && total
            .value
            .is_some_and(|value| is_total_of_rest(shares, value, sum))
}

/// Whether `value`, one of `shares` adding up to `sum`, is the total of the others within the
/// rounding of them all.
fn is_total_of_rest(shares: &[&Claim], value: Decimal, sum: Decimal) -> bool {
    let slack: Decimal = shares
        .iter()
        .filter_map(|c| {
            let i = interval::of(c);
            Some(i.high? - i.low?)
        })
        .sum();
    (sum - value - value).abs() <= slack
}

/// "DOD (62%) and NIH (15%), combined, accounting for 77%": the last share is the others'
/// total (within their rounding), said with a word that joins them.
fn sums_the_rest(text: &str, shares: &[&Claim], sum: Decimal) -> bool {
    const JOINS: [&str; 6] = [
        "combined",
        "together",
        "in total",
        "in all",
        "altogether",
        "jointly",
    ];
    let (Some(last), Some(before)) = (shares.last(), shares.len().checked_sub(2).map(|i| shares[i])) else {
        return false;
    };
    let between = text
        .get(before.span.end..last.span.start)
        .unwrap_or_default()
        .to_lowercase();
    JOINS.iter().any(|word| between.contains(word))
        && last
            .value
            .is_some_and(|value| is_total_of_rest(shares, value, sum))
}

pub fn share_sum(context: &Context<'_>, params: &ShareSumParams) -> Vec<Finding> {
    let tolerance = Decimal::try_from(params.tolerance).unwrap_or(Decimal::ZERO);
    let mut findings = Vec::new();
    for list in &context.relations().share_lists {
        if list.shares.len() < params.min_shares.max(2) && !list.complementary {
            continue;
        }
        let shares: Vec<&Claim> = list.shares.iter().map(|&i| &context.claims[i]).collect();
        let lowest: Option<Decimal> = shares.iter().map(|c| interval::of(c).low).sum();
        let Some(lowest) = lowest else { continue };
        if lowest <= Decimal::ONE_HUNDRED + tolerance {
            continue;
        }
        let stated: Decimal = shares.iter().map(|c| c.value.unwrap_or_default()).sum();
        if holds_the_rest(&context.document.text, &shares, stated)
            || sums_the_rest(&context.document.text, &shares, stated)
        {
            continue;
        }
        let first = shares[0];
        let last = shares[shares.len() - 1];
        let mut finding = Finding::at(Place::Text(first.span.cover(last.span)))
            .with("total", stated.normalize().to_string())
            .with(
                "shares",
                shares
                    .iter()
                    .map(|c| c.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" + "),
            )
            .related("read as parts of one whole by these words", Place::Text(list.cue));
        for claim in shares {
            finding = finding.claim(claim);
        }
        findings.push(finding);
    }
    findings
}
