//! Claims as JSON: absent fields omitted, numbers printed from the exact decimal.

use std::io::Write;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::ser::{SerializeMap, Serializer};

use crate::normalise::Claim;

/// Serialises one claim with the contract's field order.
pub struct ClaimJson<'a>(pub &'a Claim);

fn number(value: Decimal) -> serde_json::Number {
    // With serde_json's `arbitrary_precision` the digits are kept as written: never an f64.
    serde_json::Number::from_str(&super::decimal_string(value))
        .unwrap_or_else(|_| serde_json::Number::from(0))
}

impl serde::Serialize for ClaimJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let claim = self.0;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", &claim.id)?;
        map.serialize_entry("document", &claim.document)?;
        if let Some(part) = claim.part {
            map.serialize_entry("part", part)?;
        }
        map.serialize_entry("kind", claim.kind.name())?;
        map.serialize_entry("text", &claim.text)?;
        map.serialize_entry("line", &claim.line)?;
        map.serialize_entry("column", &claim.column)?;
        map.serialize_entry("start", &claim.start)?;
        map.serialize_entry("end", &claim.end)?;
        if let Some(value) = claim.value {
            map.serialize_entry("value", &number(value))?;
        }
        if let Some(unit) = claim.unit {
            map.serialize_entry("unit", unit)?;
        }
        map.serialize_entry("qualifier", claim.qualifier.name())?;
        if let Some(precision) = claim.precision {
            map.serialize_entry("precision", &number(precision))?;
        }
        if let Some(low) = claim.low {
            map.serialize_entry("low", &number(low))?;
        }
        if let Some(high) = claim.high {
            map.serialize_entry("high", &number(high))?;
        }
        if let Some(date) = &claim.date {
            map.serialize_entry("date", date)?;
        }
        map.serialize_entry("modality", claim.modality.name())?;
        if let Some(time) = &claim.time {
            map.serialize_entry("time", time)?;
        }
        if let Some(subject) = &claim.subject {
            map.serialize_entry("subject", subject)?;
        }
        if !claim.footnotes.is_empty() {
            map.serialize_entry("footnotes", &claim.footnotes)?;
        }
        map.serialize_entry("sentence", &*claim.sentence)?;
        map.end()
    }
}

/// Writes the claims as one pretty-printed JSON array.
pub fn write_array(out: &mut dyn Write, claims: &[Claim]) -> std::io::Result<()> {
    let items: Vec<ClaimJson<'_>> = claims.iter().map(ClaimJson).collect();
    serde_json::to_writer_pretty(&mut *out, &items)?;
    writeln!(out)
}

/// Writes one claim per line.
pub fn write_lines(out: &mut dyn Write, claims: &[Claim]) -> std::io::Result<()> {
    for claim in claims {
        serde_json::to_writer(&mut *out, &ClaimJson(claim))?;
        writeln!(out)?;
    }
    Ok(())
}
