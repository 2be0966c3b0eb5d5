//! Checks on the shared corpus paper, when `../shared` is beside the repository (it is in CI).
//! The paper is read from there, never copied into the project.

mod common;

use std::path::Path;

use claimlint::ingest::{IngestOptions, read_path};

const PAPER: &str = "../shared/corpus/iot-china-policy-paper.txt";

fn paper() -> Option<claimlint::Document> {
    if !Path::new(PAPER).exists() {
        eprintln!("skipped: {PAPER} is not there");
        return None;
    }
    Some(read_path(Path::new(PAPER), "iot.txt", &IngestOptions::default()).expect("the paper reads"))
}

#[test]
fn all_forty_markers_are_found_in_order() {
    let Some(document) = paper() else { return };
    let labels: Vec<String> = document.footnote_refs.iter().map(|r| r.label.clone()).collect();
    let expected: Vec<String> = (1..=40).map(|n| n.to_string()).collect();
    assert_eq!(labels, expected);
}

fn claims() -> Option<Vec<claimlint::Claim>> {
    paper().map(|document| common::engine().claims(&document))
}

fn find<'a>(claims: &'a [claimlint::Claim], text: &str) -> &'a claimlint::Claim {
    claims
        .iter()
        .find(|c| c.text == text)
        .unwrap_or_else(|| panic!("no claim `{text}`"))
}

#[test]
fn no_figure_has_a_marker_glued_on() {
    let Some(claims) = claims() else { return };
    for claim in &claims {
        for glued in ["2035.2", "2020.9", "2021.1", "2021.12", "2019.21", "2020.22"] {
            assert!(
                !claim.text.contains(glued),
                "{} has a marker glued on",
                claim.text
            );
        }
        if let Some(value) = claim.value {
            assert!(
                value.fract().is_zero() || claim.kind != claimlint::Kind::Year,
                "{}",
                claim.text
            );
        }
    }
}

#[test]
fn names_and_section_numbers_are_not_figures() {
    let Some(claims) = claims() else { return };
    let texts: Vec<&str> = claims.iter().map(|c| c.text.as_str()).collect();
    // "5G", "6G", "ISO/IEC 30141", "TC-260", "SAC/TC28/SC41", "Exhibit 1", headings "1.1", "2.1" …
    for name in [
        "5", "6", "30141", "260", "28", "41", "1", "1.1", "1.2", "2.1", "2.2", "2.3", "3", "4",
    ] {
        assert!(!texts.contains(&name), "`{name}` was read as a figure");
    }
    // "IMT-2020 5G Promotion Group" holds no year.
    assert!(
        !claims
            .iter()
            .any(|c| c.text == "2020" && c.sentence.contains("IMT-2020") && !c.sentence.contains(" 2020"))
    );
}

#[test]
fn the_done_when_figures() {
    let Some(claims) = claims() else { return };
    let check = |text: &str, kind: &str, value: Option<&str>, unit: Option<&str>, qualifier: &str| {
        let claim = find(&claims, text);
        assert_eq!(claim.kind.name(), kind, "{text}");
        assert_eq!(
            claim.value.map(|v| v.normalize().to_string()).as_deref(),
            value,
            "{text}"
        );
        assert_eq!(claim.unit, unit, "{text}");
        assert_eq!(claim.qualifier.name(), qualifier, "{text}");
    };
    check("three quarters", "percent", Some("75"), Some("%"), "exact");
    check(
        "a trillion USD",
        "money",
        Some("1000000000000"),
        Some("USD"),
        "exact",
    );
    check(
        "EUR 15 billion",
        "money",
        Some("15000000000"),
        Some("EUR"),
        "exact",
    );
    check("800,000", "count", Some("800000"), None, "more_than");
    check("12 billion", "count", Some("12000000000"), None, "less_than");
    check("600 kilometers", "quantity", Some("600"), Some("km"), "less_than");
    let period = find(&claims, "2011-2015");
    assert_eq!(
        (
            period.kind.name(),
            period.low.map(|d| d.to_string()),
            period.high.map(|d| d.to_string())
        ),
        ("period", Some("2011".to_owned()), Some("2015".to_owned()))
    );
    let short = find(&claims, "2016-17");
    assert_eq!(
        (
            short.kind.name(),
            short.low.map(|d| d.to_string()),
            short.high.map(|d| d.to_string())
        ),
        ("period", Some("2016".to_owned()), Some("2017".to_owned()))
    );
    check("Ten", "count", Some("10"), None, "exact");
    let eighteen = find(&claims, "18");
    assert!(eighteen.sentence.starts_with("Ten out of 18"));
    assert_eq!(eighteen.kind.name(), "count");
}

#[test]
fn check_reports_the_forty_undefined_markers_and_the_aii_acronym_and_no_false_consistency_error() {
    let Some(document) = paper() else { return };
    let claims = common::engine().claims(&document);
    let found = common::engine().check(&document, &claims);
    let undefined: Vec<&str> = found
        .iter()
        .filter(|d| d.rule == "footnote/undefined")
        .map(|d| d.message.split_whitespace().nth(1).unwrap_or(""))
        .collect();
    let expected: Vec<String> = (1..=40).map(|n| n.to_string()).collect();
    assert_eq!(undefined, expected);
    let acronyms: Vec<&str> = found
        .iter()
        .filter(|d| d.rule == "consistency/acronym")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(acronyms.len(), 1);
    assert!(acronyms[0].starts_with("AII is expanded as"), "{acronyms:?}");
    let others: Vec<(&str, &str)> = found
        .iter()
        .filter(|d| {
            d.rule.starts_with("consistency/") && d.rule != "consistency/acronym"
                || d.rule.starts_with("fact/")
        })
        .map(|d| (d.rule.as_str(), d.message.as_str()))
        .collect();
    assert!(others.is_empty(), "{others:#?}");
}
