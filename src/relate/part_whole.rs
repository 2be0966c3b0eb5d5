//! Part of a whole: "18 of the 30 councils", "25 out of 40", "Of the 30 projects, 12 …",
//! "120 staff, including 40 nurses", "250 of them", "a total of 40 staff; 25 were nurses".

use super::{Relations, Sentence, comparable};
use crate::span::Span;

/// `part` (a claim index) is a part of `whole`; `cue` spans the words that say so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartOfWhole {
    pub part: usize,
    pub whole: usize,
    pub cue: Span,
}

/// Words joining a part to the whole after it ("18 of the 30").
const JOINERS: &[&str] = &[
    "out of the",
    "out of all",
    "out of a total of",
    "out of",
    "of all the",
    "of the total",
    "of a total of",
    "of the",
    "of all",
    "of its",
    "of their",
    "of our",
    "of these",
    "of those",
    "of",
];

/// Words after a figure that keep it the count of the whole's things ("closed 30 last year",
/// "funded 12 of them", "sold 40 in May").
const OBJECT_FOLLOWERS: &[&str] = &[
    "last", "this", "next", "in", "on", "by", "during", "over", "since", "of", "at", "for", "to", "from",
    "were", "was", "are", "had", "have",
];

/// Most items between a marked total and a part counted after it.
const MAX_TOTAL_TO_PART: usize = 16;

/// Is the figure at `at` one compared with: after "than", "against", "versus", or after "from"
/// or "on" in a change ("up 33% from 36,000", "down 5% on 2022"), not "heard from 45 witnesses"?
fn compared(sentence: &Sentence<'_>, at: usize) -> bool {
    let view = &sentence.view;
    let before = at.wrapping_sub(1);
    // "more than 450 million credits, 290 million of which": a bound on the figure, not a
    // figure compared with.
    let bound = view.is(before, "than") && view.is_any(before.wrapping_sub(1), &["more", "less", "fewer"]);
    if view.is_any(before, &["than", "against", "versus", "vs"]) && !bound {
        return true;
    }
    view.is_any(before, &["from", "on"])
        && (before.saturating_sub(4)..before).any(|i| {
            view.word(i).is_some_and(|w| {
                crate::lexicon::cues::CHANGE_WORDS
                    .iter()
                    .any(|c| w.eq_ignore_ascii_case(c))
            }) || view
                .figure(i)
                .is_some_and(|c| sentence.claims[c].kind == crate::claim::Kind::Percent)
        })
}

/// Words that may stand between the comma after an opening whole and its part.
const OPENING_HEDGES: &[&str] = &[
    "only", "just", "some", "about", "around", "nearly", "almost", "roughly", "over", "under", "fewer",
    "more", "than", "as", "many", "few", "a", "mere", "at", "least", "most", "exactly",
];

/// Words after a part that point back to the whole before it ("250 of them").
const BACK: &[&str] = &[
    "of them",
    "of whom",
    "of these",
    "of those",
    "of which",
    "among them",
];

/// Words after a count that make it the subject of a clause ("25 were nurses").
const CLAUSE_VERBS: &[&str] = &[
    "were", "was", "are", "is", "had", "have", "has", "did", "do", "came", "went", "said", "reported",
    "received", "got", "remain", "remained", "lived", "live", "died", "worked", "work", "voted", "chose",
    "agreed", "used", "held", "left", "stayed", "became", "passed", "failed", "took", "returned",
];

pub fn find(sentence: &Sentence<'_>, relations: &mut Relations) {
    let out = &mut relations.parts;
    let view = &sentence.view;
    for (n, &at) in view.figures.iter().enumerate() {
        let part = sentence.claim_at(at);
        // "18 of the 30": a joiner, at most one plain word ("the first 10"), the whole.
        if let Some((_, end)) = view.matches_any(at + 1, JOINERS) {
            let whole_at = if view.figure(end).is_some() {
                Some(end)
            } else if view.word(end).is_some_and(|w| !w.eq_ignore_ascii_case("which")) {
                view.figure(end + 1).map(|_| end + 1)
            } else {
                None
            };
            if let Some(whole_at) = whole_at {
                let whole = sentence.claim_at(whole_at);
                if comparable(&sentence.claims[part], &sentence.claims[whole]) {
                    out.push(PartOfWhole {
                        part,
                        whole,
                        cue: view.span(at + 1, whole_at),
                    });
                }
            }
        }
        // "250 of them": the whole is the nearest comparable figure before.
        if let Some((_, end)) = view.matches_any(at + 1, BACK) {
            // "four of these areas": the noun named must be what the whole counts ("over two
            // releases … all four of these areas" counts two things).
            let determiner = view.is_any(end - 1, &["these", "those"]);
            let named = view
                .word(end)
                .filter(|word| determiner && !CLAUSE_VERBS.iter().any(|v| word.eq_ignore_ascii_case(v)))
                .map(super::sentence::noun_key);
            let counts_it = |w: usize| {
                named.as_ref().is_none_or(|named| {
                    (w + 1..w + 4)
                        .filter_map(|i| view.word(i))
                        .any(|word| super::sentence::noun_key(word) == *named)
                })
            };
            // Not a figure compared with ("up 33% from 36,000 the year before, and 41,000 of
            // them …": them are this year's), a sibling part ("59 of them …, and 931 of them")
            // nor an alternative to this one ("4 or 5 of them").
            let sibling = |w: usize| view.matches_any(w + 1, BACK).is_some();
            let alternative = |w: usize| w + 2 == at && view.is_any(w + 1, &["or", "to", "-", "–"]);
            let whole = view.figures[..n]
                .iter()
                .rev()
                .filter(|&&w| !compared(sentence, w) && counts_it(w) && !sibling(w) && !alternative(w))
                .map(|&w| sentence.claim_at(w))
                .find(|&w| comparable(&sentence.claims[part], &sentence.claims[w]));
            if let Some(whole) = whole {
                out.push(PartOfWhole {
                    part,
                    whole,
                    cue: view.span(at + 1, end),
                });
            }
        }
    }
    opening_whole(sentence, out);
    total_then_part(sentence, out);
}

/// "Of the 30 projects, 12 were late", "Among the 400 staff surveyed, 90 …": the whole opens
/// the sentence and the first comparable figure after the comma is its part.
fn opening_whole(sentence: &Sentence<'_>, out: &mut Vec<PartOfWhole>) {
    let view = &sentence.view;
    if !view.is_any(0, &["of", "among", "out"]) {
        return;
    }
    let Some(&whole_at) = view.figures.first().filter(|&&at| at <= 4) else {
        return;
    };
    if !view.only_words(0, whole_at) {
        return;
    }
    let whole = sentence.claim_at(whole_at);
    let Some(comma) = (whole_at + 1..view.items.len()).find(|&i| view.is(i, ",")) else {
        return;
    };
    // The part opens the clause after the comma ("…, 12 were late", "…, only 12 …"); a figure
    // further on counts something else ("…, several inputs recur — CHIRPS (8) …").
    // Or the object of the clause's verb, a few plain words on, followed by what follows a
    // part ("Of its 25 stores, the chain closed 30 last year").
    let whole_noun = view.word(whole_at + 1).map(super::sentence::noun_key);
    let part_at = view.figures.iter().copied().find(|&at| at > comma).filter(|&at| {
        let hedged = at <= comma + 3 && (comma + 1..at).all(|i| view.is_any(i, OPENING_HEDGES));
        let object = at <= comma + 6
            && (comma + 1..at).all(|i| view.word(i).is_some())
            && match view.word(at + 1) {
                None => !view.is(at + 1, "("),
                Some(next) => {
                    OBJECT_FOLLOWERS.iter().any(|f| next.eq_ignore_ascii_case(f))
                        || whole_noun.as_deref() == Some(super::sentence::noun_key(next).as_str())
                }
            };
        hedged || object
    });
    if let Some(part_at) = part_at {
        let part = sentence.claim_at(part_at);
        if comparable(&sentence.claims[part], &sentence.claims[whole]) {
            out.push(PartOfWhole {
                part,
                whole,
                cue: view.span(0, whole_at),
            });
        }
    }
}

/// "A total of 40 staff …; 25 were nurses", "40 staff in all, 25 of …": a figure marked as the
/// total and a later count of the same thing as the subject of its clause.
fn total_then_part(sentence: &Sentence<'_>, out: &mut Vec<PartOfWhole>) {
    let view = &sentence.view;
    let Some((n, whole_at)) = view.figures.iter().copied().enumerate().find(|&(_, at)| {
        view.matches_before(at, "total of").is_some()
            || view.matches(at + 1, "in total").is_some()
            || view.matches(at + 1, "in all").is_some()
    }) else {
        return;
    };
    let whole = sentence.claim_at(whole_at);
    let noun = (whole_at + 1..whole_at + 4)
        .filter_map(|i| view.word(i))
        .find(|w| !matches!(w.to_ascii_lowercase().as_str(), "in" | "total" | "all"))
        .map(super::sentence::noun_key);
    for &part_at in &view.figures[n + 1..] {
        // The part follows within a clause or two, not in another provision of a long sentence
        // ("not to exceed a total of $31,000,000; purchase of … ; … $213,000,000 is …").
        if part_at > whole_at + MAX_TOTAL_TO_PART {
            break;
        }
        let part = sentence.claim_at(part_at);
        if !comparable(&sentence.claims[part], &sentence.claims[whole]) {
            continue;
        }
        // A part listed in a breakdown belongs to the breakdown relation, not here.
        if view.is_any(part_at - 1, &[":", "of", "into", "between", "including"]) {
            continue;
        }
        let next = view.word(part_at + 1);
        let same_noun = next
            .zip(noun.as_ref())
            .is_some_and(|(w, n)| super::sentence::noun_key(w) == *n);
        if next.is_some_and(|w| CLAUSE_VERBS.iter().any(|v| w.eq_ignore_ascii_case(v))) || same_noun {
            out.push(PartOfWhole {
                part,
                whole,
                cue: view.span(whole_at, whole_at + 1),
            });
        }
    }
}
