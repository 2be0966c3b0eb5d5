//! check: run the rules over a document and its claims, producing diagnostics.
//!
//! Each check kind is one file and one line of the registry (`registry.rs`); a check is a plain
//! function from the document, its claims and its parameters to findings. Findings carry text
//! spans; `diagnose` maps them to the original file once.

mod acronym;
mod arithmetic;
mod citation;
mod conversion;
mod count_share;
mod duration;
mod empty;
mod footnotes;
mod language;
mod ledger;
mod offer;
mod part_whole;
mod pattern;
mod percent_bounds;
mod public_record;
mod range_order;
mod reference;
mod registry;
mod restated;
mod share_sum;
mod table_limit;

use std::collections::BTreeMap;

use crate::claim::Claim;
use crate::diagnostic::{Diagnostic, Finding, Place, Related, fingerprint};
use crate::document::Document;
use crate::rules::{Rule, RuleSet};
use crate::span::Span;
pub use crate::span::{window_after, window_before};
pub use registry::Params;

// The registry of check kinds: the name rule files give a kind, its variant (with its
// parameters, read from the rule file's `[check]` table) and the function that runs it. A new
// kind is a rule file in `rules/`, a file here (its check and its parameters), its `mod` line
// above and one line below.
registry::check_kinds! {
    "footnote-undefined" => FootnoteUndefined => footnotes::undefined,
    "footnote-unused" => FootnoteUnused => footnotes::unused,
    "footnote-sequence" => FootnoteSequence => footnotes::sequence,
    "footnote-duplicate" => FootnoteDuplicate => footnotes::duplicate,
    "footnote-empty" => FootnoteEmpty => footnotes::empty,
    "input-empty" => InputEmpty => empty::empty,
    "input-language" => InputLanguage => language::language,
    "input-table-limit" => InputTableLimit => table_limit::table_limit,
    "citation" => Citation(citation::CitationParams) => citation::missing,
    "restated" => Restated(restated::RestatedParams) => restated::restated,
    "part-whole" => PartWhole => part_whole::part_whole,
    "share-sum" => ShareSum(share_sum::ShareSumParams) => share_sum::share_sum,
    "percent-bounds" => PercentBounds => percent_bounds::percent_bounds,
    "range-order" => RangeOrder => range_order::range_order,
    "acronym" => Acronym => acronym::acronym,
    "arithmetic" => Arithmetic(arithmetic::ArithmeticParams) => arithmetic::arithmetic,
    "count-share" => CountShare => count_share::count_share,
    "duration" => Duration => duration::duration,
    "conversion" => Conversion => conversion::conversion,
    "reference" => Reference(reference::ReferenceParams) => reference::reference,
    "pattern" => Pattern(pattern::PatternParams) => pattern::pattern,
    // The ledger kinds run only when `check --ledger` gives a ledger.
    "ledger-drift" => LedgerDrift => ledger::drift,
    "ledger-unreviewed" => LedgerUnreviewed => ledger::unreviewed,
    "ledger-stale" => LedgerStale => ledger::stale,
    // The suppression kinds judge the other rules' findings, after they ran (`check`).
    "suppression-reason" => SuppressionReason => registry::judged_after_the_others,
    "suppression-unused" => SuppressionUnused => registry::judged_after_the_others,
    "suppression-unknown" => SuppressionUnknown => registry::judged_after_the_others,
}

/// Claims from which a document's rules are run in parallel.
const PARALLEL_MIN_CLAIMS: usize = 5_000;

/// Runs every enabled rule of `rules` on a document and returns its diagnostics in source
/// order (then by rule id).
#[must_use]
pub fn check(document: &Document, claims: &[Claim], rules: &RuleSet) -> Vec<Diagnostic> {
    check_with_ledger(document, claims, rules, None)
}

/// Like `check`, with the claims ledger for the `ledger/` rules.
#[must_use]
pub fn check_with_ledger(
    document: &Document,
    claims: &[Claim],
    rules: &RuleSet,
    ledger: Option<&crate::audit::ledger::Ledger>,
) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    let mut context = Context::new(document, claims);
    context.ledger = ledger.map(|l| l.of_document(&document.name));
    let enabled: Vec<&Rule> = rules.enabled().collect();
    let diagnose_rule = |rule: &&Rule| -> Vec<Diagnostic> {
        let mut positions = crate::span::Cursor::new(&document.source_map);
        run(&context, rule)
            .into_iter()
            .map(|finding| diagnose(document, rule, finding, &mut positions))
            .collect()
    };
    // A big document's rules run side by side (a folder's documents already do); the findings
    // are gathered in rule order, so the output is the same at any thread count.
    let by_rule: Vec<Vec<Diagnostic>> = if claims.len() >= PARALLEL_MIN_CLAIMS {
        enabled.par_iter().map(diagnose_rule).collect()
    } else {
        enabled.iter().map(diagnose_rule).collect()
    };
    let mut diagnostics: Vec<Diagnostic> = by_rule.into_iter().flatten().collect();
    apply_suppressions(document, rules, &mut diagnostics);
    weigh(claims, &mut diagnostics);
    diagnostics.sort_by(|a, b| (a.start, a.end, &a.rule).cmp(&(b.start, b.end, &b.rule)));
    diagnostics
}

/// Weighs each diagnostic by the most important claim it concerns (`Diagnostic::weight`).
fn weigh(claims: &[Claim], diagnostics: &mut [Diagnostic]) {
    let by_id: std::collections::HashMap<&str, &Claim> = claims.iter().map(|c| (c.id.as_str(), c)).collect();
    for diagnostic in diagnostics {
        diagnostic.weight = diagnostic
            .claims
            .iter()
            .filter_map(|id| by_id.get(id.as_str()))
            .map(|claim| crate::diagnostic::weight_of(claim))
            .max()
            .unwrap_or(0);
    }
}

/// Drops the findings inline suppressions silence, and reports suppressions without a reason
/// (`suppression/no-reason`), that silence nothing (`suppression/unused`), or that name a
/// directive or a rule claimlint does not know (`suppression/unknown`).
fn apply_suppressions(document: &Document, rules: &RuleSet, diagnostics: &mut Vec<Diagnostic>) {
    if document.suppressions.is_empty() {
        return;
    }
    let mut used = vec![false; document.suppressions.len()];
    diagnostics.retain(|d| {
        let matched = document
            .suppressions
            .iter()
            .position(|s| s.covers(&d.rule, d.part, d.line));
        if let Some(index) = matched {
            used[index] = true;
        }
        matched.is_none()
    });
    let meta = |kind: fn(&CheckKind) -> bool| rules.enabled().find(|r| kind(&r.check));
    let no_reason = meta(|k| matches!(k, CheckKind::SuppressionReason));
    let unused = meta(|k| matches!(k, CheckKind::SuppressionUnused));
    let unknown = meta(|k| matches!(k, CheckKind::SuppressionUnknown));
    let mut positions = crate::span::Cursor::new(&document.source_map);
    // A suppression of rules the config turned off has nothing to silence now, but is not
    // wrong: turning the rule on again needs it.
    let silences_only_disabled = |suppression: &crate::document::Suppression| {
        !suppression.rules.is_empty()
            && suppression
                .rules
                .iter()
                .all(|id| rules.get(id).is_some_and(|rule| !rule.enabled))
    };
    for (suppression, used) in document.suppressions.iter().zip(used) {
        let place = Place::Original(suppression.original);
        // A directive claimlint does not know, or a rule id no rule has: it silences nothing,
        // and saying so is more use than calling it unused.
        let mut faults: Vec<String> = suppression
            .rules
            .iter()
            .filter(|id| rules.get(id).is_none())
            .map(|id| format!("unknown rule `{id}`"))
            .collect();
        if let crate::document::Directive::Unknown(word) = &suppression.directive {
            faults.insert(0, format!("unknown directive `claimlint-{word}`"));
        }
        if !faults.is_empty() {
            if let Some(rule) = unknown {
                let finding = Finding::at(place).with("fault", faults.join(", "));
                diagnostics.push(diagnose(document, rule, finding, &mut positions));
            }
            continue;
        }
        // `enable` only ends a range.
        if suppression.directive == crate::document::Directive::Enable {
            continue;
        }
        let used = used || silences_only_disabled(suppression);
        if let (Some(rule), None) = (no_reason, &suppression.reason) {
            diagnostics.push(diagnose(document, rule, Finding::at(place), &mut positions));
        }
        if let (Some(rule), false) = (unused, used) {
            let finding = Finding::at(place).with("line", suppression.line.to_string());
            diagnostics.push(diagnose(document, rule, finding, &mut positions));
        }
    }
}

/// Joins the findings of one document's rule that asked to be reported once per document
/// (`Collapse`): the first stays, naming how many were joined, and lists the others as related
/// places. Applied after suppressions and baselines, which judge findings one by one, and
/// before output.
pub fn collapse(diagnostics: &mut Vec<Diagnostic>) {
    let mut by_rule: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (index, diagnostic) in diagnostics.iter().enumerate() {
        if diagnostic.collapse.is_some() {
            by_rule.entry(diagnostic.rule.as_str()).or_default().push(index);
        }
    }
    let groups: Vec<Vec<usize>> = by_rule.into_values().filter(|group| group.len() > 1).collect();
    if groups.is_empty() {
        return;
    }
    let mut joined = vec![false; diagnostics.len()];
    for group in groups {
        let first = group[0];
        let mut related = Vec::new();
        let mut claims = Vec::new();
        for &other in &group[1..] {
            let d = &diagnostics[other];
            related.push(Related {
                message: d.collapse.as_ref().map(|c| c.note.clone()).unwrap_or_default(),
                line: d.line,
                column: d.column,
                start: d.start,
                end: d.end,
                part: d.part,
            });
            claims.extend(d.claims.iter().cloned());
            joined[other] = true;
        }
        let diagnostic = &mut diagnostics[first];
        if let Some(collapse) = &diagnostic.collapse {
            let summary = collapse.summary.replace("{count}", &group.len().to_string());
            diagnostic.message = format!("{}; {summary}", diagnostic.message);
        }
        diagnostic.related.extend(related);
        diagnostic.claims.extend(claims);
        diagnostic.fingerprint = fingerprint(&diagnostic.rule, &diagnostic.claims, &diagnostic.message);
    }
    let mut index = 0;
    diagnostics.retain(|_| {
        index += 1;
        !joined[index - 1]
    });
}

/// Runs one rule; the examples harness uses it to test a rule on its own.
#[must_use]
pub fn run_rule(document: &Document, claims: &[Claim], rule: &Rule) -> Vec<Diagnostic> {
    let context = Context::new(document, claims);
    let mut positions = crate::span::Cursor::new(&document.source_map);
    run(&context, rule)
        .into_iter()
        .map(|finding| diagnose(document, rule, finding, &mut positions))
        .collect()
}

/// What every check may read, computed once per document.
pub struct Context<'a> {
    pub document: &'a Document,
    pub claims: &'a [Claim],
    /// Claim indices by sentence index.
    pub by_sentence: BTreeMap<usize, Vec<usize>>,
    /// The ledger's rows for this document by claim id, when a ledger is given.
    pub ledger: Option<std::collections::HashMap<&'a str, &'a crate::audit::ledger::Row>>,
    /// The relations between the claims (the relate stage): found when a rule first asks for
    /// them (`relations`), once for every rule, and not at all when no rule reads them.
    relations: std::sync::OnceLock<crate::relate::Relations>,
}

impl<'a> Context<'a> {
    fn new(document: &'a Document, claims: &'a [Claim]) -> Self {
        let mut by_sentence: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (index, claim) in claims.iter().enumerate() {
            by_sentence.entry(claim.sentence_index).or_default().push(index);
        }
        Self {
            document,
            claims,
            by_sentence,
            ledger: None,
            relations: std::sync::OnceLock::new(),
        }
    }

    /// The relations between the claims, found on first use.
    #[must_use]
    pub fn relations(&self) -> &crate::relate::Relations {
        self.relations
            .get_or_init(|| crate::relate::relate(self.document, self.claims))
    }

    /// The text between two byte offsets of the document, trimmed.
    #[must_use]
    pub fn between(&self, start: usize, end: usize) -> &str {
        if start >= end {
            return "";
        }
        self.document.text[start..end].trim()
    }
}

fn run(context: &Context<'_>, rule: &Rule) -> Vec<Finding> {
    if context.document.foreign_language.is_some() && reads_english(&rule.check) {
        return Vec::new();
    }
    rule.check.run(context)
}

/// Whether a kind reads the document's words, which claimlint knows in English only: the
/// sources and attributions `citation/missing` looks for, the wording of parts, wholes, changes
/// and conversions. On a document in another language it would misread them, so it does not
/// run there (`input/language` says so). Kinds that read markers, the ledger, suppressions or
/// a user's own patterns run on every document; a new kind reads English unless listed here.
const fn reads_english(kind: &CheckKind) -> bool {
    !matches!(
        kind,
        CheckKind::FootnoteUndefined
            | CheckKind::FootnoteUnused
            | CheckKind::FootnoteSequence
            | CheckKind::FootnoteDuplicate
            | CheckKind::FootnoteEmpty
            | CheckKind::InputEmpty
            | CheckKind::InputLanguage
            | CheckKind::Pattern(_)
            | CheckKind::LedgerDrift
            | CheckKind::LedgerUnreviewed
            | CheckKind::LedgerStale
            | CheckKind::SuppressionReason
            | CheckKind::SuppressionUnused
            | CheckKind::SuppressionUnknown
    )
}

/// Fills `{key}` placeholders of a message template.
#[must_use]
pub fn fill(template: &str, values: &[(&'static str, String)]) -> String {
    // One pass over the template: a placeholder is looked up among the values, and what a
    // value says is never read as a placeholder itself.
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let key = &after[..close];
            values
                .iter()
                .find(|(name, _)| *name == key)
                .map(|(_, value)| (value, close))
        });
        if let Some((value, close)) = value {
            out.push_str(value);
            rest = &after[close + 1..];
        } else {
            out.push('{');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

fn original_span(document: &Document, place: Place) -> Span {
    match place {
        Place::Text(span) => document.source_map.original_span(span),
        Place::Original(span) => span,
    }
}

/// Longest header text quoted in a related note, in characters.
const MAX_HEADER_CHARS: usize = 60;

/// For a finding in a table cell, its row and column headers as related places: the cell's
/// own text ("120") says little without them.
fn table_headers(document: &Document, place: Place) -> Vec<(String, Place)> {
    let Place::Text(span) = place else {
        return Vec::new();
    };
    let index = document.blocks.partition_point(|b| b.span.end <= span.start);
    let Some(cell) = document
        .blocks
        .get(index)
        .filter(|b| b.span.start <= span.start)
        .and_then(|_| document.cell_of_block(index))
    else {
        return Vec::new();
    };
    let quote = |header: usize| {
        let span = document.table_cells[header].span;
        let text = crate::normalise::collapse_whitespace(document.slice(span));
        let text = match text.char_indices().nth(MAX_HEADER_CHARS) {
            Some((at, _)) => format!("{}…", &text[..at]),
            None => text,
        };
        (text, Place::Text(span))
    };
    let rows = cell.row_headers.iter().map(|h| {
        let (text, place) = quote(h);
        (format!("in the row `{text}`"), place)
    });
    let columns = cell.column_headers.iter().map(|h| {
        let (text, place) = quote(h);
        (format!("under the column `{text}`"), place)
    });
    rows.chain(columns).collect()
}

/// Positions the finding; `positions` makes a run of findings in source order linear.
fn diagnose(
    document: &Document,
    rule: &Rule,
    finding: Finding,
    positions: &mut crate::span::Cursor<'_>,
) -> Diagnostic {
    let span = original_span(document, finding.place);
    let location = document.locate_in_order(span, positions);
    let covered = &document.source_map.original()[span.start..span.end.max(span.start)];
    let mut finding = finding;
    finding.related.extend(table_headers(document, finding.place));
    let related = finding
        .related
        .iter()
        .map(|(message, place)| {
            let location = document.locate(original_span(document, *place));
            Related {
                message: message.clone(),
                part: location.part,
                line: location.line,
                column: location.column,
                start: location.start,
                end: location.end,
            }
        })
        .collect();
    let message = fill(&rule.message, &finding.values);
    let (end_line, end_column) = match covered.rfind('\n') {
        None => (location.line, location.column + covered.chars().count()),
        Some(last) => (
            location.line + covered.matches('\n').count(),
            covered[last + 1..].chars().count() + 1,
        ),
    };
    let fingerprint = fingerprint(&rule.id, &finding.claims, &message);
    Diagnostic {
        rule: rule.id.clone(),
        severity: rule.severity,
        message,
        document: document.name.clone(),
        part: location.part,
        line: location.line,
        column: location.column,
        start: location.start,
        end: location.end,
        // A finding may say what to do in its own words ("help"), where the rule's help is too
        // general for it.
        help: finding
            .value("help")
            .map(str::to_owned)
            .or_else(|| rule.help.as_deref().map(|help| fill(help, &finding.values))),
        claims: finding.claims,
        related,
        end_line,
        end_column,
        fingerprint,
        collapse: finding.collapse,
        weight: 0,
    }
}

/// A computed figure as a message shows it: at most one decimal, no trailing zeros.
#[must_use]
pub fn shown(value: rust_decimal::Decimal) -> String {
    let rounded = if value.abs() >= rust_decimal::Decimal::from(10) {
        value.round_dp(1)
    } else {
        value.round_dp(2)
    };
    rounded.normalize().to_string()
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn fill_replaces_each_placeholder_once_and_leaves_the_rest() {
        let values = [("figure", "12%".to_owned()), ("note", "{figure} {x".to_owned())];
        assert_eq!(fill("{figure} and {figure}", &values), "12% and 12%");
        assert_eq!(
            fill("note {note}: {other} {", &values),
            "note {figure} {x: {other} {"
        );
        assert_eq!(fill("{{figure}}", &values), "{12%}");
        assert_eq!(fill("no placeholders", &values), "no placeholders");
        assert_eq!(fill("", &values), "");
    }
}
