//! The errors a run can fail with. Each names the file and, where there is one, the place.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read `{path}`: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write `{path}`: {source}")]
    WriteFile {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("invalid glob `{glob}` in `exclude`: {message}")]
    Glob { glob: String, message: String },
    #[error("cannot walk `{path}`: {message}")]
    Walk { path: PathBuf, message: String },
    #[error("`{path}` is not valid UTF-8: invalid byte at offset {offset} (line {line}, column {column})")]
    InvalidUtf8 {
        path: PathBuf,
        offset: usize,
        line: usize,
        column: usize,
    },
    #[error("`{path}` is not valid UTF-16: {reason} at byte offset {offset}")]
    InvalidUtf16 {
        path: PathBuf,
        offset: usize,
        reason: &'static str,
    },
    #[error("`{path}` looks like a binary file (NUL byte at offset {offset}), not a document")]
    Binary { path: PathBuf, offset: usize },
    #[error("`{path}` is {size} bytes, over the limit of {limit} bytes for one {what}")]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
        /// What the file is: "document", "rule or config file", "ledger", "baseline".
        what: &'static str,
    },
    #[error("`{path}`: unsupported input format ({reason})")]
    Unsupported { path: PathBuf, reason: String },
    #[error("`{path}` is not a readable DOCX: {reason}", path = path.display())]
    DamagedDocx { path: PathBuf, reason: String },
    #[error("`{path}` is not a readable PDF: {reason}", path = path.display())]
    DamagedPdf { path: PathBuf, reason: String },
    #[error("{path}:{line}:{column}: {message}", path = path.display())]
    RuleFile {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
        /// The file's text and the byte offset of the error, for a snippet.
        source_text: String,
        offset: Option<usize>,
    },
    #[error("`{path}`{}{}: {message}", if *row > 0 { format!(", row {row}") } else { String::new() }, if column.is_empty() { String::new() } else { format!(", column `{column}`") }, path = path.display())]
    Ledger {
        path: PathBuf,
        /// The row (1 is the header); 0 when the fault is the file's as a whole.
        row: usize,
        column: String,
        message: String,
    },
    #[error("the ledger `{path}` is being updated by another run; gave up after {seconds} s", path = path.display())]
    LedgerBusy { path: PathBuf, seconds: u64 },
    #[error("the ledger `{path}` changed while this run was updating it (saved by hand?); nothing was written", path = path.display())]
    LedgerChanged { path: PathBuf },
    #[error("`{path}`{}: {message}", if *index > 0 { format!(", decision {index}") } else { String::new() }, path = path.display())]
    Decisions {
        path: PathBuf,
        index: usize,
        message: String,
    },
    #[error("`{path}` is not a claimlint baseline: {message}", path = path.display())]
    Baseline { path: PathBuf, message: String },
    #[error("unknown rule `{id}`")]
    UnknownRule { id: String, known: String },
    #[error("`--{option} {selector}`: no rule or family of rules has that name")]
    UnknownSelector { option: &'static str, selector: String },
    #[error("`{path}`:{line}:{column}: malformed markup: {message}", path = path.display())]
    Malformed {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("cannot write output: {0}")]
    Write(#[from] std::io::Error),
}

impl Error {
    /// The help line shown under the message, where one helps.
    #[must_use]
    pub fn help(&self) -> Option<&'static str> {
        match self {
            Self::InvalidUtf8 { .. } => Some("save the file as UTF-8 (or UTF-16 with a byte order mark)"),
            Self::Unsupported { .. } => {
                Some("name the format with --input-format text|markdown|html|jats|docbook|docx|pdf")
            }
            Self::TooLarge { what: "document", .. } => Some(
                "split the document, check that this is the file you meant, or raise `document_mib` in [limits] of claimlint.toml",
            ),
            Self::TooLarge { .. } => Some("check that this is the file you meant"),
            Self::DamagedPdf { .. } => Some(
                "check that it opens in a PDF viewer and is the file you meant; save or print it to a new PDF without a password; a file over a limit of [limits] reads once the limit is raised in claimlint.toml",
            ),
            Self::DamagedDocx { .. } => Some(
                "open it in Word or LibreOffice and save it again as .docx (without a password), or check that it is the file you meant",
            ),
            Self::RuleFile { .. } => {
                Some("see `claimlint rules` for the rules and README.md for the rule file format")
            }
            Self::UnknownRule { .. } => Some("`claimlint rules` lists the rules"),
            Self::UnknownSelector { .. } => Some(
                "name a rule (`citation/missing`), a family (`citation`, `consistency`) or `ALL`; `claimlint rules` lists them",
            ),
            Self::Glob { .. } => Some("globs use gitignore syntax: `drafts/**`, `*.tmp.md`"),
            Self::LedgerBusy { .. } => {
                Some("wait for the other `ledger update` to finish, then run this one again")
            }
            Self::LedgerChanged { .. } => Some("run `ledger update` again: it merges the saved edits"),
            Self::Decisions { .. } => Some(
                "nothing was written; export the decisions again from a page made after `ledger update`, or remove the decision named",
            ),
            _ => None,
        }
    }
}

impl Error {
    /// The file the error is about, where there is one.
    #[must_use]
    pub fn path(&self) -> Option<&std::path::Path> {
        match self {
            Self::Read { path, .. }
            | Self::WriteFile { path, .. }
            | Self::Walk { path, .. }
            | Self::InvalidUtf8 { path, .. }
            | Self::InvalidUtf16 { path, .. }
            | Self::Binary { path, .. }
            | Self::TooLarge { path, .. }
            | Self::Unsupported { path, .. }
            | Self::DamagedDocx { path, .. }
            | Self::DamagedPdf { path, .. }
            | Self::RuleFile { path, .. }
            | Self::Ledger { path, .. }
            | Self::LedgerBusy { path, .. }
            | Self::LedgerChanged { path }
            | Self::Baseline { path, .. }
            | Self::Decisions { path, .. }
            | Self::Malformed { path, .. } => Some(path),
            Self::Glob { .. } | Self::Write(_) | Self::UnknownRule { .. } | Self::UnknownSelector { .. } => {
                None
            }
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
