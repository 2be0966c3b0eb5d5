//! The binary's behaviour: exit codes, messages for bad input, stdin, folders, encodings.

mod common;

use assert_cmd::Command;
use std::fs;

fn claimlint() -> Command {
    Command::cargo_bin("claimlint").expect("binary builds")
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("claimlint-cli-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn missing_file_is_exit_2_naming_it() {
    let output = claimlint()
        .args(["extract", "no/such/file.txt"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("no/such/file.txt"),
        "{}",
        stderr_of(&output)
    );
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let dir = temp_dir("utf8");
    let path = dir.join("bad.txt");
    fs::write(&path, b"Revenue was 5 percent.\nThen \xff broke.").expect("write");
    let output = claimlint().arg("extract").arg(&path).output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("bad.txt") && stderr.contains("offset 28") && stderr.contains("line 2"),
        "{stderr}"
    );
}

#[test]
fn binary_file_is_refused() {
    let dir = temp_dir("binary");
    let path = dir.join("image.txt");
    fs::write(&path, b"PNG\0\0\x01\x02").expect("write");
    let output = claimlint().arg("extract").arg(&path).output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("binary"), "{}", stderr_of(&output));
}

#[test]
fn empty_file_has_no_claims() {
    let dir = temp_dir("empty");
    let path = dir.join("empty.md");
    fs::write(&path, b"").expect("write");
    let output = claimlint()
        .args(["extract", "--format", "json"])
        .arg(&path)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "[]");
}

#[test]
fn unsupported_extension_is_exit_2() {
    let dir = temp_dir("unsupported");
    let path = dir.join("slides.pptx");
    fs::write(&path, b"x").expect("write");
    let output = claimlint().arg("extract").arg(&path).output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("slides.pptx"));
}

#[test]
fn stdin_goes_by_its_given_name() {
    let output = claimlint()
        .args([
            "extract",
            "-",
            "--format",
            "jsonl",
            "--stdin-filename",
            "notes/brief.md",
        ])
        .write_stdin("Costs rose by 12 percent.[^1]\n\n[^1]: Audit.\n")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let line = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        line.contains(r#""document":"notes/brief.md""#) && line.contains(r#""footnotes":["1"]"#),
        "{line}"
    );
}

#[test]
fn folder_run_goes_past_a_broken_file_and_exits_2() {
    let dir = temp_dir("folder");
    fs::write(dir.join("a.txt"), "Sales were 40 units.").expect("write");
    fs::write(dir.join("b.txt"), b"\xfe\xfe broken").expect("write");
    fs::write(dir.join("c.md"), "Profit was EUR 3 million.").expect("write");
    fs::write(dir.join("ignored.pdf"), "not read").expect("write");
    let output = claimlint()
        .args(["extract", "--format", "jsonl"])
        .arg(&dir)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let documents: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.split(r#""document":""#).nth(1)?.split('"').next())
        .collect();
    assert_eq!(documents.len(), 2, "{stdout}");
    assert!(
        documents[0].ends_with("a.txt") && documents[1].ends_with("c.md"),
        "{documents:?}"
    );
    assert!(stderr_of(&output).contains("b.txt"));
}

#[test]
fn bad_document_date_is_exit_2() {
    let output = claimlint()
        .args(["extract", "-", "--document-date", "2021-13-01"])
        .write_stdin("x")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("2021-13-01"));
}

#[test]
fn document_date_decides_projections() {
    let run = |date: &str| {
        let output = claimlint()
            .args(["extract", "-", "--format", "jsonl", "--document-date", date])
            .write_stdin("In 2030 sales reached 40 units.")
            .output()
            .expect("runs");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    assert!(run("2024-01-01").contains("projection"));
    assert!(!run("2031-01-01").contains("projection"));
}

#[test]
fn encodings_and_line_endings_keep_positions() {
    let dir = temp_dir("encodings");
    let text = "Title\r\n\r\nIt cost EUR 5 million.\r\n";
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut bom = "\u{feff}".as_bytes().to_vec();
    bom.extend_from_slice(text.as_bytes());
    for (name, bytes) in [
        ("crlf.txt", text.as_bytes().to_vec()),
        ("utf16.txt", utf16),
        ("bom.txt", bom),
    ] {
        let path = dir.join(name);
        fs::write(&path, bytes).expect("write");
        let output = claimlint()
            .args(["extract", "--format", "jsonl"])
            .arg(&path)
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(0), "{name}: {}", stderr_of(&output));
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            stdout.contains(r#""line":3,"column":9"#) && stdout.contains(r#""value":5000000"#),
            "{name}: {stdout}"
        );
    }
}

#[test]
fn csv_is_the_default_and_guards_formulas() {
    let output = claimlint()
        .args(["extract", "-"])
        .write_stdin("Revenue fell -3 percent that year.")
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let mut lines = stdout.lines();
    assert!(
        lines
            .next()
            .is_some_and(|h| h.starts_with("id,document,kind,text,line,column,start,end,value"))
    );
    let row = lines.next().expect("a row");
    assert!(row.contains(",'-3 percent,") && row.contains(",-3,%,"), "{row}");
}
