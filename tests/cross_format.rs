//! One short report, written by us in six formats (tests/fixtures/cross): every format must
//! yield the same claims and the same findings, and each must point at its own original file.

mod common;

use std::io::Write as _;
use std::path::Path;

use claimlint::diagnostic::Diagnostic;
use claimlint::ingest::{IngestOptions, parse};
use claimlint::{Claim, Document};
use common::fixture;

const FORMATS: &[&str] = &[
    "report.txt",
    "report.md",
    "report.html",
    "report.xml",
    "report.dbk",
];

/// What must agree across formats: everything about a claim but where it is.
type Seen = (String, String, String, String, String, String, String, usize);

fn seen(claim: &Claim) -> Seen {
    let decimal = |d: Option<rust_decimal::Decimal>| d.map(|d| d.normalize().to_string()).unwrap_or_default();
    (
        claim.kind.name().to_owned(),
        claim.text.clone(),
        decimal(claim.value),
        claim.unit.unwrap_or_default().to_owned(),
        claim.qualifier.name().to_owned(),
        decimal(claim.low),
        decimal(claim.high),
        claim.footnotes.len(),
    )
}

fn finding(diagnostic: &Diagnostic) -> (String, String, String) {
    (
        diagnostic.rule.clone(),
        format!("{:?}", diagnostic.severity),
        diagnostic.message.clone(),
    )
}

fn docx_package() -> Vec<u8> {
    let mut buffer = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buffer);
        let options = zip::write::SimpleFileOptions::default();
        for (entry, file) in [
            ("word/document.xml", "cross/docx/document.xml"),
            ("word/footnotes.xml", "cross/docx/footnotes.xml"),
        ] {
            zip.start_file(entry, options).expect("entry");
            zip.write_all(&std::fs::read(fixture(file)).expect("part"))
                .expect("write");
        }
        zip.finish().expect("finish");
    }
    buffer.into_inner()
}

/// The report as a PDF (made with pdf-writer): the title, one line a paragraph, the markers
/// raised, the notes in small type at the page's foot.
fn pdf_report() -> Vec<u8> {
    let line = |y: f32, size: f32, pieces| common::PdfText {
        x: 72.0,
        y,
        size,
        pieces,
    };
    common::pdf(&[vec![
        line(90.0, 16.0, &[("Harbour review", false)]),
        line(
            130.0,
            10.0,
            &[
                (
                    "Container traffic reached 4.2 million boxes in 2023, up 6 percent on the year before.",
                    false,
                ),
                ("1", true),
            ],
        ),
        line(
            160.0,
            10.0,
            &[("Around three quarters of the cargo arrived by rail.", false)],
        ),
        line(
            190.0,
            10.0,
            &[
                (
                    "The port employs over 12,000 people and invested EUR 350 million between 2019 and 2023.",
                    false,
                ),
                ("2", true),
            ],
        ),
        line(
            700.0,
            8.0,
            &[("1", true), ("Port Authority, annual statistics.", false)],
        ),
        line(
            712.0,
            8.0,
            &[("2", true), ("Ministry of Transport, investment review.", false)],
        ),
    ]])
}

fn run(bytes: &[u8], name: &str) -> (Document, Vec<Claim>, Vec<Diagnostic>) {
    let document = parse(bytes, Path::new(name), &IngestOptions::default()).expect("reads");
    let claims = common::engine().claims(&document);
    let diagnostics = common::engine().check(&document, &claims);
    (document, claims, diagnostics)
}

/// The 1-based line and character column of a byte offset in `text`.
fn place(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// The source of a claim as a reader sees it: entities of the fixtures decoded, markup-free
/// line breaks folded to spaces.
fn as_read(source: &str) -> String {
    source
        .replace("&nbsp;", " ")
        .replace("&#x45;", "E")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_format_yields_the_same_claims_and_findings() {
    let reference = run(
        &std::fs::read(fixture("cross/report.txt")).expect("fixture"),
        "report.txt",
    );
    let expected: Vec<Seen> = reference.1.iter().map(seen).collect();
    let expected_findings: Vec<_> = reference.2.iter().map(finding).collect();
    assert_eq!(expected.len(), 7, "{expected:#?}");
    assert_eq!(
        expected.iter().filter(|s| s.7 == 1).count(),
        6,
        "the figures of the two noted sentences carry their note"
    );
    assert_eq!(expected_findings.len(), 1, "{expected_findings:#?}");
    assert_eq!(expected_findings[0].0, "citation/missing");

    let texts = FORMATS.iter().map(|name| {
        (
            std::fs::read(fixture(&format!("cross/{name}"))).expect("fixture"),
            *name,
        )
    });
    let packaged = [(docx_package(), "report.docx"), (pdf_report(), "report.pdf")];
    for (bytes, name) in texts.chain(packaged) {
        let (_, claims, diagnostics) = run(&bytes, name);
        assert_eq!(
            claims.iter().map(seen).collect::<Vec<_>>(),
            expected,
            "claims of {name}"
        );
        assert_eq!(
            diagnostics.iter().map(finding).collect::<Vec<_>>(),
            expected_findings,
            "findings of {name}"
        );
    }
}

#[test]
fn every_claim_and_finding_points_into_its_own_file() {
    for name in FORMATS {
        let original = std::fs::read_to_string(fixture(&format!("cross/{name}"))).expect("fixture");
        let (_, claims, diagnostics) = run(original.as_bytes(), name);
        for claim in &claims {
            assert_eq!(
                place(&original, claim.start),
                (claim.line, claim.column),
                "{name}: {}",
                claim.text
            );
            assert_eq!(as_read(&original[claim.start..claim.end]), claim.text, "{name}");
        }
        for diagnostic in &diagnostics {
            assert_eq!(
                place(&original, diagnostic.start),
                (diagnostic.line, diagnostic.column),
                "{name}: {}",
                diagnostic.message
            );
            assert_eq!(
                place(&original, diagnostic.end),
                (diagnostic.end_line, diagnostic.end_column),
                "{name}: end of {}",
                diagnostic.message
            );
        }
    }
}

/// The report's lines as a DOCX (paragraphs of its body) and a PDF (lines of its page, notes
/// last) number them: the title is line 1.
const REPORT_LINES: [&str; 4] = [
    "Harbour review",
    "Container traffic reached 4.2 million boxes in 2023, up 6 percent on the year before.",
    "Around three quarters of the cargo arrived by rail.",
    "The port employs over 12,000 people and invested EUR 350 million between 2019 and 2023.",
];

/// Every claim of a DOCX or PDF report stands at its line and character of `REPORT_LINES`,
/// in `part`, and the uncited "three quarters" is found at line 3, character 8.
fn assert_placed_by_line(bytes: &[u8], name: &str, part: &'static str) {
    let (_, claims, diagnostics) = run(bytes, name);
    for claim in &claims {
        assert_eq!(claim.part, Some(part), "{name}");
        let rest: String = REPORT_LINES[claim.line - 1]
            .chars()
            .skip(claim.column - 1)
            .collect();
        assert!(
            rest.starts_with(&claim.text),
            "{name} {}:{} {}",
            claim.line,
            claim.column,
            claim.text
        );
    }
    let missing = &diagnostics[0];
    assert_eq!(
        (missing.part, missing.line, missing.column),
        (Some(part), 3, 8),
        "{name}"
    );
}

#[test]
fn docx_positions_are_paragraph_and_character() {
    assert_placed_by_line(&docx_package(), "report.docx", "document");
}

#[test]
fn pdf_positions_are_page_line_and_character() {
    assert_placed_by_line(&pdf_report(), "report.pdf", "page 1");
}
