//! `claimlint diff` output: the changes between two revisions, for people (one line per
//! claim, `+` added, `-` removed, `~` changed) and as JSON.

use std::fmt::Write as _;

use crate::audit::diff::Changes;
use crate::claim::{Claim, decimal_string};

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
    let name = super::visible(name);
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
            super::visible(&old.text),
            super::visible(&new.text),
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
                super::visible(&claim.text),
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
