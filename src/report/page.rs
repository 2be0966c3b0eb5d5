//! The editor's review page (`claimlint report`): one self-contained HTML file — inline CSS and
//! JavaScript, no network — showing each document with every claim highlighted by kind
//! (colour and underline style), findings beside the block they concern, a detail panel for
//! the selected claim (value, interval, modality, subject, footnotes with their text, ledger
//! status), counts, filters, and keyboard navigation between findings.
//!
//! Every piece of document text, footnote text and message is escaped: a document is
//! untrusted input.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::audit::ledger::Ledger;
use crate::claim::Claim;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{BlockKind, Document};
use crate::report::decimal_string;

/// One document's part of the page.
pub struct PageDocument<'a> {
    pub document: &'a Document,
    pub claims: &'a [Claim],
    pub diagnostics: &'a [Diagnostic],
}

/// Escapes text for HTML content and attribute values.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// JSON inside a `<script>` element: `</` and `<!--` must not end or confuse it.
fn script_json(value: &serde_json::Value) -> String {
    serde_json::to_string(value)
        .unwrap_or_default()
        .replace("</", "<\\/")
        .replace("<!--", "<\\!--")
}

const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");

/// Renders the page for the documents, in the order given.
#[must_use]
pub fn render(documents: &[PageDocument<'_>], ledger: Option<&Ledger>) -> String {
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    let mut severities: BTreeMap<&str, usize> = BTreeMap::new();
    let mut rules: BTreeMap<&str, usize> = BTreeMap::new();
    for page in documents {
        for claim in page.claims {
            *kinds.entry(claim.kind.name()).or_default() += 1;
        }
        for d in page.diagnostics {
            *severities.entry(d.severity.name()).or_default() += 1;
            *rules.entry(d.rule.as_str()).or_default() += 1;
        }
    }
    let mut data = serde_json::Map::new();
    let mut body = String::new();
    for (index, page) in documents.iter().enumerate() {
        body.push_str(&render_document(index, page, ledger, &mut data));
    }
    let mut out = String::with_capacity(body.len() + STYLE.len() + SCRIPT.len() + 4096);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n");
    out.push_str("<title>claimlint review</title>\n<style>\n");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<header class=\"summary\">\n<h1>claimlint review</h1>\n");
    let _ = writeln!(
        out,
        "<p class=\"counts\"><span>{} document{}</span> · <span id=\"claim-count\">{} claims</span> · <span>{} findings</span> · <span id=\"decided-count\">0 decided</span></p>",
        documents.len(),
        if documents.len() == 1 { "" } else { "s" },
        kinds.values().sum::<usize>(),
        severities.values().sum::<usize>()
    );
    out.push_str(
        "<div class=\"filters\" role=\"group\" aria-label=\"Filters\">\n<fieldset><legend>Kinds</legend>\n",
    );
    for (kind, count) in &kinds {
        let _ = writeln!(
            out,
            "<label class=\"kind-{kind}\"><input type=\"checkbox\" name=\"kind\" value=\"{kind}\" checked> {kind} ({count})</label>"
        );
    }
    out.push_str("</fieldset>\n<fieldset><legend>Severity</legend>\n");
    for severity in ["error", "warning", "info"] {
        let count = severities.get(severity).copied().unwrap_or(0);
        let _ = writeln!(
            out,
            "<label class=\"severity-{severity}\"><input type=\"checkbox\" name=\"severity\" value=\"{severity}\" checked> {severity} ({count})</label>"
        );
    }
    out.push_str("</fieldset>\n<label>Rule <select name=\"rule\"><option value=\"\">all rules</option>\n");
    for (rule, count) in &rules {
        let rule = escape(rule);
        let _ = writeln!(out, "<option value=\"{rule}\">{rule} ({count})</option>");
    }
    out.push_str("</select></label>\n<button type=\"button\" id=\"export-decisions\">Export decisions</button>\n<p class=\"keys\">Keys: <kbd>n</kbd> next finding, <kbd>p</kbd> previous; <kbd>Enter</kbd> on a figure shows it.</p>\n</div>\n</header>\n");
    out.push_str("<div class=\"layout\">\n<main>\n");
    out.push_str(&body);
    out.push_str("</main>\n<div class=\"side\">\n<nav id=\"findings-list\" aria-label=\"Findings\"><p id=\"finding-counter\">no finding selected</p></nav>\n<aside id=\"detail\" aria-live=\"polite\" aria-label=\"Selected claim\"><p>Select a highlighted figure to see what claimlint read.</p></aside>\n</div>\n</div>\n");
    let _ = writeln!(
        out,
        "<script type=\"application/json\" id=\"claims-data\">{}</script>",
        script_json(&serde_json::Value::Object(data))
    );
    out.push_str("<script>\n");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

/// Blocks by where they are in the original file, to place each finding in its block
/// without a pass over every block per finding.
struct BlocksByOriginal {
    /// (original start, original end, block index), by start.
    spans: Vec<(usize, usize, usize)>,
}

impl BlocksByOriginal {
    /// How many blocks starting before an offset are looked at for one holding it: a block
    /// can hold others (DocBook notes are read where they stand, inside their paragraph).
    const LOOK_BACK: usize = 16;

    fn new(document: &Document) -> Self {
        let mut spans: Vec<(usize, usize, usize)> = document
            .blocks
            .iter()
            .enumerate()
            .map(|(index, block)| {
                let original = document.source_map.original_span(block.span);
                (original.start, original.end, index)
            })
            .collect();
        spans.sort_unstable();
        Self { spans }
    }

    /// The first block (in text order) whose original span holds `offset`.
    fn holding(&self, offset: usize) -> Option<usize> {
        let after = self.spans.partition_point(|&(start, _, _)| start <= offset);
        self.spans[after.saturating_sub(Self::LOOK_BACK)..after]
            .iter()
            .filter(|&&(start, end, _)| start <= offset && offset <= end)
            .map(|&(_, _, index)| index)
            .min()
    }
}

#[expect(
    clippy::too_many_lines,
    reason = "the page's markup for one document, top to bottom"
)]
fn render_document(
    index: usize,
    page: &PageDocument<'_>,
    ledger: Option<&Ledger>,
    data: &mut serde_json::Map<String, serde_json::Value>,
) -> String {
    let document = page.document;
    let notes: BTreeMap<&str, String> = document
        .footnote_defs
        .iter()
        .map(|d| {
            (
                d.label.as_str(),
                crate::normalise::collapse_whitespace(document.slice(d.span)),
            )
        })
        .collect();
    let rows = ledger.map(|l| l.of_document(&document.name));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<section class=\"document\" id=\"doc-{index}\" aria-label=\"{}\">",
        escape(&document.name)
    );
    let _ = writeln!(out, "<h2 class=\"document-name\">{}</h2>", escape(&document.name));
    let mut claims = page.claims.iter().peekable();
    // Figures some finding is about are marked apart from the others.
    let flagged: std::collections::HashSet<&str> = page
        .diagnostics
        .iter()
        .flat_map(|d| d.claims.iter().map(String::as_str))
        .collect();
    let mut findings_by_block: BTreeMap<usize, Vec<&Diagnostic>> = BTreeMap::new();
    let mut unplaced = Vec::new();
    let blocks = BlocksByOriginal::new(document);
    for d in page.diagnostics {
        // DOCX positions count in their part.
        let part_start = d
            .part
            .and_then(|name| document.parts.iter().find(|p| p.name == name))
            .map_or(0, |p| p.start);
        match blocks.holding(part_start + d.start) {
            Some(block) => findings_by_block.entry(block).or_default().push(d),
            None => unplaced.push(d),
        }
    }
    for (block_index, block) in document.blocks.iter().enumerate() {
        let tag = match block.kind {
            BlockKind::Heading { level } => format!("h{}", (level + 2).min(6)),
            BlockKind::ListItem => "li".to_owned(),
            BlockKind::Quote => "blockquote".to_owned(),
            BlockKind::TableCell { .. } | BlockKind::Paragraph | BlockKind::Note { .. } => "p".to_owned(),
        };
        let class = match block.kind {
            BlockKind::Heading { .. } => "heading",
            BlockKind::ListItem => "item",
            BlockKind::Quote => "quote",
            BlockKind::TableCell { .. } => "cell",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Note { .. } => "note",
        };
        let block_id = format!("b-{index}-{block_index}");
        let _ = write!(out, "<{tag} class=\"block {class}\" id=\"{block_id}\">");
        if let BlockKind::Note { definition } = block.kind {
            let label = document
                .footnote_defs
                .get(definition)
                .map_or("", |d| d.label.as_str());
            let _ = write!(out, "<span class=\"note-label\">{}</span> ", escape(label));
        }
        let mut at = block.span.start;
        while let Some(claim) = claims.peek() {
            if claim.span.start >= block.span.end {
                break;
            }
            let claim = claims.next().expect("peeked");
            if claim.span.start < at {
                continue;
            }
            out.push_str(&escape(&document.text[at..claim.span.start]));
            let key = format!("{index}:{}", claim.id);
            let _ = write!(
                out,
                "<mark class=\"claim kind-{}{}\" data-claim=\"{}\" data-kind=\"{}\" tabindex=\"0\" role=\"button\" aria-label=\"{} {}\">{}</mark>",
                claim.kind.name(),
                if flagged.contains(claim.id.as_str()) {
                    " flagged"
                } else {
                    ""
                },
                escape(&key),
                claim.kind.name(),
                claim.kind.name(),
                escape(&claim.text),
                escape(document.slice(claim.span))
            );
            data.insert(
                key,
                claim_data(
                    document,
                    claim,
                    &notes,
                    rows.as_ref()
                        .and_then(|r| r.get(claim.id.as_str()))
                        .map(|r| r.status().name()),
                ),
            );
            at = claim.span.end;
        }
        out.push_str(&escape(&document.text[at.min(block.span.end)..block.span.end]));
        let _ = writeln!(out, "</{tag}>");
        for d in findings_by_block.get(&block_index).map_or(&[][..], Vec::as_slice) {
            out.push_str(&finding(d, &block_id, index));
        }
    }
    for d in unplaced {
        out.push_str(&finding(d, "", index));
    }
    out.push_str("</section>\n");
    out
}

fn finding(d: &Diagnostic, block_id: &str, document: usize) -> String {
    let severity = d.severity.name();
    let icon = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    };
    // The claims the finding is about, as the marks name them, so the page can point at them.
    let claims: Vec<String> = d.claims.iter().map(|id| format!("{document}:{id}")).collect();
    let mut out = format!(
        "<div class=\"finding severity-{severity}\" data-severity=\"{severity}\" data-rule=\"{}\" data-block=\"{block_id}\" data-claims=\"{}\" tabindex=\"-1\" role=\"note\">",
        escape(&d.rule),
        escape(&claims.join(" "))
    );
    let _ = write!(
        out,
        "<span class=\"badge\">{icon}</span> <code>{}</code> <span class=\"where\">{}line {}:{}</span> <span class=\"message\">{}</span>",
        escape(&d.rule),
        d.part.map(|part| format!("{part} ")).unwrap_or_default(),
        d.line,
        d.column,
        escape(&d.message)
    );
    if let Some(help) = &d.help {
        let _ = write!(out, "<span class=\"help\">{}</span>", escape(help));
    }
    out.push_str("</div>\n");
    out
}

fn claim_data(
    document: &Document,
    claim: &Claim,
    notes: &BTreeMap<&str, String>,
    status: Option<&str>,
) -> serde_json::Value {
    let decimal = |d: Option<rust_decimal::Decimal>| d.map(decimal_string);
    let footnotes: Vec<serde_json::Value> = claim
        .footnotes
        .iter()
        .map(|label| serde_json::json!({"label": label, "text": notes.get(label.as_str()).cloned().unwrap_or_else(|| "(no definition)".to_owned())}))
        .collect();
    // A PDF claim's line on its page, for drawing the page: positions count in the page.
    let line_box = claim
        .part
        .and_then(|name| document.parts.iter().find(|p| p.name == name))
        .and_then(|part| document.line_box(part.start + claim.start))
        .map(|b| serde_json::json!({"page": b.page, "left": b.left, "top": b.top, "right": b.right, "bottom": b.bottom}));
    serde_json::json!({
        "document": document.name,
        "id": claim.id,
        "text": claim.text,
        "kind": claim.kind.name(),
        "value": decimal(claim.value),
        "unit": claim.unit,
        "qualifier": claim.qualifier.name(),
        "low": decimal(claim.low),
        "high": decimal(claim.high),
        "date": claim.date,
        "modality": claim.modality.name(),
        "time": claim.time,
        "subject": claim.subject,
        "footnotes": footnotes,
        "part": claim.part,
        "line": claim.line,
        "column": claim.column,
        "box": line_box,
        "status": status,
    })
}
