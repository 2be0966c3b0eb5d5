//! Rule files: the schema, the built-in rules embedded in the binary, and the layering
//! built-in < `claimlint.toml` < `--rules`.
//!
//! One rule per TOML file. The file names its check `kind` in a `[check]` table; the loader
//! reads `kind` first, then parses the whole file again with that kind's parameter struct, so
//! that an unknown key or a wrong type is reported at its line and column.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use regex::Regex;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::claim::Kind;
use crate::diagnostic::Severity;
use crate::error::{Error, Result};

/// The built-in rule files, embedded. A test checks that every file under `rules/` is here.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "rules/footnote/undefined.toml",
        include_str!("../rules/footnote/undefined.toml"),
    ),
    (
        "rules/footnote/unused.toml",
        include_str!("../rules/footnote/unused.toml"),
    ),
    (
        "rules/footnote/sequence.toml",
        include_str!("../rules/footnote/sequence.toml"),
    ),
    (
        "rules/footnote/duplicate.toml",
        include_str!("../rules/footnote/duplicate.toml"),
    ),
    (
        "rules/footnote/empty.toml",
        include_str!("../rules/footnote/empty.toml"),
    ),
    (
        "rules/citation/missing.toml",
        include_str!("../rules/citation/missing.toml"),
    ),
    (
        "rules/consistency/restated.toml",
        include_str!("../rules/consistency/restated.toml"),
    ),
    (
        "rules/consistency/part-whole.toml",
        include_str!("../rules/consistency/part-whole.toml"),
    ),
    (
        "rules/consistency/share-sum.toml",
        include_str!("../rules/consistency/share-sum.toml"),
    ),
    (
        "rules/consistency/percent-bounds.toml",
        include_str!("../rules/consistency/percent-bounds.toml"),
    ),
    (
        "rules/consistency/range-order.toml",
        include_str!("../rules/consistency/range-order.toml"),
    ),
    (
        "rules/consistency/acronym.toml",
        include_str!("../rules/consistency/acronym.toml"),
    ),
    (
        "rules/consistency/arithmetic.toml",
        include_str!("../rules/consistency/arithmetic.toml"),
    ),
    (
        "rules/fact/reference.toml",
        include_str!("../rules/fact/reference.toml"),
    ),
    (
        "rules/ledger/drift.toml",
        include_str!("../rules/ledger/drift.toml"),
    ),
    (
        "rules/ledger/unreviewed.toml",
        include_str!("../rules/ledger/unreviewed.toml"),
    ),
    (
        "rules/ledger/stale.toml",
        include_str!("../rules/ledger/stale.toml"),
    ),
    (
        "rules/suppression/no-reason.toml",
        include_str!("../rules/suppression/no-reason.toml"),
    ),
    (
        "rules/suppression/unused.toml",
        include_str!("../rules/suppression/unused.toml"),
    ),
];

/// One rule, ready to run.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub severity: Severity,
    pub enabled: bool,
    pub summary: String,
    /// The message template; `{name}` placeholders are filled by the check.
    pub message: String,
    pub help: Option<String>,
    /// The rule's documentation: what it checks, why, its parameters.
    pub description: String,
    pub check: CheckKind,
    pub examples: Vec<Example>,
    /// The rule file it came from (`rules/…` for built-ins).
    pub origin: String,
    /// The `[check]` table as written, for layering parameters from a config.
    check_table: toml::Table,
}

/// An example in a rule file, run by the test harness.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub text: String,
    pub fires: bool,
    /// `text` (default) or `markdown`.
    #[serde(default)]
    pub format: Option<String>,
}

/// The closed list of check kinds: a new kind is a new file in `check/`, one variant, one arm.
#[derive(Debug, Clone)]
pub enum CheckKind {
    FootnoteUndefined,
    FootnoteUnused,
    FootnoteSequence,
    FootnoteDuplicate,
    FootnoteEmpty,
    Citation(CitationParams),
    Restated(RestatedParams),
    PartWhole,
    ShareSum(ShareSumParams),
    PercentBounds,
    RangeOrder,
    Acronym,
    Arithmetic(ArithmeticParams),
    Reference(ReferenceParams),
    Pattern(PatternParams),
    /// The ledger kinds run only when `check --ledger` gives a ledger.
    LedgerDrift,
    LedgerUnreviewed,
    LedgerStale,
    /// The suppression kinds judge the other rules' findings, after they ran.
    SuppressionReason,
    SuppressionUnused,
}

impl CheckKind {
    /// Whether the kind needs a ledger (and so has no examples a plain document can show).
    #[must_use]
    pub const fn needs_ledger(&self) -> bool {
        matches!(
            self,
            Self::LedgerDrift | Self::LedgerUnreviewed | Self::LedgerStale
        )
    }

    /// Whether the kind judges the findings of the other rules (run after them).
    #[must_use]
    pub const fn is_meta(&self) -> bool {
        matches!(self, Self::SuppressionReason | Self::SuppressionUnused)
    }
}

/// A check with no parameters.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct NoParams {
    #[expect(dead_code, reason = "read by the probe; here only so the key is allowed")]
    kind: String,
}

/// Which sentences a footnote marker covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Coverage {
    /// Its own sentence and the sentences before it in its block, back to the previous marker.
    #[default]
    Block,
    /// Its own sentence only.
    Sentence,
    /// Every sentence of its block.
    Paragraph,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CitationParams {
    #[serde(default, rename = "kind")]
    _kind: String,
    /// Claim kinds that need a source.
    #[serde(default = "CitationParams::default_kinds")]
    pub kinds: Vec<String>,
    /// Counts and quantities below this absolute value need no source.
    #[serde(default = "CitationParams::default_min_value")]
    pub min_value: f64,
    #[serde(default)]
    pub coverage: Coverage,
    /// Table cells need no source of their own (the table's caption or note cites them).
    #[serde(default = "yes")]
    pub exempt_table_cells: bool,
}

impl CitationParams {
    fn default_kinds() -> Vec<String> {
        ["money", "percent", "count", "quantity"]
            .map(str::to_owned)
            .to_vec()
    }

    const fn default_min_value() -> f64 {
        100.0
    }

    /// Whether claims of `kind` are ones this rule looks at.
    #[must_use]
    pub fn covers(&self, kind: Kind) -> bool {
        self.kinds.iter().any(|k| k == kind.name())
    }
}

const fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RestatedParams {
    #[serde(default, rename = "kind")]
    _kind: String,
    /// Claim kinds compared.
    #[serde(default = "RestatedParams::default_kinds")]
    pub kinds: Vec<String>,
}

impl RestatedParams {
    fn default_kinds() -> Vec<String> {
        ["money", "percent", "count", "quantity"]
            .map(str::to_owned)
            .to_vec()
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShareSumParams {
    #[serde(default, rename = "kind")]
    _kind: String,
    /// Percentage points a sum may exceed 100 beyond the rounding of its shares.
    #[serde(default)]
    pub tolerance: f64,
    /// Fewest shares listed together before their sum is checked.
    #[serde(default = "ShareSumParams::default_min_shares")]
    pub min_shares: usize,
}

impl ShareSumParams {
    const fn default_min_shares() -> usize {
        3
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArithmeticParams {
    #[serde(default, rename = "kind")]
    _kind: String,
    /// Relative slack allowed beyond the rounding of the figures (0.01 = 1 %).
    #[serde(default)]
    pub tolerance: f64,
}

/// A reference fact: a pattern that finds the subject, what is true of it, and a source.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub subject: String,
    /// A regular expression that finds the subject in a sentence.
    pub pattern: String,
    /// First and last year, for a period.
    #[serde(default)]
    pub period: Option<[i32; 2]>,
    /// A value, with its unit (absent for counts).
    #[serde(default)]
    pub value: Option<f64>,
    #[serde(default)]
    pub unit: Option<String>,
    /// Relative tolerance of a value (0.05 = 5 %).
    #[serde(default)]
    pub tolerance: f64,
    /// The years the fact holds for (inclusive); outside them it is not checked.
    #[serde(default)]
    pub valid_from: Option<i32>,
    #[serde(default)]
    pub valid_until: Option<i32>,
    pub source: String,
    #[serde(skip)]
    pub regex: Option<Regex>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceParams {
    #[serde(default, rename = "kind")]
    _kind: String,
    #[serde(default)]
    pub fact: Vec<Fact>,
}

/// A user rule that needs no Rust: a regular expression on the sentence and/or a condition on
/// claims.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternParams {
    #[serde(default, rename = "kind")]
    _kind: String,
    /// A regular expression the sentence must match.
    #[serde(default)]
    pub pattern: Option<String>,
    /// Claim conditions; any given must hold for a claim of the sentence.
    #[serde(default)]
    pub kinds: Vec<String>,
    #[serde(default)]
    pub units: Vec<String>,
    #[serde(default)]
    pub qualifiers: Vec<String>,
    #[serde(default)]
    pub modalities: Vec<String>,
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub max: Option<f64>,
    /// `false`: only claims no footnote covers; `true`: only covered ones.
    #[serde(default)]
    pub cited: Option<bool>,
    #[serde(skip)]
    pub regex: Option<Regex>,
}

impl PatternParams {
    /// Whether any claim condition is set (else the rule fires per matching sentence).
    #[must_use]
    pub fn has_claim_condition(&self) -> bool {
        !self.kinds.is_empty()
            || !self.units.is_empty()
            || !self.qualifiers.is_empty()
            || !self.modalities.is_empty()
            || self.min.is_some()
            || self.max.is_some()
            || self.cited.is_some()
    }
}

/// The fields of a rule file, with the check's parameter struct `C`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile<C> {
    id: String,
    severity: String,
    summary: String,
    message: String,
    #[serde(default)]
    help: Option<String>,
    #[serde(default)]
    description: String,
    check: C,
    #[serde(default)]
    example: Vec<Example>,
}

/// Reads only the check's kind, to pick the parameter struct.
#[derive(Deserialize)]
struct Probe {
    check: ProbeCheck,
}

#[derive(Deserialize)]
struct ProbeCheck {
    kind: toml::Spanned<String>,
}

/// The check kinds, by the name rule files give them.
pub const CHECK_KINDS: &[&str] = &[
    "footnote-undefined",
    "footnote-unused",
    "footnote-sequence",
    "footnote-duplicate",
    "footnote-empty",
    "citation",
    "restated",
    "part-whole",
    "share-sum",
    "percent-bounds",
    "range-order",
    "acronym",
    "arithmetic",
    "reference",
    "pattern",
    "ledger-drift",
    "ledger-unreviewed",
    "ledger-stale",
    "suppression-reason",
    "suppression-unused",
];

/// An error in a rule or config file, with its place.
fn file_error(path: &str, source: &str, offset: Option<usize>, message: impl Into<String>) -> Error {
    let (line, column) = offset.map_or((1, 1), |offset| line_column(source, offset));
    Error::RuleFile {
        path: PathBuf::from(path),
        line,
        column,
        message: message.into(),
        source_text: source.to_owned(),
        offset,
    }
}

fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let offset = crate::span::floor_char_boundary(source, offset.min(source.len()));
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn toml_error(path: &str, source: &str, error: &toml::de::Error) -> Error {
    file_error(
        path,
        source,
        error.span().map(|s| s.start),
        error.message().to_owned(),
    )
}

/// Parses a typed rule file (from the whole source, for positions) or a merged `[check]`
/// table (after a config changed parameters).
fn typed<C: DeserializeOwned>(origin: &str, source: &str, table: Option<&toml::Table>) -> Result<C> {
    match table {
        None => toml::from_str::<RuleFile<C>>(source)
            .map(|file| file.check)
            .map_err(|e| toml_error(origin, source, &e)),
        Some(table) => toml::Value::Table(table.clone()).try_into::<C>().map_err(|e| {
            file_error(
                origin,
                source,
                None,
                format!("in the parameters of this rule: {}", e.message()),
            )
        }),
    }
}

fn compile(origin: &str, source: &str, pattern: &str) -> Result<Regex> {
    Regex::new(pattern).map_err(|e| {
        let offset = source
            .find(&pattern.replace('\\', "\\\\"))
            .or_else(|| source.find(pattern));
        file_error(origin, source, offset, format!("invalid regular expression: {e}"))
    })
}

fn build_check(kind: &str, origin: &str, source: &str, table: Option<&toml::Table>) -> Result<CheckKind> {
    Ok(match kind {
        "footnote-undefined" => {
            typed::<NoParams>(origin, source, table).map(|_| CheckKind::FootnoteUndefined)?
        }
        "footnote-unused" => typed::<NoParams>(origin, source, table).map(|_| CheckKind::FootnoteUnused)?,
        "footnote-sequence" => {
            typed::<NoParams>(origin, source, table).map(|_| CheckKind::FootnoteSequence)?
        }
        "footnote-duplicate" => {
            typed::<NoParams>(origin, source, table).map(|_| CheckKind::FootnoteDuplicate)?
        }
        "footnote-empty" => typed::<NoParams>(origin, source, table).map(|_| CheckKind::FootnoteEmpty)?,
        "citation" => {
            let params: CitationParams = typed(origin, source, table)?;
            check_kind_names(origin, source, &params.kinds)?;
            CheckKind::Citation(params)
        }
        "restated" => {
            let params: RestatedParams = typed(origin, source, table)?;
            check_kind_names(origin, source, &params.kinds)?;
            CheckKind::Restated(params)
        }
        "part-whole" => typed::<NoParams>(origin, source, table).map(|_| CheckKind::PartWhole)?,
        "share-sum" => CheckKind::ShareSum(typed(origin, source, table)?),
        "percent-bounds" => typed::<NoParams>(origin, source, table).map(|_| CheckKind::PercentBounds)?,
        "range-order" => typed::<NoParams>(origin, source, table).map(|_| CheckKind::RangeOrder)?,
        "acronym" => typed::<NoParams>(origin, source, table).map(|_| CheckKind::Acronym)?,
        "arithmetic" => CheckKind::Arithmetic(typed(origin, source, table)?),
        "reference" => {
            let mut params: ReferenceParams = typed(origin, source, table)?;
            for fact in &mut params.fact {
                fact.regex = Some(compile(origin, source, &fact.pattern)?);
                if fact.period.is_none() && fact.value.is_none() {
                    let offset = source.find(&fact.subject);
                    return Err(file_error(
                        origin,
                        source,
                        offset,
                        "a fact needs a `period` or a `value`",
                    ));
                }
            }
            CheckKind::Reference(params)
        }
        "pattern" => {
            let mut params: PatternParams = typed(origin, source, table)?;
            check_kind_names(origin, source, &params.kinds)?;
            if let Some(pattern) = &params.pattern {
                params.regex = Some(compile(origin, source, pattern)?);
            } else if !params.has_claim_condition() {
                let offset = source.find("[check]");
                return Err(file_error(
                    origin,
                    source,
                    offset,
                    "a pattern rule needs a `pattern` or a claim condition",
                ));
            }
            CheckKind::Pattern(params)
        }
        "ledger-drift" => typed::<NoParams>(origin, source, table).map(|_| CheckKind::LedgerDrift)?,
        "ledger-unreviewed" => {
            typed::<NoParams>(origin, source, table).map(|_| CheckKind::LedgerUnreviewed)?
        }
        "ledger-stale" => typed::<NoParams>(origin, source, table).map(|_| CheckKind::LedgerStale)?,
        "suppression-reason" => {
            typed::<NoParams>(origin, source, table).map(|_| CheckKind::SuppressionReason)?
        }
        "suppression-unused" => {
            typed::<NoParams>(origin, source, table).map(|_| CheckKind::SuppressionUnused)?
        }
        other => {
            return Err(file_error(
                origin,
                source,
                source.find(other),
                format!(
                    "unknown check kind `{other}`; expected one of {}",
                    CHECK_KINDS.join(", ")
                ),
            ));
        }
    })
}

fn check_kind_names(origin: &str, source: &str, kinds: &[String]) -> Result<()> {
    const KINDS: [&str; 9] = [
        "count", "percent", "money", "quantity", "year", "period", "date", "ordinal", "duration",
    ];
    for kind in kinds {
        if !KINDS.contains(&kind.as_str()) {
            return Err(file_error(
                origin,
                source,
                source.find(&format!("\"{kind}\"")),
                format!(
                    "unknown claim kind `{kind}`; expected one of {}",
                    KINDS.join(", ")
                ),
            ));
        }
    }
    Ok(())
}

/// Parses one rule file.
pub fn parse_rule(origin: &str, source: &str) -> Result<Rule> {
    let probe: Probe = toml::from_str(source).map_err(|e| toml_error(origin, source, &e))?;
    let kind = probe.check.kind.get_ref().clone();
    if !CHECK_KINDS.contains(&kind.as_str()) {
        return Err(file_error(
            origin,
            source,
            Some(probe.check.kind.span().start),
            format!(
                "unknown check kind `{kind}`; expected one of {}",
                CHECK_KINDS.join(", ")
            ),
        ));
    }
    let check = build_check(&kind, origin, source, None)?;
    let file: RuleFile<toml::Table> = toml::from_str(source).map_err(|e| toml_error(origin, source, &e))?;
    let at = |key: &str| source.find(&format!("{key} ="));
    let (severity, enabled) = match file.severity.as_str() {
        "off" => (Severity::Warning, false),
        other => match Severity::parse(other) {
            Some(severity) => (severity, true),
            None => {
                return Err(file_error(
                    origin,
                    source,
                    at("severity"),
                    format!("unknown severity `{other}`; expected error, warning, info or off"),
                ));
            }
        },
    };
    let valid_id = file.id.split_once('/').is_some_and(|(family, name)| {
        let ok = |part: &str| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        };
        ok(family) && ok(name)
    });
    if !valid_id {
        return Err(file_error(
            origin,
            source,
            at("id"),
            format!("rule id `{}` is not of the form family/name", file.id),
        ));
    }
    Ok(Rule {
        id: file.id,
        severity,
        enabled,
        summary: file.summary,
        message: file.message,
        help: file.help,
        description: file.description,
        check,
        examples: file.example,
        origin: origin.to_owned(),
        check_table: file.check,
    })
}

/// The rules in force, sorted by id.
#[derive(Debug, Clone)]
pub struct RuleSet {
    rules: Vec<Rule>,
    /// Rule file sources by origin, for re-parsing parameters changed by a config.
    sources: BTreeMap<String, String>,
}

impl RuleSet {
    /// The built-in rules.
    pub fn builtin() -> Result<Self> {
        let mut set = Self {
            rules: Vec::new(),
            sources: BTreeMap::new(),
        };
        for (origin, source) in BUILTIN {
            set.add(parse_rule(origin, source)?, source);
        }
        Ok(set)
    }

    fn add(&mut self, rule: Rule, source: &str) {
        self.sources.insert(rule.origin.clone(), source.to_owned());
        match self.rules.binary_search_by(|r| r.id.cmp(&rule.id)) {
            Ok(index) => self.rules[index] = rule,
            Err(index) => self.rules.insert(index, rule),
        }
    }

    /// Adds the rule files at `path` (a file or a folder of `.toml` files), replacing built-in
    /// rules of the same id.
    pub fn add_path(&mut self, path: &Path) -> Result<Vec<String>> {
        let mut files = Vec::new();
        if path.is_dir() {
            collect_toml(path, &mut files)?;
        } else {
            files.push(path.to_path_buf());
        }
        let mut added = Vec::new();
        for file in files {
            let source = std::fs::read_to_string(&file).map_err(|source| Error::Read {
                path: file.clone(),
                source,
            })?;
            let origin = file.to_string_lossy().into_owned();
            let rule = parse_rule(&origin, &source)?;
            added.push(rule.id.clone());
            self.add(rule, &source);
        }
        Ok(added)
    }

    /// Applies a config: severities, switches and parameters. Rules in `protected` (read from
    /// `--rules`, which layer over the config) keep their own.
    pub fn apply(&mut self, config: &Config, protected: &BTreeSet<String>) -> Result<()> {
        for (id, (severity, offset)) in &config.severities {
            if protected.contains(id) {
                continue;
            }
            let Some(rule) = self.rules.iter_mut().find(|r| &r.id == id) else {
                return Err(file_error(
                    &config.path,
                    &config.source,
                    Some(*offset),
                    format!("unknown rule `{id}`"),
                ));
            };
            if severity == "off" {
                rule.enabled = false;
            } else if let Some(parsed) = Severity::parse(severity) {
                rule.severity = parsed;
                rule.enabled = true;
            } else {
                return Err(file_error(
                    &config.path,
                    &config.source,
                    Some(*offset),
                    format!("unknown severity `{severity}` for `{id}`; expected error, warning, info or off"),
                ));
            }
        }
        for (id, (params, offset)) in &config.params {
            if protected.contains(id) {
                continue;
            }
            let Some(rule) = self.rules.iter_mut().find(|r| &r.id == id) else {
                return Err(file_error(
                    &config.path,
                    &config.source,
                    Some(*offset),
                    format!("unknown rule `{id}`"),
                ));
            };
            let mut table = rule.check_table.clone();
            for (key, value) in params {
                if key == "kind" {
                    return Err(file_error(
                        &config.path,
                        &config.source,
                        Some(*offset),
                        "a config cannot change a rule's kind",
                    ));
                }
                table.insert(key.clone(), value.clone());
            }
            let kind = table
                .get("kind")
                .and_then(toml::Value::as_str)
                .unwrap_or_default()
                .to_owned();
            rule.check =
                build_check(&kind, &config.path, &config.source, Some(&table)).map_err(
                    |error| match error {
                        Error::RuleFile { path, message, .. } => {
                            let (line, column) = line_column(&config.source, *offset);
                            Error::RuleFile {
                                path,
                                line,
                                column,
                                message: format!("`{id}`: {message}"),
                                source_text: config.source.clone(),
                                offset: Some(*offset),
                            }
                        }
                        other => other,
                    },
                )?;
            rule.check_table = table;
        }
        Ok(())
    }

    /// Every rule, enabled or not, by id.
    #[must_use]
    pub fn all(&self) -> &[Rule] {
        &self.rules
    }

    /// The enabled rules, by id.
    pub fn enabled(&self) -> impl Iterator<Item = &Rule> {
        self.rules.iter().filter(|r| r.enabled)
    }

    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// The source of the rule file a rule came from.
    #[must_use]
    pub fn source_of(&self, rule: &Rule) -> Option<&str> {
        self.sources.get(&rule.origin).map(String::as_str)
    }
}

fn collect_toml(folder: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(folder).map_err(|source| Error::Read {
        path: folder.to_path_buf(),
        source,
    })?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect_toml(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    Ok(())
}

/// `claimlint.toml`: paths to skip, rule severities, rule parameters, input limits.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub path: String,
    source: String,
    pub exclude: Vec<String>,
    /// Rule id → severity or "off", with the offset where it is written.
    severities: BTreeMap<String, (String, usize)>,
    /// Rule id → parameter table, with the offset of its header.
    params: BTreeMap<String, (toml::Table, usize)>,
    /// `[limits]`: the input bounds, defaults where not given.
    pub limits: crate::ingest::Limits,
}

/// `[limits]` of a config: sizes in MiB, counts and a ratio, each a positive whole number.
fn parse_limits(path: &str, source: &str, table: &toml::Table, at: usize) -> Result<crate::ingest::Limits> {
    const MIB: u64 = 1024 * 1024;
    let mut limits = crate::ingest::Limits::default();
    for (key, value) in table {
        let offset = source[at..].find(key.as_str()).map_or(at, |i| at + i);
        let number = value
            .as_integer()
            .and_then(|n| u64::try_from(n).ok())
            .filter(|&n| n > 0)
            .ok_or_else(|| {
                file_error(
                    path,
                    source,
                    Some(offset),
                    format!("`{key}` is a positive whole number"),
                )
            })?;
        let too_big = || file_error(path, source, Some(offset), format!("`{key}` is too large"));
        match key.as_str() {
            "document_mib" => limits.document_bytes = number.checked_mul(MIB).ok_or_else(too_big)?,
            "xml_depth" => limits.xml_depth = usize::try_from(number).map_err(|_| too_big())?,
            "docx_entries" => limits.docx_entries = usize::try_from(number).map_err(|_| too_big())?,
            "docx_part_mib" => limits.docx_part_bytes = number.checked_mul(MIB).ok_or_else(too_big)?,
            "docx_total_mib" => limits.docx_total_bytes = number.checked_mul(MIB).ok_or_else(too_big)?,
            "docx_ratio" => limits.docx_ratio = number,
            other => {
                return Err(file_error(
                    path,
                    source,
                    Some(offset),
                    format!(
                        "unknown limit `{other}`; expected document_mib, xml_depth, docx_entries, docx_part_mib, docx_total_mib or docx_ratio"
                    ),
                ));
            }
        }
    }
    Ok(limits)
}

impl Config {
    /// Parses a config file's text.
    pub fn parse(path: &str, source: &str) -> Result<Self> {
        let table: toml::Table = toml::from_str(source).map_err(|e| toml_error(path, source, &e))?;
        let mut config = Self {
            path: path.to_owned(),
            source: source.to_owned(),
            ..Self::default()
        };
        let find = |key: &str| {
            source
                .find(&format!("\"{key}\""))
                .or_else(|| source.find(&format!("{key} =")))
                .or_else(|| source.find(key))
                .unwrap_or(0)
        };
        for (key, value) in table {
            match (key.as_str(), value) {
                ("exclude", toml::Value::Array(items)) => {
                    for item in items {
                        match item {
                            toml::Value::String(glob) => config.exclude.push(glob),
                            _ => {
                                return Err(file_error(
                                    path,
                                    source,
                                    Some(find("exclude")),
                                    "`exclude` holds glob strings",
                                ));
                            }
                        }
                    }
                }
                ("rules", toml::Value::Table(rules)) => {
                    for (id, severity) in rules {
                        let offset = find(&id);
                        match severity {
                            toml::Value::String(severity) => {
                                config.severities.insert(id, (severity, offset));
                            }
                            _ => {
                                return Err(file_error(
                                    path,
                                    source,
                                    Some(offset),
                                    format!(
                                        "`{id}` takes a severity (error, warning, info or off); put its parameters in a table [\"{id}\"]"
                                    ),
                                ));
                            }
                        }
                    }
                }
                ("limits", toml::Value::Table(limits)) => {
                    config.limits = parse_limits(path, source, &limits, find("limits"))?;
                }
                (id, toml::Value::Table(mut params)) if id.contains('/') => {
                    let offset = find(id);
                    if let Some(severity) = params.remove("severity") {
                        let Some(severity) = severity.as_str().map(str::to_owned) else {
                            return Err(file_error(path, source, Some(offset), "`severity` is a string"));
                        };
                        config.severities.insert(id.to_owned(), (severity, offset));
                    }
                    if !params.is_empty() {
                        config.params.insert(id.to_owned(), (params, offset));
                    }
                }
                (other, _) => {
                    return Err(file_error(
                        path,
                        source,
                        Some(find(other)),
                        format!(
                            "unknown key `{other}`; expected `exclude`, `[rules]`, `[limits]` or a rule's table such as [\"citation/missing\"]"
                        ),
                    ));
                }
            }
        }
        Ok(config)
    }

    /// Reads a config file.
    pub fn load(path: &Path) -> Result<Self> {
        let source = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Self::parse(&path.to_string_lossy(), &source)
    }

    /// Finds `claimlint.toml` in `start` or the folders above it.
    #[must_use]
    pub fn find(start: &Path) -> Option<PathBuf> {
        start
            .ancestors()
            .map(|folder| folder.join("claimlint.toml"))
            .find(|path| path.is_file())
    }
}

/// The rule set for a run: built-ins, then the config, then `--rules` paths (a rule read from
/// `--rules` wins over the config's settings for the same id).
pub fn load(config: Option<&Config>, extra: &[PathBuf]) -> Result<RuleSet> {
    let mut set = RuleSet::builtin()?;
    let mut protected = BTreeSet::new();
    for path in extra {
        let added = set.add_path(path)?;
        protected.extend(added);
    }
    if let Some(config) = config {
        set.apply(config, &protected)?;
    }
    Ok(set)
}

/// Ids of the rules a set holds, for messages.
#[must_use]
pub fn ids(set: &RuleSet) -> BTreeSet<String> {
    set.all().iter().map(|r| r.id.clone()).collect()
}
