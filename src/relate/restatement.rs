//! The same quantity stated again: one subject, one time, one dimension, in two sentences that
//! say the same thing of it, with two different values (a figure repeated as written is recorded
//! nowhere: nothing can contradict it). Claims are grouped by key and each is paired with the first of its
//! group, so the pass is linear in the number of claims. Units of one dimension meet (m and km,
//! t and kt); currencies stay apart.

use std::collections::HashMap;

use super::Relations;
use crate::claim::{Claim, Kind, Role};
use crate::document::{BlockKind, Document};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restatement {
    pub earlier: usize,
    pub later: usize,
}

/// What makes two statements one figure: subject (lower case), unit or dimension, time, kind.
type Key<'a> = (String, &'static str, Option<&'a str>, Kind);

pub fn find(document: &Document, claims: &[Claim], out: &mut Relations) {
    let text = document.text.as_str();
    let keys: Vec<Option<Key<'_>>> = claims.iter().map(|claim| key(text, claim)).collect();
    let crowded = crowded_keys(claims, &keys);
    // Read only when two statements are compared: most documents have no candidate pair.
    let lists = std::cell::OnceCell::new();
    let mut first: HashMap<&Key<'_>, usize> = HashMap::new();
    for (index, claim) in claims.iter().enumerate() {
        let Some(key) = &keys[index] else { continue };
        if crowded.contains(key) {
            continue;
        }
        let subject = claim.subject.as_deref().unwrap_or_default();
        match first.get(key) {
            None => {
                first.insert(key, index);
            }
            // Two figures of one sentence are a change or a comparison ("from 50 to 70").
            // The same figure written the same way needs no comparing (and a document that
            // repeats itself would make every repeat cost a comparison of two sentences).
            Some(&earlier)
                if claims[earlier].sentence_index != claim.sentence_index
                    && (claims[earlier].value, claims[earlier].unit) != (claim.value, claim.unit)
                    && same_verb(text, &claims[earlier], claim)
                    && same_statement(&claims[earlier], claim, subject)
                    && !names_apart(&claims[earlier].sentence, &claim.sentence)
                    && !cite_apart(document, &claims[earlier], claim)
                    && !lists
                        .get_or_init(|| Lists::of(document))
                        .apart(&claims[earlier], claim)
                    && !states_both(claims, earlier, index)
                    && !scaled_alike(&claims[earlier], claim) =>
            {
                out.restatements.push(Restatement {
                    earlier,
                    later: index,
                });
            }
            Some(_) => {}
        }
    }
}

/// The key a claim is compared by, if it is a statement of fact that can be restated.
fn key<'c>(text: &str, claim: &'c Claim) -> Option<Key<'c>> {
    if !matches!(
        claim.kind,
        Kind::Money | Kind::Percent | Kind::Count | Kind::Quantity
    ) {
        return None;
    }
    // Without a time reference two statements are too often different subsets ("18 tumour
    // types" of the "31 tumour types"); a figure restated is one of a stated time.
    if claim.time.is_none() || claim.subject_from_headers {
        return None;
    }
    // "$35 million and $34 million, respectively": each value goes with one of a list of times
    // or things the sentence gives in order, and the key holds only one of them.
    if claim.sentence.contains("respectively") {
        return None;
    }
    // "increased the quantity by three units", "cut by 400 jobs": the size of a change, and two
    // changes of one thing in one year are as often of two things.
    if word_before(text, claim).is_some_and(|w| w.eq_ignore_ascii_case("by")) {
        return None;
    }
    let subject = claim.subject.as_deref()?;
    // A limit a rule sets is no statement of fact, and a unit is no subject ("GtC", "ppm").
    let one_word = !subject.contains(' ');
    if claim.role == Some(Role::Specification)
        || subject.chars().any(|c| c.is_ascii_digit())
        || (one_word && (crate::lexicon::units::unit_word(subject).is_some() || unit_like(subject)))
        || (one_word && names_a_change(subject))
    {
        return None;
    }
    let measure = claim
        .unit
        .and_then(crate::lexicon::units::scale)
        .map_or(claim.unit.unwrap_or(""), |(dimension, _, _)| dimension.name());
    Some((subject_key(subject), measure, claim.time.as_deref(), claim.kind))
}

/// Distinct values at which a key stops naming one figure.
const CROWDED: usize = 3;

/// Keys stated with `CROWDED` or more different values: one subject at one time given three
/// values is a measure of several things ("shares" bought, issued and held at the end of June;
/// "the second quarter"'s revenue, costs and income), not one figure stated again.
fn crowded_keys<'k, 'c>(
    claims: &[Claim],
    keys: &'k [Option<Key<'c>>],
) -> std::collections::HashSet<&'k Key<'c>> {
    type Values<'a> = (usize, Vec<(Option<rust_decimal::Decimal>, Option<&'a str>)>);
    let mut values: HashMap<&Key<'_>, Values<'_>> = HashMap::new();
    for (claim, key) in claims.iter().zip(keys) {
        let Some(key) = key else { continue };
        let (sentence, seen) = values.entry(key).or_insert((usize::MAX, Vec::new()));
        // A sentence counts once: "from 50 to 70" is one statement of a change.
        let value = (claim.value, claim.unit);
        if *sentence != claim.sentence_index && seen.len() < CROWDED && !seen.contains(&value) {
            seen.push(value);
        }
        *sentence = claim.sentence_index;
    }
    values
        .into_iter()
        .filter(|(_, (_, seen))| seen.len() >= CROWDED)
        .map(|(key, _)| key)
        .collect()
}

/// The list each list item belongs to (a run of items with no other block between them), so
/// two items of two lists are told apart: "- $6.4 billion for RRA" under one bill's lead-in and
/// "- $8.2 billion for RRA" under another's are two bills' provisions, not one figure twice.
struct Lists<'d> {
    document: &'d Document,
    /// For each block, the first block of its run of list items (itself when not an item).
    run_start: Vec<usize>,
}

impl<'d> Lists<'d> {
    fn of(document: &'d Document) -> Self {
        let mut run_start = Vec::with_capacity(document.blocks.len());
        for (index, block) in document.blocks.iter().enumerate() {
            let start = match (index.checked_sub(1), block.kind) {
                (Some(previous), BlockKind::ListItem)
                    if document.blocks[previous].kind == BlockKind::ListItem =>
                {
                    run_start[previous]
                }
                _ => index,
            };
            run_start.push(start);
        }
        Self { document, run_start }
    }

    /// The list a claim's sentence is an item of, if it is one.
    fn list(&self, claim: &Claim) -> Option<usize> {
        let block = self.document.sentences.get(claim.sentence_index)?.block;
        (self.document.blocks.get(block)?.kind == BlockKind::ListItem)
            .then(|| self.run_start.get(block).copied())
            .flatten()
    }

    /// Whether two claims are items of two different lists.
    fn apart(&self, a: &Claim, b: &Claim) -> bool {
        matches!((self.list(a), self.list(b)), (Some(x), Some(y)) if x != y)
    }
}

/// Whether one value is the other in thousands, millions or billions ("$445 million" in prose
/// and "$445" where the filing's tables and notes are "in millions"): one figure written at two
/// scales, not two figures.
fn scaled_alike(a: &Claim, b: &Claim) -> bool {
    let (Some(x), Some(y)) = (a.value, b.value) else {
        return false;
    };
    let (small, large) = if x.abs() <= y.abs() { (x, y) } else { (y, x) };
    !small.is_zero()
        && crate::lexicon::number_words::SCALE_STEPS
            .iter()
            .any(|&scale| small.checked_mul(rust_decimal::Decimal::from(scale)) == Some(large))
}

/// Figures of a sentence looked at either side of a claim by `states_both` (a flattened table
/// may hold thousands in one sentence).
const SENTENCE_REACH: usize = 64;

/// Whether either sentence states both values ("$500 million for Tech Hubs ($41 million
/// regular and $459 million supplemental)" and later "$459 million for Tech Hubs"): the one is
/// a part or a kind of the other, said so in the writer's own words, not a contradiction.
fn states_both(claims: &[Claim], earlier: usize, later: usize) -> bool {
    let holds = |at: usize, other: &Claim| {
        let sentence = claims[at].sentence_index;
        let from = at.saturating_sub(SENTENCE_REACH);
        let to = (at + SENTENCE_REACH + 1).min(claims.len());
        claims[from..to]
            .iter()
            .any(|c| c.sentence_index == sentence && c.value == other.value && c.unit == other.unit)
    };
    holds(earlier, &claims[later]) || holds(later, &claims[earlier])
}

/// A change named as the subject ("an increase of 5pp", "a rise of 3%"): a change of something
/// the sentence names elsewhere, so two changes of one year are as often of two things.
fn names_a_change(subject: &str) -> bool {
    const CHANGES: [&str; 14] = [
        "increase",
        "increases",
        "rise",
        "rises",
        "growth",
        "decrease",
        "decreases",
        "decline",
        "drop",
        "fall",
        "gain",
        "change",
        "reduction",
        "difference",
    ];
    CHANGES.iter().any(|change| subject.eq_ignore_ascii_case(change))
}

/// A subject folded for comparing: each word in lower case and singular ("Bus stations" and
/// "bus station" meet).
fn subject_key(subject: &str) -> String {
    subject
        .split_whitespace()
        .map(super::sentence::noun_key)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A subject that is a unit symbol the lexicon does not know (`GtC`, `MtCO2e`, `kWp`): one short
/// word with a capital after its first letter. Figures of one unit are not one quantity.
fn unit_like(subject: &str) -> bool {
    !subject.contains(' ')
        && subject.chars().count() <= 6
        && subject.chars().skip(1).any(char::is_uppercase)
        && !subject.chars().all(char::is_uppercase)
}

/// Whether two sentences say the same thing of their subject: they share content words besides
/// it, a third of the shorter one's ("the fleet had … vessels" twice), not just a generic noun
/// ("6% of all bridges … carried", "18% of bridges in one state … were poor").
fn same_statement(a: &Claim, b: &Claim, subject: &str) -> bool {
    // "a rival plant employed …", "another survey found …": the writer says it is another thing.
    let other = |claim: &Claim| words(&claim.sentence).any(|w| OTHER.contains(&w.as_str()));
    if other(a) != other(b) {
        return false;
    }
    // A proposal and what came of it ("the request would have provided $147.7 billion", "the
    // law provided $148.6 billion"), an estimate and a count, differ by nature.
    let proposed = |claim: &Claim| words(&claim.sentence).any(|w| PROPOSED.contains(&w.as_str()));
    if proposed(a) != proposed(b) || a.modality != b.modality {
        return false;
    }
    let basis = |claim: &Claim| words(&claim.sentence).any(|w| BASIS.contains(&w.as_str()));
    if basis(a) != basis(b) || periods_apart(&a.sentence, &b.sentence) {
        return false;
    }
    let subject: Vec<String> = words(subject).collect();
    let content = |claim: &Claim| -> std::collections::HashSet<String> {
        words(&claim.sentence)
            .filter(|w| w.len() > 3 && !w.chars().any(|c| c.is_ascii_digit()) && !subject.contains(w))
            .filter(|w| !STOP.contains(&w.as_str()))
            .collect()
    };
    let (first, second) = (content(a), content(b));
    let shared = first.intersection(&second).count();
    let smaller = first.len().min(second.len()).max(1);
    shared >= 1 && shared * 3 >= smaller
}

/// Whether two sentences speak of stretches of time of different lengths ("during the six
/// months ended June 30" and "during the three months ended June 30"; "the 39-week period" and
/// "the 13-week quarter"): both end on one date, so their time is one, but a half-year's
/// figure and a quarter's are two figures. Only where both name a length.
fn periods_apart(a: &str, b: &str) -> bool {
    let (first, second) = (period_lengths(a), period_lengths(b));
    !first.is_empty() && !second.is_empty() && first != second
}

/// The lengths of time a sentence names, as "N unit" in lower case ("six month", "39 week"),
/// and "quarter" or "half" where it names one without a number.
fn period_lengths(sentence: &str) -> std::collections::BTreeSet<String> {
    const UNITS: [&str; 3] = ["month", "week", "quarter"];
    let words: Vec<String> = sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(super::sentence::noun_key)
        .collect();
    let mut lengths = std::collections::BTreeSet::new();
    for (index, word) in words.iter().enumerate() {
        if UNITS.contains(&word.as_str()) || word == "half" {
            let count = index
                .checked_sub(1)
                .map(|before| words[before].as_str())
                .filter(|before| {
                    before.bytes().all(|b| b.is_ascii_digit())
                        || crate::lexicon::number_words::number_word(before).is_some()
                });
            lengths.insert(count.map_or_else(|| word.clone(), |count| format!("{count} {word}")));
        }
    }
    lengths
}

/// Whether each sentence names something the other does not ("paid $14,486 to Veterans Pension
/// recipients", "paid $11,212 to Survivors Pension recipients"; "H.R. 4016 would have provided",
/// "S. 2572 would have provided"): two programmes, bills or bodies described alike, not one
/// figure stated twice. A name is a capitalised word after the sentence's first (months and
/// weekdays aside), and it is the other's too where the other has the word in any case. One
/// sentence naming more than the other ("the report's Table 3 gives …") is still a restatement.
fn names_apart(a: &str, b: &str) -> bool {
    let keys = |text: &str| -> std::collections::HashSet<String> {
        words(text).map(|w| super::sentence::noun_key(&w)).collect()
    };
    let names = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
            .skip(1)
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .map(super::sentence::noun_key)
            .filter(|w| !CALENDAR.contains(&w.as_str()))
            .collect()
    };
    let unique = |text: &str, other: &std::collections::HashSet<String>| {
        names(text).iter().any(|name| !other.contains(name))
    };
    unique(a, &keys(b)) && unique(b, &keys(a))
}

/// Whether each statement cites a work in its sentence, and none the other cites ("Holland et
/// al. (2019) calculated a sink of 16.5 million tons" and a linked state inventory's 13
/// million): two estimates, each its own source's, not one figure stated twice. A statement
/// without a citation of its own may still restate a cited one.
fn cite_apart(document: &Document, a: &Claim, b: &Claim) -> bool {
    use crate::document::SourceKind;
    let works = |claim: &Claim| -> Vec<&str> {
        document
            .sources_within(document.sentences[claim.sentence_index].span)
            .filter(|s| {
                matches!(
                    s.kind,
                    SourceKind::AuthorYear | SourceKind::InitialsYear | SourceKind::Link | SourceKind::Url
                )
            })
            .map(|s| document.slice(s.span))
            .collect()
    };
    let (first, second) = (works(a), works(b));
    !first.is_empty() && !second.is_empty() && !first.iter().any(|work| second.contains(work))
}

/// Capitalised words that name a time, not a thing.
const CALENDAR: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// The word just before a figure, skipping hedges and articles ("lent about 90,000" → "lent").
fn word_before<'t>(text: &'t str, claim: &Claim) -> Option<&'t str> {
    let before = crate::span::window_before(text, claim.span.start, 48);
    before
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .rev()
        .filter(|w| !w.is_empty())
        .find(|w| !SKIPPED.iter().any(|s| w.eq_ignore_ascii_case(s)))
}

/// Do the two figures follow the same verb, where both follow one ("lent 90,000 books" and
/// "bought 6,000 books" are two statements)? Function words before a figure say nothing.
fn same_verb(text: &str, a: &Claim, b: &Claim) -> bool {
    let verb = |claim: &Claim| {
        word_before(text, claim).filter(|w| {
            w.chars().all(char::is_alphabetic) && !FUNCTION.iter().any(|f| w.eq_ignore_ascii_case(f))
        })
    };
    match (verb(a), verb(b)) {
        (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
        _ => true,
    }
}

/// Words skipped before a figure: hedges and articles.
const SKIPPED: &[&str] = &[
    "about",
    "around",
    "some",
    "nearly",
    "almost",
    "roughly",
    "approximately",
    "over",
    "under",
    "just",
    "a",
    "an",
    "the",
    "only",
    "more",
    "than",
    "less",
    "fewer",
];

/// Words before a figure that are no verb of it.
const FUNCTION: &[&str] = &[
    "of", "in", "to", "at", "by", "with", "for", "on", "from", "was", "were", "is", "are", "be", "been",
    "had", "has", "have", "and", "or", "its", "their", "his", "her", "our", "total", "out", "up",
];

/// Words of a sentence that states a proposal, a request or what would happen, not what is.
const PROPOSED: &[&str] = &[
    "would",
    "proposed",
    "proposes",
    "proposal",
    "requested",
    "request",
    "requests",
    "recommended",
    "recommends",
    "plans",
    "planned",
    "draft",
    "bill",
];

/// Words that mark a figure as another thing's ("a rival plant", "another survey").
const OTHER: &[&str] = &[
    "another",
    "other",
    "rival",
    "second",
    "separate",
    "different",
    "neighbouring",
    "neighboring",
    "competing",
];

/// Words that say nothing of what a sentence states.
const STOP: &[&str] = &[
    "that", "this", "with", "from", "were", "have", "which", "their", "there", "than", "more", "about",
    "over", "into", "also", "they", "been", "some", "other", "such", "only", "most", "many", "year", "years",
    "percent", "million", "billion", "thousand", "while", "when", "what", "where", "these", "those", "after",
    "before", "since", "under", "between", "both", "each", "still", "then", "them", "will", "would", "could",
];

/// Words that put a figure on a basis of its own ("non-GAAP", "adjusted", "pro forma",
/// "organic"): a company's adjusted income and its reported income are two figures.
const BASIS: &[&str] = &[
    "gaap",
    "adjusted",
    "forma",
    "organic",
    "operational",
    "underlying",
    "diluted",
];
