//! `consistency/arithmetic`: figures whose own arithmetic contradicts them — a total its
//! breakdown does not add up to ("the EUR 6 billion fund is divided into EUR 4 billion … and EUR
//! 3 billion …"), and a change its own figures contradict ("from EUR 40 million to EUR 52 million,
//! a rise of 12 percent"; "doubled from 40 to 95"; "fell from 40 to 52"), including a change of
//! percentages stated in percent where percentage points are meant. Reads the breakdown and
//! change relations of the relate stage.

use rust_decimal::Decimal;
use serde::Deserialize;

use super::Context;
use super::registry::Params;
use crate::claim::{Claim, Kind};
use crate::diagnostic::{Finding, Place};
use crate::relate::interval::{self, Interval};
use crate::relate::{Breakdown, Change, Direction, Hedge, Stated};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArithmeticParams {
    #[serde(default, rename = "kind")]
    _kind: String,
    /// Relative slack allowed beyond the rounding of the figures (0.01 = 1 %).
    #[serde(default)]
    pub tolerance: f64,
}

impl Params for ArithmeticParams {}

pub fn arithmetic(context: &Context<'_>, params: &ArithmeticParams) -> Vec<Finding> {
    let tolerance = Decimal::try_from(params.tolerance).unwrap_or(Decimal::ZERO);
    let relations = context.relations();
    let breakdowns = relations
        .breakdowns
        .iter()
        .filter_map(|b| breakdown(context, b, tolerance));
    let changes = relations
        .changes
        .iter()
        .filter_map(|c| change(context, c, tolerance));
    breakdowns.chain(changes).collect()
}

/// An exhaustive breakdown must add up to its total; a partial one must not exceed it (a single
/// part above the total is `consistency/part-whole`'s).
fn breakdown(context: &Context<'_>, relation: &Breakdown, tolerance: Decimal) -> Option<Finding> {
    let total = &context.claims[relation.total];
    let parts: Vec<&Claim> = relation.parts.iter().map(|&i| &context.claims[i]).collect();
    let sum = parts
        .iter()
        .map(|p| interval::of(p))
        .fold(Interval::exact(Decimal::ZERO), Interval::plus);
    let whole = if relation.in_percent {
        Interval::exact(Decimal::ONE_HUNDRED)
    } else {
        interval::of(total)
    }
    .widen(tolerance);
    let contradicts = if relation.exhaustive {
        sum.disjoint(whole)
    } else {
        let single_above = parts.iter().any(|p| {
            interval::of(p).disjoint(Interval {
                low: None,
                high: whole.high,
            })
        });
        !single_above && matches!((sum.low, whole.high), (Some(low), Some(high)) if low > high)
    };
    if !contradicts {
        return None;
    }
    let stated: Decimal = parts.iter().filter_map(|p| p.value).sum();
    let detail = if relation.in_percent {
        format!(
            "the shares of {} add up to {}%, not 100%",
            total.text,
            super::shown(stated)
        )
    } else if relation.exhaustive {
        format!(
            "the parts add up to {}, not {}",
            amount(total, stated),
            total.text
        )
    } else {
        format!(
            "the parts add up to {}, more than {}",
            amount(total, stated),
            total.text
        )
    };
    let mut finding = Finding::at(Place::Text(total.span))
        .with("detail", detail)
        .claim(total)
        .related("listed as its parts by these words", Place::Text(relation.cue));
    for part in parts {
        finding = finding
            .claim(part)
            .related(format!("part: {}", part.text), Place::Text(part.span));
    }
    Some(finding)
}

/// A sum in the unit of `like` ("EUR 7 billion", "120").
fn amount(like: &Claim, value: Decimal) -> String {
    let digits = super::shown(value);
    match (like.kind, like.unit) {
        (Kind::Money, Some(code)) => {
            let billion = Decimal::from(1_000_000_000);
            let million = Decimal::from(1_000_000);
            if value.abs() >= billion {
                format!("{code} {} billion", super::shown(value / billion))
            } else if value.abs() >= million {
                format!("{code} {} million", super::shown(value / million))
            } else {
                format!("{code} {digits}")
            }
        }
        (Kind::Quantity, Some(unit)) => format!("{digits} {unit}"),
        _ => digits,
    }
}

/// What the to-value may be given the from-value and the stated change; and whether the to-value
/// the sentence gives falls outside it.
fn change(context: &Context<'_>, relation: &Change, tolerance: Decimal) -> Option<Finding> {
    let (from, to) = (&context.claims[relation.from], &context.claims[relation.to]);
    let (from_range, to_range) = (interval::of(from), interval::of(to));
    let (from_value, to_value) = (from.value?, to.value?);
    let hundred = Decimal::ONE_HUNDRED;
    let expected = match expected_to(context, relation, from_range)? {
        Expected::Range(expected) => expected,
        Expected::Contradiction(detail) => return Some(change_finding(relation, from, to, detail, None)),
        Expected::Nothing => return None,
    };
    let expected = expected.widen(tolerance);
    if !expected.disjoint(to_range) || lost_its_scale(to, to_range, expected) {
        return None;
    }
    let actual_percent = (to_value - from_value)
        .checked_div(from_value)
        .map(|r| r * hundred)?;
    if let Stated::Percent(index) = relation.stated {
        let stated = &context.claims[index];
        // "from 10% to 12%, up 2 percent": the points were meant, or the percentage is wrong.
        if from.kind == Kind::Percent {
            let points = Interval::exact((to_value - from_value).abs());
            if !points.disjoint(interval::of(stated)) {
                let detail = format!(
                    "from {} to {} is a change of {} percentage points, or {}% of the earlier figure; it is stated as {}",
                    from.text,
                    to.text,
                    super::shown((to_value - from_value).abs()),
                    super::shown(actual_percent.abs()),
                    stated.text
                );
                let advice = format!(
                    "write \"{} percentage points\" if the difference is meant, or \"{}%\" if the relative change is",
                    super::shown((to_value - from_value).abs()),
                    super::shown(actual_percent.abs())
                );
                return Some(change_finding(relation, from, to, detail, Some(advice)).claim(stated));
            }
        }
    }
    let detail = match relation.stated {
        Stated::Points(index) | Stated::Amount(index) => format!(
            "from {} to {} is a change of {}, not {}",
            from.text,
            to.text,
            amount(from, to_value - from_value),
            context.claims[index].text
        ),
        Stated::Factor(factor, _) => format!(
            "from {} to {} is a factor of {}, not {}",
            from.text,
            to.text,
            super::shown(to_value.checked_div(from_value)?),
            super::shown(factor)
        ),
        Stated::Percent(index) => format!(
            "from {} to {} is a {} of {}%, not {}",
            from.text,
            to.text,
            if actual_percent < Decimal::ZERO {
                "fall"
            } else {
                "rise"
            },
            super::shown(actual_percent.abs()),
            context.claims[index].text
        ),
        Stated::Direction => return None,
    };
    let mut finding = change_finding(relation, from, to, detail, None);
    if let Stated::Percent(index) | Stated::Points(index) | Stated::Amount(index) = relation.stated {
        finding = finding.claim(&context.claims[index]);
    }
    Some(finding)
}

/// Whether money the sentence gives without a scale word would agree at one ("from $1,521
/// million to $1,728", its "million" carried past a page break; "$445" where the document's
/// tables are in millions): the scale was lost in the reading, not the sum in the writing.
fn lost_its_scale(to: &Claim, to_range: Interval, expected: Interval) -> bool {
    let written: String = to
        .text
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    to.kind == Kind::Money
        && written.parse::<Decimal>().ok() == to.value.map(|v| v.abs())
        && crate::lexicon::number_words::SCALE_STEPS
            .iter()
            .any(|&scale| !to_range.scale(Decimal::from(scale)).disjoint(expected))
}

/// What the stated change makes of the from-value.
enum Expected {
    Range(Interval),
    /// Only a direction is stated, and the figures go the other way: the finding's detail.
    Contradiction(String),
    Nothing,
}

/// The values the to-value may take, given the from-value and the stated change.
fn expected_to(context: &Context<'_>, relation: &Change, from_range: Interval) -> Option<Expected> {
    let (from, to) = (&context.claims[relation.from], &context.claims[relation.to]);
    let to_range = interval::of(to);
    let (from_low, from_high) = from_range.closed()?;
    let hundred = Decimal::ONE_HUNDRED;
    // Without a direction word ("a change of 12 percent") the figures give the direction.
    let falling = if to.value < from.value {
        Direction::Down
    } else {
        Direction::Up
    };
    let direction = relation.direction.or(Some(falling));
    let sign = |d: Option<Direction>| {
        if d == Some(Direction::Down) {
            -Decimal::ONE
        } else {
            Decimal::ONE
        }
    };
    Some(match relation.stated {
        Stated::Factor(factor, hedge) => {
            let range = from_range.scale(factor);
            let (low, high) = (range.low?, range.high?);
            let near = Decimal::new(85, 2);
            Expected::Range(match hedge {
                Hedge::Exact => range,
                Hedge::AtLeast => Interval {
                    low: Some(low),
                    high: None,
                },
                Hedge::AtMost => Interval {
                    low: Some(low * near),
                    high: Some(high),
                },
                Hedge::About => Interval {
                    low: Some(low * near),
                    high: Some(high * (Decimal::TWO - near)),
                },
                Hedge::Round => {
                    let points = Decimal::new(5, 2);
                    let (from_low, from_high) = from_range.closed()?;
                    Interval {
                        low: Some(from_low * (factor - points)),
                        high: Some(from_high * (factor + points)),
                    }
                }
            })
        }
        Stated::Percent(index) => {
            if from_low <= Decimal::ZERO {
                return Some(Expected::Nothing);
            }
            let percent = interval::of(&context.claims[index]);
            let (p_low, p_high) = percent.closed()?;
            let s = sign(direction);
            let ratios = [(hundred + s * p_low) / hundred, (hundred + s * p_high) / hundred];
            let (r_low, r_high) = (ratios[0].min(ratios[1]), ratios[0].max(ratios[1]));
            Expected::Range(Interval {
                low: Some(from_low * r_low),
                high: Some(from_high * r_high),
            })
        }
        Stated::Points(index) | Stated::Amount(index) => {
            if matches!(relation.stated, Stated::Points(_)) && from.kind != Kind::Percent {
                return Some(Expected::Nothing);
            }
            let amount = interval::of(&context.claims[index]);
            let (a_low, a_high) = amount.closed()?;
            let s = sign(direction);
            let (d_low, d_high) = ((s * a_low).min(s * a_high), (s * a_low).max(s * a_high));
            Expected::Range(Interval {
                low: Some(from_low + d_low),
                high: Some(from_high + d_high),
            })
        }
        Stated::Direction => {
            // "fell from 40 to 52": only the direction is stated.
            let contradicts = match relation.direction? {
                Direction::Up => to_range.high? < from_low,
                Direction::Down => to_range.low? > from_high,
            };
            if !contradicts {
                return Some(Expected::Nothing);
            }
            let word = if relation.direction == Some(Direction::Up) {
                "a rise"
            } else {
                "a fall"
            };
            let detail = format!(
                "from {} to {} is not {word}, as the sentence says",
                from.text, to.text
            );
            Expected::Contradiction(detail)
        }
    })
}

/// A change's finding; `help` replaces the rule's help where the finding knows better.
fn change_finding(
    relation: &Change,
    from: &Claim,
    to: &Claim,
    detail: String,
    help: Option<String>,
) -> Finding {
    let place = if from.span.start < to.span.start {
        from.span.cover(to.span)
    } else {
        to.span.cover(from.span)
    };
    let finding = Finding::at(Place::Text(place)).with("detail", detail);
    let finding = match help {
        Some(help) => finding.with("help", help),
        None => finding,
    };
    finding
        .claim(from)
        .claim(to)
        .related(
            format!("the earlier figure: {}", from.text),
            Place::Text(from.span),
        )
        .related(format!("the later figure: {}", to.text), Place::Text(to.span))
        .related("the change as stated", Place::Text(relation.cue))
}
