//! GitHub Actions workflow commands: `::error`, `::warning` and `::notice` (for info) with the
//! file, line, column, end and the rule as title, escaped as the runner expects.

use std::fmt::Write as _;
use std::io::Write;

use crate::diagnostic::{Diagnostic, Severity};

/// Escapes a command's message: `%`, carriage return and line feed.
#[must_use]
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a command's property value: as data, plus `:` and `,`.
#[must_use]
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[must_use]
pub fn render(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    // GitHub shows ten annotations of each level per step: errors first, a rule's findings
    // together, so that the first ten say the most.
    let mut ordered: Vec<&Diagnostic> = diagnostics.iter().collect();
    ordered.sort_by(|a, b| {
        (std::cmp::Reverse(a.severity), &a.rule, &a.document, a.line).cmp(&(
            std::cmp::Reverse(b.severity),
            &b.rule,
            &b.document,
            b.line,
        ))
    });
    for d in ordered {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        // Hidden characters made visible first: the runner's escapes are for its own syntax, and
        // a raw escape sequence would still reach the log.
        let mut message = super::visible(&d.message).into_owned();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(&super::visible(help));
        }
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(&super::visible(&d.document)),
            d.line,
            d.column,
            d.end_line,
            d.end_column,
            escape_property(&d.rule),
            escape_data(&message)
        );
    }
    out
}

pub fn write(out: &mut dyn Write, diagnostics: &[Diagnostic]) -> std::io::Result<()> {
    out.write_all(render(diagnostics).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_runner_expects() {
        assert_eq!(escape_data("50% of a\nb"), "50%25 of a%0Ab");
        assert_eq!(escape_property("docs/a,b:c.md"), "docs/a%2Cb%3Ac.md");
    }
}
