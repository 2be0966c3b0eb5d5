//! Values: a numeral (digits or words), its scale, its currency, percent sign or unit, a range,
//! and the checks that tell a figure from a name.

use rust_decimal::Decimal;

/// Most decimal places a figure may have: `Decimal` holds 28 significant digits.
const MAX_FRACTION_DIGITS: usize = 27;

use super::number::{parse_digits, round_significant, vulgar_fraction};
use super::token::TokenKind;
use super::{Figure, Parsed, Scanner};
use crate::claim::{Kind, Qualifier};
use crate::lexicon::labels::{is_label_word, is_name_prefix};
use crate::lexicon::number_words::{
    NumberWord, fraction_denominator, is, number_word, ordinal_suffix_fits, scale_abbreviation, scale_word,
};
use crate::lexicon::units::{
    UnitKind, currency_code, currency_name, currency_symbol, lowercase_currency_code, prefixed_symbol,
    unit_word,
};
use crate::span::Span;

/// A number read from digits or words, before scale and unit.
#[derive(Debug, Clone, Copy)]
pub(super) struct Numeral {
    pub value: Decimal,
    pub precision: Decimal,
    pub start: usize,
    pub end: usize,
    /// Written in words.
    pub words: bool,
    /// A share written as a fraction ("three quarters", "one in five"): a percentage.
    pub share: bool,
    /// Digits with no separators or decimals.
    pub plain_integer: bool,
}

/// What follows a numeral and says what it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Suffix {
    pub(super) kind: Kind,
    pub(super) unit: Option<&'static str>,
    pub(super) factor: u32,
}

impl Suffix {
    const fn of(kind: Kind, unit: Option<&'static str>, factor: u32) -> Self {
        Self { kind, unit, factor }
    }
}

const DETERMINERS: &[&str] = &[
    "the", "its", "their", "his", "her", "our", "all", "those", "these", "this", "that", "a", "an", "my",
    "your",
];

/// A currency's hundredth written after a figure: "cents" (dollars), "pence" (pounds).
fn subunit(word: &str) -> Option<&'static str> {
    match word {
        "cents" | "cent" => Some("USD"),
        "pence" | "penny" => Some("GBP"),
        _ => None,
    }
}

/// The ends of a range as written, read the way typesetting means them: an abbreviated second
/// end ("pages 3553-62", "127-36") takes the first end's leading digits, and a range of
/// negative values written by magnitude ("−0.6 to −1.3") runs from the lower.
fn ordered_ends(low: Decimal, high: Decimal) -> (Decimal, Decimal) {
    if low.is_sign_negative() && high.is_sign_negative() && high < low {
        return (high, low);
    }
    let whole = |d: Decimal| d.fract().is_zero() && !d.is_sign_negative();
    if whole(low) && whole(high) && high < low && high > Decimal::ZERO {
        let digits = |d: Decimal| d.trunc().to_string().len();
        let (first_digits, second_digits) = (digits(low), digits(high));
        if second_digits < first_digits {
            let place = pow10(u32::try_from(second_digits).unwrap_or(0));
            let mut expanded = low - (low % place) + high;
            if expanded < low {
                expanded += place;
            }
            return (low, expanded);
        }
    }
    (low, high)
}

pub(super) fn pow10(power: u32) -> Decimal {
    Decimal::from_i128_with_scale(10i128.pow(power), 0)
}

impl Scanner<'_> {
    /// A value figure starting at `at`: optional currency prefix, numeral, scale, suffix,
    /// suffix qualifier, range.
    pub(super) fn value(&self, at: usize) -> Option<Parsed> {
        let (currency, numeral_at) = match self.currency_prefix(at) {
            Some((code, next)) => (Some(code), next),
            None => (None, at),
        };
        let numeral = self.numeral(numeral_at)?;
        if currency.is_none() && !self.numeral_is_figure(&numeral, false) {
            return None;
        }
        if currency.is_none() {
            if let Some(ordinal) = self.compound_ordinal(&numeral) {
                return Some(ordinal);
            }
        }
        let mut parsed = self.complete(numeral, currency, at)?;
        if parsed.qualifier.is_none() {
            if let Some(range) = self.range_after(&parsed, false) {
                parsed = range;
            }
        }
        Some(parsed)
    }

    /// From a numeral, adds scale and suffix into a parsed figure starting at token `start`.
    fn complete(&self, numeral: Numeral, currency: Option<&'static str>, start: usize) -> Option<Parsed> {
        let mut value = numeral.value;
        let mut precision = numeral.precision;
        let mut end = numeral.end;
        let mut scale = None;
        if !numeral.share {
            if let Some((power, next)) = self.scale(end, currency.is_some(), numeral.words) {
                scale = Some(power);
                value = value.checked_mul(pow10(power))?;
                precision = precision.checked_mul(pow10(power))?;
                end = next;
                // "3 million and a half"
                if self.word_is(end, "and") && (self.word_is(end + 1, "a") || self.word_is(end + 1, "one")) {
                    if let Some(denominator) = self.word(end + 2).and_then(fraction_denominator) {
                        let part = pow10(power) / Decimal::from(denominator);
                        value = value.checked_add(part)?;
                        precision = precision.min(part);
                        end += 3;
                    }
                }
            }
        }
        let mut suffix = Suffix::of(if numeral.share { Kind::Percent } else { Kind::Count }, None, 1);
        if numeral.share {
            suffix.unit = Some("%");
        } else if let Some(code) = currency {
            suffix = Suffix::of(Kind::Money, Some(code), 1);
            // "$5 billion USD" repeats the code: take it into the span.
            if self.word(end).and_then(currency_code) == Some(code) {
                end += 1;
            }
        } else if let Some((found, next)) = self.suffix(end) {
            suffix = found;
            end = next;
            if suffix.kind == Kind::Money {
                // "75 USD million": a scale after the code.
                if scale.is_none() && value.fract().is_zero() {
                    if let Some((power, next)) = self.word(end).and_then(scale_word).map(|p| (p, end + 1)) {
                        scale = Some(power);
                        value = value.checked_mul(pow10(power))?;
                        precision = precision.checked_mul(pow10(power))?;
                        end = next;
                    }
                }
                if let Some((cents, next)) = self.cents(end) {
                    value = value.checked_add(cents)?;
                    precision = Decimal::new(1, 2);
                    end = next;
                }
            }
        } else if let Some(code) = self.word(end).and_then(subunit) {
            // "50 cents", "470 pence" alone.
            value = value.checked_div(Decimal::from(100))?;
            precision = precision.checked_div(Decimal::from(100))?;
            suffix = Suffix::of(Kind::Money, Some(code), 1);
            end += 1;
        }
        if suffix.factor != 1 {
            value = value.checked_mul(Decimal::from(suffix.factor))?;
            precision = precision.checked_mul(Decimal::from(suffix.factor))?;
        }
        // A bare "one", "a" or "an" must have said what it counts by now.
        if numeral.words
            && numeral.value == Decimal::ONE
            && suffix.kind == Kind::Count
            && end == numeral.end
            && !numeral.share
        {
            let scaled = numeral.end > numeral.start + 1;
            if !scaled {
                return None;
            }
        }
        // "800,000+", "50 or more": a qualifier written after, unless one is written before.
        let mut qualifier = None;
        if let Some((found, next)) = super::qualifier::after(self.text, self.tokens, end) {
            if self.qualifier_before(start).1.is_none() {
                let span = Span::new(self.tokens[end].span.start, self.tokens[next - 1].span.end);
                qualifier = Some((found, Some(span)));
            }
        }
        Some(Parsed {
            kind: suffix.kind,
            figure: Figure::Number {
                value: value.normalize(),
                precision: precision.normalize(),
            },
            unit: suffix.unit,
            start,
            end,
            qualifier,
            scale,
        })
    }

    /// A currency written before the numeral: "$", "US$", "€", "EUR ", "USD34.6". Returns the
    /// code and the index of the numeral.
    pub(super) fn currency_prefix(&self, at: usize) -> Option<(&'static str, usize)> {
        let token = self.token(at)?;
        let numeral_follows = |index: usize| {
            self.token(index).is_some_and(|t| {
                t.is_number()
                    || (t.is_word()
                        && (number_word(self.surface(index)).is_some() || is(self.surface(index), "a")))
                    || matches!(t.kind, TokenKind::Punct('-' | '−'))
            })
        };
        match token.kind {
            TokenKind::Punct(c) => {
                let code = currency_symbol(c)?;
                numeral_follows(at + 1).then_some((code, at + 1))
            }
            TokenKind::Word => {
                let word = self.surface(at);
                if let Some(code) = currency_code(word) {
                    // "USD34.6" glued, "EUR 15" spaced.
                    return numeral_follows(at + 1).then_some((code, at + 1));
                }
                // "US$", "HK$"; in lower-cased text also spaced ("c $ 16.4", "hk $ 10").
                let symbol = match self.token(at + 1)?.kind {
                    TokenKind::Punct(c)
                        if self.glued(at + 1) || word.chars().all(|c| c.is_ascii_lowercase()) =>
                    {
                        c
                    }
                    _ => return None,
                };
                let upper = word.to_ascii_uppercase();
                // "USD$ 15", "CAD$15": a code with a symbol after it.
                let code = prefixed_symbol(&upper, symbol)
                    .or_else(|| currency_code(&upper).filter(|_| currency_symbol(symbol).is_some()))?;
                if !self.glued(at + 1) && word.len() > 2 {
                    return None;
                }
                numeral_follows(at + 2).then_some((code, at + 2))
            }
            TokenKind::Number => None,
        }
    }

    /// Reads a numeral at `at`.
    pub(super) fn numeral(&self, at: usize) -> Option<Numeral> {
        let numeral = self.bare_numeral(at)?;
        Some(if numeral.share {
            numeral
        } else {
            self.extended(numeral)
        })
    }

    /// A numeral's tail: "1/4" after a whole number or alone, "and a half", "dozens".
    fn extended(&self, mut numeral: Numeral) -> Numeral {
        let end = numeral.end;
        // "3/4", "2 1/4": a fraction in digits (not "5/17/2018", not "24/7" after a word).
        if !numeral.words && numeral.plain_integer {
            // "-4/5": the minus sign stands before the numerator.
            let negative =
                self.tokens[numeral.start].is_punct('-') || self.tokens[numeral.start].is_punct('−');
            let numerator = numeral.start + usize::from(negative);
            if let Some((fraction, next)) = self.slash_fraction(numerator) {
                return Numeral {
                    value: if negative { -fraction } else { fraction },
                    precision: self.fraction_part(numerator),
                    end: next,
                    plain_integer: false,
                    ..numeral
                };
            }
            if let Some((fraction, next)) = self.slash_fraction(end).filter(|_| self.tokens[end].space_before)
            {
                if fraction < Decimal::ONE {
                    let value = numeral.value + fraction;
                    return Numeral {
                        value,
                        precision: self.fraction_part(end),
                        end: next,
                        plain_integer: false,
                        ..numeral
                    };
                }
            }
        }
        // "two and a half", "five and a quarter", "one and three quarters"
        if self.word_is(end, "and") {
            let (count, denominator_at) = match self.word(end + 1) {
                Some(w) if is(w, "a") || is(w, "one") => (Decimal::ONE, end + 2),
                Some(w) => match number_word(w) {
                    Some(NumberWord::Unit(n @ 2..=9)) => (Decimal::from(n), end + 2),
                    _ => (Decimal::ZERO, end),
                },
                None => (Decimal::ZERO, end),
            };
            if let Some(denominator) = self.word(denominator_at).and_then(fraction_denominator) {
                let part = count / Decimal::from(denominator);
                if !count.is_zero() && part < Decimal::ONE {
                    numeral.value += round_significant(part);
                    numeral.precision = numeral
                        .precision
                        .min(round_significant(Decimal::ONE / Decimal::from(denominator)));
                    numeral.end = denominator_at + 1;
                    numeral.plain_integer = false;
                    return numeral;
                }
            }
        }
        // "3 dozens", "three dozen"
        if self
            .word(end)
            .is_some_and(|w| is(w, "dozens") || (is(w, "dozen") && !numeral.words))
        {
            numeral.value *= Decimal::from(12);
            numeral.end = end + 1;
            numeral.plain_integer = false;
        }
        numeral
    }

    /// A fraction written with a slash at `at`: "3/4" (two small whole numbers glued to the
    /// slash, nothing glued after). Returns its value and the index past it.
    fn slash_fraction(&self, at: usize) -> Option<(Decimal, usize)> {
        self.token(at).filter(|t| t.is_number())?;
        if !(self.punct_is(at + 1, '/') && self.glued(at + 1) && self.glued(at + 2)) {
            return None;
        }
        self.token(at + 2).filter(|t| t.is_number())?;
        if self
            .token(at + 3)
            .is_some_and(|t| t.glued() && (t.is_punct('/') || t.is_number() || t.is_word()))
        {
            return None;
        }
        if at > 0 && self.glued(at) && !self.tokens[at - 1].is_punct('-') {
            return None;
        }
        let numerator: u32 = self.surface(at).parse().ok()?;
        let denominator: u32 = self.surface(at + 2).parse().ok()?;
        if !(2..=1000).contains(&denominator) || !(1..=1000).contains(&numerator) {
            return None;
        }
        Some((
            round_significant(Decimal::from(numerator) / Decimal::from(denominator)),
            at + 3,
        ))
    }

    /// One part of the denominator of the fraction at `at` ("3/4" → 0.25): its precision.
    fn fraction_part(&self, at: usize) -> Decimal {
        let denominator: u32 = self.surface(at + 2).parse().unwrap_or(1);
        round_significant(Decimal::ONE / Decimal::from(denominator.max(1)))
    }

    /// A numeral without its tail.
    fn bare_numeral(&self, at: usize) -> Option<Numeral> {
        let token = self.token(at)?;
        match token.kind {
            TokenKind::Number => self.digits(at, false),
            TokenKind::Punct('-' | '−') => {
                let next = self.token(at + 1)?;
                let starts = token.space_before || at == 0;
                (next.is_number() && next.glued() && starts)
                    .then(|| self.digits(at + 1, true))
                    .flatten()
                    .map(|mut n| {
                        n.start = at;
                        n
                    })
            }
            // ".08": a decimal without its leading zero.
            TokenKind::Punct('.') => {
                let next = self.token(at + 1)?;
                let starts = token.space_before || at == 0;
                let digits = self.surface(at + 1);
                // A decimal holds at most 28 digits; a longer run is no figure anyone states.
                if !(next.is_number()
                    && next.glued()
                    && starts
                    && digits.len() <= MAX_FRACTION_DIGITS
                    && digits.bytes().all(|b| b.is_ascii_digit()))
                {
                    return None;
                }
                let value: Decimal = format!("0.{digits}").parse().ok()?;
                let precision = Decimal::new(1, digits.len() as u32);
                Some(Numeral {
                    value,
                    precision,
                    start: at,
                    end: at + 2,
                    words: false,
                    share: false,
                    plain_integer: false,
                })
            }
            TokenKind::Word if is(self.surface(at), "minus") || is(self.surface(at), "negative") => {
                let mut numeral = self.numeral(at + 1)?;
                if numeral.share || numeral.value.is_sign_negative() {
                    return None;
                }
                numeral.value = -numeral.value;
                numeral.start = at;
                Some(numeral)
            }
            TokenKind::Punct(c) => {
                let value = vulgar_fraction(c)?;
                Some(Numeral {
                    value,
                    precision: value,
                    start: at,
                    end: at + 1,
                    words: false,
                    share: false,
                    plain_integer: false,
                })
            }
            TokenKind::Word => self.words(at),
        }
    }

    /// Digits, with spaced thousands groups ("816 000", "1 234 567") and a glued vulgar fraction.
    fn digits(&self, at: usize, negative: bool) -> Option<Numeral> {
        let surface = self.surface(at);
        let mut text = surface.to_owned();
        let mut end = at + 1;
        let integer_len = surface.bytes().take_while(u8::is_ascii_digit).count();
        if integer_len == surface.len() && integer_len <= 3 {
            end = self.spaced_groups(at + 1, &mut text);
        }
        let digits = parse_digits(&text, self.mark)?;
        let mut value = digits.value;
        let mut precision = digits.precision;
        if let Some(TokenKind::Punct(c)) = self.token(end).filter(|t| t.glued()).map(|t| t.kind) {
            if let Some(fraction) = vulgar_fraction(c) {
                value += fraction;
                precision = precision.min(fraction);
                end += 1;
            }
        }
        if negative {
            value = -value;
        }
        Some(Numeral {
            value,
            precision,
            start: at,
            end,
            words: false,
            share: false,
            plain_integer: digits.plain_integer && end == at + 1,
        })
    }

    /// Joins the groups of three digits spaced after a number ("816 000", "1 234 567,5"),
    /// appending them to `text` with the grouping mark, and returns the index past them.
    ///
    /// Thin and no-break spaces always group. A plain space groups only when no other number
    /// follows the chain ("in 2019 100 people" never gets here: its first part has 4 digits).
    fn spaced_groups(&self, from: usize, text: &mut String) -> usize {
        let decimal = self.decimal_byte();
        let mut end = from;
        let mut plain_space = false;
        while let Some(token) = self.token(end) {
            let group = self.surface(end);
            let bytes = group.as_bytes();
            let three = bytes.len() >= 3 && bytes[..3].iter().all(u8::is_ascii_digit);
            let tail_ok = three
                && (bytes.len() == 3 || (bytes[3] == decimal && bytes[4..].iter().all(u8::is_ascii_digit)));
            if !(token.is_number() && token.space_before && three && tail_ok) {
                break;
            }
            plain_space |= !token.narrow_space_before;
            end += 1;
            if bytes.len() > 3 {
                break;
            }
        }
        if end == from || (plain_space && self.token(end).is_some_and(|t| t.is_number() && t.space_before)) {
            return from;
        }
        let grouping = match self.mark {
            super::number::DecimalMark::Point => ",",
            super::number::DecimalMark::Comma => ".",
        };
        for index in from..end {
            text.push_str(grouping);
            text.push_str(self.surface(index));
        }
        end
    }

    fn decimal_byte(&self) -> u8 {
        match self.mark {
            super::number::DecimalMark::Point => b'.',
            super::number::DecimalMark::Comma => b',',
        }
    }

    /// Number words: "forty-one", "two hundred and fifty thousand", "a trillion", "two dozen",
    /// "three quarters", "half", "one in five", "a couple of".
    fn words(&self, at: usize) -> Option<Numeral> {
        let first = self.word(at)?;
        if is(first, "a") || is(first, "an") {
            return self.article_numeral(at);
        }
        if is(first, "half") {
            return self.half(at);
        }
        if let Some(NumberWord::Hundred | NumberWord::Dozen | NumberWord::Scale(_)) = number_word(first) {
            // "hundred" or "million" alone is no figure; after "a" or digits it is read there.
            let after_article = at > 0 && (self.word_is(at - 1, "a") || self.word_is(at - 1, "an"));
            if !after_article {
                return None;
            }
        }
        if is(first, "quarter") {
            let power = self.word(at + 1).and_then(scale_word)?;
            let scale = pow10(power);
            let value = scale / Decimal::from(4);
            return Some(Numeral {
                value,
                precision: scale / Decimal::from(100),
                start: at,
                end: at + 2,
                words: true,
                share: false,
                plain_integer: false,
            });
        }
        let mut total = Decimal::ZERO;
        let mut current: u64 = 0;
        let mut place = Decimal::ONE;
        let mut index = at;
        let mut last: Option<NumberWord> = None;
        let mut end = at;
        while let Some(word) = self.word(index) {
            let Some(number) = number_word(word) else { break };
            match (last, number) {
                (None, _) => {}
                // "forty-one": a tens word, a glued hyphen, a unit word.
                // "forty-one", "fifty two": a tens word, then a unit word.
                (Some(NumberWord::Unit(t)), NumberWord::Unit(u)) if t >= 20 && t % 10 == 0 && u < 10 => {}
                (Some(NumberWord::Unit(_)), NumberWord::Unit(_)) => break,
                (Some(NumberWord::Hundred | NumberWord::Scale(_)), NumberWord::Unit(_))
                    if self.word_is(index - 1, "and") || !self.hyphen_joined(index) => {}
                (Some(_), NumberWord::Hundred | NumberWord::Scale(_) | NumberWord::Dozen) => {}
                _ => break,
            }
            match number {
                NumberWord::Unit(u) => {
                    current += u64::from(u);
                    place = Decimal::ONE;
                }
                NumberWord::Hundred => {
                    current = current.max(1) * 100;
                    place = Decimal::from(100);
                }
                NumberWord::Dozen => {
                    current = current.max(1) * 12;
                    place = Decimal::ONE;
                }
                NumberWord::Scale(power) => {
                    let after_article = at > 0 && (self.word_is(at - 1, "a") || self.word_is(at - 1, "an"));
                    if last.is_none() && !after_article {
                        return None; // "million" alone is not a figure
                    }
                    if let (Some(NumberWord::Scale(previous)), 0) = (last, current) {
                        // "three lakh crore", "a thousand million": scales multiply.
                        total = total.checked_mul(pow10(power))?;
                        place = pow10(power + previous);
                    } else {
                        total =
                            total.checked_add(Decimal::from(current.max(1)).checked_mul(pow10(power))?)?;
                        place = pow10(power);
                    }
                    current = 0;
                }
            }
            last = Some(number);
            end = index + 1;
            index += 1;
            // Skip the joiners: a glued hyphen, or "and" before another number word.
            let hyphen = self.is_dash(index)
                && self.glued(index)
                && self.glued(index + 1)
                && self.word(index + 1).and_then(number_word).is_some();
            let and = self.word_is(index, "and")
                && matches!(last, Some(NumberWord::Hundred | NumberWord::Scale(_)))
                && self
                    .word(index + 1)
                    .and_then(number_word)
                    .is_some_and(|n| matches!(n, NumberWord::Unit(_)));
            if hyphen || and {
                index += 1;
            }
        }
        last?;
        let mut value = total + Decimal::from(current);
        // "five point five", "two hundred point zero three": decimals in words.
        if self.word_is(end, "point") && current < 1000 {
            let mut digits = String::new();
            let mut at_digit = end + 1;
            while let Some(NumberWord::Unit(d @ 0..=9)) = self.word(at_digit).and_then(number_word) {
                digits.push(char::from_digit(d, 10).unwrap_or('0'));
                at_digit += 1;
            }
            if !digits.is_empty() && digits.len() <= MAX_FRACTION_DIGITS {
                if let Ok(fraction) = format!("0.{digits}").parse::<Decimal>() {
                    value += fraction;
                    place = Decimal::new(1, digits.len() as u32);
                    end = at_digit;
                }
            }
        }
        let numeral = Numeral {
            value,
            precision: place,
            start: at,
            end,
            words: true,
            share: false,
            plain_integer: false,
        };
        // "three quarters", "two thirds": a share.
        if let Some(share) = self.fraction_share(&numeral) {
            return Some(share);
        }
        if let Some(share) = self.in_share(&numeral) {
            return Some(share);
        }
        Some(numeral)
    }

    fn hyphen_joined(&self, index: usize) -> bool {
        index >= 2 && self.is_dash(index - 1) && self.glued(index - 1) && self.glued(index)
    }

    /// "a trillion", "an estimated" (no), "a dozen", "a couple of", "a decade", "a third of".
    fn article_numeral(&self, at: usize) -> Option<Numeral> {
        let next = self.word(at + 1)?;
        let one = Numeral {
            value: Decimal::ONE,
            precision: Decimal::ONE,
            start: at,
            end: at + 1,
            words: true,
            share: false,
            plain_integer: false,
        };
        if is(next, "couple") && self.word_is(at + 2, "of") {
            return Some(Numeral {
                value: Decimal::TWO,
                end: at + 2,
                ..one
            });
        }
        if let Some(NumberWord::Hundred | NumberWord::Scale(_) | NumberWord::Dozen) = number_word(next) {
            let mut numeral = self.words(at + 1)?;
            numeral.start = at;
            return Some(numeral);
        }
        if let Some(share) = self.fraction_share(&one) {
            return Some(share);
        }
        if is(next, "half") {
            return None;
        }
        // "a decade", "a century": the unit step reads the word.
        unit_word(next).filter(|u| u.factor > 1).map(|_| one)
    }

    /// "half": a share of 50 % ("over half its revenue", "half of new vehicles"), or half of a
    /// scale ("half a million").
    fn half(&self, at: usize) -> Option<Numeral> {
        let before = self.previous_word(at).map(str::to_ascii_lowercase);
        if matches!(
            before.as_deref(),
            Some("first" | "second" | "a" | "and" | "one" | "the")
        ) {
            return None;
        }
        if self.is_dash(at + 1) && self.glued(at + 1) {
            return None; // "half-hour", "half-year"
        }
        if let Some(power) = self.word(at + 1).and_then(scale_word) {
            // "half million"
            let scale = pow10(power);
            return Some(Numeral {
                value: scale / Decimal::TWO,
                precision: scale / Decimal::TEN,
                start: at,
                end: at + 2,
                words: true,
                share: false,
                plain_integer: false,
            });
        }
        if self.word_is(at + 1, "a") {
            let power = match self.word(at + 2).and_then(number_word) {
                Some(NumberWord::Scale(power)) => Some(power),
                Some(NumberWord::Hundred) => Some(2),
                Some(NumberWord::Dozen) => {
                    // "half a dozen"
                    return Some(Numeral {
                        value: Decimal::from(6),
                        precision: Decimal::ONE,
                        start: at,
                        end: at + 3,
                        words: true,
                        share: false,
                        plain_integer: false,
                    });
                }
                _ => None,
            };
            if let Some(power) = power {
                let scale = pow10(power);
                return Some(Numeral {
                    value: scale / Decimal::TWO,
                    precision: scale / Decimal::TEN,
                    start: at,
                    end: at + 3,
                    words: true,
                    share: false,
                    plain_integer: false,
                });
            }
        }
        self.share_follows(at + 1).then_some(Numeral {
            value: Decimal::from(50),
            precision: Decimal::ONE,
            start: at,
            end: at + 1,
            words: true,
            share: true,
            plain_integer: false,
        })
    }

    /// Is a share's whole written next ("of …", "its …") or nothing (end of clause)?
    fn share_follows(&self, index: usize) -> bool {
        match self.token(index) {
            None => true,
            Some(token) => match token.kind {
                TokenKind::Punct(c) => ".,;:)”’\"".contains(c),
                TokenKind::Word => {
                    let word = self.surface(index);
                    is(word, "of") || DETERMINERS.iter().any(|d| is(word, d))
                }
                TokenKind::Number => false,
            },
        }
    }

    /// "three quarters", "two thirds", "a third" followed by "of" or a determiner.
    fn fraction_share(&self, numeral: &Numeral) -> Option<Numeral> {
        let denominator = self.word(numeral.end).and_then(fraction_denominator)?;
        let numerator = numeral.value;
        if numerator.is_zero() || numerator >= Decimal::from(denominator) || numeral.end - numeral.start > 2 {
            return None;
        }
        if !self.share_follows(numeral.end + 1) {
            return None;
        }
        let value = round_significant(numerator * Decimal::from(100) / Decimal::from(denominator));
        Some(Numeral {
            value,
            precision: Decimal::ONE,
            end: numeral.end + 1,
            share: true,
            ..*numeral
        })
    }

    /// "one in five", "1 in 4": a share.
    fn in_share(&self, numeral: &Numeral) -> Option<Numeral> {
        if !self.word_is(numeral.end, "in") || numeral.value.is_zero() {
            return None;
        }
        let whole = self.numeral(numeral.end + 1)?;
        let small = whole.value > numeral.value
            && whole.value <= Decimal::from(1000)
            && whole.value.fract().is_zero();
        if !small || whole.share {
            return None;
        }
        let value = round_significant(numeral.value * Decimal::from(100) / whole.value);
        Some(Numeral {
            value,
            precision: Decimal::ONE,
            end: whole.end,
            share: true,
            ..*numeral
        })
    }

    /// Tells a figure from a name: "5G", "G20", "COVID-19", "ISO/IEC 30141", "Exhibit 1",
    /// "(1) firstly", a capitalised "Five Year Plan", a pronoun "one".
    pub(super) fn numeral_is_figure(&self, numeral: &Numeral, in_range: bool) -> bool {
        let at = numeral.start;
        if numeral.words {
            let word = self.surface(at);
            let capitalised = word.starts_with(|c: char| c.is_uppercase());
            if capitalised && !self.starts_sentence(at) && !(is(word, "a") || is(word, "an")) {
                return false;
            }
            if numeral.share {
                return true;
            }
            if is(word, "one") && numeral.end == at + 1 {
                return self.one_counts(at);
            }
            return true;
        }
        if at > 0 && self.glued(at) && !in_range {
            let previous = self.tokens[at - 1];
            match previous.kind {
                TokenKind::Word | TokenKind::Number => return false,
                TokenKind::Punct('-' | '–') => {
                    if at >= 2 && self.glued(at - 1) && self.tokens[at - 2].is_word() {
                        let word = self.surface(at - 2);
                        if word.starts_with(|c: char| c.is_uppercase())
                            || !matches!(word, "pre" | "post" | "mid")
                        {
                            return false;
                        }
                    }
                    if at >= 2 && self.glued(at - 1) && self.tokens[at - 2].is_number() {
                        return false;
                    }
                }
                TokenKind::Punct('/' | '#' | '+' | '_' | '\\' | '=' | '&' | '@' | '^') => return false,
                // "H.264", "v.2": a number glued to a word by a dot is part of a name.
                TokenKind::Punct('.') if at >= 2 && self.glued(at - 1) && self.tokens[at - 2].is_word() => {
                    return false;
                }
                // "10:30": the minutes of a time, the second part of a ratio.
                TokenKind::Punct(':') if at >= 2 && self.glued(at - 1) && self.tokens[at - 2].is_number() => {
                    return false;
                }
                TokenKind::Punct(_) => {}
            }
        }
        if let Some(previous) = self.previous_word(at) {
            if is_label_word(previous) || is_name_prefix(previous) {
                return false;
            }
            // "Firefox 3.6", "Python 3.12": a name then a decimal with nothing after it that
            // measures — a version, not a figure.
            let decimal = self.surface(at).contains('.') && numeral.value < Decimal::ONE_HUNDRED;
            let named = previous.starts_with(|c: char| c.is_uppercase())
                && at >= 2
                && !self.starts_sentence(at - 1)
                && crate::calendar::month_number(previous).is_none()
                && previous.len() > 1;
            let measured =
                self.scale(numeral.end, false, false).is_some() || self.suffix(numeral.end).is_some();
            if decimal && named && !measured && !in_range {
                return false;
            }
            // "ISO/IEC 30141": an acronym glued after a slash.
            if at >= 2
                && self.glued(at - 1)
                && self.punct_is(at - 2, '/')
                && previous.chars().all(|c| c.is_ascii_uppercase())
            {
                return false;
            }
        }
        // "Fig. 3", "No. 5"
        if at >= 2
            && self.punct_is(at - 1, '.')
            && self.glued(at - 1)
            && self.word(at - 2).is_some_and(is_label_word)
        {
            return false;
        }
        let end = numeral.end;
        if let Some(next) = self.token(end).filter(|t| t.glued()) {
            match next.kind {
                TokenKind::Word => {
                    let word = self.surface(end);
                    let known = unit_word(word).is_some()
                        || scale_abbreviation(word).is_some()
                        || scale_word(word).is_some()
                        || currency_code(word).is_some()
                        || (word.len() == 2
                            && ordinal_suffix_fits(0, "th")
                            && matches!(word, "st" | "nd" | "rd" | "th"));
                    if !known {
                        return false;
                    }
                }
                TokenKind::Punct(':') if self.token(end + 1).is_some_and(|t| t.is_number() && t.glued()) => {
                    return false;
                }
                TokenKind::Punct('-' | '/') if self.dash_chain(end) => return false,
                TokenKind::Number => return false,
                TokenKind::Punct(_) => {}
            }
        }
        // "(1) first, (2) second": an enumeration.
        if at > 0
            && self.punct_is(at - 1, '(')
            && self.punct_is(end, ')')
            && self.glued(end)
            && numeral.plain_integer
        {
            let small = numeral.value <= Decimal::from(20);
            let lowercase_next = self
                .word(end + 1)
                .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()));
            if small && lowercase_next {
                return false;
            }
        }
        true
    }

    /// Digit groups joined by dashes or slashes three or more deep: phone numbers, ISBNs, dates
    /// in numeric form ("978-3-16", "555-123-4567", "04/07/2021").
    fn dash_chain(&self, end: usize) -> bool {
        let is_joiner = |i: usize| {
            self.token(i)
                .is_some_and(|t| t.glued() && matches!(t.kind, TokenKind::Punct('-' | '/')))
        };
        let is_glued_number = |i: usize| self.token(i).is_some_and(|t| t.glued() && t.is_number());
        is_joiner(end) && is_glued_number(end + 1) && is_joiner(end + 2) && is_glued_number(end + 3)
    }

    /// "one" counts only with a unit, currency or scale after it ("one year", "one million");
    /// "one example", "by one estimate", "one of the" are pronouns.
    fn one_counts(&self, at: usize) -> bool {
        let next = self.word(at + 1);
        next.is_some_and(|w| unit_word(w).is_some() || currency_name(w, None).is_some() || is(w, "percent"))
    }

    /// A scale after a numeral: "billion", "bn", glued "m" in money, returns (power, next index).
    pub(super) fn scale(&self, at: usize, money: bool, words: bool) -> Option<(u32, usize)> {
        let token = self.token(at)?;
        if !token.is_word() {
            return None;
        }
        let word = self.surface(at);
        let power = scale_word(word).or_else(|| is(word, "hundred").then_some(2));
        if let Some(power) = power {
            if words {
                return None; // already read by the words
            }
            return Some((power, at + 1));
        }
        let (power, strict) = scale_abbreviation(word)?;
        if words {
            return None;
        }
        let glued = token.glued();
        let followed_by_word = self
            .word(at + 1)
            .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()));
        let accept = strict
            || money
            || (glued && word.eq_ignore_ascii_case("k"))
            || (glued && matches!(word, "m" | "M") && followed_by_word && !self.next_is_unit_context(at + 1));
        accept.then_some((power, at + 1))
    }

    /// After "5m": a word that reads as "5 metres …" ("high", "long", "wide", "deep", "tall").
    fn next_is_unit_context(&self, index: usize) -> bool {
        self.word(index).is_some_and(|w| {
            matches!(
                w,
                "high" | "long" | "wide" | "deep" | "tall" | "away" | "above" | "below" | "of"
            )
        })
    }

    /// A currency, percent sign or unit after a figure; returns it and the index past it.
    pub(super) fn suffix(&self, at: usize) -> Option<(Suffix, usize)> {
        let token = self.token(at)?;
        match token.kind {
            TokenKind::Punct('%') => {
                return Some((Suffix::of(Kind::Percent, Some("%"), 1), at + 1));
            }
            TokenKind::Punct('°') => {
                let letter = self.word(at + 1).filter(|_| self.glued(at + 1))?;
                let unit = match letter {
                    "C" => "°C",
                    "F" => "°F",
                    _ => return None,
                };
                return Some((Suffix::of(Kind::Quantity, Some(unit), 1), at + 2));
            }
            TokenKind::Punct('-') if token.glued() && self.glued(at + 1) => {
                // "three-year", "10-km"
                let word = self.word(at + 1)?;
                let unit = unit_word(word)?;
                if crate::lexicon::units::is_ambiguous_symbol(word) {
                    return None;
                }
                let kind = match unit.kind {
                    UnitKind::Duration => Kind::Duration,
                    UnitKind::Percent => Kind::Percent,
                    UnitKind::Quantity => Kind::Quantity,
                };
                return Some((
                    Suffix {
                        kind,
                        unit: Some(unit.symbol),
                        factor: unit.factor,
                    },
                    at + 2,
                ));
            }
            TokenKind::Punct(c) => {
                let code = currency_symbol(c)?;
                // "1 $10": the symbol belongs to the figure after it.
                if self.token(at + 1).is_some_and(|t| t.is_number() && t.glued()) {
                    return None;
                }
                return Some((Suffix::of(Kind::Money, Some(code), 1), at + 1));
            }
            TokenKind::Number => return None,
            TokenKind::Word => {}
        }
        let word = self.surface(at);
        if let Some(code) = currency_code(word) {
            return Some((Suffix::of(Kind::Money, Some(code), 1), at + 1));
        }
        if let Some((code, taken)) = currency_name(word, self.word(at + 1)) {
            // "5 pounds of flour" weighs; "pounds sterling" pays.
            let mass = matches!(word, "pound" | "pounds") && self.word_is(at + taken, "of");
            if !mass {
                let taken = taken + usize::from(self.word_is(at + taken, "sterling"));
                return Some((Suffix::of(Kind::Money, Some(code), 1), at + taken));
            }
        }
        if is(word, "per") && self.word_is(at + 1, "cent") {
            return Some((Suffix::of(Kind::Percent, Some("%"), 1), at + 2));
        }
        if let Some(code) = lowercase_currency_code(word) {
            return Some((Suffix::of(Kind::Money, Some(code), 1), at + 1));
        }
        let points = self
            .word(at + 1)
            .is_some_and(|w| is(w, "point") || is(w, "points"));
        if points && (is(word, "percentage") || is(word, "basis")) {
            let unit = if is(word, "basis") { "bp" } else { "pp" };
            return Some((Suffix::of(Kind::Quantity, Some(unit), 1), at + 2));
        }
        if is(word, "degrees") || is(word, "degree") {
            let unit = match self.word(at + 1) {
                Some(w) if is(w, "celsius") || is(w, "centigrade") => "°C",
                Some(w) if is(w, "fahrenheit") => "°F",
                _ => return None,
            };
            return Some((Suffix::of(Kind::Quantity, Some(unit), 1), at + 2));
        }
        let unit = unit_word(word)?;
        let spaced = !token.glued();
        if spaced
            && matches!(word, "s" | "g" | "L" | "W" | "ha" | "mi" | "ms" | "m" | "t" | "h")
            && !self.clear_symbol_context(at)
        {
            return None;
        }
        let mut end = at + 1;
        let mut symbol = unit.symbol;
        // "km²", "km2", "km/h", "m/s".
        if matches!(symbol, "km" | "m") {
            if let Some(next) = self.token(end).filter(|t| t.glued()) {
                let squared = match next.kind {
                    TokenKind::Punct('²') => Some("²"),
                    TokenKind::Punct('³') => Some("³"),
                    TokenKind::Number if self.surface(end) == "2" => Some("²"),
                    TokenKind::Number if self.surface(end) == "3" => Some("³"),
                    _ => None,
                };
                if let Some(power) = squared {
                    symbol = match (symbol, power) {
                        ("km", "²") => "km²",
                        ("m", "²") => "m²",
                        _ => "m³",
                    };
                    end += 1;
                } else if next.is_punct('/') && self.glued(end + 1) {
                    match self.word(end + 1) {
                        Some("h") => {
                            symbol = if symbol == "km" { "km/h" } else { "m/h" };
                            end += 2;
                        }
                        Some("s") => {
                            symbol = if symbol == "km" { "km/s" } else { "m/s" };
                            end += 2;
                        }
                        _ => {}
                    }
                }
            }
        }
        let kind = match unit.kind {
            UnitKind::Percent => Kind::Percent,
            UnitKind::Duration => Kind::Duration,
            UnitKind::Quantity => Kind::Quantity,
        };
        let symbol = if kind == Kind::Percent { "%" } else { symbol };
        Some((
            Suffix {
                kind,
                unit: Some(symbol),
                factor: unit.factor,
            },
            end,
        ))
    }

    /// A one-letter unit symbol spaced after a figure reads as a unit only at a clause end or
    /// before a preposition ("816 000 t of steel", "a 5 m wall" is too rare to guess).
    fn clear_symbol_context(&self, at: usize) -> bool {
        match self.token(at + 1) {
            None => true,
            Some(next) => match next.kind {
                TokenKind::Punct(c) => ".,;:)".contains(c),
                TokenKind::Word => matches!(
                    self.surface(at + 1),
                    "of" | "in"
                        | "per"
                        | "a"
                        | "and"
                        | "or"
                        | "for"
                        | "to"
                        | "by"
                        | "tall"
                        | "high"
                        | "long"
                        | "wide"
                        | "deep"
                        | "away"
                        | "thick"
                        | "apart"
                        | "above"
                        | "below"
                        | "across"
                ),
                TokenKind::Number => false,
            },
        }
    }

    /// "… 50 cents" after a currency: returns the cents as a fraction of the unit.
    fn cents(&self, at: usize) -> Option<(Decimal, usize)> {
        let number_at = if self.word_is(at, "and") { at + 1 } else { at };
        let numeral = self.numeral(number_at)?;
        let whole_cents = numeral.value < Decimal::from(100)
            && numeral.value.fract().is_zero()
            && !numeral.value.is_sign_negative()
            && !numeral.share;
        if !whole_cents {
            return None;
        }
        let cents = numeral.value / Decimal::from(100);
        if self.word(numeral.end).and_then(subunit).is_some() {
            return Some((cents, numeral.end + 1));
        }
        // "15 dollars 50", "thirteen dollars and forty-five": cents without the word, where
        // the sentence or clause ends with them.
        let clause_ends = self
            .token(numeral.end)
            .is_none_or(|t| matches!(t.kind, TokenKind::Punct('.' | ',' | ';' | ')' | '!' | '?')));
        (clause_ends && numeral.start > at.saturating_sub(1)).then_some((cents, numeral.end))
    }

    /// A range after a parsed figure: "15-20 USD", "5 to 10 percent", "$5–$10"; with `and`,
    /// the second half of "between 5 and 10 percent".
    pub(super) fn range_after(&self, first: &Parsed, between: bool) -> Option<Parsed> {
        let Figure::Number { value: low_value, .. } = first.figure else {
            return None;
        };
        let joiner = first.end;
        let joined = if between {
            self.word_is(joiner, "and")
        } else if self.is_dash(joiner) {
            true
        } else {
            // "from 50 to 70" is a change, not a range.
            self.word_is(joiner, "to") && !(first.start > 0 && self.word_is(first.start - 1, "from"))
        };
        if !joined {
            return None;
        }
        let second_at = joiner + 1;
        let (currency, numeral_at) = match self.currency_prefix(second_at) {
            Some((code, next)) => (Some(code), next),
            None => (None, second_at),
        };
        let numeral = self.numeral(numeral_at)?;
        if numeral.share || (currency.is_none() && !self.numeral_is_figure(&numeral, true)) {
            return None;
        }
        let second = self.complete(numeral, currency, second_at)?;
        let Figure::Number { value: high, .. } = second.figure else {
            return None;
        };
        let (kind, unit) = match (first.unit, second.unit) {
            (Some(a), Some(b)) if a != b => return None,
            (Some(a), _) => (first.kind, Some(a)),
            (None, Some(b)) => (second.kind, Some(b)),
            (None, None) => (Kind::Count, None),
        };
        // "to" joins figures of one unit only when the first says none or both say the same.
        if !between && self.word_is(joiner, "to") && first.unit.is_some() && second.unit.is_none() {
            return None;
        }
        // "5 to 10 million": a scale written once covers both ends.
        let low = match (first.scale, second.scale) {
            (None, Some(power)) if first.unit.is_none() || first.kind == Kind::Money => {
                low_value.checked_mul(pow10(power))?.normalize()
            }
            _ => low_value,
        };
        let (low, high) = ordered_ends(low, high);
        Some(Parsed {
            kind,
            figure: Figure::Range { low, high },
            unit,
            start: first.start,
            end: second.end,
            qualifier: Some((Qualifier::Range, None)),
            scale: second.scale,
        })
    }

    /// "between 5 and 10 percent" (values) at the word "between".
    pub(super) fn between(&self, at: usize) -> Option<Parsed> {
        let first = self.value_without_range(at + 1)?;
        let mut range = self.range_after(&first, true)?;
        range.start = at;
        let span = self.tokens[at].span;
        range.qualifier = Some((Qualifier::Range, Some(span)));
        Some(range)
    }

    fn value_without_range(&self, at: usize) -> Option<Parsed> {
        let (currency, numeral_at) = match self.currency_prefix(at) {
            Some((code, next)) => (Some(code), next),
            None => (None, at),
        };
        let numeral = self.numeral(numeral_at)?;
        if currency.is_none() && !self.numeral_is_figure(&numeral, false) {
            return None;
        }
        self.complete(numeral, currency, at)
    }

    /// "twenty-first", "one hundred twenty fifth", "two hundredth": number words ending in an
    /// ordinal word.
    fn compound_ordinal(&self, numeral: &Numeral) -> Option<Parsed> {
        if !numeral.words || numeral.share {
            return None;
        }
        let hyphen = self.is_dash(numeral.end) && self.glued(numeral.end) && self.glued(numeral.end + 1);
        let at = numeral.end + usize::from(hyphen);
        let word = self.word(at)?;
        let ordinal = crate::lexicon::number_words::ordinal_word(word)?;
        let value = match ordinal {
            100 | 1000 => numeral.value * Decimal::from(ordinal),
            1..=9 if numeral.value >= Decimal::from(20) && (numeral.value % Decimal::TEN).is_zero() => {
                numeral.value + Decimal::from(ordinal)
            }
            _ => return None,
        };
        Some(Parsed {
            kind: Kind::Ordinal,
            figure: Figure::Number {
                value,
                precision: Decimal::ONE,
            },
            unit: None,
            start: numeral.start,
            end: at + 1,
            qualifier: None,
            scale: None,
        })
    }

    /// "12th", "1st": an ordinal in digits.
    pub(super) fn ordinal_digits(&self, at: usize) -> Option<Parsed> {
        let suffix = self.word(at + 1).filter(|_| self.glued(at + 1))?;
        let number: u64 = self.surface(at).parse().ok()?;
        if !ordinal_suffix_fits(number, suffix) {
            return None;
        }
        if self
            .token(at + 2)
            .is_some_and(|t| t.glued() && (t.is_word() || t.is_number()))
        {
            return None;
        }
        if at > 0
            && self.glued(at)
            && !self
                .token(at - 1)
                .is_some_and(|t| matches!(t.kind, TokenKind::Punct('(' | '“' | '"' | '‘')))
        {
            return None;
        }
        Some(Parsed {
            kind: Kind::Ordinal,
            figure: Figure::Number {
                value: Decimal::from(number),
                precision: Decimal::ONE,
            },
            unit: None,
            start: at,
            end: at + 2,
            qualifier: None,
            scale: None,
        })
    }

    /// "first", "twelfth": an ordinal in words, not in compounds ("first-mover") or set
    /// phrases ("at first", "first of all"), not in names ("Second World War").
    pub(super) fn ordinal_word(&self, at: usize) -> Option<Parsed> {
        let word = self.word(at)?;
        let value = crate::lexicon::number_words::ordinal_word(word)?;
        if self.is_dash(at + 1) && self.glued(at + 1) {
            return None;
        }
        if word.starts_with(|c: char| c.is_uppercase()) && !self.starts_sentence(at) {
            return None;
        }
        let before = self.previous_word(at).map(str::to_ascii_lowercase);
        if matches!(before.as_deref(), Some("at" | "per" | "a" | "one")) {
            return None;
        }
        if self.word_is(at + 1, "of") && self.word_is(at + 2, "all") {
            return None;
        }
        if self
            .word(at + 1)
            .is_some_and(|w| is(w, "party") || is(w, "parties") || is(w, "half") || is(w, "quarter"))
        {
            return None; // "third parties"; "the first half of" is a part of a period
        }
        // "second" after a number is a unit; "third"/"quarter" after a numeral is a fraction.
        if at > 0 && (self.tokens[at - 1].is_number() || self.word(at - 1).and_then(number_word).is_some()) {
            return None;
        }
        // A sentence-initial "First," or "Second," lists arguments.
        if self.starts_sentence(at) && self.punct_is(at + 1, ',') {
            return None;
        }
        Some(Parsed {
            kind: Kind::Ordinal,
            figure: Figure::Number {
                value: Decimal::from(value),
                precision: Decimal::ONE,
            },
            unit: None,
            start: at,
            end: at + 1,
            qualifier: None,
            scale: None,
        })
    }
}
