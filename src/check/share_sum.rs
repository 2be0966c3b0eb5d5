//! `consistency/share-sum`: shares of one whole, listed together, that add up to more than
//! 100 % — beyond what the rounding of each share allows.

use rust_decimal::Decimal;
use serde::Deserialize;

use super::Context;
use super::registry::Params;
use crate::claim::{Claim, Kind, Qualifier};
use crate::diagnostic::{Finding, Place};
use crate::lexicon::cues::CHANGE_WORDS;

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

/// Most words between two shares of one list ("France 38 percent and the United Kingdom").
const MAX_GAP_WORDS: usize = 8;

pub fn share_sum(context: &Context<'_>, params: &ShareSumParams) -> Vec<Finding> {
    let tolerance = Decimal::try_from(params.tolerance).unwrap_or(Decimal::ZERO);
    let mut findings = Vec::new();
    for indices in context.by_sentence.values() {
        let mut list: Vec<&Claim> = Vec::new();
        for &index in indices {
            let claim = &context.claims[index];
            if !is_share(context, claim) {
                continue;
            }
            let joined = list
                .last()
                .is_some_and(|previous| listed_together(context, previous, claim));
            if !joined {
                findings.extend(check_list(context, &list, params.min_shares, tolerance));
                list.clear();
            }
            list.push(claim);
        }
        findings.extend(check_list(context, &list, params.min_shares, tolerance));
    }
    findings
}

fn is_share(context: &Context<'_>, claim: &Claim) -> bool {
    if claim.kind != Kind::Percent || !matches!(claim.qualifier, Qualifier::Exact | Qualifier::Approx) {
        return false;
    }
    let before: Vec<String> = super::window_before(&context.document.text, claim.span.start, 64)
        .split_whitespace()
        .rev()
        .take(2)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .collect();
    !before.iter().any(|w| CHANGE_WORDS.contains(&w.as_str()))
}

fn listed_together(context: &Context<'_>, previous: &Claim, claim: &Claim) -> bool {
    let between = context.between(previous.span.end, claim.span.start);
    let words: Vec<String> = between
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .collect();
    let breaks = [
        "from", "while", "whereas", "versus", "vs", "against", "but", "compared", "than",
    ];
    words.len() <= MAX_GAP_WORDS
        && !between.contains(['.', ';', '(', ')'])
        && !words
            .iter()
            .any(|w| breaks.contains(&w.as_str()) || CHANGE_WORDS.contains(&w.as_str()))
}

/// Do the shares read as parts of one whole: each after a name ("Germany 45 percent, France
/// 38 percent"), or the sentence speaking of a share, a market or a total?
fn of_one_whole(context: &Context<'_>, list: &[&Claim]) -> bool {
    // Shares that name their wholes name one whole: "14.2% of GDP … 69.5% of federal outlays"
    // are shares of two.
    let wholes: std::collections::BTreeSet<String> = list
        .iter()
        .filter_map(|claim| {
            let after = super::window_after(&context.document.text, claim.span.end, 48).trim_start();
            let rest = after.strip_prefix("of ")?;
            let rest = rest.strip_prefix("the ").unwrap_or(rest);
            Some(
                rest.split_whitespace()
                    .take(2)
                    .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        })
        .collect();
    if wholes.len() > 1 {
        return false;
    }
    let sentence = context
        .document
        .slice(context.document.sentences[list[0].sentence_index].span)
        .to_lowercase();
    let whole_words = [
        "share",
        "market",
        "of the total",
        "of all",
        "split",
        "breakdown",
        "accounted for",
        "account for",
        "holds",
        "held",
    ];
    if whole_words.iter().any(|w| sentence.contains(w)) {
        return true;
    }
    list.iter().all(|claim| {
        let before = super::window_before(&context.document.text, claim.span.start, 32);
        before
            .split_whitespace()
            .last()
            .is_some_and(|word| word.starts_with(|c: char| c.is_uppercase()))
    })
}

fn check_list(
    context: &Context<'_>,
    list: &[&Claim],
    min_shares: usize,
    tolerance: Decimal,
) -> Option<Finding> {
    if list.len() < min_shares.max(2) || !of_one_whole(context, list) {
        return None;
    }
    let lowest: Decimal = list.iter().map(|c| c.bounds().0.unwrap_or_default()).sum();
    let stated: Decimal = list.iter().map(|c| c.value.unwrap_or_default()).sum();
    if lowest <= Decimal::from(100) + tolerance {
        return None;
    }
    let mut finding = Finding::at(Place::Text(list[0].span.cover(list[list.len() - 1].span)))
        .with("total", stated.normalize().to_string())
        .with(
            "shares",
            list.iter()
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>()
                .join(" + "),
        );
    for claim in list {
        finding = finding.claim(claim);
    }
    Some(finding)
}
