//! Claims as JSON: absent fields omitted, numbers printed from the exact decimal.

use crate::claim::Claim;
use std::io::Write;

/// Writes the claims as one pretty-printed JSON array.
pub fn write_array(out: &mut dyn Write, claims: &[Claim]) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, claims)?;
    writeln!(out)
}

/// A JSON array of claims written a stretch at a time, byte for byte what `write_array` writes
/// for all of them at once.
#[derive(Debug, Default)]
pub struct ArrayWriter {
    written: usize,
}

impl ArrayWriter {
    /// Writes the next claims of the array.
    pub fn write(&mut self, out: &mut dyn Write, claims: &[Claim]) -> std::io::Result<()> {
        for claim in claims {
            out.write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
            // serde_json escapes line breaks inside strings, so every line break is its own.
            let element = serde_json::to_string_pretty(claim)?;
            for (index, line) in element.split('\n').enumerate() {
                if index > 0 {
                    out.write_all(b"\n")?;
                }
                out.write_all(b"  ")?;
                out.write_all(line.as_bytes())?;
            }
            self.written += 1;
        }
        Ok(())
    }

    /// Closes the array.
    pub fn finish(self, out: &mut dyn Write) -> std::io::Result<()> {
        out.write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })
    }
}

/// Writes one claim per line.
pub fn write_lines(out: &mut dyn Write, claims: &[Claim]) -> std::io::Result<()> {
    for claim in claims {
        serde_json::to_writer(&mut *out, claim)?;
        writeln!(out)?;
    }
    Ok(())
}
