//! Byte spans and the source map.
//!
//! Every stage works in byte offsets into the document's *text* (what a reader sees). The
//! source map turns those back into byte offsets, lines and columns of the *original* file,
//! once, at the edge. Mixing character and byte offsets is the classic bug of linters
//! (Vale's source carries a warning about it); we convert in one place only.

use std::ops::Range;

/// Up to `bytes` of `text` before `offset`, cut at a character boundary: the stages look at the
/// few words around a figure, never at the whole text before it (which would be quadratic).
#[must_use]
pub fn window_before(text: &str, offset: usize, bytes: usize) -> &str {
    let start = floor_char_boundary(text, offset.saturating_sub(bytes));
    &text[start..offset]
}

/// Up to `bytes` of `text` after `offset`, cut at a character boundary.
#[must_use]
pub fn window_after(text: &str, offset: usize, bytes: usize) -> &str {
    let end = floor_char_boundary(text, (offset + bytes).min(text.len()));
    &text[offset..end.max(offset)]
}

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// `span` of `text` without its leading and trailing whitespace; empty at `span.start` when it
/// is all whitespace. Readers use it to fit blocks, notes and sentences to their words.
#[must_use]
pub fn trim_span(text: &str, span: Span) -> Span {
    let slice = &text[span.range()];
    let leading = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if trimmed.is_empty() {
        return Span::new(span.start, span.start);
    }
    Span::new(span.start + leading, span.start + leading + trimmed.len())
}

impl Span {
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    #[must_use]
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    #[must_use]
    pub const fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// True when the two spans share at least one byte.
    #[must_use]
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    #[must_use]
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    #[must_use]
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

/// A place in the original file: byte offset plus 1-based line and column, where the column
/// counts Unicode characters (SARIF's `unicodeCodePoints`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub offset: usize,
    pub line: usize,
    pub column: usize,
}

/// One stretch of text that came from one stretch of the original.
///
/// When both lengths are equal the bytes map one to one (plain prose); when they differ
/// (an entity, an escape) every byte of the text maps to the start of the original stretch,
/// and a span ending inside it maps to the stretch's end.
#[derive(Debug, Clone, Copy)]
struct Segment {
    text_start: usize,
    text_len: usize,
    original_start: usize,
    original_len: usize,
}

/// Maps byte offsets of a document's text back to its original file.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    /// Segments sorted by `text_start`, not overlapping.
    segments: Vec<Segment>,
    /// Byte offset of the start of every line of the original.
    line_starts: Vec<usize>,
    /// The original file's text, for counting characters into a line.
    original: String,
}

impl SourceMap {
    /// A map for text that is the original itself shifted by `offset` bytes (a stripped BOM).
    #[must_use]
    pub fn identity(original: String, offset: usize, text_len: usize) -> Self {
        let mut map = Self::new(original);
        map.push(0, text_len, offset, text_len);
        map
    }

    /// An empty map over `original`; readers add segments as they build the text.
    #[must_use]
    pub fn new(original: String) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', original.as_bytes()).map(|i| i + 1));
        Self {
            segments: Vec::new(),
            line_starts,
            original,
        }
    }

    /// An empty map with the lines of `original` but not its text, for a reader that reads
    /// from the original while it builds the map: it hands the original over at the end
    /// (`set_original`), so that a document's source is held once. Until then only
    /// `line_of_original` answers.
    #[must_use]
    pub fn lines_of(original: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', original.as_bytes()).map(|i| i + 1));
        Self {
            segments: Vec::new(),
            line_starts,
            original: String::new(),
        }
    }

    /// The map with its original, read for its lines now: for a reader that builds the
    /// original as it goes (a DOCX's paragraphs, a line each).
    #[must_use]
    pub fn with_original(self, original: String) -> Self {
        Self {
            segments: self.segments,
            ..Self::new(original)
        }
    }

    /// Hands over the original that `lines_of` read the lines of.
    pub fn set_original(&mut self, original: String) {
        debug_assert_eq!(
            self.line_starts.len(),
            1 + memchr::memchr_iter(b'\n', original.as_bytes()).count()
        );
        self.original = original;
    }

    /// The line (from 1) of an original byte offset: from the line starts alone.
    #[must_use]
    pub fn line_of_original(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset).max(1)
    }

    /// Records that `text_len` bytes of text starting at `text_start` came from
    /// `original_len` bytes of the original starting at `original_start`.
    pub fn push(&mut self, text_start: usize, text_len: usize, original_start: usize, original_len: usize) {
        if text_len == 0 {
            return;
        }
        if let Some(last) = self.segments.last_mut() {
            let contiguous = last.text_start + last.text_len == text_start
                && last.original_start + last.original_len == original_start
                && last.text_len == last.original_len
                && text_len == original_len;
            if contiguous {
                last.text_len += text_len;
                last.original_len += original_len;
                return;
            }
        }
        self.segments.push(Segment {
            text_start,
            text_len,
            original_start,
            original_len,
        });
    }

    /// The original file's text.
    #[must_use]
    pub fn original(&self) -> &str {
        &self.original
    }

    /// The segment holding text byte `offset`, or the last one before it (for separators the
    /// reader inserted, which belong to no original stretch).
    fn segment_at(&self, offset: usize) -> Option<&Segment> {
        let index = self.segments.partition_point(|s| s.text_start <= offset);
        index.checked_sub(1).map(|i| &self.segments[i])
    }

    /// The original byte offset of the start of text byte `offset`.
    #[must_use]
    pub fn original_offset(&self, offset: usize) -> usize {
        let Some(segment) = self.segment_at(offset) else {
            return 0;
        };
        let into = offset - segment.text_start;
        if into >= segment.text_len {
            return segment.original_start + segment.original_len;
        }
        if segment.text_len == segment.original_len {
            segment.original_start + into
        } else {
            segment.original_start
        }
    }

    /// The original byte range of a text span.
    #[must_use]
    pub fn original_span(&self, span: Span) -> Span {
        let start = self.original_offset(span.start);
        if span.is_empty() {
            return Span::new(start, start);
        }
        let Some(segment) = self.segment_at(span.end - 1) else {
            return Span::new(start, start);
        };
        let into = span.end - segment.text_start;
        let end = if segment.text_len == segment.original_len && into <= segment.text_len {
            segment.original_start + into
        } else {
            segment.original_start + segment.original_len
        };
        Span::new(start, end.max(start))
    }

    /// Line and column of an original byte offset.
    #[must_use]
    pub fn position_of_original(&self, offset: usize) -> Position {
        let offset = floor_char_boundary(&self.original, offset.min(self.original.len()));
        let line_index = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let line_start = self.line_starts[line_index];
        let mut column = self.original[line_start..offset].chars().count() + 1;
        // Editors do not show a byte order mark, so it takes no column.
        if line_index == 0 && column > 1 && self.original.starts_with('\u{feff}') {
            column -= 1;
        }
        Position {
            offset,
            line: line_index + 1,
            column,
        }
    }

    /// Line and column of the start of a text span, in the original file.
    #[must_use]
    pub fn position(&self, span: Span) -> Position {
        self.position_of_original(self.original_offset(span.start))
    }
}

/// Computes positions for offsets that mostly come in increasing order (claims in source
/// order), counting the characters of a long line once rather than once per claim.
#[derive(Debug)]
pub struct Cursor<'a> {
    map: &'a SourceMap,
    line_index: usize,
    offset: usize,
    column: usize,
}

impl<'a> Cursor<'a> {
    #[must_use]
    pub fn new(map: &'a SourceMap) -> Self {
        Self {
            map,
            line_index: usize::MAX,
            offset: 0,
            column: 0,
        }
    }

    /// The position of an original byte offset.
    pub fn position(&mut self, offset: usize) -> Position {
        let original = &self.map.original;
        let offset = floor_char_boundary(original, offset.min(original.len()));
        let line_index = self.map.line_starts.partition_point(|&s| s <= offset) - 1;
        if line_index != self.line_index || offset < self.offset {
            return self.restart(offset);
        }
        self.column += original[self.offset..offset].chars().count();
        self.offset = offset;
        Position {
            offset,
            line: line_index + 1,
            column: self.column,
        }
    }

    fn restart(&mut self, offset: usize) -> Position {
        let position = self.map.position_of_original(offset);
        self.line_index = position.line - 1;
        self.offset = offset;
        self.column = position.column;
        position
    }
}

/// The 1-based line and column (in characters) of byte `offset` of a plain text: for errors in
/// files that have no source map (rule files, configs, XML parts, undecodable input).
#[must_use]
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1;
    (line, before[line_start..].chars().count() + 1)
}

/// The largest char boundary at or before `index`.
#[must_use]
pub fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// The first byte at or after `from` that `wanted` takes, tested sixteen bytes at a time (a
/// test the compiler turns into vector instructions when `wanted` is a few comparisons joined
/// by `|`: joined by `||`, their branches keep it a byte at a time): the scans for digits and
/// marks skip the long runs of prose between them.
#[inline]
#[must_use]
pub fn next_byte(bytes: &[u8], from: usize, wanted: impl Fn(u8) -> bool) -> Option<usize> {
    const LANES: usize = 16;
    let mut at = from;
    while at + LANES <= bytes.len() {
        let chunk = &bytes[at..at + LANES];
        if chunk.iter().fold(0u8, |any, &b| any | u8::from(wanted(b))) != 0 {
            break;
        }
        at += LANES;
    }
    bytes.get(at..)?.iter().position(|&b| wanted(b)).map(|i| at + i)
}

/// The smallest char boundary at or after `index` (the text's length past its end).
#[must_use]
pub fn ceil_char_boundary(text: &str, mut index: usize) -> usize {
    if index >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(index) {
        index += 1;
    }
    index
}

#[cfg(test)]
mod tests {

    #[test]
    fn line_column_counts_characters_after_the_last_newline() {
        assert_eq!(line_column("ab\ncé\nx", 0), (1, 1));
        assert_eq!(line_column("ab\ncé\nx", 3), (2, 1));
        // "é" is two bytes and one column; an offset inside it is floored to its start.
        assert_eq!(line_column("ab\ncé\nx", 5), (2, 2));
        assert_eq!(line_column("ab\ncé\nx", 6), (2, 3));
        assert_eq!(line_column("ab\ncé\nx", 99), (3, 2));
    }

    use super::*;

    #[test]
    fn identity_map_counts_columns_in_characters() {
        let original = "ab\n€12 x".to_owned();
        let map = SourceMap::identity(original.clone(), 0, original.len());
        let at = original.find("12").unwrap();
        let position = map.position(Span::new(at, at + 2));
        assert_eq!((position.line, position.column, position.offset), (2, 2, at));
    }

    #[test]
    fn collapsed_segment_maps_to_its_whole_original() {
        let mut map = SourceMap::new("&euro;5 x".to_owned());
        map.push(0, 3, 0, 6); // "€" from "&euro;"
        map.push(3, 3, 6, 3); // "5 x"
        assert_eq!(map.original_span(Span::new(0, 4)), Span::new(0, 7));
        assert_eq!(map.original_offset(4), 7);
    }

    #[test]
    fn bom_offset_shifts_positions() {
        let original = "\u{feff}12".to_owned();
        let map = SourceMap::identity(original, 3, 2);
        assert_eq!(map.original_span(Span::new(0, 2)), Span::new(3, 5));
        assert_eq!(map.position(Span::new(0, 2)).column, 1);
    }
}
