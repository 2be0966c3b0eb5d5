//! relate: the relations between a document's claims, found once from the sentence structure —
//! a part and its whole, a count and its share, a total and its breakdown, shares of one whole, a
//! change between two figures, the same quantity stated again, a period and its length, a figure
//! and its conversion. Relations are plain data (claim indices and the spans of the words that
//! establish them); the consistency checks read them instead of the raw text.
//!
//! Each sentence with figures is read once into a `View` (its words, punctuation and figures),
//! and every relation kind matches its patterns on that view: linear in the sentence's items.
//! Restatements are grouped by key across the document, never compared pairwise.

pub mod breakdown;
pub mod change;
pub mod chronology;
pub mod conversion;
pub mod count_share;
pub mod interval;
pub mod part_whole;
pub mod restatement;
pub mod sentence;
pub mod share_list;
pub mod share_of;

use std::collections::BTreeMap;

use crate::claim::{Claim, Kind};
use crate::document::Document;

pub use breakdown::Breakdown;
pub use change::{Change, Direction, Hedge, Stated};
pub use chronology::{Duration, Reading};
pub use conversion::Conversion;
pub use count_share::CountShare;
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
}

/// One sentence being related: its view and the document's claims.
pub struct Sentence<'a> {
    /// Index of the sentence in the document.
    pub index: usize,
    pub view: sentence::View<'a>,
    pub claims: &'a [Claim],
}

impl Sentence<'_> {
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

/// Finds the relations between `claims` (in text order) of `document`.
#[must_use]
pub fn relate(document: &Document, claims: &[Claim]) -> Relations {
    let mut relations = Relations::default();
    let mut by_sentence: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (index, claim) in claims.iter().enumerate() {
        by_sentence.entry(claim.sentence_index).or_default().push(index);
    }
    for (&index, indices) in &by_sentence {
        let Some(span) = document.sentences.get(index).map(|s| s.span) else {
            continue;
        };
        let sentence = Sentence {
            index,
            view: sentence::View::new(&document.text, span, claims, indices),
            claims,
        };
        part_whole::find(&sentence, &mut relations);
        breakdown::find(&sentence, &mut relations);
        count_share::find(&sentence, &mut relations);
        share_list::find(&sentence, &mut relations);
        change::find(&sentence, &mut relations);
        chronology::find(&sentence, &mut relations);
        conversion::find(&sentence, &mut relations);
        share_of::find(document, &sentence, &mut relations);
    }
    restatement::find(&document.text, claims, &mut relations);
    relations
}
