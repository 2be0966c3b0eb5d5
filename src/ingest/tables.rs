//! Tables, for every reader: which header cells name each cell.
//!
//! A reader reports tables as it meets them (table, row, cell opened and closed, with the
//! spans and header flags its format gives); when a table closes its cells are laid out on a
//! grid (column and row spans included) and each body cell is given the header cells above it
//! and to its left. Formats differ only in how they say "header": `th`, `thead`, a CALS
//! `thead`, a Word header row.

use crate::document::{BlockKind, Document, HeaderCells, TableCell};
use crate::span::{Span, trim_span};

/// Widest column or row span honoured (HTML caps `colspan` at 1,000 too); wider is read as this.
const MAX_SPAN: usize = 1000;

/// Most header levels kept per direction (header rows above a cell, header cells left of it).
const MAX_HEADER_LEVELS: usize = HeaderCells::MAX;

/// Most cells spanning down into later rows tracked at once; hostile input may ask for more.
const MAX_ACTIVE_SPANS: usize = 1024;

/// Table cells one document may hold by default (`table_cells` in `[limits]`; the largest
/// table of the real documents tried had about 4,000): each cell keeps its text, block,
/// sentence, headers and parser nodes (some 400 bytes beside its own), so a table of a million
/// cells of two digits took some 45 times its size. Cells past the limit are left out, and
/// `input/table-limit` says how many.
pub const MAX_CELLS: usize = 50_000;

/// Longest cell text, in bytes, still read as a table cell; a longer cell is prose laid out
/// in a table (a page built with layout tables, a form), and its blocks are paragraphs.
const MAX_DATA_CELL_BYTES: usize = 300;

/// Gives the blocks of prose cells back their paragraph kind.
fn unmark_prose_cells(document: &mut Document) {
    for block in &mut document.blocks {
        if let BlockKind::TableCell { cell } = block.kind
            && document
                .table_cells
                .get(cell)
                .is_some_and(|c| c.span.len() > MAX_DATA_CELL_BYTES)
        {
            block.kind = BlockKind::Paragraph;
        }
    }
}

/// A cell as read: its index in `Document::table_cells` and where it sits.
/// Small: a table holds one per cell until it closes.
#[derive(Debug, Clone, Copy)]
struct Slot {
    cell: usize,
    colspan: u16,
    rowspan: u16,
    /// The first column, when the format states it (DocBook `colname`/`namest`).
    column: Option<u32>,
    /// A Word cell merged into the one above it (`w:vMerge` without `restart`).
    continues_above: bool,
}

#[derive(Debug, Default)]
struct Row {
    /// In a header section (`thead`) or marked as a header row.
    head: bool,
    /// Where its slots start in the table's `slots` (a row owns no allocation of its own).
    first: usize,
}

#[derive(Debug, Default)]
struct OpenTable {
    rows: Vec<Row>,
    /// Every row's slots, row after row.
    slots: Vec<Slot>,
    /// Inside `thead`.
    in_head: bool,
    /// The open cell and where its text starts.
    open_cell: Option<(usize, usize)>,
    /// A cell past the document's limit is open: its text is left out.
    skipping: bool,
}

/// Collects the tables of one document as a reader meets them.
#[derive(Debug)]
pub struct Tables {
    /// Open tables, innermost last (a table may sit in a cell of another).
    open: Vec<OpenTable>,
    /// Cells still to be read as cells (`Limits::table_cells`).
    budget: usize,
    /// Cells met past the limit and left out.
    skipped: usize,
}

impl Default for Tables {
    fn default() -> Self {
        Self::new(MAX_CELLS)
    }
}

/// How a cell is declared.
#[derive(Debug, Clone, Copy)]
pub struct CellStart {
    pub header: bool,
    pub colspan: usize,
    pub rowspan: usize,
    pub column: Option<usize>,
    pub continues_above: bool,
}

impl CellStart {
    /// A plain cell, header or not, spanning one row and column.
    #[must_use]
    pub const fn new(header: bool) -> Self {
        Self {
            header,
            colspan: 1,
            rowspan: 1,
            column: None,
            continues_above: false,
        }
    }
}

impl Tables {
    /// Tables of a document that reads at most `cells` table cells.
    #[must_use]
    pub fn new(cells: usize) -> Self {
        Self {
            open: Vec::new(),
            budget: cells,
            skipped: 0,
        }
    }

    /// Counts cells a reader left out before they reached the tables (`pipe_tables`).
    pub fn skip(&mut self, cells: usize) {
        self.skipped += cells;
    }

    /// Whether the open cell is one past the limit, whose text the reader leaves out.
    #[must_use]
    pub fn skipping(&self) -> bool {
        self.open.last().is_some_and(|table| table.skipping)
    }

    pub fn open_table(&mut self) {
        self.open.push(OpenTable::default());
    }

    /// Enters or leaves a header section (`thead`).
    pub fn set_head(&mut self, in_head: bool) {
        if let Some(table) = self.open.last_mut() {
            table.in_head = in_head;
        }
    }

    /// Starts a row; `head` marks a header row the format declares on the row itself.
    pub fn open_row(&mut self, cells: &mut [TableCell], text: &str, head: bool) {
        if self.open.is_empty() {
            self.open_table();
        }
        self.close_cell(cells, text);
        if let Some(table) = self.open.last_mut() {
            let head = head || table.in_head;
            table.rows.push(Row {
                head,
                first: table.slots.len(),
            });
        }
    }

    /// Starts a cell whose text begins at `at`; returns its index in `cells`, or `None` for a
    /// cell past the document's limit, whose text the reader leaves out (`skipping`). A cell
    /// outside a row or table (broken markup) opens them; an open cell of the same table is
    /// closed.
    pub fn open_cell(&mut self, cells: &mut Vec<TableCell>, text: &str, start: CellStart) -> Option<usize> {
        self.close_cell(cells, text);
        if self.budget == 0 {
            self.skipped += 1;
            self.innermost().skipping = true;
            return None;
        }
        self.budget -= 1;
        let at = text.len();
        let index = cells.len();
        cells.push(TableCell {
            span: Span::new(at, at),
            header: start.header,
            ..TableCell::default()
        });
        let table = self.innermost();
        if table.rows.is_empty() {
            table.rows.push(Row {
                head: table.in_head,
                first: table.slots.len(),
            });
        }
        // Spans are capped at `MAX_SPAN` (1,000), a stated column at `MAX_SPAN²`: both fit.
        table.slots.push(Slot {
            cell: index,
            colspan: start.colspan.clamp(1, MAX_SPAN) as u16,
            rowspan: start.rowspan.clamp(1, MAX_SPAN) as u16,
            column: start.column.map(|c| c.min(MAX_SPAN * MAX_SPAN) as u32),
            continues_above: start.continues_above,
        });
        table.open_cell = Some((index, at));
        Some(index)
    }

    /// The innermost open table, opened if there is none (a cell outside any table).
    fn innermost(&mut self) -> &mut OpenTable {
        if self.open.is_empty() {
            self.open_table();
        }
        let last = self.open.len() - 1;
        &mut self.open[last]
    }

    /// Ends the open cell of the innermost table, if any, at the end of `text`.
    pub fn close_cell(&mut self, cells: &mut [TableCell], text: &str) {
        if let Some(table) = self.open.last_mut() {
            table.skipping = false;
        }
        if let Some((cell, start)) = self.open.last_mut().and_then(|t| t.open_cell.take()) {
            cells[cell].span = trim_span(text, Span::new(start.min(text.len()), text.len()));
        }
    }

    /// The cell text is being read into, if any: the open cell of the innermost table.
    #[must_use]
    pub fn current_cell(&self) -> Option<usize> {
        self.open.last()?.open_cell.map(|(cell, _)| cell)
    }

    /// Ends the innermost table and gives its cells their headers.
    pub fn close_table(&mut self, cells: &mut [TableCell], text: &str) {
        self.close_cell(cells, text);
        if let Some(table) = self.open.pop() {
            resolve(&table.rows, &table.slots, cells, text);
        }
    }

    /// Ends every open table (unclosed markup) and reads cells of prose as paragraphs again;
    /// readers call it when the document's blocks are in.
    pub fn finish(&mut self, document: &mut Document) {
        self.close_all(&mut document.table_cells, &document.text);
        document.table_cells_skipped += std::mem::take(&mut self.skipped);
        unmark_prose_cells(document);
    }

    /// Ends every open table.
    fn close_all(&mut self, cells: &mut [TableCell], text: &str) {
        while !self.open.is_empty() {
            self.close_table(cells, text);
        }
    }
}

/// A cell placed on the grid: columns `start..end`.
#[derive(Debug, Clone, Copy)]
struct Placed {
    start: usize,
    end: usize,
    cell: usize,
}

/// Lays the rows out on a grid and gives each body cell its headers.
fn resolve(rows: &[Row], slots: &[Slot], cells: &mut [TableCell], text: &str) {
    // Cells spanning down from earlier rows: (placed, rows still covered).
    let mut active: Vec<(Placed, usize)> = Vec::new();
    let mut next_active: Vec<(Placed, usize)> = Vec::new();
    let mut header_rows: Vec<Vec<Placed>> = Vec::new();
    let mut in_header = true;
    let (mut own, mut row_cells, mut previous) = (Vec::new(), Vec::new(), Vec::new());
    for (index, row) in rows.iter().enumerate() {
        let end = rows.get(index + 1).map_or(slots.len(), |next| next.first);
        let row_slots = &slots[row.first.min(end)..end];
        place_row(row_slots, &active, &previous, &mut own, &mut row_cells);
        next_active.clear();
        next_active.extend(
            active
                .iter()
                .filter(|(_, remaining)| *remaining > 1)
                .map(|&(placed, remaining)| (placed, remaining - 1)),
        );
        for (slot, placed) in row_slots.iter().zip(&own) {
            if slot.rowspan > 1 && next_active.len() < MAX_ACTIVE_SPANS {
                next_active.push((*placed, usize::from(slot.rowspan) - 1));
            }
        }
        std::mem::swap(&mut active, &mut next_active);
        let all_header = !row_slots.is_empty() && row_slots.iter().all(|s| cells[s.cell].header);
        in_header = in_header && (row.head || all_header);
        if in_header {
            for slot in row_slots {
                cells[slot.cell].header = true;
            }
            if header_rows.len() < MAX_HEADER_LEVELS {
                header_rows.push(row_cells.clone());
            }
        } else {
            let candidates = header_candidates(&row_cells, cells, text);
            for (slot, placed) in row_slots.iter().zip(&own) {
                if cells[slot.cell].header || slot.continues_above {
                    continue;
                }
                let column_headers = column_headers(&header_rows, placed.start, cells);
                let row_headers = row_headers(&row_cells, &candidates, placed);
                let cell = &mut cells[slot.cell];
                cell.column_headers = column_headers;
                cell.row_headers = row_headers;
            }
        }
        std::mem::swap(&mut previous, &mut row_cells);
    }
}

/// Places a row's own cells on the grid around the cells spanning into it: `own` gets the
/// own cells' places (in slot order), `row_cells` every cell of the row, own and spanning,
/// by column.
fn place_row(
    row: &[Slot],
    active: &[(Placed, usize)],
    previous: &[Placed],
    own: &mut Vec<Placed>,
    row_cells: &mut Vec<Placed>,
) {
    row_cells.clear();
    row_cells.extend(active.iter().map(|(placed, _)| *placed));
    row_cells.sort_unstable_by_key(|p| p.start);
    let taken_count = row_cells.len();
    own.clear();
    let mut column = 0;
    let mut next_taken = 0;
    for slot in row {
        if let Some(stated) = slot.column {
            column = column.max(stated as usize);
        }
        // Skip columns held by cells spanning down from above (sorted; the column only grows).
        while let Some(holder) = row_cells[..taken_count].get(next_taken) {
            if holder.end <= column {
                next_taken += 1;
            } else if holder.start <= column {
                column = holder.end;
                next_taken += 1;
            } else {
                break;
            }
        }
        let placed = Placed {
            start: column,
            end: column + usize::from(slot.colspan),
            cell: slot.cell,
        };
        own.push(placed);
        column = placed.end;
    }
    for (slot, placed) in row.iter().zip(own.iter()) {
        // A Word cell merged into the one above stands for that cell.
        let cell = if slot.continues_above {
            covering(previous, placed.start).map_or(placed.cell, |p| p.cell)
        } else {
            placed.cell
        };
        row_cells.push(Placed { cell, ..*placed });
    }
    row_cells.sort_by_key(|p| p.start);
}

/// The cell of a row (sorted by column) that covers `column`.
fn covering(row: &[Placed], column: usize) -> Option<Placed> {
    let index = row.partition_point(|p| p.end <= column);
    row.get(index).copied().filter(|p| p.start <= column)
}

/// Header cells above `column`, outermost first, empty ones and repeats left out.
fn column_headers(header_rows: &[Vec<Placed>], column: usize, cells: &[TableCell]) -> HeaderCells {
    let mut headers = HeaderCells::default();
    for row in header_rows {
        if let Some(placed) = covering(row, column)
            && !cells[placed.cell].span.is_empty()
            && !headers.contains(placed.cell)
        {
            headers.push(placed.cell);
        }
    }
    headers
}

/// The cells of a row that can head others (indices into the row's cells, in order): `th`
/// cells, and the labels (cells of words or a time, not figures) that open the row ("Coast",
/// "Urban" before "52"). Found once per row, so wide rows stay linear.
fn header_candidates(row_cells: &[Placed], cells: &[TableCell], text: &str) -> Vec<usize> {
    let label = |p: &Placed| {
        let text = &text[cells[p.cell].span.range()];
        is_label(text) || is_time_label(text)
    };
    let opening_labels = if row_cells.first().is_some_and(|p| p.start == 0) {
        row_cells.iter().take_while(|p| label(p)).count()
    } else {
        0
    };
    row_cells
        .iter()
        .enumerate()
        .filter(|(i, p)| !cells[p.cell].span.is_empty() && (cells[p.cell].header || *i < opening_labels))
        .map(|(i, _)| i)
        .collect()
}

/// Header cells left of `placed` in its row, outermost first, from the row's candidates.
fn row_headers(row_cells: &[Placed], candidates: &[usize], placed: &Placed) -> HeaderCells {
    let left = row_cells.partition_point(|p| p.end <= placed.start);
    let before = &candidates[..candidates.partition_point(|&i| i < left)];
    // The nearest `MAX_HEADER_LEVELS` before it, then outermost first, repeats folded.
    let nearest: HeaderCells = before
        .iter()
        .rev()
        .map(|&i| row_cells[i].cell)
        .filter(|&cell| cell != placed.cell)
        .collect();
    let mut headers = HeaderCells::default();
    for cell in nearest.iter().rev() {
        if headers.iter().last() != Some(cell) {
            headers.push(cell);
        }
    }
    headers
}

/// A row label: words, not a figure ("Germany", "Net sales"; not "45", "12 %", "-").
fn is_label(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    !(first.is_ascii_digit() || matches!(first, '-' | '+' | '−' | '.' | '(' | '<' | '>' | '±'))
        && text.chars().filter(|c| c.is_alphabetic()).take(2).count() == 2
}

/// A row label that is a time: "2019", "2019–20", "FY2021", "Q3 2022", "H1 2020".
fn is_time_label(text: &str) -> bool {
    let mut rest = text.trim();
    for prefix in ["FY", "Q1", "Q2", "Q3", "Q4", "H1", "H2"] {
        if let Some(after) = rest.strip_prefix(prefix) {
            rest = after.trim_start();
            break;
        }
    }
    let (Some(year), Some(tail)) = (rest.get(..4), rest.get(4..)) else {
        return false;
    };
    let is_year = year.bytes().all(|b| b.is_ascii_digit())
        && year.parse::<u16>().is_ok_and(|y| (1800..=2100).contains(&y));
    let tail_ok = tail.is_empty()
        || tail
            .strip_prefix(['-', '–', '/'])
            .is_some_and(|t| matches!(t.len(), 2 | 4) && t.bytes().all(|b| b.is_ascii_digit()));
    is_year && tail_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row: header row or not, and its cells as (text, header, colspan, rowspan).
    type TestRow<'a> = (bool, &'a [(&'a str, bool, usize, usize)]);

    /// Builds a table from rows of cells; returns the cells and the text.
    fn build(rows: &[TestRow<'_>]) -> (Vec<TableCell>, String) {
        let mut tables = Tables::default();
        let mut cells = Vec::new();
        let mut text = String::new();
        tables.open_table();
        for (head, row) in rows {
            tables.open_row(&mut cells, &text, *head);
            for &(content, header, colspan, rowspan) in *row {
                tables.open_cell(
                    &mut cells,
                    &text,
                    CellStart {
                        colspan,
                        rowspan,
                        ..CellStart::new(header)
                    },
                );
                text.push_str(content);
                text.push_str("\n\n");
                tables.close_cell(&mut cells, &text);
            }
        }
        tables.close_table(&mut cells, &text);
        (cells, text)
    }

    fn names(cells: &[TableCell], text: &str, indices: &HeaderCells) -> Vec<String> {
        indices
            .iter()
            .map(|i| text[cells[i].span.range()].to_owned())
            .collect()
    }

    #[test]
    fn body_cells_know_their_column_and_row_headers() {
        let (cells, text) = build(&[
            (
                false,
                &[
                    ("Country", true, 1, 1),
                    ("2020", true, 1, 1),
                    ("2021", true, 1, 1),
                ],
            ),
            (
                false,
                &[("Germany", true, 1, 1), ("45", false, 1, 1), ("47", false, 1, 1)],
            ),
            (
                false,
                &[("France", false, 1, 1), ("25", false, 1, 1), ("26", false, 1, 1)],
            ),
        ]);
        let cell = &cells[5];
        assert_eq!(&text[cell.span.range()], "47");
        assert_eq!(names(&cells, &text, &cell.column_headers), ["2021"]);
        assert_eq!(names(&cells, &text, &cell.row_headers), ["Germany"]);
        // A row without `th` is labelled by its first cell when that holds words.
        assert_eq!(names(&cells, &text, &cells[7].row_headers), ["France"]);
        assert!(cells[0].header && cells[1].header && !cells[4].header);
    }

    #[test]
    fn spans_shift_cells_to_the_right_columns() {
        let (cells, text) = build(&[
            (true, &[("Region", false, 1, 2), ("Share (%)", false, 2, 1)]),
            (true, &[("2020", false, 1, 1), ("2021", false, 1, 1)]),
            (
                false,
                &[("North", false, 1, 2), ("40", false, 1, 1), ("41", false, 1, 1)],
            ),
            (false, &[("39", false, 1, 1), ("38", false, 1, 1)]),
        ]);
        let find = |t: &str| cells.iter().position(|c| &text[c.span.range()] == t).unwrap();
        let cell = &cells[find("38")];
        assert_eq!(names(&cells, &text, &cell.column_headers), ["Share (%)", "2021"]);
        assert_eq!(names(&cells, &text, &cell.row_headers), ["North"]);
        assert_eq!(
            names(&cells, &text, &cells[find("40")].column_headers),
            ["Share (%)", "2020"]
        );
    }

    #[test]
    fn figures_are_no_row_labels() {
        let (cells, text) = build(&[(false, &[("12 %", false, 1, 1), ("45", false, 1, 1)])]);
        assert!(cells[1].row_headers.is_empty());
        assert!(cells[1].column_headers.is_empty());
        assert_eq!(&text[cells[1].span.range()], "45");
    }

    #[test]
    fn years_down_the_first_column_label_their_rows() {
        let (cells, text) = build(&[
            (true, &[("Year", false, 1, 1), ("Sales", false, 1, 1)]),
            (false, &[("2019", false, 1, 1), ("12", false, 1, 1)]),
            (false, &[("2019–20", false, 1, 1), ("15", false, 1, 1)]),
            (false, &[("1234", false, 1, 1), ("18", false, 1, 1)]),
        ]);
        assert_eq!(names(&cells, &text, &cells[3].row_headers), ["2019"]);
        assert_eq!(names(&cells, &text, &cells[5].row_headers), ["2019–20"]);
        assert!(cells[7].row_headers.is_empty(), "1234 is no year label");
        assert!(is_time_label("FY2021") && is_time_label("Q3 2022") && !is_time_label("45"));
        assert!(
            !is_time_label("€1234") && !is_time_label("2€"),
            "no panic on a multi-byte start"
        );
    }

    #[test]
    fn a_very_wide_row_is_read_in_linear_time() {
        let mut tables = Tables::default();
        let mut cells = Vec::new();
        let mut text = String::new();
        tables.open_row(&mut cells, &text, false);
        for _ in 0..200_000 {
            tables.open_cell(&mut cells, &text, CellStart::new(false));
            text.push_str("Label\n\n");
        }
        tables.close_all(&mut cells, &text);
        // Each cell is headed by at most three labels before it.
        assert!(cells.iter().all(|c| c.row_headers.len() <= MAX_HEADER_LEVELS));
    }

    #[test]
    fn hostile_spans_stay_bounded() {
        let mut tables = Tables::default();
        let mut cells = Vec::new();
        let text = String::new();
        for _ in 0..2000 {
            tables.open_row(&mut cells, &text, false);
            for _ in 0..5 {
                tables.open_cell(
                    &mut cells,
                    &text,
                    CellStart {
                        colspan: usize::MAX,
                        rowspan: usize::MAX,
                        ..CellStart::new(false)
                    },
                );
            }
        }
        tables.close_all(&mut cells, &text);
        assert_eq!(cells.len(), 10_000);
    }
}
