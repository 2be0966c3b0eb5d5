//! The claim: a figure of a document, normalised to an exact value with its unit, interval,
//! modality, subject, time and footnotes. Plain data, shared by every stage after extract and
//! serialised directly by the JSON outputs.

use std::str::FromStr;
use std::sync::Arc;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize, Serializer};

pub use crate::normalise::role::Role;
use crate::span::Span;

/// What a claim is a figure of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Count,
    Percent,
    Money,
    Quantity,
    Year,
    Period,
    Date,
    Ordinal,
    Duration,
}

impl Kind {
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Count => "count",
            Self::Percent => "percent",
            Self::Money => "money",
            Self::Quantity => "quantity",
            Self::Year => "year",
            Self::Period => "period",
            Self::Date => "date",
            Self::Ordinal => "ordinal",
            Self::Duration => "duration",
        }
    }

    /// Kinds that place a figure in time rather than measure something.
    #[must_use]
    pub const fn is_temporal(self) -> bool {
        matches!(self, Self::Year | Self::Period | Self::Date)
    }
}

/// How a figure is hedged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    Approx,
    MoreThan,
    AtLeast,
    LessThan,
    AtMost,
    Range,
}

impl Qualifier {
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::Approx => "approx",
            Self::MoreThan => "more_than",
            Self::AtLeast => "at_least",
            Self::LessThan => "less_than",
            Self::AtMost => "at_most",
            Self::Range => "range",
        }
    }
}

/// Whether a figure is reported, an estimate, or a projection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    Reported,
    Estimate,
    Projection,
}

impl Modality {
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Reported => "reported",
            Self::Estimate => "estimate",
            Self::Projection => "projection",
        }
    }
}

/// A numeric claim, normalised. Field order is the JSON field order and the CSV column order;
/// absent fields are omitted from JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Claim {
    pub id: String,
    pub document: String,
    /// The DOCX part (`document`, `footnotes`, `endnotes`); absent for other formats.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<&'static str>,
    pub kind: Kind,
    pub text: String,
    pub line: usize,
    pub column: usize,
    /// Byte offsets into the original file.
    pub start: usize,
    pub end: usize,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "optional_number")]
    pub value: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'static str>,
    pub qualifier: Qualifier,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "optional_number")]
    pub precision: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "optional_number")]
    pub low: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "optional_number")]
    pub high: Option<Decimal>,
    /// For dates: an ISO 8601 date or interval.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub modality: Modality,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<String>,
    /// Why the figure needs no source, when it needs none; absent: it needs one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// The sentence, whitespace folded; shared by the claims of one sentence. A sentence longer
    /// than `normalise::MAX_SENTENCE_CHARS` is cut to a window around the claim, marked with "…".
    #[serde(serialize_with = "shared_text")]
    pub sentence: Arc<str>,
    /// The figure in the document's text (not serialised).
    #[serde(skip)]
    pub span: Span,
    /// Index of its sentence in the document (not serialised).
    #[serde(skip)]
    pub sentence_index: usize,
    /// The subject is a table cell's row and column headers, not words of its sentence (not
    /// serialised): generic row labels ("Total", "Control") recur across tables.
    #[serde(skip)]
    pub subject_from_headers: bool,
}

impl Claim {
    /// Every serialised field, in order: the JSON field order and the CSV columns (a test
    /// checks that serde writes them in this order).
    pub const FIELDS: [&'static str; 22] = [
        "id",
        "document",
        "part",
        "kind",
        "text",
        "line",
        "column",
        "start",
        "end",
        "value",
        "unit",
        "qualifier",
        "precision",
        "low",
        "high",
        "date",
        "modality",
        "time",
        "subject",
        "footnotes",
        "role",
        "sentence",
    ];

    /// The claim's cells in `FIELDS` order, for spreadsheets (the CSV of `extract` and the
    /// ledger): decimals as digits, lists joined with `;`, absent fields empty. The text as it
    /// is: writers guard the text cells (`is_text_field`, `spreadsheet_safe`) as they write.
    #[must_use]
    pub fn cells(&self) -> [String; 22] {
        let claim = self;
        let decimal = |d: Option<rust_decimal::Decimal>| d.map(decimal_string).unwrap_or_default();
        [
            claim.id.clone(),
            claim.document.clone(),
            claim.part.unwrap_or_default().to_owned(),
            claim.kind.name().to_owned(),
            claim.text.clone(),
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
            claim.subject.clone().unwrap_or_default(),
            claim.footnotes.join(";"),
            claim.role.map(Role::name).unwrap_or_default().to_owned(),
            claim.sentence.to_string(),
        ]
    }

    /// The lowest and highest values the claim allows; `None` is an open end. A claim with
    /// no interval (a year, an ordinal) allows its value only.
    #[must_use]
    pub fn bounds(&self) -> (Option<Decimal>, Option<Decimal>) {
        if self.low.is_none() && self.high.is_none() {
            (self.value, self.value)
        } else {
            (self.low, self.high)
        }
    }
}

/// The columns that hold numbers, written as they are: a spreadsheet reads "-0.5" as a number,
/// and the guard of text cells would turn it into text (the ledger could not read it back).
pub const NUMERIC_FIELDS: [&str; 8] = [
    "line",
    "column",
    "start",
    "end",
    "value",
    "precision",
    "low",
    "high",
];

/// Is column `index` of `Claim::FIELDS` a text column (guarded for spreadsheets)?
#[must_use]
pub fn is_text_field(index: usize) -> bool {
    Claim::FIELDS
        .get(index)
        .is_some_and(|name| !NUMERIC_FIELDS.contains(name))
}

/// Reverses `spreadsheet_safe`: the text as it was before the guard.
#[must_use]
pub fn spreadsheet_unsafe(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) => rest,
        _ => cell,
    }
}

/// Prefixes a text cell that a spreadsheet would evaluate ("=1+1", "-3 percent", "@SUM"), and
/// one that begins with the prefix itself, so that `spreadsheet_unsafe` gives every text back.
#[must_use]
pub fn spreadsheet_safe(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// A claim id as written: eight hexadecimal digits whose first, when it is a digit, is written as
/// a letter from `g` to `p` (0 to 9). An id that begins with a letter stays text in every
/// spreadsheet (`262288e7` was read as 2.62288 × 10¹³ and saved back as a number).
#[must_use]
pub fn letter_first(hex: &str) -> String {
    let mut chars = hex.chars();
    match chars.next() {
        Some(first @ '0'..='9') => {
            let letter = char::from(b'g' + (first as u8 - b'0'));
            std::iter::once(letter).chain(chars).collect()
        }
        _ => hex.to_owned(),
    }
}

/// The id as claimlint wrote it before ids began with a letter (fingerprints are computed from
/// this form, so baselines and code-scanning alerts keep matching).
#[must_use]
pub fn legacy_id(id: &str) -> std::borrow::Cow<'_, str> {
    let mut chars = id.chars();
    match chars.next() {
        Some(first @ 'g'..='p') => {
            let digit = char::from(b'0' + (first as u8 - b'g'));
            std::borrow::Cow::Owned(std::iter::once(digit).chain(chars).collect())
        }
        _ => std::borrow::Cow::Borrowed(id),
    }
}

/// Is `id` a claim id: eight characters, the first a hexadecimal letter or `g`–`p`, the rest
/// hexadecimal digits; or an id of the earlier form (eight hexadecimal digits), which
/// `letter_first` brings up to date.
#[must_use]
pub fn is_claim_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    bytes.len() == 8
        && (bytes[0].is_ascii_hexdigit() || (b'g'..=b'p').contains(&bytes[0]))
        && bytes[1..].iter().all(u8::is_ascii_hexdigit)
        && !bytes.iter().any(u8::is_ascii_uppercase)
}

/// A decimal as it is printed everywhere: plain digits, no exponent, no trailing zeros.
#[must_use]
pub fn decimal_string(value: Decimal) -> String {
    value.normalize().to_string()
}

/// A decimal as a JSON number. With `serde_json`'s `arbitrary_precision` the digits are kept as
/// written: never through an `f64`.
fn number(value: Decimal) -> serde_json::Number {
    serde_json::Number::from_str(&decimal_string(value)).unwrap_or_else(|_| serde_json::Number::from(0))
}

#[expect(
    clippy::ref_option,
    reason = "serde's serialize_with passes the field by reference"
)]
fn optional_number<S: Serializer>(value: &Option<Decimal>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(value) => number(*value).serialize(serializer),
        None => serializer.serialize_none(),
    }
}

fn shared_text<S: Serializer>(text: &Arc<str>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialised_fields_are_the_listed_fields_in_order() {
        let some = Some(Decimal::ONE);
        let claim = Claim {
            id: "a0000000".into(),
            document: "d.md".into(),
            part: Some("document"),
            kind: Kind::Money,
            text: "EUR 1".into(),
            line: 1,
            column: 1,
            start: 0,
            end: 5,
            value: some,
            unit: Some("EUR"),
            qualifier: Qualifier::Exact,
            precision: some,
            low: some,
            high: some,
            date: Some("2021".into()),
            modality: Modality::Reported,
            time: Some("2021".into()),
            subject: Some("grants".into()),
            footnotes: vec!["1".into()],
            role: Some(Role::Analysis),
            sentence: Arc::from("EUR 1."),
            span: Span::new(0, 5),
            sentence_index: 0,
            subject_from_headers: false,
        };
        let json = serde_json::to_value(&claim).expect("a claim serialises");
        let keys: Vec<&str> = json
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, Claim::FIELDS);
    }
}
