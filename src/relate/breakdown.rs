//! A total and its breakdown: "a total of 120 sites: 50 …, 40 … and 30 …", "the EUR 6 billion
//! fund is divided into EUR 4 billion … and EUR 2 billion …", "120 staff, of whom 50 …",
//! "the 120 seats went 60 to …, 40 to … and 20 to …". Parts named with "including", "such as" or
//! "of which" need not be all of the total; parts given as percentages are shares of it.

use super::part_whole::PartOfWhole;
use super::{Relations, Sentence, comparable};
use crate::claim::Kind;
use crate::span::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breakdown {
    pub total: usize,
    /// The parts, in text order: figures comparable to the total, or all percentages.
    pub parts: Vec<usize>,
    /// The words say the parts are all of the total ("split into", ":"), not some of it.
    pub exhaustive: bool,
    /// The parts are percentages of the total (they add up to 100).
    pub in_percent: bool,
    pub cue: Span,
}

/// Words after a total that list all of it.
const EXHAUSTIVE: &[&str] = &[
    ":",
    "split into",
    "splits into",
    "splits between",
    "divides into",
    "split between",
    "split among",
    "split as follows :",
    "divided into",
    "divided between",
    "divided among",
    "broken down into",
    "breaks down into",
    "breaks down as",
    "broken down as",
    "break down as",
    "break down into",
    "made up of",
    "comprising",
    "comprised of",
    "comprises",
    "consisting of",
    "consist of",
    "consisted of",
    "comprise",
    "comprised",
    "consists of",
    "composed of",
    "shared between",
    "shared among",
    "allocated as",
    "distributed as",
    "went",
    "were divided",
    "were split",
    "was divided",
    "was split",
];

/// Words after a total that list some of it.
const PARTIAL: &[&str] = &[
    "including",
    "includes",
    "include",
    "included",
    "such as",
    "of which",
    "of whom",
    "among them",
    "among which",
    "notably",
];

/// Words that end a list of parts: what follows compares or changes, it does not divide.
const BREAKS: &[&str] = &[
    "over",
    "under",
    "aged",
    "while",
    "whereas",
    "but",
    "compared",
    "than",
    // "the same genes as the 1338 genes": a comparison.
    "as",
    "versus",
    "vs",
    "against",
    "up",
    "down",
    "rose",
    "fell",
    "increased",
    "decreased",
    "since",
    "after",
    "before",
    "per",
    "each",
    "every",
];

/// Words after a part of an opening whole that keep it a part ("60 went to …", "40 to …").
const PART_FOLLOWERS: &[&str] = &[
    "to", "for", "in", "on", "at", "from", "by", "with", "went", "were", "was", "are", "is", "had", "have",
    "did", "chose", "voted", "said", "got", "received", "came", "of",
];

/// Most items between a total and the cue that lists its parts ("EUR 6 billion fund is
/// divided into").
const MAX_LEAD: usize = 4;

pub fn find(sentence: &Sentence<'_>, out: &mut Relations) {
    let view = &sentence.view;
    for (n, &total_at) in view.figures.iter().enumerate() {
        let total = sentence.claim_at(total_at);
        if !matches!(
            sentence.claims[total].kind,
            Kind::Count | Kind::Money | Kind::Quantity
        ) {
            continue;
        }
        let Some((next_n, next_figure)) = view
            .figures
            .iter()
            .copied()
            .enumerate()
            .skip(n + 1)
            .find(|&(_, at)| !counted_in_words(sentence, at))
        else {
            break;
        };
        // The cue stands between the total and the next figure, after a few plain words.
        let cue = (total_at + 1..next_figure.min(total_at + MAX_LEAD + 2)).find_map(|at| {
            if let Some((_, end)) = view.matches_any(at, EXHAUSTIVE) {
                return Some((at, end, true));
            }
            view.matches_any(at, PARTIAL).map(|(_, end)| (at, end, false))
        });
        let Some((cue_start, cue_end, exhaustive)) = cue else {
            continue;
        };
        // "340 projects in 22 countries, of which 120 …": after a count of places, "of which"
        // may point back at the things counted before them.
        if !exhaustive && view.is_any(total_at.wrapping_sub(1), &["in", "across", "at", "from", "over"]) {
            continue;
        }
        if !lead_fits(sentence, total_at, cue_start, exhaustive) {
            continue;
        }
        if next_figure > cue_end + 4 {
            continue;
        }
        let parts = parts_after(sentence, total, next_figure, next_n);
        if parts.is_empty() || enumerates_values(sentence, total, &parts) {
            continue;
        }
        let in_percent =
            sentence.claims[parts[0]].kind == Kind::Percent && sentence.claims[total].kind != Kind::Percent;
        if !exhaustive && !in_percent {
            for &part in &parts {
                out.parts.push(PartOfWhole {
                    part,
                    whole: total,
                    cue: view.span(cue_start, cue_end),
                });
            }
        }
        if parts.len() >= 2 {
            out.breakdowns.push(Breakdown {
                total,
                parts,
                exhaustive,
                in_percent,
                cue: view.span(cue_start, cue_end),
            });
        }
    }
    opening_whole_parts(sentence, out);
}

/// Do the words between a total and its cue belong to the total ("EUR 6 billion fund is divided
/// into", "120 staff, including")? A new clause ("14 lakes and has grown to …") does not; a colon
/// needs a noun before it ("120 sites:"), not a label of its own ("stdlib: 411575 SLOC,
/// scikit-learn:") or nothing ("86: 955–983" in a reference).
fn lead_fits(sentence: &Sentence<'_>, total_at: usize, cue_start: usize, exhaustive: bool) -> bool {
    let view = &sentence.view;
    let lead = total_at + 1..cue_start;
    let clause_break = lead
        .clone()
        .any(|i| view.is_any(i, &["and", "or", "but", "while", "which", "that", "who"]));
    if clause_break {
        return false;
    }
    // A hyphen only joins the total to its noun ("40-member council").
    let plain = |i: usize| plain(sentence, i) || (i == total_at + 1 && view.is(i, "-"));
    // Before a colon, the total's own noun phrase in lower case ("120 sites:"), not a field
    // label ("Python-Version:").
    if view.is(cue_start, ":") {
        let lower = |i: usize| view.word(i).is_none_or(|w| !super::sentence::is_capitalised(w));
        return !lead.is_empty() && lead.clone().all(|i| plain(i) && lower(i));
    }
    // A comma may stand before a participle ("120 staff, including"; "the fund, split into").
    lead.clone()
        .all(|i| plain(i) || (view.is(i, ",") && (i + 1 == cue_start || !exhaustive)))
}

/// A word or a count in words ("has three strands:").
/// "two possible values: 0 and 1", "three sizes: 8, 12 and 16": a count of the figures listed
/// after it, each a value of what it counts, not a total they add up to.
fn enumerates_values(sentence: &Sentence<'_>, total: usize, parts: &[usize]) -> bool {
    let view = &sentence.view;
    let whole = &sentence.claims[total];
    // Bare values: no unit, and no noun after them ("5 tankers and 4 ferries" are parts).
    let bare = |part: usize| {
        sentence.claims[part].unit.is_none()
            && view
                .figures
                .iter()
                .find(|&&at| sentence.claim_at(at) == part)
                .is_some_and(|&at| view.word(at + 1).is_none_or(|w| matches!(w, "and" | "or")))
    };
    // "two rates: 15% and 28%", "25 rates", "three scenarios: 2%, 3% and 4%": the noun the
    // total counts names values, whatever their unit, not parts.
    let counts_values = view
        .figures
        .iter()
        .find(|&&at| sentence.claim_at(at) == total)
        .is_some_and(|&at| {
            (at + 1..at + 5)
                .filter_map(|i| view.word(i))
                .any(|word| VALUE_NOUNS.iter().any(|n| word.eq_ignore_ascii_case(n)))
        });
    counts_values
        || (whole.kind == Kind::Count
            && whole.unit.is_none()
            && whole.value == Some(rust_decimal::Decimal::from(parts.len()))
            && parts.iter().all(|&part| bare(part)))
}

/// Nouns that count values rather than parts of a whole ("two rates", "three scenarios").
const VALUE_NOUNS: &[&str] = &[
    "rate",
    "rates",
    "bracket",
    "brackets",
    "level",
    "levels",
    "threshold",
    "thresholds",
    "value",
    "values",
    "option",
    "options",
    "scenario",
    "scenarios",
    "tier",
    "tiers",
    "estimate",
    "estimates",
    "target",
    "targets",
    "limit",
    "limits",
    "price",
    "prices",
];

fn plain(sentence: &Sentence<'_>, i: usize) -> bool {
    sentence.view.word(i).is_some() || counted_in_words(sentence, i)
}

/// A count written in words before a noun ("three strands"): a description, not a part.
fn counted_in_words(sentence: &Sentence<'_>, i: usize) -> bool {
    sentence.view.figure(i).is_some_and(|c| {
        sentence.claims[c].kind == Kind::Count && sentence.claims[c].text.starts_with(char::is_alphabetic)
    }) && sentence.view.word(i + 1).is_some()
}

/// A figure in quotation marks ("peaks around a “3” and a “7”"): a value named, a score or a
/// label, not an amount to add.
fn quoted(sentence: &Sentence<'_>, at: usize) -> bool {
    let view = &sentence.view;
    at > 0 && view.is_any(at - 1, &["\"", "“", "‘", "'"]) && view.is_any(at + 1, &["\"", "”", "’", "'"])
}

/// The figures listed from `first_at` on: comparable to the total, or all percentages, each
/// within a few words of the last, the list ending at a word that compares or changes.
fn parts_after(sentence: &Sentence<'_>, total: usize, first_at: usize, first_n: usize) -> Vec<usize> {
    let view = &sentence.view;
    let after_colon = (first_at.saturating_sub(4)..first_at).any(|i| view.is(i, ":"));
    let first = sentence.claim_at(first_at);
    let percent = sentence.claims[first].kind == Kind::Percent;
    let fits = |index: usize| {
        // A range ("955–983") is no amount to add.
        if sentence.claims[index].value.is_none() {
            return false;
        }
        if percent {
            sentence.claims[index].kind == Kind::Percent
        } else {
            comparable(&sentence.claims[total], &sentence.claims[index])
        }
    };
    // "two forms: a 15 field version and a 16 field version": a figure after an article
    // describes one thing of the list, it counts none.
    let described = |at: usize| at > 0 && view.is_any(at - 1, &["a", "an", "A", "An"]);
    // "10,000 samples per pool": a rate, no part of the total.
    let rate = |at: usize| (at + 1..=at + 2).any(|i| view.is_any(i, &["per", "each", "apiece"]));
    if !fits(first) || quoted(sentence, first_at) || described(first_at) || rate(first_at) {
        return Vec::new();
    }
    let mut parts = vec![first];
    let mut last_at = first_at;
    for &at in &view.figures[first_n + 1..] {
        let index = sentence.claim_at(at);
        let gap = last_at + 1..at;
        // "from" just before a figure starts a change ("up from 40"); "came from donors, 9 …"
        // lists. A semicolon ends the list but after a colon ("120 sites: 50 here; 40 there").
        let broken = gap.len() > 8
            || gap
                .clone()
                .any(|i| view.is_any(i, BREAKS) || view.is(i, ";") && (percent || !after_colon))
            || view.is(at - 1, "from")
            || sentence.claims[index].kind.is_temporal();
        // "250 women, 120 of whom …": a part of the last part, not of the total.
        let nested = view
            .matches_any(
                at + 1,
                &["of whom", "of which", "of them", "of these", "of those"],
            )
            .is_some();
        // "$21 billion comprised of $4.1 billion in … and $1.6 billion of … on the balance sheets
        // and $15.3 billion of …": a comparable figure after "and" past a long gap may be the
        // list's last part; a list that cannot be told complete is no breakdown.
        let may_go_on = gap.len() > 8 && fits(index) && (at - 2..at).any(|i| view.is(i, "and"));
        if may_go_on {
            return Vec::new();
        }
        if broken || nested {
            break;
        }
        if fits(index) && !quoted(sentence, at) && !described(at) && !rate(at) {
            parts.push(index);
            last_at = at;
        }
    }
    parts
}

/// "Of the 120 seats, 60 went to …, 40 to … and 20 to …": parts after an opening whole; the
/// sentence does not say they are all of it.
fn opening_whole_parts(sentence: &Sentence<'_>, out: &mut Relations) {
    let view = &sentence.view;
    let Some(opening) = sentence
        .own_parts(out)
        .iter()
        .find(|r| r.cue.start == view.span(0, 1).start)
        .cloned()
    else {
        return;
    };
    let Some(first_n) = view
        .figures
        .iter()
        .position(|&at| sentence.claim_at(at) == opening.part)
    else {
        return;
    };
    let mut parts = parts_after(sentence, opening.whole, view.figures[first_n], first_n);
    // "Of the 30 projects, 12 were late and 45 staff were moved": a later figure counting other
    // things ("staff") is no part; one followed by a verb, a preposition or punctuation is.
    let whole_noun = view
        .figures
        .iter()
        .position(|&at| sentence.claim_at(at) == opening.whole)
        .and_then(|n| view.word(view.figures[n] + 1))
        .map(super::sentence::noun_key);
    parts.retain(|&part| {
        let Some(at) = view
            .figures
            .iter()
            .copied()
            .find(|&at| sentence.claim_at(at) == part)
        else {
            return false;
        };
        match view.word(at + 1) {
            None => true,
            Some(word) => {
                PART_FOLLOWERS.iter().any(|f| word.eq_ignore_ascii_case(f))
                    || whole_noun.as_deref() == Some(super::sentence::noun_key(word).as_str())
            }
        }
    });
    if parts.len() >= 2 {
        for &part in &parts[1..] {
            out.parts.push(PartOfWhole {
                part,
                whole: opening.whole,
                cue: opening.cue,
            });
        }
        out.breakdowns.push(Breakdown {
            total: opening.whole,
            parts,
            exhaustive: false,
            in_percent: false,
            cue: opening.cue,
        });
    }
}
