//! A figure in prose computed from the cells of a sourced table: a cell's number stated again
//! ("$13.7 million" for a cell of 13.7 in a table of $ millions, "$1.33 billion" for one of
//! 1,327.3), the difference of two
//! neighbouring cells ("$323.2 million below" for 1,650.5 and 1,327.3), and the percentage
//! change between them when its amount stands in the same sentence or just before ("(-20%)").
//! Budget and statistical reports compute their prose from their tables this way; the table's
//! source line ("Source: …") is then the figure's source.
//!
//! A table is sourced when a source line follows its cells within a few blocks (a PDF may set
//! the table beside the text, so its cells and the prose interleave). Neighbours are numbers of
//! one cell or of two consecutive cells: a table row read in order. Only distinctive amounts
//! are matched (a decimal written, or three digits that are no round ten), and percentages only
//! through an amount of their sentence or the two before, so that a figure does not meet a
//! table by chance.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::Relations;
use crate::claim::{Claim, Kind};
use crate::document::{BlockKind, Document, SourceKind};

/// A prose figure and the table cells it is computed from (claim indices; one cell twice when
/// it states the cell again).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FromTable {
    pub claim: usize,
    pub cells: [usize; 2],
}

/// Blocks a table's source line may stand after the cell it covers.
const SOURCE_REACH: usize = 60;

/// Sentences back to the amount a percentage change may be of: its own and the two before.
const PERCENT_REACH: usize = 2;

/// Numbers after a cell's number that it is paired with (a row of a budget table is a few).
const MAX_NEIGHBOURS: usize = 8;

/// Sourced tables hold at most this many numbers for matching: the pairs are linear in them.
const MAX_CELLS: usize = 20_000;

/// One number of a sourced table: its claim, the table cell it stands in and its value.
struct Cell {
    claim: usize,
    position: usize,
    value: Decimal,
}

pub fn find(document: &Document, claims: &[Claim], out: &mut Relations) {
    let cells = sourced_cells(document, claims);
    if cells.is_empty() {
        return;
    }
    // Values and neighbouring differences by their whole part, checked exactly on lookup.
    let mut values: HashMap<i64, Vec<usize>> = HashMap::new();
    // The same in thousands: a table of $ millions restated in billions ("$1.33 billion" for
    // a cell of 1,327.3).
    let mut thousands: HashMap<i64, Vec<usize>> = HashMap::new();
    let mut differences: HashMap<i64, Vec<(usize, usize)>> = HashMap::new();
    for (i, a) in cells.iter().enumerate() {
        values.entry(whole(a.value)).or_default().push(i);
        thousands.entry(whole(a.value / THOUSAND)).or_default().push(i);
        // The next few numbers only: a cell holding thousands of numbers pairs each with its
        // neighbours, not with all the others.
        for (j, b) in cells.iter().enumerate().skip(i + 1).take(MAX_NEIGHBOURS) {
            if b.position > a.position + 1 {
                break;
            }
            let difference = (b.value - a.value).abs();
            if !difference.is_zero() {
                differences.entry(whole(difference)).or_default().push((i, j));
            }
        }
    }
    // The pairs the amounts of the last few sentences were computed from, for percentages
    // ("… $147.9 million below the enacted level. That is 10% less …").
    let mut recent: Vec<(usize, usize, usize)> = Vec::new();
    for (index, claim) in claims.iter().enumerate() {
        let sentence = claim.sentence_index;
        recent.retain(|&(at, _, _)| at + PERCENT_REACH >= sentence);
        if in_table(document, claim) {
            continue;
        }
        match claim.kind {
            Kind::Money | Kind::Count | Kind::Quantity => {
                let Some((number, places)) = written_number(&claim.text) else {
                    continue;
                };
                if !distinctive(number, places) {
                    continue;
                }
                let same = |v: Decimal| v.round_dp(places) == number;
                let mut stated = values
                    .get(&whole(number))
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|&i| same(cells[i].value))
                    .collect::<Vec<_>>();
                // Two decimals at least (three figures): "$1.5 billion" would meet any cell from
                // 1,450 to 1,549.
                if stated.is_empty() && places >= 2 && names_a_scale(&claim.text) {
                    // Rounding may carry across a whole number: look on either side.
                    let key = whole(number);
                    stated = [key - 1, key, key + 1]
                        .iter()
                        .filter_map(|key| thousands.get(key))
                        .flatten()
                        .copied()
                        .filter(|&i| same(cells[i].value / THOUSAND))
                        .collect();
                }
                if let Some(&i) = stated.first() {
                    out.from_tables.push(FromTable {
                        claim: index,
                        cells: [cells[i].claim, cells[i].claim],
                    });
                    // The cell and the number before it: "$13.7 million (-7%)" after 14.7.
                    for &i in &stated {
                        if i > 0 && cells[i - 1].position + 1 >= cells[i].position {
                            recent.push((sentence, i - 1, i));
                        }
                    }
                    continue;
                }
                let computed = differences
                    .get(&whole(number))
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|&(i, j)| same((cells[j].value - cells[i].value).abs()))
                    .collect::<Vec<_>>();
                if let Some(&(i, j)) = computed.first() {
                    out.from_tables.push(FromTable {
                        claim: index,
                        cells: [cells[i].claim, cells[j].claim],
                    });
                    recent.extend(computed.iter().map(|&(i, j)| (sentence, i, j)));
                }
            }
            Kind::Percent => {
                let Some(value) = claim.value else { continue };
                let places = claim.precision.map_or(0, |p| p.normalize().scale());
                let found = recent.iter().find(|&&(_, i, j)| {
                    let (from, to) = (cells[i].value, cells[j].value);
                    !from.is_zero()
                        && ((to - from) * Decimal::ONE_HUNDRED / from).round_dp(places).abs() == value.abs()
                });
                if let Some(&(_, i, j)) = found {
                    out.from_tables.push(FromTable {
                        claim: index,
                        cells: [cells[i].claim, cells[j].claim],
                    });
                }
            }
            _ => {}
        }
    }
}

/// The numbers of table cells that a source line follows, in text order.
fn sourced_cells(document: &Document, claims: &[Claim]) -> Vec<Cell> {
    let lines: Vec<usize> = document
        .sources
        .iter()
        .filter(|s| s.kind == SourceKind::SourceLine)
        .map(|s| document.blocks.partition_point(|b| b.span.end <= s.span.start))
        .collect();
    if lines.is_empty() {
        return Vec::new();
    }
    let mut cells = Vec::new();
    for (index, claim) in claims.iter().enumerate() {
        let block = document.sentences[claim.sentence_index].block;
        let BlockKind::TableCell { cell } = document.blocks[block].kind else {
            continue;
        };
        let Some(value) = claim.value else { continue };
        if !matches!(claim.kind, Kind::Count | Kind::Money | Kind::Quantity) {
            continue;
        }
        let next_line = lines.partition_point(|&line| line < block);
        if lines
            .get(next_line)
            .is_none_or(|&line| line - block > SOURCE_REACH)
        {
            continue;
        }
        cells.push(Cell {
            claim: index,
            position: cell,
            value,
        });
        if cells.len() >= MAX_CELLS {
            break;
        }
    }
    cells
}

fn in_table(document: &Document, claim: &Claim) -> bool {
    let block = document.sentences[claim.sentence_index].block;
    matches!(document.blocks[block].kind, BlockKind::TableCell { .. })
}

/// The number as written in a figure's text ("$323.2 million" → 323.2) and its decimal places.
fn written_number(text: &str) -> Option<(Decimal, u32)> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let digits: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .filter(|c| *c != ',')
        .collect();
    let digits = digits.trim_end_matches('.');
    let places = digits.split_once('.').map_or(0, |(_, f)| f.len());
    let number: Decimal = digits.parse().ok()?;
    Some((number, u32::try_from(places).ok()?))
}

/// Unlikely to equal a table's number by chance: a decimal written ("13.7", "10.0"), or a whole
/// number of three digits or more that is no round ten.
fn distinctive(number: Decimal, places: u32) -> bool {
    places >= 1 || (number >= Decimal::ONE_HUNDRED && !(number % Decimal::TEN).is_zero())
}

const THOUSAND: Decimal = Decimal::from_parts(1000, 0, 0, false, 0);

/// Whether a figure's text names its scale in words ("$1.33 billion", "4.2 million"): a
/// table may give the same amount in the scale below.
fn names_a_scale(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    ["million", "billion", "trillion"]
        .iter()
        .any(|scale| lower.contains(scale))
}

fn whole(value: Decimal) -> i64 {
    i64::try_from(value.round()).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_written() {
        assert_eq!(written_number("$323.2 million"), Some((Decimal::new(3232, 1), 1)));
        assert_eq!(written_number("1,650.5"), Some((Decimal::new(16505, 1), 1)));
        assert_eq!(written_number("USD 15 billion"), Some((Decimal::from(15), 0)));
        assert!(distinctive(Decimal::new(100, 1), 1));
        assert!(!distinctive(Decimal::from(50), 0));
        assert!(!distinctive(Decimal::from(300), 0));
        assert!(distinctive(Decimal::from(323), 0));
    }
}
