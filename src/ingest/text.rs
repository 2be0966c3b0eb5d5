//! Plain text: paragraphs split by blank lines, heading lines, list items, a notes section
//! at the end, and footnote markers glued to the prose.

use crate::calendar::parse_date_line;
use crate::document::{Block, BlockKind, Document, FootnoteDef, InputFormat};
use crate::ingest::{empty_document, markers, sentences};
use crate::span::{SourceMap, Span, trim_span};

/// Longest line still read as a heading when it has no sentence punctuation.
const MAX_HEADING_CHARS: usize = 120;
/// How many leading paragraphs may hold the document's date line.
const DATE_LINE_WINDOW: usize = 10;

/// Lines longer than this (in bytes) are read as prose without a copy: far longer than any
/// heading, date line or notes title.
const LONG_LINE_BYTES: usize = 4096;

pub fn read(name: String, original: String, offset: usize) -> Document {
    let text = original[offset..].to_owned();
    let mut document = empty_document(name, InputFormat::Text, String::new());
    document.source_map = SourceMap::identity(original, offset, text.len());
    document.text = text;

    let mut lines = split_lines(&document.text);
    suppressions(&mut document, &mut lines);
    document.aim_suppressions();
    let mut reader = Reader {
        document: &mut document,
        in_notes: false,
        paragraphs_seen: 0,
        literal_after: None,
        bodiless_note: None,
    };
    for paragraph in lines.split(|line| line.is_empty()) {
        if !paragraph.is_empty() {
            reader.paragraph(paragraph);
        }
    }
    markers::find_inline(&mut document);
    // Notes that nothing in the text marks are a list of references or remarks ("Notes:" and
    // numbered points, a numbered bibliography cited by its links), not notes left unused.
    if document.footnote_refs.is_empty() {
        let labels: Vec<String> = document.footnote_defs.iter().map(|d| d.label.clone()).collect();
        document.cited_elsewhere.extend(labels);
    }
    sentences::split(&mut document);
    document.finish_ignored();
    document
}

/// Lines `claimlint: disable-next-line RULE -- reason` are suppressions, not prose: they are
/// recorded and then read as blank lines.
fn suppressions(document: &mut Document, lines: &mut [Span]) {
    for line in lines.iter_mut() {
        let text = document.slice(*line);
        let Some(rest) = text.strip_prefix("claimlint:") else {
            continue;
        };
        let rest = rest.trim_start();
        let original = document.source_map.original_span(*line);
        let line_number = document.source_map.position(*line).line;
        // "claimlint: disable-next-line …" reads as the comment "claimlint-disable-next-line …".
        let (directive, body) = crate::document::Suppression::comment_directive(&format!("claimlint-{rest}"))
            .map(|(directive, body)| (directive, body.to_owned()))
            .unwrap_or((crate::document::Directive::NextLine, rest.to_owned()));
        let mut suppression = crate::document::Suppression::parse(&body, original, line_number);
        suppression.directive = directive;
        document.suppressions.push(suppression);
        *line = Span::new(line.start, line.start);
    }
}

/// Lines without their terminators, trimmed of surrounding whitespace; blank lines are empty.
fn split_lines(text: &str) -> Vec<Span> {
    let mut lines = Vec::new();
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len())) {
        lines.push(trim_span(text, Span::new(start, end)));
        start = end + 1;
    }
    lines
}

struct Reader<'a> {
    document: &'a mut Document,
    in_notes: bool,
    paragraphs_seen: usize,
    /// The indentation of the paragraph that announced a literal block (reStructuredText's
    /// `::`, a `.. code-block::` directive): the paragraphs after it indented deeper are code.
    literal_after: Option<usize>,
    /// A reStructuredText note (`.. [3]`) whose label stood alone: the paragraph after it (an
    /// example, often a literal block) is what it holds.
    bodiless_note: Option<usize>,
}

impl Reader<'_> {
    /// A note whose label stood alone holds the paragraph after it, unless that is a note.
    fn fill_bodiless_note(&mut self, lines: &[Span]) {
        if let (Some(definition), Some(first), Some(last)) =
            (self.bodiless_note.take(), lines.first(), lines.last())
            && note_label(self.document.slice(*first)).is_none()
        {
            self.document.footnote_defs[definition].span = Span::new(first.start, last.end);
        }
    }

    /// A title underlined (and perhaps overlined) at the start of a paragraph: the title, its
    /// underline and the lines after them.
    fn underlined_title<'l>(&self, lines: &'l [Span]) -> Option<(Span, Span, &'l [Span])> {
        match lines {
            [over, title, under, rest @ ..]
                if is_underline(self.document.slice(*over)) && is_underline(self.document.slice(*under)) =>
            {
                Some((*title, *under, rest))
            }
            [title, under, rest @ ..] if is_underline(self.document.slice(*under)) => {
                Some((*title, *under, rest))
            }
            _ => None,
        }
    }

    fn paragraph(&mut self, lines: &[Span]) {
        self.fill_bodiless_note(lines);
        // A literal block (code, a session, a program's output): indented deeper than the
        // paragraph that announced it with `::`. Its numbers are the code's, and `x[1]` is no
        // note marker.
        let depth = |line: Span| {
            let before = &self.document.text.as_bytes()[..line.start];
            before
                .iter()
                .rev()
                .take_while(|&&b| b == b' ' || b == b'\t')
                .count()
        };
        let indent = lines.iter().map(|&line| depth(line)).min().unwrap_or(0);
        if let Some(announced) = self.literal_after {
            if indent > announced {
                self.document.code_blocks += 1;
                return;
            }
            self.literal_after = None;
        }
        let last = self.document.slice(lines[lines.len() - 1]);
        if announces_literal(last) || self.document.slice(lines[0]).starts_with(".. code") {
            // In a list item the literal block is indented past the item's text, not its bullet
            // ("* A single argument::", the code, then "  This API is preferred [24]_." is the
            // item's prose again).
            let bullet = list_marker_len(self.document.slice(lines[0]).trim_start()).unwrap_or(0);
            self.literal_after = Some(depth(lines[0]) + bullet);
        }
        // A numbered heading glued to the text around it (no blank line) stands on its own.
        if lines.len() > 1
            && let Some(split) = lines.iter().position(|&line| self.is_numbered_heading(line))
        {
            let (before, rest) = lines.split_at(split);
            if !before.is_empty() {
                self.paragraph(before);
            }
            self.paragraph(&rest[..1]);
            if rest.len() > 1 {
                self.paragraph(&rest[1..]);
            }
            return;
        }
        self.paragraphs_seen += 1;
        let first = lines[0];
        // Only the start of a long line is copied (a megabyte line is no heading, date line or
        // notes title; its list marker or note label is at its start).
        let line = self.document.slice(first);
        let long = line.len() > LONG_LINE_BYTES;
        let first_text =
            line[..crate::span::floor_char_boundary(line, LONG_LINE_BYTES.min(line.len()))].to_owned();
        if !long
            && lines.len() == 1
            && self.document.date.is_none()
            && self.paragraphs_seen <= DATE_LINE_WINDOW
        {
            self.document.date = parse_date_line(&first_text);
        }
        // `.. [3]` is a note wherever it stands (reStructuredText's own syntax).
        if (self.in_notes || first_text.starts_with(".. ["))
            && (note_label(&first_text).is_some() || auto_note_label(&first_text).is_some())
        {
            self.notes(lines);
            return;
        }
        // A notes title underlined (and perhaps overlined) with a row of `=`, `-`, `~` …
        // (Setext and reStructuredText): the title line alone is the heading. Other underlined
        // titles stay as they were read (a reStructuredText document's sections would need its
        // literal blocks and simple tables read too).
        // The notes may follow the title without a blank line.
        let title = self.underlined_title(lines);
        // Any other underlined title opens a section of prose: the notes have ended.
        if title.is_some_and(|(title, _, _)| !is_notes_heading(self.document.slice(title))) {
            self.in_notes = false;
        }
        if let Some((title, under, rest)) =
            title.filter(|(title, _, _)| !long && is_notes_heading(self.document.slice(*title)))
        {
            self.in_notes = true;
            let level = if self.document.slice(under).starts_with('=') {
                1
            } else {
                2
            };
            self.push(BlockKind::Heading { level }, title);
            if !rest.is_empty() {
                self.paragraph(rest);
            }
            return;
        }
        if !long && lines.len() == 1 {
            if is_notes_heading(&first_text) {
                self.in_notes = true;
                self.push(BlockKind::Heading { level: 2 }, first);
                return;
            }
            if let Some(level) = self.heading(first, &first_text) {
                self.in_notes = false;
                self.push(BlockKind::Heading { level }, Span::new(first.start, first.end));
                return;
            }
        }
        if list_marker_len(&first_text).is_some() {
            self.list(lines);
            return;
        }
        self.push(
            BlockKind::Paragraph,
            Span::new(first.start, lines[lines.len() - 1].end),
        );
    }

    fn is_numbered_heading(&self, line: Span) -> bool {
        let text = self.document.slice(line);
        text.chars().count() <= MAX_HEADING_CHARS
            && !text.ends_with(['.', ',', ';', ':'])
            && section_number(text).is_some()
    }

    /// A heading line's level, marking its section number as no figure.
    fn heading(&mut self, line: Span, text: &str) -> Option<u8> {
        if text.chars().count() > MAX_HEADING_CHARS {
            return None;
        }
        // "1. Initial revision, posted in 2017 [20]_." ends as a sentence does: a numbered
        // point, not a numbered heading.
        // (A contents line's dot leaders are no sentence's end.)
        // The line without a marker at its end ("… left.1", "… left.[2]", "Example: [2]_").
        let unmarked = text
            .trim_end_matches(|c: char| c.is_ascii_digit() || "[]_¹²³⁴⁵⁶⁷⁸⁹⁰".contains(c))
            .trim_end();
        let leaders = text.contains("....") || text.contains(". . .");
        let sentence_end =
            !leaders && (unmarked.ends_with(['.', ',', ';']) || text.ends_with(['.', ',', ';']));
        if let Some((number_len, depth)) = section_number(text).filter(|_| !sentence_end) {
            self.document
                .ignored
                .push(Span::new(line.start, line.start + number_len));
            return Some(depth.min(6));
        }
        // A bulleted line is a list item, whatever it ends with; a line opened with a dash is a
        // quotation's attribution ("-- Jim Fulton, before the 2.3 release [1]_").
        if BULLETS.iter().any(|bullet| text.starts_with(bullet))
            || text.starts_with(['—', '―'])
            || text.starts_with("--")
        {
            return None;
        }
        // A sentence with a glued marker ("… left.1", "… left.[2]", "… left.³") is prose, and
        // so is a line that ends with one after a colon ("Example: [2]_").
        let unmarked = unmarked.trim_end_matches(['’', '”', '"', '\'', ')']);
        let ends_like_prose =
            unmarked.ends_with(['.', ',', ';', ':', '!']) || text.ends_with(['.', ',', ';', ':', '!']);
        let starts_lower = text.chars().next().is_some_and(char::is_lowercase);
        if ends_like_prose || starts_lower {
            return None;
        }
        Some(if self.document.blocks.is_empty() { 1 } else { 2 })
    }

    fn notes(&mut self, lines: &[Span]) {
        let mut current: Option<(usize, Span)> = None;
        // Inside an auto-numbered note, whose lines are set aside with it.
        let mut skipping = false;
        for &line in lines {
            let text = self.document.slice(line).to_owned();
            if let Some(label_len) = auto_note_label(&text) {
                // `.. [#name]`, `.. [#]`, `.. [*]`: reStructuredText numbers (or marks) these as
                // it renders them, and claimlint does not follow that numbering; `.. [NAME]` is
                // a citation, cited by name. The note is set aside, neither defined nor read as
                // prose.
                self.finish_note(current.take());
                self.document
                    .ignored
                    .push(Span::new(line.start, line.start + label_len));
                skipping = true;
                continue;
            }
            if let Some((label, label_len)) = note_label(&text) {
                skipping = false;
                // reStructuredText numbers auto-numbered notes (`[#]_`, `[#name]_`) among the
                // written ones as it renders them: the written labels' order says nothing.
                if text.starts_with(".. [") {
                    self.document.notes_renumbered = true;
                }
                self.finish_note(current.take());
                let label_span = Span::new(line.start, line.start + label_len);
                self.document.ignored.push(label_span);
                let body = trim_span(&self.document.text, Span::new(label_span.end, line.end));
                let original = self.document.source_map.original_span(label_span);
                self.document.footnote_defs.push(FootnoteDef {
                    target: None,
                    label,
                    original,
                    span: body,
                });
                current = Some((self.document.footnote_defs.len() - 1, body));
            } else if let Some((_, body)) = current.as_mut() {
                body.end = line.end;
            } else if skipping {
                self.document.ignored.push(line);
            } else {
                self.push(BlockKind::Paragraph, line);
            }
        }
        self.finish_note(current);
    }

    fn finish_note(&mut self, note: Option<(usize, Span)>) {
        let Some((definition, body)) = note else { return };
        self.document.footnote_defs[definition].span = body;
        if body.is_empty() {
            self.bodiless_note = Some(definition);
        } else {
            self.push(BlockKind::Note { definition }, body);
        }
    }

    fn list(&mut self, lines: &[Span]) {
        let mut item: Option<Span> = None;
        for &line in lines {
            let text = self.document.slice(line);
            if let Some(marker) = list_marker_len(text) {
                if let Some(done) = item.take() {
                    self.push(BlockKind::ListItem, done);
                }
                self.document
                    .ignored
                    .push(Span::new(line.start, line.start + marker));
                item = Some(trim_span(
                    &self.document.text,
                    Span::new(line.start + marker, line.end),
                ));
            } else if let Some(open) = item.as_mut() {
                open.end = line.end;
            }
        }
        if let Some(done) = item {
            self.push(BlockKind::ListItem, done);
        }
    }

    fn push(&mut self, kind: BlockKind, span: Span) {
        if !span.is_empty() {
            let text = &self.document.text[span.range()];
            self.document.ignored.extend(
                inline_literals(text)
                    .map(|literal| Span::new(span.start + literal.start, span.start + literal.end)),
            );
            self.document.blocks.push(Block { kind, span });
        }
    }
}

/// The inline literals of a block, double backquotes included (``` ``f([1])`` ```), as reST
/// and Markdown write code in running text. What is in them is code, with no figures and no
/// markers; an opening pair with no closing one in the block sets nothing aside.
fn inline_literals(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let open = from + memchr::memmem::find(text.as_bytes().get(from..)?, b"``")?;
        let close = open + 2 + memchr::memmem::find(&text.as_bytes()[open + 2..], b"``")?;
        // A longer run of backquotes closes at its last pair.
        let end = close + 2 + text[close + 2..].bytes().take_while(|&b| b == b'`').count();
        from = end;
        Some(Span::new(open, end))
    })
}

/// A line that ends by announcing a literal block: `For example::`, or `::` alone (not a
/// directive such as `.. note::`; a `.. code-block::` paragraph is told by its first line).
fn announces_literal(line: &str) -> bool {
    let line = line.trim();
    line.ends_with("::") && !line.starts_with(".. ")
}

/// A row of one punctuation character that underlines a title: `=====`, `-----`, `~~~~~`.
fn is_underline(line: &str) -> bool {
    let line = line.trim_end();
    let mut chars = line.chars();
    let Some(first) = chars.next() else { return false };
    line.len() >= 3 && matches!(first, '=' | '-' | '~' | '^' | '*' | '#' | '+') && chars.all(|c| c == first)
}

/// "Notes", "Footnotes:", "Endnotes", "References" alone on a line.
fn is_notes_heading(line: &str) -> bool {
    let word = line.trim_start_matches('#').trim().trim_end_matches(':').trim();
    [
        "notes",
        "footnotes",
        "endnotes",
        "references",
        "notes and references",
        "footnotes and references",
        "references and notes",
        "references and footnotes",
        "sources",
    ]
    .iter()
    .any(|heading| word.eq_ignore_ascii_case(heading))
}

/// A note definition's label and the length of its prefix: `12 text`, `12. text`, `[12] text`,
/// and reStructuredText's `.. [12] text` (whose markers are `[12]_`).
/// The length of an auto-numbered or symbol note's label (`.. [#]`, `.. [#name]`, `.. [*]`) or
/// of a citation's (`.. [SFPATCH]`).
fn auto_note_label(line: &str) -> Option<usize> {
    let rest = line.strip_prefix(".. [")?;
    let close = rest.find(']')?;
    let inner = &rest[..close];
    let name = |name: &str| {
        name.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
    };
    // A citation's label is a name ("SFPATCH", "Smith2004"): it starts with a letter.
    let auto = inner == "*"
        || inner.strip_prefix('#').is_some_and(name)
        || (inner.starts_with(|c: char| c.is_alphabetic()) && name(inner));
    let after = 4 + close + 1;
    (auto && (line.len() == after || line[after..].starts_with(char::is_whitespace))).then_some(after)
}

fn note_label(line: &str) -> Option<(String, usize)> {
    let directive = if line.starts_with(".. [") { 3 } else { 0 };
    let (inner, after) = if let Some(rest) = line[directive..].strip_prefix('[') {
        let close = rest.find(']')?;
        (&rest[..close], directive + close + 2)
    } else {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        let dot = usize::from(line[digits..].starts_with(['.', ')']));
        (&line[..digits], digits + dot)
    };
    let valid = !inner.is_empty() && inner.len() <= 3 && inner.bytes().all(|b| b.is_ascii_digit());
    let followed_by_text = line[after..].starts_with(char::is_whitespace) || line.len() == after;
    (valid && followed_by_text).then(|| (inner.to_owned(), after))
}

/// A section number at the start of a heading line ("2.1 ", "3. ") and its depth.
///
/// "4 July 2021" and "2020 in review" are not numbered headings: the number must be followed
/// by a capitalised word that is not a month, and its parts must be small.
pub(crate) fn section_number(line: &str) -> Option<(usize, u8)> {
    let mut end = 0;
    let mut depth = 0u8;
    let bytes = line.as_bytes();
    loop {
        let digits = bytes[end..].iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 || digits > 2 {
            return None;
        }
        end += digits;
        depth += 1;
        if bytes.get(end) == Some(&b'.') {
            end += 1;
            if bytes.get(end).is_some_and(u8::is_ascii_digit) {
                continue;
            }
        }
        break;
    }
    let rest = &line[end..];
    let title = rest.trim_start();
    if title.len() == rest.len() {
        return None;
    }
    let first_word = title.split_whitespace().next().unwrap_or("");
    let capitalised = title
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || "“\"‘'".contains(c));
    // "3 CNY", "20 Euros", "40 GW": a figure with its unit, not a numbered heading.
    let unit = crate::lexicon::units::currency_code(first_word).is_some()
        || crate::lexicon::units::currency_name(first_word, None).is_some()
        || crate::lexicon::units::unit_word(first_word).is_some()
        || crate::lexicon::number_words::scale_word(first_word).is_some();
    let month = crate::calendar::month_number(first_word).is_some();
    (capitalised && !month && !unit).then_some((end, depth))
}

/// The length of a list marker ("- ", "* ", "• ", "1. ", "1) ", "(a) ") at the start of a line.
/// The bullets that open a list item.
const BULLETS: [&str; 6] = ["- ", "* ", "• ", "– ", "◦ ", "▪ "];

fn list_marker_len(line: &str) -> Option<usize> {
    for bullet in BULLETS {
        if line.starts_with(bullet) {
            return Some(bullet.len());
        }
    }
    let bytes = line.as_bytes();
    let open = usize::from(bytes.first() == Some(&b'('));
    let digits = bytes[open..].iter().take_while(|b| b.is_ascii_digit()).count();
    let letter = digits == 0 && bytes.get(open).is_some_and(u8::is_ascii_lowercase);
    let body = if letter { 1 } else { digits };
    if body == 0 || body > 2 {
        return None;
    }
    let close = bytes.get(open + body).copied();
    let valid = if open == 1 {
        close == Some(b')')
    } else {
        matches!(close, Some(b')' | b'.')) && !letter
    };
    let after = open + body + 1;
    (valid && bytes.get(after) == Some(&b' ')).then_some(after + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_numbers_are_not_dates() {
        assert_eq!(section_number("2.1 China’s footprint"), Some((3, 2)));
        assert_eq!(section_number("1. China is helping"), Some((2, 1)));
        assert_eq!(section_number("4 July 2021"), None);
        assert_eq!(section_number("2020 in review"), None);
    }

    #[test]
    fn note_labels() {
        assert_eq!(note_label("12 Some source"), Some(("12".to_owned(), 2)));
        assert_eq!(note_label("[3] Report"), Some(("3".to_owned(), 3)));
        assert_eq!(note_label("4. Report"), Some(("4".to_owned(), 2)));
        assert_eq!(note_label("2021 was"), None);
        assert_eq!(note_label("Report 4"), None);
        assert_eq!(
            note_label(".. [5] https://example.org/a"),
            Some(("5".to_owned(), 6))
        );
        assert_eq!(note_label(".. note:: text"), None);
    }

    #[test]
    fn list_markers() {
        assert_eq!(list_marker_len("- item"), Some(2));
        assert_eq!(list_marker_len("12) item"), Some(4));
        assert_eq!(list_marker_len("(a) item"), Some(4));
        assert_eq!(list_marker_len("2021. item"), None);
        assert_eq!(list_marker_len("a. item"), None);
    }
}
