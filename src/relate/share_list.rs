//! Shares of one whole listed together: "Germany 45%, France 38% and Spain 17%", "rail took
//! 58% of freight, road 33% and waterways 9%", "coal (45%), gas (38%) and wind (17%)", "45%
//! coal, 38% gas and 17% wind"; two shares are enough when they are complementary parts ("urban
//! 61%, rural 39%"). Shares of different wholes ("14% of GDP … 70% of outlays"), of different
//! years, or each the subject of its own clause ("a third were renters and 70% lived in cities")
//! are no such list.

use super::{Relations, Sentence};
use crate::claim::{Kind, Qualifier};
use crate::lexicon::cues::CHANGE_WORDS;
use crate::span::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareList {
    /// The shares (claim indices), in text order.
    pub shares: Vec<usize>,
    /// Two shares whose labels are the two parts of one whole ("urban", "rural").
    pub complementary: bool,
    /// The words that make the shares parts of one whole, where a word does.
    pub cue: Span,
}

/// Most items between two shares of one list ("France 38 percent and the United Kingdom").
const MAX_GAP: usize = 9;

/// Words that end a list: what follows compares, or names another time.
const BREAKS: &[&str] = &[
    "while",
    "whereas",
    "versus",
    "but",
    "compared",
    "than",
    "respectively",
    "each",
    "per",
    "both",
    "either",
    "if",
    "when",
    "among",
];

/// Words in a sentence that make its shares parts of one whole.
const WHOLE_CUES: &[&str] = &[
    "share",
    "shares",
    "market",
    "split",
    "breakdown",
    "accounted",
    "account",
    "accounts",
    "took",
    "take",
    "takes",
    "held",
    "holds",
    "hold",
    "went",
    "came",
    "come",
    "mix",
    "distribution",
    "made",
    "comprised",
    "composed",
    "voted",
    "vote",
    "votes",
    "backed",
    "supported",
    "opposed",
    "generated",
    "generation",
    "sourced",
    "divided",
    "make",
    "makes",
    "comes",
    "coming",
    "poll",
    "polls",
    "polling",
    "ballot",
    "goes",
    "go",
    "spent",
    "allocated",
    "devoted",
    "earmarked",
    "chose",
    "picked",
    "preferred",
    "selected",
    "answered",
];

/// Words that make a sentence's percentages rates or levels of separate things, not parts of
/// one whole ("approval ratings: Smith 55%, Jones 48%"; "60%, 70% and 80% of capacity").
const NOT_ONE_WHOLE: &[&str] = &[
    "each",
    "respectively",
    "both",
    "also",
    "overlap",
    "overlapping",
    "multiple",
    "rate",
    "rates",
    "rating",
    "ratings",
    "approval",
    "turnout",
    "score",
    "scores",
    "accuracy",
    "efficiency",
    "yield",
    "yields",
    "return",
    "returns",
    "probability",
    "chance",
    "likely",
    "capacity",
    "occupancy",
    "utilisation",
    "utilization",
    "coverage",
    "compliance",
    // Measures of likeness and of a test's quality ("35% identity", "90% sensitivity"), each
    // of its own pair of things.
    "identity",
    "identical",
    "similarity",
    "similar",
    "homology",
    "sensitivity",
    "specificity",
    "purity",
    "confidence",
    "humidity",
    "recovery",
    // "The most common kinds were …", "the most popular tools …": a ranking of answers where
    // one may choose several.
    "common",
    "commonly",
    "popular",
];

/// Wholes a percentage is a level of, not a part of ("104% of GDP", "80% of capacity").
const LEVELS: &[&str] = &[
    "gdp", "gnp", "gni", "capacity", "average", "median", "mean", "target", "baseline", "level", "normal",
    "cost", "costs", "revenue", "revenues", "sales", "value", "salary", "salaries", "wages", "pay",
];

/// Words after a percentage that make it a change ("25% higher", "a 5% rise"); "by" and "over"
/// after it do not ("25% by bus").
const CHANGE_AFTER: &[&str] = &[
    "higher",
    "lower",
    "more",
    "less",
    "fewer",
    "increase",
    "increases",
    "rise",
    "rises",
    "drop",
    "drops",
    "fall",
    "falls",
    "decline",
    "declines",
    "growth",
    "gain",
    "gains",
    "jump",
    "cut",
    "cuts",
    "up",
    "down",
    "above",
    "below",
    "over",
    "increase",
    "reduction",
    "premium",
    "discount",
];

/// Pairs of labels that are the two parts of one whole.
const COMPLEMENTS: &[(&str, &str)] = &[
    ("urban", "rural"),
    ("men", "women"),
    ("male", "female"),
    ("males", "females"),
    ("boys", "girls"),
    ("yes", "no"),
    ("for", "against"),
    ("public", "private"),
    ("domestic", "foreign"),
    ("domestic", "international"),
    ("inside", "outside"),
    ("online", "offline"),
    ("full-time", "part-time"),
    ("employed", "unemployed"),
    ("vaccinated", "unvaccinated"),
    ("insured", "uninsured"),
    ("agreed", "disagreed"),
    ("approve", "disapprove"),
    ("approved", "disapproved"),
    ("renewable", "fossil"),
];

/// Words that are no label of a share: verbs and function words.
const NOT_LABELS: &[&str] = &[
    "were", "was", "are", "is", "be", "been", "had", "have", "has", "of", "in", "on", "at", "for", "and",
    "or", "the", "a", "an", "with", "by", "said", "say", "says", "about", "around", "some", "nearly",
    "almost", "roughly", "only", "just", "another", "further", "while", "that", "which", "who", "it", "its",
    "their", "they", "we", "our", "this", "these", "those", "than", "per", "cent", "percent",
];

pub fn find(sentence: &Sentence<'_>, out: &mut Relations) {
    let view = &sentence.view;
    let mut list: Vec<usize> = Vec::new();
    for &at in &view.figures {
        let claim = &sentence.claims[sentence.claim_at(at)];
        if claim.kind != Kind::Percent {
            continue;
        }
        let share =
            matches!(claim.qualifier, Qualifier::Exact | Qualifier::Approx) && !is_change(sentence, at);
        let joined = share
            && list
                .last()
                .is_some_and(|&previous| listed_together(sentence, previous, at));
        if !joined {
            close(sentence, &list, out);
            list.clear();
        }
        if share {
            list.push(at);
        }
    }
    close(sentence, &list, out);
}

/// Is the percentage at `at` a change ("up 5%", "rose by 5%", "a 5% rise")?
fn is_change(sentence: &Sentence<'_>, at: usize) -> bool {
    let view = &sentence.view;
    let word_is_change = |i: usize| {
        view.word(i)
            .is_some_and(|w| CHANGE_WORDS.iter().any(|c| w.eq_ignore_ascii_case(c)))
            // "made up 61%" is a share.
            && !(view.is(i, "up") && view.is_any(i.wrapping_sub(1), &["made", "make", "makes", "making"]))
    };
    (at.saturating_sub(2)..at).any(word_is_change) || view.is_any(at + 1, CHANGE_AFTER)
}

fn listed_together(sentence: &Sentence<'_>, previous: usize, at: usize) -> bool {
    let view = &sentence.view;
    let gap = previous + 1..at;
    // "40% to 50%" is a range or a change; "40% to A, 35% to B" a list.
    let range = gap.len() == 1 && view.is(previous + 1, "to");
    // "45% against 40%" compares; "55% for, 40% against and 10% abstaining" lists.
    let compared = view.is_any(at - 1, &["against", "versus", "vs", "from", "to"]);
    !range
        && !compared
        && gap.len() <= MAX_GAP
        && gap.clone().all(|i| {
            view.word(i)
                .is_some_and(|w| !BREAKS.iter().any(|b| w.eq_ignore_ascii_case(b)))
                || view.is_any(i, &[",", "(", ")", "-", "–", "'", "’", "&"])
        })
}

/// The whole a share names after it ("of GDP", "of the vote"): its next two words.
fn named_whole(sentence: &Sentence<'_>, at: usize) -> Option<String> {
    let view = &sentence.view;
    let mut i = at + 1;
    if !view.is(i, "of") {
        return None;
    }
    i += 1;
    if view.is(i, "the") {
        i += 1;
    }
    let words: Vec<String> = (i..i + 2)
        .filter_map(|j| view.word(j))
        .map(str::to_lowercase)
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Do the words near two shares name the two parts of one whole ("urban households … 61% …
/// rural households 39%", "men 48% … women 52%")? Looks up to four words before each share
/// (and the one after).
fn complements(sentence: &Sentence<'_>, first: usize, second: usize) -> bool {
    let view = &sentence.view;
    let near = |at: usize, floor: usize| -> Vec<&str> {
        (at.saturating_sub(4).max(floor)..at)
            .chain(at + 1..at + 2)
            .filter_map(|i| view.word(i))
            .collect()
    };
    let (a, b) = (near(first, 0), near(second, first + 1));
    COMPLEMENTS.iter().any(|(x, y)| {
        let has = |words: &[&str], w: &str| words.iter().any(|v| v.eq_ignore_ascii_case(w));
        (has(&a, x) && has(&b, y)) || (has(&a, y) && has(&b, x))
    })
}

/// Is each share the subject of its own clause with its own verb ("84.6% graduated …, 52.6%
/// attended …, 27.2% earned …")? Such shares are separate statements, often nested; shares
/// that repeat their verb ("52% said yes, 41% said no") or have none are one whole's parts.
fn separate_statements(sentence: &Sentence<'_>, list: &[usize]) -> bool {
    const VERBS: &[&str] = &[
        "is", "are", "was", "were", "had", "have", "has", "said", "say", "says", "do", "did", "went", "came",
        "got", "took", "own", "owned", "use", "used", "live", "lived",
    ];
    let view = &sentence.view;
    // A verb with words after it ("graduated from", "earned a"); a lone word after a share is
    // a label ("35% single, 20% divorced and 10% widowed").
    let verbs: std::collections::BTreeSet<String> = list
        .iter()
        .filter(|&&at| {
            view.word(at + 2)
                .is_some_and(|w| !["and", "or"].iter().any(|c| w.eq_ignore_ascii_case(c)))
        })
        .filter_map(|&at| view.word(at + 1))
        .filter(|w| {
            let lower = w.to_ascii_lowercase();
            VERBS.contains(&lower.as_str()) || (lower.len() > 4 && lower.ends_with("ed"))
        })
        .map(str::to_ascii_lowercase)
        .collect();
    verbs.len() >= 3
}

/// "63% write tools, 60% write services and 52% write websites": one verb after every share,
/// each with its own object, adding up far beyond the whole (above 120 %) — answers to a
/// question that allowed several. ("52% said yes, 51% said no" is still one whole's parts.)
fn several_answers(sentence: &Sentence<'_>, list: &[usize]) -> bool {
    let view = &sentence.view;
    // The first share may name its whole before the verb ("63% of respondents write …").
    let first = if view.is(list[0] + 1, "of") {
        list[0] + 3
    } else {
        list[0] + 1
    };
    let Some(verb) = view.word(first) else {
        return false;
    };
    let repeated = list.len() >= 3
        && verb.chars().all(|c| c.is_ascii_lowercase())
        && !NOT_LABELS.contains(&verb)
        && !["on", "for", "to", "from", "by", "of"].contains(&verb)
        && view.word(first + 1).is_some()
        && list[1..]
            .iter()
            .all(|&at| view.is(at + 1, verb) && view.word(at + 2).is_some());
    let sum: rust_decimal::Decimal = list
        .iter()
        .filter_map(|&at| sentence.claims[sentence.claim_at(at)].value)
        .sum();
    repeated && sum > rust_decimal::Decimal::from(120)
}

/// "45% on health, 35% on education and 20% on defence", "45% from gas, 30% from wind …": every
/// share followed by one preposition of allocation or source. ("in", "among" and "at" name
/// subgroups, whose rates are no parts: "45% in the north, 38% in the west".)
fn allocation(sentence: &Sentence<'_>, list: &[usize]) -> Option<crate::span::Span> {
    let view = &sentence.view;
    let first = view.word(list[0] + 1)?;
    let allocating = ["on", "for", "to", "from", "by"]
        .iter()
        .any(|p| first.eq_ignore_ascii_case(p));
    (list.len() >= 3 && allocating && list.iter().all(|&at| view.is(at + 1, first)))
        .then(|| view.span(list[0] + 1, list[0] + 2))
}

/// An adjective of quality ("95% accurate", "90% reliable", "80% effective"): a degree, not a
/// part of a whole.
fn is_quality(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    [
        "able", "ible", "ive", "ful", "ous", "ient", "ate", "sure", "certain", "complete", "full",
    ]
    .iter()
    .any(|suffix| lower.ends_with(suffix))
}

/// Could the percentages be shares of one whole at all: together at most twice the whole?
fn plausible_shares(sentence: &Sentence<'_>, list: &[usize]) -> bool {
    let sum: rust_decimal::Decimal = list
        .iter()
        .filter_map(|&at| sentence.claims[sentence.claim_at(at)].value)
        .sum();
    sum <= rust_decimal::Decimal::from(200)
}

/// The label of a share: the word before it ("Germany 45%"), inside parentheses the word before
/// them ("coal (45%)"), or else the word after it ("45% coal").
fn label<'a>(sentence: &Sentence<'a>, at: usize) -> Option<(&'a str, bool)> {
    let view = &sentence.view;
    let usable = |w: &str| !NOT_LABELS.iter().any(|n| w.eq_ignore_ascii_case(n));
    let before = if view.is(at.wrapping_sub(1), "(") {
        at.wrapping_sub(2)
    } else {
        at.wrapping_sub(1)
    };
    if let Some(word) = view.word(before).filter(|w| usable(w)) {
        return Some((word, true));
    }
    view.word(at + 1).filter(|w| usable(w)).map(|w| (w, false))
}

fn close(sentence: &Sentence<'_>, list: &[usize], out: &mut Relations) {
    if list.len() < 2 {
        return;
    }
    let view = &sentence.view;
    let wholes: std::collections::BTreeSet<String> =
        list.iter().filter_map(|&at| named_whole(sentence, at)).collect();
    let level = wholes
        .iter()
        .any(|whole| whole.split(' ').any(|w| LEVELS.contains(&w)));
    if wholes.len() > 1 || level || (0..view.items.len()).any(|i| view.is_any(i, NOT_ONE_WHOLE)) {
        return;
    }
    let labels: Vec<Option<(&str, bool)>> = list.iter().map(|&at| label(sentence, at)).collect();
    let parallel = labels.iter().all(Option::is_some)
        && labels
            .windows(2)
            .all(|pair| pair[0].map(|l| l.1) == pair[1].map(|l| l.1));
    let complementary = list.len() == 2 && complements(sentence, list[0], list[1]);
    let cue = (0..view.items.len())
        .find(|&i| view.is_any(i, WHOLE_CUES))
        .map(|i| view.span(i, i + 1))
        .or_else(|| (view.is_any(0, &["of", "among"]) && view.figure(0).is_none()).then(|| view.span(0, 1)))
        .or_else(|| (wholes.len() == 1).then(|| view.span(list[0] + 1, list[0] + 2)));
    let capitalised_labels = parallel
        && labels
            .iter()
            .flatten()
            .all(|(w, before)| *before && super::sentence::is_capitalised(w));
    // "The fleet is 55% diesel, 30% petrol and 25% electric": a composition after a copula,
    // every share labelled by the word after it.
    // "80% own a television, 70% a computer": things each share has, which overlap.
    let objects = list
        .iter()
        .any(|&at| view.is_any(at + 1, &["a", "an"]) || view.is_any(at + 2, &["a", "an"]));
    // "40% of output in Germany, 30% in France": rates of separate groups.
    let subgroups = list[1..]
        .iter()
        .all(|&at| view.is_any(at + 1, &["in", "among", "at"]));
    if objects || subgroups || separate_statements(sentence, list) || several_answers(sentence, list) {
        return;
    }
    let composition = list.len() >= 3
        && view.is_any(list[0].wrapping_sub(1), &["is", "are", "was", "were"])
        && labels
            .iter()
            .all(|l| l.is_some_and(|(word, before)| !before && !is_quality(word)))
        && !list.iter().any(|&at| view.is(at + 2, "than"));
    let cue = cue
        .or_else(|| composition.then(|| view.span(list[0] - 1, list[0])))
        .or_else(|| allocation(sentence, list));
    let cue = match cue {
        Some(cue) => cue,
        // Named parts alone ("Germany 45%, France 38%"): shares of one whole if they could be;
        // far above 100 % they are rates of separate groups ("French 93%, Tagalog 92%, …").
        None if complementary || (capitalised_labels && plausible_shares(sentence, list)) => {
            view.span(list[0], list[0] + 1)
        }
        None => return,
    };
    out.share_lists.push(ShareList {
        shares: list.iter().map(|&at| sentence.claim_at(at)).collect(),
        complementary,
        cue,
    });
}
