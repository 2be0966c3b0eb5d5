//! `claimlint diff OLD NEW`: the claims added, removed and changed between two revisions,
//! matched by claim id (which survives moved text and edited figures).

use std::collections::HashMap;

use crate::claim::Claim;

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
