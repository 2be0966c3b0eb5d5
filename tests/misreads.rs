//! Inputs that would be misread if accepted: a DOCX whose entries share a name, a DOCX part that
//! is no XML, UTF-16 cut in the middle of a character, and invisible characters inside a figure.

mod common;

use std::io::Write as _;

/// A DOCX (a zip) with `document` as `word/document.xml`, and `extra` entries.
fn docx(document: &[u8], extra: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    writer.start_file("word/document.xml", options).expect("entry");
    writer.write_all(document).expect("write");
    for (name, bytes) in extra {
        writer.start_file(*name, options).expect("entry");
        writer.write_all(bytes).expect("write");
    }
    writer.finish().expect("zip").into_inner()
}

const BODY: &[u8] = br#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Sales were EUR 12 million.</w:t></w:r></w:p></w:body></w:document>"#;

fn extract(name: &str, bytes: &[u8]) -> std::process::Output {
    let dir = common::scratch_dir("misreads", name);
    std::fs::write(dir.join(name), bytes).expect("write");
    common::claimlint()
        .current_dir(&*dir)
        .args(["extract", name, "--format", "jsonl"])
        .output()
        .expect("runs")
}

#[test]
fn a_docx_with_two_entries_of_one_name_is_refused() {
    let other = BODY.to_vec();
    let mut bytes = docx(BODY, &[("word/documenX.xml", &other)]);
    // Rename the second entry to the first's name, in its local header and in the index.
    let (from, to) = (b"word/documenX.xml", b"word/document.xml");
    let mut at = 0;
    while let Some(found) = bytes[at..].windows(from.len()).position(|w| w == from) {
        bytes[at + found..at + found + to.len()].copy_from_slice(to);
        at += found + to.len();
    }
    let output = extract("twice.docx", &bytes);
    assert_eq!(
        output.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("repeat the name"));
}

#[test]
fn a_document_part_that_is_no_xml_is_an_error_not_an_empty_document() {
    let output = extract(
        "plain.docx",
        &docx(b"Sales were EUR 12 million, says this text.", &[]),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not XML"));
    let other = extract(
        "other.docx",
        &docx(b"<html><body><p>EUR 12 million</p></body></html>", &[]),
    );
    assert_eq!(other.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&other.stderr).contains("w:document"));
    let fine = extract("fine.docx", &docx(BODY, &[]));
    assert_eq!(fine.status.code(), Some(0));
}

#[test]
fn utf16_cut_in_half_is_an_error() {
    let mut bytes = vec![0xff, 0xfe];
    for unit in "Sales were EUR 12 million.".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    bytes.push(b'x');
    let output = extract("odd.txt", &bytes);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("odd number of bytes"));
}

#[test]
fn invisible_characters_inside_a_figure_do_not_cut_it() {
    let claims = common::parse_text(
        "The fund holds USD 12\u{feff} million and EUR 3\u{200b} billion.",
        "invisible.txt",
    );
    let values: Vec<String> = claims
        .iter()
        .map(|c| c.value.map(|v| v.normalize().to_string()).unwrap_or_default())
        .collect();
    assert_eq!(values, ["12000000", "3000000000"]);
}
