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
    let failures = diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info)
        .count();
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
        let failed = own.iter().filter(|d| d.severity != Severity::Info).count();
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failed}\">",
            attribute(name),
            own.len().max(1)
        );
        if own.is_empty() {
            let _ = writeln!(
                out,
                "    <testcase name=\"claimlint\" classname=\"{}\"/>",
                attribute(name)
            );
        }
        for d in own {
            let case = format!("{}@{}:{}", d.rule, d.line, d.column);
            let _ = write!(
                out,
                "    <testcase name=\"{}\" classname=\"{}\">",
                attribute(&case),
                attribute(name)
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
            if d.severity == Severity::Info {
                let _ = write!(out, "<system-out>{}</system-out>", escape(&body));
            } else {
                let _ = write!(
                    out,
                    "<failure message=\"{}\" type=\"{}\">{}</failure>",
                    attribute(&d.message),
                    d.severity.name(),
                    escape(&body)
                );
            }
            out.push_str("</testcase>\n");
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

pub fn write(out: &mut dyn Write, diagnostics: &[Diagnostic], documents: &[String]) -> std::io::Result<()> {
    out.write_all(render(diagnostics, documents).as_bytes())
}
