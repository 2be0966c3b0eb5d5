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
    covered
}
