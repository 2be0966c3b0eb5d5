//! The figure-or-name decision: whether a numeral is a figure of the sentence or part of a
//! name — "5G", "G20", "COVID-19", "ISO/IEC 30141", "Exhibit 1", a phone number, a date chain.

use std::sync::OnceLock;

use regex::Regex;
use rust_decimal::Decimal;

use super::Scanner;
use super::numeral::Numeral;
use super::token::TokenKind;
use crate::claim::Qualifier;
use crate::lexicon::labels::{is_label_word, is_name_prefix};
use crate::lexicon::number_words::{is, ordinal_suffix_fits, scale_abbreviation, scale_word};
use crate::lexicon::units::{currency_code, currency_name, unit_word};

/// Time zones written after a 24-hour time ("1909 GMT", "0309 HKT").
const TIME_ZONES: &[&str] = &[
    "GMT", "UTC", "Z", "BST", "CET", "CEST", "EET", "EEST", "WET", "MSK", "IST", "PKT", "HKT", "SGT", "CST",
    "JST", "KST", "AEST", "AEDT", "NZST", "NZDT", "EST", "EDT", "ET", "CDT", "CT", "MST", "MDT", "MT", "PST",
    "PDT", "PT",
];

impl Scanner<'_> {
    /// A software version, not a figure: a decimal after "version" or "versions", with any
    /// others listed after it ("versions 3.9 and 3.10", "Python 2.6 or 2.7"), and either end
    /// of a span of versions whose minor numbers run up while the decimals would run down
    /// ("3.9 - 3.12", "1.8 to 1.10").
    fn is_version(&self, numeral: &Numeral) -> bool {
        let at = numeral.start;
        let surface = self.surface(at);
        if !surface.contains('.') {
            return false;
        }
        let joined = |index: usize| self.is_dash(index) || self.word_is(index, "to");
        // "fell from 1.8 to 1.10 percent": a measured span is a range of values.
        let measured =
            |index: usize| self.scale(index, false, false).is_some() || self.suffix(index).is_some();
        if numeral.end == at + 1
            && joined(at + 1)
            && self.token(at + 2).is_some_and(super::token::Token::is_number)
            && version_span(surface, self.surface(at + 2))
            && !measured(at + 3)
        {
            return true;
        }
        if at >= 2 && joined(at - 1) && version_span(self.surface(at - 2), surface) && !measured(at + 1) {
            return true;
        }
        // Back over a list of versions to the word that names them (a few tokens at most).
        let mut back = at;
        for _ in 0..8 {
            let Some(previous) = back.checked_sub(1) else {
                return false;
            };
            back = previous;
            if self.word_is(back, "version") || self.word_is(back, "versions") {
                return true;
            }
            // "Python 2.6 or 2.7": the list opens with a product's version.
            if back < at
                && self.token(back).is_some_and(super::token::Token::is_number)
                && self.surface(back).contains('.')
                && self
                    .previous_word(back)
                    .is_some_and(|previous| self.names_a_product(back, previous))
            {
                return true;
            }
            let listed = self.token(back).is_some_and(super::token::Token::is_number)
                || self.punct_is(back, ',')
                || self.word_is(back, "and")
                || self.word_is(back, "or");
            if !listed {
                return false;
            }
        }
        false
    }

    /// Whether `previous`, the word before the number at `at`, names a product whose version
    /// the number may be ("Firefox 3.6", "Python 3.12"): capitalised, not opening the
    /// sentence, no month and no statistic's name ("95% CI 1.92–2.65", "OR 1.4", "SD 0.8").
    fn names_a_product(&self, at: usize, previous: &str) -> bool {
        previous.starts_with(|c: char| c.is_uppercase())
            && at >= 2
            && !self.starts_sentence(at - 1)
            && crate::calendar::month_number(previous).is_none()
            && previous.len() > 1
            && !matches!(
                previous,
                "CI" | "CrI"
                    | "OR"
                    | "aOR"
                    | "HR"
                    | "aHR"
                    | "RR"
                    | "IRR"
                    | "SD"
                    | "SE"
                    | "SEM"
                    | "IQR"
                    | "AUC"
                    | "ICC"
                    | "RMSE"
                    | "MAE"
                    | "BMI"
            )
    }

    /// Whether a whole number names a model of the product the word before it names ("an
    /// iPhone 15", "his Xbox 360", "the Minicom 6000 series", "a Radeon Pro 5300M card"): the
    /// word is a name (capitalised, or "iPhone"-like) not opening the sentence, no function
    /// word, hedge or month, and no place after a preposition ("in Texas 300 died"); the
    /// number is plain digits, no year, and nothing after it measures or is counted (no unit,
    /// scale or plural noun: "Ohio 27 schools"), but a scale letter glued to four digits or
    /// more ("5300M": 5.3 billion is written "5.3B"). `measured` is the caller's finding that a scale or a suffix follows the number (or
    /// a measured span's far end), not looked up again.
    fn names_a_model(&self, numeral: &Numeral, previous: &str, measured: bool) -> bool {
        let at = numeral.start;
        let digits = self.surface(at);
        // "the 1000 series", "the 7 Series", "the 787 program": a model or a range of them (a
        // count would take the plural).
        if matches!(previous, "the" | "The")
            && numeral.end == at + 1
            && digits.bytes().all(|b| b.is_ascii_digit())
            && self.word(at + 1).is_some_and(|w| {
                let w = w.to_ascii_lowercase();
                // "the 2018 model", "the 2012 program": a year's.
                w == "series"
                    || (!modern_year(digits)
                        && matches!(
                            w.as_str(),
                            "program" | "programme" | "model" | "family" | "platform" | "variant"
                        ))
            })
        {
            return true;
        }
        let named = previous.starts_with(|c: char| c.is_uppercase())
            || previous.chars().nth(1).is_some_and(char::is_uppercase);
        if !named
            || numeral.end != at + 1
            || !digits.bytes().all(|b| b.is_ascii_digit())
            || at < 2
            || self.starts_sentence(at - 1)
            || self.glued(at)
            || previous.ends_with('s')
            || crate::calendar::month_number(previous).is_some()
            || crate::ingest::language::is_english_function_word(previous)
            || is_label_word(previous)
            || matches!(
                previous.to_ascii_lowercase().as_str(),
                "nearly"
                    | "almost"
                    | "around"
                    | "roughly"
                    | "approximately"
                    | "top"
                    | "only"
                    | "just"
                    // A title's threshold: "Before and After Age 65", "Children Under 5".
                    | "age"
                    | "aged"
                    | "ages"
            )
            || previous.chars().count() < 2
            || self.unit_at(at - 1).is_some()
            || (digits.len() == 4 && (1000..=2199).contains(&digits.parse::<u32>().unwrap_or(0)))
        {
            return false;
        }
        // "In Texas 300 died": a place after a preposition, then a count.
        if self.previous_word(at - 1).is_some_and(|before| {
            matches!(
                before,
                "in" | "In" | "at" | "from" | "across" | "for" | "of" | "to" | "by"
            )
        }) {
            return false;
        }
        let end = numeral.end;
        let big = digits.len() >= 4;
        let glued_scale = self.token(end).is_some_and(|t| t.glued() && t.is_word())
            && self.word(end).is_some_and(|w| matches!(w, "K" | "M" | "B"));
        if glued_scale {
            return big && !self.after_currency_sign(at);
        }
        if measured || self.unit_at(end).is_some() {
            return false;
        }
        // "Chile 3-0", "Coast 1790–1795": a score or a span, read as one.
        if self.is_dash(end) || self.punct_is(end, '/') || self.word_is(end, "to") {
            return false;
        }
        match self.token(end) {
            Some(token) if token.is_number() => false,
            Some(token) if token.is_word() => {
                let next = self.surface(end);
                !(next.ends_with('s') && next.len() > 3 && !matches!(next, "series" | "Series" | "Plus"))
            }
            _ => true,
        }
    }

    /// Tells a figure from a name: "5G", "G20", "COVID-19", "ISO/IEC 30141", "Exhibit 1",
    /// "(1) firstly", a capitalised "Five Year Plan", a pronoun "one".
    #[expect(
        clippy::too_many_lines,
        reason = "one guard per kind of name, read top to bottom"
    )]
    pub(super) fn numeral_is_figure(&self, numeral: &Numeral, in_range: bool) -> bool {
        let at = numeral.start;
        if self.clock_time(numeral) {
            return false;
        }
        // "802.11ac", "802.3": the IEEE's networking standards, named by number.
        if !numeral.words && self.surface(at).starts_with("802.") {
            return false;
        }
        if self.nucleic_acid_end(numeral) {
            return false;
        }
        if numeral.words {
            let word = self.surface(at);
            let capitalised = word.starts_with(|c: char| c.is_uppercase());
            if capitalised && !self.starts_sentence(at) && !(is(word, "a") || is(word, "an")) {
                return false;
            }
            if self.half_is_a_place(numeral) {
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
        if self.is_identifier(numeral) || self.is_version(numeral) {
            return false;
        }
        if at > 0 && self.glued(at) && !in_range {
            let previous = self.tokens[at - 1];
            match previous.kind {
                // "and−2341 m": a conjunction glued to a signed figure by a PDF's lost space.
                TokenKind::Word
                    if matches!(self.surface(at - 1), "and" | "or" | "to")
                        && self.tokens[at].is_punct('−') => {}
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
                // "…2025 0%25%50%": a chart's axis labels run together.
                TokenKind::Punct('/' | '#' | '+' | '_' | '\\' | '&' | '@' | '^' | '%') => return false,
                TokenKind::Punct('=') if !self.states_a_value(at, numeral.end) => return false,
                // "H.264", "v.2": a number glued to a word by a dot is part of a name.
                TokenKind::Punct('.') if at >= 2 && self.glued(at - 1) && self.tokens[at - 2].is_word() => {
                    return false;
                }
                // "var1<98": a comparison in code, the number glued to an identifier before it.
                TokenKind::Punct('<' | '>')
                    if at >= 3
                        && self.glued(at - 1)
                        && self.tokens[at - 2].is_number()
                        && self.glued(at - 2)
                        && self.tokens[at - 3].is_word() =>
                {
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
            let named = self.names_a_product(at, previous);
            // "Ni 3.5 to 5%": a range whose far end is measured measures the near end too.
            let range_measured = (self.word_is(numeral.end, "to") || self.is_dash(numeral.end))
                && self
                    .token(numeral.end + 1)
                    .is_some_and(super::token::Token::is_number)
                && self.suffix(numeral.end + 2).is_some();
            let measured = self.scale(numeral.end, false, false).is_some()
                || self.suffix(numeral.end).is_some()
                || range_measured;
            if decimal && named && !measured && !in_range {
                return false;
            }
            if !in_range && self.names_a_model(numeral, previous, measured) {
                return false;
            }
            // "the top 100 songs", "a top 10 list": a chart or a list named by its size (a
            // share, "the top 1 percent", is measured).
            if is(previous, "top")
                && numeral.plain_integer
                && numeral.end == at + 1
                && !measured
                && !modern_year(self.surface(at))
            {
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
                    // A unit of either lexicon, compounds and run-together symbols included.
                    let known = self.unit_at(end).is_some()
                        || scale_abbreviation(word).is_some()
                        || scale_word(word).is_some()
                        || currency_code(word).is_some()
                        || (word.len() == 2
                            && ordinal_suffix_fits(0, "th")
                            && matches!(word, "st" | "nd" | "rd" | "th"));
                    if !known {
                        return false;
                    }
                    // "NBA 2K20": a scale's letter glued between digits names a product.
                    if scale_abbreviation(word).is_some()
                        && word.chars().all(|c| c.is_ascii_uppercase())
                        && self.unit_at(end).is_none()
                        && self.token(end + 1).is_some_and(|t| t.glued() && t.is_number())
                    {
                        return false;
                    }
                    // "4K", "8K": a screen's resolution in a sentence about screens, not
                    // four thousand ("$4K" stays money).
                    if word == "K"
                        && numeral.plain_integer
                        && [2, 4, 5, 6, 8].map(Decimal::from).contains(&numeral.value)
                        && !self.after_currency_sign(at)
                        && self.sentence_facts().is_some_and(|facts| facts.screens)
                    {
                        return false;
                    }
                    // "2024h2", "2025H1": a half-year's name, a unit letter glued between digits
                    // (not a unit's power: "50m2" is read whole as m²).
                    if let Some((_, after)) = self.unit_at(end)
                        && self.token(after).is_some_and(|t| t.glued() && t.is_number())
                        && self.unit_power(self.surface(after - 1), after).is_none()
                    {
                        return false;
                    }
                }
                TokenKind::Punct(':') if self.token(end + 1).is_some_and(|t| t.is_number() && t.glued()) => {
                    return false;
                }
                TokenKind::Punct('-' | '/') if self.dash_chain(end) => return false,
                // "14/7", "24/7", "9/11": two numbers paired by a slash, not a quotient.
                TokenKind::Punct('/') if self.token(end + 1).is_some_and(|t| t.glued() && t.is_number()) => {
                    return false;
                }
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

    /// What the whole sentence says of its figures, read once.
    fn sentence_facts(&self) -> Option<&SentenceFacts> {
        let (first, last) = (self.tokens.first()?, self.tokens.last()?);
        Some(
            self.facts
                .get_or_init(|| SentenceFacts::of(&self.text[first.span.start..last.span.end])),
        )
    }

    /// Whether a currency sign stands just before the token at `at` ("$4K").
    fn after_currency_sign(&self, at: usize) -> bool {
        self.token(at).is_some_and(|token| {
            self.text[..token.span.start]
                .chars()
                .next_back()
                .is_some_and(|c| matches!(c, '$' | '€' | '£' | '¥' | '₹'))
        })
    }

    /// Numbers that locate a place rather than measure: coordinates ("40°N 100°W", and the
    /// decimal pair "40; -100" a sentence with them repeats), ZIP codes ("DC 20036") and
    /// street numbers ("1100 Connecticut Ave.").
    fn is_place(&self, numeral: &Numeral, before: &str, after: &str, coordinates: bool) -> bool {
        let patterns = identifier_patterns();
        if patterns.compass_after.is_match(after) {
            return true;
        }
        if coordinates && (patterns.pair_after.is_match(after) || patterns.pair_before.is_match(before)) {
            return true;
        }
        let digits = self.surface(numeral.start);
        (digits.len() == 5 && numeral.plain_integer && patterns.state_before.is_match(before))
            || (numeral.plain_integer && is_street_after(after))
            || is_postal_code(digits, before, after)
    }

    /// "Join over 500 readers who get our newsletter", "Join the 12,000 members": a site's
    /// invitation opening its sentence counts its audience to sell a subscription ("Join 20
    /// other bakeries" counts bakeries).
    fn is_invitation(&self, numeral: &Numeral) -> bool {
        let mut at = numeral.start;
        for _ in 0..3 {
            let Some(word) = self.previous_word(at) else {
                return false;
            };
            if word.eq_ignore_ascii_case("join") {
                return self.starts_sentence(at - 1) && self.audience_after(numeral.end);
            }
            if !["over", "more", "than", "the", "our", "nearly", "almost", "some"]
                .iter()
                .any(|w| w.eq_ignore_ascii_case(word))
            {
                return false;
            }
            at -= 1;
        }
        false
    }

    /// Whether the words after a count name a site's audience ("500 visitors", "9,000 other
    /// readers"), not a count of things ("20 other bakeries").
    fn audience_after(&self, end: usize) -> bool {
        const AUDIENCE: [&str; 9] = [
            "visitors",
            "readers",
            "subscribers",
            "members",
            "followers",
            "people",
            "users",
            "professionals",
            "others",
        ];
        let next = if self.word_is(end, "other") { end + 1 } else { end };
        self.word(next)
            .is_some_and(|w| AUDIENCE.iter().any(|a| w.eq_ignore_ascii_case(a)))
    }

    /// "70 per 100,000 live births", "seven out of every 100 children": the base of a rate,
    /// not a figure of its own; "registration numbers 04252091": a count is never written
    /// with a leading zero.
    fn is_base_or_numbered(&self, numeral: &Numeral) -> bool {
        let round_base = matches!(
            numeral.value.normalize().to_string().as_str(),
            "100" | "1000" | "10000" | "100000" | "1000000"
        );
        let base = round_base
            && !numeral.words
            && self
                .previous_word(numeral.start)
                .is_some_and(|w| w.eq_ignore_ascii_case("per") || w.eq_ignore_ascii_case("every"));
        let digits = self.surface(numeral.start);
        let leading_zero =
            numeral.plain_integer && !numeral.words && digits.len() >= 3 && digits.starts_with('0');
        base || leading_zero
    }

    /// Identifiers that the words around a number make one, whatever the number: legal and
    /// regulatory citations ("26 U.S.C. § 32(b)(1)", "§232.405", "129 Stat. 39", "501(c)(3)"),
    /// postal addresses ("DC 20036", "1100 Connecticut Ave."), standard, document and model
    /// numbers after an acronym ("FIPS 197", "NIST SP 800-53", "CDC 6600"), status codes ("a 503
    /// status code") and numbered paragraphs ("212." alone, or opening its sentence).
    pub(super) fn is_identifier(&self, numeral: &Numeral) -> bool {
        let patterns = identifier_patterns();
        let (Some(first), Some(last)) = (self.tokens.first(), self.tokens.last()) else {
            return false;
        };
        let (Some(start), Some(end)) = (
            self.token(numeral.start),
            self.token(numeral.end.saturating_sub(1)),
        ) else {
            return false;
        };
        let before_from = crate::span::floor_char_boundary(
            self.text,
            start.span.start.saturating_sub(40).max(first.span.start),
        );
        let before = &self.text[before_from..start.span.start];
        let after_to = crate::span::floor_char_boundary(self.text, (end.span.end + 60).min(last.span.end));
        let after = &self.text[end.span.end..after_to.max(end.span.end)];
        // Every pattern of the text after, in one pass: most numbers are judged by several.
        let after_matches = patterns.after.matches(after);
        if patterns.code_before.is_match(before) || after_matches.matched(AfterPattern::Code as usize) {
            return true;
        }
        // Markup and code: `w:w="12240"`, shell parameters `$0, $1, $2`.
        if before.ends_with("=\"") || before.ends_with("='") {
            return true;
        }
        let facts = self
            .facts
            .get_or_init(|| SentenceFacts::of(&self.text[first.span.start..last.span.end]));
        if facts.tally {
            return true;
        }
        if before.ends_with('$')
            && numeral.plain_integer
            && numeral.value < Decimal::TEN
            && facts.shell
            && self.scale(numeral.end, true, false).is_none()
        {
            return true;
        }
        // A reference entry ("… 1996 ISBN 0-262-68092-0 MIT Press 547pp.") holds no claims.
        if facts.reference_entry {
            return true;
        }
        if self.is_base_or_numbered(numeral) || self.is_invitation(numeral) || is_code_call(before, after) {
            return true;
        }
        // "3pp.io", "5x.com": a figure glued into a domain name.
        if after_matches.matched(AfterPattern::Domain as usize) {
            return true;
        }
        // "128-bit integers", "a 64-bit key": a width names a type; "508 compliant", "a
        // 508-compliance review": a standard's number names what is complied with.
        if after_matches.matched(AfterPattern::Width as usize) {
            return true;
        }
        if self.names_a_port_or_mode(numeral) {
            return true;
        }
        // "the 80386 architecture", "a 6502 processor", "the 737 Max", "a 787-9 jet": a number
        // naming one design (a count of them would be plural). "the 119 Congress", "the 59th
        // Legislature": a legislature's number (its ordinal suffix often lost with a dropped
        // superscript), not a count of them; so is a road's ("the 405 freeway"). "the 200 yard
        // individual medley", "the 100m hurdles": the name of a race.
        if numeral.plain_integer
            && (after_matches.matched(AfterPattern::Model as usize)
                || after_matches.matched(AfterPattern::Legislature as usize)
                || after_matches.matched(AfterPattern::Event as usize))
        {
            return true;
        }
        if self.is_place(numeral, before, after, facts.coordinates) {
            return true;
        }
        if self.names_an_edition(numeral) || self.ends_a_name(numeral) {
            return true;
        }
        if numeral.plain_integer && after_matches.matched(AfterPattern::Subsection as usize) {
            return true;
        }
        if self.is_service_number(numeral, after) {
            return true;
        }
        if self.is_catalogue_number(numeral, before, after) {
            return true;
        }
        // "FIPS 197", "SP 800-53", "CDC 6600": an acronym then a bare number of three or more
        // digits with nothing after it that measures.
        if numeral.plain_integer
            && self.surface(numeral.start).len() >= 3
            && numeral.start >= 1
            && !self.glued(numeral.start)
            && self.previous_word(numeral.start).is_some_and(|w| {
                (2..=6).contains(&w.len())
                    && w.chars().all(|c| c.is_ascii_uppercase())
                    && currency_code(w).is_none()
                    && !matches!(w, "AD" | "BC" | "CE" | "BCE" | "FY" | "CY")
            })
            && !(Decimal::from(1800)..=Decimal::from(2100)).contains(&numeral.value)
            && self.suffix(numeral.end).is_none()
            && self.scale(numeral.end, false, false).is_none()
        {
            return true;
        }
        self.opens_a_numbered_paragraph(numeral)
    }

    /// "(QIAGEN, 74104)", "(Agilent Technologies, 5067-1511)": a supplier's catalogue number in
    /// a method's parentheses, three digits or more, no year unless a dash runs on from it.
    fn is_catalogue_number(&self, numeral: &Numeral, before: &str, after: &str) -> bool {
        let patterns = identifier_patterns();
        numeral.plain_integer
            && self.surface(numeral.start).len() >= 3
            && patterns.supplier_before.is_match(before)
            && patterns.supplier_after.is_match(after)
            && (after.starts_with(['-', '–']) || !modern_year(self.surface(numeral.start)))
    }

    /// A number a service answers to: an HTTP status ("a 503 status", "404 Not Found"), or
    /// the emergency number a country's callers dial ("911 calls", "a 999 operator", "dialled
    /// 112", "call 000"), named by the call or the dialling — not a count of calls.
    fn is_service_number(&self, numeral: &Numeral, after: &str) -> bool {
        const LINES: &[&str] = &["911", "999", "112", "000", "111", "110", "119"];
        if numeral.plain_integer
            && (Decimal::ONE_HUNDRED..Decimal::from(600)).contains(&numeral.value)
            && identifier_patterns().status_after.is_match(after)
        {
            return true;
        }
        if !LINES.contains(&self.surface(numeral.start)) || numeral.end != numeral.start + 1 {
            return false;
        }
        let dialled = self.previous_word(numeral.start).is_some_and(|word| {
            let word = word.to_ascii_lowercase();
            [
                "call", "calls", "called", "calling", "dial", "dials", "dialed", "dialled", "dialing",
                "dialling", "phoned", "ring", "rang",
            ]
            .contains(&word.as_str())
        });
        let next = after
            .split(|c: char| !c.is_ascii_alphabetic())
            .find(|word| !word.is_empty())
            .unwrap_or_default()
            .to_ascii_lowercase();
        let after_words = after
            .trim_start()
            .starts_with(|c: char| c.is_ascii_alphabetic() || c == '-');
        // "took 112 calls an hour" counts calls; "911 calls" are the calls to the line.
        let calls = matches!(next.as_str(), "call" | "calls" | "caller" | "callers");
        dialled
            || (after_words
                && (calls && self.surface(numeral.start) == "911"
                    || [
                        "dispatch",
                        "dispatcher",
                        "dispatchers",
                        "operator",
                        "operators",
                        "centre",
                        "center",
                        "centers",
                        "centres",
                        "system",
                        "line",
                        "lines",
                        "service",
                        "emergency",
                        "hotline",
                    ]
                    .contains(&next.as_str())))
    }

    /// "212." opening a numbered paragraph.
    fn opens_a_numbered_paragraph(&self, numeral: &Numeral) -> bool {
        numeral.start == 0
            && numeral.plain_integer
            && self.punct_is(numeral.end, '.')
            && self.glued(numeral.end)
            && self
                .token(numeral.end + 1)
                .is_none_or(|t| t.is_word() && self.surface(numeral.end + 1).starts_with(char::is_uppercase))
    }

    /// "port 873", "chmod 400", "umask 022": a port and a file mode are names of a kind.
    fn names_a_port_or_mode(&self, numeral: &Numeral) -> bool {
        numeral.plain_integer
            && self.previous_word(numeral.start).is_some_and(|w| {
                ["port", "ports", "chmod", "umask"]
                    .iter()
                    .any(|n| w.eq_ignore_ascii_case(n))
            })
            // "cost ports 12 percent": a measure after it makes it a figure.
            && self.suffix(numeral.end).is_none()
            && self.scale(numeral.end, false, false).is_none()
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

    /// After a glued "=": "CaP=1.67", "N=12", "p=0.03", "ratio=1.37" state a value; "a=1&b=2",
    /// "x==3", "lines=50" and "VARIABLE=23" are code. A symbol is a short name (one letter, or up
    /// to three with a capital) or a statistic's word; a query string goes on with `&` or `;`.
    fn states_a_value(&self, at: usize, end: usize) -> bool {
        if at < 2 || !self.tokens[at - 2].is_word() {
            return false;
        }
        let name = self.surface(at - 2);
        let length = name.chars().count();
        // "midpoint=180 m": a value with its unit after any name states a measurement.
        let symbol = length == 1
            || (length <= 3 && name.chars().any(char::is_uppercase))
            || matches!(name, "ratio" | "mean" | "median" | "average" | "total")
            || self.unit_at(end).is_some();
        let query = self.punct_is(end, '&')
            || self.punct_is(end, ';')
            || (at >= 3
                && self.glued(at - 2)
                && matches!(self.tokens[at - 3].kind, TokenKind::Punct('&' | '?')));
        symbol && !query
    }

    /// A whole number in digits, one token, set apart from the word before it: what a name
    /// may end with.
    fn lone_integer(&self, numeral: &Numeral) -> bool {
        numeral.plain_integer
            && !numeral.words
            && numeral.end == numeral.start + 1
            && !self.glued(numeral.start)
    }

    /// "the Visual Studio 2022 compilers", "Windows 2000 servers": a year after a capitalised
    /// name and before the plural noun it names is part of a product's name, not a count of
    /// the noun.
    /// A month, a preposition or a fiscal-year word before it makes it a year ("In 2022 ports
    /// grew"), and the sentence's first word is a name only if it is no function word.
    fn names_an_edition(&self, numeral: &Numeral) -> bool {
        const NOT_NAMES: &[&str] = &[
            "In",
            "By",
            "Since",
            "From",
            "Until",
            "Till",
            "To",
            "For",
            "During",
            "Of",
            "And",
            "Or",
            "At",
            "Between",
            "Before",
            "After",
            "Through",
            "Throughout",
            "On",
            "Over",
            "Under",
            "About",
            "Around",
            "As",
            "The",
            "A",
            "An",
            "This",
            "That",
            "These",
            "Those",
            "Some",
            "All",
            "Both",
            "Each",
            "Every",
            "Its",
            "Their",
            "Our",
            "Most",
            "Many",
            "Several",
            "Other",
            "Two",
            "Three",
            "Four",
            "Only",
            "Almost",
            "Nearly",
            "FY",
            "CY",
            "AD",
            "CE",
            "BC",
            "BCE",
            "Q",
            "H",
            "Fiscal",
            "Census",
        ];
        if !self.lone_integer(numeral)
            || self.surface(numeral.start).len() != 4
            || !(Decimal::from(1900)..=Decimal::from(2100)).contains(&numeral.value)
        {
            return false;
        }
        let Some(name) = self.previous_word(numeral.start) else {
            return false;
        };
        // In title case ("Studio", not the initials of "Smith RM 2004"); the noun is plural:
        // only then is the year misread as a count of it.
        title_case(name)
            && !NOT_NAMES.contains(&name)
            && crate::calendar::month_number(name).is_none()
            && self.word(numeral.end).is_some_and(|next| {
                next.chars().next().is_some_and(char::is_lowercase)
                    && next.len() > 3
                    && next.ends_with('s')
                    && !next.ends_with("ss")
                    && !self.glued(numeral.end)
            })
    }

    /// "the bottom half of the diagram", "the first half of the year", "the upper half": a half
    /// that says where, not how much. Of people or things counted it is a share ("the bottom
    /// half of households").
    fn half_is_a_place(&self, numeral: &Numeral) -> bool {
        let at = numeral.start;
        let placed = is(self.surface(at), "half")
            && self.previous_word(at).is_some_and(|w| {
                [
                    "bottom", "top", "upper", "lower", "first", "second", "latter", "former", "back",
                    "front", "left", "right", "northern", "southern", "eastern", "western",
                ]
                .iter()
                .any(|p| is(w, p))
            });
        // What it is half of: a plural noun there counts things ("of U.S. households").
        let counted = self.word_is(numeral.end, "of")
            && (numeral.end + 1..numeral.end + 8)
                .filter_map(|i| self.word(i))
                .find(|w| w.len() > 3 && !is(w, "the"))
                .is_some_and(|w| w.ends_with('s') && !w.ends_with("ss"));
        placed && !counted
    }

    /// "an engineer at Qihoo 360.", "a show by Channel 4,": a number closing a name that a
    /// preposition introduces, with nothing after it but the clause's end, is part of the name
    /// (a count would name what it counts).
    fn ends_a_name(&self, numeral: &Numeral) -> bool {
        if !self.lone_integer(numeral) || numeral.start < 2 {
            return false;
        }
        let (Some(name), Some(preposition)) =
            (self.previous_word(numeral.start), self.word(numeral.start - 2))
        else {
            return false;
        };
        let closes = self
            .token(numeral.end)
            .is_none_or(|t| matches!(t.kind, TokenKind::Punct('.' | ',' | ';' | ':' | ')' | '!' | '?')));
        title_case(name)
            && closes
            && ["at", "by", "from", "with", "for", "of", "on"].contains(&preposition)
            && crate::calendar::month_number(name).is_none()
            && crate::lexicon::units::unit_word(name).is_none()
            && crate::lexicon::units::currency_name(name, None).is_none()
    }

    /// "at 2 pm", "9 a.m.", "2.13 am": a time of day, no figure. An hour (and minutes after a
    /// point) before "am" or "pm", written either way.
    fn clock_time(&self, numeral: &Numeral) -> bool {
        let end = numeral.end;
        let Some(word) = self.word(end) else {
            return false;
        };
        let meridiem = matches!(word, "am" | "pm" | "AM" | "PM")
            || (matches!(word, "a" | "p" | "A" | "P")
                && self.punct_is(end + 1, '.')
                && self.glued(end + 1)
                && self.word(end + 2).is_some_and(|m| m.eq_ignore_ascii_case("m"))
                && self.glued(end + 2));
        // "1909 GMT", "0309 HKT": four digits of a 24-hour clock before a time zone.
        let surface = self.surface(numeral.start);
        if numeral.end == numeral.start + 1
            && surface.len() == 4
            && surface.bytes().all(|b| b.is_ascii_digit())
            && TIME_ZONES.contains(&word)
        {
            let (hours, minutes) = (&surface[..2], &surface[2..]);
            return hours < "24" && minutes < "60";
        }
        let hour = numeral.value.trunc();
        let minutes = (numeral.value - hour) * Decimal::ONE_HUNDRED;
        meridiem
            && hour >= Decimal::ONE
            && hour <= Decimal::from(12)
            && minutes.fract().is_zero()
            && minutes < Decimal::from(60)
    }

    /// "the 3′ UTR", "the 5'-end", "3′-OH": a strand's end, named by the carbon it ends at.
    fn nucleic_acid_end(&self, numeral: &Numeral) -> bool {
        const ENDS: &[&str] = &[
            "utr",
            "utrs",
            "end",
            "ends",
            "terminus",
            "terminal",
            "flank",
            "flanking",
            "region",
            "regions",
            "oh",
            "cap",
            "splice",
            "side",
            "overhang",
            "phosphate",
            "triphosphate",
            "untranslated",
            "upstream",
            "downstream",
        ];
        let end = numeral.end;
        let prime = self
            .token(end)
            .is_some_and(|t| t.glued() && matches!(t.kind, TokenKind::Punct('′' | '\'')));
        if numeral.words || !matches!(self.surface(numeral.start), "3" | "5") || !prime {
            return false;
        }
        let word_at = if self.is_dash(end + 1) && self.glued(end + 1) {
            end + 2
        } else {
            end + 1
        };
        self.word(word_at)
            .is_some_and(|word| ENDS.iter().any(|e| word.eq_ignore_ascii_case(e)))
    }

    /// "one" counts only with a unit, currency or scale after it ("one year", "one-day",
    /// "one million") or a comparison before it ("at least one ear", "more than one"); "one
    /// example", "by one estimate", "one of the" are pronouns.
    fn one_counts(&self, at: usize) -> bool {
        let unit_after = |index: usize| {
            self.word(index).is_some_and(|w| {
                unit_word(w).is_some() || currency_name(w, None).is_some() || is(w, "percent")
            }) || self.unit_at(index).is_some()
        };
        let hyphen = self.is_dash(at + 1) && self.glued(at + 1) && self.glued(at + 2);
        unit_after(at + 1)
            || (hyphen && unit_after(at + 2))
            // "nearly one-fifth" that is not read as a share is no bounded count either.
            || (!hyphen && self.one_is_compared(at))
    }

    /// "at least one", "more than one", "fewer than one": a bound on a count, which "one" alone
    /// is not.
    pub(super) fn one_is_compared(&self, at: usize) -> bool {
        matches!(
            self.qualifier_before(at).0,
            Qualifier::AtLeast | Qualifier::MoreThan | Qualifier::LessThan | Qualifier::AtMost
        )
    }
}

/// What a whole sentence says of the figures in it, read once per sentence (a sentence may
/// hold thousands of figures).
#[derive(Debug, Clone, Copy)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent facts of one sentence, each read once"
)]
pub(super) struct SentenceFacts {
    /// Shell parameters ("$0", "$@", or three "$1"-like ones): `$N` names no money.
    shell: bool,
    /// An ISBN or ISSN: a reference entry, which holds no claims.
    reference_entry: bool,
    /// Screens, video or games are spoken of: "4K" is a resolution.
    screens: bool,
    /// A position in degrees ("40°N 100°W"): the decimal pair that often follows it ("40;
    /// -100") restates the position, not two figures.
    coordinates: bool,
    /// A page's tally of its own readers and ratings ("652 Ratings", "Viewed 38k times", a
    /// user's badges): counters, not claims.
    tally: bool,
}

/// The words of a page's counters: ratings, reviews, views, badges.
const TALLY_WORDS: &[&str] = &[
    "accesses",
    "answer",
    "answers",
    "badge",
    "badges",
    "bronze",
    "clap",
    "claps",
    "comment",
    "comments",
    "download",
    "downloads",
    "follower",
    "followers",
    "gold",
    "like",
    "likes",
    "rating",
    "ratings",
    "reply",
    "replies",
    "review",
    "reviews",
    "share",
    "shares",
    "silver",
    "star",
    "stars",
    "subscriber",
    "subscribers",
    "times",
    "view",
    "viewed",
    "views",
    "vote",
    "votes",
];

/// "moveForward(100);", "setTimeout(fn, 500);": the argument of a call written as code, a
/// name glued to its parenthesis and a semicolon after.
fn is_code_call(before: &str, after: &str) -> bool {
    before
        .strip_suffix('(')
        .is_some_and(|name| name.ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_'))
        && after.starts_with(");")
}

/// Words a page's invitation puts around its counter ("Join 8,750 other followers").
const TALLY_INVITATION: &[&str] = &["join", "other", "our", "and"];

/// Whether a short sentence holds only numbers and counter words ("459 Reviews", "Viewed 38k
/// times", "3,926 9 gold badges 27 silver badges", "Join 8,750 other followers").
fn is_tally(sentence: &str) -> bool {
    let (mut words, mut tallied) = (0, false);
    for word in sentence
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        let lower = word.to_lowercase();
        let counter = TALLY_WORDS.contains(&lower.as_str());
        tallied |= counter;
        // "38k": a scale's letter glued to the count.
        if words > 12
            || !(counter || matches!(lower.as_str(), "k" | "m") || TALLY_INVITATION.contains(&lower.as_str()))
        {
            return false;
        }
    }
    tallied && sentence.bytes().any(|b| b.is_ascii_digit())
}

impl SentenceFacts {
    fn of(sentence: &str) -> Self {
        Self {
            shell: ["$0", "$@", "$#", "$*", "${"]
                .iter()
                .any(|p| sentence.contains(p))
                || identifier_patterns()
                    .shell_parameters
                    .find_iter(sentence)
                    .nth(2)
                    .is_some(),
            reference_entry: sentence.contains("ISBN") || sentence.contains("ISSN"),
            screens: sentence.contains('K') && SCREEN_WORDS.is_match(sentence),
            coordinates: sentence.contains('°') && identifier_patterns().compass.is_match(sentence),
            tally: sentence.len() < 120 && is_tally(sentence),
        }
    }
}

/// Words of screens, video and games, in any case: beside them "4K" is a resolution.
static SCREEN_WORDS: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([
            " tv",
            "television",
            "resolution",
            "video",
            "display",
            "monitor",
            "screen",
            "stream",
            "hdr",
            "camera",
            "blu-ray",
            "game",
            "gaming",
            "chromecast",
            "uhd",
            "pixel",
            "hdmi",
            "fps",
            "oled",
            "footage",
            "projector",
            "netflix",
            "youtube",
        ])
        .expect("fixed words build")
});

/// The patterns of `IdentifierPatterns::after`, by their place in the set.
#[derive(Clone, Copy)]
enum AfterPattern {
    /// A code or register after a number ("52 U.S.C."), a vanity phone number's letters.
    Code,
    /// A domain name the number is glued into ("3pp.io").
    Domain,
    /// A width or a standard complied with ("128-bit", "508 compliant").
    Width,
    /// A design named by number ("the 80386 architecture", "the 737 Max").
    Model,
    /// A legislature's or a road's number ("the 119 Congress", "the 405 freeway").
    Legislature,
    /// A race's name ("the 200 yard individual medley").
    Event,
    /// A subsection after a section number ("1332(b)").
    Subsection,
}

struct IdentifierPatterns {
    /// The patterns read at the start of the text after a number (`AfterPattern`), matched in
    /// one pass.
    after: regex::RegexSet,
    code_before: Regex,
    supplier_before: Regex,
    supplier_after: Regex,
    state_before: Regex,
    status_after: Regex,
    compass_after: Regex,
    compass: Regex,
    pair_after: Regex,
    pair_before: Regex,
    shell_parameters: Regex,
}

/// The words a street name ends with, as `street_after` spells them (abbreviations without
/// their optional stop).
const STREET_WORDS: [&str; 28] = [
    "Street",
    "St",
    "ST",
    "Avenue",
    "Ave",
    "AVE",
    "Road",
    "Rd",
    "RD",
    "Boulevard",
    "Blvd",
    "BLVD",
    "Drive",
    "Dr.",
    "Lane",
    "Ln.",
    "Way",
    "Place",
    "Pl.",
    "Court",
    "Ct.",
    "Plaza",
    "Square",
    "Parkway",
    "Pkwy",
    "Highway",
    "Hwy",
    "Terrace",
];

/// Whether the words after a number name a street ("1100 Connecticut Ave."). The pattern,
/// dear to compile for its Unicode classes, is built only when a street word follows: most
/// documents never need it.
fn is_street_after(after: &str) -> bool {
    static WORDS: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    static STREET: OnceLock<Regex> = OnceLock::new();
    // "201 E. Nine Mile, Ferndale": a compass point, the street's name, its town.
    // Built and run only after a compass letter and a stop: the pattern is dear to compile.
    static COMPASS: OnceLock<Regex> = OnceLock::new();
    // "in the 23300 block of Edmond Street": a police report's place on a street.
    if after
        .strip_prefix(" block of ")
        .is_some_and(|street| street.starts_with(|c: char| c.is_uppercase()))
    {
        return true;
    }
    if after.starts_with(' ')
        && matches!(
            after.as_bytes().get(1..3),
            Some([b'N' | b'S' | b'E' | b'W', b'.'])
        )
        && after.contains(',')
        && COMPASS
            .get_or_init(|| {
                Regex::new(r"^\s+[NSEW]\.\s+(?:\p{Lu}[\w'’-]*\s+){0,2}\p{Lu}[\w'’-]*,\s+\p{Lu}")
                    .expect("valid pattern")
            })
            .is_match(after)
    {
        return true;
    }
    let words = WORDS.get_or_init(|| aho_corasick::AhoCorasick::new(STREET_WORDS).expect("the words build"));
    if !words.is_match(after) {
        return false;
    }
    STREET
        .get_or_init(|| {
            Regex::new(
                r"^\s+(?:[NSEW]\.?\s+)?(?:(?:\p{Lu}[\w.'’-]*|\d+(?:st|nd|rd|th))\s+){1,3}(?:Street|St\.?|ST|Avenue|Ave\.?|AVE|Road|Rd\.?|RD|Boulevard|Blvd\.?|BLVD|Drive|Dr\.|Lane|Ln\.|Way|Place|Pl\.|Court|Ct\.|Plaza|Square|Parkway|Pkwy\.?|Highway|Hwy\.?|Terrace)(?:\W|$)",
            )
            .expect("valid pattern")
        })
        .is_match(after)
}

/// Whether four digits read as a year of the last two centuries ("the drop top 2019 coupe",
/// "Ghent, 2020, Belgium").
fn modern_year(digits: &str) -> bool {
    digits.len() == 4 && (1800..=2100).contains(&digits.parse::<u32>().unwrap_or(0))
}

/// Whether plain `digits` are a postal code by their shape and place: a ZIP+4
/// ("98034-6944"), a code with a leading zero ("094-0011": no quantity is written so), a code
/// after a town and a dash ("New Delhi - 110002"), or a code between a town and its country
/// ("Liege, 40210, Belgium").
fn is_postal_code(digits: &str, before: &str, after: &str) -> bool {
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let joined_digits = |rest: &str, len: usize| {
        rest.strip_prefix('-').is_some_and(|tail| {
            tail.bytes().take_while(u8::is_ascii_digit).count() == len
                && !tail[len..].starts_with(|c: char| c.is_ascii_digit())
        })
    };
    if digits.len() == 5 && joined_digits(after, 4) {
        return true;
    }
    // What stands before a dash just before the digits ("094-", "New Delhi - ").
    let dashed = before.trim_end().strip_suffix('-');
    // "094-0011", "101-0032", "13-010133": no quantity, nor a span's end, opens with a zero.
    let zero_led =
        |text: &str| text.starts_with('0') && text.bytes().take_while(u8::is_ascii_digit).count() >= 3;
    let digit_dashed = dashed.is_some_and(|first| {
        first
            .trim_end_matches('-')
            .ends_with(|c: char| c.is_ascii_digit())
    });
    if after.strip_prefix('-').is_some_and(zero_led)
        || (zero_led(digits) && (after.starts_with('-') || digit_dashed))
    {
        return true;
    }
    // "New Delhi - 110002": a town, a dash, a code of five or six digits.
    if (5..=6).contains(&digits.len())
        && dashed.is_some_and(|town| town.trim_end().rsplit(' ').next().is_some_and(title_case))
    {
        return true;
    }
    // "Amman, 11942, Jordan": a town, the code, a country that ends the line.
    (4..=6).contains(&digits.len())
        && !modern_year(digits)
        && before.ends_with(", ")
        && before
            .trim_end_matches(", ")
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .is_some_and(title_case)
        && after.strip_prefix(", ").is_some_and(|rest| {
            let country: String = rest
                .chars()
                .take_while(|c| c.is_alphabetic() || *c == ' ')
                .collect();
            let after_country = &rest[country.len()..];
            country.split_whitespace().all(title_case)
                && !country.trim().is_empty()
                && country.split_whitespace().count() <= 3
                && after_country
                    .trim_start()
                    .chars()
                    .next()
                    .is_none_or(|c| matches!(c, '.' | ',' | ';' | ')' | '|'))
        })
}

/// A word in title case: a capital, then lower case ("Studio", "Lumen"; not "RM" or "Q").
fn title_case(word: &str) -> bool {
    word.len() >= 2
        && word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).all(char::is_lowercase)
}

/// The patterns of `is_identifier`, compiled once.
fn identifier_patterns() -> &'static IdentifierPatterns {
    static PATTERNS: OnceLock<IdentifierPatterns> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        // Codes, reporters and registers a citation's section or page number follows, and
        // whose title or volume number comes before them.
        let code = r"(?:U\.\s?S\.\s?C(?:\.|(?-u:\b))(?:\s?A\.)?|USC|C\.\s?F\.\s?R\.?|CFR|Stat\.|U\.S\.|F\.\s?(?:2d|3d|4th)|F\.\s?Supp\.?(?:\s?2d|\s?3d)?|S\.\s?Ct\.|L\.\s?Ed\.|Fed\.\s?Reg\.|Pub\.\s?L\.(?:\s?No\.)?|P\.\s?L\.|Cal\.\s?Rptr\.|Ch\.|H\.\s?R\.|H\.\s?Res\.|S\.\s?Res\.|S\.\s?Con\.\s?Res\.)";
        let build = |pattern: &str| Regex::new(pattern).expect("valid pattern");
        // In the order of `AfterPattern`.
        let after = regex::RegexSet::new([
            // "1-877-FTC-HELP": a vanity phone number runs on into capital letters.
            format!(r"^(?:\s+{code}|(?:-\d+)*-[A-Z]{{3,}}(?-u:\b))"),
            r"^[A-Za-z]+\.(?:com|org|net|io|ai|co|dev|app|gov|edu|uk|de|fr)(?-u:\b)".to_owned(),
            r"^(?:-(?i:bit|bits|byte)|[- ](?i:compliant|compliance|compatible|compatibility))(?-u:\b)".to_owned(),
            r"^(?:-\d{1,4})?\s+(?:(?i:architecture|processor|microprocessor|microcontroller|chip|chipset|cpu|mainframe|instruction set|jet|jetliner|airliner|airplane|freighter)|Max|MAX|Dreamliner)(?-u:\b)".to_owned(),
            r"^(?:st|nd|rd|th)?\s+(?:Congress|Legislature|Parliament|General Assembly|Knesset|Bundestag|(?i:freeway|highway|interstate|motorway|expressway|turnpike|tollway|beltway))(?-u:\b)".to_owned(),
            r"(?i)^[\s-]?(?:yards?|yd|meters?|metres?|m|miles?)[\s-]+(?:individual medley|IM|medley|freestyle|free|backstroke|breaststroke|butterfly|fly|relay|dash|hurdles|steeplechase|sprint)(?-u:\b)".to_owned(),
            r"^\((?:[a-z]{1,3}|[ivx]{1,5}|[A-Z])\)".to_owned(),
        ])
        .expect("valid patterns");
        IdentifierPatterns {
            after,
            code_before: build(&format!(
                r"(?:{code}\s*(?:§§?\s*)?|§§?\s*|¶\s*|{section_list}|(?-u:\b)(?:Comments|Number|PEP|BIP|EIP|Issue|Ticket|Bug|Docket|Case)\s*(?:No\.)?\s*:\s*|(?i:(?-u:\b)(?:(?:company|registration|registered|reference|account|case|order|tracking|serial|customer|document|charity|vat|tax)\s*(?:number|no\.?|id)|id))\s*:\s*)$",
                // The later sections of a list after "§§" ("§§20903, 21002", "§§ 3.12(c) and 3.13").
                // And after one "§" whose section is dotted ("§227.7202-1 through 227.7202-4").
                section_list = r"(?:§§\s*[0-9A-Za-z.()–-]+(?:\s*(?:,|and|or|through)\s*[0-9A-Za-z.()–-]+)*|§\s*[0-9]+(?:\.[0-9]+)+(?:-[0-9]+)?)\s*(?:,|and|or|through|to|,\s*and|,\s*or)\s*"
            )),
            // "DC 20036", and after a city's comma in title case too ("Spokane, Wa 99201").
            // "Washington, D.C. 20549", "Louisville, Ky. 40232", "Lexington, Kentucky 40507", "FL , 33401".
            state_before: build(&format!(
                r"(?:(?-u:\b)(?:{states})|(?:^|[\s,])(?:{abbreviated})|,\s(?:{title_case}|{names}))\s?,?\s$",
                states = crate::lexicon::places::STATES.join("|"),
                abbreviated = crate::lexicon::places::STATE_ABBREVIATIONS
                    .iter().map(|a| regex::escape(a)).collect::<Vec<_>>().join("|"),
                names = crate::lexicon::places::STATE_NAMES.join("|"),
                title_case = crate::lexicon::places::STATES
                    .iter()
                    .map(|code| format!("{}{}", &code[..1], code[1..].to_ascii_lowercase()))
                    .collect::<Vec<_>>()
                    .join("|"),
            )),
            // "a 503 status", "404 Not Found", "100 Continue", "Expect: 100-continue".
            status_after: build(
                r"^(?:\s+(?i:status|error|response)(?-u:\b)|[\s-](?:Continue|continue|OK|Created|Accepted|No Content|Partial Content|Moved Permanently|Found|See Other|Not Modified|Temporary Redirect|Permanent Redirect|Bad Request|Unauthorized|Payment Required|Forbidden|Not Found|Method Not Allowed|Not Acceptable|Request Timeout|Conflict|Gone|Length Required|Precondition Failed|Payload Too Large|Unsupported Media Type|Too Many Requests|Internal Server Error|Not Implemented|Bad Gateway|Service Unavailable|Gateway Timeout)(?-u:\b))",
            ),
            // "(QIAGEN, 74104)", "(Agilent Technologies, 5067-1511)", "(Sigma, cat. no. 2260)":
            // a supplier's name and its catalogue number, in the parentheses of a method.
            supplier_before: build(
                r"\(\s*[A-Z][A-Za-z0-9&.\-]*(?:\s+[A-Za-z0-9&.\-]+){0,3},\s*(?:(?i:cat(?:alog(?:ue)?)?)\.?\s*(?:(?i:no)\.?|#)?\s*)?$",
            ),
            supplier_after: build(r"^(?:[-–]\d+)*\s*[);,]"),
            shell_parameters: build(r"\$\d(?:[^.\d]|$)"),
            compass: build(r"\d\s?°(?:\s?\d+(?:\.\d+)?\s?[′'])?(?:\s?\d+(?:\.\d+)?\s?[″\x22])?\s?[NSEW](?-u:\b)"),
            pair_after: build(r"^;\s?[-−]?\d"),
            pair_before: build(r"\d;\s?[-−]?$"),
            compass_after: build(r"^\s?°(?:\s?\d+(?:\.\d+)?\s?[′'])?(?:\s?\d+(?:\.\d+)?\s?[″\x22])?\s?[NSEW](?-u:\b)"),
        }
    })
}

/// Two decimals that are versions in order, not a range running down: one whole part, and
/// minor numbers that rise ("3.9", "3.12") while the decimals fall.
fn version_span(first: &str, second: &str) -> bool {
    let split = |text: &str| -> Option<(u64, u64, Decimal)> {
        let (major, minor) = text.split_once('.')?;
        if minor.is_empty() || !minor.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some((major.parse().ok()?, minor.parse().ok()?, text.parse().ok()?))
    };
    let (Some((major, minor, low)), Some((other_major, other_minor, high))) = (split(first), split(second))
    else {
        return false;
    };
    major == other_major && minor < other_minor && high < low
}

#[cfg(test)]
mod tests {
    use super::super::figures;

    #[test]
    fn names_with_numbers_are_no_figures() {
        for text in [
            "The 5G rollout slowed.",
            "COVID-19 cases rose.",
            "See Exhibit 1 for details.",
            "Call +44 20 7946 0958 today.",
            "The lighthouse stands at 51°N 9°W / 51.2; -9.4 on the headland.",
            "The port to the 68000 architecture was slow.",
            "The bill, H.R. 3970, went to committee.",
            "The rule is at 52 U.S.C. §§20903, 21002 and §§ 3.12(c) and 3.13.",
            "The clauses at 48 C.F.R. §227.7202-1 through 227.7202-4 apply.",
            "In the 119 Congress, DOD Instruction 1332.14 and Executive Order 14347 applied.",
            "She won the 200 yard individual medley and the 100m hurdles.",
            "It runs on any Lumen 2.6 or 2.7 release.",
        ] {
            assert_eq!(figures(text), Vec::new(), "{text}");
        }
    }

    #[test]
    fn a_figure_beside_a_name_is_still_a_figure() {
        let found = figures("The 5G network reached 40 cities.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "40");
        let found = figures("The plant made 6502 processors.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].2, Some(rust_decimal::Decimal::from(6502)));
    }
}
