//! `ledger/drift`, `ledger/unreviewed`, `ledger/stale`: the document against its claims ledger.

use super::Context;
use crate::audit::ledger::Status;
use crate::diagnostic::{Finding, Place};
use crate::span::Span;

pub fn drift(context: &Context<'_>) -> Vec<Finding> {
    let Some(rows) = &context.ledger else {
        return Vec::new();
    };
    let mut findings = Vec::new();
    for claim in context.claims {
        let Some(row) = rows.get(claim.id.as_str()) else {
            continue;
        };
        if row.status() != Status::Verified {
            continue;
        }
        let changed = row.changed(claim);
        if !changed.is_empty() {
            findings.push(
                Finding::at(Place::Text(claim.span))
                    .with("text", &claim.text)
                    .with("old", row.cell("text"))
                    .with("changed", changed.join(", "))
                    .claim(claim),
            );
        }
    }
    findings
}

pub fn unreviewed(context: &Context<'_>) -> Vec<Finding> {
    let Some(rows) = &context.ledger else {
        return Vec::new();
    };
    let mut findings = Vec::new();
    for claim in context.claims {
        let state = match rows.get(claim.id.as_str()).map(|r| r.status()) {
            None => "not in the ledger",
            Some(Status::Unreviewed | Status::Stale) => "not reviewed yet",
            Some(_) => continue,
        };
        findings.push(
            Finding::at(Place::Text(claim.span))
                .with("text", &claim.text)
                .with("state", state)
                .claim(claim),
        );
    }
    findings
}

pub fn stale(context: &Context<'_>) -> Vec<Finding> {
    let Some(rows) = &context.ledger else {
        return Vec::new();
    };
    let present: std::collections::HashSet<&str> = context.claims.iter().map(|c| c.id.as_str()).collect();
    let original_len = context.document.source_map.original().len();
    let mut gone: Vec<_> = rows
        .values()
        .filter(|r| !present.contains(r.id()) && r.status() != Status::Stale)
        .collect();
    gone.sort_by_key(|r| (r.cell("start").parse::<usize>().unwrap_or(0), r.id().to_owned()));
    gone.into_iter()
        .map(|row| {
            // Where the claim last stood, if the file is still that long.
            let start = row.cell("start").parse::<usize>().unwrap_or(0).min(original_len);
            let at = crate::span::floor_char_boundary(context.document.source_map.original(), start);
            Finding::at(Place::Original(Span::new(at, at)))
                .with("id", row.id())
                .with("text", row.cell("text"))
        })
        .collect()
}
