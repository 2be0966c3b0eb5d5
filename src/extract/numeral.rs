//! Numerals: a number read from digits or words ("1,234.5", "½", "three quarters", "a dozen"),
//! completed into a value with its scale, currency, percent sign or unit; ordinals.

use rust_decimal::Decimal;

/// Most decimal places a figure may have: `Decimal` holds 28 significant digits.
const MAX_FRACTION_DIGITS: usize = 27;

use super::number::{parse_digits, read_digits, round_significant, vulgar_fraction};
use super::suffix::{Suffix, subunit};
use super::token::TokenKind;
use super::{Figure, Parsed, Scanner};
use crate::claim::Kind;
use crate::lexicon::number_words::{
    NumberWord, fraction_denominator, is, number_word, ordinal_suffix_fits, scale_word,
};
use crate::lexicon::units::{currency_code, currency_symbol, prefixed_symbol, unit_word};
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

const DETERMINERS: &[&str] = &[
    "the", "its", "their", "his", "her", "our", "all", "those", "these", "this", "that", "a", "an", "my",
    "your",
];

pub(super) fn pow10(power: u32) -> Decimal {
    Decimal::from_i128_with_scale(10i128.pow(power), 0)
}

impl Scanner<'_> {
    /// A value figure starting at `at`: optional currency prefix, numeral, scale, suffix,
    /// suffix qualifier, range.
    pub(super) fn value(&self, at: usize) -> Option<Parsed> {
        let (currency, numeral) = self.priced_numeral(at)?;
        // "$1" among shell parameters, a price in a reference entry.
        if currency.is_some() && self.is_identifier(&numeral) {
            return None;
        }
        if currency.is_none()
            && let Some(ordinal) = self.compound_ordinal(&numeral)
        {
            return Some(ordinal);
        }
        let mut parsed = self.complete(numeral, currency, at)?;
        if let Some(height) = self.feet_and_inches(&parsed) {
            return Some(height);
        }
        if parsed.qualifier.is_none()
            && let Some(range) = self.range_after(&parsed, false)
        {
            parsed = range;
        }
        Some(parsed)
    }

    /// A height in feet and inches written with hyphens, "7-foot-3" or "6-foot-10": one length
    /// in inches (87, 82), not a range from 7 to 3 feet.
    fn feet_and_inches(&self, feet: &Parsed) -> Option<Parsed> {
        let Figure::Number { value, .. } = feet.figure else {
            return None;
        };
        let written_foot = feet.end >= 2
            && self.punct_is(feet.end - 2, '-')
            && matches!(self.word(feet.end - 1), Some("foot" | "feet"));
        if feet.unit != Some("ft") || !written_foot || !self.punct_is(feet.end, '-') {
            return None;
        }
        let inches_at = feet.end + 1;
        if !self.glued(feet.end) || !self.glued(inches_at) {
            return None;
        }
        let inches = self.token(inches_at).filter(|t| t.kind == TokenKind::Number)?;
        let inches: u32 = self.text[inches.span.range()].parse().ok().filter(|&n| n < 12)?;
        let end = inches_at + 1;
        // "a 6-foot-2-inch wall" says its unit again: the word is the figure's.
        let end = if self.punct_is(end, '-')
            && self.glued(end)
            && matches!(self.word(end + 1), Some("inch" | "inches"))
        {
            end + 2
        } else {
            end
        };
        Some(Parsed {
            kind: Kind::Quantity,
            figure: Figure::Number {
                value: value
                    .checked_mul(Decimal::from(12))?
                    .checked_add(Decimal::from(inches))?,
                precision: Decimal::ONE,
            },
            unit: Some("in"),
            start: feet.start,
            end,
            qualifier: feet.qualifier,
            scale: None,
        })
    }

    /// The numeral at `at` with the currency written before it, if any: a bare numeral only
    /// when it reads as a figure, a priced one always ("$5" is money whatever follows).
    pub(super) fn priced_numeral(&self, at: usize) -> Option<(Option<&'static str>, Numeral)> {
        let (currency, numeral_at) = match self.currency_prefix(at) {
            Some((code, next)) => (Some(code), next),
            None => (None, at),
        };
        let numeral = self.numeral(numeral_at)?;
        if currency.is_none() && !self.numeral_is_figure(&numeral, false) {
            return None;
        }
        Some((currency, numeral))
    }

    /// Where a sum's scale word starts: after a hyphen glued to both ("$670-billion",
    /// "€180-billion", the Canadian style), else at `end`.
    fn past_scale_hyphen(&self, end: usize, money: bool) -> usize {
        let hyphenated = money
            && self.punct_is(end, '-')
            && self.glued(end)
            && self.glued(end + 1)
            && self
                .word(end + 1)
                .and_then(crate::lexicon::number_words::scale_word)
                .is_some();
        if hyphenated { end + 1 } else { end }
    }

    /// From a numeral, adds scale and suffix into a parsed figure starting at token `start`.
    pub(super) fn complete(
        &self,
        numeral: Numeral,
        currency: Option<&'static str>,
        start: usize,
    ) -> Option<Parsed> {
        let mut value = numeral.value;
        let mut precision = numeral.precision;
        let mut end = numeral.end;
        let mut scale = None;
        if !numeral.share
            && let Some((power, next)) = self.scale(
                self.past_scale_hyphen(end, currency.is_some()),
                currency.is_some(),
                // "five and a half million": the words stopped at the fraction, not the scale.
                numeral.words && numeral.value.fract().is_zero(),
            )
        {
            scale = Some(power);
            value = value.checked_mul(pow10(power))?;
            precision = precision.checked_mul(pow10(power))?;
            (value, precision, end) = self.scale_tail(power, value, precision, next)?;
        }
        let mut numeral = numeral;
        if let Some(count) = self.share_of_scale(&numeral, value, end) {
            (value, precision, end) = count;
            numeral.share = false;
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
                if scale.is_none()
                    && value.fract().is_zero()
                    && let Some((power, next)) = self.word(end).and_then(scale_word).map(|p| (p, end + 1))
                {
                    scale = Some(power);
                    value = value.checked_mul(pow10(power))?;
                    precision = precision.checked_mul(pow10(power))?;
                    end = next;
                }
                if let Some((cents, next)) = self.cents(end) {
                    value = value.checked_add(cents)?;
                    precision = Decimal::new(1, 2);
                    end = next;
                }
            }
        } else if self.punct_is(end, '¢') && self.glued(end) {
            // "49¢": cents of a dollar.
            value = value.checked_div(Decimal::from(100))?;
            precision = precision.checked_div(Decimal::from(100))?;
            suffix = Suffix::of(Kind::Money, Some("USD"), 1);
            end += 1;
        } else if let Some(code) = self.word(end).and_then(subunit) {
            // "50 cents", "470 pence" alone.
            value = value.checked_div(Decimal::from(100))?;
            precision = precision.checked_div(Decimal::from(100))?;
            suffix = Suffix::of(Kind::Money, Some(code), 1);
            end += 1;
        }
        if suffix.kind == Kind::Money
            && let Some(code) = suffix.unit
            && let Some((rate, next)) = self.money_rate(code, end)
        {
            suffix.unit = Some(rate);
            end = next;
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
            if !scaled && !self.one_is_compared(numeral.start) {
                return None;
            }
        }
        // "800,000+", "50 or more": a qualifier written after, unless one is written before.
        let mut qualifier = None;
        if let Some((found, next)) = super::qualifier::after(self.text, self.tokens, end)
            && self.qualifier_before(start).1.is_none()
        {
            let span = Span::new(self.tokens[end].span.start, self.tokens[next - 1].span.end);
            qualifier = Some((found, Some(span)));
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

    /// "two thirds of a million": a share of a scale is a count. Returns its value, precision
    /// and the index past it.
    fn share_of_scale(
        &self,
        numeral: &Numeral,
        value: Decimal,
        end: usize,
    ) -> Option<(Decimal, Decimal, usize)> {
        let of_a = numeral.share
            && numeral.words
            && self.word_is(end, "of")
            && (self.word_is(end + 1, "a") || self.word_is(end + 1, "an"));
        let power = self.word(end + 2).and_then(scale_word).filter(|_| of_a)?;
        let count = round_significant((value / Decimal::ONE_HUNDRED).checked_mul(pow10(power))?);
        Some((count, pow10(power) / Decimal::ONE_HUNDRED, end + 3))
    }

    /// What may follow a scale word: "3 million and a half", "3 hundred and 21", "4 thousand 3
    /// hundred". Returns the value, precision and end after it.
    fn scale_tail(
        &self,
        power: u32,
        mut value: Decimal,
        mut precision: Decimal,
        mut end: usize,
    ) -> Option<(Decimal, Decimal, usize)> {
        if self.word_is(end, "and")
            && (self.word_is(end + 1, "a") || self.word_is(end + 1, "one"))
            && let Some(denominator) = self.word(end + 2).and_then(fraction_denominator)
        {
            let part = pow10(power) / Decimal::from(denominator);
            value = value.checked_add(part)?;
            precision = precision.min(part);
            end += 3;
        }
        while let Some((rest, next)) = self.mixed_rest(end, power) {
            value = value.checked_add(rest)?;
            precision = Decimal::ONE;
            end = next;
        }
        Some((value, precision, end))
    }

    /// The smaller part that continues a number after its scale word in mixed digits and words:
    /// "and 21" after "3 hundred", "3 hundred" after "4 thousand". Joined by "and", or itself
    /// scaled (so "3 million 2020 dollars" stays two figures). Returns the part and the index
    /// past it.
    fn mixed_rest(&self, at: usize, power: u32) -> Option<(Decimal, usize)> {
        if !self.token(at - 1).is_some_and(super::token::Token::is_word) {
            return None; // after "3m" or "5bn", no words continue the number
        }
        let and = self.word_is(at, "and");
        let number_at = at + usize::from(and);
        let token = self.token(number_at)?;
        let (mut part, mut next) = if token.is_number() {
            let digits = parse_digits(self.surface(number_at), self.mark).filter(|d| d.plain_integer)?;
            (digits.value, number_at + 1)
        } else if and {
            // "3 hundred and one", "6 crore and two hundred": words after digits.
            let words = self
                .words(number_at)
                .filter(|n| !n.share && n.value.fract().is_zero())?;
            return (words.value > Decimal::ZERO && words.value < pow10(power))
                .then_some((words.value, words.end));
        } else {
            return None;
        };
        if let Some(inner) = self
            .word(next)
            .and_then(|w| scale_word(w).or_else(|| is(w, "hundred").then_some(2)))
        {
            part = part.checked_mul(pow10(inner))?;
            next += 1;
        } else if !and {
            return None;
        }
        let unit_follows =
            self.punct_is(next, '%') || self.word(next).is_some_and(|w| unit_word(w).is_some());
        (part > Decimal::ZERO && part < pow10(power) && !unit_follows).then_some((part, next))
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
                    // "COP28", "COP 26": the climate conferences of the parties, numbered.
                    if code == "COP"
                        && self
                            .token(at + 1)
                            .is_some_and(|t| t.is_number() && self.surface(at + 1).len() <= 2)
                    {
                        return None;
                    }
                    // "USD34.6" glued, "EUR 15" spaced.
                    return numeral_follows(at + 1).then_some((code, at + 1));
                }
                // "Rs 173", "Rs. 2,500", "Rp 10.000": a currency's customary abbreviation.
                let code = match word {
                    "Rs" => Some("INR"),
                    "Rp" => Some("IDR"),
                    "RM" => Some("MYR"),
                    _ => None,
                };
                if let Some(code) = code {
                    // "RM42" glued only: "RM 2004" is an author's initials and a year.
                    if word == "RM" && !self.glued(at + 1) {
                        return None;
                    }
                    let dot = usize::from(self.punct_is(at + 1, '.') && self.glued(at + 1));
                    let digits = self
                        .token(at + 1 + dot)
                        .is_some_and(super::token::Token::is_number);
                    return (digits && numeral_follows(at + 1 + dot)).then_some((code, at + 1 + dot));
                }
                // "US$", "HK$"; in lower-cased text also spaced ("c $ 16.4", "hk $ 10").
                // "a $400 credit": the article, not Australia's dollar.
                let article = word == "a" && !self.glued(at + 1);
                let symbol = match self.token(at + 1)?.kind {
                    TokenKind::Punct(c)
                        if !article
                            && (self.glued(at + 1) || word.chars().all(|c| c.is_ascii_lowercase())) =>
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
                && fraction < Decimal::ONE
            {
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
        // "1 in 4 adults": a share, as in words.
        if !numeral.words
            && numeral.plain_integer
            && let Some(share) = self.in_share(&numeral)
        {
            return share;
        }
        // "two and a half", "five and a quarter", "one and three quarters"
        if let Some(whole) = self.and_fraction(numeral) {
            return whole;
        }
        // "one over three", "1 over 20": a quotient written out, at a clause end ("5 over 3
        // years" is a span of time, not a fraction).
        if self.word_is(end, "over")
            && numeral.value.fract().is_zero()
            && !numeral.share
            && let Some(denominator) = self.bare_numeral(end + 1).filter(|d| {
                d.value.fract().is_zero()
                    && d.value > Decimal::ZERO
                    && !d.share
                    && self
                        .token(d.end)
                        .is_none_or(|t| matches!(t.kind, TokenKind::Punct(_)))
            })
        {
            return Numeral {
                value: round_significant(numeral.value / denominator.value),
                precision: round_significant(Decimal::ONE / denominator.value),
                end: denominator.end,
                plain_integer: false,
                ..numeral
            };
        }
        // "3 dozens", "three dozen"
        if self.word(end).is_some_and(|w| {
            is(w, "dozens")
                || ((is(w, "dozen") || matches!(w, "dz" | "dzs" | "doz" | "dozs")) && !numeral.words)
                || (matches!(w, "dzs" | "dozs") && numeral.words)
        }) {
            numeral.value *= Decimal::from(12);
            numeral.end = end + 1;
            numeral.plain_integer = false;
        }
        numeral
    }

    /// A fraction after "and" that completes a whole number: "two and a half", "five and a
    /// quarter", "two and fifty-four hundredths", "one million and a half".
    fn and_fraction(&self, mut numeral: Numeral) -> Option<Numeral> {
        let end = numeral.end;
        if !self.word_is(end, "and") {
            return None;
        }
        let (count, denominator_at) = match self.word(end + 1) {
            Some(w) if is(w, "a") || is(w, "one") => (Decimal::ONE, end + 2),
            Some(w) => match number_word(w) {
                Some(NumberWord::Unit(n @ 2..=9)) => (Decimal::from(n), end + 2),
                // "two and fifty-four hundredths": after whole words, a two-word numerator.
                Some(NumberWord::Unit(tens @ 20..=90)) if numeral.words && tens % 10 == 0 => {
                    match self.word(end + 3).and_then(number_word) {
                        Some(NumberWord::Unit(unit @ 1..=9)) if self.hyphen_joined(end + 3) => {
                            (Decimal::from(tens + unit), end + 4)
                        }
                        _ => (Decimal::from(tens), end + 2),
                    }
                }
                _ => (Decimal::ZERO, end),
            },
            None => (Decimal::ZERO, end),
        };
        if let Some((denominator, after)) = self.denominator(denominator_at) {
            let part = count / Decimal::from(denominator);
            // "one million and a half": a half of the scale the words ended on.
            let unit = numeral
                .end
                .checked_sub(1)
                .filter(|_| numeral.words)
                .and_then(|last| self.word(last))
                .and_then(scale_word)
                .map_or(Decimal::ONE, pow10);
            // "one billion and a half million": the fraction of the smaller scale after it.
            let (unit, scale_taken) = match self.word(after).and_then(scale_word) {
                Some(power) if pow10(power) < unit => (pow10(power), 1),
                _ => (unit, 0),
            };
            if !count.is_zero() && part < Decimal::ONE {
                numeral.value = round_significant(numeral.value + round_significant(part * unit));
                numeral.precision = numeral
                    .precision
                    .min(round_significant(Decimal::ONE / Decimal::from(denominator)));
                numeral.end = after + scale_taken;
                numeral.plain_integer = false;
                return Some(numeral);
            }
        }
        None
    }

    /// A fraction written with a slash at `at`: "3/4", "1/100th" (two small whole numbers glued
    /// to the slash, nothing glued after but an ordinal ending). Returns its value and the
    /// index past it.
    fn slash_fraction(&self, at: usize) -> Option<(Decimal, usize)> {
        self.token(at).filter(|t| t.is_number())?;
        if !(self.punct_is(at + 1, '/') && self.glued(at + 1) && self.glued(at + 2)) {
            return None;
        }
        self.token(at + 2).filter(|t| t.is_number())?;
        // "1/100th": an ordinal ending on the denominator, read with it.
        let ordinal = self.word(at + 3).is_some_and(|w| {
            self.glued(at + 3)
                && self
                    .surface(at + 2)
                    .parse::<u64>()
                    .is_ok_and(|d| ordinal_suffix_fits(d, w))
        });
        if !ordinal
            && self
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
        // A proper fraction ("3/4", "2 1/4"); "14/7" or "24/7" is a pair, not a quotient.
        if !(2..=1000).contains(&denominator) || !(1..=1000).contains(&numerator) || numerator >= denominator
        {
            return None;
        }
        Some((
            round_significant(Decimal::from(numerator) / Decimal::from(denominator)),
            at + 3 + usize::from(ordinal),
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
            // "0.4 –0.3": typesetters set a minus as an en dash; apart from the figure before
            // and glued to its own, it is a sign (a table's column of changes).
            TokenKind::Punct('–')
                if token.space_before
                    && (at == 0 || self.tokens[at - 1].is_number() || self.tokens[at - 1].is_punct('('))
                    && self
                        .token(at + 1)
                        .is_some_and(|next| next.is_number() && next.glued()) =>
            {
                self.digits(at + 1, true).map(|mut n| {
                    n.start = at;
                    n
                })
            }
            TokenKind::Punct(sign @ ('-' | '−' | '+')) => {
                let next = self.token(at + 1)?;
                // "−2341 m", "+1%", "and−2341 m" (a space lost in a PDF), "Δ=−0.4".
                let starts = token.space_before
                    || at == 0
                    || self
                        .word(at - 1)
                        .is_some_and(|w| matches!(w, "and" | "or" | "to"))
                    || matches!(
                        self.tokens[at - 1].kind,
                        TokenKind::Punct('=' | '<' | '>' | '≈' | '∼' | '~' | '≤' | '≥' | '(' | '[')
                    )
                    // "$-99.99": a sign after a currency symbol.
                    || matches!(self.tokens[at - 1].kind, TokenKind::Punct(c) if currency_symbol(c).is_some());
                // A plus sign marks a signed change ("+1%", "+0.8 °C"); a bare "+10" is a
                // calling code or an offset, no figure.
                let measured = sign != '+' || self.suffix(self.digits(at + 1, false)?.end).is_some();
                (next.is_number() && next.glued() && starts && measured)
                    .then(|| self.digits(at + 1, sign != '+'))
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
        let digits = read_digits(&text, self.mark).or_else(|| {
            // "88,3%" in a decimal-point document: a comma before one or two digits and a
            // percent sign or unit can only be a decimal comma.
            let fraction = text.rsplit(',').next().map_or(0, str::len);
            let marked = self.punct_is(end, '%') || self.word(end).is_some_and(|w| unit_word(w).is_some());
            (text.matches(',').count() == 1 && !text.contains('.') && (1..=2).contains(&fraction) && marked)
                .then(|| parse_digits(&text, super::number::DecimalMark::Comma))
                .flatten()
        })?;
        let mut value = digits.value;
        let mut precision = digits.precision;
        if let Some(TokenKind::Punct(c)) = self.token(end).filter(|t| t.glued()).map(|t| t.kind)
            && let Some(fraction) = vulgar_fraction(c)
        {
            value += fraction;
            precision = precision.min(fraction);
            end += 1;
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
        // "roughly 400 737 Max jets": one group that is no round number after a plain space,
        // then a name, is a count and a model; "400 737 jets", "24 000 Besucher" (German
        // capitalises its nouns) and "1 200 000" still group.
        if plain_space
            && end == from + 1
            && !self.surface(from).ends_with('0')
            && self.token(end).is_some_and(|t| t.is_word() && t.space_before)
            && self.surface(end).starts_with(char::is_uppercase)
        {
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
    #[expect(
        clippy::too_many_lines,
        reason = "one arm per kind of number word, as a table"
    )]
    fn words(&self, at: usize) -> Option<Numeral> {
        let first = self.word(at)?;
        // "nought point five": a zero word only before "point" ("came to naught" is no figure).
        if (is(first, "nought") || is(first, "naught")) && self.word_is(at + 1, "point") {
            let mut digits = String::new();
            let mut end = at + 2;
            while let Some(d) = self.word(end).and_then(decimal_digit_word) {
                digits.push(char::from_digit(d, 10).unwrap_or('0'));
                end += 1;
            }
            if digits.is_empty()
                && let Some(NumberWord::Unit(two @ 10..=19)) = self.word(end).and_then(number_word)
            {
                digits = two.to_string(); // "nought point eleven"
                end += 1;
            }
            let value: Decimal = format!("0.{digits}")
                .parse()
                .ok()
                .filter(|_| !digits.is_empty())?;
            return Some(Numeral {
                value,
                precision: Decimal::new(1, digits.len() as u32),
                start: at,
                end,
                words: true,
                share: false,
                plain_integer: false,
            });
        }
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
        // The units added since the last "hundred": "three hundred and two dozen" is 300 + 24.
        let mut since_hundred: u64 = 0;
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
                    since_hundred += u64::from(u);
                    place = Decimal::ONE;
                }
                NumberWord::Hundred => {
                    current = current.max(1) * 100;
                    since_hundred = 0;
                    place = Decimal::from(100);
                }
                NumberWord::Dozen => {
                    current = if since_hundred > 0 && current > since_hundred {
                        current - since_hundred + since_hundred * 12
                    } else {
                        current.max(1) * 12
                    };
                    since_hundred = 0;
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
                    since_hundred = 0;
                }
            }
            last = Some(number);
            end = index + 1;
            index += 1;
            // Skip the joiners: a glued hyphen, or "and" before another number word; a spaced
            // hyphen only between a tens word and a unit word ("fifty - two" in tokenised text:
            // no range runs down from fifty to two).
            let next = self.word(index + 1).and_then(number_word);
            let hyphen = self.is_dash(index)
                && next.is_some()
                && ((self.glued(index) && self.glued(index + 1))
                    || (matches!(last, Some(NumberWord::Unit(t)) if t >= 20 && t % 10 == 0)
                        && matches!(next, Some(NumberWord::Unit(1..=9)))
                        && self.punct_is(index, '-')));
            // "two million and one half": the "and" opens a fraction, read by the tail.
            let and = self.word_is(index, "and")
                && matches!(last, Some(NumberWord::Hundred | NumberWord::Scale(_)))
                && self
                    .word(index + 1)
                    .and_then(number_word)
                    .is_some_and(|n| matches!(n, NumberWord::Unit(_)))
                && self.word(index + 2).and_then(fraction_denominator).is_none();
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
            while let Some(d) = self.word(at_digit).and_then(decimal_digit_word) {
                digits.push(char::from_digit(d, 10).unwrap_or('0'));
                at_digit += 1;
            }
            // "point seventy-one": one two-digit word after the point.
            if digits.is_empty()
                && let Some(NumberWord::Unit(tens @ 10..=99)) = self.word(at_digit).and_then(number_word)
            {
                let mut two = tens;
                at_digit += 1;
                if tens % 10 == 0
                    && self.hyphen_joined(at_digit + 1)
                    && let Some(NumberWord::Unit(u @ 1..=9)) = self.word(at_digit + 1).and_then(number_word)
                {
                    two += u;
                    at_digit += 2;
                }
                digits = two.to_string();
            }
            if !digits.is_empty()
                && digits.len() <= MAX_FRACTION_DIGITS
                && let Ok(fraction) = format!("0.{digits}").parse::<Decimal>()
            {
                value += fraction;
                place = Decimal::new(1, digits.len() as u32);
                end = at_digit;
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
        if let Some(fraction) = self.improper_fraction(&numeral) {
            return Some(fraction);
        }
        if let Some(share) = self.in_share(&numeral) {
            return Some(share);
        }
        Some(numeral)
    }

    fn hyphen_joined(&self, index: usize) -> bool {
        index >= 2 && self.is_dash(index - 1) && self.glued(index - 1) && self.glued(index)
    }

    /// A fraction's denominator in words at `at`: one word ("fifths", "hundredth") or a tens
    /// word and an ordinal unit ("twenty-firsts", "thirty fifths"). Returns it and the index
    /// past it.
    fn denominator(&self, at: usize) -> Option<(u64, usize)> {
        if let Some(NumberWord::Unit(tens @ 20..=90)) = self.word(at).and_then(number_word)
            && tens % 10 == 0
        {
            let hyphen = self.hyphen_joined(at + 2);
            let unit_at = at + 1 + usize::from(hyphen);
            // "twenty seconds" is a duration; "twenty-second" joined by a hyphen is an ordinal.
            let unit = self.word(unit_at).and_then(|w| {
                let singular = w.strip_suffix('s').unwrap_or(w);
                crate::lexicon::number_words::ordinal_word(singular)
                    .filter(|&u| (1..=9).contains(&u) && (u != 2 || hyphen))
            });
            if let Some(unit) = unit {
                return Some((u64::from(tens) + u64::from(unit), unit_at + 1));
            }
        }
        self.word(at).and_then(fraction_denominator).map(|d| (d, at + 1))
    }

    /// Is the word at `index` a fraction's denominator joined to the number words before it by
    /// a hyphen, glued ("three-quarters") or spaced ("five - eighths", tokenised text)?
    fn denominator_joined(&self, index: usize) -> bool {
        self.hyphen_joined(index)
            || (index >= 2
                && self.punct_is(index - 1, '-')
                && self.word(index - 2).and_then(number_word).is_some()
                && self.word(index).and_then(fraction_denominator).is_some())
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
        if is(next, "half") {
            // "a half a billion dollars": "half a billion" after an article. "a year and a half
            // of his life": the end of a length of time, no share of his life.
            let half_of_scale = self.half_from(at + 1).filter(|_| self.word_is(at + 2, "a"));
            let mixed = at >= 2 && self.word_is(at - 1, "and");
            return match half_of_scale {
                Some(half) => Some(Numeral { start: at, ..half }),
                None if mixed => None,
                None => self.fraction_share(&one),
            };
        }
        if let Some(share) = self.fraction_share(&one) {
            return Some(share);
        }
        // "a dollar and 42 cents", "a euro a day", "less than a dollar": one of a currency when
        // cents, a rate or a bound make it an amount; "the value of a dollar" names the unit.
        if let Some((_, words)) = crate::lexicon::units::currency_name(next, self.word(at + 2)) {
            let after = at + 1 + words;
            let amount = self
                .word(after)
                .is_some_and(|w| is(w, "and") || is(w, "a") || is(w, "per"))
                || self.one_is_compared(at);
            return amount.then_some(one);
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
        self.half_from(at)
    }

    /// `half` whatever word stands before it.
    fn half_from(&self, at: usize) -> Option<Numeral> {
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
        // "half a mile", "half an hour", "half a percentage point": 0.5 of the unit after;
        // "half a worm", "half a world away": half of one thing, no share of a whole.
        if self.word_is(at + 1, "a") || self.word_is(at + 1, "an") {
            return self.unit_at(at + 2).is_some().then_some(Numeral {
                value: Decimal::new(5, 1),
                precision: Decimal::new(1, 1),
                start: at,
                end: at + 2,
                words: true,
                share: false,
                plain_integer: false,
            });
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
                // "two thirds (67%)": its percentage in parentheses.
                TokenKind::Punct('(') => self.token(index + 1).is_some_and(|t| t.kind == TokenKind::Number),
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
        // "three-quarters", "two-thirds": the denominator joined by a hyphen.
        let hyphen = usize::from(self.denominator_joined(numeral.end + 1) && numeral.words);
        let (denominator, end) = self.denominator(numeral.end + hyphen)?;
        let numerator = numeral.value;
        if numerator.is_zero() || numerator >= Decimal::from(denominator) || numeral.end - numeral.start > 2 {
            return None;
        }
        // More than one part takes a plural ("two fifths"): "two hundredth" is an ordinal.
        if numerator > Decimal::ONE && !self.word(end - 1).is_some_and(|w| w.ends_with('s')) {
            return None;
        }
        // "one-fifth is still", "almost one-third used": joined by a hyphen it can only be a
        // fraction; spaced ("one third party"), only before its whole or a clause end.
        let joined = hyphen == 1 && self.hyphen_joined(numeral.end + 1);
        // "one-half miles", "three-quarters of an hour" stays a share: a unit right after makes
        // the fraction a number of that unit.
        if joined && self.unit_at(end).is_some() {
            let part = round_significant(numerator / Decimal::from(denominator));
            return Some(Numeral {
                value: part,
                precision: round_significant(Decimal::ONE / Decimal::from(denominator)),
                end,
                ..*numeral
            });
        }
        if !joined && !self.share_follows(end) {
            return None;
        }
        let value =
            round_significant(numerator.checked_mul(Decimal::from(100))? / Decimal::from(denominator));
        Some(Numeral {
            value,
            precision: Decimal::ONE,
            end,
            share: true,
            ..*numeral
        })
    }

    /// "twenty-three fifths", "three halves": a fraction in words at or above one is a number
    /// (4.6, 1.5), not a share of a whole.
    fn improper_fraction(&self, numeral: &Numeral) -> Option<Numeral> {
        let hyphen = usize::from(self.denominator_joined(numeral.end + 1) && numeral.words);
        let (denominator, end) = self.denominator(numeral.end + hyphen)?;
        // A plural denominator: "twenty-three fifths", not "two hundred fifth" (an ordinal).
        if !self.word(end - 1).is_some_and(|w| w.ends_with('s')) {
            return None;
        }
        if numeral.value < Decimal::from(denominator) || !numeral.value.fract().is_zero() {
            return None;
        }
        Some(Numeral {
            value: round_significant(numeral.value / Decimal::from(denominator)),
            precision: round_significant(Decimal::ONE / Decimal::from(denominator)),
            end,
            ..*numeral
        })
    }

    /// "one in five", "1 in 4": a share; not "3 in 12 months" (a whole with a unit).
    fn in_share(&self, numeral: &Numeral) -> Option<Numeral> {
        if !self.word_is(numeral.end, "in") || numeral.value.is_zero() {
            return None;
        }
        let whole = self.numeral(numeral.end + 1)?;
        let small = whole.value > numeral.value
            && whole.value <= Decimal::from(1000)
            && whole.value.fract().is_zero();
        // "3 in 12 months" is a span of time, not a share.
        if !small || whole.share || self.suffix(whole.end).is_some() {
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

/// A digit written as a word after "point": "zero" to "nine", "nought", "naught", "oh".
fn decimal_digit_word(word: &str) -> Option<u32> {
    if is(word, "nought") || is(word, "naught") || is(word, "oh") {
        return Some(0);
    }
    match number_word(word) {
        Some(NumberWord::Unit(d @ 0..=9)) => Some(d),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::figures;
    use crate::claim::Kind;
    use rust_decimal::Decimal;

    fn one(text: &str) -> (Kind, String, Option<Decimal>) {
        let found = figures(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().expect("one figure")
    }

    #[test]
    fn digits_with_separators_and_decimals() {
        assert_eq!(
            one("They shipped 1,234.5 tonnes.").2,
            Some(Decimal::new(12345, 1))
        );
    }

    #[test]
    fn a_fraction_in_words_is_a_share() {
        let (kind, text, value) = one("Three quarters of firms grew.");
        assert_eq!(
            (kind, text.as_str(), value),
            (Kind::Percent, "Three quarters", Some(Decimal::from(75)))
        );
    }

    #[test]
    fn half_a_unit_is_half_of_it_and_half_a_thing_no_share() {
        let (kind, text, value) = one("The crew waited half an hour.");
        assert_eq!(
            (kind, text.as_str(), value),
            (Kind::Quantity, "half an hour", Some(Decimal::new(5, 1)))
        );
        let (kind, _, value) = one("Rates rose half a percentage point.");
        assert_eq!((kind, value), (Kind::Quantity, Some(Decimal::new(5, 1))));
        assert!(figures("Even half a world away, the gulls found the boat.").is_empty());
        let (kind, _, value) = one("Half the crew stayed ashore.");
        assert_eq!((kind, value), (Kind::Percent, Some(Decimal::from(50))));
    }

    #[test]
    fn compound_ordinal_words() {
        let (kind, _, value) = one("It was the twenty-first attempt.");
        assert_eq!((kind, value), (Kind::Ordinal, Some(Decimal::from(21))));
    }
}
