//! Human output for `check`: compiler-style diagnostics through miette, with the source line
//! (a window of it, for long lines), the labelled span, related spans, the help and the rule id.
//! Many findings of one rule in one document read as the first in full plus a list.

use std::fmt::Write as _;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents, SourceCode,
    SourceSpan, SpanContents,
};

use crate::diagnostic::{Diagnostic, Related, Severity};
use crate::document::Part;

/// Findings of one rule in one document shown in full before the rest become a list.
pub const SHOWN_IN_FULL: usize = 3;
/// Widest stretch of a long line shown around a span, in bytes on each side.
const WINDOW: usize = 80;

/// One document's original text, shown a line (or a window of a long line) at a time.
#[derive(Debug)]
struct Excerpt<'a> {
    name: &'a str,
    original: &'a str,
    /// Where each line of `original` starts, found once per document (or DOCX part), so that
    /// placing a span is a binary search rather than a count of the newlines before it.
    line_starts: &'a [usize],
}

impl Excerpt<'_> {
    /// The 0-based line holding `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1)
    }
}

/// Where each line of `text` starts.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
        .collect()
}

impl SourceCode for Excerpt<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let text = self.original;
        let start = crate::span::floor_char_boundary(text, span.offset().min(text.len()));
        let end = crate::span::floor_char_boundary(text, (start + span.len()).min(text.len()));
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        // miette asks for the primary span alone (no context) to write the `file:line:column`
        // header: answer with the span itself, so the header names the finding's own place.
        // The snippet is asked for with context (see `with_context_lines(1)`) and gets a window.
        if context_lines_before == 0 && context_lines_after == 0 {
            let line = self.line_of(line_start);
            let column = text[line_start..start].chars().count();
            return Ok(Box::new(MietteSpanContents::new_named(
                self.name.to_owned(),
                &text.as_bytes()[start..end],
                SourceSpan::new(start.into(), end - start),
                line,
                column,
                1,
            )));
        }
        let (from, to) = window(text, start, end);
        let line = self.line_of(line_start);
        let column = text[line_start..from].chars().count();
        let data = text[from..to].trim_end_matches('\r');
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_owned(),
            data.as_bytes(),
            SourceSpan::new(from.into(), data.len()),
            line,
            column,
            1,
        )))
    }
}

/// The stretch of `start..end`'s line shown around it: at most `WINDOW` bytes either side, cut at
/// word boundaries so it starts and ends with whole words.
fn window(text: &str, start: usize, end: usize) -> (usize, usize) {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let mut from = line_start.max(start.saturating_sub(WINDOW));
    let mut to = line_end.min(end + WINDOW);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    while !text.is_char_boundary(to) {
        to += 1;
    }
    if from > line_start
        && let Some(space) = text[from..start].find(' ')
    {
        from += space + 1;
    }
    if to < line_end
        && let Some(space) = text[end..to].rfind(' ')
    {
        to = end + space;
    }
    (from, to)
}

/// Whether a related span can be drawn under the primary's snippet: on another line (miette
/// shows that line), or inside the window of the primary's line. A related span elsewhere on the
/// same long line (a document on one line) cannot, and is written as a note instead.
fn drawable(text: &str, primary: (usize, usize), related: &Related) -> bool {
    let clamp = |offset: usize| crate::span::floor_char_boundary(text, offset.min(text.len()));
    let (start, end) = (clamp(primary.0), clamp(primary.1.max(primary.0)));
    let (related_start, related_end) = (clamp(related.start), clamp(related.end.max(related.start)));
    let same_line = !text[start.min(related_start)..end.max(related_end)].contains('\n');
    if !same_line {
        return true;
    }
    let (from, to) = window(text, start, end);
    related_start >= from && related_end <= to
}

/// A diagnostic as miette sees it.
#[derive(Debug)]
struct Shown<'a> {
    diagnostic: &'a Diagnostic,
    source: &'a Excerpt<'a>,
}

impl std::fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&super::visible(&self.diagnostic.message))
    }
}

impl std::error::Error for Shown<'_> {}

impl miette::Diagnostic for Shown<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn std::fmt::Display + 'b>> {
        Some(Box::new(&self.diagnostic.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn std::fmt::Display + 'b>> {
        self.diagnostic
            .help
            .as_ref()
            .map(|h| Box::new(super::visible(h).into_owned()) as Box<dyn std::fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let d = self.diagnostic;
        let primary = LabeledSpan::new_primary_with_span(None, (d.start, d.end.saturating_sub(d.start)));
        let text = self.source.original;
        let related = d
            .related
            .iter()
            .filter(|r| r.part == d.part && drawable(text, (d.start, d.end), r))
            .map(|r| {
                LabeledSpan::new_with_span(
                    Some(super::visible(&r.message).into_owned()),
                    (r.start, r.end.saturating_sub(r.start)),
                )
            });
        Some(Box::new(std::iter::once(primary).chain(related)))
    }
}

/// Renders diagnostics of one document; `original` is the document's original text and
/// `parts` its DOCX parts (empty for other formats), in which a DOCX finding's positions count.
#[must_use]
pub fn render_document(
    diagnostics: &[Diagnostic],
    name: &str,
    original: &str,
    parts: &[Part],
    color: bool,
) -> String {
    // Nothing a document or its name holds reaches the terminal raw (`visible`).
    let name = &*super::visible(name);
    let original = &*super::visible_snippet(original);
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_context_lines(1)
        .with_width(100);
    let mut out = String::new();
    let mut shown_per_rule: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    let mut rest: std::collections::BTreeMap<&str, Vec<&Diagnostic>> = std::collections::BTreeMap::new();
    // Line starts by DOCX part (`None`: the whole original), each found once.
    let mut lines_by_part: Vec<(Option<&str>, Vec<usize>)> = Vec::new();
    // The findings that matter most come first (errors, then money and large figures); the
    // rest of a rule's findings are listed after in source order.
    let mut ranked: Vec<&Diagnostic> = diagnostics.iter().collect();
    ranked.sort_by_key(|d| {
        (
            std::cmp::Reverse(d.severity),
            std::cmp::Reverse(d.weight),
            d.start,
        )
    });
    for diagnostic in ranked {
        let shown = shown_per_rule.entry(&diagnostic.rule).or_insert(0);
        if *shown < SHOWN_IN_FULL {
            *shown += 1;
            let (label, text) = part_source(name, original, parts, diagnostic.part);
            let index = lines_by_part
                .iter()
                .position(|(part, _)| *part == diagnostic.part)
                .unwrap_or_else(|| {
                    lines_by_part.push((diagnostic.part, line_starts(text)));
                    lines_by_part.len() - 1
                });
            let holder = Excerpt {
                name: &label,
                original: text,
                line_starts: &lines_by_part[index].1,
            };
            let _ = handler.render_report(
                &mut out,
                &Shown {
                    diagnostic,
                    source: &holder,
                },
            );
            let undrawn = diagnostic.related.iter().filter(|r| {
                r.part != diagnostic.part || !drawable(text, (diagnostic.start, diagnostic.end), r)
            });
            for related in undrawn {
                let _ = writeln!(
                    out,
                    "  note: {} ({}:{}:{})\n",
                    super::visible(&related.message),
                    part_label(name, related.part),
                    related.line,
                    related.column
                );
            }
        } else {
            rest.entry(&diagnostic.rule).or_default().push(diagnostic);
        }
    }
    for (rule, mut more) in rest {
        more.sort_by_key(|d| d.start);
        let _ = writeln!(out, "  {rule}: {} more in {name}", more.len());
        for diagnostic in more {
            let _ = writeln!(
                out,
                "    {}:{}:{}: {}",
                part_label(name, diagnostic.part),
                diagnostic.line,
                diagnostic.column,
                super::visible(&diagnostic.message)
            );
        }
        out.push('\n');
    }
    out
}

/// The name a place is shown under: the document, with its DOCX part ("brief.docx (footnotes)").
fn part_label(name: &str, part: Option<&str>) -> String {
    match part {
        Some(part) => format!("{name} ({part})"),
        None => name.to_owned(),
    }
}

/// The text a finding's positions count in and the name to show for it: a DOCX part, or
/// the whole original.
fn part_source<'t>(name: &str, original: &'t str, parts: &[Part], part: Option<&str>) -> (String, &'t str) {
    let index = part.and_then(|part| parts.iter().position(|p| p.name == part));
    let Some(index) = index else {
        return (name.to_owned(), original);
    };
    let start = crate::span::floor_char_boundary(original, parts[index].start.min(original.len()));
    let end = parts
        .get(index + 1)
        .map_or(original.len(), |next| next.start.clamp(start, original.len()));
    let end = crate::span::floor_char_boundary(original, end);
    (part_label(name, part), &original[start..end])
}

/// The closing line: counts by severity.
#[must_use]
pub fn summary(diagnostics: &[Diagnostic], documents: usize) -> String {
    summary_with_failures(diagnostics, documents, &[])
}

/// The closing line, naming the files that could not be read (the run exits 2 for them):
/// "0 errors, 21 warnings, 0 notes in 4 documents; 1 file could not be read: `broken.docx`".
#[must_use]
pub fn summary_with_failures(diagnostics: &[Diagnostic], documents: usize, failed: &[String]) -> String {
    let count = |severity: Severity| diagnostics.iter().filter(|d| d.severity == severity).count();
    let mut line = format!(
        "{}, {}, {} in {}",
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
        plural(count(Severity::Info), "note"),
        plural(documents, "document")
    );
    if !failed.is_empty() {
        const NAMED: usize = 5;
        let mut names: Vec<String> = failed
            .iter()
            .take(NAMED)
            .map(|f| format!("`{}`", super::visible(f)))
            .collect();
        if failed.len() > NAMED {
            names.push(format!("and {} more", failed.len() - NAMED));
        }
        let _ = write!(
            line,
            "; {} could not be read: {}",
            plural(failed.len(), "file"),
            names.join(", ")
        );
    }
    line.push('\n');
    line
}

/// "1 claim", "2 claims": a count and its noun, for summaries people read.
#[must_use]
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}
