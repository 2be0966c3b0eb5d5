//! What follows a numeral and says what it counts: its scale ("billion", "bn", a glued "m" in
//! money), its currency, percent sign or unit, and cents after a currency.

use rust_decimal::Decimal;

use super::Scanner;
use super::token::TokenKind;
use crate::claim::Kind;
use crate::lexicon::number_words::{is, scale_abbreviation, scale_word};
use crate::lexicon::units::{
    Unit, UnitKind, currency_code, currency_name, currency_symbol, lowercase_currency_code, table_name,
    table_name_prefix, table_symbol, unit_word,
};

/// Words after "degrees" that make them academic degrees ("4,000 degrees awarded").
/// Words before a figure in "pounds" that make it money: "it cost 500 pounds", "a fine of
/// 200 pounds", "paid 3 million pounds"; without one, pounds weigh ("he weighed 243 pounds",
/// "lost 20 pounds", "a load of 300 pounds").
const POUNDS_PAY_BEFORE: &[&str] = &[
    "cost",
    "costs",
    "costing",
    "paid",
    "pay",
    "pays",
    "paying",
    "price",
    "priced",
    "prices",
    "worth",
    "fine",
    "fined",
    "fee",
    "fees",
    "spend",
    "spent",
    "spends",
    "spending",
    "earn",
    "earned",
    "earns",
    "earning",
    "earnings",
    "salary",
    "salaries",
    "wage",
    "wages",
    "budget",
    "bill",
    "tax",
    "taxes",
    "funding",
    "fund",
    "funds",
    "invest",
    "invested",
    "investment",
    "raise",
    "raised",
    "sold",
    "bought",
    "buy",
    "charge",
    "charged",
    "charges",
    "loan",
    "loans",
    "debt",
    "debts",
    "donated",
    "donation",
    "grant",
    "bonus",
    "prize",
    "rent",
    "profit",
    "profits",
    "revenue",
    "income",
    "compensation",
    "damages",
    "award",
    "awarded",
    "bid",
    "deal",
    "transfer",
    "pension",
    "allowance",
    "cash",
    "money",
    "owed",
    "owe",
    "owes",
    "save",
    "saved",
    "saving",
    "savings",
    "sum",
    "amount",
    "value",
    "valued",
    "stake",
    "bet",
    "ticket",
    "tickets",
    "fare",
];

/// Words before the figure that `POUNDS_PAY_BEFORE` looks back over.
const POUNDS_LOOKBACK: usize = 8;

const ACADEMIC_AFTER: &[&str] = &["awarded", "conferred", "granted", "earned", "completed"];

/// A period a rate is per, as claimlint writes it: "year", "yr", "annum" → "year"; "h".
pub(super) fn period_word(word: &str) -> Option<&'static str> {
    let lower = word.to_ascii_lowercase();
    Some(match lower.as_str() {
        "year" | "yr" | "annum" => "year",
        "month" | "mo" => "month",
        "week" | "wk" => "week",
        "day" | "d" => "day",
        "hour" | "hr" | "h" => "h",
        "minute" | "min" => "min",
        "second" | "sec" | "s" => "s",
        _ => return None,
    })
}

/// The period money is paid per after "a" ("$5 a month", "$10-a-year"): minutes and seconds
/// are left out, as they always were for this form.
fn rate_period(word: &str) -> Option<&'static str> {
    period_word(word).filter(|period| !matches!(*period, "s" | "min"))
}

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
    /// Whether the figure before "pound(s)" at `at` (the word and `taken` tokens) is money:
    /// "sterling" after it, a scale word before it ("3 million pounds"), a "£" anywhere in the
    /// sentence, or a word of paying shortly before; never before "of" ("5 pounds of flour").
    fn pounds_pay(&self, at: usize, taken: usize) -> bool {
        if self.word_is(at + taken, "sterling") {
            return true;
        }
        if self.word_is(at + taken, "of") {
            return false;
        }
        let before = self.tokens[..at]
            .iter()
            .rev()
            .filter(|t| t.is_word())
            .take(POUNDS_LOOKBACK + 1);
        let mut words = before.map(|t| &self.text[t.span.range()]);
        if words.clone().next().is_some_and(|w| scale_word(w).is_some()) || self.text.contains('£') {
            return true;
        }
        words.any(|w| POUNDS_PAY_BEFORE.iter().any(|cue| is(w, cue)))
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
        // "1.2B people", "2mil SEK": a noun or a currency code after the letter.
        let followed_by_word = self
            .word(at + 1)
            .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()) || currency_code(w).is_some());
        // Nothing after it in the clause: "reached 1.2b.", "2mil" alone.
        let clause_ends = self
            .token(at + 1)
            .is_none_or(|t| matches!(t.kind, TokenKind::Punct(c) if ".,;:)!?".contains(c)));
        // A decimal before the letter: "3B" may label an item, "1.2B" cannot.
        let decimal = at > 0 && self.tokens[at - 1].is_number() && self.surface(at - 1).contains(['.', ',']);
        let accept = strict
            || money
            || (glued && word.eq_ignore_ascii_case("k"))
            // "2.33 k": a spaced lower-case "k" (a spaced capital is kelvin).
            || (word == "k" && (followed_by_word || clause_ends))
            || (glued && matches!(word, "m" | "M") && followed_by_word && !self.next_is_unit_context(at + 1))
            // "1.2B people", "2mil users"
            || (glued && matches!(word, "B" | "b" | "mil") && followed_by_word)
            // "reached 1.2B.": a capital only ("bash 2.05b" is a version).
            || (glued && clause_ends && (word == "mil" || (decimal && matches!(word, "B" | "M"))));
        accept.then_some((power, at + 1))
    }

    /// After "0.5 M": a chemical's name (capitalised, not a currency: `NaCl`, "PBS", "Tris")
    /// or "solution" makes "M" molar rather than a million.
    fn molar_context(&self, index: usize) -> bool {
        self.word(index).is_some_and(|w| {
            (w.starts_with(|c: char| c.is_ascii_uppercase())
                && currency_code(w).is_none()
                && currency_name(w, None).is_none())
                || matches!(w, "solution" | "solutions")
        })
    }

    /// Is "× g" written at `at` ("4000 × g", "13,000 x g"): a lone "g" after the sign, nothing
    /// glued after it?
    fn times_gravity(&self, at: usize) -> bool {
        self.word(at + 1) == Some("g")
            && self.glued(at + 1) == self.glued(at)
            && !self
                .token(at + 2)
                .is_some_and(|t| t.glued() && (t.is_word() || t.is_number()))
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
            TokenKind::Punct('‰') => {
                return Some((Suffix::of(Kind::Quantity, Some("‰"), 1), at + 1));
            }
            // "4000 × g", "16,000×g": a centrifuge's force in multiples of gravity.
            TokenKind::Punct('×') if self.times_gravity(at) => {
                return Some((Suffix::of(Kind::Quantity, Some("×g"), 1), at + 2));
            }
            TokenKind::Word if self.surface(at) == "x" && self.times_gravity(at) => {
                return Some((Suffix::of(Kind::Quantity, Some("×g"), 1), at + 2));
            }
            TokenKind::Punct('°') => {
                // "20 °C", "4 °C/min", "45°", "54°N".
                let letter = self.word(at + 1).filter(|_| self.glued(at + 1));
                let (unit, end) = match letter {
                    Some("C") => ("°C", at + 2),
                    Some("F") => ("°F", at + 2),
                    Some("K") => ("K", at + 2),
                    Some("N") => ("°N", at + 2),
                    Some("S") => ("°S", at + 2),
                    Some("E") => ("°E", at + 2),
                    Some("W") => ("°W", at + 2),
                    Some(_) => return None,
                    None if token.glued() => ("°", at + 1),
                    None => return None,
                };
                let (unit, end) = self.compound_tail(unit, end);
                return Some((Suffix::of(Kind::Quantity, Some(unit), 1), end));
            }
            TokenKind::Punct('-') if token.glued() && self.glued(at + 1) => {
                // "three-year", "10-km"
                let word = self.word(at + 1)?;
                // "a 30-degree slope", "30-degrees".
                if is(word, "degree") || is(word, "degrees") {
                    return Some((Suffix::of(Kind::Quantity, Some("°"), 1), at + 2));
                }
                let unit = unit_word(word)?;
                // "a 2-min break", "a 51-bp fragment", "12-h shifts": these symbols are clear
                // after a hyphen when the compound ends there; others stay ambiguous ("5-m").
                let clear_compound = matches!(word, "min" | "ms" | "bp" | "h")
                    && !self
                        .token(at + 2)
                        .is_some_and(|t| t.glued() && (t.is_word() || t.is_number() || t.is_punct('-')));
                if crate::lexicon::units::is_ambiguous_symbol(word) && !clear_compound {
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
        // "wt.%", "wt %", "vol%", "at.%": a percentage by weight, volume or atoms.
        if matches!(word, "wt" | "vol" | "mol" | "at") {
            let dot = usize::from(self.punct_is(at + 1, '.') && self.glued(at + 1));
            if self.punct_is(at + 1 + dot, '%') && (word != "at" || dot == 1) {
                return Some((Suffix::of(Kind::Percent, Some("%"), 1), at + 2 + dot));
            }
        }
        if let Some((code, taken)) = currency_name(word, self.word(at + 1)) {
            // "5 pounds of flour" and "he weighed 243 pounds" weigh; "pounds sterling" and "it
            // cost 500 pounds" pay.
            let mass = matches!(word, "pound" | "pounds") && !self.pounds_pay(at, taken);
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
            let (unit, end) = match self.word(at + 1) {
                Some(w) if is(w, "celsius") || is(w, "centigrade") => ("°C", at + 2),
                Some(w) if is(w, "fahrenheit") => ("°F", at + 2),
                // "4,000 degrees were awarded": academic degrees, counted.
                Some(w)
                    if ACADEMIC_AFTER.iter().any(|a| is(w, a))
                        || ((is(w, "were") || is(w, "was"))
                            && self
                                .word(at + 2)
                                .is_some_and(|v| ACADEMIC_AFTER.iter().any(|a| is(v, a)))) =>
                {
                    return None;
                }
                // "rotated 90 degrees", "1.5 degrees of warming": degrees, as "°" writes them.
                _ => ("°", at + 1),
            };
            return Some((Suffix::of(Kind::Quantity, Some(unit), 1), end));
        }
        let (unit, first_end) = self.unit_at(at)?;
        let kind = match unit.kind {
            UnitKind::Percent => Kind::Percent,
            UnitKind::Duration => Kind::Duration,
            UnitKind::Quantity => Kind::Quantity,
        };
        if kind == Kind::Percent {
            return Some((Suffix::of(kind, Some("%"), unit.factor), first_end));
        }
        let (symbol, end) = if kind == Kind::Quantity {
            self.compound_tail(unit.symbol, first_end)
        } else {
            (unit.symbol, first_end)
        };
        Some((
            Suffix {
                kind,
                unit: Some(symbol),
                factor: unit.factor,
            },
            end,
        ))
    }

    /// A unit at `at`: a word or symbol of claimlint's own lexicon first, then the generated
    /// table's symbols (case as written: `MPa`, `keV`, `AU`) and names of up to four words
    /// ("astronomical units", "pounds per square inch", "electron-volts"). A one-letter symbol
    /// spaced after its figure needs a clear context. Returns the unit and the index past it.
    pub(super) fn unit_at(&self, at: usize) -> Option<(Unit, usize)> {
        let token = self.token(at).filter(|t| t.is_word())?;
        let word = self.surface(at);
        let spaced = !token.glued();
        // "kgs-1" before a negative power is kg s⁻¹, not the plural "kgs" to the minus one.
        if self.unit_power(word, at + 1).is_some_and(|(p, _)| p < 0)
            && unit_word(word).is_none()
            && let Some(found) = self.run_together_at(at)
        {
            return Some(found);
        }
        // "414 lb-ft of torque", "490 pound-feet": a torque, not a weight.
        if matches!(word, "lb" | "lbs" | "pound" | "pounds")
            && self.punct_is(at + 1, '-')
            && self.glued(at + 1)
            && self.glued(at + 2)
            && self
                .word(at + 2)
                .is_some_and(|w| matches!(w, "ft" | "feet" | "foot"))
        {
            return Some((Unit::quantity("lb·ft"), at + 3));
        }
        if let Some(unit) = unit_word(word) {
            let unclear = match word {
                "s" | "g" | "L" | "W" | "m" | "t" | "h" => !self.spaced_letter_is_unit(at),
                "ha" | "mi" | "ms" => !self.clear_symbol_context(at),
                _ => false,
            };
            if spaced && unclear {
                return None;
            }
            // A longer name that begins with this word ("pound per square inch") wins.
            if let Some(found) = self.table_name_at(at).filter(|(_, next)| *next > at + 1) {
                return Some(found);
            }
            return Some((unit, at + 1));
        }
        if let Some(found) = self.table_name_at(at) {
            return Some(found);
        }
        // "a 2 in pipe" is rare; "2 in." closing a sentence, "2 in thick" and "2 1/2 in" measure.
        if word == "in" && spaced && self.inch_context(at) {
            return Some((Unit::quantity("in"), at + 1));
        }
        // "sq mi", "square kilometres", "cubic metres", "cu ft": an area or volume by name.
        let power = match word {
            "sq" | "square" | "Square" => Some(2),
            "cu" | "cubic" | "Cubic" => Some(3),
            _ => None,
        };
        if let Some(power) = power
            && let Some(length) = self
                .word(at + 1)
                .and_then(unit_word)
                .filter(|u| is_length(u.symbol))
            && let Some(symbol) = crate::lexicon::units::compound(&[(length.symbol, power)])
        {
            return Some((Unit::quantity(symbol), at + 2));
        }
        // "10,000 U/ml", "40 IU/L": enzyme or international units, read only in a compound
        // (a lone "U" may be a grade or a name).
        let enzyme = match word {
            "U" => Some("U"),
            "IU" => Some("IU"),
            _ => None,
        };
        if let Some(symbol) = enzyme
            && self.punct_is(at + 1, '/')
            && self.glued(at + 1)
            && self.glued(at + 2)
            && self.word(at + 2).and_then(unit_word).is_some()
        {
            return Some((Unit::quantity(symbol), at + 1));
        }
        // "0.01 M PBS", "1 M NaCl", "a 2 M solution": molar before a chemical's name.
        if word == "M" && self.molar_context(at + 1) {
            return Some((Unit::quantity("M"), at + 1));
        }
        // "MtCO2e", "tCO2-eq", "cmH2O": a symbol with digits inside spans glued tokens.
        if let Some(found) = self.glued_symbol_at(at) {
            return Some(found);
        }
        let table = table_symbol(word)?;
        // A one-letter symbol needs a clear context ("5 A" may be a grade), unless no word is
        // written with that letter alone ("21 Å", "50 Ω").
        if word.chars().count() == 1 && word.is_ascii() && (!spaced || !self.spaced_letter_is_unit(at)) {
            return None;
        }
        Some((Unit::quantity(table.symbol), at + 1))
    }

    /// The longest symbol of the table made of two to five glued tokens from `at`, with a digit
    /// among them (`MtCO2e` is the word `MtCO`, the number `2` and the word `e`).
    fn glued_symbol_at(&self, at: usize) -> Option<(Unit, usize)> {
        self.token(at + 1).filter(|t| t.glued())?;
        let mut symbol = String::from(self.surface(at));
        let mut best = None;
        for index in at + 1..at + 5 {
            let Some(token) = self.token(index).filter(|t| t.glued()) else {
                break;
            };
            if !matches!(
                token.kind,
                TokenKind::Word | TokenKind::Number | TokenKind::Punct('-')
            ) {
                break;
            }
            symbol.push_str(self.surface(index));
            if symbol.bytes().any(|b| b.is_ascii_digit())
                && let Some(unit) = table_symbol(&symbol)
            {
                best = Some((Unit::quantity(unit.symbol), index + 1));
            }
        }
        best
    }

    /// Two unit symbols written as one word before a negative power ("mWm−2" is mW/m², "kgs-1"
    /// is kg/s): split where both halves are symbols and the power says it is a compound.
    fn run_together_at(&self, at: usize) -> Option<(Unit, usize)> {
        // Cheap first: without a glued negative power after the word there is nothing to split.
        self.unit_power("", at + 1).filter(|(p, _)| *p < 0)?;
        let word = self.surface(at);
        let known = |symbol: &str| {
            unit_word(symbol)
                .filter(|u| u.kind == UnitKind::Quantity)
                .map(|u| u.symbol)
                .or_else(|| table_symbol(symbol).map(|u| u.symbol))
        };
        for (split, _) in word.char_indices().skip(1) {
            let (Some(first), Some(second)) = (known(&word[..split]), known(&word[split..])) else {
                continue;
            };
            let (power, next) = self.unit_power(second, at + 1).filter(|(p, _)| *p < 0)?;
            let symbol = crate::lexicon::units::compound(&[(first, 1), (second, power)])?;
            return Some((Unit::quantity(symbol), next));
        }
        None
    }

    /// The longest unit name of the table starting at `at`, words joined by spaces or by glued
    /// hyphens ("kilowatt-hours").
    fn table_name_at(&self, at: usize) -> Option<(Unit, usize)> {
        let mut buffer = [0u8; 64];
        let mut len = 0;
        let mut best = None;
        let mut index = at;
        for _ in 0..4 {
            let Some(word) = self.word(index) else { break };
            if (len > 0 && word.len() == 1) || len + word.len() > buffer.len() || !word.is_ascii() {
                break;
            }
            for (slot, byte) in buffer[len..].iter_mut().zip(word.bytes()) {
                *slot = byte.to_ascii_lowercase();
            }
            len += word.len();
            let name = std::str::from_utf8(&buffer[..len]).ok()?;
            // Most words after a figure begin no unit name: stop at the first that cannot.
            if !table_name_prefix(name) {
                break;
            }
            if let Some(unit) = table_name(name) {
                best = Some((Unit::quantity(unit.symbol), index + 1));
            }
            let joiner = if self.punct_is(index + 1, '-') && self.glued(index + 1) && self.glued(index + 2) {
                index += 2;
                b'-'
            } else if self.token(index + 1).is_some_and(|t| t.is_word() && !t.glued()) {
                index += 1;
                b' '
            } else {
                break;
            };
            if len == buffer.len() {
                break;
            }
            buffer[len] = joiner;
            len += 1;
        }
        best
    }

    /// A power written after a unit symbol: "²", "³", "⁻¹", "−1", "-2", "^2", and "2" or "3"
    /// glued to a length ("m2", "cm3"). Returns it and the index past it.
    pub(super) fn unit_power(&self, symbol: &str, at: usize) -> Option<(i8, usize)> {
        let token = self.token(at).filter(|t| t.glued())?;
        let digit = |index: usize| -> Option<i8> {
            match self.surface(index) {
                "1" | "¹" => Some(1),
                "2" | "²" => Some(2),
                "3" | "³" => Some(3),
                _ => None,
            }
        };
        match token.kind {
            TokenKind::Punct('²') => Some((2, at + 1)),
            TokenKind::Punct('³') => Some((3, at + 1)),
            TokenKind::Punct('⁻') if self.glued(at + 1) => Some((-digit(at + 1)?, at + 2)),
            // "cm−1", "mg cm− 2": a minus glued to the symbol, the digit glued or spaced once.
            TokenKind::Punct('−' | '-') if self.token(at + 1).is_some_and(super::token::Token::is_number) =>
            {
                let end_of_word = self
                    .token(at + 2)
                    .is_none_or(|t| !t.glued() || !matches!(t.kind, TokenKind::Number | TokenKind::Word));
                (end_of_word && (self.glued(at + 1) || self.surface(at) == "−"))
                    .then(|| digit(at + 1).map(|d| (-d, at + 2)))
                    .flatten()
            }
            TokenKind::Punct('^') if self.glued(at + 1) => {
                let negative = matches!(self.token(at + 1)?.kind, TokenKind::Punct('−' | '-'));
                let index = at + 1 + usize::from(negative);
                let power = digit(index)?;
                Some((if negative { -power } else { power }, index + 1))
            }
            TokenKind::Number
                if matches!(symbol, "m" | "cm" | "mm" | "km" | "µm" | "nm" | "ft" | "s")
                    && self.token(at + 1).is_none_or(|t| !t.glued() || !t.is_word()) =>
            {
                digit(at).filter(|d| *d > 1).map(|d| (d, at + 1))
            }
            _ => None,
        }
    }

    /// The rest of a compound unit after its first symbol: its power, "/h", "per hectare",
    /// "m s−1" (a symbol with a negative power), "·m". Returns the compound's symbol and the
    /// index past it; the first symbol alone when nothing follows.
    pub(super) fn compound_tail(&self, first: &'static str, at: usize) -> (&'static str, usize) {
        let mut parts: [(&'static str, i8); 4] = [("", 0); 4];
        let mut count = 0;
        let mut end = at;
        let (power, next) = self.unit_power(first, end).unwrap_or_else(|| {
            // "4 km squared", "2 m cubed".
            match self.word(end) {
                Some(w) if is(w, "squared") && is_length(first) => (2, end + 1),
                Some(w) if is(w, "cubed") && is_length(first) => (3, end + 1),
                _ => (1, end),
            }
        });
        parts[0] = (first, power);
        count += 1;
        end = next;
        while count < parts.len() {
            let Some((symbol, power, next)) = self.compound_part(end) else {
                break;
            };
            parts[count] = (symbol, power);
            count += 1;
            end = next;
        }
        if count == 1 && power == 1 {
            return (first, at);
        }
        match crate::lexicon::units::compound(&parts[..count]) {
            Some(symbol) => (symbol, end),
            None => (first, at),
        }
    }

    /// One further part of a compound unit at `at`, with its power (negative below the line).
    fn compound_part(&self, at: usize) -> Option<(&'static str, i8, usize)> {
        let token = self.token(at)?;
        match token.kind {
            TokenKind::Punct('/') if token.glued() && self.glued(at + 1) => {
                let (symbol, next) = self.denominator_at(at + 1)?;
                let (power, next) = self.unit_power(symbol, next).unwrap_or((1, next));
                Some((symbol, -power, next))
            }
            TokenKind::Punct('·') if token.glued() && self.glued(at + 1) => {
                let (unit, next) = self.unit_at(at + 1)?;
                let (power, next) = self.unit_power(unit.symbol, next).unwrap_or((1, next));
                Some((unit.symbol, power, next))
            }
            TokenKind::Word if is(self.surface(at), "per") && !self.word_is(at + 1, "cent") => {
                let (symbol, next) = self.denominator_at(at + 1)?;
                let (power, next) = self.unit_power(symbol, next).unwrap_or((1, next));
                Some((symbol, -power, next))
            }
            // "m s−1", "W m−2": a spaced symbol with a negative power.
            TokenKind::Word if !token.glued() => {
                let word = self.surface(at);
                let symbol = unit_word(word)
                    .map(|u| u.symbol)
                    .or_else(|| table_symbol(word).map(|u| u.symbol))
                    .filter(|s| !s.is_empty())?;
                let (power, next) = self.unit_power(symbol, at + 1)?;
                (power < 0).then_some((symbol, power, next))
            }
            _ => None,
        }
    }

    /// Money per period or per unit after its figure: "USD 3 billion a year", "$15.4/hour",
    /// "$350 per kg", "EUR 2 million annually" → "USD/year", "USD/h", "USD/kg" (DESIGN.md).
    pub(super) fn money_rate(&self, code: &'static str, at: usize) -> Option<(&'static str, usize)> {
        let word = self.word(at);
        let (denominator, next) = match word {
            Some(w) if is(w, "annually") || is(w, "yearly") => ("year", at + 1),
            Some(w) if is(w, "monthly") => ("month", at + 1),
            Some(w) if is(w, "weekly") => ("week", at + 1),
            Some(w) if is(w, "per") => self.denominator_at(at + 1)?,
            Some(w) if is(w, "a") || is(w, "an") || is(w, "each") || is(w, "every") => {
                let period = self.word(at + 1).and_then(rate_period)?;
                // "$5 a year ago", "a year later": the period dates the figure, it is no rate.
                let dated = self.word(at + 2).is_some_and(|w| {
                    matches!(
                        w.to_ascii_lowercase().as_str(),
                        "ago"
                            | "earlier"
                            | "later"
                            | "before"
                            | "after"
                            | "on"
                            | "from"
                            | "since"
                            | "into"
                            | "until"
                            | "or"
                            | "old"
                            | "of"
                    )
                });
                if dated {
                    return None;
                }
                (period, at + 2)
            }
            None if self.punct_is(at, '/') && self.glued(at) && self.glued(at + 1) => {
                self.denominator_at(at + 1)?
            }
            // "the $10-a-month plan", "$1,500-per-month rents": the rate joined by hyphens.
            None if self.punct_is(at, '-') && self.glued(at) && self.glued(at + 1) => {
                let lead = self.word(at + 1)?;
                let joined = self.punct_is(at + 2, '-') && self.glued(at + 2) && self.glued(at + 3);
                if !joined || !(is(lead, "a") || is(lead, "an") || is(lead, "per")) {
                    return None;
                }
                (self.word(at + 3).and_then(rate_period)?, at + 4)
            }
            _ => return None,
        };
        crate::lexicon::units::compound(&[(code, 1), (denominator, -1)]).map(|unit| (unit, next))
    }

    /// What a compound unit is per: a unit ("/h", "per hectare", "/m³"), or "capita".
    fn denominator_at(&self, at: usize) -> Option<(&'static str, usize)> {
        let word = self.word(at)?;
        if is(word, "capita") {
            return Some(("capita", at + 1));
        }
        if let Some(period) = period_word(word) {
            return Some((period, at + 1));
        }
        if word == "l" {
            return Some(("L", at + 1)); // "mg/l"
        }
        let (unit, next) = self.unit_at(at)?;
        (unit.kind == UnitKind::Quantity && !unit.symbol.is_empty()).then_some((unit.symbol, next))
    }

    /// "in" after digits is inches only where no noun can follow it as a preposition: at the
    /// end of a sentence or clause, or before a word that says which way it measures.
    fn inch_context(&self, at: usize) -> bool {
        if at == 0 || !self.tokens[at - 1].is_number() {
            return false;
        }
        match self.token(at + 1) {
            None => true,
            Some(next) => match next.kind {
                TokenKind::Punct(c) => matches!(c, '.' | ',' | ';' | ')' | '('),
                TokenKind::Word => matches!(
                    self.surface(at + 1),
                    "long" | "wide" | "thick" | "tall" | "high" | "deep" | "diameter" | "across"
                ),
                TokenKind::Number => false,
            },
        }
    }

    /// A one-letter symbol spaced after its figure ("75 g glucose", "7000 K based on", "24 h
    /// later", "1000 m−2") is a unit unless a number or a capitalised word follows it (a list
    /// of labels, initials) or a label word stands before the figure ("Figure 3 h").
    fn spaced_letter_is_unit(&self, at: usize) -> bool {
        // "zero <xref/>s": after a number in words, a lone letter is an ending, not a symbol.
        if at == 0 || !self.tokens[at - 1].is_number() {
            return false;
        }
        let labelled = at >= 2
            && self
                .word(at - 2)
                .is_some_and(crate::lexicon::labels::is_label_word);
        if labelled {
            return false;
        }
        match self.token(at + 1) {
            None => true,
            Some(next) => match next.kind {
                TokenKind::Punct(c) => !matches!(c, '\'' | '’' | '&'),
                TokenKind::Word => self.surface(at + 1).starts_with(char::is_lowercase),
                TokenKind::Number => false,
            },
        }
    }

    /// A one-letter unit symbol spaced after a figure reads as a unit only at a clause end or
    /// before a preposition ("816 000 t of steel", "a 5 m wall" is too rare to guess).
    fn clear_symbol_context(&self, at: usize) -> bool {
        match self.token(at + 1) {
            None => true,
            Some(next) => match next.kind {
                TokenKind::Punct(c) => ".,;:)]/(±–—".contains(c),
                TokenKind::Word => matches!(
                    self.surface(at + 1),
                    "of" | "in"
                        | "at"
                        | "on"
                        | "with"
                        | "from"
                        | "into"
                        | "over"
                        | "under"
                        | "than"
                        | "was"
                        | "were"
                        | "is"
                        | "are"
                        | "has"
                        | "had"
                        | "which"
                        | "that"
                        | "while"
                        | "when"
                        | "where"
                        | "after"
                        | "before"
                        | "during"
                        | "respectively"
                        | "each"
                        | "between"
                        | "within"
                        | "resolution"
                        | "depth"
                        | "diameter"
                        | "length"
                        | "height"
                        | "thickness"
                        | "width"
                        | "radius"
                        | "interval"
                        | "intervals"
                        | "temperature"
                        | "temperatures"
                        | "squared"
                        | "cubed"
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

/// A unit of length, the ones whose square and cube are areas and volumes.
fn is_length(symbol: &str) -> bool {
    matches!(
        symbol,
        "m" | "cm" | "mm" | "km" | "µm" | "nm" | "mi" | "ft" | "in" | "yd"
    )
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
    fn scale_word_hyphenated_to_a_sum() {
        let found = figures("Russia owes $670-billion to foreigners, and 12-million people wait.");
        assert_eq!(
            found[0],
            (
                Kind::Money,
                "$670-billion".to_owned(),
                Some(Decimal::from(670_000_000_000_u64))
            )
        );
        // Only a sum's: a count hyphenated to a scale word is left as it was read.
        assert_eq!(found[1].1, "12");
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
