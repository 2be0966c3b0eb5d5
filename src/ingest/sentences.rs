//! Sentence boundaries inside blocks: after `.`, `!`, `?` and the closing quotes and footnote
//! markers glued to them, when the next word starts a sentence — not after abbreviations,
//! initials or inside decimals.

use crate::document::{Document, Sentence};
use crate::span::Span;

/// Abbreviations that a capitalised word commonly follows without a sentence break.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "vs", "cf", "no", "nos", "fig", "figs", "vol", "pp", "p",
    "approx", "ca", "c", "gen", "sen", "rep", "gov", "jr", "sr", "mt", "ft", "op", "art", "sec", "ch", "eq",
    "ref", "refs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "est", "inc", "ltd", "corp", "co", "stat", "supp", "reg", "ed", "cir", "app", "rptr", "ann", "subsec",
    "para", "cl", "pt", "div", "ste", "apt", "ave", "blvd", "rd", "dept", "al", "ibid", "id", "pub", "res",
    "rs",
];

/// Longest word examined for an abbreviation before a full stop.
const MAX_ABBREVIATION_BYTES: usize = 24;

/// Splits every block of `document` into sentences. Needs the footnote markers found first.
/// A big document's blocks are split side by side (the sentences come out in the same order).
pub fn split(document: &mut Document) {
    let doc: &Document = document;
    // Each chunk of blocks finds its first marker by a binary search, which gives what the scan
    // from the first block would only where blocks and markers are both in text order.
    let in_order =
        doc.footnote_refs.is_sorted_by_key(|r| r.span.end) && doc.blocks.is_sorted_by_key(|b| b.span.start);
    let parallel = doc.text.len() >= crate::PARALLEL_MIN_BYTES && in_order;
    document.sentences = super::gather_by_blocks(doc, parallel, |first, blocks, sentences| {
        let mut marker_index = match blocks.first() {
            Some(block) if first > 0 => doc
                .footnote_refs
                .partition_point(|r| r.span.end <= block.span.start),
            _ => 0,
        };
        sentences.reserve(blocks.len() * 4);
        for (offset, block) in blocks.iter().enumerate() {
            split_block(doc, first + offset, block, &mut marker_index, sentences);
        }
    });
}

/// The sentences of one block, appended to `sentences`; `marker_index` is the first footnote
/// marker not yet passed, carried from block to block.
fn split_block(
    document: &Document,
    block_index: usize,
    block: &crate::document::Block,
    marker_index: &mut usize,
    sentences: &mut Vec<Sentence>,
) {
    let text = &document.text;
    let mut start = block.span.start;
    let bytes = text.as_bytes();
    let mut at = block.span.start;
    // The next byte that may open an ellipsis ("…" starts with 0xE2), found ahead once and
    // kept until passed.
    let mut next_e2: Option<usize> = None;
    while at < block.span.end {
        // Jump to the next candidate: memchr for the stops, cached for the ellipsis.
        let rest = &bytes[at..block.span.end];
        let stop = memchr::memchr3(b'.', b'!', b'?', rest).map_or(block.span.end, |i| at + i);
        let e2 = match next_e2 {
            Some(found) if found >= at => found,
            _ => memchr::memchr(0xE2, rest).map_or(block.span.end, |i| at + i),
        };
        next_e2 = Some(e2);
        at = stop.min(e2);
        if at >= block.span.end {
            break;
        }
        let byte = bytes[at];
        let ellipsis = bytes[at..].starts_with("…".as_bytes());
        if !matches!(byte, b'.' | b'!' | b'?') && !ellipsis {
            at += 1;
            continue;
        }
        let mut end = at + if byte < 0x80 { 1 } else { '…'.len_utf8() };
        end += closers_len(&text[end..block.span.end]);
        while *marker_index < document.footnote_refs.len()
            && document.footnote_refs[*marker_index].span.end <= end
        {
            *marker_index += 1;
        }
        if let Some(marker) = document.footnote_refs.get(*marker_index)
            && marker.span.start == end
            && marker.span.end <= block.span.end
        {
            end = marker.span.end;
            end += closers_len(&text[end..block.span.end]);
        }
        if is_boundary(text, block.span, start, at, end) {
            push(sentences, text, Span::new(start, end), block_index);
            start = end;
        }
        at = end.max(at + 1);
    }
    push(sentences, text, Span::new(start, block.span.end), block_index);
}

/// Longest sentence, in bytes: a longer stretch without an end (a run of punctuation, a
/// generated list) is cut at a space near this length, so that the stages after, which hold a
/// sentence's tokens at once, stay bounded in memory. No prose sentence comes near it.
pub const MAX_SENTENCE_BYTES: usize = 16 * 1024;

fn push(sentences: &mut Vec<Sentence>, text: &str, span: Span, block: usize) {
    let mut span = crate::span::trim_span(text, span);
    while span.len() > MAX_SENTENCE_BYTES {
        let limit = crate::span::floor_char_boundary(text, span.start + MAX_SENTENCE_BYTES);
        let floor = crate::span::floor_char_boundary(text, limit - MAX_SENTENCE_BYTES / 8);
        let cut = text[floor..limit]
            .rfind(char::is_whitespace)
            .map_or(limit, |i| floor + i);
        let cut = if cut <= span.start {
            limit.max(span.start + 1)
        } else {
            cut
        };
        let cut = crate::span::floor_char_boundary(text, cut).max(span.start + 1);
        let cut = (cut..=span.end)
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(span.end);
        let head = crate::span::trim_span(text, Span::new(span.start, cut));
        if !head.is_empty() {
            sentences.push(Sentence { span: head, block });
        }
        span = crate::span::trim_span(text, Span::new(cut, span.end));
    }
    if !span.is_empty() {
        sentences.push(Sentence { span, block });
    }
}

/// Bytes of closing quotes and brackets at the start of `text`.
fn closers_len(text: &str) -> usize {
    text.chars()
        .take_while(|c| "’”\"')]»".contains(*c))
        .map(char::len_utf8)
        .sum()
}

/// Whether the punctuation at `at` (ending, with what is glued to it, at `end`) ends a sentence.
fn is_boundary(text: &str, block: Span, start: usize, at: usize, end: usize) -> bool {
    let after = &text[end..block.end];
    if after.is_empty() {
        return false; // the block's end closes the sentence anyway
    }
    if !after.starts_with(char::is_whitespace) {
        return false; // "2.5", "e.g.,", "U.S.-led"
    }
    let Some(next) = after.trim_start().chars().next() else {
        return false;
    };
    if next.is_lowercase() {
        return false;
    }
    if text.as_bytes()[at] != b'.' || end > at + 1 {
        return true;
    }
    // The word before the dot: abbreviations are short, so look back a bounded distance.
    let window = crate::span::floor_char_boundary(text, at.saturating_sub(MAX_ABBREVIATION_BYTES).max(start));
    let word_start = text[window..at]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace() || *c == '(')
        .map_or(window, |(i, c)| window + i + c.len_utf8());
    let word = &text[word_start..at];
    if word.is_empty() {
        return true;
    }
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let dotted = word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.');
    let known = ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word));
    // "Louisville, Ky. 40232": a state's abbreviation before its ZIP code.
    let before_zip =
        crate::lexicon::places::is_state_abbreviation(word) && next_digits(after.trim_start()) == 5;
    !(single_initial || dotted || known || before_zip)
}

/// How many ASCII digits `text` opens with.
fn next_digits(text: &str) -> usize {
    text.bytes().take_while(u8::is_ascii_digit).count()
}

#[cfg(test)]
mod tests {
    use crate::ingest::{IngestOptions, parse};
    use std::path::Path;

    fn sentences(text: &str) -> Vec<String> {
        let document = parse(text.as_bytes(), Path::new("t.txt"), &IngestOptions::default()).unwrap();
        document
            .sentences
            .iter()
            .map(|s| document.slice(s.span).to_owned())
            .collect()
    }

    #[test]
    fn splits_after_glued_markers() {
        assert_eq!(
            sentences("It grew worldwide.1 The rest, e.g. the U.S. Senate, followed by 2.5 points. Done."),
            [
                "It grew worldwide.1",
                "The rest, e.g. the U.S. Senate, followed by 2.5 points.",
                "Done."
            ]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("He said “no.” Then left."),
            ["He said “no.”", "Then left."]
        );
    }
}

#[cfg(test)]
mod bounded {
    use super::MAX_SENTENCE_BYTES;

    /// A stretch with no sentence end is cut into sentences no longer than the bound, at spaces
    /// where there are some, and nothing of it is lost.
    #[test]
    fn a_run_without_an_end_is_cut_at_the_bound() {
        for text in ["%".repeat(100_000), "12 % ".repeat(20_000), "é".repeat(40_000)] {
            let document = crate::ingest::plain_text(&text);
            assert!(document.sentences.len() > 1, "cut");
            assert!(
                document
                    .sentences
                    .iter()
                    .all(|s| s.span.len() <= MAX_SENTENCE_BYTES)
            );
            let kept: usize = document
                .sentences
                .iter()
                .map(|s| document.text[s.span.range()].trim().len())
                .sum();
            let total = document.text.split_whitespace().map(str::len).sum::<usize>();
            assert!(kept >= total, "{kept} of {total} bytes kept");
        }
    }
}
