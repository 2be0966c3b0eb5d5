//! Hostile names and text: a document whose name and text hold escape sequences, bells,
//! bidirectional overrides and line breaks that would forge Markdown, cannot colour, retitle or
//! clear a terminal, or forge a line of any output format.

mod common;

use std::fs;

/// A name a shell allows: an OSC title sequence, a clear-screen, a line break that would start a
/// Markdown heading, an HTML block, a right-to-left override.
const NAME: &str = "brief\u{1b}]0;owned\u{7}\u{1b}[2J\n## forged\n<details>\u{202e}.md";

const TEXT: &str = "# Brief\n\nThe fund holds EUR 12 million\u{1b}[31m in 2024.\u{7} It paid EUR 3 million\u{202e} to 40 firms.\n";

fn raw_controls(bytes: &[u8]) -> Vec<u8> {
    bytes
        .iter()
        .copied()
        .filter(|&b| b == 0x1b || b == 0x07 || b == 0x9b)
        .collect()
}

#[cfg(unix)]
#[test]
fn no_format_passes_a_hostile_name_or_text_through_raw() {
    let dir = common::scratch_dir("hostile", "formats");
    fs::write(dir.join(NAME), TEXT).expect("a file with a hostile name");
    for format in ["human", "json", "sarif", "junit", "github", "gitlab", "markdown"] {
        let output = common::claimlint()
            .current_dir(&*dir)
            .args(["check", NAME, "--format", format, "--fail-on", "never"])
            .output()
            .expect("runs");
        assert_eq!(
            output.status.code(),
            Some(0),
            "{format}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            raw_controls(&output.stdout).is_empty(),
            "{format} passed a control through: {stdout}"
        );
        // The data formats keep the name exactly (JSON and XML escape its controls); what a
        // person reads shows a bidirectional override as an escape.
        if ["human", "github", "markdown"].contains(&format) {
            assert!(
                !stdout.contains('\u{202e}'),
                "{format} passed a bidirectional override through"
            );
        }
        assert!(
            !stdout
                .lines()
                .any(|line| line.starts_with("## forged") || line.starts_with("<details>")),
            "{format} let the name forge a line: {stdout}"
        );
    }
}

#[cfg(unix)]
#[test]
fn markdown_and_github_keep_one_finding_per_line() {
    let dir = common::scratch_dir("hostile", "lines");
    fs::write(dir.join(NAME), TEXT).expect("a file with a hostile name");
    let run = |format: &str| {
        let output = common::claimlint()
            .current_dir(&*dir)
            .args(["check", NAME, "--format", format, "--fail-on", "never"])
            .output()
            .expect("runs");
        String::from_utf8(output.stdout).expect("utf-8")
    };
    let github = run("github");
    assert!(github.lines().all(|line| line.starts_with("::")), "{github}");
    let markdown = run("markdown");
    let headings: Vec<&str> = markdown.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(
        headings.len(),
        2,
        "the title and one document heading: {headings:?}"
    );
    assert!(
        headings[1].contains("\\n## forged\\n"),
        "the line breaks shown as escapes: {headings:?}"
    );
}

#[test]
fn error_messages_show_hostile_names_as_escapes() {
    let output = common::claimlint()
        .args(["check", "missing\u{1b}[2J\u{7}.md"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        raw_controls(&output.stderr).is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("missing\\x1b[2J\\x07.md"));
}
