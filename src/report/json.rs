//! Claims as JSON: absent fields omitted, numbers printed from the exact decimal.

use crate::claim::Claim;
use std::io::Write;

/// Writes the claims as one pretty-printed JSON array.
pub fn write_array(out: &mut dyn Write, claims: &[Claim]) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, claims)?;
    writeln!(out)
}

/// Writes one claim per line.
pub fn write_lines(out: &mut dyn Write, claims: &[Claim]) -> std::io::Result<()> {
    for claim in claims {
        serde_json::to_writer(&mut *out, claim)?;
        writeln!(out)?;
    }
    Ok(())
}
