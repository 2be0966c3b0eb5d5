//! DOCX: a package assembled here from XML parts with the `zip` crate.

mod common;

use std::io::Write as _;
use std::path::Path;

use claimlint::ingest::{IngestOptions, parse};

const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

fn package(parts: &[(&str, &str)], method: zip::CompressionMethod) -> Vec<u8> {
    let mut buffer = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buffer);
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        for (name, content) in parts {
            zip.start_file(*name, options).expect("entry");
            zip.write_all(content.as_bytes()).expect("write");
        }
        zip.finish().expect("finish");
    }
    buffer.into_inner()
}

fn brief() -> Vec<u8> {
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document {W}><w:body>\
<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>2.1 Port traffic</w:t></w:r></w:p>\
<w:p><w:r><w:t xml:space=\"preserve\">The port handled </w:t></w:r><w:ins><w:r><w:t>1,200</w:t></w:r></w:ins><w:del><w:r><w:delText>1,100</w:delText></w:r></w:del><w:r><w:t xml:space=\"preserve\"> ships in 2022.</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>\
<w:p/>\
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>North</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>55 %</w:t></w:r></w:p></w:tc></w:tr></w:tbl>\
<w:p><w:r><w:t>Dredging cost EUR 40 million.</w:t></w:r></w:p>\
</w:body></w:document>"
    );
    let footnotes = format!(
        "<?xml version=\"1.0\"?><w:footnotes {W}>\
<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>\
<w:footnote w:id=\"1\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> Port authority, annual report 2022.</w:t></w:r></w:p></w:footnote>\
</w:footnotes>"
    );
    let core = "<?xml version=\"1.0\"?><cp:coreProperties xmlns:cp=\"x\" xmlns:dcterms=\"y\"><dcterms:created>2023-05-02T10:00:00Z</dcterms:created></cp:coreProperties>";
    package(
        &[
            ("word/document.xml", &document),
            ("word/footnotes.xml", &footnotes),
            ("docProps/core.xml", core),
        ],
        zip::CompressionMethod::Deflated,
    )
}

#[test]
fn paragraphs_notes_tracked_changes_and_positions() {
    let bytes = brief();
    let document = parse(&bytes, Path::new("brief.docx"), &IngestOptions::default()).expect("reads");
    let claims = common::engine().claims(&document);
    let texts: Vec<&str> = claims.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        texts,
        ["1,200", "2022", "55 %", "EUR 40 million", "2022"],
        "deleted text is dropped, the section number skipped"
    );
    let ships = &claims[0];
    assert_eq!((ships.part, ships.line, ships.column), (Some("document"), 2, 18));
    assert_eq!(ships.footnotes, ["1"]);
    let money = &claims[3];
    assert_eq!(
        (money.line, money.column),
        (6, 15),
        "every w:p counts, the empty one and the table cells too"
    );
    let note_year = &claims[4];
    assert_eq!((note_year.part, note_year.line), (Some("footnotes"), 2));
    assert_eq!(
        document.date.map(|d| d.to_string()).as_deref(),
        Some("2023-05-02")
    );
    let found = common::engine().check(&document, &claims);
    let rules_fired: Vec<(&str, Option<&str>, usize)> =
        found.iter().map(|d| (d.rule.as_str(), d.part, d.line)).collect();
    assert_eq!(rules_fired, [("citation/missing", Some("document"), 6)]);
}

#[test]
fn zip_bomb_is_refused_before_it_inflates() {
    let huge = "0".repeat(40 * 1024 * 1024);
    let document =
        format!("<w:document {W}><w:body><w:p><w:r><w:t>{huge}</w:t></w:r></w:p></w:body></w:document>");
    let bytes = package(
        &[("word/document.xml", &document)],
        zip::CompressionMethod::Deflated,
    );
    assert!(bytes.len() < 1_000_000, "the bomb is small: {}", bytes.len());
    let error = parse(&bytes, Path::new("bomb.docx"), &IngestOptions::default())
        .expect_err("refused")
        .to_string();
    assert!(
        error.contains("bomb.docx") && error.contains("inflate"),
        "{error}"
    );
}

#[test]
fn corrupt_and_empty_packages_are_clear_errors() {
    let mut bytes = brief();
    bytes.truncate(bytes.len() / 2);
    let error = parse(&bytes, Path::new("broken.docx"), &IngestOptions::default())
        .expect_err("corrupt")
        .to_string();
    assert!(error.contains("broken.docx") && error.contains("DOCX"), "{error}");
    let bytes = package(&[("readme.txt", "hello")], zip::CompressionMethod::Stored);
    let error = parse(&bytes, Path::new("other.docx"), &IngestOptions::default())
        .expect_err("no document")
        .to_string();
    assert!(error.contains("word/document.xml"), "{error}");
}

#[test]
fn encrypted_documents_are_clear_errors() {
    // Word keeps a password-protected document in an OLE compound file.
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(4096, 0);
    let error = parse(&ole, Path::new("secret.docx"), &IngestOptions::default())
        .expect_err("encrypted")
        .to_string();
    assert!(
        error.contains("secret.docx") && error.contains("encrypted"),
        "{error}"
    );
    // A zip entry with its encryption flag set (general purpose bit 0, in the local header at
    // byte 6 and in the central directory entry at byte 8 of its signature).
    let mut bytes = package(
        &[("word/document.xml", "<w:document/>")],
        zip::CompressionMethod::Stored,
    );
    bytes[6] |= 1;
    let central = bytes
        .windows(4)
        .position(|w| w == [0x50, 0x4B, 0x01, 0x02])
        .expect("central directory");
    bytes[central + 8] |= 1;
    let error = parse(&bytes, Path::new("locked.docx"), &IngestOptions::default())
        .expect_err("encrypted entry")
        .to_string();
    assert!(error.contains("locked.docx"), "{error}");
    assert!(
        error.to_lowercase().contains("encrypt") || error.contains("assword"),
        "{error}"
    );
}

#[test]
fn word_comments_suppress_findings_in_the_paragraphs_they_cover() {
    let para = |text: &str| format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>");
    let commented = |id: &str, text: &str| {
        format!(
            "<w:p><w:commentRangeStart w:id=\"{id}\"/><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>\
<w:commentRangeEnd w:id=\"{id}\"/><w:r><w:commentReference w:id=\"{id}\"/></w:r></w:p>"
        )
    };
    let document = format!(
        "<?xml version=\"1.0\"?><w:document {W}><w:body>{}{}{}{}{}</w:body></w:document>",
        para("Port dues"),
        commented("0", "Dredging cost EUR 40 million."),
        commented("1", "The harbour is old."),
        commented("2", "Cranes cost EUR 9 million."),
        para("Tugs cost EUR 3 million."),
    );
    let comment = |id: &str, text: &str| {
        format!(
            "<w:comment w:id=\"{id}\" w:author=\"Editor\"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:comment>"
        )
    };
    let comments = format!(
        "<?xml version=\"1.0\"?><w:comments {W}>{}{}{}</w:comments>",
        comment(
            "0",
            "claimlint-disable citation/missing -- the annex gives the tender"
        ),
        comment(
            "1",
            "claimlint-disable-next-line citation/missing -- nothing here"
        ),
        comment("2", "Please check this figure"),
    );
    let bytes = package(
        &[("word/document.xml", &document), ("word/comments.xml", &comments)],
        zip::CompressionMethod::Deflated,
    );
    let document = parse(&bytes, Path::new("c.docx"), &IngestOptions::default()).expect("reads");
    let claims = common::engine().claims(&document);
    let mut diagnostics = common::engine().check(&document, &claims);
    claimlint::check::collapse(&mut diagnostics);
    let seen: Vec<(&str, Option<&str>, usize)> = diagnostics
        .iter()
        .map(|d| (d.rule.as_str(), d.part, d.line))
        .collect();
    // Paragraph 2 is silenced; paragraph 3's comment silences nothing and is reported; an
    // ordinary comment (paragraph 4) silences nothing. The document cites nothing at all, so
    // the figures left (paragraphs 4 and 5) make one finding, the second a related place.
    assert_eq!(
        seen,
        [
            ("suppression/unused", Some("document"), 3),
            ("citation/missing", Some("document"), 4),
        ]
    );
    let related: Vec<(Option<&str>, usize)> =
        diagnostics[1].related.iter().map(|r| (r.part, r.line)).collect();
    assert_eq!(related, [(Some("document"), 5)]);
}

#[test]
fn findings_in_footnotes_are_shown_in_their_part() {
    let document = format!(
        "<?xml version=\"1.0\"?><w:document {W}><w:body><w:p><w:r><w:t>Intro.</w:t></w:r></w:p>\
<w:p><w:r><w:t xml:space=\"preserve\">The port handled 1,200 ships.</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p></w:body></w:document>"
    );
    let footnotes = format!(
        "<?xml version=\"1.0\"?><w:footnotes {W}>\
<w:footnote w:id=\"1\"><w:p><w:r><w:t>Port authority, annual report.</w:t></w:r></w:p></w:footnote>\
<w:footnote w:id=\"2\"><w:p><w:r><w:t>A note nobody cites.</w:t></w:r></w:p></w:footnote></w:footnotes>"
    );
    let bytes = package(
        &[
            ("word/document.xml", &document),
            ("word/footnotes.xml", &footnotes),
        ],
        zip::CompressionMethod::Deflated,
    );
    let document = parse(&bytes, Path::new("n.docx"), &IngestOptions::default()).expect("reads");
    let claims = common::engine().claims(&document);
    let diagnostics = common::engine().check(&document, &claims);
    let unused = diagnostics
        .iter()
        .find(|d| d.rule == "footnote/unused")
        .expect("the uncited note");
    assert_eq!(
        (unused.part, unused.line, unused.column),
        (Some("footnotes"), 2, 1)
    );
    let human = claimlint::report::human::render_document(
        &diagnostics,
        "n.docx",
        document.source_map.original(),
        &document.parts,
        false,
    );
    assert!(human.contains("[n.docx (footnotes):2:1]"), "{human}");
    assert!(human.contains("A note nobody cites."), "{human}");
}

#[test]
fn a_text_box_is_its_own_paragraph_and_its_fallback_copy_is_skipped() {
    let box_content =
        "<w:txbxContent><w:p><w:r><w:t>The box lists 5 cranes.</w:t></w:r></w:p></w:txbxContent>";
    let document = format!(
        "<?xml version=\"1.0\"?><w:document {W} xmlns:mc=\"m\" xmlns:wps=\"s\" xmlns:v=\"v\"><w:body>\
<w:p><w:r><w:t xml:space=\"preserve\">The port has 12 berths </w:t></w:r>\
<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>{box_content}</wps:txbx></w:drawing></mc:Choice>\
<mc:Fallback><w:pict><v:textbox>{box_content}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>\
<w:r><w:t xml:space=\"preserve\">and 7 tugs.</w:t></w:r></w:p>\
<w:p><w:r><w:t>Dredging cost EUR 40 million.</w:t></w:r></w:p></w:body></w:document>"
    );
    let bytes = package(
        &[("word/document.xml", &document)],
        zip::CompressionMethod::Deflated,
    );
    let document = parse(&bytes, Path::new("box.docx"), &IngestOptions::default()).expect("reads");
    let claims = common::engine().claims(&document);
    let seen: Vec<(&str, usize)> = claims.iter().map(|c| (c.text.as_str(), c.line)).collect();
    // The holding paragraph is paragraph 1 and goes on after the box; the box is paragraph 2.
    assert_eq!(seen, [("12", 1), ("7", 1), ("5", 2), ("EUR 40 million", 3)]);
}

#[test]
fn attribute_values_are_unescaped() {
    // A heading style written with a character reference is still a heading; a table of
    // contents style so written is still skipped.
    let document = format!(
        "<?xml version=\"1.0\"?><w:document {W}><w:body>\
<w:p><w:pPr><w:pStyle w:val=\"Heading&#49;\"/></w:pPr><w:r><w:t>Harbour of 2,000 berths</w:t></w:r></w:p>\
<w:p><w:pPr><w:pStyle w:val=\"&#84;OC1\"/></w:pPr><w:r><w:t>Results 14</w:t></w:r></w:p>\
<w:p><w:r><w:t>Dredging cost EUR 40 million.</w:t></w:r></w:p></w:body></w:document>"
    );
    let bytes = package(
        &[("word/document.xml", &document)],
        zip::CompressionMethod::Deflated,
    );
    let document = parse(&bytes, Path::new("styles.docx"), &IngestOptions::default()).expect("reads");
    let kinds: Vec<_> = document.blocks.iter().map(|b| b.kind).collect();
    assert!(
        matches!(
            kinds.first(),
            Some(claimlint::document::BlockKind::Heading { level: 1 })
        ),
        "{kinds:?}"
    );
    let claims = common::engine().claims(&document);
    assert!(
        claims.iter().all(|c| c.text != "14"),
        "the contents line is skipped"
    );
}

#[test]
fn notes_are_labelled_as_word_numbers_them() {
    // Word shows the notes of ids 7 and 3 as 1 and 2, and an endnote as i.
    let document = format!(
        "<?xml version=\"1.0\"?><w:document {W}><w:body>\
<w:p><w:r><w:t xml:space=\"preserve\">Fees rose 4 percent.</w:t></w:r><w:r><w:footnoteReference w:id=\"7\"/></w:r></w:p>\
<w:p><w:r><w:t xml:space=\"preserve\">Costs fell 2 percent.</w:t></w:r><w:r><w:footnoteReference w:id=\"3\"/></w:r>\
<w:r><w:endnoteReference w:id=\"5\"/></w:r></w:p></w:body></w:document>"
    );
    let note = |kind: &str, id: &str, text: &str| {
        format!("<w:{kind} w:id=\"{id}\"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:{kind}>")
    };
    let footnotes = format!(
        "<?xml version=\"1.0\"?><w:footnotes {W}>{}{}</w:footnotes>",
        note("footnote", "3", "Cost table."),
        note("footnote", "7", "Fee table.")
    );
    let endnotes = format!(
        "<?xml version=\"1.0\"?><w:endnotes {W}>{}</w:endnotes>",
        note("endnote", "5", "Method.")
    );
    let bytes = package(
        &[
            ("word/document.xml", &document),
            ("word/footnotes.xml", &footnotes),
            ("word/endnotes.xml", &endnotes),
        ],
        zip::CompressionMethod::Deflated,
    );
    let document = parse(&bytes, Path::new("n.docx"), &IngestOptions::default()).expect("reads");
    let labels: Vec<&str> = document.footnote_refs.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, ["1", "2", "i"]);
    let claims = common::engine().claims(&document);
    let covered: Vec<Vec<String>> = claims.iter().map(|c| c.footnotes.clone()).collect();
    assert_eq!(
        covered,
        [vec!["1".to_owned()], vec!["2".to_owned(), "i".to_owned()]]
    );
    let diagnostics = common::engine().check(&document, &claims);
    assert!(
        diagnostics.iter().all(|d| !d.rule.starts_with("footnote/")),
        "{:?}",
        diagnostics.iter().map(|d| &d.message).collect::<Vec<_>>()
    );
}
