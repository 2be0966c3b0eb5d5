//! DOCX: the `zip` archive's `word/document.xml`, `word/footnotes.xml` and `word/endnotes.xml`
//! read with `quick-xml`. Paragraphs (`w:p`, table cells included) become lines of an
//! extracted text per part, so a position is (part, paragraph number, character within it)
//! and byte offsets count into the part's extracted text. Tracked changes read as accepted:
//! insertions kept, deletions (`w:delText`) dropped. Headings come from paragraph styles;
//! `w:footnoteReference` and `w:endnoteReference` are markers; the date is docProps/core.xml's.
//!
//! Hostile archives are refused before they are inflated: more than `MAX_ENTRIES` entries, a
//! part over `MAX_PART_BYTES`, a total over `MAX_TOTAL_BYTES`, or a compression ratio over
//! `MAX_RATIO`; encrypted parts and corrupt archives are errors.

use std::path::Path;

use quick_xml::events::{BytesStart, Event};

use crate::calendar::parse_iso_date;
use crate::config::Limits;
use crate::document::{Block, BlockKind, Document, FootnoteDef, FootnoteRef, InputFormat, Part};
use crate::error::{Error, Result};
use crate::ingest::tables::{CellStart, Tables};
use crate::ingest::word_comments::{self, Anchor, Anchored};
use crate::ingest::{empty_document, sentences};
use crate::span::{SourceMap, Span, trim_span};

/// Most entries an archive may list.
pub const MAX_ENTRIES: usize = 10_000;
/// Largest inflated part read, in bytes.
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
/// Largest total inflated size of the parts read, in bytes.
pub const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;
/// Highest ratio of inflated to compressed size (zip bombs inflate by thousands).
pub const MAX_RATIO: u64 = 200;

/// The signature of an OLE compound file (encrypted Office documents, legacy `.doc`).
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn broken(path: &Path, message: impl Into<String>) -> Error {
    Error::DamagedDocx {
        path: path.to_path_buf(),
        reason: message.into(),
    }
}

/// Reads one part of the archive as text, within the limits; `None` when it is absent.
fn part(
    archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
    path: &Path,
    total: &mut u64,
    limits: &Limits,
) -> Result<Option<String>> {
    let zip_limits = crate::files::ZipLimits {
        part: limits.docx_part_bytes,
        total: limits.docx_total_bytes,
        ratio: limits.docx_ratio,
    };
    let Some(bytes) = crate::files::zip_entry(archive, name, total, zip_limits).map_err(|e| match e {
        crate::files::ZipEntryError::Encrypted => broken(path, "the document is encrypted"),
        crate::files::ZipEntryError::Refused(reason) => broken(path, reason),
    })?
    else {
        return Ok(None);
    };
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| broken(path, format!("{name} is not UTF-8")))
}

/// A paragraph with the note it belongs to (in footnotes and endnotes).
type NotedParagraph = (Option<String>, Paragraph);

/// One paragraph read from a part.
struct Paragraph {
    text: String,
    kind: BlockKind,
    /// Markers: (label, byte offset in `text`).
    markers: Vec<(String, usize)>,
    /// Table structure met since the previous paragraph, replayed when the text is laid out.
    tables: Vec<TableEvent>,
    /// A table-of-contents entry: its text is dropped.
    skip: bool,
}

/// Table structure as read from a part (positions in the text are known only later).
#[derive(Debug, Clone, Copy)]
enum TableEvent {
    Table,
    Row { head: bool },
    Cell(CellStart),
    EndCell,
    EndTable,
}

/// An open `w:tbl` while reading a part.
struct OpenTable {
    /// `w:tblLook` asks for a first-row look: the first row is a header row.
    first_row_header: bool,
    rows: usize,
}

/// Reads a DOCX package within `limits`, refusing a hostile archive before inflating it.
pub fn read(name: String, bytes: &[u8], path: &Path, limits: &Limits) -> Result<Document> {
    // Word saves a password-protected document as an OLE compound file, not a zip.
    if bytes.starts_with(&OLE_MAGIC) {
        return Err(broken(
            path,
            "an encrypted (password-protected) or legacy .doc Office file; save it as a .docx without a password",
        ));
    }
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| broken(path, e.to_string()))?;
    if archive.len() > limits.docx_entries {
        return Err(broken(
            path,
            format!(
                "{} entries, over the limit of {}",
                archive.len(),
                limits.docx_entries
            ),
        ));
    }
    // Two entries of one name: a reader keeps one of them, another reader the other, so what
    // claimlint checks might not be what Word shows. The archive's index holds each name once;
    // its end record counts every entry.
    if let Some(entries) = central_directory_entries(bytes)
        && entries > archive.len()
    {
        return Err(broken(
            path,
            format!(
                "{} of its entries repeat the name of another (a crafted or damaged archive)",
                entries - archive.len()
            ),
        ));
    }
    let mut total = 0;
    let core_xml = part(&mut archive, "docProps/core.xml", path, &mut total, limits)?;
    let comments = match part(&mut archive, "word/comments.xml", path, &mut total, limits)? {
        Some(xml) => word_comments::comment_texts(&xml, path)?,
        None => std::collections::HashMap::new(),
    };
    let mut document = empty_document(name, InputFormat::Docx, String::new());
    // Word numbers footnotes and endnotes as it shows them; `w:id` is no number a reader sees.
    document.notes_renumbered = true;
    // The extracted text, one paragraph a line, part after part: the "original" positions refer
    // to.
    let mut layout = Layout {
        original: String::new(),
        map: SourceMap::default(),
        tables: Tables::new(limits.table_cells),
    };
    let mut parts = Vec::new();
    let mut first_line = 1;
    // Each part is read and laid out paragraph by paragraph, and its XML dropped before the
    // next is inflated: two parts of 60 MiB are never held at once, nor a part's paragraphs.
    for (entry, part_name, notes, root) in [
        ("word/document.xml", "document", None, "document"),
        ("word/footnotes.xml", "footnotes", Some("footnote"), "footnotes"),
        ("word/endnotes.xml", "endnotes", Some("endnote"), "endnotes"),
    ] {
        let Some(xml) = part(&mut archive, entry, path, &mut total, limits)? else {
            if parts.is_empty() {
                return Err(broken(path, "no word/document.xml"));
            }
            continue;
        };
        parts.push(Part {
            name: part_name,
            start: layout.original.len(),
            first_line,
        });
        let mut part_layout = PartLayout::new(
            &mut layout,
            &mut document,
            part_name,
            word_comments::any_directive(&comments),
        );
        let anchors = paragraphs(&xml, path, notes, root, &mut part_layout)?;
        drop(xml);
        first_line += part_layout.finish(&anchors, &comments);
    }
    let Layout {
        mut original, map, ..
    } = layout;
    // Both grew by doubling, paragraph by paragraph; give back what they never used.
    original.shrink_to_fit();
    document.text.shrink_to_fit();
    let map = map.with_original(original);
    document.source_map = map;
    document.parts = parts;
    document.date = core_xml.as_deref().and_then(core_date);
    document.footnote_refs.sort_by_key(|r| r.span);
    number_as_word_shows(&mut document);
    sentences::split(&mut document);
    document.finish_ignored();
    Ok(document)
}

/// The text and original of a DOCX as its parts are laid out, one after another.
struct Layout {
    /// One paragraph a line, part after part.
    original: String,
    map: SourceMap,
    tables: Tables,
}

/// One part being laid out, paragraph by paragraph as its reader closes them: a line of the
/// original each, a block of the text each that holds any.
struct PartLayout<'a> {
    layout: &'a mut Layout,
    document: &'a mut Document,
    part_name: &'static str,
    /// The note being laid out: its label, its definition, where its text starts.
    current_note: Option<(String, usize, usize)>,
    /// Paragraphs laid out.
    count: usize,
    /// Each paragraph's line in the original, kept only when a Word comment is a directive
    /// that may need it (a line of the original is a paragraph's whole cost otherwise).
    paragraph_spans: Option<Vec<Span>>,
}

impl<'a> PartLayout<'a> {
    fn new(
        layout: &'a mut Layout,
        document: &'a mut Document,
        part_name: &'static str,
        directives: bool,
    ) -> Self {
        Self {
            layout,
            document,
            part_name,
            current_note: None,
            count: 0,
            paragraph_spans: directives.then(Vec::new),
        }
    }

    /// Lays out one paragraph, in the order the part's paragraphs open.
    fn paragraph(&mut self, note: Option<String>, paragraph: Paragraph) {
        let Layout {
            original,
            map,
            tables,
        } = &mut *self.layout;
        let document = &mut *self.document;
        for event in &paragraph.tables {
            replay(tables, document, *event);
        }
        let line_start = original.len();
        // One paragraph, one line.
        for (i, piece) in paragraph.text.split('\n').enumerate() {
            if i > 0 {
                original.push(' ');
            }
            original.push_str(piece);
        }
        original.push('\n');
        self.count += 1;
        if let Some(spans) = &mut self.paragraph_spans {
            spans.push(Span::new(line_start, line_start + paragraph.text.len()));
        }
        if self.part_name != "document"
            && note.as_ref() != self.current_note.as_ref().map(|(label, _, _)| label)
        {
            finish_note(document, self.current_note.take().as_ref());
            if let Some(label) = note {
                document.footnote_defs.push(FootnoteDef {
                    target: None,
                    label: label.clone(),
                    original: Span::new(line_start, line_start),
                    span: Span::default(),
                });
                self.current_note = Some((label, document.footnote_defs.len() - 1, document.text.len() + 2));
            }
        }
        // A paragraph of a cell past the document's limit is left out, markers and all.
        if tables.skipping() {
            return;
        }
        for (label, at) in paragraph.markers {
            let text_at = document.text.len() + if document.text.is_empty() { 0 } else { 2 } + at;
            document.footnote_refs.push(FootnoteRef {
                target: None,
                label,
                span: Span::new(text_at, text_at),
                original: Span::new(line_start + at, line_start + at),
            });
        }
        if paragraph.text.trim().is_empty() {
            return;
        }
        if !document.text.is_empty() {
            document.text.push_str("\n\n");
        }
        let start = document.text.len();
        document.text.push_str(&paragraph.text);
        map.push(start, paragraph.text.len(), line_start, paragraph.text.len());
        let kind = match (&self.current_note, tables.current_cell()) {
            (Some((_, definition, _)), _) => BlockKind::Note {
                definition: *definition,
            },
            (None, Some(cell)) => BlockKind::TableCell { cell },
            (None, None) => paragraph.kind,
        };
        let span = trim_span(&document.text, Span::new(start, document.text.len()));
        if let BlockKind::Heading { .. } = kind
            && let Some((number_len, _)) = crate::ingest::text::section_number(document.slice(span))
        {
            document
                .ignored
                .push(Span::new(span.start, span.start + number_len));
        }
        document.blocks.push(Block { kind, span });
    }

    /// Ends the part: its last note and tables closed, its comments' suppressions read. Returns
    /// the number of paragraphs (lines of the original) it laid out.
    fn finish(mut self, anchors: &[Anchored], comments: &std::collections::HashMap<String, String>) -> usize {
        finish_note(self.document, self.current_note.take().as_ref());
        self.layout.tables.finish(self.document);
        if let Some(spans) = &self.paragraph_spans {
            self.document.suppressions.extend(word_comments::suppressions(
                comments,
                anchors,
                self.part_name,
                spans,
            ));
        }
        self.count
    }
}

/// Labels notes as Word shows them: footnotes 1, 2, 3 … and endnotes i, ii, iii … in the order
/// their markers first appear, whatever their `w:id`. Markers and notes keep the id as the key
/// that matches them.
fn number_as_word_shows(document: &mut Document) {
    let mut shown: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    let (mut footnotes, mut endnotes) = (0usize, 0usize);
    for marker in &mut document.footnote_refs {
        let id = marker.label.clone();
        let label = shown
            .entry(id.clone())
            .or_insert_with(|| {
                if id.starts_with('e') {
                    endnotes += 1;
                    roman(endnotes)
                } else {
                    footnotes += 1;
                    footnotes.to_string()
                }
            })
            .clone();
        marker.target = Some(id);
        marker.label = label;
    }
    for note in &mut document.footnote_defs {
        let id = note.label.clone();
        if let Some(label) = shown.get(&id) {
            note.label.clone_from(label);
        }
        note.target = Some(id);
    }
}

/// Lower-case roman numerals, as Word numbers endnotes by default.
fn roman(mut n: usize) -> String {
    const NUMERALS: [(usize, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

/// Feeds one table event of a part to the document's tables.
fn replay(tables: &mut Tables, document: &mut Document, event: TableEvent) {
    let (cells, text) = (&mut document.table_cells, &document.text);
    match event {
        TableEvent::Table => tables.open_table(),
        TableEvent::Row { head } => tables.open_row(cells, text, head),
        TableEvent::Cell(start) => {
            tables.open_cell(cells, text, start);
        }
        TableEvent::EndCell => tables.close_cell(cells, text),
        TableEvent::EndTable => tables.close_table(cells, text),
    }
}

fn finish_note(document: &mut Document, note: Option<&(String, usize, usize)>) {
    let Some(&(_, definition, start)) = note else {
        return;
    };
    let end = document.text.len();
    document.footnote_defs[definition].span = trim_span(&document.text, Span::new(start.min(end), end));
}

/// An attribute's value, its character references decoded (`w:val="Heading&#49;"`).
pub(crate) fn attribute(element: &BytesStart<'_>, name: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name.as_bytes())
        .map(|a| crate::ingest::entities::decode_entities(&String::from_utf8_lossy(&a.value)))
}

/// The state of reading one part.
struct PartReader<'p> {
    path: &'p Path,
    /// "footnote" or "endnote" in those parts.
    notes: Option<&'p str>,
    /// Paragraphs not yet laid out, in the order they open (a text box's paragraphs come after
    /// the one holding it, which goes on after them); each has its slot from its start. They are
    /// handed on whenever no paragraph is open.
    out: Vec<NotedParagraph>,
    /// Paragraphs of the part handed on before `out[0]`.
    handed_on: usize,
    /// Open paragraphs (indices into `out`), innermost last.
    open_paragraphs: Vec<usize>,
    note: Option<String>,
    in_text: bool,
    skip_text: usize,
    /// Table events not yet given to a paragraph.
    pending: Vec<TableEvent>,
    /// Word comments anchored in the part.
    anchors: Vec<Anchored>,
    tables: Vec<OpenTable>,
}

impl PartReader<'_> {
    #[expect(
        clippy::too_many_lines,
        reason = "one arm per WordprocessingML element, as a table"
    )]
    fn open(&mut self, element: &BytesStart<'_>, empty: bool) {
        let name = element.local_name();
        match name.as_ref() {
            b"p" => {
                let note = self.note.clone().filter(|_| self.notes.is_some());
                let paragraph = Paragraph {
                    text: String::new(),
                    kind: BlockKind::Paragraph,
                    markers: Vec::new(),
                    tables: std::mem::take(&mut self.pending),
                    skip: false,
                };
                self.open_paragraphs.push(self.out.len());
                self.out.push((note, paragraph));
                if empty {
                    self.close_paragraph();
                }
            }
            b"pStyle" => {
                if let (Some(paragraph), Some(style)) = (self.current(), attribute(element, "val")) {
                    if style.to_ascii_lowercase().starts_with("toc") {
                        // A table of contents: titles and page numbers, not prose.
                        paragraph.kind = BlockKind::Heading { level: 9 };
                        paragraph.text.clear();
                        paragraph.skip = true;
                    } else if let Some(level) = heading_level(&style) {
                        paragraph.kind = BlockKind::Heading { level };
                    } else if style.to_ascii_lowercase().contains("list")
                        && paragraph.kind == BlockKind::Paragraph
                    {
                        paragraph.kind = BlockKind::ListItem;
                    }
                }
            }
            b"t" if !empty => self.in_text = true,
            b"delText" | b"instrText" if !empty => self.skip_text += 1,
            b"tab" => self.push_text("\t"),
            b"br" | b"cr" => self.push_text(" "),
            b"tbl" if !empty => {
                self.tables.push(OpenTable {
                    first_row_header: false,
                    rows: 0,
                });
                self.pending.push(TableEvent::Table);
            }
            b"commentRangeStart" | b"commentRangeEnd" | b"commentReference" => {
                let anchor = match name.as_ref() {
                    b"commentRangeStart" => Anchor::Start,
                    b"commentRangeEnd" => Anchor::End,
                    _ => Anchor::Reference,
                };
                // The open paragraph, or else the next.
                let paragraph =
                    self.handed_on + self.open_paragraphs.last().copied().unwrap_or(self.out.len());
                if let Some(id) = attribute(element, "id") {
                    self.anchors.push((id, anchor, paragraph));
                }
            }
            b"tblLook" => {
                // `w:firstRow="1"`, or bit 0x0020 of the older `w:val` mask.
                let first_row = attribute(element, "firstRow").map_or_else(
                    || {
                        attribute(element, "val")
                            .and_then(|v| u32::from_str_radix(&v, 16).ok())
                            .is_some_and(|mask| mask & 0x0020 != 0)
                    },
                    |v| v == "1" || v == "true" || v == "on",
                );
                if let Some(table) = self.tables.last_mut() {
                    table.first_row_header = first_row;
                }
            }
            b"tr" if !empty => {
                let head = self.tables.last_mut().is_some_and(|table| {
                    table.rows += 1;
                    table.rows == 1 && table.first_row_header
                });
                self.pending.push(TableEvent::Row { head });
            }
            b"tblHeader" => {
                let on = attribute(element, "val").is_none_or(|v| v != "0" && v != "false" && v != "off");
                if let Some(TableEvent::Row { head }) = self
                    .pending
                    .iter_mut()
                    .rev()
                    .find(|e| matches!(e, TableEvent::Row { .. }))
                {
                    *head = *head || on;
                }
            }
            b"tc" if !empty => self.pending.push(TableEvent::Cell(CellStart::new(false))),
            b"gridSpan" | b"vMerge" => {
                let value = attribute(element, "val");
                if let Some(TableEvent::Cell(start)) = self.pending.last_mut() {
                    if name.as_ref() == b"gridSpan" {
                        start.colspan = value.and_then(|v| v.parse().ok()).unwrap_or(1);
                    } else {
                        start.continues_above = value.as_deref() != Some("restart");
                    }
                }
            }
            b"footnoteReference" | b"endnoteReference" => {
                let prefix = if name.as_ref() == b"endnoteReference" {
                    "e"
                } else {
                    ""
                };
                if let (Some(id), Some(paragraph)) = (attribute(element, "id"), self.current()) {
                    let at = paragraph.text.len();
                    paragraph.markers.push((format!("{prefix}{id}"), at));
                }
            }
            b"footnote" | b"endnote" => {
                let separator = attribute(element, "type")
                    .is_some_and(|t| t.contains("eparator") || t == "continuationNotice");
                let prefix = if self.notes == Some("endnote") { "e" } else { "" };
                self.note = if separator {
                    None
                } else {
                    attribute(element, "id").map(|id| format!("{prefix}{id}"))
                };
            }
            _ => {}
        }
    }

    fn close(&mut self, name: &[u8]) {
        match name {
            b"p" => self.close_paragraph(),
            b"t" => self.in_text = false,
            b"delText" | b"instrText" => self.skip_text = self.skip_text.saturating_sub(1),
            b"tc" => self.pending.push(TableEvent::EndCell),
            b"tbl" => {
                self.tables.pop();
                self.pending.push(TableEvent::EndTable);
            }
            b"footnote" | b"endnote" => self.note = None,
            _ => {}
        }
    }

    /// The innermost open paragraph.
    fn current(&mut self) -> Option<&mut Paragraph> {
        let at = *self.open_paragraphs.last()?;
        self.out.get_mut(at).map(|(_, paragraph)| paragraph)
    }

    fn push_text(&mut self, text: &str) {
        if let Some(paragraph) = self.current().filter(|p| !p.skip) {
            paragraph.text.push_str(text);
        }
    }

    fn close_paragraph(&mut self) {
        if let Some(at) = self.open_paragraphs.pop() {
            let paragraph = &mut self.out[at].1;
            if paragraph.skip {
                paragraph.text.clear();
                paragraph.markers.clear();
            }
        }
    }

    /// Lays out the paragraphs read so far once none is open (a text box's paragraphs wait for
    /// the one holding them, which comes before them).
    fn hand_on(&mut self, layout: &mut PartLayout<'_>) {
        if !self.open_paragraphs.is_empty() {
            return;
        }
        self.handed_on += self.out.len();
        for (note, paragraph) in self.out.drain(..) {
            layout.paragraph(note, paragraph);
        }
    }

    fn text(&mut self, raw: &str) {
        if self.in_text && self.skip_text == 0 {
            self.push_text(&crate::ingest::entities::decode_entities(raw));
        }
    }
}

/// The number of entries the archive's end record counts (`None` when it cannot be read, or for
/// ZIP64 archives, whose count lives elsewhere).
fn central_directory_entries(bytes: &[u8]) -> Option<usize> {
    const END: [u8; 4] = [0x50, 0x4b, 0x05, 0x06];
    // The record is 22 bytes plus a comment of at most 65,535.
    let from = bytes.len().saturating_sub(22 + 65_535);
    let at = bytes[from..].windows(4).rposition(|w| w == END)? + from;
    let record = bytes.get(at..at + 22)?;
    let total = u16::from_le_bytes([record[10], record[11]]);
    (total != u16::MAX).then_some(usize::from(total))
}

/// Reads the paragraphs of one part into `layout` as they close, and returns the Word comments
/// anchored in it. The root element must be `root` (`w:document`, `w:footnotes`): a part that
/// is no XML, or other XML, is an error, not an empty document.
fn paragraphs(
    xml: &str,
    path: &Path,
    notes: Option<&str>,
    root: &str,
    layout: &mut PartLayout<'_>,
) -> Result<Vec<Anchored>> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut state = PartReader {
        path,
        notes,
        out: Vec::new(),
        handed_on: 0,
        open_paragraphs: Vec::new(),
        note: None,
        in_text: false,
        skip_text: 0,
        pending: Vec::new(),
        anchors: Vec::new(),
        tables: Vec::new(),
    };
    let mut fallback = 0usize;
    let mut rooted = false;
    loop {
        let event = reader.read_event().map_err(|e| {
            let at = usize::try_from(reader.error_position()).unwrap_or(0);
            malformed(xml, at, state.path, e.to_string())
        })?;
        if !rooted {
            let at = usize::try_from(reader.buffer_position()).unwrap_or(0);
            rooted = is_root(&event, root, xml, at, path)?;
        }
        // `mc:Fallback` repeats an `mc:Choice` (a text box, a drawing) for older readers.
        let fallback_name = |name: &[u8]| name == b"Fallback";
        match &event {
            Event::Start(element) if fallback_name(element.local_name().as_ref()) => {
                fallback += 1;
                continue;
            }
            Event::End(element) if fallback > 0 && fallback_name(element.local_name().as_ref()) => {
                fallback -= 1;
                continue;
            }
            Event::Eof => {}
            _ if fallback > 0 => continue,
            _ => {}
        }
        match event {
            Event::Start(element) => state.open(&element, false),
            Event::Empty(element) => {
                state.open(&element, true);
                state.hand_on(layout);
            }
            Event::End(element) => {
                state.close(element.local_name().as_ref());
                state.hand_on(layout);
            }
            Event::Text(text) => {
                let raw = text.decode().map_err(|e| broken(path, e.to_string()))?;
                state.text(&raw);
            }
            Event::GeneralRef(reference) => {
                let raw = reference.decode().map_err(|e| broken(path, e.to_string()))?;
                state.text(&format!("&{raw};"));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    while !state.open_paragraphs.is_empty() {
        state.close_paragraph();
    }
    if !state.pending.is_empty() {
        // Table ends after the last paragraph travel on an empty one.
        state.out.push((
            None,
            Paragraph {
                text: String::new(),
                kind: BlockKind::Paragraph,
                markers: Vec::new(),
                tables: std::mem::take(&mut state.pending),
                skip: false,
            },
        ));
    }
    state.hand_on(layout);
    Ok(state.anchors)
}

/// Whether `event`, before the part's root element, opens the root `root`: the root is `Ok(true)`,
/// whitespace and declarations `Ok(false)`; another element, text, or the end of a part that
/// holds none is an error (a part that is no XML, or other XML).
fn is_root(event: &Event<'_>, root: &str, xml: &str, at: usize, path: &Path) -> Result<bool> {
    match event {
        Event::Start(element) | Event::Empty(element) => {
            if element.local_name().as_ref() == root.as_bytes() {
                Ok(true)
            } else {
                let found = String::from_utf8_lossy(element.name().as_ref()).into_owned();
                Err(malformed(
                    xml,
                    at,
                    path,
                    format!("expected the part's root `w:{root}`, found `{found}`"),
                ))
            }
        }
        Event::Text(text) if !text.iter().all(u8::is_ascii_whitespace) => Err(malformed(
            xml,
            at,
            path,
            format!("text before the part's root `w:{root}`: this part is not XML"),
        )),
        Event::Eof => Err(malformed(
            xml,
            xml.len(),
            path,
            format!("no root element `w:{root}`: this part is not XML"),
        )),
        _ => Ok(false),
    }
}

/// A part that is not well-formed XML: its line and column.
pub(super) fn malformed(xml: &str, at: usize, path: &Path, message: String) -> Error {
    let (line, column) = crate::span::line_column(xml, at);
    Error::Malformed {
        path: path.to_path_buf(),
        line,
        column,
        message,
    }
}

/// The heading level of a paragraph style: "Heading1" … "Heading9", "Title".
fn heading_level(style: &str) -> Option<u8> {
    let lower = style.to_ascii_lowercase();
    if lower == "title" {
        return Some(1);
    }
    let digits = lower.strip_prefix("heading")?;
    digits.trim().parse::<u8>().ok().map(|level| level.clamp(1, 6))
}

/// `dcterms:created` (or `modified`) of docProps/core.xml.
fn core_date(xml: &str) -> Option<crate::document::Date> {
    for tag in ["dcterms:created", "dcterms:modified"] {
        let start = xml.find(&format!("<{tag}"))?;
        let content = &xml[start..];
        let open_end = content.find('>')? + 1;
        let close = content.find(&format!("</{tag}>"))?;
        if let Some(date) = parse_iso_date(content[open_end..close].trim()) {
            return Some(date);
        }
    }
    None
}
