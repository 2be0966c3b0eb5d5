//! Pipe tables mended before parsing. Converters from HTML and Word (and some archives of
//! reports) write tables as runs of `| a | b |` lines with no `|---|---|` line under the first.
//! CommonMark reads such a run as one paragraph, so a table of hundreds of figures becomes one
//! "sentence". Before parsing, a delimiter row is inserted after the first line of each such run
//! (or, where the first line is narrower than the rows, an empty header and a delimiter before
//! it, since GFM keeps only as many columns as the header has). And the rows past the
//! document's limit of table cells are taken out, so that the parser never builds its tree of a
//! table of a million rows (about 48 bytes a node, several nodes a cell). `Edits` maps parser
//! offsets back to the original.

/// What was inserted into the source and taken out of it, so offsets map back.
#[derive(Debug, Default)]
pub struct Edits {
    /// (offset in the new text where an edit starts, bytes inserted there, offset in the
    /// original where it starts, bytes of the original taken out there), in order.
    edits: Vec<(usize, usize, usize, usize)>,
}

impl Edits {
    /// The original offset of `offset` in the new text: an offset inside an insertion maps to
    /// where the insertion was made; one after an edit moves by what it inserted and took out.
    #[must_use]
    pub fn original(&self, offset: usize) -> usize {
        let index = self.edits.partition_point(|&(at, _, _, _)| at <= offset);
        let Some(&(at, inserted, original_at, removed)) = index.checked_sub(1).map(|i| &self.edits[i]) else {
            return offset;
        };
        if offset < at + inserted {
            original_at
        } else {
            original_at + removed + (offset - at - inserted)
        }
    }

    /// Records an edit at `at` in the new text, past every edit recorded so far: `inserted`
    /// bytes in place of `removed` bytes of the original.
    fn push(&mut self, at: usize, inserted: usize, removed: usize) {
        let original_at = self.original(at);
        self.edits.push((at, inserted, original_at, removed));
    }
}

/// The cells of a pipe-table line, or `None` if it is not one: it starts with `|` (after up to
/// three spaces) and holds at least one more `|`.
fn cells(line: &str) -> Option<usize> {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 || !trimmed.starts_with('|') {
        return None;
    }
    let inner = trimmed.trim_end().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    // Escaped pipes (`\|`) are text, not cell borders.
    let borders = inner.matches('|').count() - inner.matches("\\|").count();
    (trimmed[1..].contains('|') || !inner.trim().is_empty()).then_some(borders + 1)
}

/// Whether a line is a delimiter row (`|---|:--:|`).
fn is_delimiter(line: &str) -> bool {
    let trimmed = line.trim();
    trimmed.contains('-') && trimmed.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// The source mended for parsing, what was edited, and how many table cells were taken out.
#[derive(Debug)]
pub struct Mended {
    pub text: String,
    pub edits: Edits,
    /// Cells of the rows taken out past the limit.
    pub left_out: usize,
}

/// One edit of the source, in source order.
enum Step {
    /// A delimiter row under the line at this offset, `columns` wide.
    Delimiter { line: usize, columns: usize },
    /// The source `from..to`, rows of a table past the limit of cells: taken out.
    Cut { from: usize, to: usize },
}

/// A run of pipe lines read at one offset: where it ends, how wide it is, whether its second
/// line is a delimiter row, and the rows past the limit.
struct Run {
    end: usize,
    lines: usize,
    widest: usize,
    has_delimiter: bool,
    /// Where the rows past the limit start, and their cells.
    cut: Option<(usize, usize)>,
    /// Cells read before the cut.
    cells: usize,
}

/// Reads the run of pipe lines starting at `start` (its first line holding `first` cells),
/// `room` cells left before the limit.
fn run_at(source: &str, start: usize, first: usize, room: usize) -> Run {
    let mut run = Run {
        end: start,
        lines: 0,
        widest: first,
        has_delimiter: false,
        cut: None,
        cells: 0,
    };
    while let Some(line) = line_at(source, run.end) {
        let Some(count) = cells(line) else { break };
        run.widest = run.widest.max(count);
        if run.lines == 1 {
            run.has_delimiter = is_delimiter(line);
        }
        // A delimiter row holds no cells.
        let count = if run.lines == 1 && run.has_delimiter {
            0
        } else {
            count
        };
        match &mut run.cut {
            Some((_, left_out)) => *left_out += count,
            None if run.cells + count > room => run.cut = Some((run.end, count)),
            None => run.cells += count,
        }
        run.lines += 1;
        run.end += line.len();
    }
    run
}

/// The line starting at `at`, with its `\n`; `None` at the end.
fn line_at(source: &str, at: usize) -> Option<&str> {
    let rest = source.get(at..).filter(|rest| !rest.is_empty())?;
    Some(memchr::memchr(b'\n', rest.as_bytes()).map_or(rest, |end| &rest[..=end]))
}

/// The source with delimiter rows added under pipe tables that lack them and table rows past
/// `max_cells` taken out. Returns `None` when nothing needs editing (the common case: no copy
/// is made).
#[must_use]
pub fn mend(source: &str, max_cells: usize) -> Option<Mended> {
    let mut plan: Vec<Step> = Vec::new();
    let (mut cells_read, mut left_out) = (0usize, 0usize);
    let mut fence: Option<&str> = None;
    let mut previous_blank = true;
    let mut at = 0;
    while let Some(line) = line_at(source, at) {
        let trimmed = line.trim_start();
        let blank = trimmed.is_empty();
        if let Some(open) = fence {
            if trimmed.starts_with(open) {
                fence = None;
            }
        } else if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
        } else if let Some(first) = cells(line).filter(|_| previous_blank) {
            let run = run_at(source, at, first, max_cells - cells_read);
            // One line is no table.
            if run.lines >= 2 {
                if !run.has_delimiter && run.cut.is_none_or(|(from, _)| from > at) {
                    plan.push(Step::Delimiter {
                        line: at,
                        columns: run.widest.max(first),
                    });
                }
                cells_read += run.cells;
                if let Some((from, cells)) = run.cut {
                    left_out += cells;
                    cells_read = max_cells;
                    plan.push(Step::Cut { from, to: run.end });
                }
            }
            at = run.end;
            previous_blank = false;
            continue;
        }
        previous_blank = blank;
        at += line.len();
    }
    if plan.is_empty() {
        return None;
    }
    let cut: usize = plan
        .iter()
        .map(|step| match step {
            Step::Cut { from, to } => to - from,
            Step::Delimiter { .. } => 0,
        })
        .sum();
    let mut out = String::with_capacity(source.len() - cut + plan.len() * 64);
    let mut edits = Edits::default();
    let mut copied = 0;
    for step in plan {
        match step {
            Step::Delimiter { line, columns } => {
                let text = line_at(source, line).unwrap_or_default();
                copied = add_delimiter(source, (line, text), columns, copied, &mut out, &mut edits);
            }
            Step::Cut { from, to } => {
                out.push_str(&source[copied..from]);
                edits.push(out.len(), 0, to - from);
                copied = to;
            }
        }
    }
    out.push_str(&source[copied..]);
    Some(Mended {
        text: out,
        edits,
        left_out,
    })
}

/// Adds a delimiter row `columns` wide under the first line of a run (`start`, `line`), the
/// source up to it copied from `copied`; returns how far the source is copied.
fn add_delimiter(
    source: &str,
    (start, line): (usize, &str),
    columns: usize,
    copied: usize,
    out: &mut String,
    edits: &mut Edits,
) -> usize {
    let have = cells(line).unwrap_or(columns);
    let delimiter = format!("|{}\n", "---|".repeat(columns));
    if have < columns {
        // A first line narrower than the rows is a header whose cells span columns we
        // cannot place ("| State | Count | Share" over eight columns): no header then, an
        // empty one, and every line a row (words opening a row still label it).
        out.push_str(&source[copied..start]);
        let header = format!("|{}\n{delimiter}", "  |".repeat(columns));
        edits.push(out.len(), header.len(), 0);
        out.push_str(&header);
        return start;
    }
    let content = line.trim_end_matches(['\n', '\r']);
    let content_end = start + content.len();
    out.push_str(&source[copied..content_end]);
    if !content.trim_end().ends_with('|') {
        edits.push(out.len(), 2, 0);
        out.push_str(" |");
    }
    let line_end = start + line.len();
    out.push_str(&source[content_end..line_end]);
    if !line.ends_with('\n') {
        out.push('\n');
    }
    edits.push(out.len(), delimiter.len(), 0);
    out.push_str(&delimiter);
    line_end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_of_pipe_lines_gets_a_delimiter_row_and_offsets_map_back() {
        let source = "Intro.\n\n| State | Bridges\n| Ohio | 27,000\n\nAfter.\n";
        let Mended {
            text,
            edits: inserted,
            ..
        } = mend(source, usize::MAX).expect("a table to mend");
        assert_eq!(
            text,
            "Intro.\n\n| State | Bridges |\n|---|---|\n| Ohio | 27,000\n\nAfter.\n"
        );
        let ohio = text.find("Ohio").expect("ohio");
        assert_eq!(inserted.original(ohio), source.find("Ohio").expect("ohio"));
        let after = text.find("After").expect("after");
        assert_eq!(inserted.original(after), source.find("After").expect("after"));
        let delimiter = text.find("|---").expect("delimiter");
        assert_eq!(inserted.original(delimiter), source.find("| Ohio").expect("row"));
    }

    #[test]
    fn a_narrow_first_line_becomes_a_row_under_an_empty_header() {
        let source = "| State | Share\n| Ohio | 27 | 5 |\n";
        let Mended {
            text,
            edits: inserted,
            ..
        } = mend(source, usize::MAX).expect("a table to mend");
        assert_eq!(
            text,
            "|  |  |  |\n|---|---|---|\n| State | Share\n| Ohio | 27 | 5 |\n"
        );
        assert_eq!(inserted.original(text.find("| State").expect("state")), 0);
        assert_eq!(
            inserted.original(text.find("Ohio").expect("ohio")),
            source.find("Ohio").expect("ohio")
        );
    }

    #[test]
    fn real_tables_code_and_single_lines_are_left_alone() {
        assert!(mend("| a | b |\n|---|---|\n| 1 | 2 |\n", usize::MAX).is_none());
        assert!(mend("```\n| a | b |\n| 1 | 2 |\n```\n", usize::MAX).is_none());
        assert!(mend("| just one line |\n\ntext\n", usize::MAX).is_none());
        assert!(mend("Text then\n| a | b |\n| 1 | 2 |\n", usize::MAX).is_none());
    }

    #[test]
    fn rows_past_the_limit_are_taken_out_and_offsets_after_them_map_back() {
        let source = "| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n| 5 | 6 |\n\nAfter 7.\n";
        let Mended {
            text,
            edits,
            left_out,
        } = mend(source, 4).expect("rows to take out");
        assert_eq!(text, "| a | b |\n|---|---|\n| 1 | 2 |\n\nAfter 7.\n");
        assert_eq!(left_out, 4);
        let after = text.find("After").expect("after");
        assert_eq!(edits.original(after), source.find("After").expect("after"));
        // A run without a delimiter row gets one, and its rows past the limit go.
        let source = "| a | b\n| 1 | 2 |\n| 3 | 4 |\n\n| c | d |\n|---|---|\n| 5 | 6 |\n";
        let Mended {
            text,
            edits,
            left_out,
        } = mend(source, 4).expect("edits");
        assert_eq!(text, "| a | b |\n|---|---|\n| 1 | 2 |\n\n");
        assert_eq!(left_out, 6);
        assert_eq!(
            edits.original(text.find("| 1").expect("row")),
            source.find("| 1").expect("row")
        );
        assert_eq!(edits.original(text.len()), source.len());
    }
}
