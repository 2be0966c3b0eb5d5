//! relate: the relations between a document's claims, found once from the sentence structure —
//! a part and its whole, a count and its share, a total and its breakdown, shares of one whole, a
//! change between two figures, the same quantity stated again, a period and its length, a figure
//! and its conversion, a figure computed from a sourced table's cells. Relations are plain data
//! (claim indices and the spans of the words that establish them); the consistency checks and
//! the citation rule read them instead of the raw text.
//!
//! Each sentence with figures is read once into a `View` (its words, punctuation and figures),
//! and every relation kind matches its patterns on that view: linear in the sentence's items.
//! Restatements are grouped by key across the document, never compared pairwise.

pub mod breakdown;
pub mod change;
pub mod chronology;
pub mod conversion;
pub mod count_share;
pub mod from_table;
pub mod interval;
pub mod part_whole;
pub mod restatement;
pub mod sentence;
pub mod share_list;
pub mod share_of;

use crate::claim::{Claim, Kind};
use crate::document::Document;

pub use breakdown::Breakdown;
pub use change::{Change, Direction, Hedge, Stated};
pub use chronology::{Duration, Reading};
pub use conversion::Conversion;
pub use count_share::CountShare;
pub use from_table::FromTable;
pub use part_whole::PartOfWhole;
pub use restatement::Restatement;
pub use share_list::ShareList;

/// Every relation of one document, by kind; claim fields are indices into its claims.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Relations {
    pub parts: Vec<PartOfWhole>,
    pub count_shares: Vec<CountShare>,
    pub breakdowns: Vec<Breakdown>,
    pub share_lists: Vec<ShareList>,
    pub changes: Vec<Change>,
    pub restatements: Vec<Restatement>,
    pub durations: Vec<Duration>,
    pub conversions: Vec<Conversion>,
    pub shares_of: Vec<share_of::ShareOf>,
    /// Prose figures computed from a sourced table's cells.
    pub from_tables: Vec<FromTable>,
}

/// One sentence being related: its view and the document's claims.
pub struct Sentence<'a> {
    /// Index of the sentence in the document.
    pub index: usize,
    pub view: sentence::View<'a>,
    pub claims: &'a [Claim],
    /// Where this sentence's relations begin in `Relations::parts` and `durations`: a kind that
    /// reads another's relations reads only the sentence's own, so no pass grows with the
    /// document.
    parts_start: usize,
    durations_start: usize,
    /// The year of the document's own date, for "for 12 years, since 2010".
    pub document_year: Option<i64>,
}

impl Sentence<'_> {
    /// The part-of-whole relations found in this sentence so far.
    #[must_use]
    pub fn own_parts<'r>(&self, relations: &'r Relations) -> &'r [PartOfWhole] {
        &relations.parts[self.parts_start.min(relations.parts.len())..]
    }

    /// The duration relations found in this sentence so far.
    #[must_use]
    pub fn own_durations<'r>(&self, relations: &'r Relations) -> &'r [Duration] {
        &relations.durations[self.durations_start.min(relations.durations.len())..]
    }

    /// The claim index of the figure at view position `at` (which must hold a figure).
    #[must_use]
    pub fn claim_at(&self, at: usize) -> usize {
        self.view.figure(at).unwrap_or_default()
    }
}

/// Can `a` be a part of `b`, or be added to it: the same kind of amount in the same unit.
#[must_use]
pub fn comparable(a: &Claim, b: &Claim) -> bool {
    a.kind == b.kind && a.unit == b.unit && matches!(a.kind, Kind::Count | Kind::Money | Kind::Quantity)
}

/// Can the figures of one sentence stand in any relation? Every relation but a percentage's
/// whole joins two figures of one kind and unit, a count and a percentage, or a length and the
/// years it spans; a sentence without such a pair is not read again (most sentences with
/// figures: "In 2019, 45 firms …").
fn may_relate(claims: &[Claim], indices: &[usize]) -> bool {
    let figures = || indices.iter().map(|&i| &claims[i]);
    if figures().any(|c| c.kind == Kind::Percent) {
        return true;
    }
    let years = figures().filter(|c| c.kind.is_temporal()).count();
    let amounts: Vec<&Claim> = figures().filter(|c| !c.kind.is_temporal()).collect();
    let lengths = amounts
        .iter()
        .any(|c| matches!(c.kind, Kind::Duration | Kind::Ordinal));
    if (lengths && years >= 1) || years >= 2 && !amounts.is_empty() {
        return true;
    }
    // Two amounts of one kind (and unit, or both quantities or money: a conversion).
    amounts.iter().enumerate().any(|(n, a)| {
        amounts[n + 1..]
            .iter()
            .any(|b| a.kind == b.kind && (a.unit == b.unit || matches!(a.kind, Kind::Quantity | Kind::Money)))
    })
}

/// Finds the relations between `claims` (in text order) of `document`.
#[must_use]
pub fn relate(document: &Document, claims: &[Claim]) -> Relations {
    let mut relations = Relations::default();
    // Claims come in text order, so a sentence's claims are one run.
    let mut runs: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    for (position, claim) in claims.iter().enumerate() {
        match runs.last_mut() {
            Some((sentence, range)) if *sentence == claim.sentence_index => range.end = position + 1,
            _ => runs.push((claim.sentence_index, position..position + 1)),
        }
    }
    let mut indices: Vec<usize> = Vec::new();
    for (index, range) in runs {
        indices.clear();
        indices.extend(range);
        let indices = indices.as_slice();
        if !may_relate(claims, indices) {
            continue;
        }
        let Some(span) = document.sentences.get(index).map(|s| s.span) else {
            continue;
        };
        let sentence = Sentence {
            index,
            view: sentence::View::new(&document.text, span, claims, indices),
            claims,
            parts_start: relations.parts.len(),
            durations_start: relations.durations.len(),
            document_year: document.date.as_ref().map(|d| i64::from(d.year)),
        };
        if sentence.view.figures.len() >= 2 {
            part_whole::find(&sentence, &mut relations);
            breakdown::find(&sentence, &mut relations);
            count_share::find(&sentence, &mut relations);
            share_list::find(&sentence, &mut relations);
            change::find(&sentence, &mut relations);
            chronology::find(&sentence, &mut relations);
            conversion::find(&sentence, &mut relations);
        }
        share_of::find(document, &sentence, &mut relations);
    }
    restatement::find(document, claims, &mut relations);
    from_table::find(document, claims, &mut relations);
    relations
}
