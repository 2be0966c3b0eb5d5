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
                    "location": {"path": project_path(&d.document, project), "lines": {"begin": d.line, "end": d.end_line}},
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

/// `document` relative to `project`, when it lies inside it.
fn project_path(document: &str, project: Option<&std::path::Path>) -> String {
    let Some(project) = project else {
        return document.to_owned();
    };
    let absolute = std::path::Path::new(document);
    let absolute = if absolute.is_absolute() {
        absolute.to_path_buf()
    } else {
        std::env::current_dir().map_or_else(|_| absolute.to_path_buf(), |cwd| cwd.join(absolute))
    };
    let project = std::fs::canonicalize(project).unwrap_or_else(|_| project.to_path_buf());
    let absolute = std::fs::canonicalize(&absolute).unwrap_or(absolute);
    absolute.strip_prefix(&project).map_or_else(
        |_| document.to_owned(),
        |relative| relative.to_string_lossy().into_owned(),
    )
}
