//! A count with its share of a whole: "18 (52%)", "18, or 52%", "52% (18)", "60% of the 30
//! councils, or 18", "two thirds of the 90 plots, 55 in all", "12 of 400 patients, a rate of 3%",
//! "one in five adults (25%)".

use super::{Relations, Sentence};
use crate::claim::Kind;
use crate::span::Span;

/// `count` is said to be `share` of `whole` (when the sentence names the whole).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountShare {
    pub count: usize,
    pub share: usize,
    pub whole: Option<usize>,
    pub cue: Span,
}

/// Words between a count and its share ("18, or 52%", "18 — that is 52%").
const LINKS: &[&str] = &[
    ", or",
    "or",
    ", i . e .",
    ", that is",
    "— that is",
    ", some",
    ", about",
    ", roughly",
    ", nearly",
    ", almost",
    ", just over",
    ", just under",
    ", a rate of",
    ", a share of",
    ", a proportion of",
    ", or a rate of",
    ", or a share of",
    ", representing",
    "representing",
    ", equal to",
    ", equivalent to",
    ", accounting for",
    "accounting for",
    ", making up",
];

/// Words after the count of a share's whole that give the count ("…, 55 in all").
const TALLIES: &[&str] = &["in all", "in total", "altogether", "all told"];

pub fn find(sentence: &Sentence<'_>, out: &mut Relations) {
    let view = &sentence.view;
    let kind = |at: usize| sentence.claims[sentence.claim_at(at)].kind;
    let is_count = |at: usize| view.figure(at).is_some() && kind(at) == Kind::Count;
    let is_share = |at: usize| view.figure(at).is_some() && kind(at) == Kind::Percent;
    let mut pairs: Vec<(usize, usize, Span)> = Vec::new();
    for &at in &view.figures {
        if is_count(at) {
            // "18 (52%)", "18 (52 percent of them)"
            if view.is(at + 1, "(") && is_share(at + 2) {
                pairs.push((at, at + 2, view.span(at + 1, at + 2)));
            } else if let Some((_, end)) = view.matches_any(at + 1, LINKS).filter(|&(_, end)| is_share(end)) {
                pairs.push((at, end, view.span(at + 1, end)));
            }
        } else if is_share(at) && view.is(at + 1, "(") && is_count(at + 2) {
            // "52% (18)", "52% (18 councils)"
            pairs.push((at + 2, at, view.span(at + 1, at + 2)));
        }
    }
    for (count_at, share_at, cue) in pairs {
        let count = sentence.claim_at(count_at);
        let share = sentence.claim_at(share_at);
        let whole = whole_of(sentence, out, count, count_at);
        out.count_shares.push(CountShare {
            count,
            share,
            whole,
            cue,
        });
    }
    share_of_whole_then_count(sentence, out);
}

/// The whole a count is a part of: a part-of-whole relation of the sentence, or "N in M"
/// ("one in five") read as a count of a whole.
fn whole_of(sentence: &Sentence<'_>, out: &Relations, count: usize, count_at: usize) -> Option<usize> {
    if let Some(relation) = out.parts.iter().rev().find(|r| r.part == count) {
        return Some(relation.whole);
    }
    let view = &sentence.view;
    if view.is_any(count_at + 1, &["in", "out"]) {
        let after = if view.is(count_at + 1, "out") {
            count_at + 3
        } else {
            count_at + 2
        };
        return view
            .figure(after)
            .filter(|&w| sentence.claims[w].kind == Kind::Count);
    }
    // "Of the 30 councils, 18 (60%) … and 12 (40%) …": every count after an opening whole.
    out.parts
        .iter()
        .filter(|r| r.cue.start == view.span(0, 1).start)
        .find(|r| sentence.claims[r.part].span.start <= sentence.claims[count].span.start)
        .map(|r| r.whole)
}

/// "60% of the 30 councils, or 18", "two thirds of the 90 plots, 55 in all".
fn share_of_whole_then_count(sentence: &Sentence<'_>, out: &mut Relations) {
    let view = &sentence.view;
    for &at in &view.figures {
        let share = sentence.claim_at(at);
        if sentence.claims[share].kind != Kind::Percent {
            continue;
        }
        let Some((_, whole_at)) =
            view.matches_any(at + 1, &["of the", "of all the", "of all", "of its", "of"])
        else {
            continue;
        };
        let Some(whole) = view
            .figure(whole_at)
            .filter(|&w| sentence.claims[w].kind == Kind::Count)
        else {
            continue;
        };
        // The count follows within the clause: ", or 18", ", 55 in all", "(18)".
        let Some(count_at) = view.next_figure(whole_at + 1, 6) else {
            continue;
        };
        let count = sentence.claim_at(count_at);
        if sentence.claims[count].kind != Kind::Count || !view.only_words(whole_at + 1, count_at - 1) {
            continue;
        }
        let linked = (view.is(count_at - 1, "or") && view.is(count_at - 2, ","))
            || (view.is(count_at - 1, "(") && view.is(count_at + 1, ")"))
            || (view.is(count_at - 1, ",") && view.matches_any(count_at + 1, TALLIES).is_some());
        if linked {
            out.count_shares.push(CountShare {
                count,
                share,
                whole: Some(whole),
                cue: view.span(at + 1, whole_at),
            });
        }
    }
}
