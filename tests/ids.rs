//! Claim ids stay stable across the edits an auditor expects them to survive.

mod common;

use common::parse_text;

fn ids(text: &str) -> Vec<(String, String)> {
    parse_text(text, "report.txt")
        .into_iter()
        .map(|c| (c.text, c.id))
        .collect()
}

fn id_of(text: &str, figure: &str) -> String {
    ids(text)
        .into_iter()
        .find(|(t, _)| t == figure)
        .unwrap_or_else(|| panic!("no {figure} in {text}"))
        .1
}

const ORIGINAL: &str = "Fleet report\n\nThe port handled over 800,000 containers in 2020. Costs rose.\n\nCranes cost EUR 15 billion.\n";

#[test]
fn moving_other_text_keeps_ids() {
    let moved = "Fleet report\n\nA new opening paragraph with 12 figures in it.\n\nCranes cost EUR 15 billion.\n\nThe port handled over 800,000 containers in 2020. Costs rose.\n";
    assert_eq!(id_of(ORIGINAL, "800,000"), id_of(moved, "800,000"));
    assert_eq!(id_of(ORIGINAL, "EUR 15 billion"), id_of(moved, "EUR 15 billion"));
    assert_eq!(id_of(ORIGINAL, "2020"), id_of(moved, "2020"));
}

#[test]
fn editing_the_figure_keeps_its_id() {
    let edited = ORIGINAL
        .replace("800,000", "812,500")
        .replace("EUR 15 billion", "17 billion euros");
    assert_eq!(id_of(ORIGINAL, "800,000"), id_of(&edited, "812,500"));
    assert_eq!(
        id_of(ORIGINAL, "EUR 15 billion"),
        id_of(&edited, "17 billion euros")
    );
}

#[test]
fn changing_or_dropping_the_qualifier_keeps_the_id() {
    let about = ORIGINAL.replace("over 800,000", "about 800,000");
    let bare = ORIGINAL.replace("over 800,000", "800,000");
    let original = id_of(ORIGINAL, "800,000");
    assert_eq!(original, id_of(&about, "800,000"));
    assert_eq!(original, id_of(&bare, "800,000"));
}

#[test]
fn rewording_the_sentence_changes_the_id() {
    let reworded = ORIGINAL.replace("The port handled", "The harbour moved");
    assert_ne!(id_of(ORIGINAL, "800,000"), id_of(&reworded, "800,000"));
}

#[test]
fn claims_of_one_sentence_and_repeated_sentences_get_distinct_ids() {
    let text = "Sales were 40 units in 2020.\n\nSales were 40 units in 2020.\n";
    let found = ids(text);
    assert_eq!(found.len(), 4);
    let mut unique: Vec<&String> = found.iter().map(|(_, id)| id).collect();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 4, "{found:?}");
}

#[test]
fn footnote_renumbering_keeps_ids() {
    let text = "Sales were 40 units.3 More followed.\n";
    let renumbered = text.replace(".3", ".4");
    assert_eq!(id_of(text, "40"), id_of(&renumbered, "40"));
}
