//! Diagnostics: what a check found (a `Finding`, placed in the document's text) and what is
//! reported (a `Diagnostic`, positioned in the original file). Plain data, shared by check,
//! audit and every output format.

use serde::{Deserialize, Serialize};

use crate::claim::Claim;
use crate::span::Span;

/// How serious a finding is. `Info` never fails a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }

    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "info" => Some(Self::Info),
            "warning" => Some(Self::Warning),
            "error" => Some(Self::Error),
            _ => None,
        }
    }
}

/// Where a finding points: at text of the document, or at bytes of the original file (a
/// Markdown footnote marker keeps no text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Text(Span),
    Original(Span),
}

/// What a check found, before it becomes a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub place: Place,
    /// Values for the rule's message and help placeholders (`{label}`, `{text}` …).
    pub values: Vec<(&'static str, String)>,
    /// Ids of the claims concerned.
    pub claims: Vec<String>,
    /// Other places worth showing, with what each is.
    pub related: Vec<(String, Place)>,
    /// Set when many findings of the rule in one document read better as one (see
    /// `Collapse`); applied once suppressions have had their say.
    pub collapse: Option<Collapse>,
}

/// How a finding joins the others of its rule in its document when there are several: the
/// first stays, with `summary` appended to its message (`{count}` is the number joined), and
/// each other becomes a related place with `note` as its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Collapse {
    pub summary: String,
    pub note: String,
}

impl Finding {
    #[must_use]
    pub fn at(place: Place) -> Self {
        Self {
            place,
            values: Vec::new(),
            claims: Vec::new(),
            related: Vec::new(),
            collapse: None,
        }
    }

    /// Marks the finding as one of many the rule reports once per document.
    #[must_use]
    pub fn collapse(mut self, summary: impl Into<String>, note: impl Into<String>) -> Self {
        self.collapse = Some(Collapse {
            summary: summary.into(),
            note: note.into(),
        });
        self
    }

    #[must_use]
    pub fn with(mut self, key: &'static str, value: impl Into<String>) -> Self {
        self.values.push((key, value.into()));
        self
    }

    /// The value given for `key`, if any.
    #[must_use]
    pub fn value(&self, key: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, value)| value.as_str())
    }

    #[must_use]
    pub fn claim(mut self, claim: &Claim) -> Self {
        self.claims.push(claim.id.clone());
        self
    }

    #[must_use]
    pub fn related(mut self, message: impl Into<String>, place: Place) -> Self {
        self.related.push((message.into(), place));
        self
    }
}

/// A related place, positioned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    pub message: String,
    pub line: usize,
    pub column: usize,
    pub start: usize,
    pub end: usize,
    /// For a DOCX, the part it is in; its line, column and offsets count in that part.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<&'static str>,
}

/// A finding as reported: plain data, serialised directly by every output format. Field
/// order is the JSON field order; absent fields are omitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub document: String,
    /// The DOCX part; absent for other formats.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<&'static str>,
    pub line: usize,
    pub column: usize,
    /// Byte offsets into the original file.
    pub start: usize,
    pub end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// Where the span ends: line and column just past its last character (not serialised).
    #[serde(skip)]
    pub end_line: usize,
    #[serde(skip)]
    pub end_column: usize,
    /// A fingerprint that survives unrelated edits: the rule with the ids of the claims
    /// concerned (stable across revisions), or with the message where no claim is concerned.
    /// Never a line number. Used by SARIF, GitLab and baselines (not serialised here).
    #[serde(skip)]
    pub fingerprint: String,
    /// How the finding joins others of its rule in the document (not serialised).
    #[serde(skip)]
    pub collapse: Option<Collapse>,
    /// How much the finding matters to an editor, for the outputs people read first (human,
    /// Markdown): money before shares before quantities before counts, large before small.
    /// Machine outputs keep source order (not serialised).
    #[serde(skip)]
    pub weight: u32,
}

/// How much a figure matters to an editor: its kind first, then its size (the number of its
/// whole digits).
#[must_use]
pub fn weight_of(claim: &Claim) -> u32 {
    let kind = match claim.kind {
        crate::claim::Kind::Money => 4,
        crate::claim::Kind::Percent => 3,
        crate::claim::Kind::Quantity => 2,
        crate::claim::Kind::Count => 1,
        _ => 0,
    };
    let size = claim
        .value
        .or(claim.high)
        .or(claim.low)
        .map_or(0, |v| v.abs().trunc().to_string().trim_start_matches('0').len());
    kind * 100 + u32::try_from(size.min(99)).unwrap_or(99)
}

/// A diagnostic's fingerprint: 16 hex digits of a hash of the rule and the claim ids (or the
/// message, where no claim is concerned).
#[must_use]
pub fn fingerprint(rule: &str, claims: &[String], message: &str) -> String {
    let mut key = String::from(rule);
    key.push('\0');
    if claims.is_empty() {
        key.push_str(message);
    } else {
        // From the ids' earlier form, so that fingerprints did not change when ids began with a
        // letter (baselines and code-scanning alerts keep matching).
        let legacy: Vec<std::borrow::Cow<'_, str>> =
            claims.iter().map(|c| crate::claim::legacy_id(c)).collect();
        key.push_str(&legacy.join(","));
    }
    format!("{:016x}", crate::normalise::id::stable_hash(key.as_bytes()))
}
