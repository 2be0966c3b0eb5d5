//! Ratios: "a pupil–teacher ratio of 30:1", "a 1:10 slope", "mixed 93:7 (v/v)", "a map at
//! 1:50,000", and splits of a hundred written with a slash ("an 80/20 alloy", "an 85/15%
//! split"). One claim of kind quantity, unit `ratio`, value the first term over the second.
//!
//! What a colon between numbers more often writes is no ratio: a time ("10:30", "05:28 UT"),
//! a verse or section ("John 3:16"), a standard's edition ("ISO 8601:2004"), a volume and page
//! ("412:35"). Those are refused by shape and by the word before.

use rust_decimal::Decimal;

use super::number::{parse_digits, round_significant};
use super::token::TokenKind;
use super::{Figure, Parsed, Scanner};
use crate::claim::Kind;
use crate::lexicon::units::RATIO;

/// Words that say a colon pair is a ratio even when it could be read as a time ("a 1:10
/// slope", "diluted 1:20").
const RATIO_WORDS: &[&str] = &[
    "ratio",
    "ratios",
    "slope",
    "gradient",
    "mixture",
    "mix",
    "mixed",
    "dilution",
    "diluted",
    "dilute",
    "proportion",
    "split",
    "scale",
    "odds",
    "v/v",
    "w/w",
    "v",
    "w",
];

/// Words before a clock reading that mark it as a time ("at 10:30", "until 14:45").
const TIME_BEFORE: &[&str] = &[
    "at", "from", "until", "till", "by", "before", "after", "between", "and", "to", "around",
];

/// Words after a clock reading that mark it as a time ("05:28 UT", "1:10 pm").
const TIME_AFTER: &[&str] = &[
    "am", "pm", "a", "p", "UT", "UTC", "GMT", "CET", "EST", "h", "hrs", "hours", "local", "o'clock",
];

/// How many tokens before a colon pair a ratio word may stand and still name it.
const RATIO_WORD_REACH: usize = 6;

impl Scanner<'_> {
    /// A ratio starting at token `at`, if one is written there.
    pub(super) fn ratio(&self, at: usize) -> Option<Parsed> {
        let first = self.token(at).filter(|t| t.is_number())?;
        let separator = match self.token(at + 1)?.kind {
            TokenKind::Punct(c @ (':' | '/')) if self.glued(at + 1) && self.glued(at + 2) => c,
            _ => return None,
        };
        self.token(at + 2).filter(|t| t.is_number())?;
        // Glued to what comes before ("8601:2004" after "ISO/IEC", "2005;280:12") or after
        // ("412:35-40", "10:30:00", "12/05/2020") it is a name, a reference or a date.
        let opens = at == 0
            || !first.glued()
            || matches!(
                self.tokens[at - 1].kind,
                TokenKind::Punct('(' | '[' | '~' | '≈' | '∼')
            );
        let closes = self
            .token(at + 3)
            .is_none_or(|t| !t.glued() || matches!(t.kind, TokenKind::Punct(c) if ".,;)]%".contains(c)));
        if !opens || !closes {
            return None;
        }
        let (a_text, b_text) = (self.surface(at), self.surface(at + 2));
        let a = parse_digits(a_text, self.mark)?;
        let b = parse_digits(b_text, self.mark)?;
        if a.value <= Decimal::ZERO || b.value <= Decimal::ZERO {
            return None;
        }
        let ratio = match separator {
            ':' => self.colon_ratio(at, a_text, b_text),
            _ => split_of_a_hundred(a.value, b.value),
        };
        if !ratio {
            return None;
        }
        let mut end = at + 3;
        // "85/15%": a split in percent.
        if separator == '/' && self.punct_is(end, '%') && self.glued(end) {
            end += 1;
        }
        let value = round_significant(a.value.checked_div(b.value)?);
        Some(Parsed {
            kind: Kind::Quantity,
            figure: Figure::Number {
                value,
                precision: Decimal::new(1, value.scale()),
            },
            unit: Some(RATIO),
            start: at,
            end,
            qualifier: None,
            scale: None,
        })
    }

    /// Is "a:b" at `at` a ratio rather than a time, a verse or an edition?
    fn colon_ratio(&self, at: usize, a: &str, b: &str) -> bool {
        let previous = self.previous_word(at);
        // "John 3:16", "Article 5:2", "ISO 8601:2004": a capitalised name before it.
        if previous
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()) && !self.starts_sentence(at - 1))
            && !previous.is_some_and(is_ratio_word)
        {
            return false;
        }
        // "8601:2004": an edition's year.
        if b.len() == 4 && b.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y)) {
            return false;
        }
        // Named next to it ("a 1:10 slope", "93:7 (v/v)", "ratio 3:1") or shortly before ("the
        // slope of the beach was 1:10").
        let next_to = previous.is_some_and(is_ratio_word)
            || self.word(at + 3).is_some_and(is_ratio_word)
            || (matches!(
                self.token(at + 3).map(|t| t.kind),
                Some(TokenKind::Punct('(' | ','))
            ) && self.word(at + 4).is_some_and(is_ratio_word));
        let near = (at.saturating_sub(RATIO_WORD_REACH)..at).any(|i| self.word(i).is_some_and(is_ratio_word));
        // "10:30", "05:28 UT", "at 1:10": hours and two-digit minutes read as a time unless a
        // ratio is named next to it, or near it without a word that marks a time.
        let clock = a.len() <= 2
            && a.bytes().all(|c| c.is_ascii_digit())
            && a.parse::<u32>().is_ok_and(|h| h <= 24)
            && b.len() == 2
            && b.bytes().all(|c| c.is_ascii_digit())
            && b.parse::<u32>().is_ok_and(|m| m < 60);
        let time_cue = previous.is_some_and(|w| TIME_BEFORE.iter().any(|t| t.eq_ignore_ascii_case(w)))
            || self
                .word(at + 3)
                .is_some_and(|w| TIME_AFTER.iter().any(|t| t.eq_ignore_ascii_case(w)));
        !clock || next_to || (near && !time_cue)
    }
}

/// "80/20", "50/50", "5/95": two whole shares of a hundred in steps of five. Other pairs are
/// dates, fractions or pairs ("24/7", "9/11", "3/4").
fn split_of_a_hundred(a: Decimal, b: Decimal) -> bool {
    let five = Decimal::from(5);
    a.fract().is_zero()
        && b.fract().is_zero()
        && a + b == Decimal::ONE_HUNDRED
        && (a % five).is_zero()
        && (b % five).is_zero()
}

fn is_ratio_word(word: &str) -> bool {
    RATIO_WORDS.iter().any(|r| r.eq_ignore_ascii_case(word))
}
