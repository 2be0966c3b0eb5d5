//! A figure and its conversion: "12 kilometres (about 7 miles)", "30 °C (86 °F)", "2 hectares, or
//! about 5 acres", a fraction in words with its percentage, "a fifth (20%)", and money in another
//! currency, "71,350 euro ($78,770)".

use super::{Relations, Sentence};
use crate::claim::Kind;
use crate::lexicon::units::scale;
use crate::span::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conversion {
    pub figure: usize,
    pub converted: usize,
    pub cue: Span,
}

/// Hedges a conversion may carry before its figure, as words ("about 7 miles", "c. 7 miles").
const HEDGES: &[&str] = &[
    "about",
    "around",
    "roughly",
    "approximately",
    "approx",
    "some",
    "nearly",
    "almost",
    "c",
    "ca",
    "circa",
    "or",
    "over",
    "under",
    "just",
    "~",
    "≈",
    ".",
];

pub fn find(sentence: &Sentence<'_>, out: &mut Relations) {
    let view = &sentence.view;
    fraction_and_percentage(sentence, out);
    for pair in view.figures.windows(2) {
        let (at, next) = (pair[0], pair[1]);
        let gap = at + 1..next;
        // "(about 7 miles)", ", or about 5 acres", " / 7 mi"
        let opens = view.is_any(at + 1, &["(", ",", "/", "["]);
        if !opens || gap.len() > 4 || !gap.clone().skip(1).all(|i| view.is_any(i, HEDGES)) {
            continue;
        }
        if view.is(at + 1, ",") && !view.is(at + 2, "or") {
            continue;
        }
        let (figure, converted) = (sentence.claim_at(at), sentence.claim_at(next));
        if convertible(sentence, figure, converted) {
            out.conversions.push(Conversion {
                figure,
                converted,
                cue: view.span(at + 1, next),
            });
        }
    }
}

/// "One in five adults (20%)", "a quarter of the budget (25%)": a fraction in words, a few words
/// of what it is a fraction of, and its percentage in parentheses ("two thirds (67%)", with
/// nothing between, is read by the general rule below).
fn fraction_and_percentage(sentence: &Sentence<'_>, out: &mut Relations) {
    let view = &sentence.view;
    for pair in view.figures.windows(2) {
        let (at, next) = (pair[0], pair[1]);
        if next - at < 3 || next - at > 6 || !view.is(next - 1, "(") || !view.is(next + 1, ")") {
            continue;
        }
        if !(at + 1..next - 1).all(|i| view.word(i).is_some()) {
            continue;
        }
        let (figure, converted) = (sentence.claim_at(at), sentence.claim_at(next));
        let (a, b) = (&sentence.claims[figure], &sentence.claims[converted]);
        if a.kind == Kind::Percent && b.kind == Kind::Percent && convertible(sentence, figure, converted) {
            out.conversions.push(Conversion {
                figure,
                converted,
                cue: view.span(at + 1, next),
            });
        }
    }
}

/// Two units of one dimension, or a fraction in words and its percentage.
fn convertible(sentence: &Sentence<'_>, figure: usize, converted: usize) -> bool {
    let (a, b) = (&sentence.claims[figure], &sentence.claims[converted]);
    if a.kind == Kind::Percent && b.kind == Kind::Percent {
        // "a fifth (20%)": the first in words, the second in digits.
        return a.text.starts_with(|c: char| c.is_alphabetic())
            && b.text.starts_with(|c: char| c.is_ascii_digit());
    }
    // "71,350 euro ($78,770)": a price in another currency, at a rate of the writer's day.
    // A rate ("US$3.1 million per megawatt") restates nothing: both must be plain currencies.
    if a.kind == Kind::Money && b.kind == Kind::Money {
        let plain = |unit: Option<&str>| unit.is_some_and(|u| !u.contains('/'));
        return plain(a.unit) && plain(b.unit) && a.unit != b.unit;
    }
    if a.kind != Kind::Quantity || b.kind != Kind::Quantity || a.unit == b.unit {
        return false;
    }
    match (a.unit.and_then(scale), b.unit.and_then(scale)) {
        (Some((x, _, _)), Some((y, _, _))) => x == y,
        _ => false,
    }
}
