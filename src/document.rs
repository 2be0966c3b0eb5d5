//! The document model every reader produces and every later stage reads.
//!
//! Format specifics end in `ingest`: a `Document` is the text as a reader sees it, cut into
//! blocks and sentences, with the footnote markers and definitions found in it and a source
//! map back to the original file.

use crate::span::{Cursor, Position, SourceMap, Span};

/// The formats claimlint reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    Text,
    Markdown,
    Html,
    Jats,
    DocBook,
    Docx,
    Pdf,
}

impl InputFormat {
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Markdown => "markdown",
            Self::Html => "html",
            Self::Jats => "jats",
            Self::DocBook => "docbook",
            Self::Docx => "docx",
            Self::Pdf => "pdf",
        }
    }
}

/// What kind of block a stretch of text is; checks treat headings and notes differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading or title line; `level` 1 is the top.
    Heading {
        level: u8,
    },
    Paragraph,
    ListItem,
    /// Text in a table cell (index into `Document::table_cells`).
    TableCell {
        cell: usize,
    },
    Quote,
    /// The body of a footnote definition (index into `Document::footnote_defs`).
    Note {
        definition: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index into `Document::blocks`.
    pub block: usize,
}

/// A footnote marker in the running text ("worldwide.1", "\[12\]", "¹²", Markdown `[^x]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FootnoteRef {
    /// The label as shown ("12", "a").
    pub label: String,
    /// What the marker links to, where the markup says (`MediaWiki`'s `cite_note-…`): markers
    /// and notes are matched by it rather than by the shown label.
    pub target: Option<String>,
    /// The marker's bytes in the text; empty where the reader keeps no text for it
    /// (Markdown `[^x]`), placed where it stands.
    pub span: Span,
    /// The marker in the original file.
    pub original: Span,
}

impl FootnoteRef {
    /// What matches the marker to its note: its link target, else its label.
    #[must_use]
    pub fn key(&self) -> &str {
        self.target.as_deref().unwrap_or(&self.label)
    }
}

/// A footnote definition: its label and its body's blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FootnoteDef {
    pub label: String,
    /// The id markers link to, where the markup gives one (`MediaWiki`'s `cite_note-…`).
    pub target: Option<String>,
    /// The label in the original file (for diagnostics).
    pub original: Span,
    /// The definition's text (possibly empty).
    pub span: Span,
}

impl FootnoteDef {
    /// What matches the note to its markers: its id, else its label.
    #[must_use]
    pub fn key(&self) -> &str {
        self.target.as_deref().unwrap_or(&self.label)
    }
}

/// A table cell: its text and the header cells that name what its figure is.
///
/// Headers are cells of the same table, so a figure in a cell can be read with its row and
/// column ("Germany", "Share of renewables (%)", "2020") as a sentence is read with its words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableCell {
    /// The cell's text (all its blocks), trimmed; empty for an empty cell.
    pub span: Span,
    /// A header cell: `th`, a cell of a header row (`thead`, a Word header row).
    pub header: bool,
    /// Header cells above it, outermost first (indices into `Document::table_cells`).
    pub column_headers: HeaderCells,
    /// Header cells left of it, outermost first: `th` cells of its row, else the row's label
    /// (the first cell, when it holds words).
    pub row_headers: HeaderCells,
}

/// Up to `HeaderCells::MAX` header cells (indices into `Document::table_cells`), outermost
/// first, kept inline: a table of a million cells holds no allocation per cell.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HeaderCells {
    len: u8,
    cells: [u32; HeaderCells::MAX],
}

impl HeaderCells {
    /// Most header levels kept per direction (header rows above a cell, header cells left of it).
    pub const MAX: usize = 3;

    /// Adds a cell after the others; false when full (or the index is beyond `u32`).
    pub fn push(&mut self, cell: usize) -> bool {
        let (Some(slot), Ok(cell)) = (self.cells.get_mut(usize::from(self.len)), u32::try_from(cell)) else {
            return false;
        };
        *slot = cell;
        self.len += 1;
        true
    }

    /// The cells, outermost first.
    #[must_use]
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = usize> + ExactSizeIterator + '_ {
        self.cells[..usize::from(self.len)]
            .iter()
            .map(|&cell| cell as usize)
    }

    #[must_use]
    pub fn first(&self) -> Option<usize> {
        self.iter().next()
    }

    #[must_use]
    pub fn contains(&self, cell: usize) -> bool {
        self.iter().any(|c| c == cell)
    }

    #[must_use]
    pub fn len(&self) -> usize {
        usize::from(self.len)
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl FromIterator<usize> for HeaderCells {
    /// The first `MAX` cells of `cells`.
    fn from_iter<I: IntoIterator<Item = usize>>(cells: I) -> Self {
        let mut headers = Self::default();
        for cell in cells {
            if !headers.push(cell) {
                break;
            }
        }
        headers
    }
}

/// A calendar date with the precision it was stated at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
            if let Some(day) = self.day {
                write!(f, "-{day:02}")?;
            }
        }
        Ok(())
    }
}

/// What a suppression comment says to silence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Directive {
    /// `disable-next-line`: the next line with content.
    NextLine,
    /// `disable-line`: the comment's own line (a comment after the text on its line).
    Line,
    /// `disable`: from the next line with content to the line before the matching `enable`
    /// (or the end of the document).
    Disable,
    /// `enable`: ends the `disable` of the same rules before it; silences nothing itself.
    Enable,
    /// `disable-file`: the whole document.
    File,
    /// A directive claimlint does not know (`claimlint-disabel`): reported, silences nothing.
    Unknown(String),
}

/// An inline suppression: `<!-- claimlint-disable-next-line RULE -- reason -->` in Markdown,
/// HTML and XML, a line `claimlint: disable-next-line RULE -- reason` in plain text; also
/// `disable-line`, `disable` … `enable` and `disable-file`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// What it silences: the next line, its own line, a range, the file.
    pub directive: Directive,
    /// Rule ids it silences; empty means every rule.
    pub rules: Vec<String>,
    pub reason: Option<String>,
    /// The comment in the original file.
    pub original: Span,
    /// The line of the original file it applies to (the next non-blank line); for a DOCX,
    /// the first paragraph of its part that a Word comment is anchored to.
    pub line: usize,
    /// The last line it applies to (a Word comment may span paragraphs); `line` elsewhere.
    pub last_line: usize,
    /// For a DOCX, the part its lines count in (`document`, `footnotes`, `endnotes`).
    pub part: Option<&'static str>,
}

impl Suppression {
    /// Parses the words after the directive: rule ids, then `--` and a reason.
    #[must_use]
    pub fn parse(body: &str, original: Span, line: usize) -> Self {
        let (rules, reason) = match body.split_once("--") {
            Some((rules, reason)) => (rules, Some(reason.trim()).filter(|r| !r.is_empty())),
            None => (body, None),
        };
        let rules = rules
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|r| !r.is_empty() && *r != "all" && *r != "*")
            .map(str::to_owned)
            .collect();
        Self {
            directive: Directive::NextLine,
            rules,
            reason: reason.map(str::to_owned),
            original,
            line,
            last_line: line,
            part: None,
        }
    }

    /// The directive and the words after it opening a comment's text (`claimlint-disable-line
    /// RULE -- reason`); `None` when the comment is no claimlint directive.
    #[must_use]
    pub fn comment_directive(comment: &str) -> Option<(Directive, &str)> {
        let rest = comment.trim().strip_prefix("claimlint-")?;
        let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (word, body) = rest.split_at(word_end);
        let directive = match word {
            "disable-next-line" => Directive::NextLine,
            "disable-line" => Directive::Line,
            "disable" => Directive::Disable,
            "enable" => Directive::Enable,
            "disable-file" => Directive::File,
            other => Directive::Unknown(other.to_owned()),
        };
        Some((directive, body))
    }

    /// The words after `claimlint-disable-next-line` opening a comment's text (HTML, XML and
    /// Markdown comments, Word comments): rule ids, then `--` and a reason.
    #[must_use]
    pub fn comment_body(comment: &str) -> Option<&str> {
        comment
            .trim()
            .strip_prefix("claimlint-")?
            .strip_prefix(SUPPRESSION_DIRECTIVE)
    }

    /// Does it silence `rule` at `line` of `part`?
    #[must_use]
    pub fn covers(&self, rule: &str, part: Option<&str>, line: usize) -> bool {
        self.part == part
            && (self.line..=self.last_line).contains(&line)
            && (self.rules.is_empty() || self.rules.iter().any(|r| r == rule))
    }
}

/// A part of a DOCX package: where its extracted text starts in the document's original and
/// its first line there. Positions in a part count from its own first paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub name: &'static str,
    pub start: usize,
    pub first_line: usize,
}

/// Where output reports a span: line and column (1-based, columns in characters) and byte
/// offsets, in the original file or, for a DOCX, in the part named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub part: Option<&'static str>,
    pub line: usize,
    pub column: usize,
    pub start: usize,
    pub end: usize,
}

/// A source given in the text rather than by a footnote: a link on or near a figure, an
/// author–year citation, an attribution to a named source, a "Source:" line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// The words that give it, in the document's text.
    pub span: Span,
    pub kind: SourceKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SourceKind {
    /// A hyperlink (Markdown, HTML).
    Link,
    /// A URL written out in the text.
    Url,
    /// "(Smith et al., 2020)", "Smith and Jones (2019)".
    AuthorYear,
    /// A paper named by its authors' initials and year ("KR2015"): a source for its own
    /// sentence only.
    InitialsYear,
    /// "according to the central bank", "said the minister", "data from Eurostat".
    Attribution,
    /// A "Source:" or "Sources:" line (under a table or figure).
    SourceLine,
}

impl SourceKind {
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Link => "link",
            Self::Url => "url",
            Self::AuthorYear => "author-year",
            Self::InitialsYear => "initials-year",
            Self::Attribution => "attribution",
            Self::SourceLine => "source-line",
        }
    }
}

/// The directive that starts a suppression, after `<!--` or `claimlint:`.
pub const SUPPRESSION_DIRECTIVE: &str = "disable-next-line";

/// A PDF line's box on its page, in points from the page's top left: the line's left and
/// right ink, from its size above the baseline to a quarter of it below.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineBox {
    /// Where the line starts in the original (the pages' extracted text).
    pub start: usize,
    /// The page, from 1.
    pub page: usize,
    pub left: f32,
    pub top: f32,
    pub right: f32,
    pub bottom: f32,
}

/// The type a Markdown document declares with an improvement proposal's header (EIP, BIP,
/// CIP …) in its front matter: a specification.
pub const PROPOSAL: &str = "proposal";

#[derive(Debug, Clone)]
pub struct Document {
    /// The name shown in messages and output: the path as given, or `--stdin-filename`.
    pub name: String,
    pub format: InputFormat,
    /// The text as a reader sees it.
    pub text: String,
    /// Blocks in text order, not overlapping.
    pub blocks: Vec<Block>,
    /// Sentences in text order, each inside one block.
    pub sentences: Vec<Sentence>,
    /// Footnote markers in text order.
    pub footnote_refs: Vec<FootnoteRef>,
    pub footnote_defs: Vec<FootnoteDef>,
    /// Stretches of text that hold no figures: inline code, URLs, section numbers and
    /// footnote markers. Sorted, not overlapping.
    pub ignored: Vec<Span>,
    /// Inline suppressions, in source order.
    pub suppressions: Vec<Suppression>,
    /// Sources given in the text (links, author–year citations, attributions, "Source:"
    /// lines), in text order.
    pub sources: Vec<Source>,
    /// Notes cited from parts of the page the reader leaves out (an infobox, navigation), by
    /// key: they are cited, though no marker of the text cites them.
    pub cited_elsewhere: Vec<String>,
    /// Code blocks the reader left out (Markdown fences, DocBook program listings): many of
    /// them make a technical document, whose figures are the software's parameters.
    pub code_blocks: usize,
    /// The kind of document its markup declares (JATS `article-type`: "research-article",
    /// "review-article", "editorial" …; [`PROPOSAL`] for a proposal's front matter), for the
    /// profile.
    pub declared_type: Option<String>,
    /// The language its markup declares (`<html lang>`, JATS `xml:lang`, front matter `lang:`),
    /// as written.
    pub declared_language: Option<String>,
    /// The document's language when it is not English (found from its text when read): the
    /// rules that read words do not run on it.
    pub foreign_language: Option<crate::ingest::language::Foreign>,
    /// The title its metadata gives (Markdown front matter `title:` or `title = "…"`), for the
    /// profile: a title is not always in the text.
    pub title: Option<String>,
    /// The format numbers its notes itself when it shows them (Markdown `[^label]` notes, Word
    /// footnotes): the labels are not the numbers a reader sees, so their order says nothing.
    pub notes_renumbered: bool,
    /// Table cells, in the order they open; blocks of kind `TableCell` point here.
    pub table_cells: Vec<TableCell>,
    /// Table cells past `Limits::table_cells`, left out (neither text nor claims).
    pub table_cells_skipped: usize,
    /// DOCX parts and PDF pages (empty for other formats).
    pub parts: Vec<Part>,
    /// Where each line of a PDF stands on its page, in the order of the extracted text (empty
    /// for other formats): what a review page needs to draw the page and mark a figure on it.
    pub line_boxes: Vec<LineBox>,
    /// The document's own date (metadata or a date line near the top), "now" for modality.
    pub date: Option<Date>,
    pub source_map: SourceMap,
}

impl Document {
    #[must_use]
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// The block just before the run of blocks of `kind` that `block` ends, looking back at
    /// most `reach` blocks: what introduces a list or a quotation ("… include:").
    #[must_use]
    pub fn before_run(&self, block: usize, kind: BlockKind, reach: usize) -> Option<usize> {
        (block.saturating_sub(reach)..block)
            .rev()
            .find(|&earlier| self.blocks[earlier].kind != kind)
    }

    /// The box of the PDF line that holds byte `offset` of the original (the pages' text).
    #[must_use]
    pub fn line_box(&self, offset: usize) -> Option<&LineBox> {
        let index = self.line_boxes.partition_point(|b| b.start <= offset);
        self.line_boxes.get(index.checked_sub(1)?)
    }

    /// True when `span` touches an ignored stretch.
    #[must_use]
    pub fn is_ignored(&self, span: Span) -> bool {
        let index = self.ignored.partition_point(|s| s.end <= span.start);
        self.ignored.get(index).is_some_and(|s| s.overlaps(span))
    }

    /// A citation element at byte `at` of the text (an HTML inline citation, an MDX `<Cite/>`)
    /// cites for the sentence it closes: a link source on the character before it, spaces
    /// passed over. Nothing at the text's start.
    pub fn cite_before(&mut self, at: usize) {
        let end = self.text[..at].trim_end().len();
        if end == 0 {
            return;
        }
        let start = crate::span::floor_char_boundary(&self.text, end - 1);
        self.sources.push(Source {
            span: Span::new(start, end),
            kind: SourceKind::Link,
        });
    }

    /// The sources (sorted by span) that overlap `span`.
    pub fn sources_within(&self, span: Span) -> impl Iterator<Item = &Source> {
        let first = self.sources.partition_point(|s| s.span.end <= span.start);
        self.sources[first..]
            .iter()
            .take_while(move |s| s.span.start < span.end)
    }

    /// True when the whole of `span` lies in one ignored stretch (a block of a reference list),
    /// not only touches one (a block's own raised marker, a bit of code).
    #[must_use]
    pub fn is_wholly_ignored(&self, span: Span) -> bool {
        let index = self.ignored.partition_point(|s| s.end <= span.start);
        self.ignored
            .get(index)
            .is_some_and(|s| s.start <= span.start && s.end >= span.end)
    }

    /// The first line after `line` of the original file that is not blank (the line a
    /// suppression on `line` applies to).
    #[must_use]
    pub fn next_content_line(&self, line: usize) -> usize {
        let original = self.source_map.original();
        original
            .lines()
            .enumerate()
            .skip(line)
            .find(|(_, text)| {
                let text = text.trim_start();
                !text.is_empty() && !text.starts_with("<!--") && !text.starts_with("claimlint:")
            })
            .map_or(line + 1, |(index, _)| index + 1)
    }

    /// Points each comment suppression, made at its comment's line, at the next line with
    /// content (the line it applies to). Readers of formats with comments call it once the
    /// source map is set.
    pub fn aim_suppressions(&mut self) {
        let targets: Vec<usize> = self
            .suppressions
            .iter()
            .map(|s| self.next_content_line(s.line))
            .collect();
        let own_lines: Vec<usize> = self.suppressions.iter().map(|s| s.line).collect();
        for (index, target) in targets.iter().enumerate() {
            let (line, last_line) = match &self.suppressions[index].directive {
                Directive::NextLine => (*target, *target),
                Directive::Line => (own_lines[index], own_lines[index]),
                Directive::File => (1, usize::MAX),
                // Silences nothing: an `enable`, or a directive claimlint does not know.
                Directive::Enable | Directive::Unknown(_) => (0, 0),
                Directive::Disable => {
                    // To the line before the first later `enable` of the same rules.
                    let rules = &self.suppressions[index].rules;
                    let end = self.suppressions[index + 1..]
                        .iter()
                        .find(|s| {
                            s.directive == Directive::Enable && (&s.rules == rules || s.rules.is_empty())
                        })
                        .map_or(usize::MAX, |s| s.line.saturating_sub(1));
                    (*target, end)
                }
            };
            let suppression = &mut self.suppressions[index];
            suppression.line = line;
            suppression.last_line = last_line.max(line);
        }
    }

    /// Where a span of the original file is reported: its line and column in the original
    /// file, or, for a DOCX, the paragraph of its part, and offsets into that part's text.
    #[must_use]
    pub fn locate(&self, original: Span) -> Location {
        self.place(original, self.source_map.position_of_original(original.start))
    }

    /// Like `locate`, for spans that come mostly in source order (a document's claims or one
    /// rule's findings): `cursor` counts the characters of a long line once, not once per span.
    #[must_use]
    pub fn locate_in_order(&self, original: Span, cursor: &mut Cursor<'_>) -> Location {
        self.place(original, cursor.position(original.start))
    }

    fn place(&self, original: Span, position: Position) -> Location {
        let mut location = Location {
            part: None,
            line: position.line,
            column: position.column,
            start: original.start,
            end: original.end,
        };
        if let Some(part) = self.part_at(original.start) {
            location.part = Some(part.name);
            location.line = position.line + 1 - part.first_line;
            location.start = original.start - part.start;
            location.end = original.end.saturating_sub(part.start);
        }
        location
    }

    /// For a DOCX document: the part holding original offset `offset`, so positions can be
    /// given relative to it (line = paragraph of the part, offsets into its text).
    #[must_use]
    pub fn part_at(&self, offset: usize) -> Option<&Part> {
        let index = self.parts.partition_point(|p| p.start <= offset);
        index.checked_sub(1).map(|i| &self.parts[i])
    }

    /// The table cell a block of text lies in, if any.
    #[must_use]
    pub fn cell_of_block(&self, block: usize) -> Option<&TableCell> {
        match self.blocks.get(block)?.kind {
            BlockKind::TableCell { cell } => self.table_cells.get(cell),
            _ => None,
        }
    }

    /// The texts of a cell's row and column headers, outermost first, joined by spaces.
    #[must_use]
    pub fn header_text(&self, cell: &TableCell) -> String {
        let mut out = String::new();
        for header in cell.row_headers.iter().chain(cell.column_headers.iter()) {
            if let Some(header) = self.table_cells.get(header) {
                out.push_str(self.slice(header.span));
                out.push(' ');
            }
        }
        out
    }

    /// Sorts and merges the ignored stretches; readers call it when done (and the marker
    /// finder before it looks, so that it can search them).
    pub fn finish_ignored(&mut self) {
        self.ignored.sort_unstable();
        let mut merged: Vec<Span> = Vec::with_capacity(self.ignored.len());
        for span in self.ignored.drain(..) {
            match merged.last_mut() {
                Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
                _ => merged.push(span),
            }
        }
        self.ignored = merged;
    }
}
