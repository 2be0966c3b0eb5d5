//! Which footnotes cover which sentences.
//!
//! A marker covers the claims of its own sentence and of the sentences before it in the same
//! block, back to the previous marker: writers put one note at the end of a run of sentences
//! drawn from one source. A sentence after the block's last marker is covered by none.

use crate::document::{BlockKind, Document};

/// For each sentence of `document`, the labels of the markers covering it.
#[must_use]
pub fn coverage(document: &Document) -> Vec<Vec<String>> {
    let mut covered = vec![Vec::new(); document.sentences.len()];
    let mut marker = 0;
    let mut pending: Vec<usize> = Vec::new();
    let mut pending_block = usize::MAX;
    for (index, sentence) in document.sentences.iter().enumerate() {
        if sentence.block != pending_block {
            pending.clear();
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
        pending.push(index);
        if !labels.is_empty() {
            for &covered_index in &pending {
                covered[covered_index].clone_from(&labels);
            }
            pending.clear();
        }
    }
    covered
}
