//! Pipe tables without a delimiter row: converters from HTML and Word (and some archives of
//! reports) write tables as runs of `| a | b |` lines with no `|---|---|` line under the first.
//! CommonMark reads such a run as one paragraph, so a table of hundreds of figures becomes one
//! "sentence". Before parsing, a delimiter row is inserted after the first line of each such run
//! (or, where the first line is narrower than the rows, an empty header and a delimiter before
//! it, since GFM keeps only as many columns as the header has); `Inserted` maps parser offsets
//! back to the original.

/// What was inserted into the source, so offsets map back.
#[derive(Debug, Default)]
pub struct Inserted {
    /// (offset in the new text where an insertion starts, its length, the length of all the
    /// insertions before it), in order.
    insertions: Vec<(usize, usize, usize)>,
}

impl Inserted {
    /// The original offset of `offset` in the new text: insertions before it are taken off;
    /// an offset inside an insertion maps to where the insertion was made.
    #[must_use]
    pub fn original(&self, offset: usize) -> usize {
        let index = self.insertions.partition_point(|&(at, _, _)| at <= offset);
        let Some(&(at, length, before)) = index.checked_sub(1).map(|i| &self.insertions[i]) else {
            return offset;
        };
        if offset < at + length {
            at - before
        } else {
            offset - before - length
        }
    }

    fn push(&mut self, at: usize, length: usize) {
        let before = self
            .insertions
            .last()
            .map_or(0, |&(_, length, before)| before + length);
        self.insertions.push((at, length, before));
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

/// The source with delimiter rows added under pipe tables that lack them, and what was inserted.
/// Returns `None` when nothing needs adding (the common case: no copy is made).
#[must_use]
pub fn add_delimiter_rows(source: &str) -> Option<(String, Inserted)> {
    let lines: Vec<(usize, &str)> = line_starts(source);
    let mut plan: Vec<(usize, usize, usize)> = Vec::new(); // (first line index, run end, columns)
    let mut fence: Option<&str> = None;
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index].1;
        let trimmed = line.trim_start();
        if let Some(open) = fence {
            if trimmed.starts_with(open) {
                fence = None;
            }
            index += 1;
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
            index += 1;
            continue;
        }
        let starts_block = index == 0 || lines[index - 1].1.trim().is_empty();
        let Some(first) = cells(line).filter(|_| starts_block) else {
            index += 1;
            continue;
        };
        let mut end = index + 1;
        let mut widest = first;
        while end < lines.len() {
            match cells(lines[end].1) {
                Some(count) => widest = widest.max(count),
                None => break,
            }
            end += 1;
        }
        let has_delimiter = lines.get(index + 1).is_some_and(|(_, l)| is_delimiter(l));
        if end - index >= 2 && !has_delimiter {
            plan.push((index, end, widest.max(first)));
        }
        index = end;
    }
    if plan.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(source.len() + plan.len() * 64);
    let mut inserted = Inserted::default();
    let mut copied = 0;
    for (first, _, columns) in plan {
        let (start, line) = lines[first];
        let have = cells(line).unwrap_or(columns);
        let delimiter = format!("|{}\n", "---|".repeat(columns));
        if have < columns {
            // A first line narrower than the rows is a header whose cells span columns we
            // cannot place ("| State | Count | Share" over eight columns): no header then, an
            // empty one, and every line a row (words opening a row still label it).
            out.push_str(&source[copied..start]);
            let header = format!("|{}\n{delimiter}", "  |".repeat(columns));
            inserted.push(out.len(), header.len());
            out.push_str(&header);
            copied = start;
            continue;
        }
        let content = line.trim_end_matches(['\n', '\r']);
        let content_end = start + content.len();
        out.push_str(&source[copied..content_end]);
        if !content.trim_end().ends_with('|') {
            inserted.push(out.len(), 2);
            out.push_str(" |");
        }
        let line_end = start + line.len();
        out.push_str(&source[content_end..line_end]);
        if !line.ends_with('\n') {
            out.push('\n');
        }
        inserted.push(out.len(), delimiter.len());
        out.push_str(&delimiter);
        copied = line_end;
    }
    out.push_str(&source[copied..]);
    Some((out, inserted))
}

/// Each line with its start offset (lines keep their `\n`).
fn line_starts(source: &str) -> Vec<(usize, &str)> {
    let mut lines = Vec::new();
    let mut start = 0;
    for line in source.split_inclusive('\n') {
        lines.push((start, line));
        start += line.len();
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_of_pipe_lines_gets_a_delimiter_row_and_offsets_map_back() {
        let source = "Intro.\n\n| State | Bridges\n| Ohio | 27,000\n\nAfter.\n";
        let (text, inserted) = add_delimiter_rows(source).expect("a table to mend");
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
        let (text, inserted) = add_delimiter_rows(source).expect("a table to mend");
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
        assert!(add_delimiter_rows("| a | b |\n|---|---|\n| 1 | 2 |\n").is_none());
        assert!(add_delimiter_rows("```\n| a | b |\n| 1 | 2 |\n```\n").is_none());
        assert!(add_delimiter_rows("| just one line |\n\ntext\n").is_none());
        assert!(add_delimiter_rows("Text then\n| a | b |\n| 1 | 2 |\n").is_none());
    }
}
