//! GitLab Code Quality: a JSON array of issues with a description, check name, fingerprint,
//! severity and location.

use std::io::Write;

use serde_json::{Value, json};

use crate::diagnostic::{Diagnostic, Severity};

#[must_use]
pub fn report(diagnostics: &[Diagnostic]) -> Value {
    Value::Array(
        diagnostics
            .iter()
            .map(|d| {
                json!({
                    "description": d.message,
                    "check_name": d.rule,
                    "fingerprint": format!("{}{}", d.fingerprint, crate::diagnostic::fingerprint(&d.document, &[], "")),
                    "severity": match d.severity {
                        Severity::Error => "major",
                        Severity::Warning => "minor",
                        Severity::Info => "info",
                    },
                    "location": {"path": d.document, "lines": {"begin": d.line, "end": d.end_line}},
                })
            })
            .collect(),
    )
}

pub fn write(out: &mut dyn Write, diagnostics: &[Diagnostic]) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &report(diagnostics))?;
    writeln!(out)
}
