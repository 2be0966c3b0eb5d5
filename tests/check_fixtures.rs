//! `check` on fixture documents: every rule fires on its hits and stays quiet on the near
//! misses. Human output (colour off) and JSON are snapshotted.

mod common;

use claimlint::diagnostic::Diagnostic;
use common::{document, snapshot_settings};

fn diagnostics(name: &str) -> (Vec<Diagnostic>, String) {
    let document = document(name);
    let claims = common::engine().claims(&document);
    let found = common::engine().check(&document, &claims);
    (found, document.source_map.original().to_owned())
}

fn snapshot_both(fixture: &str, name: &str) -> Vec<Diagnostic> {
    let (found, original) = diagnostics(fixture);
    let mut human = claimlint::report::human::render_document(&found, fixture, &original, &[], false);
    human.push_str(&claimlint::report::human::summary(&found, 1));
    let mut json = Vec::new();
    claimlint::report::diagnostics::write_array(&mut json, &found).expect("writes");
    let json = String::from_utf8(json).expect("utf-8");
    snapshot_settings().bind(|| {
        insta::assert_snapshot!(format!("{name}_human"), human);
        insta::assert_snapshot!(format!("{name}_json"), json);
    });
    found
}

fn rules_of(found: &[Diagnostic]) -> Vec<&str> {
    found.iter().map(|d| d.rule.as_str()).collect()
}

#[test]
fn footnote_rules_fire_on_their_hits() {
    let found = snapshot_both("check/footnotes.md", "check_footnotes");
    // Markdown renumbers `[^label]` notes as it renders them, so their order is no finding
    // (`footnote/sequence` is exercised on plain text by its rule file's examples).
    assert!(!rules_of(&found).contains(&"footnote/sequence"));
    for rule in [
        "footnote/undefined",
        "footnote/unused",
        "footnote/duplicate",
        "footnote/empty",
    ] {
        assert!(
            rules_of(&found).contains(&rule),
            "{rule} did not fire: {:?}",
            rules_of(&found)
        );
    }
}

#[test]
fn consistency_and_fact_rules_fire_on_their_hits() {
    let found = snapshot_both("check/consistency.txt", "check_consistency");
    for rule in [
        "consistency/part-whole",
        "consistency/percent-bounds",
        "consistency/range-order",
        "consistency/share-sum",
        "consistency/acronym",
        "consistency/restated",
        "consistency/arithmetic",
        "fact/reference",
    ] {
        assert!(
            rules_of(&found).contains(&rule),
            "{rule} did not fire: {:?}",
            rules_of(&found)
        );
    }
}

#[test]
fn near_misses_raise_nothing() {
    let (found, _) = diagnostics("check/near-misses.txt");
    assert!(
        found.is_empty(),
        "{:#?}",
        found.iter().map(|d| (&d.rule, &d.message)).collect::<Vec<_>>()
    );
}

#[test]
fn citation_rule_names_a_source_it_sees() {
    let found = snapshot_both("check/citation.txt", "check_citation");
    let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(found.len(), 3, "{messages:#?}");
    assert!(messages[1].contains("names Cisco"), "{messages:#?}");
}

#[test]
fn relation_rules_fire_on_a_report() {
    let found = snapshot_both("check/relations.md", "check_relations");
    let rules = rules_of(&found);
    for rule in [
        "consistency/duration",
        "consistency/count-share",
        "consistency/arithmetic",
        "consistency/share-sum",
        "consistency/conversion",
    ] {
        assert!(rules.contains(&rule), "{rule} did not fire: {rules:?}");
    }
    // The anniversary, the plan's length, the share, the budget, the rise, the points read as
    // percent, the shares and the conversion: one finding each, nothing else.
    assert_eq!(found.len(), 8, "{rules:?}");
}
