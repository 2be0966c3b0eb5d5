//! `consistency/range-order`: a range or period whose end comes before its start. Table
//! cells (where "3.78 – 3.71" may be a convention, as resolution shells are) and notes (page
//! ranges of references) are left alone.

use super::Context;
use crate::diagnostic::{Finding, Place};
use crate::document::BlockKind;
use rust_decimal::Decimal;

/// A score or a vote written "36 to 19" (counts joined by "to", no "from" or "between" before
/// them) is a tally, not a range; so is one written with a dash after a word of voting or
/// scoring ("passed 220-203", "by a vote of 52-46", "won 3-1"); and a poll's split of
/// percentages after "by" or "a margin of" ("by 56% to 35%").
fn is_tally(document: &crate::document::Document, claim: &crate::claim::Claim) -> bool {
    const TALLY_WORDS: &[&str] = &[
        "vote",
        "votes",
        "voted",
        "voting",
        "passed",
        "approved",
        "adopted",
        "rejected",
        "defeated",
        "confirmed",
        "won",
        "lost",
        "beat",
        "score",
        "scored",
        "tally",
        "margin",
        "record",
    ];
    let text = document.slice(claim.span);
    let before = super::window_before(&document.text, claim.span.start, 24).to_lowercase();
    let mut words = before
        .split_whitespace()
        .rev()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let word = words.next().unwrap_or_default();
    // A poll's split: "by a margin of 48% to 38%", "By 56% to 35%, voters said".
    if claim.kind == crate::claim::Kind::Percent {
        let margin = word == "by" || (word == "of" && words.next() == Some("margin"));
        return text.contains(" to ") && margin;
    }
    if claim.kind != crate::claim::Kind::Count {
        return false;
    }
    if text.contains(" to ") {
        return !matches!(word, "from" | "between");
    }
    let word = if matches!(word, "of" | "by") {
        words.next().unwrap_or_default()
    } else {
        word
    };
    text.contains(['-', '–']) && (TALLY_WORDS.contains(&word) || result_line(document, claim))
}

/// A line of results: a short block that ends with the pair after a name ("Rockledge 70-44",
/// "West Shore 61-21"), a scoreboard's row, not a sentence that states a range.
fn result_line(document: &crate::document::Document, claim: &crate::claim::Claim) -> bool {
    let block = &document.blocks[document.sentences[claim.sentence_index].block];
    let line = document.slice(block.span);
    let before = &document.text[block.span.start..claim.span.start.max(block.span.start)];
    document.text[claim.span.end..block.span.end].trim().is_empty()
        && line.split_whitespace().count() <= 5
        && before.trim_start().starts_with(|c: char| c.is_uppercase())
        && !before.chars().any(|c| c.is_ascii_digit())
}

/// "§§ 301–10.122 through 301–10.124": part and section numbers joined by a dash, not a range.
fn is_section_run(document: &crate::document::Document, claim: &crate::claim::Claim) -> bool {
    let text = document.slice(claim.span);
    text.split(['–', '-'])
        .nth(1)
        .and_then(|second| second.trim().split_once('.'))
        .is_some_and(|(_, decimals)| decimals.len() >= 3 && decimals.chars().all(|c| c.is_ascii_digit()))
}

/// "the 14 months between 1.1 and 1.0", "between 3.3 and 2.7": decimals with no unit, told in
/// either order after "between", are versions or releases; a share or an amount is judged.
fn is_versions_between(document: &crate::document::Document, claim: &crate::claim::Claim) -> bool {
    let text = document.slice(claim.span);
    let Some(rest) = text.strip_prefix("between ") else {
        return false;
    };
    let Some((first, second)) = rest.split_once(" and ") else {
        return false;
    };
    let version = |part: &str| {
        part.split_once('.').is_some_and(|(whole, minor)| {
            !whole.is_empty()
                && whole.len() <= 2
                && !minor.is_empty()
                && minor.len() <= 2
                && whole.bytes().chain(minor.bytes()).all(|b| b.is_ascii_digit())
        })
    };
    claim.unit.is_none() && version(first.trim()) && version(second.trim())
}

/// "from 9-5", "won 7-3": two small whole numbers joined by a dash, the second the smaller,
/// are office hours that cross noon or a score, not a range that runs down. A range of a
/// measured quantity or of larger counts is still judged.
fn is_hours_or_score(document: &crate::document::Document, claim: &crate::claim::Claim) -> bool {
    let text = document.slice(claim.span);
    let Some((first, second)) = text.split_once(['-', '–']) else {
        return false;
    };
    let small = |part: &str| part.len() <= 2 && part.parse::<u8>().is_ok_and(|n| n <= 24);
    claim.kind == crate::claim::Kind::Count && small(first) && small(second)
}

/// Words after a score that name the game's state or its outcome ("a 38-10 bulge", "112-107
/// over the Thunder").
const SCORE_WORDS: &[&str] = &[
    "over",
    "against",
    "win",
    "victory",
    "lead",
    "loss",
    "defeat",
    "bulge",
    "deficit",
    "advantage",
    "decision",
    "triumph",
    "rout",
    "halftime",
    "final",
    "margin",
    "record",
    "edge",
    "cushion",
    "upset",
    "drubbing",
    "thrashing",
    "shutout",
];

/// "rolled past Northern Illinois, 45-17, on Tuesday", "takes down South Central, 42-16.", "for a
/// 38-10 bulge": two whole numbers of up to three digits joined by a dash, the first the larger,
/// with no unit, set off by punctuation (or closing a headline) or followed by a word of the
/// game, are a score. A range says what it counts ("200-150 participants") or opens with
/// "from", "between" or "ages".
fn is_final_score(document: &crate::document::Document, claim: &crate::claim::Claim) -> bool {
    let text = document.slice(claim.span);
    let Some((first, second)) = text.split_once(['-', '–']) else {
        return false;
    };
    let whole = |part: &str| (1..=3).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
    if claim.kind != crate::claim::Kind::Count || claim.unit.is_some() || !whole(first) || !whole(second) {
        return false;
    }
    let before = super::window_before(&document.text, claim.span.start, 24).to_lowercase();
    let previous = before
        .split_whitespace()
        .next_back()
        .unwrap_or_default()
        .trim_matches(|c: char| !c.is_alphanumeric());
    if matches!(
        previous,
        "from" | "between" | "ages" | "aged" | "age" | "pages" | "page" | "pp" | "p"
    ) {
        return false;
    }
    let block = &document.blocks[document.sentences[claim.sentence_index].block];
    let next = document.text[claim.span.end..block.span.end.max(claim.span.end)].trim_start();
    let set_off =
        next.is_empty() || next.starts_with([',', '.', ';', ':', ')', '!', '?']) || next.starts_with(" —");
    let word = next
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_lowercase();
    set_off || SCORE_WORDS.contains(&word.as_str())
}

/// Units and words of time counted back from the present, whose ranges run from the older
/// end: "23,700–15,500 years ago", "115–112 Ma", "2,375-2,025 y.a", "500–300 BCE".
const BEFORE_PRESENT: &[&str] = &[
    "ago", "y.a", "ya", "yr ago", "yrs ago", "kya", "mya", "bp", "b.p", "cal bp", "bce", "bc", "b.c", "ma",
    "ka", "ga", "myr", "kyr",
];

/// A range of time counted back from now: descending is its natural order.
fn counts_back(document: &crate::document::Document, claim: &crate::claim::Claim) -> bool {
    let text = document.slice(claim.span).to_ascii_lowercase();
    let after = super::window_after(&document.text, claim.span.end, 24).to_ascii_lowercase();
    let next = |from: &str| {
        from.split_whitespace()
            .next()
            .unwrap_or_default()
            .trim_end_matches([')', ',', ';', '.', ']'])
            .to_owned()
    };
    let last_word = text.rsplit(' ').next().unwrap_or_default().to_owned();
    let after_years = after.trim_start().strip_prefix("years").unwrap_or(&after);
    [last_word, next(&after), next(after_years)]
        .iter()
        .any(|word| BEFORE_PRESENT.contains(&word.as_str()))
}

/// Kinds of document numbered with a dash ("Revenue Procedure 99-42", "Notice 2020-23",
/// "Executive Order 13-07").
const NUMBERED_DOCUMENTS: &[&str] = &[
    "Procedure",
    "Proc.",
    "Ruling",
    "Rul.",
    "Notice",
    "Order",
    "Decision",
    "Opinion",
    "Report",
    "Circular",
    "Bulletin",
    "Memorandum",
    "Release",
    "Proclamation",
    "Directive",
    "Resolution",
    "Docket",
    "Case",
    "No.",
    "Number",
];

/// "locality MAD 98-25", "SP 800-186", "Revenue Procedure 99-42": a code of capitals, or a
/// numbered kind of document, then digits joined by a dash names a thing; it is no range.
fn follows_a_code(document: &crate::document::Document, claim: &crate::claim::Claim) -> bool {
    let text = document.slice(claim.span);
    if claim.unit.is_some() || !text.contains(['-', '–']) {
        return false;
    }
    let before = super::window_before(&document.text, claim.span.start, 16);
    before.ends_with(' ')
        && before.split_whitespace().next_back().is_some_and(|word| {
            (word.len() >= 2
                && word.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                && word.starts_with(|c: char| c.is_ascii_uppercase()))
                || NUMBERED_DOCUMENTS.contains(&word)
        })
}

/// "reduce the cost from around $0.23/W to $0.10/W", "fell from 12 to 9": a change written
/// "from … to …" after a verb of decrease, whose end is meant to come below its start.
fn is_a_decrease(document: &crate::document::Document, claim: &crate::claim::Claim) -> bool {
    const DECREASE: &[&str] = &[
        "reduce",
        "reduced",
        "reduces",
        "reducing",
        "cut",
        "cuts",
        "cutting",
        "lower",
        "lowered",
        "lowers",
        "lowering",
        "fall",
        "falls",
        "fell",
        "fallen",
        "falling",
        "drop",
        "drops",
        "dropped",
        "dropping",
        "decrease",
        "decreased",
        "decreases",
        "decreasing",
        "decline",
        "declined",
        "declines",
        "declining",
        "shrink",
        "shrank",
        "shrinks",
        "slash",
        "slashed",
        "down",
    ];
    if !document.slice(claim.span).contains(" to ") {
        return false;
    }
    let sentence = document.sentences[claim.sentence_index].span;
    let before = &document.text[sentence.start..claim.span.start.max(sentence.start)];
    let mut words = before
        .split_whitespace()
        .rev()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .skip_while(|w| {
            matches!(
                w.as_str(),
                "around" | "about" | "roughly" | "approximately" | "some"
            )
        });
    words.next().as_deref() == Some("from") && words.any(|w| DECREASE.contains(&w.as_str()))
}

/// "(100 × a)/(2.98-1.04) = 32": a difference in parentheses inside a formula; "58% - 20% =
/// 38%": a difference with its result.
fn in_formula(document: &crate::document::Document, claim: &crate::claim::Claim) -> bool {
    let before = super::window_before(&document.text, claim.span.start, 2);
    let after = super::window_after(&document.text, claim.span.end, 3);
    if after.trim_start().starts_with('=') {
        return true;
    }
    before.ends_with('(')
        && after.starts_with(')')
        && (before.starts_with(['/', '*', '×', '+'])
            || after[1..].trim_start().starts_with(['=', '/', '*', '×']))
}

/// "the 80-20 rule", "about 90% to 10%, respectively", "a 67% to 33% domestic to foreign
/// ratio": two shares of one whole, larger first, that add up to it, are a split rather than a
/// range written backwards.
fn splits_a_whole(claim: &crate::claim::Claim) -> bool {
    use crate::claim::Kind;
    let (Some(low), Some(high)) = (claim.low, claim.high) else {
        return false;
    };
    matches!(claim.kind, Kind::Percent | Kind::Count) && low + high == Decimal::ONE_HUNDRED
}

pub fn range_order(context: &Context<'_>) -> Vec<Finding> {
    let document = context.document;
    context
        .claims
        .iter()
        // Working the author shows ("($3,600 - $2,000)") is a difference, not a range.
        .filter(|claim| claim.value.is_none() && claim.role != Some(crate::claim::Role::Arithmetic))
        .filter(|claim| matches!((claim.low, claim.high), (Some(low), Some(high)) if low > high))
        .filter(|claim| {
            !is_tally(document, claim)
                && !is_section_run(document, claim)
                && !is_hours_or_score(document, claim)
                && !is_final_score(document, claim)
                && !is_versions_between(document, claim)
                && !counts_back(document, claim)
                && !follows_a_code(document, claim)
                && !in_formula(document, claim)
                && !is_a_decrease(document, claim)
                && !splits_a_whole(claim)
        })
        .filter(|claim| {
            let block = document.sentences[claim.sentence_index].block;
            !matches!(
                document.blocks[block].kind,
                BlockKind::TableCell { .. } | BlockKind::Note { .. }
            )
        })
        .map(|claim| {
            Finding::at(Place::Text(claim.span))
                .with("text", &claim.text)
                .claim(claim)
        })
        .collect()
}
