//! The claims ledger (`claims.csv`): the claim columns of `extract --format csv`, then the
//! auditor's columns `source, status, reviewer, checked_on, note`.
//!
//! `ledger update` merges by (document, id): the auditor's columns are kept, new claims enter
//! as `unreviewed`, claims no longer in their document become `stale` (never deleted), and the
//! file is written atomically. A `verified` claim whose figure changed goes back to
//! `unreviewed`, with a note saying what it was verified as, so that an update never hides a
//! change an auditor signed off.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use crate::claim::{Claim, is_text_field, spreadsheet_safe, spreadsheet_unsafe};
use crate::error::{Error, Result};

/// The claim columns: the CSV columns of `extract`.
const COLUMNS: [&str; 22] = Claim::FIELDS;

/// The auditor's columns, after the claim columns.
pub const AUDIT_COLUMNS: [&str; 5] = ["source", "status", "reviewer", "checked_on", "note"];

/// Claim columns compared for drift: what the figure says, not where it stands.
const FIGURE_COLUMNS: [&str; 6] = ["value", "low", "high", "unit", "qualifier", "date"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Unreviewed,
    Verified,
    Disputed,
    Stale,
}

impl Status {
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Unreviewed => "unreviewed",
            Self::Verified => "verified",
            Self::Disputed => "disputed",
            Self::Stale => "stale",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "unreviewed" => Self::Unreviewed,
            "verified" => Self::Verified,
            "disputed" => Self::Disputed,
            "stale" => Self::Stale,
            _ => return None,
        })
    }
}

/// One row: the claim's cells and the auditor's cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub claim: Vec<String>,
    pub audit: Vec<String>,
}

fn column(name: &str) -> usize {
    COLUMNS.iter().position(|c| *c == name).unwrap_or(0)
}

impl Row {
    #[must_use]
    pub fn id(&self) -> &str {
        &self.claim[column("id")]
    }

    #[must_use]
    pub fn document(&self) -> &str {
        &self.claim[column("document")]
    }

    #[must_use]
    pub fn cell(&self, name: &str) -> &str {
        &self.claim[column(name)]
    }

    /// An auditor's cell by its column name (`status`, `reviewer`, `checked_on`, `note` …).
    #[must_use]
    pub fn audit_cell(&self, name: &str) -> &str {
        AUDIT_COLUMNS
            .iter()
            .position(|c| *c == name)
            .and_then(|index| self.audit.get(index))
            .map_or("", String::as_str)
    }

    #[must_use]
    pub fn status(&self) -> Status {
        Status::parse(&self.audit[1]).unwrap_or(Status::Unreviewed)
    }

    fn set_status(&mut self, status: Status) {
        status.name().clone_into(&mut self.audit[1]);
    }

    /// Records a reviewer's decision: status, reviewer, date checked and note.
    pub fn decide(&mut self, status: Status, reviewer: &str, checked_on: &str, note: &str) {
        self.set_status(status);
        reviewer.clone_into(&mut self.audit[2]);
        checked_on.clone_into(&mut self.audit[3]);
        note.clone_into(&mut self.audit[4]);
    }

    /// The figure columns that differ from `claim`'s, by name. Numbers are compared as
    /// numbers: a spreadsheet that saved 12000000 as `1.20E+07`, `12000000.0` or `12,000,000`
    /// changed nothing; a changed digit is a change.
    #[must_use]
    pub fn changed(&self, claim: &Claim) -> Vec<&'static str> {
        let current = claim.cells();
        FIGURE_COLUMNS
            .iter()
            .copied()
            .filter(|name| {
                let (stored, now) = (self.cell(name), current[column(name)].as_str());
                if ["value", "low", "high"].contains(name) {
                    !same_number(stored, now)
                } else {
                    stored != now
                }
            })
            .collect()
    }

    fn from_claim(claim: &Claim) -> Self {
        Self {
            claim: claim.cells().to_vec(),
            audit: vec![
                String::new(),
                Status::Unreviewed.name().to_owned(),
                String::new(),
                String::new(),
                String::new(),
            ],
        }
    }
}

/// A ledger read from (or to be written to) a file.
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    pub rows: Vec<Row>,
    /// The file begins with a UTF-8 byte order mark (Excel writes one, and needs one to read
    /// UTF-8 CSV as UTF-8): kept on every write, or asked for with `ledger update --bom`.
    pub bom: bool,
}

/// What an update did, for the message printed after it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UpdateSummary {
    pub added: usize,
    pub kept: usize,
    pub changed: usize,
    pub stale: usize,
}

fn malformed(path: &Path, row: usize, column: &str, message: impl Into<String>) -> Error {
    Error::Ledger {
        path: path.to_path_buf(),
        row,
        column: column.to_owned(),
        message: message.into(),
    }
}

impl Ledger {
    /// Reads a ledger; a missing file is an empty ledger when `missing_ok`.
    pub fn read(path: &Path, missing_ok: bool) -> Result<Self> {
        match read_bytes(path)? {
            Some(bytes) => Self::parse(path, &bytes),
            None if missing_ok => Ok(Self::default()),
            None => Err(Error::Read {
                path: path.to_path_buf(),
                source: std::io::Error::from(std::io::ErrorKind::NotFound),
            }),
        }
    }

    /// Parses a ledger's bytes (CSV, or a workbook when the path ends in `.xlsx`), naming the
    /// row (1 is the header) and column of any fault.
    pub fn parse(path: &Path, bytes: &[u8]) -> Result<Self> {
        if super::xlsx::is_workbook(path) {
            let mut rows = super::xlsx::read(bytes)
                .map_err(|message| malformed(path, 0, "", message))?
                .into_iter();
            let header = rows.next().unwrap_or_default();
            // Blank rows an auditor left between rows are no claims.
            let records = rows.filter(|r| r.iter().any(|c| !c.is_empty())).map(|mut r| {
                // A workbook stores no trailing empty cells.
                if r.len() < header.len() {
                    r.resize(header.len(), String::new());
                }
                Ok(r)
            });
            return Self::from_records(path, &header, records, false);
        }
        let bom = bytes.starts_with("\u{feff}".as_bytes());
        let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(true)
            .from_reader(bytes);
        let header: Vec<String> = reader
            .headers()
            .map_err(|e| malformed(path, 1, "", e.to_string()))?
            .iter()
            .map(str::to_owned)
            .collect();
        let records = reader.records().enumerate().map(|(index, record)| {
            record
                .map(|r| r.iter().map(str::to_owned).collect())
                .map_err(|e| malformed(path, index + 2, "", e.to_string()))
        });
        let mut ledger = Self::from_records(path, &header, records, true)?;
        ledger.bom = bom;
        Ok(ledger)
    }

    /// A ledger from its header and rows, checked cell by cell. `guarded`: text cells were
    /// written with a `'` before what a spreadsheet would run as a formula (CSV), to be read
    /// back without it.
    fn from_records(
        path: &Path,
        header: &[String],
        records: impl Iterator<Item = Result<Vec<String>>>,
        guarded: bool,
    ) -> Result<Self> {
        let expected: Vec<&str> = COLUMNS.iter().chain(AUDIT_COLUMNS.iter()).copied().collect();
        // Format 1 (before `role`): the same columns without `role`. Read it as format 2 with an
        // empty role; the next write brings it up to date.
        let legacy: Vec<&str> = expected.iter().copied().filter(|c| *c != "role").collect();
        let role_at = COLUMNS.iter().position(|c| *c == "role").unwrap_or(COLUMNS.len());
        let is_legacy = header.len() == legacy.len() && header.iter().eq(legacy.iter());
        if !is_legacy {
            for (index, name) in expected.iter().enumerate() {
                if header.get(index).map(String::as_str) != Some(name) {
                    let found = header.get(index).map_or("nothing", String::as_str);
                    return Err(malformed(
                        path,
                        1,
                        name,
                        format!("expected the column `{name}` here, found `{found}`"),
                    ));
                }
            }
            if header.len() != expected.len() {
                return Err(malformed(
                    path,
                    1,
                    "",
                    format!("expected {} columns, found {}", expected.len(), header.len()),
                ));
            }
        }
        let width = header.len();
        let mut rows = Vec::new();
        let mut seen: HashMap<(String, String), usize> = HashMap::new();
        for (index, record) in records.enumerate() {
            let row_number = index + 2;
            let mut cells = record?;
            if cells.len() != width {
                return Err(malformed(
                    path,
                    row_number,
                    "",
                    format!("expected {width} cells, found {}", cells.len()),
                ));
            }
            if is_legacy {
                cells.insert(role_at, String::new());
            }
            // Text cells were guarded for spreadsheets as they were written: read the text.
            if guarded {
                for (index, cell) in cells.iter_mut().enumerate() {
                    if index >= COLUMNS.len() || is_text_field(index) {
                        let text = spreadsheet_unsafe(cell);
                        if text.len() != cell.len() {
                            *cell = text.to_owned();
                        }
                    }
                }
            }
            let mut row = Row {
                claim: cells[..COLUMNS.len()].to_vec(),
                audit: cells[COLUMNS.len()..].to_vec(),
            };
            validate(path, row_number, &row)?;
            // An id of the earlier form (a digit first) is brought up to date: the same claim.
            let id = crate::claim::letter_first(row.id());
            row.claim[column("id")] = id;
            if let Some(first) = seen.insert((row.document().to_owned(), row.id().to_owned()), row_number) {
                return Err(malformed(
                    path,
                    row_number,
                    "id",
                    format!("claim {} of {} is also in row {first}", row.id(), row.document()),
                ));
            }
            rows.push(row);
        }
        Ok(Self { rows, bom: false })
    }

    /// The rows of one document, by id.
    #[must_use]
    pub fn of_document(&self, document: &str) -> HashMap<&str, &Row> {
        self.rows
            .iter()
            .filter(|r| r.document() == document)
            .map(|r| (r.id(), r))
            .collect()
    }

    /// Merges the claims of the given documents (name → claims) into the ledger.
    pub fn update(&mut self, documents: &[(String, Vec<Claim>)]) -> UpdateSummary {
        let mut summary = UpdateSummary::default();
        let mut index: HashMap<(String, String), usize> = self
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| ((r.document().to_owned(), r.id().to_owned()), i))
            .collect();
        let mut present: HashMap<String, std::collections::HashSet<String>> = HashMap::new();
        for (name, claims) in documents {
            let ids = present.entry(name.clone()).or_default();
            for claim in claims {
                ids.insert(claim.id.clone());
                let key = (claim.document.clone(), claim.id.clone());
                let Some(&at) = index.get(&key) else {
                    index.insert(key, self.rows.len());
                    self.rows.push(Row::from_claim(claim));
                    summary.added += 1;
                    continue;
                };
                let row = &mut self.rows[at];
                if row.status() == Status::Verified && !row.changed(claim).is_empty() {
                    let note = format!("verified as `{}`; changed on update", row.cell("text"));
                    row.audit[4] = if row.audit[4].is_empty() {
                        note
                    } else {
                        format!("{}; {note}", row.audit[4])
                    };
                    row.set_status(Status::Unreviewed);
                    summary.changed += 1;
                } else {
                    summary.kept += 1;
                }
                if row.status() == Status::Stale {
                    row.set_status(Status::Unreviewed);
                }
                row.claim = claim.cells().to_vec();
            }
        }
        for row in &mut self.rows {
            let Some(ids) = present.get(row.document()) else {
                continue;
            };
            if !ids.contains(row.id()) && row.status() != Status::Stale {
                row.set_status(Status::Stale);
                summary.stale += 1;
            }
        }
        // Documents in path order, claims in source order (stale ones where they last stood).
        let start = |row: &Row| row.cell("start").parse::<usize>().unwrap_or(usize::MAX);
        self.rows
            .sort_by(|a, b| (a.document(), start(a), a.id()).cmp(&(b.document(), start(b), b.id())));
        summary
    }

    /// The ledger as CSV: the header, then each row with its text cells guarded.
    fn to_csv(&self) -> std::result::Result<Vec<u8>, csv::Error> {
        let start = if self.bom {
            "\u{feff}".as_bytes().to_vec()
        } else {
            Vec::new()
        };
        let mut writer = csv::Writer::from_writer(start);
        let header: Vec<&str> = COLUMNS.iter().chain(AUDIT_COLUMNS.iter()).copied().collect();
        writer.write_record(&header)?;
        for row in &self.rows {
            let cells = row
                .claim
                .iter()
                .chain(row.audit.iter())
                .enumerate()
                .map(|(index, cell)| {
                    if index >= COLUMNS.len() || is_text_field(index) {
                        spreadsheet_safe(cell)
                    } else {
                        cell.clone()
                    }
                });
            writer.write_record(cells)?;
        }
        writer.into_inner().map_err(|e| csv::Error::from(e.into_error()))
    }

    /// The ledger as a workbook: the same columns, every cell text (no guard needed: a cell
    /// typed as text is never run as a formula).
    fn to_workbook(&self) -> std::io::Result<Vec<u8>> {
        let header: Vec<&str> = COLUMNS.iter().chain(AUDIT_COLUMNS.iter()).copied().collect();
        let rows: Vec<Vec<&str>> = std::iter::once(header)
            .chain(self.rows.iter().map(|row| {
                row.claim
                    .iter()
                    .chain(row.audit.iter())
                    .map(String::as_str)
                    .collect()
            }))
            .collect();
        super::xlsx::write(&rows)
    }

    /// Writes the ledger atomically (`files::write_atomic`), as a workbook when the path ends
    /// in `.xlsx`.
    pub fn write(&self, path: &Path) -> Result<()> {
        let bytes = if super::xlsx::is_workbook(path) {
            self.to_workbook().map_err(|e| e.to_string())
        } else {
            self.to_csv().map_err(|e| e.to_string())
        }
        .map_err(|message| Error::WriteFile {
            path: path.to_path_buf(),
            source: std::io::Error::other(message),
        })?;
        crate::files::write_atomic(path, &bytes)
    }

    /// Merges `documents` into the ledger at `path` (created if missing) under an exclusive
    /// lock: lock, read, merge, write, unlock. A second run waits for the lock up to `wait`, then
    /// fails naming the ledger. An edit saved to the ledger while the lock was held (by hand,
    /// which takes no lock) is never overwritten: the run fails and writes nothing.
    pub fn update_file(
        path: &Path,
        documents: &[(String, Vec<Claim>)],
        wait: std::time::Duration,
    ) -> Result<(Self, UpdateSummary)> {
        Self::update_file_with(path, documents, wait, || {})
    }

    /// `update_file`, writing a byte order mark whether or not the file had one (`--bom`).
    pub fn update_file_bom(
        path: &Path,
        documents: &[(String, Vec<Claim>)],
        wait: std::time::Duration,
    ) -> Result<(Self, UpdateSummary)> {
        Self::locked_update(path, documents, wait, true, || {})
    }

    /// `update_file`, running `between` after the merge and before the file is checked and
    /// written: where an auditor's save may land (the tests save one there).
    #[doc(hidden)]
    pub fn update_file_with(
        path: &Path,
        documents: &[(String, Vec<Claim>)],
        wait: std::time::Duration,
        between: impl FnOnce(),
    ) -> Result<(Self, UpdateSummary)> {
        Self::locked_update(path, documents, wait, false, between)
    }

    /// Edits the ledger at `path` (which must exist) under its lock, as `update_file` does:
    /// lock, read, edit, check the file did not change meanwhile, write atomically, unlock.
    pub fn locked_edit(
        path: &Path,
        wait: std::time::Duration,
        edit: impl FnOnce(&mut Self) -> Result<()>,
    ) -> Result<Self> {
        Self::locked(path, wait, false, edit)
    }

    fn locked_update(
        path: &Path,
        documents: &[(String, Vec<Claim>)],
        wait: std::time::Duration,
        bom: bool,
        between: impl FnOnce(),
    ) -> Result<(Self, UpdateSummary)> {
        let mut summary = UpdateSummary::default();
        let ledger = Self::locked(path, wait, true, |ledger| {
            ledger.bom |= bom;
            summary = ledger.update(documents);
            between();
            Ok(())
        })?;
        Ok((ledger, summary))
    }

    /// Lock, read (an empty ledger for a missing file when `missing_ok`), edit, check the file
    /// did not change meanwhile (an edit saved by hand takes no lock), write atomically, unlock.
    fn locked(
        path: &Path,
        wait: std::time::Duration,
        missing_ok: bool,
        edit: impl FnOnce(&mut Self) -> Result<()>,
    ) -> Result<Self> {
        let _lock = lock(path, wait)?;
        let before = read_bytes(path)?;
        let mut ledger = match &before {
            Some(bytes) => Self::parse(path, bytes)?,
            None if missing_ok => Self::default(),
            None => {
                return Err(Error::Read {
                    path: path.to_path_buf(),
                    source: std::io::Error::from(std::io::ErrorKind::NotFound),
                });
            }
        };
        edit(&mut ledger)?;
        if read_bytes(path)? != before {
            return Err(Error::LedgerChanged {
                path: path.to_path_buf(),
            });
        }
        ledger.write(path)?;
        Ok(ledger)
    }

    /// Counts of rows by status, for messages.
    #[must_use]
    pub fn counts(&self) -> BTreeMap<&'static str, usize> {
        let mut counts = BTreeMap::new();
        for row in &self.rows {
            *counts.entry(row.status().name()).or_default() += 1;
        }
        counts
    }
}

/// How long `ledger update` waits for another run's lock.
pub const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(30);

/// Most bytes of a ledger (512 MiB: about a million claims).
pub const MAX_LEDGER_BYTES: u64 = 512 * 1024 * 1024;

/// The ledger's bytes (a regular file, at most `MAX_LEDGER_BYTES`), `None` when there is no file
/// yet.
fn read_bytes(path: &Path) -> Result<Option<Vec<u8>>> {
    match std::fs::symlink_metadata(path) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        _ => crate::files::read_regular(path, MAX_LEDGER_BYTES, "ledger").map(Some),
    }
}

/// Takes the exclusive lock of the ledger at `path`: a lock file beside the file it resolves to
/// (`.claims.csv.lock`, left in place: removing it would let two runs lock two files). Released
/// when the returned file is dropped.
fn lock(path: &Path, wait: std::time::Duration) -> Result<std::fs::File> {
    let lock_path = crate::files::hidden_beside(&crate::files::resolved(path), ".lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|source| Error::WriteFile {
            path: lock_path.clone(),
            source,
        })?;
    let started = std::time::Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(std::fs::TryLockError::WouldBlock) if started.elapsed() < wait => {
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(Error::LedgerBusy {
                    path: path.to_path_buf(),
                    seconds: wait.as_secs(),
                });
            }
            Err(std::fs::TryLockError::Error(source)) => {
                return Err(Error::WriteFile {
                    path: lock_path,
                    source,
                });
            }
        }
    }
}

/// Checks one row's cells: a known status, whole numbers for positions, numbers for figures.
fn validate(path: &Path, row_number: usize, row: &Row) -> Result<()> {
    if Status::parse(&row.audit[1]).is_none() {
        return Err(malformed(
            path,
            row_number,
            "status",
            format!(
                "unknown status `{}`; expected unreviewed, verified, disputed or stale",
                row.audit[1]
            ),
        ));
    }
    if !crate::claim::is_claim_id(row.id()) {
        return Err(malformed(
            path,
            row_number,
            "id",
            format!(
                "`{}` is not a claim id (8 characters: a letter, then 7 hex digits)",
                row.id()
            ),
        ));
    }
    for name in ["line", "column", "start", "end"] {
        if row.cell(name).parse::<usize>().is_err() {
            return Err(malformed(
                path,
                row_number,
                name,
                format!("`{}` is not a whole number", row.cell(name)),
            ));
        }
    }
    for name in ["value", "precision", "low", "high"] {
        let cell = row.cell(name);
        if !cell.is_empty() && spreadsheet_number(cell).is_none() {
            return Err(malformed(
                path,
                row_number,
                name,
                format!("`{cell}` is not a number"),
            ));
        }
    }
    Ok(())
}

/// A number as a spreadsheet may have saved it: `12000000`, `12000000.0`, `1.2E+07`, `1.20E+07`,
/// `12,000,000`; with the count of significant digits it shows when it is in scientific
/// notation (the precision it kept), else `None`.
#[must_use]
pub fn spreadsheet_number(cell: &str) -> Option<(rust_decimal::Decimal, Option<u32>)> {
    use rust_decimal::Decimal;
    let cell = cell.trim();
    if let Ok(value) = cell.parse::<Decimal>() {
        return Some((value, None));
    }
    if let Some((mantissa, exponent)) = cell.split_once(['e', 'E']) {
        let mantissa: Decimal = mantissa.parse().ok()?;
        let exponent: i32 = exponent.trim_start_matches('+').parse().ok()?;
        if exponent.abs() > 28 {
            return None;
        }
        let digits = mantissa
            .mantissa()
            .unsigned_abs()
            .to_string()
            .trim_start_matches('0')
            .len();
        let power = Decimal::from(10u64.pow(exponent.unsigned_abs()));
        let value = if exponent >= 0 {
            mantissa.checked_mul(power)?
        } else {
            mantissa.checked_div(power)?
        };
        return Some((value, u32::try_from(digits.max(1)).ok()));
    }
    // Thousands separators: groups of three digits after the first.
    let (whole, fraction) = cell.split_once('.').unwrap_or((cell, ""));
    let unsigned = whole.trim_start_matches('-');
    let mut groups = unsigned.split(',');
    let first = groups.next()?;
    let grouped = !first.is_empty()
        && first.len() <= 3
        && unsigned.contains(',')
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    if grouped {
        let plain = format!(
            "{}{}",
            whole.replace(',', ""),
            if fraction.is_empty() {
                String::new()
            } else {
                format!(".{fraction}")
            }
        );
        return plain.parse().ok().map(|v| (v, None));
    }
    None
}

/// Are the stored cell and the current figure the same number? A stored value in scientific
/// notation is compared at the significant digits it shows.
fn same_number(stored: &str, current: &str) -> bool {
    if stored == current {
        return true;
    }
    let (Some((a, digits)), Some((b, _))) = (spreadsheet_number(stored), spreadsheet_number(current)) else {
        return false;
    };
    match digits {
        None => a == b,
        Some(digits) => round_significant(b, digits) == round_significant(a, digits),
    }
}

/// `value` rounded to `digits` significant digits.
fn round_significant(value: rust_decimal::Decimal, digits: u32) -> rust_decimal::Decimal {
    use rust_decimal::Decimal;
    if value.is_zero() {
        return value;
    }
    let magnitude = value.abs().trunc().to_string().trim_start_matches('0').len();
    let magnitude = i64::try_from(magnitude).unwrap_or(0);
    let shift = magnitude - i64::from(digits);
    if shift <= 0 {
        let places = u32::try_from(-shift).unwrap_or(0);
        return value.round_dp(places).normalize();
    }
    let power = Decimal::from(10u64.pow(u32::try_from(shift).unwrap_or(0).min(18)));
    ((value / power).round() * power).normalize()
}
