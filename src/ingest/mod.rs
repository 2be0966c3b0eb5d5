//! ingest: read a file into a `Document`. Format specifics end here.

pub(crate) mod docx;
pub mod entities;
mod html;
pub mod language;
mod markdown;
pub mod markers;
mod non_prose;
pub mod pdf;
mod pipe_tables;
pub mod sentences;
mod sources;
pub mod tables;
mod text;
mod word_comments;
pub mod xml;

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use crate::config::Limits;
use crate::document::{Date, Document, InputFormat};
use crate::error::{Error, Result};
use crate::span::SourceMap;

/// The largest document claimlint reads, in bytes. Larger input is refused with a clear error
/// rather than read into memory; 256 MiB is far beyond any real report.
pub const MAX_DOCUMENT_BYTES: u64 = 256 * 1024 * 1024;

/// What the user asked for with `--input-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FormatChoice {
    #[default]
    Auto,
    Text,
    Markdown,
    Html,
    Jats,
    DocBook,
    Docx,
    Pdf,
}

impl From<InputFormat> for FormatChoice {
    /// The explicit choice of a detected format.
    fn from(format: InputFormat) -> Self {
        match format {
            InputFormat::Text => Self::Text,
            InputFormat::Markdown => Self::Markdown,
            InputFormat::Html => Self::Html,
            InputFormat::Jats => Self::Jats,
            InputFormat::DocBook => Self::DocBook,
            InputFormat::Docx => Self::Docx,
            InputFormat::Pdf => Self::Pdf,
        }
    }
}

/// Options that shape reading, from the command line and the config.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    pub format: FormatChoice,
    /// `--document-date`, which wins over any date the document states.
    pub document_date: Option<Date>,
    pub limits: Limits,
    /// Read for the claims alone (`extract`): the sources that only the checks consult
    /// (attributions, author–year citations, source lines) are not looked for.
    pub claims_only: bool,
}

/// The format of a file by its extension, for `auto`; `None` for an unsupported file.
#[must_use]
pub fn detect_format(path: &Path) -> Option<InputFormat> {
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    match extension.as_str() {
        "txt" | "text" => Some(InputFormat::Text),
        "md" | "markdown" => Some(InputFormat::Markdown),
        "html" | "htm" | "xhtml" => Some(InputFormat::Html),
        "dbk" | "docbook" => Some(InputFormat::DocBook),
        "nxml" => Some(InputFormat::Jats),
        "docx" => Some(InputFormat::Docx),
        "pdf" => Some(InputFormat::Pdf),
        _ => None,
    }
}

/// Reads and parses one file (`-` is stdin, named `name`).
pub fn read_path(path: &Path, name: &str, options: &IngestOptions) -> Result<Document> {
    let bytes = read_bytes(path, options.limits.document_bytes)?;
    parse_owned(bytes, Path::new(name), options)
}

fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>> {
    use std::io::Read;
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(read_error)?;
    } else {
        return crate::files::read_regular(path, limit, "document");
    }
    if bytes.len() as u64 > limit {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit,
            what: "document",
        });
    }
    Ok(bytes)
}

/// Parses a document's bytes; `path` names it in messages and picks the format for `auto`.
pub fn parse(bytes: &[u8], path: &Path, options: &IngestOptions) -> Result<Document> {
    parse_bytes(Cow::Borrowed(bytes), path, options)
}

/// `parse`, taking the bytes: UTF-8 text becomes the document's source without a copy.
pub fn parse_owned(bytes: Vec<u8>, path: &Path, options: &IngestOptions) -> Result<Document> {
    parse_bytes(Cow::Owned(bytes), path, options)
}

fn parse_bytes(bytes: Cow<'_, [u8]>, path: &Path, options: &IngestOptions) -> Result<Document> {
    let format = match options.format {
        FormatChoice::Text => InputFormat::Text,
        FormatChoice::Markdown => InputFormat::Markdown,
        FormatChoice::Html => InputFormat::Html,
        FormatChoice::Jats => InputFormat::Jats,
        FormatChoice::DocBook => InputFormat::DocBook,
        FormatChoice::Docx => InputFormat::Docx,
        FormatChoice::Pdf => InputFormat::Pdf,
        FormatChoice::Auto => match detect_format(path) {
            Some(format) => format,
            None if is_xml(path) => {
                let text = String::from_utf8_lossy(&bytes[..bytes.len().min(1 << 16)]);
                match xml::sniff(&text) {
                    Some(xml::Dialect::Jats) => InputFormat::Jats,
                    Some(xml::Dialect::DocBook) => InputFormat::DocBook,
                    None => {
                        return Err(Error::Unsupported {
                            path: path.to_path_buf(),
                            reason: "an .xml file that is neither JATS nor DocBook".to_owned(),
                        });
                    }
                }
            }
            None if path == Path::new("-") => InputFormat::Text,
            None => {
                return Err(Error::Unsupported {
                    path: path.to_path_buf(),
                    reason: unsupported_reason(path),
                });
            }
        },
    };
    if format == InputFormat::Docx {
        let document = docx::read(path.to_string_lossy().into_owned(), &bytes, path, &options.limits)?;
        return Ok(finish(document, options));
    }
    if format == InputFormat::Pdf {
        let document = pdf::read(path.to_string_lossy().into_owned(), &bytes, path, &options.limits)?;
        return Ok(finish(document, options));
    }

    let (original, text_offset) = decode(bytes, path, format)?;
    let name = path.to_string_lossy().into_owned();
    let document = match format {
        InputFormat::Text => text::read(name, original, text_offset),
        InputFormat::Markdown => markdown::read(name, original, text_offset, options.limits.table_cells),
        InputFormat::Html => html::read(name, original, text_offset, options.limits.table_cells),
        InputFormat::Jats => xml::read(name, original, text_offset, xml::Dialect::Jats, &options.limits)?,
        InputFormat::DocBook => xml::read(
            name,
            original,
            text_offset,
            xml::Dialect::DocBook,
            &options.limits,
        )?,
        InputFormat::Docx | InputFormat::Pdf => unreachable!("DOCX and PDF are read above"),
    };
    Ok(finish(document, options))
}

/// What every format's document gets once read: the date the options give, and its reference
/// lists marked as non-prose.
fn finish(mut document: Document, options: &IngestOptions) -> Document {
    if options.document_date.is_some() {
        document.date = options.document_date;
    }
    non_prose::mark_reference_sections(&mut document);
    non_prose::bracketed_paragraph_notes(&mut document);
    non_prose::numbered_list_notes(&mut document);
    if document.format == InputFormat::Markdown {
        non_prose::markdown_math(&mut document);
    }
    if !options.claims_only {
        sources::find(&mut document);
    }
    document.foreign_language = language::detect(&document);
    document
}

/// The dialect of an `.xml` file on disk, from its first 64 KiB.
fn sniff_file(path: &Path) -> Option<xml::Dialect> {
    use std::io::Read;
    let mut head = Vec::new();
    if !std::fs::metadata(path).ok()?.is_file() {
        return None;
    }
    std::fs::File::open(path)
        .ok()?
        .take(1 << 16)
        .read_to_end(&mut head)
        .ok()?;
    xml::sniff(&String::from_utf8_lossy(&head))
}

fn is_xml(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("xml"))
}

fn unsupported_reason(path: &Path) -> String {
    match path.extension().and_then(|e| e.to_str()) {
        Some(extension) => {
            format!(
                "`.{extension}` files are not read; text, Markdown, HTML, JATS, DocBook, DOCX and PDF are"
            )
        }
        None => "no file extension to tell the format by".to_owned(),
    }
}

/// Blocks handed to a thread at a time by `gather_by_blocks`.
const BLOCKS_PER_TASK: usize = 256;

/// What `each` pushes for a document's blocks, gathered in block order. With `parallel`, the
/// blocks go to the threads in chunks of `BLOCKS_PER_TASK` and `each` sees one chunk at a time;
/// else it sees them all at once. `each` is given the index of its first block, and must push
/// for a chunk what it would for those blocks within all of them: the result is the same
/// either way, at any number of threads.
pub(crate) fn gather_by_blocks<T: Send>(
    document: &Document,
    parallel: bool,
    each: impl Fn(usize, &[crate::document::Block], &mut Vec<T>) + Sync,
) -> Vec<T> {
    use rayon::prelude::*;
    if !parallel {
        let mut found = Vec::new();
        each(0, &document.blocks, &mut found);
        return found;
    }
    document
        .blocks
        .par_chunks(BLOCKS_PER_TASK)
        .enumerate()
        .flat_map_iter(|(chunk, blocks)| {
            let mut found = Vec::new();
            each(chunk * BLOCKS_PER_TASK, blocks, &mut found);
            found
        })
        .collect()
}

/// Whether a raised number after `before` is a power of it rather than a note marker: a
/// signed whole number ("10⁻³"), or a whole number after exactly "10" ("10³"; after "110" or
/// "2010" a plain raised number is more likely a note). XML, HTML and PDF superscripts.
pub(crate) fn is_power(before: &str, raised: &str) -> bool {
    let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let raised = raised.trim();
    let unsigned = raised.trim_start_matches(['−', '-', '–', '+']);
    let whole = !unsigned.is_empty() && unsigned.len() <= 3 && unsigned.bytes().all(|b| b.is_ascii_digit());
    digits > 0 && whole && (unsigned.len() < raised.len() || (digits == 2 && before.ends_with("10")))
}

/// Decodes the bytes into the original text and the offset where the document text starts
/// (after a UTF-8 byte order mark). UTF-16 with a byte order mark, and an HTML or XML file in
/// the legacy charset it declares, are converted to UTF-8, and positions then refer to the
/// converted text.
fn decode(bytes: Cow<'_, [u8]>, path: &Path, format: InputFormat) -> Result<(String, usize)> {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(rest, path, u16::from_le_bytes).map(|s| (s, 0));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(rest, path, u16::from_be_bytes).map(|s| (s, 0));
    }
    if let Some(offset) = memchr::memchr(0, &bytes) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    let decoded = match bytes {
        Cow::Owned(bytes) => {
            String::from_utf8(bytes).map_err(|error| (error.utf8_error(), Cow::Owned(error.into_bytes())))
        }
        Cow::Borrowed(bytes) => std::str::from_utf8(bytes)
            .map(str::to_owned)
            .map_err(|error| (error, Cow::Borrowed(bytes))),
    };
    match decoded {
        Ok(text) => {
            let offset = if text.starts_with('\u{feff}') { 3 } else { 0 };
            Ok((text, offset))
        }
        Err((error, bytes)) => {
            if matches!(
                format,
                InputFormat::Html | InputFormat::Jats | InputFormat::DocBook
            ) && let Some(text) = decode_declared_charset(&bytes)
            {
                return Ok((text, 0));
            }
            let offset = error.valid_up_to();
            let before = String::from_utf8_lossy(&bytes[..offset]);
            let (line, column) = crate::span::line_column(&before, before.len());
            Err(Error::InvalidUtf8 {
                path: path.to_path_buf(),
                offset,
                line,
                column,
            })
        }
    }
}

/// Bytes of a page searched for its declared charset. The HTML standard's prescan reads 1,024,
/// and browsers change course when a later `<meta>` declares one; pages with long heads of
/// scripts put it further down.
const CHARSET_PRESCAN: usize = 8192;

/// A page (or an XML file) that is not UTF-8 read in the charset it declares near its top (`<meta
/// charset="iso-8859-1">`, `content="text/html; charset=windows-1252"`, `<?xml …
/// encoding="…"?>`), as a browser reads it: pages saved from the web keep their legacy
/// encodings. `None` when it declares none, declares UTF-8 (its invalid bytes are an error), or
/// its bytes are not valid in the charset it declares.
fn decode_declared_charset(bytes: &[u8]) -> Option<String> {
    let head = bytes[..bytes.len().min(CHARSET_PRESCAN)].to_ascii_lowercase();
    let label = [&b"charset="[..], &b"encoding="[..]].iter().find_map(|key| {
        let at = memchr::memmem::find(&head, key)? + key.len();
        let value = head[at..]
            .strip_prefix(b"\"")
            .or_else(|| head[at..].strip_prefix(b"'"))
            .unwrap_or(&head[at..]);
        let end = value
            .iter()
            .position(|b| matches!(b, b'"' | b'\'' | b';' | b'>' | b'/' | b'?') || b.is_ascii_whitespace())
            .unwrap_or(value.len());
        Some(&value[..end])
    })?;
    let encoding = encoding_rs::Encoding::for_label(label)?;
    // A declared UTF-8 with invalid bytes is a damaged file; UTF-16 is read by its byte order
    // mark, never by a label in bytes that are not UTF-16.
    if [encoding_rs::UTF_8, encoding_rs::UTF_16LE, encoding_rs::UTF_16BE].contains(&encoding) {
        return None;
    }
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(std::borrow::Cow::into_owned)
}

fn decode_utf16(bytes: &[u8], path: &Path, unit: fn([u8; 2]) -> u16) -> Result<String> {
    // UTF-16 comes in pairs of bytes: a lone last byte is a damaged file, not a character.
    if bytes.len() % 2 == 1 {
        return Err(Error::InvalidUtf16 {
            path: path.to_path_buf(),
            offset: 2 + bytes.len() - 1,
            reason: "an odd number of bytes (a last byte with no pair)",
        });
    }
    let units = bytes
        .chunks(2)
        .map(|pair| unit([pair[0], pair.get(1).copied().unwrap_or(0)]));
    let mut text = String::with_capacity(bytes.len());
    for (index, decoded) in char::decode_utf16(units).enumerate() {
        match decoded {
            Ok('\0') => {
                return Err(Error::Binary {
                    path: path.to_path_buf(),
                    offset: 2 + 2 * index,
                });
            }
            Ok(c) => text.push(c),
            Err(_) => {
                return Err(Error::InvalidUtf16 {
                    path: path.to_path_buf(),
                    offset: 2 + 2 * index,
                    reason: "an unpaired surrogate",
                });
            }
        }
    }
    Ok(text)
}

/// Reads a short plain text held in memory (a header's unit phrase, read as a sentence).
#[must_use]
pub(crate) fn plain_text(text: &str) -> Document {
    text::read(String::new(), text.to_owned(), 0)
}

/// Builds a document with no structure yet, for the readers.
pub(crate) fn empty_document(name: String, format: InputFormat, original: String) -> Document {
    Document {
        name,
        format,
        text: String::new(),
        blocks: Vec::new(),
        sentences: Vec::new(),
        footnote_refs: Vec::new(),
        footnote_defs: Vec::new(),
        ignored: Vec::new(),
        suppressions: Vec::new(),
        sources: Vec::new(),
        notes_renumbered: false,
        declared_type: None,
        declared_language: None,
        foreign_language: None,
        title: None,
        cited_elsewhere: Vec::new(),
        code_blocks: 0,
        table_cells: Vec::new(),
        table_cells_skipped: 0,
        parts: Vec::new(),
        line_boxes: Vec::new(),
        date: None,
        source_map: SourceMap::new(original),
    }
}

/// Files under `root` that claimlint reads, in path order: supported extensions only,
/// hidden entries and what `.gitignore` files ignore left out, and `exclude` globs (relative
/// to `root`) skipped.
pub fn walk(root: &Path, exclude: &[String]) -> Result<Vec<PathBuf>> {
    let mut overrides = ignore::overrides::OverrideBuilder::new(root);
    for glob in exclude {
        overrides.add(&format!("!{glob}")).map_err(|e| Error::Glob {
            glob: glob.clone(),
            message: e.to_string(),
        })?;
    }
    let overrides = overrides.build().map_err(|e| Error::Glob {
        glob: exclude.join(", "),
        message: e.to_string(),
    })?;
    let walker = ignore::WalkBuilder::new(root)
        .standard_filters(true)
        .require_git(false)
        .overrides(overrides)
        .sort_by_file_path(std::cmp::Ord::cmp)
        .build();
    let mut found = Vec::new();
    for entry in walker {
        let entry = entry.map_err(|e| Error::Walk {
            path: root.to_path_buf(),
            message: e.to_string(),
        })?;
        let path = entry.path();
        let is_file = entry.file_type().is_some_and(|t| t.is_file());
        // An `.xml` file is taken when it is JATS or DocBook, and skipped without error if not.
        if is_file && (detect_format(path).is_some() || (is_xml(path) && sniff_file(path).is_some())) {
            found.push(path.to_path_buf());
        }
    }
    found.sort();
    Ok(found)
}
