//! The audit workflow: ledger update, check --ledger (drift, unreviewed, stale), diff, baseline.

mod common;

use std::fs;
use std::path::Path;

use common::claimlint;

fn workspace(name: &str) -> common::Scratch {
    common::scratch_dir("ledger", name)
}

const BRIEF: &str = "# Port brief\n\nThe port handled 1,200 ships in 2022.[^1] Cranes moved 3.4 million containers.[^1]\n\nDredging cost EUR 40 million in 2021.[^2]\n\n[^1]: Port authority, 2022.\n[^2]: Audit office.\n";

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    claimlint().current_dir(dir).args(args).output().expect("runs")
}

/// Runs `ledger update brief.md` into `ledger`, which must succeed.
fn update(dir: &Path, ledger: &str) {
    let output = run(dir, &["ledger", "update", "brief.md", "--ledger", ledger]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Marks the rows whose `text` cell is one of `texts` as verified by an auditor.
fn verify(ledger: &Path, texts: &[&str]) {
    let mut reader = csv::Reader::from_path(ledger).expect("ledger");
    let header = reader.headers().expect("header").clone();
    let text = header.iter().position(|h| h == "text").expect("text column");
    let status = header.iter().position(|h| h == "status").expect("status column");
    let reviewer = header
        .iter()
        .position(|h| h == "reviewer")
        .expect("reviewer column");
    let mut writer = csv::Writer::from_path(ledger.with_extension("new")).expect("writer");
    writer.write_record(&header).expect("header");
    for record in reader.records() {
        let mut cells: Vec<String> = record.expect("row").iter().map(str::to_owned).collect();
        if texts.contains(&cells[text].as_str()) {
            "verified".clone_into(&mut cells[status]);
            "a.auditor".clone_into(&mut cells[reviewer]);
        }
        writer.write_record(&cells).expect("row");
    }
    writer.flush().expect("flush");
    fs::rename(ledger.with_extension("new"), ledger).expect("rename");
}

#[test]
fn drift_scenario_finds_exactly_the_edited_verified_figure() {
    let dir = workspace("drift");
    fs::write(dir.join("brief.md"), BRIEF).expect("write");
    update(&dir, "claims.csv");
    verify(
        &dir.join("claims.csv"),
        &["1,200", "3.4 million", "EUR 40 million"],
    );
    let clean = run(
        &dir,
        &["check", "brief.md", "--ledger", "claims.csv", "--format", "json"],
    );
    assert_eq!(clean.status.code(), Some(0));

    // Edit one verified figure and move a paragraph above the other.
    let edited = "# Port brief\n\nDredging cost EUR 40 million in 2021.[^2]\n\nThe port handled 1,250 ships in 2022.[^1] Cranes moved 3.4 million containers.[^1]\n\n[^1]: Port authority, 2022.\n[^2]: Audit office.\n";
    fs::write(dir.join("old.md"), BRIEF).expect("write");
    fs::write(dir.join("brief.md"), edited).expect("write");
    let output = run(
        &dir,
        &["check", "brief.md", "--ledger", "claims.csv", "--format", "json"],
    );
    assert_eq!(output.status.code(), Some(1));
    let found: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let drift: Vec<&serde_json::Value> = found
        .as_array()
        .expect("array")
        .iter()
        .filter(|d| d["rule"] == "ledger/drift")
        .collect();
    assert_eq!(drift.len(), 1, "{found:#}");
    assert_eq!(drift[0]["line"], 5);
    assert!(
        drift[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("`1,250`") && m.contains("`1,200`"))
    );
    assert!(
        found
            .as_array()
            .expect("array")
            .iter()
            .all(|d| d["rule"] != "ledger/stale"),
        "moved text is not stale"
    );

    // The human output names the figure and where it changed (shown in the closing note).
    let human = run(&dir, &["check", "brief.md", "--ledger", "claims.csv"]);
    let human = String::from_utf8_lossy(&human.stdout);
    assert!(
        human.contains("ledger/drift") && human.contains("brief.md:5:18"),
        "{human}"
    );

    // diff reports exactly that change.
    let output = run(&dir, &["diff", "old.md", "brief.md", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let changes: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(
        changes["changed"].as_array().map(Vec::len),
        Some(1),
        "{changes:#}"
    );
    assert_eq!(changes["added"].as_array().map(Vec::len), Some(0));
    assert_eq!(changes["removed"].as_array().map(Vec::len), Some(0));
    assert_eq!(changes["changed"][0]["new"]["text"], "1,250");
    let same = run(&dir, &["diff", "brief.md", "brief.md"]);
    assert_eq!(same.status.code(), Some(0));
}

#[test]
fn diff_reads_the_old_revision_from_stdin() {
    let dir = workspace("diff-stdin");
    fs::write(
        dir.join("brief.md"),
        BRIEF.replace("EUR 40 million", "EUR 45 million"),
    )
    .expect("write");
    let output = claimlint()
        .current_dir(&dir)
        .args(["diff", "-", "brief.md"])
        .write_stdin(BRIEF)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.starts_with("brief.md: 1 changed, 0 added, 0 removed")
            && stdout.contains("`EUR 40 million` → `EUR 45 million`"),
        "{stdout}"
    );
}

#[test]
fn update_keeps_auditor_columns_marks_vanished_claims_stale_and_resets_changed_verified_ones() {
    let dir = workspace("update");
    fs::write(dir.join("brief.md"), BRIEF).expect("write");
    run(&dir, &["ledger", "update", "brief.md", "--ledger", "claims.csv"]);
    verify(&dir.join("claims.csv"), &["1,200", "EUR 40 million"]);
    let rewritten = BRIEF
        .replace(
            "Dredging cost EUR 40 million in 2021.",
            "Dredging was paid for by the state.",
        )
        .replace("1,200", "1,300");
    fs::write(dir.join("brief.md"), rewritten).expect("write");
    let stale = run(
        &dir,
        &["check", "brief.md", "--ledger", "claims.csv", "--format", "json"],
    );
    let found: serde_json::Value = serde_json::from_slice(&stale.stdout).expect("JSON");
    let rules: Vec<&str> = found
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|d| d["rule"].as_str())
        .collect();
    assert_eq!(
        rules.iter().filter(|r| **r == "ledger/stale").count(),
        2,
        "{rules:?}"
    );
    let output = run(&dir, &["ledger", "update", "brief.md", "--ledger", "claims.csv"]);
    let summary = String::from_utf8_lossy(&output.stdout);
    assert!(
        summary.contains("1 changed since verified, 2 newly stale"),
        "{summary}"
    );
    let ledger = claimlint::audit::ledger::Ledger::read(&dir.join("claims.csv"), false).expect("reads back");
    let by_text = |text: &str| ledger.rows.iter().find(|r| r.cell("text") == text).expect("row");
    assert_eq!(by_text("EUR 40 million").status().name(), "stale");
    assert_eq!(
        by_text("EUR 40 million").audit[2],
        "a.auditor",
        "auditor columns are kept"
    );
    assert_eq!(by_text("1,300").status().name(), "unreviewed");
    assert!(by_text("1,300").audit[4].contains("verified as `1,200`"));
    let leftovers: Vec<_> = fs::read_dir(&dir)
        .expect("dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "the atomic write leaves no temporary file");
}

#[test]
fn malformed_ledger_names_the_row_and_column() {
    let dir = workspace("malformed");
    fs::write(dir.join("brief.md"), BRIEF).expect("write");
    run(&dir, &["ledger", "update", "brief.md", "--ledger", "claims.csv"]);
    let text = fs::read_to_string(dir.join("claims.csv")).expect("read");
    let broken = text
        .replacen(",unreviewed,", ",verfied,", 2)
        .replacen(",verfied,", ",unreviewed,", 1);
    fs::write(dir.join("claims.csv"), broken).expect("write");
    let output = run(&dir, &["check", "brief.md", "--ledger", "claims.csv"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("row 3") && stderr.contains("`status`") && stderr.contains("verfied"),
        "{stderr}"
    );
    let before = fs::read(dir.join("claims.csv")).expect("read");
    let output = run(&dir, &["ledger", "update", "brief.md", "--ledger", "claims.csv"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        fs::read(dir.join("claims.csv")).expect("read"),
        before,
        "a broken ledger is never rewritten"
    );
}

#[test]
fn baseline_hides_known_findings_and_lists_entries_that_no_longer_match() {
    let dir = workspace("baseline");
    let text = "Budget\n\nThe ministry spent EUR 2.5 billion on roads. Rail took EUR 900 million.\n";
    fs::write(dir.join("brief.txt"), text).expect("write");
    let output = run(
        &dir,
        &[
            "check",
            "brief.txt",
            "--fail-on",
            "warning",
            "--write-baseline",
            "baseline.json",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let output = run(
        &dir,
        &[
            "check",
            "brief.txt",
            "--fail-on",
            "warning",
            "--baseline",
            "baseline.json",
        ],
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    // Moving text keeps the baseline matching; a new uncited figure is reported.
    let edited = "Budget\n\nA new first paragraph.\n\nThe ministry spent EUR 2.6 billion on roads. Rail took EUR 900 million. Ports took EUR 300 million for cranes.\n";
    fs::write(dir.join("brief.txt"), edited).expect("write");
    let output = run(
        &dir,
        &[
            "check",
            "brief.txt",
            "--fail-on",
            "warning",
            "--baseline",
            "baseline.json",
            "--format",
            "json",
        ],
    );
    let found: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let messages: Vec<&str> = found
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|d| d["message"].as_str())
        .collect();
    assert_eq!(messages, ["no footnote covers `EUR 300 million`"], "{found:#}");
    // Remove a baselined finding's sentence: its entry is listed as no longer matching.
    fs::write(dir.join("brief.txt"), "Budget\n\nRail took EUR 900 million.\n").expect("write");
    let output = run(&dir, &["check", "brief.txt", "--baseline", "baseline.json"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("baseline entry no longer matches: citation/missing in brief.txt"),
        "{stderr}"
    );
}

/// Drops the `role` column, as ledgers written before it (format 1) have none.
fn drop_role_column(ledger: &Path) {
    let mut reader = csv::Reader::from_path(ledger).expect("ledger");
    let header = reader.headers().expect("header").clone();
    let role = header.iter().position(|h| h == "role").expect("role column");
    let keep = |record: &csv::StringRecord| -> Vec<String> {
        record
            .iter()
            .enumerate()
            .filter(|(index, _)| *index != role)
            .map(|(_, cell)| cell.to_owned())
            .collect()
    };
    let mut writer = csv::Writer::from_path(ledger.with_extension("old")).expect("writer");
    writer.write_record(keep(&header)).expect("header");
    for record in reader.records() {
        writer.write_record(keep(&record.expect("row"))).expect("row");
    }
    writer.flush().expect("flush");
    fs::rename(ledger.with_extension("old"), ledger).expect("rename");
}

#[test]
fn a_ledger_from_before_the_role_column_is_read_and_brought_up_to_date() {
    let dir = workspace("format-1");
    fs::write(dir.join("brief.md"), BRIEF).expect("write");
    run(&dir, &["ledger", "update", "brief.md", "--ledger", "claims.csv"]);
    verify(&dir.join("claims.csv"), &["1,200"]);
    drop_role_column(&dir.join("claims.csv"));
    let old = fs::read_to_string(dir.join("claims.csv")).expect("ledger");
    assert!(!old.contains(",role,"), "{old}");
    let check = run(
        &dir,
        &["check", "brief.md", "--ledger", "claims.csv", "--format", "json"],
    );
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let update = run(&dir, &["ledger", "update", "brief.md", "--ledger", "claims.csv"]);
    assert_eq!(
        update.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&update.stderr)
    );
    let stdout = String::from_utf8_lossy(&update.stdout);
    assert!(
        stdout.contains("0 added") && stdout.contains("1 verified"),
        "{stdout}"
    );
    let new = fs::read_to_string(dir.join("claims.csv")).expect("ledger");
    assert!(new.contains(",footnotes,role,sentence,"), "{new}");
}

/// Saves `rows` as Excel does: every text in shared strings, whole numbers as number cells.
fn save_as_excel(path: &Path, rows: &[Vec<String>]) {
    use std::fmt::Write as _;
    use std::io::Write as _;
    let mut strings: Vec<&str> = Vec::new();
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for (r, row) in rows.iter().enumerate() {
        let _ = write!(sheet, r#"<row r="{}">"#, r + 1);
        for (c, cell) in row.iter().enumerate() {
            let reference = format!(
                "{}{}",
                (b'A' + u8::try_from(c % 26).expect("column")) as char,
                r + 1
            );
            let reference = if c >= 26 {
                format!("A{reference}")
            } else {
                reference
            };
            if cell.is_empty() {
                continue; // Excel leaves empty cells out
            }
            if r > 0 && !cell.is_empty() && cell.bytes().all(|b| b.is_ascii_digit()) {
                let _ = write!(sheet, r#"<c r="{reference}"><v>{cell}</v></c>"#);
            } else {
                strings.push(cell);
                let _ = write!(
                    sheet,
                    r#"<c r="{reference}" t="s"><v>{}</v></c>"#,
                    strings.len() - 1
                );
            }
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let mut shared = String::new();
    for text in &strings {
        let _ = write!(shared, "<si><r><t>{}</t></r></si>", escape(text));
    }
    let shared = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{0}" uniqueCount="{0}">{shared}</sst>"#,
        strings.len()
    );
    let mut archive = zip::ZipWriter::new(fs::File::create(path).expect("create"));
    let options = zip::write::SimpleFileOptions::default();
    for (name, text) in [
        ("xl/sharedStrings.xml", shared.as_str()),
        ("xl/worksheets/sheet1.xml", sheet.as_str()),
    ] {
        archive.start_file(name, options).expect("entry");
        archive.write_all(text.as_bytes()).expect("write");
    }
    archive.finish().expect("finish");
}

#[test]
fn a_workbook_ledger_round_trips_through_a_spreadsheet() {
    let dir = workspace("xlsx");
    fs::write(dir.join("brief.md"), BRIEF).expect("write");
    update(&dir, "claims.xlsx");
    let written = fs::read(dir.join("claims.xlsx")).expect("workbook");
    assert!(written.starts_with(b"PK"), "a zip archive");
    // Written again unchanged, it is the same bytes.
    let again = run(&dir, &["ledger", "update", "brief.md", "--ledger", "claims.xlsx"]);
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(fs::read(dir.join("claims.xlsx")).expect("workbook"), written);

    // An auditor verifies the dredging figure and saves the workbook from a spreadsheet.
    let mut rows = claimlint::audit::xlsx::read(&written).expect("reads");
    let header = rows[0].clone();
    let at = |name: &str| header.iter().position(|h| h == name).expect(name);
    for row in rows.iter_mut().skip(1) {
        if row[at("text")] == "EUR 40 million" {
            row[at("status")] = "verified".to_owned();
            row[at("reviewer")] = "a.auditor".to_owned();
        }
    }
    assert!(
        rows.iter()
            .any(|r| r[at("id")].starts_with(|c: char| c.is_ascii_alphabetic()))
    );
    save_as_excel(&dir.join("claims.xlsx"), &rows);

    // The verified figure edited: drift, read from the workbook.
    fs::write(
        dir.join("brief.md"),
        BRIEF.replace("EUR 40 million", "EUR 45 million"),
    )
    .expect("write");
    let output = run(
        &dir,
        &["check", "brief.md", "--ledger", "claims.xlsx", "--format", "json"],
    );
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let found: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let drift: Vec<&serde_json::Value> = found
        .as_array()
        .expect("array")
        .iter()
        .filter(|d| d["rule"] == "ledger/drift")
        .collect();
    assert_eq!(drift.len(), 1, "{found:#}");

    // A file named .xlsx that is no workbook is refused, naming it.
    fs::write(dir.join("broken.xlsx"), "id,document\n").expect("write");
    let output = run(&dir, &["check", "brief.md", "--ledger", "broken.xlsx"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("broken.xlsx") && stderr.contains("not a workbook"),
        "{stderr}"
    );
}
