//! A change between two figures: a from-value and a to-value ("from 40 to 52", "to 52 in 2022
//! from 40 in 2019"), and what the sentence says the change was: a percentage ("rose 20% from
//! …", "…, a rise of 12 percent"), percentage points, a factor ("doubled", "halved", "fivefold",
//! "by a quarter"), an absolute amount ("up by 12"), or only a direction ("fell from …").

use rust_decimal::Decimal;

use super::{Relations, Sentence};
use crate::claim::Kind;
use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// What the sentence states the change to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stated {
    /// A percentage (the claim index): a relative change.
    Percent(usize),
    /// Percentage points (the claim index).
    Points(usize),
    /// A factor said in words ("doubled" is 2, "halved" 0.5), and how it is hedged ("more than
    /// doubled" is at least 2).
    Factor(Decimal, Hedge),
    /// An amount in the unit of the figures (the claim index).
    Amount(usize),
    /// Only the direction ("fell from 40 to 52").
    Direction,
}

/// How a factor said in words is hedged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hedge {
    Exact,
    /// "more than doubled", "over tripled", "at least halved"
    AtLeast,
    /// "nearly doubled", "almost tripled"
    AtMost,
    /// "about doubled", "roughly halved"
    About,
    /// A fraction in words ("by a third"): a round figure, read within five points of the
    /// change (a fall of 28 % to 38 % for "by a third").
    Round,
}

/// The hedge in the one or two words before item `at`.
fn hedge_before(view: &super::sentence::View<'_>, at: usize) -> Hedge {
    if view.matches_before(at, "more than").is_some()
        || view.matches_before(at, "at least").is_some()
        || view.is(at.wrapping_sub(1), "over")
    {
        Hedge::AtLeast
    } else if view.is_any(at.wrapping_sub(1), &["nearly", "almost"])
        || view.matches_before(at, "less than").is_some()
    {
        Hedge::AtMost
    } else if view.is_any(
        at.wrapping_sub(1),
        &["about", "roughly", "around", "approximately", "some"],
    ) {
        Hedge::About
    } else {
        Hedge::Exact
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub from: usize,
    pub to: usize,
    pub stated: Stated,
    pub direction: Option<Direction>,
    /// The words that state the change.
    pub cue: Span,
}

const UP: &[&str] = &[
    "rose",
    "rise",
    "risen",
    "rises",
    "rising",
    "increase",
    "increased",
    "increases",
    "increasing",
    "grew",
    "grow",
    "grown",
    "grows",
    "growth",
    "climbed",
    "climb",
    "jumped",
    "jump",
    "up",
    "gained",
    "gain",
    "soared",
    "surged",
    "expanded",
    "higher",
    "more",
    "doubled",
    "tripled",
    "trebled",
    "quadrupled",
    "improved",
    "boosted",
    "rallied",
    "advanced",
    "leapt",
    "leaped",
    "rebounded",
    "recovered",
    "spiked",
    "swelled",
    "widened",
];

const DOWN: &[&str] = &[
    "fell",
    "fall",
    "fallen",
    "falls",
    "falling",
    "dropped",
    "drop",
    "drops",
    "declined",
    "decline",
    "declines",
    "decreased",
    "decrease",
    "decreases",
    "down",
    "cut",
    "cuts",
    "shrank",
    "shrunk",
    "shrink",
    "lost",
    "slipped",
    "slumped",
    "plunged",
    "plummeted",
    "reduced",
    "reduction",
    "lower",
    "less",
    "halved",
    "contracted",
    "eased",
    "sank",
    "tumbled",
    "slid",
    "dipped",
    "retreated",
    "shed",
    "sagged",
    "narrowed",
];

/// Words naming a change before "of" ("a rise of 12 percent").
const CHANGE_NOUNS: &[&str] = &[
    "rise",
    "increase",
    "growth",
    "gain",
    "jump",
    "fall",
    "drop",
    "decline",
    "decrease",
    "reduction",
    "cut",
    "change",
    "loss",
    "contraction",
    "expansion",
];

/// A fraction said in words after "by": "half", "a third", "a quarter".
fn fraction_word(word: &str) -> Option<Decimal> {
    Some(match word.to_ascii_lowercase().as_str() {
        "half" => Decimal::new(5, 1),
        "third" => Decimal::ONE / Decimal::from(3),
        "quarter" => Decimal::new(25, 2),
        "fifth" => Decimal::new(2, 1),
        "tenth" => Decimal::new(1, 1),
        _ => return None,
    })
}

/// Factors said in words.
fn factor(word: &str) -> Option<Decimal> {
    Some(match word.to_ascii_lowercase().as_str() {
        "doubled" | "doubling" | "twofold" | "two-fold" => Decimal::TWO,
        "tripled" | "trebled" | "tripling" | "threefold" | "three-fold" => Decimal::from(3),
        "quadrupled" | "fourfold" | "four-fold" => Decimal::from(4),
        "fivefold" | "five-fold" => Decimal::from(5),
        "tenfold" | "ten-fold" => Decimal::TEN,
        "halved" | "halving" => Decimal::new(5, 1),
        _ => return None,
    })
}

fn direction_of(word: &str) -> Option<Direction> {
    if UP.iter().any(|w| word.eq_ignore_ascii_case(w)) {
        Some(Direction::Up)
    } else if DOWN.iter().any(|w| word.eq_ignore_ascii_case(w)) {
        Some(Direction::Down)
    } else {
        None
    }
}

/// Can `a` and `b` be the two ends of one change?
fn ends(sentence: &Sentence<'_>, a: usize, b: usize) -> bool {
    let (a, b) = (&sentence.claims[a], &sentence.claims[b]);
    a.kind == b.kind
        && a.unit == b.unit
        && matches!(
            a.kind,
            Kind::Count | Kind::Money | Kind::Quantity | Kind::Percent | Kind::Duration
        )
}

pub fn find(sentence: &Sentence<'_>, out: &mut Relations) {
    up_from(sentence, out);
    let view = &sentence.view;
    for (n, &at) in view.figures.iter().enumerate() {
        // "from A [in 2019] to B": A after "from", B after "to" within a few items.
        let from_first = view.is(at.wrapping_sub(1), "from");
        let to_first = view.is(at.wrapping_sub(1), "to");
        if !(from_first || to_first) {
            continue;
        }
        let link = if from_first { "to" } else { "from" };
        let Some(&other_at) = view.figures.get(n + 1..).and_then(|rest| {
            rest.iter()
                .find(|&&o| !sentence.claims[sentence.claim_at(o)].kind.is_temporal())
        }) else {
            continue;
        };
        if !gap_fits(sentence, at, other_at, link) {
            continue;
        }
        let (first, second) = (sentence.claim_at(at), sentence.claim_at(other_at));
        if !ends(sentence, first, second) {
            continue;
        }
        let (from, to) = if from_first {
            (first, second)
        } else {
            (second, first)
        };
        let marker = at - 1;
        let lead_start = marker.saturating_sub(5);
        // "Costs range from EUR 20 to EUR 40": a range, not a change.
        if from_first && (marker.saturating_sub(3)..marker).any(|i| view.is_any(i, SPREAD)) {
            continue;
        }
        // "to 260,000 units in 2023, a rise of …": the unit word and the time, then the change.
        let mut end = other_at + 1;
        // "to GBP 11.44 an hour, an increase of …"
        if view.is_any(end, &["a", "an", "per", "each"]) && view.word(end + 1).is_some() {
            end += 2;
        } else if view.word(end).is_some()
            && view.is_any(end + 1, &["in", "by", ",", "("])
            && !view.is_any(end, &["in", "by"])
        {
            end += 1;
        }
        let end = after_time(sentence, end);
        let stated =
            stated_before(sentence, lead_start, marker, from).or_else(|| stated_after(sentence, end, from));
        let direction = (lead_start..marker)
            .rev()
            .find_map(|i| view.word(i).and_then(direction_of))
            .or_else(|| stated.and_then(|s| s.2));
        let (stated, cue) = match stated {
            Some((stated, cue, _)) => (stated, cue),
            None if verb_at_marker(sentence, marker).is_some() => {
                (Stated::Direction, view.span(marker.saturating_sub(2), marker))
            }
            None => continue,
        };
        out.changes.push(Change {
            from,
            to,
            stated,
            direction,
            cue,
        });
    }
}

/// "Revenue reached EUR 140 million, up 40% from EUR 120 million", "… 68,000, down 15 percent
/// on 80,000": the to-value first, then the change and the from-value after "from" or "on".
fn up_from(sentence: &Sentence<'_>, out: &mut Relations) {
    let view = &sentence.view;
    for pair in view.figures.windows(2) {
        let (to_at, stated_at) = (pair[0], pair[1]);
        // "5.1 million people, up 17% from …": a noun may follow the to-value.
        let comma = if view.word(to_at + 1).is_some() {
            to_at + 2
        } else {
            to_at + 1
        };
        if !view.is(comma, ",") || !view.is_any(comma + 1, &["up", "down"]) {
            continue;
        }
        let mut at = comma + 2;
        if view.is(at, "by") {
            at += 1;
        }
        if at != stated_at || !view.is_any(stated_at + 1, &["from", "on"]) {
            continue;
        }
        let Some(from) = view.figure(stated_at + 2) else {
            continue;
        };
        let (to, stated) = (sentence.claim_at(to_at), sentence.claim_at(stated_at));
        if !ends(sentence, from, to) {
            continue;
        }
        let Some(stated_kind) = stated_kind(sentence, stated, from) else {
            continue;
        };
        let direction = if view.is(comma + 1, "up") {
            Direction::Up
        } else {
            Direction::Down
        };
        out.changes.push(Change {
            from,
            to,
            stated: stated_kind,
            direction: Some(direction),
            cue: view.span(comma + 1, stated_at + 2),
        });
    }
}

/// Is the stretch between the two ends only what may stand there: a unit word and a time
/// ("from 50 units in 2019 to 70"), then the link? Another clause ("to 3% and nuclear power
/// decreased from 29%") or another list item ("to 2.0%, for Asians from 3.5%") is not.
fn gap_fits(sentence: &Sentence<'_>, at: usize, other_at: usize, link: &str) -> bool {
    let view = &sentence.view;
    // "from 80,000 a day in 2019 to": a unit phrase and a time at most.
    if other_at < at + 2 || other_at - at > 7 || !view.is(other_at - 1, link) {
        return false;
    }
    // "to 150,000, from 100,000", "to EUR 30 million, down from EUR 60 million": a comma, and
    // the direction again, may stand just before the link.
    let mut last = other_at - 1;
    if view.is_any(last - 1, &["up", "down"]) {
        last -= 1;
    }
    if view.is(last - 1, ",") {
        last -= 1;
    }
    (at + 1..last).all(|i| match view.figure(i) {
        Some(index) => sentence.claims[index].kind.is_temporal(),
        None => view.word(i).is_some_and(|w| {
            !["and", "or", "but", "while", "for", "whereas", "with"]
                .iter()
                .any(|s| w.eq_ignore_ascii_case(s))
        }),
    })
}

/// A verb of direction just before "from" or "to" ("fell from", "rose sharply to"), not a noun
/// ("a decrease from 6 kg to 13 kg" may describe what changes over that span): only then does
/// the direction alone say which way the two figures go.
fn verb_at_marker(sentence: &Sentence<'_>, marker: usize) -> Option<Direction> {
    let view = &sentence.view;
    let mut at = marker.checked_sub(1)?;
    if view
        .word(at)
        .is_some_and(|w| w.len() > 4 && w.to_ascii_lowercase().ends_with("ly"))
    {
        at = at.checked_sub(1)?;
    }
    let direction = view.word(at).and_then(direction_of)?;
    let noun = view.is_any(
        at.wrapping_sub(1),
        &["a", "an", "the", "its", "their", "this", "that"],
    );
    (!noun).then_some(direction)
}

/// Words that make "from A to B" a range, not a change.
const SPREAD: &[&str] = &[
    "range", "ranges", "ranged", "ranging", "vary", "varies", "varied", "varying", "spans", "spanning",
    "spread",
];

/// The position after an optional "in 2022" following a figure.
fn after_time(sentence: &Sentence<'_>, at: usize) -> usize {
    let view = &sentence.view;
    let time = view
        .figure(at + 1)
        .is_some_and(|i| sentence.claims[i].kind.is_temporal())
        // A month names a time without being a figure ("in June").
        || view.word(at + 1).and_then(crate::calendar::month_number).is_some();
    if view.is_any(at, &["in", "by"]) && time {
        at + 2
    } else {
        at
    }
}

fn stated_kind(sentence: &Sentence<'_>, index: usize, from: usize) -> Option<Stated> {
    let claim = &sentence.claims[index];
    // "a drop of 0.8 points" after percentages: points, though the unit word stands apart.
    let view = &sentence.view;
    let points_word = view
        .figures
        .iter()
        .find(|&&at| view.figure(at) == Some(index))
        .is_some_and(|&at| view.is_any(at + 1, &["points", "point", "pts", "percentage"]));
    if points_word && sentence.claims[from].kind == Kind::Percent {
        return Some(Stated::Points(index));
    }
    match claim.kind {
        Kind::Percent => Some(Stated::Percent(index)),
        Kind::Quantity if claim.unit == Some("pp") => Some(Stated::Points(index)),
        _ if index != from && super::comparable(claim, &sentence.claims[from]) => Some(Stated::Amount(index)),
        _ => None,
    }
}

/// "rose 20 percent from", "grew by EUR 12 million from", "doubled from", "fell by a quarter
/// from": the change stated in the words before the from-value.
fn stated_before(
    sentence: &Sentence<'_>,
    start: usize,
    marker: usize,
    from: usize,
) -> Option<(Stated, Span, Option<Direction>)> {
    let view = &sentence.view;
    for i in (start..marker).rev() {
        // "fell by a quarter, from …": a comma may stand between the change and the figures.
        if view.is(i, ",") {
            continue;
        }
        if view.is_any(i, &["and", "while", "but", "whereas", "as", "when", "after"]) {
            return None;
        }
        if let Some(word) = view.word(i) {
            // "fell by half", "grew by a third", "cut by a quarter" (a fraction the extraction
            // left as words)
            let by_at = if view.is(i.wrapping_sub(1), "a") {
                i.wrapping_sub(2)
            } else {
                i.wrapping_sub(1)
            };
            if let Some(part) = fraction_word(word).filter(|_| view.is(by_at, "by")) {
                let verb = (by_at.saturating_sub(3)..by_at)
                    .rev()
                    .find_map(|j| view.word(j).and_then(direction_of))?;
                let f = if verb == Direction::Down {
                    Decimal::ONE - part
                } else {
                    Decimal::ONE + part
                };
                // A fraction in words is a round figure: "by a third" allows 35 %.
                return Some((
                    Stated::Factor(f, Hedge::Round),
                    view.span(by_at, i + 1),
                    Some(verb),
                ));
            }
            if let Some(f) = factor(word) {
                let direction = if f < Decimal::ONE {
                    Direction::Down
                } else {
                    Direction::Up
                };
                let hedge = hedge_before(view, i);
                return Some((Stated::Factor(f, hedge), view.span(i, i + 1), Some(direction)));
            }
            // "rose fivefold", "grew 3-fold" and "5 times"
            continue;
        }
        let Some(index) = view.figure(i) else { break };
        // "halved since 2010, from …", "doubled over five years, from …": a time or a length
        // between the change and the figures.
        if sentence.claims[index].kind.is_temporal() || sentence.claims[index].kind == Kind::Duration {
            continue;
        }
        let verb = (i.saturating_sub(2)..i)
            .rev()
            .find_map(|j| view.word(j).and_then(direction_of));
        let by = view.is(i.wrapping_sub(1), "by");
        if verb.is_none() && !by {
            return None;
        }
        if view.is_any(i + 1, &["fold", "times"]) || view.is(i + 1, "-") && view.is(i + 2, "fold") {
            let value = sentence.claims[index].value?;
            let hedge = hedge_before(view, i);
            return Some((Stated::Factor(value, hedge), view.span(i, i + 2), verb));
        }
        return stated_kind(sentence, index, from).map(|s| (s, view.span(i.saturating_sub(2), i + 1), verb));
    }
    None
}

/// ", a rise of 12 percent", ", up 30%", "(down 5%)", ", an increase of EUR 12 million", ", a
/// 30% rise", ", or 30% more": the change stated just after the to-value.
fn stated_after(
    sentence: &Sentence<'_>,
    at: usize,
    from: usize,
) -> Option<(Stated, Span, Option<Direction>)> {
    let view = &sentence.view;
    let mut i = at;
    if !view.is_any(i, &[",", "(", "—", "–", "-", ";"]) {
        return None;
    }
    i += 1;
    let start = i;
    if view.is_any(i, &["a", "an", "or", "which", "that", "is", "was"]) {
        i += 1;
    }
    if view.is_any(i, &["a", "an", "is", "was"]) {
        i += 1;
    }
    // "up 30%", "down by 5%"
    if let Some(direction) = view.word(i).and_then(direction_of) {
        let mut j = i + 1;
        if view.is_any(j, &["by", "of"]) {
            j += 1;
        }
        if let Some(index) = view.figure(j) {
            return stated_kind(sentence, index, from).map(|s| (s, view.span(start, j + 1), Some(direction)));
        }
        // "a rise of 12 percent"
        if view
            .word(i)
            .is_some_and(|w| CHANGE_NOUNS.iter().any(|n| w.eq_ignore_ascii_case(n)))
        {
            return None;
        }
    }
    if view
        .word(i)
        .is_some_and(|w| CHANGE_NOUNS.iter().any(|n| w.eq_ignore_ascii_case(n)))
        && view.is(i + 1, "of")
    {
        let index = view.figure(i + 2)?;
        let direction = view.word(i).and_then(direction_of);
        return stated_kind(sentence, index, from).map(|s| (s, view.span(start, i + 3), direction));
    }
    // "a 30% rise", "30% more"
    if let Some(index) = view.figure(i) {
        let direction = view.word(i + 1).and_then(direction_of)?;
        return stated_kind(sentence, index, from).map(|s| (s, view.span(start, i + 2), Some(direction)));
    }
    None
}
