//! Tables laid out plainly as a grid: rows of cells set apart by wide gaps, figures in them,
//! and the row of words above them that heads their columns.
//!
//! A row is the lines of one baseline side by side (a cell drawn as a text object of its
//! own is a line of its own) or one line split at gaps of two ems. Two rows or more in a
//! row, each with a figure after its first cell and no wider spacing between them than three
//! lines, make a table; the row just above them is its header when it holds no figure but
//! years. The columns are the cells of the data row with the most cells; each cell takes the
//! first column it overlaps and a header cell spans all it overlaps, so a figure is read with
//! the heading above it and the label of its row.

use std::ops::Range;

use super::{Line, Role};

/// A table found on a page: its lines (a stretch of the page's lines in reading order) and its
/// rows (stretches of those lines), the first of them a header row when `header` says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Grid {
    pub lines: Range<usize>,
    pub rows: Vec<Range<usize>>,
    pub header: bool,
}

/// One cell of a line: where its text is in the line and its left and right ink edges.
#[derive(Debug, Clone)]
pub(super) struct Cell {
    pub text: Range<usize>,
    pub left: f32,
    pub right: f32,
}

/// The cells of a line, their text trimmed, empty ones left out.
pub(super) fn cells(line: &Line) -> Vec<Cell> {
    let mut out = Vec::with_capacity(line.cells.len().max(1));
    let edges: &[(usize, f32, f32)] = if line.cells.is_empty() {
        &[(0, line.x, line.right)]
    } else {
        &line.cells
    };
    for (index, &(start, left, right)) in edges.iter().enumerate() {
        let end = edges.get(index + 1).map_or(line.text.len(), |next| next.0);
        let (start, end) = (start.min(end), end.min(line.text.len()));
        let Some(raw) = line.text.get(start..end) else {
            continue;
        };
        let leading = raw.len() - raw.trim_start().len();
        let text = raw.trim();
        if !text.is_empty() {
            out.push(Cell {
                text: start + leading..start + leading + text.len(),
                left,
                right,
            });
        }
    }
    out
}

/// What a row of cells looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RowKind {
    /// Two cells or more, a figure after the first.
    Data,
    /// Two cells or more, words or years only.
    Heading,
    Other,
}

/// A figure as a table cell holds it (trimmed): "1,650.5", "54%", "$12", "(X)", "–", "-3.2".
pub(super) fn is_figure(cell: &str) -> bool {
    !cell.is_empty()
        && cell.len() <= 24
        && cell
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '–' | '-' | '—'))
        && cell
            .chars()
            .all(|c| c.is_ascii_digit() || " ,.%$€£()–—-+*X".contains(c))
}

/// A year heading a column: "2023".
fn is_year(cell: &str) -> bool {
    cell.len() == 4
        && (cell.starts_with("19") || cell.starts_with("20"))
        && cell.bytes().all(|b| b.is_ascii_digit())
}

fn row_kind(lines: &[Line]) -> RowKind {
    let texts: Vec<&str> = lines
        .iter()
        .flat_map(|line| cells(line).into_iter().map(move |cell| &line.text[cell.text]))
        .collect();
    if texts.len() < 2 {
        return RowKind::Other;
    }
    if texts[1..].iter().any(|text| is_figure(text)) {
        return RowKind::Data;
    }
    let short = texts.iter().all(|text| text.chars().count() <= 40);
    if short && texts.iter().all(|text| !is_figure(text) || is_year(text)) {
        RowKind::Heading
    } else {
        RowKind::Other
    }
}

/// The tables of a page whose lines are in reading order.
pub(super) fn grids(lines: &[Line], roles: &[Role]) -> Vec<Grid> {
    // Rows: runs of body lines on one baseline, each right of the one before.
    let mut rows: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    while start < lines.len() {
        let mut end = start + 1;
        if roles[start] == Role::Body {
            while end < lines.len()
                && roles[end] == Role::Body
                && (lines[end].y - lines[start].y).abs() < 0.3 * lines[start].size
                && lines[end].x > lines[end - 1].right
            {
                end += 1;
            }
        }
        rows.push(start..end);
        start = end;
    }
    let kinds: Vec<RowKind> = rows
        .iter()
        .map(|row| {
            if roles[row.start] == Role::Body {
                row_kind(&lines[row.clone()])
            } else {
                RowKind::Other
            }
        })
        .collect();
    let close = |above: &Range<usize>, below: &Range<usize>| {
        let (above, below) = (&lines[above.start], &lines[below.start]);
        below.y > above.y && below.y - above.y <= 3.0 * above.size.max(below.size)
    };
    let mut grids = Vec::new();
    let mut index = 0;
    while index < rows.len() {
        if kinds[index] != RowKind::Data {
            index += 1;
            continue;
        }
        let first = index;
        while index + 1 < rows.len()
            && kinds[index + 1] == RowKind::Data
            && close(&rows[index], &rows[index + 1])
        {
            index += 1;
        }
        let last = index;
        index += 1;
        if last == first {
            continue;
        }
        let header =
            first > 0 && kinds[first - 1] == RowKind::Heading && close(&rows[first - 1], &rows[first]);
        let from = if header { first - 1 } else { first };
        grids.push(Grid {
            lines: rows[from].start..rows[last].end,
            rows: rows[from..=last].to_vec(),
            header,
        });
    }
    grids
}

/// The column and column span of each cell of a grid, row by row. The columns are the cells
/// of the data row with the most cells; a cell takes the first column it overlaps (or the
/// nearest) and, in the header row, spans every column it overlaps ("Age Enrollment" set
/// across two columns heads both).
pub(super) fn columns(lines: &[Line], grid: &Grid) -> Vec<Vec<(usize, usize)>> {
    let row_cells: Vec<Vec<Cell>> = grid
        .rows
        .iter()
        .map(|row| lines[row.clone()].iter().flat_map(cells).collect())
        .collect();
    let first_data = usize::from(grid.header);
    let defining = (first_data..row_cells.len())
        .max_by_key(|&row| (row_cells[row].len(), std::cmp::Reverse(row)))
        .unwrap_or(0);
    let spans: Vec<(f32, f32)> = row_cells[defining]
        .iter()
        .map(|cell| (cell.left, cell.right))
        .collect();
    row_cells
        .iter()
        .enumerate()
        .map(|(row, cells)| {
            let mut next_free = 0;
            cells
                .iter()
                .map(|cell| {
                    let overlapped = spans
                        .iter()
                        .filter(|&&(from, to)| to.min(cell.right) > from.max(cell.left))
                        .count();
                    // Cells go left to right: no two of a row share a column.
                    let column = nearest(&spans, cell.left, cell.right).max(next_free);
                    let span = if grid.header && row == 0 {
                        overlapped.max(1)
                    } else {
                        1
                    };
                    next_free = column + span;
                    (column, span)
                })
                .collect()
        })
        .collect()
}

/// The first span `left..right` overlaps, or the one whose middle is nearest when it overlaps
/// none.
fn nearest(spans: &[(f32, f32)], left: f32, right: f32) -> usize {
    if let Some(first) = spans
        .iter()
        .position(|&(from, to)| to.min(right) > from.max(left))
    {
        return first;
    }
    let middle = f32::midpoint(left, right);
    spans
        .iter()
        .enumerate()
        .min_by(|a, b| {
            let distance = |span: &(f32, f32)| (f32::midpoint(span.0, span.1) - middle).abs();
            distance(a.1).total_cmp(&distance(b.1))
        })
        .map_or(0, |(index, _)| index)
}
