//! Durations and chronology: a stated length against its period ("the ten-year plan runs from
//! 2020 to 2025", "over the six years from 2015 to 2018"), an anniversary or an age against a
//! founding year ("set up in 1985, it marked its 30th anniversary in 2020", "founded in 1975,
//! it turned 40 in 2022"), and "N years after/since" between two years.

use rust_decimal::Decimal;

use super::{Relations, Sentence};
use crate::claim::Kind;
use crate::span::Span;

/// A length of time in years and the years it spans, as the sentence states them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duration {
    /// The stated length (a claim of kind duration, or an anniversary or age).
    pub length: usize,
    /// The length in years, as stated.
    pub years: Decimal,
    /// The first and the last year of the span.
    pub start: i64,
    pub end: i64,
    /// How the count may be read: a period may count its years inclusively or not ("2020 to
    /// 2025" is five or six years); an anniversary is exact; an age may be one short (the
    /// birthday may not have come yet).
    pub reading: Reading,
    /// The figures the span comes from (a period, or a founding year and a later year).
    pub span_claims: Vec<usize>,
    pub cue: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    Period,
    Anniversary,
    Age,
    /// "N years after/since": years named without months, so off by one either way.
    Between,
}

/// Words before a year that make it a founding year.
const FOUNDED: &[&str] = &[
    "established",
    "founded",
    "set",
    "created",
    "opened",
    "built",
    "born",
    "launched",
    "formed",
    "started",
    "began",
    "incorporated",
    "inaugurated",
    "introduced",
    "constructed",
    "completed",
    "adopted",
    "signed",
];

/// Words before a duration that make it part of a period, not its length ("the first six years").
const SUB_PERIOD: &[&str] = &[
    "first",
    "last",
    "next",
    "final",
    "past",
    "within",
    "every",
    "each",
    "after",
    "per",
    "by",
    "extended",
    "another",
    "further",
    "additional",
    "extra",
    "than",
    "up",
    "least",
    "most",
    "some",
];

fn year_value(sentence: &Sentence<'_>, index: usize) -> Option<i64> {
    let claim = &sentence.claims[index];
    (claim.kind == Kind::Year)
        .then_some(claim.value)
        .flatten()
        .and_then(|v| {
            i64::try_from(v.trunc().mantissa())
                .ok()
                .filter(|_| v.scale() == 0)
        })
}

fn period_years(sentence: &Sentence<'_>, index: usize) -> Option<(i64, i64)> {
    let claim = &sentence.claims[index];
    if claim.kind != Kind::Period {
        return None;
    }
    let whole = |d: Decimal| i64::try_from(d.trunc().mantissa() / 10i128.pow(d.scale())).ok();
    Some((whole(claim.low?)?, whole(claim.high?)?))
}

fn duration_years(sentence: &Sentence<'_>, index: usize) -> Option<Decimal> {
    let claim = &sentence.claims[index];
    (claim.kind == Kind::Duration && claim.unit == Some("year"))
        .then_some(claim.value)
        .flatten()
}

pub fn find(sentence: &Sentence<'_>, out: &mut Relations) {
    length_since_year(sentence, out);
    length_and_period(sentence, out);
    length_and_two_years(sentence, out);
    founding_and_age(sentence, out);
}

/// Words after a length that make it the size of each of a period's steps.
const STEPS: &[&str] = &[
    "step",
    "steps",
    "interval",
    "intervals",
    "increment",
    "increments",
    "bins",
    "blocks",
    "windows",
    "periods",
    "averages",
    "spacing",
    "resolution",
];

/// "the ten-year strategy runs from 2020 to 2025", "over the six years from 2015 to 2018", "from
/// 2015 to 2018, six years".
fn length_and_period(sentence: &Sentence<'_>, out: &mut Relations) {
    let view = &sentence.view;
    for (n, &at) in view.figures.iter().enumerate() {
        let length = sentence.claim_at(at);
        let Some(years) = duration_years(sentence, length) else {
            continue;
        };
        // "the first six years", "within five years": a part of a period, not its length.
        let ordinal_before = view
            .figure(at.wrapping_sub(1))
            .is_some_and(|i| sentence.claims[i].kind == Kind::Ordinal);
        if ordinal_before || (at.saturating_sub(2)..at).any(|i| view.is_any(i, SUB_PERIOD)) {
            continue;
        }
        // "there were only two years in which no one died": years counted within the period.
        let counted_within = view.is_any(at + 1, &["when", "during"])
            || (view.is_any(at + 1, &["in"]) && view.is_any(at + 2, &["which"]));
        // "at 10-year steps between 2010 and 2090", "in five-year periods from 2000 to 2020": the
        // size of each step of the period, not its length.
        if view.is_any(at + 1, STEPS) {
            continue;
        }
        if counted_within {
            continue;
        }
        // The nearest figure after (or else before) must be the period, a few words away.
        let after = view.figures.get(n + 1).copied().filter(|&p| p - at <= 8);
        let before = n.checked_sub(1).map(|m| view.figures[m]).filter(|&p| at - p <= 5);
        for period_at in after.into_iter().chain(before) {
            let period = sentence.claim_at(period_at);
            let Some((start, end)) = period_years(sentence, period) else {
                continue;
            };
            let (low, high) = (at.min(period_at), at.max(period_at));
            // "six years of the 2015-2030 plan" is a part of the period.
            if (low + 1..high).any(|i| view.is_any(i, &[";", "and", "but", "while", ".", "of"])) {
                continue;
            }
            out.durations.push(Duration {
                length,
                years,
                start,
                end,
                reading: Reading::Period,
                span_claims: vec![period],
                cue: view.span(low, high + 1),
            });
            break;
        }
    }
}

/// "The 20-year programme started in 2005 and ended in 2015": a length, then the year it began
/// and the year it ended, each cued.
fn length_and_two_years(sentence: &Sentence<'_>, out: &mut Relations) {
    const STARTS: &[&str] = &[
        "started",
        "began",
        "launched",
        "opened",
        "from",
        "since",
        "starting",
        "beginning",
    ];
    const ENDS: &[&str] = &[
        "ended",
        "until",
        "till",
        "through",
        "closed",
        "finished",
        "concluded",
        "to",
        "expired",
    ];
    let view = &sentence.view;
    for (n, &at) in view.figures.iter().enumerate() {
        let length = sentence.claim_at(at);
        let Some(years) = duration_years(sentence, length) else {
            continue;
        };
        if sentence.own_durations(out).iter().any(|d| d.length == length) {
            continue;
        }
        let mut later = view.figures[n + 1..].iter().copied().take(2);
        let (Some(first_at), Some(second_at)) = (later.next(), later.next()) else {
            continue;
        };
        let (first, second) = (sentence.claim_at(first_at), sentence.claim_at(second_at));
        let (Some(start), Some(end)) = (year_value(sentence, first), year_value(sentence, second)) else {
            continue;
        };
        let cued = |at: usize, words: &[&str]| (at.saturating_sub(3)..at).any(|i| view.is_any(i, words));
        if second_at > at + 14 || !cued(first_at, STARTS) || !cued(second_at, ENDS) || end <= start {
            continue;
        }
        out.durations.push(Duration {
            length,
            years,
            start,
            end,
            reading: Reading::Period,
            span_claims: vec![first, second],
            cue: view.span(at, at + 1),
        });
    }
}

/// "It has run for 12 years, since 2010", "since 2010, for 12 years": a length up to the
/// document's own date.
fn length_since_year(sentence: &Sentence<'_>, out: &mut Relations) {
    let Some(now) = sentence.document_year else { return };
    let view = &sentence.view;
    for (n, &at) in view.figures.iter().enumerate() {
        let length = sentence.claim_at(at);
        let Some(years) = duration_years(sentence, length) else {
            continue;
        };
        if !view.is(at.wrapping_sub(1), "for") {
            continue;
        }
        let since = [n.checked_sub(1), Some(n + 1)]
            .into_iter()
            .flatten()
            .filter_map(|m| view.figures.get(m).copied())
            .find(|&y| y.abs_diff(at) <= 3 && view.is(y.wrapping_sub(1), "since"));
        let Some(since_at) = since else { continue };
        let since_claim = sentence.claim_at(since_at);
        let Some(start) = year_value(sentence, since_claim) else {
            continue;
        };
        if start >= now {
            continue;
        }
        out.durations.push(Duration {
            length,
            years,
            start,
            end: now,
            reading: Reading::Between,
            span_claims: vec![since_claim],
            cue: view.span(at - 1, at + 1),
        });
    }
}

/// "set up in 1985, it marked its 30th anniversary in 2020", "founded in 1975, it turned 40 in
/// 2022", "in 2015, 30 years after its founding in 1985".
fn founding_and_age(sentence: &Sentence<'_>, out: &mut Relations) {
    let view = &sentence.view;
    let founding = view.figures.iter().copied().find_map(|at| {
        let index = sentence.claim_at(at);
        let year = year_value(sentence, index)?;
        let cued = (at.saturating_sub(4)..at).any(|i| view.is_any(i, FOUNDED))
            || view.matches_before(at, "founding in").is_some();
        cued.then_some((at, index, year))
    });
    let Some((founding_at, founding, founded)) = founding else {
        return;
    };
    for &at in &view.figures {
        if at == founding_at {
            continue;
        }
        let index = sentence.claim_at(at);
        let claim = &sentence.claims[index];
        let reading = if claim.kind == Kind::Ordinal
            && view.is_any(at + 1, &["anniversary", "birthday", "jubilee"])
        {
            Reading::Anniversary
        } else if claim.kind == Kind::Count
            && view.is_any(at.wrapping_sub(1), &["turned", "turns", "turning", "aged"])
        {
            Reading::Age
        } else if claim.kind == Kind::Duration && view.is_any(at + 1, &["after", "since", "later", "old"]) {
            if view.is(at + 1, "old") {
                Reading::Age
            } else {
                Reading::Between
            }
        } else {
            continue;
        };
        let Some(years) = claim.value else { continue };
        // The year of the anniversary or age: the nearest other year, or the document's date.
        // A year after the founding: the first after the length ("30 years later, in 1987"), else
        // the nearest before it ("In 2015, 30 years after …").
        let years_after_founding: Vec<(usize, i64)> = view
            .figures
            .iter()
            .copied()
            .filter(|&y| y != founding_at)
            .filter_map(|y| year_value(sentence, sentence.claim_at(y)).map(|v| (y, v)))
            .filter(|&(_, v)| v > founded)
            .collect();
        let later = years_after_founding
            .iter()
            .copied()
            .find(|&(y, _)| y > at && y <= at + 6)
            .or_else(|| {
                years_after_founding
                    .iter()
                    .copied()
                    .filter(|&(y, _)| y < at)
                    .max_by_key(|&(y, _)| y)
            });
        let Some((later_at, year)) = later else { continue };
        out.durations.push(Duration {
            length: index,
            years,
            start: founded,
            end: year,
            reading,
            span_claims: vec![founding, sentence.claim_at(later_at)],
            cue: view.span(at, at + 2),
        });
    }
}
