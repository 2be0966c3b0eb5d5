//! Claims as CSV for spreadsheets: one column per JSON field, lists joined with `;`, text cells
//! that a spreadsheet would run as a formula prefixed with `'`.

use std::io::Write;

use crate::claim::Claim;

/// The columns, in order: the JSON fields.
pub const COLUMNS: [&str; 21] = Claim::FIELDS;

/// Writes the header row.
pub fn write_header(writer: &mut csv::Writer<&mut dyn Write>) -> csv::Result<()> {
    writer.write_record(COLUMNS)
}

/// Writes the rows of `claims`.
pub fn write_rows(writer: &mut csv::Writer<&mut dyn Write>, claims: &[Claim]) -> csv::Result<()> {
    for claim in claims {
        writer.write_record(row(claim))?;
    }
    Ok(())
}

/// One claim's cells.
#[must_use]
pub fn row(claim: &Claim) -> [String; 21] {
    let decimal = |d: Option<rust_decimal::Decimal>| d.map(super::decimal_string).unwrap_or_default();
    [
        claim.id.clone(),
        safe_text(&claim.document),
        claim.part.unwrap_or_default().to_owned(),
        claim.kind.name().to_owned(),
        safe_text(&claim.text),
        claim.line.to_string(),
        claim.column.to_string(),
        claim.start.to_string(),
        claim.end.to_string(),
        decimal(claim.value),
        claim.unit.unwrap_or_default().to_owned(),
        claim.qualifier.name().to_owned(),
        decimal(claim.precision),
        decimal(claim.low),
        decimal(claim.high),
        claim.date.clone().unwrap_or_default(),
        claim.modality.name().to_owned(),
        claim.time.clone().unwrap_or_default(),
        safe_text(claim.subject.as_deref().unwrap_or_default()),
        safe_text(&claim.footnotes.join(";")),
        safe_text(&claim.sentence),
    ]
}

/// Prefixes a text cell that a spreadsheet would evaluate ("=1+1", "-3 percent", "@SUM").
#[must_use]
pub fn safe_text(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}
