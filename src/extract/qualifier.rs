//! The words around a figure that qualify it: "over", "almost", "around", "up to", "or more".

use super::token::{Token, TokenKind};
use crate::claim::Qualifier;

/// Qualifier phrases written before a figure, longest first within each qualifier.
const BEFORE: &[(&[&str], Qualifier)] = &[
    (&["more", "than"], Qualifier::MoreThan),
    (&["greater", "than"], Qualifier::MoreThan),
    (&["in", "excess", "of"], Qualifier::MoreThan),
    (&["upwards", "of"], Qualifier::MoreThan),
    (&["well", "over"], Qualifier::MoreThan),
    (&["just", "over"], Qualifier::MoreThan),
    (&["well", "above"], Qualifier::MoreThan),
    (&["over"], Qualifier::MoreThan),
    (&["above"], Qualifier::MoreThan),
    (&["exceeding"], Qualifier::MoreThan),
    (&["beyond"], Qualifier::MoreThan),
    (&["at", "least"], Qualifier::AtLeast),
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["not", "less", "than"], Qualifier::AtLeast),
    (&["a", "minimum", "of"], Qualifier::AtLeast),
    (&["higher", "than"], Qualifier::MoreThan),
    (&["fewer", "than"], Qualifier::LessThan),
    (&["lower", "than"], Qualifier::LessThan),
    (&["less", "than"], Qualifier::LessThan),
    (&["just", "under"], Qualifier::LessThan),
    (&["just", "below"], Qualifier::LessThan),
    (&["short", "of"], Qualifier::LessThan),
    (&["under"], Qualifier::LessThan),
    (&["below"], Qualifier::LessThan),
    (&["almost"], Qualifier::LessThan),
    (&["nearly"], Qualifier::LessThan),
    (&["approaching"], Qualifier::LessThan),
    (&["up", "to"], Qualifier::AtMost),
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["not", "more", "than"], Qualifier::AtMost),
    (&["at", "most"], Qualifier::AtMost),
    (&["a", "maximum", "of"], Qualifier::AtMost),
    (&["as", "many", "as"], Qualifier::Approx),
    (&["as", "much", "as"], Qualifier::Approx),
    (&["close", "to"], Qualifier::Approx),
    (&["an", "estimated"], Qualifier::Approx),
    (&["estimated"], Qualifier::Approx),
    (&["around"], Qualifier::Approx),
    (&["about"], Qualifier::Approx),
    (&["roughly"], Qualifier::Approx),
    (&["approximately"], Qualifier::Approx),
    (&["approx"], Qualifier::Approx),
    (&["some"], Qualifier::Approx),
    (&["circa"], Qualifier::Approx),
    (&["ca"], Qualifier::Approx),
    (&["c"], Qualifier::Approx),
    (&["~"], Qualifier::Approx),
    (&["≈"], Qualifier::Approx),
    (&["∼"], Qualifier::Approx),
    (&["≃"], Qualifier::Approx),
    // Relation signs: "p<0.001", "Si<0.10%", "n > 30", "≥ 18", ">= 5".
    (&[">", "="], Qualifier::AtLeast),
    (&["<", "="], Qualifier::AtMost),
    (&[">"], Qualifier::MoreThan),
    (&["<"], Qualifier::LessThan),
    (&["≥"], Qualifier::AtLeast),
    (&["≤"], Qualifier::AtMost),
];

/// The qualifier written right before token `start` and the index of its first token, not
/// reaching back before `floor`.
#[must_use]
pub fn before(text: &str, tokens: &[Token], start: usize, floor: usize) -> Option<(Qualifier, usize)> {
    let mut best: Option<(Qualifier, usize)> = None;
    for (words, qualifier) in BEFORE {
        let mut at = start;
        let mut matched = true;
        for word in words.iter().rev() {
            // "approx." and "c." carry a dot.
            if at > floor && tokens[at - 1].is_punct('.') && matches!(*word, "approx" | "ca" | "c") {
                at -= 1;
            }
            if at <= floor {
                matched = false;
                break;
            }
            let token = &tokens[at - 1];
            let surface = &text[token.span.range()];
            let fits = match token.kind {
                TokenKind::Word => surface.eq_ignore_ascii_case(word),
                TokenKind::Punct(c) => word.len() == c.len_utf8() && word.starts_with(c),
                TokenKind::Number => false,
            };
            if !fits {
                matched = false;
                break;
            }
            at -= 1;
        }
        // "c" alone must be "c." ("c 5" is not circa).
        if matched && *words == ["c"] && !tokens[start - 1].is_punct('.') {
            matched = false;
        }
        if matched && best.is_none_or(|(_, b)| at < b) {
            best = Some((*qualifier, at));
        }
    }
    best
}

/// A qualifier written right after the figure ending before token `end`: "or more", "or so",
/// "+", "-plus", "-odd". Returns it and the index past it.
#[must_use]
pub fn after(text: &str, tokens: &[Token], end: usize) -> Option<(Qualifier, usize)> {
    let word = |i: usize| {
        tokens
            .get(i)
            .filter(|t| t.is_word())
            .map(|t| &text[t.span.range()])
    };
    if tokens.get(end).is_some_and(|t| t.is_punct('+') && t.glued()) {
        return Some((Qualifier::MoreThan, end + 1));
    }
    if tokens.get(end).is_some_and(|t| t.is_punct('-') && t.glued()) {
        match word(end + 1) {
            Some(w) if w.eq_ignore_ascii_case("plus") => return Some((Qualifier::MoreThan, end + 2)),
            Some(w) if w.eq_ignore_ascii_case("odd") => return Some((Qualifier::Approx, end + 2)),
            _ => {}
        }
    }
    if word(end).is_some_and(|w| w.eq_ignore_ascii_case("or")) {
        let qualifier = match word(end + 1).map(str::to_ascii_lowercase).as_deref() {
            Some("more" | "above" | "over") => Qualifier::AtLeast,
            Some("less" | "fewer" | "below" | "under") => Qualifier::AtMost,
            Some("so" | "thereabouts") => Qualifier::Approx,
            _ => return None,
        };
        // "or more" followed by a number is a list ("5 or more than 10"): not ours to judge.
        return Some((qualifier, end + 2));
    }
    None
}
