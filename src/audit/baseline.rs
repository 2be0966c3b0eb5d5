//! Baselines let an old corpus adopt claimlint: `check --write-baseline FILE` records today's
//! findings by rule, document and fingerprint (claim ids or the message — never line numbers),
//! and `check --baseline FILE` reports only findings the baseline does not hold, and lists the
//! entries that no longer match anything.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub rule: String,
    pub document: String,
    pub fingerprint: String,
    /// For the reader of the file; not used for matching.
    pub message: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub entries: Vec<Entry>,
    /// Entries not yet matched, by (rule, document, fingerprint): built on the first `take`,
    /// so matching a run's findings is linear in their number.
    #[serde(skip)]
    unmatched: Option<HashMap<(String, String, String), Vec<usize>>>,
    /// Entries a finding has matched.
    #[serde(skip)]
    taken: Vec<bool>,
}

impl Baseline {
    #[must_use]
    pub fn from_diagnostics(diagnostics: &[Diagnostic]) -> Self {
        let entries = diagnostics
            .iter()
            .map(|d| Entry {
                rule: d.rule.clone(),
                document: d.document.clone(),
                fingerprint: d.fingerprint.clone(),
                message: d.message.clone(),
            })
            .collect();
        Self {
            version: 1,
            entries,
            ..Self::default()
        }
    }

    /// Reads a baseline, at most `MAX_BASELINE_BYTES`.
    pub fn read(path: &Path) -> Result<Self> {
        let text = crate::files::read_regular_text(path, MAX_BASELINE_BYTES, "baseline")?;
        let baseline: Self = serde_json::from_str(&text).map_err(|e| Error::Baseline {
            path: path.to_path_buf(),
            message: format!("line {}, column {}: {e}", e.line(), e.column()),
        })?;
        if baseline.version != 1 {
            return Err(Error::Baseline {
                path: path.to_path_buf(),
                message: format!("unknown version {}", baseline.version),
            });
        }
        Ok(baseline)
    }

    pub fn write(&self, path: &Path) -> Result<()> {
        let mut text =
            serde_json::to_string_pretty(self).map_err(|e| Error::Write(std::io::Error::other(e)))?;
        text.push('\n');
        crate::files::write_atomic(path, text.as_bytes())
    }

    /// Whether the baseline holds this finding; each entry matches one finding only.
    pub fn take(&mut self, diagnostic: &Diagnostic) -> bool {
        let entries = &self.entries;
        let unmatched = self.unmatched.get_or_insert_with(|| {
            let mut index: HashMap<(String, String, String), Vec<usize>> = HashMap::new();
            for (at, e) in entries.iter().enumerate() {
                let key = (e.rule.clone(), e.document.clone(), e.fingerprint.clone());
                index.entry(key).or_default().push(at);
            }
            index
        });
        self.taken.resize(entries.len(), false);
        let key = (
            diagnostic.rule.clone(),
            diagnostic.document.clone(),
            diagnostic.fingerprint.clone(),
        );
        match unmatched.get_mut(&key).and_then(Vec::pop) {
            Some(at) => {
                self.taken[at] = true;
                true
            }
            None => false,
        }
    }

    /// Entries left for documents that were checked: they no longer match a finding.
    #[must_use]
    pub fn remaining(&self, documents: &BTreeSet<&str>) -> Vec<&Entry> {
        let mut left: Vec<&Entry> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(at, e)| {
                !self.taken.get(*at).copied().unwrap_or(false) && documents.contains(e.document.as_str())
            })
            .map(|(_, e)| e)
            .collect();
        left.sort_by(|a, b| {
            (&a.document, &a.rule, &a.fingerprint).cmp(&(&b.document, &b.rule, &b.fingerprint))
        });
        left
    }
}

/// Most bytes of a baseline file (64 MiB: about 200,000 findings).
pub const MAX_BASELINE_BYTES: u64 = 64 * 1024 * 1024;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    fn finding(document: &str, fingerprint: &str) -> Diagnostic {
        Diagnostic {
            rule: "citation/missing".to_owned(),
            severity: Severity::Warning,
            message: "no footnote covers `12`".to_owned(),
            document: document.to_owned(),
            part: None,
            line: 1,
            column: 1,
            start: 0,
            end: 2,
            help: None,
            claims: Vec::new(),
            related: Vec::new(),
            end_line: 1,
            end_column: 3,
            fingerprint: fingerprint.to_owned(),
            collapse: None,
            weight: 0,
        }
    }

    #[test]
    fn each_entry_matches_one_finding_and_the_rest_remain() {
        let mut baseline = Baseline::from_diagnostics(&[
            finding("a.md", "f1"),
            finding("a.md", "f2"),
            finding("b.md", "f1"),
        ]);
        assert!(baseline.take(&finding("a.md", "f1")));
        assert!(
            !baseline.take(&finding("a.md", "f1")),
            "a second identical finding is new"
        );
        assert!(!baseline.take(&finding("c.md", "f1")));
        let checked = BTreeSet::from(["a.md", "b.md"]);
        let left: Vec<(&str, &str)> = baseline
            .remaining(&checked)
            .iter()
            .map(|e| (e.document.as_str(), e.fingerprint.as_str()))
            .collect();
        assert_eq!(left, [("a.md", "f2"), ("b.md", "f1")]);
    }
}
