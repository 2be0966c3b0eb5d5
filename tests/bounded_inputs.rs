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

#[test]
fn a_huge_regular_expression_is_refused_briefly() {
    let dir = common::scratch_dir("bounded", "regex");
    fs::write(dir.join("brief.md"), "The fund holds EUR 12 million.\n").expect("write");
    let pattern = "(a|b)".repeat(100_000);
    let rule = format!(
        "id = \"house/huge\"\nseverity = \"warning\"\nsummary = \"s\"\nmessage = \"m\"\n\n[check]\nkind = \"pattern\"\npattern = \"{pattern}\"\n"
    );
    fs::write(dir.join("huge.toml"), rule).expect("write");
    let output = run(&dir, &["check", "brief.md", "--rules", "huge.toml"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("10240 are allowed"),
        "{}",
        &stderr[..stderr.len().min(500)]
    );
    assert!(
        output.stderr.len() < 4096,
        "{} bytes of error",
        output.stderr.len()
    );
    // An invalid pattern on a long line shows a window of the line, not the line.
    let broken = format!(
        "id = \"house/broken\"\nseverity = \"warning\"\nsummary = \"s\"\nmessage = \"m\"\n\n[check]\nkind = \"pattern\"\npattern = \"{}(\"\n",
        "a".repeat(9000)
    );
    fs::write(dir.join("broken.toml"), broken).expect("write");
    let output = run(&dir, &["check", "brief.md", "--rules", "broken.toml"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("unclosed group"),
        "{}",
        &stderr[..stderr.len().min(500)]
    );
    assert!(
        output.stderr.len() < 4096,
        "{} bytes of error",
        output.stderr.len()
    );
}
