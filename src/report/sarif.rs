//! SARIF 2.1.0 for code scanning (GitHub accepts it): the rules with their descriptions and
//! help, one result per finding with a relative URI, a region in Unicode code points, related
//! locations and a partial fingerprint that survives unrelated edits.

use std::fmt::Write as _;
use std::io::Write;

use serde_json::{Value, json};

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::RuleSet;

const INFORMATION_URI: &str = "https://github.com/claimlint/claimlint";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative URI for a document path: forward slashes, spaces and other reserved characters
/// percent-encoded.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(byte as char);
            }
            other => {
                let _ = write!(out, "%{other:02X}");
            }
        }
    }
    out
}

/// The SARIF log for a run.
#[must_use]
pub fn log(diagnostics: &[Diagnostic], rules: &RuleSet) -> Value {
    let descriptors: Vec<Value> = rules
        .all()
        .iter()
        .map(|rule| {
            json!({
                "id": rule.id,
                "name": rule.id.replace(['/', '-'], "_"),
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": rule.description.trim()},
                "help": {"text": rule.help.clone().unwrap_or_else(|| rule.summary.clone()), "markdown": rule.description.trim()},
                "defaultConfiguration": {"level": level(rule.severity), "enabled": rule.enabled},
            })
        })
        .collect();
    let index_of = |id: &str| rules.all().iter().position(|r| r.id == id);
    let results: Vec<Value> = diagnostics
        .iter()
        .map(|d| {
            let location = json!({
                "physicalLocation": {
                    "artifactLocation": {"uri": uri(&d.document), "uriBaseId": "%SRCROOT%"},
                    "region": {
                        "startLine": d.line,
                        "startColumn": d.column,
                        "endLine": d.end_line,
                        "endColumn": d.end_column,
                    }
                }
            });
            let related: Vec<Value> = d
                .related
                .iter()
                .enumerate()
                .map(|(index, r)| {
                    json!({
                        "id": index + 1,
                        "message": {"text": r.message},
                        "physicalLocation": {
                            "artifactLocation": {"uri": uri(&d.document), "uriBaseId": "%SRCROOT%"},
                            "region": {"startLine": r.line, "startColumn": r.column}
                        }
                    })
                })
                .collect();
            let mut result = json!({
                "ruleId": d.rule,
                "level": level(d.severity),
                "message": {"text": d.message},
                "locations": [location],
                "partialFingerprints": {"claimlintFingerprint/v1": d.fingerprint},
            });
            if let Some(index) = index_of(&d.rule) {
                result["ruleIndex"] = json!(index);
            }
            if !related.is_empty() {
                result["relatedLocations"] = Value::Array(related);
            }
            if !d.claims.is_empty() {
                result["properties"] = json!({"claims": d.claims});
            }
            result
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "claimlint",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": INFORMATION_URI,
                "rules": descriptors,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}

pub fn write(out: &mut dyn Write, diagnostics: &[Diagnostic], rules: &RuleSet) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &log(diagnostics, rules))?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn uris_are_relative_and_encoded() {
        assert_eq!(uri("./docs/my brief.md"), "docs/my%20brief.md");
        assert_eq!(uri("docs\\a#b.md"), "docs/a%23b.md");
    }
}
