//! Non-prose that readers keep as text: reference lists and bibliographies, and the back
//! matter of articles (acknowledgments, funding, author contributions). Their figures are
//! volumes, pages, years of publication, grant numbers and identifiers, never claims ("p. 588",
//! "ISSN 0036-8075", "23 C.F.R. §650"), so the blocks under a heading such as "References",
//! "Further reading" or "Acknowledgments" are marked ignored, up to the next heading of the
//! same or a higher level.

use crate::document::{BlockKind, Document};
use crate::span::Span;

/// Heading texts (lowercased, section number and punctuation left out) that open a list of
/// sources.
const REFERENCE_HEADINGS: &[&str] = &[
    "references",
    "reference list",
    "references cited",
    "literature cited",
    "literature",
    "bibliography",
    "select bibliography",
    "selected bibliography",
    "works cited",
    "sources",
    "citations",
    "further reading",
    "external links",
    "notes and references",
    "references and notes",
    "normative references",
    "informative references",
    "footnotes",
    "endnotes",
    "acknowledgments",
    "acknowledgements",
    "acknowledgment",
    "acknowledgement",
    "funding",
    "author contributions",
    "competing interests",
    "conflicts of interest",
    "conflict of interest",
    "data availability",
];

/// Whether a heading's text names a list of sources.
pub(crate) fn is_reference_heading(text: &str) -> bool {
    let words: String = text
        .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | ' ' | '\t'))
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let folded = words.split_whitespace().collect::<Vec<_>>().join(" ");
    REFERENCE_HEADINGS.contains(&folded.as_str())
}

/// Adds the blocks of reference sections to the document's ignored stretches.
pub fn mark_reference_sections(document: &mut Document) {
    let mut inside: Option<u8> = None;
    let mut spans = Vec::new();
    let mut listed = Vec::new();
    // Where the section a heading names as notes ("Footnotes", "Endnotes") begins in `spans`.
    let mut notes_from: Option<usize> = None;
    for block in &document.blocks {
        match block.kind {
            BlockKind::Heading { level } => {
                if inside.is_some_and(|open| level <= open) {
                    inside = None;
                }
                if inside.is_none() && is_reference_heading(document.slice(block.span)) {
                    inside = Some(level);
                    if notes_from.is_none() && is_notes_heading(document.slice(block.span)) {
                        notes_from = Some(spans.len());
                    }
                }
            }
            // Notes are sources themselves: the citation checks read them as such.
            BlockKind::Note { .. } => {}
            _ if inside.is_some() => {
                spans.push(block.span);
                listed.push(block.kind == BlockKind::ListItem);
            }
            _ => {}
        }
    }
    if spans.is_empty() {
        return;
    }
    if document.footnote_refs.is_empty() {
        if let Some(from) = notes_from {
            notes_without_markers(document, &spans[from..]);
        }
    } else {
        numbered_entries_as_notes(document, &spans, &listed);
    }
    ignore(document, spans);
}

/// Whether a heading names the section as the document's notes, not its references.
fn is_notes_heading(text: &str) -> bool {
    let folded = text.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    matches!(folded.as_str(), "footnotes" | "endnotes")
}

/// Fewest numbered entries under a "Footnotes" heading that are notes when the text shows no
/// marker at all.
const LOST_NOTES_MIN: usize = 3;

/// A "Footnotes" or "Endnotes" section whose text cites none of them: a conversion that kept the
/// notes and lost their markers (a report's HTML export). Its entries written "1.", "2.", …
/// numbered in order from 1 are its notes, so the checks can say the markers seem lost; a
/// section with fewer entries, or out of order, is left as references.
fn notes_without_markers(document: &mut Document, spans: &[Span]) {
    if !document.footnote_defs.is_empty() {
        return;
    }
    // Where each entry starts, in order, and the end of its block: a block, or a line of a
    // block (a notes table the reader took for one paragraph, when a note ran over two lines).
    // An entry runs to the next (a table row's label cell and the note after it).
    let mut starts = Vec::new();
    for &span in spans {
        let text = document.slice(span);
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            if entry_label(line) == Some(starts.len() + 1) {
                starts.push((span.start + at, span.end));
            }
            at += line.len();
        }
    }
    if starts.len() < LOST_NOTES_MIN {
        return;
    }
    let notes: Vec<_> = starts
        .iter()
        .enumerate()
        .map(|(index, &(start, block_end))| {
            let end = starts
                .get(index + 1)
                .map_or(block_end, |&(next, _)| next.max(start));
            crate::document::FootnoteDef {
                label: (index + 1).to_string(),
                target: None,
                original: document.source_map.original_span(Span::new(start, start)),
                span: Span::new(start, end),
            }
        })
        .collect();
    document.footnote_defs.extend(notes);
}

/// The number an entry of a notes list opens with ("1. Smith …", "12) …", "| 3. | …"), if any.
fn entry_label(line: &str) -> Option<usize> {
    // "| 1. | …": a row of a notes table.
    let text = line.trim_start_matches(|c: char| c == '|' || c.is_whitespace());
    let (label, _) = text.split_once(['.', ')'])?;
    is_note_number(label).then(|| label.parse().ok()).flatten()
}

/// Whether an entry's label is a note's number: one to four digits.
fn is_note_number(label: &str) -> bool {
    (1..=4).contains(&label.len()) && label.bytes().all(|b| b.is_ascii_digit())
}

/// Adds `spans` to the document's ignored stretches, which stay sorted and apart.
fn ignore(document: &mut Document, spans: Vec<Span>) {
    document.ignored.extend(spans);
    document.finish_ignored();
}

/// Longest stretch of inline math read between two dollar signs, in bytes.
const INLINE_MATH_BYTES: usize = 300;

/// TeX math written in Markdown prose, `$k = 500$` inline or `$$…$$` on display: its figures
/// are the terms of a formula, not claims. Stricter than a math-enabled renderer so that money
/// stays money: inline math opens with a dollar sign before a letter, a backslash or a brace
/// ("$k", "$\alpha"; never "$5"), not glued to a word before it, and closes at the next dollar
/// sign of the block, glued to the formula's last character and followed by no letter or
/// digit ("$5-$10" and "from $x to $5" hold no math).
pub fn markdown_math(document: &mut Document) {
    let mut spans = Vec::new();
    for block in &document.blocks {
        let text = document.slice(block.span);
        let bytes = text.as_bytes();
        let mut from = 0;
        while let Some(found) = memchr::memchr(b'$', &bytes[from..]) {
            let open = from + found;
            from = open + 1;
            if bytes.get(open + 1) == Some(&b'$') {
                // Display math: up to the next "$$", or not math at all.
                let Some(close) = memchr::memmem::find(&bytes[open + 2..], b"$$") else {
                    break;
                };
                let end = open + 2 + close + 2;
                spans.push(Span::new(block.span.start + open, block.span.start + end));
                from = end;
                continue;
            }
            let glued_before =
                open > 0 && (bytes[open - 1].is_ascii_alphanumeric() || bytes[open - 1] == b'$');
            let opens = bytes
                .get(open + 1)
                .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'\\' || b == b'{');
            if glued_before || !opens {
                continue;
            }
            let window = &bytes[open + 1..(open + 1 + INLINE_MATH_BYTES).min(bytes.len())];
            let Some(close) = memchr::memchr(b'$', window).map(|at| open + 1 + at) else {
                continue;
            };
            let closes = !bytes[close - 1].is_ascii_whitespace()
                && !bytes.get(close + 1).is_some_and(u8::is_ascii_alphanumeric)
                && bytes.get(close + 1) != Some(&b'$');
            if closes {
                spans.push(Span::new(block.span.start + open, block.span.start + close + 1));
                from = close + 1;
            }
        }
    }
    if !spans.is_empty() {
        ignore(document, spans);
    }
}

/// A list of numbered entries ("1. …", "2. …") after the text, whatever its heading says, in
/// a document that cites numbered markers and defines no notes: its entries are the notes, if
/// they run from 1 in order to at least the highest number cited (a page whose references
/// heading is in another language, or is no heading at all). A shorter or unordered list is
/// left as prose.
pub fn numbered_list_notes(document: &mut Document) {
    if !document.footnote_defs.is_empty() || document.footnote_refs.is_empty() {
        return;
    }
    let Some(highest) = document
        .footnote_refs
        .iter()
        .map(|r| r.label.parse::<usize>().ok())
        .collect::<Option<Vec<_>>>()
        .and_then(|labels| labels.into_iter().max())
    else {
        return;
    };
    let first_marker = document.footnote_refs[0].span.start;
    let mut run: Vec<Span> = Vec::new();
    let mut best: Vec<Span> = Vec::new();
    for block in &document.blocks {
        if block.span.start <= first_marker || block.kind != BlockKind::ListItem {
            continue;
        }
        let label = entry_label(document.slice(block.span));
        if label == Some(run.len() + 1) {
            run.push(block.span);
        } else if label == Some(1) {
            run = vec![block.span];
        } else {
            continue;
        }
        if run.len() > best.len() {
            best.clone_from(&run);
        }
    }
    if best.len() < highest.max(LOST_NOTES_MIN) {
        return;
    }
    let notes = best
        .iter()
        .enumerate()
        .map(|(index, &span)| crate::document::FootnoteDef {
            label: (index + 1).to_string(),
            target: None,
            original: document
                .source_map
                .original_span(Span::new(span.start, span.start)),
            span,
        })
        .collect();
    document.footnote_defs = notes;
    ignore(document, best);
}

/// Notes written as paragraphs that open with their marker's label, after the text that
/// cites them ("… per shift[1] …" and, at the end, "[1] Ruskin KJ. Alarm fatigue. 2015"): a
/// page exported from a word processor, or a post that numbers its sources by hand, with no
/// heading over them. Only labels the text cites, in a document that defines no notes.
pub fn bracketed_paragraph_notes(document: &mut Document) {
    if !document.footnote_defs.is_empty() || document.footnote_refs.is_empty() {
        return;
    }
    let cited: std::collections::BTreeSet<&str> =
        document.footnote_refs.iter().map(|r| r.label.as_str()).collect();
    let first_marker = document.footnote_refs[0].span.start;
    let mut notes = Vec::new();
    let mut opening = Vec::new();
    let mut previous_end = 0;
    for block in &document.blocks {
        let after = std::mem::replace(&mut previous_end, block.span.end);
        // A block that only touches a stretch set aside (its own raised marker, a bit of code)
        // may be a note; one wholly set aside (a reference list) is not.
        if block.span.start <= first_marker
            || !matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem)
            || document.is_wholly_ignored(block.span)
        {
            continue;
        }
        let text = document.slice(block.span);
        let written = text
            .strip_prefix('[')
            .and_then(|rest| rest.split_once(']'))
            .map(|(label, _)| label)
            .filter(|label| cited.contains(label));
        let Some(label) = written.or_else(|| opening_marker(document, after, block.span, &mut opening))
        else {
            continue;
        };
        notes.push(crate::document::FootnoteDef {
            label: label.to_owned(),
            target: None,
            original: document
                .source_map
                .original_span(Span::new(block.span.start, block.span.start)),
            span: block.span,
        });
    }
    let spans = notes.iter().map(|note| note.span).collect();
    let opening: std::collections::HashSet<usize> = opening.into_iter().collect();
    let mut index = 0;
    document.footnote_refs.retain(|_| {
        index += 1;
        !opening.contains(&(index - 1))
    });
    document.footnote_defs.extend(notes);
    ignore(document, spans);
}

/// The label of a marker that opens the block at `span` (after the block that ends at `after`)
/// and repeats one cited before it ("<sup>[i]</sup> The premier said …" under a rule, after
/// "… a mayoralty.<sup>[i]</sup>" in the text): the note's own label, written as a marker by
/// the page. Its index among the markers is added to `opening`, for it cites nothing.
fn opening_marker<'d>(
    document: &'d Document,
    after: usize,
    span: Span,
    opening: &mut Vec<usize>,
) -> Option<&'d str> {
    let refs = &document.footnote_refs;
    // The first marker past the block before: a marker glued to that block's end is its own.
    let index = refs.partition_point(|r| r.span.start <= after);
    let marker = refs.get(index)?;
    let (from, to) = (marker.span.end.min(span.start), marker.span.start.max(span.start));
    if marker.span.start >= span.end || !document.text.get(from..to)?.trim().is_empty() {
        return None;
    }
    let cited_before = refs[..index]
        .iter()
        .enumerate()
        .any(|(at, r)| r.label == marker.label && !opening.contains(&at));
    cited_before.then(|| {
        opening.push(index);
        marker.label.as_str()
    })
}

/// A document that cites "[1]", "[2]" in its text and lists its references numbered, with no
/// notes of its own: each entry ("[1] Ames …", "1. Ames …", or the n-th item of a numbered
/// list) is the note its markers point at.
fn numbered_entries_as_notes(document: &mut Document, spans: &[Span], listed: &[bool]) {
    if !document.footnote_defs.is_empty() || document.footnote_refs.is_empty() {
        return;
    }
    // A list's items are its numbered references only where the text cites the first of them:
    // a reading list under "Further reading" is no note list because one stray marker was seen.
    let cites_first = document.footnote_refs.iter().any(|r| r.label == "1");
    let mut item = 0u32;
    let mut notes = Vec::new();
    for (&span, &listed) in spans.iter().zip(listed) {
        let text = document.slice(span).trim_start();
        let written = text
            .strip_prefix('[')
            .and_then(|rest| rest.split_once(']'))
            .map(|(label, _)| label)
            .or_else(|| text.split_once(['.', ')']).map(|(label, _)| label))
            .filter(|label| is_note_number(label));
        let label = match written {
            Some(label) => label.to_owned(),
            None if listed && cites_first => {
                item += 1;
                item.to_string()
            }
            None => continue,
        };
        notes.push(crate::document::FootnoteDef {
            label,
            target: None,
            original: document
                .source_map
                .original_span(Span::new(span.start, span.start)),
            span,
        });
    }
    document.footnote_defs.extend(notes);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_headings_are_told_by_their_words() {
        for heading in [
            "References",
            "10. References",
            "Further reading",
            "WORKS CITED",
            "Normative References:",
        ] {
            assert!(is_reference_heading(heading), "{heading}");
        }
        for heading in [
            "Results",
            "Referenced projects grew",
            "Sources of funding",
            "3.2 Notes on method",
        ] {
            assert!(!is_reference_heading(heading), "{heading}");
        }
    }
}
