//! extract: find the numeric mentions in a document's sentences.
//!
//! One pass over each sentence's tokens. At every token that can start a figure the scanner
//! tries, in order: dates, periods and years; then a value (a numeral, its scale, its currency,
//! percent sign or unit, a range) with the qualifier around it. Numbers that are names
//! ("5G", "COVID-19", "ISO/IEC 30141", "Exhibit 1") are skipped where they stand.

mod dates;
mod figure_or_name;
pub mod number;
mod numeral;
mod prefilter;
mod qualifier;
mod range;
mod ratio;
mod scientific;
mod suffix;
pub mod token;

use rust_decimal::Decimal;

use crate::claim::{Kind, Qualifier};
use crate::document::Document;
use crate::span::Span;
use number::{DecimalMark, detect_decimal_mark};
use token::{Token, TokenKind, tokenize};

/// The figure a mention states, before normalisation widens it into an interval.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Figure {
    /// One number and the place value of its last stated digit.
    Number {
        value: Decimal,
        precision: Decimal,
    },
    /// "between 5 and 10 percent", "15-20 USD".
    Range {
        low: Decimal,
        high: Decimal,
    },
    Year(i32),
    /// First and last years, inclusive.
    Period(i32, i32),
    /// An ISO 8601 date or interval at the stated precision.
    Date(String),
}

/// One numeric mention found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub kind: Kind,
    /// The figure as written, with its currency, scale and unit, without its qualifier.
    pub span: Span,
    pub qualifier: Qualifier,
    /// The qualifier's words, when written.
    pub qualifier_span: Option<Span>,
    pub figure: Figure,
    pub unit: Option<&'static str>,
    /// Index into `Document::sentences`.
    pub sentence: usize,
}

/// Finds every numeric mention in `document`, in text order.
#[must_use]
pub fn extract(document: &Document) -> Vec<Mention> {
    let mut mentions = Vec::new();
    Extractor::new(document).sentences(0..document.sentences.len(), &mut mentions);
    mentions
}

/// Extraction a range of sentences at a time, so that a caller can hold the mentions of one
/// stretch of a document rather than all of them (memory stays bounded on figure-dense
/// input). Sentences are independent: the same mentions come out whatever the ranges.
pub struct Extractor<'d> {
    document: &'d Document,
    mark: DecimalMark,
    tokens: Vec<Token>,
    ignored: Vec<Span>,
    /// The tokens of the last call's sentences that held a figure, when asked to keep them.
    kept: Option<SentenceTokens>,
}

/// The tokens of some sentences, kept from extraction so that normalising reads the same
/// sentences without cutting them into tokens again. Only sentences tokenised exactly as
/// `token::tokenize` does with the document's own ignored stretches are kept (not those whose
/// URLs or phone numbers extraction also passed over).
#[derive(Debug, Default)]
pub struct SentenceTokens {
    tokens: Vec<Token>,
    /// Each kept sentence's index and its tokens' range in `tokens`, in sentence order.
    sentences: Vec<(usize, std::ops::Range<usize>)>,
}

impl SentenceTokens {
    /// The kept tokens of sentence `index`, if it was kept.
    #[must_use]
    pub fn get(&self, index: usize) -> Option<&[Token]> {
        let at = self.sentences.partition_point(|(sentence, _)| *sentence < index);
        match self.sentences.get(at) {
            Some((sentence, range)) if *sentence == index => Some(&self.tokens[range.clone()]),
            _ => None,
        }
    }

    fn clear(&mut self) {
        self.tokens.clear();
        self.sentences.clear();
    }

    fn keep(&mut self, index: usize, tokens: &[Token]) {
        let start = self.tokens.len();
        self.tokens.extend_from_slice(tokens);
        self.sentences.push((index, start..self.tokens.len()));
    }
}

impl<'d> Extractor<'d> {
    /// Reads the document's decimal mark once.
    #[must_use]
    pub fn new(document: &'d Document) -> Self {
        Self::with_mark(document, detect_decimal_mark(&document.text))
    }

    /// With the decimal mark already read (`number::detect_decimal_mark`): the extractors of a
    /// document's stretches share one reading.
    #[must_use]
    pub fn with_mark(document: &'d Document, mark: DecimalMark) -> Self {
        Self {
            document,
            mark,
            tokens: Vec::new(),
            ignored: Vec::new(),
            kept: None,
        }
    }

    /// Keeps the tokens of each call's sentences that hold a figure, for `kept`.
    #[must_use]
    pub fn keeping_tokens(mut self) -> Self {
        self.kept = Some(SentenceTokens::default());
        self
    }

    /// The tokens kept from the last call of `sentences` (none unless `keeping_tokens`).
    #[must_use]
    pub fn kept(&self) -> Option<&SentenceTokens> {
        self.kept.as_ref()
    }

    /// Appends the mentions of the sentences `range` to `mentions`, in order.
    pub fn sentences(&mut self, range: std::ops::Range<usize>, mentions: &mut Vec<Mention>) {
        let document = self.document;
        if let Some(kept) = &mut self.kept {
            kept.clear();
        }
        for index in range {
            let sentence = &document.sentences[index];
            // Most sentences hold no digit and no number word: not tokenised at all. Debug
            // builds (the tests) read them anyway and check that they hold no figure.
            let holds = prefilter::may_hold_figure(&document.text[sentence.span.range()]);
            if !holds && !cfg!(debug_assertions) {
                continue;
            }
            let (ignored, own) = sentence_ignored(document, sentence.span, &mut self.ignored);
            tokenize(&document.text, sentence.span, ignored, &mut self.tokens);
            let first = mentions.len();
            let mut scanner = scanner_for(&document.text, &self.tokens, self.mark, index, mentions);
            scanner.run();
            debug_assert!(
                holds || mentions.len() == first,
                "the prefilter passed over a sentence with figures: {:?}",
                &document.text[sentence.span.range()]
            );
            share_list_units(&document.text, &mut mentions[first..]);
            if mentions.len() > first
                && !own
                && let Some(kept) = &mut self.kept
            {
                kept.keep(index, &self.tokens);
            }
        }
    }
}

/// A unit written once after a list or a from–to pair covers every figure of it: "the 41, 61
/// and 94 GHz bands", "at 24 and 70 µm", "rose 3, 5 and 7 per cent", "from 4.1 to 4.6%". The
/// figure before the unit's own must be joined to it by "and", "or", "to" or a dash, and
/// earlier ones by commas; only bare counts take the unit ("Of the 120, 40%" keeps its count).
fn share_list_units(text: &str, mentions: &mut [Mention]) {
    // A bare figure without a scale word ("230 million, or 80%" is two quantities).
    let bare = |m: &Mention| {
        m.kind == Kind::Count
            && m.unit.is_none()
            && matches!(m.figure, Figure::Number { .. } | Figure::Range { .. })
            && !text
                .get(m.span.range())
                .unwrap_or(" ")
                .contains(char::is_whitespace)
    };
    let between = |a: &Mention, b: &Mention| text.get(a.span.end..b.span.start).unwrap_or("").trim();
    let scale_of = |m: &Mention| scale_in(text.get(m.span.range()).unwrap_or(""));
    currency_before_scale(text, mentions);
    for index in (1..mentions.len()).rev() {
        let unit = mentions[index].unit;
        let kind = mentions[index].kind;
        // Most figures have no bare figure just before them: decide that first, cheaply.
        if !bare(&mentions[index - 1]) {
            continue;
        }
        let scale = scale_of(&mentions[index]);
        // "41, 61 and 94 GHz", "3, 5 and 8 million vehicles", "5 and 10 million euros".
        let carries = match kind {
            Kind::Percent | Kind::Quantity | Kind::Duration => unit.is_some(),
            Kind::Money => true,
            Kind::Count => scale.is_some(),
            _ => false,
        };
        if !carries {
            continue;
        }
        if index == 0 || !bare(&mentions[index - 1]) {
            continue;
        }
        let last = between(&mentions[index - 1], &mentions[index]);
        let mut at = index - 1;
        while at > 0 && bare(&mentions[at - 1]) && between(&mentions[at - 1], &mentions[at]) == "," {
            at -= 1;
        }
        let listed = at < index - 1;
        let joined = match last {
            // "12.3 ± 0.4 mm", "9.83e-3 +/- 1e-5 km/s2": an uncertainty shares its value's unit.
            "to" | "-" | "–" | "and to" | "±" | "+/-" | "+/−" => true,
            // "a 20 × 20 m plot", "20 x 20 degrees": the sides of an area or a field.
            "×" | "x" => kind == Kind::Quantity,
            // "3 and 5 percent"; not "the age was 26 and 41% of births were": a share of a
            // named whole after a pair of figures is two statements.
            // "under age 6 and $250 a month": a sign written before the second figure would be
            // written before the first too ("$5 and $10"); only a currency after both carries.
            "and" | "or"
                if kind == Kind::Money
                    && !text
                        .get(mentions[index].span.range())
                        .unwrap_or("")
                        .starts_with(|c: char| c.is_ascii_digit()) =>
            {
                false
            }
            "and" | "or" => {
                listed
                    || !text
                        .get(mentions[index].span.end..)
                        .unwrap_or("")
                        .trim_start()
                        .starts_with("of ")
            }
            ", and" | ", or" => listed,
            _ => false,
        };
        if !joined {
            continue;
        }
        // "from 4 to 9 cents": the hundredth written once covers both.
        let hundredths =
            kind == Kind::Money && in_hundredths(text.get(mentions[index].span.range()).unwrap_or(""));
        for mention in &mut mentions[at..index] {
            mention.kind = kind;
            mention.unit = unit;
            if let Some(power) = scale {
                scale_figure(&mut mention.figure, power);
            }
            if hundredths && let Figure::Number { value, precision } = &mut mention.figure {
                (*value, *precision) = (
                    (*value / Decimal::ONE_HUNDRED).normalize(),
                    (*precision / Decimal::ONE_HUNDRED).normalize(),
                );
            }
        }
    }
}

/// Whether a money mention is written in a currency's hundredths ("9 cents", "40 pence"): the
/// words the suffix reader takes as one (`suffix::subunit`).
fn in_hundredths(mention: &str) -> bool {
    mention
        .split(|c: char| !c.is_alphabetic())
        .any(|word| suffix::subunit(word).is_some())
}

/// The power of the scale word written in a mention ("10 million euros" → 6), if any.
fn scale_in(mention: &str) -> Option<u32> {
    mention
        .split(|c: char| c.is_whitespace() || c.is_ascii_digit() || c == '.' || c == ',')
        .filter(|w| !w.is_empty())
        .find_map(crate::lexicon::number_words::scale_word)
}

/// "EUR 5 and 10 million": the currency written before the first figure and the scale after
/// the second cover both.
fn currency_before_scale(text: &str, mentions: &mut [Mention]) {
    for index in 1..mentions.len() {
        let (before, after) = mentions.split_at_mut(index);
        let (a, b) = (&mut before[index - 1], &mut after[0]);
        if a.kind != Kind::Money || b.kind != Kind::Count || b.unit.is_some() {
            continue;
        }
        let joined = matches!(
            text.get(a.span.end..b.span.start).unwrap_or("").trim(),
            "and" | "or"
        );
        if !joined || scale_in(text.get(a.span.range()).unwrap_or("")).is_some() {
            continue;
        }
        let scale = scale_in(text.get(b.span.range()).unwrap_or(""));
        if scale.is_some_and(|power| scale_figure(&mut a.figure, power)) {
            b.kind = Kind::Money;
            b.unit = a.unit;
        }
    }
}

/// Multiplies a figure's value and precision by a scale written elsewhere ("5" in "5 and 10
/// million"); `false`, and the figure unchanged, when it is no single number or would overflow.
fn scale_figure(figure: &mut Figure, power: u32) -> bool {
    let Figure::Number { value, precision } = figure else {
        return false;
    };
    let factor = numeral::pow10(power);
    let (Some(v), Some(p)) = (value.checked_mul(factor), precision.checked_mul(factor)) else {
        return false;
    };
    (*value, *precision) = (v.normalize(), p.normalize());
    true
}

fn scanner_for<'a>(
    text: &'a str,
    tokens: &'a [Token],
    mark: DecimalMark,
    sentence: usize,
    out: &'a mut Vec<Mention>,
) -> Scanner<'a> {
    Scanner {
        text,
        tokens,
        mark,
        sentence,
        floor: 0,
        out,
        facts: std::cell::OnceCell::new(),
    }
}

/// The document's ignored stretches inside `span`, plus the URLs and e-mail addresses in it;
/// and whether it added any of its own (URLs, addresses, phone numbers may be added).
fn sentence_ignored<'a>(document: &'a Document, span: Span, buffer: &'a mut Vec<Span>) -> (&'a [Span], bool) {
    let text = &document.text[span.range()];
    let has_links = text.contains("://")
        || text.contains("www.")
        || text.contains('@')
        || text.contains('+')
        || may_hold_local_phone(text);
    let first = document.ignored.partition_point(|s| s.end <= span.start);
    let last = document.ignored.partition_point(|s| s.start < span.end);
    if !has_links {
        return (&document.ignored[first..last], false);
    }
    buffer.clear();
    buffer.extend_from_slice(&document.ignored[first..last]);
    let mut at = 0;
    for word in text.split_inclusive(char::is_whitespace) {
        let trimmed = word.trim_end();
        if trimmed.contains("://")
            || trimmed.contains("www.")
            || (trimmed.contains('@') && trimmed.contains('.'))
        {
            buffer.push(Span::new(span.start + at, span.start + at + trimmed.len()));
        }
        at += word.len();
    }
    phone_numbers(text, span.start, buffer);
    buffer.sort_unstable();
    (buffer, true)
}

/// Whether a sentence may hold a phone number written without "+": a digit before ")", or
/// three digits, a dash or dot and four digits with a word of the telephone in the sentence
/// (checked closely by `phone_numbers`). The digits are looked for first: they are rare, and
/// the words' search costs more.
fn may_hold_local_phone(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = |run: Option<&[u8]>| run.is_some_and(|run| run.iter().all(u8::is_ascii_digit));
    memchr::memchr_iter(b')', bytes).any(|at| at >= 4 && bytes[at - 1].is_ascii_digit())
        || memchr::memchr_iter(b'0', bytes).any(|at| national_phone_at(bytes, at).is_some())
        || (memchr::memchr2_iter(b'-', b'.', bytes)
            .any(|at| at >= 3 && digits(bytes.get(at - 3..at)) && digits(bytes.get(at + 1..at + 5)))
            && PHONE_WORDS.is_match(text))
}

/// Words that say the digits after them are a telephone number ("Tel. 372-7811", "Toll free:
/// 876-7811"), in any case.
const PHONE_WORD_LIST: &[&str] = &[
    "phone",
    "call ",
    "tel",
    "fax",
    "toll free",
    "toll-free",
    "hotline",
    "switchboard",
];

static PHONE_WORDS: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(PHONE_WORD_LIST)
        .expect("fixed words build")
});

/// Phone numbers, never claims: international ones, "+" and digit groups spaced or dashed
/// ("+44 20 7946 0958"); North American ones with the area code in parentheses ("(812)
/// 372-7811") or dotted ("812.372.7811"); and a local "372-7811" after a word of the telephone.
fn phone_numbers(text: &str, offset: usize, out: &mut Vec<Span>) {
    let found_before = out.len();
    international_phone_numbers(text, offset, out);
    grouped_phone_numbers(text, offset, out);
    local_phone_numbers(text, offset, out);
    contact_parentheticals(text, offset, found_before, out);
}

/// North American and local numbers (see `phone_numbers`).
fn local_phone_numbers(text: &str, offset: usize, out: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    for at in memchr::memchr_iter(b'0', bytes) {
        if let Some(end) = national_phone_at(bytes, at) {
            out.push(Span::new(offset + relay_prefix_start(bytes, at), offset + end));
        }
    }
    let digits_at = |at: usize, count: usize| {
        bytes
            .get(at..at + count)
            .is_some_and(|run| run.iter().all(u8::is_ascii_digit))
            && !bytes.get(at + count).is_some_and(u8::is_ascii_alphanumeric)
    };
    // "ddd-dddd" or "ddd.dddd" at `at`: the local part.
    let local_at = |at: usize| {
        digits_at(at, 3)
            && matches!(bytes.get(at + 3), Some(b'-' | b'.'))
            && digits_at(at + 4, 4)
            && (at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || matches!(bytes[at - 1], b'-' | b'.')))
    };
    for at in memchr::memchr_iter(b'(', bytes) {
        // "(812) 372-7811", "(812)372-7811".
        if digits_at(at + 1, 3) && bytes.get(at + 4) == Some(&b')') {
            let local = if bytes.get(at + 5) == Some(&b' ') {
                at + 6
            } else {
                at + 5
            };
            if local_at(local) {
                out.push(Span::new(offset + at, offset + local + 8));
            } else if let Some(end) = spaced_local_at(bytes, local) {
                // "(212) 560 – 6928": the local part's dash set apart.
                out.push(Span::new(offset + at, offset + end));
            }
        }
    }
    for (at, _) in text.match_indices(|c: char| c.is_ascii_digit()) {
        if at > 0 && bytes[at - 1].is_ascii_alphanumeric() {
            continue;
        }
        // "812.372.7811", "800-876-7811".
        let separator = bytes.get(at + 3).copied();
        if digits_at(at, 3)
            && matches!(separator, Some(b'-' | b'.'))
            && digits_at(at + 4, 3)
            && bytes.get(at + 7).copied() == separator
            && digits_at(at + 8, 4)
        {
            out.push(Span::new(offset + at, offset + at + 12));
        } else if local_at(at) && after_phone_word(&text[..at]) {
            out.push(Span::new(offset + at, offset + at + 8));
        }
    }
}

/// Where a local part written "560 – 6928" or "560 - 6928" (three digits, a dash set apart,
/// four digits) that starts at `at` ends, if one does.
fn spaced_local_at(bytes: &[u8], at: usize) -> Option<usize> {
    let digits = |from: usize, count: usize| {
        bytes
            .get(from..from + count)
            .is_some_and(|run| run.iter().all(u8::is_ascii_digit))
            && !bytes.get(from + count).is_some_and(u8::is_ascii_digit)
    };
    let dash = match bytes.get(at + 3..at + 6) {
        Some([b' ', b'-', b' ']) => 3,
        Some([b' ', 0xE2, 0x80]) if matches!(bytes.get(at + 6..at + 8), Some([0x93, b' '])) => 5,
        _ => return None,
    };
    (digits(at, 3) && digits(at + 3 + dash, 4)).then_some(at + 3 + dash + 4)
}

/// Digit groups dialled with a country code and no "+": three groups or more joined by dashes
/// or spaces, one dash at least, 10 to 15 digits ("212-667-350123", "212 5243-32342"); or four
/// groups or more joined by spaces alone, 9 to 15 digits, that fill a slot of a listing after
/// "(", ";" or ":" up to ")", ";" or the end ("; 212 24 43 61 08)"). Figures are not written
/// so: thousands groups have three digits each and no dash, and a row of numbers stands in a
/// table, not in a parenthesis after an address.
fn grouped_phone_numbers(text: &str, offset: usize, out: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(start) = crate::span::next_byte(bytes, at, |b| b.is_ascii_digit()) {
        let (mut end, mut groups, mut digits, mut dashes) = (start, 0, 0, 0);
        loop {
            let run = bytes[end..].iter().take_while(|b| b.is_ascii_digit()).count();
            (end, groups, digits) = (end + run, groups + 1, digits + run);
            match (bytes.get(end), bytes.get(end + 1)) {
                (Some(&separator @ (b' ' | b'-')), Some(next)) if next.is_ascii_digit() => {
                    dashes += usize::from(separator == b'-');
                    end += 1;
                }
                _ => break,
            }
        }
        at = end;
        // Nothing glued before (a path or DOI's "/", a decimal, a currency) or after (a time's
        // ":", a decimal part); the first group a country or trunk code ("2018-10-12 06:53" is a
        // date and a time).
        let first = bytes[start..].iter().take_while(|b| b.is_ascii_digit()).count();
        let glued_before =
            start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || b"./,$-".contains(&bytes[start - 1]));
        let glued_after = bytes.get(end).is_some_and(|&b| {
            b.is_ascii_alphanumeric()
                || b == b'%'
                || b == b':'
                || (matches!(b, b'.' | b',') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit))
        });
        if glued_before || glued_after || (first > 3 && bytes[start] != b'0') {
            continue;
        }
        let dashed = dashes > 0 && groups >= 3 && (10..=15).contains(&digits);
        let slot_before = text[..start].trim_end().ends_with(['(', ';', ':']);
        let slot_after = matches!(text[end..].trim_start().bytes().next(), None | Some(b')' | b';'));
        let spaced = dashes == 0 && groups >= 4 && (9..=15).contains(&digits) && slot_before && slot_after;
        if dashed || spaced {
            out.push(Span::new(offset + start, offset + end));
        }
    }
}

/// Bytes either side of a phone number searched for the parenthesis of a listing around it.
const LISTING_BYTES: usize = 160;

/// A parenthesis that lists a place and its telephone ("(369 Harbour Road; 212-524-3366-73)"):
/// the number the address starts with is no figure either, so the whole parenthesis is set
/// aside when a phone number found since `found_before` stands in it after a ";".
fn contact_parentheticals(text: &str, offset: usize, found_before: usize, out: &mut Vec<Span>) {
    let mut listed = Vec::new();
    for phone in &out[found_before..] {
        let start = phone.start - offset;
        // A listing's parenthesis is short: looked for within `LISTING_BYTES` either side, so
        // that a long sentence of many numbers is not searched over and over.
        let from = crate::span::floor_char_boundary(text, start.saturating_sub(LISTING_BYTES));
        let Some(open) = text[from..start].rfind('(').map(|at| from + at) else {
            continue;
        };
        let inside = &text[open + 1..start];
        if inside.contains(')') || !inside.contains(';') {
            continue;
        }
        let to = crate::span::floor_char_boundary(text, (phone.end - offset + LISTING_BYTES).min(text.len()));
        if let Some(close) = text[start..to].find(')') {
            listed.push(Span::new(offset + open, offset + start + close + 1));
        }
    }
    out.extend(listed);
}

/// Whether a word of the telephone stands just before: "Tel. ", "Phone: ", "Toll Free: ".
fn after_phone_word(before: &str) -> bool {
    let window = &before[crate::span::floor_char_boundary(before, before.len().saturating_sub(24))..];
    PHONE_WORDS.is_match(window)
}

/// A number dialled within its country, with the trunk "0" and its groups spaced or dashed
/// ("0345 744 4422", "0800 138 1016", "020-7946-0958", "01 23 45 67 89"): a first group of 2
/// to 5 digits that starts with "0", then groups of 2 to 7 digits, 9 to 12 digits in all (15
/// after "00", the prefix for dialling abroad).
/// No figure is written so: a count or amount never starts with a zero before more digits.
/// Returns where the number ends, if one starts at `at`.
fn national_phone_at(bytes: &[u8], at: usize) -> Option<usize> {
    if bytes.get(at) != Some(&b'0')
        || at > 0
            && (bytes[at - 1].is_ascii_alphanumeric()
                || matches!(bytes[at - 1], b'.' | b',' | b'-' | b'+' | b'/'))
    {
        return None;
    }
    // "000 000 000" is the tail of a figure spaced in thousands ("1 000 000 000"), as is any
    // group after one of three digits or fewer; "00" opens a number dialled abroad.
    if bytes.get(at..at + 3) == Some(b"000") || digits_before_separator(bytes, at).is_some_and(|run| run <= 3)
    {
        return None;
    }
    let (mut end, mut groups, mut digits) = (at, 0, 0);
    loop {
        let run = bytes[end..].iter().take_while(|b| b.is_ascii_digit()).count();
        if !(2..=7).contains(&run) || (groups == 0 && run > 5) {
            break;
        }
        (end, groups, digits) = (end + run, groups + 1, digits + run);
        // A space, a no-break space or a dash, then the next group.
        let separator = match bytes.get(end..end + 2) {
            Some([0xC2, 0xA0]) => 2,
            _ if matches!(bytes.get(end), Some(b' ' | b'-')) => 1,
            _ => break,
        };
        if !bytes.get(end + separator).is_some_and(u8::is_ascii_digit) {
            break;
        }
        end += separator;
    }
    // `end` may stand after a separator whose group was refused: back to the last digit.
    while end > at && !bytes[end - 1].is_ascii_digit() {
        end -= 1;
    }
    // Nothing glued after it: a letter, "%", or a decimal or thousands part.
    let glued = match bytes.get(end) {
        Some(b'.' | b',') => bytes.get(end + 1).is_some_and(u8::is_ascii_digit),
        Some(&b) => b.is_ascii_alphanumeric() || b == b'%',
        None => false,
    };
    // A number dialled abroad ("0044 20 7946 0958") carries its country code too.
    let most = if bytes.get(at + 1) == Some(&b'0') { 15 } else { 12 };
    (groups >= 2 && (9..=most).contains(&digits) && !glued).then_some(end)
}

/// The number of digits in the group that ends just before a space, no-break space or dash
/// before `at`, if there is one.
fn digits_before_separator(bytes: &[u8], at: usize) -> Option<usize> {
    let separator = match bytes.get(at.checked_sub(2)?..at) {
        Some([0xC2, 0xA0]) => 2,
        Some([_, b' ' | b'-']) => 1,
        _ => return None,
    };
    let run = bytes[..at - separator]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit())
        .count();
    (run > 0).then_some(run)
}

/// Where a national number dialled through a relay service starts: a group of 4 to 6 digits
/// just before it ("18001 0800 107 2149", the text relay prefix) is part of what is dialled.
fn relay_prefix_start(bytes: &[u8], at: usize) -> usize {
    if at < 2 || bytes[at - 1] != b' ' {
        return at;
    }
    let Some(run) = digits_before_separator(bytes, at) else {
        return at;
    };
    let start = at - 1 - run;
    let bounded = start == 0 || !bytes[start - 1].is_ascii_alphanumeric();
    if (4..=6).contains(&run) && bounded {
        start
    } else {
        at
    }
}

/// "+" and digit groups spaced or dashed ("+44 20 7946 0958").
fn international_phone_numbers(text: &str, offset: usize, out: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    for (plus, _) in text.match_indices('+') {
        if !bytes.get(plus + 1).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        let mut end = plus + 1;
        let mut digits = 0;
        while end < bytes.len() {
            match bytes[end] {
                b'0'..=b'9' => digits += 1,
                b' ' | b'-' | b'(' | b')' | b'.'
                    if bytes
                        .get(end + 1)
                        .is_some_and(|b| b.is_ascii_digit() || *b == b'(') => {}
                _ => break,
            }
            end += 1;
        }
        if digits >= 8 {
            out.push(Span::new(offset + plus, offset + end));
        }
    }
}

/// The scanner over one sentence's tokens.
struct Scanner<'a> {
    text: &'a str,
    tokens: &'a [Token],
    mark: DecimalMark,
    sentence: usize,
    /// Tokens before this index belong to an earlier mention.
    floor: usize,
    out: &'a mut Vec<Mention>,
    /// What the whole sentence says of its figures, read once when first asked
    /// (`figure_or_name::SentenceFacts`).
    facts: std::cell::OnceCell<figure_or_name::SentenceFacts>,
}

/// A figure parsed at some token, before its qualifier is looked up.
struct Parsed {
    kind: Kind,
    figure: Figure,
    unit: Option<&'static str>,
    /// First and one-past-last token.
    start: usize,
    end: usize,
    /// Already qualified (ranges, suffix qualifiers): no look-back.
    qualifier: Option<(Qualifier, Option<Span>)>,
    /// The power of ten of a scale word read after the numeral ("million" → 6).
    scale: Option<u32>,
}

impl<'a> Scanner<'a> {
    fn run(&mut self) {
        let mut at = 0;
        while at < self.tokens.len() {
            let token = self.tokens[at];
            if token.is_word()
                && !crate::lexicon::number_words::may_start_figure(&self.text[token.span.range()])
            {
                at = self.skip_name(at);
                continue;
            }
            // Scientific notation: "1.3 × 10^6", "10^-3", "1.3e6".
            if let Some(parsed) = self.scientific(at) {
                at = parsed.end;
                self.emit(parsed);
                self.floor = at;
                continue;
            }
            // "30:1", "an 80/20 split".
            if let Some(parsed) = self.ratio(at) {
                at = parsed.end;
                self.emit(parsed);
                self.floor = at;
                continue;
            }
            // A power the scientific reader refused (an exponent of three digits, a value too
            // large to hold exactly) states no figure; its base and exponent are not counts.
            if self.is_power(at) {
                at = self.skip_name(at);
                continue;
            }
            if self.is_power(at + 2)
                && self.tokens[at].is_number()
                && (self.word_is(at + 1, "x") || self.punct_is(at + 1, '×'))
            {
                at = self.skip_name(at + 2);
                continue;
            }
            if let Some(parsed) = self.figure_at(at) {
                at = parsed.end.max(at + 1);
                self.emit(parsed);
                self.floor = at;
            } else {
                at = self.skip_name(at);
            }
        }
    }

    fn emit(&mut self, parsed: Parsed) {
        if self.intensifies(&parsed) {
            return;
        }
        let span = Span::new(
            self.tokens[parsed.start].span.start,
            self.tokens[parsed.end - 1].span.end,
        );
        let (qualifier, qualifier_span) = match parsed.qualifier {
            Some(q) => q,
            None if parsed.kind.is_temporal() || parsed.kind == Kind::Ordinal => (Qualifier::Exact, None),
            None => self.qualifier_before(parsed.start),
        };
        self.out.push(Mention {
            kind: parsed.kind,
            span,
            qualifier,
            qualifier_span,
            figure: parsed.figure,
            unit: parsed.unit,
            sentence: self.sentence,
        });
    }

    /// "100 percent sure", "100% behind the plan": a hundred percent as a word of emphasis
    /// before an adjective of certainty or commitment, no share of anything.
    fn intensifies(&self, parsed: &Parsed) -> bool {
        // Words of a state of mind only: "100% accurate" and "100% complete" measure something.
        const CERTAIN: [&str; 10] = [
            "sure",
            "certain",
            "confident",
            "committed",
            "honest",
            "behind",
            "positive",
            "convinced",
            "serious",
            "focused",
        ];
        // "a business that suits you 100%.", "I agree 100 percent": after a pronoun or a
        // verb of agreeing, closing the clause.
        const AFTER: [&str; 10] = [
            "you", "me", "it", "him", "her", "them", "us", "agree", "agreed", "agrees",
        ];
        if parsed.kind != Kind::Percent
            || parsed.end != parsed.start + 2
            || self.surface(parsed.start) != "100"
        {
            return false;
        }
        let closes_clause = self.word(parsed.end).is_none()
            && parsed
                .start
                .checked_sub(1)
                .and_then(|before| self.word(before))
                .is_some_and(|w| AFTER.iter().any(|a| w.eq_ignore_ascii_case(a)));
        closes_clause
            || self
                .word(parsed.end)
                .is_some_and(|w| CERTAIN.iter().any(|c| w.eq_ignore_ascii_case(c)))
    }

    fn qualifier_before(&self, start: usize) -> (Qualifier, Option<Span>) {
        match qualifier::before(self.text, self.tokens, start, self.floor) {
            Some((qualifier, first)) => {
                let span = Span::new(self.tokens[first].span.start, self.tokens[start - 1].span.end);
                (qualifier, Some(span))
            }
            None => (Qualifier::Exact, None),
        }
    }

    // --- token helpers -------------------------------------------------------------------

    fn token(&self, index: usize) -> Option<&'a Token> {
        self.tokens.get(index)
    }

    fn surface(&self, index: usize) -> &'a str {
        self.tokens.get(index).map_or("", |t| &self.text[t.span.range()])
    }

    /// The word at `index`, if that token is a word.
    fn word(&self, index: usize) -> Option<&'a str> {
        self.token(index)
            .filter(|t| t.is_word())
            .map(|t| &self.text[t.span.range()])
    }

    fn word_is(&self, index: usize, expected: &str) -> bool {
        self.word(index).is_some_and(|w| w.eq_ignore_ascii_case(expected))
    }

    fn punct_is(&self, index: usize, c: char) -> bool {
        self.token(index).is_some_and(|t| t.is_punct(c))
    }

    fn glued(&self, index: usize) -> bool {
        self.token(index).is_some_and(Token::glued)
    }

    fn is_dash(&self, index: usize) -> bool {
        self.token(index)
            .is_some_and(|t| matches!(t.kind, TokenKind::Punct('-' | '–' | '—')))
    }

    /// The previous word (skipping nothing), lowercased comparisons are up to the caller.
    fn previous_word(&self, index: usize) -> Option<&'a str> {
        index.checked_sub(1).and_then(|i| self.word(i))
    }

    /// Is the token at `index` the first of its sentence, ignoring opening quotes and brackets?
    fn starts_sentence(&self, index: usize) -> bool {
        // Bounded: a sentence opens with at most a few quotes and brackets.
        index <= 3
            && self.tokens[..index]
                .iter()
                .all(|t| matches!(t.kind, TokenKind::Punct('“' | '"' | '‘' | '\'' | '(' | '[')))
    }

    /// Steps past a token that starts no figure; a glued name ("5G", "TC28/SC41", "COVID-19")
    /// is stepped over whole so its digits are not read as figures one by one.
    fn skip_name(&self, at: usize) -> usize {
        let mut end = at + 1;
        // "and−2341 m": a conjunction a PDF glued to the signed figure after it.
        if self.word(at).is_some_and(|w| matches!(w, "and" | "or" | "to"))
            && self.token(end).is_some_and(|t| t.is_punct('−'))
            && self.token(end + 1).is_some_and(|t| t.is_number() && t.glued())
        {
            return end;
        }
        if self.tokens[at].is_number() || self.tokens[at].is_word() {
            while end < self.tokens.len() && self.glued(end) && !self.ends_glued_run(end) {
                end += 1;
            }
        }
        end
    }

    /// A number raised to a power: "10^-3", "10^6".
    fn is_power(&self, index: usize) -> bool {
        self.token(index).is_some_and(Token::is_number)
            && self.punct_is(index + 1, '^')
            && self.glued(index + 1)
    }

    /// Punctuation that ends a glued run rather than joining it.
    fn ends_glued_run(&self, index: usize) -> bool {
        matches!(
            self.tokens[index].kind,
            TokenKind::Punct(
                ',' | '.' | ';' | ':' | ')' | ']' | '”' | '’' | '"' | '\'' | '?' | '!' | '(' | '%'
                    // "p<0.001", "CaP=1.67", "Jsc∼2–3 mA/cm2": a value after a relation sign.
                    | '=' | '<' | '>' | '≈' | '∼' | '~' | '≤' | '≥' | '≃'
            )
        )
    }
}

/// The figures extraction finds in a line of plain text, as (kind, text as written, value),
/// for the unit tests of the scanner's files.
#[cfg(test)]
pub(super) fn figures(text: &str) -> Vec<(Kind, String, Option<Decimal>)> {
    let options = crate::ingest::IngestOptions {
        format: crate::ingest::FormatChoice::Text,
        ..crate::ingest::IngestOptions::default()
    };
    let document = crate::ingest::parse(text.as_bytes(), std::path::Path::new("test.txt"), &options)
        .expect("text parses");
    extract(&document)
        .into_iter()
        .map(|mention| {
            let value = match mention.figure {
                Figure::Number { value, .. } => Some(value),
                _ => None,
            };
            (mention.kind, document.slice(mention.span).to_owned(), value)
        })
        .collect()
}
