//! The PDF reader on PDFs made here (pdf-writer, Helvetica): lines and paragraphs, markers by
//! their geometry and not exponents, notes at the page's foot continuing across pages, running
//! heads and page numbers left out, positions as page, line and column.

mod common;

use claimlint::document::BlockKind;
use common::{PdfText, parse_bytes};

fn text<'a>(x: f32, y: f32, size: f32, pieces: &'a [(&'a str, bool)]) -> PdfText<'a> {
    PdfText { x, y, size, pieces }
}

/// Two pages of a harbour report in our own words: a running head and page numbers, a title,
/// paragraphs with markers (and one exponent), a hyphenated word, notes at each page's foot
/// and a note that runs on to the second page.
fn report() -> Vec<u8> {
    let head = [("Harbour Authority review of the year", false)];
    common::pdf(&[
        vec![
            text(72.0, 40.0, 9.0, &head),
            text(72.0, 90.0, 18.0, &[("Harbour review", false)]),
            text(
                72.0,
                130.0,
                11.0,
                &[
                    ("The port handled 1,200 ships in 2023, up 12 percent.", false),
                    ("1", true),
                ],
            ),
            text(
                72.0,
                144.0,
                11.0,
                &[
                    ("Its yards held about 10", false),
                    ("3", true),
                    (" boxes per hectare at the peak.", false),
                ],
            ),
            text(
                72.0,
                172.0,
                11.0,
                &[("The new quay wall and its drainage infra-", false)],
            ),
            text(
                72.0,
                186.0,
                11.0,
                &[("structure cost EUR 40 million in all.", false), ("2", true)],
            ),
            text(
                72.0,
                700.0,
                8.0,
                &[("1", true), ("Port ledger, annual statistics, 2023.", false)],
            ),
            text(
                72.0,
                712.0,
                8.0,
                &[
                    ("2", true),
                    (
                        "Budget office, capital review, which notes that the works ran",
                        false,
                    ),
                ],
            ),
            text(300.0, 760.0, 9.0, &[("1", false)]),
        ],
        vec![
            text(72.0, 40.0, 9.0, &head),
            text(
                72.0,
                130.0,
                11.0,
                &[("Dredging the channel took 18 months.", false), ("3", true)],
            ),
            text(72.0, 700.0, 8.0, &[("late and over the first estimate.", false)]),
            text(72.0, 712.0, 8.0, &[("3 Dredging log, 2022 to 2024.", false)]),
            text(300.0, 760.0, 9.0, &[("2", false)]),
        ],
    ])
}

#[test]
fn markers_notes_and_paragraphs_are_read_from_the_layout() {
    let document = parse_bytes(&report(), "report.pdf");
    let labels: Vec<&str> = document.footnote_refs.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, ["1", "2", "3"], "the exponent after 10 is no marker");
    let notes: Vec<(&str, &str)> = document
        .footnote_defs
        .iter()
        .map(|d| (d.label.as_str(), document.slice(d.span)))
        .collect();
    assert_eq!(
        notes,
        [
            ("1", "Port ledger, annual statistics, 2023."),
            (
                "2",
                "Budget office, capital review, which notes that the works ran"
            ),
            ("3", "Dredging log, 2022 to 2024."),
        ]
    );
    // The note that runs on: its second page's lines are the same note.
    let continued = document
        .blocks
        .iter()
        .find(|b| document.slice(b.span).starts_with("late and over"))
        .expect("the continuation is read");
    assert_eq!(continued.kind, BlockKind::Note { definition: 1 });
    let body: Vec<&str> = document
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .map(|b| document.slice(b.span))
        .collect();
    assert_eq!(
        body,
        [
            "The port handled 1,200 ships in 2023, up 12 percent. Its yards held about 10^3 boxes per hectare at the peak.",
            "The new quay wall and its drainage infrastructure cost EUR 40 million in all.",
            "Dredging the channel took 18 months.",
        ]
    );
    assert!(
        document
            .blocks
            .iter()
            .all(|b| !document.slice(b.span).contains("Harbour Authority")),
        "the running head is left out"
    );
    assert!(
        matches!(document.blocks[0].kind, BlockKind::Heading { .. }),
        "the title is a heading"
    );
}

#[test]
fn claims_are_placed_by_page_line_and_column() {
    let document = parse_bytes(&report(), "report.pdf");
    let claims = common::engine().claims(&document);
    let placed: Vec<(&str, Option<&str>, usize, usize, usize)> = claims
        .iter()
        .map(|c| (c.text.as_str(), c.part, c.line, c.column, c.footnotes.len()))
        .collect();
    assert!(
        placed.contains(&("1,200", Some("page 1"), 2, 18, 1)),
        "{placed:#?}"
    );
    assert!(
        placed.contains(&("EUR 40 million", Some("page 1"), 5, 16, 1)),
        "{placed:#?}"
    );
    assert!(
        placed.contains(&("18 months", Some("page 2"), 1, 27, 1)),
        "{placed:#?}"
    );
    assert!(
        !placed.iter().any(|p| p.0 == "2" || p.0 == "1"),
        "page numbers are no claims: {placed:#?}"
    );
    // Each line keeps its box on the page: "1,200" stands on the line set at 130 pt from the
    // top in 11 pt type, from 72 pt in.
    let ships = claims.iter().find(|c| c.text == "1,200").expect("found");
    let page = document
        .parts
        .iter()
        .find(|p| Some(p.name) == ships.part)
        .expect("its page");
    let line_box = document.line_box(page.start + ships.start).expect("a box");
    assert_eq!(line_box.page, 1);
    assert!((line_box.left - 72.0).abs() < 0.5, "{line_box:?}");
    assert!(
        (line_box.top - 119.0).abs() < 0.5 && (line_box.bottom - 132.75).abs() < 0.5,
        "{line_box:?}"
    );
    assert!(line_box.right > 300.0 && line_box.right < 612.0, "{line_box:?}");
    assert!(
        document.line_boxes.iter().all(|b| b.left >= 0.0
            && b.right <= 612.0
            && b.top >= 0.0
            && b.bottom <= 792.0
            && b.page <= 2),
        "every box on its page"
    );
}

#[test]
fn a_document_without_notes_gets_none_and_small_print_stays_text() {
    // A table's numbered small print that no marker cites is no note.
    let pdf = common::pdf(&[vec![
        text(72.0, 130.0, 11.0, &[("Berths rose to 48 in 2024.", false)]),
        text(
            72.0,
            700.0,
            8.0,
            &[("1 Figures for the inner harbour only.", false)],
        ),
    ]]);
    let document = parse_bytes(&pdf, "plain.pdf");
    assert!(document.footnote_refs.is_empty() && document.footnote_defs.is_empty());
    assert!(document.text.contains("Figures for the inner harbour only."));
}

#[test]
fn broken_and_oversized_pdfs_are_clear_errors() {
    let error = claimlint::ingest::parse(
        b"%PDF-1.7\nnot a pdf at all",
        std::path::Path::new("bad.pdf"),
        &claimlint::ingest::IngestOptions::default(),
    )
    .expect_err("refused");
    assert!(
        error.to_string().contains("bad.pdf") && error.to_string().contains("not a readable PDF"),
        "{error}"
    );
    let options = claimlint::ingest::IngestOptions {
        limits: claimlint::config::Limits {
            pdf_pages: 1,
            ..Default::default()
        },
        ..Default::default()
    };
    let error =
        claimlint::ingest::parse(&report(), std::path::Path::new("long.pdf"), &options).expect_err("refused");
    assert!(error.to_string().contains("pdf_pages"), "{error}");
}

#[test]
fn note_numbers_that_start_again_are_no_duplicates_and_signed_columns_no_ranges() {
    // An appendix numbers its notes from 1 again; a table row sets a change of −0.3 beside 0.4.
    let pdf = common::pdf(&[
        vec![
            text(
                72.0,
                130.0,
                11.0,
                &[("Berths rose to 48 in 2024.", false), ("1", true)],
            ),
            text(
                72.0,
                700.0,
                8.0,
                &[("1", true), ("Harbour register, 2024.", false)],
            ),
        ],
        vec![
            text(
                72.0,
                130.0,
                11.0,
                &[("Appendix: cranes numbered 14 in 2024.", false), ("1", true)],
            ),
            text(72.0, 144.0, 11.0, &[("Share of berths idle 0.4 –0.3", false)]),
            text(72.0, 700.0, 8.0, &[("1", true), ("Crane survey, 2024.", false)]),
        ],
    ]);
    let document = parse_bytes(&pdf, "appendix.pdf");
    assert_eq!(document.footnote_defs.len(), 2);
    let claims = common::engine().claims(&document);
    let diagnostics = common::engine().check(&document, &claims);
    let rules: Vec<&str> = diagnostics.iter().map(|d| d.rule.as_str()).collect();
    assert!(!rules.contains(&"footnote/duplicate"), "{rules:?}");
    assert!(!rules.contains(&"consistency/range-order"), "{rules:?}");
    let texts: Vec<&str> = claims.iter().map(|c| c.text.as_str()).collect();
    assert!(texts.contains(&"0.4") && texts.contains(&"–0.3"), "{texts:?}");
}

#[test]
fn pdf_claims_validate_against_the_claim_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../schemas/claim.schema.json")).expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let document = parse_bytes(&report(), "report.pdf");
    let claims = common::engine().claims(&document);
    let mut out = Vec::new();
    claimlint::report::json::write_array(&mut out, &claims).expect("writes");
    let printed: serde_json::Value = serde_json::from_slice(&out).expect("json");
    for claim in printed.as_array().expect("array") {
        let errors: Vec<String> = validator.iter_errors(claim).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{claim}: {errors:#?}");
        assert!(
            claim["part"].as_str().is_some_and(|p| p.starts_with("page ")),
            "{claim}"
        );
    }
}

#[test]
fn table_rows_are_table_cells_and_need_no_note_of_their_own() {
    // A table laid out with wide gaps: its rows are table data, which the caption's source
    // covers; the sentence above it still needs its note.
    let pdf = common::pdf(&[vec![
        text(
            72.0,
            130.0,
            11.0,
            &[("Berths rose by 12 percent in 2024.", false)],
        ),
        text(72.0, 146.0, 10.0, &[("Basin", false)]),
        text(250.0, 146.0, 10.0, &[("Berths", false)]),
        text(350.0, 146.0, 10.0, &[("Share", false)]),
        text(72.0, 160.0, 10.0, &[("Inner harbour", false)]),
        text(250.0, 160.0, 10.0, &[("1,240", false)]),
        text(350.0, 160.0, 10.0, &[("38%", false)]),
        text(72.0, 174.0, 10.0, &[("Outer harbour", false)]),
        text(250.0, 174.0, 10.0, &[("2,015", false)]),
        text(350.0, 174.0, 10.0, &[("62%", false)]),
    ]]);
    let document = parse_bytes(&pdf, "table.pdf");
    // A grid of three columns under a header row: each cell is read with the header above it
    // and the label of its row.
    assert_eq!(document.table_cells.len(), 9, "{:?}", document.blocks);
    let text_of = |cell: usize| document.slice(document.table_cells[cell].span);
    let headed: Vec<(&str, Vec<&str>, Vec<&str>)> = document
        .table_cells
        .iter()
        .filter(|cell| !cell.header)
        .map(|cell| {
            (
                document.slice(cell.span),
                cell.column_headers.iter().map(text_of).collect(),
                cell.row_headers.iter().map(text_of).collect(),
            )
        })
        .collect();
    assert!(
        headed.contains(&("2,015", vec!["Berths"], vec!["Outer harbour"])),
        "{headed:#?}"
    );
    assert!(
        headed.contains(&("38%", vec!["Share"], vec!["Inner harbour"])),
        "{headed:#?}"
    );
    let claims = common::engine().claims(&document);
    let diagnostics = common::engine().check(&document, &claims);
    let flagged: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(flagged, ["no footnote covers `12 percent`"], "{flagged:?}");
}

#[test]
fn a_compound_broken_at_its_hyphen_keeps_it() {
    // "long-term" is written whole on one line, so the one broken at the line end keeps its
    // hyphen; "infra-" + "structure" is a word broken in two.
    let pdf = common::pdf(&[vec![
        text(
            72.0,
            130.0,
            11.0,
            &[("The long-term plan and its drainage infra-", false)],
        ),
        text(
            72.0,
            144.0,
            11.0,
            &[("structure cost EUR 40 million; a second long-", false)],
        ),
        text(72.0, 158.0, 11.0, &[("term loan paid for it, a “long-", false)]),
        text(72.0, 172.0, 11.0, &[("term” one.", false)]),
    ]]);
    let document = parse_bytes(&pdf, "compound.pdf");
    assert_eq!(
        document.slice(document.blocks[0].span),
        "The long-term plan and its drainage infrastructure cost EUR 40 million; a second long-term loan paid for it, a “long-term” one."
    );
}

/// The paragraphs of a document, in reading order.
fn paragraphs(document: &claimlint::document::Document) -> Vec<&str> {
    document
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .map(|b| document.slice(b.span))
        .collect()
}

#[test]
fn columns_under_a_table_are_read_one_after_another() {
    // A table across the page, with narrow header lines that straddle the gutters, then three
    // columns of text below a full-width note. The table's headers do not hide the columns:
    // each column is read to its foot before the next.
    let column = |x: f32, words: [&'static str; 6]| -> Vec<PdfText<'static>> {
        words
            .iter()
            .enumerate()
            .map(|(line, words)| {
                let pieces: &'static [(&'static str, bool)] = Box::leak(Box::new([(*words, false)]));
                #[expect(clippy::cast_precision_loss, reason = "six lines")]
                let y = 400.0 + 12.0 * line as f32;
                text(x, y, 9.0, pieces)
            })
            .collect()
    };
    let mut page = vec![
        text(
            60.0,
            100.0,
            9.0,
            &[(
                "Table 4. Ferry crossings by route and by season in the two years, with the margins of error",
                false,
            )],
        ),
        text(150.0, 130.0, 8.0, &[("Winter estimate margin", false)]),
        text(330.0, 130.0, 8.0, &[("Summer estimate margin", false)]),
        text(
            60.0,
            150.0,
            8.0,
            &[(
                "North route . . . . . . . . . . . . . . . . 1,210 0.4 1,380 0.5 2,590 0.3 1,190 0.4 1,405 0.5",
                false,
            )],
        ),
        text(
            60.0,
            300.0,
            8.0,
            &[(
                "Source: the harbour ledgers of the ferry company for the winter and summer seasons of 2022 and 2023.",
                false,
            )],
        ),
    ];
    page.extend(column(
        60.0,
        [
            "The first column opens",
            "with the ferry count and",
            "goes on to say that the",
            "winter crossings fell by",
            "a fifth against the year",
            "before on every route.",
        ],
    ));
    page.extend(column(
        230.0,
        [
            "The second column takes",
            "up the summer season in",
            "which the crossings rose",
            "on the north route and",
            "held steady on the two",
            "others all through July.",
        ],
    ));
    page.extend(column(
        400.0,
        [
            "The third column ends it",
            "with the fares, which the",
            "company kept as they had",
            "been for three years on",
            "all of its routes and at",
            "every hour of the day.",
        ],
    ));
    let document = parse_bytes(&common::pdf(&[page]), "columns.pdf");
    let read = paragraphs(&document).join(" ");
    let first = read.find("The first column").expect("first column read");
    let second = read.find("The second column").expect("second column read");
    let third = read.find("The third column").expect("third column read");
    assert!(first < second && second < third, "{read}");
    assert!(
        read.contains("winter crossings fell by a fifth against the year before on every route."),
        "the first column runs on unbroken: {read}"
    );
}

#[test]
fn a_wide_column_beside_a_side_table_reads_through() {
    // Prose wider than half the page, with a narrow table set beside it: the prose's lines are
    // one paragraph, not broken at every row of the table.
    let prose = [
        "Most of the freight in the spring went through the two larger docks of the port",
        "which handled about 70 percent of the tonnage although they held only a third",
        "of the berths. By comparison the small docks took 30 percent of the tonnage",
        "and nearly all of the passenger traffic of the season, as in the years before.",
    ];
    let rows = [
        "Dock Tonnes Share",
        "North 41,200 38.1",
        "South 34,500 31.9",
        "East 18,100 16.8",
        "West 14,200 13.2",
    ];
    let mut page = Vec::new();
    for (line, words) in prose.iter().enumerate() {
        let pieces: &'static [(&'static str, bool)] = Box::leak(Box::new([(*words, false)]));
        #[expect(clippy::cast_precision_loss, reason = "four lines")]
        let y = 200.0 + 14.0 * line as f32;
        page.push(text(60.0, y, 10.0, pieces));
    }
    for (row, words) in rows.iter().enumerate() {
        let pieces: &'static [(&'static str, bool)] = Box::leak(Box::new([(*words, false)]));
        #[expect(clippy::cast_precision_loss, reason = "five rows")]
        let y = 198.0 + 12.0 * row as f32;
        page.push(text(460.0, y, 9.0, pieces));
    }
    let document = parse_bytes(&common::pdf(&[page]), "side.pdf");
    let read = paragraphs(&document);
    assert!(
        read.iter()
            .any(|p| p
                .contains("held only a third of the berths. By comparison the small docks took 30 percent")),
        "{read:?}"
    );
}

/// A PDF written byte by byte (for what pdf-writer will not make: streams of any filter, forms
/// that call forms): a catalog, a page tree of `pages` (object numbers), Helvetica as object 3,
/// then `objects` from number 4 on, with a cross-reference table.
fn raw_pdf(pages: &[u32], objects: &[Vec<u8>]) -> Vec<u8> {
    let kids: Vec<String> = pages.iter().map(|page| format!("{page} 0 R")).collect();
    let mut all: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {} >>",
            kids.join(" "),
            pages.len()
        )
        .into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    all.extend_from_slice(objects);
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (index, object) in all.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", index + 1).as_bytes());
        out.extend_from_slice(object);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", all.len() + 1).as_bytes());
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            all.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// A stream object: its dictionary's extra entries and its data.
fn raw_stream(extra: &str, data: &[u8]) -> Vec<u8> {
    let mut out = format!("<< /Length {} {extra} >>\nstream\n", data.len()).into_bytes();
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
    out
}

/// A page whose content is object `content`, with `resources` beside the font.
fn raw_page(content: u32, resources: &str) -> Vec<u8> {
    format!(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {content} 0 R \
         /Resources << /Font << /F1 3 0 R >> {resources} >> >>"
    )
    .into_bytes()
}

fn deflated(data: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(data).expect("in memory");
    encoder.finish().expect("in memory")
}

const SENTENCE: &[u8] = b"BT /F1 12 Tf 72 700 Td (Exports rose 7 percent in 2024.) Tj ET\n";

/// A page whose content is the sentence and `padding` spaces, deflated once or twice.
fn padded_page(padding: usize, twice: bool) -> Vec<u8> {
    let mut content = SENTENCE.to_vec();
    content.resize(content.len() + padding, b' ');
    let (data, filter) = if twice {
        (
            deflated(&deflated(&content)),
            "/Filter [/FlateDecode /FlateDecode]",
        )
    } else {
        (deflated(&content), "/Filter /FlateDecode")
    };
    raw_pdf(&[4], &[raw_page(5, ""), raw_stream(filter, &data)])
}

fn with_limits(limits: claimlint::config::Limits) -> claimlint::ingest::IngestOptions {
    claimlint::ingest::IngestOptions {
        limits,
        ..Default::default()
    }
}

#[test]
fn streams_that_inflate_past_the_limits_are_refused_before_they_are_decoded() {
    let path = std::path::Path::new("padded.pdf");
    let small = with_limits(claimlint::config::Limits {
        pdf_stream_bytes: 1 << 20,
        ..Default::default()
    });
    for twice in [false, true] {
        let file = padded_page(2 << 20, twice);
        let read = claimlint::ingest::parse(&file, path, &with_limits(claimlint::config::Limits::default()))
            .expect("under the default");
        assert!(
            read.text.contains("Exports rose 7 percent in 2024."),
            "{}",
            read.text
        );
        let error = claimlint::ingest::parse(&file, path, &small).expect_err("over 1 MiB");
        let message = error.to_string();
        assert!(
            message.contains("padded.pdf")
                && message.contains("object 5")
                && message.contains("pdf_stream_mib"),
            "{message}"
        );
    }
    // Two pages of 600 KiB each: under the stream limit, over a total of 1 MiB.
    let content = {
        let mut content = SENTENCE.to_vec();
        content.resize(600 << 10, b' ');
        deflated(&content)
    };
    let two_pages = raw_pdf(
        &[4, 5],
        &[
            raw_page(6, ""),
            raw_page(7, ""),
            raw_stream("/Filter /FlateDecode", &content),
            raw_stream("/Filter /FlateDecode", &content),
        ],
    );
    let total = with_limits(claimlint::config::Limits {
        pdf_inflated_bytes: 1 << 20,
        ..Default::default()
    });
    let error = claimlint::ingest::parse(&two_pages, path, &total).expect_err("over 1 MiB together");
    assert!(error.to_string().contains("pdf_inflated_mib"), "{error}");
    assert!(claimlint::ingest::parse(&two_pages, path, &small).is_ok());
}

#[test]
fn the_stream_limit_is_set_in_claimlint_toml_and_an_overrun_exits_2() {
    let dir = common::scratch_dir("pdf", "stream-limit");
    std::fs::write(dir.join("padded.pdf"), padded_page(2 << 20, false)).expect("writes");
    std::fs::write(dir.join("claimlint.toml"), "[limits]\npdf_stream_mib = 1\n").expect("writes");
    let output = common::claimlint()
        .current_dir(&dir)
        .args(["check", "--format", "concise", "padded.pdf"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("pdf_stream_mib"), "{stderr}");
    std::fs::write(dir.join("claimlint.toml"), "[limits]\npdf_stream_mib = 4\n").expect("writes");
    let output = common::claimlint()
        .current_dir(&dir)
        .args(["extract", "--format", "csv", "padded.pdf"])
        .output()
        .expect("runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("7 percent"));
}

/// Forms that call forms as deep as hayro allows (50) need more stack than a small worker
/// thread has; the reader runs on a thread of its own with a known stack, so a folder run on
/// threads of 64 KiB (512 KiB in a debug build) still reads them (it aborted with a stack
/// overflow before).
#[test]
fn forms_nested_as_deep_as_allowed_read_on_small_worker_stacks() {
    let depth = 60u32;
    let mut objects = vec![
        raw_page(5, "/XObject << /X6 6 0 R >>"),
        raw_stream("", b"/X6 Do\n"),
    ];
    for level in 0..depth {
        let (me, next) = (6 + level, 7 + level);
        let (call, resources) = if level + 1 < depth {
            (
                format!("/X{next} Do\n"),
                format!("<< /Font << /F1 3 0 R >> /XObject << /X{next} {next} 0 R >> >>"),
            )
        } else {
            (String::new(), "<< /Font << /F1 3 0 R >> >>".to_owned())
        };
        let mut body = call.into_bytes();
        body.extend_from_slice(SENTENCE);
        let extra = format!("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources {resources}");
        objects.push(raw_stream(&extra, &body));
        assert_eq!(objects.len() as u32 + 3, me);
    }
    let file = raw_pdf(&[4], &objects);
    let dir = common::scratch_dir("pdf", "nested-forms");
    for name in ["a.pdf", "b.pdf"] {
        std::fs::write(dir.join(name), &file).expect("writes");
    }
    // Worker stacks too small for those forms but big enough for the rest of the pipeline, in
    // the profile the binary was built in (a debug build's frames are several times larger).
    let worker_stack = if cfg!(debug_assertions) { "524288" } else { "65536" };
    let output = common::claimlint()
        .env("RUST_MIN_STACK", worker_stack)
        .env("RAYON_NUM_THREADS", "2")
        .args(["extract", "--format", "csv"])
        .arg(&*dir)
        .output()
        .expect("runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("7 percent"));
}

/// Affiliation marks under a paper's authors are no note markers, though the affiliations are
/// small print opened by the same numbers: body text follows them in their column, and a
/// note closes its column. The one real note, at the foot, is read.
/// A paper's first two pages: authors with affiliation marks, a note at each foot, a numbered
/// list of works set small above the second note.
fn berths_paper() -> Vec<u8> {
    common::pdf(&[
        vec![
            text(72.0, 90.0, 16.0, &[("Tidal berths and their upkeep", false)]),
            text(
                72.0,
                330.0,
                10.0,
                &[
                    ("Ana Ruiz", false),
                    ("1", true),
                    (" and Li Wen", false),
                    ("2", true),
                ],
            ),
            text(
                72.0,
                350.0,
                8.0,
                &[("1", true), ("Harbour Institute, Vigo", false)],
            ),
            text(
                72.0,
                362.0,
                8.0,
                &[("2", true), ("Coastal Works Office, Leith", false)],
            ),
            text(
                72.0,
                400.0,
                10.0,
                &[
                    ("The survey counted 48 berths in use in 2022.", false),
                    ("3", true),
                ],
            ),
            text(
                72.0,
                414.0,
                10.0,
                &[("Upkeep took 14 percent of the budget, and the board", false)],
            ),
            text(
                72.0,
                428.0,
                10.0,
                &[("expects the share to grow as the older quays age and", false)],
            ),
            text(
                72.0,
                442.0,
                10.0,
                &[("the silt settles faster in the inner basin each year.", false)],
            ),
            text(
                72.0,
                700.0,
                8.0,
                &[("3", true), ("Berth register of the port, 2022 edition.", false)],
            ),
        ],
        vec![
            text(
                72.0,
                120.0,
                10.0,
                &[("Dredging cost EUR 2 million in the year.", false), ("4", true)],
            ),
            text(
                72.0,
                134.0,
                10.0,
                &[("The board put the work out to tender twice before a", false)],
            ),
            text(
                72.0,
                148.0,
                10.0,
                &[("firm from the north coast took it on at a fixed price.", false)],
            ),
            // A numbered list of works set small, its third entry opened by the label of the
            // note below it.
            text(
                72.0,
                600.0,
                8.0,
                &[("3. Mills, R. Harbour silt. Port Press, 2019.", false)],
            ),
            text(
                72.0,
                612.0,
                8.0,
                &[("4. Oduya, K. Berth design. Port Press, 2020.", false)],
            ),
            text(
                72.0,
                700.0,
                8.0,
                &[("4", true), ("Dredging accounts of the harbour board.", false)],
            ),
        ],
    ])
}

#[test]
fn affiliation_marks_are_no_notes_and_the_lowest_label_is_the_note() {
    let pdf = berths_paper();
    let document = parse_bytes(&pdf, "berths.pdf");
    let labels: Vec<&str> = document.footnote_refs.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, ["3", "4"], "affiliation marks are no markers");
    let notes: Vec<&str> = document
        .footnote_defs
        .iter()
        .map(|d| document.slice(d.span))
        .collect();
    assert_eq!(
        notes,
        [
            "Berth register of the port, 2022 edition.",
            "Dredging accounts of the harbour board."
        ],
        "{:#?}",
        document.blocks
    );
}
