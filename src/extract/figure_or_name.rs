//! The figure-or-name decision: whether a numeral is a figure of the sentence or part of a
//! name — "5G", "G20", "COVID-19", "ISO/IEC 30141", "Exhibit 1", a phone number, a date chain.

use rust_decimal::Decimal;

use super::Scanner;
use super::numeral::Numeral;
use super::token::TokenKind;
use crate::lexicon::labels::{is_label_word, is_name_prefix};
use crate::lexicon::number_words::{is, ordinal_suffix_fits, scale_abbreviation, scale_word};
use crate::lexicon::units::{currency_code, currency_name, unit_word};

impl Scanner<'_> {
    /// Tells a figure from a name: "5G", "G20", "COVID-19", "ISO/IEC 30141", "Exhibit 1",
    /// "(1) firstly", a capitalised "Five Year Plan", a pronoun "one".
    #[expect(
        clippy::too_many_lines,
        reason = "one guard per kind of name, read top to bottom"
    )]
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
        ] {
            assert_eq!(figures(text), Vec::new(), "{text}");
        }
    }

    #[test]
    fn a_figure_beside_a_name_is_still_a_figure() {
        let found = figures("The 5G network reached 40 cities.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "40");
    }
}
