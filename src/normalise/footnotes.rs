//! Which footnotes cover which sentences.
//!
//! A marker covers the claims of its own sentence and of the sentences before it in the same
//! block, back to the previous marker: writers put one note at the end of a run of sentences
//! drawn from one source. A sentence after the block's last marker is covered by none.

use crate::document::{BlockKind, Document};

/// The labels of the markers covering each sentence, kept as runs of sentences (a marker covers
/// a run of one block), so that memory grows with the markers, not with the sentences.
#[derive(Debug, Default)]
pub struct Coverage {
    /// Sentence ranges in order, not overlapping, each with its labels.
    runs: Vec<(std::ops::Range<usize>, Vec<String>)>,
}

impl Coverage {
    /// The labels of the markers covering sentence `index` (none for most).
    #[must_use]
    pub fn of(&self, index: usize) -> &[String] {
        let run = self.runs.partition_point(|(range, _)| range.end <= index);
        match self.runs.get(run) {
            Some((range, labels)) if range.contains(&index) => labels,
            _ => &[],
        }
    }
}

/// The coverage of every sentence of `document`.
#[must_use]
pub fn coverage(document: &Document) -> Coverage {
    let mut covered = Coverage::default();
    let mut marker = 0;
    // The sentences of the current block since its last marker: a contiguous run.
    let mut pending: Option<std::ops::Range<usize>> = None;
    let mut pending_block = usize::MAX;
    for (index, sentence) in document.sentences.iter().enumerate() {
        if sentence.block != pending_block {
            pending = None;
            pending_block = sentence.block;
        }
        let mut labels = Vec::new();
        while let Some(reference) = document.footnote_refs.get(marker) {
            if reference.span.start > sentence.span.end {
                break;
            }
            if reference.span.start >= sentence.span.start && !labels.contains(&reference.label) {
                labels.push(reference.label.clone());
            }
            marker += 1;
        }
        if matches!(document.blocks[sentence.block].kind, BlockKind::Note { .. }) {
            continue;
        }
        let run = pending.get_or_insert(index..index);
        run.end = index + 1;
        if !labels.is_empty()
            && let Some(run) = pending.take()
        {
            covered.runs.push((run, labels));
        }
    }
    carry_forward(document, &mut covered);
    covered
}

/// Sentences after a cited one that reports a source's finding ("A recent review showed …
/// [12]. Typically, about half of …"; "For instance, [22] found the following: … close to 80
/// percent chose …") go on telling that source's results: up to this many sentences of the
/// block that no marker covers take its notes.
const CARRIED_SENTENCES: usize = 4;

/// Gives the notes of a run ending in a sentence that reports a source's finding to the
/// uncovered sentences after it in its block (up to `CARRIED_SENTENCES`, until the next run).
fn carry_forward(document: &Document, covered: &mut Coverage) {
    let mut carried = Vec::new();
    for (at, (range, labels)) in covered.runs.iter().enumerate() {
        let cited = range.end - 1;
        if !reports_a_finding(document.slice(document.sentences[cited].span)) {
            continue;
        }
        let block = document.sentences[cited].block;
        let limit = covered
            .runs
            .get(at + 1)
            .map_or(document.sentences.len(), |(next, _)| next.start);
        let end = (range.end..limit.min(range.end + CARRIED_SENTENCES))
            .take_while(|&i| document.sentences[i].block == block)
            .last()
            .map_or(range.end, |last| last + 1);
        if end > range.end {
            carried.push((range.end..end, labels.clone()));
        }
    }
    if !carried.is_empty() {
        covered.runs.extend(carried);
        covered.runs.sort_by_key(|(range, _)| range.start);
    }
}

/// Whether a sentence reports what a source found ("showed", "found", "a meta-analysis"), so
/// that the sentences after it may go on with that source's results.
fn reports_a_finding(sentence: &str) -> bool {
    // Verbs whose subject is a source ("crimes reported", "disorders have been observed" tell
    // what happened, not who found it).
    const REPORTING: [&str; 7] = [
        " showed",
        " shows ",
        " found ",
        " finds ",
        " demonstrated ",
        "meta-analysis",
        "systematic review",
    ];
    let lower = sentence.to_ascii_lowercase();
    REPORTING.iter().any(|word| lower.contains(word))
}
