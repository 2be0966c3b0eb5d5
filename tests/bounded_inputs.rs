//! Inputs that are no files, and rule files built to exhaust: refused quickly with exit 2 and a
//! short message, never a hang or a read until memory runs out.

mod common;

use std::fs;
use std::time::Duration;

fn run(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    common::claimlint()
        .current_dir(dir)
        .args(args)
        .timeout(Duration::from_secs(20))
        .output()
        .expect("runs")
}

#[cfg(unix)]
#[test]
fn pipes_and_devices_are_refused_wherever_a_file_is_named() {
    let dir = common::scratch_dir("bounded", "special");
    fs::write(dir.join("brief.md"), "The fund holds EUR 12 million.\n").expect("write");
    let fifo = dir.join("pipe.md");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let cases: Vec<Vec<&str>> = vec![
        vec!["check", "pipe.md"],
        vec!["check", "brief.md", "--rules", "pipe.md"],
        vec!["check", "brief.md", "--config", "pipe.md"],
        vec!["check", "brief.md", "--ledger", "pipe.md"],
        vec!["check", "brief.md", "--baseline", "pipe.md"],
        vec!["check", "brief.md", "--ledger", "/dev/zero"],
        vec!["check", "brief.md", "--rules", "/dev/zero"],
        vec!["check", "brief.md", "--config", "/dev/zero"],
        vec!["check", "brief.md", "--baseline", "/dev/zero"],
        vec!["ledger", "update", "brief.md", "--ledger", "/dev/zero"],
    ];
    for args in cases {
        let output = run(&dir, &args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("not a regular file"), "{args:?}: {stderr}");
    }
}

/// Runs `check` with a rule file whose pattern is `pattern`: exit 2, a short error holding
/// `expected`.
fn refused_briefly(dir: &std::path::Path, name: &str, pattern: &str, expected: &str) {
    let rule = format!(
        "id = \"house/{name}\"\nseverity = \"warning\"\nsummary = \"s\"\nmessage = \"m\"\n\n[check]\nkind = \"pattern\"\npattern = \"{pattern}\"\n"
    );
    let file = format!("{name}.toml");
    fs::write(dir.join(&file), rule).expect("write");
    let output = run(dir, &["check", "brief.md", "--rules", &file]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(expected), "{}", &stderr[..stderr.len().min(500)]);
    assert!(
        output.stderr.len() < 4096,
        "{} bytes of error",
        output.stderr.len()
    );
}

#[test]
fn a_huge_regular_expression_is_refused_briefly() {
    let dir = common::scratch_dir("bounded", "regex");
    fs::write(dir.join("brief.md"), "The fund holds EUR 12 million.\n").expect("write");
    refused_briefly(&dir, "huge", &"(a|b)".repeat(100_000), "10240 are allowed");
    // An invalid pattern on a long line shows a window of the line, not the line.
    refused_briefly(
        &dir,
        "broken",
        &format!("{}(", "a".repeat(9000)),
        "unclosed group",
    );
}
