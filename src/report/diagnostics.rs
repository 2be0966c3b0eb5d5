//! Diagnostics as JSON: one object per finding, absent fields omitted.

use std::io::Write;

use serde::ser::{SerializeMap, Serializer};

use crate::check::Diagnostic;

pub struct DiagnosticJson<'a>(pub &'a Diagnostic);

impl serde::Serialize for DiagnosticJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let d = self.0;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("rule", &d.rule)?;
        map.serialize_entry("severity", d.severity.name())?;
        map.serialize_entry("message", &d.message)?;
        map.serialize_entry("document", &d.document)?;
        if let Some(part) = d.part {
            map.serialize_entry("part", part)?;
        }
        map.serialize_entry("line", &d.line)?;
        map.serialize_entry("column", &d.column)?;
        map.serialize_entry("start", &d.start)?;
        map.serialize_entry("end", &d.end)?;
        if let Some(help) = &d.help {
            map.serialize_entry("help", help)?;
        }
        if !d.claims.is_empty() {
            map.serialize_entry("claims", &d.claims)?;
        }
        if !d.related.is_empty() {
            let related: Vec<serde_json::Value> = d
                .related
                .iter()
                .map(|r| {
                    let mut related = serde_json::json!({"message": r.message, "line": r.line, "column": r.column, "start": r.start, "end": r.end});
                    if let Some(part) = r.part {
                        related["part"] = serde_json::Value::from(part);
                    }
                    related
                })
                .collect();
            map.serialize_entry("related", &related)?;
        }
        map.end()
    }
}

/// Writes the diagnostics as one pretty-printed JSON array.
pub fn write_array(out: &mut dyn Write, diagnostics: &[Diagnostic]) -> std::io::Result<()> {
    let items: Vec<DiagnosticJson<'_>> = diagnostics.iter().map(DiagnosticJson).collect();
    serde_json::to_writer_pretty(&mut *out, &items)?;
    writeln!(out)
}
