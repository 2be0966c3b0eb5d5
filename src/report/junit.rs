//! `JUnit` XML: one test suite per document, one test case per finding (named
//! `rule@line:column`, class name the file); errors and warnings fail, notes pass with their
//! message as output. A document without findings gets one passing case.

use std::fmt::Write as _;
use std::io::Write;

use crate::diagnostic::{Diagnostic, Severity};

/// Escapes text for an XML attribute: as `escape`, with line breaks and tabs as character
/// references (a literal one would be read back as a space, XML attribute normalisation, and
/// would start a new line of the file).
fn attribute(text: &str) -> String {
    escape(text)
        .replace('\t', "&#9;")
        .replace('\n', "&#10;")
        .replace('\r', "&#13;")
}

/// Escapes text for XML attributes and content, dropping characters XML 1.0 forbids.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Renders the report; `documents` are the names of every document checked, in order.
#[must_use]
pub fn render(diagnostics: &[Diagnostic], documents: &[String]) -> String {
    render_failing_at(diagnostics, documents, Some(Severity::Warning))
}

/// The report, a finding a `<failure>` only at or above `fails` (the run's `--fail-on`; `None`:
/// none fails): a finding that does not fail the run does not fail its test case, and is
/// written as the case's output instead. Each case names its file and line (`file`, `line`, as
/// Jenkins and GitLab read them); the class name is the path with its dots as underscores, so
/// that Jenkins does not split `brief.md` into a package `brief` and a class `md`.
#[must_use]
pub fn render_failing_at(
    diagnostics: &[Diagnostic],
    documents: &[String],
    fails: Option<Severity>,
) -> String {
    let failing = |d: &Diagnostic| fails.is_some_and(|threshold| d.severity >= threshold);
    let failures = diagnostics.iter().filter(|d| failing(d)).count();
    // Findings by document, once: documents in input order, then any other a finding names.
    let mut by_document: std::collections::HashMap<&str, Vec<&Diagnostic>> = std::collections::HashMap::new();
    for d in diagnostics {
        by_document.entry(d.document.as_str()).or_default().push(d);
    }
    let mut names: Vec<&str> = documents.iter().map(String::as_str).collect();
    let mut listed: std::collections::HashSet<&str> = names.iter().copied().collect();
    for d in diagnostics {
        if listed.insert(d.document.as_str()) {
            names.push(d.document.as_str());
        }
    }
    let cases: usize = names
        .iter()
        .map(|name| by_document.get(name).map_or(1, Vec::len).max(1))
        .sum();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"claimlint\" tests=\"{cases}\" failures=\"{failures}\">"
    );
    for name in names {
        let own: Vec<&Diagnostic> = by_document.get(name).cloned().unwrap_or_default();
        let failed = own.iter().filter(|d| failing(d)).count();
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failed}\">",
            attribute(name),
            own.len().max(1)
        );
        if own.is_empty() {
            let _ = writeln!(
                out,
                "    <testcase name=\"claimlint\" classname=\"{}\" file=\"{}\"/>",
                attribute(&class_name(name)),
                attribute(name)
            );
        }
        for d in own {
            let case = format!("{}@{}:{}", d.rule, d.line, d.column);
            let _ = write!(
                out,
                "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{}\">",
                attribute(&case),
                attribute(&class_name(name)),
                attribute(name),
                d.line
            );
            // The body's own lines: message, help, place; a line break inside one is shown.
            let mut body = super::visible(&d.message).into_owned();
            if let Some(help) = &d.help {
                body.push_str("\nhelp: ");
                body.push_str(&super::visible(help));
            }
            let _ = write!(
                body,
                "\nat {}:{}:{}",
                super::visible(&d.document),
                d.line,
                d.column
            );
            if failing(d) {
                let _ = write!(
                    out,
                    "<failure message=\"{}\" type=\"{}\">{}</failure>",
                    attribute(&d.message),
                    d.severity.name(),
                    escape(&body)
                );
            } else {
                let _ = write!(out, "<system-out>{}</system-out>", escape(&body));
            }
            out.push_str("</testcase>\n");
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

pub fn write(
    out: &mut dyn Write,
    diagnostics: &[Diagnostic],
    documents: &[String],
    fails: Option<Severity>,
) -> std::io::Result<()> {
    out.write_all(render_failing_at(diagnostics, documents, fails).as_bytes())
}

/// A test case's class name: the path with its dots as underscores (`docs/brief_md`).
fn class_name(path: &str) -> String {
    path.replace('.', "_")
}
