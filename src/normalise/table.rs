//! Figures in table cells, read with their headers as a sentence is read with its words: the
//! unit a header states ("Share (%)", "Revenue (EUR million)"), the time it names ("2020"),
//! and the subject the row and column name ("Germany, share of renewables") when the cell
//! itself names none.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::modality::Cues;
use crate::claim::Kind;
use crate::document::{Document, TableCell};
use crate::extract::number::DecimalMark;
use crate::extract::{Extractor, Figure, Mention};

/// Longest subject built from headers, in characters; longer is cut with "…".
const MAX_SUBJECT_CHARS: usize = 100;

/// Longest header stretch read as a unit ("EUR million", "thousand tonnes").
const MAX_UNIT_CHARS: usize = 24;

/// Most letters a header may hold besides its year and still name only a time ("FY 2020",
/// "2020 (%)"): such a header adds no words to a subject.
const MAX_TIME_LETTERS: usize = 4;

/// Words a header's year or unit leaves dangling at its end ("Population in", "as of").
const TRAILING_LINKS: &[&str] = &["in", "of", "as", "at", "for", "by", "end", "year", "fy", "since"];

/// Header words that say a column counts things, so a unit after them describes a second
/// figure of the cell ("n (%)": "45 (12.5)"), not the first.
const COUNT_HEADERS: &[&str] = &["n", "no", "no.", "number", "count", "cases", "patients", "n="];

/// What a header says about the figures under or beside it.
#[derive(Debug, Clone, Default)]
struct HeaderReading {
    /// The header's words, without its unit and time ("Share of renewables").
    words: String,
    unit: Option<HeaderUnit>,
    /// The header's time, when the header is a time ("2020").
    time: Option<Figure>,
    /// Words of projection or estimate ("2030 (projected)", "Estimated users").
    cues: Cues,
}

/// A unit stated once in a header for every figure it heads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct HeaderUnit {
    kind: Kind,
    unit: Option<&'static str>,
    /// "(EUR million)": each figure is in millions.
    scale: Decimal,
}

/// What a cell's headers add to one of its figures.
#[derive(Debug, Clone, Default)]
pub struct CellReading {
    /// The figure with the header's unit and scale, when the cell states none.
    pub mention: Option<Mention>,
    /// The figure's time, from a header.
    pub time: Option<Figure>,
    /// Row and column headers' words, joined.
    pub subject: Option<String>,
    /// The headers' words of projection or estimate.
    pub cues: Cues,
}

/// Reads table cells' headers, each header once, whatever stretch of the document's mentions
/// is being normalised (a header's own figures are read from its cell).
pub struct Headers<'d> {
    document: &'d Document,
    mark: DecimalMark,
    /// Made when a first header is read.
    extractor: Option<Extractor<'d>>,
    /// By cell index; read on first use (only header cells are ever read).
    readings: HashMap<usize, HeaderReading>,
}

impl<'d> Headers<'d> {
    #[must_use]
    pub fn new(document: &'d Document, mark: DecimalMark) -> Self {
        Self {
            document,
            mark,
            extractor: None,
            readings: HashMap::new(),
        }
    }

    /// What the headers of the cell holding `mention` say about it; `None` outside tables.
    pub fn read(&mut self, mention: &Mention) -> Option<CellReading> {
        let block = self.document.sentences[mention.sentence].block;
        let cell = self.document.cell_of_block(block)?;
        if cell.header {
            return None;
        }
        let headers = || cell.row_headers.iter().chain(cell.column_headers.iter());
        headers().next()?;
        for header in headers() {
            self.header(header);
        }
        let readings: Vec<&HeaderReading> = headers().filter_map(|h| self.readings.get(&h)).collect();
        // Column headers first: a column usually states the unit and the time.
        let column_first = || readings.iter().rev();
        let mut reading = CellReading {
            time: column_first().find_map(|r| r.time.clone()),
            cues: readings.iter().fold(Cues::default(), |cues, r| cues.or(r.cues)),
            ..CellReading::default()
        };
        let mut units = column_first().filter_map(|r| r.unit);
        if let Some(unit) = units.next()
            && units.all(|other| other == unit)
        {
            reading.mention = with_unit(mention, unit);
        }
        let words: Vec<&str> = readings
            .iter()
            .map(|r| r.words.as_str())
            .filter(|w| !w.is_empty())
            .collect();
        let named = matches!(
            mention.kind,
            Kind::Count | Kind::Percent | Kind::Money | Kind::Quantity
        );
        if named && !words.is_empty() {
            reading.subject = Some(cut(&words.join(", "), MAX_SUBJECT_CHARS));
        }
        Some(reading)
    }

    /// Reads a header cell, once.
    fn header(&mut self, cell: usize) {
        let document = self.document;
        if self.readings.contains_key(&cell) || cell >= document.table_cells.len() {
            return;
        }
        let span = document.table_cells[cell].span;
        let first = document.sentences.partition_point(|s| s.span.end <= span.start);
        let last = document.sentences.partition_point(|s| s.span.start < span.end);
        let mut mentions = Vec::new();
        let mark = self.mark;
        self.extractor
            .get_or_insert_with(|| Extractor::with_mark(document, mark))
            .sentences(first..last.max(first), &mut mentions);
        self.readings.insert(
            cell,
            read_header(document, &mentions, &document.table_cells[cell]),
        );
    }
}

/// Reads one header cell: its time, its unit and the words left.
fn read_header(document: &Document, mentions: &[Mention], cell: &TableCell) -> HeaderReading {
    let text = document.slice(cell.span);
    let first = mentions.partition_point(|m| m.span.start < cell.span.start);
    let inside: Vec<usize> = (first..mentions.len())
        .take_while(|&i| mentions[i].span.end <= cell.span.end)
        .collect();
    let mut tokens = Vec::new();
    crate::extract::token::tokenize(&document.text, cell.span, &document.ignored, &mut tokens);
    let mut reading = HeaderReading {
        cues: Cues::of_header(&document.text, &tokens),
        ..HeaderReading::default()
    };
    let mut words = text.to_owned();
    if let [only] = inside[..] {
        let mention = &mentions[only];
        if mention.kind.is_temporal() {
            let start = mention
                .qualifier_span
                .map_or(mention.span.start, |q| q.start.min(mention.span.start));
            reading.time = Some(mention.figure.clone());
            words.replace_range(
                (start - cell.span.start)..(mention.span.end - cell.span.start),
                " ",
            );
        }
    }
    if let Some((unit, rest)) = header_unit(&words) {
        reading.unit = Some(unit);
        words = rest;
    }
    if reading.time.is_some() && words.chars().filter(|c| c.is_alphabetic()).count() <= MAX_TIME_LETTERS {
        words.clear();
    }
    reading.words = tidy_words(&words);
    reading
}

/// Header words without the punctuation and linking words a removed year or unit left at
/// their ends ("Share in 2020" → "Share").
fn tidy_words(words: &str) -> String {
    let mut words: Vec<&str> = words
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| ",;:–-()[]".contains(c)))
        .filter(|w| !w.is_empty())
        .collect();
    while words
        .last()
        .is_some_and(|w| TRAILING_LINKS.contains(&w.to_lowercase().as_str()))
    {
        words.pop();
    }
    // A header without words ("8", "#") names nothing.
    if words
        .iter()
        .flat_map(|w| w.chars())
        .filter(|c| c.is_alphabetic())
        .count()
        < 2
    {
        return String::new();
    }
    words.join(" ")
}

/// The unit a header states for its figures, and the header without it. The unit is in
/// brackets at the end ("Share (%)"), after a comma or "in" ("Revenue, EUR m", "Capacity in
/// MW"), or the whole header ("%", "MW").
fn header_unit(header: &str) -> Option<(HeaderUnit, String)> {
    let trimmed = header.trim_end();
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    if let Some(close @ (')' | ']')) = trimmed.chars().last() {
        let open = if close == ')' { '(' } else { '[' };
        if let Some(start) = trimmed.rfind(open) {
            candidates.push((start, trimmed.len()));
        }
    }
    if let Some(comma) = trimmed.rfind(',') {
        candidates.push((comma, trimmed.len()));
    }
    if let Some(word) = trimmed.rfind(" in ") {
        candidates.push((word, trimmed.len()));
    }
    // The last word, a symbol or code ("Concentration μM", "Growth %", "Cost EUR").
    let last_word = trimmed
        .rfind(char::is_whitespace)
        .map(|space| (space, trimmed.len()));
    candidates.extend(last_word);
    let whole = (0, trimmed.len());
    candidates.push(whole);
    for (start, end) in candidates {
        let before = trimmed[..start]
            .trim()
            .trim_end_matches(',')
            .trim()
            .to_lowercase();
        if COUNT_HEADERS.contains(&before.as_str()) {
            return None;
        }
        let stated = trimmed[start..end]
            .trim_start_matches([',', '(', '['])
            .trim_end_matches([')', ']'])
            .trim();
        let stated = stated.strip_prefix("in ").unwrap_or(stated).trim();
        if stated.is_empty() || stated.chars().count() > MAX_UNIT_CHARS {
            continue;
        }
        // A header that is only a unit word names a measure ("Years"), not a unit, unless it is
        // a symbol or a percentage ("%", "MW").
        let alone_ok = |unit: &HeaderUnit| {
            !matches!(unit.kind, Kind::Duration | Kind::Count)
                && !crate::lexicon::units::is_ambiguous_symbol(stated)
        };
        let bare = (start, end) == whole || Some((start, end)) == last_word;
        if let Some(unit) = parse_unit(stated).filter(|u| !bare || alone_ok(u)) {
            let mut rest = header.to_owned();
            rest.replace_range(start..end, "");
            return Some((unit, rest));
        }
    }
    None
}

/// A unit phrase read as the unit of the figure "1": "%", "EUR million", "km", "thousands".
fn parse_unit(stated: &str) -> Option<HeaderUnit> {
    let lower = stated.to_lowercase();
    if matches!(
        lower.as_str(),
        "thousands" | "'000" | "’000" | "000" | "000s" | "'000s"
    ) {
        return Some(HeaderUnit {
            kind: Kind::Count,
            unit: None,
            scale: Decimal::ONE_THOUSAND,
        });
    }
    let mut forms = vec![format!("1 {stated}")];
    // A currency symbol or code before a scale: "€ m", "USD bn", "US$ million".
    if let Some((head, tail)) = stated.split_once(' ') {
        forms.push(format!("{head}1 {tail}"));
    }
    forms.push(format!("{stated}1"));
    for form in forms {
        let document = crate::ingest::plain_text(&form);
        let mentions = crate::extract::extract(&document);
        let [mention] = &mentions[..] else { continue };
        if mention.span.len() != form.len() || mention.qualifier_span.is_some() {
            continue;
        }
        let Figure::Number { value, .. } = mention.figure else {
            continue;
        };
        let unit = HeaderUnit {
            kind: mention.kind,
            unit: mention.unit,
            scale: value,
        };
        let useful = match mention.kind {
            Kind::Percent | Kind::Money | Kind::Quantity | Kind::Duration => true,
            Kind::Count => value > Decimal::ONE,
            _ => false,
        };
        if useful && is_power_of_ten(value) {
            return Some(unit);
        }
    }
    None
}

fn is_power_of_ten(value: Decimal) -> bool {
    let mut value = value.normalize();
    if value < Decimal::ONE {
        return false;
    }
    while value > Decimal::ONE {
        if value % Decimal::TEN != Decimal::ZERO {
            return false;
        }
        value /= Decimal::TEN;
    }
    value == Decimal::ONE
}

/// The mention with a header's unit, when it states none of its own: a bare number or range.
fn with_unit(mention: &Mention, unit: HeaderUnit) -> Option<Mention> {
    if mention.kind != Kind::Count || mention.unit.is_some() {
        return None;
    }
    let scale = |d: Decimal| d.checked_mul(unit.scale);
    let figure = match mention.figure {
        Figure::Number { value, precision } => Figure::Number {
            value: scale(value)?,
            precision: scale(precision)?,
        },
        Figure::Range { low, high } => Figure::Range {
            low: scale(low)?,
            high: scale(high)?,
        },
        _ => return None,
    };
    Some(Mention {
        kind: unit.kind,
        unit: unit.unit,
        figure,
        ..mention.clone()
    })
}

/// `text` cut to `max` characters, with "…" where it was cut.
fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", text[..at].trim_end()),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(header: &str) -> Option<(Kind, Option<&'static str>, String, String)> {
        header_unit(header).map(|(u, rest)| (u.kind, u.unit, u.scale.normalize().to_string(), rest))
    }

    #[test]
    fn headers_state_units_in_brackets_after_commas_or_alone() {
        assert_eq!(
            unit("Share (%)"),
            Some((Kind::Percent, Some("%"), "1".into(), "Share ".into()))
        );
        let (kind, code, scale, rest) = unit("Revenue (EUR million)").unwrap();
        assert_eq!(
            (kind, code, scale.as_str(), rest.as_str()),
            (Kind::Money, Some("EUR"), "1000000", "Revenue ")
        );
        assert_eq!(unit("Capacity in MW").map(|u| u.1), Some(Some("MW")));
        assert_eq!(
            unit("Sales, USD bn").map(|u| (u.1, u.2)),
            Some((Some("USD"), "1000000000".into()))
        );
        assert_eq!(
            unit("Population (millions)").map(|u| (u.0, u.2)),
            Some((Kind::Count, "1000000".into()))
        );
        assert_eq!(unit("Jobs ('000)").map(|u| u.2), Some("1000".into()));
        assert_eq!(unit("%").map(|u| u.1), Some(Some("%")));
        assert_eq!(
            unit("Growth %").map(|u| (u.1, u.3)),
            Some((Some("%"), "Growth".into()))
        );
        assert_eq!(unit("Installed MW").map(|u| u.1), Some(Some("MW")));
    }

    #[test]
    fn header_words_drop_dangling_links_and_figures() {
        assert_eq!(tidy_words("Population in  "), "Population");
        assert_eq!(tidy_words("Share ( )"), "Share");
        assert_eq!(tidy_words("8"), "");
    }

    #[test]
    fn count_columns_and_plain_words_state_no_unit() {
        assert_eq!(unit("n (%)"), None);
        assert_eq!(unit("Country"), None);
        assert_eq!(unit("Mean (SD)"), None);
        assert_eq!(unit("Rank"), None);
        assert_eq!(unit("Year"), None);
        assert_eq!(unit("Number of years"), None);
        assert_eq!(unit("Test statistic t"), None);
        // A t statistic, not tonnes: a one-letter symbol alone is no unit.
        assert_eq!(unit("t"), None);
        assert_eq!(unit("Mass (t)").map(|u| u.1), Some(Some("t")));
    }

    #[test]
    fn scales_are_powers_of_ten() {
        assert!(is_power_of_ten(Decimal::new(1_000_000, 0)));
        assert!(is_power_of_ten(Decimal::ONE));
        assert!(!is_power_of_ten(Decimal::new(12, 0)));
        assert!(!is_power_of_ten(Decimal::new(1, 1)));
    }
}
