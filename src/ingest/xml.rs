//! XML articles: JATS (journal articles) and DocBook, on `quick-xml` with byte offsets from
//! the reader's position, so every character of text maps back to the file. Entities declared
//! in a DOCTYPE are never expanded and nothing external is fetched; nesting deeper than
//! `MAX_DEPTH` and malformed markup are errors with their line and column.
//!
//! JATS: `sec`/`title`, `p`, `list-item`, table cells, `caption`, `disp-quote`; `xref` with
//! `ref-type` `bibr`, `fn` or `table-fn` are markers labelled by their `rid`; `fn` and `ref`
//! are definitions labelled by their `id`; the front matter is skipped except the article
//! title and `pub-date` (the document date). DocBook: `section`/`title`, `para`, `listitem`,
//! `entry`, `blockquote`; an inline `footnote` is a marker where it stands and a definition
//! (read after the text); `footnoteref` and `xref` to a bibliography entry are markers;
//! program listings are skipped; `pubdate` or `date` in the info is the document date.

use quick_xml::events::{BytesStart, Event};

use crate::calendar::{parse_date_line, parse_iso_date, valid_date};
use crate::document::{Block, BlockKind, Date, Document, FootnoteDef, FootnoteRef, InputFormat, Suppression};
use crate::error::{Error, Result};
use crate::ingest::entities::{append_decoded, decode_entities};
use crate::ingest::tables::{CellStart, Tables};
use crate::ingest::{empty_document, sentences};
use crate::span::{SourceMap, Span};

/// Deepest element nesting read; deeper input is refused (a hostile file can nest without end).
pub const MAX_DEPTH: usize = 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Jats,
    DocBook,
}

/// What an element is to the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Role {
    /// Its content is not prose.
    Skip,
    Heading,
    Paragraph,
    Item,
    Cell,
    Quote,
    /// A footnote or reference definition with this label.
    Definition(String),
    /// A marker with this label; its own text is not prose.
    Marker(String),
    /// DocBook's inline footnote: a marker here and a definition read after the text.
    InlineNote(String),
    /// The front matter or info block: only the title and dates are read.
    Front,
    /// Everything else: its text flows into the enclosing block.
    Inline,
    /// A section: headings inside it go one level deeper.
    Section,
}

fn attribute(element: &BytesStart<'_>, name: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name.as_bytes())
        .map(|a| decode_entities(&String::from_utf8_lossy(&a.value)))
}

fn role(dialect: Dialect, name: &str, element: &BytesStart<'_>, footnotes: &mut usize) -> Role {
    match dialect {
        Dialect::Jats => match name {
            "front" => Role::Front,
            "sec" | "app" | "boxed-text" | "ack" => Role::Section,
            "title" | "article-title" => Role::Heading,
            "p" => Role::Paragraph,
            "list-item" | "def-item" => Role::Item,
            "td" | "th" => Role::Cell,
            "disp-quote" => Role::Quote,
            "caption" => Role::Paragraph,
            // Notes about the authors and the work (contributions, competing interests, ethics
            // approvals, funding), which no marker cites: not the article's notes, nor prose.
            "fn-group" if attribute(element, "content-type").is_some_and(|kind| is_author_notes(&kind)) => {
                Role::Skip
            }
            "fn" if attribute(element, "fn-type").is_some_and(|kind| is_author_notes(&kind)) => Role::Skip,
            "fn" | "ref" => Role::Definition(attribute(element, "id").unwrap_or_default()),
            "xref" => match attribute(element, "ref-type").as_deref() {
                Some("bibr" | "fn" | "table-fn") => {
                    Role::Marker(attribute(element, "rid").unwrap_or_default())
                }
                _ => Role::Inline,
            },
            // Superscripts are exponents ("10<sup>−3</sup>"); notes are `xref`s.
            "label" | "object-id" | "math" | "tex-math" | "inline-formula" | "disp-formula" | "graphic"
            | "media" | "alternatives" | "sub-article-id" | "sup" => Role::Skip,
            _ => Role::Inline,
        },
        Dialect::DocBook => match name {
            "info" | "articleinfo" | "bookinfo" | "chapterinfo" | "sectioninfo" => Role::Front,
            "section" | "sect1" | "sect2" | "sect3" | "sect4" | "sect5" | "chapter" | "appendix"
            | "preface" | "simplesect" => Role::Section,
            "title" => Role::Heading,
            "para" | "simpara" | "formalpara" | "caption" | "remark" => Role::Paragraph,
            "listitem" | "member" => Role::Item,
            "entry" | "td" | "th" => Role::Cell,
            "blockquote" | "epigraph" => Role::Quote,
            "footnote" => {
                *footnotes += 1;
                Role::InlineNote(attribute(element, "id").unwrap_or_else(|| footnotes.to_string()))
            }
            "footnoteref" => Role::Marker(attribute(element, "linkend").unwrap_or_default()),
            "xref" | "citation" => Role::Marker(format!(
                "xref:{}",
                attribute(element, "linkend").unwrap_or_default()
            )),
            "biblioentry" | "bibliomixed" => Role::Definition(
                attribute(element, "id")
                    .or_else(|| attribute(element, "xml:id"))
                    .unwrap_or_default(),
            ),
            "programlisting" | "screen" | "synopsis" | "literallayout" | "funcsynopsis" | "cmdsynopsis"
            | "mediaobject" | "imageobject" | "indexterm" | "abbrev" => Role::Skip,
            _ => Role::Inline,
        },
    }
}

/// A JATS `fn-type` or `fn-group` `content-type` of notes about the authors and the work.
fn is_author_notes(kind: &str) -> bool {
    let kind = kind.to_ascii_lowercase();
    [
        "con",
        "conflict",
        "coi-statement",
        "financial-disclosure",
        "supported-by",
        "present-address",
        "deceased",
        "equal",
        "corresp",
        "current-aff",
        "author-contribution",
        "competing-interest",
        "ethics-information",
        "author-information",
        "funding-information",
        "data-availability",
    ]
    .iter()
    .any(|notes| kind == *notes || kind.starts_with(notes))
}

/// Most CALS column names kept per table group (entries look names up among them).
const MAX_COLSPECS: usize = 1024;

/// Elements of table structure (HTML-like and CALS), which `Reader::table_start` reads.
fn is_table_element(name: &str) -> bool {
    matches!(
        name,
        "table"
            | "informaltable"
            | "tgroup"
            | "entrytbl"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "row"
            | "colspec"
            | "td"
            | "th"
            | "entry"
    )
}

/// A DocBook inline note: its label, the element's place, and the source ranges of its text.
type InlineNote = (String, Span, Vec<(usize, usize)>);

struct Open {
    name: String,
    role: Role,
    /// The element opened a table, row, cell or header section, which its end closes.
    table: bool,
}

struct Reader<'a> {
    /// The deepest nesting allowed (`Limits::xml_depth`).
    max_depth: usize,
    dialect: Dialect,
    source: &'a str,
    offset: usize,
    document: Document,
    map: SourceMap,
    stack: Vec<Open>,
    open: Option<(BlockKind, usize)>,
    /// Definitions being read: index into `footnote_defs` and the text start.
    definitions: Vec<(usize, usize)>,
    /// DocBook inline notes: their label and text pieces (raw source text, original offset).
    inline_notes: Vec<InlineNote>,
    /// The inline note being read (index into `inline_notes`).
    in_inline_note: Option<usize>,
    /// xref markers of DocBook, kept only when their target is a bibliography entry.
    pending_xrefs: Vec<FootnoteRef>,
    footnotes: usize,
    /// Date parts read from a JATS `pub-date`.
    date_parts: (Option<i32>, Option<u8>, Option<u8>),
    date_field: Option<&'static str>,
    tables: Tables,
    /// CALS column names of each open table group: (name, column).
    colspecs: Vec<Vec<(String, usize)>>,
}

/// Reads a JATS or DocBook document within `limits` (how deep elements may nest, how many
/// table cells are read).
pub fn read(
    name: String,
    original: String,
    offset: usize,
    dialect: Dialect,
    limits: &crate::config::Limits,
) -> Result<Document> {
    // quick-xml skips a byte order mark without counting it; skip it here so positions agree
    // (a UTF-16 file may carry a second mark after the one its decoding consumed).
    let offset = if original[offset..].starts_with('\u{feff}') {
        offset + '\u{feff}'.len_utf8()
    } else {
        offset
    };
    let source = &original[offset..];
    let format = match dialect {
        Dialect::Jats => InputFormat::Jats,
        Dialect::DocBook => InputFormat::DocBook,
    };
    let mut reader = Reader {
        dialect,
        source,
        offset,
        max_depth: limits.xml_depth,
        document: empty_document(name, format, String::new()),
        // The original is read in place and handed to the map at the end (held once).
        map: SourceMap::lines_of(&original),
        stack: Vec::new(),
        open: None,
        definitions: Vec::new(),
        inline_notes: Vec::new(),
        in_inline_note: None,
        pending_xrefs: Vec::new(),
        footnotes: 0,
        date_parts: (None, None, None),
        date_field: None,
        tables: Tables::new(limits.table_cells),
        colspecs: Vec::new(),
    };
    reader.run()?;
    let Reader {
        mut document,
        mut map,
        pending_xrefs,
        ..
    } = reader;
    map.set_original(original);
    document.source_map = map;
    let defined: std::collections::HashSet<String> =
        document.footnote_defs.iter().map(|d| d.label.clone()).collect();
    for mut reference in pending_xrefs {
        let label = reference.label.trim_start_matches("xref:").to_owned();
        if defined.contains(&label) {
            reference.label = label;
            document.footnote_refs.push(reference);
        }
    }
    document.footnote_refs.sort_by_key(|r| r.span);
    document.aim_suppressions();
    sentences::split(&mut document);
    document.finish_ignored();
    Ok(document)
}

impl Reader<'_> {
    fn malformed(&self, at: usize, message: String) -> Error {
        // The source is the original after its byte order marks, which hold no line break
        // and take no column.
        let (line, column) = crate::span::line_column(self.source, at);
        Error::Malformed {
            path: std::path::PathBuf::from(&self.document.name),
            line,
            column,
            message,
        }
    }

    fn run(&mut self) -> Result<()> {
        let mut reader = quick_xml::Reader::from_str(self.source);
        reader.config_mut().check_end_names = true;
        let mut before = 0usize;
        loop {
            let event = match reader.read_event() {
                Ok(event) => event,
                Err(error) => {
                    let at = usize::try_from(reader.error_position()).unwrap_or(0);
                    return Err(self.malformed(at, error.to_string()));
                }
            };
            let after = usize::try_from(reader.buffer_position()).unwrap_or(self.source.len());
            match event {
                Event::Start(element) => {
                    if self.stack.len() >= self.max_depth {
                        return Err(self.malformed(
                            before,
                            format!("elements nest deeper than {} levels", self.max_depth),
                        ));
                    }
                    let name = String::from_utf8_lossy(element.local_name().as_ref()).into_owned();
                    let role = role(self.dialect, &name, &element, &mut self.footnotes);
                    if matches!(
                        name.as_str(),
                        "programlisting" | "screen" | "synopsis" | "code" | "preformat"
                    ) {
                        self.document.code_blocks += 1;
                    }
                    if self.dialect == Dialect::Jats
                        && name == "article"
                        && self.document.declared_type.is_none()
                    {
                        self.document.declared_type = attribute(&element, "article-type");
                    }
                    if name == "article" && self.document.declared_language.is_none() {
                        self.document.declared_language = attribute(&element, "lang");
                    }
                    self.start(
                        &name,
                        role,
                        &element,
                        Span::new(self.offset + before, self.offset + after),
                    );
                }
                Event::Empty(element) => {
                    let name = String::from_utf8_lossy(element.local_name().as_ref()).into_owned();
                    let role = role(self.dialect, &name, &element, &mut self.footnotes);
                    let span = Span::new(self.offset + before, self.offset + after);
                    if let Role::Marker(label) = role {
                        if self.in_front() {
                            self.cited_in_front(label);
                        } else {
                            self.marker(label, span);
                        }
                    } else if is_table_element(&name)
                        && !self.in_front()
                        && !self.skipping()
                        && self.table_start(&name, &element)
                    {
                        // An empty cell still takes its place in the grid.
                        self.table_end(&name);
                    }
                }
                Event::End(_) => self.end(),
                Event::Text(_) | Event::GeneralRef(_) => self.text(before, after),
                Event::CData(_) => {
                    let start = (before + 9).min(after);
                    let end = after.saturating_sub(3).max(start);
                    self.raw_text(start, end, false);
                }
                Event::Comment(_) => self.comment(before, after),
                Event::Eof => break,
                _ => {}
            }
            before = after;
        }
        self.close_block();
        self.tables.finish(&mut self.document);
        self.finish_inline_notes();
        if let (Some(year), month, day) = self.date_parts
            && self.document.date.is_none()
        {
            self.document.date = match (month, day) {
                (Some(m), Some(d)) => valid_date(year, m, d),
                _ => Some(Date {
                    year,
                    month,
                    day: None,
                }),
            };
        }
        Ok(())
    }

    /// Inside a skipped element or a marker; an abstract opens prose again inside skipped front matter.
    fn skipping(&self) -> bool {
        self.stack
            .iter()
            .rev()
            .take_while(|o| o.name != "abstract")
            .any(|o| matches!(o.role, Role::Skip | Role::Marker(_)))
    }

    /// Is the `<sup>` ending at `tag_end` (in the original) an exponent of the number before it?
    /// Its content must be a signed whole number ("−3"), or a whole number after "10" — a plain
    /// superscript number after a year or count is more likely a note.
    fn is_exponent(&self, tag_end: usize) -> bool {
        let rest = &self.source[(tag_end - self.offset).min(self.source.len())..];
        let Some(content) = rest.get(..rest.find("</sup>").unwrap_or(rest.len()).min(24)) else {
            return false;
        };
        crate::ingest::is_power(&self.document.text, &decode_entities(content))
    }

    /// Inside front matter and not inside its abstract, which is prose like the body.
    fn in_front(&self) -> bool {
        for open in self.stack.iter().rev() {
            if open.name == "abstract" {
                return false;
            }
            if open.role == Role::Front {
                return true;
            }
        }
        false
    }

    #[expect(
        clippy::too_many_lines,
        reason = "front matter, then one arm per element role"
    )]
    fn start(&mut self, name: &str, role: Role, element: &BytesStart<'_>, span: Span) {
        if self.in_front() {
            if let Role::Marker(label) = &role {
                self.cited_in_front(label.clone());
            }
            // Front matter: the title is read, dates are collected, the rest is skipped.
            match (self.dialect, name) {
                (Dialect::Jats, "pub-date") if self.date_parts.0.is_none() => {
                    self.date_field = Some("pub-date");
                }
                (Dialect::Jats, "year" | "month" | "day") if self.date_field.is_some() => {
                    self.date_field = Some(match name {
                        "year" => "year",
                        "month" => "month",
                        _ => "day",
                    });
                }
                (Dialect::DocBook, "pubdate" | "date") => self.date_field = Some("docbook-date"),
                _ => {}
            }
            let role = if matches!(role, Role::Heading) && (name == "article-title" || name == "title") {
                Role::Heading
            } else if name == "abstract" {
                self.close_block();
                Role::Section
            } else {
                Role::Skip
            };
            self.stack.push(Open {
                name: name.to_owned(),
                role,
                table: false,
            });
            if self.stack.last().is_some_and(|o| o.role == Role::Heading) {
                self.close_block();
            }
            return;
        }
        let _ = element;
        // An exponent ("10<sup>−3</sup>"): read as "10^−3", which the extractor knows is no
        // plain count, rather than dropping it and leaving "10".
        let role = if role == Role::Skip
            && name == "sup"
            && self.in_inline_note.is_none()
            && !self.skipping()
            && self.is_exponent(span.end)
        {
            let at = self.document.text.len();
            self.document.text.push('^');
            self.map.push(at, 1, span.start, span.end - span.start);
            Role::Inline
        } else {
            role
        };
        match &role {
            Role::Marker(label) => {
                // Markers count even inside skipped text ("<sup><xref …>*</xref></sup>").
                if !self.stack.iter().any(|o| matches!(o.role, Role::Marker(_))) {
                    self.marker(label.clone(), span);
                }
            }
            Role::InlineNote(label) => {
                let at = self.document.text.len();
                if self.in_inline_note.is_none() && !self.skipping() {
                    self.document.footnote_refs.push(FootnoteRef {
                        target: None,
                        label: label.clone(),
                        span: Span::new(at, at),
                        original: span,
                    });
                    self.inline_notes.push((label.clone(), span, Vec::new()));
                    self.in_inline_note = Some(self.inline_notes.len() - 1);
                }
            }
            // A note of a group of notes about the authors: skipped with its group.
            Role::Definition(_)
                if self
                    .stack
                    .iter()
                    .any(|open| open.name == "fn-group" && open.role == Role::Skip) =>
            {
                self.stack.push(Open {
                    name: name.to_owned(),
                    role: Role::Skip,
                    table: false,
                });
                return;
            }
            Role::Definition(label) if label.is_empty() => {
                // A definition nobody can cite (no id): its text is an ordinary paragraph.
                self.close_block();
                self.stack.push(Open {
                    name: name.to_owned(),
                    role: Role::Paragraph,
                    table: false,
                });
                return;
            }
            Role::Definition(label) => {
                self.close_block();
                let original = span;
                self.document.footnote_defs.push(FootnoteDef {
                    target: None,
                    label: label.clone(),
                    original,
                    span: Span::default(),
                });
                self.definitions
                    .push((self.document.footnote_defs.len() - 1, self.document.text.len()));
            }
            Role::Heading
            | Role::Paragraph
            | Role::Item
            | Role::Cell
            | Role::Quote
            | Role::Section
            | Role::Front => self.close_block(),
            Role::Skip | Role::Inline => {}
        }
        let table = is_table_element(name) && !self.skipping() && self.table_start(name, element);
        self.stack.push(Open {
            name: name.to_owned(),
            role,
            table,
        });
    }

    /// Table structure, HTML-like (JATS, DocBook 5 `tr`/`td`) and CALS (DocBook `tgroup`,
    /// `row`, `entry` with `colspec` names and `morerows`). True when the element is one whose
    /// end must be reported too.
    fn table_start(&mut self, name: &str, element: &BytesStart<'_>) -> bool {
        if matches!(
            name,
            "table" | "informaltable" | "tgroup" | "entrytbl" | "tr" | "row"
        ) {
            self.close_block();
        }
        let (cells, text) = (&mut self.document.table_cells, &self.document.text);
        match name {
            "table" | "informaltable" | "tgroup" | "entrytbl" => {
                self.tables.open_table();
                self.colspecs.push(Vec::new());
            }
            "thead" => self.tables.set_head(true),
            "tbody" | "tfoot" => self.tables.set_head(false),
            "tr" | "row" => {
                self.tables.open_row(cells, text, false);
            }
            "colspec" => {
                let specs = self
                    .colspecs
                    .last_mut()
                    .filter(|specs| specs.len() < MAX_COLSPECS);
                if let (Some(specs), Some(colname)) = (specs, attribute(element, "colname")) {
                    let number = attribute(element, "colnum")
                        .and_then(|n| n.trim().parse::<usize>().ok())
                        .map_or(specs.len(), |n| n.saturating_sub(1));
                    specs.push((colname, number));
                }
                return false;
            }
            "td" | "th" | "entry" => {
                let number = |attribute_name: &str| {
                    attribute(element, attribute_name).and_then(|v| v.trim().parse::<usize>().ok())
                };
                let specs = self.colspecs.last().map_or(&[][..], Vec::as_slice);
                let column_of = |attribute_name: &str| {
                    let wanted = attribute(element, attribute_name)?;
                    specs.iter().find(|(n, _)| *n == wanted).map(|(_, c)| *c)
                };
                let first = column_of("namest").or_else(|| column_of("colname"));
                let colspan = match (first, column_of("nameend")) {
                    (Some(first), Some(last)) if last >= first => last - first + 1,
                    _ => number("colspan").unwrap_or(1),
                };
                let rowspan =
                    number("morerows").map_or_else(|| number("rowspan").unwrap_or(1), |more| more + 1);
                let start = CellStart {
                    colspan,
                    rowspan,
                    column: first,
                    ..CellStart::new(name == "th")
                };
                self.tables.open_cell(cells, text, start);
            }
            _ => return false,
        }
        true
    }

    /// The end of an element `table_start` reported.
    fn table_end(&mut self, name: &str) {
        self.close_block();
        let (cells, text) = (&mut self.document.table_cells, &self.document.text);
        match name {
            "table" | "informaltable" | "tgroup" | "entrytbl" => {
                self.tables.close_table(cells, text);
                self.colspecs.pop();
            }
            "thead" => self.tables.set_head(false),
            "td" | "th" | "entry" | "tr" | "row" => {
                self.tables.close_cell(cells, text);
            }
            _ => {}
        }
    }

    fn end(&mut self) {
        let Some(open) = self.stack.pop() else { return };
        if self.in_front() || open.role == Role::Front {
            if matches!(
                open.name.as_str(),
                "pub-date" | "pubdate" | "date" | "year" | "month" | "day"
            ) {
                self.date_field = if open.name == "pub-date" || open.name == "pubdate" || open.name == "date"
                {
                    None
                } else {
                    Some("pub-date")
                };
            }
            if open.role == Role::Heading {
                self.close_block();
            }
            return;
        }
        match open.role {
            Role::InlineNote(_)
                if self.in_inline_note.is_some()
                    && !self.stack.iter().any(|o| matches!(o.role, Role::InlineNote(_))) =>
            {
                self.in_inline_note = None;
            }
            Role::Definition(_) => {
                self.close_block();
                if let Some((definition, start)) = self.definitions.pop() {
                    let end = self.document.text.len();
                    self.document.footnote_defs[definition].span =
                        crate::span::trim_span(&self.document.text, Span::new(start.min(end), end));
                }
            }
            Role::Heading | Role::Paragraph | Role::Item | Role::Cell | Role::Quote => self.close_block(),
            _ => {}
        }
        if open.table {
            self.table_end(&open.name);
        }
    }

    /// A marker in the skipped front matter (an author's affiliation, contribution or
    /// present address): no marker of the text, but its note is cited all the same.
    fn cited_in_front(&mut self, label: String) {
        if !label.is_empty() && !label.starts_with("xref:") {
            self.document.cited_elsewhere.push(label);
        }
    }

    fn marker(&mut self, label: String, span: Span) {
        if label.is_empty() {
            return;
        }
        let at = self.document.text.len();
        let reference = FootnoteRef {
            target: None,
            label,
            span: Span::new(at, at),
            original: span,
        };
        if reference.label.starts_with("xref:") {
            self.pending_xrefs.push(reference);
        } else {
            self.document.footnote_refs.push(reference);
        }
    }

    fn comment(&mut self, before: usize, after: usize) {
        let raw = &self.source[before..after];
        let body = raw.trim_start_matches("<!--").trim_end_matches("-->").trim();
        let Some((directive, rest)) = Suppression::comment_directive(body) else {
            return;
        };
        let original = Span::new(self.offset + before, self.offset + after);
        let line = self.map.line_of_original(original.end.saturating_sub(1));
        let mut suppression = Suppression::parse(rest, original, line);
        suppression.directive = directive;
        self.document.suppressions.push(suppression);
    }

    fn text(&mut self, before: usize, after: usize) {
        if self.in_front() {
            let raw = decode_entities(&self.source[before..after]);
            if let Some(field) = self.date_field {
                let value = raw.trim();
                match field {
                    "year" => self.date_parts.0 = value.parse().ok(),
                    "month" => self.date_parts.1 = value.parse().ok(),
                    "day" => self.date_parts.2 = value.parse().ok(),
                    "docbook-date" if self.document.date.is_none() => {
                        self.document.date = parse_iso_date(value).or_else(|| parse_date_line(value));
                    }
                    _ => {}
                }
            }
            if self.stack.last().is_some_and(|o| o.role == Role::Heading) {
                self.raw_text(before, after, true);
            }
            return;
        }
        if self.skipping() || self.tables.skipping() {
            return;
        }
        self.raw_text(before, after, true);
    }

    /// Appends source text `[before, after)` to the open block (or the open inline note).
    fn raw_text(&mut self, before: usize, after: usize, decode: bool) {
        if before >= after {
            return;
        }
        if let Some(note) = self.in_inline_note {
            self.inline_notes[note].2.push((before, after));
            return;
        }
        let raw = &self.source[before..after];
        if raw.trim().is_empty() {
            if self.open.is_some() {
                let at = self.document.text.len();
                self.document.text.push(' ');
                self.map.push(at, 1, self.offset + before, after - before);
            }
            return;
        }
        self.ensure_open();
        if decode {
            append_decoded(&mut self.document.text, &mut self.map, raw, self.offset + before);
        } else {
            let at = self.document.text.len();
            self.document.text.push_str(raw);
            self.map.push(at, raw.len(), self.offset + before, raw.len());
        }
    }

    fn block_kind(&self) -> BlockKind {
        if let Some(&(definition, _)) = self.definitions.last() {
            return BlockKind::Note { definition };
        }
        if let Some(cell) = self.tables.current_cell() {
            return BlockKind::TableCell { cell };
        }
        let depth = self.stack.iter().filter(|o| o.role == Role::Section).count();
        for open in self.stack.iter().rev() {
            match open.role {
                Role::Heading => {
                    return BlockKind::Heading {
                        level: u8::try_from(depth.clamp(1, 6)).unwrap_or(6),
                    };
                }
                Role::Item => return BlockKind::ListItem,
                Role::Quote => return BlockKind::Quote,
                Role::Paragraph => return BlockKind::Paragraph,
                _ => {}
            }
        }
        BlockKind::Paragraph
    }

    fn ensure_open(&mut self) {
        if self.open.is_some() {
            return;
        }
        if !self.document.text.is_empty() {
            self.document.text.push_str("\n\n");
        }
        let kind = self.block_kind();
        self.open = Some((kind, self.document.text.len()));
    }

    fn close_block(&mut self) {
        if let Some((kind, start)) = self.open.take() {
            let span =
                crate::span::trim_span(&self.document.text, Span::new(start, self.document.text.len()));
            if !span.is_empty() {
                if let BlockKind::Heading { .. } = kind
                    && let Some((number_len, _)) =
                        crate::ingest::text::section_number(self.document.slice(span))
                {
                    self.document
                        .ignored
                        .push(Span::new(span.start, span.start + number_len));
                }
                self.document.blocks.push(Block { kind, span });
            }
        }
    }

    /// DocBook's inline notes, read after the text: each a definition with its own block.
    fn finish_inline_notes(&mut self) {
        let notes = std::mem::take(&mut self.inline_notes);
        for (label, original, pieces) in notes {
            self.close_block();
            self.document.footnote_defs.push(FootnoteDef {
                target: None,
                label,
                original,
                span: Span::default(),
            });
            let definition = self.document.footnote_defs.len() - 1;
            if !self.document.text.is_empty() {
                self.document.text.push_str("\n\n");
            }
            let start = self.document.text.len();
            for (before, after) in pieces {
                let raw = &self.source[before..after];
                append_decoded(&mut self.document.text, &mut self.map, raw, self.offset + before);
            }
            let span =
                crate::span::trim_span(&self.document.text, Span::new(start, self.document.text.len()));
            self.document.footnote_defs[definition].span = span;
            if !span.is_empty() {
                self.document.blocks.push(Block {
                    kind: BlockKind::Note { definition },
                    span,
                });
            }
        }
    }
}

/// Which dialect an `.xml` file is by its content: DocBook's namespace or doctype, or JATS's
/// doctype or `dtd-version` with `<front>`/`<article-meta>`.
#[must_use]
pub fn sniff(text: &str) -> Option<Dialect> {
    let head = &text[..crate::span::floor_char_boundary(text, text.len().min(4096))];
    if head.contains("http://docbook.org/ns/docbook")
        || head.contains("DocBook XML")
        || head.contains("DTD DocBook")
    {
        return Some(Dialect::DocBook);
    }
    if head.contains("JATS")
        || head.contains("NLM//DTD")
        || head.contains("Journal Archiving")
        || head.contains("Journal Publishing")
    {
        return Some(Dialect::Jats);
    }
    if head.contains("dtd-version") && (text.contains("<front>") || text.contains("<article-meta>")) {
        return Some(Dialect::Jats);
    }
    // `article-meta` is JATS's own element, whatever the root declares.
    if head.contains("<article-meta>") || head.contains("<article-meta ") {
        return Some(Dialect::Jats);
    }
    // A DocBook fragment without namespace or DTD: a DocBook root element holding `<para>`s, or
    // DocBook's own processing instructions.
    let root = head
        .split('<')
        .skip(1)
        .find(|tag| !tag.starts_with(['?', '!']))
        .map(|tag| {
            tag.split(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .next()
                .unwrap_or("")
        });
    let docbook_root = matches!(
        root,
        Some("book" | "chapter" | "part" | "appendix" | "sect1" | "section" | "refentry")
    );
    if head.contains("<?dbhtml") || (docbook_root && (text.contains("<para>") || text.contains("<para "))) {
        return Some(Dialect::DocBook);
    }
    None
}
