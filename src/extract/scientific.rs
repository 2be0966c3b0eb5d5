//! Scientific notation read as exact values: "1.3 × 10^6" → 1,300,000, "6.23x10^-4" →
//! 0.000623, "10^−3" → 0.001 (JATS writes the exponent as a superscript), "1.3e6", "-12e-1";
//! powers of other bases ("1.1^23", "2.5^-1") computed to the 28 digits a `Decimal` holds.
//! The precision is the mantissa's last stated place times the power ("1.3 × 10^6" → 100,000);
//! for another base, the last place of the computed value.

use rust_decimal::Decimal;

use super::number::{parse_digits, round_significant};
use super::numeral::pow10;
use super::token::TokenKind;
use super::{Figure, Parsed, Scanner};
use crate::claim::Kind;

/// Largest power of ten read (a `Decimal` holds 28 digits).
const MAX_EXPONENT: u32 = 28;

impl Scanner<'_> {
    /// A figure in scientific notation starting at token `at` (a sign or the mantissa).
    pub(super) fn scientific(&self, at: usize) -> Option<Parsed> {
        // Glued to what comes before ("#3e4", a colour; "v1e3") it is part of a name; after a
        // bracket, a comparison or a range dash ("<1e-04", "10^4–10^5") it is a figure.
        let opens = at > 0
            && self.glued(at)
            && !matches!(
                self.tokens[at - 1].kind,
                TokenKind::Punct('(' | '[' | '~' | '≈' | '<' | '>' | '≤' | '≥' | '=' | '–' | '—' | '-')
            );
        if opens {
            return None;
        }
        let (negative, mantissa_at) = match self.token(at)?.kind {
            TokenKind::Punct('-' | '−') if self.token(at + 1)?.is_number() && self.glued(at + 1) => {
                // A sign, not a hyphen joining words or figures ("pre-1e3", "5-1e3"): those
                // are glued to the token before and were refused above.
                (true, at + 1)
            }
            TokenKind::Number => (false, at),
            _ => return None,
        };
        // Most numbers are not in scientific notation: look at the token after first.
        let after = self.token(mantissa_at + 1)?;
        let may_follow = match after.kind {
            TokenKind::Punct(c) => matches!(c, '^' | '×' | '·' | '*'),
            TokenKind::Word => matches!(self.surface(mantissa_at + 1), "x" | "e" | "E"),
            TokenKind::Number => false,
        };
        if !may_follow {
            return None;
        }
        let mantissa = parse_digits(self.surface(mantissa_at), self.mark)?;
        let (exponent, end) = self
            .times_ten_to(mantissa_at + 1)
            .or_else(|| self.e_notation(mantissa_at + 1))
            // "10^-3", "1.1^23" alone: the mantissa is the base.
            .or_else(|| self.power(mantissa_at + 1))?;
        let bare_power = self.punct_is(mantissa_at + 1, '^');
        let (mut value, precision) = if bare_power && self.surface(mantissa_at) != "10" {
            // "1.1^23", "2.5^-1": a power of another base, computed exactly (to 28 digits).
            let power = power_of(mantissa.value, exponent)?;
            (power, last_place(power))
        } else {
            let (mantissa_value, mantissa_precision) = if bare_power {
                (Decimal::ONE, Decimal::ONE)
            } else {
                (mantissa.value, mantissa.precision)
            };
            let factor = power_of_ten(exponent)?;
            (
                mantissa_value.checked_mul(factor)?,
                mantissa_precision.checked_mul(factor)?,
            )
        };
        if negative {
            value = -value;
        }
        // A glued letter or digit after it makes a name or code ("1e10x", "3x10^6b").
        if self
            .token(end)
            .is_some_and(|t| t.glued() && (t.is_word() || t.is_number()))
        {
            return None;
        }
        let mut parsed = Parsed {
            kind: Kind::Count,
            figure: Figure::Number {
                value: value.normalize(),
                precision: precision.normalize(),
            },
            unit: None,
            start: at,
            end,
            qualifier: None,
            scale: None,
        };
        // A measure after it: "3 × 10^8 m/s", "4e14 Hz".
        if let Some((suffix, next)) = self.suffix(end)
            && suffix.kind == Kind::Quantity
            && suffix.factor == 1
        {
            parsed.kind = Kind::Quantity;
            parsed.unit = suffix.unit;
            parsed.end = next;
        }
        Some(parsed)
    }

    /// "× 10^6", "x10^-4", "·10^3" after a mantissa: the exponent and the token past it.
    fn times_ten_to(&self, at: usize) -> Option<(i32, usize)> {
        let times = self.punct_is(at, '×')
            || self.punct_is(at, '·')
            || self.punct_is(at, '*')
            || self.word_is(at, "x");
        if !times || self.surface(at + 1) != "10" {
            return None;
        }
        self.power(at + 2).or_else(|| {
            // "2.10 × 10-5", "2.48×10−5": a superscript exponent flattened to text (PDF
            // extraction). After "× 10" a glued signed number can only be the power.
            let sign = self.token(at + 2).filter(|t| t.glued())?;
            (matches!(sign.kind, TokenKind::Punct('-' | '−')) && self.glued(at + 3))
                .then(|| self.exponent(at + 2))
                .flatten()
        })
    }

    /// "^6", "^-3", "^−3" glued after a base: the exponent and the token past it.
    fn power(&self, at: usize) -> Option<(i32, usize)> {
        if !(self.punct_is(at, '^') && self.glued(at)) {
            return None;
        }
        self.exponent(at + 1)
    }

    /// "e6", "E+14", "e-3" glued to a mantissa.
    fn e_notation(&self, at: usize) -> Option<(i32, usize)> {
        if !(matches!(self.word(at), Some("e" | "E")) && self.glued(at)) {
            return None;
        }
        let (exponent, end) = self.exponent(at + 1)?;
        self.glued(at + 1).then_some((exponent, end))
    }

    /// A signed whole exponent of at most two digits ("--23": two signs, glued, multiply).
    fn exponent(&self, at: usize) -> Option<(i32, usize)> {
        let sign_of = |index: usize| match self.token(index).map(|t| t.kind) {
            Some(TokenKind::Punct('-' | '−' | '–')) => Some(-1),
            Some(TokenKind::Punct('+')) => Some(1),
            _ => None,
        };
        let (sign, digits_at) = match (sign_of(at), sign_of(at + 1)) {
            (Some(first), Some(second)) if self.glued(at + 1) => (first * second, at + 2),
            (Some(sign), _) => (sign, at + 1),
            (None, _) => (1, at),
        };
        let digits = self.token(digits_at).filter(|t| t.is_number())?;
        let text = &self.text[digits.span.range()];
        if text.len() > 2 || !text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if digits_at > at && !self.glued(digits_at) {
            return None;
        }
        Some((sign * text.parse::<i32>().ok()?, digits_at + 1))
    }
}

/// `base` to a whole power, rounded to the 28 significant digits a `Decimal` holds; `None` when
/// it overflows or the base is zero under a negative power.
fn power_of(base: Decimal, exponent: i32) -> Option<Decimal> {
    let mut value = Decimal::ONE;
    for _ in 0..exponent.unsigned_abs() {
        value = round_significant(value.checked_mul(base)?);
    }
    if exponent < 0 {
        value = round_significant(Decimal::ONE.checked_div(value)?);
    }
    Some(value.normalize())
}

/// The place value of a number's last digit (0.4 → 0.1, 8.95 → 0.01, 300 → 1).
fn last_place(value: Decimal) -> Decimal {
    Decimal::new(1, value.normalize().scale())
}

/// 10 to a whole power, exactly, within what a `Decimal` holds.
fn power_of_ten(exponent: i32) -> Option<Decimal> {
    let magnitude = exponent.unsigned_abs();
    if magnitude > MAX_EXPONENT {
        return None;
    }
    if exponent >= 0 {
        Some(pow10(magnitude))
    } else {
        Some(Decimal::new(1, magnitude))
    }
}
