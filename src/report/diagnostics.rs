//! Diagnostics as JSON: one object per finding, absent fields omitted.

use std::io::Write;

use crate::diagnostic::Diagnostic;

/// Writes the diagnostics as one pretty-printed JSON array.
pub fn write_array(out: &mut dyn Write, diagnostics: &[Diagnostic]) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, diagnostics)?;
    writeln!(out)
}
