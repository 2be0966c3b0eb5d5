//! The document model the readers build: blocks, markers, notes, and positions that point
//! into the original file.

mod common;

use claimlint::document::BlockKind;
use claimlint::normalise::collapse_whitespace;
use common::{claims_of, document, fixture};

#[test]
fn text_markers_of_every_form_are_found_in_sequence() {
    let document = document("extract/markers.txt");
    let labels: Vec<&str> = document.footnote_refs.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, ["1", "2", "3", "4", "5", "6", "7"]);
    let marker_texts: Vec<&str> = document
        .footnote_refs
        .iter()
        .map(|r| document.slice(r.span))
        .collect();
    assert_eq!(marker_texts, ["1", "2", "3", "4", "5", "[6]", "⁷"]);
}

#[test]
fn text_notes_section_defines_the_notes() {
    let document = document("extract/markers.txt");
    let labels: Vec<&str> = document.footnote_defs.iter().map(|d| d.label.as_str()).collect();
    assert_eq!(labels, ["1", "2", "3", "4", "5", "6", "7"]);
    assert_eq!(
        document.slice(document.footnote_defs[1].span),
        "Speech of 3 May 2020."
    );
    let notes = document
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Note { .. }))
        .count();
    assert_eq!(notes, 7);
}

#[test]
fn text_headings_and_their_section_numbers() {
    let document = document("extract/markers.txt");
    let headings: Vec<&str> = document
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Heading { .. }))
        .map(|b| document.slice(b.span))
        .collect();
    assert_eq!(
        headings,
        [
            "Footnote markers",
            "1. Glued markers",
            "2. A decimal is not a marker",
            "Notes"
        ]
    );
    assert!(document.is_ignored(claimlint::span::Span::new(
        document.text.find("1. Glued").unwrap_or(0),
        document.text.find("1. Glued").unwrap_or(0) + 1
    )));
}

#[test]
fn markdown_blocks_notes_and_skipped_code() {
    let document = document("extract/brief.md");
    let kinds: Vec<String> = document
        .blocks
        .iter()
        .map(|b| match b.kind {
            BlockKind::Heading { level } => format!("h{level}"),
            BlockKind::Paragraph => "p".to_owned(),
            BlockKind::ListItem => "li".to_owned(),
            BlockKind::TableCell { .. } => "td".to_owned(),
            BlockKind::Quote => "quote".to_owned(),
            BlockKind::Note { definition } => format!("note{definition}"),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "h1", "p", "li", "li", "quote", "td", "td", "td", "td", "p", "note0", "note1"
        ]
    );
    assert!(!document.text.contains("12345") && !document.text.contains("999"));
    assert_eq!(
        document.date.map(|d| d.to_string()).as_deref(),
        Some("2022-06-30")
    );
    let labels: Vec<&str> = document.footnote_refs.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, ["a", "b"]);
}

#[test]
fn every_claim_points_at_its_text_in_the_original_file() {
    for entry in std::fs::read_dir(fixture("extract")).expect("fixtures") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "html") {
            continue; // entities: tested in html_positions_point_at_the_entity
        }
        let original = std::fs::read_to_string(&path).expect("fixture");
        let name = format!("extract/{}", path.file_name().expect("name").to_string_lossy());
        for claim in claims_of(&name) {
            let at = &original[claim.start..claim.end];
            assert_eq!(collapse_whitespace(at), claim.text, "{name}: {claim:?}");
            let line = original[..claim.start].matches('\n').count() + 1;
            let column = original[..claim.start]
                .rsplit('\n')
                .next()
                .unwrap_or("")
                .chars()
                .count()
                + 1;
            assert_eq!(
                (claim.line, claim.column),
                (line, column),
                "{name}: {}",
                claim.text
            );
        }
    }
}

#[test]
fn a_long_sentence_is_cut_around_each_claim() {
    let filler = "and the committee met again ".repeat(60);
    let text = format!("Opening words {filler} while sales reached 40 units {filler} and closed.");
    let claims = common::parse_text(&text, "long.txt");
    assert_eq!(claims.len(), 1);
    let sentence = &*claims[0].sentence;
    assert!(sentence.starts_with('…') && sentence.ends_with('…'), "{sentence}");
    assert!(sentence.contains("sales reached 40 units"));
    assert!(
        sentence.chars().count() <= 2 * 200 + 20,
        "{}",
        sentence.chars().count()
    );
}

#[test]
fn html_positions_point_at_the_entity_and_footnotes_are_read() {
    let document = document("extract/report.html");
    let original = document.source_map.original().to_owned();
    let claims = common::engine().claims(&document);
    let money = claims.iter().find(|c| c.kind.name() == "money").expect("money");
    assert_eq!(&original[money.start..money.end], "&euro;1.84&nbsp;billion");
    assert_eq!((money.line, money.column), (12, 20));
    assert_eq!(money.footnotes, ["1"]);
    let refs: Vec<&str> = document.footnote_refs.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(refs, ["1", "2"]);
    let defs: Vec<&str> = document.footnote_defs.iter().map(|d| d.label.as_str()).collect();
    assert_eq!(defs, ["1", "2"]);
    assert_eq!(
        document.date.map(|d| d.to_string()).as_deref(),
        Some("2023-05-02")
    );
    assert!(
        !document.text.contains("9999")
            && !document.text.contains("Page 2 of 7")
            && !document.text.contains("1.1 More")
    );
    assert!(
        claims.iter().all(|c| c.text != "2.1"),
        "a heading's section number is no figure"
    );
    let cells = document
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::TableCell { .. }))
        .count();
    assert_eq!(cells, 6);
}
