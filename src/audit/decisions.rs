//! Reviewers' decisions from the review page (verify or dispute a claim, with a name and a
//! note), exported as JSON and merged into the claims ledger by `claimlint ledger apply`.
//!
//! The file is `{"version": 1, "decisions": [{"document", "id", "value", "status", "reviewer",
//! "checked_on", "note"}]}` (`schemas/decisions.schema.json`). A decision is refused when its
//! claim is not in the ledger or its value changed since the page was made (the reviewer saw
//! another figure); one refused decision refuses the file, and nothing is written.

use std::path::Path;

use serde::Deserialize;

use super::ledger::{Ledger, Status, spreadsheet_number};
use crate::error::{Error, Result};

/// The largest decisions file read (a page of a million decisions is far below it).
pub const MAX_DECISIONS_BYTES: u64 = 64 * 1024 * 1024;

/// The export's format version this build reads.
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decisions {
    pub version: u32,
    pub decisions: Vec<Decision>,
}

/// One reviewer's decision about one claim.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub document: String,
    pub id: String,
    /// The claim's value as the page showed it (absent for a claim with no single value).
    #[serde(default)]
    pub value: Option<String>,
    pub status: String,
    pub reviewer: String,
    pub checked_on: String,
    #[serde(default)]
    pub note: String,
}

/// What applying did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ApplySummary {
    pub verified: usize,
    pub disputed: usize,
}

fn refused(path: &Path, index: usize, message: impl Into<String>) -> Error {
    Error::Decisions {
        path: path.to_path_buf(),
        index,
        message: message.into(),
    }
}

/// Reads a decisions file.
pub fn read(path: &Path) -> Result<Decisions> {
    let bytes = crate::files::read_regular(path, MAX_DECISIONS_BYTES, "decisions file")?;
    let decisions: Decisions = serde_json::from_slice(&bytes).map_err(|error| Error::Decisions {
        path: path.to_path_buf(),
        index: 0,
        message: format!("not a decisions file: {error}"),
    })?;
    if decisions.version != VERSION {
        return Err(refused(
            path,
            0,
            format!(
                "format version {} (this claimlint reads {VERSION})",
                decisions.version
            ),
        ));
    }
    Ok(decisions)
}

/// Applies `decisions` (read from `path`, named in errors) to `ledger`: status, reviewer,
/// `checked_on` and note of each decided claim. Every decision is checked before any is applied.
pub fn apply(ledger: &mut Ledger, decisions: &Decisions, path: &Path) -> Result<ApplySummary> {
    let rows: std::collections::HashMap<(&str, &str), usize> = ledger
        .rows
        .iter()
        .enumerate()
        .map(|(index, row)| ((row.document(), row.id()), index))
        .collect();
    let mut targets = Vec::with_capacity(decisions.decisions.len());
    for (index, decision) in decisions.decisions.iter().enumerate() {
        let number = index + 1;
        let status = match decision.status.as_str() {
            "verified" => Status::Verified,
            "disputed" => Status::Disputed,
            other => {
                return Err(refused(
                    path,
                    number,
                    format!("status `{other}` (a decision verifies or disputes)"),
                ));
            }
        };
        if !is_iso_date(&decision.checked_on) {
            return Err(refused(
                path,
                number,
                format!("checked_on `{}` is no date (YYYY-MM-DD)", decision.checked_on),
            ));
        }
        let Some(&row) = rows.get(&(decision.document.as_str(), decision.id.as_str())) else {
            return Err(refused(
                path,
                number,
                format!(
                    "claim {} of `{}` is not in the ledger (run `ledger update` first)",
                    decision.id, decision.document
                ),
            ));
        };
        let in_ledger = ledger.rows[row].cell("value");
        if !same_value(decision.value.as_deref().unwrap_or(""), in_ledger) {
            return Err(refused(
                path,
                number,
                format!(
                    "claim {} of `{}` reads {} now, not the {} the reviewer saw; review it again",
                    decision.id,
                    decision.document,
                    shown(in_ledger),
                    shown(decision.value.as_deref().unwrap_or(""))
                ),
            ));
        }
        targets.push((row, status));
    }
    let mut summary = ApplySummary::default();
    for ((row, status), decision) in targets.into_iter().zip(&decisions.decisions) {
        ledger.rows[row].decide(status, &decision.reviewer, &decision.checked_on, &decision.note);
        match status {
            Status::Verified => summary.verified += 1,
            _ => summary.disputed += 1,
        }
    }
    Ok(summary)
}

fn shown(value: &str) -> String {
    if value.is_empty() {
        "no single value".to_owned()
    } else {
        format!("`{value}`")
    }
}

/// Two values are the same figure: equal as numbers (a spreadsheet's `1.2E+07` is 12000000),
/// or equal as written.
fn same_value(seen: &str, ledger: &str) -> bool {
    match (spreadsheet_number(seen), spreadsheet_number(ledger)) {
        (Some((a, _)), Some((b, _))) => a == b,
        _ => seen.trim() == ledger.trim(),
    }
}

fn is_iso_date(text: &str) -> bool {
    crate::calendar::parse_iso_date(text).is_some() && text.len() == 10
}

/// Applies a decisions file to the ledger at `path` under the ledger's lock, as `ledger update`
/// writes it: atomically, never over an edit saved while the lock was held.
pub fn apply_file(
    ledger_path: &Path,
    decisions_path: &Path,
    wait: std::time::Duration,
) -> Result<ApplySummary> {
    let decisions = read(decisions_path)?;
    let mut summary = ApplySummary::default();
    Ledger::locked_edit(ledger_path, wait, |ledger| {
        summary = apply(ledger, &decisions, decisions_path)?;
        Ok(())
    })?;
    Ok(summary)
}
