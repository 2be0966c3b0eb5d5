//! `consistency/arithmetic`: figures whose own arithmetic contradicts them — a stated total
//! its listed parts do not add up to ("a total of 120 sites: 50 in France, 40 in Spain and 20
//! in Italy"), or a stated change its own figures contradict ("rose 20 percent from 50 to 70",
//! "doubled from 40 to 95").

use rust_decimal::Decimal;
use serde::Deserialize;

use super::registry::Params;
use super::{Context, window_after, window_before};
use crate::claim::{Claim, Kind};
use crate::diagnostic::{Finding, Place};

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
    let mut findings = Vec::new();
    for indices in context.by_sentence.values() {
        let claims: Vec<&Claim> = indices.iter().map(|&i| &context.claims[i]).collect();
        findings.extend(totals(context, &claims, tolerance));
        findings.extend(changes(context, &claims, tolerance));
    }
    findings
}

/// Both ends of a claim's interval; `None` when one is open ("over 50").
fn bounds(claim: &Claim) -> Option<(Decimal, Decimal)> {
    let (low, high) = claim.bounds();
    Some((low?, high?))
}

fn widen((low, high): (Decimal, Decimal), tolerance: Decimal) -> (Decimal, Decimal) {
    let slack = low.abs().max(high.abs()) * tolerance;
    (low - slack, high + slack)
}

/// "A total of N …: A, B and C" or "N …, of which A and B" (parts must add up to N);
/// "N …, including A and B" (parts must not exceed N).
fn totals(context: &Context<'_>, claims: &[&Claim], tolerance: Decimal) -> Option<Finding> {
    let text = &context.document.text;
    let (position, total) = claims.iter().enumerate().find(|(_, c)| {
        c.kind == Kind::Count && {
            let before = window_before(text, c.span.start, 24)
                .trim_end()
                .to_ascii_lowercase();
            let after = window_after(text, c.span.end, 24)
                .trim_start()
                .to_ascii_lowercase();
            before.ends_with("total of") || after.starts_with("in total") || after.starts_with("in all")
        }
    })?;
    let rest = &claims[position + 1..];
    let first_part = rest.first()?;
    let link = context
        .between(total.span.end, first_part.span.start)
        .to_ascii_lowercase();
    let exact = link.contains(':')
        || link.contains("of which")
        || link.contains("comprising")
        || link.contains("made up of");
    let at_most = link.contains("including");
    if !(exact || at_most) {
        return None;
    }
    let parts: Vec<&Claim> = rest
        .iter()
        .copied()
        .filter(|c| c.kind == total.kind && c.unit == total.unit)
        .collect();
    if parts.len() < 2 {
        return None;
    }
    let (mut low, mut high) = (Decimal::ZERO, Decimal::ZERO);
    for part in &parts {
        let (l, h) = bounds(part)?;
        low += l;
        high += h;
    }
    let (total_low, total_high) = widen(bounds(total)?, tolerance);
    let contradicts = if exact {
        high < total_low || low > total_high
    } else {
        low > total_high
    };
    if !contradicts {
        return None;
    }
    let sum: Decimal = parts.iter().filter_map(|p| p.value).sum();
    let mut finding = Finding::at(Place::Text(total.span))
        .with(
            "detail",
            format!("the parts add up to {}, not {}", sum.normalize(), total.text),
        )
        .claim(total);
    for part in parts {
        finding = finding
            .claim(part)
            .related(format!("part: {}", part.text), Place::Text(part.span));
    }
    Some(finding)
}

/// "rose 20 percent from 50 to 70", "doubled from 40 to 95".
fn changes(context: &Context<'_>, claims: &[&Claim], tolerance: Decimal) -> Option<Finding> {
    let text = &context.document.text;
    for pair in claims.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        let lead = window_before(text, from.span.start, 48).to_ascii_lowercase();
        let opens = lead.trim_end().ends_with("from");
        // "from 50 to 70", "from 50 units to 70 units"
        let link = context.between(from.span.end, to.span.start).to_ascii_lowercase();
        let joined = link == "to" || (link.ends_with(" to") && link.split_whitespace().count() <= 4);
        if !opens || !joined {
            continue;
        }
        if from.kind != to.kind || from.unit != to.unit {
            continue;
        }
        let (from_low, from_high) = bounds(from)?;
        let (to_low, to_high) = bounds(to)?;
        if from_low <= Decimal::ZERO {
            continue;
        }
        // The stated change: a percentage just before "from", or a multiplying verb.
        let lead = lead.trim_end().trim_end_matches("from").trim_end();
        let factor = ["doubled", "tripled", "quadrupled", "halved"]
            .iter()
            .find(|w| lead.ends_with(*w))
            .map(|w| match *w {
                "doubled" => Decimal::TWO,
                "tripled" => Decimal::from(3),
                "quadrupled" => Decimal::from(4),
                _ => Decimal::new(5, 1),
            });
        let stated = claims.iter().rev().find(|c| {
            c.kind == Kind::Percent
                && c.span.end <= from.span.start
                && context
                    .between(c.span.end, from.span.start)
                    .eq_ignore_ascii_case("from")
        });
        let (low_ratio, high_ratio) = if let Some(factor) = factor {
            (factor, factor)
        } else if let Some(percent) = stated {
            let (p_low, p_high) = bounds(percent)?;
            let falling = [
                "fell",
                "dropped",
                "declined",
                "decreased",
                "down",
                "cut",
                "shrank",
                "lost",
            ]
            .iter()
            .any(|w| lead.contains(w));
            let hundred = Decimal::from(100);
            if falling {
                ((hundred - p_high) / hundred, (hundred - p_low) / hundred)
            } else {
                ((hundred + p_low) / hundred, (hundred + p_high) / hundred)
            }
        } else {
            continue;
        };
        // What `to` may be, given `from` and the stated change, widened by the tolerance.
        let (expect_low, expect_high) = widen((from_low * low_ratio, from_high * high_ratio), tolerance);
        if to_high < expect_low || to_low > expect_high {
            let actual = (to.value? - from.value?) / from.value? * Decimal::from(100);
            let detail = format!(
                "from {} to {} is a change of {}%, not what the sentence states",
                from.text,
                to.text,
                actual.round_dp(1).normalize()
            );
            return Some(
                Finding::at(Place::Text(from.span.cover(to.span)))
                    .with("detail", detail)
                    .claim(from)
                    .claim(to),
            );
        }
    }
    None
}
