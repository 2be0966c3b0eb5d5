//! Property tests of the arithmetic checks: sentences generated from templates with random
//! figures, the finding expected exactly when the arithmetic fails. Figures that rounding could
//! excuse are never generated: a generated sentence is either right to the last stated digit or
//! wrong by more than any rounding allows.

mod common;

use proptest::prelude::*;

/// Does `rule` report anything on `text`?
fn fires(text: &str, rule: &str) -> bool {
    common::check_text(text, "generated.txt")
        .iter()
        .any(|d| d.rule == rule)
}

/// A count as prose writes it, with a thousands separator ("1,847"): four bare digits in the
/// modern years read as a year ("from 2019 levels").
fn count(n: impl Into<u64>) -> String {
    let digits = n.into().to_string();
    let mut out = String::new();
    for (index, c) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn ordinal(n: u32) -> String {
    let suffix = match (n % 100, n % 10) {
        (11..=13, _) => "th",
        (_, 1) => "st",
        (_, 2) => "nd",
        (_, 3) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn count_share_fires_when_the_share_is_off(whole in 10u32..2000, part_per_mille in 1u32..1000, off in prop::sample::select(vec![0i64, -9, -4, -3, 3, 4, 9])) {
        let part = (whole * part_per_mille / 1000).max(1);
        let share = (f64::from(part) * 100.0 / f64::from(whole)).round() as i64 + off;
        prop_assume!((0..=100).contains(&share));
        let text = format!("Of the {} councils, {} ({share}%) have a climate plan.", count(whole), count(part));
        prop_assert_eq!(fires(&text, "consistency/count-share"), off != 0, "{}", text);
    }

    #[test]
    fn breakdown_fires_when_parts_do_not_add_up(a in 1u32..500, b in 1u32..500, off in prop::sample::select(vec![0i64, -7, -1, 1, 2, 30])) {
        let total = i64::from(a + b) + off;
        prop_assume!(total > 0);
        let text = format!("The {} staff consist of {a} nurses and {b} doctors.", count(total.unsigned_abs()));
        prop_assert_eq!(fires(&text, "consistency/arithmetic"), off != 0, "{}", text);
    }

    #[test]
    fn change_fires_when_the_percentage_is_off(from in 100u32..10_000, rise in 1u32..200, off in prop::sample::select(vec![0i64, -5, -3, 3, 5, 20])) {
        let to = (from * (100 + rise) + 50) / 100;
        let stated = i64::from(rise) + off;
        prop_assume!(stated > 0);
        let text = format!("Sales rose {stated} percent from {} units to {} units.", count(from), count(to));
        prop_assert_eq!(fires(&text, "consistency/arithmetic"), off != 0, "{}", text);
    }

    #[test]
    fn share_sum_fires_above_the_whole(a in 1u32..60, b in 1u32..60, c in 1u32..60) {
        let sum = a + b + c;
        prop_assume!(sum <= 100 || sum >= 102);
        let text = format!("Germany holds {a} percent of the market, France {b} percent and Spain {c} percent.");
        prop_assert_eq!(fires(&text, "consistency/share-sum"), sum >= 102, "{}", text);
    }

    #[test]
    fn period_length_fires_when_neither_count_fits(start in 1950i32..2030, span in 1i32..30, stated in 1i32..40) {
        let end = start + span;
        let text = format!("The {stated}-year strategy runs from {start} to {end}.");
        let fits = stated == span || stated == span + 1;
        prop_assert_eq!(fires(&text, "consistency/duration"), !fits, "{}", text);
    }

    #[test]
    fn anniversary_fires_when_the_years_disagree(founded in 1800u32..2000, age in 1u32..120, off in prop::sample::select(vec![0u32, 1, 2, 5, 10])) {
        let year = founded + age + off;
        let text = format!("Founded in {founded}, the club marked its {} anniversary in {year}.", ordinal(age));
        prop_assert_eq!(fires(&text, "consistency/duration"), off != 0, "{}", text);
    }

    #[test]
    fn conversion_fires_when_the_miles_are_off(km in 10u64..2000, factor in prop::sample::select(vec![(1u64, 1u64), (1, 2), (8, 5), (2, 1)])) {
        // 1 km is 0.621371 mi; the factor (numerator, denominator) plants an error unless it is 1.
        let miles = (km * 621_371 * factor.0 + 500_000 * factor.1) / (1_000_000 * factor.1);
        prop_assume!(miles > 0);
        let text = format!("The road is {} km (about {} miles) long.", count(km), count(miles));
        prop_assert_eq!(fires(&text, "consistency/conversion"), factor.0 != factor.1, "{}", text);
    }
}
