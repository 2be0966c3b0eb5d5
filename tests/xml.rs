//! JATS and DocBook: structure, footnotes, positions, and hostile or broken input.

mod common;

use std::fmt::Write as _;
use std::path::Path;

use claimlint::ingest::{IngestOptions, parse};
use common::{claims_of, document, snapshot_settings, table};

#[test]
fn jats_article() {
    let claims = claims_of("xml/article.xml");
    snapshot_settings().bind(|| insta::assert_snapshot!("extract_jats", table(&claims)));
    let document = document("xml/article.xml");
    let refs: Vec<&str> = document.footnote_refs.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(refs, ["bib1", "fn1"]);
    let defs: Vec<&str> = document.footnote_defs.iter().map(|d| d.label.as_str()).collect();
    assert_eq!(defs, ["fn1", "bib1"]);
    assert_eq!(
        document.date.map(|d| d.to_string()).as_deref(),
        Some("2023-05-02")
    );
    assert!(
        !document.text.contains("Example"),
        "front matter other than the title and abstract is skipped"
    );
    assert!(
        claims.iter().any(|c| c.text == "25 percent"),
        "the abstract is read like the body"
    );
    let storage = claims.iter().find(|c| c.text == "950 MW").expect("950 MW");
    let original = document.source_map.original();
    assert_eq!(&original[storage.start..storage.end], "950&#x2009;MW");
}

#[test]
fn jats_exponents_are_powers_of_ten_and_superscript_notes_stay_notes() {
    let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.2//EN\" \"x.dtd\">\n<article dtd-version=\"1.2\"><body><p>Losses fell to 10<sup>&#x2212;3</sup> and 10<sup>6</sup> cells grew; 5<sup>\u{2212}2</sup> is small. Output doubled in 2020<sup>3</sup> at 40 plants.</p></body></article>";
    let document = parse_xml(text, "exponents.xml").expect("reads");
    let claims = common::engine().claims(&document);
    let read: Vec<(&str, String)> = claims
        .iter()
        .map(|c| {
            (
                c.text.as_str(),
                c.value.map(|v| v.to_string()).unwrap_or_default(),
            )
        })
        .collect();
    // "5<sup>−2</sup>" is a power of 5, computed; "2020<sup>3</sup>" is a year and note 3.
    let expected = [
        ("10^−3", "0.001"),
        ("10^6", "1000000"),
        ("5^−2", "0.04"),
        ("2020", "2020"),
        ("40", "40"),
    ];
    let expected: Vec<(&str, String)> = expected.iter().map(|(t, v)| (*t, (*v).to_owned())).collect();
    assert_eq!(read, expected);
}

#[test]
fn docbook_guide() {
    let claims = claims_of("xml/guide.dbk");
    snapshot_settings().bind(|| insta::assert_snapshot!("extract_docbook", table(&claims)));
    let document = document("xml/guide.dbk");
    assert!(!document.text.contains("9999"), "program listings are skipped");
    let ships = claims.iter().find(|c| c.text == "1,200").expect("1,200");
    assert_eq!(ships.footnotes, ["1"]);
    let containers = claims
        .iter()
        .find(|c| c.text == "3.4 million")
        .expect("3.4 million");
    assert_eq!(containers.footnotes, ["ref-audit"]);
    assert!(claims.iter().all(|c| c.text != "2.1"), "section number");
}

fn parse_xml(text: &str, name: &str) -> claimlint::Result<claimlint::Document> {
    parse(text.as_bytes(), Path::new(name), &IngestOptions::default())
}

#[test]
fn declared_entities_are_never_expanded() {
    let mut laughs = String::from(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.2//EN\" \"x.dtd\" [\n<!ENTITY lol \"lol\">\n",
    );
    for level in 1..=9 {
        let previous = if level == 1 {
            "lol".to_owned()
        } else {
            format!("lol{}", level - 1)
        };
        let body = format!("&{previous};").repeat(10);
        let _ = writeln!(laughs, "<!ENTITY lol{level} \"{body}\">");
    }
    laughs.push_str("<!ENTITY ext SYSTEM \"file:///etc/passwd\">\n]>\n<article dtd-version=\"1.2\"><front></front><body><p>&lol9; &ext; Sales were 40 units.</p></body></article>\n");
    let document = parse_xml(&laughs, "laughs.xml").expect("reads without expanding");
    assert!(document.text.len() < 200, "{} bytes of text", document.text.len());
    assert!(document.text.contains("&lol9;") && !document.text.contains("root:"));
}

#[test]
fn deep_nesting_is_refused_with_its_place() {
    let depth = claimlint::ingest::xml::MAX_DEPTH + 10;
    let text = format!(
        "<article xmlns=\"http://docbook.org/ns/docbook\">{}{}</article>",
        "<para>".repeat(depth),
        "</para>".repeat(depth)
    );
    let error = parse_xml(&text, "deep.dbk").expect_err("too deep").to_string();
    assert!(
        error.contains("`deep.dbk`:1:") && error.contains("nest deeper"),
        "{error}"
    );
}

#[test]
fn malformed_xml_names_line_and_column() {
    let text =
        "<article xmlns=\"http://docbook.org/ns/docbook\">\n<para>Sales were 40 units.</pra>\n</article>\n";
    let error = parse_xml(text, "broken.dbk").expect_err("malformed").to_string();
    assert!(
        error.starts_with("`broken.dbk`:2:") && error.contains("malformed"),
        "{error}"
    );
}

#[test]
fn xml_files_are_told_apart_by_content() {
    let plain = "<?xml version=\"1.0\"?><catalog><item>40 units</item></catalog>";
    let error = parse_xml(plain, "catalog.xml")
        .expect_err("neither JATS nor DocBook")
        .to_string();
    assert!(error.contains("neither JATS nor DocBook"), "{error}");
    let docbook = "<?xml version=\"1.0\"?><article xmlns=\"http://docbook.org/ns/docbook\"><para>Sales were 40 units.</para></article>";
    assert_eq!(
        parse_xml(docbook, "guide.xml").expect("DocBook").format.name(),
        "docbook"
    );
    // A DocBook chapter kept as its own file, without namespace or DTD.
    let chapter = "<?xml version='1.0'?>\n<chapter id=\"costs\"><title>Costs</title><para>Sales were 40 units.</para></chapter>";
    assert_eq!(
        parse_xml(chapter, "costs.xml")
            .expect("DocBook chapter")
            .format
            .name(),
        "docbook"
    );
    let not_docbook = "<?xml version=\"1.0\"?><chapter><verse>40 lines</verse></chapter>";
    assert!(parse_xml(not_docbook, "verse.xml").is_err());
    // A folder run skips the other .xml without error.
    let dir = common::scratch_dir("xml", "walk");
    std::fs::write(dir.join("catalog.xml"), plain).expect("write");
    std::fs::write(dir.join("guide.xml"), docbook).expect("write");
    let files = claimlint::ingest::walk(&dir, &[]).expect("walks");
    assert_eq!(files.len(), 1);
    assert!(files[0].ends_with("guide.xml"));
}
