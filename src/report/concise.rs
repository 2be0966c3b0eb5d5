//! One line per finding, `path:line:column: severity rule message`: the error format editors and
//! review tools parse (vim's `errorformat`, reviewdog's `efm`).

use std::fmt::Write as _;

use crate::diagnostic::Diagnostic;

#[must_use]
pub fn render(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let place = match d.part {
            Some(part) => format!("{} ({part})", super::visible(&d.document)),
            None => super::visible(&d.document).into_owned(),
        };
        let _ = writeln!(
            out,
            "{place}:{}:{}: {} {} {}",
            d.line,
            d.column,
            d.severity.name(),
            d.rule,
            super::visible(&d.message)
        );
    }
    out
}

/// Counts by rule, most first: `--statistics`.
#[must_use]
pub fn statistics(diagnostics: &[Diagnostic]) -> String {
    let mut counts: std::collections::BTreeMap<(&str, &str), usize> = std::collections::BTreeMap::new();
    for d in diagnostics {
        *counts.entry((d.rule.as_str(), d.severity.name())).or_default() += 1;
    }
    let mut rows: Vec<((&str, &str), usize)> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut out = String::new();
    for ((rule, severity), count) in rows {
        let _ = writeln!(out, "{count:>6}  {rule:<28} {severity}");
    }
    out
}
