//! Regression tests for failures other tools' users have reported (issue 7), in sentences
//! written for this project, and for mistakes of our own found by the evaluation.

mod common;

use claimlint::Claim;
use common::parse_text;

fn only(text: &str) -> Claim {
    let claims = parse_text(text, "r.txt");
    assert_eq!(
        claims.len(),
        1,
        "{text}: {:?}",
        claims.iter().map(|c| &c.text).collect::<Vec<_>>()
    );
    claims.into_iter().next().expect("one claim")
}

fn value(claim: &Claim) -> String {
    claim.value.map(|v| v.normalize().to_string()).unwrap_or_default()
}

#[test]
fn iso_code_glued_to_the_number() {
    let claim = only("The fund raised USD34.6 million last spring.");
    assert_eq!((value(&claim).as_str(), claim.unit), ("34600000", Some("USD")));
}

#[test]
fn us_dollar_sign_with_billions() {
    let claim = only("Exports were worth US$4.7 billion.");
    assert_eq!((value(&claim).as_str(), claim.unit), ("4700000000", Some("USD")));
}

#[test]
fn money_range_with_lower_case_code() {
    let claim = only("Tickets cost 15-20 usd at the gate.");
    assert_eq!(
        (claim.kind.name(), claim.unit, claim.qualifier.name()),
        ("money", Some("USD"), "range")
    );
    assert_eq!(
        (
            claim.low.map(|d| d.to_string()),
            claim.high.map(|d| d.to_string())
        ),
        (Some("15".into()), Some("20".into()))
    );
}

#[test]
fn fiscal_year_with_a_short_second_year() {
    let claim = only("Spending peaked in 2012–13 and fell after.");
    assert_eq!(claim.kind.name(), "period");
    assert_eq!(
        (
            claim.low.map(|d| d.to_string()),
            claim.high.map(|d| d.to_string())
        ),
        (Some("2012".into()), Some("2013".into()))
    );
}

#[test]
fn spaced_thousands_with_a_unit() {
    let claim = only("The mill shipped 816 000 t of flour.");
    assert_eq!((value(&claim).as_str(), claim.unit), ("816000", Some("t")));
}

#[test]
fn per_cent_in_two_words() {
    let claim = only("Unemployment stood at 7 per cent in June.");
    assert_eq!((claim.kind.name(), value(&claim).as_str()), ("percent", "7"));
}

#[test]
fn dollars_and_cents() {
    let claim = only("A coffee was 3 dollars 50 cents.");
    assert_eq!((value(&claim).as_str(), claim.unit), ("3.5", Some("USD")));
}

#[test]
fn hedges_are_kept() {
    let claim = only("About 70 delegates came.");
    assert_eq!(claim.qualifier.name(), "approx");
    let claim = only("Nearly 40 delegates came.");
    assert_eq!(claim.qualifier.name(), "less_than");
}

#[test]
fn five_g_is_not_five_billion() {
    assert!(
        parse_text("Operators rolled out 5G in three cities.", "r.txt")
            .iter()
            .all(|c| c.text != "5G" && value(c) != "5000000000")
    );
}

#[test]
fn a_year_at_a_sentence_end_takes_its_footnote_off() {
    let claims = parse_text("The plan runs to 2035.1 Nothing more was said.", "r.txt");
    let year = claims.iter().find(|c| c.kind.name() == "year").expect("the year");
    assert_eq!(
        (value(year).as_str(), year.footnotes.clone()),
        ("2035", vec!["1".to_owned()])
    );
}

#[test]
fn a_small_decimal_is_not_a_glued_footnote() {
    assert_eq!(value(&only("7.2")), "7.2");
    assert_eq!(value(&only("It cost GBP 3.01")), "3.01");
}

#[test]
fn fractions_and_halves() {
    assert_eq!(value(&only("The beam is 2 1/4 m thick.")), "2.25");
    assert_eq!(value(&only("They walked two and a half miles.")), "2.5");
    assert_eq!(value(&only("The firm bought three dozens crates.")), "36");
}

#[test]
fn compound_ordinals() {
    let claim = only("It was the twenty-first meeting.");
    assert_eq!((claim.kind.name(), value(&claim).as_str()), ("ordinal", "21"));
}

#[test]
fn scientific_notation_is_read_exactly() {
    let claims = parse_text(
        "The error rate fell to 10^-3 per cycle, about 3 x 10^6 events, 1.25e4 probes and 2^10 \
         bits in colour #3e4; 12 sites reported.",
        "r.txt",
    );
    let read: Vec<(&str, String, String)> = claims
        .iter()
        .map(|c| {
            let value = c.value.map(|v| v.to_string()).unwrap_or_default();
            let precision = c.precision.map(|p| p.to_string()).unwrap_or_default();
            (c.text.as_str(), value, precision)
        })
        .collect();
    let expected = [
        ("10^-3", "0.001", "0.001"),
        ("3 x 10^6", "3000000", "1000000"),
        ("1.25e4", "12500", "100"),
        ("2^10 bits", "1024", "1"),
        ("12", "12", "1"),
    ];
    let expected: Vec<(&str, String, String)> = expected
        .iter()
        .map(|(t, v, p)| (*t, (*v).to_owned(), (*p).to_owned()))
        .collect();
    // A power of another base is computed ("2^10" → 1024); a colour code ("#3e4") is no figure.
    assert_eq!(read, expected);
    assert_eq!(claims[1].qualifier.name(), "approx");
}

#[test]
fn decimals_longer_than_a_decimal_holds_are_no_figure_and_no_panic() {
    // Found by the extract fuzz target: ".2343…335" with 38 places panicked in rust_decimal.
    let places = "3".repeat(40);
    let claims = parse_text(&format!("The share was .{places} percent, and 7 units."), "r.txt");
    assert!(claims.iter().any(|c| c.text == "7"));
    let words = "five ".repeat(35);
    let _ = parse_text(&format!("It rose by two point {words}percent."), "r.txt");
}

/// After "by", an end far above the first is the new level ("rose by EUR 40 billion to EUR 310
/// billion"), not a range; close ends stay a range of changes ("by 5 to 10 percent").
#[test]
fn by_an_amount_to_a_level_is_no_range() {
    let texts = |text: &str| -> Vec<String> {
        common::parse_text(text, "by.txt")
            .into_iter()
            .map(|c| c.text)
            .collect()
    };
    assert_eq!(
        texts("Debt rose by EUR 40 billion to EUR 310 billion."),
        ["EUR 40 billion", "EUR 310 billion"]
    );
    assert_eq!(texts("Prices rose by 5 to 10 percent."), ["5 to 10 percent"]);
}
