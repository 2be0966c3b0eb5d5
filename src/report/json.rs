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

/// Writes one claim per line: byte for byte what `serde_json::to_writer` writes for each, but
/// written straight into one buffer (serde's way through `arbitrary_precision` numbers builds
/// and parses a string per decimal and was a tenth of an `extract` run).
pub fn write_lines(out: &mut dyn Write, claims: &[Claim]) -> std::io::Result<()> {
    let mut line = Vec::with_capacity(1024);
    for claim in claims {
        line.clear();
        claim_line(&mut line, claim);
        line.push(b'\n');
        out.write_all(&line)?;
    }
    Ok(())
}

/// One claim as compact JSON, its fields in `Claim::FIELDS` order, absent ones omitted.
fn claim_line(out: &mut Vec<u8>, claim: &Claim) {
    let mut fields = Fields { out, first: true };
    fields.string("id", &claim.id);
    fields.string("document", &claim.document);
    if let Some(part) = claim.part {
        fields.string("part", part);
    }
    fields.string("kind", claim.kind.name());
    fields.string("text", &claim.text);
    fields.integer("line", claim.line);
    fields.integer("column", claim.column);
    fields.integer("start", claim.start);
    fields.integer("end", claim.end);
    fields.decimal("value", claim.value);
    if let Some(unit) = claim.unit {
        fields.string("unit", unit);
    }
    fields.string("qualifier", claim.qualifier.name());
    fields.decimal("precision", claim.precision);
    fields.decimal("low", claim.low);
    fields.decimal("high", claim.high);
    if let Some(date) = &claim.date {
        fields.string("date", date);
    }
    fields.string("modality", claim.modality.name());
    if let Some(time) = &claim.time {
        fields.string("time", time);
    }
    if let Some(subject) = &claim.subject {
        fields.string("subject", subject);
    }
    if !claim.footnotes.is_empty() {
        fields.key("footnotes");
        fields.out.push(b'[');
        for (index, label) in claim.footnotes.iter().enumerate() {
            if index > 0 {
                fields.out.push(b',');
            }
            escaped(fields.out, label);
        }
        fields.out.push(b']');
    }
    if let Some(role) = claim.role {
        fields.string("role", role.name());
    }
    fields.string("sentence", &claim.sentence);
    fields.out.push(b'}');
}

/// The fields of one JSON object being written.
struct Fields<'o> {
    out: &'o mut Vec<u8>,
    first: bool,
}

impl Fields<'_> {
    /// A field's key: one of this module's names, which need no escaping.
    fn key(&mut self, key: &str) {
        debug_assert!(key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'));
        self.out.push(if self.first { b'{' } else { b',' });
        self.first = false;
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\":");
    }

    fn string(&mut self, key: &str, value: &str) {
        self.key(key);
        escaped(self.out, value);
    }

    fn integer(&mut self, key: &str, value: usize) {
        self.key(key);
        // Digits written backwards into a buffer: no string is made for each number.
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut rest = value;
        loop {
            at -= 1;
            digits[at] = b'0' + u8::try_from(rest % 10).unwrap_or(0);
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        self.out.extend_from_slice(&digits[at..]);
    }

    /// A decimal as a JSON number, digits as `decimal_string` writes them (never through an
    /// `f64`); absent, no field.
    fn decimal(&mut self, key: &str, value: Option<rust_decimal::Decimal>) {
        if let Some(value) = value {
            self.key(key);
            // As `decimal_string` prints it, written in place.
            let _ = write!(self.out, "{}", value.normalize());
        }
    }
}

/// A JSON string as `serde_json` writes it: `"` and `\\` escaped, control characters as `\n`,
/// `\t`, `\r`, `\b`, `\f` or `\u00xx` (lower-case hex), everything else as it is.
fn escaped(out: &mut Vec<u8>, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(b'"');
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut from = 0;
    // Jumps to the next byte to escape (most text has none), tested with `|`, not `||`:
    // without branches the test is vectorised.
    #[allow(clippy::needless_bitwise_bool)]
    let to_escape = |b: u8| (b < 0x20) | (b == b'"') | (b == b'\\');
    while let Some(at) = crate::span::next_byte(bytes, from, to_escape) {
        from = at + 1;
        let byte = bytes[at];
        let short = match byte {
            b'"' => b'"',
            b'\\' => b'\\',
            b'\n' => b'n',
            b'\t' => b't',
            b'\r' => b'r',
            0x08 => b'b',
            0x0C => b'f',
            0x00..=0x1F => b'u',
            _ => continue,
        };
        out.extend_from_slice(&bytes[start..at]);
        out.push(b'\\');
        out.push(short);
        if short == b'u' {
            out.extend_from_slice(&[
                b'0',
                b'0',
                HEX[usize::from(byte >> 4)],
                HEX[usize::from(byte & 0xF)],
            ]);
        }
        start = at + 1;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Claims of a document written for this test, with every optional field somewhere, and
    /// one with control characters, quotes and backslashes in its text.
    fn claims() -> Vec<Claim> {
        let text = "# Costs\n\nIn 2021, about EUR 1.5 million (12%) went to 3 ports, up from 2019-2020.[^1] \
                    Sales were over 40 percent on 4 May 2022; \"quoted\" \\ back.\n\n\
                    | Year | Ports |\n| --- | --- |\n| 2020 | 14 |\n\n[^1]: Port office, 2022.\n";
        let document = crate::ingest::parse(
            text.as_bytes(),
            std::path::Path::new("ports.md"),
            &crate::ingest::IngestOptions::default(),
        )
        .expect("the test document reads");
        let mut claims = crate::claims(&document, &crate::normalise::Settings::default());
        let mut odd = claims[0].clone();
        odd.text = "a\u{1}b\u{1f}\u{7f}\"c\\d\n\t\r\u{8}\u{c}é€😀".into();
        odd.part = Some("footnotes");
        odd.footnotes = vec!["1".into(), "a\"b".into()];
        odd.role = Some(crate::normalise::role::Role::Analysis);
        odd.low = Some(rust_decimal::Decimal::new(-5, 1));
        odd.date = Some("2022-05-04".into());
        claims.push(odd);
        claims
    }

    #[test]
    fn lines_are_what_serde_writes() {
        let claims = claims();
        assert!(claims.len() >= 6, "{claims:?}");
        let mut ours = Vec::new();
        write_lines(&mut ours, &claims).expect("written");
        let mut theirs = Vec::new();
        for claim in &claims {
            serde_json::to_writer(&mut theirs, claim).expect("serialised");
            theirs.push(b'\n');
        }
        assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&theirs));
    }
}
