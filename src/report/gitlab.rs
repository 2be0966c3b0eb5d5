//! GitLab Code Quality: a JSON array of issues with a description, check name, fingerprint,
//! severity and location.

use std::io::Write;

use serde_json::{Value, json};

use crate::diagnostic::{Diagnostic, Severity};

#[must_use]
pub fn report(diagnostics: &[Diagnostic]) -> Value {
    report_in(diagnostics, None)
}

/// The report with each path relative to `project` (GitLab's `CI_PROJECT_DIR`), as GitLab
/// matches paths to the repository's files; a path outside it is kept as given.
#[must_use]
pub fn report_in(diagnostics: &[Diagnostic], project: Option<&std::path::Path>) -> Value {
    Value::Array(
        diagnostics
            .iter()
            .map(|d| {
                json!({
                    "description": format!("{}: {}", d.rule, d.message),
                    "check_name": d.rule,
                    "fingerprint": format!("{}{}", d.fingerprint, crate::diagnostic::fingerprint(&d.document, &[], "")),
                    "severity": match d.severity {
                        Severity::Error => "major",
                        Severity::Warning => "minor",
                        Severity::Info => "info",
                    },
                    "location": {"path": project.map_or_else(|| d.document.clone(), |p| crate::files::relative_to(&d.document, p)), "lines": {"begin": d.line, "end": d.end_line}},
                })
            })
            .collect(),
    )
}

pub fn write(
    out: &mut dyn Write,
    diagnostics: &[Diagnostic],
    project: Option<&std::path::Path>,
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &report_in(diagnostics, project))?;
    writeln!(out)
}
