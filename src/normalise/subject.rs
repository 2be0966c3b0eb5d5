//! The subject a figure counts: the noun phrase after it ("over 800,000 5G base stations",
//! "three quarters of cellular IoT connections"), or before it ("a growth rate of 20 percent",
//! "the number of IoT connections … was approaching 12 billion").

use crate::claim::Kind;
use crate::extract::Mention;
use crate::extract::token::{Token, TokenKind};

/// How many tokens before a figure "the number of" is looked for.
const NUMBER_OF_WINDOW: usize = 40;

/// Longest subject, in words.
const MAX_WORDS: usize = 5;

const DETERMINERS: &[&str] = &[
    "the", "its", "their", "his", "her", "our", "all", "those", "these", "this", "that", "a", "an", "my",
    "your", "such",
];

/// Words that end a noun phrase: prepositions, conjunctions, auxiliaries, pronouns, adverbs.
const STOP: &[&str] = &[
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "to",
    "into",
    "over",
    "under",
    "across",
    "between",
    "through",
    "during",
    "since",
    "until",
    "per",
    "via",
    "among",
    "within",
    "without",
    "about",
    "against",
    "toward",
    "towards",
    "including",
    "excluding",
    "like",
    "than",
    "as",
    "after",
    "before",
    "out",
    "of",
    "up",
    "down",
    "off",
    "and",
    "or",
    "but",
    "nor",
    "so",
    "yet",
    "while",
    "whereas",
    "if",
    "because",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "can",
    "shall",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "this",
    "these",
    "those",
    "it",
    "its",
    "they",
    "them",
    "their",
    "now",
    "also",
    "alone",
    "already",
    "still",
    "each",
    "only",
    "worldwide",
    "nationwide",
    "globally",
    "annually",
    "respectively",
    "ago",
    "more",
    "less",
    "today",
    "apiece",
    "both",
    "each",
    "respectively",
    "together",
    "year",
    "years",
    "a",
    "an",
    "the",
    "when",
    "where",
    "then",
    "there",
    "here",
    "not",
    "no",
    "sold",
    "built",
    "made",
    "held",
    "paid",
    "spent",
    "grown",
    "known",
    "seen",
    "given",
    "taken",
    "shown",
    "set",
    "put",
    "left",
    "lost",
    "won",
    "went",
    "came",
    "rose",
    "fell",
    "grew",
    "took",
    "gave",
    "got",
    "became",
    "began",
    "ran",
    "saw",
    "said",
    "says",
    "say",
    "told",
    "found",
    "kept",
    "met",
    "sent",
    "stood",
    "followed",
    "agreed",
    "objected",
    "long",
    "tall",
    "high",
    "wide",
    "deep",
    "old",
    "away",
    "thick",
];

/// The subject of `mention`, read from its sentence's `tokens`.
#[must_use]
pub fn subject(text: &str, tokens: &[Token], mention: &Mention) -> Option<String> {
    if !matches!(
        mention.kind,
        Kind::Count | Kind::Percent | Kind::Money | Kind::Quantity
    ) {
        return None;
    }
    let after = tokens.partition_point(|t| t.span.start < mention.span.end);
    // "half its revenue", "one in five respondents": a share in words names its whole directly.
    let figure = &text[mention.span.range()];
    let share_in_words = mention.kind == Kind::Percent
        && !["%", "percent", "cent", "pct", "percentage", "percents"]
            .iter()
            .any(|s| figure.ends_with(s));
    let not_a_time = |phrase: &String| !names_a_time(phrase);
    forward(text, tokens, after, mention.kind, share_in_words)
        .filter(not_a_time)
        .or_else(|| backward(text, tokens, mention).filter(not_a_time))
}

/// Whether a phrase names a stretch of time, not a thing counted ("$1.1 billion for the six
/// months ended …", "for the second quarter", "in the same period", "for the prior year"): its
/// words are all number words, ordinals and words of time and of comparing times.
fn names_a_time(phrase: &str) -> bool {
    use crate::lexicon::number_words::{number_word, ordinal_word};
    phrase.split_whitespace().all(|word| {
        let word = word
            .trim_end_matches(['’', '\''])
            .trim_end_matches("’s")
            .trim_end_matches("'s");
        number_word(word).is_some() || ordinal_word(word).is_some() || is_in(TIME_WORDS, word)
    })
}

/// Nouns of a stretch of time and the words that pick one out ("the same period", "the prior
/// year", "the comparable quarter").
const TIME_WORDS: &[&str] = &[
    "month",
    "months",
    "quarter",
    "quarters",
    "half",
    "halves",
    "period",
    "periods",
    "week",
    "weeks",
    "day",
    "days",
    "year",
    "years",
    "fiscal",
    "same",
    "prior",
    "previous",
    "preceding",
    "current",
    "comparable",
    "corresponding",
    "last",
    "next",
    "past",
    "recent",
    "year-to-date",
    "ytd",
    "interim",
    "annual",
    "quarterly",
    "twelve-month",
    "six-month",
    "three-month",
    "nine-month",
];

fn word<'a>(text: &'a str, token: &Token) -> &'a str {
    &text[token.span.range()]
}

fn is_in(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The noun phrase starting at `at`, after "of" (and, for money, "into", "in", "on", "for")
/// and determiners.
fn forward(text: &str, tokens: &[Token], mut at: usize, kind: Kind, share_in_words: bool) -> Option<String> {
    let is_word = |i: usize, list: &[&str]| {
        tokens
            .get(i)
            .is_some_and(|t| t.is_word() && is_in(list, word(text, t)))
    };
    // "40 hours a week", "5 euros per unit": a rate, not what was counted.
    if is_word(at, &["a", "an", "per", "each", "every"]) {
        return None;
    }
    // A share names its whole with "of" ("30 percent of its revenue") and money what it buys
    // with a preposition ("EUR 15 billion into …"); a word right after them is a verb or an
    // adverb ("20 percent objected"), not their subject.
    let linked = is_word(at, &["of"]) || (kind == Kind::Money && is_word(at, &["into", "in", "on", "for"]));
    if linked {
        at += 1;
    } else if matches!(kind, Kind::Percent | Kind::Money) && !share_in_words {
        return None;
    }
    while is_word(at, DETERMINERS) {
        at += 1;
    }
    noun_phrase(text, tokens, at)
}

/// Collects up to `MAX_WORDS` words of a noun phrase, keeping glued names ("5G", "NB-IoT").
fn noun_phrase(text: &str, tokens: &[Token], start: usize) -> Option<String> {
    let mut phrase = String::new();
    let mut words = 0;
    let mut at = start;
    while let Some(token) = tokens.get(at) {
        // One word: letters and digits glued, joined by glued hyphens ("IoT-related", "5G").
        let mut end = at;
        let mut has_letter = false;
        while let Some(t) = tokens.get(end) {
            let next_glued = |c: fn(&Token) -> bool| tokens.get(end + 1).is_some_and(|n| n.glued() && c(n));
            let hyphen = t.is_punct('-') && next_glued(|n| !n.is_punct('-'));
            // "Africa’s wireless networks": a possessive joins its word.
            let possessive = (t.is_punct('’') || t.is_punct('\''))
                && next_glued(Token::is_word)
                && tokens.get(end + 1).is_some_and(|n| &text[n.span.range()] == "s");
            let joins = end == at || (t.glued() && (t.is_word() || t.is_number() || hyphen || possessive));
            if !joins || (matches!(t.kind, TokenKind::Punct(_)) && !hyphen && !possessive) {
                break;
            }
            has_letter |= t.is_word();
            end += 1;
        }
        if end == at || !has_letter || !token.is_word() && !token.is_number() {
            break;
        }
        let surface = &text[token.span.start..tokens[end - 1].span.end];
        if token.is_word()
            && words > 0
            && surface.starts_with(|c: char| c.is_uppercase())
            && at > 0
            && tokens[at - 1].is_punct('.')
        {
            break;
        }
        let single_word = end == at + 1;
        if single_word && is_in(STOP, surface) {
            break;
        }
        if single_word && words > 0 && (surface.ends_with("ly") || surface.ends_with("ed")) {
            break;
        }
        if !phrase.is_empty() {
            phrase.push(' ');
        }
        phrase.push_str(surface);
        words += 1;
        at = end;
        if words == MAX_WORDS {
            break;
        }
    }
    (!phrase.is_empty()).then_some(phrase)
}

/// Prepositions after which a phrase before a figure's "of" qualifies a head noun before them
/// ("payments of debt of $2.6 billion", "income from continuing operations of $2.2 billion").
const QUALIFYING: &[&str] = &["of", "from", "on", "for"];

/// The first token of the subject when the phrase from `first` (up to `end`, the figure's "of")
/// qualifies a head noun before a preposition: the head and the preposition join it, within
/// `MAX_WORDS` words ("payments of debt", not "debt": payments and issuances of debt are two
/// figures).
fn head_before_preposition(text: &str, tokens: &[Token], first: usize, end: usize) -> usize {
    let Some(preposition) = first.checked_sub(1) else {
        return first;
    };
    if preposition == 0
        || !tokens[preposition].is_word()
        || !is_in(QUALIFYING, word(text, &tokens[preposition]))
    {
        return first;
    }
    let mut head = preposition;
    while head > 0 && end - (head - 1) <= MAX_WORDS + 1 {
        let t = &tokens[head - 1];
        let w = word(text, t);
        if !t.is_word()
            || crate::lexicon::number_words::number_word(w).is_some()
            || is_in(STOP, w)
            || is_in(DETERMINERS, w)
        {
            break;
        }
        head -= 1;
    }
    if head < preposition { head } else { first }
}

/// "a growth rate of 20 percent": the phrase before "of" right before the figure; or
/// "the number of X … approaching 12 billion": X.
fn backward(text: &str, tokens: &[Token], mention: &Mention) -> Option<String> {
    let start = mention
        .qualifier_span
        .map_or(mention.span.start, |q| q.start.min(mention.span.start));
    let before = tokens.partition_point(|t| t.span.end <= start);
    if before >= 2
        && tokens[before - 1].is_word()
        && word(text, &tokens[before - 1]).eq_ignore_ascii_case("of")
    {
        let mut first = before - 1;
        while first > 0 && first + MAX_WORDS >= before {
            let t = &tokens[first - 1];
            let w = word(text, t);
            let numeric = crate::lexicon::number_words::number_word(w).is_some();
            if !t.is_word() || numeric || is_in(STOP, w) || is_in(DETERMINERS, w) {
                break;
            }
            first -= 1;
        }
        if first < before - 1 {
            let first = head_before_preposition(text, tokens, first, before - 1);
            let phrase = &text[tokens[first].span.start..tokens[before - 2].span.end];
            return Some(super::collapse_whitespace(phrase));
        }
    }
    // Bounded: "the number of X" stands within a clause of the figure.
    let window = before.saturating_sub(NUMBER_OF_WINDOW).max(1);
    let number_of = (window..before).rev().find(|&i| {
        tokens[i].is_word()
            && word(text, &tokens[i]).eq_ignore_ascii_case("of")
            && word(text, &tokens[i - 1]).eq_ignore_ascii_case("number")
    })?;
    noun_phrase(text, tokens, number_of + 1)
}
