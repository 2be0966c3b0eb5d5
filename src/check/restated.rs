//! `consistency/restated`: one figure — same subject, unit and time — stated twice with values
//! that cannot both be true. Reported at the later statement, with the earlier as related.
//!
//! Claims are grouped by key and each is compared with the first of its group, so the check
//! is linear in the number of claims.

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde::Deserialize;

use super::Context;
use super::registry::Params;
use crate::claim::{Claim, Kind};
use crate::diagnostic::{Finding, Place};

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

/// What makes two statements one figure: subject (lower case), unit, time and kind.
type Key<'a> = (String, Option<&'static str>, Option<&'a str>, &'static str);

pub fn restated(context: &Context<'_>, params: &RestatedParams) -> Vec<Finding> {
    let mut first: HashMap<Key<'_>, &Claim> = HashMap::new();
    let mut findings = Vec::new();
    for claim in context.claims {
        if !params.kinds.contains(&claim.kind) {
            continue;
        }
        // Without a time reference two statements are too often different subsets ("18 tumor
        // types" of the "31 tumor types"); a figure restated is one of a stated time.
        if claim.time.is_none() {
            continue;
        }
        // Row labels such as "Total" or "Control" recur across tables of different things.
        if claim.subject_from_headers {
            continue;
        }
        let Some(subject) = &claim.subject else { continue };
        // A limit a rule sets is no statement of fact ("not to exceed 117 vehicles" and "652
        // vehicles" for other purposes), and a unit is no subject ("GtC", "ppm").
        if claim.role == Some(crate::claim::Role::Specification)
            || crate::lexicon::units::unit_word(subject).is_some()
            || subject.chars().any(|c| c.is_ascii_digit())
        {
            continue;
        }
        let key = (
            subject.to_lowercase(),
            claim.unit,
            claim.time.as_deref(),
            claim.kind.name(),
        );
        match first.get(&key) {
            None => {
                first.insert(key, claim);
            }
            // Two figures of one sentence are a change or a comparison ("from 50 to 70").
            Some(earlier)
                if earlier.sentence_index != claim.sentence_index
                    && !overlap(earlier, claim)
                    && same_statement(earlier, claim, subject) =>
            {
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
            Some(_) => {}
        }
    }
    findings
}

/// Whether two sentences say the same thing of their subject: they share content words besides
/// it, a third of the shorter one's ("the fleet had … vessels" twice), not just a generic noun ("6% of all
/// bridges … carried", "18% of bridges in one state … were poor").
fn same_statement(a: &Claim, b: &Claim, subject: &str) -> bool {
    let subject: Vec<String> = words(subject).collect();
    let content = |claim: &Claim| -> std::collections::HashSet<String> {
        words(&claim.sentence)
            .filter(|w| w.len() > 3 && !w.chars().any(|c| c.is_ascii_digit()) && !subject.contains(w))
            .filter(|w| !STOP.contains(&w.as_str()))
            .collect()
    };
    let (first, second) = (content(a), content(b));
    let shared = first.intersection(&second).count();
    let smaller = first.len().min(second.len()).max(1);
    shared >= 1 && shared * 3 >= smaller
}

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Words that say nothing of what a sentence states.
const STOP: &[&str] = &[
    "that", "this", "with", "from", "were", "have", "which", "their", "there", "than", "more", "about",
    "over", "into", "also", "they", "been", "some", "other", "such", "only", "most", "many", "year", "years",
    "percent", "million", "billion", "thousand", "while", "when", "what", "where", "these", "those", "after",
    "before", "since", "under", "between", "both", "each", "still", "then", "them", "will", "would", "could",
];

/// Do the intervals two claims allow share any value? Open ends reach to infinity.
fn overlap(a: &Claim, b: &Claim) -> bool {
    let ((a_low, a_high), (b_low, b_high)) = (a.bounds(), b.bounds());
    let below =
        |high: Option<Decimal>, low: Option<Decimal>| matches!((high, low), (Some(h), Some(l)) if h < l);
    !(below(a_high, b_low) || below(b_high, a_low))
}
