//! `consistency/conversion`: a figure and its conversion that disagree — "12 kilometres (about
//! 4 miles)", "30 °C (68 °F)", "a fifth (25%)". Reads the conversion relations of the relate
//! stage; both figures' rounding and hedges are allowed for.

use super::Context;
use crate::claim::Claim;
use crate::diagnostic::{Finding, Place};
use crate::lexicon::units::scale;
use crate::relate::interval::{self, Interval};
use rust_decimal::Decimal;

/// The values a figure allows, reading two or more trailing zeros of a whole number as rounding
/// ("14,000 feet" may be 13,750 to 14,250): a conversion is usually rounded from a rounded figure.
fn rounded(claim: &Claim) -> Interval {
    let interval = interval::of(claim);
    let Some(value) = claim.value.filter(|v| v.fract().is_zero() && !v.is_zero()) else {
        return interval;
    };
    let mut step = Decimal::ONE;
    let mut rest = value.abs().trunc();
    while (rest % Decimal::TEN).is_zero() && step < Decimal::from(1_000_000) {
        rest /= Decimal::TEN;
        step *= Decimal::TEN;
    }
    // One zero ("40 °C", "20%") is as often a digit as a rounding; two or more are rounding,
    // and so is one after four digits or more ("227,936,640 km": a conversion rounded to tens).
    if step < Decimal::ONE_HUNDRED && !(step == Decimal::TEN && rest >= Decimal::from(1_000)) {
        return interval;
    }
    // A figure of three significant digits or more was rounded at its last one: "154,900,000
    // miles" may be anything from 154,850,000 to 154,950,000. One of one or two was chosen as a
    // round number, nearer than its place: "14,000 feet" is 13,750 to 14,250.
    let half = if rest >= Decimal::ONE_HUNDRED {
        step / Decimal::TWO
    } else {
        step / Decimal::from(4)
    };
    Interval {
        low: interval.low.map(|l| l.min(value - half)),
        high: interval.high.map(|h| h.max(value + half)),
    }
}

/// A fraction in words said approximately ("about half", "roughly a third") stands for a
/// band of about five points either side ("about half (54%)" is said of 45 to 55 percent), not
/// the five percent of itself an approximate figure in digits allows. Said plainly, it still
/// rounds to its nearest point ("half of the sample (49.4%)"): a point either side.
fn loose_fraction(text: &str, claim: &Claim, interval: Interval) -> Interval {
    const HEDGED_POINTS: Decimal = Decimal::from_parts(5, 0, 0, false, 0);
    let in_words = !claim.text.bytes().any(|b| b.is_ascii_digit());
    let approx = claim.qualifier == crate::claim::Qualifier::Approx || hedged_verb_before(text, claim);
    let (Some(value), true, Some("%")) = (claim.value, in_words, claim.unit) else {
        return interval;
    };
    let points = if approx { HEDGED_POINTS } else { Decimal::ONE };
    Interval {
        low: interval.low.map(|l| l.min(value - points)),
        high: interval.high.map(|h| h.max(value + points)),
    }
}

/// A hedge two words before a figure, with a verb between ("nearly reached two thirds",
/// "almost hit half"): the figure is said approximately though its own qualifier is exact.
fn hedged_verb_before(text: &str, claim: &Claim) -> bool {
    const HEDGES: [&str; 6] = ["nearly", "almost", "about", "around", "roughly", "approximately"];
    let before = crate::span::window_before(text, claim.span.start, 40);
    let mut words = before.split_whitespace().rev();
    let (_verb, hedge) = (words.next(), words.next());
    hedge.is_some_and(|hedge| HEDGES.iter().any(|h| hedge.eq_ignore_ascii_case(h)))
}

/// Whether a sentence speaks of a change of temperature rather than of one temperature:
/// "warming", "an increase of", "above pre-industrial levels", "cooler by".
fn speaks_of_a_change(sentence: &str) -> bool {
    const CHANGE_STEMS: [&str; 14] = [
        "warming",
        "warmer",
        "cooler",
        "cooling",
        "hotter",
        "colder",
        "increase",
        "rise",
        "rising",
        "drop",
        "fall",
        "above",
        "below",
        "difference",
    ];
    sentence.split(|c: char| !c.is_alphabetic()).any(|word| {
        let word = word.to_lowercase();
        CHANGE_STEMS.iter().any(|stem| word.starts_with(stem))
    })
}

/// The factors a unit may have: a "ton" is a tonne, a short ton or a long ton.
fn factors(claim: &Claim, factor: Decimal) -> Vec<Decimal> {
    let text = claim.text.to_lowercase();
    if claim.unit == Some("t") && text.contains("ton") && !text.contains("tonne") {
        vec![
            factor,
            Decimal::new(90_718_474, 5),
            Decimal::new(10_160_469_088, 7),
        ]
    } else {
        vec![factor]
    }
}

pub fn conversion(context: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for relation in &context.relations().conversions {
        let (figure, converted) = (
            &context.claims[relation.figure],
            &context.claims[relation.converted],
        );
        // No exchange rate is known here: money in two currencies is only paired, not checked.
        if figure.kind == crate::claim::Kind::Money {
            continue;
        }
        let source = loose_fraction(&context.document.text, figure, rounded(figure));
        let target = rounded(converted);
        // Both in the base unit of their dimension (percentages are their own base). A "ton"
        // may be metric, short or long: any of them will do.
        let (exact, agrees) = match (figure.unit.and_then(scale), converted.unit.and_then(scale)) {
            (Some((_, f1, o1)), Some((_, f2, o2))) => {
                let sources = factors(figure, f1);
                let targets = factors(converted, f2);
                // A change of temperature converts without the offset ("warming of 3.6 °F
                // (2 °C)"): read so when the sentence speaks of a change.
                let difference = (o1 != o2) && speaks_of_a_change(&converted.sentence);
                let agrees = sources.iter().any(|&f1| {
                    targets.iter().any(|&f2| {
                        !source.convert(f1, o1).disjoint(target.convert(f2, o2))
                            || difference
                                && !source
                                    .convert(f1, Decimal::ZERO)
                                    .disjoint(target.convert(f2, Decimal::ZERO))
                    })
                });
                let value = figure
                    .value
                    .map(|v| (v * f1 + o1 - o2).checked_div(f2).unwrap_or_default());
                (value, agrees)
            }
            _ => (figure.value, !source.disjoint(target)),
        };
        if agrees {
            continue;
        }
        let Some(exact) = exact else { continue };
        let unit = converted.unit.unwrap_or_default();
        let detail = format!(
            "{} is {} {unit}, not {}",
            figure.text,
            super::shown(exact),
            converted.text
        );
        findings.push(
            Finding::at(Place::Text(converted.span))
                .with("detail", detail.replace(" %", "%"))
                .claim(figure)
                .claim(converted)
                .related(
                    format!("converted from {}", figure.text),
                    Place::Text(figure.span),
                ),
        );
    }
    findings
}
