//! The ledger never loses an auditor's work, and every file claimlint writes is written whole:
//! round trips of every cell, keys that begin like formulas, concurrent updates, edits saved
//! during a run, symlinked and private ledgers, numbers a spreadsheet rewrote, and outputs that
//! cannot be written.

mod common;

use std::fs;
use std::path::Path;
use std::time::Duration;

use claimlint::audit::ledger::{Ledger, Row};
use proptest::prelude::*;

fn workspace(name: &str) -> common::Scratch {
    common::scratch_dir("ledger-safety", name)
}

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    common::claimlint()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("runs")
}

fn ok(output: &std::process::Output) {
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A note whose figures give a zero and negative bounds ("0 percent" has `low` -0.5).
const FLAT: &str = "# Flat\n\nPrices changed by 0 percent in 2023.[^1] Output fell 3 percent.[^1]\n\n[^1]: Office for figures.\n";

fn column(ledger: &Path, name: &str) -> Vec<String> {
    let mut reader = csv::Reader::from_path(ledger).expect("ledger");
    let at = reader
        .headers()
        .expect("header")
        .iter()
        .position(|h| h == name)
        .expect("column");
    reader.records().map(|r| r.expect("row")[at].to_owned()).collect()
}

/// Sets `name` to `value` in the rows whose `text` is `text`.
fn edit(ledger: &Path, text: &str, name: &str, value: &str) {
    let mut reader = csv::Reader::from_path(ledger).expect("ledger");
    let header = reader.headers().expect("header").clone();
    let text_at = header.iter().position(|h| h == "text").expect("text");
    let at = header.iter().position(|h| h == name).expect("column");
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&header).expect("header");
    for record in reader.records() {
        let mut cells: Vec<String> = record.expect("row").iter().map(str::to_owned).collect();
        if cells[text_at] == text {
            value.clone_into(&mut cells[at]);
        }
        writer.write_record(&cells).expect("row");
    }
    fs::write(ledger, writer.into_inner().expect("bytes")).expect("write");
}

#[test]
fn zero_and_negative_bounds_survive_two_updates_and_a_check() {
    let dir = workspace("round-trip");
    fs::write(dir.join("flat.md"), FLAT).expect("write");
    ok(&run(
        &dir,
        &["ledger", "update", "flat.md", "--ledger", "claims.csv"],
    ));
    let first = fs::read(dir.join("claims.csv")).expect("ledger");
    assert!(column(&dir.join("claims.csv"), "low").contains(&"-0.5".to_owned()));
    ok(&run(
        &dir,
        &["ledger", "update", "flat.md", "--ledger", "claims.csv"],
    ));
    assert_eq!(fs::read(dir.join("claims.csv")).expect("ledger"), first);
    let check = run(
        &dir,
        &["check", "flat.md", "--ledger", "claims.csv", "--fail-on", "never"],
    );
    ok(&check);
}

#[test]
fn a_document_named_like_a_formula_keeps_its_rows() {
    let dir = workspace("formula-key");
    fs::create_dir_all(dir.join("@team")).expect("dir");
    fs::write(dir.join("@team/b.md"), FLAT).expect("write");
    ok(&run(
        &dir,
        &["ledger", "update", "@team/b.md", "--ledger", "claims.csv"],
    ));
    let ledger = dir.join("claims.csv");
    assert!(
        column(&ledger, "document").iter().all(|d| d == "'@team/b.md"),
        "guarded for spreadsheets"
    );
    let rows = column(&ledger, "status").len();
    edit(&ledger, "3 percent", "status", "verified");
    ok(&run(
        &dir,
        &["ledger", "update", "@team/b.md", "--ledger", "claims.csv"],
    ));
    ok(&run(
        &dir,
        &["ledger", "update", "@team/b.md", "--ledger", "claims.csv"],
    ));
    let statuses = column(&ledger, "status");
    assert_eq!(statuses.len(), rows, "no duplicate rows: {statuses:?}");
    assert!(statuses.contains(&"verified".to_owned()), "{statuses:?}");
}

#[test]
fn two_concurrent_updates_keep_both_runs_rows() {
    let dir = workspace("concurrent");
    for n in 0..6 {
        fs::write(
            dir.join(format!("d{n}.md")),
            FLAT.replace("Flat", &format!("Flat {n}")),
        )
        .expect("write");
    }
    let children: Vec<_> = (0..6)
        .map(|n| {
            std::process::Command::new(env!("CARGO_BIN_EXE_claimlint"))
                .current_dir(&dir)
                .args(["ledger", "update", &format!("d{n}.md"), "--ledger", "claims.csv"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("starts")
        })
        .collect();
    for child in children {
        ok(&child.wait_with_output().expect("runs"));
    }
    let documents: std::collections::BTreeSet<String> =
        column(&dir.join("claims.csv"), "document").into_iter().collect();
    assert_eq!(documents.len(), 6, "every run's rows are kept: {documents:?}");
}

#[test]
fn a_second_run_waits_for_the_lock_then_gives_up_naming_the_ledger() {
    let dir = workspace("busy");
    let ledger = dir.join("claims.csv");
    let lock = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(".claims.csv.lock"))
        .expect("lock file");
    lock.lock().expect("locked");
    let error = Ledger::update_file(&ledger, &[], Duration::from_millis(200)).expect_err("busy");
    assert!(error.to_string().contains("claims.csv"), "{error}");
    assert!(error.to_string().contains("another run"), "{error}");
    lock.unlock().expect("unlocked");
    Ledger::update_file(&ledger, &[], Duration::from_millis(200)).expect("free again");
}

#[test]
fn an_edit_saved_during_a_run_is_never_overwritten() {
    let dir = workspace("saved-during");
    fs::write(dir.join("flat.md"), FLAT).expect("write");
    ok(&run(
        &dir,
        &["ledger", "update", "flat.md", "--ledger", "claims.csv"],
    ));
    let ledger = dir.join("claims.csv");
    let engine = claimlint::pipeline::Engine::builtin().expect("engine");
    let document = claimlint::ingest::parse(
        FLAT.as_bytes(),
        Path::new("flat.md"),
        &claimlint::ingest::IngestOptions::default(),
    )
    .expect("parses");
    let claims = engine.claims(&document);
    let error = Ledger::update_file_with(
        &ledger,
        &[("flat.md".to_owned(), claims)],
        Duration::from_secs(1),
        || {
            edit(&ledger, "3 percent", "note", "checked by hand");
        },
    )
    .expect_err("changed");
    assert!(error.to_string().contains("changed while"), "{error}");
    assert!(column(&ledger, "note").contains(&"checked by hand".to_owned()));
}

#[cfg(unix)]
#[test]
fn a_symlinked_private_ledger_stays_a_link_to_a_private_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = workspace("symlink");
    fs::write(dir.join("flat.md"), FLAT).expect("write");
    fs::create_dir_all(dir.join("vault")).expect("dir");
    ok(&run(
        &dir,
        &["ledger", "update", "flat.md", "--ledger", "vault/claims.csv"],
    ));
    fs::set_permissions(dir.join("vault/claims.csv"), fs::Permissions::from_mode(0o600)).expect("chmod");
    std::os::unix::fs::symlink("vault/claims.csv", dir.join("claims.csv")).expect("link");
    edit(&dir.join("vault/claims.csv"), "3 percent", "note", "kept");
    ok(&run(
        &dir,
        &["ledger", "update", "flat.md", "--ledger", "claims.csv"],
    ));
    assert!(
        fs::symlink_metadata(dir.join("claims.csv"))
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    let mode = fs::metadata(dir.join("vault/claims.csv"))
        .expect("meta")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    assert!(column(&dir.join("vault/claims.csv"), "note").contains(&"kept".to_owned()));
}

#[test]
fn a_read_only_ledger_is_refused_and_left_alone() {
    let dir = workspace("read-only");
    fs::write(dir.join("flat.md"), FLAT).expect("write");
    ok(&run(
        &dir,
        &["ledger", "update", "flat.md", "--ledger", "claims.csv"],
    ));
    let ledger = dir.join("claims.csv");
    let before = fs::read(&ledger).expect("ledger");
    let mut permissions = fs::metadata(&ledger).expect("meta").permissions();
    permissions.set_readonly(true);
    fs::set_permissions(&ledger, permissions).expect("chmod");
    fs::write(dir.join("flat.md"), FLAT.replace("3 percent", "4 percent")).expect("write");
    let output = run(&dir, &["ledger", "update", "flat.md", "--ledger", "claims.csv"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("cannot write `claims.csv`") && stderr.contains("read-only"),
        "{stderr}"
    );
    assert_eq!(fs::read(&ledger).expect("ledger"), before);
}

#[test]
fn numbers_a_spreadsheet_rewrote_are_no_drift_but_a_changed_digit_is() {
    let dir = workspace("spreadsheet");
    let brief = "# Brief\n\nThe fund holds EUR 12 million in 2024.[^1]\n\n[^1]: Fund report.\n";
    fs::write(dir.join("brief.md"), brief).expect("write");
    ok(&run(
        &dir,
        &["ledger", "update", "brief.md", "--ledger", "claims.csv"],
    ));
    let ledger = dir.join("claims.csv");
    edit(&ledger, "EUR 12 million", "status", "verified");
    for (value, drift) in [
        ("1.20E+07", false),
        ("12000000.0", false),
        ("12,000,000", false),
        ("1.2E+07", false),
        ("12000001", true),
        ("1.30E+07", true),
    ] {
        edit(&ledger, "EUR 12 million", "value", value);
        let output = run(
            &dir,
            &[
                "check",
                "brief.md",
                "--ledger",
                "claims.csv",
                "--format",
                "json",
                "--fail-on",
                "never",
            ],
        );
        ok(&output);
        let found = String::from_utf8_lossy(&output.stdout).contains("ledger/drift");
        assert_eq!(found, drift, "value {value}");
    }
    edit(&ledger, "EUR 12 million", "value", "twelve million");
    let output = run(&dir, &["check", "brief.md", "--ledger", "claims.csv"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("column `value`"));
}

#[test]
fn an_output_that_cannot_be_written_names_the_file_and_leaves_nothing_behind() {
    let dir = workspace("outputs");
    fs::write(dir.join("flat.md"), FLAT).expect("write");
    // A folder that is a file: no temporary file can be made beside the target.
    fs::write(dir.join("blocked"), "not a folder").expect("write");
    let output = run(&dir, &["report", "flat.md", "-o", "blocked/page.html"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot write `blocked/page.html`"), "{stderr}");
    // An existing page that cannot be replaced is kept whole.
    fs::write(dir.join("page.html"), "old page").expect("write");
    let mut permissions = fs::metadata(dir.join("page.html")).expect("meta").permissions();
    permissions.set_readonly(true);
    fs::set_permissions(dir.join("page.html"), permissions).expect("chmod");
    let output = run(&dir, &["report", "flat.md", "-o", "page.html"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        fs::read_to_string(dir.join("page.html")).expect("page"),
        "old page"
    );
    let baseline = run(
        &dir,
        &["check", "flat.md", "--write-baseline", "blocked/base.json"],
    );
    assert_eq!(baseline.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&baseline.stderr).contains("blocked/base.json"));
    let leftovers: Vec<_> = fs::read_dir(&*dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

fn text_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        "[=+@'\\-]?[a-z ;,\"]{0,12}",
        Just(String::new()),
        Just("'".to_owned()),
        Just("''=x".to_owned()),
        Just("-3 percent".to_owned()),
    ]
}

fn number_cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        (-1_000_000i64..1_000_000, 0u32..4)
            .prop_map(|(m, scale)| rust_decimal::Decimal::new(m, scale).normalize().to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any ledger written is read back unchanged: numbers as written, text whatever it begins with.
    #[test]
    fn any_ledger_reads_back_as_written(rows in prop::collection::vec((text_cell(), text_cell(), number_cell(), number_cell(), text_cell()), 0..6)) {
        let dir = workspace("property");
        let path = dir.join("claims.csv");
        let ledger = Ledger {
            rows: rows
                .iter()
                .enumerate()
                .map(|(n, (document, text, value, low, note))| {
                    let mut claim: Vec<String> = claimlint::Claim::FIELDS.iter().map(|_| String::new()).collect();
                    let set = |claim: &mut Vec<String>, name: &str, cell: String| {
                        let at = claimlint::Claim::FIELDS.iter().position(|f| *f == name).expect("field");
                        claim[at] = cell;
                    };
                    set(&mut claim, "id", claimlint::claim::letter_first(&format!("{n:08x}")));
                    set(&mut claim, "document", document.clone());
                    set(&mut claim, "text", text.clone());
                    for name in ["line", "column", "start", "end"] {
                        set(&mut claim, name, n.to_string());
                    }
                    set(&mut claim, "value", value.clone());
                    set(&mut claim, "low", low.clone());
                    Row {
                        claim,
                        audit: vec![String::new(), "unreviewed".to_owned(), String::new(), String::new(), note.clone()],
                    }
                })
                .collect(),
            bom: false,
        };
        ledger.write(&path).expect("writes");
        let read = Ledger::read(&path, false).expect("reads back");
        prop_assert_eq!(read.rows, ledger.rows);
    }
}

/// Ids begin with a letter, so no spreadsheet reads one as a number (`262288e7` became
/// 2.62288E+13); a ledger written with the earlier ids (a digit first) is read as the same claims
/// and written back with the new ids, every auditor's cell kept.
#[test]
fn ids_begin_with_a_letter_and_earlier_ledgers_are_brought_up_to_date() {
    let dir = workspace("letter-ids");
    let text = (0..40)
        .map(|n| format!("Item {n} cost EUR {} million.[^1]", n + 3))
        .collect::<Vec<_>>()
        .join(" ");
    fs::write(
        dir.join("costs.md"),
        format!("# Costs\n\n{text}\n\n[^1]: Ledger office.\n"),
    )
    .expect("write");
    ok(&run(
        &dir,
        &["ledger", "update", "costs.md", "--ledger", "claims.csv"],
    ));
    let ledger = dir.join("claims.csv");
    let ids = column(&ledger, "id");
    assert!(
        ids.iter()
            .all(|id| id.starts_with(|c: char| c.is_ascii_lowercase())),
        "{ids:?}"
    );
    edit(&ledger, "EUR 3 million", "status", "verified");
    // The same ledger as an earlier version wrote it: ids with a digit first.
    let legacy: String = fs::read_to_string(&ledger)
        .expect("ledger")
        .lines()
        .enumerate()
        .map(|(n, line)| {
            if n == 0 {
                return format!("{line}\n");
            }
            let mut chars = line.chars();
            match chars.next() {
                Some(c @ 'g'..='p') => format!("{}{}\n", char::from(b'0' + (c as u8 - b'g')), chars.as_str()),
                Some(c) => format!("{c}{}\n", chars.as_str()),
                None => "\n".to_owned(),
            }
        })
        .collect();
    assert!(
        legacy
            .lines()
            .skip(1)
            .any(|l| l.starts_with(|c: char| c.is_ascii_digit())),
        "some ids began with a digit"
    );
    fs::write(&ledger, legacy).expect("write");
    ok(&run(
        &dir,
        &["ledger", "update", "costs.md", "--ledger", "claims.csv"],
    ));
    assert_eq!(
        column(&ledger, "id"),
        ids,
        "the same claims, the same new ids, no duplicates"
    );
    assert!(column(&ledger, "status").contains(&"verified".to_owned()));
}

/// A ledger saved by Excel begins with a byte order mark: an update keeps it, and `--bom` adds
/// one for auditors who open the file in Excel.
#[test]
fn a_byte_order_mark_is_kept_and_can_be_asked_for() {
    let dir = workspace("bom");
    let update = |extra: &[&str]| {
        let output = common::claimlint()
            .current_dir(&*dir)
            .args(["ledger", "update", "a.md", "--ledger", "claims.csv"])
            .args(extra)
            .output()
            .expect("runs");
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        std::fs::read(dir.join("claims.csv")).expect("ledger")
    };
    std::fs::write(dir.join("a.md"), "Exports reached EUR 4 billion.\n").expect("write");
    assert!(
        !update(&[]).starts_with("\u{feff}".as_bytes()),
        "none unless asked"
    );
    assert!(update(&["--bom"]).starts_with("\u{feff}".as_bytes()));
    assert!(
        update(&[]).starts_with("\u{feff}".as_bytes()),
        "kept on the next update"
    );
    let check = common::claimlint()
        .current_dir(&*dir)
        .args(["check", "a.md", "--ledger", "claims.csv"])
        .output()
        .expect("runs");
    assert_ne!(
        check.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}
