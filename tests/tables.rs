//! Table cells read with their row and column headers, in every format that has tables
//! (tests/fixtures/tables, written by us): the same table must yield the same claims — the
//! unit, time and subject its headers state — and every claim must point at its own cell.

mod common;

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

use claimlint::ingest::{IngestOptions, parse};
use claimlint::{Claim, Document};
use common::fixture;

/// What a table cell's claim must agree on across formats.
type Seen = (String, String, String, String, String, String);

fn seen(claim: &Claim) -> Seen {
    let decimal = |d: Option<rust_decimal::Decimal>| d.map(|d| d.normalize().to_string()).unwrap_or_default();
    (
        claim.kind.name().to_owned(),
        claim.text.clone(),
        decimal(claim.value.or(claim.low)),
        claim.unit.unwrap_or_default().to_owned(),
        claim.time.clone().unwrap_or_default(),
        claim.subject.clone().unwrap_or_default(),
    )
}

fn docx(part: &str) -> Vec<u8> {
    let mut buffer = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buffer);
        zip.start_file("word/document.xml", zip::write::SimpleFileOptions::default())
            .expect("entry");
        zip.write_all(&std::fs::read(fixture(&format!("tables/docx/{part}"))).expect("part"))
            .expect("write");
        zip.finish().expect("finish");
    }
    buffer.into_inner()
}

fn read(bytes: &[u8], name: &str) -> (Document, Vec<Claim>) {
    let document = parse(bytes, Path::new(name), &IngestOptions::default()).expect("reads");
    let claims = common::engine().claims(&document);
    (document, claims)
}

/// The claims of a fixture in each of `names`, and of the DOCX built from `docx_part`.
fn every_format(names: &[&str], docx_part: &str) -> Vec<(String, Vec<Claim>)> {
    let mut out: Vec<(String, Vec<Claim>)> = names
        .iter()
        .map(|name| {
            let bytes = std::fs::read(fixture(&format!("tables/{name}"))).expect("fixture");
            ((*name).to_owned(), read(&bytes, name).1)
        })
        .collect();
    out.push((
        format!("{docx_part}.docx"),
        read(&docx(docx_part), "table.docx").1,
    ));
    out
}

fn row(kind: &str, text: &str, value: &str, unit: &str, time: &str, subject: &str) -> Seen {
    (
        kind.into(),
        text.into(),
        value.into(),
        unit.into(),
        time.into(),
        subject.into(),
    )
}

#[test]
fn a_table_yields_the_same_claims_in_every_format() {
    let expected = vec![
        row("year", "2023", "2023", "", "", ""),
        row("count", "412", "412000", "", "2023", "Calder, Passengers"),
        row("percent", "38", "38", "%", "", "Calder, Freight share"),
        row("money", "12.5", "12500000", "EUR", "", "Calder, Investment"),
        row("count", "1,250", "1250000", "", "2023", "Brenna, Passengers"),
        row("percent", "55", "55", "%", "", "Brenna, Freight share"),
        row("money", "40", "40000000", "EUR", "", "Brenna, Investment"),
        row("count", "1,662", "1662000", "", "2023", "Total, Passengers"),
        row("percent", "93", "93", "%", "", "Total, Freight share"),
        row("money", "52.5", "52500000", "EUR", "", "Total, Investment"),
    ];
    let names = ["ferries.md", "ferries.html", "ferries.xml", "ferries.dbk"];
    for (name, claims) in every_format(&names, "ferries.xml") {
        assert_eq!(claims.iter().map(seen).collect::<Vec<_>>(), expected, "{name}");
        let approx = claims.iter().find(|c| c.text == "40").expect("about 40");
        assert_eq!(approx.qualifier.name(), "approx", "{name}");
    }
}

#[test]
fn spanning_headers_reach_the_cells_under_and_beside_them() {
    let expected = vec![
        row("year", "2021", "2021", "", "", ""),
        row("year", "2022", "2022", "", "", ""),
        row(
            "percent",
            "52",
            "52",
            "%",
            "2021",
            "Coast, Urban, Share of households",
        ),
        row(
            "percent",
            "57",
            "57",
            "%",
            "2022",
            "Coast, Urban, Share of households",
        ),
        row(
            "percent",
            "30",
            "30",
            "%",
            "2021",
            "Coast, Rural, Share of households",
        ),
        row(
            "percent",
            "33",
            "33",
            "%",
            "2022",
            "Coast, Rural, Share of households",
        ),
        row("percent", "41", "41", "%", "2021", "Inland, Share of households"),
        row("percent", "44", "44", "%", "2022", "Inland, Share of households"),
    ];
    let names = ["households.html", "households.xml", "households.dbk"];
    for (name, claims) in every_format(&names, "households.xml") {
        assert_eq!(claims.iter().map(seen).collect::<Vec<_>>(), expected, "{name}");
    }
}

#[test]
fn cells_alike_get_ids_from_their_headers_and_keep_them_when_rows_move() {
    let html = std::fs::read_to_string(fixture("tables/households.html")).expect("fixture");
    let (_, claims) = read(html.as_bytes(), "households.html");
    let ids: std::collections::HashSet<&str> = claims.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), claims.len(), "every cell its own id");
    // Swap the Inland row above the Coast rows: each figure keeps its id.
    let inland = "<tr><th colspan=\"2\">Inland</th><td>41</td><td>44</td></tr>\n";
    let moved = html
        .replace(inland, "")
        .replace("<tbody>\n", &format!("<tbody>\n{inland}"));
    assert_ne!(moved, html);
    let (_, moved_claims) = read(moved.as_bytes(), "households.html");
    let id_of = |claims: &[Claim], text: &str| {
        claims
            .iter()
            .find(|c| c.text == text)
            .map(|c| c.id.clone())
            .expect("claim")
    };
    for text in ["44", "52", "33"] {
        assert_eq!(id_of(&claims, text), id_of(&moved_claims, text), "{text}");
    }
}

#[test]
fn table_claims_point_at_their_cells() {
    for name in [
        "ferries.md",
        "ferries.html",
        "ferries.xml",
        "ferries.dbk",
        "households.html",
        "households.xml",
        "households.dbk",
    ] {
        let original = std::fs::read_to_string(fixture(&format!("tables/{name}"))).expect("fixture");
        let (_, claims) = read(original.as_bytes(), name);
        for claim in &claims {
            let before = &original[..claim.start];
            let line = before.matches('\n').count() + 1;
            let column = before[before.rfind('\n').map_or(0, |i| i + 1)..].chars().count() + 1;
            assert_eq!(
                (line, column),
                (claim.line, claim.column),
                "{name}: {}",
                claim.text
            );
            assert_eq!(&original[claim.start..claim.end], claim.text, "{name}");
        }
    }
}

#[test]
fn a_share_column_over_100_is_a_finding_and_a_change_column_is_not() {
    let html = "<table><tr><th>Region</th><th>Share of homes (%)</th><th>Change (%)</th></tr>\
                <tr><td>North</td><td>120</td><td>150</td></tr></table>";
    let (document, claims) = read(html.as_bytes(), "shares.html");
    let diagnostics = common::engine().check(&document, &claims);
    let bounds: Vec<&str> = diagnostics
        .iter()
        .filter(|d| d.rule == "consistency/percent-bounds")
        .map(|d| &html[d.start..d.end])
        .collect();
    assert_eq!(bounds, ["120"]);
    // The editor sees which row and column the bare "120" is in.
    let related: Vec<&str> = diagnostics[0]
        .related
        .iter()
        .map(|r| r.message.as_str())
        .collect();
    assert_eq!(
        related,
        ["in the row `North`", "under the column `Share of homes (%)`"]
    );
    let column = &diagnostics[0].related[1];
    assert_eq!(&html[column.start..column.end], "Share of homes (%)");
}

#[test]
fn counts_of_a_count_column_keep_no_unit() {
    // "n (%)": the percentage is the second figure of each cell, not the count's unit.
    let html =
        "<table><tr><th>Group</th><th>n (%)</th></tr><tr><td>Treated</td><td>45 (12.5)</td></tr></table>";
    let (_, claims) = read(html.as_bytes(), "counts.html");
    assert!(claims.iter().all(|c| c.unit.is_none()), "{claims:#?}");
}

#[test]
fn prose_laid_out_in_a_table_is_read_as_paragraphs() {
    // An old page built with a layout table: the long cell is prose and its figures need
    // sources like any paragraph's; the short cell beside it is still a table cell.
    let prose = "The harbour board approved the dredging programme after a long consultation with \
                 residents, fishers and the shipping lines that call at the port every week. It \
                 will cost EUR 40 million over four years, paid from port dues and a regional \
                 grant, and the board expects the deeper channel to bring larger vessels by the \
                 end of the decade, which the lines have asked for since the old quay was closed.";
    let html = format!("<table><tr><td>{prose}</td><td>EUR 2 million</td></tr></table>");
    let (document, claims) = read(html.as_bytes(), "layout.html");
    let kinds: Vec<&str> = document
        .blocks
        .iter()
        .map(|b| match b.kind {
            claimlint::document::BlockKind::TableCell { .. } => "cell",
            claimlint::document::BlockKind::Paragraph => "paragraph",
            _ => "other",
        })
        .collect();
    assert_eq!(kinds, ["paragraph", "cell"]);
    let diagnostics = common::engine().check(&document, &claims);
    let missing: Vec<&str> = diagnostics
        .iter()
        .filter(|d| d.rule == "citation/missing")
        .map(|d| &html[d.start..d.end])
        .collect();
    assert_eq!(missing, ["EUR 40 million"]);
}

#[test]
fn years_down_the_rows_are_the_time_of_their_figures() {
    let md = "| Year | Sales (EUR million) |\n| --- | --- |\n| 2019 | 12 |\n| 2020 | 15.5 |\n";
    let (_, claims) = read(md.as_bytes(), "sales.md");
    let sales: Vec<Seen> = claims
        .iter()
        .filter(|c| c.kind.name() == "money")
        .map(seen)
        .collect();
    assert_eq!(
        sales,
        [
            row("money", "12", "12000000", "EUR", "2019", "Sales"),
            row("money", "15.5", "15500000", "EUR", "2020", "Sales"),
        ]
    );
}

#[test]
fn headers_that_speak_of_the_future_or_of_estimates_set_the_modality() {
    let md = "---\ndate: 2024-03-01\n---\n\n| Region | Users 2023 | Users (projected) | Estimated losses (EUR million) |\n\
              | --- | --- | --- | --- |\n| North | 410 | 520 | 12 |\n";
    let (_, claims) = read(md.as_bytes(), "outlook.md");
    let modality = |text: &str| {
        claims
            .iter()
            .find(|c| c.text == text)
            .map(|c| c.modality.name())
            .expect("claim")
    };
    assert_eq!(modality("410"), "reported");
    assert_eq!(modality("520"), "projection");
    assert_eq!(modality("12"), "estimate");
}

#[test]
fn a_hyphenated_compound_in_a_header_is_no_cue() {
    let md = "| Sample | Non-target compounds (%) |\n| --- | --- |\n| Leaf | 2.1 |\n";
    let (_, claims) = read(md.as_bytes(), "compounds.md");
    assert_eq!(claims[0].modality.name(), "reported", "{claims:#?}");
}

#[test]
fn pipe_tables_without_a_delimiter_row_are_tables() {
    // Converters write tables as runs of pipe lines with no `|---|` row; each figure must stay
    // in its own cell, with its row label, and positions must point at the original file.
    let text = "# Harbours\n\nThe fleet grew in 2024.\n\n| Port | Berths | Cranes\n| Kestrel Bay | 14 | 6 |\n| Old Quay | 9 | 3 |\n\nNothing else.\n";
    let (document, claims) = read(text.as_bytes(), "ports.md");
    assert_eq!(document.table_cells.len(), 9, "three rows of three cells");
    let fourteen = claims.iter().find(|c| c.text == "14").expect("14 is a claim");
    assert_eq!((fourteen.line, fourteen.column), (6, 17));
    assert_eq!(&text[fourteen.start..fourteen.end], "14");
    assert!(
        fourteen
            .subject
            .as_deref()
            .is_some_and(|s| s.contains("Kestrel Bay") && s.contains("Berths")),
        "{:?}",
        fourteen.subject
    );
}

/// `text` of a fixture format read with at most `cells` table cells.
fn read_with_cells(bytes: &[u8], name: &str, cells: usize) -> (Document, Vec<Claim>) {
    let mut options = IngestOptions::default();
    options.limits.table_cells = cells;
    let document = parse(bytes, Path::new(name), &options).expect("reads");
    let claims = common::engine().claims(&document);
    (document, claims)
}

#[test]
fn cells_past_the_limit_are_left_out_and_counted_in_every_format() {
    // The ferries table has a header row of four cells and three rows of four: with room for
    // eight cells, the header and the Calder row are read, and Brenna's and the total's
    // figures are not.
    let names = ["ferries.md", "ferries.html", "ferries.xml", "ferries.dbk"];
    let mut inputs: Vec<(String, Vec<u8>)> = names
        .iter()
        .map(|name| {
            let bytes = std::fs::read(fixture(&format!("tables/{name}"))).expect("fixture");
            ((*name).to_owned(), bytes)
        })
        .collect();
    inputs.push(("table.docx".to_owned(), docx("ferries.xml")));
    for (name, bytes) in &inputs {
        let (document, claims) = read_with_cells(bytes, name, 8);
        let texts: Vec<&str> = claims.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["2023", "412", "38", "12.5"], "{name}");
        assert_eq!(document.table_cells.len(), 8, "{name}");
        assert_eq!(document.table_cells_skipped, 8, "{name}");
        let diagnostics = common::engine().check(&document, &claims);
        let limit = diagnostics
            .iter()
            .find(|d| d.rule == "input/table-limit")
            .unwrap_or_else(|| panic!("{name}: no input/table-limit"));
        assert!(
            limit.message.starts_with("8 table cells past the first 8"),
            "{name}: {}",
            limit.message
        );
        // Within the limit nothing is left out, and nothing is said.
        let (document, claims) = read_with_cells(bytes, name, 16);
        assert_eq!(claims.len(), 10, "{name}");
        assert_eq!(document.table_cells_skipped, 0, "{name}");
        let diagnostics = common::engine().check(&document, &claims);
        assert!(
            !diagnostics.iter().any(|d| d.rule == "input/table-limit"),
            "{name}"
        );
    }
}

#[test]
fn markdown_rows_past_the_limit_are_taken_out_before_parsing_and_the_text_after_keeps_its_place() {
    let mut text = String::from("# Depots\n\n| Depot | Buses |\n| --- | --- |\n");
    for row in 0..40 {
        let _ = writeln!(text, "| Depot {row} | {} |", 100 + row);
    }
    text.push_str("\nThe fleet grew by 7 percent in 2024.\n");
    let (document, claims) = read_with_cells(text.as_bytes(), "depots.md", 10);
    // The header and four rows are read; the other 36 rows, 72 cells, are not.
    assert_eq!(document.table_cells.len(), 10);
    assert_eq!(document.table_cells_skipped, 72);
    let buses: Vec<&str> = claims
        .iter()
        .filter(|c| c.subject.as_deref().is_some_and(|s| s.contains("Buses")))
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(buses, ["100", "101", "102", "103"]);
    // The sentence after the table is read, at its own line.
    let share = claims
        .iter()
        .find(|c| c.text == "7 percent")
        .expect("the share after the table");
    assert_eq!((share.line, share.column), (46, 19));
    assert_eq!(&text[share.start..share.end], "7 percent");
}
