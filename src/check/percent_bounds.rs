//! `consistency/percent-bounds`: a share above 100 % or below 0. A change or a growth rate
//! ("rose 150 percent", "a 120 percent increase") may exceed 100 %; a share of a whole
//! ("120 percent of households") may not.

use rust_decimal::Decimal;

use super::Context;
use crate::claim::Kind;
use crate::diagnostic::{Finding, Place};
use crate::lexicon::cues::{CHANGE_WORDS, SHARE_WORDS};

/// What a percentage of which is a ratio to a level, not a share of a whole.
const RATIO_BASES: &[&str] = &[
    "gdp",
    "gross domestic product",
    "gnp",
    "gni",
    "income",
    "the average",
    "average",
    "the median",
    "median",
    "the mean",
    "capacity",
    "the target",
    "target",
    "the baseline",
    "baseline",
    "the level",
    "its level",
    "pre-",
    "the national average",
    "the poverty",
    "the federal poverty",
    "normal",
    "the previous",
    "last year",
    "the value",
    "face value",
    "par",
    "the cost",
    "cost",
    "revenue",
    "revenues",
    "sales",
    "exports",
    "imports",
    "the limit",
    "the requirement",
    "the recommended",
    "the benchmark",
];

/// Single words that name a level anywhere in the first words of the whole.
const LEVEL_WORDS: &[&str] = &[
    "average",
    "median",
    "mean",
    "level",
    "levels",
    "baseline",
    "target",
    "targets",
    "benchmark",
    "norm",
    "normal",
    "capacity",
    "gdp",
    "gnp",
    "gni",
    "previous",
    "pre",
    "peak",
    "value",
    "cost",
    "costs",
    "limit",
    "quota",
    "forecast",
    "budget",
    "budgeted",
    "planned",
    "estimate",
    "requirement",
    "threshold",
];

/// The header text of the table cell holding `claim`, if it is in one.
fn table_headers(context: &Context<'_>, claim: &crate::claim::Claim) -> Option<String> {
    let document = context.document;
    let cell = document.cell_of_block(document.sentences[claim.sentence_index].block)?;
    Some(document.header_text(cell))
}

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
        // A share names its whole: "120 percent of households". A ratio to a level is no share
        // and may pass 100: "106% of GDP", "150% of the average balance".
        let share = after.starts_with("of ") && {
            let whole = after[3..].to_lowercase();
            let whole = whole.strip_prefix("the ").unwrap_or(&whole).to_owned();
            // "of the national average", "of its pre-crisis level": a level in the first words.
            let words: Vec<&str> = whole
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .take(4)
                .collect();
            !RATIO_BASES.iter().any(|base| whole.starts_with(base))
                && !words.iter().any(|w| LEVEL_WORDS.contains(w))
        };
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
        // In a table, the headers name the whole ("Share (%)") or the change ("Change (%)");
        // the text around a cell is other cells.
        let (share, change) = match table_headers(context, claim) {
            Some(headers) => {
                let words: Vec<String> = headers
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_lowercase)
                    .collect();
                let names_share = words.iter().any(|w| SHARE_WORDS.contains(&w.as_str()));
                let names_change = words.iter().any(|w| CHANGE_WORDS.contains(&w.as_str()));
                (names_share, names_change)
            }
            None => (share, change),
        };
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
