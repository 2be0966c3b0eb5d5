//! Extraction of the fixture documents, snapshotted as one readable line per claim. Each
//! fixture mixes figures that must be found with near misses that must not.

mod common;

use common::{claims_of, snapshot_settings, table};

fn snapshot(fixture: &str, name: &str) {
    let claims = claims_of(fixture);
    snapshot_settings().bind(|| insta::assert_snapshot!(name, table(&claims)));
}

#[test]
fn numbers_in_digits() {
    snapshot("extract/numbers.txt", "extract_numbers");
}

#[test]
fn numbers_in_words() {
    snapshot("extract/words.txt", "extract_words");
}

#[test]
fn money() {
    snapshot("extract/money.txt", "extract_money");
}

#[test]
fn percentages() {
    snapshot("extract/percent.txt", "extract_percent");
}

#[test]
fn years_periods_and_dates() {
    snapshot("extract/time.txt", "extract_time");
}

#[test]
fn quantities_ordinals_and_durations() {
    snapshot("extract/quantities.txt", "extract_quantities");
}

#[test]
fn names_are_not_figures() {
    let claims = claims_of("extract/names.txt");
    assert!(claims.is_empty(), "names read as figures:\n{}", table(&claims));
}

#[test]
fn glued_footnote_markers() {
    snapshot("extract/markers.txt", "extract_markers");
}

#[test]
fn decimal_comma_document() {
    snapshot("extract/decimal-comma.txt", "extract_decimal_comma");
}

#[test]
fn markdown_brief() {
    snapshot("extract/brief.md", "extract_markdown");
}

#[test]
fn markdown_brief_as_json() {
    let claims = claims_of("extract/brief.md");
    let mut out = Vec::new();
    claimlint::report::json::write_array(&mut out, &claims).expect("writes");
    let json = String::from_utf8(out).expect("utf-8");
    snapshot_settings().bind(|| insta::assert_snapshot!("extract_markdown_json", json));
}

#[test]
fn money_as_csv() {
    let claims = claims_of("extract/money.txt");
    let mut out: Vec<u8> = Vec::new();
    {
        let sink: &mut dyn std::io::Write = &mut out;
        let mut writer = csv::Writer::from_writer(sink);
        claimlint::report::csv::write_header(&mut writer).expect("header");
        claimlint::report::csv::write_rows(&mut writer, &claims).expect("rows");
        writer.flush().expect("flush");
    }
    let csv = String::from_utf8(out).expect("utf-8");
    snapshot_settings().bind(|| insta::assert_snapshot!("extract_money_csv", csv));
}

#[test]
fn html_report() {
    snapshot("extract/report.html", "extract_html");
}
