//! `claimlint diff OLD NEW`: the claims added, removed and changed between two revisions,
//! matched by claim id (which survives moved text and edited figures).

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::claim::Claim;
use crate::report::decimal_string;

#[derive(Debug, Default)]
pub struct Changes {
    pub added: Vec<Claim>,
    pub removed: Vec<Claim>,
    /// (old, new) pairs whose figure changed.
    pub changed: Vec<(Claim, Claim)>,
}

impl Changes {
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// What a claim states, for comparing revisions: kind, value, interval, unit, qualifier, date.
fn figure(claim: &Claim) -> impl PartialEq + '_ {
    (
        claim.kind,
        claim.value,
        claim.low,
        claim.high,
        claim.unit,
        claim.qualifier,
        claim.date.as_deref(),
    )
}

#[must_use]
pub fn diff(old: &[Claim], new: &[Claim]) -> Changes {
    let by_id: HashMap<&str, &Claim> = old.iter().map(|c| (c.id.as_str(), c)).collect();
    let new_ids: std::collections::HashSet<&str> = new.iter().map(|c| c.id.as_str()).collect();
    let mut changes = Changes::default();
    for claim in new {
        match by_id.get(claim.id.as_str()) {
            None => changes.added.push(claim.clone()),
            Some(before) if figure(before) != figure(claim) => {
                changes.changed.push(((*before).clone(), claim.clone()));
            }
            Some(_) => {}
        }
    }
    changes.removed = old
        .iter()
        .filter(|c| !new_ids.contains(c.id.as_str()))
        .cloned()
        .collect();
    changes
}

fn describe(claim: &Claim) -> String {
    let mut parts = Vec::new();
    if let Some(value) = claim.value {
        parts.push(format!("value {}", decimal_string(value)));
    }
    if let (Some(low), Some(high)) = (claim.low, claim.high) {
        parts.push(format!("{}..{}", decimal_string(low), decimal_string(high)));
    }
    if let Some(unit) = claim.unit {
        parts.push(unit.to_owned());
    }
    parts.push(claim.qualifier.name().to_owned());
    if let Some(date) = &claim.date {
        parts.push(date.clone());
    }
    parts.join(", ")
}

#[must_use]
pub fn render_human(changes: &Changes, name: &str) -> String {
    let mut out = format!(
        "{name}: {} changed, {} added, {} removed\n",
        changes.changed.len(),
        changes.added.len(),
        changes.removed.len()
    );
    for (old, new) in &changes.changed {
        let _ = writeln!(
            out,
            "~ {}:{} {} `{}` → `{}` ({} → {})",
            new.line,
            new.column,
            new.kind.name(),
            old.text,
            new.text,
            describe(old),
            describe(new)
        );
    }
    for (sign, claims) in [('+', &changes.added), ('-', &changes.removed)] {
        for claim in claims {
            let _ = writeln!(
                out,
                "{sign} {}:{} {} `{}` ({})",
                claim.line,
                claim.column,
                claim.kind.name(),
                claim.text,
                describe(claim)
            );
        }
    }
    out
}

#[must_use]
pub fn to_json(changes: &Changes) -> serde_json::Value {
    let claims = |list: &[Claim]| serde_json::to_value(list).unwrap_or_default();
    let changed: Vec<serde_json::Value> = changes
        .changed
        .iter()
        .map(|(old, new)| {
            serde_json::json!({
                "id": new.id,
                "old": serde_json::to_value(old).unwrap_or_default(),
                "new": serde_json::to_value(new).unwrap_or_default(),
            })
        })
        .collect();
    serde_json::json!({"changed": changed, "added": claims(&changes.added), "removed": claims(&changes.removed)})
}
