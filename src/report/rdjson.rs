//! reviewdog's diagnostic format (`rdjson`): one `DiagnosticResult` with every finding, its
//! rule as the code, and positions as reviewdog counts them (lines from 1, columns in UTF-8
//! bytes from 1, the end exclusive).

use std::collections::BTreeMap;
use std::io::Write;

use serde_json::{Value, json};

use crate::diagnostic::{Diagnostic, Severity};

/// Where a rule is explained.
const RULES_URI: &str = "https://github.com/claimlint/claimlint#rules";

/// The byte column (from 1) of byte `offset` in `text`, the text its position counts in.
fn byte_column(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    let line_start = text.as_bytes()[..offset]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    offset - line_start + 1
}

/// The report; `originals` gives each document's text by name, in which the byte columns are
/// counted (a finding whose document is not there, a file that could not be read, keeps the
/// character column).
#[must_use]
pub fn report(diagnostics: &[Diagnostic], originals: &BTreeMap<&str, &str>) -> Value {
    let entries: Vec<Value> = diagnostics
        .iter()
        .map(|d| {
            let text = originals
                .get(d.document.as_str())
                .copied()
                .filter(|_| d.part.is_none());
            let (start, end) = match text {
                Some(text) => (byte_column(text, d.start), byte_column(text, d.end)),
                None => (d.column, d.end_column.max(d.column)),
            };
            json!({
                "message": d.message,
                "location": {
                    "path": d.document,
                    "range": {
                        "start": {"line": d.line, "column": start},
                        "end": {"line": d.end_line.max(d.line), "column": end},
                    },
                },
                "severity": match d.severity {
                    Severity::Error => "ERROR",
                    Severity::Warning => "WARNING",
                    Severity::Info => "INFO",
                },
                "code": {"value": d.rule, "url": RULES_URI},
            })
        })
        .collect();
    json!({
        "source": {"name": "claimlint", "url": "https://github.com/claimlint/claimlint"},
        "diagnostics": entries,
    })
}

pub fn write(
    out: &mut dyn Write,
    diagnostics: &[Diagnostic],
    originals: &BTreeMap<&str, &str>,
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &report(diagnostics, originals))?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::byte_column;

    #[test]
    fn columns_count_utf8_bytes_from_one() {
        let text = "ab\na𐐀b";
        assert_eq!(byte_column(text, 0), 1);
        assert_eq!(byte_column(text, 3), 1);
        assert_eq!(byte_column(text, 4), 2);
        assert_eq!(byte_column(text, 8), 6);
    }
}
