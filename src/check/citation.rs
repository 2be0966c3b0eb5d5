//! `citation/missing`: a figure of a kind that needs a source (no `role`) with none, judged by
//! the document's convention: footnotes where it uses them, else links and attributions too;
//! author–year citations, "Source:" lines and URLs in the figure's sentence anywhere. A figure
//! given earlier with a note, or as the document's own result, needs none when it recurs;
//! figures under a fact check's "Claim" heading are the ones it examines. A document that gives
//! no sources at all gets one finding that lists its uncited figures.

use std::collections::HashMap;
use std::sync::OnceLock;

use regex::Regex;
use rust_decimal::Decimal;
use serde::Deserialize;

use super::Context;
use super::registry::Params;
use crate::claim::{Claim, Kind, Role};
use crate::diagnostic::{Finding, Place};
use crate::document::{BlockKind, Document, SourceKind};

/// Which sentences a footnote marker covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Coverage {
    /// Its own sentence and the sentences before it in its block, back to the previous marker.
    #[default]
    Block,
    /// Its own sentence only.
    Sentence,
    /// Every sentence of its block.
    Paragraph,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CitationParams {
    #[serde(default, rename = "kind")]
    _kind: String,
    /// Claim kinds that need a source.
    #[serde(default = "CitationParams::default_kinds")]
    pub kinds: Vec<Kind>,
    /// Counts and quantities below this absolute value need no source.
    #[serde(default = "CitationParams::default_min_value")]
    pub min_value: f64,
    #[serde(default)]
    pub coverage: Coverage,
    /// Table cells need no source of their own (the table's caption or note cites them).
    #[serde(default = "yes")]
    pub exempt_table_cells: bool,
    /// What counts as a source besides a footnote: `link`, `author-year`, `attribution`,
    /// `source-line`. Links and attributions count only in a document that does not cite by
    /// footnotes.
    #[serde(default = "CitationParams::default_sources")]
    pub sources: Vec<SourceName>,
}

/// A kind of source a rule file can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceName {
    Link,
    AuthorYear,
    Attribution,
    SourceLine,
}

impl SourceName {
    /// The kinds of source found in documents that this name counts.
    fn kinds(self) -> Vec<SourceKind> {
        match self {
            Self::Link => vec![SourceKind::Link, SourceKind::Url],
            Self::AuthorYear => vec![SourceKind::AuthorYear],
            Self::Attribution => vec![SourceKind::Attribution],
            Self::SourceLine => vec![SourceKind::SourceLine],
        }
    }
}

impl CitationParams {
    fn default_kinds() -> Vec<Kind> {
        vec![Kind::Money, Kind::Percent, Kind::Count, Kind::Quantity]
    }

    fn default_sources() -> Vec<SourceName> {
        vec![
            SourceName::Link,
            SourceName::AuthorYear,
            SourceName::Attribution,
            SourceName::SourceLine,
        ]
    }

    const fn default_min_value() -> f64 {
        100.0
    }

    /// Whether claims of `kind` are ones this rule looks at.
    #[must_use]
    pub fn covers(&self, kind: Kind) -> bool {
        self.kinds.contains(&kind)
    }
}

const fn yes() -> bool {
    true
}

impl Params for CitationParams {}

/// Markers in the body (not in notes) from which a document counts as citing by footnotes:
/// one. A document that uses notes at all is judged by them.
const FOOTNOTE_CONVENTION: usize = 1;

pub fn missing(context: &Context<'_>, params: &CitationParams) -> Vec<Finding> {
    let document = context.document;
    let threshold = Decimal::try_from(params.min_value).unwrap_or(Decimal::ZERO);
    // A document whose notes lost their markers cites by notes all the same.
    let lost = super::footnotes::lost_markers(document);
    let by_footnotes = body_markers(document) >= FOOTNOTE_CONVENTION || lost.is_some();
    let counted: Vec<SourceKind> = params
        .sources
        .iter()
        .flat_map(|s| s.kinds())
        // A document that cites by footnotes is judged by its footnotes: its links are mostly
        // to other pages of its kind, and a named source still wants its note.
        .filter(|kind| {
            !by_footnotes || !matches!(kind, SourceKind::Attribution | SourceKind::Link | SourceKind::Url)
        })
        .collect();
    let mut findings = Vec::new();
    let mut named = String::new();
    let mut named_for = None;
    // Figures already given (with a note, as the document's own, or found uncited): a later
    // mention of one needs no second source (cite at first mention).
    let mut stated = Stated::default();
    let mut under_claim_heading: Option<Vec<bool>> = None;
    // Figures computed from a sourced table's cells: the table's source line is theirs.
    let mut from_table = vec![false; context.claims.len()];
    if document.sources.iter().any(|s| s.kind == SourceKind::SourceLine) {
        for derived in &context.relations().from_tables {
            from_table[derived.claim] = true;
        }
    }
    // A conversion in another unit ("370 miles (600 km)") is the figure before it said again:
    // that figure's finding, or its source, is the conversion's too.
    let mut converted = vec![false; context.claims.len()];
    for conversion in &context.relations().conversions {
        converted[conversion.converted] = true;
    }
    for (index, claim) in context.claims.iter().enumerate() {
        // A figure set as an example, a rule or a result is the same figure when said again
        // ("let's say Congress appropriates $30 billion. That $30 billion gets …"); a term of
        // working shown ("n = 174") is exempt as working, not given by the document.
        if claim.role.is_some_and(|role| role != Role::Arithmetic) {
            stated.insert(claim, Given::Settled);
        }
        if converted[index] {
            continue;
        }
        // The document's own results, the rules it sets, its methods, examples and working.
        if !params.covers(claim.kind) || claim.role.is_some() {
            continue;
        }
        if matches!(claim.kind, Kind::Count | Kind::Quantity) {
            let size = claim.value.or(claim.high).or(claim.low).unwrap_or_default().abs();
            if size < threshold {
                continue;
            }
        }
        let sentence = &document.sentences[claim.sentence_index];
        match document.blocks[sentence.block].kind {
            BlockKind::Heading { .. } | BlockKind::Note { .. } => continue,
            BlockKind::TableCell { .. } if params.exempt_table_cells => continue,
            BlockKind::TableCell { .. } => {}
            // A figure alone in its block, no word with it ("84.1K", "224"): a counter of a
            // page's widgets, or a number set apart with nothing said of it, claims nothing;
            // nor does a bracket of a list of them ("$200 and under", "$2,000+").
            _ if stands_alone(document.slice(document.blocks[sentence.block].span), &claim.text) => continue,
            _ => {}
        }
        if covered(context, claim, params.coverage)
            || (from_table[index] && counted.contains(&SourceKind::SourceLine))
            || sourced(document, sentence.block, &counted)
            || linked_in_sentence(document, sentence.span, &params.sources)
            || (params.sources.contains(&SourceName::Link) && in_link_text(document, claim.span))
        {
            // A note of its own gives this very figure's source; a link somewhere in the
            // paragraph may be for another.
            if !claim.footnotes.is_empty() {
                stated.insert(claim, Given::Settled);
            }
            continue;
        }
        // A price the reader is offered, a device's specification: checked at the counter.
        if descending_pair(document, claim)
            || worked_from_figures_before(context.claims, index)
            || super::offer::checkable_at_the_counter(&document.text, claim)
            || super::public_record::on_public_record(&document.text, claim)
        {
            continue;
        }
        if under_review(document.slice(crate::span::Span::new(
            sentence.span.start,
            claim.span.start.max(sentence.span.start),
        ))) || stated.contains(claim)
            || under_claim_heading.get_or_insert_with(|| claim_sections(document))[sentence.block]
        {
            continue;
        }
        // Once per sentence: a long sentence holds many claims.
        if named_for != Some(claim.sentence_index) {
            named = named_source(document.slice(sentence.span))
                .map(|name| format!("; the sentence names {name}, but no footnote gives the source"))
                .unwrap_or_default();
            named_for = Some(claim.sentence_index);
        }
        // One finding per figure: its later mentions are the same figure said again, and the
        // source the first one is given serves them too.
        stated.insert(claim, Given::Uncited);
        findings.push(
            Finding::at(Place::Text(claim.span))
                .with("text", &claim.text)
                .with("named", named.clone())
                .claim(claim),
        );
    }
    // A document with no markers, no notes and no sources of any kind follows no citation
    // convention at all: one finding for the document, its uncited figures listed as related
    // places, says more to an editor than one per figure.
    collapse_per_document(document, lost, findings)
}

/// Words that bound a bracket written alone in its block ("$200 and under", "Under 18", "65 or
/// older").
const BRACKET_WORDS: &[&str] = &[
    "and", "or", "under", "over", "less", "more", "fewer", "above", "below", "up", "to", "older", "younger",
    "higher", "lower", "plus", "than",
];

/// Whether a block holds nothing but the figure, or the figure as a bracket's bound: it claims
/// nothing of anything.
fn stands_alone(block: &str, figure: &str) -> bool {
    let Some(at) = block.find(figure) else {
        return false;
    };
    let rest = [&block[..at], &block[at + figure.len()..]];
    rest.iter().all(|part| {
        part.split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .all(|word| BRACKET_WORDS.iter().any(|bound| bound.eq_ignore_ascii_case(word)))
    }) && rest
        .concat()
        .chars()
        .all(|c| c.is_alphabetic() || c.is_whitespace() || "+-–—:.,;()*_\"“”'".contains(c))
}

/// How many figures before one are read for the two it may be worked from.
const WORKING_REACH: usize = 12;

/// Whether the figure is the sum or the difference of two figures of its kind and unit given
/// just before, in its sentence or the two before it ("was issued 1.14 million credits and put
/// 0.21 million into the pool … it cost the pool a net 0.93 million"): the author's working,
/// whose terms carry the sources. Only a figure unlikely to match by chance is taken.
fn worked_from_figures_before(claims: &[Claim], index: usize) -> bool {
    let claim = &claims[index];
    // Shares are left out: a paragraph of percentages sums to one of them by chance too often.
    let Some(value) = claim
        .value
        .filter(|&value| claim.kind != Kind::Percent && significant_digits(value) >= 2)
    else {
        return false;
    };
    let terms: Vec<Decimal> = claims[index.saturating_sub(WORKING_REACH)..index]
        .iter()
        .rev()
        .take_while(|earlier| earlier.sentence_index + 2 >= claim.sentence_index)
        .filter(|earlier| earlier.kind == claim.kind && earlier.unit == claim.unit)
        .filter_map(|earlier| earlier.value)
        .filter(|&term| term != value && !term.is_zero())
        .collect();
    terms.iter().enumerate().any(|(at, &a)| {
        terms[at + 1..]
            .iter()
            .any(|&b| a + b == value || (a - b).abs() == value)
    })
}

/// How many significant digits a value has ("0.93 million" two, "2,362" four, "100" one).
fn significant_digits(value: Decimal) -> u32 {
    let mut mantissa = value.normalize().mantissa().unsigned_abs();
    while mantissa != 0 && mantissa.is_multiple_of(10) {
        mantissa /= 10;
    }
    mantissa.checked_ilog10().map_or(0, |digits| digits + 1)
}

/// Two bare counts joined by a dash, the first the larger ("won 112-107", "up 109-98", "a
/// 787-10"): a score, a tally or a model's number, which a range never is (a range written
/// backwards is `consistency/range-order`'s to find); nothing a source gives.
/// The ends are compared as written: "up 109-98" is read as a page range is, 109 to 198.
fn descending_pair(document: &Document, claim: &Claim) -> bool {
    let text = document.slice(claim.span);
    let Some((first, second)) = text.split_once(['-', '–']) else {
        return false;
    };
    let number = |end: &str| {
        (!end.is_empty() && end.len() <= 4 && end.bytes().all(|b| b.is_ascii_digit()))
            .then(|| end.parse::<u32>().ok())
            .flatten()
    };
    claim.kind == Kind::Count
        && claim.value.is_none()
        && claim.unit.is_none()
        && number(first)
            .zip(number(second))
            .is_some_and(|(first, second)| first > second)
}

/// The figures a document has given with a note, as its own result, rule or example, or
/// already found uncited, with the times they are of. A later mention is the same figure when
/// kind, value (a range's bounds) and unit agree and their times do not differ ("$1.2 trillion
/// in 2024" is not the "$1.2 trillion" of 2025).
#[derive(Default)]
struct Stated(HashMap<FigureKey, Vec<(Option<String>, Given)>>);

/// How a figure was given before, which decides how sure a later mention must be to be it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Given {
    /// With a source, or as the document's own: a mention naming no time is it.
    Settled,
    /// Found uncited: only a mention of the very same time is it ("$16.5 billion since 1996"
    /// is not a reform's "$16.5 billion" named before).
    Uncited,
}

impl Stated {
    fn insert(&mut self, claim: &Claim, given: Given) {
        if distinctive(claim) {
            self.0
                .entry(FigureKey::of(claim))
                .or_default()
                .push((claim.time.clone(), given));
        }
    }

    fn contains(&self, claim: &Claim) -> bool {
        distinctive(claim)
            && self.0.get(&FigureKey::of(claim)).is_some_and(|times| {
                times.iter().any(|(time, given)| match given {
                    Given::Settled => time.is_none() || claim.time.is_none() || *time == claim.time,
                    Given::Uncited => *time == claim.time,
                })
            })
    }
}

/// What makes two mentions one figure for citing: kind, value (a range's bounds) and unit.
#[derive(Debug, PartialEq, Eq, Hash)]
struct FigureKey {
    kind: Kind,
    value: Option<Decimal>,
    low: Option<Decimal>,
    high: Option<Decimal>,
    unit: Option<&'static str>,
}

impl FigureKey {
    fn of(claim: &Claim) -> Self {
        Self {
            kind: claim.kind,
            value: claim.value.map(|v| v.normalize()),
            // A hedge bounds the figure differently ("far lower than 1000 GtC"); the figure
            // named is the same. A range is its bounds.
            low: claim
                .value
                .is_none()
                .then_some(claim.low)
                .flatten()
                .map(|v| v.normalize()),
            high: claim
                .value
                .is_none()
                .then_some(claim.high)
                .flatten()
                .map(|v| v.normalize()),
            unit: claim.unit,
        }
    }
}

/// Whether a figure is unlikely to recur by chance, so that a second mention of it is the
/// same figure again: money and measures, ranges, and counts and shares that are no round
/// ten ("52%", "1,318" — not "50%" or "100").
fn distinctive(claim: &Claim) -> bool {
    match claim.kind {
        Kind::Money | Kind::Quantity => true,
        Kind::Percent | Kind::Count => claim.value.is_none_or(|value| !(value % Decimal::TEN).is_zero()),
        _ => false,
    }
}

/// Blocks under a heading that presents the statement a fact check examines ("Claim",
/// "What was claimed"): the figures there are the ones under review, not the page's own.
fn claim_sections(document: &Document) -> Vec<bool> {
    let mut open: Vec<(u8, bool)> = Vec::new();
    document
        .blocks
        .iter()
        .map(|block| {
            if let BlockKind::Heading { level } = block.kind {
                while open.last().is_some_and(|(l, _)| *l >= level) {
                    open.pop();
                }
                open.push((level, names_a_claim(document.slice(block.span))));
                return false;
            }
            open.last().is_some_and(|(_, claim)| *claim)
        })
        .collect()
}

/// A heading that names the claim under review.
fn names_a_claim(title: &str) -> bool {
    let title = title.trim().trim_end_matches(':').trim().to_lowercase();
    matches!(
        title.as_str(),
        "claim"
            | "the claim"
            | "claims"
            | "claim reviewed"
            | "what was claimed"
            | "what's being claimed"
            | "what is being claimed"
            | "the rumor"
            | "the rumour"
            | "rumor"
            | "rumour"
    )
}

/// One finding for the document where its figures' sources cannot be told apart one by one:
/// its text has lost the markers of its notes, or it gives no sources at all. Its uncited
/// figures are listed as related places: that says more to an editor than one per figure.
fn collapse_per_document(
    document: &Document,
    lost: Option<super::footnotes::LostMarkers>,
    findings: Vec<Finding>,
) -> Vec<Finding> {
    let (summary, note): (String, &str) = if let Some(lost) = lost {
        (
            format!(
                "the text cites only {} of its {} notes (its markers seem lost), so {{count}} figures show no source",
                lost.cited, lost.defined
            ),
            "shows no source either",
        )
    } else if gives_no_sources(document) {
        (
            "the document gives no sources at all, and {count} figures need one".to_owned(),
            "needs a source too",
        )
    } else {
        return findings;
    };
    findings
        .into_iter()
        .map(|finding| {
            let text = finding.value("text").unwrap_or_default().to_owned();
            finding.collapse(summary.clone(), format!("`{text}` {note}"))
        })
        .collect()
}

/// Whether the document gives no sources: no markers, no note definitions, no links or
/// citations in its text.
fn gives_no_sources(document: &Document) -> bool {
    document.footnote_refs.is_empty() && document.footnote_defs.is_empty() && document.sources.is_empty()
}

/// Markers outside the notes themselves.
fn body_markers(document: &Document) -> usize {
    document
        .footnote_refs
        .iter()
        .filter(|marker| {
            let block = document
                .blocks
                .partition_point(|b| b.span.end <= marker.span.start);
            !document
                .blocks
                .get(block)
                .is_some_and(|b| matches!(b.kind, BlockKind::Note { .. }))
        })
        .count()
}

/// A figure the sentence reports as someone else's contested statement ("the claim that her
/// fortune is $9 million is false", "rumours that 300 jobs will go") is examined, not asserted:
/// the document owes no source for a number it does not stand behind. A claimant's verb ("the
/// ministry claimed that 40 schools closed") is an attribution, which still wants its source.
fn under_review(before: &str) -> bool {
    static CUES: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    CUES.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build([
                "the claim that",
                "a claim that",
                "the claims that",
                "rumor that",
                "rumors that",
                "rumour that",
                "rumours that",
                "allegation that",
                "allegations that",
                "myth that",
                "meme that",
                "hoax that",
            ])
            .expect("the review cues build")
    })
    .is_match(before)
}

/// A URL written out in the claim's own sentence, or a paper named by initials and year
/// ("KR2015 count 41 sites"), is its source whatever the document's convention.
fn linked_in_sentence(document: &Document, sentence: crate::span::Span, sources: &[SourceName]) -> bool {
    let links = sources.contains(&SourceName::Link);
    let papers = sources.contains(&SourceName::AuthorYear);
    document
        .sources_within(sentence)
        .any(|s| (links && s.kind == SourceKind::Url) || (papers && s.kind == SourceKind::InitialsYear))
}

/// Whether the figure is the text of a link ("only about [$20 billion](…)", "[85% for low
/// income workers](…)"): the link gives that very figure's source, in a document that cites
/// by footnotes too.
fn in_link_text(document: &Document, figure: crate::span::Span) -> bool {
    let first = document.sources.partition_point(|s| s.span.end <= figure.start);
    document.sources[first..]
        .iter()
        .take_while(|s| s.span.start <= figure.start)
        .any(|s| s.kind == SourceKind::Link && s.span.start <= figure.start && figure.end <= s.span.end)
}

/// Whether a source of a counted kind stands in the block (a paragraph cites for its figures),
/// or a "Source:" line follows it, or — on a web page — a source of data is named in the
/// paragraph before or after it: a news story names its source once for a run of paragraphs
/// ("… plunged 10 percent." then "…, according to the dealers' group").
fn sourced(document: &Document, block: usize, counted: &[SourceKind]) -> bool {
    if quoted_from_an_attribution(document, block, counted)
        || listed_after_a_source(document, block, counted)
        || credited_after(document, block, counted)
    {
        return true;
    }
    let span = document.blocks[block].span;
    let next = document.blocks.get(block + 1).map_or(span, |b| b.span);
    let previous = block
        .checked_sub(1)
        .and_then(|b| document.blocks.get(b))
        .filter(|b| prose_paragraph(b))
        .map_or(span, |b| b.span);
    let next_prose = document.blocks.get(block + 1).is_some_and(prose_paragraph);
    let first = document.sources.partition_point(|s| s.span.end <= previous.start);
    // Web pages write that way; a report cites in the paragraph that gives the figure.
    let beside =
        document.format == crate::document::InputFormat::Html && counted.contains(&SourceKind::Attribution);
    document.sources[first..]
        .iter()
        .take_while(|s| s.span.start < next.end)
        .any(|s| {
            counted.contains(&s.kind)
                && ((s.span.end > span.start && s.span.start < span.end)
                    || (s.kind == SourceKind::SourceLine && s.span.start >= next.start)
                    || (beside
                        && s.kind == SourceKind::Attribution
                        && (s.span.start < span.start || next_prose)
                        && names_a_data_source(document.slice(s.span))))
        })
}

/// How many quoted blocks back a quotation's introduction is looked for.
const QUOTE_REACH: usize = 24;

/// Whether the block is part of a quotation set off after a paragraph that names its speaker
/// and introduces it ("… Hoenig said. The factors include:" and the quoted paragraphs): the
/// speaker is the quoted figures' source.
fn quoted_from_an_attribution(document: &Document, block: usize, counted: &[SourceKind]) -> bool {
    if document.blocks[block].kind != BlockKind::Quote || !counted.contains(&SourceKind::Attribution) {
        return false;
    }
    let Some(introduction) = document.before_run(block, BlockKind::Quote, QUOTE_REACH) else {
        return false;
    };
    let span = document.blocks[introduction].span;
    let introduces = document.slice(span).trim_end().ends_with(':');
    introduces
        && document
            .sources_within(span)
            .any(|s| s.kind == SourceKind::Attribution)
}

/// Most words of a credit line under a quotation ("[Engadget]", "— The Harbour Gazette").
const CREDIT_WORDS: usize = 8;

/// Whether the block is part of a quotation that a credit line after it links to its source:
/// a short line that is a link and little else ("[Engadget]", "— from the Harbour Gazette"),
/// as a review roundup or a blog quoting others credits each passage.
fn credited_after(document: &Document, block: usize, counted: &[SourceKind]) -> bool {
    if document.blocks[block].kind != BlockKind::Quote || !counted.contains(&SourceKind::Link) {
        return false;
    }
    let Some(credit) = document.blocks[block + 1..]
        .iter()
        .take(QUOTE_REACH)
        .find(|b| b.kind != BlockKind::Quote)
    else {
        return false;
    };
    let line = document.slice(credit.span);
    let words = line
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    if words == 0 || words > CREDIT_WORDS {
        return false;
    }
    document
        .sources_within(credit.span)
        .any(|s| s.kind == SourceKind::Link)
}

/// How many list items back a list's introduction is looked for.
const LIST_REACH: usize = 24;

/// Whether the block is an item of a list that a sentence naming its source introduces ("As
/// the [agency reports](…):" and the items): that source is the listed figures'. The
/// introduction is the nearest block before that ends with a colon — the paragraph before the
/// list, or the item a nested list hangs from — and its source stands in its last sentence.
fn listed_after_a_source(document: &Document, block: usize, counted: &[SourceKind]) -> bool {
    if document.blocks[block].kind != BlockKind::ListItem {
        return false;
    }
    let mut earlier = block;
    let introduction = loop {
        if earlier == 0 || block - earlier >= LIST_REACH {
            return false;
        }
        earlier -= 1;
        let candidate = &document.blocks[earlier];
        if document.slice(candidate.span).trim_end().ends_with(':') {
            break candidate.span;
        }
        if candidate.kind != BlockKind::ListItem {
            return false;
        }
    };
    let last = document
        .sentences
        .partition_point(|s| s.span.start < introduction.end);
    let from = last.checked_sub(1).map_or(introduction.start, |s| {
        document.sentences[s].span.start.max(introduction.start)
    });
    let last_sentence = crate::span::Span::new(from, introduction.end);
    let text = document.slice(last_sentence);
    document
        .sources_within(last_sentence)
        .any(|s| counted.contains(&s.kind))
        || (counted.contains(&SourceKind::Attribution) && reports_what_follows(text))
        || lists_provisions(text)
}

/// Whether an introduction lists what a bill, a law or a plan does ("Here's what the act
/// does:", "The bill would:", "The proposal includes:"): its items are the measure's
/// provisions, the measure their source, in a document of any citation convention.
fn lists_provisions(introduction: &str) -> bool {
    const MEASURES: [&str; 11] = [
        "bill",
        "act",
        "law",
        "legislation",
        "measure",
        "plan",
        "proposal",
        "reform",
        "package",
        "budget",
        "amendment",
    ];
    const VERBS: [&str; 7] = ["does", "would", "will", "includes", "include", "provides", "do"];
    let lower = introduction.trim_end().trim_end_matches(':').to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let Some((last, before)) = words.split_last() else {
        return false;
    };
    if !VERBS.contains(last) {
        return false;
    }
    // "what the FSA does": the measure named by its initials.
    let named_by_initials = lower.contains("what the ")
        && introduction.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase())
        });
    before.iter().rev().take(6).any(|w| MEASURES.contains(w)) || named_by_initials
}

/// Whether an introduction hands the list after it to the source its paragraph has spoken of:
/// "They found that:", "The survey shows:", "The report concluded:".
fn reports_what_follows(introduction: &str) -> bool {
    const VERBS: [&str; 14] = [
        "found",
        "finds",
        "reported",
        "reports",
        "showed",
        "shows",
        "estimated",
        "estimates",
        "concluded",
        "concludes",
        "revealed",
        "reveals",
        "noted",
        "notes",
    ];
    let words = introduction.trim_end().trim_end_matches(':');
    let mut words = words
        .split_whitespace()
        .rev()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let last = words.next().unwrap_or_default();
    let verb = if last.eq_ignore_ascii_case("that") {
        words.next().unwrap_or_default()
    } else {
        last
    };
    VERBS.contains(&verb)
}

/// Whether an attribution names where figures come from ("according to the dealers' group", "data
/// from the census", "Edmunds estimates"), not whose words a quotation is ("the mayor said"):
/// only a source of data speaks for the paragraphs beside its own.
fn names_a_data_source(attribution: &str) -> bool {
    const DATA_VERBS: [&str; 19] = [
        "reveals",
        "revealed",
        "reported",
        "reports",
        "estimated",
        "estimates",
        "projected",
        "projects",
        "found",
        "finds",
        "calculated",
        "forecast",
        "forecasts",
        "expects",
        "predicts",
        "predicted",
        "published",
        "showed",
        "shows",
    ];
    let lower = attribution.to_ascii_lowercase();
    let last = lower
        .split_whitespace()
        .next_back()
        .unwrap_or_default()
        .trim_matches(|c: char| !c.is_ascii_alphabetic());
    lower.starts_with("according")
        || DATA_VERBS.contains(&last)
        || ["data ", "figures ", "statistics ", "estimates ", "numbers "]
            .iter()
            .any(|w| lower.starts_with(w))
}

/// A paragraph of running text (not a heading, a cell, a caption or a note).
fn prose_paragraph(block: &crate::document::Block) -> bool {
    matches!(block.kind, BlockKind::Paragraph)
}

fn covered(context: &Context<'_>, claim: &Claim, coverage: Coverage) -> bool {
    let document = context.document;
    let sentence = &document.sentences[claim.sentence_index];
    let markers_in = |start: usize, end: usize| {
        let first = document.footnote_refs.partition_point(|r| r.span.start < start);
        document
            .footnote_refs
            .get(first)
            .is_some_and(|r| r.span.start <= end)
    };
    match coverage {
        Coverage::Block => !claim.footnotes.is_empty(),
        Coverage::Sentence => markers_in(sentence.span.start, sentence.span.end),
        Coverage::Paragraph => {
            let block = &document.blocks[sentence.block];
            markers_in(block.span.start, block.span.end)
        }
    }
}

/// The verbs a source's name comes before ("Cisco projects").
const SOURCE_VERBS: [&str; 14] = [
    "projects",
    "estimates",
    "estimated",
    "reports",
    "reported",
    "says",
    "said",
    "claims",
    "claimed",
    "found",
    "forecasts",
    "predicts",
    "calculates",
    "calculated",
];

/// A source the sentence names without citing it: "according to the IEA", "Cisco projects".
fn named_source(sentence: &str) -> Option<String> {
    static PATTERNS: OnceLock<[Regex; 2]> = OnceLock::new();
    static VERBS: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    let [according, verb] = PATTERNS.get_or_init(|| {
        let name = r"((?:the\s+)?[A-Z][\w&.’'-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w&.’'-]*)*)";
        [
            Regex::new(&format!(r"\b[Aa]ccording to {name}")).expect("valid pattern"),
            Regex::new(&format!(r"{name}\s+(?:{})\b", SOURCE_VERBS.join("|"))).expect("valid pattern"),
        ]
    });
    // Each pattern needs its literal words: a sentence without them is not searched (the
    // patterns' Unicode classes make a search dear on text that is not ASCII).
    let verbs = VERBS.get_or_init(|| aho_corasick::AhoCorasick::new(SOURCE_VERBS).expect("the verbs build"));
    let found = sentence
        .contains("ccording to ")
        .then(|| according.captures(sentence))
        .flatten()
        .or_else(|| {
            verbs
                .is_match(sentence)
                .then(|| verb.captures(sentence))
                .flatten()
        })?;
    let name = found.get(1)?.as_str().trim();
    let name = name
        .trim_end_matches(['.', ',', ';', ':'])
        .trim_end_matches("’s")
        .trim_end_matches("'s");
    // Words that open a sentence without naming anyone ("An estimated 1,500", "About 40
    // were estimated").
    let generic = [
        "The", "This", "It", "By", "In", "One", "Its", "A", "An", "Some", "About", "Around", "Nearly",
        "Almost", "Over", "More", "Many", "Most", "All", "Each", "Every", "That", "These", "Those",
    ];
    (!generic.contains(&name)).then(|| name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::named_source;

    #[test]
    fn an_article_opening_a_sentence_names_no_one() {
        assert_eq!(named_source("An estimated 1,500 sailors gathered."), None);
        assert_eq!(named_source("About 40 boats were estimated lost."), None);
    }

    #[test]
    fn sources_named_in_the_sentence() {
        assert_eq!(
            named_source("Cisco projects that sales will rise.").as_deref(),
            Some("Cisco")
        );
        assert_eq!(
            named_source("The US network leader Cisco projects growth.").as_deref(),
            Some("Cisco")
        );
        assert_eq!(
            named_source("Sales fell, according to the World Bank.").as_deref(),
            Some("the World Bank")
        );
        assert_eq!(named_source("Sales fell by 5 percent."), None);
    }
}
