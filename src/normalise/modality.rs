//! Modality: is a figure reported, an estimate, or a projection?
//!
//! A figure about a year after the document's date is a projection, whatever the verbs say;
//! one about a year before it is never one. Otherwise the sentence's words decide: "will",
//! "could", "is expected to", "projects", "target", "goal" make a projection; "estimate",
//! "estimated", "by one estimate" an estimate. claimlint never reads the clock: "now" is the
//! document date.

use crate::claim::{Kind, Modality};
use crate::document::Document;
use crate::extract::token::Token;
use crate::extract::{Figure, Mention};
use crate::lexicon::cues::{ESTIMATE_WORDS, PROJECTION_WORDS};

/// The words of a sentence that speak of the future or of estimates, read once per sentence.
#[derive(Debug, Clone, Copy, Default)]
pub struct Cues {
    projection: bool,
    estimate: bool,
}

impl Cues {
    /// Reads the cues of one sentence's tokens.
    #[must_use]
    pub fn of(text: &str, tokens: &[Token]) -> Self {
        // A word whose first letter begins no word of the list is passed over at once.
        let has = |list: &[&str], initials: u32| {
            tokens.iter().any(|t| {
                t.is_word() && {
                    let word = &text[t.span.range()];
                    word.bytes().next().map_or(0, initial_bit) & initials != 0
                        && list.iter().any(|w| word.eq_ignore_ascii_case(w))
                }
            })
        };
        Self {
            projection: has(PROJECTION_WORDS, PROJECTION_INITIALS),
            estimate: has(ESTIMATE_WORDS, ESTIMATE_INITIALS),
        }
    }

    /// Reads the cues of a table header's tokens. A word joined by a hyphen to the one before
    /// is part of a compound ("Non-target volatiles"), not a cue.
    #[must_use]
    pub fn of_header(text: &str, tokens: &[Token]) -> Self {
        let words: Vec<Token> = tokens
            .iter()
            .enumerate()
            .filter(|&(i, t)| !(t.glued() && i > 0 && tokens[i - 1].is_punct('-')))
            .map(|(_, t)| *t)
            .collect();
        Self::of(text, &words)
    }

    /// The cues of both: a sentence and the table headers over it ("2030 (projected)").
    #[must_use]
    pub const fn or(self, other: Self) -> Self {
        Self {
            projection: self.projection || other.projection,
            estimate: self.estimate || other.estimate,
        }
    }
}

const PROJECTION_INITIALS: u32 = initials(PROJECTION_WORDS);
const ESTIMATE_INITIALS: u32 = initials(ESTIMATE_WORDS);

/// The initials of a list's words, as a set of `initial_bit`s.
const fn initials(list: &[&str]) -> u32 {
    let mut mask = 0;
    let mut index = 0;
    while index < list.len() {
        mask |= initial_bit(list[index].as_bytes()[0]);
        index += 1;
    }
    mask
}

/// A letter's bit in a set of initials, case folded (0 for a byte that is no ASCII letter: words
/// of the cue lists all begin with one).
const fn initial_bit(byte: u8) -> u32 {
    if byte.is_ascii_alphabetic() {
        1 << (byte.to_ascii_lowercase() - b'a')
    } else {
        0
    }
}

/// The modality of `mention`, given its sentence's cues and the temporal figure it refers to.
#[must_use]
pub fn modality(document: &Document, cues: Cues, mention: &Mention, time: Option<&Figure>) -> Modality {
    let own_time = mention.kind.is_temporal().then_some(&mention.figure);
    let months = own_time.or(time).and_then(month_bounds);
    let now = document.date.map(|d| (d.year, d.month.unwrap_or(1)));
    let (future, past) = match (now, months) {
        (Some(now), Some((first, last))) => (first > now, last < now),
        _ => (false, false),
    };
    if future {
        return Modality::Projection;
    }
    if !past && mention.kind != Kind::Ordinal && cues.projection {
        return Modality::Projection;
    }
    if cues.estimate {
        return Modality::Estimate;
    }
    Modality::Reported
}

/// The first and last (year, month) a temporal figure covers.
fn month_bounds(figure: &Figure) -> Option<((i32, u8), (i32, u8))> {
    let parse = |part: &str, default_month: u8| -> Option<(i32, u8)> {
        let year = part.get(..4)?.parse().ok()?;
        let month = part
            .get(5..7)
            .and_then(|m| m.parse().ok())
            .unwrap_or(default_month);
        Some((year, month))
    };
    match figure {
        Figure::Year(year) => Some(((*year, 1), (*year, 12))),
        Figure::Period(first, last) => Some(((*first, 1), (*last, 12))),
        Figure::Date(iso) => {
            let (first, last) = iso.split_once('/').unwrap_or((iso, iso));
            Some((parse(first, 1)?, parse(last, 12)?))
        }
        Figure::Number { .. } | Figure::Range { .. } => None,
    }
}
