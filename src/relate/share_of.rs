//! A percentage and the whole it is of: "120 percent of households" is a share of a countable
//! whole and cannot pass 100; "106% of GDP", "115% of its pre-crisis level" are ratios to a level
//! and may; "up 150 percent" is a change. In a table the headers say which ("Share (%)",
//! "Change (%)").

use super::{Relations, Sentence};
use crate::claim::Kind;
use crate::document::Document;
use crate::lexicon::cues::{CHANGE_WORDS, SHARE_WORDS};
use crate::span::Span;

/// How a percentage relates to what it is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// A part of a whole ("of households"): at most 100 %.
    Part,
    /// A ratio to a level ("of GDP", "of the average"): any size.
    Level,
    /// A change ("rose 150 percent"): any size.
    Change,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareOf {
    pub share: usize,
    pub reading: Reading,
    /// The words that name the whole (or the table header), where there are some.
    pub whole: Span,
}

/// What a percentage of which is a ratio to a level, not a share of a whole.
const RATIO_BASES: &[&str] = &[
    "gdp",
    "gross domestic product",
    "gnp",
    "gni",
    "income",
    "the average",
    "average",
    "the median",
    "median",
    "the mean",
    "capacity",
    "the target",
    "target",
    "the baseline",
    "baseline",
    "the level",
    "its level",
    "pre-",
    "the national average",
    "the poverty",
    "the federal poverty",
    "normal",
    "the previous",
    "last year",
    "the value",
    "face value",
    "par",
    "the principal",
    "principal",
    "the aggregate principal",
    "the face amount",
    "the purchase price",
    "the exercise price",
    "the cost",
    "cost",
    "revenue",
    "revenues",
    "sales",
    "exports",
    "imports",
    "the limit",
    "the requirement",
    "the recommended",
    "the benchmark",
];

/// Single words that name a level anywhere in the first words of the whole.
const LEVEL_WORDS: &[&str] = &[
    "average",
    "median",
    "mean",
    "level",
    "levels",
    "baseline",
    "target",
    "targets",
    "benchmark",
    "norm",
    "normal",
    "capacity",
    "gdp",
    "gnp",
    "gni",
    "previous",
    "pre",
    "peak",
    "value",
    "cost",
    "costs",
    "limit",
    "quota",
    "forecast",
    "budget",
    "budgeted",
    "planned",
    "estimate",
    "requirement",
    "threshold",
    // Measures, of which one thing may be any multiple of another ("137% of the basal
    // width", "150% of the balance").
    "width",
    "length",
    "height",
    "depth",
    "thickness",
    "diameter",
    "radius",
    "size",
    "weight",
    "mass",
    "volume",
    "area",
    "distance",
    "speed",
    // "300 percent of the poverty line", "138% of FPL", "80% of AMI": thresholds of
    // programmes, of which an income may be any multiple.
    "poverty",
    "fpl",
    "ami",
    "income",
    "wage",
    "wages",
    "salary",
    "price",
    "prices",
    "rent",
    "balance",
    "amount",
];

pub fn find(document: &Document, sentence: &Sentence<'_>, out: &mut Relations) {
    let view = &sentence.view;
    let cell = document
        .sentences
        .get(sentence.index)
        .and_then(|s| document.cell_of_block(s.block));
    for &at in &view.figures {
        let share = sentence.claim_at(at);
        if sentence.claims[share].kind != Kind::Percent {
            continue;
        }
        // In a table, the headers name the whole ("Share (%)") or the change ("Change (%)");
        // the words around a cell are other cells.
        if let Some(cell) = cell {
            let headers = document.header_text(cell);
            let words: Vec<String> = headers
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            let reading = if words.iter().any(|w| CHANGE_WORDS.contains(&w.as_str())) {
                Reading::Change
            } else if words.iter().any(|w| SHARE_WORDS.contains(&w.as_str())) {
                Reading::Part
            } else {
                continue;
            };
            let whole = cell
                .column_headers
                .first()
                .map_or(sentence.claims[share].span, |h| document.table_cells[h].span);
            out.shares_of.push(ShareOf {
                share,
                reading,
                whole,
            });
            continue;
        }
        // A change word near the figure; the comparing ones ("by", "over", "than") only right
        // before it ("By 2019, 160% of homes" is no change).
        let near_only = ["by", "over", "above", "below", "than", "more", "less"];
        let change = (at.saturating_sub(4)..at).chain(at + 1..at + 2).any(|i| {
            view.word(i).is_some_and(|w| {
                CHANGE_WORDS.iter().any(|c| w.eq_ignore_ascii_case(c))
                    && (i + 1 == at || !near_only.iter().any(|n| w.eq_ignore_ascii_case(n)))
            })
        });
        if !view.is(at + 1, "of") {
            if change {
                out.shares_of.push(ShareOf {
                    share,
                    reading: Reading::Change,
                    whole: view.span(at, at + 1),
                });
            }
            continue;
        }
        let mut first = at + 2;
        if view.is(first, "the") {
            first += 1;
        }
        // The whole's first words, through a year ("of the 2019 average").
        let temporal = |i: usize| {
            view.figure(i)
                .is_some_and(|c| sentence.claims[c].kind.is_temporal())
        };
        let end = (first..first + 4)
            .take_while(|&i| view.word(i).is_some() || view.is(i, "-") || temporal(i))
            .last()
            .map_or(first, |i| i + 1);
        let whole_text: String = (first..end)
            .filter_map(|i| view.word(i).or_else(|| view.is(i, "-").then_some("-")))
            .collect::<Vec<_>>()
            .join(" ")
            .replace(" - ", "-")
            .to_lowercase();
        let words: Vec<&str> = whole_text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        // "200% of 10", "150 percent of $2,000": a percentage of a number is arithmetic on
        // it, of any size.
        let of_number = view
            .figure(at + 2)
            .is_some_and(|c| !sentence.claims[c].kind.is_temporal());
        let level = of_number
            // The whole's words are read after its "the": a base named with it is matched
            // without it too ("of the purchase price").
            || RATIO_BASES.iter().any(|base| {
                whole_text.starts_with(base) || base.strip_prefix("the ").is_some_and(|b| whole_text.starts_with(b))
            })
            || words.iter().any(|w| LEVEL_WORDS.contains(w));
        let reading = if change {
            Reading::Change
        } else if level {
            Reading::Level
        } else {
            Reading::Part
        };
        out.shares_of.push(ShareOf {
            share,
            reading,
            whole: view.span(at + 1, end),
        });
    }
}
