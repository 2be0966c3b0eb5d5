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
    super::percent_encoded_path(path.strip_prefix("./").unwrap_or(&path))
}

/// GitHub's limit on a rule's `fullDescription`, in characters.
const MAX_FULL_DESCRIPTION: usize = 1024;

/// `text` cut to at most `max` characters at a word, with "…".
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let end = text.char_indices().nth(max - 1).map_or(text.len(), |(i, _)| i);
    let end = text[..end].rfind(char::is_whitespace).unwrap_or(end);
    format!("{}…", text[..end].trim_end())
}

/// A rule's help as the rule list shows it: its `{placeholder}`s, which a finding fills, read
/// as "…".
fn plain_help(help: &str) -> String {
    let mut out = String::with_capacity(help.len());
    let mut rest = help;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let before = &rest[..open];
        let (before, ticked) = match before.strip_suffix('`') {
            Some(b) if rest[open + close + 1..].starts_with('`') => (b, true),
            _ => (before, false),
        };
        out.push_str(before);
        out.push('…');
        rest = &rest[open + close + 1 + usize::from(ticked)..];
    }
    out.push_str(rest);
    out
}

/// How often a rule's findings are right, for code scanning's `precision` property: the
/// structural rules always are; the rules that read prose mostly are.
fn precision(id: &str) -> &'static str {
    match id.split('/').next().unwrap_or_default() {
        "footnote" | "input" | "suppression" | "ledger" => "very-high",
        "consistency" | "fact" => "high",
        _ => "medium",
    }
}

/// A finding's message with its related places linked (`[text](id)`), which is how GitHub shows
/// related locations, and the DOCX part or PDF page its lines count in.
fn message(d: &Diagnostic) -> String {
    let mut text = d.message.clone();
    match d.part {
        Some(page) if page.starts_with("page ") => {
            let _ = write!(text, " (on {page} of the PDF)");
        }
        Some(part) => {
            let _ = write!(text, " (in the DOCX part `{part}`)");
        }
        None => {}
    }
    if !d.related.is_empty() {
        let links: Vec<String> = d
            .related
            .iter()
            .enumerate()
            .map(|(index, r)| {
                format!(
                    "[{}]({})",
                    r.message.replace('[', "\\[").replace(']', "\\]"),
                    index + 1
                )
            })
            .collect();
        let _ = write!(text, "; see {}", links.join(", "));
    }
    text
}

/// The SARIF log for a run, with URIs relative to the working directory.
#[must_use]
pub fn log(diagnostics: &[Diagnostic], rules: &RuleSet) -> Value {
    log_in(diagnostics, rules, None)
}

/// The SARIF log for a run, URIs relative to `root` (the repository's top level, given as
/// `%SRCROOT%` in `originalUriBaseIds`), or to the working directory without one.
#[must_use]
pub fn log_in(diagnostics: &[Diagnostic], rules: &RuleSet, root: Option<&std::path::Path>) -> Value {
    let root = root.map(|r| std::fs::canonicalize(r).unwrap_or_else(|_| r.to_path_buf()));
    let root = root.as_deref();
    let descriptors: Vec<Value> = rules
        .all()
        .iter()
        .map(|rule| {
            let family = rule.id.split('/').next().unwrap_or_default();
            json!({
                "id": rule.id,
                "name": rule.id.replace(['/', '-'], "_"),
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": cut(rule.description.trim(), MAX_FULL_DESCRIPTION)},
                "help": {
                    "text": plain_help(rule.help.as_deref().unwrap_or(&rule.summary)),
                    "markdown": rule.description.trim(),
                },
                "helpUri": format!("{INFORMATION_URI}#rules"),
                "defaultConfiguration": {"level": level(rule.severity), "enabled": rule.enabled},
                "properties": {
                    "tags": ["claimlint", family],
                    "precision": precision(&rule.id),
                    "problem.severity": match rule.severity {
                        Severity::Error => "error",
                        Severity::Warning => "warning",
                        Severity::Info => "recommendation",
                    },
                },
            })
        })
        .collect();
    let index_of = |id: &str| rules.all().iter().position(|r| r.id == id);
    let results: Vec<Value> = diagnostics
        .iter()
        .map(|d| {
            let document_uri = uri(&root.map_or_else(
                || d.document.clone(),
                |r| crate::files::relative_to(&d.document, r),
            ));
            let location = json!({
                "physicalLocation": {
                    "artifactLocation": {"uri": document_uri, "uriBaseId": "%SRCROOT%"},
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
                            "artifactLocation": {"uri": document_uri, "uriBaseId": "%SRCROOT%"},
                            "region": {"startLine": r.line, "startColumn": r.column}
                        }
                    })
                })
                .collect();
            let mut result = json!({
                "ruleId": d.rule,
                "level": level(d.severity),
                "message": {"text": message(d)},
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
            "originalUriBaseIds": {"%SRCROOT%": {"uri": root_uri(root)}},
            "results": results,
        }]
    })
}

/// `%SRCROOT%` as a `file://` URI ending in `/`: the root given, else the working directory.
fn root_uri(root: Option<&std::path::Path>) -> String {
    let folder = root
        .map(std::path::Path::to_path_buf)
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default();
    let mut path = uri(&folder.to_string_lossy());
    if !path.starts_with('/') {
        path.insert(0, '/');
    }
    if !path.ends_with('/') {
        path.push('/');
    }
    format!("file://{path}")
}

pub fn write(
    out: &mut dyn Write,
    diagnostics: &[Diagnostic],
    rules: &RuleSet,
    root: Option<&std::path::Path>,
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &log_in(diagnostics, rules, root))?;
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
