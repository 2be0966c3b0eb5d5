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
    "from",
    "while",
    "whereas",
    "versus",
    "vs",
    "against",
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
    };
    (at.saturating_sub(2)..at).any(word_is_change) || word_is_change(at + 1)
}

fn listed_together(sentence: &Sentence<'_>, previous: usize, at: usize) -> bool {
    let view = &sentence.view;
    let gap = previous + 1..at;
    // "40% to 50%" is a range or a change; "40% to A, 35% to B" a list.
    let range = gap.len() == 1 && view.is(previous + 1, "to");
    !range
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
    if wholes.len() > 1 {
        return;
    }
    let labels: Vec<Option<(&str, bool)>> = list.iter().map(|&at| label(sentence, at)).collect();
    let parallel = labels.iter().all(Option::is_some)
        && labels
            .windows(2)
            .all(|pair| pair[0].map(|l| l.1) == pair[1].map(|l| l.1));
    let complementary = list.len() == 2
        && parallel
        && labels[0].zip(labels[1]).is_some_and(|((a, _), (b, _))| {
            COMPLEMENTS.iter().any(|(x, y)| {
                (a.eq_ignore_ascii_case(x) && b.eq_ignore_ascii_case(y))
                    || (a.eq_ignore_ascii_case(y) && b.eq_ignore_ascii_case(x))
            })
        });
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
    let cue = match cue {
        Some(cue) => cue,
        None if complementary || capitalised_labels => view.span(list[0], list[0] + 1),
        None => return,
    };
    out.share_lists.push(ShareList {
        shares: list.iter().map(|&at| sentence.claim_at(at)).collect(),
        complementary,
        cue,
    });
}
