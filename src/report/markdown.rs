//! A compact Markdown summary for pull-request comments and `GITHUB_STEP_SUMMARY`: counts,
//! then the findings grouped by document with line links.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::human::plural;
use crate::diagnostic::{Diagnostic, Severity};

/// Escapes text for a Markdown table cell or list item: Markdown and HTML syntax (so no text
/// can open or close `<details>`, a heading or a link), and hidden characters made visible (so
/// no line break can start a line of its own).
fn escape(text: &str) -> String {
    let text = super::visible(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\*_[]<>|".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A file name in a code span: hidden characters visible, backticks (which would close the span)
/// replaced.
fn code(text: &str) -> String {
    super::visible(text).replace('`', "'")
}

#[must_use]
pub fn render(diagnostics: &[Diagnostic], documents: usize) -> String {
    render_linked(diagnostics, documents, None)
}

/// The summary with each line link prefixed by `base` (on GitHub,
/// `$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$GITHUB_SHA/`, so that a job summary's links
/// reach the file at the commit checked; without it they are relative).
#[must_use]
pub fn render_linked(diagnostics: &[Diagnostic], documents: usize, base: Option<&str>) -> String {
    let count = |severity: Severity| diagnostics.iter().filter(|d| d.severity == severity).count();
    let mut out = format!(
        "## claimlint: {}, {}, {} in {}\n\n",
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
        plural(count(Severity::Info), "note"),
        plural(documents, "document")
    );
    if diagnostics.is_empty() {
        out.push_str("No findings.\n");
        return out;
    }
    let mut by_rule: BTreeMap<(&str, Severity), usize> = BTreeMap::new();
    for d in diagnostics {
        *by_rule.entry((&d.rule, d.severity)).or_default() += 1;
    }
    out.push_str("| rule | severity | findings |\n| --- | --- | ---: |\n");
    for ((rule, severity), n) in &by_rule {
        let _ = writeln!(
            out,
            "| `{}` | {} | {n} |",
            code(rule).replace('|', "\\|"),
            severity.name()
        );
    }
    let mut by_document: BTreeMap<&str, Vec<&Diagnostic>> = BTreeMap::new();
    for d in diagnostics {
        by_document.entry(&d.document).or_default().push(d);
    }
    for (document, mut found) in by_document {
        // Errors first, then the findings that matter most (money, large figures).
        found.sort_by_key(|d| (std::cmp::Reverse(d.severity), std::cmp::Reverse(d.weight), d.line));
        let _ = writeln!(out, "\n### `{}`\n", code(document));
        for d in found {
            let mark = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "note",
            };
            let link = format!(
                "{}{}#L{}",
                base.unwrap_or_default(),
                super::percent_encoded_path(document),
                d.line
            );
            let _ = writeln!(
                out,
                "- **{mark}** `{}` [line {}]({link}): {}",
                code(&d.rule),
                d.line,
                escape(&d.message)
            );
        }
    }
    out
}
