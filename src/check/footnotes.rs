//! Footnote soundness: markers without definitions, definitions never cited, markers out of
//! sequence, labels defined twice, definitions with no text.

use std::collections::{BTreeMap, BTreeSet};

use super::Context;
use crate::diagnostic::{Finding, Place};
use crate::document::{Document, FootnoteDef, FootnoteRef};

/// `footnote/undefined`: a marker whose label no definition gives. Names the claims the
/// marker covers, since those are the figures left without a source.
pub fn undefined(context: &Context<'_>) -> Vec<Finding> {
    let document = context.document;
    let defined: BTreeSet<&str> = document.footnote_defs.iter().map(FootnoteDef::key).collect();
    let mut findings = Vec::new();
    let mut previous_sentence: Option<usize> = None;
    for reference in &document.footnote_refs {
        let sentence = document
            .sentences
            .partition_point(|s| s.span.end < reference.span.start);
        if !defined.contains(reference.key()) {
            let mut finding =
                Finding::at(Place::Original(reference.original)).with("label", &reference.label);
            if let Some(block) = document.sentences.get(sentence).map(|s| s.block) {
                let first = previous_sentence.map_or(0, |p| p + 1);
                for index in first..=sentence {
                    if document.sentences.get(index).is_none_or(|s| s.block != block) {
                        continue;
                    }
                    for &claim in context.by_sentence.get(&index).map_or(&[][..], Vec::as_slice) {
                        let claim = &context.claims[claim];
                        if claim.footnotes.contains(&reference.label) {
                            finding = finding.claim(claim);
                        }
                    }
                }
            }
            findings.push(finding);
        }
        previous_sentence = Some(sentence);
    }
    findings
}

/// `footnote/unused`: a definition no marker cites. Two markers joined by a dash ("[3]–[7]",
/// JATS's `<xref>`–`<xref>`) cite every note defined between them.
pub fn unused(context: &Context<'_>) -> Vec<Finding> {
    let document = context.document;
    let mut cited: BTreeSet<&str> = document.footnote_refs.iter().map(FootnoteRef::key).collect();
    cited.extend(document.cited_elsewhere.iter().map(String::as_str));
    let position: BTreeMap<&str, usize> = document
        .footnote_defs
        .iter()
        .enumerate()
        .map(|(index, d)| (d.key(), index))
        .collect();
    let original = document.source_map.original();
    for pair in document.footnote_refs.windows(2) {
        let (from, to) = (
            pair[0].original.start.min(original.len()),
            pair[1].original.start.min(original.len()),
        );
        // The first marker's own text, then what joins it to the second: a dash alone joins.
        // Entities decoded: JATS writes the dash `&#x2013;` as often as `–`.
        let between = if to > from && to - from <= 400 {
            crate::ingest::entities::decode_entities(&without_markup(&original[from..to]))
        } else {
            String::new()
        };
        let joint = between
            .trim_start_matches(|c: char| {
                c.is_alphanumeric() || matches!(c, '[' | ']' | '(' | ')' | '*' | '†' | '‡')
            })
            .trim();
        let joined = matches!(joint, "–" | "-" | "—" | "‐" | "‑");
        if let (true, Some(&first), Some(&last)) =
            (joined, position.get(pair[0].key()), position.get(pair[1].key()))
        {
            for definition in document.footnote_defs.get(first..=last).unwrap_or_default() {
                cited.insert(definition.key());
            }
        }
    }
    // A marker whose text is a range ("8–10", pointing at note 8) cites the notes after it too.
    for marker in &document.footnote_refs {
        // The marker's element and what follows it up to the next closing tag: its shown text.
        let start = marker.original.start.min(original.len());
        let end = crate::span::floor_char_boundary(original, (start + 300).min(original.len()));
        let stretch = &original[start..end];
        let content = stretch.find('>').map_or("", |open| {
            let rest = &stretch[open + 1..];
            &rest[..rest.find("</").unwrap_or(rest.len())]
        });
        let shown = if content.trim().is_empty() {
            without_markup(&original[start..marker.original.end.min(original.len()).max(start)])
        } else {
            without_markup(content)
        };
        let Some((from, to)) = numbered_range(&shown) else {
            continue;
        };
        if let Some(&first) = position.get(marker.key()) {
            let last = first + (to - from);
            for definition in document.footnote_defs.get(first..=last).unwrap_or_default() {
                cited.insert(definition.key());
            }
        }
    }
    let lost = lost_markers(document);
    let in_words = cited_by_author_and_year(document, &cited);
    document
        .footnote_defs
        .iter()
        .filter(|d| {
            !cited.contains(d.key())
                && !is_table_foot_note(original, d.original.start)
                && !in_words.contains(d.key())
        })
        .map(|d| {
            let finding = Finding::at(Place::Original(d.original)).with("label", &d.label);
            match &lost {
                Some(lost) => finding.collapse(
                    format!(
                        "{{count}} of its {} notes are never cited: the text keeps markers for {} of them, \
                         so the rest seem lost (a conversion that dropped them?)",
                        lost.defined, lost.cited
                    ),
                    format!("footnote {} is never cited either", d.label),
                ),
                None => finding,
            }
        })
        .collect()
}

/// The spans of the notes' texts, in text order: what is not the body.
fn note_spans(document: &Document) -> Vec<crate::span::Span> {
    let mut spans: Vec<crate::span::Span> = document
        .footnote_defs
        .iter()
        .map(|d| d.span)
        .filter(|s| !s.is_empty())
        .collect();
    spans.sort_by_key(|s| s.start);
    spans
}

/// The references of an article's list, not cited by a marker, that the body cites in plain
/// words with no link ("(Putt, 1940)", "Agostinelli, C. and Lund, 2022"): the first author's
/// surname, then within a few words the entry's year, outside every note's text. One pass over
/// the text finds every uncited entry's surname at once.
fn cited_by_author_and_year<'d>(document: &'d Document, cited: &BTreeSet<&str>) -> BTreeSet<&'d str> {
    let mut found = BTreeSet::new();
    // A reference list's entries name their authors first; a report's notes name bodies,
    // titles and laws.
    if document.format != crate::document::InputFormat::Jats {
        return found;
    }
    let entries: Vec<(&str, &str, &str)> = document
        .footnote_defs
        .iter()
        .filter(|d| !cited.contains(d.key()))
        .filter_map(|d| {
            let entry = document.slice(d.span);
            let surname = entry
                .split(|c: char| !c.is_alphabetic() && c != '-' && c != '’' && c != '\'')
                .find(|word| word.chars().count() >= 2 && word.starts_with(char::is_uppercase))?;
            Some((d.key(), surname, reference_year(entry)?))
        })
        .collect();
    let Ok(finder) = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(entries.iter().map(|(_, surname, _)| surname))
    else {
        return found;
    };
    let mut by_surname: std::collections::HashMap<&str, Vec<&(&str, &str, &str)>> =
        std::collections::HashMap::new();
    for entry in &entries {
        by_surname.entry(entry.1).or_default().push(entry);
    }
    let notes = note_spans(document);
    let text = &document.text;
    for hit in finder.find_iter(text) {
        let at = hit.start();
        let index = notes.partition_point(|s| s.start <= at);
        let in_note = index > 0 && notes[index - 1].end > at;
        let after =
            &text[hit.end()..crate::span::floor_char_boundary(text, (hit.end() + 60).min(text.len()))];
        if in_note || text[..at].ends_with(char::is_alphanumeric) || after.starts_with(char::is_alphanumeric)
        {
            continue;
        }
        let surname = &text[at..hit.end()];
        // A citation that links to a reference is that reference's ("Ames et al., 2017" may
        // link to one of two works of Ames in 2017): a marker where its year ends.
        let first_marker = document.footnote_refs.partition_point(|r| r.span.start < at);
        let linked = |year_end: usize| {
            document
                .footnote_refs
                .get(first_marker)
                .is_some_and(|r| r.span.start <= year_end + 1)
        };
        for &(key, _, year) in by_surname.get(surname).into_iter().flatten() {
            if after
                .find(year)
                .is_some_and(|i| names_no_other_work(&after[..i]) && !linked(hit.end() + i + year.len()))
            {
                found.insert(key);
            }
        }
    }
    found
}

/// Whether the words between a surname and a year belong to one citation ("Ames, 1998", "Ames
/// et al. (1998", "Ames, C. and Lund, 1998"): no sentence's end, no second citation (`;`, `)`).
fn names_no_other_work(between: &str) -> bool {
    let et_al = between.contains("al.");
    let mut previous = ' ';
    let mut before_previous = ' ';
    for c in between.chars() {
        let initial = c == '.' && previous.is_uppercase() && !before_previous.is_alphanumeric();
        if matches!(c, ';' | ')') || (c == '.' && !initial && !et_al) {
            return false;
        }
        before_previous = previous;
        previous = c;
    }
    true
}

/// The first year a reference entry gives (1500–2099, a letter after it kept: "2015b").
fn reference_year(entry: &str) -> Option<&str> {
    let bytes = entry.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|at| {
        let digits = &bytes[at..at + 4];
        let lone = (at == 0 || !bytes[at - 1].is_ascii_digit())
            && bytes.get(at + 4).is_none_or(|b| !b.is_ascii_digit());
        (lone
            && digits.iter().all(u8::is_ascii_digit)
            && (b"15"[..] <= digits[..2] && digits[..2] <= b"20"[..]))
            .then(|| {
                let letter = usize::from(
                    bytes.get(at + 4).is_some_and(u8::is_ascii_lowercase)
                        && bytes.get(at + 5).is_none_or(|b| !b.is_ascii_alphanumeric()),
                );
                &entry[at..at + 4 + letter]
            })
    })
}

/// Notes defined, and how many of them markers in the text cite, in a document whose text
/// seems to have lost its markers: it defines `LOST_MARKERS_MIN_NOTES` notes or more and
/// cites fewer than one in `LOST_MARKERS_RATIO`. A page converted from HTML or PDF that kept
/// the notes but dropped the markers (or kept a few glued to the text) shows this; an author
/// who forgot to cite a note or two does not.
#[derive(Debug, Clone, Copy)]
pub struct LostMarkers {
    pub defined: usize,
    pub cited: usize,
}

const LOST_MARKERS_MIN_NOTES: usize = 10;
const LOST_MARKERS_RATIO: usize = 4;

pub fn lost_markers(document: &Document) -> Option<LostMarkers> {
    let defined = document.footnote_defs.len();
    if defined < LOST_MARKERS_MIN_NOTES {
        return None;
    }
    let mut cited: BTreeSet<&str> = document.footnote_refs.iter().map(FootnoteRef::key).collect();
    cited.extend(document.cited_elsewhere.iter().map(String::as_str));
    let cited = document
        .footnote_defs
        .iter()
        .filter(|d| cited.contains(d.key()))
        .count();
    (cited * LOST_MARKERS_RATIO < defined).then_some(LostMarkers { defined, cited })
}

/// "8–10", "[3-7]": a marker's text naming a run of notes; `None` otherwise (and for runs
/// longer than 100, which are no citation).
fn numbered_range(shown: &str) -> Option<(usize, usize)> {
    let inner = shown.trim().trim_start_matches('[').trim_end_matches(']');
    let (from, to) = inner.split_once(['–', '-', '—'])?;
    let (from, to) = (
        from.trim().parse::<usize>().ok()?,
        to.trim().parse::<usize>().ok()?,
    );
    (from < to && to - from <= 100).then_some((from, to))
}

/// How far back from a note a JATS `table-wrap-foot` is looked for, in bytes.
const TABLE_FOOT_WINDOW: usize = 4_000;

/// A JATS table-foot note (`<table-wrap-foot><fn>`): a note on the table as a whole, which no
/// marker needs to cite.
fn is_table_foot_note(original: &str, at: usize) -> bool {
    let at = crate::span::floor_char_boundary(original, at.min(original.len()));
    let from = crate::span::floor_char_boundary(original, at.saturating_sub(TABLE_FOOT_WINDOW));
    let before = &original[from..at];
    before
        .rfind("<table-wrap-foot")
        .is_some_and(|open| !before[open..].contains("</table-wrap-foot>"))
}

/// Text with its tags (`<sup>`, `</xref>`) left out.
fn without_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// `footnote/duplicate`: a label defined twice; reported at the second definition.
pub fn duplicate(context: &Context<'_>) -> Vec<Finding> {
    let mut first: BTreeMap<&str, Place> = BTreeMap::new();
    let mut findings = Vec::new();
    for definition in &context.document.footnote_defs {
        let place = Place::Original(definition.original);
        match first.get(definition.key()) {
            Some(earlier) => findings.push(Finding::at(place).with("label", &definition.label).related(
                format!("footnote {} is first defined here", definition.label),
                *earlier,
            )),
            None => {
                first.insert(definition.key(), place);
            }
        }
    }
    findings
}

/// `footnote/empty`: a definition with no text.
pub fn empty(context: &Context<'_>) -> Vec<Finding> {
    let document = context.document;
    document
        .footnote_defs
        .iter()
        .filter(|d| document.slice(d.span).trim().is_empty())
        .map(|d| Finding::at(Place::Original(d.original)).with("label", &d.label))
        .collect()
}

/// `footnote/sequence`: numbered markers must first appear as 1, 2, 3 …: a marker that
/// comes back to a lower number for the first time is out of order, and one that skips
/// numbers leaves a gap. Labels that are not numbers are left alone.
pub fn sequence(context: &Context<'_>) -> Vec<Finding> {
    if context.document.notes_renumbered {
        return Vec::new();
    }
    let mut seen: BTreeSet<u64> = BTreeSet::new();
    let mut highest = 0u64;
    let mut findings = Vec::new();
    // Where the markers seem lost, the gaps are the lost markers: one finding says so.
    let lost = lost_markers(context.document);
    for reference in &context.document.footnote_refs {
        let Ok(number) = reference.label.parse::<u64>() else {
            continue;
        };
        if !seen.insert(number) {
            continue;
        }
        let place = Place::Original(reference.original);
        if number < highest {
            findings.push(
                Finding::at(place)
                    .with("label", &reference.label)
                    .with("detail", format!("it first appears after footnote {highest}")),
            );
        } else if number > highest + 1 {
            let missing = if number == highest + 2 {
                format!("{} is missing", highest + 1)
            } else {
                format!("{} to {} are missing", highest + 1, number - 1)
            };
            let detail = if highest == 0 {
                format!("numbering starts at {number}; {missing}")
            } else {
                format!("it follows footnote {highest}; {missing}")
            };
            findings.push(
                Finding::at(place)
                    .with("label", &reference.label)
                    .with("detail", detail),
            );
        }
        highest = highest.max(number);
    }
    if let Some(lost) = lost {
        findings = findings
            .into_iter()
            .map(|finding| {
                let label = finding.value("label").unwrap_or_default().to_owned();
                finding.collapse(
                    format!(
                        "the markers run with {{count}} gaps: the text keeps markers for {} of its {} notes",
                        lost.cited, lost.defined
                    ),
                    format!("footnote {label} is out of sequence too"),
                )
            })
            .collect();
    }
    findings
}
