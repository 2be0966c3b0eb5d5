//! `consistency/part-whole`: a part larger than its whole — "25 out of 18", "40 of the 30
//! members", "Of the 30 projects, 45 were late".

use super::Context;
use crate::claim::Claim;
use crate::claim::Kind;
use crate::diagnostic::{Finding, Place};

/// The words that join a part to its whole.
const JOINERS: &[&str] = &[
    "out of",
    "of",
    "of the",
    "of all",
    "of its",
    "of their",
    "out of the",
];

pub fn part_whole(context: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for indices in context.by_sentence.values() {
        let counts: Vec<&Claim> = indices
            .iter()
            .map(|&i| &context.claims[i])
            .filter(|c| c.kind == Kind::Count)
            .collect();
        for pair in counts.windows(2) {
            let (part, whole) = (pair[0], pair[1]);
            let joiner = context
                .between(part.span.end, whole.span.start)
                .to_ascii_lowercase();
            if JOINERS.contains(&joiner.as_str()) && larger(part, whole) {
                findings.push(finding(part, whole));
            }
        }
        // "Of the 30 projects, 45 were late": the whole opens the sentence.
        let Some(&first) = counts.first() else { continue };
        let sentence = &context.document.sentences[first.sentence_index];
        let opening = context
            .between(sentence.span.start, first.span.start)
            .to_ascii_lowercase();
        if opening == "of the" || opening == "of" {
            let clause_end = context.document.text[first.span.end..sentence.span.end].find(',');
            if let Some(comma) = clause_end {
                let after_comma = first.span.end + comma;
                if let Some(part) = counts.iter().skip(1).find(|c| c.span.start > after_comma) {
                    if larger(part, first) {
                        findings.push(finding(part, first));
                    }
                }
            }
        }
    }
    findings
}

/// Is the part surely larger than the whole, whatever the rounding and hedges allow?
fn larger(part: &Claim, whole: &Claim) -> bool {
    match (part.bounds().0, whole.bounds().1) {
        (Some(part_low), Some(whole_high)) => part_low > whole_high,
        _ => false,
    }
}

fn finding(part: &Claim, whole: &Claim) -> Finding {
    Finding::at(Place::Text(part.span))
        .with("part", &part.text)
        .with("whole", &whole.text)
        .claim(part)
        .claim(whole)
        .related(format!("the whole is {}", whole.text), Place::Text(whole.span))
}
