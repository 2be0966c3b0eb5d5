//! Claims as CSV for spreadsheets: one column per JSON field, lists joined with `;`, text cells
//! that a spreadsheet would run as a formula prefixed with `'`.

use std::io::Write;

use crate::claim::{Claim, is_text_field, spreadsheet_safe};

/// The columns, in order: the JSON fields.
pub const COLUMNS: [&str; 22] = Claim::FIELDS;

/// Writes the header row.
pub fn write_header(writer: &mut csv::Writer<&mut dyn Write>) -> csv::Result<()> {
    writer.write_record(COLUMNS)
}

/// Writes the rows of `claims`.
pub fn write_rows(writer: &mut csv::Writer<&mut dyn Write>, claims: &[Claim]) -> csv::Result<()> {
    for claim in claims {
        let cells = claim.cells();
        let guarded = cells.iter().enumerate().map(|(index, cell)| {
            if is_text_field(index) {
                spreadsheet_safe(cell)
            } else {
                cell.clone()
            }
        });
        writer.write_record(guarded)?;
    }
    Ok(())
}
