//! Markdown (CommonMark with footnotes, tables and front matter) on `pulldown-cmark`, keeping
//! byte offsets: the text is what a reader sees; code, inline HTML and comments are left out,
//! inline code is kept but holds no figures, and the text of HTML blocks is read as paragraphs
//! (a page whose body is raw HTML is still prose).

use pulldown_cmark::{Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};

use crate::calendar::parse_date_line;
use crate::document::{
    Block, BlockKind, Document, FootnoteDef, FootnoteRef, InputFormat, Source, SourceKind,
};
use crate::ingest::tables::{CellStart, Tables};
use crate::ingest::{empty_document, markers, sentences, text::section_number};
use crate::span::{SourceMap, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    Paragraph,
    Heading(u8),
    Item,
    Quote,
    /// A table cell (index into `Document::table_cells`).
    Cell(usize),
    Note(usize),
    /// A table's header row.
    Head,
    /// Code blocks, front matter, HTML blocks and image descriptions: no prose.
    Skipped,
    Metadata,
    Other,
}

#[expect(clippy::too_many_lines, reason = "one arm per Markdown event, as a table")]
pub fn read(name: String, original: String, offset: usize, table_cells: usize) -> Document {
    let mut document = empty_document(name, InputFormat::Markdown, String::new());
    // The original is handed to the map once read (held once, not copied).
    let mut map = SourceMap::lines_of(&original);
    // The text is about the original's length (markup out, separators in): reserved once
    // rather than doubled as it grows.
    document.text.reserve(original.len() - offset);
    let mended = crate::ingest::pipe_tables::mend(&original[offset..], table_cells);
    let (source, edits) = match &mended {
        Some(mended) => (mended.text.as_str(), Some(&mended.edits)),
        None => (&original[offset..], None),
    };
    let unshift = |at: usize| edits.map_or(at, |e| e.original(at));
    let options = Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut stack: Vec<Container> = Vec::new();
    let mut open: Option<(BlockKind, usize)> = None;
    let mut note_start: Vec<(usize, usize)> = Vec::new();
    let mut tables = Tables::new(table_cells);
    // The rows the mending took out are cells left out too.
    tables.skip(mended.as_ref().map_or(0, |m| m.left_out));
    // What the HTML blocks read so far leave open: a script, a quotation, a tag.
    let mut html_state = HtmlBlockState::default();
    // Whether each open link points inside the document, and where its text starts: a link
    // to another page is a source for the figures near it.
    let mut links: Vec<(bool, usize)> = Vec::new();

    // The source after an HTML block's unclosed `<pre>`, `<script>` or `<style>` up to its end
    // tag: a blank line ends the block for CommonMark, and the code after it would read as
    // paragraphs.
    let mut raw_region: Option<(usize, usize)> = None;
    // An end tag looked for and not found: not looked for again (one search per document,
    // whatever the number of HTML blocks after a stray `<pre>`).
    let mut raw_unclosed = false;
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        if let Some((start, end)) = raw_region {
            if range.start >= end {
                raw_region = None;
                html_state.raw_until = None;
            } else if match event {
                // A container opened and closed inside the code goes with it; the HTML block
                // that opened the code keeps its end.
                Event::Start(_) | Event::End(_) => range.start >= start && range.end <= end,
                Event::Html(_) => false,
                _ => true,
            } {
                continue;
            }
        }
        let original_range = Span::new(unshift(range.start) + offset, unshift(range.end) + offset);
        match event {
            Event::Start(tag) => {
                let container = match tag {
                    Tag::Paragraph => Container::Paragraph,
                    Tag::Heading { level, .. } => Container::Heading(level as u8),
                    Tag::Item => Container::Item,
                    Tag::BlockQuote(_) => Container::Quote,
                    Tag::Table(_) => {
                        tables.open_table();
                        Container::Other
                    }
                    Tag::TableHead => {
                        tables.set_head(true);
                        tables.open_row(&mut document.table_cells, &document.text, true);
                        Container::Head
                    }
                    Tag::TableRow => {
                        tables.open_row(&mut document.table_cells, &document.text, false);
                        Container::Other
                    }
                    Tag::TableCell => {
                        close(&mut document, &mut open);
                        let header = stack.last() == Some(&Container::Head);
                        // A cell past the document's limit is left out, like code.
                        tables
                            .open_cell(&mut document.table_cells, &document.text, CellStart::new(header))
                            .map_or(Container::Skipped, Container::Cell)
                    }
                    Tag::FootnoteDefinition(label) => {
                        let label_span =
                            Span::new(original_range.start, original_range.start + label.len() + 4);
                        document.footnote_defs.push(FootnoteDef {
                            target: None,
                            label: label.to_string(),
                            original: label_span,
                            span: Span::default(),
                        });
                        note_start.push((document.footnote_defs.len() - 1, usize::MAX));
                        Container::Note(document.footnote_defs.len() - 1)
                    }
                    Tag::MetadataBlock(MetadataBlockKind::YamlStyle | MetadataBlockKind::PlusesStyle) => {
                        Container::Metadata
                    }
                    Tag::Link { ref dest_url, .. } => {
                        links.push((dest_url.starts_with('#'), document.text.len()));
                        Container::Other
                    }
                    Tag::CodeBlock(_) => {
                        document.code_blocks += 1;
                        Container::Skipped
                    }
                    Tag::HtmlBlock => {
                        // A tag left open at the end of the last block ends with it.
                        html_state.open_tag = None;
                        Container::Skipped
                    }
                    Tag::Image { .. } => Container::Skipped,
                    _ => Container::Other,
                };
                if is_text_container(container) {
                    close(&mut document, &mut open);
                }
                stack.push(container);
            }
            Event::End(tag) => {
                let popped = stack.pop();
                if matches!(
                    tag,
                    TagEnd::Paragraph
                        | TagEnd::Heading(_)
                        | TagEnd::Item
                        | TagEnd::TableCell
                        | TagEnd::BlockQuote(_)
                ) {
                    close(&mut document, &mut open);
                }
                match tag {
                    TagEnd::Link => {
                        if let Some((internal, start)) = links.pop() {
                            let span = Span::new(start, document.text.len().max(start));
                            if !internal {
                                document.sources.push(Source {
                                    span,
                                    kind: SourceKind::Link,
                                });
                            } else if is_bracketed_number(document.slice(span)) {
                                // "[[4]](#4)": a cross-reference to a part of the document (an
                                // item, a note written as HTML), not a marker whose note is
                                // missing.
                                document.ignored.push(span);
                            }
                        }
                    }
                    TagEnd::TableCell => tables.close_cell(&mut document.table_cells, &document.text),
                    TagEnd::TableHead => tables.set_head(false),
                    TagEnd::Table => tables.close_table(&mut document.table_cells, &document.text),
                    _ => {}
                }
                if let Some(Container::Note(definition)) = popped {
                    close(&mut document, &mut open);
                    let start = note_start
                        .pop()
                        .map_or(document.text.len(), |(_, s)| s.min(document.text.len()));
                    document.footnote_defs[definition].span =
                        Span::new(start, document.text.len().max(start));
                }
            }
            Event::Text(ref text) | Event::Code(ref text) => {
                let is_code = matches!(event, Event::Code(_));
                if stack.contains(&Container::Metadata) {
                    if document.date.is_none() {
                        document.date = text
                            .lines()
                            .find(|line| line.trim_start().to_ascii_lowercase().starts_with("date:"))
                            .and_then(parse_date_line);
                    }
                    if document.title.is_none() {
                        document.title = text.lines().find_map(metadata_title);
                    }
                    if document.declared_language.is_none() {
                        document.declared_language = text.lines().find_map(metadata_language);
                    }
                    if document.declared_type.is_none() && is_proposal_header(text) {
                        document.declared_type = Some(crate::document::PROPOSAL.to_owned());
                    }
                    continue;
                }
                if stack.contains(&Container::Skipped) {
                    continue;
                }
                ensure_open(&mut document, &mut open, &stack, &mut note_start);
                let at = document.text.len();
                document.text.push_str(text);
                map.push(at, text.len(), original_range.start, original_range.len());
                if is_code {
                    document.ignored.push(Span::new(at, document.text.len()));
                }
                if let Some((BlockKind::Heading { .. }, block_start)) = open
                    && block_start == at
                    && let Some((number_len, _)) = section_number(text)
                {
                    document.ignored.push(Span::new(at, at + number_len));
                }
            }
            Event::SoftBreak | Event::HardBreak if open.is_some() => {
                let at = document.text.len();
                document.text.push('\n');
                map.push(at, 1, original_range.start, original_range.len().max(1));
            }
            Event::Html(ref html) | Event::InlineHtml(ref html) => {
                suppression(&mut document, &map, html, original_range);
                if matches!(event, Event::InlineHtml(_)) && is_citation_element(html) {
                    let at = document.text.len();
                    document.cite_before(at);
                }
                // An HTML block's text is prose too (pages whose body is raw HTML).
                if matches!(event, Event::Html(_)) && stack.last() == Some(&Container::Skipped) {
                    html_block_text(
                        &mut document,
                        &mut map,
                        &mut open,
                        &mut html_state,
                        html,
                        original_range.start,
                    );
                    if raw_region.is_none()
                        && !raw_unclosed
                        && let Some(name) = html_state.raw_until.as_deref()
                    {
                        let rest = &source[range.end..];
                        let length = crate::ingest::html::raw_text_length(rest, name);
                        raw_region = (length < rest.len()).then_some((range.end, range.end + length));
                        raw_unclosed = raw_region.is_none();
                    }
                }
            }
            Event::FootnoteReference(label) => {
                let at = document.text.len();
                document.footnote_refs.push(FootnoteRef {
                    target: None,
                    label: label.to_string(),
                    span: Span::new(at, at),
                    original: original_range,
                });
            }
            _ => {}
        }
    }
    close(&mut document, &mut open);
    tables.finish(&mut document);
    map.set_original(original);
    document.source_map = map;
    document.aim_suppressions();
    let directives = template_directives(&document.text);
    document.ignored.extend(directives);
    jsx_elements(&mut document);
    literal_references(&mut document);
    document.notes_renumbered = !document.footnote_refs.is_empty();
    if document.footnote_refs.is_empty() {
        markers::find_inline(&mut document);
        document.footnote_refs.sort_by_key(|r| r.span);
    }
    sentences::split(&mut document);
    document.finish_ignored();
    document
}

/// Whether an inline HTML or JSX tag is a citation element (`<Cite id="smith.2020"/>`,
/// `<cite>`, `<Citation …>`), as MDX articles and pages cite the works in their reference list.
fn is_citation_element(html: &str) -> bool {
    let name = html.strip_prefix('<').unwrap_or_default();
    let name = &name[..name.bytes().take_while(u8::is_ascii_alphanumeric).count()];
    ["cite", "citation", "citations"]
        .iter()
        .any(|element| element.eq_ignore_ascii_case(name))
}

/// Longest JSX element read in running text, in bytes.
const MAX_JSX_BYTES: usize = 2_000;

/// JSX elements in running text, which CommonMark leaves as text when their props are
/// expressions (`<Cite ids={['a.2019', 'b.2013']}/>`, `<Chart data={[1, 2]} />`): markup,
/// set aside with their numbers. A citation element among them is a source for its sentence.
/// An element is a capitalised tag name whose attributes hold an expression in braces, closed
/// by `>` within `MAX_JSX_BYTES` and its paragraph.
fn jsx_elements(document: &mut Document) {
    let mut found = Vec::new();
    let text = &document.text;
    // The next `>` at or after a `<`, found once for every `<` before it: a `<` with no `>`
    // in reach, or no expression before it, is passed over without a scan.
    let mut next_close: Option<usize> = None;
    for (lt, _) in text.match_indices('<') {
        if next_close.is_none_or(|close| close < lt) {
            next_close = Some(memchr::memchr(b'>', &text.as_bytes()[lt..]).map_or(text.len(), |at| lt + at));
        }
        let close = next_close.unwrap_or(text.len());
        if close >= text.len()
            || close - lt > MAX_JSX_BYTES
            || memchr::memmem::find(&text.as_bytes()[lt..close], b"={").is_none()
        {
            continue;
        }
        let rest = &text[lt + 1..];
        let name_len = rest
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_'))
            .count();
        if name_len == 0
            || !rest.starts_with(|c: char| c.is_ascii_uppercase())
            || !rest[name_len..].starts_with(|c: char| c.is_whitespace() || c == '/')
        {
            continue;
        }
        let window = &rest[..crate::span::floor_char_boundary(rest, rest.len().min(MAX_JSX_BYTES))];
        let Some(end) = TagScan::default().end(window) else {
            continue;
        };
        let tag = &window[..end];
        if tag.contains("\n\n") || !tag.contains("={") {
            continue;
        }
        found.push((Span::new(lt, lt + 1 + end), is_citation_element(&text[lt..])));
    }
    for (span, citation) in found {
        if citation {
            document.cite_before(span.start);
        }
        document.ignored.push(span);
    }
}

/// Site generators' template directives in the text: Hugo and Zola shortcodes (`{{< figure
/// src="a.png" width="850" >}}`, `{{ image(path="a.png") }}`), Jinja and Liquid tags (`{%
/// include x.html %}`). Their numbers are widths and arguments, not figures, and they hold no
/// markers. A directive ends on its line or within `MAX_DIRECTIVE_BYTES`; an opening with no
/// close sets nothing aside.
fn template_directives(text: &str) -> Vec<Span> {
    const MAX_DIRECTIVE_BYTES: usize = 1_000;
    /// The next `close` at or after `from`, remembered: each search starts past the last, so
    /// the scan is linear however many openings have no close near them.
    fn next(text: &str, close: &str, from: usize, cached: &mut Option<usize>) -> Option<usize> {
        if cached.is_none_or(|at| at < from) {
            // None found: the end of the text stands for it, so the search is not repeated.
            *cached = Some(text[from..].find(close).map_or(text.len(), |at| from + at));
        }
        cached.filter(|&at| at < text.len())
    }
    let (mut braces, mut percent) = (None, None);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = memchr::memchr(b'{', &text.as_bytes()[from..]) {
        let open = from + found;
        from = open + 1;
        let close = match text.as_bytes().get(open + 1) {
            Some(b'{') => next(text, "}}", open + 2, &mut braces),
            Some(b'%') => next(text, "%}", open + 2, &mut percent),
            _ => continue,
        };
        let Some(close) = close.filter(|&close| close - open <= MAX_DIRECTIVE_BYTES) else {
            continue;
        };
        if text[open..close].contains("\n\n") {
            continue;
        }
        out.push(Span::new(open, close + 2));
        from = close + 2;
    }
    out
}

/// The title a front-matter line gives: `title: Survey results` (YAML) or `title = "Survey
/// results"` (TOML).
fn metadata_title(line: &str) -> Option<String> {
    let rest = line.trim_start().strip_prefix("title")?.trim_start();
    let value = rest.strip_prefix(':').or_else(|| rest.strip_prefix('='))?.trim();
    let value = value.trim_matches(|c| c == '"' || c == '\'');
    (!value.is_empty()).then(|| value.to_owned())
}

/// The language a front matter line declares (`lang: de`, `language = "fr"`).
fn metadata_language(line: &str) -> Option<String> {
    let line = line.trim_start();
    let rest = line
        .strip_prefix("language")
        .or_else(|| line.strip_prefix("lang"))?
        .trim_start();
    let value = rest.strip_prefix(':').or_else(|| rest.strip_prefix('='))?.trim();
    let value = value.trim_matches(|c| c == '"' || c == '\'');
    (!value.is_empty()).then(|| value.to_owned())
}

/// Keys that hold a number in front matter without numbering a proposal.
const NUMBER_KEYS: [&str; 8] = [
    "id",
    "year",
    "order",
    "weight",
    "version",
    "page",
    "nav_order",
    "rank",
];

/// Whether front matter is an improvement proposal's header (EIP, BIP, CIP, FIP, SIMD, ZIP …):
/// a short key that numbers the document ("CIP: 75", "simd: '0047'"), a status and its authors.
/// A blog post's front matter has authors but no status and no number of its own.
fn is_proposal_header(text: &str) -> bool {
    let (mut numbered, mut status, mut authors) = (false, false, false);
    for line in text.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let key = key.trim().to_ascii_lowercase();
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
        match key.as_str() {
            "status" => status = !value.is_empty(),
            "author" | "authors" => authors = true,
            _ if (2..=5).contains(&key.len())
                && key.bytes().all(|b| b.is_ascii_lowercase())
                && !NUMBER_KEYS.contains(&key.as_str())
                && (1..=6).contains(&value.len())
                && value.bytes().all(|b| b.is_ascii_digit()) =>
            {
                numbered = true;
            }
            _ => {}
        }
    }
    numbered && status && authors
}

const fn is_text_container(container: Container) -> bool {
    matches!(
        container,
        Container::Paragraph
            | Container::Heading(_)
            | Container::Item
            | Container::Cell(_)
            | Container::Note(_)
    )
}

/// Opens a block for text arriving now, if none is open, and returns its start.
fn ensure_open(
    document: &mut Document,
    open: &mut Option<(BlockKind, usize)>,
    stack: &[Container],
    note_start: &mut [(usize, usize)],
) -> usize {
    if let Some((_, start)) = open {
        return *start;
    }
    if !document.text.is_empty() {
        document.text.push_str("\n\n");
    }
    let start = document.text.len();
    let kind = block_kind(stack);
    if let Some(entry) = note_start.last_mut() {
        entry.1 = entry.1.min(start);
    }
    *open = Some((kind, start));
    start
}

fn block_kind(stack: &[Container]) -> BlockKind {
    if let Some(definition) = stack.iter().rev().find_map(|c| match c {
        Container::Note(d) => Some(*d),
        _ => None,
    }) {
        return BlockKind::Note { definition };
    }
    for container in stack.iter().rev() {
        match container {
            Container::Heading(level) => return BlockKind::Heading { level: *level },
            Container::Cell(cell) => return BlockKind::TableCell { cell: *cell },
            Container::Item => return BlockKind::ListItem,
            Container::Quote => return BlockKind::Quote,
            _ => {}
        }
    }
    BlockKind::Paragraph
}

fn close(document: &mut Document, open: &mut Option<(BlockKind, usize)>) {
    if let Some((kind, start)) = open.take() {
        let end = document.text.len();
        let trimmed_end = start + document.text[start..end].trim_end().len();
        if trimmed_end > start {
            document.blocks.push(Block {
                kind,
                span: Span::new(start, trimmed_end),
            });
        }
    }
}

/// Elements of an HTML block that end a paragraph of its text.
const HTML_BLOCK_BREAKS: &[&str] = &[
    "div",
    "p",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "q",
    "blockquote",
    "td",
    "th",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "br",
    "hr",
    "figure",
    "figcaption",
    "dd",
    "dt",
    "iframe",
    "img",
];

/// What the lines of HTML blocks read so far leave open for the next ones.
#[derive(Debug, Default)]
struct HtmlBlockState {
    /// Inside a script or style: the end tag that closes it.
    raw_until: Option<String>,
    /// Where an open `<q>` starts in the text.
    quote_start: Option<usize>,
    /// Inside a tag whose attributes run over lines (`<img` then `src=…` on the next line, a
    /// JSX component's props one per line): where its scan stands.
    open_tag: Option<TagScan>,
}

/// Where a scan for a tag's closing `>` stands: inside a quoted value, or inside the braces of
/// a JSX expression (`total={365.4}`, `onClick={() => go()}`), a `>` does not close it.
#[derive(Debug, Default, Clone, Copy)]
struct TagScan {
    quote: Option<u8>,
    braces: u32,
}

impl TagScan {
    /// The byte after the `>` that closes the tag in `text`, or `None` if it runs on past it.
    fn end(&mut self, text: &str) -> Option<usize> {
        for (at, byte) in text.bytes().enumerate() {
            match (self.quote, byte) {
                (Some(quote), _) if byte == quote => self.quote = None,
                (Some(_), _) => {}
                (None, b'"' | b'\'' | b'`') => self.quote = Some(byte),
                (None, b'{') => self.braces += 1,
                (None, b'}') => self.braces = self.braces.saturating_sub(1),
                (None, b'>') if self.braces == 0 => return Some(at + 1),
                _ => {}
            }
        }
        None
    }
}

/// Reads the text of one line of an HTML block as paragraphs: tags left out, entities decoded,
/// every stretch mapped to its place in the original; scripts and styles skipped, and tags
/// whose attributes run over lines, across lines (`state` holds what is open).
fn html_block_text(
    document: &mut Document,
    map: &mut SourceMap,
    open: &mut Option<(BlockKind, usize)>,
    state: &mut HtmlBlockState,
    html: &str,
    original_start: usize,
) {
    let mut at = 0;
    if let Some(scan) = &mut state.open_tag {
        let Some(end) = scan.end(html) else {
            return;
        };
        at = end;
        state.open_tag = None;
    }
    while at < html.len() {
        if let Some(name) = state.raw_until.as_deref() {
            let skipped = crate::ingest::html::raw_text_length(&html[at..], name);
            at += skipped;
            if at >= html.len() {
                return;
            }
            state.raw_until = None;
        }
        let Some(lt) = html[at..].find('<').map(|i| at + i) else {
            push_block_text(document, map, open, &html[at..], original_start + at);
            return;
        };
        push_block_text(document, map, open, &html[at..lt], original_start + at);
        let Some((tag, length)) = crate::ingest::html::parse_tag(&html[lt..]) else {
            // A tag the parser does not take whole: one that runs on to the next lines, or a
            // JSX component's (`<Chart data={[1, 2]} />`), is markup up to its closing `>`; a
            // stray `<` leaves the rest of the line out.
            if !html[lt + 1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
                return;
            }
            let mut scan = TagScan::default();
            if let Some(end) = scan.end(&html[lt..]) {
                at = lt + end;
                continue;
            }
            state.open_tag = Some(scan);
            return;
        };
        if HTML_BLOCK_BREAKS.contains(&tag.name.as_str()) {
            close(document, open);
        }
        // `<q>…</q>`: quoted words are their speaker's (a source, as a quotation is).
        if tag.name == "q" {
            if tag.end {
                if let Some(start) = state.quote_start.take() {
                    let end = document.text.len();
                    if end > start {
                        document.sources.push(Source {
                            span: Span::new(start, end),
                            kind: SourceKind::Attribution,
                        });
                    }
                }
            } else {
                state.quote_start = Some(document.text.len());
            }
        }
        // Scripts and styles, and preformatted text (code and its output): no prose.
        if !tag.end
            && !tag.self_closing
            && (crate::ingest::html::RAW_TEXT.contains(&tag.name.as_str()) || tag.name == "pre")
        {
            state.raw_until = Some(tag.name.clone());
        }
        at = lt + length;
    }
}

/// Appends a stretch of an HTML block's text, opening a paragraph for it if none is open.
fn push_block_text(
    document: &mut Document,
    map: &mut SourceMap,
    open: &mut Option<(BlockKind, usize)>,
    raw: &str,
    original_start: usize,
) {
    if raw.trim().is_empty() {
        if open.is_some() && !raw.is_empty() {
            let at = document.text.len();
            document.text.push(' ');
            map.push(at, 1, original_start, raw.len());
        }
        return;
    }
    if open.is_none() {
        if !document.text.is_empty() {
            document.text.push_str("\n\n");
        }
        *open = Some((BlockKind::Paragraph, document.text.len()));
    }
    crate::ingest::entities::append_decoded(&mut document.text, map, raw, original_start);
}

/// `[^x]` markers whose definition is missing: CommonMark leaves them as text, but they are
/// still markers (and `footnote/undefined` must see them). Inline code is not searched.
fn literal_references(document: &mut Document) {
    const MAX_LABEL: usize = 40;
    let mut found = Vec::new();
    for (at, _) in document.text.match_indices("[^") {
        let rest = &document.text[at + 2..];
        let Some(close) = rest.find(']') else { continue };
        let label = &rest[..close];
        let valid = !label.is_empty() && label.len() <= MAX_LABEL && !label.contains(char::is_whitespace);
        let span = Span::new(at, at + 2 + close + 1);
        if valid && !document.is_ignored(span) {
            found.push((label.to_owned(), span));
        }
    }
    for (label, span) in found {
        let original = document.source_map.original_span(span);
        document.footnote_refs.push(FootnoteRef {
            target: None,
            label,
            span,
            original,
        });
        document.ignored.push(span);
    }
    document.footnote_refs.sort_by_key(|r| r.span);
}

/// `<!-- claimlint-disable-next-line RULE -- reason -->`.
fn suppression(document: &mut Document, map: &SourceMap, html: &str, original: Span) {
    let Some(comment) = html.trim().strip_prefix("<!--") else {
        return;
    };
    let comment = comment.trim_end().trim_end_matches("-->").trim();
    let Some((directive, body)) = crate::document::Suppression::comment_directive(comment) else {
        return;
    };
    // The comment's own last line, then the next line with content.
    let end_line = map.line_of_original(original.end.saturating_sub(1));
    let comment_start = original.start + html.len() - html.trim_start().len();
    let comment_span = Span::new(comment_start, comment_start + html.trim().len());
    let mut parsed = crate::document::Suppression::parse(body, comment_span, 0);
    parsed.directive = directive;
    parsed.line = end_line;
    document.suppressions.push(parsed);
}

/// Whether a link's text is a number alone, bracketed or not ("4", "[4]").
fn is_bracketed_number(text: &str) -> bool {
    let inner = text.trim().trim_start_matches('[').trim_end_matches(']');
    (1..=3).contains(&inner.len()) && inner.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::template_directives;

    #[test]
    fn template_directives_are_found_in_linear_time() {
        let text = "A {{< figure width=\"640\" >}} and {% include a.html %} and {{ x }}.";
        let found: Vec<&str> = template_directives(text)
            .into_iter()
            .map(|span| &text[span.range()])
            .collect();
        assert_eq!(
            found,
            ["{{< figure width=\"640\" >}}", "{% include a.html %}", "{{ x }}"]
        );
        // Openings with no close: one pass, nothing set aside.
        assert!(template_directives(&"{{".repeat(200_000)).is_empty());
        // A close too far away, or across a paragraph break, closes nothing.
        let far = format!("{{{{ {} }}}}", "a".repeat(2_000));
        assert!(template_directives(&far).is_empty());
        assert!(template_directives("{{ a\n\nb }}").is_empty());
    }
}
