//! `JUnit` XML: one test suite per document, one test case per finding (named
//! `rule@line:column`, class name the file); errors and warnings fail, notes pass with their
//! message as output. A document without findings gets one passing case.

use std::fmt::Write as _;
use std::io::Write;

use crate::check::{Diagnostic, Severity};

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
    let cases: usize = documents
        .iter()
        .map(|name| diagnostics.iter().filter(|d| &d.document == name).count().max(1))
        .sum::<usize>()
        + diagnostics
            .iter()
            .filter(|d| !documents.contains(&d.document))
            .count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"claimlint\" tests=\"{cases}\" failures=\"{failures}\">"
    );
    let mut names: Vec<&String> = documents.iter().collect();
    for d in diagnostics {
        if !names.contains(&&d.document) {
            names.push(&d.document);
        }
    }
    for name in names {
        let own: Vec<&Diagnostic> = diagnostics.iter().filter(|d| &d.document == name).collect();
        let failed = own.iter().filter(|d| d.severity != Severity::Info).count();
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failed}\">",
            escape(name),
            own.len().max(1)
        );
        if own.is_empty() {
            let _ = writeln!(
                out,
                "    <testcase name=\"claimlint\" classname=\"{}\"/>",
                escape(name)
            );
        }
        for d in own {
            let case = format!("{}@{}:{}", d.rule, d.line, d.column);
            let _ = write!(
                out,
                "    <testcase name=\"{}\" classname=\"{}\">",
                escape(&case),
                escape(name)
            );
            let mut body = d.message.clone();
            if let Some(help) = &d.help {
                body.push_str("\nhelp: ");
                body.push_str(help);
            }
            let _ = write!(body, "\nat {}:{}:{}", d.document, d.line, d.column);
            if d.severity == Severity::Info {
                let _ = write!(out, "<system-out>{}</system-out>", escape(&body));
            } else {
                let _ = write!(
                    out,
                    "<failure message=\"{}\" type=\"{}\">{}</failure>",
                    escape(&d.message),
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
