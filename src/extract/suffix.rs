//! What follows a numeral and says what it counts: its scale ("billion", "bn", a glued "m" in
//! money), its currency, percent sign or unit, and cents after a currency.

use rust_decimal::Decimal;

use super::Scanner;
use super::token::TokenKind;
use crate::claim::Kind;
use crate::lexicon::number_words::{is, scale_abbreviation, scale_word};
use crate::lexicon::units::{
    UnitKind, currency_code, currency_name, currency_symbol, lowercase_currency_code, unit_word,
};

/// What follows a numeral and says what it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Suffix {
    pub(super) kind: Kind,
    pub(super) unit: Option<&'static str>,
    pub(super) factor: u32,
}

impl Suffix {
    pub(super) const fn of(kind: Kind, unit: Option<&'static str>, factor: u32) -> Self {
        Self { kind, unit, factor }
    }
}

/// A currency's hundredth written after a figure: "cents" (dollars), "pence" (pounds).
pub(super) fn subunit(word: &str) -> Option<&'static str> {
    match word {
        "cents" | "cent" => Some("USD"),
        "pence" | "penny" => Some("GBP"),
        _ => None,
    }
}

impl Scanner<'_> {
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
    #[expect(clippy::too_many_lines, reason = "one arm per kind of suffix, as a table")]
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
        if matches!(symbol, "km" | "m")
            && let Some(next) = self.token(end).filter(|t| t.glued())
        {
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
    pub(super) fn cents(&self, at: usize) -> Option<(Decimal, usize)> {
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
}

#[cfg(test)]
mod tests {
    use super::super::figures;
    use crate::claim::Kind;
    use rust_decimal::Decimal;

    #[test]
    fn scale_word_after_a_currency_code() {
        let found = figures("Exports reached EUR 4 billion.");
        assert_eq!(
            found,
            vec![(
                Kind::Money,
                "EUR 4 billion".to_owned(),
                Some(Decimal::from(4_000_000_000_u64))
            )]
        );
    }

    #[test]
    fn unit_symbol_after_a_figure() {
        assert_eq!(figures("The road is 12 km long.")[0].0, Kind::Quantity);
    }

    #[test]
    fn cents_after_a_currency_join_its_figure() {
        let found = figures("It cost 3 dollars and 50 cents.");
        assert_eq!(
            found,
            vec![(
                Kind::Money,
                "3 dollars and 50 cents".to_owned(),
                Some(Decimal::new(35, 1))
            )]
        );
    }

    #[test]
    fn a_glued_scale_letter_without_money_is_a_scale() {
        let found = figures("A further 2.5bn was raised.");
        assert_eq!(found[0].2, Some(Decimal::from(2_500_000_000_u64)));
    }
}
