//! Baselines let an old corpus adopt claimlint: `check --write-baseline FILE` records today's
//! findings by rule, document and fingerprint (claim ids or the message — never line numbers),
//! and `check --baseline FILE` reports only findings the baseline does not hold, and lists the
//! entries that no longer match anything.

use std::collections::BTreeSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::check::Diagnostic;
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
        Self { version: 1, entries }
    }

    pub fn read(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
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
        std::fs::write(path, text).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })
    }

    /// Whether the baseline holds this finding; each entry matches one finding only.
    pub fn take(&mut self, diagnostic: &Diagnostic) -> bool {
        let found = self.entries.iter().position(|e| {
            e.rule == diagnostic.rule
                && e.document == diagnostic.document
                && e.fingerprint == diagnostic.fingerprint
        });
        found.map(|index| self.entries.swap_remove(index)).is_some()
    }

    /// Entries left for documents that were checked: they no longer match a finding.
    #[must_use]
    pub fn remaining(&self, documents: &BTreeSet<&str>) -> Vec<&Entry> {
        let mut left: Vec<&Entry> = self
            .entries
            .iter()
            .filter(|e| documents.contains(e.document.as_str()))
            .collect();
        left.sort_by(|a, b| {
            (&a.document, &a.rule, &a.fingerprint).cmp(&(&b.document, &b.rule, &b.fingerprint))
        });
        left
    }
}
