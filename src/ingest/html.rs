//! HTML: a tolerant tokenizer of our own rather than a DOM parser. It keeps byte offsets into
//! the file for every character of text (entities map back to the whole `&euro;`), survives
//! unclosed tags and stray `<`, and never builds a tree, so memory stays proportional to the
//! text. `html5ever` would fix up broken markup more faithfully but gives no source offsets;
//! for reading prose, tag boundaries and a few element names are all claimlint needs.
//!
//! Read: headings, paragraphs, list items, table cells, quotes, captions as blocks; skipped:
//! `script`, `style`, `nav`, `template`, `noscript`, `head` (but its date metadata), form
//! controls and their labels, site menus (`mw-portlet`), comments (but suppressions). Footnotes: `<sup><a href="#fn1">`, `role="doc-noteref"`, Wikipedia's
//! `<sup class="reference">[1]</sup>`; definitions in `<ol class="footnotes">`, `<section
//! role="doc-endnotes">`, `<ol class="references">`, `<aside>`.

use crate::calendar::{parse_date_line, parse_iso_date};
use crate::document::{
    Block, BlockKind, Document, FootnoteDef, FootnoteRef, InputFormat, Source, SourceKind, Suppression,
};
use crate::ingest::entities::{append_decoded, decode_entities, percent_decoded};
use crate::ingest::tables::{CellStart, Tables};
use crate::ingest::{empty_document, sentences};
use crate::span::{SourceMap, Span};

/// Elements whose content is never prose.
const SKIPPED: &[&str] = &[
    "script", "style", "nav", "template", "noscript", "head", "svg", "math", "iframe", "object", "button",
    "select", "textarea", "label",
];

/// Elements whose content is raw text, read up to their end tag only.
pub(crate) const RAW_TEXT: &[&str] = &["script", "style", "textarea", "xmp"];

/// The bytes of raw text before the end tag of `name` (the rest, if it never closes).
pub(crate) fn raw_text_length(rest: &str, name: &str) -> usize {
    let bytes = rest.as_bytes();
    let mut from = 0;
    while let Some(found) = memchr::memmem::find(&bytes[from..], b"</") {
        let at = from + found;
        let candidate = &bytes[at + 2..];
        if candidate.len() >= name.len() && candidate[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            return at;
        }
        from = at + 2;
    }
    rest.len()
}

/// Deepest nesting of skipped elements tracked (hostile input may nest without end).
const MAX_DEPTH: usize = 256;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    Heading(u8),
    Paragraph,
    Item,
    /// A table cell (its text is told apart by `Tables`); kept so its end closes what it holds.
    Cell,
    Quote,
}

struct Reader<'a> {
    source: &'a str,
    /// Where the tag being read ends in `source`.
    after_tag: usize,
    /// Bytes the furniture look-aheads may still read (`Reader::holds_prose`).
    lookahead_left: usize,
    /// Where the last text read ends in `source`, and whether a `sup` or `sub` tag came
    /// since: digits either side of other tags are two numbers, not one.
    text_end: usize,
    script_since_text: bool,
    document: Document,
    map: SourceMap,
    /// Open skipped elements (names), innermost last.
    skipping: Vec<String>,
    /// Open block containers, innermost last.
    containers: Vec<(String, Container)>,
    /// The open block's start in the text.
    open: Option<(BlockKind, usize)>,
    /// Inside a notes list: the list's element name and the definitions read so far.
    notes: Option<(String, usize)>,
    /// Elements of the notes list's own name open inside it.
    notes_depth: usize,
    /// A block container has opened and nothing has been read in it yet.
    fresh_container: bool,
    /// The open note definition and where its text starts.
    note: Option<(usize, usize)>,
    /// Inside a footnote marker (`sup` or `a`): its element, start offset and text.
    marker: Option<(String, usize, String)>,
    /// Inside a link to another page: where its text starts (a link is a source).
    link: Option<usize>,
    /// Inside a footnote marker: the note it links to, when that is a Wikipedia-style
    /// `#cite_note-…` target (matched by target, not by its shown label).
    marker_target: Option<String>,
    /// The notes list holds `cite_note-` items (`MediaWiki`).
    cite_notes: bool,
    tables: Tables,
    /// Inside code (`Reader::code`): the element, how deep it nests in itself, and where its
    /// text starts.
    code: Option<(String, usize, usize)>,
}

pub fn read(name: String, original: String, offset: usize, table_cells: usize) -> Document {
    // The original is read in place and handed to the map at the end (held once).
    let mut reader = Reader {
        source: &original[offset..],
        document: empty_document(name, InputFormat::Html, String::new()),
        map: SourceMap::lines_of(&original),
        skipping: Vec::new(),
        containers: Vec::new(),
        open: None,
        notes: None,
        notes_depth: 0,
        fresh_container: false,
        note: None,
        marker: None,
        link: None,
        marker_target: None,
        cite_notes: false,
        tables: Tables::new(table_cells),
        code: None,
        after_tag: 0,
        lookahead_left: (original.len() - offset).saturating_mul(LOOKAHEAD_BUDGET) + LOOKAHEAD,
        text_end: 0,
        script_since_text: false,
    };
    reader.run(offset);
    let Reader {
        mut document,
        mut map,
        ..
    } = reader;
    map.set_original(original);
    document.source_map = map;
    document.aim_suppressions();
    document.footnote_refs.sort_by_key(|r| r.span);
    sentences::split(&mut document);
    document.finish_ignored();
    document
}

/// A start or end tag read from the source.
pub(crate) struct Tag<'s> {
    pub(crate) name: String,
    pub(crate) end: bool,
    pub(crate) self_closing: bool,
    attributes: &'s str,
}

impl Tag<'_> {
    /// An attribute's value (quoted or not), by name.
    fn attribute(&self, name: &str) -> Option<String> {
        let lower = self.attributes.to_ascii_lowercase();
        let mut from = 0;
        while let Some(found) = lower[from..].find(name) {
            let at = from + found;
            let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
            let rest = lower[at + name.len()..].trim_start();
            if before_ok && rest.starts_with('=') {
                let value_at = self.attributes.len() - rest.len() + 1;
                let raw = self.attributes[value_at..].trim_start();
                let value = match raw.chars().next() {
                    Some(quote @ ('"' | '\'')) => raw[1..].split(quote).next().unwrap_or(""),
                    _ => raw
                        .split(|c: char| c.is_whitespace() || c == '>')
                        .next()
                        .unwrap_or(""),
                };
                return Some(decode_entities(value));
            }
            from = at + name.len();
        }
        None
    }

    /// Whether the tag's attributes hold `part` in any case: a scan without the copy and
    /// decoding `attribute` makes, so that most tags skip a test cheaply.
    fn mentions(&self, part: &[u8]) -> bool {
        self.attributes
            .as_bytes()
            .windows(part.len())
            .any(|window| window.eq_ignore_ascii_case(part))
    }

    fn has_class_containing(&self, part: &str) -> bool {
        self.attribute("class")
            .is_some_and(|c| c.split_whitespace().any(|w| w.contains(part)))
    }

    fn has_class(&self, class: &str) -> bool {
        self.attribute("class")
            .is_some_and(|c| c.split_whitespace().any(|w| w == class))
    }
}

impl Reader<'_> {
    fn run(&mut self, offset: usize) {
        let bytes = self.source.as_bytes();
        let mut at = 0;
        let mut text_start = 0;
        while at < bytes.len() {
            if bytes[at] != b'<' {
                at += 1;
                continue;
            }
            let rest = &self.source[at..];
            let consumed = if rest.starts_with("<!--") {
                // An unclosed comment runs to the end of the file.
                let (body_end, end) = rest
                    .find("-->")
                    .map_or((rest.len(), rest.len()), |e| (e.max(4), e + 3));
                self.text(text_start, at, offset);
                self.comment(&rest[4..body_end], Span::new(offset + at, offset + at + end));
                end
            } else if rest.starts_with("<!") || rest.starts_with("<?") {
                self.text(text_start, at, offset);
                rest.find('>').map_or(rest.len(), |e| e + 1)
            } else if let Some((tag, length)) = parse_tag(rest) {
                self.text(text_start, at, offset);
                if !tag.end && !tag.self_closing && tag.name == "sup" && self.skipping.is_empty() {
                    self.superscript(&rest[length..], offset + at, length);
                }
                self.after_tag = at + length;
                self.tag(&tag, offset + at, length);
                // Raw text (scripts, styles): nothing in it is markup until its own end tag, so
                // a `<` in a script or a quote in a style cannot hide the rest of the page.
                if !tag.end && !tag.self_closing && RAW_TEXT.contains(&tag.name.as_str()) {
                    length + raw_text_length(&rest[length..], &tag.name)
                } else {
                    length
                }
            } else {
                // A stray `<` is text.
                at += 1;
                continue;
            };
            at += consumed;
            text_start = at;
        }
        self.text(text_start, bytes.len(), offset);
        self.close_block();
        self.close_note();
        self.tables.finish(&mut self.document);
    }

    /// Whether the element whose start tag (named `name`) was just read holds prose: runs of
    /// text of a sentence's length adding up to `enough` bytes, or more markup than a
    /// look-ahead reads. A class that names furniture ("content-and-menu", "has-share-bar")
    /// may sit on a wrapper of the whole article; a menu, a share box or a poll holds no prose.
    /// The look-aheads of a document read at most `LOOKAHEAD_BUDGET` times its size in all.
    fn holds_prose(&mut self, name: &str, enough: usize) -> bool {
        let rest = &self.source[self.after_tag.min(self.source.len())..];
        // The budget pays for the bytes read, so a page of many small menus reads them all.
        let reach = LOOKAHEAD.min(rest.len()).min(self.lookahead_left);
        let window = &rest[..crate::span::floor_char_boundary(rest, reach)];
        let (holds, read) = prose_ahead(window, name, enough);
        self.lookahead_left -= read.min(self.lookahead_left);
        holds
    }

    fn comment(&mut self, body: &str, original: Span) {
        let Some((directive, rest)) = Suppression::comment_directive(body) else {
            return;
        };
        let line = self.map.line_of_original(original.end.saturating_sub(1));
        let mut suppression = Suppression::parse(rest, original, line);
        suppression.directive = directive;
        self.document.suppressions.push(suppression);
    }

    #[expect(clippy::too_many_lines, reason = "one arm per HTML element, as a table")]
    fn tag(&mut self, tag: &Tag<'_>, original_start: usize, length: usize) {
        let name = tag.name.as_str();
        if name == "html" && !tag.end && self.document.declared_language.is_none() {
            self.document.declared_language = tag.attribute("lang").or_else(|| tag.attribute("xml:lang"));
        }
        if !self.skipping.is_empty()
            && !tag.end
            && name == "a"
            && let Some(target) = tag.attribute("href").and_then(|h| cite_note_target(&h))
        {
            self.document.cited_elsewhere.push(target);
        }
        if let Some(skipped) = self.skipping.last() {
            // Nested elements of the skipped one's name are counted, so its own end is found.
            if tag.end && skipped == name {
                self.skipping.pop();
            } else if !tag.end
                && !tag.self_closing
                && (skipped == name || SKIPPED.contains(&name))
                && self.skipping.len() < MAX_DEPTH
            {
                self.skipping.push(name.to_owned());
            } else if !tag.end && name == "meta" {
                self.meta(tag);
            }
            return;
        }
        if matches!(name, "sup" | "sub") {
            self.script_since_text = true;
        }
        if !tag.end && name == "meta" {
            self.meta(tag);
        }
        self.code(tag);
        if !tag.end && name == "time" && self.document.date.is_none() {
            self.document.date = tag.attribute("datetime").and_then(|d| parse_iso_date(&d));
        }
        if !tag.end
            && !tag.self_closing
            && (SKIPPED.contains(&name)
                || is_chrome(tag)
                || is_hidden(tag)
                || match site_furniture(tag) {
                    Furniture::Not => false,
                    Furniture::Surely => !self.holds_prose(name, STORIES_PROSE),
                    Furniture::Unless => !self.holds_prose(name, PROSE_INSIDE),
                    Furniture::Comments => !self.holds_prose(name, usize::MAX),
                })
        {
            // A skipped span sits inside running text: the paragraph around it goes on.
            if name != "span" {
                self.close_block();
            }
            // A raised "[src]" that is page furniture (`<sup class="noprint">`) is no marker:
            // left open, it would swallow the next one.
            if self
                .marker
                .as_ref()
                .is_some_and(|(_, start, _)| *start == original_start)
            {
                self.marker = None;
            }
            self.skipping.push(name.to_owned());
            return;
        }
        // Footnote markers: their text is a label, not prose.
        if let Some((marker, start, label)) = &self.marker {
            if !tag.end
                && name == "a"
                && let Some(target) = tag.attribute("href").and_then(|h| cite_note_target(&h))
            {
                self.marker_target = Some(target);
            }
            if tag.end && marker == name {
                let shown = label
                    .trim()
                    .trim_matches(|c| c == '[' || c == ']')
                    .trim()
                    .to_owned();
                // MediaWiki numbers its notes as it renders them and groups some ("[a]",
                // "[n 1]"): its markers are matched to notes by link target.
                let target = self.marker_target.take();
                if target.is_some() {
                    self.document.notes_renumbered = true;
                }
                let label = shown;
                let original = Span::new(*start, original_start + length);
                // A label is short and plain ("1", "a", "note-3", MediaWiki's "n 1"); Wikipedia's
                // page locators (": 207") share the markup but are not markers.
                let plain = label
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_' || (c == ' ' && target.is_some()));
                let longest = if target.is_some() { 40 } else { 12 };
                if !label.is_empty() && label.len() <= longest && plain {
                    // A marker that opens a paragraph ("<p><sup>[i]</sup> The premier …", a
                    // note the page writes after a rule) stands at that paragraph's start, not
                    // at the end of the one before. (A marker alone in a table cell stays with
                    // the cell before: it cites that cell's figure.)
                    if self.fresh_container
                        && self.tables.current_cell().is_none()
                        && matches!(self.containers.last(), Some((_, Container::Paragraph)))
                    {
                        self.ensure_open();
                    }
                    let at = self.document.text.len();
                    self.document.footnote_refs.push(FootnoteRef {
                        target,
                        label,
                        span: Span::new(at, at),
                        original,
                    });
                }
                self.marker = None;
            }
            return;
        }
        if !tag.end && Self::starts_marker(tag) {
            self.marker = Some((name.to_owned(), original_start, String::new()));
            self.marker_target = tag.attribute("href").and_then(|h| cite_note_target(&h));
            return;
        }
        if name == "a" {
            self.link_tag(tag);
            return;
        }
        // An inline citation element ("<span class="inline-citation" data-cite="2">", as
        // publishers that list their sources at the foot of a page mark them) cites for the
        // sentence it closes: a source at the text just before it.
        if !tag.end
            && tag.mentions(b"cit")
            && (tag.attribute("data-cite").is_some() || tag.has_class_containing("inline-citation"))
        {
            let at = self.document.text.len();
            self.document.cite_before(at);
        }
        // Notes lists and their items.
        if !tag.end && self.notes.is_none() && is_notes_container(tag) {
            self.close_block();
            self.notes = Some((name.to_owned(), 0));
            self.notes_depth = 0;
        } else if self.notes.as_ref().is_some_and(|(n, _)| n == name) {
            // An element of the list's own name inside it (a divider `<div>` in a notes
            // `<div>`) closes itself, not the list.
            if !tag.end {
                self.notes_depth += 1;
            } else if self.notes_depth > 0 {
                self.notes_depth -= 1;
            } else {
                self.close_block();
                self.close_note();
                self.notes = None;
            }
        }
        if self.notes.is_some() && name == "li" {
            // In MediaWiki's lists, only items with a `cite_note-` id are notes; other items
            // (a bibliography list, Parsoid's `mw…` ids) belong to the note they sit in.
            let id = tag.attribute("id").unwrap_or_default();
            let cite_note = id.starts_with("cite_note-");
            self.cite_notes |= cite_note;
            if !cite_note && (self.cite_notes || id.starts_with("mw")) {
                return;
            }
            self.close_block();
            self.close_note();
            if !tag.end
                && let Some((_, count)) = self.notes.as_mut()
            {
                *count += 1;
                let id = tag.attribute("id");
                let label = id
                    .as_deref()
                    .and_then(trailing_number)
                    .unwrap_or_else(|| count.to_string());
                let original = Span::new(original_start, original_start + length);
                self.document.footnote_defs.push(FootnoteDef {
                    target: id.filter(|id| id.starts_with("cite_note-")),
                    label,
                    original,
                    span: Span::default(),
                });
                self.note = Some((self.document.footnote_defs.len() - 1, self.document.text.len()));
            }
            return;
        }
        if self.table_tag(tag) {
            return;
        }
        let container = match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(Container::Heading(name.as_bytes()[1] - b'0')),
            "p" | "div" | "section" | "article" | "header" | "footer" | "main" | "figure" | "figcaption"
            | "caption" | "dt" | "dd" | "address" | "pre" | "aside" => Some(Container::Paragraph),
            "li" => Some(Container::Item),
            "td" | "th" => Some(Container::Cell),
            "blockquote" => Some(Container::Quote),
            "tr" | "table" | "ul" | "ol" | "dl" | "hr" | "body" | "html" | "thead" | "tbody" | "tfoot" => {
                None
            }
            "br" => {
                if self.open.is_some() {
                    let at = self.document.text.len();
                    self.document.text.push('\n');
                    self.map.push(at, 1, original_start, length);
                }
                return;
            }
            _ => return, // inline element
        };
        self.close_block();
        match (tag.end, container) {
            (false, Some(container)) if !tag.self_closing => {
                self.containers.push((name.to_owned(), container));
                self.fresh_container = true;
            }
            (true, _) => {
                self.fresh_container = false;
                if let Some(index) = self.containers.iter().rposition(|(n, _)| n == name) {
                    self.containers.truncate(index);
                }
            }
            _ => {}
        }
    }

    /// Table structure: tables, header sections, rows and cells. True when `tag` was one and
    /// needs nothing more (cells go on to open a container).
    fn table_tag(&mut self, tag: &Tag<'_>) -> bool {
        let name = tag.name.as_str();
        if !matches!(name, "table" | "thead" | "tbody" | "tfoot" | "tr" | "td" | "th") {
            return false;
        }
        self.close_block();
        let (cells, text) = (&mut self.document.table_cells, &self.document.text);
        match (name, tag.end) {
            ("table", false) if !tag.self_closing => self.tables.open_table(),
            ("table", true) => self.tables.close_table(cells, text),
            ("thead", end) => self.tables.set_head(!end),
            ("tbody" | "tfoot", false) => self.tables.set_head(false),
            ("tr", false) => self.tables.open_row(cells, text, false),
            ("tr" | "td" | "th", true) => self.tables.close_cell(cells, text),
            ("td" | "th", false) => {
                let span = |attribute: &str| {
                    tag.attribute(attribute)
                        .and_then(|v| v.trim().parse::<usize>().ok())
                        .unwrap_or(1)
                };
                let scope = tag.attribute("scope");
                let header = name == "th" || matches!(scope.as_deref(), Some("row" | "col"));
                let start = CellStart {
                    colspan: span("colspan"),
                    rowspan: span("rowspan"),
                    ..CellStart::new(header)
                };
                self.tables.open_cell(cells, text, start);
            }
            _ => {}
        }
        !matches!(name, "td" | "th")
    }

    /// A link to another page or document is a source for the figures near it; links within
    /// the page (`#…`), scripts and mail addresses are not.
    fn link_tag(&mut self, tag: &Tag<'_>) {
        if tag.end {
            if let Some(start) = self.link.take() {
                let end = self.document.text.len();
                if end > start {
                    self.document.sources.push(Source {
                        span: Span::new(start, end),
                        kind: SourceKind::Link,
                    });
                }
            }
        } else if !tag.self_closing {
            let external = tag.attribute("href").is_some_and(|href| {
                let href = href.trim();
                !href.is_empty()
                    && !href.starts_with('#')
                    && !href.starts_with("javascript:")
                    && !href.starts_with("mailto:")
            });
            self.link = external.then_some(self.document.text.len());
        }
    }

    /// A superscript after a figure is an exponent ("10<sup>3</sup>", read as "10^3"), an
    /// ordinal's ending ("21<sup>st</sup>"), or a note marker ("$96,000<sup>1</sup>"), never
    /// more digits of the figure. A superscript that links within the page is a marker
    /// wherever it stands. `after` is the source after the start tag of `length` bytes.
    fn superscript(&mut self, after: &str, original_start: usize, length: usize) {
        if self.marker.is_some() {
            return;
        }
        let window = &after[..crate::span::floor_char_boundary(after, after.len().min(200))];
        let Some(end) = window.find("</sup>") else { return };
        let inner = &window[..end];
        let links_in_page = inner.contains("href=\"#") || inner.contains("href='#");
        let after_digit = self.document.text.ends_with(|c: char| c.is_ascii_digit());
        // "<sup>[1]</sup>": a bracketed label raised is a note's marker wherever it stands.
        let bracketed = strip_tags(inner)
            .trim()
            .strip_prefix('[')
            .and_then(|rest| rest.strip_suffix(']'))
            .is_some_and(|label| {
                (1..=4).contains(&label.len()) && label.chars().all(|c| c.is_ascii_alphanumeric())
            });
        if bracketed {
            self.marker = Some(("sup".to_owned(), original_start, String::new()));
            self.marker_target = None;
            return;
        }
        if !links_in_page && !after_digit {
            return;
        }
        let shown = strip_tags(inner);
        let shown = shown.trim();
        if !links_in_page {
            if matches!(shown, "st" | "nd" | "rd" | "th") {
                return;
            }
            if crate::ingest::is_power(&self.document.text, shown) {
                let at = self.document.text.len();
                self.document.text.push('^');
                self.map.push(at, 1, original_start, length);
                return;
            }
            let plain = !shown.is_empty()
                && shown.chars().count() <= 4
                && shown
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '*' | '†' | '‡' | '§'));
            if !plain {
                return;
            }
        }
        self.marker = Some(("sup".to_owned(), original_start, String::new()));
        self.marker_target = None;
    }

    fn starts_marker(tag: &Tag<'_>) -> bool {
        // A link back from a note to its marker ("#fnref-3", "#footnote-ref-3") is no marker.
        let href_note = |t: &Tag<'_>| {
            t.attribute("href").is_some_and(|h| {
                let back = ["#fnref", "#footnote-ref", "#footnoteref", "#note-ref", "#noteref"]
                    .iter()
                    .any(|prefix| h.starts_with(prefix));
                !back
                    && (h.starts_with("#fn")
                        || h.starts_with("#cite_note")
                        || h.starts_with("#note")
                        || h.starts_with("#footnote"))
            })
        };
        match tag.name.as_str() {
            "sup" => {
                tag.has_class("reference")
                    || tag.has_class("footnote-ref")
                    || tag
                        .attribute("id")
                        .is_some_and(|i| i.starts_with("fnref") || i.starts_with("cite_ref"))
            }
            "a" => {
                tag.attribute("role").as_deref() == Some("doc-noteref")
                    || tag.has_class("footnote-ref")
                    || href_note(tag)
            }
            _ => false,
        }
    }

    fn meta(&mut self, tag: &Tag<'_>) {
        if self.document.date.is_some() {
            return;
        }
        let key = tag
            .attribute("name")
            .or_else(|| tag.attribute("property"))
            .unwrap_or_default()
            .to_ascii_lowercase();
        if matches!(
            key.as_str(),
            "date" | "article:published_time" | "dc.date" | "citation_publication_date" | "dcterms.date"
        ) {
            let content = tag.attribute("content").unwrap_or_default();
            self.document.date = parse_iso_date(&content).or_else(|| parse_date_line(&content));
        }
    }

    /// Code, keyboard input and program output (`<code>`, `<kbd>`, `<samp>`, and a `<pre>` its
    /// class marks as code) hold no claims: "$ python foo.py 1" is a command, "chmod 600" a mode.
    /// Their text is kept, for sentences and positions, and marked ignored.
    fn code(&mut self, tag: &Tag<'_>) {
        let name = tag.name.as_str();
        if tag.self_closing {
            return;
        }
        if let Some((open, depth, start)) = self.code.as_mut() {
            // A block's end closes code left open inside it (a stray `<code>` does not hide
            // the rest of the page).
            let block_ends = tag.end
                && *open != name
                && matches!(
                    name,
                    "p" | "pre" | "li" | "td" | "th" | "div" | "table" | "body" | "article" | "section"
                );
            if block_ends {
                *depth = 1;
            }
            if *open == name || block_ends {
                if tag.end {
                    *depth -= 1;
                    if *depth == 0 {
                        let span = Span::new(*start, self.document.text.len());
                        self.document.ignored.push(span);
                        self.code = None;
                    }
                } else {
                    *depth += 1;
                }
            }
            return;
        }
        if tag.end {
            return;
        }
        let is_code = match name {
            "code" | "kbd" | "samp" => true,
            // A highlighter's class, or the language it is told to colour ("EnlighterJSRAW"
            // with `data-enlighter-language`, `data-lang`).
            "pre" => {
                tag.attribute("class").is_some_and(|class| {
                    let class = class.to_ascii_lowercase();
                    [
                        "code",
                        "highlight",
                        "language-",
                        "lang-",
                        "brush",
                        "prettyprint",
                        "shell",
                        "console",
                        "enlighter",
                        "hljs",
                        "syntax",
                        "crayon",
                        "terminal",
                    ]
                    .iter()
                    .any(|hint| class.contains(hint))
                }) || ["data-enlighter-language", "data-lang", "data-language"]
                    .iter()
                    .any(|attribute| tag.attribute(attribute).is_some())
            }
            _ => false,
        };
        if is_code {
            if name == "pre" || self.containers.last().is_some_and(|(open, _)| open == "pre") {
                self.document.code_blocks += 1;
            }
            self.code = Some((name.to_owned(), 1, self.document.text.len()));
        }
    }

    /// Appends the text between tags, entities decoded, each stretch mapped to its source.
    fn text(&mut self, start: usize, end: usize, offset: usize) {
        // Code and script are left out, and so are cells past the document's limit.
        if start >= end || !self.skipping.is_empty() || self.tables.skipping() {
            return;
        }
        let raw = &self.source[start..end];
        if let Some((_, _, label)) = self.marker.as_mut() {
            label.push_str(&decode_entities(raw));
            return;
        }
        if raw.trim().is_empty() {
            if self.open.is_some() {
                let at = self.document.text.len();
                self.document.text.push(' ');
                self.map.push(at, 1, offset + start, end - start);
            }
            return;
        }
        self.ensure_open();
        // "<span>18</span><span>2009</span>", "2019</span><span>5:45 AM": two numbers that
        // styles set apart, not "182009" (a superscript or subscript digit is glued on purpose).
        let glued = std::mem::take(&mut self.script_since_text);
        if self.text_end < start
            && !glued
            && self.document.text.ends_with(|c: char| c.is_ascii_digit())
            && raw.starts_with(|c: char| c.is_ascii_digit())
        {
            let at = self.document.text.len();
            self.document.text.push(' ');
            self.map
                .push(at, 1, offset + self.text_end, start - self.text_end);
        }
        self.text_end = end;
        // "2.1 Grid investment": a heading's section number is no figure.
        if let Some((BlockKind::Heading { .. }, block_start)) = self.open {
            let trimmed = raw.trim_start();
            if self.document.text[block_start..].trim().is_empty()
                && let Some((number_len, _)) = crate::ingest::text::section_number(trimmed)
            {
                let at = self.document.text.len() + (raw.len() - trimmed.len());
                self.document.ignored.push(Span::new(at, at + number_len));
            }
        }
        append_decoded(&mut self.document.text, &mut self.map, raw, offset + start);
    }

    fn ensure_open(&mut self) {
        if self.open.is_some() {
            return;
        }
        self.fresh_container = false;
        if !self.document.text.is_empty() {
            self.document.text.push_str("\n\n");
        }
        let kind = if let Some((definition, _)) = self.note {
            BlockKind::Note { definition }
        } else if let Some(cell) = self.tables.current_cell() {
            BlockKind::TableCell { cell }
        } else {
            match self.containers.last().map(|(_, c)| *c) {
                Some(Container::Heading(level)) => BlockKind::Heading { level },
                Some(Container::Item) => BlockKind::ListItem,
                Some(Container::Quote) => BlockKind::Quote,
                // "<blockquote><p>…</p></blockquote>": a paragraph of a quotation is quoted.
                Some(Container::Paragraph) if self.containers.iter().any(|(_, c)| *c == Container::Quote) => {
                    BlockKind::Quote
                }
                Some(Container::Paragraph | Container::Cell) | None => BlockKind::Paragraph,
            }
        };
        self.open = Some((kind, self.document.text.len()));
    }

    fn close_block(&mut self) {
        if let Some((kind, start)) = self.open.take() {
            let span =
                crate::span::trim_span(&self.document.text, Span::new(start, self.document.text.len()));
            if !span.is_empty() {
                self.document.blocks.push(Block { kind, span });
            }
        }
    }

    fn close_note(&mut self) {
        if let Some((definition, start)) = self.note.take() {
            let end = self.document.text.len();
            self.document.footnote_defs[definition].span =
                crate::span::trim_span(&self.document.text, Span::new(start.min(end), end));
        }
    }
}

/// The text of a bit of markup without its tags, entities decoded.
fn strip_tags(markup: &str) -> String {
    let mut text = String::new();
    let mut rest = markup;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        rest = rest[open..]
            .find('>')
            .map_or("", |close| &rest[open + close + 1..]);
    }
    text.push_str(rest);
    decode_entities(&text)
}

/// An element a browser does not show (`hidden`, `style="display: none"`): an inline XBRL
/// header's facts, a menu's closed panel. Only elements always closed in practice, so an
/// unclosed one cannot hide the page after it.
fn is_hidden(tag: &Tag<'_>) -> bool {
    if tag.attributes.trim().is_empty() || !FURNITURE_ELEMENTS.contains(&tag.name.as_str()) {
        return false;
    }
    let hidden_word = |word: &str| {
        word.eq_ignore_ascii_case("hidden")
            || word.get(..7).is_some_and(|w| w.eq_ignore_ascii_case("hidden="))
    };
    (tag.mentions(b"hidden") && tag.attributes.split_whitespace().any(hidden_word))
        || tag.mentions(b"none")
            && tag.attribute("style").is_some_and(|style| {
                let folded: String = style.chars().filter(|c| !c.is_whitespace()).collect();
                folded.to_ascii_lowercase().contains("display:none")
            })
}

/// Page furniture that holds no prose: a table of contents, navigation boxes, edit links.
fn is_chrome(tag: &Tag<'_>) -> bool {
    const CLASSES: &[&str] = &[
        "toc",
        "navbox",
        "mw-editsection",
        "noprint",
        "catlinks",
        "mw-jump-link",
        "sidebar",
        "breadcrumb",
        "mw-portlet",
    ];
    const IDS: &[&str] = &[
        "toc",
        "mw-navigation",
        "mw-panel",
        "mw-head",
        "footer",
        "catlinks",
        "siteSub",
        "jump-to-nav",
    ];
    if tag.attributes.trim().is_empty() {
        return false;
    }
    let class = tag.attribute("class").unwrap_or_default();
    class.split_whitespace().any(|c| CLASSES.contains(&c))
        || tag.attribute("id").is_some_and(|id| IDS.contains(&id.as_str()))
}

/// Bytes of markup read ahead to see what an element that a class names furniture holds.
const LOOKAHEAD: usize = 256 * 1024;

/// Prose inside such an element, in bytes, above which it is a wrapper of content, kept.
const PROSE_INSIDE: usize = 250;

/// Prose inside a box of other stories, in bytes, above which it is a wrapper of the article
/// (a sidebar's teasers hold a few captions; an article beside a sidebar holds pages).
const STORIES_PROSE: usize = 4000;

/// Look-ahead, in multiples of the document's size, that one document's furniture may cost.
const LOOKAHEAD_BUDGET: usize = 8;

/// Whether the element named `name` whose content starts `window` holds `enough` bytes of
/// prose, or runs past the window's end (a wrapper of much of the page); and the bytes read to
/// tell.
fn prose_ahead(window: &str, name: &str, enough: usize) -> (bool, usize) {
    let (mut depth, mut prose, mut at, mut text_start) = (1usize, 0usize, 0usize, 0usize);
    let bytes = window.as_bytes();
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let lt = at + found;
        prose += prose_run(&window[text_start..lt]);
        if prose >= enough {
            return (true, lt);
        }
        let Some((tag, length)) = parse_tag(&window[lt..]) else {
            at = lt + 1;
            continue;
        };
        if tag.name == name && !tag.self_closing {
            if tag.end {
                depth -= 1;
                if depth == 0 {
                    return (false, lt + length);
                }
            } else {
                depth += 1;
            }
        }
        at = (lt + length).min(window.len());
        if !tag.end && !tag.self_closing && RAW_TEXT.contains(&tag.name.as_str()) {
            at += raw_text_length(&window[at..], &tag.name);
        }
        text_start = at;
    }
    (true, window.len())
}

/// The bytes of a run of text between tags that reads as prose: ten words or more.
fn prose_run(text: &str) -> usize {
    if text.len() >= 40 && text.split_whitespace().nth(9).is_some() {
        text.len()
    } else {
        0
    }
}

/// Elements always closed in practice, which a class may mark as page furniture (elements whose
/// end tag may be left out, `li` and `p`, are never skipped by class: an unclosed one would
/// skip the page after it).
const FURNITURE_ELEMENTS: &[&str] = &[
    "div", "section", "ul", "ol", "form", "span", "footer", "header", "aside",
];

/// Roles of the page's furniture (WAI-ARIA landmarks and widgets that are not its content).
const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "menu",
    "menubar",
    "complementary",
    "dialog",
    "alertdialog",
    "search",
];

/// Word stems of class names and ids that name a site's furniture around an article: menus,
/// share and subscribe boxes, comment sections, polls, video-player controls. ("widget" is
/// not one: page builders call every block of a page a widget, its article too.)
const FURNITURE_STEMS: &[&str] = &[
    "share",
    "sharing",
    "social",
    "subscri",
    "newsletter",
    "signup",
    "comment",
    "disqus",
    "menu",
    "navbar",
    "navigation",
    "subnav",
    "breadcrumb",
    "sidebar",
    "promo",
    "advert",
    "sponsor",
    "banner",
    "cookie",
    "gdpr",
    "popup",
    "modal",
    "poll",
    "footer",
    "masthead",
    "pagination",
    "pager",
    "trending",
    "related",
    "recommend",
    "outbrain",
    "taboola",
    "dropdown",
    "ticker",
    "weather",
    "vjs",
    "paywall",
    "consent",
    "toolbar",
];

/// Whole words of class names and ids that name furniture.
const FURNITURE_WORDS: &[&str] = &["nav", "ad", "ads", "stocks", "rss", "counter", "views", "upvotes"];

/// Words that make a class name a layout around content rather than furniture: "has-sidebar",
/// "content-sidebar-wrap", "no-comments".
const LAYOUT_WORDS: &[&str] = &[
    "wrap",
    "wrapper",
    "container",
    "layout",
    "has",
    "with",
    "without",
    "no",
    "is",
];

/// Words that end the content's own class names ("article-body", "entry-content", "story"):
/// an element that carries one is the content, whatever else its classes say.
const CONTENT_WORDS: &[&str] = &["article", "body", "content", "main", "story", "entry", "post"];

/// Page furniture named by its class, id or role, the way readers of news pages tell a
/// page's article from the site around it: `jetpack_subscription_widget`, "wp-polls",
/// "bottom-share-links", `article__comments`, `role="navigation"`.
fn site_furniture(tag: &Tag<'_>) -> Furniture {
    if tag.attributes.trim().is_empty()
        || !FURNITURE_ELEMENTS.contains(&tag.name.as_str())
        || is_notes_container(tag)
    {
        return Furniture::Not;
    }
    if tag
        .attribute("role")
        .is_some_and(|role| FURNITURE_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()))
    {
        return Furniture::Unless;
    }
    let class = tag.attribute("class").unwrap_or_default();
    let id = tag.attribute("id").unwrap_or_default();
    let names = || {
        class
            .split_whitespace()
            .chain(std::iter::once(id.as_str()))
            .filter(|n| !n.is_empty())
    };
    let words = |name: &str| {
        name.split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect::<Vec<_>>()
    };
    let furniture_word = |word: &str| {
        FURNITURE_WORDS.contains(&word) || FURNITURE_STEMS.iter().any(|stem| word.starts_with(stem))
    };
    // Readers' comments, named as comment systems name them: skipped with their prose.
    // "visitors_comment_content", "user-comment-body": a reader's comment's text ("live-match-
    // comment-body" is a match's commentary, the article itself).
    let comment_text = |name: &str| {
        let words = words(name);
        let n = words.len();
        n >= 2
            && words[n - 2] == "comment"
            && matches!(words[n - 1].as_str(), "content" | "body" | "text")
            && (n == 2
                || (n == 3
                    && matches!(
                        words[0].as_str(),
                        "visitor" | "visitors" | "user" | "users" | "reader" | "readers" | "member" | "guest"
                    )))
    };
    if names().any(|name| COMMENT_NAMES.iter().any(|c| name.eq_ignore_ascii_case(c)) || comment_text(name)) {
        return Furniture::Comments;
    }
    let (mut furniture, mut surely, mut wraps_content) = (false, false, false);
    for name in names() {
        let words = words(name);
        // "post-content", "elementor-widget-theme-post-content", "article-body": the content.
        if words.last().is_some_and(|w| CONTENT_WORDS.contains(&w.as_str())) {
            return Furniture::Not;
        }
        if words.iter().any(|w| LAYOUT_WORDS.contains(&w.as_str())) {
            continue;
        }
        furniture |= words.iter().any(|w| furniture_word(w));
        // "l-sidebar-fixed l-article-body-segment": a layout of the article beside a sidebar.
        wraps_content |= words.iter().any(|w| CONTENT_WORDS.contains(&w.as_str()));
        surely |= words.iter().any(|w| {
            OTHER_STORIES_STEMS
                .iter()
                .chain(PROMOTION_STEMS)
                .any(|stem| w.starts_with(stem))
        }) || words
            .windows(2)
            .any(|pair| pair[0] == "most" && MOST_WORDS.contains(&pair[1].as_str()))
            || other_stories_by_pairs(&words)
            || site_about_itself(&words);
    }
    match (furniture || surely, surely && !wraps_content) {
        (false, _) => Furniture::Not,
        (true, true) => Furniture::Surely,
        (true, false) => Furniture::Unless,
    }
}

/// What a start tag's class, id or role says of the element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Furniture {
    /// Not the site's furniture, or not said to be.
    Not,
    /// Furniture unless prose is found inside (a "content-and-menu" wrapper of the article).
    Unless,
    /// Other stories' teasers (a sidebar, related or most-read stories) or an advertiser's
    /// copy: skipped with their prose, which is their stories', not the article's.
    Surely,
    /// Readers' comments: skipped with all their prose, unless they run on past what is read
    /// ahead (then the name is on a wrapper of the page).
    Comments,
}

/// Class names and ids, whole, of a section of readers' comments or of one comment ("commentlist",
/// `id="comments"`, "commentPost"), in any case. Whole names only: "has-comments" and
/// "comment-count" say so of other things, and "content--comment" is an opinion article.
const COMMENT_NAMES: &[&str] = &[
    "comment",
    "comments",
    "commentlist",
    "comment-list",
    "commentslist",
    "comments-list",
    "commentpost",
    "comments-area",
    "comments-section",
    "comment-body",
    "comment-content",
    "comment-text",
    "disqus_thread",
];

/// Stems of class names and ids of an advertiser's copy ("promo", "promo-body"). Not
/// "advert" or "sponsor": pages wrap themselves in "advertisement-off-canvas" pushers.
const PROMOTION_STEMS: &[&str] = &["promo"];

/// Stems of class names and ids of boxes of other stories: their teasers hold prose.
const OTHER_STORIES_STEMS: &[&str] = &[
    "sidebar",
    "related",
    "recent",
    "trending",
    "recommend",
    "outbrain",
    "taboola",
];

/// A class name whose words name a list of other stories' cards ("m-card-group", "card-list";
/// not "cards" alone, which a recipe's card may say of itself) or the links to the stories
/// before and after ("next-prev", "prev-next-links").
fn other_stories_by_pairs(words: &[String]) -> bool {
    let has = |wanted: &[&str]| words.iter().any(|w| wanted.contains(&w.as_str()));
    (has(&["card", "cards"])
        && has(&[
            "group", "list", "grid", "deck", "stack", "carousel", "rail", "river",
        ]))
        || (has(&["next"]) && has(&["prev", "previous"]))
}

/// A page footer (`footer_meta`, "site-footer") or an author's bio box ("tdb-author-descr",
/// "author-bio"): what the site says of itself and its staff ("read by 200,000 people a
/// month"), not the article, whatever prose it holds.
fn site_about_itself(words: &[String]) -> bool {
    let has = |wanted: &[&str]| words.iter().any(|w| wanted.contains(&w.as_str()));
    has(&["footer"])
        || (has(&["author"]) && has(&["bio", "descr", "desc", "description", "about"]))
        || words.iter().any(|w| w == "authorbio" || w == "aboutauthor")
}

/// Words after "most" in boxes of other stories ("most-read", "most-commented").
const MOST_WORDS: &[&str] = &["read", "popular", "viewed", "commented", "shared", "emailed"];

fn is_notes_container(tag: &Tag<'_>) -> bool {
    let role = tag.attribute("role").unwrap_or_default();
    role == "doc-endnotes"
        || role == "doc-footnotes"
        || tag.has_class("footnotes")
        || tag.has_class("references")
        || tag.has_class("endnotes")
        || (tag.name == "aside" && tag.attribute("id").is_some_and(|i| i.contains("note")))
}

/// The note a Wikipedia marker links to: `#cite_note-Foo-12` → `cite_note-Foo-12` (Parsoid
/// writes `./Page#cite_note-…`).
fn cite_note_target(href: &str) -> Option<String> {
    let target = percent_decoded(&href[href.find('#')? + 1..]);
    target.starts_with("cite_note-").then_some(target)
}

/// The number at the end of an id: `fn3` → 3, `cite_note-12` → 12, `cite_note-foo-4` → 4.
fn trailing_number(id: &str) -> Option<String> {
    let digits: String = id.chars().rev().take_while(char::is_ascii_digit).collect();
    (!digits.is_empty()).then(|| digits.chars().rev().collect())
}

/// Reads a tag at the start of `text` ("<p class=x>", "</td>", "<br/>"). `None` when `<` does
/// not start a tag.
pub(crate) fn parse_tag(text: &str) -> Option<(Tag<'_>, usize)> {
    let bytes = text.as_bytes();
    let end_tag = bytes.get(1) == Some(&b'/');
    let name_start = 1 + usize::from(end_tag);
    let name_len = bytes[name_start..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
        .count();
    if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
        return None;
    }
    // The tag ends at the first `>` outside quotes.
    let mut quote = None;
    let mut close = None;
    for (index, &byte) in bytes.iter().enumerate().skip(name_start + name_len) {
        match (quote, byte) {
            (None, b'"' | b'\'') => quote = Some(byte),
            (Some(q), b) if b == q => quote = None,
            (None, b'>') => {
                close = Some(index);
                break;
            }
            _ => {}
        }
    }
    let close = close?;
    let name = text[name_start..name_start + name_len].to_ascii_lowercase();
    let attributes = &text[name_start + name_len..close];
    let self_closing = attributes.trim_end().ends_with('/')
        || matches!(
            name.as_str(),
            "br" | "hr" | "img" | "meta" | "link" | "input" | "wbr"
        );
    Some((
        Tag {
            name,
            end: end_tag,
            self_closing,
            attributes,
        },
        close + 1,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_parse_with_quoted_attributes() {
        let (tag, length) = parse_tag("<a href=\"#fn1\" title='a > b'>1</a>").expect("a tag");
        assert_eq!(
            (tag.name.as_str(), length, tag.attribute("href").as_deref()),
            ("a", 29, Some("#fn1"))
        );
        assert!(parse_tag("< 5 and").is_none());
    }
}
