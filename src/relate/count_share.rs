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
    ", or a rate of",
    ", or a share of",
    ", or",
    "or",
    ", i . e .",
    ", that is",
    "— that is",
    "— or",
    "– or",
    "- or",
    "( or",
    ", a rate of",
    ", a share of",
    ", a proportion of",
    ", representing",
    "representing",
    ", equal to",
    ", equivalent to",
    ", accounting for",
    "accounting for",
    ", making up",
    // A dash alone last, after the dashed links above ("— or 40 percent —").
    "—",
    "–",
];

/// Hedges between a link and its figure ("18, or about 52%"); the figure's qualifier holds them.
const HEDGES: &[&str] = &[
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "some",
    "just",
    "over",
    "under",
    "approximately",
];

/// The position after the hedge words at `at`.
fn skip_hedges(view: &super::sentence::View<'_>, mut at: usize) -> usize {
    while view.is_any(at, HEDGES) {
        at += 1;
    }
    at
}

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
            } else if let Some(end) = (at + 1..at + 3)
                .filter(|&from| (at + 1..from).all(|i| view.word(i).is_some()))
                .find_map(|from| view.matches_any(from, LINKS))
                .map(|(_, end)| skip_hedges(view, end))
                .filter(|&end| is_share(end))
            {
                pairs.push((at, end, view.span(at + 1, end)));
            }
        } else if is_share(at) && view.is(at + 1, "(") && is_count(at + 2) {
            // "52% (18)", "52% (18 councils)"
            pairs.push((at + 2, at, view.span(at + 1, at + 2)));
        }
    }
    after_part_of_whole(sentence, out, &mut pairs);
    for (count_at, share_at, cue) in pairs {
        let count = sentence.claim_at(count_at);
        let share = sentence.claim_at(share_at);
        // "240 workers, or 15% of its 2,000-strong workforce": the share names the whole.
        let named = view
            .matches_any(
                share_at + 1,
                &["of the", "of its", "of their", "of all", "of a", "of"],
            )
            .and_then(|(_, at)| view.figure(at))
            .filter(|&w| sentence.claims[w].kind == Kind::Count);
        let whole = named.or_else(|| whole_of(sentence, out, count, count_at));
        out.count_shares.push(CountShare {
            count,
            share,
            whole,
            cue,
        });
    }
    share_of_whole_then_count(sentence, out);
}

/// "24 of the 60 seats (40%)", "120 of the 400 staff, or 30 percent", "100 of them (25%)",
/// "12 of 400 patients, a rate of 3%": the share follows the whole's words, not the count.
fn after_part_of_whole(sentence: &Sentence<'_>, out: &Relations, pairs: &mut Vec<(usize, usize, Span)>) {
    let view = &sentence.view;
    for relation in sentence.own_parts(out) {
        if pairs
            .iter()
            .any(|&(count_at, _, _)| view.figure(count_at) == Some(relation.part))
        {
            continue;
        }
        let Some(count_at) = view
            .figures
            .iter()
            .copied()
            .find(|&at| view.figure(at) == Some(relation.part))
        else {
            continue;
        };
        // From the end of the part's words ("of the 60 seats", "of them") to the share.
        let Some(whole_at) = view
            .figures
            .iter()
            .copied()
            .find(|&at| view.figure(at) == Some(relation.whole))
        else {
            continue;
        };
        let words_end = (whole_at.max(count_at) + 1..view.items.len())
            .find(|&i| {
                (view.word(i).is_none() && !view.is(i, "-"))
                    || view.is_any(i, &["or", "and", "that", "were", "was", "had", "have"])
            })
            .unwrap_or(view.items.len());
        if words_end > whole_at.max(count_at) + 4 {
            continue;
        }
        let share_at = if view.is(words_end, "(") {
            Some(words_end + 1)
        } else {
            view.matches_any(words_end, LINKS)
                .map(|(_, end)| skip_hedges(view, end))
        };
        if let Some(share_at) = share_at.filter(|&at| {
            view.figure(at)
                .is_some_and(|i| sentence.claims[i].kind == Kind::Percent)
        }) {
            pairs.push((count_at, share_at, view.span(words_end, share_at)));
        }
    }
}

/// The whole a count is a part of: a part-of-whole relation of the sentence, or "N in M"
/// ("one in five") read as a count of a whole.
fn whole_of(sentence: &Sentence<'_>, out: &Relations, count: usize, count_at: usize) -> Option<usize> {
    if let Some(relation) = sentence.own_parts(out).iter().rev().find(|r| r.part == count) {
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
    let opening = sentence
        .own_parts(out)
        .iter()
        .filter(|r| r.cue.start == view.span(0, 1).start)
        .find(|r| sentence.claims[r.part].span.start <= sentence.claims[count].span.start)
        .map(|r| r.whole);
    opening.or_else(|| sample_whole(sentence, count_at))
}

/// "A survey of 1,000 adults found that 230, or 23 percent, …": the size of a survey, poll,
/// sample or study before the count is the whole its shares are of.
fn sample_whole(sentence: &Sentence<'_>, count_at: usize) -> Option<usize> {
    const SAMPLES: &[&str] = &[
        "survey", "poll", "sample", "study", "census", "panel", "cohort", "trial", "group", "audit", "review",
    ];
    // "The audit sampled 80 contracts", "inspectors visited 120 sites": the verb says it too.
    const SAMPLE_VERBS: &[&str] = &[
        "sampled",
        "surveyed",
        "polled",
        "tested",
        "inspected",
        "audited",
        "interviewed",
        "examined",
        "screened",
        "visited",
        "studied",
        "reviewed",
        "checked",
        "assessed",
        "questioned",
    ];
    let view = &sentence.view;
    view.figures
        .iter()
        .copied()
        .take_while(|&at| at < count_at)
        .filter(|&at| {
            (view.is(at.wrapping_sub(1), "of") && view.is_any(at.wrapping_sub(2), SAMPLES))
                || view.is_any(at.wrapping_sub(1), SAMPLE_VERBS)
        })
        .map(|at| sentence.claim_at(at))
        .find(|&w| sentence.claims[w].kind == Kind::Count)
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
        let plain = (whole_at + 1..count_at - 1).all(|i| view.word(i).is_some() || view.is(i, ","));
        if sentence.claims[count].kind != Kind::Count || !plain {
            continue;
        }
        // ", some 90 people,": the count in apposition, hedged or not.
        let apposition_start = (whole_at + 1..count_at)
            .rev()
            .find(|&i| !view.is_any(i, HEDGES))
            .unwrap_or(count_at);
        let apposition = view.is(apposition_start, ",")
            && (count_at + 1..count_at + 3).any(|i| view.is_any(i, &[",", ")", "—", "–"]))
            && (apposition_start + 1..count_at).all(|i| view.is_any(i, HEDGES));
        let linked = apposition
            || (view.is(count_at - 1, "or") && view.is(count_at - 2, ","))
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
