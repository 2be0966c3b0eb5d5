//! PDF: the glyphs hayro draws, laid out by us into lines, blocks and notes.
//!
//! hayro (`hayro-syntax`, `hayro-interpret`) parses the file and interprets each page's content
//! stream; a [`Device`] of ours receives every glyph with its Unicode text, its position and its
//! size. No PDF library gives footnotes, so the layout is ours:
//!
//! - **Lines** follow the content stream's order: a glyph joins the current line when its
//!   baseline is within half a font size of it and it does not jump back; a gap wider than a
//!   sixth of the font size is a space. Glyphs drawn twice at one place (fake bold) are kept
//!   once; rotated glyphs and glyphs outside the page are dropped.
//! - **Superscripts** (set smaller, baseline raised) are note markers when they are digits glued
//!   to the word before ("rose 12 percent.³"), exponents after "10" or when signed ("10⁻⁵"),
//!   and ordinal endings or symbols otherwise. A superscript label opening a small-type line
//!   labels a note.
//! - **Running headers and footers** are lines in the top or bottom tenth of a page whose text
//!   (digits aside) recurs on at least half the pages, and bare page numbers there; a title on
//!   the first page set larger than the body is kept.
//! - **Notes** are the lines set smaller than the body at the foot of a page, each starting with
//!   its label (raised or not); lines before a page's first label continue the previous
//!   page's last note. A marker and a note confirm each other: a marker whose label no note
//!   gives is dropped (it is an exponent or an affiliation mark), and a small-print line whose
//!   label no marker cites is small print, not a note (a table's numbered notes).
//!   Small print with body text below it in its column (affiliations under a paper's
//!   authors) is no note, since notes close a column; where one label opens several small
//!   lines (a numbered list of works above the notes), the lowest is the note; a marker waits
//!   for its note on the next page only from the lower half of its own page.
//! - **Blocks**: a paragraph breaks where the line spacing opens up, the size changes or the
//!   text moves back up (a new column or page) and the sentence has ended; a word hyphenated
//!   across lines is joined. Lines set clearly larger than the body are headings.
//!
//! Positions (DESIGN.md): `part` is the page (`page 3`), `line` the line in reading order on
//! that page, `column` the character in that line, offsets into the page's extracted text.
//! Not yet read: columns placed out of content-stream order, tables as cells.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Mutex, OnceLock};

use hayro_interpret::font::{Glyph as PdfGlyph, GlyphRun};
use hayro_interpret::{
    BlendMode, ClipPath, Context, Device, DrawMode, DrawProps, Image, ImageDrawProps, InterpreterCache,
    InterpreterSettings, SoftMask, interpret_page,
};
use hayro_syntax::{LoadPdfError, Pdf};
use kurbo::{Affine, BezPath, Point, Rect};

use crate::config::Limits;
use crate::document::{Block, BlockKind, Document, FootnoteDef, FootnoteRef, InputFormat, Part};
use crate::error::{Error, Result};
use crate::ingest::{empty_document, sentences};
use crate::span::{SourceMap, Span, trim_span};

mod grid;
mod streams;

/// Most pages read from one PDF (`pdf_pages` in `[limits]`).
pub const MAX_PAGES: usize = 5_000;

/// Bytes one PDF stream may inflate to (`pdf_stream_mib` in `[limits]`).
pub const MAX_STREAM_BYTES: u64 = 256 << 20;

/// Bytes all of a PDF's streams may inflate to together (`pdf_inflated_mib` in `[limits]`).
pub const MAX_INFLATED_BYTES: u64 = 1 << 30;

/// Most glyphs read from one page (`pdf_page_glyphs` in `[limits]`): far above a dense page
/// of small print (about 10,000).
pub const MAX_PAGE_GLYPHS: usize = 200_000;

/// A superscript is set at most this share of its line's size.
const SUPERSCRIPT_SIZE: f32 = 0.85;
/// A superscript's baseline is raised by at least this share of its line's size.
const SUPERSCRIPT_RAISE: f32 = 0.15;
/// A gap wider than this share of the font size is a space.
const SPACE_GAP: f32 = 1.0 / 6.0;
/// Note lines are set at most this share of the body size.
const NOTE_SIZE: f32 = 0.92;
/// A gap wider than this many font sizes separates a table's cells.
const TABLE_GAP: f32 = 2.0;
/// Headings are set at least this share of the body size.
const HEADING_SIZE: f32 = 1.15;
/// The top and bottom share of a page where running heads and page numbers stand.
const MARGIN: f32 = 0.1;

fn damaged(path: &Path, reason: impl Into<String>) -> Error {
    Error::DamagedPdf {
        path: path.to_path_buf(),
        reason: reason.into(),
    }
}

/// Stack for the thread that runs hayro: hayro bounds its own recursion (objects nested 512
/// deep, content 50 deep; the deepest file tried needed under 128 KiB), and this is far above
/// that whatever thread reads the document, so no file can overflow it.
const READER_STACK: usize = 64 * 1024 * 1024;

/// Reads a PDF into a document, on a thread with a stack of known size.
pub fn read(name: String, bytes: &[u8], path: &Path, limits: &Limits) -> Result<Document> {
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("claimlint-pdf".into())
            .stack_size(READER_STACK)
            .spawn_scoped(scope, || read_here(name, bytes, path, limits))
            .map_err(|error| damaged(path, format!("no thread to read it on: {error}")))?
            .join()
            .unwrap_or_else(|_| Err(damaged(path, "it cannot be interpreted")))
    })
}

fn read_here(name: String, bytes: &[u8], path: &Path, limits: &Limits) -> Result<Document> {
    let ceiling = streams::Ceiling {
        stream: limits.pdf_stream_bytes,
        total: limits.pdf_inflated_bytes,
    };
    let overrun = |overrun| match overrun {
        streams::Overrun::Stream { object } => damaged(
            path,
            format!(
                "its stream in object {object} inflates to more than {} MiB (`pdf_stream_mib` in [limits])",
                limits.pdf_stream_bytes >> 20
            ),
        ),
        streams::Overrun::Total => damaged(
            path,
            format!(
                "its streams inflate to more than {} MiB together (`pdf_inflated_mib` in [limits])",
                limits.pdf_inflated_bytes >> 20
            ),
        ),
    };
    let objects = streams::check_raw(bytes, ceiling).map_err(overrun)?;
    let pdf = Pdf::new(bytes.to_vec()).map_err(|error| match error {
        LoadPdfError::Decryption(_) => damaged(path, "it is encrypted with a password"),
        LoadPdfError::Invalid => damaged(path, "its structure cannot be read"),
    })?;
    if streams::is_encrypted(bytes) {
        streams::check_decrypted(&pdf, &objects, ceiling).map_err(overrun)?;
    }
    let pages = pdf.pages();
    if pages.len() > limits.pdf_pages {
        return Err(damaged(
            path,
            format!(
                "it has {} pages, over the limit of {} (`pdf_pages` in [limits])",
                pages.len(),
                limits.pdf_pages
            ),
        ));
    }
    let cache = InterpreterCache::new();
    let mut laid_out = Vec::with_capacity(pages.len());
    for (index, page) in pages.iter().enumerate() {
        let (width, height) = page.render_dimensions();
        let mut collector = Collector {
            width: f64::from(width),
            height: f64::from(height),
            glyphs: Vec::new(),
            limit: limits.pdf_page_glyphs,
            over: false,
        };
        // hayro has never panicked on the hostile files tried; should it, the page is an
        // error of this file, not an abort of the run.
        let interpreted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut context = Context::new(
                Affine::IDENTITY,
                Rect::new(0.0, 0.0, 1.0, 1.0),
                &cache,
                pdf.xref(),
                InterpreterSettings::default(),
            );
            interpret_page(page, &mut context, &mut collector);
        }));
        if interpreted.is_err() {
            return Err(damaged(path, format!("page {} cannot be interpreted", index + 1)));
        }
        if collector.over {
            return Err(damaged(
                path,
                format!(
                    "page {} draws more than {} glyphs (`pdf_page_glyphs` in [limits])",
                    index + 1,
                    limits.pdf_page_glyphs
                ),
            ));
        }
        laid_out.push(PageLines {
            height,
            lines: reading_order(lines_of(&collector.glyphs), width),
        });
    }
    Ok(build(name, &laid_out, limits.table_cells))
}

/// One glyph as drawn: its text, where its baseline starts (from the page's top), its size
/// and advance in points.
#[derive(Debug, Clone)]
struct Glyph {
    text: String,
    x: f32,
    y: f32,
    size: f32,
    width: f32,
}

/// The device that collects a page's glyphs.
struct Collector {
    width: f64,
    height: f64,
    glyphs: Vec<Glyph>,
    limit: usize,
    over: bool,
}

impl Device<'_> for Collector {
    fn draw_path(&mut self, _: &BezPath, _: DrawProps<'_>, _: &DrawMode) {}
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'_>>, _: BlendMode) {}
    fn draw_image(&mut self, _: Image<'_, '_>, _: ImageDrawProps<'_>) {}
    fn pop_clip(&mut self) {}
    fn pop_transparency_group(&mut self) {}

    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, '_>, props: DrawProps<'_>, _: &DrawMode) {
        for glyph in run.glyphs() {
            if self.glyphs.len() >= self.limit {
                self.over = true;
                return;
            }
            let transform = props.transform * glyph.transform();
            let [scale_x, shear_y, shear_x, scale_y, _, _] = transform.as_coeffs();
            // Upright text only: rotated and mirrored glyphs are labels of figures and margins.
            if scale_x <= 0.0
                || scale_y <= 0.0
                || shear_y.abs() > scale_x * 0.05
                || shear_x.abs() > scale_y * 0.05
            {
                continue;
            }
            let origin = transform * Point::ZERO;
            let (left, top) = (origin.x, self.height - origin.y);
            if left < -1.0 || left > self.width + 1.0 || top < -1.0 || top > self.height + 1.0 {
                continue;
            }
            let Some(unicode) = glyph.as_unicode() else {
                continue;
            };
            let text = match unicode {
                hayro_cmap::BfString::Char(c) => c.to_string(),
                hayro_cmap::BfString::String(s) => s,
            };
            if text.chars().any(char::is_control) && text != "\t" {
                continue;
            }
            let size = (scale_y * 1000.0) as f32;
            let advance = match &**glyph {
                PdfGlyph::Outline(outline) => outline.advance_width(),
                PdfGlyph::Type3(type3) => type3.advance_width(),
            };
            let width = advance.map_or(size * 0.5, |advance| advance * (scale_x as f32));
            let glyph = Glyph {
                text,
                x: left as f32,
                y: top as f32,
                size,
                width,
            };
            // Fake bold draws each glyph twice (or more) a hair apart.
            if self.glyphs.last().is_some_and(|last| {
                last.text == glyph.text && (last.x - glyph.x).abs() < 1.0 && (last.y - glyph.y).abs() < 1.0
            }) {
                continue;
            }
            self.glyphs.push(glyph);
        }
    }
}

/// A line of a page: its text, where it stands and its size, with the markers taken out of it.
#[derive(Debug, Clone, Default)]
struct Line {
    text: String,
    /// Left and right edges and baseline, in points from the page's top left.
    x: f32,
    right: f32,
    y: f32,
    size: f32,
    /// Note markers: their label and the byte of `text` they stood at.
    markers: Vec<(String, usize)>,
    /// A raised label opening the line (a note's number).
    lead_label: Option<String>,
    /// The line is a row of a table: cells set apart by wide gaps, figures among them, or a
    /// figure standing alone in a column.
    table_row: bool,
    /// The line's cells where gaps of two ems or more split it: the byte each starts at in
    /// `text` and its left and right ink edges.
    cells: Vec<(usize, f32, f32)>,
    /// Where each inked glyph ends: its right edge and the byte of `text` after it (used while
    /// the page is ordered, then dropped).
    glyph_ends: Vec<(f32, usize)>,
}

struct PageLines {
    height: f32,
    lines: Vec<Line>,
}

/// Groups a page's glyphs (in content order) into lines.
fn lines_of(glyphs: &[Glyph]) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    while start < glyphs.len() {
        let mut end = start + 1;
        let (mut baseline, mut size) = (glyphs[start].y, glyphs[start].size);
        let mut right = glyphs[start].x + glyphs[start].width;
        while let Some(next) = glyphs.get(end) {
            let scale = size.max(next.size);
            let same_baseline = (next.y - baseline).abs() <= 0.5 * scale;
            let forward = next.x >= right - 0.5 * scale && next.x - right < 4.0 * scale;
            if !(same_baseline && forward) {
                break;
            }
            // The line's baseline and size are those of its full-size glyphs.
            if next.size > size * 1.1 || (next.size >= size * 0.9 && next.text.trim().is_empty()) {
                baseline = next.y;
                size = next.size;
            }
            // Spaces stretch (justified text): only inked glyphs mark where the line ends.
            if !next.text.trim().is_empty() {
                right = next.x + next.width;
            }
            end += 1;
        }
        let line = render(&glyphs[start..end]);
        if !line.text.trim().is_empty() || line.lead_label.is_some() {
            lines.push(line);
        }
        start = end;
    }
    lines
}

/// A page's lines in reading order: top to bottom in bands that lines across half the page or
/// more separate (titles, full-width paragraphs, table rows; not the lines of a wide column
/// with a narrow one beside it), and within a band column by column, left to right. Each band
/// finds its own columns, from the gutters none of its lines crosses: a table above a page's
/// columns does not hide them. A note's label set apart from its text (a line of its own just
/// above, or drawn after it) joins the line it labels.
fn reading_order(lines: Vec<Line>, page_width: f32) -> Vec<Line> {
    let mut sorted: Vec<Line> = lines;
    adopt_markers(&mut sorted);
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let separates = separators(&sorted, page_width);
    // (band, column, baseline, index into `sorted`)
    let mut keyed: Vec<(usize, usize, f32, usize)> = Vec::with_capacity(sorted.len());
    let mut band = 0;
    let mut start = 0;
    while start < sorted.len() {
        if separates[start] {
            band += 1;
            keyed.push((band, 0, sorted[start].y, start));
            band += 1;
            start += 1;
            continue;
        }
        let end = start
            + separates[start..]
                .iter()
                .take_while(|&&separator| !separator)
                .count();
        let gutters = gutters(&sorted[start..end], page_width);
        for (index, line) in sorted.iter().enumerate().take(end).skip(start) {
            let left = gutters.iter().filter(|(_, end)| *end <= line.x + 1.0).count();
            let right = gutters
                .iter()
                .filter(|(start, _)| *start < line.right - 1.0)
                .count();
            if left == right {
                keyed.push((band, left, line.y, index));
            } else {
                // A line across a gutter (a caption, a running footer) stands alone.
                band += 1;
                keyed.push((band, 0, line.y, index));
                band += 1;
            }
        }
        band += 1;
        start = end;
    }
    keyed.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then(a.2.total_cmp(&b.2)));
    let mut slots: Vec<Option<Line>> = sorted.into_iter().map(Some).collect();
    let mut ordered = attach_labels(
        keyed
            .into_iter()
            .filter_map(|(_, _, _, index)| slots[index].take())
            .collect(),
    );
    for line in &mut ordered {
        line.glyph_ends = Vec::new();
    }
    ordered
}

/// Whether a line is only a small number: a marker or a note label drawn apart from its line.
fn is_label_only(line: &Line) -> bool {
    line.lead_label.is_none()
        && line.markers.is_empty()
        && !line.text.is_empty()
        && line.text.len() <= 3
        && line.text.chars().all(|c| c.is_ascii_digit())
}

/// A marker drawn apart from its line (the content stream sets it after the line, or before):
/// a label-only line raised a little above a line and glued to a word of it becomes that
/// line's marker, at the word it follows.
fn adopt_markers(lines: &mut Vec<Line>) {
    let mut index = 0;
    while index < lines.len() {
        if !is_label_only(&lines[index]) {
            index += 1;
            continue;
        }
        let label = &lines[index];
        let host = lines.iter().enumerate().position(|(other, line)| {
            other != index
                && !is_label_only(line)
                && label.size < line.size * SUPERSCRIPT_SIZE
                && (line.y - label.y) >= line.size * 0.1
                && (line.y - label.y) <= line.size * 0.7
                && label.x > line.x
                && label.x <= line.right + line.size * 0.5
        });
        let Some(host) = host else {
            index += 1;
            continue;
        };
        let (at, end) = lines[host]
            .glyph_ends
            .iter()
            .rev()
            .find(|(right, _)| *right <= lines[index].x + 1.0)
            .map_or((f32::NEG_INFINITY, 0), |&(right, byte)| (right, byte));
        let glued = lines[index].x - at < lines[host].size * 0.3;
        if !glued || crate::ingest::is_power(&lines[host].text[..end], &lines[index].text) {
            index += 1;
            continue;
        }
        let label = lines.remove(index);
        let host = if host > index { host - 1 } else { host };
        let markers = &mut lines[host].markers;
        let place = markers.partition_point(|(_, byte)| *byte <= end);
        markers.insert(place, (label.text, end));
    }
}

/// Which of a page's lines (in order of their baselines) separate bands: lines across half the
/// page or more, with no line beside them at their height (a side table, a margin column).
fn separators(lines: &[Line], page_width: f32) -> Vec<bool> {
    let beside = |index: usize| {
        let line = &lines[index];
        let near = |other: &Line| (other.y - line.y).abs() < 0.8 * other.size.min(line.size);
        let apart = |other: &Line| other.x > line.right + 1.0 || other.right < line.x - 1.0;
        let after = lines[index + 1..].iter().take_while(|other| near(other));
        let before = lines[..index].iter().rev().take_while(|other| near(other));
        after
            .chain(before)
            .any(|other| apart(other) && other.text.chars().count() > 3)
    };
    (0..lines.len())
        .map(|index| lines[index].right - lines[index].x >= page_width * 0.5 && !beside(index))
        .collect()
}

/// Vertical gutters of a band of lines: stretches of the text width at least 6 pt wide with
/// several lines on both sides, that no line of more than a few words crosses, or a line or two
/// in a band of many (a centred running footer, a caption across the gutter).
fn gutters(lines: &[Line], page_width: f32) -> Vec<(f32, f32)> {
    let narrow: Vec<&Line> = lines.iter().filter(|l| l.text.chars().count() > 12).collect();
    if narrow.len() < 6 {
        return Vec::new();
    }
    let width = whole_points(page_width.max(1.0).ceil()) + 1;
    let mut covered = vec![0usize; width];
    for line in &narrow {
        let (start, end) = (whole_points(line.x), whole_points(line.right).min(width - 1));
        for count in covered.iter_mut().take(end + 1).skip(start) {
            *count += 1;
        }
    }
    let crossing = if narrow.len() >= 20 {
        narrow.len() / 40 + 1
    } else {
        0
    };
    let first = covered.iter().position(|&c| c > 0).unwrap_or(0);
    let last = covered.iter().rposition(|&c| c > 0).unwrap_or(0);
    let mut gutters = Vec::new();
    let mut at = first;
    while at < last {
        if covered[at] <= crossing {
            let start = at;
            while at < last && covered[at] <= crossing {
                at += 1;
            }
            // The gutter is the stretch's emptiest part: where lines cross it, they reach into
            // the columns' edges.
            let (from, to) = emptiest(&covered[start..at]);
            let (from, to) = (as_points(start + from), as_points(start + to));
            // Columns on both sides hold several lines each.
            let before = narrow.iter().filter(|l| l.right <= from + 1.0).count();
            let after = narrow.iter().filter(|l| l.x >= to - 1.0).count();
            if to - from >= 6.0 && before >= 3 && after >= 3 {
                gutters.push((from, to));
            }
        }
        at += 1;
    }
    gutters
}

/// The longest run of `counts` at their least, as a start and an end index.
fn emptiest(counts: &[usize]) -> (usize, usize) {
    let least = counts.iter().min().copied().unwrap_or(0);
    let (mut best, mut run) = ((0, 0), None);
    for (at, &count) in counts.iter().chain(std::iter::once(&usize::MAX)).enumerate() {
        match (count == least, run) {
            (true, None) => run = Some(at),
            (false, Some(from)) => {
                if at - from > best.1 - best.0 {
                    best = (from, at);
                }
                run = None;
            }
            _ => {}
        }
    }
    best
}

/// A page coordinate as a whole number of points (a page is at most 14,400 pt across).
#[expect(
    clippy::cast_sign_loss,
    clippy::cast_possible_truncation,
    reason = "clamped to 0..=14,400 first"
)]
fn whole_points(value: f32) -> usize {
    value.clamp(0.0, 14_400.0) as usize
}

/// A whole number of points as a coordinate.
fn as_points(index: usize) -> f32 {
    f32::from(u16::try_from(index).unwrap_or(u16::MAX))
}

/// A note label on a line of its own ("1" set small just above its note, or drawn after it)
/// becomes the lead label of the line it stands at the start of.
fn attach_labels(lines: Vec<Line>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut waiting: Option<Line> = None;
    for mut line in lines {
        if let Some(label) = waiting.take() {
            let near = (line.y - label.y).abs() < line.size * 0.8
                && line.x >= label.x - 1.0
                && line.x - label.right < line.size * 3.0;
            if near && line.lead_label.is_none() && label.size < line.size * SUPERSCRIPT_SIZE {
                line.lead_label = Some(label.text.clone());
            } else {
                out.push(label);
            }
        }
        if is_label_only(&line) {
            waiting = Some(line);
        } else {
            out.push(line);
        }
    }
    out.extend(waiting);
    out
}

/// The text of one line's glyphs, superscripts read as markers, exponents or plain text.
fn render(glyphs: &[Glyph]) -> Line {
    let size = dominant_size(glyphs);
    let baseline = glyphs
        .iter()
        .filter(|g| (g.size - size).abs() < 0.5)
        .map(|g| g.y)
        .fold(f32::NAN, f32::max);
    let raised = |g: &Glyph| g.size < size * SUPERSCRIPT_SIZE && baseline - g.y > size * SUPERSCRIPT_RAISE;
    let last = &glyphs[glyphs.len() - 1];
    let mut line = Line {
        x: glyphs[0].x,
        right: last.x + last.width,
        y: baseline,
        size,
        ..Line::default()
    };
    let mut index = 0;
    let mut right = f32::NEG_INFINITY;
    // The right edge of the last inked glyph: a marker is glued to it, whatever the spaces.
    let mut ink_right = f32::NEG_INFINITY;
    // Where the line's text breaks at gaps wider than two ems (a table's columns).
    let mut cell_starts: Vec<usize> = vec![0];
    // Each cell's left and right ink edges.
    let mut cell_edges: Vec<(f32, f32)> = vec![(glyphs[0].x, glyphs[0].x)];
    while index < glyphs.len() {
        let glyph = &glyphs[index];
        if raised(glyph) {
            let run_end = index + glyphs[index..].iter().take_while(|g| raised(g)).count();
            let run: String = glyphs[index..run_end].iter().map(|g| g.text.as_str()).collect();
            let label = run.trim();
            // Glued, or nearly: a marker after a full stop is often set a little apart.
            let glued = glyph.x - ink_right < size * 0.6;
            let label_like = !label.is_empty()
                && label.chars().count() <= 4
                && label
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '*' | '†' | '‡' | '§' | ','));
            let before = line.text.trim_end();
            if label_like && before.is_empty() {
                line.lead_label = Some(label.to_owned());
            } else if label_like && glued && !crate::ingest::is_power(before, label) {
                for part in label.split(',').filter(|p| !p.is_empty()) {
                    line.markers.push((part.to_owned(), line.text.len()));
                }
            } else {
                if crate::ingest::is_power(before, label) || label.starts_with(['−', '-', '–']) {
                    line.text.push('^');
                }
                line.text.push_str(label);
            }
            right = glyphs[run_end - 1].x + glyphs[run_end - 1].width;
            ink_right = right;
            index = run_end;
            continue;
        }
        let gap = glyph.x - right;
        let is_space = glyph.text.trim().is_empty();
        let opens_cell = !is_space && ink_right.is_finite() && glyph.x - ink_right > size * TABLE_GAP;
        if !line.text.is_empty() && !line.text.ends_with(' ') && (is_space || gap > glyph.size * SPACE_GAP) {
            line.text.push(' ');
        }
        if opens_cell {
            cell_starts.push(line.text.len());
            cell_edges.push((glyph.x, glyph.x));
        }
        if !is_space {
            line.text.push_str(&glyph.text);
            ink_right = glyph.x + glyph.width;
            line.glyph_ends.push((ink_right, line.text.len()));
            if let Some(cell) = cell_edges.last_mut() {
                cell.1 = ink_right;
            }
        }
        right = glyph.x + glyph.width;
        index += 1;
    }
    let trimmed = line.text.trim_end().len();
    line.text.truncate(trimmed);
    line.table_row = is_table_row(&line.text, &cell_starts);
    line.cells = cell_starts
        .iter()
        .zip(&cell_edges)
        .map(|(&start, &(left, right))| (start.min(trimmed), left, right.max(left)))
        .collect();
    for marker in &mut line.markers {
        marker.1 = marker.1.min(trimmed);
    }
    line
}

/// Whether a line's cells (split where `cell_starts` says) make a table row: three cells or
/// more, two whose last is a figure, or a figure alone ("1,650.5", "54%", "(X)", "–").
fn is_table_row(text: &str, cell_starts: &[usize]) -> bool {
    let figure = |cell: &str| grid::is_figure(cell.trim());
    let cells: Vec<&str> = cell_starts
        .iter()
        .enumerate()
        .map(|(index, &start)| {
            let end = cell_starts
                .get(index + 1)
                .map_or(text.len(), |&next| next.saturating_sub(1));
            text.get(start.min(text.len())..end.min(text.len()).max(start.min(text.len())))
                .unwrap_or("")
        })
        .collect();
    match cells.len() {
        0 => false,
        1 => figure(cells[0]),
        2 => figure(cells[1]),
        _ => true,
    }
}

/// The size most of a line's characters are set in.
fn dominant_size(glyphs: &[Glyph]) -> f32 {
    commonest_size(glyphs.iter().map(|g| (g.size, g.text.chars().count())))
}

/// The size (to half a point) that carries the most characters, of `(size, characters)`
/// pairs; the larger on a tie, 10 pt for nothing.
fn commonest_size(sized: impl Iterator<Item = (f32, usize)>) -> f32 {
    let mut counts: Vec<(f32, usize)> = Vec::new();
    for (size, chars) in sized {
        let rounded = (size * 2.0).round() / 2.0;
        match counts.iter_mut().find(|(size, _)| (*size - rounded).abs() < 0.01) {
            Some((_, count)) => *count += chars,
            None => counts.push((rounded, chars)),
        }
    }
    counts
        .iter()
        .max_by(|x, y| x.1.cmp(&y.1).then(x.0.total_cmp(&y.0)))
        .map_or(10.0, |(size, _)| *size)
}

/// What a line of a page is once the page is read as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Body,
    /// A running header or footer, or a page number: left out.
    Furniture,
    /// A line of a note: the note's index among the document's notes.
    Note(usize),
    /// Small print at the foot of a page that is no note.
    SmallPrint,
}

/// A note found at a page's foot.
struct Note {
    label: String,
}

/// "(...continued)", "(continued)": a note going on from the page before.
fn is_continued(text: &str) -> bool {
    let text = text.trim_start().to_lowercase();
    text.starts_with("(...continued)") || text.starts_with("(…continued)") || text.starts_with("(continued)")
}

/// The hyphenated compounds written within lines: "revenue-maximizing", "long-form".
fn compounds(pages: &[PageLines]) -> std::collections::HashSet<String> {
    let mut found = std::collections::HashSet::new();
    for line in pages.iter().flat_map(|p| p.lines.iter()) {
        for word in line
            .text
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '.' | ':'))
        {
            let mut parts = word.split('-');
            if let (Some(head), Some(tail), None) = (parts.next(), parts.next(), parts.next())
                && !head.is_empty()
                && !tail.is_empty()
                && head.chars().all(char::is_alphabetic)
                && tail.chars().all(char::is_alphabetic)
            {
                found.insert(format!("{}-{}", head.to_lowercase(), tail.to_lowercase()));
            }
        }
    }
    found
}

/// Lays the pages' lines out as a document.
fn build(name: String, pages: &[PageLines], table_cells: usize) -> Document {
    let body = body_size(pages);
    let furniture = furniture(pages, body);
    let (roles, notes, confirmed) = note_roles(pages, &furniture, body);
    let mut builder = Builder {
        document: empty_document(name, InputFormat::Pdf, String::new()),
        original: String::new(),
        segments: Vec::new(),
        previous: None,
        open: None,
        note_starts: vec![None; notes.len()],
        body,
        compounds: compounds(pages),
        tables: crate::ingest::tables::Tables::new(table_cells),
    };
    let mut parts = Vec::with_capacity(pages.len());
    let mut first_line = 1;
    for (page_index, page) in pages.iter().enumerate() {
        parts.push(Part {
            name: page_name(page_index + 1),
            start: builder.original.len(),
            first_line,
        });
        let markers_of = |line_index: usize| -> Vec<(&(String, usize), usize)> {
            page.lines[line_index]
                .markers
                .iter()
                .enumerate()
                .filter_map(|(marker, found)| {
                    Some((found, *confirmed.get(&(page_index, line_index, marker))?))
                })
                .collect()
        };
        let grids = grid::grids(&page.lines, &roles[page_index]);
        let mut grids = grids.iter().peekable();
        let mut line_index = 0;
        while line_index < page.lines.len() {
            let role = roles[page_index][line_index];
            if role == Role::Furniture {
                line_index += 1;
                continue;
            }
            if let Some(table) = grids.next_if(|table| table.lines.start == line_index) {
                let markers: Vec<_> = table.lines.clone().map(markers_of).collect();
                builder.table(page_index, &page.lines, table, &markers);
                first_line += table.lines.len();
                line_index = table.lines.end;
                continue;
            }
            first_line += 1;
            builder.line(page_index, &page.lines[line_index], role, &markers_of(line_index));
            line_index += 1;
        }
    }
    builder.finish(&notes, parts)
}

/// The document as it is built, line after line.
struct Builder<'p> {
    document: Document,
    /// The pages' extracted text, a line of the page a line here: what positions count in.
    original: String,
    /// (text start, original start, length) of every line's stretch of text.
    segments: Vec<(usize, usize, usize)>,
    previous: Option<(usize, &'p Line)>,
    open: Option<(BlockKind, usize)>,
    /// Where each note's first line starts in the original.
    note_starts: Vec<Option<usize>>,
    body: f32,
    /// Hyphenated compounds the document writes within a line ("revenue-maximizing"),
    /// lower case: a line broken at one of their hyphens keeps it.
    compounds: std::collections::HashSet<String>,
    /// The tables laid out as grids, for their cells' headers.
    tables: crate::ingest::tables::Tables,
}

impl<'p> Builder<'p> {
    /// Adds a line to the pages' text (and its box): where it starts there.
    fn original_line(&mut self, page: usize, line: &Line) -> usize {
        let line_start = self.original.len();
        self.document.line_boxes.push(crate::document::LineBox {
            start: line_start,
            page: page + 1,
            left: line.x,
            top: line.y - line.size,
            right: line.right,
            bottom: line.y + line.size * 0.25,
        });
        self.original.push_str(&line.text);
        self.original.push('\n');
        line_start
    }

    /// Adds a table laid out as a grid: each cell a block of its own, in the column of the
    /// header above it, the header row's cells its headers.
    fn table(
        &mut self,
        page: usize,
        lines: &'p [Line],
        table: &grid::Grid,
        markers: &[Vec<(&(String, usize), usize)>],
    ) {
        let document = &mut self.document;
        close_block(document, &mut self.open);
        let columns = grid::columns(lines, table);
        self.tables.open_table();
        for (row_index, (row, row_columns)) in table.rows.iter().zip(&columns).enumerate() {
            let head = table.header && row_index == 0;
            self.tables
                .open_row(&mut self.document.table_cells, &self.document.text, head);
            let mut column = row_columns.iter();
            for line_index in row.clone() {
                let line = &lines[line_index];
                let line_start = self.original_line(page, line);
                let cells = grid::cells(line);
                for (cell_index, cell) in cells.iter().enumerate() {
                    // A marker belongs to the cell it follows, up to where the next cell starts.
                    let reach = cells
                        .get(cell_index + 1)
                        .map_or(line.text.len(), |next| next.text.start);
                    let document = &mut self.document;
                    let before = document.text.len();
                    if !document.text.is_empty() {
                        document.text.push_str("\n\n");
                    }
                    let (at_column, colspan) = column.next().copied().unwrap_or((0, 1));
                    let start = crate::ingest::tables::CellStart {
                        column: Some(at_column),
                        colspan,
                        ..crate::ingest::tables::CellStart::new(head)
                    };
                    let Some(index) = self
                        .tables
                        .open_cell(&mut document.table_cells, &document.text, start)
                    else {
                        // Past the document's limit of cells: left out, markers and all.
                        document.text.truncate(before);
                        self.tables.close_cell(&mut document.table_cells, &document.text);
                        continue;
                    };
                    let at = document.text.len();
                    document.text.push_str(&line.text[cell.text.clone()]);
                    let span = Span::new(at, document.text.len());
                    document.blocks.push(Block {
                        kind: BlockKind::TableCell { cell: index },
                        span,
                    });
                    self.segments
                        .push((at, line_start + cell.text.start, cell.text.len()));
                    self.tables.close_cell(&mut document.table_cells, &document.text);
                    let in_cell = markers[line_index - table.lines.start]
                        .iter()
                        .filter(|((_, byte), _)| {
                            cell.text.start < *byte && (*byte <= reach || cell_index + 1 == cells.len())
                        });
                    for &((label, byte), note) in in_cell {
                        let in_text = at + (byte - cell.text.start).min(cell.text.len());
                        push_marker(document, label, note, in_text, line_start + byte);
                    }
                }
            }
        }
        self.tables
            .close_table(&mut self.document.table_cells, &self.document.text);
        self.previous = table.lines.clone().last().map(|last| (page, &lines[last]));
    }

    /// Adds one line of a page: to the open block, or opening the next.
    fn line(&mut self, page: usize, line: &'p Line, role: Role, markers: &[(&(String, usize), usize)]) {
        let line_start = self.original_line(page, line);
        let kind = match role {
            Role::Note(note) => BlockKind::Note { definition: note },
            // A table row is read as one cell of its own (no headers yet): its figures are a
            // table's, which its caption or source line covers.
            _ if line.table_row => BlockKind::TableCell {
                cell: self.document.table_cells.len(),
            },
            _ if line.size >= self.body * HEADING_SIZE && line.text.chars().count() < 150 => {
                BlockKind::Heading {
                    level: if line.size >= self.body * 1.5 { 1 } else { 2 },
                }
            }
            _ if is_body_size_heading(&line.text) => BlockKind::Heading { level: 2 },
            _ => BlockKind::Paragraph,
        };
        let starts_note = matches!(role, Role::Note(note) if self.note_starts[note].is_none());
        if let BlockKind::TableCell { .. } = kind {
            self.document
                .table_cells
                .push(crate::document::TableCell::default());
        }
        let continues = !starts_note
            && !matches!(kind, BlockKind::TableCell { .. })
            && self.open.is_some_and(|(open, _)| open == kind)
            && self.previous.is_some_and(|(previous_page, previous)| {
                continues_paragraph(previous_page, previous, page, line, kind)
            });
        let document = &mut self.document;
        let mut text = line.text.as_str();
        if continues {
            // A word broken across the lines: "infra-" + "structure".
            let hyphenated = document.text.ends_with('-')
                && document.text[..document.text.len() - 1].ends_with(char::is_alphabetic)
                && text.starts_with(char::is_lowercase);
            // "revenue-" + "maximizing" keeps its hyphen where the document writes the
            // compound whole elsewhere.
            let compound = hyphenated && {
                let before = &document.text[..document.text.len() - 1];
                let head_start = before
                    .char_indices()
                    .rev()
                    .find(|(_, c)| !c.is_alphanumeric())
                    .map_or(0, |(i, c)| i + c.len_utf8());
                let head = &before[head_start..];
                let tail = text.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
                self.compounds
                    .contains(&format!("{}-{}", head.to_lowercase(), tail.to_lowercase()))
            };
            if compound {
                // The hyphen stays, and nothing comes between.
            } else if hyphenated {
                document.text.pop();
            } else {
                document.text.push(' ');
            }
        } else {
            close_block(document, &mut self.open);
            if !document.text.is_empty() {
                document.text.push_str("\n\n");
            }
            self.open = Some((kind, document.text.len()));
            if let Role::Note(note) = role
                && starts_note
            {
                self.note_starts[note] = Some(line_start);
                // The note's label opens its first line when it is not raised.
                if line.lead_label.is_none()
                    && let Some(label_len) = plain_label(text)
                {
                    text = text[label_len..].trim_start_matches('.').trim_start();
                }
            }
        }
        let skip = line.text.len() - text.len();
        let at = document.text.len();
        document.text.push_str(text);
        self.segments.push((at, line_start + skip, text.len()));
        for &((label, byte), note) in markers {
            let in_text = byte.saturating_sub(skip).min(text.len());
            push_marker(document, label, note, at + in_text, line_start + byte);
        }
        self.previous = Some((page, line));
    }

    /// Closes the last block, gives each note its definition (its first block's text) and
    /// the document its source map and parts.
    fn finish(mut self, notes: &[Note], parts: Vec<Part>) -> Document {
        close_block(&mut self.document, &mut self.open);
        self.tables.finish(&mut self.document);
        let mut first_blocks: Vec<Option<Span>> = vec![None; notes.len()];
        for block in &self.document.blocks {
            if let BlockKind::Note { definition } = block.kind
                && first_blocks[definition].is_none()
            {
                first_blocks[definition] = Some(block.span);
            }
        }
        let mut document = self.document;
        for (index, note) in notes.iter().enumerate() {
            let Some(original_start) = self.note_starts[index] else {
                continue;
            };
            document.footnote_defs.push(FootnoteDef {
                label: note.label.clone(),
                target: Some(note_key(index)),
                original: Span::new(original_start, original_start),
                span: first_blocks[index].unwrap_or_default(),
            });
        }
        let mut map = SourceMap::new(self.original);
        for (text_start, original_start, len) in self.segments {
            map.push(text_start, len, original_start, len);
        }
        document.source_map = map;
        document.parts = parts;
        document.footnote_refs.sort_by_key(|r| r.span);
        sentences::split(&mut document);
        document.finish_ignored();
        document
    }
}

/// A marker of note `note` at byte `at` of the document's text and `original` of the pages'.
fn push_marker(document: &mut Document, label: &str, note: usize, at: usize, original: usize) {
    document.footnote_refs.push(FootnoteRef {
        target: Some(note_key(note)),
        label: label.to_owned(),
        span: Span::new(at, at),
        original: Span::new(original, original),
    });
}

fn close_block(document: &mut Document, open: &mut Option<(BlockKind, usize)>) {
    if let Some((kind, start)) = open.take() {
        let span = trim_span(&document.text, Span::new(start, document.text.len()));
        if let BlockKind::TableCell { cell } = kind
            && let Some(cell) = document.table_cells.get_mut(cell)
        {
            cell.span = span;
        }
        if !span.is_empty() {
            document.blocks.push(Block { kind, span });
        }
    }
}

/// A heading set at the body's size (papers set them bold, which the glyphs do not say): a
/// line that is a section's usual name ("Abstract", "References"), or a short numbered line
/// ("3 Method", "A.2 Annotators") ending without a sentence's punctuation.
fn is_body_size_heading(text: &str) -> bool {
    let text = text.trim();
    if text.is_empty() || text.chars().count() > 80 || text.ends_with(['.', ',', ';', ':']) {
        return false;
    }
    let named = [
        "abstract",
        "introduction",
        "conclusion",
        "conclusions",
        "acknowledgments",
        "acknowledgements",
        "appendix",
        "summary",
        "background",
        "discussion",
    ];
    if crate::ingest::non_prose::is_reference_heading(text) || named.contains(&text.to_lowercase().as_str()) {
        return true;
    }
    let Some((label, rest)) = text.split_once(' ') else {
        return false;
    };
    let lettered = label.len() <= 4
        && label.starts_with(|c: char| c.is_ascii_uppercase())
        && label.chars().skip(1).all(|c| c.is_ascii_digit() || c == '.');
    let numbered = crate::ingest::text::section_number(text).is_some();
    let words = rest.trim().starts_with(|c: char| c.is_uppercase())
        && rest.chars().filter(|c| c.is_alphabetic()).count() >= 3;
    (numbered || lettered) && words
}

/// Whether `line` goes on the paragraph `previous` is in: the spacing stays a line's, and a
/// move back up the page (a new column, a new page) only carries on a sentence left open.
fn continues_paragraph(
    previous_page: usize,
    previous: &Line,
    page: usize,
    line: &Line,
    kind: BlockKind,
) -> bool {
    if matches!(kind, BlockKind::Heading { .. }) {
        return page == previous_page && (line.y - previous.y) < previous.size * 1.8 && line.y > previous.y;
    }
    if (line.size - previous.size).abs() > previous.size * 0.1 {
        return false;
    }
    let sentence_open = !previous.text.ends_with(['.', ':', '!', '?', '”', '"'])
        && line.text.starts_with(|c: char| c.is_lowercase());
    if page != previous_page || line.y <= previous.y {
        return sentence_open;
    }
    let gap = line.y - previous.y;
    gap < previous.size * 1.75 || (gap < previous.size * 2.6 && sentence_open)
}

/// The size most body text is set in: the size of most of the document's characters.
fn body_size(pages: &[PageLines]) -> f32 {
    commonest_size(
        pages
            .iter()
            .flat_map(|page| page.lines.iter())
            .map(|line| (line.size, line.text.chars().count())),
    )
}

/// A line's text for telling running heads apart: digits and spacing aside.
fn furniture_key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_ascii_digit() && !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Running headers and footers and page numbers: per page, per line.
fn furniture(pages: &[PageLines], body: f32) -> Vec<Vec<bool>> {
    let in_margin = |page: &PageLines, line: &Line| {
        line.y < page.height * MARGIN || line.y > page.height * (1.0 - MARGIN)
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    for page in pages {
        let mut keys: Vec<String> = page
            .lines
            .iter()
            .filter(|l| in_margin(page, l))
            .map(|l| furniture_key(&l.text))
            .filter(|k| !k.is_empty())
            .collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            *seen.entry(key).or_default() += 1;
        }
    }
    let recurring =
        |key: &str| pages.len() >= 2 && seen.get(key).is_some_and(|&n| n >= 2 && n * 2 >= pages.len());
    pages
        .iter()
        .enumerate()
        .map(|(index, page)| {
            page.lines
                .iter()
                .map(|line| {
                    if !in_margin(page, line) {
                        return false;
                    }
                    // The title on the first page, set larger, is no running head.
                    if index == 0 && line.size >= body * HEADING_SIZE {
                        return false;
                    }
                    is_page_number(&line.text) || recurring(&furniture_key(&line.text))
                })
                .collect()
        })
        .collect()
}

/// "12", "- 12 -", "Page 12", "xiv", "A-5": a page number standing alone.
fn is_page_number(text: &str) -> bool {
    let text = text
        .trim()
        .trim_matches(|c: char| matches!(c, '-' | '–' | '—' | ' ' | '[' | ']' | '*'));
    let text = text
        .strip_prefix("Page ")
        .or_else(|| text.strip_prefix("page "))
        .unwrap_or(text)
        .trim();
    let roman = !text.is_empty() && text.len() <= 6 && text.chars().all(|c| "ivxlcdm".contains(c));
    let arabic = !text.is_empty()
        && text.len() <= 8
        && text.chars().all(|c| c.is_ascii_digit() || c == '-')
        && text.chars().any(|c| c.is_ascii_digit());
    let lettered = text.len() <= 6
        && text.split_once('-').is_some_and(|(letter, number)| {
            letter.len() == 1
                && letter.chars().all(|c| c.is_ascii_uppercase())
                && !number.is_empty()
                && number.chars().all(|c| c.is_ascii_digit())
        });
    roman || arabic || lettered
}

/// A note's label written at the start of its line, not raised: "12 Source…", "12. Source…".
/// The label's length in bytes.
fn plain_label(text: &str) -> Option<usize> {
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = &text[digits..];
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    (rest.starts_with(' ') && rest.trim_start().starts_with(|c: char| !c.is_ascii_digit())).then_some(digits)
}

/// Which lines are notes (and which note), which are small print: the small-type lines at the
/// foot of each page, each note starting at a label that a marker of this page (or one the
/// previous page left without its note) cites.
fn note_roles(
    pages: &[PageLines],
    furniture: &[Vec<bool>],
    body: f32,
) -> (Vec<Vec<Role>>, Vec<Note>, MarkerSet) {
    let mut roles: Vec<Vec<Role>> = Vec::with_capacity(pages.len());
    let mut notes: Vec<Note> = Vec::new();
    let mut confirmed = MarkerSet::new();
    // Markers still waiting for their note: label, and page, line and place in the line.
    let mut pending: Vec<(String, (usize, usize, usize))> = Vec::new();
    // The note the previous page ended in, which may go on at the foot of this one.
    let mut carry: Option<usize> = None;
    for (page_index, page) in pages.iter().enumerate() {
        // A marker waits for its note on the next page only from the lower half of its own
        // (a note begins on its marker's page unless the marker is near the foot): an
        // affiliation mark under a paper's title is no note's marker.
        pending.retain(|(_, (page, line, _))| {
            page + 1 == page_index && pages[*page].lines[*line].y > pages[*page].height * 0.5
        });
        for (line_index, line) in page.lines.iter().enumerate() {
            if furniture[page_index][line_index] {
                continue;
            }
            for (marker, (label, _)) in line.markers.iter().enumerate() {
                pending.push((label.clone(), (page_index, line_index, marker)));
            }
        }
        let mut page_roles: Vec<Role> = furniture[page_index]
            .iter()
            .map(|&f| if f { Role::Furniture } else { Role::Body })
            .collect();
        // The small-type lines at the page's foot (rules and blank separators aside): where a
        // note carried over from the previous page goes on.
        let mut foot = page.lines.len();
        for index in (0..page.lines.len()).rev() {
            if page_roles[index] == Role::Furniture {
                continue;
            }
            let line = &page.lines[index];
            let rule = line
                .text
                .chars()
                .all(|c| matches!(c, '_' | '-' | '—' | '–' | ' '));
            if line.size <= body * NOTE_SIZE || rule {
                foot = index;
            } else {
                break;
            }
        }
        // The open note, and whether it is set small (a body-size line then ends it).
        let mut current: Option<(usize, bool)> = None;
        let mut carried = carry.take();
        let labels = note_labels(page, &page_roles, body);
        // Where a label opens several lines (a numbered reference list above the notes), the
        // lowest is the note: notes stand at the foot.
        let mut lowest: HashMap<&str, f32> = HashMap::new();
        for (line, label) in page.lines.iter().zip(&labels) {
            if let Some(label) = label {
                let y = lowest.entry(label.as_str()).or_insert(line.y);
                *y = y.max(line.y);
            }
        }
        for (index, (line, role)) in page.lines.iter().zip(page_roles.iter_mut()).enumerate() {
            if *role == Role::Furniture {
                continue;
            }
            let small = line.size <= body * NOTE_SIZE;
            let label = labels[index]
                .clone()
                .filter(|label| lowest.get(label.as_str()).is_none_or(|&y| y <= line.y + 0.5));
            let cited = label.and_then(|label| {
                let at = pending.iter().position(|(p, _)| *p == label)?;
                confirmed.insert(pending.remove(at).1, notes.len());
                Some(label)
            });
            if let Some(label) = cited {
                notes.push(Note { label });
                current = Some((notes.len() - 1, small));
                carried = None;
            } else if let Some((note, small_note)) = current {
                if small_note && !small {
                    current = None;
                } else {
                    *role = Role::Note(note);
                    continue;
                }
            } else if let Some(note) = carried.filter(|_| index >= foot || is_continued(&line.text)) {
                current = Some((note, index >= foot));
                carried = None;
            } else if index >= foot {
                *role = Role::SmallPrint;
                continue;
            }
            *role = match current {
                Some((note, _)) => Role::Note(note),
                None => Role::Body,
            };
        }
        carry = current.map(|(note, _)| note);
        roles.push(page_roles);
    }
    (roles, notes, confirmed)
}

/// Each line's note label, raised or plain at the start of small print, or `None`. Small print
/// with body text below it in its column (affiliations under a paper's authors) has none:
/// notes close a column.
fn note_labels(page: &PageLines, roles: &[Role], body: f32) -> Vec<Option<String>> {
    let above_body = above_body_text(page, roles, body);
    page.lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let small = line.size <= body * NOTE_SIZE;
            line.lead_label
                .clone()
                .or_else(|| {
                    plain_label(&line.text)
                        .filter(|_| small)
                        .map(|len| line.text[..len].to_owned())
                })
                .filter(|_| {
                    roles[index] != Role::Furniture
                        && line.y > page.height * 0.4
                        && !(small && above_body[index])
                })
        })
        .collect()
}

/// Which of a page's lines have a line of body text below them that shares some of their
/// width (furniture aside): one sweep up the page, the body lines below kept as a bitmap of
/// whole points across the page.
fn above_body_text(page: &PageLines, roles: &[Role], body: f32) -> Vec<bool> {
    let mut by_depth: Vec<usize> = (0..page.lines.len()).collect();
    by_depth.sort_by(|&a, &b| page.lines[b].y.total_cmp(&page.lines[a].y));
    let is_body = |index: usize| roles[index] != Role::Furniture && page.lines[index].size > body * NOTE_SIZE;
    let mut bodies = by_depth
        .iter()
        .copied()
        .filter(|&index| is_body(index))
        .peekable();
    let mut covered: Vec<u64> = Vec::new();
    let bins = |line: &Line| (whole_points(line.x), whole_points(line.right));
    let mut above = vec![false; page.lines.len()];
    for &index in &by_depth {
        let line = &page.lines[index];
        // Body lines clearly below this one are in the bitmap.
        while let Some(&below) = bodies.peek() {
            if page.lines[below].y <= line.y + line.size * 0.5 {
                break;
            }
            let (from, to) = bins(&page.lines[below]);
            if covered.len() <= to / 64 {
                covered.resize(to / 64 + 1, 0);
            }
            for bin in from..=to {
                covered[bin / 64] |= 1 << (bin % 64);
            }
            bodies.next();
        }
        let (from, to) = bins(line);
        above[index] = (from..=to).any(|bin| {
            covered
                .get(bin / 64)
                .is_some_and(|word| word & (1 << (bin % 64)) != 0)
        });
    }
    above
}

/// Markers by page, line and place in the line, each with the note it opens.
type MarkerSet = HashMap<(usize, usize, usize), usize>;

/// What matches a marker to its note: the note found for it on the page, whatever the label
/// (numbering that starts again in an appendix repeats labels).
fn note_key(note: usize) -> String {
    format!("pdf-note-{}", note + 1)
}

/// "page 3", kept for the life of the process (a `&'static str` names a part); at most
/// `MAX_PAGES` distinct names are ever made.
fn page_name(page: usize) -> &'static str {
    static NAMES: OnceLock<Mutex<HashMap<usize, &'static str>>> = OnceLock::new();
    let mut names = NAMES
        .get_or_init(|| Mutex::new(HashMap::new()))
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    names
        .entry(page.min(MAX_PAGES))
        .or_insert_with(|| Box::leak(format!("page {page}").into_boxed_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs(text: &str, x: f32, y: f32, size: f32) -> Vec<Glyph> {
        let mut out = Vec::new();
        let mut at = x;
        for c in text.chars() {
            out.push(Glyph {
                text: c.to_string(),
                x: at,
                y,
                size,
                width: size * 0.5,
            });
            at += size * 0.5;
        }
        out
    }

    #[test]
    fn raised_digits_glued_to_a_word_are_markers() {
        let mut line = glyphs("rose 12 percent.", 72.0, 100.0, 10.0);
        let end = line.last().map_or(0.0, |g| g.x + g.width);
        line.extend(glyphs("3", end, 96.0, 6.0));
        line.extend(glyphs(" Then", end + 3.0, 100.0, 10.0));
        let rendered = render(&line);
        assert_eq!(rendered.text, "rose 12 percent. Then");
        assert_eq!(rendered.markers, [("3".to_owned(), 16)]);
    }

    #[test]
    fn raised_digits_after_ten_are_a_power() {
        let mut line = glyphs("about 10", 72.0, 100.0, 10.0);
        let end = line.last().map_or(0.0, |g| g.x + g.width);
        line.extend(glyphs("5", end, 96.0, 6.0));
        line.extend(glyphs(" cells", end + 3.0, 100.0, 10.0));
        let rendered = render(&line);
        assert_eq!(rendered.text, "about 10^5 cells");
        assert!(rendered.markers.is_empty());
    }

    #[test]
    fn page_numbers_and_labels() {
        for number in ["12", "- 12 -", "Page 3", "xiv", "A-5"] {
            assert!(is_page_number(number), "{number}");
        }
        for text in ["12 percent", "Summary", "2020-2025 plan"] {
            assert!(!is_page_number(text), "{text}");
        }
        assert_eq!(plain_label("12 Port ledger, 2023."), Some(2));
        assert_eq!(plain_label("3. Survey data"), Some(1));
        assert_eq!(plain_label("2024 was a year"), None);
        assert_eq!(plain_label("12 000 tonnes"), None);
    }
}
